"""What the reader imports before its first frame, and what each command imports: only what it uses.

The reader imports no screen and no risk overview before its first frame: each is imported when a
key first opens it, so the start-up does not pay for them. Each command imports only the parts it
needs (as harlequin guards its cold start): Rich only to lay out or colour what it prints, the
markdown parser only to render a body, SQLite's search index only to search, and no command
Textual. Every program runs in a fresh interpreter, started the way the `kratom-tui` command starts
it, so that nothing this test process imported can hide an import.
"""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import kratom_tui.ui.screens
from tests.helpers import REPO, SHIPPED

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
NOT_BEFORE_THE_FIRST_FRAME = [*SCREENS, "kratom_tui.library.risk_overview", "kratom_tui.search.index"]


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


# Run in the child: one command, as the `kratom-tui` script runs it; then every module it imported.
LIST_AFTER_A_COMMAND = """
import sys
from kratom_tui.cli import main
modules_file = sys.argv.pop(1)
try:
    main(sys.argv[1:])
finally:
    with open(modules_file, "w") as stream:
        stream.write("\\n".join(sorted(sys.modules)))
"""

FOLDERS = {"platformdirs"}
"""The user's folders (every command that names the library folder or the cache)."""
LIBRARY = FOLDERS | {"yaml"}
"""Loading a library: its safety notes are YAML (front matter too, unless the head cache has it)."""
MARKDOWN = {"markdown_it", "mdurl", "mdit_py_plugins", "linkify_it"}

THIRD_PARTY = {
    "--version": set(),
    "about": set(),
    "completion bash": set(),
    "config": FOLDERS,  # it names the settings file
    "paths": FOLDERS,
    # Unchanged files: `list` and `risks` print the answers kept last time (kratom_tui.cli_answers).
    "list": FOLDERS,
    "list --json": FOLDERS,
    "list --ids": FOLDERS,
    "risks": FOLDERS,
    "risks --json": FOLDERS,
    "check": LIBRARY,
    "search sleep": LIBRARY | {"rich"},
    "search --json sleep": LIBRARY,
    "show restless-legs": LIBRARY | {"rich"} | MARKDOWN,
}
"""Packages from outside the standard library each command may import, its output piped, on the shipped library."""

HEAVY = {
    "sqlite3": {"check", "search", "show"},
    "kratom_tui.library.loader": {"check", "search", "show"},
    "kratom_tui.search.index": {"search"},
    "kratom_tui.document.markdown": {"show"},
    "kratom_tui.cli_output": {"search", "show"},
}
"""Heavy modules (the standard library's and the reader's own), and the commands that may import each."""


def _third_party(modules: set[str]) -> set[str]:
    """Top-level packages not in the standard library (C helpers such as Cython's runtime aside)."""
    tops = {name.split(".")[0] for name in modules}
    return {
        top
        for top in tops - set(sys.stdlib_module_names)
        if not top.startswith("_") and top not in ("kratom_tui", "cython_runtime")
    }


def modules_after(command: str, tmp_path: Path) -> set[str]:
    env = {
        **os.environ,
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    env.pop("KRATOM_TUI_ARTICLES", None)
    listed = tmp_path / "modules.txt"
    done = subprocess.run(
        [sys.executable, "-c", LIST_AFTER_A_COMMAND, str(listed), *command.split()],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr
    return set(listed.read_text().split())


def test_each_command_imports_only_what_it_uses(tmp_path: Path) -> None:
    assert SHIPPED.is_dir()
    # The first run of a library builds its caches and search index; the later runs are the usual case.
    for warm_up in ("list", "risks", "search sleep"):
        modules_after(warm_up, tmp_path)
    for command, allowed in THIRD_PARTY.items():
        modules = modules_after(command, tmp_path)
        assert "kratom_tui.cli" in modules, "the list was taken in the process that ran the command"
        extra = sorted(_third_party(modules) - allowed)
        assert extra == [], f"`kratom-tui {command}` imported {extra}"
        for module, users in HEAVY.items():
            if module in modules:
                assert command.split()[0] in users, f"`kratom-tui {command}` imported {module}"


def test_the_guard_sees_an_import() -> None:
    """The lists above are checked against what a process really imported (not an empty set)."""
    assert _third_party({"rich.console", "yaml", "_yaml", "json", "kratom_tui.cli"}) == {"rich", "yaml"}
