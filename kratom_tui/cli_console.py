"""How the command line decides on colour, width and encoding, in one place.

The conventions followed: `--color auto|always|never` beats the environment; under `auto`,
`NO_COLOR` (any non-empty value) drops colours but keeps bold and the like, `FORCE_COLOR` (any
non-empty value but `0`) styles even when piped, and otherwise only a terminal gets styles. `never`
means no escape sequence at all. A terminal's width is clamped to `MIN_WIDTH`; piped output is not
wrapped at all, so paragraphs stay on one line and addresses stay whole. Characters the output
encoding cannot carry become ASCII look-alikes or `?`, never a traceback. No Rich here: the
consoles that render are made in `cli_output`, only by the commands that print rich output.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import sys
from dataclasses import dataclass
from typing import IO, Literal

COLOR_CHOICES = ("auto", "always", "never")
MIN_WIDTH = 40
"""Narrower terminals (or COLUMNS=0, COLUMNS=1) are drawn at this width."""
DEFAULT_WIDTH = 80
UNWRAPPED = 1 << 20
"""The width piped output is laid out at: wide enough that no paragraph wraps."""

ERRORS = "kratom-tui-ascii"
_ASCII = {
    "\u2014": "--", "\u2013": "-", "\u2012": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-",
    "\u2018": "'", "\u2019": "'", "\u201a": ",", "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u2026": "...", "\u2022": "*", "\u25e6": "o", "\u25aa": "*", "\u00b7": "*", "\u2192": "->",
    "\u2190": "<-", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u258c": "|", "\u2502": "|",
    "\u2500": "-", "\u2504": "-", "\u2501": "=", "\u2550": "=", "\u256d": "+", "\u256e": "+",
    "\u2570": "+", "\u256f": "+", "\u251c": "+", "\u2524": "+", "\u252c": "+", "\u2534": "+",
    "\u253c": "+", "\u250c": "+", "\u2510": "+", "\u2514": "+", "\u2518": "+", "\u2588": "#",
    "\u2578": "-", "\u257a": "-", "\u00d7": "x", "\u2265": ">=", "\u2264": "<=",
}
_TRAILING_SPACE = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


def _ascii_fallback(error: UnicodeError) -> tuple[str, int]:
    """An encoding error handler: a look-alike for each character the stream cannot encode."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    import unicodedata  # only when a stream cannot carry a character: every command registers this handler

    replaced = []
    for char in error.object[error.start : error.end]:
        if char in _ASCII:
            replaced.append(_ASCII[char])
            continue
        stripped = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
        replaced.append(stripped or "?")
    return "".join(replaced), error.end


codecs.register_error(ERRORS, _ascii_fallback)


def safe_streams() -> None:
    """Make stdout and stderr replace what their encoding cannot carry instead of raising."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors=ERRORS)
            except (ValueError, io.UnsupportedOperation):
                pass


def _env(name: str) -> str:
    return os.environ.get(name, "")


def is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return False


def terminal_width(stream: IO[str]) -> int:
    """COLUMNS when it is a positive number, else the terminal's size, clamped to MIN_WIDTH."""
    columns = _env("COLUMNS")
    width = int(columns) if columns.isdigit() and int(columns) > 0 else 0
    if not width:
        try:
            width = os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
            import shutil

            width = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    return max(MIN_WIDTH, width or DEFAULT_WIDTH)


def color_system() -> Literal["truecolor", "256", "standard"]:
    """The colour system to style with, from COLORTERM and TERM."""
    if _env("COLORTERM").lower() in ("truecolor", "24bit"):
        return "truecolor"
    return "256" if "256" in _env("TERM") else "standard"


@dataclass(frozen=True)
class Output:
    """Where and how one command prints: styled or not, colours or not, wrapped at which width."""

    terminal: bool
    """stdout is a terminal: lay out for its width (tables, wrapping); else unwrapped lines."""
    styled: bool
    """Escape sequences allowed (bold, colour)."""
    colors: bool
    """Colours allowed (False under NO_COLOR: styles only)."""
    width: int
    stream: IO[str]

    @classmethod
    def choose(cls, color: str | None = "auto", stream: IO[str] | None = None) -> Output:
        stream = stream or sys.stdout
        terminal = is_terminal(stream)
        force = _env("FORCE_COLOR")
        if color == "always":
            styled, colors = True, True
        elif color == "never":
            styled, colors = False, False
        else:
            no_color = bool(_env("NO_COLOR"))
            if force and force.lower() not in ("0", "false", "no"):
                styled = True
            elif force:
                styled = False
            else:
                styled = terminal and _env("TERM") != "dumb"
            colors = styled and not no_color
        width = terminal_width(stream) if terminal else UNWRAPPED
        return cls(terminal=terminal, styled=styled, colors=colors, width=width, stream=stream)

    def write(self, text: str) -> None:
        """Print what a console rendered; piped, without trailing spaces."""
        self.stream.write(text if self.terminal else tidy(text))
        self.stream.flush()


def tidy(text: str) -> str:
    """Trailing spaces removed from every line, keeping any style codes that follow them."""
    return _TRAILING_SPACE.sub(r"\1", text)
