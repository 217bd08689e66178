"""`list` and `risks` answer from what they printed last time while no markdown file changes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kratom_tui.cli import main
from kratom_tui.locations import answers_file
from tests.helpers import write_library

ARTICLE = "---\ntitle: {title}\nconditions: [Sleep]\nrisks:\n  - name: Nausea\n    severity: low\n---\nBody text here.\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def library(tmp_path: Path) -> Path:
    return write_library(tmp_path, {"a.md": ARTICLE.format(title="First title"), "b.md": ARTICLE.format(title="Beta")})


def test_a_second_run_prints_the_same_from_the_kept_answers(tmp_path: Path, capsys) -> None:
    root = library(tmp_path)
    for command in (["list"], ["list", "--json"], ["list", "--ids"], ["risks"], ["risks", "--json"]):
        first = run(capsys, "--articles", str(root), *command)
        assert answers_file(root).is_file()
        assert run(capsys, "--articles", str(root), *command) == first, command
    kept = json.loads(answers_file(root).read_text())
    assert set(kept["answers"]) == {"list", "risks"}
    assert run(capsys, "--articles", str(root), "list", "--ids") == "a\nb\n"


def test_an_edited_file_is_read_again(tmp_path: Path, capsys) -> None:
    root = library(tmp_path)
    assert "First title" in run(capsys, "--articles", str(root), "list")
    (root / "a.md").write_text(ARTICLE.format(title="Second title, longer"))
    assert "Second title, longer" in run(capsys, "--articles", str(root), "list")
    (root / "c.md").write_text(ARTICLE.format(title="Gamma"))
    assert run(capsys, "--articles", str(root), "list", "--ids") == "a\nb\nc\n"
    (root / "b.md").unlink()
    assert "a (low), c (low)" in run(capsys, "--articles", str(root), "risks")


def test_the_kept_answers_are_used_while_the_files_are_unchanged(tmp_path: Path, capsys) -> None:
    """Rewritten by hand, with the same stamps: what it holds is printed (it is the answer kept)."""
    root = library(tmp_path)
    run(capsys, "--articles", str(root), "list")
    kept = json.loads(answers_file(root).read_text())
    kept["answers"]["list"][0]["title"] = "Kept title"
    answers_file(root).write_text(json.dumps(kept))
    assert run(capsys, "--articles", str(root), "list").startswith("a\tKept title\t")


@pytest.mark.parametrize("title", ["\x1b[31mred\x1b[0m", "two\nlines", 7, None])
def test_kept_answers_that_loading_could_not_have_made_are_not_printed(tmp_path: Path, capsys, title) -> None:
    root = library(tmp_path)
    run(capsys, "--articles", str(root), "list")
    kept = json.loads(answers_file(root).read_text())
    kept["answers"]["list"][0]["title"] = title
    answers_file(root).write_text(json.dumps(kept))
    out = run(capsys, "--articles", str(root), "list")
    assert out.startswith("a\tFirst title\t") and "\x1b" not in out


def test_unreadable_kept_answers_only_cost_time(tmp_path: Path, capsys) -> None:
    root = library(tmp_path)
    expected = run(capsys, "--articles", str(root), "risks")
    answers_file(root).write_bytes(b"\xff not json")
    assert run(capsys, "--articles", str(root), "risks") == expected
    answers_file(root).unlink()
    os.makedirs(answers_file(root))  # a folder in its place: nothing can be written there
    assert run(capsys, "--articles", str(root), "risks") == expected


def test_prune_removes_the_answers_of_a_deleted_library(tmp_path: Path, capsys) -> None:
    root = library(tmp_path / "gone")
    run(capsys, "--articles", str(root), "list")
    kept = answers_file(root)
    for path in root.iterdir():
        path.unlink()
    root.rmdir()
    assert main(["cache", "prune"]) == 0
    assert str(kept) in capsys.readouterr().out
    assert not kept.exists()
