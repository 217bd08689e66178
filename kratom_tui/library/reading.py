"""Reading article files: only the head at load time, the body when it is shown."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from kratom_tui.library.model import Body, Problem
from kratom_tui.library.sanitize import first_control, normalize_newlines, strip_controls
from kratom_tui.library.titles import first_title

CHUNK = 64 * 1024
MAX_FRONT_MATTER = 1024 * 1024
MAX_BODY_BYTES = 20 * 1024 * 1024
"""Larger bodies are cut here, with a notice, so memory and time stay bounded."""
TITLE_SCAN_BYTES = 64 * 1024

_OPENING = re.compile(rb"\A(?:\xef\xbb\xbf)?---[ \t]*\r?\n")
_CLOSING = re.compile(rb"^(?:---|\.\.\.)[ \t]*\r?$\n?", re.MULTILINE)


@dataclass
class Head:
    """What loading needs from the start of a file."""

    front_matter: str | None = None
    """The YAML text between the fences, or None when the file has no front matter."""
    body_offset: int = 0
    body_line: int = 1
    body_start: bytes = b""
    """Up to TITLE_SCAN_BYTES of the body, where a file without a title in its front matter finds one."""
    problems: list[Problem] = field(default_factory=list)
    skip: bool = False
    """True when the file cannot be used as an article at all."""

    def first_heading(self) -> str | None:
        """The first level-1 heading near the start of the body, the title of a file that names none."""
        text = strip_controls(self.body_start[:TITLE_SCAN_BYTES].decode("utf-8", errors="replace"))
        return first_title(text)


def _decode(data: bytes, path: Path, first_line: int, problems: list[Problem]) -> str:
    """Decode UTF-8 and remove control characters, warning where the first bad byte or control is."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = first_line + data.count(b"\n", 0, error.start)
        problems.append(
            Problem(path, line, "not valid UTF-8; undecodable bytes replaced with U+FFFD", "warning")
        )
        text = data.decode("utf-8", errors="replace")
    text = normalize_newlines(text)
    control = first_control(text)
    if control is None:
        return text
    problems.append(Problem(path, first_line + text.count("\n", 0, control), "control characters removed", "warning"))
    return strip_controls(text)


def read_head(path: Path) -> Head:
    """Read just enough of `path` to know its front matter, or its first heading without one."""
    head = Head()
    try:
        with path.open("rb") as stream:
            data = stream.read(CHUNK)
            if b"\x00" in data[:8192]:
                head.problems.append(Problem(path, 1, "binary file (contains NUL bytes); skipped"))
                head.skip = True
                return head
            opening = _OPENING.match(data)
            if opening is None:
                head.body_offset = 3 if data.startswith(b"\xef\xbb\xbf") else 0
                head.body_start = data[head.body_offset : head.body_offset + TITLE_SCAN_BYTES]
                return head
            start = opening.end()
            while True:
                closing = _CLOSING.search(data, start)
                if closing is not None:
                    break
                more = stream.read(CHUNK)
                if not more or len(data) > MAX_FRONT_MATTER:
                    reason = (
                        "front matter opened on line 1 is never closed (no '---' line after it)"
                        if not more
                        else "front matter opened on line 1 is not closed within 1 MB"
                    )
                    head.problems.append(Problem(path, 1, reason))
                    head.skip = True
                    return head
                data += more
    except OSError as error:
        head.problems.append(Problem(path, 1, f"cannot read file: {error.strerror or error}"))
        head.skip = True
        return head
    raw = data[start : closing.start()]
    head.front_matter = _decode(raw, path, 2, head.problems)
    head.body_offset = closing.end()
    head.body_line = 1 + data.count(b"\n", 0, closing.end())
    head.body_start = data[head.body_offset : head.body_offset + TITLE_SCAN_BYTES]
    return head


def read_body(path: Path, offset: int, first_line: int) -> Body:
    """Read, decode and sanitize the body; a problem explains anything lost or replaced."""
    problems: list[Problem] = []
    try:
        with path.open("rb") as stream:
            stream.seek(offset)
            # Ask for no more than the file holds: read(n) sets aside n bytes before reading.
            size = os.fstat(stream.fileno()).st_size - offset
            data = stream.read(max(0, min(size, MAX_BODY_BYTES) + 1))
    except OSError as error:
        problems.append(Problem(path, first_line, f"cannot read file: {error.strerror or error}"))
        return Body("", tuple(problems))
    if len(data) > MAX_BODY_BYTES:
        data = data[:MAX_BODY_BYTES]
        cut = data.rfind(b"\n")
        data = data[: cut + 1 if cut > 0 else len(data)]
        problems.append(
            Problem(
                path,
                first_line,
                f"file is larger than {MAX_BODY_BYTES // (1024 * 1024)} MB; only the first part is shown",
                "warning",
            )
        )
    text = _decode(data, path, first_line, problems)
    return Body(text, tuple(problems))
