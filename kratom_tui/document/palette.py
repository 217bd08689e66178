"""The styles a rendered article uses, by role, so one renderer serves every theme."""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style


@dataclass(frozen=True)
class Palette:
    heading: tuple[Style, ...]
    """Styles for heading levels 1..6."""
    strong: Style
    emphasis: Style
    strike: Style
    code: Style
    code_block: Style
    link: Style
    quote: Style
    rule: Style
    muted: Style
    table_header: Style
    title: Style
    notice: Style
    severity: dict[str, Style]
    section: Style
    match: Style
    """A match of the find bar."""
    current_match: Style
    term: Style
    """A word the library's glossary explains: marked, but quieter than a link."""

    @classmethod
    def from_colors(
        cls,
        *,
        primary: str,
        secondary: str,
        accent: str,
        muted: str,
        code_background: str,
        low: str,
        moderate: str,
        high: str,
        match: str = "yellow",
        current_match: str = "bright_magenta",
        on_match: str = "black",
    ) -> Palette:
        return cls(
            heading=(
                Style(color=primary, bold=True, underline=True),
                Style(color=primary, bold=True),
                Style(color=secondary, bold=True),
                Style(color=secondary, bold=True, italic=True),
                Style(bold=True, italic=True),
                Style(italic=True),
            ),
            strong=Style(bold=True),
            emphasis=Style(italic=True),
            strike=Style(strike=True),
            code=Style(color=accent, bgcolor=code_background),
            code_block=Style(bgcolor=code_background),
            link=Style(color=accent, underline=True),
            quote=Style(color=muted, italic=True),
            rule=Style(color=muted),
            muted=Style(color=muted),
            table_header=Style(color=secondary, bold=True),
            title=Style(color=primary, bold=True),
            notice=Style(color=moderate, bold=True),
            severity={
                "high": Style(color=high, bold=True),
                "moderate": Style(color=moderate, bold=True),
                "low": Style(color=low, bold=True),
            },
            section=Style(color=secondary, bold=True),
            match=Style(color=on_match, bgcolor=match),
            current_match=Style(color=on_match, bgcolor=current_match, bold=True, underline=True),
            term=Style(underline=True),
        )


TERMINAL = Palette.from_colors(
    primary="bright_cyan",
    secondary="cyan",
    accent="bright_magenta",
    muted="bright_black",
    code_background="grey15",
    low="green",
    moderate="yellow",
    high="bright_red",
)
"""For `show`: the terminal's own named colours, so it suits light and dark terminals alike."""
