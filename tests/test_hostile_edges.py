"""Hardening, second round: the edges of the hostile library.

Files outside the library, FIFOs and devices are never opened; no control byte from a file name,
a YAML key, a cache or a query reaches the output; no small file (an alias bomb, deep nesting,
a thousand `*`) takes a command or the app down; ids are unique; any line ending reads alike; a
body is read from the file as it is now.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from pathlib import Path

import pytest
import yaml

from kratom_tui.cli import main
from kratom_tui.document.layout import DocumentLayout
from kratom_tui.document.markdown import BlockRenderer, Links
from kratom_tui.document.palette import TERMINAL
from kratom_tui.library import load_library, start_library
from kratom_tui.library.catalogue import catalogue_path, read_catalogue
from kratom_tui.library.head_cache import HeadCache
from kratom_tui.library.model import Problem
from kratom_tui.library.safe_open import LibraryFiles, Refused, open_regular
from kratom_tui.library.safety_notes import load_safety_notes
from kratom_tui.library.sanitize import display_path, strip_controls
from kratom_tui.library.yaml_loader import YAMLTooLarge, load_data, load_with_nodes
from kratom_tui.links import OpenArticle, Refuse, resolve_link
from kratom_tui.locations import heads_cache_file
from kratom_tui.search import SearchIndex, parse_query
from kratom_tui.search.query import MAX_TERMS
from kratom_tui.settings import load_settings
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp
from kratom_tui.ui.screens.problems import ProblemsScreen
from kratom_tui.ui.widgets.library_tree import LibraryTree
from tests.helpers import write_library
from tests.hostile_library import NAME_IDS, NAMES, TITLE_PAYLOADS, alias_bomb, build_hostile_library

SECRET = "TOP-SECRET-OUTSIDE"
CONTROL_BYTES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def no_controls(text: str) -> bool:
    return CONTROL_BYTES.search(text) is None


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_hostile_library(tmp_path_factory.mktemp("edges") / "library", big=False)


@pytest.fixture
def small(tmp_path: Path) -> Path:
    (tmp_path / "secret.md").write_text(f"# Secret\n\n{SECRET}\n")
    return write_library(
        tmp_path / "lib",
        {"a.md": "---\ntitle: Article A\nconditions: [One]\n---\nBody of A.\n", "b.md": "# B\n\nBody of B.\n"},
    )


def swap_for_link_out(root: Path, name: str) -> None:
    os.replace(root / name, root.parent / f"{name}.old")
    os.symlink(root.parent / "secret.md", root / name)


# One gate for every opened path ---------------------------------------------------------------


def test_the_gate_opens_regular_files_inside_only(small: Path) -> None:
    files = LibraryFiles(small)
    with files.open(small / "a.md") as stream:
        assert stream.read().startswith(b"---")
    os.symlink(small.parent / "secret.md", small / "out.md")
    os.mkfifo(small / "pipe.md")
    for path, reason in (
        (small / "out.md", "outside"),
        (small / ".." / "secret.md", "outside"),
        (small / "pipe.md", "FIFO"),
        (small, "folder"),
    ):
        with pytest.raises(Refused, match=reason):
            files.open(path)
    with pytest.raises(Refused, match="device"):
        open_regular("/dev/zero")
    with pytest.raises(OSError):
        files.open(small / "missing.md")


def test_an_article_swapped_for_a_link_out_while_running_is_not_read(small: Path) -> None:
    library = load_library(small)
    swap_for_link_out(small, "a.md")
    body = library.read_body(library.get("a"))
    assert body.text == "" and SECRET not in body.text
    assert any("outside the library" in problem.message for problem in body.problems)


def test_an_article_swapped_for_a_link_out_between_runs_is_not_read(small: Path, capsys) -> None:
    load_library(small, cache=True)
    swap_for_link_out(small, "a.md")
    started = start_library(small)
    assert not started.complete and started.get("a") is None
    assert main(["--articles", str(small), "show", "a"]) == 2
    assert main(["--articles", str(small), "check"]) == 1
    out = capsys.readouterr()
    assert SECRET not in out.out + out.err
    assert "a.md:1: warning: link points outside" in out.out


def test_a_fifo_in_place_of_an_article_is_refused_not_waited_on(small: Path) -> None:
    library = load_library(small, cache=True)
    (small / "a.md").unlink()
    os.mkfifo(small / "a.md")
    body = library.read_body(library.get("a"))
    assert body.text == ""
    assert any("named pipe" in problem.message for problem in body.problems)
    assert start_library(small).get("a") is None


async def test_the_app_does_not_hang_on_a_fifo_that_was_the_last_read_article(small: Path, tmp_path: Path) -> None:
    load_library(small, cache=True)
    state = tmp_path / "state.json"
    state.write_text(json.dumps({"article": "a"}))
    (small / "a.md").unlink()
    os.mkfifo(small / "a.md")
    app = ReaderApp(start_library(small), StateStore(state))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.current is not None and app.current.id == "b"
        await pilot.press("q")
    assert not app.is_running


async def test_the_app_does_not_show_an_article_swapped_for_a_link_out_while_running(
    small: Path, tmp_path: Path
) -> None:
    state = tmp_path / "state.json"
    state.write_text(json.dumps({"article": "b"}))
    library = load_library(small)
    swap_for_link_out(small, "a.md")  # after its head was read, before its body is (the app reads neighbours at once)
    app = ReaderApp(library, StateStore(state))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.current.id == "b"
        app.open_article("a")
        await pilot.pause()
        app.pane.view.layout_.finish()
        assert app.current.id == "a"
        assert SECRET not in "\n".join(app.pane.view.layout_.plain)
        assert "outside the library" in "\n".join(app.pane.view.layout_.plain)


def test_a_catalogue_naming_files_outside_is_ignored(small: Path) -> None:
    load_library(small, cache=True)
    path = catalogue_path(small)
    saved = json.loads(path.read_text())
    for bad in ("/etc/passwd", "../secret.md", "a/../../secret.md", "a.md\x00.txt"):
        saved["paths"]["a"] = bad
        path.write_text(json.dumps(saved))
        assert read_catalogue(small) is None, bad
        library = start_library(small)
        assert library.complete
        assert library.read_body(library.get("a")).text == "Body of A.\n"
    saved["paths"]["a"] = "a.md"
    saved["groups"]["One"] = [["a", "Title \x1b]0;PWNED\x07"]]
    path.write_text(json.dumps(saved))
    assert read_catalogue(small) is None


def test_head_cache_rows_of_wrong_types_or_with_controls_are_read_again(small: Path) -> None:
    load_library(small, cache=True)
    connection = sqlite3.connect(heads_cache_file(small))
    rows = connection.execute("SELECT path, data FROM heads").fetchall()
    assert rows
    for path, data in rows:
        row = json.loads(data)
        if "article" in row:
            row["article"]["title"] = [1, 2] if path.endswith(b"a.md") else "B \x1b]0;PWNED\x07"
        row["problems"] = [[1, "forged", "fatal"]] if path.endswith(b"a.md") else []
        connection.execute("UPDATE heads SET data = ? WHERE path = ?", (json.dumps(row), path))
    connection.commit()
    connection.close()
    library = load_library(small, cache=True)
    assert library.get("a").title == "Article A"
    assert library.get("b").title == "B"
    assert library.problems == []
    heads = HeadCache(heads_cache_file(small))
    assert heads.rows and all(isinstance(key, bytes) for key in heads.rows)
    heads.close()


def test_text_read_back_from_the_search_index_is_sanitized(small: Path, tmp_path: Path) -> None:
    library = load_library(small)
    with SearchIndex.open(small, tmp_path / "search") as index:
        index.update(library)
        index._writer.execute(
            "UPDATE docs SET title = ?, id = ?, conditions = ? WHERE id = 'a'",
            ("A \x1b]0;PWNED\x07", "a\x1b[2J", "One\x1b[2J"),
        )
        hits = index.search("body")
    assert hits and all(no_controls(hit.title + hit.article_id + "".join(hit.conditions) + hit.snippet) for hit in hits)


def test_links_go_through_the_gate(small: Path) -> None:
    library = load_library(small)
    here = library.get("a")
    assert resolve_link("b.md", here, library) == OpenArticle("b")
    assert isinstance(resolve_link("b.md%00.txt", here, library), Refuse)
    assert isinstance(resolve_link("../secret.md", here, library), Refuse)
    refused = resolve_link("x%1b]0;PWNED%07.md", here, library)
    assert isinstance(refused, Refuse) and no_controls(refused.reason) and "\\x1b" in refused.reason


# File names, keys and severities --------------------------------------------------------------


def test_names_are_escaped_in_every_command(hostile: Path, capsys) -> None:
    outputs = []
    commands = (["list"], ["list", "--json"], ["risks"], ["risks", "--json"], ["search", "text"])
    commands += (["search", "caf*", "--json"],)
    for command in commands:
        assert main(["--articles", str(hostile), *command]) in (0, 1), command
        outputs.append(capsys.readouterr().out)
    for article_id in sorted(NAME_IDS) + ["key-escapes"]:
        assert main(["--articles", str(hostile), "show", article_id, "--no-color"]) == 0, article_id
        outputs.append(capsys.readouterr().out)
    assert main(["check", str(hostile)]) == 1
    check = capsys.readouterr().out
    outputs.append(check)
    for out in outputs:
        assert no_controls(out), out[:200]
        for payload in TITLE_PAYLOADS:
            assert f"{payload}\x07" not in out
    listed = outputs[0]
    assert all(article_id in listed for article_id in NAME_IDS)
    # One line per problem: a newline in a name cannot start a line of its own.
    assert all(re.match(r".+:\d+: (error|warning|note): ", line) for line in check.splitlines()), check
    newline_name = next(name for name in NAMES if "\n" in name)
    assert display_path(hostile / newline_name) + ":3: warning: control characters removed" in check
    assert "latin1-name-caf\\xe9.md:1: warning: file name has" in check


def test_yaml_keys_and_severities_lose_their_controls(hostile: Path) -> None:
    library = load_library(hostile)
    article = library.get("key-escapes")
    assert all(no_controls(key) for key in article.extra)
    assert article.risks[0].severity is None
    messages = [p.message for p in library.problems if p.path.name == "key-escapes.md"]
    assert any("severity" in message for message in messages) and all(no_controls(m) for m in messages)


def test_problem_messages_are_one_clean_line(tmp_path: Path) -> None:
    problem = Problem(tmp_path / "x\x1b.md", 1, "first\nsecond \x1b]0;T\x07")
    assert problem.message == "first second ]0;T"
    assert problem.format(tmp_path) == "x\\x1b.md:1: error: first second ]0;T"


async def test_the_app_shows_escaped_names_in_the_sidebar_and_problems(hostile: Path) -> None:
    app = ReaderApp(load_library(hostile), StateStore())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = app.query_one(LibraryTree)
        for branch in tree.root.children:
            branch.expand()
        await pilot.pause()
        labels = [leaf.label.plain for branch in tree.root.children for leaf in branch.children]
        assert labels and all(no_controls(label) for label in labels)
        for article_id in sorted(NAME_IDS):
            app.open_article(article_id)
            await pilot.pause()
            assert app.current.id == article_id
        app.action_problems()
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        shown = "\n".join(str(option.prompt) for option in app.screen.query_one("#problems").options)
        assert no_controls(shown.replace("\n", "")) and "latin1-name-caf\\xe9.md" in shown
        assert app.is_running


# Bounded parsing ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (alias_bomb(9).split("---\n")[1], "aliases"),
        ("a: &a [x, *a]\n", "contains it"),
        ("a: " + "[" * 40 + "]" * 40 + "\n", "levels deep"),
        ("a: " + "[" * 5000 + "]" * 5000 + "\n", "nesting depth"),
        ("a: &a " + "x" * 2000 + "\nb: [" + ", ".join(["*a"] * 600) + "]\n", "aliases"),
    ],
)
def test_the_yaml_loader_refusesalias_bombs_and_deep_nesting(text: str, reason: str) -> None:
    with pytest.raises(yaml.YAMLError, match=reason):
        load_with_nodes(text)


def test_the_yaml_loader_keeps_harmless_aliases_and_cleans_keys() -> None:
    assert load_data("a: &a [1, 2]\nb: *a\n") == {"a": [1, 2], "b": [1, 2]}
    assert load_data('"k\\e]0;T\\a": "v\\e[2J"\n') == {"k]0;T": "v[2J"}
    assert issubclass(YAMLTooLarge, yaml.YAMLError)


def test_aalias_bomb_in_settings_or_safety_notes_is_reported_not_fatal(tmp_path: Path) -> None:
    bomb = alias_bomb(9).split("---\n")[1]
    settings = tmp_path / "settings.yaml"
    settings.write_text("urgent_help:\n  emergency: '112'\n" + bomb)
    loaded = load_settings(settings)
    # Settings are read a top-level section at a time: the bomb's sections are refused and reported,
    # the valid one is kept.
    assert loaded.emergency == "112" and "not fully read" in loaded.notice and "ignored" in loaded.notice
    os.mkfifo(tmp_path / "fifo.yaml")
    assert "FIFO" in load_settings(tmp_path / "fifo.yaml").notice
    (tmp_path / "safety-notes.yaml").write_text("notes: []\n" + bomb)
    notes = load_safety_notes(tmp_path)
    assert not notes.notes and "aliases" in notes.problems[0].message


def test_a_thousand_emphasis_marks_render_in_show_and_in_layout(hostile: Path, capsys) -> None:
    source = "*" * 1000 + "a" + "*" * 1000 + "\n\n" + "[" * 1000 + "b" + "](#x)" * 1000 + "\n"
    layout = DocumentLayout(BlockRenderer(TERMINAL, Links()), [], source, 80)
    layout.finish()
    assert "a" in "".join(layout.plain)
    blocks = BlockRenderer(TERMINAL, Links()).render("***deep*** and plain\n")
    spans = blocks[0].renderable.spans
    assert blocks[0].renderable.plain == "deep and plain" and spans and spans[0].end == 4
    assert main(["--articles", str(hostile), "show", "emphasis-nesting", "--no-color"]) == 0
    assert "Traceback" not in capsys.readouterr().err


# Ids, line endings, edits while running -------------------------------------------------------


def test_a_subfolder_article_and_a_top_level_one_of_the_same_name_stay_apart(hostile: Path, capsys) -> None:
    assert main(["--articles", str(hostile), "show", "x", "--no-color"]) == 0
    top = capsys.readouterr().out
    assert main(["--articles", str(hostile), "show", "sub/x", "--no-color"]) == 0
    sub = capsys.readouterr().out
    assert "Body of the top-level x." in top and "Seizures" in top and "Nausea" not in top
    assert "Body of sub/x." in sub and "Nausea" in sub and "Seizures" not in sub


def test_cr_only_front_matter_reads_like_lf(hostile: Path, capsys) -> None:
    library = load_library(hostile)
    article = library.get("cr-only")
    assert article.title == "Old Mac line endings"
    assert [(risk.name, risk.severity) for risk in article.risks] == [("Seizures", "high")]
    assert library.read_body(article).text == "First body line\n\n## Heading\n"
    assert main(["check", str(hostile)]) == 1
    assert "cr-only.md" not in capsys.readouterr().out
    assert main(["--articles", str(hostile), "show", "cr-only", "--no-color"]) == 0
    shown = capsys.readouterr().out
    assert "Seizures" in shown and "title:" not in shown


def test_a_fence_at_a_chunk_boundary_is_read_whole(tmp_path: Path) -> None:
    from kratom_tui.library.reading import CHUNK

    filler = "x" * (CHUNK - len("---\r\nsummary: \r\n") - 3)
    root = write_library(tmp_path / "lib", {"edge.md": f"---\r\nsummary: {filler}\r\n---\r\nBody.\r\n".encode()})
    library = load_library(root)
    assert library.read_body(library.get("edge")).text == "Body.\n"
    prefix = "---\ntitle: t\nsummary: "
    filler = "x" * (CHUNK - 4 - len(prefix))  # the first three dashes of `----` end the first chunk
    root = write_library(tmp_path / "lib2", {"dashes.md": f"{prefix}{filler}\n----\nmore: 1\n---\nBody.\n"})
    library = load_library(root)
    # `----` is no fence: the front matter runs on to the `---` after it (and `----` is not YAML).
    assert library.get("dashes") is None
    assert [(p.level, p.message.split(":")[0]) for p in library.problems] == [("error", "invalid YAML in front matter")]


def test_editing_front_matter_while_running_moves_the_body(small: Path) -> None:
    library = load_library(small)
    a, b = library.get("a"), library.get("b")
    longer = "---\ntitle: Article A\nsummary: now a much longer front matter\nconditions: [One]\n---\nNew A.\n"
    (small / "a.md").write_text(longer)
    (small / "b.md").write_text("---\ntitle: B\n---\nBody of B, with front matter now.\n")
    assert library.read_body(a).text == "New A.\n"
    assert library.read_body(b).text == "Body of B, with front matter now.\n"
    assert library.read_body(a).text == "New A.\n"  # read again from where the body starts now
    (small / "a.md").write_text("No front matter any more.\n")
    assert library.read_body(a).text == "No front matter any more.\n"


# Bounded cost ---------------------------------------------------------------------------------


def test_a_very_long_query_is_capped_with_a_notice(small: Path, tmp_path: Path, capsys) -> None:
    words = " ".join(["body"] * 10_000 + [f"w{n}" for n in range(10_000)])
    parsed = parse_query(words)
    assert parsed.fts.count('"') == 2 * MAX_TERMS
    assert parsed.dropped == 10_000 - (MAX_TERMS - 1)
    assert parse_query("Body body BODY").fts == '"Body"' and parse_query("body").notice is None
    assert main(["--articles", str(small), "search", " ".join(["body"] * 20_000)]) == 0
    assert "a" in capsys.readouterr().out
    assert main(["--articles", str(small), "search", words]) == 1
    assert f"only the first {MAX_TERMS}" in capsys.readouterr().err


def test_names_of_the_hostile_library_are_all_reachable(hostile: Path) -> None:
    library = load_library(hostile)
    for name, content in NAMES.items():
        ids = [article.id for article in library.articles if article.path.name == name]
        assert len(ids) == 1 and ids[0] in NAME_IDS
        assert library.read_body(library.get(ids[0])).text == strip_controls(content)
