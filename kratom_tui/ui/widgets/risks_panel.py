"""The risks and disclaimers panel of the open article: open by default, `r` folds it to its title."""

from __future__ import annotations

from rich.console import RenderableType
from textual import events
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static


class RisksPanel(VerticalScroll):
    """Scrolls inside when long; CSS caps its height so the article stays readable."""

    BINDINGS = [
        Binding("enter", "toggle", "Fold/unfold", show=False),
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]

    collapsed: reactive[bool] = reactive(False)

    class Toggled(Message):
        def __init__(self, collapsed: bool) -> None:
            self.collapsed = collapsed
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._title = "Risks and disclaimers"

    def compose(self):
        yield Static(id="risks-body")

    def show(self, title: str, body: RenderableType, collapsed: bool) -> None:
        self._title = title
        self.query_one("#risks-body", Static).update(body)
        self.set_reactive(RisksPanel.collapsed, collapsed)
        self._apply()
        self.scroll_home(animate=False)

    def watch_collapsed(self) -> None:
        self._apply()
        self.post_message(self.Toggled(self.collapsed))

    def _apply(self) -> None:
        self.set_class(self.collapsed, "-collapsed")
        arrow = "▸" if self.collapsed else "▾"
        hint = "r to show" if self.collapsed else "r to hide"
        self.border_title = f"{arrow} {self._title}"
        self.border_subtitle = hint

    def action_toggle(self) -> None:
        self.collapsed = not self.collapsed

    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            self.action_toggle()
