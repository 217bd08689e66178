"""The reader's modal screens, opened on demand, and what the app does with the reader's choice.

Each screen module is imported when its screen is first opened: the first frame needs none of them,
and importing all seven (with the risk overview's tables) would delay it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kratom_tui.ui.app import ReaderApp


def open_help(app: ReaderApp) -> None:
    from kratom_tui.ui.screens.help import HelpScreen

    app.push_screen(HelpScreen())


def open_urgent_help(app: ReaderApp) -> None:
    from kratom_tui.ui.screens.urgent_help import UrgentHelpScreen

    if not isinstance(app.screen, UrgentHelpScreen):
        app.push_screen(UrgentHelpScreen(app.settings))


def open_problems(app: ReaderApp) -> None:
    from kratom_tui.ui.screens.problems import ProblemsScreen

    app.push_screen(ProblemsScreen(app.library.problems, app.library.root))


def open_risk_overview(app: ReaderApp) -> None:
    """Every risk against the articles naming it; a choice opens the article at its panel."""
    if not app.library.complete:
        app.notify("Still reading the library; the risk overview is ready in a moment.", markup=False)
        return
    from kratom_tui.library.risk_overview import risk_overview
    from kratom_tui.ui.screens.risk_overview import RiskOverviewScreen

    def opened(choice: tuple[str, str] | None) -> None:
        if choice is not None:
            app.open_article(choice[0], focus=False)
            app.pane.focus_risk(choice[1])

    app.push_screen(RiskOverviewScreen(risk_overview(app.library), app.library.articles), opened)


def open_contents(app: ReaderApp) -> None:
    from kratom_tui.ui.screens.contents import ContentsScreen

    def jump(line: int | None) -> None:
        if line is not None:
            app.pane.go_to_line(line)

    app.push_screen(ContentsScreen(app.pane.headings), jump)


def open_search(app: ReaderApp) -> None:
    """Library search; a chosen result opens with the find bar primed with what was searched."""
    from kratom_tui.ui.screens.search import SearchScreen

    def opened(choice: tuple[str, str] | None) -> None:
        if choice is None:
            return
        article_id, query = choice
        app.open_article(article_id)
        article = app.library.get(article_id)
        if article is not None:
            body = app.library.read_body(article).text
            text = app.search_service.find_text(query, f"{article.title}\n{body}")
            if text:
                app.pane.open_find(text)

    app.push_screen(SearchScreen(app.search_service), opened)
