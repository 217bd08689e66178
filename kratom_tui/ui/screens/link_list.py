"""Every link of the open article (`F`): its text, its target and where it leads; enter follows it."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option


@dataclass(frozen=True)
class LinkEntry:
    text: str
    target: str
    leads_to: str
    """In plain words: another article, a heading, a web address (asks first), or refused and why."""


class LinkListScreen(ModalScreen[str | None]):
    """Dismisses with the chosen link's target, or None."""

    BINDINGS = [Binding("escape,q,F", "dismiss(None)", "Close")]

    def __init__(self, entries: list[LinkEntry]) -> None:
        super().__init__()
        self.entries = entries

    def compose(self) -> ComposeResult:
        with Vertical(id="link-list-dialog") as dialog:
            dialog.border_title = f"Links in this article ({len(self.entries)})"
            dialog.border_subtitle = "enter: follow · escape: close"
            options = [
                Option(Text.assemble((entry.text or "(no text)", "bold"), "\n  ", entry.target, "\n  ", entry.leads_to))
                for entry in self.entries
            ]
            yield OptionList(*options, id="link-list")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.entries[event.option_index].target)
