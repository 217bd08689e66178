"""What the reader imports before its first frame: no screen and no risk overview.

Each is imported when a key first opens it, so the start-up does not pay for them. The app runs in a fresh interpreter, started the way
the `kratom-tui` command starts it, so that nothing this test process imported can hide an import.
"""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import kratom_tui.ui.screens
from tests.helpers import REPO

# Run in the child: list every module once the first frame is out (Textual's Ready), then quit.
LIST_AT_FIRST_FRAME = """
import sys
from kratom_tui.ui.app import ReaderApp

def on_ready(self):
    print("\\n".join(sorted(sys.modules)), flush=True)
    self.exit()

ReaderApp.on_ready = on_ready
from kratom_tui.cli import main
sys.exit(main([]))
"""

SCREENS = [f"kratom_tui.ui.screens.{module.name}" for module in pkgutil.iter_modules(kratom_tui.ui.screens.__path__)]
NOT_BEFORE_THE_FIRST_FRAME = [*SCREENS, "kratom_tui.library.risk_overview"]
# The reader itself leaves the search index to its worker too (`SearchService`), but the command
# line's own module imports it (through its trust printers), so it is not listed here.


def modules_at_first_frame(tmp_path: Path) -> set[str]:
    env = {
        **os.environ,
        "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver",
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-c", LIST_AT_FIRST_FRAME], env=env, cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


def test_the_first_frame_imports_no_screen_and_no_risk_overview(tmp_path: Path) -> None:
    assert len(SCREENS) >= 7, SCREENS
    # The first launch of a library, then a later one (started from its catalogue).
    for launch in ("first", "later"):
        modules = modules_at_first_frame(tmp_path)
        assert "kratom_tui.ui.widgets.article_view" in modules, "the list was taken in the running reader"
        early = sorted(set(NOT_BEFORE_THE_FIRST_FRAME) & modules)
        assert early == [], f"{launch} launch imported before its first frame: {early}"
