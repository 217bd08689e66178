"""How the command line prints: Rich on a terminal, plain text when piped."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from kratom_tui.document.article_parts import header, risks_and_disclaimers
from kratom_tui.document.markdown import BlockRenderer, Links
from kratom_tui.document.palette import TERMINAL
from kratom_tui.library.model import Article, Body
from kratom_tui.library.safety_notes import SafetyNote


def _console(no_color: bool = False) -> Console:
    return Console(no_color=no_color, highlight=False, emoji=False, markup=False, soft_wrap=False)


def print_article_list(rows: list[dict[str, Any]]) -> None:
    console = _console()
    if not console.is_terminal:
        for row in rows:
            print("\t".join([row["id"], row["title"], ", ".join(row["conditions"]), f"{row['reading_minutes']} min"]))
        return
    table = Table(box=None, header_style="bold")
    for name in ("id", "title", "conditions", "read"):
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(
            Text(row["id"]), Text(row["title"]), Text(", ".join(row["conditions"])), f"{row['reading_minutes']} min"
        )
    console.print(table)


def print_risk_overview(rows: list[dict[str, Any]]) -> None:
    console = _console()
    named = [
        [f"{item['id']} ({item['severity'] or 'unrated'})" for item in row["articles"]] for row in rows
    ]
    if not console.is_terminal:
        for row, articles in zip(rows, named, strict=True):
            print("\t".join([row["risk"], str(row["count"]), ", ".join(articles)]))
        return
    table = Table(box=None, header_style="bold")
    table.add_column("risk", overflow="fold")
    table.add_column("articles", justify="right")
    table.add_column("named by (severity)", overflow="fold")
    for row, articles in zip(rows, named, strict=True):
        table.add_row(Text(row["risk"]), str(row["count"]), Text(", ".join(articles)))
    console.print(table)


def print_article(article: Article, body: Body, notes: list[SafetyNote], no_color: bool = False) -> None:
    console = _console(no_color)
    plain = no_color or not console.is_terminal
    console.print(header(article, TERMINAL, body.reading_minutes))
    for problem in body.problems:
        console.print(Text(f"Note: {problem.message}", TERMINAL.notice))
    renderer = BlockRenderer(TERMINAL, Links(), heading_marks=plain)
    for block in renderer.render(body.text):
        console.print()
        console.print(block.renderable)
    console.print()
    console.print(Rule("Risks and disclaimers", style=TERMINAL.rule))
    console.print(risks_and_disclaimers(article, TERMINAL, notes))
