"""The head cache: unchanged files come from it, changed ones are read again, a bad cache is rebuilt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import kratom_tui.library.loader as loader
from kratom_tui.library import load_library
from kratom_tui.locations import heads_cache_file
from tests.helpers import GOOD, body_of, write_library


def test_cached_load_equals_full_load_and_skips_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_library(tmp_path / "lib", {"good.md": GOOD, "bad.md": "---\ntitle: [x\n---\n", "b.md": "# B\n"})
    fresh = load_library(root, cache=True)
    calls: list[Path] = []
    real = loader.load_article
    monkeypatch.setattr(loader, "load_article", lambda path, *rest: calls.append(path) or real(path, *rest))
    cached = load_library(root, cache=True)
    assert calls == []
    assert [(a.id, a.title, a.conditions, a.risks, a.claims, a.body_offset) for a in cached.articles] == [
        (a.id, a.title, a.conditions, a.risks, a.claims, a.body_offset) for a in fresh.articles
    ]
    assert [(p.path, p.line, p.message) for p in cached.problems] == [(p.path, p.line, p.message) for p in fresh.problems]
    assert body_of(cached.get("good")).text.startswith("Intro paragraph")


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    root = write_library(tmp_path / "lib", {"a.md": "# Old title\n"})
    assert load_library(root, cache=True).get("a").title == "Old title"
    path = root / "a.md"
    path.write_text("# New title, longer\n")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert load_library(root, cache=True).get("a").title == "New title, longer"
    path.unlink()
    assert load_library(root, cache=True).articles == []


def test_a_corrupt_cache_is_thrown_away(tmp_path: Path) -> None:
    root = write_library(tmp_path / "lib", {"a.md": "# A\n"})
    cache = heads_cache_file(root)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(b"this is not a database" * 100)
    assert load_library(root, cache=True).get("a").title == "A"
    assert load_library(root, cache=True).get("a").title == "A"
