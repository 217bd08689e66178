"""settings.yaml: urgent-help numbers, keys, theme and library folder; every problem with its line."""

from __future__ import annotations

from pathlib import Path

from textual.theme import BUILTIN_THEMES

from kratom_tui.cli import main
from kratom_tui.library import load_library
from kratom_tui.locations import settings_file
from kratom_tui.settings import THEMES, Settings, load_settings
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp
from kratom_tui.ui.screens.problems import ProblemsScreen
from tests.helpers import capture_notifications


def write_settings(text: str) -> Path:
    path = settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def messages(settings: Settings) -> list[tuple[int, str]]:
    return [(problem.line, problem.message) for problem in settings.problems]


def test_theme_names_are_textuals() -> None:
    assert set(THEMES) == set(BUILTIN_THEMES)


def test_no_file_is_no_problem() -> None:
    settings = load_settings()
    assert settings == Settings() and settings.notice is None


def test_a_valid_file_is_read_whole(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    write_settings(
        "urgent_help:\n  emergency: 112\n  poison_help: \"+44 111\"\n"
        "keys:\n  app.find: f\n  move.down: [j, ctrl+n]\n"
        f"theme: nord\narticles: {tmp_path / 'lib'}\n"
    )
    settings = load_settings()
    assert settings.problems == () and settings.notice is None and settings.urgent_help_problem is None
    assert (settings.emergency, settings.poison_help) == ("112", "+44 111")
    assert settings.keys == {"app.find": "f", "move.down": "j,ctrl+n"}
    assert settings.theme == "nord" and settings.articles == tmp_path / "lib"


def test_invalid_parts_are_reported_by_line_and_the_rest_kept() -> None:
    path = write_settings(
        "keys:\n  app.find: f\n  app.nope: x\n  move.down: pgdwn\n"
        "theme: no-such-theme\nurgent_help:\n  emergency: 112\ncolour: red\n"
    )
    settings = load_settings()
    assert settings.keys == {"app.find": "f"} and settings.emergency == "112" and settings.theme is None
    found = messages(settings)
    assert [line for line, _ in found] == [3, 4, 5, 8]
    assert "unknown binding id 'app.nope'" in found[0][1]
    assert "'pgdwn' is not a key name" in found[1][1]
    assert "unknown theme 'no-such-theme'" in found[2][1]
    assert "unknown setting 'colour'" in found[3][1]
    assert all(problem.path == path for problem in settings.problems)
    assert settings.notice and "line 3" in settings.notice and "3 more" in settings.notice


def test_a_syntax_error_costs_only_its_section() -> None:
    write_settings("keys:\n  app.find: f\nurgent_help: [oops\ntheme: nord\n")
    settings = load_settings()
    assert settings.keys == {"app.find": "f"} and settings.theme == "nord"
    assert settings.emergency == "911"
    assert messages(settings)[0][0] == 3 and "invalid YAML in 'urgent_help'" in messages(settings)[0][1]
    assert settings.urgent_help_problem and "could not be read" in settings.urgent_help_problem
    assert load_settings().urgent_help_problem  # and the urgent-help screen says so (test_trust)


def test_a_missing_articles_folder_is_reported(tmp_path: Path) -> None:
    write_settings(f"articles: {tmp_path / 'gone'}\n")
    settings = load_settings()
    assert settings.articles is None and "articles folder not found" in messages(settings)[0][1]


def test_articles_from_settings_are_the_default_library(small_library: Path, capsys, monkeypatch) -> None:
    write_settings(f"articles: {small_library}\n")
    assert main(["list"]) == 0
    assert capsys.readouterr().out.startswith("good\t")
    monkeypatch.setenv("KRATOM_TUI_ARTICLES", str(small_library / "nowhere"))
    assert main(["list"]) == 2  # the environment still comes first


def test_check_reports_settings_problems_with_file_and_line(small_library: Path, capsys) -> None:
    path = write_settings("keys:\n  app.nope: x\n")
    assert main(["check", str(small_library)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:2: error: unknown binding id 'app.nope'" in out


async def test_the_app_applies_keys_and_theme_and_lists_settings_problems(small_library: Path) -> None:
    write_settings("keys:\n  app.find: f\n  app.nope: x\ntheme: solarized-light\n")
    settings = load_settings()
    app = ReaderApp(load_library(small_library), StateStore(), settings)
    notices = capture_notifications(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "solarized-light"
        await pilot.press("slash")
        assert not app.pane.find_bar.display
        await pilot.press("f")
        assert app.pane.find_bar.display
        await pilot.press("escape")
        app.action_problems()
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        listed = app.screen.query_one("#problems")
        assert any("unknown binding id 'app.nope'" in str(option.prompt) for option in listed.options)
    assert any("line 3" in notice and "unknown binding id" in notice for notice in notices)


def test_a_file_that_is_not_text_is_reported_and_defaults_used() -> None:
    path = write_settings("")
    path.write_bytes(b"urgent_help:\n  emergency: \xff\xfe\n")
    settings = load_settings()
    assert settings.emergency == "911" and settings.notice and settings.urgent_help_problem
    assert messages(settings) == [(1, "settings file could not be read (not UTF-8); using defaults")]
