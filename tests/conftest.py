"""Shared fixtures: an isolated state folder for every test, and small libraries made on the fly."""

from __future__ import annotations

from pathlib import Path

import os
import time

import pytest
from hypothesis import HealthCheck, settings

# Property tests run many more examples in CI (CI=true) than on a developer's machine.
settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "ci", max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "articles"
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep state and cache of the tests away from the user's own (platformdirs honours XDG_*)."""
    home = tmp_path_factory.mktemp("xdg")
    for name in ("XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.delenv("KRATOM_TUI_ARTICLES", raising=False)
    return home


async def wait_for_background(pilot, app, timeout: float = 30) -> None:
    """Let the app's worker load the library and update the index, without blocking the app's loop."""
    deadline = time.monotonic() + timeout
    while not app.search_service.ready.is_set() and time.monotonic() < deadline:
        await pilot.pause(0.05)
    await pilot.pause()


def write_library(root: Path, files: dict[str, str | bytes]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


GOOD = """---
title: Good article
summary: A short summary.
conditions: [Chronic pain, Sleep]
published: 2024-01-02
source: A test page
tags: [one, two]
risks:
  - name: Liver damage
    detail: Reported rarely.
    severity: high
  - name: Nausea
    detail: Upset stomach.
    severity: low
disclaimers:
  - Not medical advice.
---
Intro paragraph with a [link](other.md).

## First heading

Some **bold** text.

## Second heading

- one
- two
"""

OTHER = """---
title: Other article
conditions: [Sleep]
---
See the [good one](good.md#second-heading) and [outside](../outside.md) and [web](https://example.org/x).

## Only heading

Text.
"""


@pytest.fixture
def small_library(tmp_path: Path) -> Path:
    return write_library(tmp_path / "lib", {"good.md": GOOD, "other.md": OTHER})
