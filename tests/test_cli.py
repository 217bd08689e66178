"""The command line: output, exit codes, and that it never imports Textual."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kratom_tui.cli import main
from tests.helpers import write_library


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_list_plain_when_piped(small_library: Path, capsys) -> None:
    code, out, _ = run(capsys, "--articles", str(small_library), "list")
    assert code == 0
    assert out.splitlines() == ["good\tGood article\tChronic pain, Sleep\t1 min", "other\tOther article\tSleep\t1 min"]


def test_list_json(small_library: Path, capsys) -> None:
    code, out, _ = run(capsys, "list", "--json", "--articles", str(small_library))
    rows = json.loads(out)
    assert code == 0
    grades = {key: rows[0].pop(key) for key in ("flesch_kincaid_grade", "smog_grade")}
    assert rows[0] == {"id": "good", "title": "Good article", "conditions": ["Chronic pain", "Sleep"], "reading_minutes": 1}
    assert all(isinstance(grade, float) for grade in grades.values())


def test_articles_from_environment(small_library: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("KRATOM_TUI_ARTICLES", str(small_library))
    code, out, _ = run(capsys, "list")
    assert code == 0 and out.startswith("good\t")


def test_show_prints_article_then_risks_and_disclaimers(small_library: Path, capsys) -> None:
    code, out, _ = run(capsys, "--articles", str(small_library), "show", "good")
    assert code == 0
    assert "\x1b" not in out
    assert out.index("Good article") < out.index("## First heading") < out.index("Risks and disclaimers")
    assert "HIGH Liver damage" in out and "LOW  Nausea" in out
    assert "• Not medical advice." in out
    assert "title:" not in out


def test_show_does_not_interpret_markup(tmp_path: Path, capsys) -> None:
    root = write_library(tmp_path, {"m.md": "---\ntitle: '[bold]x[/] [link=file:///etc/passwd]y'\n---\n[red]z[/red]\n"})
    code, out, _ = run(capsys, "--articles", str(root), "show", "m", "--no-color")
    assert code == 0
    assert "[bold]x[/] [link=file:///etc/passwd]y" in out
    assert "[red]z[/red]" in out


def test_show_unknown_id_names_closest(small_library: Path, capsys) -> None:
    code, out, err = run(capsys, "--articles", str(small_library), "show", "goood")
    assert code == 2
    assert out == ""
    assert err.strip() == "kratom-tui: no article with id 'goood'; closest: good"


def test_missing_folder_is_one_line_exit_2(tmp_path: Path, capsys) -> None:
    for command in ([], ["list"], ["show", "x"], ["check"]):
        code, _, err = run(capsys, "--articles", str(tmp_path / "nope"), *command)
        assert code == 2
        assert err.strip() == f"kratom-tui: library folder not found: {tmp_path / 'nope'}"


def test_a_later_launch_starts_from_the_catalogue_of_the_last_load(
    small_library: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kratom_tui.ui.app as app_module

    started: list = []
    monkeypatch.setattr(app_module, "run_app", lambda library: started.append(library) or 0)
    monkeypatch.setattr("kratom_tui.cli._require_terminal", lambda: None)  # tests run without a terminal
    assert run(capsys, "--articles", str(small_library))[0] == 0
    assert run(capsys, "--articles", str(small_library))[0] == 0
    assert [library.complete for library in started] == [True, False]
    assert started[1].catalogue == started[0].catalogue


def test_check_clean_and_with_problems(small_library: Path, tmp_path: Path, capsys) -> None:
    code, out, err = run(capsys, "check", str(small_library))
    assert (code, out) == (0, "")
    assert "2 article(s), 0 problem(s)" in err
    broken = write_library(tmp_path / "broken", {"a.md": "---\ntitle: [x\n---\n", "b.md": b"\xff\xfe# x\n"})
    code, out, _ = run(capsys, "check", str(broken))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"{broken / 'a.md'}:") and "invalid YAML" in lines[0]
    assert lines[1] == f"{broken / 'b.md'}:1: warning: not valid UTF-8; undecodable bytes replaced with U+FFFD"


def test_version_and_help(capsys) -> None:
    for argv in (["--version"], ["--help"], ["list", "--help"], ["show", "--help"], ["check", "--help"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 0
    assert "kratom-tui" in capsys.readouterr().out


@pytest.mark.parametrize("command", [["list"], ["show", "good"], ["check"], ["list", "--json"]])
def test_non_interactive_commands_never_import_textual(small_library: Path, command: list[str]) -> None:
    code = (
        "import sys; from kratom_tui.cli import main; "
        f"status = main({['--articles', str(small_library), *command]!r}); "
        "assert 'textual' not in sys.modules, 'textual was imported'; "
        "sys.exit(status)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_module_entry_point(small_library: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kratom_tui", "--articles", str(small_library), "list"], capture_output=True, text=True
    )
    assert result.returncode == 0 and "Good article" in result.stdout
