"""The reading pane: an article drawn line by line through Textual's Line API.

Only the lines on screen are turned into strips, and the layout grows in small steps between
frames, so opening a 1 MB article costs about the same as opening a small one.
"""

from __future__ import annotations

from time import monotonic

from rich.console import RenderableType
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from kratom_tui.document.find import LineSearch
from kratom_tui.document.layout import DocumentLayout
from kratom_tui.document.markdown import BlockRenderer, Heading, Links
from kratom_tui.document.palette import Palette

STEP_SECONDS = 0.008
"""Work per background step: short enough that keys and frames are never held up."""
RESIZE_EVERY = 0.25
"""How often the scrollbar follows a growing layout; each change costs a screen layout."""


class ArticleView(ScrollView, can_focus=True):
    """Scrollable, focusable view of one article's lines."""

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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.layout_: DocumentLayout | None = None
        self._step_timer: Timer | None = None
        self._sized_at = 0.0
        self._to_end = False
        self.search: LineSearch | None = None
        """Matches of the find bar in this view's lines, drawn highlighted."""
        self.current_match: tuple[int, int, int] | None = None
        self._pending_line: int | None = None
        """Where to scroll once the pane has its size (the first frame has none yet)."""

    @staticmethod
    def new_layout(prelude: list[RenderableType], source: str, palette: Palette, width: int) -> DocumentLayout:
        """A layout whose links call back into this view when clicked."""
        return DocumentLayout(BlockRenderer(palette, Links(clickable=True)), prelude, source, width)

    def show(self, layout: DocumentLayout, scroll_y: int = 0) -> None:
        """Show an article's layout, laying out just enough for the first screen now."""
        if self._step_timer is not None:
            self._step_timer.stop()
            self._step_timer = None
        width = self.text_width()
        if layout.width != width:
            layout.relayout(width)
        self.layout_ = layout
        self._to_end = False
        self.scroll_to_line(scroll_y)
        self.refresh()
        self._schedule_steps()

    def text_width(self) -> int:
        width = self.scrollable_content_region.width or self.app.size.width
        return max(10, width - 1)

    def _update_size(self) -> None:
        if self.layout_ is not None:
            self.virtual_size = Size(self.layout_.width, self.layout_.estimated_height())

    def _schedule_steps(self) -> None:
        if self._step_timer is None and self.layout_ is not None and not self.layout_.complete:
            self._sized_at = monotonic()
            self._step_timer = self.set_interval(0.02, self._step, name="layout-steps")

    def _step(self) -> None:
        layout = self.layout_
        deadline = monotonic() + STEP_SECONDS
        more = layout is not None
        while more and monotonic() < deadline:
            more = layout.advance(4)
        if not more and self._step_timer is not None:
            self._step_timer.stop()
            self._step_timer = None
        if not more or monotonic() - self._sized_at > RESIZE_EVERY:
            self._sized_at = monotonic()
            self._update_size()
            if self._to_end:
                self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    @property
    def top_line(self) -> int:
        """The line at the top of the pane, or the one it will scroll to once it has a size."""
        return self._pending_line if self._pending_line is not None else int(self.scroll_y)

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

    def scroll_to_line(self, line: int) -> None:
        if not self.size.height:
            self._pending_line = line
            return
        if self.layout_ is not None:
            self.layout_.ensure_lines(line + self.size.height)
            self._update_size()
        self.scroll_to(y=line, animate=False, immediate=True)
        # The pane may not have its final size yet (first frame, a screen just closed): again after.
        self.call_after_refresh(self.scroll_to, y=line, animate=False, immediate=True)

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

    def action_scroll_home(self) -> None:
        self._to_end = False
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_open_link(self, index: int) -> None:
        if 0 <= index < len(self.links):
            self.post_message(self.LinkClicked(self.links[index]))

    def on_resize(self) -> None:
        """Re-wrap for the new width, keeping the block at the top of the pane in view."""
        layout = self.layout_
        if layout is None:
            return
        width = self.text_width()
        if width != layout.width:
            block = layout.block_at_line(int(self.scroll_y))
            layout.relayout(width)
            if self._pending_line is None:
                self._pending_line = layout.line_of_block(block)
            self._schedule_steps()
        if self._pending_line is not None:
            line, self._pending_line = self._pending_line, None
            self.scroll_to_line(line)
        self.refresh()

    def _highlight(self, segments: list[Segment], index: int) -> list[Segment]:
        """Restyle the matched spans of one line; the current match stands out from the rest."""
        assert self.search is not None and self.layout_ is not None
        plain = self.layout_.plain[index]
        palette = self.layout_.renderer.palette
        marks: list[tuple[int, int, Style]] = []
        for start, end in self.search.by_line[index]:
            current = self.current_match == (index, start, end)
            style = palette.current_match if current else palette.match
            marks.append((1 + cell_len(plain[:start]), 1 + cell_len(plain[:end]), style))
        cuts = sorted({cut for start, end, _ in marks for cut in (start, end)} | {self.layout_.width + 1})
        result: list[Segment] = []
        low = 0
        for cut, piece in zip(cuts, Segment.divide(segments, cuts), strict=True):
            style = next((style for start, end, style in marks if start <= low and cut <= end), None)
            result.extend(Segment.apply_style(piece, post_style=style) if style else piece)
            low = cut
        return result

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_y) + y
        layout = self.layout_
        style = self.rich_style
        width = self.scrollable_content_region.width
        if layout is None:
            return Strip.blank(width, style)
        if index >= len(layout.lines) and not layout.complete:
            layout.ensure_lines(index + 1)
        if index >= len(layout.lines):
            return Strip.blank(width, style)
        segments = [Segment(" ")]
        segments.extend(layout.lines[index])
        if self.search is not None and index in self.search.by_line:
            segments = self._highlight(segments, index)
        strip = Strip(segments, layout.width + 1).apply_style(style)
        return strip if layout.width + 1 == width else strip.crop_extend(0, width, style)
