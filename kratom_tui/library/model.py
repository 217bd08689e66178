"""Plain data types for articles and the problems found while loading them."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from kratom_tui.library.sanitize import display_path, one_line

Severity = Literal["low", "moderate", "high"]
SEVERITIES: tuple[Severity, ...] = ("low", "moderate", "high")
LEVELS = ("error", "warning")
Stamp = tuple[int, int]
"""A file's size and modification time (ns) when it was read: a change means it was edited."""
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
    context: tuple[str, ...] = ()
    """Notes that bear on the claim without countering it (e.g. the same mechanism's risks)."""


@dataclass(frozen=True)
class Reading:
    """A further-reading entry: a dated, sourced page the library points to beside an article."""

    title: str
    publisher: str
    note: str = ""
    url: str = ""
    date: str = ""
    """The page's own date, when it has one (a living page has none)."""
    as_of: str = ""
    """When the library listed or last checked the entry."""


@dataclass
class Article:
    """One markdown file's front matter; its body is read by `Library.read_body`, when it is needed."""

    id: str
    path: Path
    title: str
    summary: str = ""
    conditions: tuple[str, ...] = (UNCATEGORIZED,)
    published: str = ""
    """The source's own date."""
    source: str = ""
    captured: str = ""
    site: str = ""
    source_type: str = ""
    commercial_interest: str = ""
    written: str = ""
    reviewed: str = ""
    next_review: str = ""
    other_options: str = ""
    """Where the page (or the library) names other options than kratom."""
    not_covered: tuple[str, ...] = ()
    further_reading: tuple[Reading, ...] = ()
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


@dataclass(frozen=True)
class Body:
    """An article's markdown body as read from disk, with what reading it found wrong."""

    text: str
    problems: tuple[Problem, ...] = ()

    @property
    def words(self) -> int:
        """Exact for ordinary articles; for very long ones, counted from the gaps between words."""
        if len(self.text) < EXACT_WORDS_UP_TO:
            return len(self.text.split())
        return self.text.count(" ") + self.text.count("\n") + self.text.count("\t")

    @property
    def reading_minutes(self) -> int:
        return max(1, round(self.words / WORDS_PER_MINUTE))

    @functools.cached_property
    def readability(self) -> Any:
        """The reading grades (a `readability.Readability`) of the body's first part, measured once."""
        from kratom_tui.library.readability import SAMPLE_CHARS, measure

        return measure(self.text[:SAMPLE_CHARS])
