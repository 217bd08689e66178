"""Re-anchoring: a note follows its words when the article changes, and is detached, not lost, when they are gone."""

from __future__ import annotations

from kratom_tui.notes.anchor import ArticleText
from kratom_tui.notes.model import Note

ORIGINAL = [
    "Title",
    "Kratom leaves contain mitragynine. Some people report nausea after use.",
    "Liver injury has been reported rarely in case reports.",
]


def note_on(passages: list[str], quote: str) -> Note:
    text = ArticleText(passages)
    start = text.text.index(quote)
    anchor = text.anchor(start, start + len(quote))
    return Note(1, "a", anchor.quote, anchor.prefix, anchor.suffix, "", anchor.block, anchor.offset, 0.0, 0.0)


def found_quote(note: Note, passages: list[str]) -> tuple[str, int, int] | None:
    anchor = ArticleText(passages).find(note)
    return None if anchor is None else (anchor.quote, anchor.block, anchor.offset)


def test_a_note_is_found_where_it_was():
    note = note_on(ORIGINAL, "report nausea")
    assert note.block == 1 and note.prefix.endswith("Some people ") and note.suffix.startswith(" after")
    assert found_quote(note, ORIGINAL) == ("report nausea", 1, ORIGINAL[1].index("report nausea"))


def test_a_note_follows_its_words_to_another_block():
    note = note_on(ORIGINAL, "Liver injury has been reported")
    changed = ["Title", "A new first paragraph.", *ORIGINAL[1:]]
    assert found_quote(note, changed) == ("Liver injury has been reported", 3, 0)


def test_of_two_places_the_one_with_the_same_context_wins():
    note = note_on(ORIGINAL, "reported")  # the one in "has been reported rarely"
    changed = ["Title", "Liver injury has been reported rarely.", *ORIGINAL[1:]]
    quote, block, offset = found_quote(note, changed)
    assert block == 3 and changed[3][offset:].startswith("reported rarely in case")


def test_an_edited_middle_is_still_found_by_its_first_and_last_words():
    note = note_on(ORIGINAL, "Some people report nausea after use.")
    changed = ["Title", "Kratom leaves contain mitragynine. Some people have reported nausea after use.", ORIGINAL[2]]
    assert found_quote(note, changed)[0] == "Some people have reported nausea after use."


def test_a_rewritten_quote_between_unchanged_context_is_found():
    note = note_on(ORIGINAL, "Some people report nausea")
    changed = ["Title", "Kratom leaves contain mitragynine. Nausea is common after use.", ORIGINAL[2]]
    assert found_quote(note, changed)[0] == "Nausea is common"


def test_case_changes_do_not_lose_a_note():
    note = note_on(ORIGINAL, "Liver injury")
    changed = ["Title", ORIGINAL[1], "LIVER INJURY has been reported rarely in case reports."]
    assert found_quote(note, changed) == ("LIVER INJURY", 2, 0)


def test_words_that_are_gone_leave_the_note_detached():
    note = note_on(ORIGINAL, "Liver injury has been reported rarely")
    assert found_quote(note, ["Title", "Something else entirely."]) is None
    assert found_quote(note, []) is None
