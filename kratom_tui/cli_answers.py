"""What `list` and `risks` printed last time, kept until a markdown file of the library changes.

Both answers come only from the articles' files, so when every `*.md` file has the size and
modification time it had, the rows can be printed again without loading the library: no YAML, no
SQLite, no reading grade computed again. That is most of what these commands cost in a script or
in shell completion. The file is a cache (deleting it costs only time); rows read back are checked
as strictly as the catalogue's, so a file edited by hand cannot put a control sequence on screen.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from kratom_tui import __version__
from kratom_tui.library.model import SEVERITIES, Problem
from kratom_tui.library.safe_open import open_regular
from kratom_tui.library.sanitize import display_name, first_control, one_line
from kratom_tui.library.scan import find_markdown
from kratom_tui.locations import answers_file
from kratom_tui.storage import write_atomically

FORMAT = 1


def files_stamp(root: Path) -> list[list[Any]] | None:
    """`[path, size, mtime]` of every markdown file, in the loader's order; None if one cannot be stat'ed."""
    problems: list[Problem] = []
    prefix = os.path.join(str(root), "")
    stamp: list[list[Any]] = []
    for path, stat in find_markdown(root, problems):
        if stat is None:
            return None
        stamp.append([str(path).removeprefix(prefix), stat.st_size, stat.st_mtime_ns])
    return stamp


def lookup(root: Path, command: str, stamp: list[list[Any]] | None) -> list[dict[str, Any]] | None:
    """The rows `command` printed for the files as they are now; None when they may have changed."""
    if stamp is None:
        return None
    try:
        with open_regular(answers_file(root)) as stream:
            data = json.loads(stream.read().decode("utf-8"))
        if data.get("format") != FORMAT or data.get("version") != __version__ or data.get("files") != stamp:
            return None
        rows = data["answers"][command]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return rows if isinstance(rows, list) and all(_CHECKS[command](row) for row in rows) else None


def store(root: Path, command: str, stamp: list[list[Any]] | None, rows: list[dict[str, Any]]) -> None:
    """Keep `rows` beside the other command's, under the stamp taken before the library was read.

    A file changed while it was read has another stamp by now, so rows read from it are never
    taken for its new state.
    """
    if stamp is None:
        return
    path = answers_file(root)
    answers: dict[str, Any] = {}
    try:
        with open_regular(path) as stream:
            data = json.loads(stream.read().decode("utf-8"))
        if data.get("files") == stamp and data.get("version") == __version__:
            answers = {name: data["answers"][name] for name in _CHECKS if name in data["answers"]}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    answers[command] = rows
    text = json.dumps(
        {"format": FORMAT, "version": __version__, "root": str(root.resolve()), "files": stamp, "answers": answers}
    )
    try:
        write_atomically(path, text)
    except OSError:
        pass  # a cache folder that cannot be written only costs speed


def _line(value: object) -> bool:
    """A text as loading leaves a title or a name: one line, no control character."""
    return isinstance(value, str) and first_control(value) is None and one_line(value) == value


def _id(value: object) -> bool:
    return isinstance(value, str) and display_name(value) == value


def _number(value: object) -> bool:
    return type(value) in (int, float)


def _article_row(row: object) -> bool:
    return (
        isinstance(row, dict)
        and set(row) == {"id", "title", "conditions", "reading_minutes", "flesch_kincaid_grade", "smog_grade"}
        and _id(row["id"])
        and _line(row["title"])
        and isinstance(row["conditions"], list)
        and all(_line(condition) for condition in row["conditions"])
        and type(row["reading_minutes"]) is int
        and _number(row["flesch_kincaid_grade"])
        and _number(row["smog_grade"])
    )


def _named(item: object) -> bool:
    return (
        isinstance(item, dict)
        and set(item) == {"id", "title", "severity"}
        and _id(item["id"])
        and _line(item["title"])
        and (item["severity"] is None or item["severity"] in SEVERITIES)
    )


def _risk_row(row: object) -> bool:
    return (
        isinstance(row, dict)
        and set(row) == {"risk", "count", "articles"}
        and _line(row["risk"])
        and type(row["count"]) is int
        and isinstance(row["articles"], list)
        and all(_named(item) for item in row["articles"])
    )


_CHECKS = {"list": _article_row, "risks": _risk_row}
