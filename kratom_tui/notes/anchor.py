"""Finding a note's words again when the article changed: by quote and context, never by line.

A note keeps its quote, a little text before and after it, and the place it was last found (as the
W3C Web Annotation "text quote" selector does). In the article as it is now, the quote is looked for
where it was, then anywhere (the best fit of its context wins), then ignoring case, then by its first
and last words with an edited middle, then between its unchanged context. A note whose words are
nowhere is detached: kept with its quote and shown as such, never dropped.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from os.path import commonprefix

from kratom_tui.notes.model import Note

CONTEXT = 32
"""Characters of text kept on either side of a quote."""
MOST_CANDIDATES = 500
"""Places of a quote compared by their context; a quote found more often than this is too common to tell."""
LEAST_PART = 8
"""Characters a partial match (first and last words, or context) must have to count."""


@dataclass(frozen=True)
class Anchor:
    """Where a quote is in an article's text now: the words themselves and their block and character."""

    quote: str
    prefix: str
    suffix: str
    block: int
    offset: int


class ArticleText:
    """An article's passages (see `document.passages`) as one text, one space between blocks."""

    def __init__(self, passages: list[str]) -> None:
        self.starts: list[int] = []
        at = 0
        for text in passages:
            self.starts.append(at)
            at += len(text) + 1
        self.text = " ".join(passages)

    def at(self, block: int, offset: int) -> int:
        """The position in the whole text of character `offset` of `block` (clamped to the text)."""
        if not self.starts:
            return 0
        block = min(max(0, block), len(self.starts) - 1)
        return min(self.starts[block] + max(0, offset), len(self.text))

    def block_end(self, block: int) -> int:
        """The position just past the last character of `block`."""
        return self.starts[block + 1] - 1 if block + 1 < len(self.starts) else len(self.text)

    def place(self, position: int) -> tuple[int, int]:
        """The (block, character) of a position in the whole text."""
        block = max(0, bisect_right(self.starts, position) - 1)
        return block, position - self.starts[block] if self.starts else 0

    def anchor(self, start: int, end: int) -> Anchor:
        """The anchor of the text from `start` to `end`, with its context."""
        block, offset = self.place(start)
        text = self.text
        return Anchor(text[start:end], text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT], block, offset)

    def _occurrences(self, quote: str, haystack: str) -> list[int]:
        found: list[int] = []
        start = haystack.find(quote)
        while start != -1 and len(found) < MOST_CANDIDATES:
            found.append(start)
            start = haystack.find(quote, start + 1)
        return found

    def _best(self, note: Note, candidates: list[int], length: int, near: int) -> int:
        """The candidate whose surroundings agree most with the note's context, then the nearest."""

        def fit(start: int) -> tuple[int, int]:
            before = self.text[max(0, start - len(note.prefix)) : start]
            after = self.text[start + length : start + length + len(note.suffix)]
            agree = len(commonprefix([before[::-1], note.prefix[::-1]])) + len(commonprefix([after, note.suffix]))
            return agree, -abs(start - near)

        return max(candidates, key=fit)

    def find(self, note: Note) -> Anchor | None:
        """The note's words in this text, or None when they are gone."""
        quote, text = note.quote, self.text
        if not quote:
            return None
        near = self.at(note.block, note.offset)
        if text.startswith(quote, near):
            return self.anchor(near, near + len(quote))
        if found := self._occurrences(quote, text):
            start = self._best(note, found, len(quote), near)
            return self.anchor(start, start + len(quote))
        lowered = text.lower()
        if len(lowered) == len(text) and (found := self._occurrences(quote.lower(), lowered)):
            start = self._best(note, found, len(quote), near)
            return self.anchor(start, start + len(quote))
        return self._by_ends(note, quote, near) or self._by_context(note, near)

    def _by_ends(self, note: Note, quote: str, near: int) -> Anchor | None:
        """The quote's first and last words still there, with its middle edited."""
        part = max(LEAST_PART, len(quote) // 3)
        if len(quote) < 2 * part:
            return None
        head, tail = quote[:part], quote[-part:]
        best: tuple[int, int] | None = None
        for start in self._occurrences(head, self.text):
            end = self.text.find(tail, start + part, start + 2 * len(quote))
            if end != -1 and (best is None or abs(start - near) < abs(best[0] - near)):
                best = (start, end + part)
        return self.anchor(*best) if best else None

    def _by_context(self, note: Note, near: int) -> Anchor | None:
        """The text before and after the quote unchanged, the quote between them rewritten."""
        if len(note.prefix.strip()) < LEAST_PART or len(note.suffix.strip()) < LEAST_PART:
            return None
        best: tuple[int, int] | None = None
        for before in self._occurrences(note.prefix, self.text):
            start = before + len(note.prefix)
            end = self.text.find(note.suffix, start, start + 2 * len(note.quote) + CONTEXT)
            if end > start and (best is None or abs(start - near) < abs(best[0] - near)):
                best = (start, end)
        return self.anchor(*best) if best else None
