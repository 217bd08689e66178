"""The `kratom-tui` command: launch the reader, or list, show, check, search articles and list risks.

The non-interactive commands never import Textual, so they start fast in scripts and pipes. How
output is coloured, wrapped and encoded is decided in `cli_console`; the user's folders and the
cache in `cli_paths`; completion scripts, the pager and `serve` each have their own `cli_*` module.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kratom_tui import __version__
from kratom_tui.cli_completion import SHELLS
from kratom_tui.cli_console import COLOR_CHOICES, Output, is_terminal, safe_streams
from kratom_tui.library.location import ENV_VAR, library_folder
from kratom_tui.library.sanitize import display_name

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from kratom_tui.library import Library

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
HANDOUT_FORMATS = ("html", "md", "text")
"""The formats of `handout`, equal to `handout.formats.FORMATS` (a test checks), which loads only when used."""
PROGRESS_THRESHOLD = 200
"""`search` shows a progress bar (on a terminal) when it indexes more articles than this."""


class UsageError(Exception):
    """A problem with how the command was called; printed on one line, exit status 2."""


def _common_options(parser: argparse.ArgumentParser, suppress: bool) -> None:
    """Options every command takes, before or after its name."""
    parser.add_argument(
        "--articles",
        metavar="DIR",
        default=argparse.SUPPRESS if suppress else None,
        help=f"library folder (default: ${ENV_VAR}, else the library shipped with kratom-tui)",
    )
    parser.add_argument(
        "--color",
        choices=COLOR_CHOICES,
        default=argparse.SUPPRESS if suppress else "auto",
        help="styles and colours: auto (on a terminal, unless NO_COLOR; FORCE_COLOR forces them), "
        "always, or never (no escape sequences at all)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kratom-tui",
        description="A keyboard-first terminal reader for a library of health articles about kratom. "
        "With no command it opens the reader.",
    )
    parser.add_argument("--version", action="version", version=f"kratom-tui {__version__}")
    _common_options(parser, suppress=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    list_cmd = commands.add_parser("list", help="list the articles: id, title, conditions, reading time")
    list_cmd.add_argument("--json", action="store_true", help="print JSON")
    list_cmd.add_argument("--ids", action="store_true", help="print only the ids, one a line")

    show = commands.add_parser("show", help="print an article, then its risks and disclaimers")
    show.add_argument("id", help="the article's id (its file name without .md)")
    show.add_argument("--no-pager", action="store_true", help="print directly, not through $PAGER (default: less -R)")
    show.add_argument("--no-color", action="store_true", help="the same as --color never")

    check = commands.add_parser("check", help="report every problem in a library as path:line: message")
    check.add_argument("dir", nargs="?", help="the folder to check (default: the library folder)")
    check.add_argument("--quality", action="store_true", help="report which DISCERN-style elements each article has")
    check.add_argument("--json", action="store_true", help="with --quality: print JSON")

    about = commands.add_parser("about", help="the library's aims, authors, review and update policy")

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
    search.add_argument(
        "--condition", metavar="C", help="only articles of a condition (the start of a word of its name is enough)"
    )
    search.add_argument("--limit", metavar="N", type=_positive, default=20, help="at most N results (default: 20)")
    search.add_argument("--json", action="store_true", help="print JSON: id, title, conditions, score, snippet")

    notes = commands.add_parser("notes", help="your notes and highlights, by article; --export writes markdown")
    notes.add_argument("id", nargs="?", help="only the notes of this article")
    notes.add_argument("--json", action="store_true", help="print JSON")
    notes.add_argument("--export", metavar="FILE.md", help="write the notes as markdown to FILE.md")
    handout = commands.add_parser(
        "handout",
        help="a handout of an article for a clinician visit (HTML, markdown or text; PDF through Chromium)",
        description="Risks, disclaimers, claims with the library's counterpoints, your notes, questions to ask "
        "and the urgent-help numbers. Format: --format, else the suffix of -o, else text on a terminal and HTML "
        "when piped. Not medical advice.",
    )
    handout.add_argument("id", help="the article's id (its file name without .md)")
    handout.add_argument("--format", choices=HANDOUT_FORMATS, help="html, md or text")
    handout.add_argument("-o", "--output", metavar="FILE", type=Path, help="write to FILE instead of stdout")
    handout.add_argument(
        "--pdf", metavar="FILE", type=Path, help="also print the HTML handout to FILE as PDF (needs Chromium or Chrome)"
    )

    paths = commands.add_parser("paths", help="where settings, state, notes, caches and the library are")
    paths.add_argument("--json", action="store_true", help="print JSON")

    config = commands.add_parser("config", help="where the settings file is; --example prints one with every key")
    config.add_argument("--example", action="store_true", help="print a commented settings.yaml with every key")

    cache = commands.add_parser(
        "cache",
        help="clear the cache, or prune the caches of library folders that no longer exist",
        description="Everything in the cache can be deleted at any time; it is rebuilt when needed. "
        "Caches of deleted library folders are also pruned automatically, at most once a day.",
    )
    cache.add_argument(
        "action", choices=("clear", "prune"), help="clear: delete the whole cache; prune: only stale parts"
    )

    completion = commands.add_parser("completion", help="print a shell completion script (bash, zsh or fish)")
    completion.add_argument("shell", choices=SHELLS, help="the shell to complete in")

    serve = commands.add_parser(
        "serve",
        help="serve the reader to a web browser (needs the serve extra)",
        description="Serves the reader with textual-serve (pip install 'kratom-tui[serve]'). Every browser "
        "session runs as you and shares your state and notes.",
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)"
    )
    serve.add_argument("--port", type=_port, default=8000, help="port to listen on (default: 8000)")

    for sub in (list_cmd, show, check, risks, search, handout, about, notes, paths, config, cache, completion, serve):
        _common_options(sub, suppress=True)
    return parser


def _port(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(f"expected a port number from 1 to 65535, not '{text}'")
    return int(text)


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
    from kratom_tui.library import load_library

    return load_library(_require_folder(folder), cache=cache)


def _print_json(value: object) -> None:
    import json

    print(json.dumps(value, indent=2, ensure_ascii=False))


def _list(folder: Path, output: Output, as_json: bool, ids_only: bool) -> int:
    """Rows kept from the last run while no markdown file changed (no library load), else loaded."""
    from kratom_tui import cli_answers

    stamp = cli_answers.files_stamp(_require_folder(folder))
    rows = cli_answers.lookup(folder, "list", stamp)
    if rows is None:
        library = _load(folder)
        if ids_only:  # for scripts and shell completion: no article body is read
            print("\n".join(article.id for article in library.articles))
            return EXIT_OK
        rows = _list_rows(library)
        cli_answers.store(folder, "list", stamp, rows)
    if ids_only:
        print("\n".join(row["id"] for row in rows))
        return EXIT_OK
    if as_json:
        _print_json(rows)
        return EXIT_OK
    if not output.terminal:
        from kratom_tui.cli_plain import article_records

        output.write(article_records(rows))
        return EXIT_OK
    from kratom_tui.cli_output import make_console, print_article_list, rendered

    console = make_console(output)
    print_article_list(console, rows)
    output.write(rendered(console))
    return EXIT_OK


def _list_rows(library: Library) -> list[dict[str, Any]]:
    from kratom_tui.cli_trust import readability_row

    return [
        {
            "id": article.id,
            "title": article.title,
            "conditions": list(article.conditions),
            "reading_minutes": (body := library.read_body(article)).reading_minutes,
            **readability_row(body),
        }
        for article in library.articles
    ]


def _show(library: Library, output: Output, article_id: str, pager: bool) -> int:
    article = library.get(article_id)
    if article is None:
        closest = library.closest_ids(article_id)
        hint = f"; closest: {', '.join(closest)}" if closest else ""
        raise UsageError(f"no article with id '{article_id}'{hint}")
    from kratom_tui.cli_output import make_console, print_article, rendered
    from kratom_tui.cli_trust import print_terms

    console = make_console(output)
    print_article(console, article, library.read_body(article), library.notes.for_article(article), output.styled)
    print_terms(console, library, article)
    text = rendered(console)
    if pager and output.terminal and sys.stdin.isatty():
        from kratom_tui.cli_pager import page

        if page(text, output.stream):
            return EXIT_OK
    output.write(text)
    return EXIT_OK


def _handout(library: Library, output: Output, args: argparse.Namespace) -> int:
    article = library.get(args.id)
    if article is None:
        closest = library.closest_ids(args.id)
        hint = f"; closest: {', '.join(closest)}" if closest else ""
        raise UsageError(f"no article with id '{args.id}'{hint}")
    from kratom_tui.cli_handout import write_handout
    from kratom_tui.handout.pdf import PdfUnavailable

    try:
        write_handout(library, article, output, args.format, args.output, args.pdf)
    except PdfUnavailable as error:
        raise UsageError(f"no PDF written: {error}") from None
    except OSError as error:
        where = f" to {error.filename}" if error.filename else ""
        raise UsageError(f"could not write the handout{where}: {error.strerror or error}") from None
    return EXIT_OK


def _risks(folder: Path, output: Output, as_json: bool) -> int:
    """Like `list`: the rows kept from the last run while no markdown file changed."""
    from kratom_tui import cli_answers

    stamp = cli_answers.files_stamp(_require_folder(folder))
    rows = cli_answers.lookup(folder, "risks", stamp)
    if rows is None:
        rows = _risk_rows(_load(folder))
        cli_answers.store(folder, "risks", stamp, rows)
    if as_json:
        _print_json(rows)
        return EXIT_OK
    if not output.terminal:
        from kratom_tui.cli_plain import risk_records

        output.write(risk_records(rows))
        return EXIT_OK
    from kratom_tui.cli_output import make_console, print_risk_overview, rendered

    console = make_console(output)
    print_risk_overview(console, rows)
    output.write(rendered(console))
    return EXIT_OK


def _risk_rows(library: Library) -> list[dict[str, Any]]:
    from kratom_tui.library.risk_overview import risk_overview

    return [
        {
            "risk": row.name,
            "count": len(row.named_by),
            "articles": [
                {"id": article.id, "title": article.title, "severity": severity} for article, severity in row.named_by
            ],
        }
        for row in risk_overview(library)
    ]


def _check(library: Library) -> int:
    from kratom_tui.cli_trust import extra_problems
    from kratom_tui.settings import settings_problems

    body_problems = [problem for article in library.articles for problem in library.read_body(article).problems]
    problems = library.problems + body_problems
    reviews, notes = extra_problems(library)
    problems += reviews
    lines = [problem.format() for problem in problems] + settings_problems()
    for line in lines:
        print(line)
    for note in notes:
        print(note)
    count = len(lines)
    summary = f"{len(library.articles)} article(s), {count} problem(s)"
    print(summary, file=sys.stderr)
    return EXIT_PROBLEMS if count else EXIT_OK


class _IndexingProgress:
    """A Rich progress bar on stderr while many articles are indexed, only when stderr is a terminal."""

    def __init__(self) -> None:
        self._bar: Progress | None = None
        self._task: TaskID | None = None

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

            self._bar = bar = Progress(
                TextColumn("Indexing the library"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            bar.start()
            self._task = bar.add_task("index", total=total)
        if self._task is not None:
            self._bar.update(self._task, completed=done, total=total)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def _require_known_condition(names: list[str], wanted: str | None) -> None:
    """A condition filter that matches no condition of the library is a mistake, not an empty result."""
    from kratom_tui.search.query import condition_key

    key = condition_key(wanted or "")
    if not key:
        return
    if not any(f" {key}" in f" {condition_key(name)}" for name in names):
        raise UsageError(f"unknown condition '{wanted}'; the library's conditions are: {', '.join(names)}")


def _search(folder: Path, output: Output, words: list[str], condition: str | None, limit: int, as_json: bool) -> int:
    """The library is not loaded: the index reads only the files changed since it was last brought up
    to date (kratom_tui.search.freshness), so a search of 100,000 articles costs milliseconds."""
    from kratom_tui.cli_trust import extra_rows, print_extra_hits
    from kratom_tui.library.safety_notes import load_safety_notes
    from kratom_tui.search import SearchIndex, SearchUnavailable
    from kratom_tui.search.extras import search_extras
    from kratom_tui.search.query import parse_query

    query = " ".join(words)
    try:
        index = SearchIndex.open(_require_folder(folder))
    except SearchUnavailable as error:
        raise UsageError(str(error)) from None
    with index:
        if index.notice:
            print(f"kratom-tui: {index.notice}", file=sys.stderr)
        progress = _IndexingProgress()
        try:
            index.refresh(progress=progress)
        finally:
            progress.close()
        for wanted in (condition, parse_query(query).condition):
            if wanted:
                _require_known_condition(index.condition_names(), wanted)
        hits = index.search(query, condition=condition, limit=limit)
    notice = parse_query(query).notice
    if notice:
        print(f"kratom-tui: {notice}", file=sys.stderr)
    extras = [] if condition else search_extras(query, load_safety_notes(folder), folder, limit)
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
        _print_json(rows + extra_rows(extras))
    elif hits or extras:
        from kratom_tui.cli_output import make_console, print_hits, rendered

        console = make_console(output)
        print_hits(console, hits)
        print_extra_hits(console, extras, after_articles=bool(hits))
        output.write(rendered(console))
    if not hits and not extras:
        print(f"kratom-tui: no article matches: {display_name(query)}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _paths(folder: Path, as_json: bool) -> int:
    from kratom_tui.cli_paths import user_paths

    paths = user_paths(folder)
    if as_json:
        _print_json(paths)
        return EXIT_OK
    width = max(len(name) for name in paths)
    print("\n".join(f"{name.ljust(width)}  {path}" for name, path in paths.items()))
    return EXIT_OK


def _config(example: bool) -> int:
    from kratom_tui.cli_config import EXAMPLE
    from kratom_tui.locations import settings_file

    if example:
        sys.stdout.write(EXAMPLE)
        return EXIT_OK
    path = settings_file()
    print(path)
    if not path.exists():
        hint = f"no settings file yet; write one with: kratom-tui config --example > {path}"
        print(f"kratom-tui: {hint}", file=sys.stderr)
    return EXIT_OK


def _cache(action: str) -> int:
    from kratom_tui.cli_paths import cache_dir, clear_cache, prune_cache

    try:
        if action == "clear":
            files, size = clear_cache()
            print(f"removed {files} file(s), {size / 1024:.0f} KB, from {cache_dir()}")
            return EXIT_OK
        removed = prune_cache()
    except OSError as error:
        raise UsageError(f"could not tidy the cache: {error}") from None
    for entry in removed:
        print(f"removed {entry.path} (library folder gone: {entry.library})")
    print(f"removed {len(removed)} cache file(s) of library folders that no longer exist", file=sys.stderr)
    return EXIT_OK


def _completion(shell: str) -> int:
    from kratom_tui.cli_completion import script

    sys.stdout.write(script(shell, build_parser()))
    return EXIT_OK


def _serve(folder: Path, host: str, port: int) -> int:
    from kratom_tui.cli_serve import ServeUnavailable, serve

    try:
        serve(_require_folder(folder), host, port)
    except ServeUnavailable as error:
        raise UsageError(str(error)) from None
    except OSError as error:
        raise UsageError(f"cannot serve on {host}:{port}: {error.strerror or error}") from None
    return EXIT_OK


def _notes(library: Library, article_id: str | None, as_json: bool, export: str | None) -> int:
    from kratom_tui.cli_notes import NotesError, notes_command

    try:
        return notes_command(library, article_id, as_json, export)
    except NotesError as error:
        raise UsageError(str(error)) from None


def _require_terminal() -> None:
    """The reader draws on a terminal; without one (a pipe, cron, CI) it would wait forever."""
    if os.environ.get("TEXTUAL_DRIVER"):
        return  # driven by something else, such as textual-serve's web driver
    missing = [name for name, stream in (("input", sys.stdin), ("output", sys.stdout)) if not is_terminal(stream)]
    if missing:
        raise UsageError(
            f"the reader needs a terminal, and standard {' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} "
            "not one; use a command such as 'kratom-tui list' (see kratom-tui --help)"
        )


def _tidy_cache_now_and_then() -> None:
    from kratom_tui.cli_paths import prune_now_and_then

    prune_now_and_then()


def run(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    safe_streams()
    color = "never" if getattr(args, "no_color", False) else args.color
    output = Output.choose(color)
    if args.command == "config":
        return _config(args.example)
    if args.command == "cache":
        return _cache(args.action)
    if args.command == "about":
        from kratom_tui.cli_trust import about

        return about()
    if args.command == "completion":
        return _completion(args.shell)
    # Only the commands below name the library folder (which may read settings.yaml).
    folder = library_folder(getattr(args, "dir", None) or args.articles)
    if args.command == "paths":
        return _paths(folder, args.json)
    _tidy_cache_now_and_then()
    if args.command == "serve":
        return _serve(folder, args.host, args.port)
    if args.command is None:
        _require_folder(folder)
        _require_terminal()
        from kratom_tui.library import start_library

        library = start_library(folder)
        from kratom_tui.ui.app import run_app

        return run_app(library)
    if args.command == "search":
        return _search(folder, output, args.query, args.condition, args.limit, args.json)
    if args.command == "list":
        return _list(folder, output, args.json, args.ids)
    if args.command == "risks":
        return _risks(folder, output, args.json)
    library = _load(folder, cache=args.command != "check")
    if args.command == "show":
        return _show(library, output, args.id, not args.no_pager)
    if args.command == "notes":
        return _notes(library, args.id, args.json, args.export)
    if args.command == "handout":
        return _handout(library, output, args)
    if args.quality:
        from kratom_tui.cli_trust import quality

        return quality(library, args.json)
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
