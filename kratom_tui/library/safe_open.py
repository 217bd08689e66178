"""The one gate every file of the library is opened through.

A path is resolved, must lie inside the library folder and be a regular file, and is opened
without blocking (`O_NONBLOCK`, final link not followed); the open descriptor is checked again
(`fstat`, and on Linux the real path it was opened as), so a file swapped for a link out of the
library, a FIFO or a device between the check and the open is refused too, never read or waited on.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_FD_PATHS = "/proc/self/fd/"


class Refused(OSError):
    """A path the gate will not open; `strerror` says why."""

    def __init__(self, reason: str, path: str) -> None:
        super().__init__(errno.EPERM, reason, path)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def _check_regular(mode: int, path: str) -> None:
    if not stat.S_ISREG(mode):
        raise Refused(f"{_kind(mode)}, not a regular file; not read", path)


def open_regular(path: str | os.PathLike[str], follow: bool = True) -> BinaryIO:
    """Open a regular file for reading without ever blocking on a FIFO or opening a device.

    Raises OSError (Refused for a file that is not a regular one). For files outside any library,
    such as the settings file; library files go through `LibraryFiles.open`.
    """
    name = os.fspath(path)
    _check_regular(os.stat(name).st_mode, name)
    descriptor = os.open(name, _FLAGS | (0 if follow else _NOFOLLOW))
    try:
        # Still a regular file once open (O_NONBLOCK has no effect on one, so it may stay set).
        _check_regular(os.fstat(descriptor).st_mode, name)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


class LibraryFiles:
    """Opens files of one library folder, and nothing outside it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.real_root = os.path.realpath(root)
        self._prefix = os.path.join(self.real_root, "")

    def inside(self, real: str) -> bool:
        return real == self.real_root or real.startswith(self._prefix)

    def real_path(self, path: str | os.PathLike[str]) -> str | None:
        """The resolved path when it lies inside the library folder, else None (also for names with NUL)."""
        try:
            real = os.path.realpath(path)
        except (OSError, ValueError):
            return None
        return real if self.inside(real) else None

    def open(self, path: str | os.PathLike[str]) -> BinaryIO:
        """Open `path` for reading when it resolves to a regular file inside the library; else OSError."""
        name = os.fspath(path)
        real = self.real_path(name)
        if real is None:
            raise Refused("points outside the library folder; not read", name)
        stream = open_regular(real, follow=False)
        try:
            self._check_opened(stream.fileno(), name)
        except BaseException:
            stream.close()
            raise
        return stream

    def _check_opened(self, descriptor: int, name: str) -> None:
        """Where the system can say which file a descriptor is, it must still be inside the library."""
        try:
            opened = os.readlink(f"{_FD_PATHS}{descriptor}")
        except OSError:
            return
        if not self.inside(opened):
            raise Refused("points outside the library folder; not read", name)
