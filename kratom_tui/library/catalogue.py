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
from typing import Any

from kratom_tui.library.model import LEVELS, Article, Problem
from kratom_tui.library.safe_open import open_regular
from kratom_tui.library.sanitize import all_displayable, all_one_clean_line, first_control
from kratom_tui.locations import catalogue_file
from kratom_tui.storage import set_aside, write_atomically

FORMAT = 3
"""2: titles of plain markdown files are read as markdown (see kratom_tui.library.titles); 3: ids are
paths without `.md` (subfolders included), escaped; file names that are not UTF-8 kept."""


@dataclass
class Catalogue:
    groups: dict[str, list[list[str]]] = field(default_factory=dict)
    """Condition -> `[id, title]` of its articles, in sidebar order (both sorted ignoring case)."""
    paths: dict[str, str] = field(default_factory=dict)
    """Article id -> its file, relative to the library folder."""
    problems: list[Problem] = field(default_factory=list)
    _reading_order: tuple[list[str], dict[str, int]] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    """`order()` and each id's place in it, made once: `[` and `]` ask at every step (100,000 ids)."""

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
        """The article `step` places away in reading order, wrapping around (from the start if unlisted).

        The catalogue is never changed once made (a new load makes a new one), so the order is kept."""
        if self._reading_order is None:
            order = self.order()
            self._reading_order = order, {found: place for place, found in enumerate(order)}
        order, places = self._reading_order
        if not order:
            return None
        index = places.get(article_id, -1) if article_id is not None else -1
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
            # ASCII: a file name that is not UTF-8 (a lone surrogate here) is written as \udcxx and read back.
        )

    @classmethod
    def from_json(cls, text: str, root: Path) -> Catalogue | None:
        """The catalogue, or None when the text is not one saved for `root` by this version."""
        try:
            return cls.from_data(json.loads(text), root)
        except ValueError:
            return None

    @classmethod
    def from_data(cls, data: Any, root: Path) -> Catalogue | None:
        """As `from_json`, from the JSON already parsed."""
        try:
            if data.get("format") != FORMAT or data.get("root") != str(root.resolve()):
                return None
            groups, paths = data["groups"], data["paths"]
            problems = [
                Problem(Path(path), line, message, level)
                for path, line, message, level in data["problems"]
                if isinstance(path, str) and type(line) is int and _clean(message) and level in LEVELS
            ]
            if len(problems) != len(data["problems"]):
                return None
        except (ValueError, KeyError, TypeError, AttributeError):
            return None
        if not _well_formed(groups, paths):
            return None
        return cls(groups, paths, problems)


def _clean(text: object) -> bool:
    return isinstance(text, str) and first_control(text) is None


def _safe_relative(path: object) -> bool:
    """A file the library could have listed: relative, inside (no `..`), a `.md` file, no NUL."""
    if not isinstance(path, str) or not path.endswith(".md") or "\x00" in path or path.startswith("/"):
        return False
    return all(part not in ("", ".", "..") for part in path.split("/"))


def _well_formed(groups: object, paths: object) -> bool:
    """Checked once at reading, so the app can trust the catalogue afterwards: types, and each path
    and text as loading makes them (a catalogue naming `/etc/passwd` or `../x.md`, or holding a
    control character, was not written by the reader, and the library is read again instead)."""
    if not isinstance(groups, dict) or not isinstance(paths, dict):
        return False
    if not all_displayable(list(paths)) or not all(map(_safe_relative, paths.values())):
        return False
    texts = list(groups)
    for pairs in groups.values():
        if not isinstance(pairs, list):
            return False
        for pair in pairs:
            if not (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str) and pair[0] in paths):
                return False
            texts.append(pair[1])
    return all_one_clean_line(texts)


def catalogue_path(root: Path) -> Path:
    return catalogue_file(root)


def read_catalogue(root: Path, notices: list[str] | None = None) -> Catalogue | None:
    """The catalogue saved by the last full load of `root`; None if there is none or it is unusable.

    A file that is not JSON at all is set aside (and `notices` told); one of another version or
    folder is simply replaced by the next load.
    """
    path = catalogue_path(root)
    try:
        with open_regular(path) as stream:
            data = json.loads(stream.read().decode("utf-8"))
    except OSError:
        return None
    except ValueError:  # UnicodeDecodeError included
        if notices is not None:
            notices.append(set_aside(path, "The saved sidebar (catalogue)"))
        return None
    return Catalogue.from_data(data, root)


def save_catalogue(root: Path, catalogue: Catalogue) -> None:
    """Write the catalogue if it changed; written whole or not at all, and a failure only costs speed."""
    path = catalogue_path(root)
    text = catalogue.to_json(root)
    try:
        with open_regular(path) as stream:
            if stream.read().decode("utf-8") == text:
                return
    except (OSError, UnicodeDecodeError):
        pass
    try:
        write_atomically(path, text)
    except OSError:
        pass
