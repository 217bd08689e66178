"""A note as the rest of the program sees it, whatever store it came from.

A note is anchored to words, not to lines (as the W3C Web Annotation "text quote" selector is): it
keeps the passage it was made on, a little text on either side, and the place it was last found.
A highlight is a note with no text of its own.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Note:
    """One note or highlight on one article."""

    id: int
    article_id: str
    quote: str
    prefix: str
    suffix: str
    text: str
    block: int
    offset: int
    created: float
    updated: float
    detached: bool = False

    @property
    def is_highlight(self) -> bool:
        """A highlight marks a passage and says nothing of its own."""
        return not self.text.strip()
