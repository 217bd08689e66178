"""Plain data types for articles and the problems found while loading them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Severity = Literal["low", "moderate", "high"]
SEVERITIES: tuple[Severity, ...] = ("low", "moderate", "high")
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

    def format(self, relative_to: Path | None = None) -> str:
        shown = self.path
        if relative_to is not None:
            try:
                shown = self.path.relative_to(relative_to)
            except ValueError:
                pass
        return f"{shown}:{self.line}: {self.level}: {self.message}"


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
    """One markdown file: its front matter now, its body only when asked for."""

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
    _body: str | None = field(default=None, repr=False)
    _body_problems: tuple[Problem, ...] = field(default=(), repr=False)
    _words: int | None = field(default=None, repr=False)
    _readability: Any = field(default=None, repr=False)

    def body(self) -> str:
        """The sanitized markdown body, read from disk the first time it is needed."""
        if self._body is None:
            from kratom_tui.library.reading import read_body

            self._body, self._body_problems = read_body(self.path, self.body_offset, self.body_line)
        return self._body

    def peek_body(self) -> str:
        """The body without keeping it: for one pass over a whole library (indexing), memory stays flat."""
        if self._body is not None:
            return self._body
        from kratom_tui.library.reading import read_body

        return read_body(self.path, self.body_offset, self.body_line)[0]

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

    def readability(self) -> Any:
        """The body's reading grades (a `readability.Readability`), measured once, on its first part."""
        if self._readability is None:
            from kratom_tui.library.readability import SAMPLE_CHARS, measure

            self._readability = measure(self.body()[:SAMPLE_CHARS])
        return self._readability
