"""One of the library's own entries, a safety note or a glossary term, opened from the search results."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

from kratom_tui.library.glossary import Term
from kratom_tui.library.safety_notes import SafetyNote
from kratom_tui.ui.copyable import CopyableStatic


def entry_renderable(entry: SafetyNote | Term) -> Group:
    if isinstance(entry, SafetyNote):
        return Group(Text(entry.text), Text(), Text(entry.citation(), style="dim"))
    return Group(Text(entry.definition), Text(), Text(entry.citation(), style="dim"))


class LibraryEntryScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q", "dismiss", "Close", id="dialog.close")]

    def __init__(self, entry: SafetyNote | Term) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="about-dialog") as dialog:
            if isinstance(self.entry, SafetyNote):
                dialog.border_title = f"Library safety note: {self.entry.short}"
            else:
                dialog.border_title = f"Glossary: {self.entry.term}"
            dialog.border_subtitle = "escape to close"
            yield CopyableStatic(entry_renderable(self.entry))
