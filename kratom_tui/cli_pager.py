"""Long output through a pager on a terminal, as git does: `$PAGER`, else `less -R`.

`LESS` defaults to `FRX` (quit when it fits on one screen, pass colours, leave the text on screen).
An empty `PAGER`, `cat`, or a pager that cannot be started means printing directly.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from typing import IO

from kratom_tui.cli_console import ERRORS

DEFAULT_PAGER = "less -R"


def pager_command() -> list[str] | None:
    """The pager to run, or None to print directly."""
    chosen = os.environ.get("PAGER", DEFAULT_PAGER)
    try:
        words = shlex.split(chosen)
    except ValueError:
        return None
    if not words or words[0] == "cat" or shutil.which(words[0]) is None:
        return None
    return words


def page(text: str, stream: IO[str]) -> bool:
    """Show `text` in the pager; False when there is none, so the caller prints it instead."""
    command = pager_command()
    if command is None:
        return False
    environment = dict(os.environ)
    environment.setdefault("LESS", "FRX")
    encoding = getattr(stream, "encoding", None) or "utf-8"
    stream.flush()
    try:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, env=environment)
    except OSError:
        return False
    assert process.stdin is not None
    try:
        process.stdin.write(text.encode(encoding, errors=ERRORS))
        process.stdin.close()
    except BrokenPipeError:
        pass  # the reader quit the pager before the end
    while True:
        try:
            process.wait()
            return True
        except KeyboardInterrupt:
            continue  # ctrl+c belongs to the pager, as with git
