"""A hostile library: the good articles load and open, each broken file is reported, nothing raises."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from kratom_tui.cli import main
from kratom_tui.library import load_library
from kratom_tui.library.reading import MAX_BODY_BYTES
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp
from kratom_tui.ui.screens.problems import ProblemsScreen
from tests.helpers import TerminalRun, body_of, terminal_env
from tests.hostile_library import (
    BROKEN,
    MARKUP,
    PAYLOADS,
    TITLE_PAYLOADS,
    build_hostile_library,
    good_ids,
    running_as_root,
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_hostile_library(tmp_path_factory.mktemp("hostile") / "library")


def test_good_articles_load_and_broken_files_are_reported(hostile: Path) -> None:
    library = load_library(hostile)
    assert {article.id for article in library.articles} >= good_ids()
    reported = {(p.path.name, p.line): p.message for p in library.problems}
    for name, (_content, line, reason) in BROKEN.items():
        assert reason in reported.get((name, line), ""), name
    assert any(name == "outside-link.md" and "outside" in m for (name, _l), m in reported.items())
    assert any(name == "dangling.md" for (name, _l) in reported)
    if not running_as_root():
        assert any(name == "locked.md" and "cannot read" in m for (name, _l), m in reported.items())
    assert "fifo" not in {article.id for article in library.articles}


def test_markup_and_escapes_are_plain_text_after_loading(hostile: Path) -> None:
    library = load_library(hostile)
    escapes = library.get("escapes")
    assert "\x1b" not in escapes.title and "\x07" not in escapes.title
    body = body_of(escapes).text
    assert not any(ord(char) < 32 and char not in "\n\t" or 0x7F <= ord(char) <= 0x9F for char in body)
    assert library.get("markup-title").title == MARKUP
    assert body_of(library.get("crlf")).text == "Line one\n\n## Heading\n"


def test_check_reports_each_with_path_and_line(hostile: Path, capsys) -> None:
    assert main(["check", str(hostile)]) == 1
    out = capsys.readouterr().out
    for name, (_content, line, _reason) in BROKEN.items():
        assert f"{hostile / name}:{line}: error:" in out
    assert f"{hostile / 'latin1.md'}:3: warning: not valid UTF-8" in out
    assert f"{hostile / 'escapes.md'}:" in out and "control characters removed" in out


def test_list_and_show_every_article_without_traceback(hostile: Path, capsys) -> None:
    assert main(["--articles", str(hostile), "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {row["id"] for row in rows} >= good_ids()
    for article_id in sorted(good_ids(big=False)):
        assert main(["--articles", str(hostile), "show", article_id, "--no-color"]) == 0, article_id
        out = capsys.readouterr().out
        assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out


def test_show_markup_article_literally(hostile: Path, capsys) -> None:
    assert main(["--articles", str(hostile), "show", "markup-title", "--no-color"]) == 0
    assert MARKUP in " ".join(capsys.readouterr().out.split())


def test_very_large_file_is_cut_with_a_notice(tmp_path: Path) -> None:
    root = tmp_path / "big"
    root.mkdir()
    line = "plenty of words in a long article line\n"
    (root / "big.md").write_text("# Big\n\n" + line * (MAX_BODY_BYTES // len(line) + 5000))
    article = load_library(root).get("big")
    started = time.perf_counter()
    body = body_of(article).text
    assert len(body.encode()) <= MAX_BODY_BYTES
    assert body.endswith("\n")
    assert any("only the first part is shown" in problem.message for problem in body_of(article).problems)
    assert time.perf_counter() - started < 10


async def test_app_opens_every_good_article_and_finds_text(hostile: Path) -> None:
    app = ReaderApp(load_library(hostile), StateStore())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for article_id in sorted(good_ids()):
            app.open_article(article_id)
            await pilot.pause()
            assert app.current.id == article_id
            app.pane.finder.search("e")
            app.pane.finder.step(True)
            app.pane.view.action_scroll_end()
            await pilot.pause()
        app.open_article("markup-title")
        await pilot.pause()
        app.pane.view.layout_.finish()
        assert MARKUP in " ".join(" ".join(app.pane.view.layout_.plain).split())
        app.open_article("links")
        for index in range(len(app.pane.view.links)):
            app.pane.view.action_open_link(index)
            await pilot.pause()
        assert app.current.id == "links"
        await pilot.press("escape")
        app.action_problems()
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        shown = "\n".join(str(option.prompt) for option in app.screen.query_one("#problems").options)
        for name in BROKEN:
            assert name in shown
        assert app.is_running


def test_no_control_sequence_from_an_article_reaches_the_terminal(hostile: Path, tmp_path: Path) -> None:
    """Run the real app in a pseudo-terminal and read every byte it writes."""
    env = terminal_env(tmp_path, KRATOM_TUI_ARTICLES=str(hostile))
    (tmp_path / "state" / "kratom-tui" / "state.json").write_text(json.dumps({"article": "escapes"}))
    run = TerminalRun([], env)
    try:
        run.read_for(4)
        for keys in (b"]", b"[", b"/", b"PWNED", b"\r", b"\x1b", b"G", b"o", b"\x1b", b"!", b"\x1b"):
            run.send(keys, settle=0.6)
        run.send(b"q", settle=2)
    finally:
        run.close()
    output = bytes(run.output)
    assert b"before" in output, "the hostile article was not shown"
    for name, payload in PAYLOADS.items():
        assert payload.encode() not in output, name
    assert b"PWNED-TITLE\x07" not in output
    for payload in TITLE_PAYLOADS:  # from file names, YAML keys and severities
        assert f"{payload}\x07".encode() not in output, payload
    assert b"\x1b]52;" not in output
    assert b"\x1b]8;;file:" not in output
    assert "\u009b".encode() not in output and "\u009d".encode() not in output


def test_search_over_the_hostile_library(hostile: Path, capsys) -> None:
    for query in ("before after", "PWNED", "名前", "[bold]", '"unclosed', "word*"):
        assert main(["--articles", str(hostile), "search", query, "--json"]) in (0, 1), query
        out = capsys.readouterr().out
        assert "\x1b" not in out and "Traceback" not in out
    assert main(["--articles", str(hostile), "search", "before"]) == 0
    assert "escapes" in capsys.readouterr().out
