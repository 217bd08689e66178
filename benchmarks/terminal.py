"""Time a program in a real terminal (tmux): from launch, or from a key, until a text is on screen."""

from __future__ import annotations

import shlex
import subprocess
import time
import uuid


class Terminal:
    def __init__(self, command: list[str], env: dict[str, str], size: tuple[int, int] = (100, 30)) -> None:
        self.name = f"bench-{uuid.uuid4().hex[:8]}"
        self.command = command
        self.env = env
        self.size = size

    def __enter__(self) -> "Terminal":
        return self

    def __exit__(self, *exc: object) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)

    def start(self) -> float:
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in self.env.items())
        line = f"env {exports} TERM=xterm-256color COLORTERM=truecolor {shlex.join(self.command)}"
        command = ["tmux", "new-session", "-d", "-s", self.name, "-x", str(self.size[0]), "-y", str(self.size[1]), line]
        for _attempt in range(5):
            started = time.perf_counter()
            # The tmux server may be exiting after the previous session ended: then try again.
            if subprocess.run(command, capture_output=True).returncode == 0:
                return started
            time.sleep(0.2)
        raise RuntimeError("tmux could not start a session")

    def screen(self) -> str:
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", self.name], capture_output=True, text=True).stdout

    def wait_for(self, texts: list[str], started: float, timeout: float = 120.0) -> float:
        """Seconds from `started` until every text is on screen."""
        while True:
            screen = self.screen()
            if all(text in screen for text in texts):
                return time.perf_counter() - started
            if time.perf_counter() - started > timeout:
                raise TimeoutError(f"{texts} not on screen after {timeout}s:\n{screen}")
            time.sleep(0.002)

    def press(self, key: str) -> float:
        started = time.perf_counter()
        subprocess.run(["tmux", "send-keys", "-t", self.name, key], check=True)
        return started
