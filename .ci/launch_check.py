"""Start an installed kratom-tui in a pseudo-terminal and check that it really works.

    python3 .ci/launch_check.py PATH/TO/kratom-tui

Waits for the first frame (an article open, with its risks panel) and the welcome of a first
launch, presses `enter` to start reading and `q`, and requires exit
status 0 and no traceback. An install that lacks a file the app needs (its stylesheet, say) or a
dependency never draws that frame, even when it exits with status 0, so it fails here. The app runs
with a fresh home, state and cache folders, at 100x30.
"""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import struct
import sys
import tempfile
import time

FIRST_FRAME_SECONDS = 60
EXIT_SECONDS = 20
COLUMNS, ROWS = 100, 30
ESCAPES = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")
FIRST_FRAME = re.compile(r"Risks and disclaimers \(\d+ risks?")
WELCOME = "start reading"
"""On the welcome that a first launch opens (its closing line)."""
"""The panel title with its counts: only drawn once an article is open in the reading pane."""
TRACEBACK = re.compile(r"Traceback \(most recent call last\)|\b[A-Z]\w*(?:Error|Exception)\b")


def _read(fd: int, output: bytearray, seconds: float) -> bool:
    """Read what is there within `seconds`; False once the terminal is closed."""
    ready, _, _ = select.select([fd], [], [], seconds)
    if not ready:
        return True
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        return False
    output += chunk
    return bool(chunk)


def _screen(output: bytearray) -> str:
    return ESCAPES.sub("", output.decode("utf-8", errors="replace"))


def _fail(reason: str, output: bytearray) -> int:
    print(f"launch check: FAILED: {reason}", file=sys.stderr)
    print("--- what the app printed (escape sequences removed, last 3000 characters) ---", file=sys.stderr)
    print(_screen(output)[-3000:], file=sys.stderr)
    return 1


def check(command: str) -> int:
    home = tempfile.mkdtemp(prefix="kratom-launch-")
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": home,
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
        "LANG": "C.UTF-8",
        "COLUMNS": str(COLUMNS),
        "LINES": str(ROWS),
    }
    for name in ("XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        env[name] = os.path.join(home, name.lower())
    pid, fd = pty.fork()
    if pid == 0:
        import fcntl
        import termios

        fcntl.ioctl(sys.stdout.fileno(), termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        os.chdir(home)  # away from any checkout, as a user would run it
        os.execve(command, [command], env)
    output = bytearray()
    deadline = time.monotonic() + FIRST_FRAME_SECONDS
    open_ = True
    while not FIRST_FRAME.search(_screen(output)):
        if time.monotonic() > deadline or not open_:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            why = "it ended" if not open_ else f"nothing after {FIRST_FRAME_SECONDS} s"
            return _fail(f"no first frame with an article and its risks panel ({why})", output)
        open_ = _read(fd, output, 0.2)
    # A fresh home is a first launch: the welcome opens over the reader; enter starts reading.
    deadline = time.monotonic() + FIRST_FRAME_SECONDS
    while WELCOME not in _screen(output):
        if time.monotonic() > deadline or not open_:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return _fail("the first launch showed no welcome", output)
        open_ = _read(fd, output, 0.2)
    time.sleep(0.5)  # let the frame settle before the key
    os.write(fd, b"\r")
    time.sleep(0.5)
    os.write(fd, b"q")
    deadline = time.monotonic() + EXIT_SECONDS
    while time.monotonic() < deadline:
        finished, status = os.waitpid(pid, os.WNOHANG)
        if finished:
            while _read(fd, output, 0.05):
                pass
            break
        _read(fd, output, 0.1)
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        return _fail(f"still running {EXIT_SECONDS} s after q", output)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        return _fail(f"exit status {code} after q", output)
    if TRACEBACK.search(_screen(output)):
        return _fail("a traceback or an exception was printed", output)
    print(f"launch check: ok (first frame drawn, q exited with status 0): {command}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(check(sys.argv[1]))
