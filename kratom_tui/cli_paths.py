"""What `paths` prints, and tidying the cache: clearing it, and pruning what deleted folders left.

The folders themselves are named in `kratom_tui.locations`. Each cache file belongs to one library
folder (its name holds a hash of the folder's path); caches of folders that no longer exist are
pruned, at most once a day, so they do not pile up.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from kratom_tui.locations import (
    cache_dir,
    config_dir,
    data_dir,
    library_key,
    search_cache_dir,
    settings_file,
    state_file,
)

PRUNE_STAMP = ".pruned"
PRUNE_EVERY = 24 * 3600
"""Seconds between two automatic prunings."""
_COMPANIONS = ("-wal", "-shm", "-journal")


def user_paths(library: Path) -> dict[str, str]:
    """What `kratom-tui paths` prints, name -> path."""
    return {
        "config": str(config_dir()),
        "settings": str(settings_file()),
        "state": str(state_file()),
        "notes": str(data_dir()),
        "cache": str(cache_dir()),
        "library": str(library),
    }


@dataclass(frozen=True)
class CacheFile:
    path: Path
    library: Path | None
    """The library folder it was made for, when that can be told."""
    size: int

    def stale(self) -> bool:
        return self.library is not None and not self.library.is_dir()


def _catalogue_root(path: Path) -> Path | None:
    try:
        root = json.loads(path.read_text(encoding="utf-8")).get("root")
    except (OSError, ValueError, AttributeError):
        return None
    return Path(root) if isinstance(root, str) else None


def _sqlite_value(path: Path, query: str) -> str | None:
    import sqlite3  # only when the cache is tidied, at most once a day

    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            row = connection.execute(query).fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    if row and isinstance(row[0], bytes):
        return os.fsdecode(row[0])  # the head cache keeps paths as bytes (a file name need not be UTF-8)
    return row[0] if row and isinstance(row[0], str) else None


def _heads_root(path: Path, key: str, catalogues: dict[str, Path]) -> Path | None:
    """The catalogue of the same folder names it; else the one parent of a cached file that hashes to the key."""
    if key in catalogues:
        return catalogues[key]
    sample = _sqlite_value(path, "SELECT path FROM heads LIMIT 1")
    if sample is None:
        return None
    return next((folder for folder in Path(sample).parents if library_key(folder).startswith(key)), None)


def _size(path: Path) -> int:
    total = 0
    for suffix in ("", *_COMPANIONS):
        try:
            total += path.with_name(path.name + suffix).stat().st_size
        except OSError:
            pass
    return total


def cache_files() -> list[CacheFile]:
    """Every cache file of every library folder, with the folder it belongs to."""
    folder = cache_dir()
    catalogues = {
        path.stem.removeprefix("catalogue-"): _catalogue_root(path) for path in sorted(folder.glob("catalogue-*.json"))
    }
    found = [CacheFile(folder / f"catalogue-{key}.json", root, _size(folder / f"catalogue-{key}.json"))
             for key, root in catalogues.items()]
    known = {key: root for key, root in catalogues.items() if root is not None}
    for path in sorted(folder.glob("answers-*.json")):
        found.append(CacheFile(path, _catalogue_root(path), _size(path)))
    for path in sorted(folder.glob("heads-*.sqlite")):
        found.append(CacheFile(path, _heads_root(path, path.stem.removeprefix("heads-"), known), _size(path)))
    for path in sorted(search_cache_dir().glob("library-*.sqlite3")):
        root = _sqlite_value(path, "SELECT value FROM meta WHERE key = 'library'")
        found.append(CacheFile(path, Path(root) if root else None, _size(path)))
    return found


def _remove(path: Path) -> None:
    for suffix in ("", *_COMPANIONS):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def prune_cache() -> list[CacheFile]:
    """Remove the caches of library folders that no longer exist; returns what was removed."""
    removed = []
    for entry in cache_files():
        if entry.stale():
            try:
                _remove(entry.path)
            except OSError:
                continue
            removed.append(entry)
    return removed


def prune_now_and_then(now: float | None = None) -> None:
    """Prune when the last pruning is more than a day old; quiet, and a failure only costs disk space."""
    folder = cache_dir()
    stamp = folder / PRUNE_STAMP
    now = time.time() if now is None else now
    try:
        if now - stamp.stat().st_mtime < PRUNE_EVERY:
            return
    except FileNotFoundError:
        pass
    except OSError:
        return
    if not folder.is_dir():
        return
    try:
        prune_cache()
        stamp.touch()
    except OSError:
        pass


def clear_cache() -> tuple[int, int]:
    """Delete the whole cache folder; returns (files, bytes) removed."""
    folder = cache_dir()
    files = [path for path in folder.rglob("*") if path.is_file()] if folder.is_dir() else []
    size = sum(path.stat().st_size for path in files)
    if folder.is_dir():
        import shutil

        shutil.rmtree(folder)
    return len(files), size
