"""The very first launch opens a welcome; later launches go straight back to the reader."""

from __future__ import annotations

from pathlib import Path

from kratom_tui.library import load_library
from kratom_tui.settings import Settings
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp
from kratom_tui.ui.first_launch import is_first_launch
from kratom_tui.ui.screens.welcome import WelcomeScreen
from kratom_tui.ui.widgets.library_tree import LibraryTree


def shown_text(app: ReaderApp) -> str:
    static = app.screen.query_one("#welcome-text")
    return " ".join(" ".join(strip.text for strip in static.render_lines(static.region.reset_offset)).split())


async def test_first_launch_welcomes_then_the_next_one_does_not(small_library: Path, tmp_path: Path) -> None:
    state_path = tmp_path / "state" / "state.json"
    assert is_first_launch(state_path)
    app = ReaderApp(load_library(small_library), StateStore(state_path), welcome=is_first_launch(state_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        text = shown_text(app)
        for words in ("they inform; they do not advise", "nothing here is medical advice", "Urgent help:", " ! "):
            assert words.lower() in text.lower(), words
        for key in ("enter", "?", " s ", " r ", " o "):
            assert key in text, key
        await pilot.press("enter")
        assert not isinstance(app.screen, WelcomeScreen)
        assert isinstance(app.focused, LibraryTree)
        await pilot.press("q")
    assert not is_first_launch(state_path)
    again = ReaderApp(load_library(small_library), StateStore(state_path), welcome=is_first_launch(state_path))
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not isinstance(again.screen, WelcomeScreen)


async def test_the_welcome_shows_the_users_keys(small_library: Path) -> None:
    app = ReaderApp(load_library(small_library), StateStore(), Settings(keys={"app.search": "ctrl+f"}), welcome=True)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        assert "ctrl+f search the whole library" in shown_text(app)
        await pilot.press("escape")
        assert not isinstance(app.screen, WelcomeScreen)


def test_the_real_first_launch_opens_the_welcome(tmp_path: Path) -> None:
    from tests.helpers import TerminalRun, terminal_env

    run = TerminalRun([], terminal_env(tmp_path, first_launch=True))
    try:
        assert run.read_for(20, until=b"Welcome to kratom-tui"), "no welcome on the first launch"
        run.send(b"\r", settle=0.5)
        run.send(b"q", settle=0)
        assert run.wait() == 0
    finally:
        run.close()
    assert (tmp_path / "state" / "kratom-tui" / "state.json").exists()
