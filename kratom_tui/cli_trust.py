"""The trust layer's commands: `check`'s review rules, `check --quality`, `about`, readability rows.

Kept apart from `cli.py` so that the command line's own module stays about parsing and dispatch.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from kratom_tui.library import Library
from kratom_tui.library.model import Article, Problem


def extra_problems(library: Library, today: dt.date | None = None) -> tuple[list[Problem], list[str]]:
    """Review problems (counted by `check`) and reading-grade notes (printed, not counted)."""
    from kratom_tui.library.review_checks import is_shipped, readability_notes, review_problems

    today = today or dt.date.today()
    return review_problems(library, today, require_provenance=is_shipped(library.root)), readability_notes(library)


def readability_row(article: Article) -> dict[str, Any]:
    measured = article.readability()
    return {
        "flesch_kincaid_grade": round(measured.flesch_kincaid, 1),
        "smog_grade": round(measured.smog, 1),
    }


def quality(library: Library, as_json: bool) -> int:
    """Print the quality report; exit 1 when an article lacks an element."""
    from kratom_tui.library.quality import report_lines, report_rows

    rows = report_rows(library.articles)
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        print("\n".join(report_lines(library.articles)))
    return 0 if all(row["passes"] for row in rows) else 1


def about() -> int:
    from kratom_tui.library.about import about_text

    print(about_text())
    return 0
