"""Library search in the reader (`s`): results as you type, enter opens with the find bar primed."""

from __future__ import annotations

import time

from textual.widgets import Input, OptionList, ProgressBar

import kratom_tui.ui.widgets.sidebar as sidebar_module
from kratom_tui.library import load_library
from kratom_tui.search import index as index_module
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp
from kratom_tui.ui.screens.search import DEBOUNCE_SECONDS, SearchScreen
from kratom_tui.ui.search_service import SearchService
from tests.helpers import SHIPPED, wait_for_background


async def wait_for_results(pilot, app: ReaderApp) -> OptionList:
    await wait_for_background(pilot, app)
    await pilot.pause(DEBOUNCE_SECONDS + 0.2)  # the status of the previous query is still up until then
    for _ in range(50):
        await pilot.pause(0.1)
        results = app.screen.query_one(OptionList)
        status = str(app.screen.query_one("#search-status").render())
        if results.option_count or status.startswith("No article"):
            return results
    return app.screen.query_one(OptionList)


async def test_typing_lists_results_and_enter_opens_with_find_primed() -> None:
    app = ReaderApp(load_library(SHIPPED), StateStore())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"legs")
        results = await wait_for_results(pilot, app)
        assert results.option_count >= 1
        first = str(results.get_option_at_index(0).prompt)
        assert "restless legs" in first.lower()
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert not isinstance(app.screen, SearchScreen)
        assert app.current.id == "restless-legs"
        assert app.pane.find_bar.display and app.pane.find_bar.input.value.lower().startswith("leg")
        line, _start, _end = app.pane.view.current_match
        top = int(app.pane.view.scroll_y)
        assert top <= line < top + app.pane.view.size.height, "the first match is in view"


async def test_condition_filter_and_hostile_queries() -> None:
    app = ReaderApp(load_library(SHIPPED), StateStore())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("s", *"condition:adhd pain")
        results = await wait_for_results(pilot, app)
        titles = [str(results.get_option_at_index(n).prompt) for n in range(results.option_count)]
        assert titles and all("ADHD" in title for title in titles)
        for nasty in ('"', "AND", "c++", "risk:", "NEAR(", "-", "*"):
            app.screen.query_one(Input).value = nasty
            await pilot.pause(0.3)
            assert app.is_running and isinstance(app.screen, SearchScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, SearchScreen)


async def test_down_moves_into_results_and_no_match_says_so() -> None:
    app = ReaderApp(load_library(SHIPPED), StateStore())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("s", *"zzzqqq")
        await wait_for_results(pilot, app)
        assert str(app.screen.query_one("#search-status").render()).startswith("No article matches")
        app.screen.query_one(Input).value = "withdrawal"
        results = await wait_for_results(pilot, app)
        assert results.option_count >= 2
        searches: list[str] = []
        real_search = app.pane.finder.search
        app.pane.finder.search = lambda query: searches.append(query) or real_search(query)
        await pilot.press("down", "down", "enter")
        await pilot.pause(0.3)
        assert not isinstance(app.screen, SearchScreen)
        assert app.pane.finder.active
        assert len(searches) == 1, "opening a hit finds its text once"


async def test_a_large_index_build_shows_its_progress_under_the_sidebar(monkeypatch) -> None:
    monkeypatch.setattr(sidebar_module, "PROGRESS_FROM", 3)
    rows = index_module._rows
    monkeypatch.setattr(index_module, "_rows", lambda article, body: time.sleep(0.15) or rows(article, body))
    app = ReaderApp(load_library(SHIPPED), StateStore())
    async with app.run_test(size=(120, 40)) as pilot:
        bar = app.query_one("#index-progress", ProgressBar)
        seen: list[tuple[float | None, float]] = []
        for _ in range(100):
            await pilot.pause(0.05)
            if bar.display:
                seen.append((bar.total, bar.progress))
            if app.search_service.ready.is_set():
                break
        await wait_for_background(pilot, app)
        assert seen, "the bar was shown while indexing"
        assert all(total == 5 and 0 <= progress < 5 for total, progress in seen)
        assert not bar.display
        assert app.search_service.index is not None


def test_a_hit_primes_the_find_bar_with_what_the_search_matched() -> None:
    service = SearchService()
    text = "Some tiredness (fatigue) is named. Later it says red vein strains help. A red flag."
    assert service.find_text("red vein", text) == "red vein", "the words together, not 'red' in 'tiredness'"
    assert service.find_text('"vein strains"', text) == "vein strains"
    assert service.find_text("flag red", text) == "flag", "apart, the first term found at a word's start"
    assert service.find_text("sleeping", "better sleep quality") == "sleep", "a stem, at the start of a word"
    assert service.find_text("ired", "tiredness only") == "ired", "nothing at a word start: as typed"


async def test_opening_red_vein_lands_on_the_phrase() -> None:
    app = ReaderApp(load_library(SHIPPED), StateStore())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_background(pilot, app)
        await pilot.press("s", *"red vein")
        results = await wait_for_results(pilot, app)
        assert results.option_count >= 1
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.pane.find_bar.input.value == "red vein"
        view = app.pane.view
        line, start, end = view.current_match
        assert view.layout_.plain[line][start:end].lower() == "red vein"
        assert view.top_line <= line < view.top_line + view.size.height, "the match is in view"
