"""The reader driven with the Pilot: keys in, what is shown checked."""

from __future__ import annotations

from pathlib import Path
from unittest.mock import patch

import pytest

from kratom_tui.library import load_library
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp
from kratom_tui.ui.screens.contents import ContentsScreen
from kratom_tui.ui.screens.help import HelpScreen
from kratom_tui.ui.widgets.article_view import ArticleView
from kratom_tui.ui.widgets.library_tree import LibraryTree
from kratom_tui.ui.widgets.risks_panel import RisksPanel
from tests.helpers import capture_notifications, settle, write_library

LONG = "---\ntitle: Long one\nconditions: [Zeta]\n---\n" + "".join(
    f"## Part {n}\n\nParagraph number {n} of the long article.\n\n" for n in range(1, 80)
)


def make_app(root: Path) -> ReaderApp:
    return ReaderApp(load_library(root), StateStore())


def screen_lines(view: ArticleView) -> list[str]:
    return [view.render_line(y).text.rstrip() for y in range(view.size.height)]


@pytest.fixture
def library_root(tmp_path: Path, small_library: Path) -> Path:
    (small_library / "long.md").write_text(LONG)
    return small_library


async def test_first_launch_opens_first_article_with_focus_on_sidebar(library_root: Path) -> None:
    app = make_app(library_root)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.current.id == "good"
        assert isinstance(app.focused, LibraryTree)
        assert app.sub_title == "Good article"
        shown = screen_lines(app.pane.view)
        assert shown[0].strip() == "Good article"
        assert any("Chronic pain, Sleep · 1 min read · reading grade" in line for line in shown)
        assert any("Source dated 2 Jan 2024" in line for line in shown)
        assert not any("title:" in line for line in shown)
        assert "Risks and disclaimers (2 risks, 1 disclaimer)" in app.pane.risks.border_title
        assert not app.pane.risks.collapsed


async def test_sidebar_lists_conditions_with_counts_and_marks_open_article(library_root: Path) -> None:
    app = make_app(library_root)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        tree = app.query_one(LibraryTree)
        labels = [str(node.label) for node in tree.root.children]
        assert labels == ["Chronic pain (1)", "Sleep (2)", "Zeta (1)"]
        sleep_titles = [str(node.label) for node in tree.root.children[1].children]
        assert sleep_titles == ["▶ Good article", "  Other article"]


async def test_enter_and_right_open_articles_from_the_tree(library_root: Path) -> None:
    app = make_app(library_root)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        tree = app.query_one(LibraryTree)
        await pilot.press("down", "down", "down")
        assert tree.cursor_node.data.article_id == "other"
        await pilot.press("enter")
        assert app.current.id == "other"
        assert isinstance(app.focused, ArticleView)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, LibraryTree)
        await pilot.press("j", "j", "right")
        assert app.current.id == "long"


async def test_enter_on_condition_collapses_and_expands(library_root: Path) -> None:
    app = make_app(library_root)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        tree = app.query_one(LibraryTree)
        await pilot.press("g")
        node = tree.cursor_node
        assert node.data.article_id is None and node.is_expanded
        await pilot.press("enter")
        assert not node.is_expanded
        await pilot.press("enter")
        assert node.is_expanded
        await pilot.press("left")
        assert not node.is_expanded
        await pilot.press("right")
        assert node.is_expanded


async def test_previous_and_next_article_wrap(library_root: Path) -> None:
    app = make_app(library_root)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket")
        assert app.current.id == "other"
        await pilot.press("right_square_bracket")
        assert app.current.id == "long"
        await pilot.press("right_square_bracket")
        assert app.current.id == "good"
        await pilot.press("left_square_bracket")
        assert app.current.id == "long"
        assert app.query_one(LibraryTree).open_id == "long"


async def test_tab_cycles_sidebar_pane_and_risks(library_root: Path) -> None:
    app = make_app(library_root)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        seen = []
        for _ in range(3):
            seen.append(type(app.focused).__name__)
            await pilot.press("tab")
        assert seen == ["LibraryTree", "ArticleView", "RisksPanel"]
        assert isinstance(app.focused, LibraryTree)


async def test_scroll_keys_in_the_reading_pane(library_root: Path) -> None:
    app = make_app(library_root)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_article("long")
        await pilot.pause()
        view = app.pane.view
        assert app.focused is view and view.scroll_y == 0
        await pilot.press("j", "j")
        assert view.scroll_y == 2
        await pilot.press("k")
        assert view.scroll_y == 1
        await pilot.press("space")
        assert view.scroll_y > 10
        after_space = view.scroll_y
        await pilot.press("pagedown")
        assert view.scroll_y > after_space
        await pilot.press("pageup", "pageup")
        assert view.scroll_y == 1
        await pilot.press("G")
        await pilot.pause(0.3)
        assert view.scroll_y == view.max_scroll_y > 0
        assert any("Paragraph number 79" in line for line in screen_lines(view))
        await pilot.press("g")
        assert view.scroll_y == 0
        await pilot.press("end")
        assert view.scroll_y == view.max_scroll_y
        await pilot.press("home")
        assert view.scroll_y == 0


async def test_r_toggles_the_risks_panel_and_it_is_remembered(library_root: Path) -> None:
    app = make_app(library_root)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        panel = app.query_one(RisksPanel)
        tall = panel.size.height
        assert tall > 3
        await pilot.press("r")
        await pilot.pause()
        assert panel.collapsed and panel.outer_size.height == 1
        assert panel.border_title == "▸ Risks and disclaimers (2 risks, 1 disclaimer)"
        await pilot.press("right_square_bracket")
        assert not panel.collapsed, "another article opens with its panel expanded"
        await pilot.press("left_square_bracket")
        assert panel.collapsed, "the folded article stays folded"
        await pilot.press("r")
        assert not panel.collapsed


async def test_risks_panel_lists_severity_in_words_and_disclaimers(library_root: Path) -> None:
    app = make_app(library_root)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        text = "\n".join(screen_lines(app.pane.risks))
        assert "HIGH Liver damage" in text and "LOW  Nausea" in text
        assert "Reported rarely." in text and "• Not medical advice." in text


async def test_risks_panel_never_takes_more_than_about_40_percent(tmp_path: Path) -> None:
    risks = "".join(f"  - name: Risk {n}\n    detail: Detail {n}.\n    severity: low\n" for n in range(30))
    root = write_library(tmp_path / "lib", {"many.md": f"---\ntitle: Many\nrisks:\n{risks}---\nBody.\n"})
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.query_one("#reader")
        assert app.pane.risks.size.height + 2 <= int(reader.size.height * 0.4) + 2
        assert app.pane.view.size.height >= reader.size.height * 0.55
        app.pane.risks.focus()
        await pilot.press("G")
        assert app.pane.risks.scroll_y > 0


async def test_contents_jumps_to_heading(library_root: Path) -> None:
    app = make_app(library_root)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_article("long")
        await pilot.press("t")
        assert isinstance(app.screen, ContentsScreen)
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, ContentsScreen)
        assert screen_lines(app.pane.view)[0].strip() == "Part 4"


async def test_help_screen_lists_every_key(library_root: Path) -> None:
    app = make_app(library_root)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        static = app.screen.query_one("Static")
        text = "\n".join(strip.text for strip in static.render_lines(static.region.reset_offset))
        keys = ("tab", "shift+tab", "j, down", "space", "g, home", "G, end", "[", "]", "ctrl+p", "q, ctrl+q", "/")
        for key in (*keys, " s ", " t ", " r ", " o ", " ! "):
            assert key.strip() in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_command_palette_opens_article_and_goes_to_condition(library_root: Path) -> None:
    app = make_app(library_root)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.press(*"open article other")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.current.id == "other"
        await pilot.press("ctrl+p")
        await pilot.press(*"go to condition zeta")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        tree = app.query_one(LibraryTree)
        assert app.focused is tree and tree.cursor_node.data.condition == "Zeta"


async def test_links_open_articles_scroll_confirm_and_refuse(library_root: Path) -> None:
    app = make_app(library_root)
    toasts = capture_notifications(app)
    async with app.run_test(size=(100, 16)) as pilot:
        await pilot.pause()
        app.open_article("other")
        await pilot.pause()
        targets = app.pane.view.links
        assert targets == ["good.md#second-heading", "../outside.md", "https://example.org/x"]
        with patch("webbrowser.open") as browser:
            app.pane.view.action_open_link(1)
            await pilot.pause()
            assert app.current.id == "other"
            assert any("outside the library" in toast for toast in toasts)
            app.pane.view.action_open_link(2)
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
            browser.assert_not_called()
            app.pane.view.action_open_link(2)
            await pilot.pause()
            await pilot.press("y")
            await pilot.pause()
            browser.assert_called_once()
            assert browser.call_args.args[0] == "https://example.org/x"
        app.pane.view.action_open_link(0)
        await pilot.pause()
        assert app.current.id == "good"
        assert app.pane.view.scroll_y > 0
        assert "Second heading" in [line.strip() for line in screen_lines(app.pane.view)]


async def test_clicking_a_link_follows_it(library_root: Path) -> None:
    app = make_app(library_root)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_article("other")
        await pilot.pause()
        row = next(y for y, line in enumerate(screen_lines(app.pane.view)) if "good one" in line)
        column = screen_lines(app.pane.view)[row].index("good one") + 2
        await pilot.click("#article", offset=(column, row))
        await pilot.pause()
        assert app.current.id == "good"


async def test_clicking_a_tree_node_opens_it(library_root: Path) -> None:
    app = make_app(library_root)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        tree = app.query_one(LibraryTree)
        line = next(n for n in range(tree.last_line + 1) if "Other article" in str(tree.get_node_at_line(n).label))
        await pilot.click(LibraryTree, offset=(8, line))
        await pilot.pause()
        assert app.current.id == "other"


async def test_state_is_restored_at_next_launch(library_root: Path) -> None:
    app = make_app(library_root)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_article("long")
        await pilot.pause()
        await pilot.press("j", "j", "j", "r")
        assert app.pane.view.scroll_y == 3
        app.theme = "textual-light"
        await pilot.press("q")
    again = make_app(library_root)
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot, again)
        assert again.current.id == "long"
        assert again.pane.view.scroll_y == 3
        assert again.pane.risks.collapsed
        assert again.theme == "textual-light"


async def test_narrow_layout_hides_sidebar_and_b_shows_it_as_overlay(library_root: Path) -> None:
    app = make_app(library_root)
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        tree = app.query_one(LibraryTree)
        assert not tree.display or tree.size.width == 0
        assert isinstance(app.focused, ArticleView)
        assert app.pane.view.size.width >= 58
        await pilot.press("b")
        await pilot.pause()
        assert tree.display and tree.size.width > 10 and app.focused is tree
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert app.current.id == "other"
        assert tree.size.width == 0 or not tree.display


async def test_markup_in_titles_is_shown_literally_and_runs_nothing(tmp_path: Path) -> None:
    title = "[bold]Bold[/] [@click=app.quit]Quit[/] [link=file:///etc/passwd]x[/link]"
    root = write_library(
        tmp_path / "lib",
        {"m.md": f"---\ntitle: '{title}'\nconditions: ['[red]Cond[/red]']\n---\n[@click=app.quit]body[/]\n"},
    )
    app = make_app(root)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        tree = app.query_one(LibraryTree)
        assert str(tree.root.children[0].label) == "[red]Cond[/red] (1)"
        assert str(tree.root.children[0].children[0].label) == f"▶ {title}"
        assert screen_lines(app.pane.view)[0].strip() == title
        assert any("[@click=app.quit]body[/]" in line for line in screen_lines(app.pane.view))
        await pilot.click("#article", offset=(3, 0))
        await pilot.click(LibraryTree, offset=(10, 1))
        await pilot.pause()
        assert app.is_running


async def test_empty_library_starts_and_says_so(tmp_path: Path) -> None:
    root = tmp_path / "empty"
    root.mkdir()
    app = make_app(root)
    toasts = capture_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.current is None
        assert any("no articles" in toast for toast in toasts)
        await pilot.press("right_square_bracket", "t", "r")
        assert app.is_running


async def test_the_overlay_keeps_the_focus_and_escape_closes_it(library_root: Path) -> None:
    app = make_app(library_root)
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        tree = app.query_one(LibraryTree)
        assert app.focused is tree
        for _ in range(3):
            await pilot.press("tab")
            assert not isinstance(app.focused, ArticleView), "Tab never reaches the pane behind the overlay"
        app.set_focus(tree)
        await pilot.press("escape")
        await pilot.pause()
        assert not tree.display or tree.size.width == 0
        assert isinstance(app.focused, ArticleView)
        await pilot.press("j")
        assert app.pane.view.scroll_y == 1


async def test_a_folded_panel_leaves_the_tab_order(library_root: Path) -> None:
    app = make_app(library_root)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        seen = set()
        for _ in range(4):
            await pilot.press("tab")
            seen.add(type(app.focused))
        assert RisksPanel not in seen
        await pilot.press("r")
        for _ in range(4):
            await pilot.press("tab")
            seen.add(type(app.focused))
        assert RisksPanel in seen


async def test_ctrl_c_quits_when_nothing_is_selected(library_root: Path) -> None:
    app = make_app(library_root)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0
