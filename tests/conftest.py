"""Shared fixtures: an isolated state folder for every test, and small libraries made on the fly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.helpers import GOOD, OTHER, write_library

# Property tests run many more examples in CI (CI=true) than on a developer's machine.
settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "ci", max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep state and cache of the tests away from the user's own (platformdirs honours XDG_*)."""
    home = tmp_path_factory.mktemp("xdg")
    for name in ("XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.delenv("KRATOM_TUI_ARTICLES", raising=False)
    return home


@pytest.fixture
def small_library(tmp_path: Path) -> Path:
    return write_library(tmp_path / "lib", {"good.md": GOOD, "other.md": OTHER})
