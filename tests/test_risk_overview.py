"""The risk overview: a grid whose names stay in view, a list for large libraries, a clean unfold."""

from __future__ import annotations

from pathlib import Path

from kratom_tui.library import load_library
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp
from kratom_tui.ui.screens.risk_overview import RiskGridScreen, RiskListScreen
from kratom_tui.ui.widgets.virtual_list import VirtualList
from tests.helpers import SHIPPED, painted_lines, write_library

LONG_RISK = "Contaminated or adulterated products"


def shipped_app() -> ReaderApp:
    return ReaderApp(load_library(SHIPPED), StateStore())


def row_of(lines: list[str], words: str) -> str:
    return next(line for line in lines if words in line)


async def test_names_are_whole_when_there_is_room_and_cut_with_an_ellipsis_when_not() -> None:
    app = shipped_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, RiskGridScreen)
        assert LONG_RISK in "\n".join(painted_lines(app))
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        lines = painted_lines(app)
        cut = row_of(lines, "Contaminated or adult")
        assert LONG_RISK not in cut and "…" in cut


async def test_the_name_column_stays_in_view_when_moving_right() -> None:
    app = shipped_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        first_risk = app.screen.rows[0].name
        last_article = len(app.screen.articles)
        await pilot.press(*["right"] * (last_article + 1))
        await pilot.pause()
        lines = painted_lines(app)
        first_row = lines.index(row_of(lines, first_risk))
        header = lines[first_row - 1]  # the table's header, just above its first row
        assert "Risk" in header and str(last_article) in header.split("Risk", 1)[1]


def large_library(root: Path, count: int) -> Path:
    files = {}
    for number in range(count):
        risks = "  - name: Liver damage\n    severity: high\n"
        if number % 3 == 0:
            risks += "  - name: Nausea\n    severity: low\n"
        files[f"a{number:03}.md"] = f"---\ntitle: Article {number:03}\nrisks:\n{risks}---\nBody {number}.\n"
    return write_library(root, files)


async def test_a_large_library_lists_the_articles_of_the_risk_under_the_cursor(tmp_path: Path) -> None:
    app = ReaderApp(load_library(large_library(tmp_path / "lib", 40)), StateStore())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, RiskListScreen)
        articles = app.screen.query_one("#overview-articles", VirtualList)
        assert len(articles.items) == 40 and articles.border_title == "40 articles naming Liver damage"
        await pilot.press("down")
        await pilot.pause()
        assert len(articles.items) == 14 and "Nausea" in str(articles.border_title)
        await pilot.press("right", "down", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, RiskListScreen)
        assert app.current.id == "a003"
        assert app.focused is app.pane.risks
        panel = app.pane.risks
        top = int(panel.scroll_y)
        assert any("Nausea" in line for line in panel.layout_.plain[top : top + panel.size.height])


async def test_opening_a_folded_panel_from_the_overview_lays_it_out_at_its_width() -> None:
    """Bug 9 of the walkthrough: the unfolded panel's text was wider than the panel."""
    app = shipped_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        target = app.library.articles[2]
        app.open_article(target.id)
        await pilot.pause()
        await pilot.press("r", "[")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        row = next(n for n, risk in enumerate(app.screen.rows) if target in [a for a, _ in risk.named_by])
        await pilot.press(*["down"] * row, *["right"] * 4, "enter")
        await pilot.pause()
        await pilot.pause()
        panel = app.pane.risks
        assert app.current.id == target.id and not panel.collapsed
        assert panel.max_scroll_x == 0
        assert panel.virtual_size.width <= panel.scrollable_content_region.width
