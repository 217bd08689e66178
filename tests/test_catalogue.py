"""The catalogue: a library can start from the last load's catalogue, and the app corrects it from the files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import kratom_tui.library.loader as loader
import kratom_tui.ui.app as app_module
from kratom_tui.library import LibraryIncomplete, load_library, start_library
from kratom_tui.library.catalogue import Catalogue, catalogue_path, read_catalogue
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp
from kratom_tui.ui.widgets.library_tree import LibraryTree
from tests.helpers import GOOD, OTHER, body_of, capture_notifications, wait_for_background, write_library


def touch_later(path: Path) -> None:
    """Make a change visible to the size-and-time check even within one clock tick."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_library(
        tmp_path / "lib",
        {"good.md": GOOD, "other.md": OTHER, "plain.md": "# Plain notes\n\nText.\n", "bad.md": "---\ntitle: [x\n---\n"},
    )


def sidebar_labels(app: ReaderApp) -> list[str]:
    tree = app.query_one(LibraryTree)
    labels = []
    for branch in tree.root.children:
        labels.append(branch.label.plain)
        labels.extend(leaf.label.plain.strip() for leaf in branch.children)
    return labels


def test_a_cached_load_saves_the_catalogue_and_a_start_reads_only_it(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = load_library(root, cache=True)
    assert catalogue_path(root).is_file()
    assert full.catalogue.groups == {
        "Chronic pain": [["good", "Good article"]],
        "Sleep": [["good", "Good article"], ["other", "Other article"]],
        "Uncategorized": [["plain", "Plain notes"]],
    }
    read: list[Path] = []
    real = loader.load_article
    monkeypatch.setattr(loader, "load_article", lambda path, *rest: read.append(path) or real(path, *rest))
    started = start_library(root)
    assert not started.complete
    assert read == []
    assert started.catalogue == full.catalogue
    assert [problem.format() for problem in started.problems] == [problem.format() for problem in full.problems]
    article = started.get("good")
    assert read == [root / "good.md"]
    assert (article.title, article.risks, body_of(article).text) == (full.get("good").title, full.get("good").risks, body_of(full.get("good")).text)
    assert started.get("good") is article
    assert read == [root / "good.md"]


def test_without_a_catalogue_a_start_loads_everything(root: Path) -> None:
    library = start_library(root)
    assert library.complete
    assert library.get("other").title == "Other article"
    assert start_library(root).complete is False


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        '{"format": 99}',
        '{"format": 1, "root": "/somewhere/else", "groups": {}, "paths": {}, "problems": []}',
        "[1, 2]",
    ],
)
def test_an_unusable_catalogue_is_ignored(root: Path, text: str) -> None:
    path = catalogue_path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    assert read_catalogue(root) is None
    assert start_library(root).complete


def test_a_catalogue_with_wrong_types_is_ignored(root: Path) -> None:
    load_library(root, cache=True)
    good = catalogue_path(root).read_text()
    for broken in (
        good.replace('["other", "Other article"]', '["other", 5]'),
        good.replace('["other", "Other article"]', '["missing", "Not in paths"]'),
        good.replace('"plain": "plain.md"', '"plain": ["plain.md"]'),
    ):
        assert broken != good
        catalogue_path(root).write_text(broken)
        assert read_catalogue(root) is None


def test_a_start_from_a_stale_catalogue_reads_files_as_they_are_now(root: Path) -> None:
    load_library(root, cache=True)
    (root / "other.md").unlink()
    (root / "plain.md").write_text("# Plain notes, renamed\n")
    touch_later(root / "plain.md")
    started = start_library(root)
    assert started.get("other") is None
    assert started.get("plain").title == "Plain notes, renamed"
    assert started.get("nothing-like-it") is None


def test_a_started_library_never_loads_everything_behind_an_attribute(root: Path) -> None:
    load_library(root, cache=True)
    started = start_library(root)
    assert not started.complete
    with pytest.raises(LibraryIncomplete):
        _ = started.articles
    assert not started.complete, "asking did not load the library quietly"


def test_ids_are_found_from_any_spelling_of_a_path(root: Path) -> None:
    (root / "topics").mkdir()
    (root / "topics" / "deep.md").write_text("# Deep\n")
    os.symlink(root / "topics", root / "alias")
    library = load_library(root, cache=True)
    # The file is met first through the link (names are walked in order), so its id is that path.
    assert library.id_at(root / "topics" / ".." / "good.md") == "good"
    assert library.id_at(root / "topics" / "deep.md") == "alias/deep"
    assert library.id_at(root / "alias" / "deep.md") == "alias/deep"
    assert library.id_at(root / "missing.md") is None
    assert library.id_at(root.parent / "good.md") is None


def test_a_cache_folder_that_cannot_be_written_costs_only_speed(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = root.parent / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert load_library(root, cache=True).get("good").title == "Good article"
    assert start_library(root).complete


def test_the_catalogue_lists_each_article_once_in_sidebar_order(root: Path) -> None:
    (root / "twice.md").write_text("---\ntitle: Zz twice\nconditions: [Sleep, Sleep]\n---\nText.\n")
    catalogue = load_library(root).catalogue
    assert catalogue.groups["Sleep"][-1] == ["twice", "Zz twice"]
    assert [pair[0] for pair in catalogue.groups["Sleep"]].count("twice") == 1
    (root / "twice.md").unlink()
    catalogue = load_library(root).catalogue
    assert catalogue.order() == ["good", "other", "plain"]
    assert catalogue.entries() == [
        ("good", "Good article", ["Chronic pain", "Sleep"]),
        ("other", "Other article", ["Sleep"]),
        ("plain", "Plain notes", ["Uncategorized"]),
    ]
    assert Catalogue.from_json(catalogue.to_json(root), root) == catalogue


@pytest.fixture
def slow_background(monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker waits long enough for a test to look at the app as it started."""
    monkeypatch.setattr(app_module, "BACKGROUND_DELAY", 3)


@pytest.mark.usefixtures("slow_background")
async def test_the_app_starts_from_the_catalogue_and_shows_what_changed_since(root: Path) -> None:
    load_library(root, cache=True)
    (root / "other.md").unlink()
    (root / "plain.md").write_text("---\ntitle: Plain notes, renamed\nconditions: [Sleep]\n---\nText.\n")
    touch_later(root / "plain.md")
    (root / "new.md").write_text("---\ntitle: A new article\nconditions: [ADHD]\n---\nNew.\n")
    (root / "bad.md").unlink()
    app = ReaderApp(start_library(root), StateStore())
    async with app.run_test(size=(100, 30)) as pilot:
        assert not app.library.complete
        assert "Other article" in sidebar_labels(app)
        await wait_for_background(pilot, app)
        assert app.library.complete
        assert sidebar_labels(app) == [
            "ADHD (1)",
            "A new article",
            "Chronic pain (1)",
            "▶ Good article",
            "Sleep (2)",
            "▶ Good article",
            "Plain notes, renamed",
        ]
        assert app.current is app.library.get("good")
        await pilot.press("right_square_bracket")
        assert app.current.id == "plain"
    assert read_catalogue(root) == load_library(root).catalogue


@pytest.mark.usefixtures("slow_background")
async def test_a_fresh_load_keeps_the_sidebar_cursor_and_open_article(root: Path) -> None:
    load_library(root, cache=True)
    (root / "new.md").write_text("---\ntitle: Another sleep article\nconditions: [Sleep]\n---\nNew.\n")
    app = ReaderApp(start_library(root), StateStore())
    async with app.run_test(size=(100, 30)) as pilot:
        tree = app.query_one(LibraryTree)
        app.open_article("other")
        tree.select_condition("Uncategorized")
        tree.root.children[0].collapse()
        await pilot.pause()
        await wait_for_background(pilot, app)
        assert app.library.complete
        assert "Another sleep article" in sidebar_labels(app)
        assert tree.cursor_node.data.condition == "Uncategorized"
        assert not tree.root.children[0].is_expanded
        open_labels = [leaf.label.plain for branch in tree.root.children for leaf in branch.children if "▶" in leaf.label.plain]
        assert open_labels == ["▶ Other article"]
        assert app.current.id == "other"


@pytest.mark.usefixtures("slow_background")
async def test_an_article_deleted_since_the_last_run_is_not_reopened(root: Path, tmp_path: Path) -> None:
    load_library(root, cache=True)
    state = StateStore(tmp_path / "state.json")
    state.set_article("other")
    state.save()
    (root / "other.md").unlink()
    app = ReaderApp(start_library(root), StateStore(tmp_path / "state.json"))
    toasts = capture_notifications(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not app.library.complete
        assert app.current.id == "good"
        assert not any("No article" in toast for toast in toasts)


def test_unreadable_caches_are_set_aside_and_said_once(root: Path) -> None:
    from kratom_tui.locations import heads_cache_file

    load_library(root, cache=True)
    catalogue_path(root).write_bytes(b"\xff not json")
    heads_cache_file(root).write_bytes(b"not a database, just bytes" * 100)
    library = start_library(root)
    assert library.complete, "without a catalogue the library is loaded"
    assert sorted(article.id for article in library.articles) == ["good", "other", "plain"]
    said = " ".join(library.notices)
    assert "catalogue" in said and "heads" in said and "moved aside" in said
    aside = sorted(path.name.split(".corrupt-")[0] for path in catalogue_path(root).parent.glob("*.corrupt-*"))
    assert aside == sorted([catalogue_path(root).name, heads_cache_file(root).name])
    assert start_library(root).notices == [], "once set aside, the next start is quiet"


def test_neighbours_follow_the_sidebar_order_once_each_and_wrap_around() -> None:
    catalogue = Catalogue(
        groups={"Pain": [["b", "B"], ["c", "C"]], "Sleep": [["a", "A"], ["b", "B"]]},
        paths={"a": "a.md", "b": "b.md", "c": "c.md"},
    )
    assert [catalogue.neighbour("b", 1), catalogue.neighbour("c", 1), catalogue.neighbour("a", 1)] == ["c", "a", "b"]
    assert catalogue.neighbour("b", -1) == "a"  # wraps to the end
    assert catalogue.neighbour("gone", 1) == "b"  # an id no longer listed: from the start
    assert catalogue.neighbour(None, 1) == "b"
    assert Catalogue().neighbour("a", 1) is None


@pytest.mark.parametrize(
    "change",
    [
        lambda data: data["groups"]["Sleep"][0].__setitem__(1, "Good \x1b]0;owned\x07"),
        lambda data: data["groups"]["Sleep"][0].__setitem__(1, "Good\narticle"),
        lambda data: data["groups"]["Sleep"][0].__setitem__(1, " padded"),
        lambda data: data["groups"]["Sleep"][0].__setitem__(1, 7),
        lambda data: data["groups"]["Sleep"][0].__setitem__(0, ["unhashable"]),
        lambda data: data["groups"].__setitem__("Sle\x1bep", []),
        lambda data: data["paths"].__setitem__("hid\u202eden", "hidden.md"),
    ],
)
def test_a_saved_catalogue_with_one_unsafe_text_is_not_used(tmp_path: Path, change) -> None:
    """The texts are checked all at once for speed; one bad title still rejects the whole file."""
    import json

    root = write_library(tmp_path / "lib", {"good.md": GOOD, "other.md": OTHER})
    catalogue = load_library(root).catalogue
    data = json.loads(catalogue.to_json(root))
    assert Catalogue.from_data(data, root) == catalogue
    change(data)
    assert Catalogue.from_data(data, root) is None
