"""`kratom-tui search`: output when piped, JSON, exit statuses, filters, and no Textual import."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kratom_tui import cli
from kratom_tui.cli import main
from tests.helpers import write_library
from tests.test_search import FILES, article


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def library(tmp_path: Path) -> Path:
    return write_library(tmp_path / "lib", FILES)


def test_plain_blocks_when_piped(library: Path, capsys) -> None:
    code, out, err = run(capsys, "--articles", str(library), "search", "magnesium")
    assert code == 0 and err == ""
    assert out == (
        "mag-title \u2014 Magnesium and sleep (Sleep)\n"
        "    A short note on minerals.\n"
        "\n"
        "mag-body \u2014 Minerals in general (Neuropathic pain)\n"
        "    Some sellers pair kratom with magnesium. Magnesium is said to relax muscles.\n"
    )
    assert "\x1b" not in out


def test_several_words_are_joined(library: Path, capsys) -> None:
    code, out, _ = run(capsys, "search", "restless", "legs", "--articles", str(library))
    assert code == 0
    assert [line.split(" \u2014 ")[0] for line in out.splitlines() if line and not line.startswith(" ")] == ["rls", "walk"]
    code, out, _ = run(capsys, "search", '"restless', 'legs"', "--articles", str(library))
    assert code == 0 and out.startswith("rls \u2014 ") and "walk" not in out


def test_json(library: Path, capsys) -> None:
    code, out, _ = run(capsys, "--articles", str(library), "search", "--json", "cramps")
    assert code == 0
    [row] = json.loads(out)
    assert set(row) == {"id", "title", "conditions", "score", "snippet"}
    assert row["id"] == "rls" and row["title"] == "Restless legs at night"
    assert row["conditions"] == ["Restless legs syndrome", "Sleep"]
    assert isinstance(row["score"], float) and row["score"] > 0
    assert "leg cramps" in row["snippet"] and "\x02" not in row["snippet"] and "\x03" not in row["snippet"]


def test_no_result_is_exit_1(library: Path, capsys) -> None:
    code, out, err = run(capsys, "--articles", str(library), "search", "nonexistentword")
    assert (code, out) == (1, "")
    assert err.strip() == "kratom-tui: no article matches: nonexistentword"
    code, out, _ = run(capsys, "--articles", str(library), "search", "--json", "nonexistentword")
    assert code == 1 and json.loads(out) == []
    for nasty in ('"', "AND", "c++", "risk:", "*", "NEAR(", "title:x", "^x"):
        code, _, _ = run(capsys, "--articles", str(library), "search", nasty)
        assert code in (0, 1)
    code, _, _ = run(capsys, "--articles", str(library), "search", "--", "-")
    assert code == 1


def test_missing_folder_is_one_line_exit_2(tmp_path: Path, capsys) -> None:
    code, out, err = run(capsys, "--articles", str(tmp_path / "nope"), "search", "legs")
    assert (code, out) == (2, "")
    assert err.strip() == f"kratom-tui: library folder not found: {tmp_path / 'nope'}"


def test_condition_and_limit(library: Path, capsys) -> None:
    code, out, _ = run(capsys, "--articles", str(library), "search", "legs", "--condition", "chronic")
    assert code == 0 and out.startswith("walk \u2014 ") and "rls" not in out
    code, out, _ = run(capsys, "--articles", str(library), "search", "legs", "condition:restless", "--json")
    assert [row["id"] for row in json.loads(out)] == ["rls"]
    code, out, _ = run(capsys, "--articles", str(library), "search", "filler", "--limit", "2", "--json")
    assert code == 0 and len(json.loads(out)) == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["--articles", str(library), "search", "filler", "--limit", "0"])
    assert exit_info.value.code == 2


def test_index_is_kept_in_the_cache_and_reused(library: Path, capsys, isolated_dirs: Path) -> None:
    assert run(capsys, "--articles", str(library), "search", "magnesium")[0] == 0
    [database] = (isolated_dirs / "xdg_cache_home" / "kratom-tui" / "search").glob("*.sqlite3")
    (library / "new.md").write_text(article("New", "Kayaking at dawn."), encoding="utf-8")
    code, out, _ = run(capsys, "--articles", str(library), "search", "kayaking")
    assert code == 0 and out.startswith("new \u2014 New (Sleep)")
    assert list(database.parent.glob("*.sqlite3")) == [database]


def test_unwritable_cache_is_a_notice_not_a_failure(library: Path, capsys, monkeypatch, tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "blocker"))
    code, out, err = run(capsys, "--articles", str(library), "search", "magnesium")
    assert code == 0 and out.startswith("mag-title")
    assert err.startswith("kratom-tui: Search index kept in memory: cache folder not writable")


def test_unavailable_search_is_one_line_exit_2(library: Path, capsys, monkeypatch) -> None:
    from kratom_tui.search import index as index_module

    monkeypatch.setattr(index_module, "_fts5_problem", lambda: "no such module: fts5")
    code, out, err = run(capsys, "--articles", str(library), "search", "legs")
    assert (code, out) == (2, "")
    assert err.strip() == "kratom-tui: SQLite here lacks FTS5: no such module: fts5"


def test_progress_bar_only_on_a_terminal_for_many_articles(tmp_path: Path, capsys, monkeypatch) -> None:
    root = write_library(tmp_path / "big", {f"a{n}.md": article(f"A {n}", "Plenty of words.") for n in range(210)})
    code, _, err = run(capsys, "--articles", str(root), "search", "plenty", "--limit", "1")
    assert code == 0 and err == ""  # piped: quiet

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    progress = cli._IndexingProgress()
    progress(0, 10)  # few articles: no bar
    assert progress._bar is None
    progress(0, 500)
    progress(250, 500)
    progress(500, 500)
    progress.close()
    assert "Indexing the library" in terminal.getvalue()


def test_rich_output_on_a_terminal(library: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("TTY_INTERACTIVE", "1")
    code, out, _ = run(capsys, "--articles", str(library), "search", "magnesium")
    assert code == 0
    assert "\x1b[" in out  # styled
    plain = "".join(part.split("m", 1)[-1] for part in out.split("\x1b["))
    assert "mag-title \u2014 Magnesium and sleep (Sleep)" in plain


def test_search_never_imports_textual(library: Path) -> None:
    code = (
        "import sys; from kratom_tui.cli import main; "
        f"status = main({['--articles', str(library), 'search', 'magnesium']!r}); "
        "assert 'textual' not in sys.modules, 'textual was imported'; "
        "sys.exit(status)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_help(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["search", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "condition:NAME" in out and "--limit" in out and "--json" in out and "--articles" in out
