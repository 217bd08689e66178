"""What a Line-API view draws over its text: the mouse selection, and marks in the margin.

Textual finds the text under the pointer from an `offset` (character, line) kept in each segment's
style, as its own `Log` widget does; a view that draws its own lines must put it there, draw the
selected span, and give the selected text back. Offsets count characters of the view's plain lines
(the text as shown), so what is copied is the text as read: no styles, no markup, no controls.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Offset
from textual.scroll_view import ScrollView
from textual.selection import Selection

from kratom_tui.document.layout import DocumentLayout
from kratom_tui.document.passages import line_of
from kratom_tui.library.sanitize import strip_controls

MARGIN = 1
"""Cells left of the text (the view's margin)."""
MARGIN_MARK = "▎"
Span = tuple[tuple[int, int], tuple[int, int]]
"""From (block, character) to (block, character) of an article's passages (see `document.passages`)."""


def line_span(selection: Selection, line: int, length: int) -> tuple[int, int] | None:
    """The characters of `line` (of `length`) inside the selection, or None when none are."""
    span = selection.get_span(line)
    if span is None:
        return None
    start, end = span
    end = length if end == -1 else min(end, length)
    return (start, end) if start < end else None


def selected_text(selection: Selection, lines: Sequence[str]) -> str:
    """The selected part of `lines`, one line per line; only the lines it covers are looked at."""
    if not lines:
        return ""
    first = selection.start.y if selection.start is not None else 0
    last = selection.end.y if selection.end is not None else len(lines) - 1
    picked: list[str] = []
    for line in range(max(0, first), min(last, len(lines) - 1) + 1):
        span = line_span(selection, line, len(lines[line]))
        picked.append(lines[line][span[0] : span[1]] if span else "")
    return strip_controls("\n".join(picked))


def with_offsets(segments: list[Segment], line: int) -> list[Segment]:
    """Tag each segment with the column its text starts at, so that the pointer can select it.

    Columns count the margin; pieces of one style are joined first, so the line draws (and exports)
    in as many pieces as it did untagged.
    """
    tagged: list[Segment] = []
    column = 0
    for text, style, control in Segment.simplify(segments):
        meta = _offset_style(column, line)
        tagged.append(Segment(text, style + meta if style else meta, control))
        column += len(text)
    return tagged


@lru_cache(maxsize=4096)
def _offset_style(column: int, line: int) -> Style:
    """The style that carries a position (made once per position: a screen redraws the same lines)."""
    return Style.from_meta({"offset": (column, line)})


def in_text(selection: Selection) -> Selection:
    """A selection of columns (margin included) as one of characters of the lines' text."""

    def shifted(offset: Offset | None) -> Offset | None:
        return None if offset is None else Offset(max(0, offset.x - MARGIN), offset.y)

    return Selection(shifted(selection.start), shifted(selection.end))


def restyle_cells(segments: list[Segment], start: int, end: int, style: Style, width: int) -> list[Segment]:
    """The line with cells `start` to `end` drawn in `style` over their own."""
    before, inside, after = Segment.divide(segments, [start, end, width])
    return [*before, *Segment.apply_style(inside, post_style=style), *after]


class LineExtras(ScrollView):
    """A scroll view of a layout's lines that can be selected with the mouse and marked in the margin."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"article-view--margin-mark"}

    layout_: DocumentLayout | None = None
    marked: tuple[Span, ...] = ()
    """Passages with a mark beside their lines (the reader's notes), as places in the text."""
    _marked_lines: tuple[object, frozenset[int]] = ((), frozenset())

    def mark_margin(self, spans: tuple[Span, ...]) -> None:
        if spans != self.marked:
            self.marked = spans
            self.refresh()

    def marked_lines(self) -> frozenset[int]:
        """The lines beside which a mark is drawn at this width (worked out again after a relayout)."""
        layout = self.layout_
        if layout is None or not self.marked:
            return frozenset()
        key = (id(layout), layout.width, self.marked)
        if self._marked_lines[0] != key:
            lines = {
                line
                for start, end in self.marked
                for line in range(line_of(layout, *start), line_of(layout, *end) + 1)
            }
            self._marked_lines = (key, frozenset(lines))
        return self._marked_lines[1]

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        if self.layout_ is None:
            return None
        return selected_text(in_text(selection), self.layout_.plain), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    def decorate(self, segments: list[Segment], line: int, base: Style) -> list[Segment]:
        """The line (margin first) with its selected span, its margin mark and its offsets.

        `base` is the view's own style, which the line is drawn in.
        """
        assert self.layout_ is not None
        width = self.layout_.width + MARGIN
        selection = self.text_selection
        if selection is not None:
            plain = self.layout_.plain[line]
            span = line_span(in_text(selection), line, len(plain))
            if span is not None:
                start, end = (MARGIN + cell_len(plain[:cut]) for cut in span)
                style = self.screen.get_component_rich_style("screen--selection")
                segments = restyle_cells(segments, start, end, style, width)
        if line in self.marked_lines():
            style = self.get_component_rich_style("article-view--margin-mark")
            _margin, text = Segment.divide(segments, [MARGIN, width])
            segments = [Segment(MARGIN_MARK, style), *text]
        # In the view's own style first, as the line will be drawn: equal neighbours join into one piece.
        return with_offsets(list(Segment.apply_style(segments, base)), line)
