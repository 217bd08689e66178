"""A one-line-per-item list that draws only the rows on screen, for lists of any length.

Textual's `OptionList` and `DataTable` measure every item when it is added, which costs about a
second for 10,000 articles; this list renders a row only when it is painted, so opening it costs
the same for ten items or a hundred thousand.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from kratom_tui.ui.movement import movement_bindings

Item = TypeVar("Item")


class VirtualList(ScrollView, Generic[Item], can_focus=True):
    """Items drawn by `describe(item)` as one line each; a cursor moves with the usual keys."""

    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False, id="move.up"),
        Binding("down", "move(1)", "Down", show=False, id="move.down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="move.page-up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="move.page-down"),
        Binding("home", "first", "First", show=False, id="move.top"),
        Binding("end", "last", "Last", show=False, id="move.bottom"),
        Binding("enter", "select", "Open", show=False, id="list.open"),
        *movement_bindings("move(1)", "move(-1)", "first", "last", "page(1)"),
    ]
    COMPONENT_CLASSES = {"virtual-list--cursor"}

    cursor: reactive[int] = reactive(0)

    class Highlighted(Message):
        """The cursor moved to `index`."""

        def __init__(self, virtual_list: VirtualList, index: int) -> None:
            self.virtual_list = virtual_list
            self.index = index
            super().__init__()

        @property
        def control(self) -> VirtualList:
            return self.virtual_list

    class Selected(Highlighted):
        """Enter (or a click) chose the item at `index`."""

    def __init__(self, describe: Callable[[Item], Text], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._describe = describe
        self.items: Sequence[Item] = ()

    def show_items(self, items: Sequence[Item]) -> None:
        """Replace the items; the cursor goes back to the first."""
        self.items = items
        self.virtual_size = Size(self.size.width, len(items))
        self.set_reactive(VirtualList.cursor, 0)
        self.scroll_to(y=0, animate=False)
        self.refresh()
        if items:
            self.post_message(self.Highlighted(self, 0))

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        if index >= len(self.items):
            return Strip.blank(width, self.rich_style)
        line = self._describe(self.items[index])
        line.truncate(width, overflow="ellipsis", pad=True)
        style = self.rich_style
        if index == self.cursor:
            # The cursor's own colours for the whole row: an item's colours (a green "low") can be
            # unreadable on the cursor's background, in light themes above all.
            segments = [Segment(line.plain, style + self.get_component_rich_style("virtual-list--cursor"))]
        else:
            segments = [Segment(text, style + segment_style if segment_style else style)
                        for text, segment_style, _ in line.render(self.app.console)]
        return Strip(segments, width).simplify().apply_style(Style.from_meta({"index": index}))

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old - int(self.scroll_y))
        self.refresh_line(new - int(self.scroll_y))
        self.scroll_to_region_line(new)
        self.post_message(self.Highlighted(self, new))

    def scroll_to_region_line(self, index: int) -> None:
        """Keep the cursor's row on screen, moving no further than needed."""
        top, height = int(self.scroll_y), self.scrollable_content_region.height
        if index < top:
            self.scroll_to(y=index, animate=False)
        elif height and index >= top + height:
            self.scroll_to(y=index - height + 1, animate=False)

    def _move_to(self, index: int) -> None:
        if self.items:
            self.cursor = max(0, min(len(self.items) - 1, index))

    def action_move(self, step: int) -> None:
        self._move_to(self.cursor + step)

    def action_page(self, step: int) -> None:
        self._move_to(self.cursor + step * max(1, self.scrollable_content_region.height - 1))

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        self._move_to(len(self.items) - 1)

    def action_select(self) -> None:
        if self.items:
            self.post_message(self.Selected(self, self.cursor))

    def on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("index")
        if isinstance(index, int):
            self.cursor = index
            self.action_select()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self.items))
