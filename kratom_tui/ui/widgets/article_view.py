"""An article drawn line by line through Textual's Line API.

Only the lines on screen are turned into strips, and the layout grows in small steps between
frames, so opening a 1 MB article costs about the same as opening a small one. The view keeps the
reader's place as a text position (see `document.position`), so a new width finds the same words.
"""

from __future__ import annotations

import re
from time import monotonic

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.timer import Timer

from kratom_tui.document.find import LineSearch
from kratom_tui.document.layout import DocumentLayout
from kratom_tui.document.link_spots import link_starts
from kratom_tui.document.markdown import Heading
from kratom_tui.document.position import START, TextPosition
from kratom_tui.ui.line_extras import LineExtras

STEP_SECONDS = 0.008
"""Work per background step: short enough that keys and frames are never held up."""
TO_END_STEP_SECONDS = 0.03
"""Work per step once the reader asked for the end (`G`): they wait for it, keys still come through."""
RESIZE_EVERY = 0.25
"""How often the scrollbar follows a growing layout; each change costs a screen layout."""

Match = tuple[int, int, int]
"""(line, start, end) of a find match."""


class ArticleView(LineExtras, can_focus=True):
    """Scrollable, focusable view of one article's lines, with find matches drawn highlighted.

    Its lines can be selected with the mouse and carry marks in the margin (see `LineExtras`).
    """

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False, id="move.down"),
        Binding("k", "scroll_up", "Up", show=False, id="move.up"),
        Binding("space", "page_down", "Page down", show=False, id="move.page-down"),
        Binding("g", "scroll_home", "Top", show=False, id="move.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="move.bottom"),
    ]

    current_match: reactive[Match | None] = reactive(None)
    """The match the find bar is on, drawn apart from the others."""

    class LinkClicked(Message):
        def __init__(self, href: str) -> None:
            self.href = href
            super().__init__()

    class LayoutGrew(Message):
        """More of the article is laid out, so find has new lines to look through."""

    class Scrolled(Message):
        """The line at the top changed: the reader's place moved."""

        def __init__(self, view: ArticleView) -> None:
            self.view = view
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.layout_: DocumentLayout | None = None
        self._step_timer: Timer | None = None
        self._sized_at = 0.0
        self._to_end = False
        self._search: LineSearch | None = None
        self._pending: TextPosition | None = None
        """Where to go once the pane has its size (the first frame has none yet)."""
        self._laid_out = False
        self._hints: dict[int, list[tuple[int, str]]] = {}
        """Link-hint labels to draw: line -> (cell, label)."""

    def show(self, layout: DocumentLayout, position: TextPosition = START) -> None:
        """Show an article's layout at `position`, laying out just enough for that screen now."""
        if self._step_timer is not None:
            self._step_timer.stop()
            self._step_timer = None
        width = self.text_width()
        if layout.width != width:
            layout.relayout(width)
        self.layout_ = layout
        self._to_end = False
        self._search = None
        self.current_match = None
        self.go_to(position)
        self.refresh()
        self._schedule_steps()

    def text_width(self) -> int:
        width = self.scrollable_content_region.width or self.app.size.width
        return max(10, width - 1)

    @property
    def has_size(self) -> bool:
        """Laid out at least once: before the first resize, a size is only a guess."""
        return self._laid_out and bool(self.size.height)

    def _update_size(self) -> None:
        if self.layout_ is not None:
            self.virtual_size = Size(self.layout_.width, self.layout_.estimated_height())

    def _schedule_steps(self) -> None:
        if self._step_timer is None and self.layout_ is not None and not self.layout_.complete:
            self._sized_at = monotonic()
            self._step_timer = self.set_interval(0.02, self._step, name="layout-steps")

    def _step(self) -> None:
        layout = self.layout_
        deadline = monotonic() + (TO_END_STEP_SECONDS if self._to_end else STEP_SECONDS)
        more = layout is not None
        while more and layout is not None and monotonic() < deadline:
            more = layout.advance(4)
        if not more and self._step_timer is not None:
            self._step_timer.stop()
            self._step_timer = None
        if not more or monotonic() - self._sized_at > RESIZE_EVERY:
            self._sized_at = monotonic()
            self._update_size()
            self.post_message(self.LayoutGrew())
            if self._to_end:
                self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    # The reader's place

    @property
    def top_line(self) -> int:
        return int(self.scroll_y)

    @property
    def settling(self) -> bool:
        """A position is still on its way to the screen (the first layout, or a scroll landing)."""
        return self._pending is not None

    @property
    def position(self) -> TextPosition:
        """The text at the top of the view (or where it will go once it has a size)."""
        if self._pending is not None:
            return self._pending
        if self.layout_ is None:
            return START
        return self.layout_.position_at_line(self.top_line)

    def go_to(self, position: TextPosition) -> None:
        """Scroll so that `position` is at the top, now or, before the first layout, once there is one."""
        self._pending = position
        if self.has_size and self.layout_ is not None:
            self._scroll_now(self.layout_.line_at(position))
            # The size and scroll range settle over the next refresh: until then this stays the place.
            self.call_after_refresh(self._land, position)

    def _land(self, position: TextPosition) -> None:
        if self._pending == position and self.layout_ is not None:
            self._pending = None
            self._scroll_now(self.layout_.line_at(position))

    def _scroll_now(self, line: int) -> None:
        if self.layout_ is not None:
            self.layout_.ensure_lines(line + self.size.height)
            self._update_size()
        # Forced: the scrollbar that allows scrolling appears only at the next layout after a growth.
        self.scroll_to(y=line, animate=False, immediate=True, force=True)

    def scroll_to_line(self, line: int) -> None:
        if self.layout_ is not None and not self.has_size:
            self._pending = self.layout_.position_at_line(line)
            return
        self._pending = None
        self._scroll_now(line)
        # A virtual size just grown is only in force after the next refresh: scroll again then.
        self.call_after_refresh(self.scroll_to, y=line, animate=False, immediate=True)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self.post_message(self.Scrolled(self))

    @property
    def links(self) -> list[str]:
        return self.layout_.renderer.links.targets if self.layout_ else []

    @property
    def headings(self) -> list[tuple[int, Heading]]:
        if self.layout_ is None:
            return []
        self.layout_.finish()
        self._update_size()
        return [(placed.line, placed.heading) for placed in self.layout_.headings]

    def scroll_to_anchor(self, anchor: str) -> bool:
        line = self.layout_.find_anchor(anchor) if self.layout_ else None
        if line is None:
            return False
        self.scroll_to_line(line)
        return True

    def action_scroll_end(self) -> None:
        if self.layout_ is not None and not self.layout_.complete:
            self._to_end = True
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, pages: int) -> None:
        """Move exactly one page per press, however fast the key repeats (as `less` does).

        Textual's page scroll animates from the current, half-way position, so quick presses lose
        distance; here each press moves from where the last one ended, with no animation.
        """
        self._to_end = False
        line = max(0, self.top_line + pages * self.scrollable_content_region.height)
        self._pending = None
        self._scroll_now(line)

    def action_scroll_home(self) -> None:
        self._to_end = False
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_open_link(self, index: int) -> None:
        if 0 <= index < len(self.links):
            self.post_message(self.LinkClicked(self.links[index]))

    def on_resize(self) -> None:
        """Re-wrap for the new width, keeping the same words at the top of the pane."""
        self._laid_out = True
        layout = self.layout_
        if layout is None:
            return
        position = self.position
        width = self.text_width()
        if width != layout.width:
            layout.relayout(width)
            if self._search is not None:
                self._refind()
            self._schedule_steps()
        self.go_to(position)
        self.refresh()

    # Find

    def find(self, pattern: re.Pattern[str] | None) -> None:
        """Highlight every match of `pattern` (None clears); lines laid out later join in `take_in`."""
        self._search = LineSearch(pattern, self.layout_.plain) if pattern and self.layout_ else None
        self.current_match = None
        self.take_in()
        self.refresh()

    def _refind(self) -> None:
        """Find again after a relayout; the current match stays the same one (by its number)."""
        assert self._search is not None and self.layout_ is not None
        number = self.matches.index(self.current_match) if self.current_match in self.matches else None
        self._search = LineSearch(self._search.pattern, self.layout_.plain)
        more = True
        while more and number is not None and len(self.matches) <= number:
            more = self.layout_.advance(8)
            self._search.scan()
        self.current_match = self.matches[number] if number is not None and number < len(self.matches) else None

    def take_in(self) -> None:
        """Look through the lines laid out since the last look."""
        if self._search is not None:
            self._search.scan()

    @property
    def matches(self) -> list[Match]:
        return self._search.spans if self._search is not None else []

    @property
    def finding(self) -> bool:
        return self._search is not None

    def first_match_from(self, line: int) -> int | None:
        """The number of the first match at or below `line`, laying out further until one is found."""
        if self._search is None or self.layout_ is None:
            return None
        more = True
        while (found := self._search.first_at_or_after(line)) is None and more:
            more = self.layout_.advance(16)
            self._search.scan()
        self._update_size()
        return found

    def watch_current_match(self) -> None:
        self.refresh()

    # Link hints

    def visible_links(self) -> list[tuple[int, int, int]]:
        """(line, cell, link index) of each link starting on a line on screen."""
        if self.layout_ is None:
            return []
        top = self.top_line
        lines = self.layout_.lines[top : top + self.size.height]
        return [(top + row, cell, link) for row, line in enumerate(lines) for cell, link in link_starts(line)]

    def show_hints(self, hints: dict[int, list[tuple[int, str]]]) -> None:
        self._hints = hints
        self.refresh()

    def _draw_hints(self, segments: list[Segment], index: int) -> list[Segment]:
        """Labels drawn over the first cells of each link, like a browser's hint mode."""
        assert self.layout_ is not None
        style = self.layout_.renderer.palette.current_match
        result = segments
        for cell, label in self._hints[index]:
            start = cell + 1  # the view's left margin
            before, _covered, after = Segment.divide(result, [start, start + len(label), self.layout_.width + 1])
            result = [*before, Segment(label, style), *after]
        return result

    def _highlight(self, segments: list[Segment], index: int) -> list[Segment]:
        """Restyle the matched spans of one line; the current match stands out from the rest."""
        assert self._search is not None and self.layout_ is not None
        plain = self.layout_.plain[index]
        palette = self.layout_.renderer.palette
        marks: list[tuple[int, int, Style]] = []
        for start, end in self._search.by_line[index]:
            current = self.current_match == (index, start, end)
            style = palette.current_match if current else palette.match
            marks.append((1 + cell_len(plain[:start]), 1 + cell_len(plain[:end]), style))
        cuts = sorted({cut for start, end, _ in marks for cut in (start, end)} | {self.layout_.width + 1})
        result: list[Segment] = []
        low = 0
        for cut, piece in zip(cuts, Segment.divide(segments, cuts), strict=True):
            mark = next((style for start, end, style in marks if start <= low and cut <= end), None)
            result.extend(Segment.apply_style(piece, post_style=mark) if mark else piece)
            low = cut
        return result

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_y) + y
        layout = self.layout_
        style = self.rich_style
        width = self.scrollable_content_region.width
        if layout is None or layout.width != self.text_width():
            # Wrapped for a width guessed before the first layout (or before a resize is handled):
            # a blank pane for that frame rather than lines cropped on the right.
            return Strip.blank(width, style)
        if index >= len(layout.lines) and not layout.complete:
            layout.ensure_lines(index + 1)
        if index >= len(layout.lines):
            return Strip.blank(width, style)
        segments = [Segment(" ")]
        segments.extend(layout.lines[index])
        if self._search is not None and index in self._search.by_line:
            segments = self._highlight(segments, index)
        if index in self._hints:
            segments = self._draw_hints(segments, index)
        strip = Strip(self.decorate(segments, index, style), layout.width + 1).apply_style(style)
        return strip if layout.width + 1 == width else strip.crop_extend(0, width, style)
