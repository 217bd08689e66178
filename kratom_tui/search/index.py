"""The full-text index of a library: SQLite FTS5 in the user cache folder, updated incrementally.

One database file per library folder (named by a hash of its resolved path). `update` re-reads only
the files whose size or modification time changed and drops the ones that went away, all in one
transaction, so a crash leaves the previous index usable. A file of another schema version is
rebuilt; a corrupt one is moved aside (`*.corrupt-TIMESTAMP`) and rebuilt; when the cache folder
cannot be written the index lives in memory and `notice` says so.
"""

from __future__ import annotations

import functools
import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self, TypeVar

from kratom_tui.library.sanitize import display_name, display_path, one_line
from kratom_tui.locations import search_cache_dir, search_index_file
from kratom_tui.search.query import condition_key, parse_query
from kratom_tui.storage import set_aside

if TYPE_CHECKING:
    from kratom_tui.library import Article, Library
    from kratom_tui.search.freshness import Changes

SCHEMA_VERSION = 6
"""5: file paths kept as bytes (a file name need not be UTF-8); 6: inode numbers of files, folder times
and condition names, so that `refresh` finds changed files without a loaded library."""
COLUMNS = ("id", "conditions", "title", "summary", "body", "risks", "disclaimers")
WEIGHTS = {"id": 0.0, "conditions": 0.0, "title": 10.0, "summary": 4.0, "body": 1.0, "risks": 3.0, "disclaimers": 2.0}
SNIPPET_WORDS = 30
PART_CHARS = 16_384
"""A body longer than this is indexed as several rows ("parts"): FTS5 builds a snippet in time that
grows with the square of a text's matches, so one long text repeating a word could stall every search.
Front matter texts are cut at this length."""
PART_SHIFT = 32
"""Row ids are `part << PART_SHIFT | doc`: a first part's row id is its article's `doc`, so the row ids
of most rows stay small and dense (FTS5 stores them as deltas, and queries read fewer bytes)."""
DOC_MASK = (1 << PART_SHIFT) - 1
START, END = "\x02", "\x03"
"""Snippet markers: C0 controls, which the loader removes from every article, so never in the text."""
LIST_SEPARATOR = "\x1f"
ELLIPSIS = "\u2026"
_UNMARKED_CONTROLS = re.compile(r"[\x00\x01\x04-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
"""Controls but the snippet markers (and tab, newline, which `unmark` folds): text read back from the
index file is cleaned again, since anyone who can write the file could have put them there."""

_SNIPPETS = ", ".join(
    f"snippet(docs, {COLUMNS.index(name)}, '{START}', '{END}', '{ELLIPSIS}', {SNIPPET_WORDS})"
    for name in ("body", "summary", "risks", "disclaimers")
)
_RANK = "bm25(" + ", ".join(f"{WEIGHTS[name]:g}" for name in COLUMNS) + ")"
_SCHEMA = f"""
-- For whoever looks into the file: the library folder, the time of the last update.
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files(
    doc INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    article_id TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    inode INTEGER,
    parts INTEGER NOT NULL
);
CREATE INDEX files_by_id ON files(article_id);
-- Each folder's modification time when the library was last walked (see kratom_tui.search.freshness).
CREATE TABLE folders(path BLOB PRIMARY KEY, mtime_ns INTEGER NOT NULL);
CREATE TABLE conditions(doc INTEGER NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL);
CREATE INDEX conditions_by_doc ON conditions(doc);
-- One row per part of each article (see PART_SHIFT); only the first part has summary, risks, disclaimers.
CREATE VIRTUAL TABLE docs USING fts5({", ".join(name + ("" if WEIGHTS[name] else " UNINDEXED") for name in COLUMNS)},
    tokenize='porter unicode61');
INSERT INTO docs(docs, rank) VALUES('rank', '{_RANK}');
"""

# SQLite primary result codes.
_CORRUPT, _NOTADB = 11, 26
_CANNOT_WRITE = {3, 8, 10, 13, 14}  # PERM, READONLY, IOERR, FULL, CANTOPEN

# A cheap clean-up of markdown for indexing and snippets: no parse, a few literal-led regexes and
# str.replace (much faster than character-class regexes over 50 MB), which drop link destinations,
# reference definitions, HTML tags, emphasis and code marks, heading, quote and table marks, list
# dashes and rules.
_LINK_DESTINATION = re.compile(r"\]\([^)\n]*\)")
_REFERENCE = re.compile(r"\n {0,3}\[[^\]\n]+\]:[^\n]*")
_HTML_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>\n]*)?/?>")
_RUNS = re.compile(r"--+|==+")
_DROPPED = "*_`~\\[]"
_SPACED = "#>|"

T = TypeVar("T")


class SearchUnavailable(Exception):
    """This Python's SQLite cannot do full-text search (no FTS5)."""


@dataclass(frozen=True)
class SearchHit:
    article_id: str
    title: str
    conditions: tuple[str, ...]
    score: float
    """Higher is better (BM25, negated)."""
    snippet: str
    """Plain text, about 30 words around the best match."""
    highlights: tuple[tuple[int, int], ...]
    """(start, end) character spans of the matched words in `snippet`."""


@functools.cache
def _fts5_problem() -> str | None:
    """Why FTS5 cannot be used here, or None when it can."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE VIRTUAL TABLE probe USING fts5(x, tokenize='porter unicode61')")
    except sqlite3.Error as error:
        return f"{error} (SQLite {sqlite3.sqlite_version})"
    finally:
        connection.close()
    return None


def require_fts5() -> None:
    problem = _fts5_problem()
    if problem is not None:
        raise SearchUnavailable(f"SQLite here lacks FTS5: {problem}")


def clean_markdown(text: str) -> str:
    """Body text without markup characters and link destinations (a few regexes, not a parse)."""
    if "](" in text:
        text = _LINK_DESTINATION.sub("]", text.replace("![", "["))
    if "]:" in text:
        text = _REFERENCE.sub("\n", "\n" + text)[1:]
    if "<" in text:
        text = _HTML_TAG.sub(" ", text)
    if "- " in text:
        text = text.replace("\n- ", "\n").removeprefix("- ")
    if "--" in text or "==" in text:
        text = _RUNS.sub("", text)
    for char in _DROPPED:
        if char in text:
            text = text.replace(char, "")
    for char in _SPACED:
        if char in text:
            text = text.replace(char, " ")
    return text


def unmark(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Fold runs of white space and remove the snippet markers (and any other control); return the
    text and the marked spans."""
    text = " ".join(_UNMARKED_CONTROLS.sub("", marked).split())
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    length = position = 0
    while (start := text.find(START, position)) >= 0 and (end := text.find(END, start)) >= 0:
        before = text[position:start].replace(END, "")
        word = text[start + 1 : end].replace(START, "")
        pieces += (before, word)
        length += len(before)
        if word.strip():
            spans.append((length + len(word) - len(word.lstrip()), length + len(word.rstrip())))
        length += len(word)
        position = end + 1
    pieces.append(text[position:].replace(START, "").replace(END, ""))
    return "".join(pieces).rstrip(), tuple(spans)


def _first_words(text: str, count: int = SNIPPET_WORDS) -> str:
    words = clean_markdown(text).split()
    return " ".join(words[:count]) + (f" {ELLIPSIS}" if len(words) > count else "")


def _rows(article: Article, body: str) -> list[tuple[str, ...]]:
    """The indexed texts of each part of an article: the title in every part, so each part ranks
    with it; the summary, risks and disclaimers in the first."""
    risks = "\n".join(f"{risk.name}: {risk.detail}" if risk.detail else risk.name for risk in article.risks)
    head = (article.id, LIST_SEPARATOR.join(article.conditions), article.title[:PART_CHARS])
    parts = split_parts(clean_markdown(body))
    first = (article.summary, parts[0], risks, "\n".join(article.disclaimers))
    return [(*head, *(text[:PART_CHARS] for text in first))] + [(*head, "", part, "", "") for part in parts[1:]]


def split_parts(text: str, size: int = PART_CHARS) -> list[str]:
    """`text` in pieces of at most `size` characters, cut at white space where there is some."""
    parts = []
    start = 0
    while len(text) - start > size:
        cut = max(text.rfind(" ", start, start + size), text.rfind("\n", start, start + size))
        if cut <= start:
            cut = start + size
        parts.append(text[start:cut])
        start = cut
    parts.append(text[start:])
    return parts


def _code(error: sqlite3.Error) -> int:
    return (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF


def _is_corrupt(error: BaseException) -> bool:
    if not isinstance(error, sqlite3.DatabaseError):
        return False
    code = _code(error)
    if code:
        return code in (_CORRUPT, _NOTADB)
    message = str(error).lower()
    return "malformed" in message or "not a database" in message or "corrupt" in message


def _cannot_write(error: BaseException) -> bool:
    return isinstance(error, sqlite3.OperationalError) and _code(error) in _CANNOT_WRITE


def _rollback(connection: sqlite3.Connection) -> None:
    """Undo the open transaction; quietly, so that the error that led here is the one reported."""
    try:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
    except sqlite3.Error:
        pass


def _remove_sidecars(path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        try:
            path.with_name(path.name + suffix).unlink()
        except FileNotFoundError:
            pass


class SearchIndex:
    """Full-text search over one library folder. Safe to update from one thread while another searches."""

    notice: str | None

    def __init__(self, path: Path | None, library_root: Path) -> None:
        self.path = path
        """The database file; None when the index is in memory."""
        self.library_root = library_root
        self.notice = None
        self._rebuild: Callable[[], object] | None = None
        """How to fill the index again after it had to be recreated mid-search."""
        self._writer: sqlite3.Connection | None = None
        self._reader: sqlite3.Connection | None = None
        self._write_lock = threading.RLock()
        self._read_lock = threading.RLock()
        self.set_aside: list[str] = []
        """What was said of each corrupt database file moved aside while this index was open."""

    # Opening -----------------------------------------------------------------------------------

    @classmethod
    def open(cls, library_root: Path, cache_dir: Path | None = None) -> SearchIndex:
        """The index of `library_root`, created when missing; raises SearchUnavailable without FTS5."""
        require_fts5()
        root = Path(library_root).expanduser()
        folder = Path(cache_dir) if cache_dir is not None else search_cache_dir()
        index = cls(folder / search_index_file(root).name, root)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            index._open_file()
        except (OSError, sqlite3.Error) as error:
            index._use_memory(error)
        return index

    @staticmethod
    def _connect(target: str | Path) -> sqlite3.Connection:
        # Autocommit (transactions are explicit), usable from the thread that updates and the one that
        # searches, waiting up to 10 s for another process's write to finish.
        return sqlite3.connect(target, isolation_level=None, check_same_thread=False, timeout=10.0)

    def _open_file(self) -> None:
        assert self.path is not None
        try:
            writer = self._prepare(self._connect(self.path))
        except sqlite3.DatabaseError as error:
            if not _is_corrupt(error):
                raise
            self._move_aside()
            writer = self._prepare(self._connect(self.path))
        self._writer = writer
        self._reader = self._connect(self.path)

    def _prepare(self, connection: sqlite3.Connection) -> sqlite3.Connection:
        """Check the file's schema version; recreate a stale file; create the schema in a new one."""
        assert self.path is not None
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version != SCHEMA_VERSION and connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                connection.close()
                self.path.unlink()
                _remove_sidecars(self.path)
                connection = self._connect(self.path)
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            # SQLite folds the write-ahead log into the file after each commit (autocheckpoint); the
            # log of a first build (as large as the index) is cut back to 8 MB when next reused and
            # removed when the last connection closes.
            connection.execute("PRAGMA journal_size_limit = 8388608")
            self._create_schema(connection)
            # Touch every table, so that a damaged file shows itself now rather than mid-search.
            connection.execute("SELECT count(*) FROM files").fetchone()
            connection.execute("SELECT rowid FROM docs WHERE docs MATCH 'probe' LIMIT 1").fetchall()
        except BaseException:
            connection.close()
            raise
        return connection

    @staticmethod
    def _create_schema(connection: sqlite3.Connection) -> None:
        connection.execute("BEGIN IMMEDIATE")
        try:
            if connection.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                for statement in _SCHEMA.split(";\n"):
                    if statement.strip():
                        connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            connection.execute("COMMIT")
        except BaseException:
            _rollback(connection)
            raise

    def _move_aside(self) -> None:
        """Rename a corrupt database file to `NAME.corrupt-TIMESTAMP` and forget its journals."""
        assert self.path is not None
        self.set_aside.append(set_aside(self.path, "The search index"))
        _remove_sidecars(self.path)

    def _use_memory(self, error: BaseException) -> None:
        self._close_connections()
        folder = self.path.parent if self.path is not None else "?"
        reason = getattr(error, "strerror", None) or str(error)
        unwritable = isinstance(error, OSError) or _cannot_write(error)
        problem = "cache folder not writable" if unwritable else "index file unusable"
        self.notice = f"Search index kept in memory: {problem} ({folder}: {reason})"
        self.path = None
        connection = self._connect(":memory:")
        self._create_schema(connection)
        self._writer = self._reader = connection

    def _close_connections(self) -> None:
        for connection in {id(c): c for c in (self._reader, self._writer) if c is not None}.values():
            connection.close()
        self._reader = self._writer = None

    def close(self) -> None:
        with self._write_lock, self._read_lock:
            self._close_connections()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # Recovery ----------------------------------------------------------------------------------

    def _recover(self, error: BaseException) -> None:
        """After a corrupt file or a failed write: start again on a fresh file, or in memory."""
        with self._write_lock, self._read_lock:
            self._close_connections()
            if self.path is not None and _is_corrupt(error):
                self._move_aside()
                try:
                    self._open_file()
                    return
                except (OSError, sqlite3.Error) as again:
                    error = again
            self._use_memory(error)

    def _guarded(self, action: Callable[[], T], rebuild: bool) -> T:
        try:
            return action()
        except sqlite3.DatabaseError as error:
            if not (_is_corrupt(error) or (_cannot_write(error) and self.path is not None)):
                raise
            self._recover(error)
            if rebuild and self._rebuild is not None:
                self._rebuild()
            return action()

    # Updating ----------------------------------------------------------------------------------

    def update(self, library: Library, progress: Callable[[int, int], None] | None = None) -> int:
        """Bring the index in line with `library`; return how many articles were (re)indexed.

        `progress(done, total)` is called before the first and after each article re-read.
        """
        self._rebuild = lambda: self._update(library, None)
        return self._guarded(lambda: self._update(library, progress), rebuild=False)

    def refresh(self, progress: Callable[[int, int], None] | None = None, every_file: bool = False) -> int:
        """Bring the index in line with the library's files as they are now, without a loaded library:
        only new and changed files are read (see kratom_tui.search.freshness for what is noticed when;
        `every_file` compares every file's size and time, not only a turn of them). Returns how many
        articles were (re)indexed; `progress` as for `update`."""
        self._rebuild = lambda: self._refresh(None, every_file)
        return self._guarded(lambda: self._refresh(progress, every_file), rebuild=False)

    def _refresh(self, progress: Callable[[int, int], None] | None, every_file: bool) -> int:
        from kratom_tui.search.freshness import find_changes

        with self._write_lock:
            connection = self._writer
            if connection is None:
                raise RuntimeError("the search index is closed")
            connection.execute("BEGIN IMMEDIATE")
            try:
                swept = connection.execute("SELECT value FROM meta WHERE key = 'swept'").fetchone()
                changes = find_changes(connection, self.library_root, int(swept[0]) if swept else 0, every_file)
                count = self._apply_changes(connection, changes, progress)
                if changes.folders is not None:
                    connection.execute("DELETE FROM folders")
                    connection.executemany("INSERT INTO folders VALUES (?, ?)", changes.folders.items())
                known_inodes = [(inode, path) for path, inode in changes.inodes.items()]
                connection.executemany("UPDATE files SET inode = ? WHERE path = ?", known_inodes)
                values = [("swept", str(changes.swept_to))]
                if count or changes.gone:
                    values += self._stamp_values(self.library_root)
                connection.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", values)
                connection.execute("COMMIT")
            except BaseException:
                _rollback(connection)
                raise
        return count

    def _apply_changes(
        self, connection: sqlite3.Connection, changes: Changes, progress: Callable[[int, int], None] | None
    ) -> int:
        """Drop the files gone, read and index the stale ones, one at a time (nothing else is held)."""
        for path in changes.gone:
            self._forget(connection, path)
        if not changes.stale:
            return 0
        from kratom_tui.library.loader import article_id, load_article
        from kratom_tui.library.reading import read_body
        from kratom_tui.library.safe_open import LibraryFiles

        files = LibraryFiles(self.library_root)
        total = len(changes.stale)
        if progress is not None:
            progress(0, total)
        for done, (path, inode) in enumerate(changes.stale.items(), 1):
            relative = os.fsdecode(path)
            unique = self._unique_id(connection, article_id(relative), path)
            article = load_article(self.library_root / relative, unique, files, [])
            if article is None or article.stamp is None:
                self._forget(connection, path)  # no longer usable as an article
            else:
                body, _head = read_body(article.path, files, article.body_offset, article.body_line, article.stamp)
                old = connection.execute("SELECT doc, parts FROM files WHERE path = ?", (path,)).fetchone()
                size, mtime = article.stamp
                self._write(connection, path, article, body.text, (size, changes.settled(mtime), inode), old)
            if progress is not None:
                progress(done, total)
        return total

    @staticmethod
    def _unique_id(connection: sqlite3.Connection, wanted: str, path: bytes) -> str:
        """`wanted`, or `wanted~2`...: only escaped names can meet (`a\\x1b.md` spelled out and `a<ESC>.md`)."""
        unique, copy = wanted, 1
        while connection.execute(
            "SELECT 1 FROM files WHERE article_id = ? AND path != ?", (unique, path)
        ).fetchone():
            copy += 1
            unique = f"{wanted}~{copy}"
        return unique

    def _forget(self, connection: sqlite3.Connection, path: bytes) -> None:
        row = connection.execute("SELECT doc, parts FROM files WHERE path = ?", (path,)).fetchone()
        if row is not None:
            self._drop(connection, *row)
            connection.execute("DELETE FROM files WHERE doc = ?", (row[0],))

    @staticmethod
    def _stamp_values(root: Path) -> list[tuple[str, str]]:
        return [("library", display_path(Path(root).resolve())), ("updated", time.strftime("%Y-%m-%dT%H:%M:%S%z"))]

    def condition_names(self) -> list[str]:
        """The conditions of the indexed articles, sorted ignoring case."""

        def names() -> list[str]:
            with self._search_lock():
                connection = self._reader
                if connection is None:
                    raise RuntimeError("the search index is closed")
                rows = connection.execute("SELECT DISTINCT name FROM conditions").fetchall()
            return sorted((_text(name) for (name,) in rows), key=str.casefold)

        return self._guarded(names, rebuild=True)

    def _update(self, library: Library, progress: Callable[[int, int], None] | None) -> int:
        current: dict[bytes, tuple[Article, int, int, int]] = {}
        prefix = os.path.join(str(library.root), "")
        for article in library.articles:
            name = str(article.path)
            try:
                stat = os.stat(name)
            except OSError:
                continue
            # The file's path within the library (a str slice: Path.relative_to is slow for 10,000), as
            # bytes: a file name need not be valid UTF-8, and SQLite takes only valid text.
            key = os.fsencode(name.removeprefix(prefix).replace(os.sep, "/"))
            current[key] = (article, stat.st_size, stat.st_mtime_ns, stat.st_ino)
        with self._write_lock:
            connection = self._writer
            if connection is None:
                raise RuntimeError("the search index is closed")
            connection.execute("BEGIN IMMEDIATE")
            try:
                count = self._apply(connection, library, current, progress)
                # The loaded library may be older than the folders' last walk: `refresh` walks again.
                connection.execute("DELETE FROM folders")
                connection.executemany(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", self._stamp_values(library.root)
                )
                connection.execute("COMMIT")
            except BaseException:
                _rollback(connection)
                raise
        return count

    def _apply(
        self,
        connection: sqlite3.Connection,
        library: Library,
        current: dict[bytes, tuple[Article, int, int, int]],
        progress: Callable[[int, int], None] | None,
    ) -> int:
        known = {
            path: (doc, parts, article_id, size, mtime)
            for doc, parts, path, article_id, size, mtime in connection.execute(
                "SELECT doc, parts, path, article_id, size, mtime_ns FROM files"
            )
        }
        for path, (doc, parts, *_rest) in known.items():
            if path not in current:
                self._drop(connection, doc, parts)
                connection.execute("DELETE FROM files WHERE doc = ?", (doc,))
        changed = [
            (path, entry, known.get(path))
            for path, entry in current.items()
            if known.get(path, (None, None))[2:] != (entry[0].id, entry[1], entry[2])
        ]
        total = len(changed)
        if progress is not None and total:
            progress(0, total)
        for done, (path, (article, *stamp), old) in enumerate(changed, 1):
            self._write(connection, path, article, library.read_body(article).text, stamp, old and old[:2])
            if progress is not None:
                progress(done, total)
        return total

    def _write(
        self,
        connection: sqlite3.Connection,
        path: bytes,
        article: Article,
        body: str,
        stamp: Sequence[int],
        old: Sequence[int] | None,
    ) -> None:
        """Index one article; `stamp` is its file's size, modification time and inode, `old` the
        `(doc, parts)` of the file's earlier rows, if any."""
        rows = _rows(article, body)
        size, mtime, inode = stamp
        if old is None:
            inserted = connection.execute(
                "INSERT INTO files(path, article_id, size, mtime_ns, inode, parts) VALUES (?, ?, ?, ?, ?, ?)",
                (path, article.id, size, mtime, inode, len(rows)),
            ).lastrowid
            assert inserted is not None
            doc = inserted
        else:
            doc = old[0]
            self._drop(connection, doc, old[1])
            connection.execute(
                "UPDATE files SET article_id = ?, size = ?, mtime_ns = ?, inode = ?, parts = ? WHERE doc = ?",
                (article.id, size, mtime, inode, len(rows), doc),
            )
        connection.executemany(
            f"INSERT INTO docs(rowid, {', '.join(COLUMNS)}) VALUES (?{', ?' * len(COLUMNS)})",
            [(part << PART_SHIFT | doc, *fields) for part, fields in enumerate(rows)],
        )
        connection.executemany(
            "INSERT INTO conditions(doc, key, name) VALUES (?, ?, ?)",
            [(doc, condition_key(name), name) for name in dict.fromkeys(article.conditions)],
        )

    @staticmethod
    def _drop(connection: sqlite3.Connection, doc: int, parts: int) -> None:
        rows = [(part << PART_SHIFT | doc,) for part in range(parts)]
        connection.executemany("DELETE FROM docs WHERE rowid = ?", rows)
        connection.execute("DELETE FROM conditions WHERE doc = ?", (doc,))

    def _search_lock(self) -> threading.RLock:
        """The reader's lock; the writer's when both are one connection (in memory)."""
        return self._write_lock if self._reader is self._writer else self._read_lock

    # Searching ---------------------------------------------------------------------------------

    def search(self, query: str, condition: str | None = None, limit: int = 20) -> list[SearchHit]:
        """The best `limit` articles for `query` (see kratom_tui.search.query), best first.

        `condition` narrows like `condition:` in the query; both apply when both are given. A query
        with only a condition lists that condition's articles by title. Never raises on any text.
        """
        parsed = parse_query(query)
        keys = [key for key in (condition_key(wanted or "") for wanted in (condition, parsed.condition)) if key]
        if limit <= 0 or (parsed.fts is None and not keys):
            return []
        return self._guarded(lambda: self._search(parsed.fts, keys, limit), rebuild=True)

    def _search(self, fts: str | None, keys: list[str], limit: int) -> list[SearchHit]:
        where = "".join(
            f" AND rowid & {DOC_MASK} IN (SELECT doc FROM conditions WHERE instr(' ' || key, ?) > 0)" for _key in keys
        )
        values: list[Any] = [f" {key}" for key in keys]
        with self._search_lock():
            connection = self._reader
            if connection is None:
                raise RuntimeError("the search index is closed")
            if fts is None:
                rows = connection.execute(
                    f"SELECT id, conditions, title, summary, substr(body, 1, 2000) FROM docs "
                    f"WHERE rowid <= {DOC_MASK}{where} ORDER BY title COLLATE NOCASE, id LIMIT ?",
                    (*values, limit),
                ).fetchall()
                return [
                    SearchHit(
                        _name(article_id), _text(title), self._split(conditions), 0.0,
                        unmark(_first_words(_text(summary) or str(body or "")))[0], (),
                    )
                    for article_id, conditions, title, summary, body in rows
                ]
            # Snippets of every searched column but the title, best first: the body, then the short
            # ones (cheap to cut), so that no second MATCH is needed for a hit without a body match.
            # FTS5 sorts by rank itself and computes snippets only for the rows stepped through; an
            # article's later parts are passed over once its best part is in.
            cursor = connection.execute(
                f"SELECT rowid, id, conditions, title, -rank, {_SNIPPETS} "
                f"FROM docs WHERE docs MATCH ?{where} ORDER BY rank",
                (fts, *values),
            )
            hits = []
            seen: set[int] = set()
            for rowid, article_id, conditions, title, score, *snippets in cursor:
                doc = rowid & DOC_MASK
                if doc in seen:
                    continue
                seen.add(doc)
                marked = next((marked for marked in snippets if START in marked), None)
                if marked is None:
                    marked = self._opening(connection, doc)
                snippet, highlights = unmark(str(marked))
                conditions = self._split(conditions)
                hits.append(SearchHit(_name(article_id), _text(title), conditions, float(score), snippet, highlights))
                if len(hits) == limit:
                    break
            cursor.close()
            return hits

    @staticmethod
    def _opening(connection: sqlite3.Connection, doc: int) -> str:
        """A title-only match: the opening words of the summary, else the body (the title is shown anyway)."""
        row = connection.execute(
            "SELECT summary, substr(body, 1, 2000) FROM docs WHERE rowid = ?", (doc,)
        ).fetchone()
        return _first_words(str(row[0] or row[1] or "")) if row else ""

    @staticmethod
    def _split(conditions: str) -> tuple[str, ...]:
        return tuple(one_line(condition) for condition in str(conditions).split(LIST_SEPARATOR)) if conditions else ()


def _text(value: object) -> str:
    """A text read back from the index file, on one line and without controls whatever the file holds."""
    return one_line(str(value)) if value is not None else ""


def _name(article_id: object) -> str:
    """An id read back from the index file, printable whatever the file holds."""
    return display_name(_text(article_id))
