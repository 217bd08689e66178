"""The user's notes on disk: one SQLite file in the data folder, written a transaction at a time.

Notes are the one thing the reader keeps that the user made, so the store never loses them quietly:
a file that is not a readable notes database is moved aside (`storage.set_aside`) and said so; a
store written by a newer version is opened read-only rather than rewritten; a row this version
cannot read is left in the file and counted, not deleted. The file is made on the first note, so a
reader who never takes notes has none.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from kratom_tui.locations import notes_file
from kratom_tui.notes.anchor import Anchor
from kratom_tui.notes.model import Note
from kratom_tui.storage import set_aside

SCHEMA_VERSION = 1
"""1: one table of notes, anchored by quote, prefix, suffix and the block and offset last found."""

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id TEXT NOT NULL,
    quote TEXT NOT NULL,
    prefix TEXT NOT NULL,
    suffix TEXT NOT NULL,
    text TEXT NOT NULL,
    at_block INTEGER NOT NULL,
    at_offset INTEGER NOT NULL,
    created REAL NOT NULL,
    updated REAL NOT NULL,
    detached INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS notes_by_article ON notes (article_id);
PRAGMA user_version = {SCHEMA_VERSION};
"""
_COLUMNS = "id, article_id, quote, prefix, suffix, text, at_block, at_offset, created, updated, detached"
_NEWEST_FIRST = "ORDER BY created DESC, id DESC"
_WHAT = "The notes file"


class NoteStoreError(Exception):
    """A write that did not happen; the message is one sentence for the user."""


class _BadRow(ValueError):
    """A row whose field is not of its type: an edited file or one a foreign program wrote."""


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise _BadRow(value)
    return value


def _count(value: object) -> int:
    if type(value) is not int or value < 0:
        raise _BadRow(value)
    return value


def _time(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _BadRow(value)
    return float(value)


def _note(row: tuple[object, ...]) -> Note | None:
    """The note in a row, or None when a field is not of its type."""
    note_id, article_id, quote, prefix, suffix, text, block, offset, created, updated, detached = row
    try:
        return Note(
            id=_count(note_id),
            article_id=_text(article_id),
            quote=_text(quote),
            prefix=_text(prefix),
            suffix=_text(suffix),
            text=_text(text),
            block=_count(block),
            offset=_count(offset),
            created=_time(created),
            updated=_time(updated),
            detached=bool(_count(detached)),
        )
    except _BadRow:
        return None


class NoteStore:
    """Every note of the user, read and written through one connection.

    `notice` is one sentence for the user when the file had to be set aside, was opened read-only,
    or held rows this version could not read; None when all is well.
    """

    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self.notice: str | None = None
        self.read_only = False
        self._clock = clock
        self._connection: sqlite3.Connection | None = None

    @classmethod
    def open(cls, path: Path | None = None, clock: Callable[[], float] = time.time) -> NoteStore:
        """The store at `path` (the data folder's notes file by default), checked before use."""
        store = cls(path or notes_file(), clock)
        if store.path.exists():
            store._connect()
        return store

    def _connect(self) -> sqlite3.Connection | None:
        """Open the file, making it if need be; a file that is no notes store is set aside first."""
        if self._connection is not None:
            return self._connection
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=5, isolation_level=None)
        except (sqlite3.Error, OSError) as error:
            self.notice = f"{_WHAT} {self.path} could not be opened ({error}); notes cannot be kept this run."
            return None
        try:
            version = self._check(connection)
        except sqlite3.DatabaseError:
            connection.close()
            self.notice = set_aside(self.path, f"{_WHAT} {self.path.name}") + " Your earlier notes are in that file."
            return self._connect_fresh()
        if version > SCHEMA_VERSION:
            self.read_only = True
            self.notice = f"{_WHAT} was written by a newer kratom-tui; notes can be read but not changed this run."
        elif version < SCHEMA_VERSION:
            try:
                connection.executescript(_SCHEMA)
            except sqlite3.Error as error:
                connection.close()
                self.notice = f"{_WHAT} {self.path} could not be written ({error}); notes cannot be kept this run."
                return None
        self._connection = connection
        return connection

    def _connect_fresh(self) -> sqlite3.Connection | None:
        try:
            connection = sqlite3.connect(self.path, timeout=5, isolation_level=None)
            connection.executescript(_SCHEMA)
        except sqlite3.Error as error:
            self.notice = f"{self.notice} It could not be made again ({error}); notes cannot be kept this run."
            return None
        self._connection = connection
        return connection

    @staticmethod
    def _check(connection: sqlite3.Connection) -> int:
        """The file's schema version; raises DatabaseError when it is damaged or not a notes store."""
        if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("damaged")
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        columns = {row[1] for row in connection.execute("PRAGMA table_info(notes)")}
        if version == 0 and not columns:
            tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables:
                raise sqlite3.DatabaseError("some other database")
            return 0  # an empty file: a new store
        if version <= SCHEMA_VERSION and not set(_COLUMNS.split(", ")) <= columns:
            raise sqlite3.DatabaseError("not a notes store")
        return version

    # Reading

    def _select(self, where: str = "", parameters: tuple[object, ...] = ()) -> list[Note]:
        connection = self._connection
        if connection is None:
            return []
        try:
            rows = connection.execute(f"SELECT {_COLUMNS} FROM notes {where} {_NEWEST_FIRST}", parameters).fetchall()
        except sqlite3.Error as error:
            self.notice = f"{_WHAT} could not be read ({error})."
            return []
        notes = [_note(row) for row in rows]
        unreadable = notes.count(None)
        if unreadable:
            self.notice = f"{unreadable} note(s) in {self.path.name} could not be read; they are left in the file."
        return [note for note in notes if note is not None]

    def all(self) -> list[Note]:
        """Every note, newest first."""
        return self._select()

    def for_article(self, article_id: str) -> list[Note]:
        """The notes of one article, newest first."""
        return self._select("WHERE article_id = ?", (article_id,))

    def get(self, note_id: int) -> Note | None:
        found = self._select("WHERE id = ?", (note_id,))
        return found[0] if found else None

    # Writing

    def _write(self, statement: str, parameters: tuple[object, ...]) -> int:
        """Run one change in its own transaction; the id of the row written, or NoteStoreError."""
        if self.read_only:
            raise NoteStoreError(self.notice or f"{_WHAT} is read-only this run.")
        connection = self._connect()
        if connection is None:
            raise NoteStoreError(self.notice or f"{_WHAT} {self.path} could not be opened.")
        try:
            with connection:
                connection.execute("BEGIN IMMEDIATE")
                cursor = connection.execute(statement, parameters)
                return int(cursor.lastrowid or 0) if cursor.rowcount else 0
        except sqlite3.Error as error:
            raise NoteStoreError(f"Could not save the note to {self.path} ({error}).") from error

    def add(
        self, article_id: str, quote: str, prefix: str, suffix: str, text: str, block: int, offset: int
    ) -> Note:
        """Keep a new note (a highlight when `text` is empty) and return it with its id."""
        now = self._clock()
        note_id = self._write(
            f"INSERT INTO notes ({_COLUMNS}) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
            (article_id, quote, prefix, suffix, text, block, offset, now, now),
        )
        return Note(note_id, article_id, quote, prefix, suffix, text, block, offset, now, now)

    def update(
        self,
        note_id: int,
        *,
        text: str | None = None,
        quote: str | None = None,
        prefix: str | None = None,
        suffix: str | None = None,
        block: int | None = None,
        offset: int | None = None,
        detached: bool | None = None,
    ) -> Note:
        """Change a note; a new `text` is the user's edit and moves `updated`, re-anchoring does not."""
        current = self.get(note_id)
        if current is None:
            raise NoteStoreError(f"Note {note_id} is no longer in {self.path.name}.")
        changed = Note(
            id=note_id,
            article_id=current.article_id,
            quote=current.quote if quote is None else quote,
            prefix=current.prefix if prefix is None else prefix,
            suffix=current.suffix if suffix is None else suffix,
            text=current.text if text is None else text,
            block=current.block if block is None else block,
            offset=current.offset if offset is None else offset,
            created=current.created,
            updated=current.updated if text is None or text == current.text else self._clock(),
            detached=current.detached if detached is None else detached,
        )
        if changed == current:
            return current
        self._write(
            "UPDATE notes SET quote = ?, prefix = ?, suffix = ?, text = ?, at_block = ?, at_offset = ?,"
            " updated = ?, detached = ? WHERE id = ?",
            (
                changed.quote, changed.prefix, changed.suffix, changed.text, changed.block, changed.offset,
                changed.updated, int(changed.detached), note_id,
            ),
        )
        return changed

    def move(self, note: Note, found: Anchor | None) -> Note:
        """Record where a note's words are now (re-anchoring), or that they are gone (detached)."""
        if found is None:
            return note if note.detached else self.update(note.id, detached=True)
        return self.update(
            note.id,
            quote=found.quote,
            prefix=found.prefix,
            suffix=found.suffix,
            block=found.block,
            offset=found.offset,
            detached=False,
        )

    def delete(self, note_id: int) -> Note | None:
        """Remove a note and return it (so that it can be put back), or None if it was not there."""
        current = self.get(note_id)
        if current is None:
            return None
        self._write("DELETE FROM notes WHERE id = ?", (note_id,))
        return current

    def restore(self, note: Note) -> Note:
        """Put back a deleted note as it was, under its own id (the undo of `delete`)."""
        self._write(
            f"INSERT OR REPLACE INTO notes ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                note.id, note.article_id, note.quote, note.prefix, note.suffix, note.text, note.block,
                note.offset, note.created, note.updated, int(note.detached),
            ),
        )
        return note

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
