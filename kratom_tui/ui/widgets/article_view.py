"""An article drawn line by line through Textual's Line API.

Only the lines on screen are turned into strips, and only the pieces of the article they come from
are laid out (`document.layout`), so opening a 1 MB article, or jumping to its end, costs about the
same as a small one. The view keeps the reader's place as the words at the top (a `Place` in the
layout, a `TextPosition` outside), so a new width, or estimates corrected above, find the same words.
Counting find matches, and making a long article ready for jumps (its end, its blocks), run in short steps.
"""

from __future__ import annotations

import re
from time import monotonic

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.timer import Timer

from kratom_tui.document.find import LayoutSearch, Ref
from kratom_tui.document.layout import DocumentLayout, Place
from kratom_tui.document.link_spots import link_starts
from kratom_tui.document.markdown import Heading
from kratom_tui.document.position import START, TextPosition
from kratom_tui.ui.line_extras import LineExtras

STEP_SECONDS = 0.010
"""Background work per step (counting matches, counting blocks): short enough for keys and frames."""
STEP_EVERY = 0.02
COUNT_EVERY = 0.1
"""How often the find counter follows a count in progress."""
FIND_SECONDS = 0.3
"""How long a find or a step may look for the next match before it waits for the background count."""
NEAR_PAGES = 3
"""A move of up to this many pages lays out what it passes, so it covers exactly the lines asked for."""

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

    class LinkClicked(Message):
        def __init__(self, href: str) -> None:
            self.href = href
            super().__init__()

    class LayoutGrew(Message):
        """More of the article is counted, so find has a new total."""

    class Scrolled(Message):
        """The line at the top changed: the reader's place moved."""

        def __init__(self, view: ArticleView) -> None:
            self.view = view
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.layout_: DocumentLayout | None = None
        self._step_timer: Timer | None = None
        self._counted_at = 0.0
        self._search: LayoutSearch | None = None
        self._current: Ref | None = None
        """The match the find bar is on, drawn apart from the others."""
        self._pending: TextPosition | None = None
        """Where to go once the pane has its size (the first frame has none yet), or its blocks are counted."""
        self._top: Place | None = None
        """The words at the top, kept while lines above them move."""
        self._top_revision = -1
        self._known = START
        """The last position that could be told; the place after a jump is known once its blocks are counted."""
        self._told = True
        self._adjusting = False
        self._laid_out = False
        self._hints: dict[int, list[tuple[int, str]]] = {}
        """Link-hint labels to draw: line -> (cell, label)."""

    def show(self, layout: DocumentLayout, position: TextPosition = START) -> None:
        """Show an article's layout at `position`, laying out just enough for that screen now."""
        width = self.text_width()
        if layout.width != width:
            layout.relayout(width)
        self.layout_ = layout
        self._search = None
        self._current = None
        self._top = None
        self._known = position
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
            size = Size(self.layout_.width, self.layout_.estimated_height())
            if size != self.virtual_size:
                self.virtual_size = size

    # Background work: counting matches, counting blocks

    def _schedule_steps(self) -> None:
        if self._step_timer is None and self._has_work():
            self._step_timer = self.set_interval(STEP_EVERY, self._step, name="article-steps")

    def _has_work(self) -> bool:
        counting = self._search is not None and not self._search.complete
        return counting or self._preparing()

    def _preparing(self) -> bool:
        """The article is still being made ready for jumps and finds (see `DocumentLayout.prepare_more`)."""
        return self.layout_ is not None and not self.layout_.outlined

    def _step(self) -> None:
        layout = self.layout_
        deadline = monotonic() + STEP_SECONDS
        if layout is not None and self._search is not None and not self._search.complete:
            more = self._search.count_more(deadline)
            if not more or monotonic() - self._counted_at > COUNT_EVERY:
                self._counted_at = monotonic()
                self.post_message(self.LayoutGrew())
        while layout is not None and monotonic() < deadline and layout.prepare_more():
            pass
        if self._pending is not None and self.has_size:
            self.go_to(self._pending)
        if not self._told:
            self._tell_place()
        if not self._has_work() and self._step_timer is not None:
            self._step_timer.stop()
            self._step_timer = None

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
        return self._known

    def _tell_place(self) -> None:
        """Work out the position of the words at the top; if blocks above are not counted yet, later."""
        if self.layout_ is None or self._top is None:
            return
        position = self.layout_.position_of(self._top)
        self._told = position is not None
        if position is None:
            self._schedule_steps()
        elif position != self._known:
            self._known = position
            self.post_message(self.Scrolled(self))

    def go_to(self, position: TextPosition) -> None:
        """Scroll so that `position` is at the top, now or, before the first layout, once there is one."""
        self._pending = position
        if not self.has_size or self.layout_ is None:
            return
        place = self.layout_.place_of(position, parse_up_to=8)
        if place is None:
            self._schedule_steps()  # its blocks are counted in the background first
            return
        self._scroll_now(self.layout_.line_of_place(place))
        # The size and scroll range settle over the next refresh: until then this stays the place.
        self.call_after_refresh(self._land, position, place)

    def _land(self, position: TextPosition, place: Place) -> None:
        if self._pending == position and self.layout_ is not None:
            self._pending = None
            self._known = position
            self._scroll_now(self.layout_.line_of_place(place))

    def _scroll_now(self, line: int) -> None:
        """Put `line` at the top at once (its piece laid out first, so the line stays the one asked for)."""
        layout = self.layout_
        if layout is not None:
            self._top = layout.place_at_line(layout.settle_top(line))
            line = layout.line_of_place(self._top)
            self._top_revision = layout.revision
            self._update_size()
        # Forced: the scrollbar that allows scrolling appears only at the next layout after a growth.
        self._adjusting = True
        try:
            self.scroll_to(y=line, animate=False, immediate=True, force=True)
        finally:
            self._adjusting = False
        self._moved()

    def _moved(self) -> None:
        """The words at the top changed: tell the pane once their position is known."""
        self._told = False
        self._tell_place()

    def scroll_to_line(self, line: int) -> None:
        if self.layout_ is not None and not self.has_size:
            self._pending = self.layout_.position_at_line(line)
            return
        self._pending = None
        self._scroll_now(line)
        # A virtual size just grown is only in force after the next refresh: scroll again then.
        self.call_after_refresh(self._keep_top)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        layout = self.layout_
        if self._adjusting or layout is None or round(old_value) == round(new_value):
            return
        top = round(new_value)
        near = self._top is not None and abs(new_value - old_value) <= NEAR_PAGES * max(1, self.size.height)
        self._top = layout.place_at_line(layout.settle_top(top, self._top.piece if self._top else None, near))
        settled = layout.line_of_place(self._top)
        self._top_revision = layout.revision
        self._update_size()
        if settled != top:
            self.set_scroll(None, settled)
            self.vertical_scrollbar.position = settled
        self._moved()

    def _keep_top(self) -> None:
        """Lines above moved (estimates corrected, a relayout): scroll so the same words stay on top."""
        layout = self.layout_
        if layout is None or self._top is None or layout.revision == self._top_revision:
            return
        self._top_revision = layout.revision
        line = layout.line_of_place(self._top)
        self._update_size()
        if line != self.top_line:
            self._adjusting = True
            try:
                self.scroll_to(y=line, animate=False, immediate=True, force=True)
            finally:
                self._adjusting = False

    @property
    def links(self) -> list[str]:
        return self.layout_.renderer.links.targets if self.layout_ else []

    @property
    def headings(self) -> list[tuple[int, Heading]]:
        """Every heading with its line (the whole article laid out: for short ones and tests)."""
        if self.layout_ is None:
            return []
        self.layout_.finish()
        self._keep_top()
        return [(placed.line, placed.heading) for placed in self.layout_.headings]

    def heading_spots(self) -> list[tuple[int, int, Heading]]:
        """Every heading, at once even in a long article just opened (see `DocumentLayout.heading_spots`)."""
        return self.layout_.heading_spots() if self.layout_ is not None else []

    def go_to_heading(self, piece: int, number: int) -> None:
        if self.layout_ is not None:
            self._pending = None
            self._scroll_now(self.layout_.line_of_place(self.layout_.place_of_heading(piece, number)))

    def scroll_to_anchor(self, anchor: str) -> bool:
        line = self.layout_.find_anchor(anchor) if self.layout_ else None
        if line is None:
            return False
        self.scroll_to_line(line)
        return True

    def action_scroll_end(self) -> None:
        """The end at once: the last pieces are laid out, the ones before keep their estimates."""
        if self.layout_ is not None:
            self.layout_.ensure_end(self.size.height + 1)
            self._update_size()
        self._pending = None
        self._scroll_now(max(0, self.virtual_size.height - self.scrollable_content_region.height))

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, pages: int) -> None:
        """Move exactly one page per press, however fast the key repeats (as `less` does).

        Textual's page scroll animates from the current, half-way position, so quick presses lose
        distance; here each press moves from where the last one ended, with no animation.
        """
        line = max(0, self.top_line + pages * self.scrollable_content_region.height)
        self._pending = None
        if self.layout_ is not None:
            near = self._top.piece if self._top is not None else None
            line = self.layout_.settle_top(line, near, near=True)
        self._scroll_now(line)

    def action_scroll_home(self) -> None:
        self._pending = None
        self._scroll_now(0)

    def action_open_link(self, index: int) -> None:
        if 0 <= index < len(self.links):
            self.post_message(self.LinkClicked(self.links[index]))

    def on_resize(self) -> None:
        """Re-wrap for the new width, keeping the same words at the top of the pane."""
        self._laid_out = True
        layout = self.layout_
        if layout is None:
            return
        width = self.text_width()
        if self._pending is not None:
            if width != layout.width:
                layout.relayout(width)
            self.go_to(self._pending)
        elif width != layout.width:
            top = self._top
            layout.relayout(width)
            if top is not None:
                self._scroll_now(layout.line_of_place(top))
        self._update_size()
        self.refresh()

    # Find

    def find(self, pattern: re.Pattern[str] | None) -> None:
        """Highlight every match of `pattern` (None clears); the rest of a long article is counted in steps."""
        self._search = LayoutSearch(pattern, self.layout_) if pattern and self.layout_ else None
        self._current = None
        self._schedule_steps()
        self.refresh()

    @property
    def finding(self) -> bool:
        return self._search is not None

    @property
    def counted(self) -> bool:
        """Every match counted (the total is final)."""
        return self._search is None or self._search.complete

    def match_total(self) -> int:
        return self._search.total() if self._search is not None else 0

    def match_number(self, ref: Ref) -> int | None:
        return self._search.number(ref) if self._search is not None else None

    @property
    def matches(self) -> list[Match]:
        """Every match, by line, laying out each piece that holds one (meant for short articles)."""
        search, layout = self._search, self.layout_
        if search is None or layout is None:
            return []
        found: list[Match] = []
        ref = search.step(None, True, monotonic() + FIND_SECONDS)
        while ref is not None:
            match = search.line_of(ref)
            if match is not None:
                found.append(match)
            ref = search.step(ref, True, monotonic() + FIND_SECONDS)
        return found

    def first_match_from(self, line: int, seconds: float = FIND_SECONDS) -> Ref | None:
        """The first match at or below `line`, looking for `seconds` at most (the count goes on meanwhile)."""
        if self._search is None:
            return None
        return self._search.first_from(line, monotonic() + seconds)

    def next_match(self, ref: Ref | None, forward: bool) -> Ref | None:
        """The match after (before) `ref`, or the first (last) when `ref` is None; None past the end."""
        if self._search is None:
            return None
        return self._search.step(ref, forward, monotonic() + FIND_SECONDS)

    @property
    def current_ref(self) -> Ref | None:
        return self._current

    @current_ref.setter
    def current_ref(self, ref: Ref | None) -> None:
        self._current = ref
        self.refresh()

    @property
    def current_match(self) -> Match | None:
        """(line, start, end) of the current match, as the lines are numbered now."""
        if self._current is None or self._search is None:
            return None
        return self._search.line_of(self._current)

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

    def _highlight(self, segments: list[Segment], plain: str, spans: list[tuple[int, int]], current: Match | None,
                   index: int) -> list[Segment]:
        """Restyle the matched spans of one line; the current match stands out from the rest."""
        assert self.layout_ is not None
        palette = self.layout_.renderer.palette
        marks: list[tuple[int, int, Style]] = []
        for start, end in spans:
            style = palette.current_match if current == (index, start, end) else palette.match
            marks.append((1 + cell_len(plain[:start]), 1 + cell_len(plain[:end]), style))
        cuts = sorted({cut for start, end, _ in marks for cut in (start, end)} | {self.layout_.width + 1})
        result: list[Segment] = []
        low = 0
        for cut, piece in zip(cuts, Segment.divide(segments, cuts), strict=True):
            mark = next((style for start, end, style in marks if start <= low and cut <= end), None)
            result.extend(Segment.apply_style(piece, post_style=mark) if mark else piece)
            low = cut
        return result

    def render_lines(self, crop: Region) -> list[Strip]:
        """Before drawing: if lines above moved since the last scroll, the same words stay on top."""
        self._keep_top()
        lines = super().render_lines(crop)
        if self.layout_ is not None and self.layout_.estimated_height() != self.virtual_size.height:
            self.call_later(self._update_size)
        return lines

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_y) + y
        layout = self.layout_
        style = self.rich_style
        width = self.scrollable_content_region.width
        if layout is None or layout.width != self.text_width():
            # Wrapped for a width guessed before the first layout (or before a resize is handled):
            # a blank pane for that frame rather than lines cropped on the right.
            return Strip.blank(width, style)
        found = layout.line(index)
        if found is None:
            return Strip.blank(width, style)
        line, plain = found
        segments = [Segment(" "), *line]
        if self._search is not None:
            piece, local = layout.piece_at_line(index)
            spans = self._search.by_line(piece).get(local)
            if spans:
                segments = self._highlight(segments, plain, spans, self.current_match, index)
        if index in self._hints:
            segments = self._draw_hints(segments, index)
        strip = Strip(self.decorate(segments, index, style), layout.width + 1).apply_style(style)
        return strip if layout.width + 1 == width else strip.crop_extend(0, width, style)
