"""The find bar: type to highlight matches in the open article, enter for the next one."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label, Static


class FindBar(Horizontal):
    BINDINGS = [
        Binding("escape", "close", "Close", show=True),
        Binding("shift+enter,up", "step(False)", "Previous", show=True),
        Binding("down", "step(True)", "Next", show=False),
    ]

    class Changed(Message):
        def __init__(self, query: str) -> None:
            self.query = query
            super().__init__()

    class Step(Message):
        def __init__(self, forward: bool) -> None:
            self.forward = forward
            super().__init__()

    class Closed(Message):
        pass

    def compose(self) -> ComposeResult:
        yield Label("Find:", id="find-label")
        hint = "text in this article (enter: next, shift+enter: previous)"
        yield Input(placeholder=hint, id="find-input", compact=True)
        yield Static(id="find-count")

    @property
    def input(self) -> Input:
        return self.query_one("#find-input", Input)

    def open(self, query: str | None = None) -> None:
        self.display = True
        if query is not None:
            self.input.value = query
        self.input.focus()
        self.input.select_all()

    def set_count(self, text: str, found: bool) -> None:
        count = self.query_one("#find-count", Static)
        count.update(Text(text))
        count.set_class(not found, "-none")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Step(True))

    def action_step(self, forward: bool) -> None:
        self.post_message(self.Step(forward))

    def action_close(self) -> None:
        self.display = False
        self.post_message(self.Closed())
