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

    from kratom_tui.library.glossary import load_glossary

    today = today or dt.date.today()
    problems = load_glossary(library.root).problems
    problems += review_problems(library, today, require_provenance=is_shipped(library.root))
    return problems, readability_notes(library)


def print_terms(library: Library, article: Article, no_color: bool) -> None:
    """After `show`: the glossary terms the article, its risks and its safety notes use."""
    from rich.console import Console
    from rich.rule import Rule
    from rich.text import Text

    from kratom_tui.document.prefixed import Prefixed
    from kratom_tui.library.glossary import load_glossary

    texts = [article.body(), *(f"{risk.name} {risk.detail}" for risk in article.risks)]
    texts += [note.text for note in library.notes.for_article(article)]
    terms = load_glossary(library.root).used_in("\n".join(texts))
    if not terms:
        return
    console = Console(no_color=no_color, highlight=False, emoji=False, markup=False)
    console.print()
    console.print(Rule("Terms used", style="dim"))
    for term in terms:
        console.print(Text.assemble((term.term, "bold"), ": ", term.definition))
        console.print(Prefixed(Text(term.citation(), style="dim"), "  "))


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
