"""What `kratom-tui check` reports beyond loading: missing provenance, reviews past due, hard reading.

Missing provenance is an error only for the shipped library, whose every article must say where its
text comes from; other libraries are the user's own. Reading grades above the limit are notes: they
are printed, but do not make `check` fail, since rewriting for a lower grade is editorial work.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kratom_tui.library.loader import Library
from kratom_tui.library.location import shipped_articles
from kratom_tui.library.model import Problem
from kratom_tui.library.quality import PROVENANCE
from kratom_tui.library.readability import CHECK_ABOVE, TARGET_GRADE
from kratom_tui.library.safety_notes import NOTES_FILE
from kratom_tui.library.sanitize import display_path


def is_shipped(root: Path) -> bool:
    try:
        return root.resolve() == shipped_articles().resolve()
    except OSError:
        return False


def review_problems(library: Library, today: dt.date, require_provenance: bool) -> list[Problem]:
    problems: list[Problem] = []
    for article in library.articles:
        if require_provenance:
            missing = [name for name in PROVENANCE if not getattr(article, name)]
            if missing:
                problems.append(Problem(article.path, 1, f"missing provenance: {', '.join(missing)}"))
        if article.next_review and dt.date.fromisoformat(article.next_review) < today:
            problems.append(Problem(article.path, 1, f"review due since {article.next_review}", "warning"))
    for note in library.notes.notes.values():
        if note.next_review and dt.date.fromisoformat(note.next_review) < today:
            problems.append(
                Problem(
                    library.root / NOTES_FILE, 1, f"note '{note.id}': review due since {note.next_review}", "warning"
                )
            )
    return problems


def readability_notes(library: Library) -> list[str]:
    """`path:1: note: ...` for each article whose higher grade is above the limit."""
    lines = []
    for article in library.articles:
        measured = library.read_body(article).readability
        if measured.words and measured.grade > CHECK_ABOVE:
            lines.append(
                f"{display_path(article.path)}:1: note: reading grade {measured.grade:.1f} (Flesch-Kincaid "
                f"{measured.flesch_kincaid:.1f}, SMOG {measured.smog:.1f}) is above {CHECK_ABOVE}; "
                f"the library aims at grade {TARGET_GRADE} or below"
            )
    return lines
