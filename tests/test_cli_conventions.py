"""Colour, width, encoding, paging and error conventions of the command line, run as a user would.

Terminal cases run the real command in a pseudo-terminal of a chosen size; piped cases capture its
output through a pipe.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from tests.helpers import write_library

LONG_ID = "neuropathic-pain-and-sleep-and-more"
URL = "https://example.org/a/rather/long/address/that/must/never/be/split?with=query&and=more"
PARAGRAPH = " ".join(["This paragraph is long enough to be wrapped at eighty columns by any terminal."] * 4)
ARTICLE = f"""---
title: Kratom and a very long title that has to wrap somewhere — with a dash
conditions: [Chronic pain, Sleep]
risks:
  - name: Liver damage
    detail: Reported “rarely” … in the source.
    severity: high
disclaimers:
  - Not medical advice.
---
{PARAGRAPH}

See {URL} for more.

## A heading

- a bullet point • with a bullet in it
"""
COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])[0-9;]*m")


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return write_library(tmp_path / "lib", {f"{LONG_ID}.md": ARTICLE, "short.md": "# Short\n\nText.\n"})


def _environment(**extra: str) -> dict[str, str]:
    unset = ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "PAGER")
    env = {key: value for key, value in os.environ.items() if key not in unset}
    env.update(TERM="xterm-256color", PYTHONIOENCODING="utf-8")
    env.update(extra)
    return env


def in_terminal(argv: list[str], columns: int = 100, **env: str) -> tuple[int, str]:
    """Run `kratom-tui argv` with stdin, stdout and stderr on a pseudo-terminal of `columns`."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "kratom_tui", *argv], stdin=slave, stdout=slave, stderr=slave, env=_environment(**env)
    )
    os.close(slave)
    output = bytearray()
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.close(master)
    return process.wait(timeout=60), output.decode("utf-8", errors="replace").replace("\r\n", "\n")


def piped(argv: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kratom_tui", *argv],
        capture_output=True,
        text=True,
        errors="replace",
        stdin=subprocess.DEVNULL,
        env=_environment(**env),
        timeout=60,
    )


def visible(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)


COMMANDS = [["show", LONG_ID, "--no-pager"], ["list"], ["risks"], ["search", "paragraph"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda argv: argv[0])
def test_color_never_prints_no_escape_at_all_even_on_a_terminal(library: Path, command: list[str]) -> None:
    code, out = in_terminal(["--articles", str(library), "--color", "never", *command])
    assert code == 0, out
    assert "\x1b" not in out
    assert "Traceback" not in out


def test_color_never_is_accepted_after_the_command_too(library: Path) -> None:
    code, out = in_terminal(["--articles", str(library), "show", LONG_ID, "--no-pager", "--color", "never"])
    assert code == 0 and "\x1b" not in out and "## A heading" in out


@pytest.mark.parametrize("command", COMMANDS, ids=lambda argv: argv[0])
def test_no_color_keeps_styles_but_drops_colours(library: Path, command: list[str]) -> None:
    code, out = in_terminal(["--articles", str(library), *command], NO_COLOR="1")
    assert code == 0, out
    assert "\x1b[1m" in out  # bold stays
    assert not COLOUR.search(out)
    if command[0] != "risks":  # the risk table has bold headers only
        code, out = in_terminal(["--articles", str(library), *command])
        assert COLOUR.search(out)  # the same command colours without NO_COLOR


def test_force_color_and_color_always_style_piped_output(library: Path) -> None:
    argv = ["--articles", str(library), "show", LONG_ID]
    assert "\x1b" not in piped(argv).stdout
    assert "\x1b[" in piped(argv, FORCE_COLOR="1").stdout
    assert "\x1b" not in piped(argv, FORCE_COLOR="0").stdout
    assert "\x1b[" in piped(["--color", "always", *argv], NO_COLOR="1").stdout  # the option beats the environment


@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "ascii"}, {"LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": ""}])
@pytest.mark.parametrize("command", [*COMMANDS, ["check"], ["list", "--json"]], ids=lambda argv: "-".join(argv[:2]))
def test_any_locale_prints_without_a_traceback(library: Path, command: list[str], env: dict[str, str]) -> None:
    result = piped(["--articles", str(library), *command], **env)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_ascii_output_uses_look_alikes(library: Path) -> None:
    result = piped(["--articles", str(library), "show", LONG_ID], PYTHONIOENCODING="ascii")
    assert result.stdout.isascii()
    assert "somewhere -- with a dash" in result.stdout
    assert 'Reported "rarely" ... in the source.' in result.stdout
    assert "* a bullet point * with a bullet in it" in result.stdout


@pytest.mark.parametrize("columns", ["0", "1", "-3", "wide"])
def test_a_silly_columns_value_is_clamped_on_a_terminal(library: Path, columns: str) -> None:
    argv = ["--articles", str(library), "--color", "never", "show", LONG_ID, "--no-pager"]
    code, out = in_terminal(argv, COLUMNS=columns)
    assert code == 0
    lines = out.splitlines()
    assert "Liver damage" in out and len(lines) < 200
    assert max(len(line) for line in lines) <= (40 if columns == "1" else 100)
    assert max(len(line) for line in lines) >= 30


def test_a_terminal_is_filled_to_its_width(library: Path) -> None:
    code, out = in_terminal(["--articles", str(library), "--color", "never", "show", LONG_ID, "--no-pager"], columns=60)
    assert code == 0
    widths = [len(line) for line in out.splitlines()]
    assert max(widths) <= 60 and max(widths) >= 50


def test_piped_show_is_not_hard_wrapped(library: Path) -> None:
    out = piped(["--articles", str(library), "show", LONG_ID]).stdout
    lines = out.splitlines()
    assert PARAGRAPH in lines  # the whole paragraph on one line
    assert f"See {URL} for more." in lines
    assert all(line == line.rstrip() for line in lines)
    assert max(len(line) for line in lines if set(line) <= set("─ ")) <= 80  # rules keep a normal width


@pytest.mark.parametrize("columns", [80, 40, 20])
def test_list_never_wraps_an_id(library: Path, columns: int) -> None:
    code, out = in_terminal(["--articles", str(library), "list"], columns=columns)
    assert code == 0
    assert any(LONG_ID in line for line in visible(out).splitlines())
    assert "Traceback" not in out


def test_list_ids_for_scripts(library: Path, capsys) -> None:
    from kratom_tui.cli import main

    assert main(["--articles", str(library), "list", "--ids"]) == 0
    assert capsys.readouterr().out.splitlines() == [LONG_ID, "short"]


def test_unknown_condition_names_the_known_ones(library: Path) -> None:
    for argv in (["search", "paragraph", "--condition", "nope"], ["search", "paragraph", "condition:nope"]):
        result = piped(["--articles", str(library), *argv])
        assert result.returncode == 2
        assert result.stdout == ""
        assert result.stderr.strip() == (
            "kratom-tui: unknown condition 'nope'; the library's conditions are: Chronic pain, Sleep, Uncategorized"
        )
    assert piped(["--articles", str(library), "search", "paragraph", "--condition", "chron"]).returncode == 0


def test_the_reader_without_a_terminal_exits_2_at_once(library: Path) -> None:
    started = time.monotonic()
    result = piped(["--articles", str(library)])
    assert time.monotonic() - started < 30  # it does not wait for a terminal that never comes
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("kratom-tui: the reader needs a terminal")
    assert "textual" not in result.stderr.lower()


def test_show_goes_through_the_pager_on_a_terminal_only(library: Path, tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"import sys; open(sys.argv[1], 'w').write(sys.stdin.read())\" {paged}"
    code, out = in_terminal(["--articles", str(library), "show", LONG_ID], PAGER=pager)
    assert code == 0
    assert "Liver damage" in paged.read_text(encoding="utf-8")
    assert "Liver damage" not in out
    paged.unlink()
    code, out = in_terminal(["--articles", str(library), "show", LONG_ID, "--no-pager"], PAGER=pager)
    assert code == 0 and "Liver damage" in out and not paged.exists()
    result = piped(["--articles", str(library), "show", LONG_ID], PAGER=pager)
    assert "Liver damage" in result.stdout and not paged.exists()


def test_a_missing_pager_prints_directly(library: Path) -> None:
    code, out = in_terminal(["--articles", str(library), "show", LONG_ID], PAGER="no-such-pager-here")
    assert code == 0 and "Liver damage" in out
