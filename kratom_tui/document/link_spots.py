"""Where links sit in laid-out lines, for link hints and the link list.

A link's segments carry `@click: open_link(N)` in their style's meta (never its text), so the
N-th target of the layout is known from the style alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.segment import Segment

_OPEN_LINK = re.compile(r"open_link\((\d+)\)")
HINT_LETTERS = "asdfjklghqwertyuiopzxcvbnm"


def link_of(segment: Segment) -> int | None:
    """The index of the link a segment belongs to, if it is part of one."""
    style = segment.style
    if style is None or not style.meta:
        return None
    match = _OPEN_LINK.fullmatch(str(style.meta.get("@click", "")))
    return int(match.group(1)) if match else None


def link_starts(line: list[Segment]) -> list[tuple[int, int]]:
    """(cell, link index) where each link begins on this line."""
    starts: list[tuple[int, int]] = []
    cell, previous = 0, None
    for segment in line:
        link = link_of(segment)
        if link is not None and link != previous:
            starts.append((cell, link))
        previous = link
        cell += segment.cell_length
    return starts


def link_texts(lines: Iterable[list[Segment]]) -> dict[int, str]:
    """The visible text of every link in these lines, by index (a wrapped link is joined)."""
    texts: dict[int, list[str]] = {}
    for line in lines:
        for segment in line:
            link = link_of(segment)
            if link is not None:
                texts.setdefault(link, []).append(segment.text)
    return {link: " ".join("".join(parts).split()) for link, parts in texts.items()}


def hint_labels(count: int) -> list[str]:
    """Labels for `count` links: single letters while they last, then pairs, none a prefix of another."""
    if count <= len(HINT_LETTERS):
        return list(HINT_LETTERS[:count])
    return [first + second for first in HINT_LETTERS for second in HINT_LETTERS][:count]
