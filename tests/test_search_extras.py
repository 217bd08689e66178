"""Library search also finds the library's safety notes and glossary entries, shown as such."""

from __future__ import annotations

import json

from kratom_tui.cli import main
from kratom_tui.library import load_library
from kratom_tui.search.extras import search_extras
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp
from kratom_tui.ui.screens.library_entry import LibraryEntryScreen
from tests.helpers import SHIPPED
from tests.test_search_screen import wait_for_results


def test_extras_match_notes_and_terms_with_the_article_query_syntax() -> None:
    library = load_library(SHIPPED)
    found = [(hit.kind, hit.id) for hit in search_extras("nickel", library.notes, library.root)]
    assert found == [("safety note", "heavy-metals-2019")]
    kinds = {hit.kind for hit in search_extras("cholesta*", library.notes, library.root)}
    assert kinds == {"safety note", "glossary"}
    phrase = search_extras('"sleep stages"', library.notes, library.root)
    assert [hit.id for hit in phrase] == ["sleep architecture"]
    assert "sleep stages" in phrase[0].snippet and phrase[0].highlights
    assert search_extras("condition:adhd liver", library.notes, library.root) == []
    for nasty in ('"', "AND", "NEAR(", "-", "*", ""):
        search_extras(nasty, library.notes, library.root)


def test_cli_search_lists_notes_and_terms_after_articles(capsys) -> None:
    assert main(["--articles", str(SHIPPED), "search", "nickel"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("[safety note] heavy-metals-2019 \u2014 FDA heavy-metal tests, 2019\n    ")
    assert main(["--articles", str(SHIPPED), "search", "--json", "liver"]) == 0
    rows = json.loads(capsys.readouterr().out)
    kinds = [row.get("kind", "article") for row in rows]
    assert kinds[0] == "article" and "safety note" in kinds and "glossary" in kinds
    assert kinds == sorted(kinds, key=lambda kind: kind != "article"), "articles first"
    assert main(["--articles", str(SHIPPED), "search", "--condition", "adhd", "nickel"]) == 1


async def test_search_screen_shows_and_opens_a_safety_note() -> None:
    app = ReaderApp(load_library(SHIPPED), StateStore())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("s", *"nickel")
        results = await wait_for_results(pilot, app)
        for _ in range(30):
            if results.option_count:
                break
            await pilot.pause(0.1)
        prompts = [str(results.get_option_at_index(n).prompt) for n in range(results.option_count)]
        assert prompts and prompts[-1].startswith("[safety note] FDA heavy-metal tests, 2019")
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, LibraryEntryScreen)
        assert app.screen.entry.id == "heavy-metals-2019"
