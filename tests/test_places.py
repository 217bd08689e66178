"""The reader's place in each article: kept when leaving and coming back, across launches, widths
and resizes (the words at the top of the pane, not a screen line), and folds kept until unfolded."""

from __future__ import annotations

from pathlib import Path

import pytest

from kratom_tui.library import load_library
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp
from kratom_tui.ui.widgets.article_view import ArticleView
from tests.helpers import settle, write_library

WORDY = "---\ntitle: Wordy\nconditions: [Zeta]\n---\n" + "".join(
    f"## Part {n}\n\n" + " ".join(f"p{n}w{i}" for i in range(70)) + "\n\n" for n in range(1, 60)
)


@pytest.fixture
def root(tmp_path: Path, small_library: Path) -> Path:
    return write_library(small_library, {"wordy.md": WORDY})


def make_app(root: Path, state: Path) -> ReaderApp:
    return ReaderApp(load_library(root), StateStore(state))


def top_text(view: ArticleView) -> str:
    """The first non-blank line in the pane."""
    lines = (view.render_line(y).text.strip() for y in range(view.size.height))
    return next(line for line in lines if line)


async def scroll_to_heading(pilot, app: ReaderApp, heading: str) -> None:
    view = app.pane.view
    line = next(line for line, placed in view.headings if placed.text == heading)
    view.scroll_to_line(line)
    await pilot.pause()


async def test_coming_back_to_an_article_finds_the_same_place(root: Path, tmp_path: Path) -> None:
    app = make_app(root, tmp_path / "state.json")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_article("wordy")
        await pilot.pause()
        await settle(pilot, app)
        await pilot.press(*"jjjjjjjjjjjjjjjjjjjj")
        await pilot.pause()
        before = (app.pane.view.scroll_y, top_text(app.pane.view))
        assert before[0] == 20
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.current.id != "wordy"
        await pilot.press("left_square_bracket")
        await settle(pilot, app)
        assert app.current.id == "wordy"
        assert (app.pane.view.scroll_y, top_text(app.pane.view)) == before


@pytest.mark.parametrize("size", [(60, 24), (100, 30), (160, 45)])
async def test_a_later_launch_at_another_width_opens_the_same_words(root: Path, tmp_path: Path, size) -> None:
    state = tmp_path / "state.json"
    app = make_app(root, state)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_article("good")
        await pilot.pause()
        app.open_article("wordy")
        await pilot.pause()
        await scroll_to_heading(pilot, app, "Part 30")
        assert top_text(app.pane.view) == "Part 30"
        app.open_article("good")
        await pilot.pause()
        await pilot.press("q")
    again = make_app(root, state)
    async with again.run_test(size=size) as pilot:
        await pilot.pause()
        assert again.current.id == "good"
        again.open_article("wordy")
        await settle(pilot, again)
        assert top_text(again.pane.view) == "Part 30", "not the article that was open at quit, and another width"


async def test_a_place_inside_a_paragraph_survives_a_width_change(root: Path, tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    app = make_app(root, state)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_article("wordy")
        await pilot.pause()
        await scroll_to_heading(pilot, app, "Part 12")
        await pilot.press("j", "j", "j")
        await pilot.pause()
        word = top_text(app.pane.view).split()[0]
        assert word.startswith("p12w") and word != "p12w0", "the top is inside the paragraph"
        await pilot.press("q")
    again = make_app(root, state)
    async with again.run_test(size=(160, 45)) as pilot:
        await settle(pilot, again)
        assert word in top_text(again.pane.view).split()


@pytest.mark.parametrize("down", [1, 6, 12, 30])
async def test_a_resize_keeps_the_place_even_near_the_top(root: Path, tmp_path: Path, down: int) -> None:
    app = make_app(root, tmp_path / "state.json")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_article("wordy")
        await pilot.pause()
        await pilot.press(*("j" * down))
        await pilot.pause()
        before = top_text(app.pane.view)
        position = app.pane.position
        await pilot.resize_terminal(100, 30)
        await settle(pilot, app)
        assert app.pane.view.scroll_y > 0
        assert app.pane.position.block == position.block
        assert before.split()[0] in top_text(app.pane.view)
        await pilot.press("b")
        await settle(pilot, app)
        assert app.pane.position.block == position.block, "hiding the sidebar keeps the place too"


async def test_a_fold_is_kept_over_launches_until_unfolded(root: Path, tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    for keys, folded in ((["r"], True), ([], True), ([], True), (["r"], False), ([], False)):
        app = make_app(root, state)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press(*keys, "q")
        assert StateStore(state).is_folded(app.current.id) is folded
