"""Turn what a person types into a safe SQLite FTS5 MATCH expression. Pure: no SQLite here.

The syntax is small on purpose:

- words are all required (an implicit AND), and stemmed by the index (`legs` finds `leg`);
- `"quoted words"` are a phrase; a quote left open runs to the end of the text;
- `word*` (or `"some phrase"*`) matches words that start with it;
- `condition:NAME` or `condition:"two words"` keeps articles of a condition whose name has a
  word starting with NAME (case-insensitive).

Everything else is literal text: FTS5 operators (`AND`, `OR`, `NOT`, `NEAR`), column filters
(`title:`), `-`, `+`, `^`, parentheses and stray quotes are quoted as strings, so no input can
make a syntax error.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_CONDITION = "condition:"
MAX_TERMS = 16
"""Words and phrases searched at most; FTS5's snippets cost grows with the square of the terms that
match one text, so a pasted paragraph would stall the search. Further terms are dropped (see `notice`)."""
_SPACE = frozenset(" \t\n\r\f\v\u00a0\u2028\u2029")
# Surrogates (from undecodable command-line bytes) cannot be encoded for SQLite; controls have no
# place in a query. Both are dropped before anything else.
_UNWANTED = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


@dataclass(frozen=True)
class ParsedQuery:
    fts: str | None
    """The FTS5 MATCH expression; None when nothing searchable remains."""
    condition: str | None
    """The text of `condition:...`, when given."""
    terms: tuple[str, ...]
    """The words and phrases as typed (without quotes or `*`), for highlighting."""
    dropped: int = 0
    """Terms past MAX_TERMS, left out of the search."""

    @property
    def notice(self) -> str | None:
        """What to tell the reader when part of the query was not searched."""
        if not self.dropped:
            return None
        return f"only the first {MAX_TERMS} words or phrases are searched ({self.dropped} more left out)"


def _searchable(text: str) -> bool:
    """True when the tokenizer (unicode61: letters, numbers, private use) finds a token in it."""
    for char in text:
        if char.isalnum():
            return True
        category = unicodedata.category(char)
        if category[0] in "LN" or category == "Co":
            return True
    return False


def _string(text: str, prefix: bool) -> str:
    return '"' + text.replace('"', '""') + '"' + ("*" if prefix else "")


def _read_quoted(text: str, start: int) -> tuple[str, int]:
    """The text after the quote at `start` up to the closing quote (or the end), and where to go on."""
    end = text.find('"', start + 1)
    if end < 0:
        return text[start + 1 :], len(text)
    return text[start + 1 : end], end + 1


def _read_word(text: str, start: int) -> tuple[str, int]:
    end = start
    while end < len(text) and text[end] not in _SPACE and text[end] != '"':
        end += 1
    return text[start:end], end


def _tidy(text: str) -> str:
    return " ".join(text.split())


def parse_query(text: str) -> ParsedQuery:
    """Translate `text`; never raises, whatever it holds."""
    text = _UNWANTED.sub(" ", text or "")
    parts: list[str] = []
    seen: set[str] = set()
    terms: list[str] = []
    dropped = 0
    condition: str | None = None
    position = 0

    def add(term: str, prefix: bool) -> None:
        nonlocal dropped
        part = _string(term, prefix)
        if part.casefold() in seen:
            return  # the same term again adds nothing but cost
        if len(parts) == MAX_TERMS:
            dropped += 1
            return
        seen.add(part.casefold())
        parts.append(part)
        terms.append(term)

    while position < len(text):
        char = text[position]
        if char in _SPACE:
            position += 1
            continue
        if text[position : position + len(_CONDITION)].casefold() == _CONDITION:
            position += len(_CONDITION)
            if position < len(text) and text[position] == '"':
                value, position = _read_quoted(text, position)
            else:
                value, position = _read_word(text, position)
            if condition_key(value):
                condition = _tidy(value)
            continue
        if char == '"':
            phrase, position = _read_quoted(text, position)
            prefix = position < len(text) and text[position] == "*"
            while position < len(text) and text[position] == "*":
                position += 1
            phrase = _tidy(phrase)
            if _searchable(phrase):
                add(phrase, prefix)
            continue
        word, position = _read_word(text, position)
        stem = word.rstrip("*")
        if _searchable(stem):
            add(stem, prefix=stem != word)
    fts = " ".join(parts) if parts else None
    return ParsedQuery(fts=fts, condition=condition, terms=tuple(dict.fromkeys(terms)), dropped=dropped)


def condition_key(name: str) -> str:
    """A condition name or filter reduced to casefolded words separated by single spaces."""
    words = re.split(r"[\W_]+", name.casefold())
    return " ".join(word for word in words if word)
