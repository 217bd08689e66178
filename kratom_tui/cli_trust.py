"""The trust layer's commands: `check`'s review rules, `check --quality`, `about`, readability rows.

Kept apart from `cli.py` so that the command line's own module stays about parsing and dispatch.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from kratom_tui.library import Library
    from kratom_tui.library.model import Article, Body, Problem
    from kratom_tui.search.extras import ExtraHit


def extra_problems(library: Library, today: dt.date | None = None) -> tuple[list[Problem], list[str]]:
    """Review problems (counted by `check`) and reading-grade notes (printed, not counted)."""
    from kratom_tui.library.glossary import load_glossary
    from kratom_tui.library.review_checks import is_shipped, readability_notes, review_problems

    today = today or dt.date.today()
    problems = load_glossary(library.root).problems
    problems += review_problems(library, today, require_provenance=is_shipped(library.root))
    return problems, readability_notes(library)


def print_terms(console: Console, library: Library, article: Article) -> None:
    """After `show`: the glossary terms the article, its risks and its safety notes use."""
    from rich.rule import Rule
    from rich.text import Text

    from kratom_tui.document.prefixed import Prefixed
    from kratom_tui.library.glossary import load_glossary

    texts = [library.read_body(article).text, *(f"{risk.name} {risk.detail}" for risk in article.risks)]
    texts += [note.text for note in library.notes.for_article(article)]
    terms = load_glossary(library.root).used_in("\n".join(texts))
    if not terms:
        return
    console.print()
    console.print(Rule("Terms used", style="dim"))
    for term in terms:
        console.print(Text.assemble((term.term, "bold"), ": ", term.definition))
        console.print(Prefixed(Text(term.citation(), style="dim"), "  "))


def readability_row(body: Body) -> dict[str, Any]:
    measured = body.readability
    return {
        "flesch_kincaid_grade": round(measured.flesch_kincaid, 1),
        "smog_grade": round(measured.smog, 1),
    }


def quality(library: Library, as_json: bool) -> int:
    """Print the quality report; exit 1 when an article lacks an element."""
    from kratom_tui.library.quality import report_lines, report_rows

    bodies = {article.id: library.read_body(article).text for article in library.articles}
    rows = report_rows(library.articles, bodies)
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        print("\n".join(report_lines(library.articles, bodies)))
    return 0 if all(row["passes"] for row in rows) else 1


def about() -> int:
    from kratom_tui.library.about import about_text

    print(about_text())
    return 0


def extra_rows(extras: list[ExtraHit]) -> list[dict[str, Any]]:
    """`search --json` rows for safety notes and glossary entries, told apart from articles by `kind`."""
    return [{"kind": hit.kind, "id": hit.id, "title": hit.title, "snippet": hit.snippet} for hit in extras]


def print_extra_hits(console: Console, extras: list[ExtraHit], after_articles: bool) -> None:
    """Safety notes and glossary entries after the articles: `[safety note] id — label`, then the snippet."""
    if not extras:
        return
    from rich.text import Text

    from kratom_tui.document.prefixed import Prefixed

    if after_articles:
        console.print()
    for number, hit in enumerate(extras):
        if number:
            console.print()
        console.print(
            Text.assemble((f"[{hit.kind}] ", "dim"), (hit.id, "bold magenta"), " \u2014 ", (hit.title, "bold"))
        )
        snippet = Text(hit.snippet)
        for start, end in hit.highlights:
            snippet.stylize("bold black on yellow", start, end)
        console.print(Prefixed(snippet, "    "))
