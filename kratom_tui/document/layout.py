"""Lay an article out as lines for one width, piece by piece, from wherever the reader is.

The source is cut into pieces that parse on their own (`chunks.Chunker`). A piece is parsed and
wrapped only when one of its lines is needed; until then its height is an estimate, so the reader
can jump to the end of a 1 MB article without laying out what comes before it (as virtualised lists
do). Laying a piece out replaces its estimate by its real height; `revision` counts those changes,
so a view can keep the same words at the top when lines above it move.
"""

from __future__ import annotations

import io
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import TypeVar, overload

from rich.console import Console, RenderableType
from rich.segment import Segment

from kratom_tui.document.chunks import Chunker
from kratom_tui.document.markdown import Block, BlockRenderer, Heading, Links
from kratom_tui.document.position import START, TextPosition
from kratom_tui.document.rough import rough_text

PIECE_CHARS = 1024
WHOLE_BELOW = 32_000
"""Articles shorter than this (characters) are laid out whole at once: the cost is a few milliseconds,
and the scroll bar is then exact from the first frame rather than estimated."""
"""About a screen of text: a jump lays out one or two pieces, so smaller is quicker to land."""
_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$", re.MULTILINE)


@dataclass(frozen=True)
class PlacedHeading:
    line: int
    heading: Heading


@dataclass(frozen=True)
class Place:
    """A place in the layout as it stands: a piece, a block of that piece, characters above the line.

    Unlike a `TextPosition`, it needs nothing before the piece to be parsed, so a view can keep its
    place deep in an article whose beginning has not been read yet.
    """

    piece: int
    block: int = 0
    offset: int = 0


class Piece:
    """One part of the article: its markdown, its blocks once parsed, its lines once laid out."""

    __slots__ = ("source", "blocks", "lines", "plain", "block_starts", "outline", "rough")

    def __init__(self, source: str, blocks: list[Block] | None = None) -> None:
        self.source = source
        self.blocks = blocks
        self.lines: list[list[Segment]] | None = None
        self.plain: list[str] = []
        """Each line's text without styles, for finding."""
        self.block_starts: list[int] = []
        """The first line of each block, counted from the piece's first line."""
        self.outline: tuple[int, list[tuple[int, Heading]]] | None = None
        """Its number of blocks and its headings (block, heading), known from a parse that was not kept."""
        self.rough: str | None = None
        """Its text with the markdown marks taken out, for counting find matches (`rough_text`)."""

    def block_count(self) -> int | None:
        if self.blocks is not None:
            return len(self.blocks)
        return self.outline[0] if self.outline is not None else None


class DocumentLayout:
    """The lines of an article at one width, laid out on demand; `relayout` changes the width.

    Every line is padded to exactly `width` cells, so drawing it needs no measuring. Blocks are
    separated by one blank line, which belongs to the piece of the block after it.
    """

    def __init__(self, renderer: BlockRenderer, prelude: list[RenderableType], source: str, width: int):
        self.renderer = renderer
        self._chunker = Chunker(source, target=PIECE_CHARS)
        self.pieces: list[Piece] = [Piece("", [Block(renderable) for renderable in prelude])]
        self.width = max(1, width)
        self.revision = 0
        """Goes up whenever lines already numbered move (an estimate corrected, a new width)."""
        self._starts: list[int] | None = None
        self._outliner: BlockRenderer | None = None
        self._outlined = 0
        """Pieces from the first whose block counts are known (`outline_more`)."""
        self._roughened = 0
        """Pieces from the first whose rough text is ready (`prepare_more`)."""
        self._short = len(source) < WHOLE_BELOW
        self._reset_lines()
        if self._short:
            self.finish()

    def _reset_lines(self) -> None:
        self.laid: set[int] = set()
        """The pieces laid out at this width."""
        for piece in self.pieces:
            piece.lines, piece.plain, piece.block_starts = None, [], []
        self._console = Console(
            width=self.width, file=io.StringIO(), force_terminal=True, color_system="truecolor", legacy_windows=False
        )
        self._starts = None

    # Heights and numbering

    def _estimate(self, piece: Piece) -> int:
        """A guess at a piece's height: its source lines, plus one per width of text, plus separators."""
        source = piece.source
        return source.count("\n") + len(source) // max(20, self.width - 10) + 1

    def height_of(self, index: int) -> int:
        piece = self.pieces[index]
        return len(piece.lines) if piece.lines is not None else self._estimate(piece)

    @property
    def starts(self) -> list[int]:
        """The first line of each piece (estimated for pieces not laid out)."""
        if self._starts is None:
            self._starts = [0, *accumulate(self.height_of(index) for index in range(len(self.pieces) - 1))]
        return self._starts

    def _end_of_pieces(self) -> int:
        return self.starts[-1] + self.height_of(len(self.pieces) - 1)

    def _tail_estimate(self) -> int:
        """A guess at the height of the source not yet cut into pieces."""
        chunker = self._chunker
        remaining = chunker.remaining
        if not remaining:
            return 0
        return chunker.source.count("\n", chunker.position) + remaining // max(20, self.width - 10) + 1

    def estimated_height(self) -> int:
        """Lines laid out plus a guess for the rest, so the scrollbar is roughly right from the start."""
        return self._end_of_pieces() + self._tail_estimate()

    @property
    def complete(self) -> bool:
        """Every piece cut and laid out."""
        return self._chunker.remaining == 0 and all(piece.lines is not None for piece in self.pieces)

    @property
    def fully_cut(self) -> bool:
        return self._chunker.remaining == 0

    def cut_more(self) -> bool:
        """Cut the next piece of the source; False at the end."""
        chunk = self._chunker.next_chunk()
        if chunk is None:
            return False
        self.pieces.append(Piece(chunk))
        self._starts = None
        return True

    def cut_all(self) -> None:
        while self.cut_more():
            pass

    def piece_at_line(self, line: int) -> tuple[int, int]:
        """(piece, line within it) of `line` as numbered now, cutting more of the source if needed."""
        while line >= self._end_of_pieces() and self.cut_more():
            pass
        index = max(0, bisect_right(self.starts, max(0, line)) - 1)
        return index, line - self.starts[index]

    # Laying out

    def blocks_of(self, index: int) -> list[Block]:
        piece = self.pieces[index]
        if piece.blocks is None:
            piece.blocks = self.renderer.render(piece.source)
            piece.outline = None
        return piece.blocks

    def lay_out(self, index: int) -> Piece:
        """Lay out one piece at the current width (nothing to do if it is already)."""
        piece = self.pieces[index]
        if piece.lines is not None:
            return piece
        estimate = self._estimate(piece)
        lines: list[list[Segment]] = []
        plain: list[str] = []
        starts: list[int] = []
        options = self._console.options.update_width(self.width)
        first = index == 0 or (index == 1 and not self.pieces[0].blocks)
        for number, block in enumerate(self.blocks_of(index)):
            if number or not first:
                lines.append([Segment(" " * self.width)])
                plain.append("")
            starts.append(len(lines))
            for line in self._console.render_lines(block.renderable, options, pad=True):
                lines.append(line)
                plain.append("".join(segment.text for segment in line).rstrip())
        piece.lines, piece.plain, piece.block_starts = lines, plain, starts
        self.laid.add(index)
        if len(lines) != estimate:
            self._starts = None
            self.revision += 1
        return piece

    def line(self, line: int) -> tuple[list[Segment], str] | None:
        """The segments and text of `line`, laying out its piece (and cutting) as needed; None past the end."""
        while True:
            index, local = self.piece_at_line(line)
            piece = self.lay_out(index)
            assert piece.lines is not None
            if local < len(piece.lines):
                return piece.lines[local], piece.plain[local]
            if index == len(self.pieces) - 1 and not self.cut_more():
                return None

    def ensure_lines(self, count: int) -> None:
        """Lay out from the start until there are `count` lines or the article ends."""
        index = 0
        while True:
            if index >= len(self.pieces) and not self.cut_more():
                return
            self.lay_out(index)
            if self.starts[index] + self.height_of(index) >= count:
                return
            index += 1

    def ensure_end(self, count: int) -> None:
        """Lay out the last pieces until they make at least `count` lines (for `G`)."""
        self.cut_all()
        total, index = 0, len(self.pieces) - 1
        while index >= 0 and total < count:
            total += len(self.lay_out(index).lines or ())
            index -= 1

    def finish(self) -> None:
        self.cut_all()
        for index in range(len(self.pieces)):
            self.lay_out(index)

    def relayout(self, width: int) -> None:
        """Start again at another width; parsed blocks are kept."""
        self.width = max(1, width)
        self._reset_lines()
        self.revision += 1
        if self._short:
            self.finish()

    def settle_top(self, line: int, anchor: int | None = None, near: bool = False) -> int:
        """Lay out the piece shown at `line` and return where that text's line is now.

        Coming from the piece `anchor` by a short move (`near`), the text in between is laid out
        or counted so that the move covers exactly the lines it asked for; after a long jump, the
        line lands as far into its piece as it was into the estimate.
        """
        while True:
            index, local = self.piece_at_line(line)
            piece = self.pieces[index]
            if piece.lines is not None:
                return line
            if near and anchor is not None and anchor < index:
                between = next(i for i in range(anchor, index + 1) if self.pieces[i].lines is None)
                self.lay_out(between)
                continue
            estimate = self._estimate(piece)
            start = self.starts[index]
            real = len(self.lay_out(index).lines or ())
            if near and anchor is not None and index < anchor:
                line = max(0, line + real - estimate)  # scrolled up into it: keep the distance to the text on screen
                continue
            return start + min(max(0, real - 1), local * real // max(1, estimate))

    # Places and positions

    def place_at_line(self, line: int) -> Place:
        """The place shown on `line`: its piece, block and the characters of the block above that line.

        Each line counts its characters plus one, so blank lines inside a block still count. Laying
        out the piece above may move `line`'s text: read the line back with `line_of_place`.
        """
        index, local = self.piece_at_line(line)
        piece = self.lay_out(index)
        if not piece.block_starts:
            return Place(index)
        local = max(0, min(local, len(piece.plain) - 1))
        if local < piece.block_starts[0]:
            # The blank line before the piece's first block counts with the block above it, as
            # blank lines between blocks always have.
            before = index - 1
            while before > 0 and not self.lay_out(before).plain:
                before -= 1
            if before >= 0 and self.lay_out(before).plain:
                return self._place_in(self.pieces[before], before, len(self.pieces[before].plain), True)
        return self._place_in(piece, index, local)

    @staticmethod
    def _place_in(piece: Piece, index: int, local: int, after: bool = False) -> Place:
        """The place of the piece's line `local` (`after`: the line just past its end)."""
        last = local - 1 if after else local
        block = max(0, bisect_right(piece.block_starts, last) - 1)
        start = piece.block_starts[block]
        return Place(index, block, sum(len(text) + 1 for text in piece.plain[start:local]))

    def line_of_place(self, place: Place) -> int:
        """The line that shows `place` at this width, laying out its piece."""
        while place.piece >= len(self.pieces) and self.cut_more():
            pass
        index = min(place.piece, len(self.pieces) - 1)
        piece = self.lay_out(index)
        if not piece.block_starts:
            return self.starts[index]
        block = min(place.block, len(piece.block_starts) - 1)
        line = piece.block_starts[block]
        # The last block may reach the blank line that opens the next piece.
        end = piece.block_starts[block + 1] if block + 1 < len(piece.block_starts) else len(piece.plain) + 1
        passed = 0
        while line + 1 < end and passed + len(piece.plain[line]) + 1 <= place.offset:
            passed += len(piece.plain[line]) + 1
            line += 1
        return self.starts[index] + line

    def position_of(self, place: Place) -> TextPosition | None:
        """The width-independent position of `place`; None while a piece before it is not yet counted."""
        blocks = 0
        for piece in self.pieces[: place.piece]:
            count = piece.block_count()
            if count is None:
                return None
            blocks += count
        return TextPosition(blocks + place.block, place.offset)

    def place_of(self, position: TextPosition, parse_up_to: int = 0) -> Place | None:
        """The place of `position`; None while the pieces before it are not counted.

        The first `parse_up_to` pieces are parsed on the spot when needed (cheap for short articles).
        """
        blocks, index = 0, 0
        while True:
            if index >= len(self.pieces) and not self.cut_more():
                last = len(self.pieces) - 1
                return Place(last, max(0, (self.pieces[last].block_count() or 1) - 1))
            piece = self.pieces[index]
            count = piece.block_count()
            if count is None:
                if index >= parse_up_to:
                    return None
                count = len(self.blocks_of(index))
            if position.block < blocks + count:
                return Place(index, position.block - blocks, position.offset)
            blocks += count
            index += 1

    def position_at_line(self, line: int) -> TextPosition:
        """The text position shown on `line` (parsing the pieces before it if they are not yet)."""
        place = self.place_at_line(line)
        self.outline_to(place.piece)
        return self.position_of(place) or START

    def line_at(self, position: TextPosition) -> int:
        """The line that shows `position` at this width, parsing as far as its block."""
        place = self.place_of(position, parse_up_to=1 << 62)
        return self.line_of_place(place) if place is not None else 0

    # Outline: block counts and headings of pieces not laid out, from a parse that is not kept

    @property
    def outlined(self) -> bool:
        return self.fully_cut and self._outlined >= len(self.pieces) and self._roughened >= len(self.pieces)

    def rough_text_of(self, index: int) -> str:
        piece = self.pieces[index]
        if piece.rough is None:
            piece.rough = rough_text(piece.source)
        return piece.rough

    def prepare_more(self) -> bool:
        """One step of the work that makes later jumps and finds quick; False when it is all done.

        In order: cut the whole source (the end is then known), take the marks out of each piece's
        text (find counts in it), count each piece's blocks and note its headings (`outline_more`).
        """
        if self.cut_more():
            return True
        if self._roughened < len(self.pieces):
            self.rough_text_of(self._roughened)
            self._roughened += 1
            return True
        return self.outline_more()

    def outline_more(self) -> bool:
        """Count the blocks (and note the headings) of the next piece not yet counted; False when all are."""
        while self._outlined < len(self.pieces) and self.pieces[self._outlined].block_count() is not None:
            self._outlined += 1
        if self._outlined >= len(self.pieces) and not self.cut_more():
            return False
        piece = self.pieces[self._outlined]
        if piece.block_count() is None:
            if self._outliner is None:
                # Its own renderer: links parsed here must not take numbers from the ones drawn.
                self._outliner = BlockRenderer(self.renderer.palette, Links())
            blocks = self._outliner.render(piece.source)
            headings = [(number, block.heading) for number, block in enumerate(blocks) if block.heading is not None]
            piece.outline = (len(blocks), headings)
        self._outlined += 1
        return True

    def outline_to(self, index: int) -> None:
        while self._outlined < index and self.outline_more():
            pass

    def heading_spots(self) -> list[tuple[int, int, Heading]]:
        """Every heading as (piece, its number among the piece's headings, heading), at once.

        Pieces parsed or counted give their headings exactly; the others are read from their
        markdown (ATX headings, marks taken out), so the contents of a long article just opened
        need no parse. `place_of_heading` parses just the piece chosen.
        """
        self.cut_all()
        spots: list[tuple[int, int, Heading]] = []
        for index, piece in enumerate(self.pieces):
            if piece.blocks is not None:
                found = [block.heading for block in piece.blocks if block.heading is not None]
            elif piece.outline is not None:
                found = [heading for _, heading in piece.outline[1]]
            else:
                found = [
                    Heading(len(match.group(1)), rough_text(match.group(2)).strip(), "")
                    for match in _ATX_HEADING.finditer(piece.source)
                ]
            spots.extend((index, number, heading) for number, heading in enumerate(found))
        return spots

    def place_of_heading(self, piece: int, number: int) -> Place:
        """The place of a piece's `number`-th heading (its block parsed for it)."""
        blocks = [n for n, block in enumerate(self.blocks_of(piece)) if block.heading is not None]
        return Place(piece, blocks[min(number, len(blocks) - 1)] if blocks else 0)

    @property
    def headings(self) -> list[PlacedHeading]:
        """The headings of the pieces laid out, with their lines."""
        found: list[PlacedHeading] = []
        for index, piece in enumerate(self.pieces):
            if piece.lines is None or piece.blocks is None:
                continue
            for number, block in enumerate(piece.blocks):
                if block.heading is not None:
                    found.append(PlacedHeading(self.starts[index] + piece.block_starts[number], block.heading))
        return found

    def find_anchor(self, anchor: str) -> int | None:
        """Line of the heading with this anchor, parsing further (and laying out its piece) if needed."""
        index = 0
        while index < len(self.pieces) or self.cut_more():
            for number, block in enumerate(self.blocks_of(index)):
                if block.heading is not None and block.heading.anchor == anchor:
                    return self.line_of_place(Place(index, number))
            index += 1
        return None

    # Blocks by their number in the whole article, for code that walks every block (notes' passages)

    @property
    def block_starts(self) -> list[int]:
        """The first line of every block of the article (which is laid out whole for it)."""
        self.finish()
        return [
            self.starts[index] + start for index, piece in enumerate(self.pieces) for start in piece.block_starts
        ]

    def block_at_line(self, line: int) -> int:
        """The number of the block shown on `line` (the article laid out whole for it)."""
        return max(0, bisect_right(self.block_starts, line) - 1)

    # The lines as sequences, for code that reads them by number

    @property
    def lines(self) -> LineView[list[Segment]]:
        return LineView(self, 0)

    @property
    def plain(self) -> LineView[str]:
        return LineView(self, 1)


T = TypeVar("T")


class LineView(Sequence[T]):
    """The layout's lines (or their texts) by number; reading one lays out its piece."""

    def __init__(self, layout: DocumentLayout, part: int) -> None:
        self._layout = layout
        self._part = part

    def __len__(self) -> int:
        return self._layout.estimated_height()

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            found = [self._get(number) for number in range(start, stop, step)]
            return [item for item in found if item is not None]
        item = self._get(index)
        if item is None:
            raise IndexError(index)
        return item

    def _get(self, number: int) -> T | None:
        found = self._layout.line(number) if number >= 0 else None
        return None if found is None else found[self._part]  # type: ignore[return-value]

    def __iter__(self) -> Iterator[T]:
        self._layout.finish()
        for piece in self._layout.pieces:
            yield from (piece.lines if self._part == 0 else piece.plain) or ()  # type: ignore[misc]
