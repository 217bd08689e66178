"""Every note of the library (`A`), grouped by article, newest first, filtered as you type.

`enter` jumps to a note's passage, `e` edits it, `d` deletes it and `u` puts the last one deleted
back (for as long as the reader runs).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from kratom_tui.library.sanitize import one_line, strip_controls
from kratom_tui.notes.model import Note
from kratom_tui.ui.movement import MovingOptionList

if TYPE_CHECKING:
    from kratom_tui.ui.note_taking import NotesKeeper


def grouped(notes: list[Note]) -> list[tuple[str, list[Note]]]:
    """Notes by article, the article with the newest note first; `notes` come newest first."""
    groups: dict[str, list[Note]] = {}
    for note in notes:
        groups.setdefault(note.article_id, []).append(note)
    return list(groups.items())


def matches(note: Note, title: str, words: list[str]) -> bool:
    haystack = f"{note.quote}\n{note.text}\n{title}".casefold()
    return all(word in haystack for word in words)


def note_prompt(note: Note) -> Text:
    """The quote, the reader's words (or that it is a highlight), and when; a detached note says so."""
    when = time.strftime("%d %b %Y %H:%M", time.localtime(note.updated))
    status = "detached: its passage is no longer in the article · " if note.detached else ""
    words = strip_controls(note.text) if not note.is_highlight else "Highlight"
    return Text.assemble(
        ("  “" + one_line(note.quote) + "”", "italic"),
        "\n  ",
        (words, "" if not note.is_highlight else "dim"),
        "\n  ",
        (f"{status}{when}", "dim"),
    )


class NotesScreen(ModalScreen[Note | None]):
    """Dismisses with the note to jump to, or None."""

    BINDINGS = [
        Binding("escape,A", "dismiss(None)", "Close", id="dialog.close"),
        Binding("slash", "focus_filter", "Filter", id="notes.filter"),
        Binding("d", "delete", "Delete", id="notes.delete"),
        Binding("u", "undo", "Undo delete", id="notes.undo"),
        Binding("e", "edit", "Edit", id="notes.edit"),
        Binding("down", "focus_list", "Notes", show=False, id="notes.list"),
    ]

    def __init__(self, keeper: NotesKeeper, titles: dict[str, str]) -> None:
        super().__init__()
        self.keeper = keeper
        self.titles = titles
        self._shown: list[Note | None] = []
        """What each line of the list is: a note, or None for an article's title."""

    def compose(self) -> ComposeResult:
        with Vertical(id="notes-dialog") as dialog:
            dialog.border_title = "Your notes"
            dialog.border_subtitle = "enter: go to · e: edit · d: delete · u: undo · /: filter · escape: close"
            yield Input(placeholder="Filter: words of the quote, the note or the article's title", id="notes-filter")
            yield Static(id="notes-status")
            yield MovingOptionList(id="notes-list")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.show_notes()
        self.query_one(OptionList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Typed into the filter, `d`, `e` and `u` are letters."""
        return not (action in {"delete", "undo", "edit"} and isinstance(self.focused, Input))

    def title_of(self, article_id: str) -> str:
        return self.titles.get(article_id) or f"{article_id} (not in this library)"

    def show_notes(self, keep: int | None = None) -> None:
        words = self.query_one(Input).value.casefold().split()
        notes = self.keeper.store.all()
        shown = [note for note in notes if matches(note, self.title_of(note.article_id), words)]
        listing = self.query_one(OptionList)
        listing.clear_options()
        self._shown = []
        for article_id, group in grouped(shown):
            listing.add_option(Option(Text(one_line(self.title_of(article_id)), style="bold"), disabled=True))
            self._shown.append(None)
            for note in group:
                listing.add_option(Option(note_prompt(note)))
                self._shown.append(note)
        count = len(notes)
        status = f"{len(shown)} of {count} note(s)" if words else f"{count} note(s), newest first"
        if not count:
            status = "No notes yet: in an article, a adds one on the selection or the paragraph at the top."
        self.query_one("#notes-status", Static).update(Text(status, style="dim"))
        if any(self._shown):
            first = next(index for index, note in enumerate(self._shown) if note is not None)
            wanted = keep if keep is not None else first
            later = [i for i, note in enumerate(self._shown) if note is not None and i >= wanted]
            earlier = [i for i, note in enumerate(self._shown) if note is not None]
            listing.highlighted = later[0] if later else earlier[-1]

    @property
    def highlighted(self) -> Note | None:
        index = self.query_one(OptionList).highlighted
        return self._shown[index] if index is not None and 0 <= index < len(self._shown) else None

    def on_input_changed(self, _event: Input.Changed) -> None:
        self.show_notes()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_focus_list()

    def action_focus_filter(self) -> None:
        self.query_one(Input).focus()

    def action_focus_list(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        note = self._shown[event.option_index]
        if note is not None:
            self.dismiss(note)

    def action_delete(self) -> None:
        note, index = self.highlighted, self.query_one(OptionList).highlighted
        if note is not None and self.keeper.delete(note):
            self.show_notes(keep=index)

    def action_undo(self) -> None:
        if self.keeper.undo() is not None:
            self.show_notes()

    def action_edit(self) -> None:
        note, index = self.highlighted, self.query_one(OptionList).highlighted
        if note is not None:
            self.keeper.edit(note, then=lambda: self.show_notes(keep=index))
