"""Back and forward over jumps, marks kept between runs, the risks panel over the whole pane, reading mode."""

from __future__ import annotations

from pathlib import Path

import pytest

from kratom_tui.document.position import TextPosition
from kratom_tui.library import load_library
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp
from kratom_tui.ui.history import History, Place
from kratom_tui.ui.screens.contents import ContentsScreen
from tests.helpers import write_library

LONG = "---\ntitle: Long one\nconditions: [Zeta]\n---\n" + "".join(
    f"## Part {n}\n\nParagraph number {n} of the long article.\n\n" for n in range(1, 60)
)


@pytest.fixture
def root(small_library: Path) -> Path:
    return write_library(small_library, {"long.md": LONG})


def make_app(root: Path, state: Path) -> ReaderApp:
    return ReaderApp(load_library(root), StateStore(state))


def test_history_is_a_browser_s() -> None:
    history = History()
    a, b, c = (Place(name, TextPosition()) for name in "abc")
    history.leave(a)
    history.leave(b)
    assert history.back(c) == b
    assert history.back(b) == a
    assert history.back(a) is None
    assert history.forward(a) == b
    history.leave(b)
    assert history.forward(b) is None, "a new jump forgets the way forward"


async def test_back_and_forward_across_articles_headings_and_links(root: Path, tmp_path: Path) -> None:
    app = make_app(root, tmp_path / "state.json")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_article("long")
        await pilot.pause()
        await pilot.press("j", "j", "j")
        long_place = app.pane.position
        # A heading jump through the contents.
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ContentsScreen)
        await pilot.press("end", "enter")
        await pilot.pause()
        deep = app.pane.view.scroll_y
        assert deep > 20
        # Another article, then a link in it to a heading of a third.
        app.open_article("other")
        await pilot.pause()
        app.pane.view.action_open_link(0)
        await pilot.pause()
        assert app.current.id == "good"
        for expected in ("other", "long", "long"):
            await pilot.press("H")
            await pilot.pause()
            assert app.current.id == expected
        assert app.pane.position == long_place, "back to the place before the heading jump"
        await pilot.press("L")
        await pilot.pause()
        assert (app.current.id, app.pane.view.scroll_y) == ("long", deep)
        await pilot.press("alt+right")
        await pilot.pause()
        assert app.current.id == "other"
        await pilot.press("alt+left")
        await pilot.pause()
        assert app.current.id == "long"


async def test_marks_survive_a_relaunch(root: Path, tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    app = make_app(root, state)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_article("long")
        await pilot.pause()
        await pilot.press(*"jjjjjjjjjj")
        await pilot.press("m", "a")
        await pilot.pause()
        marked = app.pane.position
        app.open_article("good")
        await pilot.pause()
        await pilot.press("q")
    again = make_app(root, state)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert again.current.id == "good"
        await pilot.press("apostrophe", "a")
        await pilot.pause()
        assert again.current.id == "long" and again.pane.position == marked
        await pilot.press("apostrophe", "z")
        await pilot.pause()
        assert again.current.id == "long", "an unknown mark goes nowhere"
        await pilot.press("H")
        await pilot.pause()
        assert again.current.id == "good", "a jump to a mark can be undone with back"


async def test_r_gives_the_risks_panel_the_whole_pane(root: Path, tmp_path: Path) -> None:
    app = make_app(root, tmp_path / "state.json")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        assert app.pane.risks.collapsed
        small = app.pane.risks.size.height
        await pilot.press("R")
        await pilot.pause()
        assert not app.pane.risks.collapsed and not app.pane.view.display
        assert app.pane.risks.size.height > 15 > small
        assert app.focused is app.pane.risks
        await pilot.press("R")
        await pilot.pause()
        assert app.pane.view.display and app.focused is app.pane.view


async def test_z_hides_the_sidebar_and_centres_the_text(root: Path, tmp_path: Path) -> None:
    app = make_app(root, tmp_path / "state.json")
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("z")
        await pilot.pause()
        assert not app.sidebar.display or app.sidebar.size.width == 0
        view = app.pane.view
        assert view.size.width <= 84 and view.region.x > 30
        await pilot.press("z")
        await pilot.pause()
        assert app.sidebar.size.width > 0
