"""The notes store: the user's data, kept across runs, never emptied without saying so."""

from __future__ import annotations

import sqlite3
from itertools import count
from pathlib import Path

import pytest

from kratom_tui.locations import data_dir, notes_file
from kratom_tui.notes.store import SCHEMA_VERSION, NoteStore, NoteStoreError


def ticking_clock():
    """A clock that moves one second per reading, so that newest first is well defined."""
    seconds = count(1000)
    return lambda: float(next(seconds))


def add(store: NoteStore, article: str = "good", quote: str = "Some bold text", text: str = "Ask about this") -> int:
    return store.add(article, quote, "Intro. ", " More.", text, 2, 0).id


def test_the_store_lives_in_the_data_folder_and_is_made_on_the_first_note():
    assert notes_file().parent == data_dir()
    store = NoteStore.open()
    assert store.all() == [] and not notes_file().exists()
    add(store)
    assert notes_file().exists()
    store.close()


def test_notes_are_kept_across_runs_newest_first(tmp_path: Path):
    path = tmp_path / "notes.sqlite3"
    store = NoteStore.open(path, clock=ticking_clock())
    first = add(store, "good", "first passage", "")
    second = add(store, "other", "second passage", "Question")
    third = add(store, "good", "third passage", "Another")
    store.close()

    again = NoteStore.open(path)
    assert [note.id for note in again.all()] == [third, second, first]
    assert [note.quote for note in again.for_article("good")] == ["third passage", "first passage"]
    highlight = again.get(first)
    assert highlight is not None and highlight.is_highlight and highlight.prefix == "Intro. "
    assert not again.get(second).is_highlight
    assert again.notice is None
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_an_edit_moves_updated_and_a_reanchoring_does_not(tmp_path: Path):
    store = NoteStore.open(tmp_path / "notes.sqlite3", clock=ticking_clock())
    note = store.add("good", "quote", "", "", "old", 1, 4)
    edited = store.update(note.id, text="new")
    assert edited.text == "new" and edited.updated > note.updated and edited.created == note.created
    moved = store.update(note.id, block=3, offset=7, detached=True)
    assert (moved.block, moved.offset, moved.detached, moved.updated) == (3, 7, True, edited.updated)
    assert store.get(note.id) == moved


def test_delete_returns_the_note_and_restore_puts_it_back_under_its_id(tmp_path: Path):
    store = NoteStore.open(tmp_path / "notes.sqlite3")
    kept = add(store, quote="kept")
    gone = store.delete(add(store, quote="gone"))
    assert gone is not None and [note.quote for note in store.all()] == ["kept"]
    assert store.delete(gone.id) is None
    store.restore(gone)
    assert store.get(gone.id) == gone and {note.id for note in store.all()} == {kept, gone.id}
    # A new note never takes the id of a deleted one, so an undo cannot overwrite it.
    store.delete(gone.id)
    assert add(store, quote="new") > gone.id


def test_a_corrupt_store_is_set_aside_and_reported_never_emptied(tmp_path: Path):
    path = tmp_path / "notes.sqlite3"
    garbage = b"this is not a database" * 100
    path.write_bytes(garbage)
    store = NoteStore.open(path)
    assert store.notice is not None and "moved aside" in store.notice
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("notes.sqlite3.corrupt-")]
    assert len(aside) == 1 and aside[0].read_bytes() == garbage
    assert aside[0].name in store.notice
    # The reader goes on with a fresh store.
    add(store)
    assert len(store.all()) == 1


def test_another_database_in_its_place_is_set_aside_too(tmp_path: Path):
    path = tmp_path / "notes.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE something (x)")
        connection.execute("INSERT INTO something VALUES (1)")
    connection.close()
    store = NoteStore.open(path)
    assert store.notice is not None and "moved aside" in store.notice
    assert any(p.name.startswith("notes.sqlite3.corrupt-") for p in tmp_path.iterdir())


def test_a_store_from_a_newer_version_is_read_but_not_changed(tmp_path: Path):
    path = tmp_path / "notes.sqlite3"
    store = NoteStore.open(path)
    note_id = add(store)
    store.close()
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    newer = NoteStore.open(path)
    assert [note.id for note in newer.all()] == [note_id]
    assert newer.read_only and newer.notice is not None and "newer" in newer.notice
    with pytest.raises(NoteStoreError):
        add(newer)
    with pytest.raises(NoteStoreError):
        newer.delete(note_id)
    assert len(NoteStore.open(path).all()) == 1


def test_a_row_of_the_wrong_shape_is_counted_and_left_in_the_file(tmp_path: Path):
    path = tmp_path / "notes.sqlite3"
    store = NoteStore.open(path)
    add(store, quote="fine")
    bad = add(store, quote="bad")
    store.close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE notes SET at_block = 'x' WHERE id = ?", (bad,))
    connection.close()
    again = NoteStore.open(path)
    assert [note.quote for note in again.all()] == ["fine"]
    assert again.notice is not None and "1 note(s)" in again.notice
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM notes").fetchone()[0] == 2
    connection.close()


def test_a_write_that_fails_says_why(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    store = NoteStore.open(blocker / "notes.sqlite3")  # its folder is a file
    with pytest.raises(NoteStoreError) as raised:
        add(store)
    assert "notes" in str(raised.value).lower()
