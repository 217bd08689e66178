"""The library's safety notes: short, dated, sourced public-health facts about kratom.

They live in `safety-notes.yaml` at the top of the library folder. An article's claims point at
them by id, and the reader shows the notes that concern each article beside its own risks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kratom_tui.library.dates import human_date, is_date
from kratom_tui.library.model import Article, Problem
from kratom_tui.library.safe_open import LibraryFiles
from kratom_tui.library.sanitize import strip_controls
from kratom_tui.library.yaml_loader import load_with_nodes

NOTES_FILE = "safety-notes.yaml"
MAX_NOTES_BYTES = 1024 * 1024
ALL = "all"


@dataclass(frozen=True)
class Source:
    publisher: str
    title: str
    year: int | None = None
    url: str = ""
    date: str = ""
    """The source's own date; a living web page has none."""

    def cite(self) -> str:
        when = f" ({human_date(self.date)})" if self.date else f" ({self.year})" if self.year else ", a living page"
        return f"{self.publisher}, \u201c{self.title}\u201d{when}" + (f", {self.url}" if self.url else "")


@dataclass(frozen=True)
class SafetyNote:
    id: str
    text: str
    topics: tuple[str, ...]
    source: Source
    as_of: str
    """When the library last checked the note against its source."""
    label: str = ""
    """The short name claims use for it; the id when not given."""
    next_review: str = ""

    @property
    def short(self) -> str:
        return self.label or self.id

    def citation(self) -> str:
        return f"Source: {self.source.cite()}; checked on {human_date(self.as_of)}."

    def concerns(self, article: Article) -> bool:
        """All-topic notes, notes on one of its conditions, and notes on a topic its risks name."""
        topics = {topic.casefold() for topic in self.topics}
        if ALL in topics or topics & {condition.casefold() for condition in article.conditions}:
            return True
        risk_words = " ".join(f"{risk.name} {risk.detail}" for risk in article.risks).casefold()
        return any(_TOPIC_WORDS.get(topic, topic) in risk_words for topic in topics)


_TOPIC_WORDS = {
    "interactions": "interact",
    "dependence": "depend",
    "withdrawal": "withdraw",
    "contamination": "contamin",
    "legal": "legal",
}


@dataclass
class SafetyNotes:
    notes: dict[str, SafetyNote] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def for_article(self, article: Article) -> list[SafetyNote]:
        cited = {note_id for claim in article.claims for note_id in (*claim.counter, *claim.context)}
        return [note for note in self.notes.values() if note.id in cited or note.concerns(article)]

    def check_references(self, articles: list[Article]) -> list[Problem]:
        """Claims that point at a note the library does not have."""
        return [
            Problem(article.path, 1, f"claim points to unknown safety note '{note_id}'", "warning")
            for article in articles
            for claim in article.claims
            for note_id in (*claim.counter, *claim.context)
            if note_id not in self.notes
        ]


def _line(node: yaml.Node | None) -> int:
    return node.start_mark.line + 1 if node is not None else 1


def _child(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if getattr(key_node, "value", None) == key:
                return value
    return None


def _text(value: Any) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return strip_controls(str(value)).strip() if isinstance(value, (str, int, float)) else ""


def load_safety_notes(root: Path, files: LibraryFiles | None = None) -> SafetyNotes:
    """Read `root/safety-notes.yaml`; a missing file is no notes, and every fault is a Problem."""
    path = root / NOTES_FILE
    result = SafetyNotes()
    try:
        with (files or LibraryFiles(root)).open(path) as stream:
            data = stream.read(MAX_NOTES_BYTES + 1)
    except FileNotFoundError:
        return result
    except OSError as error:
        result.problems.append(Problem(path, 1, f"cannot read file: {error.strerror or error}"))
        return result
    if len(data) > MAX_NOTES_BYTES:
        result.problems.append(Problem(path, 1, f"larger than {MAX_NOTES_BYTES // (1024 * 1024)} MB; not read"))
        return result
    text = strip_controls(data.decode("utf-8", errors="replace"))
    try:
        node, data = load_with_nodes(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", error)
        result.problems.append(Problem(path, (mark.line + 1) if mark else 1, f"invalid YAML: {reason}"))
        return result
    entries = data.get("notes") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        result.problems.append(Problem(path, 1, "expected a top-level 'notes:' list"))
        return result
    nodes = _child(node, "notes")
    for index, entry in enumerate(entries):
        entry_node = nodes.value[index] if isinstance(nodes, yaml.SequenceNode) else None
        note = _note(entry, entry_node, path, result.problems)
        if note is None:
            continue
        if note.id in result.notes:
            result.problems.append(Problem(path, _line(entry_node), f"note id '{note.id}' is used twice"))
            continue
        result.notes[note.id] = note
    return result


def _note(entry: Any, node: yaml.Node | None, path: Path, problems: list[Problem]) -> SafetyNote | None:
    def fault(key: str, message: str) -> None:
        problems.append(Problem(path, _line(_child(node, key) or node), message))

    if not isinstance(entry, dict):
        problems.append(Problem(path, _line(node), "each note should be a mapping"))
        return None
    note_id, text, as_of = _text(entry.get("id")), _text(entry.get("text")), _text(entry.get("as_of"))
    source = entry.get("source")
    topics = entry.get("topics")
    label = note_id or "a note"
    missing = [key for key, value in (("id", note_id), ("text", text), ("as_of", as_of)) if not value]
    for key in missing:
        fault(key, f"{label} has no '{key}'")
    try:
        dt.date.fromisoformat(as_of)
    except ValueError:
        if as_of:
            fault("as_of", f"{label}: 'as_of' should be a date (YYYY-MM-DD), not '{as_of}'")
            missing.append("as_of")
    if not isinstance(topics, list) or not topics or not all(isinstance(t, str) for t in topics):
        fault("topics", f"{label}: 'topics' should be a list of conditions or topics (or [all])")
        missing.append("topics")
    if not isinstance(source, dict) or not _text(source.get("publisher")) or not _text(source.get("title")):
        fault("source", f"{label}: 'source' needs a 'publisher' and a 'title'")
        missing.append("source")
    if missing or not isinstance(source, dict) or not isinstance(topics, list):
        return None
    url = _text(source.get("url", ""))
    if url and not url.startswith(("https://", "http://")):
        fault("source", f"{label}: source 'url' should be a web address")
        url = ""
    year = source.get("year")
    dates = {"date": _text(source.get("date", "")), "next_review": _text(entry.get("next_review", ""))}
    for key, value in dates.items():
        if value and not is_date(value):
            where = key if key == "next_review" else "source"
            fault(where, f"{label}: '{key}' should be a date (YYYY-MM-DD), not '{value}'")
            dates[key] = ""
    return SafetyNote(
        id=note_id,
        text=text,
        topics=tuple(strip_controls(topic) for topic in topics),
        source=Source(
            _text(source["publisher"]),
            _text(source["title"]),
            year if isinstance(year, int) else None,
            url,
            dates["date"],
        ),
        as_of=as_of,
        label=_text(entry.get("label", "")),
        next_review=dates["next_review"],
    )
