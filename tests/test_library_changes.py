"""Files added, removed and changed while the reader runs, and "updated" marks between runs."""

from __future__ import annotations

import os
from pathlib import Path

from kratom_tui.library import load_library
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp
from kratom_tui.ui.widgets.library_tree import UPDATED_MARK
from tests.helpers import GOOD, OTHER, wait_for_background, wait_until, write_library

THIRD = "---\ntitle: Third article\nconditions: [Sleep]\n---\nA new one.\n"


def sidebar_labels(app: ReaderApp) -> dict[str, str]:
    """Each article's label in the sidebar, by title (the first node naming it)."""
    labels: dict[str, str] = {}
    for branch in app.sidebar.library_tree.root.children:
        for node in branch.children:
            if node.data is not None and node.data.article_id:
                labels.setdefault(node.data.title, str(node.label))
    return labels


def touch_later(path: Path, text: str) -> None:
    """Rewrite a file so that its size and time both differ from before."""
    stat = path.stat()
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


async def see_both(pilot, app: ReaderApp) -> None:
    """Once the library is read, open both articles, so that each is seen as it is now."""
    await wait_for_background(pilot, app)
    app.open_article("other")
    await pilot.pause()
    app.open_article("good")
    await pilot.pause()


def reader(root: Path, state_path: Path) -> ReaderApp:
    return ReaderApp(load_library(root), StateStore(state_path))


async def test_files_added_and_removed_while_reading_appear_in_the_sidebar(tmp_path: Path) -> None:
    root = write_library(tmp_path / "lib", {"good.md": GOOD, "other.md": OTHER})
    app = reader(root, tmp_path / "state.json")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_background(pilot, app)
        assert "Third article" not in sidebar_labels(app)
        (root / "third.md").write_text(THIRD, encoding="utf-8")
        await wait_until(pilot, lambda: "Third article" in sidebar_labels(app))
        assert "Third article" in sidebar_labels(app)
        assert app.library.get("third") is not None
        (root / "other.md").unlink()
        await wait_until(pilot, lambda: "Other article" not in sidebar_labels(app))
        assert "Other article" not in sidebar_labels(app) and "Good article" in sidebar_labels(app)


async def test_an_article_changed_while_another_is_open_is_marked_updated_until_opened(tmp_path: Path) -> None:
    root = write_library(tmp_path / "lib", {"good.md": GOOD, "other.md": OTHER})
    state_path = tmp_path / "state.json"
    app = reader(root, state_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await see_both(pilot, app)
        touch_later(root / "other.md", OTHER.replace("Text.", "Text, changed."))
        await wait_until(pilot, lambda: sidebar_labels(app)["Other article"].startswith(UPDATED_MARK))
        assert sidebar_labels(app)["Other article"].startswith(UPDATED_MARK)
        assert not sidebar_labels(app)["Good article"].startswith(UPDATED_MARK)
        app.open_article("other")
        await pilot.pause()
        assert not sidebar_labels(app)["Other article"].startswith(UPDATED_MARK)


async def test_an_article_changed_between_runs_is_marked_updated_at_the_next_launch(tmp_path: Path) -> None:
    root = write_library(tmp_path / "lib", {"good.md": GOOD, "other.md": OTHER})
    state_path = tmp_path / "state.json"
    app = reader(root, state_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await see_both(pilot, app)
    touch_later(root / "other.md", OTHER.replace("Text.", "Text, changed between runs."))
    again = reader(root, state_path)
    async with again.run_test(size=(100, 30)) as pilot:
        await wait_for_background(pilot, again)
        await wait_until(pilot, lambda: sidebar_labels(again)["Other article"].startswith(UPDATED_MARK))
        labels = sidebar_labels(again)
        assert labels["Other article"].startswith(UPDATED_MARK) and not labels["Good article"].startswith(UPDATED_MARK)
    # Never opened is not "updated": a third file added between runs is only unread.
    (root / "third.md").write_text(THIRD, encoding="utf-8")
    third = reader(root, state_path)
    async with third.run_test(size=(100, 30)) as pilot:
        await wait_for_background(pilot, third)
        assert not sidebar_labels(third)["Third article"].startswith(UPDATED_MARK)
