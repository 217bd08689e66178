"""The app's keys for taking things away: copy (`ctrl+c`, `y`) and notes (`a`, `A`).

Mixed into the reader app, so that the app keeps to coordinating; the work is in `copying` and
`note_taking`.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, cast

from textual.app import App

from kratom_tui.ui.copying import copy_paragraph, copy_selection
from kratom_tui.ui.note_taking import NotesKeeper

if TYPE_CHECKING:
    from kratom_tui.ui.app import ReaderApp


class NoteActions(App[None]):
    @property
    def _reader(self) -> ReaderApp:
        return cast("ReaderApp", self)

    @cached_property
    def notes(self) -> NotesKeeper:
        """The notes store, opened on first use (a corrupt one is set aside and said then)."""
        keeper = NotesKeeper(self._reader)
        if keeper.store.notice:
            self.notify(keeper.store.notice, title="Notes", severity="warning", markup=False)
        return keeper

    async def action_copy_or_quit(self) -> None:
        """`ctrl+c` copies selected text, as in every terminal program, and quits when there is none."""
        if not copy_selection(self._reader):
            await self._reader.action_quit()

    def action_copy_paragraph(self) -> None:
        copy_paragraph(self._reader)

    def action_add_note(self) -> None:
        self.notes.add_here()

    def action_notes(self) -> None:
        self.notes.open_screen()
