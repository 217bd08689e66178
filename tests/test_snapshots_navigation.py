"""SVG snapshots of link hints, the link list and reading mode, at 80x24 and 160x45."""

from __future__ import annotations

from pathlib import Path

import pytest

from kratom_tui.library import load_library
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp
from tests.helpers import write_library

SIZES = [(80, 24), (160, 45)]
LINKED = """---
title: A page with links
conditions: [Sleep]
risks:
  - name: Dependence
    detail: The page warns of it.
    severity: high
---
This page points to [the other page](other.md), to [its heading](other.md#only-heading),
to [a web page](https://example.org/kratom) and to [a file outside](../outside.md).

## Further down

More text, and [a heading here](#further-down).
"""
OTHER = "---\ntitle: The other page\nconditions: [Sleep]\n---\n## Only heading\n\nText.\n"


@pytest.fixture(autouse=True)
def fixed_config_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent/kratom-tui-snapshots/config")


@pytest.fixture
def app(tmp_path: Path) -> ReaderApp:
    root = write_library(tmp_path / "lib", {"a-linked.md": LINKED, "other.md": OTHER})
    return ReaderApp(load_library(root), StateStore(tmp_path / "state.json"))


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_link_hints(snap_compare, app: ReaderApp, size) -> None:
    assert snap_compare(app, press=["f"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_link_list(snap_compare, app: ReaderApp, size) -> None:
    assert snap_compare(app, press=["F"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_reading_mode(snap_compare, app: ReaderApp, size) -> None:
    assert snap_compare(app, press=["z"], terminal_size=size)
