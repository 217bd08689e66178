"""The open article's file: watched so that an edit made elsewhere shows at once, and opened in the
reader's editor with `e` (the app is suspended meanwhile and resumes where it was)."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import SuspendNotSupported
from textual.file_monitor import FileMonitor
from textual.timer import Timer

if TYPE_CHECKING:
    from kratom_tui.ui.app import ReaderApp

CHECK_EVERY = 1.0
"""Seconds between looks at the open file's modification time (one file, not the library)."""


class OpenFileWatch:
    """Watches one file at a time: the article being read."""

    def __init__(self, app: ReaderApp) -> None:
        self.app = app
        self._timer: Timer | None = None
        self._monitor: FileMonitor | None = None

    def watch(self, path: Path) -> None:
        self._monitor = FileMonitor([path], self.app.reload_current)
        if self._timer is None:
            self._timer = self.app.set_interval(CHECK_EVERY, self._check, name="open-file-watch")

    def _check(self) -> None:
        if self._monitor is not None and self._monitor.check():
            self.app.reload_current()


def edit_article(app: ReaderApp) -> None:
    """`e`: the article's file in $VISUAL or $EDITOR; read-only files (an installed library) are refused."""
    article = app.current
    if article is None:
        return
    if not os.access(article.path, os.W_OK):
        app.notify(
            "This file cannot be written (the installed library is read-only): copy the articles into a "
            "folder of your own and start the reader with --articles FOLDER to edit them.",
            title="Not opened in an editor",
            severity="warning",
            markup=False,
        )
        return
    command = shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")
    try:
        with app.suspend():
            subprocess.run([*command, str(article.path)], check=False)
    except (OSError, SuspendNotSupported) as error:
        app.notify(f"Could not run the editor {command[0]!r}: {error}", severity="error", markup=False)
        return
    app.reload_current()
