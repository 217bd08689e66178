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

    def __init__(self, source: str, target: int = 2048) -> None:
        self.source = source
        self.target = target
        self.position = 0
        self._fence: str | None = None

    @property
    def remaining(self) -> int:
        return len(self.source) - self.position

    def next_chunk(self) -> str | None:
        source, start = self.source, self.position
        if start >= len(source):
            return None
        fence, scanned, search_from = self._fence, start, start + self.target
        while True:
            match = _BOUNDARY.search(source, search_from) if search_from < len(source) else None
            end = match.end() if match else len(source)
            fence = _track_fences(source, scanned, end, fence)
            scanned = end
            if match is None or fence is None:
                self.position, self._fence = end, fence
                return source[start:end]
            search_from = end
