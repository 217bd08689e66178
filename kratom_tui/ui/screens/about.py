"""The About screen (palette, help): the library's aims, authors, review, money and update policy."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

from kratom_tui.library.about import ABOUT
from kratom_tui.ui.copyable import CopyableStatic


def about_renderable() -> Group:
    parts: list[Text] = []
    for heading, text in ABOUT:
        parts += [Text(heading, style="bold"), Text(text), Text()]
    return Group(*parts[:-1])


class AboutScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q", "dismiss", "Close", id="dialog.close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="about-dialog") as dialog:
            dialog.border_title = "About this library"
            dialog.border_subtitle = "escape to close"
            yield CopyableStatic(about_renderable())
