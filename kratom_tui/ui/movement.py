"""The same movement keys in every scrollable dialog and list: `j`/`k`, `g`/`G`, `space`.

Arrows, `home`/`end` and the page keys come with Textual's widgets; these add the vim-style keys
the reading pane and the sidebar have, under the same binding ids, so a `keys:` setting that moves
them moves them everywhere.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, OptionList


def movement_bindings(down: str, up: str, top: str, bottom: str, page_down: str) -> list[BindingType]:
    return [
        Binding("j", down, "Down", show=False, id="move.down"),
        Binding("k", up, "Up", show=False, id="move.up"),
        Binding("g", top, "Top", show=False, id="move.top"),
        Binding("G", bottom, "Bottom", show=False, id="move.bottom"),
        Binding("space", page_down, "Page down", show=False, id="move.page-down"),
    ]


class ScrollingText(VerticalScroll):
    """A scrollable dialog body (help, welcome)."""

    BINDINGS = movement_bindings("scroll_down", "scroll_up", "scroll_home", "scroll_end", "page_down")


class MovingOptionList(OptionList):
    """A list of choices (contents, search results, problems)."""

    BINDINGS = movement_bindings("cursor_down", "cursor_up", "first", "last", "page_down")


class MovingDataTable(DataTable):
    """A table with a cursor (risk overview)."""

    BINDINGS = movement_bindings("cursor_down", "cursor_up", "scroll_top", "scroll_bottom", "page_down")
