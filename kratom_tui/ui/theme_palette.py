"""Build the article Palette from the current Textual theme, so articles follow theme changes."""

from __future__ import annotations

from textual.app import App
from textual.color import Color

from kratom_tui.document.palette import Palette


def palette_for(app: App) -> Palette:
    colors = app.get_css_variables()
    background = Color.parse(colors["background"])
    muted = (background + Color.parse(colors["foreground-muted"])).hex
    return Palette.from_colors(
        primary=colors["text-primary"],
        secondary=colors["text-secondary"] if app.current_theme.dark else colors["secondary"],
        accent=colors["text-accent"] if app.current_theme.dark else colors["accent-darken-2"],
        muted=muted,
        code_background=colors["surface-lighten-1"] if app.current_theme.dark else colors["surface-darken-1"],
        low=colors["text-success"] if app.current_theme.dark else colors["success-darken-2"],
        moderate=colors["text-warning"] if app.current_theme.dark else colors["warning-darken-3"],
        high=colors["text-error"] if app.current_theme.dark else colors["error-darken-1"],
        match=colors["warning"],
        current_match=colors["accent"] if app.current_theme.dark else colors["primary"],
        on_match=colors["background"] if app.current_theme.dark else colors["foreground"],
    )
