"""A large folder seen for the first time opens on its file names, and fills in behind the first frame."""

from __future__ import annotations

from pathlib import Path

import pytest

from kratom_tui.library import loader
from kratom_tui.library.loader import BEING_READ, start_library
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp
from tests.helpers import GOOD, OTHER, wait_for_background, write_library


@pytest.fixture
def large_from(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Three files count as large here; the cache folder is new, so there is no catalogue yet."""
    monkeypatch.setattr(loader, "READ_FIRST_BELOW", 3)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def library_files(root: Path) -> Path:
    files = {"good.md": GOOD, "other.md": OTHER, "plain_notes.md": "# Plain\n\nText.\n", ".hidden.md": GOOD}
    return write_library(root, files)


def test_a_first_start_on_a_large_folder_reads_only_the_file_names(large_from, tmp_path: Path) -> None:
    library = start_library(library_files(tmp_path / "lib"))
    assert not library.complete
    assert list(library.catalogue.groups) == [BEING_READ]
    titles = [title for _id, title in library.catalogue.groups[BEING_READ]]
    assert titles == ["Good", "Other", "Plain notes"]
    assert library.get("good") is not None and library.get("good").title == "Good article"


def test_a_small_folder_is_read_whole_before_the_first_frame(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    library = start_library(library_files(tmp_path / "lib"))
    assert library.complete and BEING_READ not in library.catalogue.groups


async def test_the_sidebar_fills_in_with_the_conditions_once_read(
    large_from, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kratom_tui.ui.app.BACKGROUND_DELAY", 2.0)  # time to see the names first
    app = ReaderApp(start_library(library_files(tmp_path / "lib")), StateStore(tmp_path / "state.json"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        branches = [str(node.label) for node in app.sidebar.library_tree.root.children]
        assert branches[0].startswith(BEING_READ)
        await wait_for_background(pilot, app)
        branches = [str(node.label) for node in app.sidebar.library_tree.root.children]
        assert any(label.startswith("Chronic pain") for label in branches)
        assert not any(label.startswith(BEING_READ) for label in branches)
    # The next launch starts from the catalogue that load saved.
    assert BEING_READ not in start_library(tmp_path / "lib").catalogue.groups
