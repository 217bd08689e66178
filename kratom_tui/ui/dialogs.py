"""The reader's plain dialogs (help, urgent help, problems, welcome), each imported when first opened.

The first frame needs no screen; importing them all up front would only delay it. The dialogs that
jump somewhere (contents, search, risk overview, marks) are the navigator's, and lazy in the same way.
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

    app.push_screen(ProblemsScreen([*app.library.problems, *app.settings.problems], app.library.root))


def open_welcome(app: ReaderApp) -> None:
    """After the first frame: the very first launch shows the reader, then the welcome over it."""
    from kratom_tui.ui.screens.welcome import WelcomeScreen

    app.push_screen(WelcomeScreen())
