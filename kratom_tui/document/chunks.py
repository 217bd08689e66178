"""Cut markdown into pieces that parse on their own, so a huge article is parsed bit by bit."""

from __future__ import annotations

import re

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.MULTILINE)
_BOUNDARY = re.compile(r"\n[ \t]*\n(?=[^ \t\n])")
"""A blank line followed by an unindented line: every top-level block can start there."""


def _track_fences(source: str, start: int, end: int, fence: str | None) -> str | None:
    """The open code fence (or None) after reading `source[start:end]` with `fence` open before."""
    for match in _FENCE.finditer(source, start, end):
        marker = match.group(1)
        if fence is None:
            fence = marker
        elif marker[0] == fence[0] and len(marker) >= len(fence):
            fence = None
    return fence


class Chunker:
    """Hands out pieces of about `target` characters, each cut where a top-level block starts.

    A cut never falls inside fenced code, so each piece parses as it would in place. Pieces are
    found on demand, so the cost of cutting grows with what is read, not with the whole article.
    """

    def __init__(self, source: str, target: int = 2048, limit: int = 65536) -> None:
        self.source = source
        self.target = target
        self.limit = max(limit, target)
        """Past this many characters without a safe cut, cut anyway (a giant paragraph or line)."""
        self.position = 0
        self._fence: str | None = None
        self._carry = ""
        """A fence opener to repeat at the start of the next piece after a forced cut in code."""

    @property
    def remaining(self) -> int:
        return len(self.source) - self.position

    def next_chunk(self) -> str | None:
        source, start = self.source, self.position
        if start >= len(source):
            return None
        fence, scanned, search_from = self._fence, start, start + self.target
        hard_end = start + self.limit
        while True:
            match = _BOUNDARY.search(source, search_from, hard_end) if search_from < hard_end else None
            if match is None and hard_end < len(source):
                return self._forced_cut(start, scanned, fence, hard_end)
            end = match.end() if match else len(source)
            fence = _track_fences(source, scanned, end, fence)
            scanned = end
            if match is None or fence is None:
                return self._take(start, end, fence)
            search_from = end

    def _take(self, start: int, end: int, fence: str | None, carry: str = "") -> str:
        piece = self._carry + self.source[start:end]
        self.position, self._fence, self._carry = end, fence, carry
        return piece

    def _forced_cut(self, start: int, scanned: int, fence: str | None, hard_end: int) -> str:
        """Cut at the last line end (or space) before `hard_end`, carrying an open fence over."""
        source = self.source
        cut = source.rfind("\n", start, hard_end) + 1 or source.rfind(" ", start, hard_end) + 1 or hard_end
        if cut <= start:
            cut = hard_end
        fence = _track_fences(source, scanned, cut, fence)
        return self._take(start, cut, fence, carry=f"{fence}\n" if fence else "")
