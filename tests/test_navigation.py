"""Back and forward over jumps, marks kept between runs, the risks panel over the whole pane, reading mode."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path
from unittest.mock import patch

import pytest

from kratom_tui.document.position import TextPosition
from kratom_tui.library import load_library
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp
from kratom_tui.ui.history import History, Place
from kratom_tui.ui.screens.contents import ContentsScreen
from tests.helpers import capture_notifications, write_library

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


def pane_text(app: ReaderApp) -> str:
    return "\n".join(app.pane.view.render_line(y).text for y in range(app.pane.view.size.height))


async def test_f_labels_the_links_on_screen_and_a_label_follows_one(root: Path, tmp_path: Path) -> None:
    app = make_app(root, tmp_path / "state.json")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_article("other")
        await pilot.pause()
        assert "See the good one and outside and web." in pane_text(app)
        await pilot.press("f")
        await pilot.pause()
        assert "See the aood one and sutside and deb." in pane_text(app), "labels a, s, d over the three links"
        await pilot.press("escape")
        await pilot.pause()
        assert "See the good one and outside and web." in pane_text(app), "escape takes the labels away"
        assert app.current.id == "other"
        await pilot.press("f", "a")
        await pilot.pause()
        assert app.current.id == "good", "label a is the first link, to good.md#second-heading"
        assert "Second heading" in pane_text(app)


async def test_F_lists_every_link_with_where_it_leads(root: Path, tmp_path: Path) -> None:
    app = make_app(root, tmp_path / "state.json")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.open_article("other")
        await pilot.pause()
        await pilot.press("F")
        await pilot.pause()
        options = app.screen.query_one("#link-list")
        prompts = [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]
        assert len(prompts) == 3
        assert "another article: Good article, at #second-heading" in prompts[0]
        assert "refused: The link points outside the library folder." in prompts[1]
        assert "a web address" in prompts[2] and "https://example.org/x" in prompts[2]
        await pilot.press("enter")
        await pilot.pause()
        assert app.current.id == "good"


async def test_a_changed_file_reloads_in_place(root: Path, tmp_path: Path) -> None:
    app = make_app(root, tmp_path / "state.json")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_article("long")
        await pilot.pause()
        await pilot.press(*"jjjjjjjjjj")
        await pilot.pause()
        before = app.pane.position
        path = root / "long.md"
        path.write_text(path.read_text().replace("Paragraph number 3 of", "Paragraph number 3, now edited, of"))
        os.utime(path, (time.time() + 5, time.time() + 5))
        for _ in range(40):
            await pilot.pause(0.1)
            if app.pane.view.layout_ and any("now edited" in line for line in app.pane.view.layout_.plain):
                break
        assert any("now edited" in line for line in app.pane.view.layout_.plain), "the edit shows without a key"
        assert app.pane.position.block == before.block, "at the same place"


async def test_e_opens_the_file_in_the_editor_and_shows_the_result(root: Path, tmp_path: Path, monkeypatch) -> None:
    editor = tmp_path / "fake-editor"
    editor.write_text("#!/bin/sh\nprintf '\\nAdded by the editor.\\n' >> \"$1\"\n")
    editor.chmod(0o755)
    monkeypatch.setenv("VISUAL", str(editor))
    app = make_app(root, tmp_path / "state.json")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_article("good")
        await pilot.pause()
        with patch.object(type(app), "suspend", lambda self: contextlib.nullcontext()):
            await pilot.press("e")
            await pilot.pause()
        app.pane.view.layout_.finish()
        assert any("Added by the editor." in line for line in app.pane.view.layout_.plain)
        assert "Added by the editor." in (root / "good.md").read_text()


async def test_e_refuses_a_file_that_cannot_be_written(root: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    app = make_app(root, tmp_path / "state.json")
    toasts = capture_notifications(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert any("cannot be written" in toast for toast in toasts)


async def test_progress_shows_in_the_header_and_the_sidebar_marks_what_was_read(root: Path, tmp_path: Path) -> None:
    write_library(root, {"begun.md": LONG.replace("Long one", "Begun one")})
    state = tmp_path / "state.json"
    app = make_app(root, state)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_article("long")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert "% · " in app.sub_title and "min left" in app.sub_title
        start = int(app.sub_title.split(" · ")[1].rstrip("%"))
        await pilot.press("G")
        await pilot.pause()
        assert app.sub_title.endswith("100% · 0 min left")
        assert start < 100
        app.open_article("begun")
        await pilot.pause()
        await pilot.press("j")
        app.open_article("good")
        await pilot.pause()
        await pilot.press("q")
    again = make_app(root, state)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        labels = {
            leaf.data.article_id: leaf.label.plain
            for branch in again.sidebar.library_tree.root.children
            for leaf in branch.children
        }
        assert labels["long"].startswith("✓ "), "read to the end"
        assert labels["begun"].startswith("◐ "), "begun, not finished"
        assert labels["good"].startswith("▶ "), "open"
        assert labels["other"].startswith("  "), "never opened"
