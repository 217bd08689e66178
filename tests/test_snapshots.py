"""SVG snapshots of the main screens, at 80x24 and 120x40 (update with --snapshot-update)."""

from __future__ import annotations

import pytest

from kratom_tui.library import load_library
from kratom_tui.library.location import shipped_articles
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp

SIZES = [(80, 24), (120, 40)]


@pytest.fixture(autouse=True)
def fixed_config_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """The urgent-help screen shows the settings path: keep it the same in every run."""
    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent/kratom-tui-snapshots/config")


def make_app(welcome: bool = False) -> ReaderApp:
    return ReaderApp(load_library(shipped_articles()), StateStore(), welcome=welcome)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_first_launch(snap_compare, size) -> None:
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_article_with_risks_expanded(snap_compare, size) -> None:
    assert snap_compare(make_app(), press=["down", "down", "down", "enter"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_article_with_risks_collapsed(snap_compare, size) -> None:
    assert snap_compare(make_app(), press=["down", "down", "down", "enter", "r"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_help_screen(snap_compare, size) -> None:
    assert snap_compare(make_app(), press=["question_mark"], terminal_size=size)


@pytest.mark.parametrize("size", [(60, 24), (60, 40)], ids=lambda size: f"{size[0]}x{size[1]}")
def test_narrow_layout(snap_compare, size) -> None:
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("size", [(60, 24)], ids=lambda size: f"{size[0]}x{size[1]}")
def test_narrow_layout_with_sidebar_overlay(snap_compare, size) -> None:
    assert snap_compare(make_app(), press=["b"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_light_theme(snap_compare, size) -> None:
    async def light(pilot) -> None:
        pilot.app.theme = "textual-light"
        await pilot.pause()

    assert snap_compare(make_app(), run_before=light, terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24)], ids=lambda size: f"{size[0]}x{size[1]}")
def test_ansi_theme(snap_compare, size) -> None:
    async def ansi(pilot) -> None:
        pilot.app.theme = "ansi-dark"
        await pilot.pause()

    assert snap_compare(make_app(), run_before=ansi, press=["slash", *"kratom", "enter"], terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24)], ids=lambda size: f"{size[0]}x{size[1]}")
def test_welcome(snap_compare, size) -> None:
    assert snap_compare(make_app(welcome=True), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_contents(snap_compare, size) -> None:
    assert snap_compare(make_app(), press=["t"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_urgent_help(snap_compare, size) -> None:
    assert snap_compare(make_app(), press=["exclamation_mark"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_risk_overview(snap_compare, size) -> None:
    assert snap_compare(make_app(), press=["o"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_find_bar(snap_compare, size) -> None:
    assert snap_compare(make_app(), press=["slash", *"kratom", "enter"], terminal_size=size)


def test_about_screen(snap_compare) -> None:
    async def about(pilot) -> None:
        from kratom_tui.ui.screens.about import AboutScreen

        await pilot.app.push_screen(AboutScreen())
        await pilot.pause()

    assert snap_compare(make_app(), run_before=about, terminal_size=(80, 24))


def test_glossary_screen(snap_compare) -> None:
    async def glossary(pilot) -> None:
        from kratom_tui.ui.screens.glossary import GlossaryScreen

        await pilot.app.push_screen(GlossaryScreen(shipped_articles()))
        await pilot.pause()

    assert snap_compare(make_app(), run_before=glossary, terminal_size=(80, 24))


def test_glossary_at_the_term_in_view(snap_compare) -> None:
    assert snap_compare(make_app(), press=["d"], terminal_size=(80, 24))


def test_urgent_help_with_us_fallback(snap_compare) -> None:
    """The screen itself, pushed directly: the app's start-up toast for the same notice would race it."""

    async def fallback(pilot) -> None:
        from kratom_tui.settings import Settings
        from kratom_tui.ui.screens.urgent_help import UrgentHelpScreen

        notice = "Settings not fully read: settings.yaml line 1: invalid YAML in 'urgent_help'."
        problem = "The urgent-help numbers in settings.yaml could not be read (see `kratom-tui check`)."
        await pilot.app.push_screen(UrgentHelpScreen(Settings(notice=notice, urgent_help_problem=problem)))
        await pilot.pause()

    assert snap_compare(make_app(), run_before=fallback, terminal_size=(80, 24))


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_risk_overview_of_a_large_library(snap_compare, size, tmp_path) -> None:
    from tests.test_risk_overview import large_library

    app = ReaderApp(load_library(large_library(tmp_path / "lib", 40)), StateStore())
    assert snap_compare(app, press=["o", "down"], terminal_size=size)
