"""The loader: every bad input becomes a reported problem, and the good articles still load."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kratom_tui.library import load_library
from kratom_tui.library.model import UNCATEGORIZED
from tests.helpers import GOOD, body_of, write_library


def messages(library) -> list[tuple[str, int, str, str]]:
    return [(p.path.name, p.line, p.level, p.message) for p in library.problems]


def test_good_article_fields(small_library: Path) -> None:
    library = load_library(small_library)
    article = library.get("good")
    assert article is not None
    assert article.title == "Good article"
    assert article.conditions == ("Chronic pain", "Sleep")
    assert article.published == "2024-01-02"
    assert [risk.severity for risk in article.risks] == ["high", "low"]
    assert article.disclaimers == ("Not medical advice.",)
    assert library.problems == []


def test_body_is_read_only_when_asked(small_library: Path) -> None:
    library = load_library(small_library)
    article = library.get("good")
    body = library.read_body(article)
    assert body.text.startswith("Intro paragraph")
    assert "title:" not in body.text


def test_reading_time_is_computed_from_words(tmp_path: Path) -> None:
    words = " ".join(["word"] * 1000)
    library = load_library(write_library(tmp_path, {"long.md": f"# Long\n\n{words}\n"}))
    assert library.read_body(library.get("long")).reading_minutes == 5


def test_no_front_matter_title_from_heading_then_file_name(tmp_path: Path) -> None:
    library = load_library(
        write_library(tmp_path, {"with-heading.md": "Intro\n\n# The Heading\n", "plain_notes.md": "just text\n"})
    )
    assert library.get("with-heading").title == "The Heading"
    assert library.get("plain_notes").title == "Plain notes"
    assert library.get("plain_notes").conditions == (UNCATEGORIZED,)
    assert library.problems == []


def test_invalid_yaml_is_reported_with_line_and_skipped(tmp_path: Path) -> None:
    bad = "---\ntitle: ok\nconditions: [unclosed\nsummary: x\n---\nbody\n"
    library = load_library(write_library(tmp_path, {"bad.md": bad, "good.md": GOOD}))
    assert [a.id for a in library.articles] == ["good"]
    (name, line, level, message), = messages(library)
    assert (name, level) == ("bad.md", "error")
    assert "invalid YAML" in message
    assert 3 <= line <= 5


def test_unterminated_front_matter(tmp_path: Path) -> None:
    library = load_library(write_library(tmp_path, {"open.md": "---\ntitle: x\nno end here\n", "good.md": GOOD}))
    assert [a.id for a in library.articles] == ["good"]
    assert messages(library) == [("open.md", 1, "error", messages(library)[0][3])]
    assert "never closed" in messages(library)[0][3]


def test_wrong_field_types_are_warned_and_ignored(tmp_path: Path) -> None:
    text = "---\ntitle: [a, list]\nconditions: 5\nrisks: nope\ndisclaimers: [ok, {a: b}]\n---\n# Fallback\n"
    library = load_library(write_library(tmp_path, {"types.md": text}))
    article = library.get("types")
    assert article.title == "Fallback"
    assert article.conditions == (UNCATEGORIZED,)
    assert article.risks == ()
    assert article.disclaimers == ("ok",)
    found = {(line, message.split(" ")[0]) for _n, line, _l, message in messages(library)}
    assert (2, "'title'") in found
    assert (3, "'conditions'") in found
    assert (4, "'risks'") in found
    assert (5, "'disclaimers'") in found


def test_bad_severity_and_missing_risk_name(tmp_path: Path) -> None:
    text = "---\ntitle: t\nrisks:\n  - name: A\n    severity: extreme\n  - detail: no name\n---\n"
    library = load_library(write_library(tmp_path, {"r.md": text}))
    article = library.get("r")
    assert [(risk.name, risk.severity) for risk in article.risks] == [("A", None)]
    text_of = [m for *_rest, m in messages(library)]
    assert any("severity 'extreme'" in m for m in text_of)
    assert any("risk 2 has no 'name'" in m for m in text_of)


def test_unknown_fields_are_kept_and_warned(tmp_path: Path) -> None:
    library = load_library(write_library(tmp_path, {"u.md": "---\ntitle: t\nmood: calm\n---\nbody\n"}))
    assert library.get("u").extra == {"mood": "calm"}
    assert messages(library) == [("u.md", 3, "warning", "unknown field 'mood' (kept, not shown)")]


def test_undecodable_bytes_are_replaced_with_a_warning(tmp_path: Path) -> None:
    library = load_library(write_library(tmp_path, {"latin.md": b"# Caf\xe9\n\nline two\n\xff bad\n"}))
    article = library.get("latin")
    assert "\ufffd bad" in body_of(article).text
    (name, line, level, message), = body_of(article).problems[0:1] and [
        (p.path.name, p.line, p.level, p.message) for p in body_of(article).problems
    ]
    assert (name, line, level) == ("latin.md", 1, "warning")
    assert "UTF-8" in message


def test_binary_file_is_skipped(tmp_path: Path) -> None:
    library = load_library(write_library(tmp_path, {"blob.md": b"\x89PNG\x00\x00\x01", "good.md": GOOD}))
    assert [a.id for a in library.articles] == ["good"]
    assert "binary" in messages(library)[0][3]


def test_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_library(tmp_path, {"locked.md": "# Locked\n", "good.md": GOOD})
    real_open = os.open

    def deny(path, *args, **kwargs):
        if os.fspath(path).endswith("locked.md"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    library = load_library(root)
    assert [a.id for a in library.articles] == ["good"]
    assert messages(library) == [("locked.md", 1, "error", "cannot read file: Permission denied")]


def test_control_characters_are_stripped_everywhere(tmp_path: Path) -> None:
    text = "---\ntitle: \"Clear\\e[2J me\"\nconditions: [\"Bell\\a\"]\n---\nText \x1b]0;title\x07 and \x9b31m C1.\n"
    library = load_library(write_library(tmp_path, {"esc.md": text}))
    article = library.get("esc")
    assert "\x1b" not in article.title and article.title == "Clear[2J me"
    assert article.conditions == ("Bell",)
    assert body_of(article).text == "Text ]0;title and 31m C1.\n"
    assert any("control characters" in p.message for p in body_of(article).problems)


def test_front_matter_control_characters_are_stripped_before_yaml(tmp_path: Path) -> None:
    library = load_library(write_library(tmp_path, {"raw.md": "---\ntitle: Raw \x1b[31mred\n---\n"}))
    assert library.get("raw").title == "Raw [31mred"


def test_a_subfolder_article_id_includes_its_folder(tmp_path: Path) -> None:
    low = "---\nrisks: [{name: Nausea, severity: low}]\n---\nBody of a/x.\n"
    high = "---\nrisks: [{name: Seizures, severity: high}]\n---\nBody of x.\n"
    root = write_library(tmp_path, {"a/x.md": low, "x.md": high, "b/x.md": "# Two\n", "c/deep/y.md": "# Y\n"})
    library = load_library(root)
    assert sorted(a.id for a in library.articles) == ["a/x", "b/x", "c/deep/y", "x"]
    top, sub = library.get("x"), library.get("a/x")
    assert library.read_body(top).text == "Body of x.\n" and top.risks[0].severity == "high"
    assert library.read_body(sub).text == "Body of a/x.\n" and sub.risks[0].severity == "low"
    assert library.problems == []


def test_links_out_of_the_folder_and_loops_are_not_followed(tmp_path: Path) -> None:
    outside = write_library(tmp_path / "outside", {"secret.md": "# Secret\n"})
    root = write_library(tmp_path / "lib", {"good.md": GOOD})
    os.symlink(outside / "secret.md", root / "secret.md")
    os.symlink(outside, root / "elsewhere")
    os.symlink(root, root / "loop")
    os.symlink(root / "good.md", root / "alias.md")
    library = load_library(root)
    assert [a.id for a in library.articles] == ["good"] or sorted(a.id for a in library.articles) == ["alias"]
    assert len(library.articles) == 1
    outside_reports = [p for p in library.problems if "outside the library" in p.message]
    assert {p.path.name for p in outside_reports} == {"secret.md", "elsewhere"}


def test_broken_files_never_raise_and_good_ones_load(tmp_path: Path) -> None:
    root = write_library(
        tmp_path,
        {
            "empty.md": "",
            "only-front.md": "---\ntitle: Only front\n---\n",
            "list-root.md": "---\n- a\n- b\n---\n",
            "tabs.md": "---\ntitle:\t\tx\n---\n",
            "good.md": GOOD,
        },
    )
    library = load_library(root)
    ids = {a.id for a in library.articles}
    assert {"empty", "only-front", "good"} <= ids
    assert body_of(library.get("only-front")).text == ""
    assert body_of(library.get("list-root")).text == "---\n- a\n- b\n---\n", "a '---' block that is no mapping stays text"
    assert any("not a mapping" in p.message and p.level == "warning" for p in library.problems)
