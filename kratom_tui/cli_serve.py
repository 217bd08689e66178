"""`kratom-tui serve`: the reader in a web browser, through textual-serve (the `serve` extra).

Each browser session runs its own reader process as this user, so every session reads and writes
this user's state and notes. It listens on loopback unless told otherwise.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

LOOPBACK = ("127.0.0.1", "localhost", "::1")
INSTALL_HINT = "the browser reader needs textual-serve: pip install 'kratom-tui[serve]'"


class ServeUnavailable(Exception):
    """textual-serve is not installed."""


def reader_command(library: Path) -> str:
    """The shell command each session runs: this Python's kratom-tui on the same library."""
    return shlex.join([sys.executable, "-m", "kratom_tui", "--articles", str(library.resolve())])


def warnings(host: str) -> list[str]:
    lines = ["every browser session shares this user's state and notes, and can change them"]
    if host not in LOOPBACK:
        lines.append(f"listening on {host}: anyone who can reach this address can use the reader as you")
    return lines


def serve(library: Path, host: str, port: int) -> None:
    """Serve until interrupted; raises ServeUnavailable without the extra."""
    try:
        from textual_serve.server import Server
    except ImportError:
        raise ServeUnavailable(INSTALL_HINT) from None
    for line in warnings(host):
        print(f"kratom-tui: warning: {line}", file=sys.stderr)
    Server(reader_command(library), host=host, port=port, title="kratom-tui").serve()
