"""A one-key question (`m` then a letter, `'` then a letter): the answer is the next letter typed."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class KeyPrompt(ModalScreen[str | None]):
    """Dismisses with a letter a-z (or A-Z), or None on escape or any other key."""

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="key-prompt"):
            yield Static(Text(self.question))

    def on_key(self, event: events.Key) -> None:
        event.stop()
        character = event.character or ""
        self.dismiss(character if len(character) == 1 and character.isascii() and character.isalpha() else None)
