"""Lay an article out as lines for one width, a little at a time.

Parsing and wrapping a 1 MB article takes seconds, so the reader lays out only what the screen needs
first and the rest in small steps later; only visible lines are ever drawn.
"""

from __future__ import annotations

import io
from bisect import bisect_right
from dataclasses import dataclass

from rich.console import Console, RenderableType
from rich.segment import Segment

from kratom_tui.document.chunks import Chunker
from kratom_tui.document.markdown import Block, BlockRenderer, Heading
from kratom_tui.document.position import START, TextPosition


@dataclass(frozen=True)
class PlacedHeading:
    line: int
    heading: Heading


class DocumentLayout:
    """The lines of an article at one width; `advance` lays out more, `relayout` changes width.

    Every line is padded to exactly `width` cells, so drawing it needs no measuring.
    """

    def __init__(self, renderer: BlockRenderer, prelude: list[RenderableType], source: str, width: int):
        self.renderer = renderer
        self._chunker = Chunker(source)
        self.blocks: list[Block] = [Block(renderable) for renderable in prelude]
        self.width = max(1, width)
        self._reset_lines()

    def _reset_lines(self) -> None:
        self.lines: list[list[Segment]] = []
        self.plain: list[str] = []
        """Each line's text without styles, for finding."""
        self.block_starts: list[int] = []
        self.headings: list[PlacedHeading] = []
        self._console = Console(
            width=self.width, file=io.StringIO(), force_terminal=True, color_system="truecolor", legacy_windows=False
        )

    @property
    def complete(self) -> bool:
        return len(self.block_starts) == len(self.blocks) and self._chunker.remaining == 0

    def estimated_height(self) -> int:
        """Lines so far plus a guess for the rest, so the scrollbar is roughly right early on."""
        if self.complete:
            return len(self.lines)
        return len(self.lines) + self._chunker.remaining // max(20, self.width - 10) + 1

    def relayout(self, width: int) -> None:
        """Start again at another width; parsed blocks are kept."""
        self.width = max(1, width)
        self._reset_lines()

    def advance(self, blocks: int = 1) -> bool:
        """Lay out up to `blocks` more blocks; True while there is more to do."""
        for _ in range(blocks):
            index = len(self.block_starts)
            if index == len(self.blocks):
                chunk = self._chunker.next_chunk()
                if chunk is None:
                    return False
                self.blocks.extend(self.renderer.render(chunk))
                continue
            self._lay_out(self.blocks[index])
        return not self.complete

    def ensure_lines(self, count: int) -> None:
        """Lay out until there are `count` lines or the article ends."""
        while len(self.lines) < count and self.advance(8):
            pass

    def finish(self) -> None:
        while self.advance(64):
            pass

    def _lay_out(self, block: Block) -> None:
        if self.block_starts:
            self.lines.append([Segment(" " * self.width)])
            self.plain.append("")
        start = len(self.lines)
        self.block_starts.append(start)
        if block.heading is not None:
            self.headings.append(PlacedHeading(start, block.heading))
        options = self._console.options.update_width(self.width)
        for line in self._console.render_lines(block.renderable, options, pad=True):
            self.lines.append(line)
            self.plain.append("".join(segment.text for segment in line).rstrip())

    def block_at_line(self, line: int) -> int:
        """Index of the block shown on `line` (for keeping the place across a relayout)."""
        return max(0, bisect_right(self.block_starts, line) - 1)

    def position_at_line(self, line: int) -> TextPosition:
        """The text position shown on `line`: its block and the characters of it above that line.

        Each line counts its characters plus one, so blank lines inside a block still count.
        """
        if not self.block_starts:
            return START
        line = max(0, min(line, len(self.lines) - 1))
        block = self.block_at_line(line)
        start = self.block_starts[block]
        return TextPosition(block, sum(len(text) + 1 for text in self.plain[start:line]))

    def line_at(self, position: TextPosition) -> int:
        """The line that shows `position` at this width, laying out as far as its block."""
        while len(self.block_starts) <= position.block + 1 and self.advance(8):
            pass
        if not self.block_starts:
            return 0
        block = min(position.block, len(self.block_starts) - 1)
        start = self.block_starts[block]
        end = self.block_starts[block + 1] if block + 1 < len(self.block_starts) else len(self.lines)
        line, passed = start, 0
        while line + 1 < end and passed + len(self.plain[line]) + 1 <= position.offset:
            passed += len(self.plain[line]) + 1
            line += 1
        return line

    def find_anchor(self, anchor: str) -> int | None:
        """Line of the heading with this anchor, laying out further if needed."""
        checked = 0
        while True:
            for placed in self.headings[checked:]:
                if placed.heading.anchor == anchor:
                    return placed.line
            checked = len(self.headings)
            if not self.advance(32):
                return None
