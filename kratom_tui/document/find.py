"""Finding text in an article, as `less` does: every match, a current one, next and previous.

Matches are drawn from the lines as laid out (a phrase wrapped onto the next line still matches);
a long article is counted from its markdown, piece by piece, without laying it out.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from time import monotonic

from kratom_tui.document.layout import DocumentLayout


def compile_query(query: str) -> re.Pattern[str] | None:
    """Literal text, case-insensitive unless it holds a capital letter (smart case)."""
    if not query:
        return None
    flags = 0 if any(char.isupper() for char in query) else re.IGNORECASE
    return re.compile(re.escape(query), flags)


@dataclass
class LineSearch:
    """Matches of one pattern in one list of lines, kept up to date as the list grows."""

    pattern: re.Pattern[str]
    lines: list[str]
    spans: list[tuple[int, int, int]] = field(default_factory=list)
    """(line, start, end) of each match, in order."""
    by_line: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    scanned: int = 0

    def scan(self) -> int:
        """Look through lines added since the last scan; returns how many matches were added.

        Lines are joined with a space, so words wrapped onto the next line still match as a phrase;
        such a match counts once, on its first line, and is highlighted on each line it covers.
        """
        new_lines = self.lines[self.scanned :]
        if not new_lines:
            return 0
        text = " ".join(new_lines)
        starts = [0]
        for line in new_lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        added = 0
        for match in self.pattern.finditer(text):
            if match.start() == match.end():
                continue
            first = bisect_right(starts, match.start()) - 1
            last = bisect_right(starts, match.end() - 1) - 1
            for index in range(first, last + 1):
                begin = max(match.start() - starts[index], 0)
                end = min(match.end() - starts[index], len(new_lines[index]))
                if begin < end:
                    self.by_line.setdefault(self.scanned + index, []).append((begin, end))
                if index == first:
                    self.spans.append((self.scanned + index, begin, end))
            added += 1
        self.scanned += len(new_lines)
        return added

    def first_at_or_after(self, line: int) -> int | None:
        """Index in `spans` of the first match on or below `line`."""
        index = bisect_right(self.spans, (line, -1, -1))
        return index if index < len(self.spans) else None


Ref = tuple[int, int]
"""A match as (piece, its number among the matches drawn in that piece)."""


class LayoutSearch:
    """Matches of one pattern in a whole layout, without laying it all out.

    A piece that is laid out counts its matches exactly, in its lines as drawn (`LineSearch`); one
    that is not counts them in its markdown with the marks taken out, a cheap estimate corrected
    when the piece is laid out. Counting runs in slices (`count_more`), from the first piece on,
    and keeps one number per piece, however many matches there are.
    """

    def __init__(self, pattern: re.Pattern[str], layout: DocumentLayout) -> None:
        self.pattern = pattern
        self.layout = layout
        self._rough = array("l")
        """The estimated count of each piece, from the first; extended by `count_more`."""
        self._rough_sum = 0
        """The sum of `_rough`, so the total costs no walk over every piece."""
        self._rough_ahead: dict[int, int] = {}
        self._exact: dict[int, tuple[list[str], LineSearch]] = {}

    def exact(self, piece: int) -> LineSearch:
        """The matches drawn in a piece (laid out for it if needed)."""
        lines = self.layout.lay_out(piece).plain
        cached = self._exact.get(piece)
        if cached is None or cached[0] is not lines:
            search = LineSearch(self.pattern, lines)
            search.scan()
            self._exact[piece] = cached = (lines, search)
        return cached[1]

    def _rough_of(self, piece: int) -> int:
        if piece < len(self._rough):
            return self._rough[piece]
        if piece not in self._rough_ahead:
            text = self.layout.rough_text_of(piece)
            self._rough_ahead[piece] = sum(1 for _ in self.pattern.finditer(text)) if text else 0
        return self._rough_ahead[piece]

    def count_of(self, piece: int) -> int:
        """Exact once laid out; the estimate before."""
        if self.layout.pieces[piece].lines is not None or piece == 0:
            return len(self.exact(piece).spans)
        return self._rough_of(piece)

    def count_more(self, deadline: float) -> bool:
        """Count pieces in order until `deadline` (a `monotonic` time); False once all are counted."""
        layout = self.layout
        while monotonic() < deadline:
            index = len(self._rough)
            if index >= len(layout.pieces) and not layout.cut_more():
                return False
            self._rough.append(self._rough_of(index))
            self._rough_sum += self._rough[-1]
            self._rough_ahead.pop(index, None)
        return not self.complete

    @property
    def complete(self) -> bool:
        return self.layout.fully_cut and len(self._rough) >= len(self.layout.pieces)

    def total(self) -> int:
        """Matches counted so far."""
        # Pieces looked at ahead of the count (the first match, a step) count too.
        counted = len(self._rough)
        ahead = (piece for piece in self._rough_ahead if piece >= counted)
        # Pieces laid out count exactly: their estimates are swapped for their real counts.
        exact = [piece for piece in self.layout.laid | {0} if piece < counted]
        corrected = sum(self.count_of(piece) - self._rough[piece] for piece in exact)
        return self._rough_sum + corrected + sum(map(self.count_of, ahead))

    def number(self, ref: Ref) -> int | None:
        """How many matches come before `ref`; None until the pieces before it are counted."""
        known = len(self._rough)
        if any(piece not in self._rough_ahead for piece in range(known, ref[0])):
            return None
        return sum(self.count_of(piece) for piece in range(ref[0])) + ref[1]

    def line_of(self, ref: Ref) -> tuple[int, int, int] | None:
        """(line, start, end) of the match's first line, as numbered now."""
        spans = self.exact(ref[0]).spans
        if not spans:
            return None
        line, start, end = spans[min(ref[1], len(spans) - 1)]
        return self.layout.starts[ref[0]] + line, start, end

    def by_line(self, piece: int) -> dict[int, list[tuple[int, int]]]:
        return self.exact(piece).by_line

    def first_from(self, line: int, deadline: float) -> Ref | None:
        """The first match on or below `line`, looking no later than `deadline`."""
        index, local = self.layout.piece_at_line(line)
        return self._scan(index, local, True, deadline)

    def step(self, ref: Ref | None, forward: bool, deadline: float) -> Ref | None:
        """The match after (or before) `ref`; from the start (or the end) when `ref` is None."""
        if ref is None:
            if forward:
                return self._scan(0, 0, True, deadline)
            self.layout.cut_all()
            return self._scan(len(self.layout.pieces) - 1, 1 << 62, False, deadline)
        count = len(self.exact(ref[0]).spans)
        if forward and ref[1] + 1 < count:
            return ref[0], ref[1] + 1
        if not forward and 0 < ref[1] <= count:
            return ref[0], min(ref[1], count) - 1
        if forward:
            return self._scan(ref[0] + 1, 0, True, deadline)
        return self._scan(ref[0] - 1, 1 << 62, False, deadline) if ref[0] > 0 else None

    def _scan(self, index: int, local: int, forward: bool, deadline: float) -> Ref | None:
        """Walk pieces from `index`, skipping those whose estimate says no match, to the first match."""
        layout = self.layout
        first = True
        while index >= 0 and monotonic() < deadline:
            if index >= len(layout.pieces) and not layout.cut_more():
                return None
            # The estimate is taken even for a piece laid out: the total counts every piece looked at.
            if self._rough_of(index) or layout.pieces[index].lines is not None or index == 0:
                spans = self.exact(index).spans
                if forward:
                    found = next((n for n, span in enumerate(spans) if not first or span[0] >= local), None)
                else:
                    found = next((n for n in range(len(spans) - 1, -1, -1) if not first or spans[n][0] <= local), None)
                if found is not None:
                    return index, found
            first = False
            index += 1 if forward else -1
        return None
