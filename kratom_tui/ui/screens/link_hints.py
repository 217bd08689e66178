"""Link hints (`f`): the pane draws a label over every link on screen; typing a label follows it.

This screen only listens for the letters: it is transparent, so the labelled text stays in view.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static


class LinkHintScreen(ModalScreen[str | None]):
    """Dismisses with the target of the label typed, or None (escape, or no label starts so)."""

    def __init__(self, targets: dict[str, str]) -> None:
        super().__init__()
        self.targets = targets
        self.typed = ""

    def compose(self) -> ComposeResult:
        yield Static(Text("Link hints: type a label to follow that link · escape cancels"), id="hint-bar")

    def on_key(self, event: events.Key) -> None:
        event.stop()
        character = event.character or ""
        if event.key == "escape" or not (len(character) == 1 and character.isalpha()):
            self.dismiss(None)
            return
        self.typed += character.lower()
        if self.typed in self.targets:
            self.dismiss(self.targets[self.typed])
        elif not any(label.startswith(self.typed) for label in self.targets):
            self.notify(f"No link is labelled '{self.typed}'.", severity="warning", markup=False)
            self.dismiss(None)
