"""The library's glossary: plain-words meanings of the medical terms its texts use.

`glossary.yaml` sits beside `safety-notes.yaml`. Terms are found in text whole-word and in any case,
so the reader can mark them, `d` can look one up, and `show` can list those an article uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kratom_tui.library.dates import human_date, is_date
from kratom_tui.library.model import Problem
from kratom_tui.library.sanitize import strip_controls
from kratom_tui.library.yaml_loader import load_with_nodes

GLOSSARY_FILE = "glossary.yaml"


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    publisher: str
    title: str
    as_of: str
    aliases: tuple[str, ...] = ()
    date: str = ""

    def citation(self) -> str:
        when = f" ({human_date(self.date)})" if self.date else ""
        return (
            f"Source: {self.publisher}, \u201c{self.title}\u201d{when}; written or checked on {human_date(self.as_of)}."
        )


@dataclass
class Glossary:
    terms: list[Term] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    _pattern: re.Pattern[str] | None = field(default=None, repr=False)

    def _by_form(self) -> dict[str, Term]:
        return {form.casefold(): term for term in self.terms for form in (term.term, *term.aliases)}

    def pattern(self) -> re.Pattern[str] | None:
        """Every form of every term, longest first, as whole words."""
        if self._pattern is None and self.terms:
            forms = sorted(self._by_form(), key=len, reverse=True)
            self._pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, forms)) + r")(?![\w-])", re.IGNORECASE)
        return self._pattern

    def find(self, text: str) -> list[tuple[int, int, Term]]:
        """Each occurrence of a term in `text`: start, end and the term."""
        pattern = self.pattern()
        if pattern is None:
            return []
        by_form = self._by_form()
        return [(match.start(), match.end(), by_form[match[0].casefold()]) for match in pattern.finditer(text)]

    def used_in(self, text: str) -> list[Term]:
        """The terms `text` uses, in glossary order."""
        found = {id(term) for _start, _end, term in self.find(text)}
        return [term for term in self.terms if id(term) in found]


def _text(value: Any) -> str:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return (
        strip_controls(str(value)).strip()
        if isinstance(value, (str, int, float)) and not isinstance(value, bool)
        else ""
    )


def load_glossary(root: Path) -> Glossary:
    """Read `root/glossary.yaml`; a missing file is an empty glossary, and every fault is a Problem."""
    path = root / GLOSSARY_FILE
    glossary = Glossary()
    try:
        text = strip_controls(path.read_text(encoding="utf-8", errors="replace"))
    except FileNotFoundError:
        return glossary
    except OSError as error:
        glossary.problems.append(Problem(path, 1, f"cannot read file: {error.strerror or error}"))
        return glossary
    try:
        node, data = load_with_nodes(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        glossary.problems.append(
            Problem(path, (mark.line + 1) if mark else 1, f"invalid YAML: {getattr(error, 'problem', error)}")
        )
        return glossary
    entries = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        glossary.problems.append(Problem(path, 1, "expected a top-level 'terms:' list"))
        return glossary
    pairs = node.value if isinstance(node, yaml.MappingNode) else []
    items: list[yaml.Node] = next((value.value for key, value in pairs if getattr(key, "value", None) == "terms"), [])
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        line = items[index].start_mark.line + 1 if index < len(items) else 1
        term = _term(entry, path, line, glossary.problems)
        if term is None:
            continue
        forms = {form.casefold() for form in (term.term, *term.aliases)}
        if forms & seen:
            glossary.problems.append(Problem(path, line, f"term '{term.term}' (or an alias) is defined twice"))
            continue
        seen |= forms
        glossary.terms.append(term)
    return glossary


def _term(entry: Any, path: Path, line: int, problems: list[Problem]) -> Term | None:
    if not isinstance(entry, dict):
        problems.append(Problem(path, line, "each term should be a mapping"))
        return None
    name, definition, as_of = _text(entry.get("term")), _text(entry.get("definition")), _text(entry.get("as_of"))
    given = entry.get("source")
    source: dict[str, Any] = given if isinstance(given, dict) else {}
    label = name or "a term"
    faults = [f"{label} has no '{key}'" for key, value in (("term", name), ("definition", definition)) if not value]
    if not is_date(as_of):
        faults.append(
            f"{label}: 'as_of' should be a date (YYYY-MM-DD), not '{as_of}'" if as_of else f"{label} has no 'as_of'"
        )
    if not _text(source.get("publisher")) or not _text(source.get("title")):
        faults.append(f"{label}: 'source' needs a 'publisher' and a 'title'")
    date = _text(source.get("date", ""))
    if date and not is_date(date):
        faults.append(f"{label}: source 'date' should be a date (YYYY-MM-DD), not '{date}'")
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(alias, str) and alias.strip() for alias in aliases):
        faults.append(f"{label}: 'aliases' should be a list of text")
    if faults:
        problems.extend(Problem(path, line, fault) for fault in faults)
        return None
    return Term(
        term=name,
        definition=definition,
        publisher=_text(source["publisher"]),
        title=_text(source["title"]),
        as_of=as_of,
        aliases=tuple(strip_controls(alias).strip() for alias in aliases),
        date=date,
    )
