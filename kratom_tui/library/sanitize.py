"""Remove terminal control characters from untrusted text.

Rich and Textual pass ESC and other controls straight to the terminal, so a file could otherwise
clear the screen, set the window title or write the clipboard. Newline and tab are kept.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and C1 controls.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become newlines."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def strip_controls(text: str) -> str:
    """Return `text` without control characters; CRLF and lone CR become newlines first."""
    return _CONTROLS.sub("", normalize_newlines(text))


def first_control(text: str) -> int | None:
    """Offset of the first control character (after newline normalisation), or None."""
    match = _CONTROLS.search(text)
    return match.start() if match else None
