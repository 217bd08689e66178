"""Plain data types for articles and the problems found while loading them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from kratom_tui.library.sanitize import display_path, one_line

if TYPE_CHECKING:
    from kratom_tui.library.reading import Body, Stamp
    from kratom_tui.library.safe_open import LibraryFiles

Severity = Literal["low", "moderate", "high"]
SEVERITIES: tuple[Severity, ...] = ("low", "moderate", "high")
LEVELS = ("error", "warning")
UNCATEGORIZED = "Uncategorized"
WORDS_PER_MINUTE = 200
EXACT_WORDS_UP_TO = 200_000
"""Characters; past this, splitting the body into words costs more than opening it should."""


@dataclass(frozen=True)
class Problem:
    """Something wrong with one file, reported as `path:line: message`."""

    path: Path
    line: int
    message: str
    level: Literal["error", "warning"] = "error"

    def __post_init__(self) -> None:
        # Messages quote file contents (keys, values, YAML errors): one clean line, whatever the source.
        object.__setattr__(self, "message", one_line(self.message))

    def where(self, relative_to: Path | None = None) -> str:
        """`path:line`, the path shown with its control characters and undecodable bytes escaped."""
        shown = self.path
        if relative_to is not None:
            try:
                shown = self.path.relative_to(relative_to)
            except ValueError:
                pass
        return f"{display_path(shown)}:{self.line}"

    def format(self, relative_to: Path | None = None) -> str:
        return f"{self.where(relative_to)}: {self.level}: {self.message}"


@dataclass(frozen=True)
class Risk:
    name: str
    detail: str
    severity: Severity | None = None


@dataclass(frozen=True)
class Claim:
    """A claim the article makes, the support it gives, and safety notes that speak to it."""

    claim: str
    support: str
    counter: tuple[str, ...] = ()


@dataclass
class Article:
    """One markdown file: its front matter now, its body only when asked for."""

    id: str
    path: Path
    title: str
    summary: str = ""
    conditions: tuple[str, ...] = (UNCATEGORIZED,)
    published: str = ""
    source: str = ""
    evidence: str = ""
    tags: tuple[str, ...] = ()
    risks: tuple[Risk, ...] = ()
    disclaimers: tuple[str, ...] = ()
    claims: tuple[Claim, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    body_offset: int = 0
    """Byte offset of the body in the file (just past the front matter)."""
    body_line: int = 1
    """Line number of the body's first line in the file."""
    stamp: Stamp | None = None
    """Size and modification time of the file when its head was read."""
    files: LibraryFiles | None = field(default=None, repr=False, compare=False)
    """The gate of the library the file belongs to; without one, the file's own folder."""
    _body: str | None = field(default=None, repr=False)
    _body_problems: tuple[Problem, ...] = field(default=(), repr=False)
    _words: int | None = field(default=None, repr=False)

    def body(self) -> str:
        """The sanitized markdown body, read from disk the first time it is needed."""
        if self._body is None:
            body = self._read_body()
            self._body, self._body_problems = body.text, body.problems
        return self._body

    def peek_body(self) -> str:
        """The body without keeping it: for one pass over a whole library (indexing), memory stays flat."""
        if self._body is not None:
            return self._body
        return self._read_body().text

    def _read_body(self) -> Body:
        from kratom_tui.library.reading import read_body
        from kratom_tui.library.safe_open import LibraryFiles

        files = self.files or LibraryFiles(self.path.parent)
        body = read_body(self.path, files, self.body_offset, self.body_line, self.stamp)
        if body.head is not None:
            # Edited since its head was read: later reads start where the body starts now.
            self.body_offset, self.body_line, self.stamp = body.head.body_offset, body.head.body_line, body.head.stamp
        return body

    def body_problems(self) -> tuple[Problem, ...]:
        self.body()
        return self._body_problems

    def word_count(self) -> int:
        """Exact for ordinary articles; for very long ones, counted from the gaps between words."""
        if self._words is None:
            body = self.body()
            if len(body) < EXACT_WORDS_UP_TO:
                self._words = len(body.split())
            else:
                self._words = body.count(" ") + body.count("\n") + body.count("\t")
        return self._words

    def reading_minutes(self) -> int:
        return max(1, round(self.word_count() / WORDS_PER_MINUTE))
