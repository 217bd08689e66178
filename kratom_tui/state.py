"""What the reader remembers between launches: a typed state, validated field by field, saved often.

Saved atomically (see `storage`), so a crash leaves the old file or the new one. Two readers running
at once keep each other's changes: each save re-reads the file and applies only what this run
changed, article by article, so the last writer wins only for the same article or setting.
A file that is not a JSON object is set aside; a field of the wrong shape is reset and reported,
and the rest is kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kratom_tui.document.position import TextPosition
from kratom_tui.library.safe_open import open_regular
from kratom_tui.locations import state_file
from kratom_tui.storage import set_aside, write_atomically

SCHEMA_VERSION = 2


@dataclass
class ReaderState:
    """The last article, the theme, each article's place, which risks panels are folded, the marks."""

    article: str | None = None
    theme: str | None = None
    places: dict[str, TextPosition] = field(default_factory=dict)
    folded: set[str] = field(default_factory=set)
    marks: dict[str, tuple[str, TextPosition]] = field(default_factory=dict)
    """A letter to the article and place the reader marked with it."""
    read: set[str] = field(default_factory=set)
    """Articles read to the end."""
    seen: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Each article's file (size, modification time in ns) when it was last shown: a change is an update."""

    def to_json(self) -> str:
        data = {
            "version": SCHEMA_VERSION,
            "article": self.article,
            "theme": self.theme,
            "places": {key: [place.block, place.offset] for key, place in sorted(self.places.items())},
            "folded": sorted(self.folded),
            "read": sorted(self.read),
            "seen": {key: list(stamp) for key, stamp in sorted(self.seen.items())},
            "marks": {
                letter: [article, place.block, place.offset] for letter, (article, place) in sorted(self.marks.items())
            },
        }
        return json.dumps(data, indent=2, ensure_ascii=False)


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def parse_state(data: dict[str, Any]) -> tuple[ReaderState, list[str]]:
    """The state in `data`, keeping every valid field; the names of the fields that were reset."""
    state = ReaderState()
    reset: list[str] = []
    for key in ("article", "theme"):
        value = data.get(key)
        if isinstance(value, str):
            setattr(state, key, value)
        elif value is not None:
            reset.append(key)
    places = data.get("places", {})
    if isinstance(places, dict):
        for key, value in places.items():
            if isinstance(value, list) and len(value) == 2 and all(_is_count(part) for part in value):
                state.places[key] = TextPosition(*value)
            elif "places" not in reset:
                reset.append("places")
    else:
        reset.append("places")
    # Version 1 kept folds as `risks_collapsed` (and scroll positions as screen lines, not kept).
    for key, value in (("folded", data.get("folded", data.get("risks_collapsed", []))), ("read", data.get("read", []))):
        if isinstance(value, list):
            setattr(state, key, {item for item in value if isinstance(item, str)})
            if len(getattr(state, key)) != len(value):
                reset.append(key)
        else:
            reset.append(key)
    seen = data.get("seen", {})
    if isinstance(seen, dict):
        for key, value in seen.items():
            if isinstance(value, list) and len(value) == 2 and all(_is_count(part) for part in value):
                state.seen[key] = (value[0], value[1])
            elif "seen" not in reset:
                reset.append("seen")
    else:
        reset.append("seen")
    marks = data.get("marks", {})
    if isinstance(marks, dict):
        for letter, value in marks.items():
            well_formed = isinstance(value, list) and len(value) == 3 and isinstance(value[0], str)
            if well_formed and all(map(_is_count, value[1:])):
                state.marks[letter] = (value[0], TextPosition(value[1], value[2]))
            elif "marks" not in reset:
                reset.append("marks")
    else:
        reset.append("marks")
    return state, reset


class StateStore:
    """The reader's state on disk; `notice` is one sentence for the user when something was lost."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or state_file()
        self.notice: str | None = None
        self.state = self._read(report=True)
        self._changed_keys: set[str] = set()
        self._changed_places: set[str] = set()
        self._changed_folds: set[str] = set()
        self._changed_marks: set[str] = set()
        self._newly_read: set[str] = set()
        self._changed_seen: set[str] = set()
        self._save_failed = False

    def _read(self, report: bool) -> ReaderState:
        try:
            with open_regular(self.path) as stream:  # never blocks on a FIFO put in its place
                text = stream.read().decode("utf-8")
        except FileNotFoundError:
            return ReaderState()
        except (OSError, UnicodeDecodeError) as error:
            if report:
                reason = getattr(error, "strerror", None) or error
                self.notice = f"Saved state could not be read ({reason}); starting clean."
            return ReaderState()
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if not isinstance(data, dict):
            if report:
                self.notice = set_aside(self.path, "Saved state")
            return ReaderState()
        state, reset = parse_state(data)
        if reset and report:
            self.notice = f"Saved state had unusable {', '.join(reset)}; reset those, kept the rest."
        return state

    @property
    def dirty(self) -> bool:
        changes = (
            self._changed_keys, self._changed_places, self._changed_folds, self._changed_marks, self._newly_read,
            self._changed_seen,
        )
        return any(changes)

    def set_article(self, article_id: str) -> None:
        if self.state.article != article_id:
            self.state.article = article_id
            self._changed_keys.add("article")

    def set_theme(self, theme: str) -> None:
        if self.state.theme != theme:
            self.state.theme = theme
            self._changed_keys.add("theme")

    def place(self, article_id: str) -> TextPosition | None:
        return self.state.places.get(article_id)

    def set_place(self, article_id: str, place: TextPosition) -> None:
        if self.state.places.get(article_id) != place:
            self.state.places[article_id] = place
            self._changed_places.add(article_id)

    def is_folded(self, article_id: str) -> bool:
        return article_id in self.state.folded

    def set_folded(self, article_id: str, folded: bool) -> None:
        if folded != (article_id in self.state.folded):
            (self.state.folded.add if folded else self.state.folded.discard)(article_id)
            self._changed_folds.add(article_id)

    def set_read(self, article_id: str) -> None:
        if article_id not in self.state.read:
            self.state.read.add(article_id)
            self._newly_read.add(article_id)

    def set_seen(self, article_id: str, stamp: tuple[int, int]) -> None:
        if self.state.seen.get(article_id) != stamp:
            self.state.seen[article_id] = stamp
            self._changed_seen.add(article_id)

    def updated_since_seen(self, stamps: dict[str, tuple[int, int] | None]) -> set[str]:
        """Articles whose file is not as it was when last shown (never shown is not "updated")."""
        seen = self.state.seen
        return {key for key, stamp in stamps.items() if stamp is not None and seen.get(key, stamp) != stamp}

    def reading_marks(self) -> dict[str, str]:
        """How far each article has been read, for the sidebar: "read", or "partly" once opened."""
        marks = dict.fromkeys(self.state.places, "partly")
        return marks | dict.fromkeys(self.state.read, "read")

    def mark(self, letter: str) -> tuple[str, TextPosition] | None:
        return self.state.marks.get(letter)

    def set_mark(self, letter: str, article_id: str, place: TextPosition) -> None:
        self.state.marks[letter] = (article_id, place)
        self._changed_marks.add(letter)

    def save(self) -> str | None:
        """Merge this run's changes over the file as it is now and write it; a sentence if that failed.

        The sentence comes once per run of failures, so a read-only folder is said, not repeated.
        """
        if not self.dirty:
            return None
        merged = self._read(report=False)
        for key in self._changed_keys:
            setattr(merged, key, getattr(self.state, key))
        for article_id in self._changed_places:
            merged.places[article_id] = self.state.places[article_id]
        for article_id in self._changed_folds:
            (merged.folded.add if article_id in self.state.folded else merged.folded.discard)(article_id)
        for letter in self._changed_marks:
            merged.marks[letter] = self.state.marks[letter]
        merged.read |= self._newly_read
        for article_id in self._changed_seen:
            merged.seen[article_id] = self.state.seen[article_id]
        try:
            write_atomically(self.path, merged.to_json())
        except OSError as error:
            first = not self._save_failed
            self._save_failed = True
            return f"Could not save the reader's place to {self.path} ({error.strerror or error})." if first else None
        self._save_failed = False
        self.state = merged
        self._changed_keys.clear()
        self._changed_places.clear()
        self._changed_folds.clear()
        self._changed_marks.clear()
        self._newly_read.clear()
        self._changed_seen.clear()
        return None
