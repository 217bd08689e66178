"""Clean untrusted text before it can reach a terminal.

Rich and Textual pass ESC and other controls straight to the terminal, so a file could otherwise
clear the screen, set the window title or write the clipboard. Text (bodies, values, keys, cache
contents) loses its controls; newline and tab are kept. Names (file names, ids, addresses) are
shown with each control, undecodable byte or invisible direction/zero-width mark escaped as
`\\x1b`, `\\xff` or `\\u202e`, as `ls -b` does, so that the name can be told apart and a newline in
it cannot forge a line of output.
"""

from __future__ import annotations

import os
import re

# C0 controls except tab and newline, DEL, C1 controls, and lone surrogates (never valid text; they
# come from undecodable bytes or YAML's `\udcxx` escapes and cannot even be written out as UTF-8).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"[\n\t]+")
_LINE_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
"""What `one_line` removes or folds: controls (line breaks and tabs among them) and lone surrogates."""
# In names, also tab and newline, and the marks that reorder or hide text (bidi overrides,
# isolates and marks, zero-width characters, the byte order mark).
_NAME_HIDDEN = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become newlines."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def strip_controls(text: str) -> str:
    """Return `text` without control characters; CRLF and lone CR become newlines first."""
    return _CONTROLS.sub("", normalize_newlines(text))


def one_line(text: str) -> str:
    """`text` without controls and with newlines and tabs folded to a space: titles, names, messages."""
    return _LINE_BREAKS.sub(" ", strip_controls(text)).strip()


def all_one_clean_line(texts: list[str]) -> bool:
    """Whether each text is already as `one_line` leaves it: one search over them all, since a saved
    catalogue of 100,000 titles is checked before the first frame."""
    if not all(isinstance(text, str) and text == text.strip() for text in texts):
        return False
    return _LINE_UNSAFE.search(" ".join(texts)) is None


def all_displayable(names: list[str]) -> bool:
    """Whether each name is already as `display_name` shows it (nothing hidden to escape)."""
    return all(isinstance(name, str) for name in names) and _NAME_HIDDEN.search(" ".join(names)) is None


def first_control(text: str) -> int | None:
    """Offset of the first control character (after newline normalisation), or None."""
    match = _CONTROLS.search(text)
    return match.start() if match else None


_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        code -= 0xDC00  # an undecodable byte of a file name (surrogateescape): show the byte
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def display_name(text: str) -> str:
    """A name as it may be shown: printable, one line, every hidden character escaped."""
    return _NAME_HIDDEN.sub(_escape, text)


def display_path(path: str | os.PathLike[str]) -> str:
    """A file name or path as it may be shown on a terminal (CLI output, sidebar, Problems view)."""
    return display_name(os.fspath(path))
