"""Readable colours for every Textual theme: the article palette and a few CSS variables.

Themes pick their colours for looks; some of them put text at 2:1 on its background. Every text
colour the reader uses is checked against the backgrounds it is drawn on and moved toward black or
white just far enough to reach WCAG 4.5:1. ANSI themes (`ansi-dark`, `ansi-light`) follow the
terminal's own palette, so their colours stay ANSI names: there the reader picks, among ANSI
colours, one that is readable in Textual's reference palette for that theme.
"""

from __future__ import annotations

from rich.color import Color as RichColor
from rich.terminal_theme import TerminalTheme
from textual.app import App
from textual.color import Color

from kratom_tui.document.contrast import MINIMUM_CONTRAST, RGB, best_text_on, contrast, distance, readable
from kratom_tui.document.palette import Palette

TEXT_VARIABLES = ("text-primary", "text-secondary", "text-accent", "text-warning", "text-error", "text-success")
"""Theme variables used as text colours on the screen, the sidebar and the dialogs."""
MATCH_DISTANCE = 150
"""How far the current match's background must be from the other matches' (see contrast.distance)."""
ANSI_TEXT = ("red", "green", "yellow", "blue", "magenta", "cyan", "white", "black")


def _ansi_name(value: str) -> str:
    """`ansi_bright_red` -> `bright_red`, the name Rich uses; `ansi_default` -> `default`."""
    return value.split()[0].removeprefix("ansi_")


class ThemeColors:
    """Resolves a theme's CSS variables to RGB, as a terminal with the reference ANSI palette shows them."""

    def __init__(self, variables: dict[str, str], ansi: bool, terminal: TerminalTheme) -> None:
        self.variables = variables
        self.ansi = ansi
        self.terminal = terminal

    def rgb(self, value: str, foreground: bool = True, under: RGB | None = None) -> RGB:
        """A colour value (`#hex`, `ansi_x`, `auto 87%`, `$name 50%` style) drawn over `under`."""
        name, _, alpha_text = value.strip().partition(" ")
        alpha = float(alpha_text.rstrip("%")) / 100 if alpha_text else 1.0
        under = under or self.background
        if name == "auto":
            base = best_text_on(under)
        elif name.startswith("ansi_"):
            red, green, blue = RichColor.parse(_ansi_name(name)).get_truecolor(self.terminal, foreground)
            base = (red, green, blue)
        else:
            color = Color.parse(name)
            base, alpha = color.rgb, alpha * color.a
        return tuple(round(b + (f - b) * alpha) for f, b in zip(base, under, strict=True))  # type: ignore[return-value]

    def var(self, name: str, foreground: bool = True, under: RGB | None = None) -> RGB:
        return self.rgb(self.variables[name], foreground, under)

    @property
    def background(self) -> RGB:
        name, _, _ = self.variables["background"].partition(" ")
        if name.startswith("ansi_"):
            return self.rgb(name, foreground=False, under=(0, 0, 0))
        return Color.parse(name).rgb

    @property
    def backgrounds(self) -> list[RGB]:
        """Where text goes: the screen, the sidebar and dialogs (surface), panels."""
        return [self.background, *(self.var(name, False) for name in ("surface", "panel"))]

    def readable_on_all(self, color: RGB, backgrounds: list[RGB]) -> RGB:
        for _ in range(4):
            for background in backgrounds:
                color = readable(color, background)
        return color

    def ansi_choice(self, preferred: str, backgrounds: list[RGB]) -> str:
        """`preferred` (an ANSI name) if readable on every background, else the closest readable one."""
        wanted = self.rgb(preferred)
        candidates = [_ansi_name(preferred)] + [f"bright_{n}" for n in ANSI_TEXT] + list(ANSI_TEXT) + ["default"]

        def score(name: str) -> tuple[bool, float]:
            rgb = self.rgb("ansi_" + name)
            worst = min(contrast(rgb, background) for background in backgrounds)
            return worst >= MINIMUM_CONTRAST, -distance(rgb, wanted) if worst >= MINIMUM_CONTRAST else worst

        return max(candidates, key=score)


def _colors(app: App, variables: dict[str, str]) -> ThemeColors:
    theme = app.current_theme
    terminal = app.ansi_theme_dark if theme.dark else app.ansi_theme_light
    return ThemeColors(variables, theme.ansi, terminal)


def readable_variables(app: App, variables: dict[str, str]) -> dict[str, str]:
    """The theme's variables with its text colours and its cursor made readable (4.5:1)."""
    colors = _colors(app, variables)
    backgrounds = colors.backgrounds
    changed = dict(variables)
    for name in TEXT_VARIABLES:
        if colors.ansi:
            changed[name] = "ansi_" + colors.ansi_choice(variables[name], backgrounds)
        else:
            changed[name] = Color(*colors.readable_on_all(colors.var(name), backgrounds)).hex
    cursor = colors.var("block-cursor-background", foreground=False)
    text = colors.var("block-cursor-foreground", under=cursor)
    if variables["block-cursor-foreground"].startswith("auto") and not colors.ansi:
        # Textual's own `auto` pick can land on the weaker of black and white.
        changed["block-cursor-foreground"] = Color(*best_text_on(cursor)).hex
    elif contrast(text, cursor) < MINIMUM_CONTRAST:
        changed["block-cursor-foreground"] = (
            "ansi_" + colors.ansi_choice(variables["block-cursor-foreground"], [cursor])
            if colors.ansi
            else Color(*readable(text, cursor)).hex
        )
    return changed


class ReadableThemes(App):
    """Mixed into the reader app: every theme's variables pass through `readable_variables`."""

    def get_css_variables(self) -> dict[str, str]:
        return readable_variables(self, super().get_css_variables())


def _match_colors(colors: ThemeColors, as_name) -> tuple[str, str, str, str]:
    """Backgrounds and texts of other matches and of the current match, told apart by hue."""
    match = colors.var("warning")
    candidates = ["accent", "primary", "secondary", "error", "success"]
    current_name = next(
        (name for name in candidates if distance(colors.var(name), match) >= MATCH_DISTANCE), "foreground"
    )
    current = colors.var(current_name)
    if colors.ansi:
        black, white = colors.rgb("ansi_black"), colors.rgb("ansi_bright_white")

        def text_on(background: RGB) -> str:
            return "black" if contrast(black, background) >= contrast(white, background) else "bright_white"

        return (
            _ansi_name(colors.variables["warning"]),
            text_on(match),
            _ansi_name(colors.variables[current_name]),
            text_on(current),
        )
    return as_name(match), as_name(best_text_on(match)), as_name(current), as_name(best_text_on(current))


def palette_for(app: App) -> Palette:
    """The article palette of the app's current theme; every text colour reads at 4.5:1 or better."""
    variables = app.get_css_variables()
    colors = _colors(app, variables)
    background = colors.background
    code_background = colors.var("surface-lighten-1" if app.current_theme.dark else "surface-darken-1", False)

    def hex_of(rgb: RGB) -> str:
        return Color(*rgb).hex

    def text(name: str, on: list[RGB] | None = None) -> str:
        on = on or [background]
        if colors.ansi:
            return colors.ansi_choice(variables[name], on)
        return hex_of(colors.readable_on_all(colors.rgb(variables[name], under=background), on))

    match, on_match, current, on_current = _match_colors(colors, hex_of)
    return Palette.from_colors(
        primary=text("text-primary"),
        secondary=text("text-secondary"),
        accent=text("text-accent", [background, code_background]),
        muted=text("foreground-muted"),
        code_background="default" if colors.ansi else hex_of(code_background),
        low=text("text-success"),
        moderate=text("text-warning"),
        high=text("text-error"),
        match=match,
        on_match=on_match,
        current_match=current,
        on_current_match=on_current,
    )
