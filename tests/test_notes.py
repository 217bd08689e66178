"""Select and copy, and notes, driven through the app as a reader would: mouse, keys, what is shown."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, TextArea

from kratom_tui.library import load_library
from kratom_tui.locations import notes_file
from kratom_tui.notes.store import NoteStore
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp
from kratom_tui.ui.line_extras import MARGIN_MARK
from kratom_tui.ui.screens.note_editor import NoteEditorScreen, UnsavedScreen
from kratom_tui.ui.screens.notes import NotesScreen
from tests.helpers import GOOD, OTHER, capture_notifications, settle, write_library

CITATION = "— Good article. A test page, 2 Jan 2024. Via kratom-tui."


def make_app(root: Path) -> ReaderApp:
    return ReaderApp(load_library(root), StateStore())


def line_of_text(view, text: str) -> int:
    return view.layout_.plain.index(text)


async def drag(pilot, view, line: int, first: int, last: int) -> None:
    """Press the mouse on character `first` of `line` (of the view's text) and release it on `last`."""
    row = view.gutter.top + line - view.top_line
    left = view.gutter.left + 1  # the border, if any, and the view's margin
    await pilot.mouse_down(view, (left + first, row))
    await pilot.hover(view, (left + last, row))
    await pilot.mouse_up(view, (left + last, row))
    await pilot.pause()


def shown_line(view, line: int) -> str:
    return "".join(segment.text for segment in view.render_line(line - view.top_line))


async def wait_for_screen(pilot, app, kind, tries: int = 40):
    for _ in range(tries):
        if isinstance(app.screen, kind):
            return app.screen
        await pilot.pause(0.05)
    raise AssertionError(f"{kind.__name__} did not open; {app.screen!r} is shown")


async def test_a_mouse_selection_is_copied_as_plain_text_by_ctrl_c(small_library: Path) -> None:
    app = make_app(small_library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        view = app.pane.view
        line = line_of_text(view, "Some bold text.")  # **bold** in the file
        await drag(pilot, view, line, 0, 14)
        assert app.screen.get_selected_text() == "Some bold text."
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.clipboard == "Some bold text."
        assert app.is_running  # copying does not quit


async def test_a_selection_over_lines_keeps_its_lines_and_the_risks_panel_copies_too(small_library: Path) -> None:
    app = make_app(small_library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        view = app.pane.view
        first = line_of_text(view, "First heading")
        await pilot.mouse_down(view, (1, first - view.top_line))
        await pilot.hover(view, (5, first + 2 - view.top_line))
        await pilot.mouse_up(view, (5, first + 2 - view.top_line))
        await pilot.pause()
        assert app.screen.get_selected_text() == "First heading\n\nSome "
        panel = app.pane.risks
        risk = next(n for n, text in enumerate(panel.layout_.plain) if "Liver damage" in text)
        start = panel.layout_.plain[risk].index("Liver")
        await drag(pilot, panel, risk, start, start + len("Liver damage") - 1)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.clipboard == "Liver damage"


async def test_y_copies_the_paragraph_at_the_top_with_its_citation(small_library: Path) -> None:
    app = make_app(small_library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("y")
        await pilot.pause()
        # At the top, the first paragraph (the header is not one), then where it comes from.
        assert app.clipboard == f"Intro paragraph with a link.\n{CITATION}"


async def test_y_copies_the_paragraph_at_the_find_match(small_library: Path) -> None:
    app = make_app(small_library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("slash", *"bold", "enter", "escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == f"Some bold text.\n{CITATION}"


async def test_a_note_is_added_shown_beside_its_line_and_in_the_panel_then_edited(small_library: Path) -> None:
    app = make_app(small_library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        view = app.pane.view
        line = line_of_text(view, "Some bold text.")
        assert not shown_line(view, line).startswith(MARGIN_MARK)
        await drag(pilot, view, line, 5, 8)
        await pilot.press("a")
        editor = await wait_for_screen(pilot, app, NoteEditorScreen)
        assert "“bold”" in str(editor.query_one("#note-quote").render())
        await pilot.press(*"Ask the pharmacist", "ctrl+s")
        await pilot.pause()
        [note] = NoteStore.open().all()
        assert (note.article_id, note.quote, note.text) == ("good", "bold", "Ask the pharmacist")
        assert note.prefix.endswith("Some ") and note.suffix.startswith(" text.")
        assert shown_line(view, line).startswith(MARGIN_MARK)
        assert not shown_line(view, line_of_text(view, "Intro paragraph with a link.")).startswith(MARGIN_MARK)
        panel_text = "\n".join(app.pane.risks.layout_.plain)
        assert "Your notes (1)" in panel_text and "“bold”" in panel_text and "Ask the pharmacist" in panel_text
        # The same passage again: its note opens to be edited, not a second one.
        await drag(pilot, view, line, 5, 8)
        await pilot.press("a")
        editor = await wait_for_screen(pilot, app, NoteEditorScreen)
        assert editor.query_one(TextArea).text == "Ask the pharmacist"
        await pilot.press(*" about it", "ctrl+s")
        await pilot.pause()
        [edited] = NoteStore.open().all()
        assert edited.id == note.id and edited.text == "Ask the pharmacist about it"
        assert "Ask the pharmacist about it" in "\n".join(app.pane.risks.layout_.plain)


async def test_escape_asks_before_losing_changes_and_an_empty_note_is_a_highlight(small_library: Path) -> None:
    app = make_app(small_library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("a")
        await wait_for_screen(pilot, app, NoteEditorScreen)
        await pilot.press("escape")  # nothing typed: closes at once
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditorScreen)
        await pilot.press("a", *"draft", "escape")
        await wait_for_screen(pilot, app, UnsavedScreen)
        await pilot.press("escape")  # back to the note, still there
        editor = await wait_for_screen(pilot, app, NoteEditorScreen)
        assert editor.query_one(TextArea).text == "draft"
        await pilot.press("escape", "n")  # discard
        await pilot.pause()
        assert NoteStore.open().all() == []
        await pilot.press("a", "ctrl+s")  # nothing typed, saved: a highlight of the paragraph
        await pilot.pause()
        [highlight] = NoteStore.open().all()
        assert highlight.is_highlight and highlight.quote == "Intro paragraph with a link."
        assert "Highlight" in "\n".join(app.pane.risks.layout_.plain)
        await pilot.press("a", *"Keep this!", "escape")  # `!` is typed, not the urgent-help key
        await wait_for_screen(pilot, app, UnsavedScreen)
        await pilot.press("y")  # save the changes
        await pilot.pause()
        assert [note.text for note in NoteStore.open().all()] == ["Keep this!"]


async def test_a_note_follows_its_words_when_the_file_changes_and_is_detached_when_they_go(tmp_path: Path) -> None:
    root = write_library(tmp_path / "lib", {"good.md": GOOD, "other.md": OTHER})
    app = make_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        view = app.pane.view
        await drag(pilot, view, line_of_text(view, "Some bold text."), 0, 14)
        await pilot.press("a", *"Ask about this", "ctrl+s")
        await pilot.pause()
        [note] = NoteStore.open().all()

        moved = GOOD.replace("## First heading", "A new paragraph above.\n\nAnd another one.\n\n## First heading")
        (root / "good.md").write_text(moved, encoding="utf-8")
        app.reload_current()
        await settle(pilot, app)
        [after] = NoteStore.open().all()
        assert after.block == note.block + 2 and after.quote == "Some bold text." and not after.detached
        assert shown_line(view, line_of_text(view, "Some bold text.")).startswith(MARGIN_MARK)

        gone = moved.replace("Some **bold** text.", "A sentence that says other things entirely.")
        (root / "good.md").write_text(gone, encoding="utf-8")
        app.reload_current()
        await settle(pilot, app)
        [detached] = NoteStore.open().all()
        assert detached.detached and detached.quote == "Some bold text." and detached.text == "Ask about this"
        assert not any(shown_line(view, n).startswith(MARGIN_MARK) for n in range(view.top_line, view.top_line + 20))
        panel_text = "\n".join(app.pane.risks.layout_.plain)
        assert "Detached: this passage is no longer in the article." in panel_text
        assert "“Some bold text.”" in panel_text

        (root / "good.md").write_text(GOOD, encoding="utf-8")  # the words come back: so does the note
        app.reload_current()
        await settle(pilot, app)
        assert not NoteStore.open().all()[0].detached


async def test_a_corrupt_notes_file_is_set_aside_and_reported(small_library: Path) -> None:
    garbage = b"SQLite format 3\x00" + b"\xff" * 4000
    notes_file().parent.mkdir(parents=True, exist_ok=True)
    notes_file().write_bytes(garbage)
    app = make_app(small_library)
    messages = capture_notifications(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        aside = [path for path in notes_file().parent.iterdir() if ".corrupt-" in path.name]
        assert len(aside) == 1 and aside[0].read_bytes() == garbage
        assert any("moved aside" in message and aside[0].name in message for message in messages)
        await pilot.press("a", *"new", "ctrl+s")  # the reader goes on with a fresh store
        await pilot.pause()
        assert [note.text for note in NoteStore.open().all()] == ["new"]


LONG = "---\ntitle: Long article\nsource: Long source\n---\n" + "\n\n".join(
    f"Paragraph number {n} of the long article." for n in range(60)
)


async def test_the_notes_screen_groups_filters_jumps_deletes_and_undoes(tmp_path: Path) -> None:
    root = write_library(tmp_path / "lib", {"good.md": GOOD, "long.md": LONG})
    clock = iter(range(1000, 2000))
    store = NoteStore.open(clock=lambda: float(next(clock)))
    store.add("long", "Paragraph number 40 of the long article.", "", "", "Far down", 41, 0)
    store.add("good", "Some bold text.", "", "", "On the good one", 3, 0)
    store.add("long", "Paragraph number 2 of the long article.", "", "", "", 3, 0)
    store.close()
    app = make_app(root)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        await pilot.press("A")
        screen = await wait_for_screen(pilot, app, NotesScreen)
        # Newest first: the long article (newest note) with its two notes, then the good one.
        assert [note.text if note else None for note in screen._shown] == [None, "", "Far down", None, "On the good one"]
        listing = screen.query_one(OptionList)
        assert "Long article" in str(listing.get_option_at_index(0).prompt)
        await pilot.press("slash", *"far")
        await pilot.pause()
        assert [note.text for note in screen._shown if note] == ["Far down"]
        await pilot.press("enter", "enter")  # into the list, then go to the note
        await pilot.pause()
        await settle(pilot, app)
        assert app.current.id == "long"
        view = app.pane.view
        assert view.layout_.plain[view.top_line] == "Paragraph number 40 of the long article."
        assert shown_line(view, view.top_line).startswith(MARGIN_MARK)

        await pilot.press("A")
        screen = await wait_for_screen(pilot, app, NotesScreen)
        await pilot.press("A")  # the key that opened it closes it
        await pilot.pause()
        assert not isinstance(app.screen, NotesScreen)
        await pilot.press("A")
        screen = await wait_for_screen(pilot, app, NotesScreen)
        await pilot.press("d")
        await pilot.pause()
        assert [note.text for note in NoteStore.open().all()] == ["On the good one", "Far down"]
        # The good article's note is now the newest: its group comes first.
        assert [note.text for note in screen._shown if note] == ["On the good one", "Far down"]
        await pilot.press("u")
        await pilot.pause()
        assert len(NoteStore.open().all()) == 3
        assert [note.text for note in screen._shown if note] == ["", "Far down", "On the good one"]


async def test_text_in_dialogs_is_copied_too(small_library: Path) -> None:
    app = make_app(small_library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        for key, expected in (("question_mark", "this help: every key"), ("exclamation_mark", "Emergency number")):
            await pilot.press(key)
            await pilot.pause(0.2)
            await pilot.mouse_down(None, (30, 5))
            await pilot.hover(None, (60, 9))
            await pilot.mouse_up(None, (60, 9))
            await pilot.pause()
            await pilot.press("ctrl+c")
            await pilot.pause()
            assert expected in app.clipboard and "\x1b" not in app.clipboard
            await pilot.press("escape")
            await pilot.pause()
