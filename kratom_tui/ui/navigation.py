"""Moving like a browser and an e-reader: back and forward over jumps, and marks set with a letter.

The app says when a jump is about to leave a place; this keeps the history (for the run) and the
marks (in the saved state) and answers where to go.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kratom_tui.ui.history import History, Place
from kratom_tui.ui.screens.key_prompt import KeyPrompt

if TYPE_CHECKING:
    from kratom_tui.ui.app import ReaderApp


class Navigator:
    def __init__(self, app: ReaderApp) -> None:
        self.app = app
        self.history = History()

    def here(self) -> Place | None:
        article_id = self.app.pane.article_id
        return Place(article_id, self.app.pane.position) if article_id is not None else None

    def leave(self) -> None:
        """Call before a jump (another article, a heading, a link, a search hit)."""
        here = self.here()
        if here is not None:
            self.history.leave(here)

    def back(self) -> None:
        self._go(self.history.back, "Nothing to go back to.")

    def forward(self) -> None:
        self._go(self.history.forward, "Nothing to go forward to.")

    def _go(self, step, nothing: str) -> None:
        here = self.here()
        place = step(here) if here is not None else None
        if place is None:
            self.app.notify(nothing, markup=False)
        else:
            self.app.go_to_place(place)

    def set_mark(self) -> None:
        def chosen(letter: str | None) -> None:
            here = self.here()
            if letter and here is not None:
                self.app.state.set_mark(letter, here.article_id, here.position)
                self.app.keeper.changed()
                self.app.notify(f"Mark '{letter}' set here; ' then {letter} comes back.", markup=False)

        self.app.push_screen(KeyPrompt("Set a mark here: type a letter (escape cancels)"), chosen)

    def jump_to_mark(self) -> None:
        def chosen(letter: str | None) -> None:
            mark = self.app.state.mark(letter) if letter else None
            if letter and mark is None:
                self.app.notify(f"No mark '{letter}'.", severity="warning", markup=False)
            elif mark is not None:
                self.leave()
                self.app.go_to_place(Place(*mark))

        self.app.push_screen(KeyPrompt("Go to a mark: type its letter (escape cancels)"), chosen)
