"""`kratom-tui notes` and `notes --export`: the reader's notes outside the app, as text, JSON and markdown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kratom_tui.cli import main
from kratom_tui.notes.store import NoteStore


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def notes() -> None:
    clock = iter(range(1000, 2000))
    store = NoteStore.open(clock=lambda: float(next(clock)))
    store.add("good", "Some bold text.", "Intro. ", " Second", "Ask about the [dose](http://evil.example) <b>x</b>", 3, 0)
    store.add("other", "Text.", "", "", "", 2, 0)
    detached = store.add("good", "Gone words", "", "", "# Not a heading\n1. not a list", 1, 0)
    store.update(detached.id, detached=True)
    store.close()


def test_notes_lists_every_note_by_article_newest_first(small_library: Path, notes, capsys) -> None:
    code, out, _ = run(capsys, "--articles", str(small_library), "notes")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "good — Good article"
    assert "#3 note" in lines[1] and "detached" in lines[1]
    assert lines[2] == "    “Gone words”"
    assert "other — Other article" in lines and "highlight" in out
    assert out.index("Gone words") < out.index("Some bold text.") < out.index("Text.”")


def test_notes_of_one_article_as_json(small_library: Path, notes, capsys) -> None:
    code, out, _ = run(capsys, "--articles", str(small_library), "notes", "--json", "other")
    assert code == 0
    [row] = json.loads(out)
    assert (row["article"], row["title"], row["quote"], row["highlight"], row["detached"]) == (
        "other", "Other article", "Text.", True, False,
    )


def test_notes_of_an_unknown_article_is_a_usage_error(small_library: Path, notes, capsys) -> None:
    code, out, err = run(capsys, "--articles", str(small_library), "notes", "goood")
    assert code == 2 and out == "" and "no article with id 'goood'" in err and "good" in err


def test_no_notes_yet_says_so_on_stderr(small_library: Path, capsys) -> None:
    code, out, err = run(capsys, "--articles", str(small_library), "notes")
    assert code == 0 and out == "" and "no notes yet" in err


def test_notes_export_writes_markdown_with_citations_and_nothing_live(small_library: Path, notes, tmp_path, capsys) -> None:
    target = tmp_path / "out" / "notes.md"
    code, out, _ = run(capsys, "--articles", str(small_library), "notes", "--export", str(target))
    assert code == 0 and "3 note(s)" in out
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# My notes from kratom-tui\n")
    assert "not medical advice" in text
    assert "## Good article" in text and "— Good article\\. A test page, 2 Jan 2024\\. Via kratom-tui\\." not in text
    assert "— Good article. A test page, 2 Jan 2024. Via kratom-tui." in text
    assert "> Some bold text." in text
    # The note's words cannot become a link, HTML, a heading or a list.
    assert "\\[dose\\](http://evil.example) \\<b\\>x\\</b\\>" in text
    assert "\n\\# Not a heading\n1\\. not a list\n" in text
    assert "*Detached: this passage is no longer in the article.*" in text
    assert "*Highlight.*" in text


def test_notes_export_to_a_folder_that_cannot_be_written(small_library: Path, notes, tmp_path, capsys) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    code, _, err = run(capsys, "--articles", str(small_library), "notes", "--export", str(blocker / "notes.md"))
    assert code == 2 and "could not write" in err
