"""Markdown with its marks taken out: roughly the text a reader sees, found without parsing.

Find counts matches in pieces of an article not laid out yet in this text; a cheap estimate (a
table's borders, say, are not in it), corrected when the piece is laid out and its lines are read.
"""

from __future__ import annotations

import re

_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MARKS = re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|(?:[-*+]|\d{1,9}[.)])[ \t]+)+|[*_`~|]+")
_SPACE = re.compile(r"\s+")


def rough_text(source: str) -> str:
    """Links keep their text, emphasis, code, heading, quote, list and table marks go, spaces collapse."""
    return _SPACE.sub(" ", _MARKS.sub("", _LINK.sub(r"\1", source)))
