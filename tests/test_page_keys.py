"""Page keys move exactly one page per press, however fast they come (as in `less`)."""

from __future__ import annotations

from pathlib import Path

from textual import events

from kratom_tui.library import load_library
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp
from tests.helpers import write_library

PARAGRAPH = "Paragraph {n} has enough plain words to fill a line or two of the reading pane at any width.\n\n"
LONG = "---\ntitle: Long one\nconditions: [Sleep]\n---\n" + "".join(PARAGRAPH.format(n=n) for n in range(2000))
RISKS = "".join(f"  - name: Risk number {n}\n    detail: What the source says about risk {n}.\n" for n in range(150))
MANY_RISKS = f"---\ntitle: Many risks\nconditions: [Sleep]\nrisks:\n{RISKS}---\nShort body.\n"


def burst(app: ReaderApp, key: str, times: int) -> None:
    """Queue `times` presses at once, without waiting for any to be handled (a held or mashed key)."""
    for _ in range(times):
        app.post_message(events.Key(key, None))


async def test_fifty_pagedowns_in_a_burst_move_fifty_pages(tmp_path: Path) -> None:
    library = load_library(write_library(tmp_path / "lib", {"long.md": LONG}))
    app = ReaderApp(library, StateStore(tmp_path / "state.json"))
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.pane.view
        view.focus()
        await pilot.pause()
        page = view.scrollable_content_region.height
        assert page > 5
        burst(app, "pagedown", 50)
        await pilot.pause()
        await app.animator.wait_until_complete()
        await pilot.pause()
        assert view.top_line == 50 * page
        burst(app, "pageup", 20)
        await pilot.pause()
        await app.animator.wait_until_complete()
        assert view.top_line == 30 * page
        await pilot.press(*["space"] * 5)
        assert view.top_line == 35 * page


async def test_page_keys_in_the_risks_panel_move_one_panel_page(tmp_path: Path) -> None:
    library = load_library(write_library(tmp_path / "lib", {"risks.md": MANY_RISKS}))
    app = ReaderApp(library, StateStore(tmp_path / "state.json"))
    async with app.run_test(size=(100, 40)) as pilot:
        panel = app.pane.risks
        panel.focus()
        await pilot.pause()
        page = panel.scrollable_content_region.height
        assert page > 2 and panel.max_scroll_y > 20 * page
        burst(app, "pagedown", 20)
        await pilot.pause()
        await app.animator.wait_until_complete()
        assert panel.top_line == 20 * page
        assert app.pane.view.top_line == 0
