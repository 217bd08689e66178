"""The first frame is wrapped at the reading pane's real width: no line of it is cropped.

The app runs in a pseudo-terminal and its output goes through a terminal emulator (pyte); the
screen is read after every chunk of output, so every frame drawn (or half drawn) on the way to the
settled screen is seen. Each line of text in the pane must then be blank, or the start of a line
of the settled screen: a line wrapped for a wider pane and cut off at its edge is neither.
"""

from __future__ import annotations

import os
import select
import time
from pathlib import Path

import pytest

from tests.helpers import TerminalRun, terminal_env

pyte = pytest.importorskip("pyte", reason="pyte (a terminal emulator, in the test extras) is needed")

SIZE = (100, 30)
SETTLED = "^p Palette"
"""The end of the footer: the last thing of the first screen to be drawn."""
NOT_TEXT = str.maketrans({char: " " for char in "│╭╮╰╯▁▂▃▄▅▆▇█▉▊▋▌▍▎▏▐▔▕"})
"""Borders and scrollbar parts, which move as the layout grows; only the text is compared."""


def screens_until_settled(run: TerminalRun, timeout: float = 60) -> list[list[str]]:
    """The screen after each chunk of output, until the first screen has settled for a second."""
    screen = pyte.Screen(*SIZE)
    stream = pyte.ByteStream(screen)
    screens: list[list[str]] = []
    settled_at: float | None = None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and (settled_at is None or time.monotonic() < settled_at + 1.0):
        ready, _, _ = select.select([run.fd], [], [], 0.05)
        if ready:
            stream.feed(os.read(run.fd, 65536))
            screens.append(list(screen.display))
            if settled_at is None and SETTLED in screens[-1][-1]:
                settled_at = time.monotonic()
    assert settled_at is not None, "the first screen never settled:\n" + "\n".join(screens[-1] if screens else [])
    return screens


def pane_text(screen: list[str], left: int) -> list[str]:
    """The text of each row of the reading pane (between the header and the footer)."""
    return [row[left:].translate(NOT_TEXT).strip() for row in screen[1:-1]]


def test_no_frame_shows_text_wrapped_for_another_width(tmp_path: Path) -> None:
    run = TerminalRun([], terminal_env(tmp_path))
    try:
        screens = screens_until_settled(run)
    finally:
        run.close()
    settled = screens[-1]
    left = settled[1].index("▕") + 1  # the sidebar's edge: the pane starts after it
    settled_rows = [row for row in pane_text(settled, left) if row]
    assert len(settled_rows) > 20, "\n".join(settled)
    drawn_text = 0
    for number, screen in enumerate(screens):
        for row in pane_text(screen, left):
            if row:
                drawn_text += 1
                assert any(line.startswith(row) for line in settled_rows), (
                    f"screen {number} of {len(screens)} has a line that is not in the settled one:\n{row!r}\n\n"
                    + "\n".join(screen)
                )
    assert drawn_text >= len(settled_rows)
