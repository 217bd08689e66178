"""The table of contents: pick a heading of the open article to jump to it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList
from textual.widgets.option_list import Option

from kratom_tui.document.markdown import Heading
from kratom_tui.ui.movement import MovingOptionList


class ContentsScreen(ModalScreen[int | None]):
    """Dismisses with the number the chosen heading came with, or None."""

    BINDINGS = [Binding("escape,t", "dismiss(None)", "Close", id="dialog.close")]

    def __init__(self, headings: list[tuple[int, Heading]]) -> None:
        super().__init__()
        self.headings = headings

    def compose(self) -> ComposeResult:
        options = [
            Option(Text("  " * (heading.level - 1) + heading.text), id=str(line)) for line, heading in self.headings
        ]
        contents = MovingOptionList(*options, id="contents")
        contents.border_title = "Contents"
        if not options:
            contents.add_option(Option(Text("This article has no headings."), disabled=True))
        yield contents
        yield Footer(compact=True)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id) if event.option.id is not None else None)
