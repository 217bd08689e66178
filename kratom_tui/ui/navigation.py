"""Moving like a browser and an e-reader: back and forward over jumps, marks set with a letter, and
the dialogs that jump (contents, library search, risk overview).

The app says when a jump is about to leave a place; this keeps the history (for the run) and the
marks (in the saved state) and answers where to go.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kratom_tui.document.position import START
from kratom_tui.ui.history import History, Place

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

    def _go(self, step: Callable[[Place], Place | None], nothing: str) -> None:
        here = self.here()
        place = step(here) if here is not None else None
        if place is None:
            self.app.notify(nothing, markup=False)
        else:
            self.go(place)

    def go(self, place: Place) -> None:
        """That article at that position, adding nothing to the history."""
        if self.app.current is not None and place.article_id == self.app.current.id:
            self.app.pane.view.go_to(place.position)
        else:
            self.app.open_article(place.article_id, position=place.position, jump=False)

    # Each screen is imported when first opened: the first frame needs none of them.

    def set_mark(self) -> None:
        from kratom_tui.ui.screens.key_prompt import KeyPrompt

        def chosen(letter: str | None) -> None:
            here = self.here()
            if letter and here is not None:
                self.app.state.set_mark(letter, here.article_id, here.position)
                self.app.keeper.changed()
                self.app.notify(f"Mark '{letter}' set here; ' then {letter} comes back.", markup=False)

        self.app.push_screen(KeyPrompt("Set a mark here: type a letter (escape cancels)"), chosen)

    def jump_to_mark(self) -> None:
        from kratom_tui.ui.screens.key_prompt import KeyPrompt

        def chosen(letter: str | None) -> None:
            mark = self.app.state.mark(letter) if letter else None
            if letter and mark is None:
                self.app.notify(f"No mark '{letter}'.", severity="warning", markup=False)
            elif mark is not None:
                self.leave()
                self.go(Place(*mark))

        self.app.push_screen(KeyPrompt("Go to a mark: type its letter (escape cancels)"), chosen)

    def contents(self) -> None:
        from kratom_tui.ui.screens.contents import ContentsScreen

        # By piece, not line: in a long article the lines of what is not laid out are estimates.
        view = self.app.pane.view
        spots = view.heading_spots()

        def chosen(number: int | None) -> None:
            if number is not None:
                self.leave()
                view.go_to_heading(*spots[number][:2])
                view.focus()

        self.app.push_screen(ContentsScreen([(n, heading) for n, (*_, heading) in enumerate(spots)]), chosen)

    def search(self) -> None:
        """Library search; a hit opens with the find bar primed with what the search matched."""
        from kratom_tui.ui.screens.search import SearchScreen

        app = self.app

        def chosen(choice: tuple[str, str] | None) -> None:
            if choice is not None and (article := app.library.get(choice[0])) is not None:
                app.open_article(article.id, position=START)
                text = f"{article.title}\n{app.library.read_body(article).text}"
                if found := app.search_service.find_text(choice[1], text):
                    app.pane.open_find(found)

        app.push_screen(SearchScreen(app.search_service), chosen)

    def risk_overview(self) -> None:
        """Every risk against the articles naming it; a cell opens that article at its panel."""
        app = self.app
        if not app.library.complete:
            app.notify("Still reading the library; the risk overview is ready in a moment.", markup=False)
            return
        from kratom_tui.library.risk_overview import risk_overview
        from kratom_tui.ui.screens.risk_overview import risk_overview_screen

        def chosen(choice: tuple[str, str] | None) -> None:
            if choice is not None:
                app.open_article(choice[0], focus=False)
                app.pane.focus_risk(choice[1])

        app.push_screen(risk_overview_screen(risk_overview(app.library), app.library.articles), chosen)
