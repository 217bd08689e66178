"""The trust layer: safety notes, claims to weigh, evidence labels, urgent help, risk overview."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kratom_tui.cli import main
from kratom_tui.library import load_library
from kratom_tui.library.risk_overview import risk_overview
from kratom_tui.library.safety_notes import load_safety_notes
from kratom_tui.settings import load_settings
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp
from kratom_tui.ui.screens.help import HelpScreen
from kratom_tui.ui.screens.risk_overview import RiskOverviewScreen
from kratom_tui.ui.screens.urgent_help import UrgentHelpScreen
from kratom_tui.ui.widgets.risks_panel import RisksPanel
from tests.helpers import SHIPPED, write_library

REQUIRED_NOTES = {
    "fda-2018-statement", "cdc-mmwr-2019-overdose", "poison-centers-2019", "nida-drugfacts", "liver-injury",
    "drug-interactions", "seizures-neonatal", "contamination", "fda-7oh-2025", "legal-status", "poison-help",
}

NOTE = """  - id: {id}
    text: A dated fact.
    topics: [{topics}]
    source:
      publisher: A publisher
      title: A title
      year: 2020
    as_of: {as_of}
"""


def test_shipped_notes_validate_and_are_sourced() -> None:
    notes = load_safety_notes(SHIPPED)
    assert notes.problems == []
    assert set(notes.notes) == REQUIRED_NOTES
    for note in notes.notes.values():
        assert note.source.publisher and note.source.title and note.as_of and note.topics
    assert "1-800-222-1222" in notes.notes["poison-help"].text
    assert "27,338" in notes.notes["cdc-mmwr-2019-overdose"].text


def test_every_shipped_claim_points_at_a_known_note() -> None:
    library = load_library(SHIPPED)
    assert library.notes.check_references(library.articles) == []
    for article in library.articles:
        assert article.evidence
        assert all(claim.support for claim in article.claims)
        assert library.notes.for_article(article)


def test_broken_notes_are_reported_with_lines(tmp_path: Path) -> None:
    text = "notes:\n" + NOTE.format(id="a", topics="all", as_of="2020-01-01") + NOTE.format(
        id="a", topics="all", as_of="2020-01-01"
    ) + NOTE.format(id="b", topics="all", as_of="someday") + "  - id: c\n    text: no source\n"
    root = write_library(tmp_path, {"safety-notes.yaml": text, "x.md": "---\nclaims:\n  - claim: c\n    counter: [zz]\n---\n"})
    library = load_library(root)
    messages = {(p.line, p.message) for p in library.problems}
    assert (10, "note id 'a' is used twice") in messages
    assert any(line == 25 and "'as_of' should be a date" in m for line, m in messages)
    assert any("c: 'source' needs" in m for _line, m in messages)
    assert any("unknown safety note 'zz'" in m for _line, m in messages)
    assert list(library.notes.notes) == ["a"]
    bad_yaml = load_safety_notes(write_library(tmp_path / "y", {"safety-notes.yaml": "notes: [\n"}))
    assert bad_yaml.problems and "invalid YAML" in bad_yaml.problems[0].message


def test_check_reports_notes_problems(tmp_path: Path, capsys) -> None:
    root = write_library(tmp_path, {"safety-notes.yaml": "nope: 1\n", "a.md": "# A\n"})
    assert main(["check", str(root)]) == 1
    assert "expected a top-level 'notes:' list" in capsys.readouterr().out


def test_risk_overview_sorted_by_how_many_name_it() -> None:
    rows = risk_overview(load_library(SHIPPED))
    counts = [len(row.named_by) for row in rows]
    assert counts == sorted(counts, reverse=True)
    assert rows[0].name == "Dependence and addiction" and rows[0].highest == "high"


def test_risk_overview_counts_an_article_once_per_risk(tmp_path: Path) -> None:
    risks = "risks:\n  - name: Liver damage\n  - name: Nausea\n  - name: liver DAMAGE\n    severity: high\n"
    root = write_library(
        tmp_path, {"a.md": f"---\ntitle: A\n{risks}---\n", "b.md": "---\ntitle: B\nrisks:\n  - name: Liver damage\n---\n"}
    )
    rows = risk_overview(load_library(root))
    assert [(row.name, [article.id for article, _severity in row.named_by]) for row in rows] == [
        ("Liver damage", ["a", "b"]),
        ("Nausea", ["a"]),
    ]


def test_cli_risks_and_show_with_claims_and_notes(capsys) -> None:
    assert main(["--articles", str(SHIPPED), "risks"]) == 0
    first = capsys.readouterr().out.splitlines()[0].split("\t")
    assert first[0] == "Dependence and addiction" and int(first[1]) >= 2
    assert main(["--articles", str(SHIPPED), "risks", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"risk", "count", "articles"} == set(rows[0]) and rows[0]["articles"][0]["severity"] == "high"
    assert main(["--articles", str(SHIPPED), "show", "restless-legs"]) == 0
    out = capsys.readouterr().out
    assert out.index("Disclaimers") < out.index("Claims to weigh") < out.index("safety notes")
    flat = " ".join(out.split())
    assert "Evidence:" in flat and "as of 2018-02-06" in flat


def test_settings_override_numbers(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text("urgent_help:\n  poison_help: '131 126 (Australia)'\n  emergency: '000'\n")
    settings = load_settings(path)
    assert (settings.poison_help, settings.emergency) == ("131 126 (Australia)", "000")
    path.write_text("urgent_help: [\n")
    assert load_settings(path).notice is not None
    assert load_settings(tmp_path / "missing.yaml").emergency == "911"


def shipped_app(**kwargs) -> ReaderApp:
    return ReaderApp(load_library(SHIPPED), StateStore(), **kwargs)


def panel_text(panel: RisksPanel) -> str:
    panel.layout_.finish()
    return "\n".join(panel.layout_.plain)


async def test_panel_has_claims_and_notes_apart_from_the_articles_own_risks() -> None:
    app = shipped_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.open_article("fibromyalgia")
        text = panel_text(app.pane.risks)
        assert text.index("Risks") < text.index("Disclaimers") < text.index("Added by the library, not the article")
        assert text.index("Added by the library") < text.index("Claims to weigh") < text.index("safety notes")
        assert "Support given:" in text and "Source: US Food and Drug Administration" in text
        assert "claims" in app.pane.risks.border_title and "safety notes" in app.pane.risks.border_title


async def test_urgent_help_from_any_screen_with_settings() -> None:
    from kratom_tui.settings import Settings

    app = shipped_app(settings=Settings(poison_help="131 126", emergency="000"))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, UrgentHelpScreen)
        text = "\n".join(strip.text for strip in app.screen.query_one("Static").render_lines(
            app.screen.query_one("Static").region.reset_offset))
        assert "000" in text and "131 126" in text and "dark urine" in text and "unresponsive" in text
        await pilot.press("escape", "escape")
        await pilot.press("slash", "exclamation_mark")
        assert not isinstance(app.screen, UrgentHelpScreen), "a text box still types '!'"
        assert app.pane.find_bar.input.value == "!"


async def test_risk_overview_opens_article_at_its_panel() -> None:
    app = shipped_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        assert app.pane.risks.collapsed
        await pilot.press("o")
        assert isinstance(app.screen, RiskOverviewScreen)
        await pilot.press("down", "right", "right", "right", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, RiskOverviewScreen)
        second_article = app.library.articles[1]
        assert app.current.id == second_article.id
        assert app.focused is app.pane.risks and not app.pane.risks.collapsed
        top = app.pane.risks.layout_.plain[int(app.pane.risks.scroll_y)]
        assert "Drug interactions" in top


@pytest.mark.parametrize("command", ["Urgent help", "Risk overview"])
async def test_palette_has_safety_commands(command: str) -> None:
    app = shipped_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *command)
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, UrgentHelpScreen if command == "Urgent help" else RiskOverviewScreen)
