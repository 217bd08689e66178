"""A closed window (SIGHUP) or `kill` (SIGTERM) saves the reader's place and restores the terminal."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from tests.helpers import TerminalRun, terminal_env

ALTERNATE_ON, ALTERNATE_OFF = b"\x1b[?1049h", b"\x1b[?1049l"
MOUSE_ON, MOUSE_OFF = b"\x1b[?1003h", b"\x1b[?1003l"


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_saves_the_state_and_restores_the_terminal(tmp_path: Path, number: int) -> None:
    run = TerminalRun([], terminal_env(tmp_path))
    try:
        assert run.read_for(20, until=b"Risks and disclaimers"), "the first frame never came"
        run.read_for(1)
        mark = len(run.output)
        run.send(b"]]", settle=0)
        assert run.read_for(10, until=b"Kratom and fibromyalgia", since=mark), "`]` `]` opened it"
        run.send(b"\t", settle=0.5)
        run.send(b"jjjjjjjjjj", settle=1.5)
        os.kill(run.pid, number)
        status = run.wait()
    finally:
        run.close()
    assert status == 0
    state = json.loads((tmp_path / "state" / "kratom-tui" / "state.json").read_text())
    assert state["article"] == "fibromyalgia", state
    assert state["places"].get("fibromyalgia", [0, 0]) != [0, 0], state
    output = bytes(run.output)
    assert output.rfind(ALTERNATE_OFF) > output.rfind(ALTERNATE_ON) > -1, "the alternate screen is left"
    assert output.rfind(MOUSE_OFF) > output.rfind(MOUSE_ON) > -1, "mouse reporting is turned off"
    assert b"Traceback" not in output


def test_state_is_saved_while_the_app_runs(tmp_path: Path) -> None:
    """`kill -9` gives the app no chance: what was saved within a second of the change is all there is."""
    run = TerminalRun([], terminal_env(tmp_path))
    path = tmp_path / "state" / "kratom-tui" / "state.json"
    try:
        assert run.read_for(20, until=b"Risks and disclaimers")
        run.read_for(1)
        mark = len(run.output)
        run.send(b"]", settle=0)
        assert run.read_for(10, until=b"Kratom and chronic pain\x1b", since=mark)
        run.send(b"r", settle=2)
        saved = json.loads(path.read_text())
    finally:
        run.close()
    assert saved["article"] == "chronic-pain"
    assert saved["folded"] == ["chronic-pain"]


def test_closing_the_window_ends_the_app(tmp_path: Path) -> None:
    """The terminal itself goes away (as when its window closes): the app saves and ends, never lingers."""
    import time

    run = TerminalRun([], terminal_env(tmp_path))
    assert run.read_for(20, until=b"Risks and disclaimers")
    run.read_for(1)
    mark = len(run.output)
    run.send(b"]", settle=0)
    assert run.read_for(10, until=b"Kratom and chronic pain\x1b", since=mark)
    os.close(run.fd)  # the kernel hangs up on the app
    deadline = time.monotonic() + 10
    ended = 0
    while time.monotonic() < deadline and not ended:
        ended, _status = os.waitpid(run.pid, os.WNOHANG)
        time.sleep(0.1)
    if not ended:
        os.kill(run.pid, 9)
        os.waitpid(run.pid, 0)
    assert ended, "the app was still running 10 s after its terminal went away"
    state = json.loads((tmp_path / "state" / "kratom-tui" / "state.json").read_text())
    assert state["article"] == "chronic-pain"
