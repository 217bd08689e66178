"""Split markdown into pieces that parse on their own, so a huge article is parsed bit by bit."""

from __future__ import annotations

import re

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def split_chunks(source: str, target: int = 8192) -> list[str]:
    """Cut `source` into pieces of about `target` characters at safe block boundaries.

    A cut goes only before an unindented line that follows a blank line, outside fenced code, so
    every piece starts a fresh top-level block and parses the same as it would in place.
    """
    if len(source) <= target:
        return [source]
    chunks: list[str] = []
    lines = source.splitlines(keepends=True)
    start = 0
    size = 0
    fence: str | None = None
    previous_blank = False
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)
        elif fence is not None and match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
            fence = None
        elif (
            fence is None
            and previous_blank
            and size >= target
            and line[:1] not in (" ", "\t", "\n", "")
        ):
            chunks.append("".join(lines[start:index]))
            start, size = index, 0
        previous_blank = not line.strip()
        size += len(line)
    chunks.append("".join(lines[start:]))
    return chunks
