"""A cache of what loading learned from each file's head, so an unchanged library loads fast.

Parsing front matter is most of the cost of loading a large library. Rows are keyed by path and
checked against the file's size and modification time; any change re-reads the file. The cache is
an optimisation only: if it cannot be opened, read or written, loading simply does the full work.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from kratom_tui.library.model import Article, Claim, Problem, Reading, Risk

SCHEMA_VERSION = 3
"""2: titles of files without one come from markdown-it; 3: provenance and reading fields."""


def _encode(article: Article | None, problems: list[Problem]) -> str:
    data: dict[str, Any] = {"problems": [(p.line, p.message, p.level) for p in problems]}
    if article is not None:
        data["article"] = {
            "id": article.id,
            "title": article.title,
            "summary": article.summary,
            "conditions": article.conditions,
            "published": article.published,
            "source": article.source,
            "captured": article.captured,
            "site": article.site,
            "source_type": article.source_type,
            "commercial_interest": article.commercial_interest,
            "written": article.written,
            "reviewed": article.reviewed,
            "next_review": article.next_review,
            "other_options": article.other_options,
            "not_covered": article.not_covered,
            "further_reading": [vars(reading) for reading in article.further_reading],
            "evidence": article.evidence,
            "tags": article.tags,
            "risks": [(r.name, r.detail, r.severity) for r in article.risks],
            "disclaimers": article.disclaimers,
            "claims": [(c.claim, c.support, c.counter, c.context) for c in article.claims],
            "extra": article.extra,
            "body_offset": article.body_offset,
            "body_line": article.body_line,
        }
    return json.dumps(data, default=str, ensure_ascii=False)


def _decode(text: str, path: Path) -> tuple[Article | None, list[Problem]]:
    data = json.loads(text)
    problems = [Problem(path, line, message, level) for line, message, level in data["problems"]]
    fields = data.get("article")
    if fields is None:
        return None, problems
    article = Article(
        path=path,
        **{key: tuple(value) if isinstance(value, list) else value for key, value in fields.items()
           if key not in ("risks", "claims", "extra", "further_reading")},
        risks=tuple(Risk(*risk) for risk in fields["risks"]),
        claims=tuple(
            Claim(claim, support, tuple(counter), tuple(context))
            for claim, support, counter, context in fields["claims"]
        ),
        further_reading=tuple(Reading(**reading) for reading in fields["further_reading"]),
        extra=fields["extra"],
    )
    return article, problems


class HeadCache:
    """`lookup` before reading a file, `store` after; `commit` writes the changes in one go."""

    def __init__(self, path: Path | None) -> None:
        self.connection: sqlite3.Connection | None = None
        self.rows: dict[str, tuple[int, int, str]] = {}
        self.changed: dict[str, tuple[int, int, str]] = {}
        if path is not None:
            self._open(path)

    def _open(self, path: Path) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(path, isolation_level=None)
            if connection.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                connection.executescript(
                    "DROP TABLE IF EXISTS heads;"
                    "CREATE TABLE heads (path TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, data TEXT);"
                    f"PRAGMA user_version = {SCHEMA_VERSION};"
                )
            self.rows = {
                path: (size, mtime, data)
                for path, size, mtime, data in connection.execute("SELECT path, size, mtime, data FROM heads")
            }
            self.connection = connection
        except (sqlite3.Error, OSError):
            self._discard(path)

    @staticmethod
    def _discard(path: Path) -> None:
        """A cache that cannot be read is thrown away; it will be built again next time."""
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass

    def lookup(self, path: Path, size: int, mtime: int) -> tuple[Article | None, list[Problem]] | None:
        row = self.rows.get(str(path))
        if row is None or row[0] != size or row[1] != mtime:
            return None
        try:
            return _decode(row[2], path)
        except (ValueError, KeyError, TypeError):
            return None

    def store(self, path: Path, size: int, mtime: int, article: Article | None, problems: list[Problem]) -> None:
        self.changed[str(path)] = (size, mtime, _encode(article, problems))

    def commit(self, present: set[str]) -> None:
        """Save new rows and forget files that are gone; errors only cost the cache."""
        connection = self.connection
        if connection is None:
            return
        gone = [(path,) for path in self.rows.keys() - present]
        if not self.changed and not gone:
            return
        try:
            with connection:
                connection.execute("BEGIN")
                connection.executemany(
                    "INSERT OR REPLACE INTO heads VALUES (?, ?, ?, ?)",
                    [(path, *row) for path, row in self.changed.items()],
                )
                connection.executemany("DELETE FROM heads WHERE path = ?", gone)
        except sqlite3.Error:
            pass
        self.changed.clear()

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None
