"""Provenance, review dates, reading grades and the quality report (`check`, `check --quality`, `list`)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from kratom_tui.cli import main
from kratom_tui.library import load_library
from kratom_tui.library.dates import human_date
from kratom_tui.library.quality import ELEMENTS, assess
from kratom_tui.library.readability import measure, plain_sentences, syllables
from kratom_tui.library.review_checks import review_problems
from tests.helpers import SHIPPED, write_library

FULL = """---
title: Full
summary: What it covers.
published: 2024-01-02
source: A promotional page
evidence: User reports only.
captured: 2024-02-01
site: not identified
source_type: promotional web article
commercial_interest: none identified
written: 2024-03-01
reviewed: 2024-04-01
next_review: {next_review}
other_options: The page names exercise.
not_covered: [What happens without treatment.]
further_reading:
  - title: A page
    publisher: A publisher
    as_of: 2024-04-01
risks:
  - name: Nausea
disclaimers: [This is not medical advice.]
claims:
  - claim: It helps.
    support: None given.
    counter: [n]
---
The cat sat on the mat. It was a good day.
"""


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("kratom", 2),
        ("the", 1),
        ("table", 2),
        ("liver", 2),
        ("used", 1),
        ("named", 1),
        ("takes", 1),
        ("wishes", 2),
        ("medication", 4),
        ("opioid", 3),
        ("cholestatic", 4),
        ("hyperactivity", 6),
        ("people", 2),
        ("area", 3),
        ("dependence", 3),
        ("sleep", 1),
        ("make", 1),
    ],
)
def test_syllables_of_this_librarys_words(word: str, count: int) -> None:
    assert syllables(word) == count


def test_sentences_come_from_prose_not_markup() -> None:
    units = plain_sentences(
        "# A heading\n\nOne **bold** claim. Another one!\n\n- an item\n\n[a link](https://x.org) here.\n"
    )
    assert units == ["A heading", "One bold claim", "Another one", "an item", "a link here"]


def test_grades_rise_with_long_words_and_sentences() -> None:
    easy = measure("The cat sat on the mat. The dog ran. We had fun.")
    hard = measure(
        "Pharmacological characterisation of mitragynine demonstrates considerable interindividual variability "
        "in metabolism, necessitating comprehensive evaluation of cumulative hepatotoxicity."
    )
    assert easy.flesch_kincaid < 3 and hard.flesch_kincaid > 16 and hard.smog > easy.smog
    assert measure("").words == 0 and measure("").describe() == ""


def test_header_and_list_show_the_reading_grade(capsys) -> None:
    code, out, _ = run(capsys, "--articles", str(SHIPPED), "list", "--json")
    rows = json.loads(out)
    assert code == 0 and all(5 < row["flesch_kincaid_grade"] < 16 and 5 < row["smog_grade"] < 16 for row in rows)
    code, out, _ = run(capsys, "--articles", str(SHIPPED), "show", "restless-legs", "--no-color")
    assert re.search(r"min read · reading grade \d+(–\d+)?", out)


def test_header_says_where_and_when_in_plain_words(capsys) -> None:
    code, out, _ = run(capsys, "--articles", str(SHIPPED), "show", "restless-legs", "--no-color")
    flat = " ".join(out.split())
    assert "Source dated 23 Nov 2024 · captured by 21 Nov 2026" in flat
    assert "summary written 21 Nov 2026, reviewed 2 Dec 2026" in flat and "published" not in flat.split("Source:")[0]
    assert "Source type: promotional web article · site: not identified" in flat
    assert "Commercial interest: none identified" in flat
    assert human_date("2018-02-06") == "6 Feb 2018" and human_date("by 2026-11-21 (x)") == "by 21 Nov 2026 (x)"
    assert human_date("2024-13-40") == "2024-13-40"


def test_shipped_library_passes_the_quality_report(capsys) -> None:
    code, out, _ = run(capsys, "--articles", str(SHIPPED), "check", "--quality")
    assert code == 0, out
    assert out.splitlines() == [f"{a.id}: all {len(ELEMENTS)} elements" for a in load_library(SHIPPED).articles]
    code, out, _ = run(capsys, "--articles", str(SHIPPED), "check", "--quality", "--json")
    assert code == 0 and all(row["passes"] and row["missing"] == [] for row in json.loads(out))


@pytest.mark.parametrize(
    ("remove", "element"),
    [
        ("other_options: The page names exercise.\n", "other_options"),
        ("not_covered: [What happens without treatment.]\n", "not_covered"),
        ("site: not identified\n", "provenance"),
        ("disclaimers: [This is not medical advice.]\n", "not_advice"),
        ("    counter: [n]\n", "balance"),
    ],
)
def test_quality_names_the_missing_element(tmp_path: Path, capsys, remove: str, element: str) -> None:
    text = FULL.format(next_review="2999-01-01")
    assert remove in text
    root = write_library(tmp_path, {"full.md": text, "lacking.md": text.replace(remove, "")})
    code, out, _ = run(capsys, "check", "--quality", str(root))
    assert code == 1
    assert f"full: all {len(ELEMENTS)} elements" in out
    assert re.search(rf"lacking: missing 1 of {len(ELEMENTS)}: {element} \(", out)
    code, out, _ = run(capsys, "check", "--quality", "--json", str(root))
    rows = {row["id"]: row for row in json.loads(out)}
    assert [item["element"] for item in rows["lacking"]["missing"]] == [element]
    library = load_library(root)
    full = library.get("full")
    assert assess(full, library.read_body(full).text).passes


def test_check_warns_past_next_review_and_requires_provenance_when_shipped(tmp_path: Path) -> None:
    notes = (
        "notes:\n  - id: n\n    text: t\n    topics: [all]\n    source: {publisher: p, title: t}\n"
        "    as_of: 2020-01-01\n    next_review: 2021-01-01\n"
    )
    root = write_library(
        tmp_path, {"old.md": FULL.format(next_review="2022-01-01"), "bare.md": "# Bare\n", "safety-notes.yaml": notes}
    )
    library = load_library(root)
    problems = review_problems(library, dt.date(2023, 1, 1), require_provenance=True)
    messages = {(p.path.name, p.level, p.message) for p in problems}
    assert ("old.md", "warning", "review due since 2022-01-01") in messages
    assert ("safety-notes.yaml", "warning", "note 'n': review due since 2021-01-01") in messages
    assert any(
        name == "bare.md" and level == "error" and "missing provenance: captured, site" in m
        for name, level, m in messages
    )
    assert not [p for p in review_problems(library, dt.date(2021, 1, 1), require_provenance=False)]


def test_check_of_a_user_library_needs_no_provenance_and_grades_are_notes(tmp_path: Path, capsys) -> None:
    hard = " ".join(["Pharmacological characterisation demonstrates considerable interindividual variability."] * 5)
    root = write_library(tmp_path, {"bare.md": "# Bare\n\nShort and plain.\n", "hard.md": f"# Hard\n\n{hard}\n"})
    code, out, err = run(capsys, "check", str(root))
    assert code == 0, out
    assert "hard.md:1: note: reading grade" in out and "bare.md" not in out


def test_shipped_check_is_clean_and_copied_library_without_provenance_is_not(tmp_path: Path, capsys) -> None:
    code, out, err = run(capsys, "--articles", str(SHIPPED), "check")
    assert code == 0 and "error" not in out and "warning" not in out
    copy = tmp_path / "copy"
    shutil.copytree(SHIPPED, copy)
    code, out, _ = run(capsys, "check", str(copy))
    assert code == 0, "a copy elsewhere is the user's own library"


def test_bad_provenance_dates_and_reading_entries_are_warned(tmp_path: Path) -> None:
    text = (
        "---\nwritten: last year\nfurther_reading:\n  - title: t\n  - title: t\n    publisher: p\n"
        "    url: file:///x\n    date: soon\n---\n"
    )
    library = load_library(write_library(tmp_path, {"a.md": text}))
    messages = [p.message for p in library.problems]
    assert "'written' should be a date (YYYY-MM-DD), not 'last year'; ignored" in messages
    assert "further reading 1 needs a 'title' and a 'publisher'; ignored" in messages
    assert "further reading 2: 'url' should be a web address; ignored" in messages
    assert "further reading 2: 'date' should be a date (YYYY-MM-DD)" in messages
    article = library.get("a")
    assert article.written == "" and len(article.further_reading) == 1 and article.further_reading[0].url == ""


def test_about_command(capsys) -> None:
    code, out, _ = run(capsys, "about")
    assert code == 0
    for words in (
        "no advertising",
        "takes no money",
        "No clinician has reviewed",
        "issue tracker",
        "This library informs; it does not advise",
        "not medical advice",
        "checked",
    ):
        assert words in " ".join(out.split()), words
