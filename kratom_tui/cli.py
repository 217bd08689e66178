"""The `kratom-tui` command: launch the reader, or list, show, check, search articles and list risks.

The non-interactive commands never import Textual, so they start fast in scripts and pipes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kratom_tui import __version__
from kratom_tui.library import Library, load_library, start_library
from kratom_tui.library.location import ENV_VAR, library_folder
from kratom_tui.library.sanitize import display_name

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
PROGRESS_THRESHOLD = 200
"""`search` shows a progress bar (on a terminal) when it indexes more articles than this."""


class UsageError(Exception):
    """A problem with how the command was called; printed on one line, exit status 2."""


def _articles_option(parser: argparse.ArgumentParser, suppress: bool) -> None:
    parser.add_argument(
        "--articles",
        metavar="DIR",
        default=argparse.SUPPRESS if suppress else None,
        help=f"library folder (default: ${ENV_VAR}, else the library shipped with kratom-tui)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kratom-tui",
        description="A keyboard-first terminal reader for a library of health articles about kratom. "
        "With no command it opens the reader.",
    )
    parser.add_argument("--version", action="version", version=f"kratom-tui {__version__}")
    _articles_option(parser, suppress=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    list_cmd = commands.add_parser("list", help="list the articles: id, title, conditions, reading time")
    list_cmd.add_argument("--json", action="store_true", help="print JSON")

    show = commands.add_parser("show", help="print an article, then its risks and disclaimers")
    show.add_argument("id", help="the article's id (its file name without .md)")
    show.add_argument("--no-color", action="store_true", help="print without colour or styles")

    check = commands.add_parser("check", help="report every problem in a library as path:line: message")
    check.add_argument("dir", nargs="?", help="the folder to check (default: the library folder)")

    risks = commands.add_parser("risks", help="every risk named in the library, against the articles naming it")
    risks.add_argument("--json", action="store_true", help="print JSON")

    search = commands.add_parser(
        "search",
        help="search the whole library: ranked articles with snippets",
        description='Words are all required and stemmed (legs finds leg); "quoted words" are a phrase; '
        "word* matches words starting with it; condition:NAME (or condition:\"two words\") keeps the "
        "articles of a condition. Put -- before a query that starts with a dash. "
        "Exit status 1 when nothing matches.",
    )
    search.add_argument("query", nargs="+", help="what to find (several words are joined by spaces)")
    search.add_argument("--condition", metavar="C", help="only articles of a condition (the start of a word of its name is enough)")
    search.add_argument("--limit", metavar="N", type=_positive, default=20, help="at most N results (default: 20)")
    search.add_argument("--json", action="store_true", help="print JSON: id, title, conditions, score, snippet")

    for sub in (list_cmd, show, check, risks, search):
        _articles_option(sub, suppress=True)
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not '{text}'")
    return value


def _require_folder(folder: Path) -> Path:
    if not folder.is_dir():
        raise UsageError(f"library folder not found: {folder}")
    return folder


def _load(folder: Path, cache: bool = True) -> Library:
    """The library; `cache` reuses what was read from unchanged files last time (not for `check`)."""
    return load_library(_require_folder(folder), cache=cache)


def _list(library: Library, as_json: bool) -> int:
    rows = [
        {
            "id": article.id,
            "title": article.title,
            "conditions": list(article.conditions),
            "reading_minutes": library.read_body(article).reading_minutes,
        }
        for article in library.articles
    ]
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    from kratom_tui.cli_output import print_article_list

    print_article_list(rows)
    return EXIT_OK


def _show(library: Library, article_id: str, no_color: bool) -> int:
    article = library.get(article_id)
    if article is None:
        closest = library.closest_ids(article_id)
        hint = f"; closest: {', '.join(closest)}" if closest else ""
        raise UsageError(f"no article with id '{article_id}'{hint}")
    from kratom_tui.cli_output import print_article

    print_article(article, library.read_body(article), library.notes.for_article(article), no_color=no_color)
    return EXIT_OK


def _risks(library: Library, as_json: bool) -> int:
    from kratom_tui.library.risk_overview import risk_overview

    rows = [
        {
            "risk": row.name,
            "count": len(row.named_by),
            "articles": [
                {"id": article.id, "title": article.title, "severity": severity} for article, severity in row.named_by
            ],
        }
        for row in risk_overview(library)
    ]
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    from kratom_tui.cli_output import print_risk_overview

    print_risk_overview(rows)
    return EXIT_OK


def _check(library: Library) -> int:
    problems = library.problems + [problem for article in library.articles for problem in library.read_body(article).problems]
    for problem in problems:
        print(problem.format())
    count = len(problems)
    summary = f"{len(library.articles)} article(s), {count} problem(s)"
    print(summary, file=sys.stderr)
    return EXIT_PROBLEMS if count else EXIT_OK


class _IndexingProgress:
    """A Rich progress bar on stderr while many articles are indexed, only when stderr is a terminal."""

    def __init__(self) -> None:
        self._bar = None
        self._task = None

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            if total <= PROGRESS_THRESHOLD or not sys.stderr.isatty():
                return
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            self._bar = Progress(
                TextColumn("Indexing the library"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("index", total=total)
        self._bar.update(self._task, completed=done, total=total)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def _search(library: Library, words: list[str], condition: str | None, limit: int, as_json: bool) -> int:
    from kratom_tui.search import SearchIndex, SearchUnavailable, parse_query

    query = " ".join(words)
    try:
        index = SearchIndex.open(library.root)
    except SearchUnavailable as error:
        raise UsageError(str(error)) from None
    with index:
        if index.notice:
            print(f"kratom-tui: {index.notice}", file=sys.stderr)
        progress = _IndexingProgress()
        try:
            index.update(library, progress=progress)
        finally:
            progress.close()
        hits = index.search(query, condition=condition, limit=limit)
    notice = parse_query(query).notice
    if notice:
        print(f"kratom-tui: {notice}", file=sys.stderr)
    if as_json:
        rows = [
            {
                "id": hit.article_id,
                "title": hit.title,
                "conditions": list(hit.conditions),
                "score": float(f"{hit.score:.6g}"),
                "snippet": hit.snippet,
            }
            for hit in hits
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    elif hits:
        _print_hits(hits)
    if not hits:
        print(f"kratom-tui: no article matches: {display_name(query)}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _print_hits(hits: list) -> None:
    """One block per result: `id — title (conditions)`, then the snippet indented; Rich on a terminal."""
    from rich.console import Console

    console = Console(highlight=False, emoji=False, markup=False)
    if not console.is_terminal:
        blocks = [f"{hit.article_id} \u2014 {hit.title} ({', '.join(hit.conditions)})\n    {hit.snippet}" for hit in hits]
        print("\n\n".join(blocks))
        return
    from rich.padding import Padding
    from rich.text import Text

    for number, hit in enumerate(hits):
        if number:
            console.print()
        heading = Text.assemble((hit.article_id, "bold cyan"), " \u2014 ", (hit.title, "bold"))
        heading.append(f" ({', '.join(hit.conditions)})", "dim")
        console.print(heading)
        snippet = Text(hit.snippet)
        for start, end in hit.highlights:
            snippet.stylize("bold black on yellow", start, end)
        console.print(Padding(snippet, (0, 0, 0, 4)))


def run(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    folder = library_folder(getattr(args, "dir", None) or args.articles)
    if args.command is None:
        library = start_library(_require_folder(folder))
        from kratom_tui.ui.app import run_app

        return run_app(library)
    library = _load(folder, cache=args.command != "check")
    if args.command == "list":
        return _list(library, args.json)
    if args.command == "show":
        return _show(library, args.id, args.no_color)
    if args.command == "risks":
        return _risks(library, args.json)
    if args.command == "search":
        return _search(library, args.query, args.condition, args.limit, args.json)
    return _check(library)


def main(argv: list[str] | None = None) -> int:
    try:
        return run(argv)
    except UsageError as error:
        # Messages quote what was typed and folder names: escaped, so that they print whatever they hold.
        print(f"kratom-tui: {display_name(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
