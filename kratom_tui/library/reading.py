"""Reading article files: only the head at load time, the body when it is shown."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from kratom_tui.library.model import Body, Problem, Stamp
from kratom_tui.library.safe_open import LibraryFiles
from kratom_tui.library.sanitize import first_control, normalize_newlines, one_line, strip_controls

CHUNK = 64 * 1024
MAX_FRONT_MATTER = 1024 * 1024
MAX_BODY_BYTES = 20 * 1024 * 1024
"""Larger bodies are cut here, with a notice, so memory and time stay bounded."""
TITLE_SCAN_BYTES = 64 * 1024

# Fences end with LF, CRLF or a lone CR (old Mac files): all three are read alike.
_OPENING = re.compile(rb"\A(?:\xef\xbb\xbf)?---[ \t]*(?:\r\n?|\n)")
_CLOSING = re.compile(rb"(?<=[\r\n])(?:---|\.\.\.)[ \t]*(?:\r\n?|\n|\Z)")


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
    stamp: Stamp | None = None

    def first_heading(self) -> str | None:
        """The first level-1 heading near the start of the body, the title of a file that names none."""
        from kratom_tui.library.titles import first_title  # markdown-it: only for a file without a title

        text = strip_controls(self.body_start[:TITLE_SCAN_BYTES].decode("utf-8", errors="replace"))
        title = first_title(text)
        return one_line(title) if title else None


def _lines_before(data: bytes, end: int, start: int = 0) -> int:
    """Line breaks in `data[start:end]`, counting CRLF, LF and a lone CR as one each."""
    return data.count(b"\n", start, end) + data.count(b"\r", start, end) - data.count(b"\r\n", start, end)


def _decode(data: bytes, path: Path, first_line: int, problems: list[Problem]) -> str:
    """Decode UTF-8 and remove control characters, warning where the first bad byte or control is."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = first_line + _lines_before(data, error.start)
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


def _stamp(stream: BinaryIO) -> Stamp:
    status = os.fstat(stream.fileno())
    return status.st_size, status.st_mtime_ns


def read_head(path: Path, files: LibraryFiles) -> Head:
    """Read just enough of `path` to know its front matter, or its first heading without one."""
    try:
        with files.open(path) as stream:
            return _read_head(stream, path)
    except OSError as error:
        return Head(problems=[Problem(path, 1, f"cannot read file: {error.strerror or error}")], skip=True)


def _read_head(stream: BinaryIO, path: Path) -> Head:
    head = Head(stamp=_stamp(stream))
    data = stream.read(CHUNK)
    if b"\x00" in data[:8192]:
        head.problems.append(Problem(path, 1, "binary file (contains NUL bytes); skipped"))
        head.skip = True
        return head
    opening = _OPENING.match(data)
    if opening is not None and opening.end() == len(data) and data.endswith(b"\r"):
        data += stream.read(CHUNK)  # a CR at the end of what was read may be half of a CRLF
        opening = _OPENING.match(data)
    if opening is None:
        head.body_offset = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        head.body_start = data[head.body_offset : head.body_offset + TITLE_SCAN_BYTES]
        return head
    start = opening.end()
    at_end = False
    while True:
        closing = _CLOSING.search(data, start)
        # A fence that ends where the data read so far ends may go on in the next chunk ("----",
        # or the LF of a CRLF): read on before deciding, unless the file has ended.
        if closing is not None and (closing.end() < len(data) or at_end):
            break
        more = stream.read(CHUNK)
        if not more:
            at_end = True
            if closing is not None:
                break
            reason = "front matter opened on line 1 is never closed (no '---' line after it)"
            head.problems.append(Problem(path, 1, reason))
            head.skip = True
            return head
        if len(data) > MAX_FRONT_MATTER:
            head.problems.append(Problem(path, 1, "front matter opened on line 1 is not closed within 1 MB"))
            head.skip = True
            return head
        data += more
    raw = data[start : closing.start()]
    head.front_matter = _decode(raw, path, 2, head.problems)
    head.body_offset = closing.end()
    head.body_line = 1 + _lines_before(data, closing.end())
    head.body_start = data[head.body_offset : head.body_offset + TITLE_SCAN_BYTES]
    return head


def read_body(
    path: Path, files: LibraryFiles, offset: int, first_line: int, stamp: Stamp | None = None
) -> tuple[Body, Head | None]:
    """Read, decode and sanitize the body; a problem explains anything lost or replaced.

    When the file's size or modification time is no longer `stamp`, its front matter may have
    changed length, so the body's offset is found again from the file as it is now: the head read
    again is returned with the body (None when the file had not changed).
    """
    problems: list[Problem] = []
    head = None
    try:
        with files.open(path) as stream:
            now = _stamp(stream)
            if stamp is not None and now != stamp:
                head = _relocated(stream, path)
                offset, first_line = head.body_offset, head.body_line
            stream.seek(offset)
            # Ask for no more than the file holds: read(n) sets aside n bytes before reading.
            size = now[0] - offset
            data = stream.read(max(0, min(size, MAX_BODY_BYTES) + 1))
    except OSError as error:
        problems.append(Problem(path, first_line, f"cannot read file: {error.strerror or error}"))
        return Body("", tuple(problems)), None
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
    return Body(text, tuple(problems)), head


def _relocated(stream: BinaryIO, path: Path) -> Head:
    """The head of a file edited since loading: where its body starts now."""
    from kratom_tui.library.frontmatter import parse_front_matter  # YAML: only for a file edited meanwhile

    stream.seek(0)
    head = _read_head(stream, path)
    not_front_matter = head.front_matter is not None and parse_front_matter(head.front_matter, path).not_front_matter
    if head.skip or not_front_matter:
        head.body_offset, head.body_line = 0, 1
    return head
