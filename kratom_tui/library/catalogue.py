"""The catalogue of a library: what the sidebar shows and where each article's file is.

Every full load saves it to the user cache folder. It is small and quick to read back, so the app
can start a large library from the catalogue of its last load and check the files behind its first
frame, instead of before it.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kratom_tui.library.model import Article, Problem
from kratom_tui.locations import catalogue_file
from kratom_tui.storage import write_atomically

FORMAT = 2
"""2: titles of plain markdown files are read as markdown (see kratom_tui.library.titles)."""


@dataclass
class Catalogue:
    groups: dict[str, list[list[str]]] = field(default_factory=dict)
    """Condition -> `[id, title]` of its articles, in sidebar order (both sorted ignoring case)."""
    paths: dict[str, str] = field(default_factory=dict)
    """Article id -> its file, relative to the library folder."""
    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def of(cls, root: Path, articles: list[Article], problems: list[Problem]) -> Catalogue:
        grouped: dict[str, list[Article]] = defaultdict(list)
        for article in articles:
            for condition in dict.fromkeys(article.conditions):
                grouped[condition].append(article)
        groups = {
            name: [[article.id, article.title] for article in sorted(grouped[name], key=lambda a: a.title.casefold())]
            for name in sorted(grouped, key=str.casefold)
        }
        # A str slice, not Path.relative_to: this runs for every article of the library.
        prefix = os.path.join(str(root), "")
        paths = {article.id: str(article.path).removeprefix(prefix).replace(os.sep, "/") for article in articles}
        return cls(groups, paths, list(problems))

    def order(self) -> list[str]:
        """Article ids in sidebar order, each once: the reading order of `[` and `]`."""
        return list(dict.fromkeys(article_id for pairs in self.groups.values() for article_id, _title in pairs))

    def neighbour(self, article_id: str | None, step: int) -> str | None:
        """The article `step` places away in reading order, wrapping around (from the start if unlisted)."""
        order = self.order()
        if not order:
            return None
        index = order.index(article_id) if article_id in order else -1
        return order[(index + step) % len(order)]

    def entries(self) -> list[tuple[str, str, list[str]]]:
        """`(id, title, conditions)` of each article once, in sidebar order."""
        found: dict[str, tuple[str, str, list[str]]] = {}
        for condition, pairs in self.groups.items():
            for article_id, title in pairs:
                found.setdefault(article_id, (article_id, title, []))[2].append(condition)
        return list(found.values())

    def to_json(self, root: Path) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "root": str(root.resolve()),
                "groups": self.groups,
                "paths": self.paths,
                "problems": [(str(p.path), p.line, p.message, p.level) for p in self.problems],
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str, root: Path) -> Catalogue | None:
        """The catalogue, or None when the text is not one saved for `root` by this version."""
        try:
            data = json.loads(text)
            if data.get("format") != FORMAT or data.get("root") != str(root.resolve()):
                return None
            groups, paths = data["groups"], data["paths"]
            problems = [Problem(Path(path), line, message, level) for path, line, message, level in data["problems"]]
        except (ValueError, KeyError, TypeError, AttributeError):
            return None
        if not _well_formed(groups, paths):
            return None
        return cls(groups, paths, problems)


def _well_formed(groups: object, paths: object) -> bool:
    """Types checked once at reading, so the app can trust the catalogue afterwards."""
    if not isinstance(groups, dict) or not isinstance(paths, dict):
        return False
    if not all(isinstance(key, str) and isinstance(value, str) for key, value in paths.items()):
        return False
    return all(
        isinstance(pairs, list)
        and all(isinstance(pair, list) and len(pair) == 2 and pair[0] in paths and isinstance(pair[1], str) for pair in pairs)
        for pairs in groups.values()
    )


def catalogue_path(root: Path) -> Path:
    return catalogue_file(root)


def read_catalogue(root: Path) -> Catalogue | None:
    """The catalogue saved by the last full load of `root`; None if there is none or it is unusable."""
    try:
        text = catalogue_path(root).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return Catalogue.from_json(text, root)


def save_catalogue(root: Path, catalogue: Catalogue) -> None:
    """Write the catalogue if it changed; written whole or not at all, and a failure only costs speed."""
    path = catalogue_path(root)
    text = catalogue.to_json(root)
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except (OSError, UnicodeDecodeError):
        pass
    try:
        write_atomically(path, text)
    except OSError:
        pass
