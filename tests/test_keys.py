"""Keys: the help is the bindings, every binding has a known id, dialogs move like the panes."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import DataTable, OptionList

import kratom_tui.ui
from kratom_tui.keymap import BINDING_IDS, NAMED_KEYS, key_problem, keys_problem
from kratom_tui.library import load_library
from kratom_tui.settings import Settings
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp
from kratom_tui.ui.movement import ScrollingText
from kratom_tui.ui.screens.help import HelpScreen, key_label, key_sections
from tests.conftest import write_library
from tests.helpers import wait_until

MANY_HEADINGS = "---\ntitle: Many headings\nconditions: [Zeta]\n---\n" + "".join(
    f"## Heading {n}\n\nText {n}.\n\n" for n in range(1, 60)
)


def our_binding_classes() -> list[type[DOMNode]]:
    """Every class of the reader that declares BINDINGS."""
    found = []
    for module_info in pkgutil.walk_packages(kratom_tui.ui.__path__, "kratom_tui.ui."):
        module = importlib.import_module(module_info.name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if value.__module__ == module.__name__ and "BINDINGS" in vars(value):
                found.append(value)
    return found


def declared_bindings() -> list[Binding]:
    return [binding for cls in our_binding_classes() for binding in Binding.make_bindings(vars(cls)["BINDINGS"])]


def help_text(app: ReaderApp) -> str:
    static = app.screen.query_one("#help-keys")
    return "\n".join(strip.text for strip in static.render_lines(static.region.reset_offset))


def test_every_binding_of_the_reader_has_a_known_id() -> None:
    bindings = declared_bindings()
    assert len(bindings) > 30
    missing = [f"{binding.key} -> {binding.action}" for binding in bindings if binding.id not in BINDING_IDS]
    assert missing == []
    used = {binding.id for binding in bindings}
    assert set(BINDING_IDS) <= used, set(BINDING_IDS) - used


def test_named_keys_are_textuals() -> None:
    from textual.keys import KEY_NAME_REPLACEMENTS, Keys

    textual_names = {key.value for key in Keys} | set(KEY_NAME_REPLACEMENTS.values())
    assert NAMED_KEYS <= textual_names  # noqa: SIM300 - the subset reads first


@pytest.mark.parametrize(
    "key", ["a", "G", "?", "ctrl+f", "question_mark", "left_square_bracket", "pagedown", "f5", "shift+tab", "slash"]
)
def test_valid_keys(key: str) -> None:
    assert key_problem(key) is None


@pytest.mark.parametrize("keys", ["", "ctrl+", "hyperspace+x", "pgdwn", "a,,b", "not a key"])
def test_invalid_keys_say_why(keys: str) -> None:
    assert keys_problem(keys)


async def test_help_is_made_of_the_bindings_of_the_screen(small_library: Path) -> None:
    app = ReaderApp(load_library(small_library), StateStore())
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.pause()
        main = app.screen
        sections = key_sections(main)
        listed = {(title, key) for title, rows in sections.items() for row in rows.values() for key in row.keys}
        anywhere = {key for title, key in listed if title == "Anywhere"}
        assert {"o", "!", "ctrl+p", "?", "/", "s", "q", "[", "]", "t", "r", "b", "n", "N", "tab"} <= anywhere
        # Every binding with an id on the screen, the app or a focusable widget is in the help.
        for node in [app, main, *main.walk_children()]:
            for _key, binding in node._bindings:
                if binding.id:
                    assert any(key == key_label(binding) for _title, key in listed), binding
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = help_text(app)
        for title, rows in sections.items():
            assert title in text
            for row in rows.values():
                keys, start = ", ".join(row.keys), row.description[:12]
                assert any(line.startswith(keys + " ") and start in line for line in text.splitlines()), (keys, start)


async def test_help_shows_the_users_keys(small_library: Path) -> None:
    app = ReaderApp(load_library(small_library), StateStore())
    async with app.run_test(size=(100, 50)) as pilot:
        app.set_keymap({"app.risk-overview": "ctrl+o", "app.find": "f"})
        await pilot.pause()
        await pilot.press("question_mark")
        text = help_text(app)
        assert "ctrl+o" in text and "risk overview" in text
        lines = [line for line in text.splitlines() if "find in the article" in line]
        assert lines and lines[0].split()[0] == "f"
        await pilot.press("escape", "f")
        assert app.pane.find_bar.display


async def test_help_scrolls_with_the_movement_keys(small_library: Path) -> None:
    app = ReaderApp(load_library(small_library), StateStore())
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        dialog = app.screen.query_one(ScrollingText)
        assert dialog.max_scroll_y > 5
        await pilot.press("j", "j")
        assert dialog.scroll_y == 2
        await pilot.press("k")
        assert dialog.scroll_y == 1
        await pilot.press("G")
        assert dialog.scroll_y == dialog.max_scroll_y
        await pilot.press("g")
        assert dialog.scroll_y == 0
        await pilot.press("space")
        assert dialog.scroll_y > 5


async def check_list_moves(pilot, widget: OptionList) -> None:
    await pilot.press("j", "j")
    assert widget.highlighted == 2
    await pilot.press("k")
    assert widget.highlighted == 1
    await pilot.press("G")
    assert widget.highlighted == widget.option_count - 1
    await pilot.press("g")
    assert widget.highlighted == 0
    await pilot.press("space")
    assert widget.highlighted > 3


async def test_contents_moves_with_the_movement_keys(tmp_path: Path) -> None:
    app = ReaderApp(load_library(write_library(tmp_path / "lib", {"many.md": MANY_HEADINGS})), StateStore())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        contents = app.screen.query_one(OptionList)
        assert app.focused is contents
        await check_list_moves(pilot, contents)


async def test_search_results_move_with_the_movement_keys(tmp_path: Path) -> None:
    files = {f"a{n}.md": f"---\ntitle: Article {n}\n---\nkratom text {n}\n" for n in range(8)}
    app = ReaderApp(load_library(write_library(tmp_path / "lib", files)), StateStore())
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("s", *"kratom")
        results = app.screen.query_one("#search-results", OptionList)
        for _ in range(100):
            await pilot.pause(0.05)
            if results.option_count == 8:
                break
        await pilot.press("down")
        assert app.focused is results and results.highlighted == 0
        await check_list_moves(pilot, results)


async def test_problems_move_with_the_movement_keys(tmp_path: Path) -> None:
    files = {f"bad{n}.md": "---\ntitle: [unclosed\n---\nbody\n" for n in range(8)} | {"ok.md": "# Fine\n"}
    app = ReaderApp(load_library(write_library(tmp_path / "lib", files)), StateStore())
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.action_problems()
        await pilot.pause()
        problems = app.screen.query_one(OptionList)
        assert app.focused is problems
        await check_list_moves(pilot, problems)


async def test_risk_overview_moves_with_the_movement_keys(tmp_path: Path) -> None:
    risks = "".join(f"  - name: Risk {n}\n    severity: low\n" for n in range(12))
    files = {"r.md": f"---\ntitle: Risky\nrisks:\n{risks}---\nbody\n"}
    app = ReaderApp(load_library(write_library(tmp_path / "lib", files)), StateStore())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        table = app.screen.query_one(DataTable)
        assert app.focused is table
        await pilot.press("j", "j")
        assert table.cursor_coordinate.row == 2
        await pilot.press("k")
        assert table.cursor_coordinate.row == 1
        await pilot.press("G")
        assert table.cursor_coordinate.row == 11
        await pilot.press("g")
        assert table.cursor_coordinate.row == 0
        await pilot.press("space")
        assert table.cursor_coordinate.row > 3


@pytest.mark.parametrize(("width", "search"), [(80, "ctrl+f"), (80, "s"), (60, "s")])
async def test_the_footer_shows_the_main_keys_in_full(small_library: Path, width: int, search: str) -> None:
    from textual.widgets._footer import FooterKey

    settings = Settings(keys={} if search == "s" else {"app.search": search})
    app = ReaderApp(load_library(small_library), StateStore(), settings)
    async with app.run_test(size=(width, 24)) as pilot:
        await wait_until(pilot, lambda: any(key.region.width for key in app.screen.query(FooterKey)))
        footer_keys = list(app.screen.query(FooterKey))
        palette = [key for key in footer_keys if key.has_class("-command-palette")]
        limit = palette[0].region.x if palette and palette[0].display else width
        shown = {key.key: key.description for key in footer_keys if key.region.right <= limit and key.region.width}
        expected = {"q": "Quit", "question_mark": "Help", "slash": "Find", search: "Search", "r": "Risks"}
        expected["exclamation_mark"] = "Urgent help"
        assert expected.items() <= shown.items(), shown


def readme_key_rows() -> dict[str, list[str]]:
    """The README's key table: binding id -> the keys it lists."""
    text = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = text.split("## Keys", 1)[1].split("\n## ", 1)[0]
    rows: dict[str, list[str]] = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[1].startswith("`"):
            rows[cells[1].strip("`")] = [key.strip("`") for key in cells[0].split()]
    return rows


def test_the_readme_key_table_matches_the_bindings() -> None:
    declared: dict[str, list[str]] = {}
    for binding in declared_bindings():
        if binding.id:
            declared.setdefault(binding.id, [])
            if key_label(binding) not in declared[binding.id]:
                declared[binding.id].append(key_label(binding))
    rows = readme_key_rows()
    assert set(rows) == set(BINDING_IDS)
    for binding_id, keys in rows.items():
        assert sorted(keys) == sorted(declared[binding_id]), binding_id
