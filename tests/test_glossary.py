"""The glossary (file, check, show, `d`, palette) and the About screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from kratom_tui.cli import main
from kratom_tui.library import load_library
from kratom_tui.library.glossary import load_glossary
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp
from kratom_tui.ui.screens.about import AboutScreen
from kratom_tui.ui.screens.glossary import GlossaryScreen
from tests.helpers import SHIPPED, write_library

REQUIRED_TERMS = {
    "cholestatic",
    "CYP3A",
    "REM sleep",
    "sleep architecture",
    "dopamine agonist",
    "opioid receptor",
    "alkaloid",
}


def flat(screen) -> str:
    text = "\n".join(
        strip.text for static in screen.query("Static") for strip in static.render_lines(static.region.reset_offset)
    )
    return " ".join(text.split())


def test_shipped_glossary_is_sourced_dated_and_covers_the_review_terms() -> None:
    glossary = load_glossary(SHIPPED)
    assert glossary.problems == []
    assert {term.term for term in glossary.terms} >= REQUIRED_TERMS
    for term in glossary.terms:
        assert term.definition and term.publisher and term.title and term.as_of


def test_terms_are_found_whole_word_in_any_case_longest_first() -> None:
    glossary = load_glossary(SHIPPED)
    found = [
        (text[start:end], term.term)
        for text in ["Opioid receptors and REM sleep; remark; CYP3A4x"]
        for start, end, term in glossary.find(text)
    ]
    assert found == [("Opioid receptors", "opioid receptor"), ("REM sleep", "REM sleep")]


def test_broken_glossary_entries_are_reported(tmp_path: Path, capsys) -> None:
    text = """terms:
  - term: a
    definition: d
    source: {publisher: p, title: t}
    as_of: 2020-01-01
  - term: A
    definition: again
    source: {publisher: p, title: t}
    as_of: 2020-01-01
  - term: b
    source: {publisher: p}
    as_of: soon
  - just text
"""
    root = write_library(tmp_path, {"glossary.yaml": text, "x.md": "# X\n"})
    glossary = load_glossary(root)
    messages = {(p.line, p.message) for p in glossary.problems}
    assert (6, "term 'A' (or an alias) is defined twice") in messages
    assert (10, "b has no 'definition'") in messages
    assert (10, "b: 'as_of' should be a date (YYYY-MM-DD), not 'soon'") in messages
    assert (10, "b: 'source' needs a 'publisher' and a 'title'") in messages
    assert (13, "each term should be a mapping") in messages
    assert [term.term for term in glossary.terms] == ["a"]
    assert main(["check", str(root)]) == 1
    assert "glossary.yaml:6: error: term 'A' (or an alias) is defined twice" in capsys.readouterr().out
    bad = write_library(tmp_path / "bad", {"glossary.yaml": "terms: [\n"})
    assert "invalid YAML" in load_glossary(bad).problems[0].message
    assert load_glossary(tmp_path / "none").terms == []


def test_show_appends_the_terms_used(capsys) -> None:
    assert main(["--articles", str(SHIPPED), "show", "neuropathic-pain-and-sleep", "--no-color"]) == 0
    out = capsys.readouterr().out
    tail = " ".join(out[out.index("Terms used") :].split())
    assert "sleep architecture: The pattern of sleep stages" in tail and "REM sleep:" in tail
    assert "dopamine agonist" not in tail, "only the terms this article uses"


def shipped_app() -> ReaderApp:
    return ReaderApp(load_library(SHIPPED), StateStore())


async def test_d_opens_the_glossary_at_the_term_of_the_find_match() -> None:
    app = shipped_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.open_article("neuropathic-pain-and-sleep")
        await pilot.pause()
        await pilot.press("slash", *"architecture", "enter", "escape")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        assert app.screen.focus_term.term == "sleep architecture"
        current = app.screen.query_one("#glossary-current")
        assert "The pattern of sleep stages" in " ".join(
            strip.text for strip in current.render_lines(current.region.reset_offset)
        )
        await pilot.press("escape")
        assert not isinstance(app.screen, GlossaryScreen)


async def test_d_without_a_match_takes_the_first_term_in_view() -> None:
    app = shipped_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.open_article("restless-legs")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        term = app.screen.focus_term
        assert term is not None
        top = int(app.pane.view.scroll_y)
        visible = "\n".join(app.pane.view.layout_.plain[top : top + app.pane.view.size.height]).casefold()
        assert any(form.casefold() in visible for form in (term.term, *term.aliases))


@pytest.mark.parametrize(("command", "screen"), [("Glossary", GlossaryScreen), ("About this library", AboutScreen)])
async def test_palette_opens_glossary_and_about(command: str, screen: type) -> None:
    app = shipped_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *command)
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, screen)
        text = flat(app.screen)
        if screen is AboutScreen:
            for words in ("no advertising", "No clinician has reviewed", "informs; it does not advise", "Updates"):
                assert words in text
        else:
            assert "cholestatic" in text and "Source:" in text and app.screen.focus_term is None


async def test_glossary_terms_are_underlined_in_the_article_text_only() -> None:
    app = shipped_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.open_article("neuropathic-pain-and-sleep")
        await pilot.pause()
        layout = app.pane.view.layout_
        layout.finish()
        line = next(n for n, text in enumerate(layout.plain) if "sleep architecture" in text and n > 8)
        column = 0
        marked, plain = [], []
        start = layout.plain[line].index("sleep architecture")
        for segment in layout.lines[line]:
            span = range(column, column + len(segment.text))
            if start in span or start + 5 in span:
                marked.append(segment)
            elif segment.text.strip() and column >= start + len("sleep architecture"):
                plain.append(segment)
            column += len(segment.text)
        assert marked and all(segment.style and segment.style.underline for segment in marked)
        assert any(not (segment.style and segment.style.underline) for segment in plain), "other words are not"
