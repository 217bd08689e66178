"""What the reader remembers between launches, kept in the user state folder.

Writes are atomic (temporary file, fsync, rename), so a crash leaves the old file or the new one.
Two readers running at once: the last one to save wins, key by key, because each save re-reads the
file and applies only the keys this run changed.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from platformdirs import user_state_path

STATE_FILE = "state.json"


def default_state_path() -> Path:
    return user_state_path("kratom-tui", appauthor=False) / STATE_FILE


def write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class StateStore:
    """A small JSON object on disk; `notice` says when a broken file had to be set aside."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_state_path()
        self.notice: str | None = None
        self._changed: dict[str, Any] = {}
        self.values: dict[str, Any] = self._read(set_aside=True)

    def _read(self, set_aside: bool) -> dict[str, Any]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as error:
            self.notice = f"Could not read saved state ({error.strerror}); starting with defaults."
            return {}
        try:
            data = json.loads(text)
            if not isinstance(data, dict):
                raise ValueError("not an object")
            return data
        except ValueError:
            if set_aside:
                aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
                try:
                    os.replace(self.path, aside)
                    self.notice = f"Saved state was unreadable; moved to {aside.name}. Starting with defaults."
                except OSError:
                    self.notice = "Saved state was unreadable; starting with defaults."
            return {}

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def set(self, key: str, value: Any) -> None:
        self.values[key] = value
        self._changed[key] = value

    def save(self) -> None:
        """Merge this run's changes over what is on disk now, then write atomically."""
        if not self._changed:
            return
        current = self._read(set_aside=False)
        current.update(self._changed)
        try:
            write_atomically(self.path, json.dumps(current, indent=2, sort_keys=True))
        except OSError:
            return
        self.values = current
        self._changed.clear()
