"""A place in an article's text that does not depend on the terminal's width."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextPosition:
    """The block (paragraph, heading, list...) at the top of the view and how far into its text.

    Blocks come from the markdown alone, so the same position finds the same words at any width.
    """

    block: int = 0
    offset: int = 0
    """Characters of the block's text above the first line shown."""


START = TextPosition()
