"""Helpers shared by the tests: where things are, small libraries written on the fly, waiting for workers."""

from __future__ import annotations

import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "articles"
SHARED = REPO.parent / "shared"


async def wait_for_background(pilot, app, timeout: float = 30) -> None:
    """Let the app's worker load the library and update the index, without blocking the app's loop."""
    deadline = time.monotonic() + timeout
    while not app.search_service.ready.is_set() and time.monotonic() < deadline:
        await pilot.pause(0.05)
    await pilot.pause()


def write_library(root: Path, files: dict[str, str | bytes]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


GOOD = """---
title: Good article
summary: A short summary.
conditions: [Chronic pain, Sleep]
published: 2024-01-02
source: A test page
tags: [one, two]
risks:
  - name: Liver damage
    detail: Reported rarely.
    severity: high
  - name: Nausea
    detail: Upset stomach.
    severity: low
disclaimers:
  - Not medical advice.
---
Intro paragraph with a [link](other.md).

## First heading

Some **bold** text.

## Second heading

- one
- two
"""

OTHER = """---
title: Other article
conditions: [Sleep]
---
See the [good one](good.md#second-heading) and [outside](../outside.md) and [web](https://example.org/x).

## Only heading

Text.
"""


def capture_notifications(app) -> list[str]:
    """Record the text of every toast the app shows from now on (through its public `notify`)."""
    messages: list[str] = []
    original = app.notify

    def notify(message, *args, **kwargs):
        messages.append(str(message))
        return original(message, *args, **kwargs)

    app.notify = notify
    return messages


def body_of(article):
    """An article's body read from disk, as the library reads it (through the gate of its folder)."""
    from kratom_tui.library.reading import read_body
    from kratom_tui.library.safe_open import LibraryFiles

    return read_body(article.path, LibraryFiles(article.path.parent), article.body_offset, article.body_line)[0]


class TerminalRun:
    """The real app in a pseudo-terminal: every byte it writes is kept in `output`."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        import os
        import pty
        import sys

        self.output = bytearray()
        self.status: int | None = None
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # pragma: no cover - the child becomes the app
            os.execve(sys.executable, [sys.executable, "-m", "kratom_tui", *args], env)

    def read_for(self, seconds: float, until: bytes | None = None, since: int = 0) -> bool:
        """Read for `seconds`, or until `until` appears (after byte `since`); False when the terminal closed."""
        import os
        import select

        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if until is not None and until in self.output[since:]:
                return True
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    return False
                if not chunk:
                    return False
                self.output.extend(chunk)
        return until is None

    def send(self, keys: bytes, settle: float = 0.5) -> None:
        import os

        os.write(self.fd, keys)
        self.read_for(settle)

    def wait(self, seconds: float = 10) -> int:
        """Read to the end and return the exit status (-N when a signal N ended it)."""
        import os

        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
                self.read_for(0.2)
                return self.status
            self.read_for(0.1)
        raise TimeoutError("the app did not end")

    def close(self) -> None:
        import os

        if self.status is None:
            try:
                os.kill(self.pid, 9)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        os.close(self.fd)


def terminal_env(tmp_path: Path, first_launch: bool = False, **extra: str) -> dict[str, str]:
    """An environment for a real run: its own state, cache and config folders, a known terminal size.

    Unless `first_launch`, a saved state is there already, so the run opens the reader, not the welcome.
    """
    import os

    from kratom_tui.state import ReaderState

    if not first_launch:
        saved = tmp_path / "state" / "kratom-tui" / "state.json"
        saved.parent.mkdir(parents=True, exist_ok=True)
        saved.write_text(ReaderState().to_json(), encoding="utf-8")

    return {
        **os.environ,
        "TERM": "xterm-256color",
        "COLUMNS": "100",
        "LINES": "30",
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        **extra,
    }


async def settle(pilot, app, timeout: float = 10) -> None:
    """Pause until the reading pane's position has landed (a loaded machine can take a few frames)."""
    deadline = time.monotonic() + timeout
    await pilot.pause()
    while app.pane.view.settling and time.monotonic() < deadline:
        await pilot.pause(0.05)
    await pilot.pause()


def painted_lines(app) -> list[str]:
    """What the terminal shows for the current screen, line by line, as the compositor paints it."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def wait_until(pilot, condition, timeout: float = 10) -> None:
    """Pause until `condition()` holds (or the timeout passes): a loaded machine takes more frames."""
    deadline = time.monotonic() + timeout
    await pilot.pause()
    while not condition() and time.monotonic() < deadline:
        await pilot.pause(0.05)
