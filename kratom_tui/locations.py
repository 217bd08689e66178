"""Every folder and file the reader keeps outside the library, named in one place.

Config is what the user writes, state is what the reader remembers, data is what the user makes
(notes), and caches can be deleted at any time. platformdirs honours the XDG variables on Linux.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import platformdirs

APP_NAME = "kratom-tui"


def config_dir() -> Path:
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def state_dir() -> Path:
    return platformdirs.user_state_path(APP_NAME, appauthor=False)


def data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    return platformdirs.user_cache_path(APP_NAME, appauthor=False)


def settings_file() -> Path:
    return config_dir() / "settings.yaml"


def state_file() -> Path:
    return state_dir() / "state.json"


def notes_file() -> Path:
    """The user's notes and highlights: data they made, so neither the state file nor a cache."""
    return data_dir() / "notes.sqlite3"


def handouts_dir() -> Path:
    """Where `p` writes handouts: the downloads folder, where people look for a file to print or send."""
    return platformdirs.user_downloads_path()


def library_key(root: Path) -> str:
    """A short stable name for one library folder, from its resolved path."""
    resolved = str(Path(root).expanduser().resolve())
    return hashlib.sha256(resolved.encode("utf-8", "surrogateescape")).hexdigest()


def heads_cache_file(root: Path) -> Path:
    return cache_dir() / f"heads-{library_key(root)[:16]}.sqlite"


def catalogue_file(root: Path) -> Path:
    return cache_dir() / f"catalogue-{library_key(root)[:16]}.json"


def answers_file(root: Path) -> Path:
    """What `list` and `risks` printed, for the files as they were (kratom_tui.cli_answers)."""
    return cache_dir() / f"answers-{library_key(root)[:16]}.json"


def search_cache_dir() -> Path:
    return cache_dir() / "search"


def search_index_file(root: Path) -> Path:
    return search_cache_dir() / f"library-{library_key(root)[:24]}.sqlite3"
