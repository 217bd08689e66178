"""Every built-in Textual theme launches, and what the reader draws in it reads at WCAG 4.5:1.

Colours are taken from what the app resolved (widget styles, the article palette), and ANSI colours
through the reference terminal palette Textual uses for that theme.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.color import Color as RichColor
from rich.style import Style
from textual.app import App
from textual.color import Color

from kratom_tui.document.contrast import MINIMUM_CONTRAST, contrast, distance
from kratom_tui.library import load_library
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp
from kratom_tui.ui.theme_palette import MATCH_DISTANCE
from kratom_tui.ui.widgets.library_tree import LibraryTree

THEMES = sorted(App().available_themes)


def terminal(app: App):
    return app.ansi_theme_dark if app.current_theme.dark else app.ansi_theme_light


def rich_rgb(app: App, color: RichColor | None, foreground: bool) -> tuple[int, int, int]:
    if color is None:
        color = RichColor.default()
    return tuple(color.get_truecolor(terminal(app), foreground))


def textual_rgb(app: App, color: Color, foreground: bool) -> tuple[int, int, int]:
    return rich_rgb(app, color.rich_color, foreground)


def style_contrast(app: App, style: Style, background: tuple[int, int, int]) -> float:
    text = rich_rgb(app, style.color, True)
    under = rich_rgb(app, style.bgcolor, False) if style.bgcolor is not None else background
    return contrast(text, under)


def test_the_walk_covers_the_ansi_themes() -> None:
    assert {"ansi-dark", "ansi-light", "textual-light", "solarized-light"} <= set(THEMES)


@pytest.mark.parametrize("theme", THEMES)
async def test_theme_launches_and_reads_at_4_5_to_1(small_library: Path, theme: str) -> None:
    app = ReaderApp(load_library(small_library), StateStore())
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = theme
        await pilot.pause()
        await pilot.press("slash", *"article")
        await pilot.pause()
        palette = app.layouts.palette(app.theme)
        view = app.query_one("#article")
        background = textual_rgb(app, view.styles.background, False)
        checks = {
            "current match": palette.current_match,
            "other matches": palette.match,
            "link": palette.link,
            "code": palette.code,
            **{f"severity {level}": style for level, style in palette.severity.items()},
        }
        for role, style in checks.items():
            ratio = style_contrast(app, style, background)
            assert ratio >= MINIMUM_CONTRAST, f"{theme}: {role} at {ratio:.2f}:1"
        current_bg = rich_rgb(app, palette.current_match.bgcolor, False)
        other_bg = rich_rgb(app, palette.match.bgcolor, False)
        assert distance(current_bg, other_bg) >= MATCH_DISTANCE, f"{theme}: current match looks like the others"
        assert app.pane.finder.active and app.pane.view.current_match is not None

        risks = app.query_one("#risks")
        title = contrast(
            textual_rgb(app, risks.styles.border_title_color, True), textual_rgb(app, risks.styles.background, False)
        )
        assert title >= MINIMUM_CONTRAST, f"{theme}: risks panel title at {title:.2f}:1"

        tree = app.query_one(LibraryTree)
        tree.focus()
        await pilot.pause()
        cursor = tree.get_component_rich_style("tree--cursor")
        ratio = style_contrast(app, cursor, background)
        assert ratio >= MINIMUM_CONTRAST, f"{theme}: focused sidebar item at {ratio:.2f}:1"
