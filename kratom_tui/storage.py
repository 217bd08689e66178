"""How the reader writes its own files and what it does with one it cannot read.

One writer for everything (temporary file, flush, fsync, rename, then fsync the folder), so a crash
leaves the old file or the new one, never half of either; and one policy for a corrupt file: move
it aside as `NAME.corrupt-TIMESTAMP`, say so once, start clean.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path


def write_atomically(path: Path, data: str | bytes) -> None:
    """Replace `path` with `data` in one step; no temporary file is left behind on failure."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; some file systems cannot, which costs nothing but that."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def set_aside(path: Path, what: str) -> str:
    """Move an unreadable file out of the way and return the one sentence that tells the user."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    try:
        os.replace(path, target)
    except FileNotFoundError:
        return f"{what} was unreadable and is gone; starting clean."
    except OSError as error:
        return f"{what} was unreadable and could not be moved aside ({error.strerror}); starting clean."
    return f"{what} was unreadable; moved aside as {target.name}. Starting clean."
