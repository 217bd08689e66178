"""A cache of what loading learned from each file's head, so an unchanged library loads fast.

Parsing front matter is most of the cost of loading a large library. Rows are keyed by path and
checked against the file's size and modification time; any change re-reads the file. The cache is
an optimisation only: if it cannot be opened, read or written, loading simply does the full work.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

from kratom_tui.library.model import LEVELS, SEVERITIES, Article, Claim, Problem, Reading, Risk
from kratom_tui.library.sanitize import first_control

SCHEMA_VERSION = 4
"""2: titles of files without one come from markdown-it; 3: provenance and reading fields;
4: paths are kept as bytes (a file name need not be UTF-8), rows hold no id (it comes from the path)."""


def _encode(article: Article | None, problems: list[Problem]) -> str:
    data: dict[str, Any] = {"problems": [(p.line, p.message, p.level) for p in problems]}
    if article is not None:
        data["article"] = {
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
    return json.dumps(data, default=str)


class _BadRow(ValueError):
    """A cached row that this version did not write (or someone edited): the file is read again."""


def _clean(value: Any) -> str:
    """A cached text, which must be as loading leaves text: without control characters."""
    if not isinstance(value, str) or first_control(value) is not None:
        raise _BadRow(value)
    return value


def _texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _BadRow(value)
    return tuple(map(_clean, value))


def _number(value: Any, least: int) -> int:
    if type(value) is not int or value < least:
        raise _BadRow(value)
    return value


def _check_tree(value: Any) -> Any:
    """Unknown fields are kept as parsed; every text in them must be clean too (walked without recursion)."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            _clean(item)
        elif isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, dict):
            pending.extend(item)
            pending.extend(item.values())
        elif item is not None and not isinstance(item, (int, float)):
            raise _BadRow(item)
    return value


def _reading(value: Any) -> Reading:
    if not isinstance(value, dict):
        raise _BadRow(value)
    return Reading(**{str(key): _clean(text) for key, text in value.items()})


def _decode(text: str, path: Path) -> tuple[Article | None, list[Problem]]:
    """The row's article and problems, every field checked; raises ValueError (or a subclass) if any is wrong."""
    data = json.loads(text)
    problems = []
    for line, message, level in data["problems"]:
        if level not in LEVELS:
            raise _BadRow(level)
        problems.append(Problem(path, _number(line, 1), _clean(message), level))
    fields = data.get("article")
    if fields is None:
        return None, problems
    risks = []
    for name, detail, severity in fields["risks"]:
        if severity is not None and severity not in SEVERITIES:
            raise _BadRow(severity)
        risks.append(Risk(_clean(name), _clean(detail), severity))
    extra = fields["extra"]
    if not isinstance(extra, dict):
        raise _BadRow(extra)
    article = Article(
        id="",
        path=path,
        title=_clean(fields["title"]),
        summary=_clean(fields["summary"]),
        conditions=_texts(fields["conditions"]),
        published=_clean(fields["published"]),
        source=_clean(fields["source"]),
        captured=_clean(fields["captured"]),
        site=_clean(fields["site"]),
        source_type=_clean(fields["source_type"]),
        commercial_interest=_clean(fields["commercial_interest"]),
        written=_clean(fields["written"]),
        reviewed=_clean(fields["reviewed"]),
        next_review=_clean(fields["next_review"]),
        other_options=_clean(fields["other_options"]),
        not_covered=_texts(fields["not_covered"]),
        further_reading=tuple(_reading(reading) for reading in fields["further_reading"]),
        evidence=_clean(fields["evidence"]),
        tags=_texts(fields["tags"]),
        risks=tuple(risks),
        disclaimers=_texts(fields["disclaimers"]),
        claims=tuple(
            Claim(_clean(claim), _clean(support), _texts(counter), _texts(context))
            for claim, support, counter, context in fields["claims"]
        ),
        extra=_check_tree(extra),
        body_offset=_number(fields["body_offset"], 0),
        body_line=_number(fields["body_line"], 1),
    )
    return article, problems


class HeadCache:
    """`lookup` before reading a file, `store` after; `commit` writes the changes in one go."""

    def __init__(self, path: Path | None) -> None:
        self.connection: sqlite3.Connection | None = None
        self.rows: dict[bytes, tuple[int, int, str]] = {}
        self.changed: dict[bytes, tuple[int, int, str]] = {}
        if path is not None:
            self._open(path)

    def _open(self, path: Path) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(path, isolation_level=None)
            if connection.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                connection.executescript(
                    "DROP TABLE IF EXISTS heads;"
                    "CREATE TABLE heads (path BLOB PRIMARY KEY, size INTEGER, mtime INTEGER, data TEXT);"
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
        row = self.rows.get(os.fsencode(path))
        if row is None or row[0] != size or row[1] != mtime:
            return None
        try:
            return _decode(row[2], path)
        except (ValueError, KeyError, TypeError):
            return None

    def store(self, path: Path, size: int, mtime: int, article: Article | None, problems: list[Problem]) -> None:
        self.changed[os.fsencode(path)] = (size, mtime, _encode(article, problems))

    def commit(self, present: set[bytes]) -> None:
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
