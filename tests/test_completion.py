"""Shell completion scripts: made from the parser, loaded in a real shell, completing ids."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kratom_tui.cli import build_parser, main
from kratom_tui.cli_completion import SHELLS, describe
from tests.helpers import write_library


@pytest.fixture
def shim(tmp_path: Path) -> Path:
    """A `kratom-tui` on PATH that runs this checkout, as the installed command would."""
    folder = tmp_path / "bin"
    folder.mkdir()
    command = folder / "kratom-tui"
    command.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m kratom_tui "$@"\n', encoding="utf-8")
    command.chmod(0o755)
    return folder


def _bash_complete(shim: Path, *words: str) -> list[str]:
    """Load the script in bash and ask it to complete `words` (the last one is being typed)."""
    script = subprocess.run(
        [str(shim / "kratom-tui"), "completion", "bash"], capture_output=True, text=True, check=True
    ).stdout
    quoted = " ".join("'" + word.replace("'", "'\\''") + "'" for word in ("kratom-tui", *words))
    ask = f'COMP_WORDS=({quoted}); COMP_CWORD={len(words)}; _kratom_tui; printf "%s\\n" "${{COMPREPLY[@]}}"'
    program = f"{script}\n{ask}"
    result = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", program],
        capture_output=True,
        text=True,
        env={"PATH": f"{shim}:/usr/bin:/bin", "HOME": str(shim)},
        check=True,
    )
    assert result.stderr == ""
    return [line for line in result.stdout.splitlines() if line]


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completes_commands_options_and_ids(shim: Path, tmp_path: Path) -> None:
    library = write_library(tmp_path / "lib", {"alpha-one.md": "# A\n", "alpha-two.md": "# B\n", "beta.md": "# C\n"})
    assert _bash_complete(shim, "--articles", str(library), "show", "alp") == ["alpha-one", "alpha-two"]
    assert _bash_complete(shim, "show", "--articles", str(library), "") == ["alpha-one", "alpha-two", "beta"]
    assert "restless-legs" in _bash_complete(shim, "show", "rest")  # the shipped library by default
    assert _bash_complete(shim, "s") == ["show", "search", "serve"]
    assert _bash_complete(shim, "--color", "") == ["auto", "always", "never"]
    assert _bash_complete(shim, "search", "--l") == ["--limit"]
    assert _bash_complete(shim, "completion", "") == list(SHELLS)
    assert _bash_complete(shim, "cache", "") == ["clear", "prune"]
    assert _bash_complete(shim, "--articles", str(tmp_path) + "/l") == [str(library)]


def test_every_command_and_option_is_in_every_script(capsys) -> None:
    top, commands = describe(build_parser())
    for shell in SHELLS:
        assert main(["completion", shell]) == 0
        script = capsys.readouterr().out
        for command in commands:
            assert command.name in script
            for flag in command.flags:
                assert flag in script or flag[2:] in script


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_other_shells_parse_their_script(shell: str, tmp_path: Path, capsys) -> None:
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed")
    assert main(["completion", shell]) == 0
    path = tmp_path / f"kratom-tui.{shell}"
    path.write_text(capsys.readouterr().out, encoding="utf-8")
    result = subprocess.run([shell, "-n", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_fish_completes_commands_and_ids(shim: Path, tmp_path: Path) -> None:
    library = write_library(tmp_path / "lib", {"alpha-one.md": "# A\n", "beta.md": "# C\n"})
    script = tmp_path / "kratom-tui.fish"
    script.write_text(subprocess.run([str(shim / "kratom-tui"), "completion", "fish"], capture_output=True,
                                     text=True, check=True).stdout, encoding="utf-8")

    def complete(line: str) -> list[str]:
        result = subprocess.run(
            ["fish", "--no-config", "-c", f"source {script}; complete -C '{line}'"],
            capture_output=True, text=True, env={"PATH": f"{shim}:/usr/bin:/bin", "HOME": str(tmp_path)}, check=True,
        )
        return [row.split("\t")[0] for row in result.stdout.splitlines()]

    assert complete(f"kratom-tui --articles {library} show al") == ["alpha-one"]
    assert complete("kratom-tui se") == ["search", "serve"]
    assert complete("kratom-tui --color ") == ["always", "auto", "never"]
