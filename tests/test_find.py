"""Find in the article (`/`): highlights, counter, next/previous with wrap, the risks panel, escape."""

from __future__ import annotations

from pathlib import Path

import pytest

from kratom_tui.document.find import LineSearch, compile_query
from kratom_tui.library import load_library
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp
from kratom_tui.ui.widgets.find_bar import FindBar
from tests.helpers import write_library

ARTICLE = """---
title: Findable article
conditions: [Pain]
risks:
  - name: Liver damage
    detail: The panel mentions the Needle here.
    severity: high
disclaimers:
  - Not medical advice.
---
First needle paragraph.

""" + "".join(f"## Part {n}\n\nFiller text number {n}.\n\n" for n in range(40)) + """
Last needle paragraph, with NEEDLE in capitals.
"""


def test_smart_case_and_growing_lines() -> None:
    lines = ["a Needle", "needle needle"]
    search = LineSearch(compile_query("needle"), lines)
    assert search.scan() == 3
    lines.append("one more needle")
    assert search.scan() == 1
    assert search.spans == [(0, 2, 8), (1, 0, 6), (1, 7, 13), (2, 9, 15)]
    capital = LineSearch(compile_query("Needle"), ["a Needle", "needle"])
    capital.scan()
    assert capital.spans == [(0, 2, 8)]
    assert compile_query("") is None
    assert LineSearch(compile_query("a.b"), ["axb a.b"]).scan() == 1
    wrapped = LineSearch(compile_query("red vein"), ["it says red", "vein strains", "", "red", "", "vein"])
    assert wrapped.scan() == 1, "a phrase wrapped onto the next line is found once; not across paragraphs"
    assert wrapped.spans == [(0, 8, 11)] and wrapped.by_line == {0: [(8, 11)], 1: [(0, 4)]}


@pytest.fixture
def app(tmp_path: Path) -> ReaderApp:
    root = write_library(tmp_path / "lib", {"find.md": ARTICLE, "other.md": "# Other\n\nneedle too\n"})
    return ReaderApp(load_library(root), StateStore())


def counter(app: ReaderApp) -> str:
    return str(app.query_one("#find-count").render())


async def test_typing_highlights_and_counts(app: ReaderApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_article("find")
        await pilot.press("slash")
        assert app.query_one(FindBar).display
        await pilot.press(*"needle")
        await pilot.pause()
        assert counter(app) == "1/4"
        assert len(app.pane.view.matches) == 3
        assert len(app.pane.risks.matches) == 1
        line, start, end = app.pane.view.current_match
        assert app.pane.view.layout_.plain[line][start:end].lower() == "needle"
        styles = [segment.style for segment in app.pane.view.render_line(line - int(app.pane.view.scroll_y))
                  if segment.text.lower() == "needle"]
        assert styles and styles[0].bgcolor is not None
        await pilot.press("escape", "slash", *"NEEDLE")
        await pilot.pause()
        assert counter(app) == "1/1", "a capital letter makes the search case-sensitive"


async def test_next_previous_wrap_and_the_risks_panel(app: ReaderApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_article("find")
        await pilot.pause()
        await pilot.press("r")
        assert app.pane.risks.collapsed
        await pilot.press("slash", *"needle")
        await pilot.pause()
        await pilot.press("enter")
        assert counter(app) == "2/4"
        await pilot.press("enter")
        assert counter(app) == "3/4"
        assert app.pane.view.scroll_y > 0, "the pane scrolls to the match"
        await pilot.press("enter")
        assert counter(app) == "4/4"
        assert not app.pane.risks.collapsed, "a match in the panel opens it"
        assert app.pane.risks.current_match is not None and app.pane.view.current_match is None
        await pilot.press("enter")
        assert counter(app) == "1/4", "next wraps"
        await pilot.press("shift+enter")
        assert counter(app) == "4/4", "previous wraps"
        await pilot.press("up")
        assert counter(app) == "3/4"


async def test_escape_closes_and_n_keeps_working(app: ReaderApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_article("find")
        await pilot.press("slash", *"needle", "escape")
        await pilot.pause()
        assert not app.query_one(FindBar).display
        assert app.focused is app.pane.view
        await pilot.press("n")
        assert counter(app) == "2/4"
        await pilot.press("N", "N")
        assert counter(app) == "4/4"
        assert app.pane.view.finding, "highlights stay after escape"
        await pilot.press("right_square_bracket")
        assert not app.pane.view.finding, "another article ends the search"
        await pilot.press("n")
        assert app.current.id == "other"


async def test_no_match_changes_nothing(app: ReaderApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_article("find")
        await pilot.pause()
        await pilot.press("j", "j")
        before = (app.pane.view.scroll_y, app.pane.risks.scroll_y, app.pane.risks.collapsed)
        await pilot.press("slash", *"zzzq", "enter", "enter")
        await pilot.pause()
        assert counter(app) == "No match"
        assert (app.pane.view.scroll_y, app.pane.risks.scroll_y, app.pane.risks.collapsed) == before


async def test_matches_count_in_the_header(app: ReaderApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_article("find")
        await pilot.press("slash", *"Findable")
        await pilot.pause()
        assert counter(app) == "1/1"
        assert app.pane.view.current_match[0] == 0
