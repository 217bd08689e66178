"""Saved state: typed, validated field by field, written atomically, merged article by article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kratom_tui.document.position import TextPosition
from kratom_tui.state import SCHEMA_VERSION, StateStore


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    store = StateStore(path)
    store.set_article("a")
    store.set_theme("nord")
    store.set_place("a", TextPosition(4, 120))
    store.set_folded("a", True)
    assert store.save() is None
    again = StateStore(path).state
    assert (again.article, again.theme, again.places, again.folded) == ("a", "nord", {"a": TextPosition(4, 120)}, {"a"})
    assert json.loads(path.read_text())["version"] == SCHEMA_VERSION
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"], "no temporary file is left behind"


def test_a_fold_stays_until_unfolded(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    store = StateStore(path)
    store.set_folded("a", True)
    store.save()
    untouched = StateStore(path)
    untouched.set_article("b")
    untouched.save()
    assert StateStore(path).is_folded("a"), "a run that never touched the fold keeps it"
    unfolding = StateStore(path)
    unfolding.set_folded("a", False)
    unfolding.save()
    assert not StateStore(path).is_folded("a")


def test_corrupt_file_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text("{not json")
    store = StateStore(path)
    assert store.state.article is None and store.state.places == {}
    assert store.notice and "moved aside as state.json.corrupt-" in store.notice
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("state.json.corrupt-")]
    assert len(aside) == 1 and aside[0].read_text() == "{not json"


@pytest.mark.parametrize(
    "data, reset",
    [
        ({"places": []}, "places"),
        ({"places": None}, "places"),
        ({"places": {"a": "top", "b": [1, 2]}}, "places"),
        ({"folded": 5}, "folded"),
        ({"folded": ["a", 3]}, "folded"),
        ({"article": 7}, "article"),
        ({"theme": ["x"]}, "theme"),
        ({"seen": []}, "seen"),
        ({"seen": {"a": [1, -2], "b": [3, 4]}}, "seen"),
    ],
)
def test_a_field_of_the_wrong_shape_is_reset_and_the_rest_kept(tmp_path: Path, data: dict, reset: str) -> None:
    path = tmp_path / "state.json"
    path.write_text(json.dumps({"version": 2, "article": "kept", "theme": "nord", "places": {"b": [1, 2]}} | data))
    store = StateStore(path)
    assert store.notice and reset in store.notice
    if reset != "article":
        assert store.state.article == "kept"
    if reset != "theme":
        assert store.state.theme == "nord"
    if reset == "places" and isinstance(data["places"], dict):
        assert store.state.places == {"b": TextPosition(1, 2)}, "the valid entries survive"
    if reset == "seen" and isinstance(data["seen"], dict):
        assert store.state.seen == {"b": (3, 4)}, "the valid entries survive"


def test_version_one_folds_carry_over(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text(json.dumps({"article": "a", "scroll": {"a": 20}, "risks_collapsed": ["a"]}))
    state = StateStore(path).state
    assert (state.article, state.folded, state.places) == ("a", {"a"}, {})


def test_two_instances_keep_each_others_articles(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    first, second = StateStore(path), StateStore(path)
    first.set_theme("nord")
    first.set_place("a", TextPosition(1, 0))
    first.set_folded("a", True)
    second.set_article("b")
    second.set_place("b", TextPosition(2, 5))
    second.set_folded("b", True)
    first.save()
    second.save()
    state = StateStore(path).state
    assert state.theme == "nord" and state.article == "b"
    assert state.places == {"a": TextPosition(1, 0), "b": TextPosition(2, 5)}
    assert state.folded == {"a", "b"}


def test_a_directory_in_the_way_is_said_once_and_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.mkdir()
    store = StateStore(path)
    store.set_article("a")
    first = store.save()
    store.set_article("b")
    second = store.save()
    assert first and "Could not save" in first
    assert second is None, "the same failure is not repeated"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.json"]
