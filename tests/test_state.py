"""Saved state: atomic writes, corrupt files set aside, concurrent runs merged key by key."""

from __future__ import annotations

import json
from pathlib import Path

from kratom_tui.state import StateStore


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    store = StateStore(path)
    store.set("article", "a")
    store.save()
    assert StateStore(path).get("article") == "a"
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]


def test_corrupt_file_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text("{not json")
    store = StateStore(path)
    assert store.values == {}
    assert store.notice and "moved to state.json.corrupt-" in store.notice
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("state.json.corrupt-")]
    assert len(aside) == 1 and aside[0].read_text() == "{not json"


def test_two_instances_keep_each_others_keys(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    first, second = StateStore(path), StateStore(path)
    first.set("theme", "nord")
    second.set("article", "b")
    first.save()
    second.save()
    assert json.loads(path.read_text()) == {"theme": "nord", "article": "b"}
