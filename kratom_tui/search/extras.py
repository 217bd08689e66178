"""Search over the library's own additions: its safety notes and glossary entries.

They are a few dozen short texts, so each search builds a small in-memory FTS5 table (the same
tokenizer and query syntax as the article index) instead of keeping them in the cached index.
A query that only names a condition finds none of them: they belong to no condition.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kratom_tui.library.glossary import load_glossary
from kratom_tui.library.safety_notes import SafetyNotes
from kratom_tui.search.index import ELLIPSIS, END, START, unmark
from kratom_tui.search.query import parse_query

SAFETY_NOTE, GLOSSARY = "safety note", "glossary"


@dataclass(frozen=True)
class ExtraHit:
    kind: str
    """`safety note` or `glossary`."""
    id: str
    title: str
    snippet: str
    highlights: tuple[tuple[int, int], ...]


def _rows(notes: SafetyNotes, root: Path) -> list[tuple[str, str, str, str]]:
    rows = [
        (SAFETY_NOTE, note.id, note.short, f"{note.text} {note.source.publisher} {note.source.title}")
        for note in notes.notes.values()
    ]
    rows += [
        (GLOSSARY, term.term, term.term, " ".join((term.definition, *term.aliases)))
        for term in load_glossary(root).terms
    ]
    return rows


def search_extras(query: str, notes: SafetyNotes, root: Path, limit: int = 10) -> list[ExtraHit]:
    """The best safety notes and glossary entries for `query`, best first; never raises on any text."""
    parsed = parse_query(query)
    if parsed.fts is None or parsed.condition or limit <= 0:
        return []
    rows = _rows(notes, root)
    if not rows:
        return []
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute(
            "CREATE VIRTUAL TABLE extras USING fts5(kind UNINDEXED, id UNINDEXED, title, text, "
            "tokenize='porter unicode61')"
        )
        connection.executemany("INSERT INTO extras VALUES (?, ?, ?, ?)", rows)
        found = connection.execute(
            f"SELECT kind, id, title, snippet(extras, 3, '{START}', '{END}', '{ELLIPSIS}', 16) "
            "FROM extras WHERE extras MATCH ? ORDER BY rank LIMIT ?",
            (parsed.fts, limit),
        ).fetchall()
    except sqlite3.Error:
        return []
    finally:
        connection.close()
    hits = []
    for kind, hit_id, title, marked in found:
        snippet, highlights = unmark(marked)
        hits.append(ExtraHit(kind, hit_id, title, snippet, highlights))
    return hits
