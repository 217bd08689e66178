"""SVG snapshots of the note editor and the notes screen, at 80x24 and 160x45 (update with --snapshot-update)."""

from __future__ import annotations

import time

import pytest

from kratom_tui.library import load_library
from kratom_tui.library.location import shipped_articles
from kratom_tui.notes.store import NoteStore
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp
from tests.helpers import settle

SIZES = [(80, 24), (160, 45)]
MADE = 1_780_000_000.0
"""A fixed time for the notes, so that the dates they show stay the same."""


@pytest.fixture(autouse=True)
def fixed_places(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same settings path and time zone in every run: both can show on screen."""
    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent/kratom-tui-snapshots/config")
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


def make_app() -> ReaderApp:
    return ReaderApp(load_library(shipped_articles()), StateStore())


def some_notes() -> None:
    clock = iter(range(0, 600, 60))
    store = NoteStore.open(clock=lambda: MADE + next(clock))
    store.add("chronic-pain", "Kratom is not approved", "", "", "Ask whether it interacts with my other medicines.", 2, 0)
    store.add("fibromyalgia", "sleep", "", "", "", 3, 0)
    note = store.add("chronic-pain", "A passage since edited away", "", "", "What did this say?", 4, 0)
    store.update(note.id, detached=True)
    store.close()


async def settled_then(pilot, *keys: str) -> None:
    """Press `keys` once the article is in place (a loaded machine takes a few frames to get there)."""
    await settle(pilot, pilot.app)
    await pilot.press(*keys)
    await pilot.pause(0.2)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_note_editor(snap_compare, size) -> None:
    async def editing(pilot) -> None:
        await settled_then(pilot, "a", *"Ask about this")

    assert snap_compare(make_app(), run_before=editing, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_notes_screen(snap_compare, size) -> None:
    some_notes()
    async def listing(pilot) -> None:
        await settled_then(pilot, "A")

    assert snap_compare(make_app(), run_before=listing, terminal_size=size)
