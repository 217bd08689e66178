"""Finding text in laid-out lines, as `less` does: every match, a current one, next and previous.

Lines only ever grow at the end while an article is being laid out, so each search keeps its place
and scans only the new lines; a relayout (new width) starts it again.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field


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
