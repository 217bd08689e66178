"""A long article opens, jumps and finds at once: the end, a heading or a match deep in it shows
without laying out what comes before, and find's counter grows to the full count in the background."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from kratom_tui.library import load_library
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp
from kratom_tui.ui.screens.contents import ContentsScreen
from tests.helpers import settle, write_library

PARAGRAPHS = 12_000
HEADING_EVERY = 400


def long_article(paragraphs: int = PARAGRAPHS) -> str:
    """About 1 MB: numbered paragraphs, each naming the needle once, a heading every few hundred."""
    parts = ["---\ntitle: Very long\nconditions: [Zeta]\n---\n"]
    for n in range(paragraphs):
        if n % HEADING_EVERY == 0:
            parts.append(f"## Stretch {n // HEADING_EVERY}\n\n")
        parts.append(f"Paragraph {n} names the needle once, in *plain* words that wrap at any width at all.\n\n")
    return "".join(parts)


@pytest.fixture
def app(tmp_path: Path) -> ReaderApp:
    root = write_library(tmp_path / "lib", {"long.md": long_article()})
    return ReaderApp(load_library(root), StateStore(tmp_path / "state.json"))


def screen(app: ReaderApp) -> str:
    view = app.pane.view
    return "\n".join(view.render_line(y).text for y in range(view.size.height))


def counter(app: ReaderApp) -> str:
    return str(app.query_one("#find-count").render())


async def wait_until(pilot, condition, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        await pilot.pause(0.05)
    assert condition()


def numbers(text: str) -> list[int]:
    return [int(number) for number in re.findall(r"Paragraph (\d+) names", text)]


def laid_out(app: ReaderApp) -> int:
    return sum(piece.lines is not None for piece in app.pane.view.layout_.pieces)


async def test_G_right_after_opening_shows_the_end(app: ReaderApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        app.pane.view.focus()
        await pilot.press("G")
        await pilot.pause()
        assert f"Paragraph {PARAGRAPHS - 1} names" in screen(app)
        assert laid_out(app) < 10 < len(app.pane.view.layout_.pieces), "only the end was laid out"
        # Moving up from the end shows the paragraphs just before it, in order, a page at a time.
        end = numbers(screen(app))
        for _ in range(3):
            await pilot.press("pageup")
            await pilot.pause()
            above = numbers(screen(app))
            assert above == list(range(above[0], above[-1] + 1)) and above[-1] in (end[0] - 1, end[0]), (above, end)
            end = above
        await pilot.press("G")
        # Once the blocks before it are counted, the place at the end is the one kept.
        await wait_until(pilot, lambda: app.pane.position.block > PARAGRAPHS)
        last = app.pane.position
        await pilot.press("g")
        await pilot.pause()
        assert "Very long" in screen(app)
        app.pane.view.go_to(last)
        await settle(pilot, app)
        assert f"Paragraph {PARAGRAPHS - 1} names" in screen(app)


async def test_find_shows_the_first_match_then_counts_the_rest(app: ReaderApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        bar = app.pane.find_bar
        shown: list[str] = []
        set_count = bar.set_count
        bar.set_count = lambda text, found: shown.append(text) or set_count(text, found)  # what the bar says, in turn
        await pilot.press("slash", *"needle")
        assert any(text.startswith("1/") and text.endswith("+") for text in shown), shown
        line, start, end = app.pane.view.current_match
        assert app.pane.view.layout_.plain[line][start:end] == "needle"
        assert 0 <= line - app.pane.view.top_line < app.pane.view.size.height
        await wait_until(pilot, lambda: not counter(app).endswith("+"))
        assert counter(app) == f"1/{PARAGRAPHS:,}"
        assert laid_out(app) < 10, "counting laid nothing out"
        await pilot.press("shift+enter")
        assert counter(app) == f"{PARAGRAPHS:,}/{PARAGRAPHS:,}", "previous wraps to the last match"
        assert f"Paragraph {PARAGRAPHS - 1} names" in screen(app)


async def test_a_match_deep_in_the_article_is_reached_at_once(app: ReaderApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("slash", *f"Paragraph {PARAGRAPHS - 5} ")
        await pilot.pause()
        assert f"Paragraph {PARAGRAPHS - 5} names" in screen(app)
        await wait_until(pilot, lambda: not counter(app).endswith("+"))
        assert counter(app) == "1/1"


async def test_a_heading_deep_in_the_article_from_the_contents(app: ReaderApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, ContentsScreen)
        await pilot.press("end", "enter")
        await settle(pilot, app)
        assert app.pane.view.render_line(0).text.strip() == f"Stretch {PARAGRAPHS // HEADING_EVERY - 1}"
        assert laid_out(app) < 10
        await pilot.press("H")
        await settle(pilot, app)
        assert "Very long" in screen(app), "back to the place before the jump"
