"""Which files of a library changed since its index was last brought up to date, found without
reading or parsing any of them, so that `kratom-tui search` answers for the files as they are now.

Two checks, each cheap on 100,000 files:

- **The folders.** The index keeps each folder's modification time. A folder's time moves whenever a
  file in it is added, removed or renamed, and when one is replaced by a new file (how most editors
  and this reader save). Only when a folder's time differs is the library walked again: the folder
  listings give every file's name and inode number without a `stat` of each file, and a file whose
  inode changed was replaced.
- **The files, in turns.** A file rewritten in place (same inode, same folder time) shows only in
  its own size or modification time. Each check compares those of up to `SWEEP` files, taking up
  where the last check stopped: a library of up to `SWEEP` files has every file checked every time;
  a larger one within `files / SWEEP` searches (10 for 100,000 files).

A time is only trusted once it is `SETTLED_NS` old: a file system's clock moves in steps of a few
milliseconds, so a folder or file changed again within the same step as the check would keep its time.
A time newer than that is recorded as unknown, and compared again at the next check.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from kratom_tui.library.scan import walk_layout

SWEEP = 10_000
"""Files whose size and modification time one check compares (about 35 ms on this project's machine)."""
SETTLED_NS = 2_000_000_000
UNKNOWN = -1
"""Recorded instead of a time that is not yet settled: no file or folder has it, so it always differs."""


@dataclass
class Changes:
    stale: dict[bytes, int] = field(default_factory=dict)
    """Files to (re)index: path within the library -> inode number."""
    gone: set[bytes] = field(default_factory=set)
    """Indexed files that are no longer in the library."""
    inodes: dict[bytes, int] = field(default_factory=dict)
    """Unchanged indexed files whose inode number was not yet known."""
    folders: dict[bytes, int] | None = None
    """The folders' modification times when the library was walked (None when it was not)."""
    swept_to: int = 0
    """The last file (`doc`) compared in turn; the next check starts after it."""
    settled_before: int = field(default_factory=lambda: time.time_ns() - SETTLED_NS)

    def settled(self, mtime: int) -> int:
        """`mtime` when it can be trusted, else UNKNOWN."""
        return mtime if mtime < self.settled_before else UNKNOWN


def _modified(path: bytes) -> int | None:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


def _joined(root: bytes, relative: bytes) -> bytes:
    return root + b"/" + relative if relative else root


def find_changes(connection: sqlite3.Connection, root: Path, swept_from: int, every_file: bool = False) -> Changes:
    """What differs between the index's `files` and `folders` tables and the library on disk;
    `every_file` compares every file's size and time, not only `SWEEP` of them."""
    base = os.fsencode(root)
    changes = Changes()
    recorded = connection.execute("SELECT path, mtime_ns FROM folders").fetchall()
    if not recorded or any(_modified(_joined(base, path)) != mtime for path, mtime in recorded):
        _compare_layout(connection, root, base, changes)
    _sweep(connection, base, swept_from, changes, None if every_file else SWEEP)
    return changes


def _compare_layout(connection: sqlite3.Connection, root: Path, base: bytes, changes: Changes) -> None:
    layout = walk_layout(root)
    changes.folders = {path: changes.settled(mtime) for path, mtime in layout.folders.items()}
    found = layout.files
    for path, inode, size, mtime in connection.execute("SELECT path, inode, size, mtime_ns FROM files"):
        now = found.pop(path, None)
        if now is None:
            changes.gone.add(path)
        elif inode is None:
            # Indexed from a loaded library, which knows no inodes: compared by size and time this once.
            stat = _stat_or_gone(base, path, changes)
            if stat is None:
                continue
            if (stat.st_size, stat.st_mtime_ns) != (size, mtime):
                changes.stale[path] = now
            else:
                changes.inodes[path] = now
        elif inode != now:
            changes.stale[path] = now
    changes.stale.update(found)  # files the index has never seen


def _stat_or_gone(base: bytes, path: bytes, changes: Changes) -> os.stat_result | None:
    """The file's stat, or None after noting it gone (whatever stops the stat, the file cannot be read)."""
    try:
        return os.stat(_joined(base, path))
    except OSError:
        changes.gone.add(path)
        return None


def _sweep(connection: sqlite3.Connection, base: bytes, swept_from: int, changes: Changes, limit: int | None) -> None:
    query = "SELECT doc, path, size, mtime_ns FROM files WHERE doc {} ? ORDER BY doc LIMIT ?"
    wanted = -1 if limit is None else limit  # SQLite: a negative LIMIT is none
    rows = connection.execute(query.format(">"), (swept_from, wanted)).fetchall()
    if limit is None or len(rows) < limit:  # round again from the first file
        rest = wanted if limit is None else limit - len(rows)
        rows += connection.execute(query.format("<="), (swept_from, rest)).fetchall()
    for doc, path, size, mtime in rows:
        changes.swept_to = doc
        if path in changes.stale or path in changes.gone:
            continue
        stat = _stat_or_gone(base, path, changes)
        if stat is None:
            continue
        if (stat.st_size, stat.st_mtime_ns) != (size, mtime):
            changes.stale[path] = stat.st_ino
