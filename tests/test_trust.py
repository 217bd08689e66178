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
    "fda-2018-statement", "fda-2017-dependence", "cdc-mmwr-2019-overdose", "poison-centers-2019", "nida-drugfacts",
    "liver-injury", "drug-interactions", "seizures-neonatal", "salmonella-2018", "heavy-metals-2019", "fda-7oh-2025",
    "legal-status", "poison-help",
}
LIVING_PAGES = {"nida-drugfacts", "liver-injury", "poison-help"}

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


def test_contamination_is_two_notes_each_under_its_own_source() -> None:
    notes = load_safety_notes(SHIPPED).notes
    salmonella, metals = notes["salmonella-2018"], notes["heavy-metals-2019"]
    assert salmonella.source.publisher.startswith("US Centers for Disease Control")
    assert salmonella.source.date == "2018-05-24"
    assert all(fact in salmonella.text for fact in ("199", "41 states", "38%", "January 2017", "May 2018", "no deaths"))
    assert "lead" not in salmonella.text and "nickel" not in salmonella.text
    assert metals.source.publisher.startswith("US Food and Drug Administration") and metals.source.date == "2019-04-03"
    assert all(fact in metals.text for fact in ("30 kratom products", "lead", "nickel"))


def test_living_pages_show_the_date_checked_never_a_publication_year() -> None:
    notes = load_safety_notes(SHIPPED).notes
    for note_id in LIVING_PAGES:
        note = notes[note_id]
        assert note.source.year is None and note.source.date == ""
        assert "a living page" in note.citation() and "checked on" in note.citation()
        assert "2026" not in note.source.cite()
    for note in notes.values():
        assert note.label and note.next_review
        if note.source.date:
            assert note.source.date <= note.as_of, f"{note.id} is dated after it was checked"


def test_notes_state_what_their_sources_centrally_say() -> None:
    notes = load_safety_notes(SHIPPED).notes
    assert "act like opioids" in notes["fda-2018-statement"].text
    dependence = notes["fda-2017-dependence"]
    assert dependence.source.date == "2017-11-14" and "dependence" in dependence.text
    assert "not targeting natural kratom leaf" in notes["fda-7oh-2025"].text
    assert "products" not in notes["fda-7oh-2025"].topics and "DEA" in notes["fda-7oh-2025"].text
    assert "very few deaths" in notes["nida-drugfacts"].text and "funds research" in notes["nida-drugfacts"].text
    assert "12 healthy adults" in notes["drug-interactions"].text and "CYP2D6" in notes["drug-interactions"].text
    assert "80%" in notes["cdc-mmwr-2019-overdose"].text and "11 states" in notes["cdc-mmwr-2019-overdose"].text
    assert "Eldridge, Foster and Wyble" in notes["seizures-neonatal"].text
    assert "other substances" in notes["seizures-neonatal"].text


def test_death_liver_and_dependence_notes_reach_the_articles_that_need_them() -> None:
    library = load_library(SHIPPED)
    for article in library.articles:
        shown = {note.id for note in library.notes.for_article(article)}
        assert {"cdc-mmwr-2019-overdose", "poison-centers-2019", "fda-2018-statement"} <= shown, article.id
        if any(risk.name == "Dependence and addiction" for risk in article.risks):
            assert "fda-2017-dependence" in shown, article.id
    fibromyalgia = library.get("fibromyalgia")
    assert "liver-injury" in {note.id for note in library.notes.for_article(fibromyalgia)}


def test_opioid_mechanism_claims_get_fda_as_context_not_as_counter() -> None:
    library = load_library(SHIPPED)
    mechanism_claims = [
        claim for article in library.articles for claim in article.claims if "opioid receptor" in claim.claim
    ]
    assert len(mechanism_claims) >= 4
    for claim in mechanism_claims:
        assert "fda-2018-statement" not in claim.counter and "fda-2018-statement" in claim.context
    off_target = {
        ("fibromyalgia", "regular breaks"): "nida-drugfacts",
        ("neuropathic-pain-and-sleep", "Indo"): "salmonella-2018",
        ("chronic-pain", "centuries"): "fda-2018-statement",
        ("restless-legs", "dopamine"): "fda-2018-statement",
    }
    for (article_id, words), note_id in off_target.items():
        claim = next(c for c in library.get(article_id).claims if words in c.claim)
        assert note_id not in claim.counter


def test_fibromyalgia_says_what_it_sells_and_what_it_leans_on() -> None:
    library = load_library(SHIPPED)
    article = library.get("fibromyalgia")
    assert "newsletter" in article.source and "kratom suppliers" in article.source
    assert "kratom suppliers" in article.commercial_interest
    assert '"experts"' in article.evidence and '"some studies"' in article.evidence
    assert "neutral" not in article.summary
    unsupported = {claim.claim for claim in article.claims if claim.support.startswith("None given")}
    assert any("1 to 2 grams" in claim for claim in unsupported)
    assert any("20 to 30 minutes" in claim for claim in unsupported)
    assert any("every day" in claim for claim in unsupported)
    assert any("guidelines" in claim for claim in unsupported)
    body = library.read_body(article).text
    assert "Is kratom legal in my country?" in body and "Can kratom be taken every day?" in body
    assert "recommends it for" in body


def test_risk_names_follow_their_pages_and_agree_across_articles() -> None:
    library = load_library(SHIPPED)
    names = {article.id: {risk.name for risk in article.risks} for article in library.articles}
    adhd = names["chronic-pain-and-adhd"]
    assert "Anxiety" in adhd and not any("rritab" in name for name in adhd)
    for article_id in ("chronic-pain", "chronic-pain-and-adhd"):
        assert "Drug interactions" not in names[article_id]
        assert "Already taking other medicines" in names[article_id]
    assert "Nausea and vomiting" in names["chronic-pain"]
    every = set().union(*names.values())
    merged_or_dropped = {
        "Variable individual response",
        "Pre-existing medical conditions",
        "Adverse reactions at higher doses",
    }
    assert not every & merged_or_dropped
    severities: dict[str, set] = {}
    for article in library.articles:
        for risk in article.risks:
            severities.setdefault(risk.name, set()).add(risk.severity)
    assert {name: found for name, found in severities.items() if len(found) > 1} == {}


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
    assert "Evidence:" in flat and "(6 Feb 2018); checked on 2 Dec 2026" in flat
    assert flat.count("In a public statement of 6 February 2018") == 1, "each note is printed once"
    assert "Library context, not a counterpoint: FDA statement, Feb 2018" in flat
    assert "Not covered by this page" in flat and "Further reading" in flat and "MedlinePlus" in flat


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


def screen_text(screen) -> str:
    """Every Static on a screen, rendered at its size, as plain text with its wrapping undone."""
    text = "\n".join(
        strip.text
        for static in screen.query("Static")
        for strip in static.render_lines(static.region.reset_offset)
    ) + "\n" + "\n".join(str(static.border_title or "") for static in screen.query("Static"))
    return " ".join(text.split())


async def test_urgent_help_from_any_screen_with_settings() -> None:
    from kratom_tui.settings import Settings

    app = shipped_app(settings=Settings(poison_help="131 126", emergency="000"))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, UrgentHelpScreen)
        text = screen_text(app.screen)
        assert "000" in text and "131 126" in text and "dark urine" in text and "unresponsive" in text
        assert "US defaults" not in text
        await pilot.press("escape", "escape")
        await pilot.press("slash", "exclamation_mark")
        assert not isinstance(app.screen, UrgentHelpScreen), "a text box still types '!'"
        assert app.pane.find_bar.input.value == "!"


async def test_urgent_help_has_three_sourced_levels_in_order() -> None:
    app = shipped_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.pause()
        await pilot.press("exclamation_mark")
        cards = list(app.screen.query(".urgency"))
        assert [card.classes & {"now", "today", "soon"} for card in cards] == [{"now"}, {"today"}, {"soon"}]
        titles = [str(card.border_title) for card in cards]
        assert titles == ["Call emergency services now", "Call Poison Help or a doctor today",
                          "See a clinician soon for these signs"]
        text = screen_text(app.screen)
        assert "Emergency number: 911" in text and "Poison Help: 1-800-222-1222" in text
        for words in ("trouble breathing", "seizure", "large amount", "mixed with alcohol", "yellow skin",
                      "severe itching", "signs of withdrawal", "newborn"):
            assert words in text, words
        assert text.count("Source") >= 3 and "LiverTox" in text and "Eldridge" in text
        assert "not medical advice" in text


async def test_urgent_help_says_when_it_fell_back_to_us_numbers(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text("urgent_help: [\n")
    settings = load_settings(path)
    assert settings.notice
    app = shipped_app(settings=settings)
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.pause()
        await pilot.press("exclamation_mark")
        notice = app.screen.query_one("#urgent-fallback")
        text = screen_text(app.screen)
        assert "could not be read" in text and "The numbers below are the US ones." in text
        assert notice.region.y < app.screen.query(".urgency").first().region.y
        assert "911" in text


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
        second_row = risk_overview(app.library)[1]
        second_article = app.library.articles[1]
        assert app.current.id == second_article.id
        assert app.focused is app.pane.risks and not app.pane.risks.collapsed
        top = app.pane.risks.layout_.plain[int(app.pane.risks.scroll_y)]
        assert second_row.name in top


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
