"""What the commands print, into a Rich console chosen by `cli_console.Output`.

On a terminal: tables and wrapped text that fit its width. Piped: paragraphs unwrapped, so scripts
can cut and grep them (`list` and `risks` print their records without Rich, in `cli_plain`).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from kratom_tui.cli_console import Output, color_system
from kratom_tui.cli_plain import named_by
from kratom_tui.document.article_parts import header, risks_and_disclaimers
from kratom_tui.document.palette import TERMINAL
from kratom_tui.library.model import Article, Body
from kratom_tui.library.safety_notes import SafetyNote

PIPE_RULE_WIDTH = 80
"""Rules in piped output are drawn this wide, not as wide as the (unwrapped) page."""
READ_WIDTH = len("read  ") + len("999 min")
NARROW_TEXT = 24
"""Below this many columns left for title and conditions, `list` stacks each article instead."""


class _UnwrappedConsole(Console):
    """For pipes: laid out very wide so nothing wraps; rules and code blocks keep a normal size."""

    def render(self, renderable: RenderableType, options: ConsoleOptions | None = None) -> Iterable[Segment]:
        options = options or self.options
        if isinstance(renderable, Rule) and options.max_width > PIPE_RULE_WIDTH:
            options = options.update_width(PIPE_RULE_WIDTH)
        elif isinstance(renderable, Padding) and renderable.expand:
            renderable = Padding(
                renderable.renderable,
                (renderable.top, renderable.right, renderable.bottom, renderable.left),
                style=renderable.style,
                expand=False,
            )
        return super().render(renderable, options)


def make_console(output: Output) -> Console:
    """A console that renders into memory as `output` says; `rendered()` then gives the text."""
    kind = Console if output.terminal else _UnwrappedConsole
    return kind(
        file=io.StringIO(),
        width=output.width,
        color_system=color_system() if output.styled else None,
        force_terminal=output.styled,
        no_color=not output.colors,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
        legacy_windows=False,
    )


def rendered(console: Console) -> str:
    file = console.file
    assert isinstance(file, io.StringIO)
    return file.getvalue()


def print_article_list(console: Console, rows: list[dict[str, Any]]) -> None:
    """A table whose id column never wraps; stacked blocks when the terminal is too narrow for one."""
    id_width = max([len("id"), *(len(row["id"]) for row in rows)])
    if console.width - id_width - READ_WIDTH - 6 < NARROW_TEXT:
        _stacked_list(console, rows)
        return
    table = Table(box=None, header_style="bold")
    table.add_column("id", no_wrap=True, min_width=id_width, style="bold cyan")
    table.add_column("title", ratio=3)
    table.add_column("conditions", ratio=2)
    table.add_column("read", no_wrap=True, justify="right")
    for row in rows:
        table.add_row(
            Text(row["id"]), Text(row["title"]), Text(", ".join(row["conditions"])), f"{row['reading_minutes']} min"
        )
    console.print(table)


def _stacked_list(console: Console, rows: list[dict[str, Any]]) -> None:
    """Each article as its id on a line of its own, then its title and details indented."""
    for number, row in enumerate(rows):
        if number:
            console.print()
        console.print(Text(row["id"], "bold cyan"), overflow="ignore", crop=False)
        details = Text(row["title"])
        details.append(f"\n{', '.join(row['conditions'])} · {row['reading_minutes']} min", "dim")
        console.print(Padding(details, (0, 0, 0, 2)))


def print_risk_overview(console: Console, rows: list[dict[str, Any]]) -> None:
    table = Table(box=None, header_style="bold")
    table.add_column("risk", ratio=2)
    table.add_column("articles", justify="right", no_wrap=True)
    table.add_column("named by (severity)", ratio=3)
    for row in rows:
        table.add_row(Text(row["risk"]), str(row["count"]), Text(", ".join(named_by(row))))
    console.print(table)


def print_article(console: Console, article: Article, body: Body, notes: list[SafetyNote], styled: bool) -> None:
    """Header, body, then the risks: the same parts as the reader, with `#` marks when unstyled."""
    from kratom_tui.document.markdown import BlockRenderer, Links  # markdown-it: only `show` renders a body

    console.print(header(article, TERMINAL, body.reading_minutes, body.readability.describe()))
    for problem in body.problems:
        console.print(Text(f"Note: {problem.message}", TERMINAL.notice))
    renderer = BlockRenderer(TERMINAL, Links(), heading_marks=not styled)
    for block in renderer.render(body.text):
        console.print()
        console.print(block.renderable)
    console.print()
    console.print(Rule("Risks and disclaimers", style=TERMINAL.rule))
    console.print(risks_and_disclaimers(article, TERMINAL, notes))


def print_hits(console: Console, hits: list) -> None:
    """One block per result: `id — title (conditions)`, then the snippet indented."""
    for number, hit in enumerate(hits):
        if number:
            console.print()
        heading = Text.assemble((hit.article_id, "bold cyan"), " \u2014 ", (hit.title, "bold"))
        heading.append(f" ({', '.join(hit.conditions)})", "dim")
        snippet = Text(hit.snippet)
        for start, end in hit.highlights:
            snippet.stylize("bold black on yellow", start, end)
        console.print(Group(heading, Padding(snippet, (0, 0, 0, 4))))
