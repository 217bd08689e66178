"""The first launch: what the library is, that it informs and does not advise, and the keys to start.

Shown instead of dropping a newcomer into an arbitrary article. The keys are read from the app's
bindings, so a `keys:` setting shows here too.
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Footer

from kratom_tui.ui.copyable import CopyableStatic
from kratom_tui.ui.movement import ScrollingText
from kratom_tui.ui.screens.help import app_keys

FIRST_KEYS = (
    ("app.help", "every key, at any time"),
    ("app.search", "search the whole library"),
    ("app.toggle-risks", "fold or unfold the article's risks and disclaimers"),
    ("app.risk-overview", "every risk the library names, article by article"),
)
INTRO = (
    "A reader for a small library of articles about kratom and the conditions people use it for. "
    "The articles retell what their sources, mostly promotional, claim. They inform; they do not "
    "advise, and nothing here is medical advice. Below each article, a panel keeps every risk and "
    "disclaimer its source names."
)


def welcome_text(app: App) -> Group:
    keys = Table.grid(padding=(0, 2))
    keys.add_column(style="bold", no_wrap=True)
    keys.add_column()
    keys.add_row(Text("enter"), Text("open the article under the cursor in the sidebar"))
    for binding_id, meaning in FIRST_KEYS:
        keys.add_row(Text(app_keys(app, binding_id)), Text(meaning))
    urgent = app_keys(app, "app.urgent-help")
    return Group(
        Text(INTRO),
        Text(),
        Text("Five keys to start with", style="bold underline"),
        keys,
        Text(),
        Text.assemble(
            ("Urgent help: ", "bold"),
            (f" {urgent} ", "bold reverse"),
            " from any screen shows who to call and the warning signs that need help now.",
        ),
        Text(),
        Text("Press enter or escape to start reading.", style="italic"),
    )


class WelcomeScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,enter", "dismiss", "Start reading", id="dialog.close")]

    def compose(self) -> ComposeResult:
        with ScrollingText(id="welcome-dialog") as dialog:
            dialog.border_title = "Welcome to kratom-tui"
            dialog.border_subtitle = "enter: start reading"
            yield CopyableStatic(welcome_text(self.app), id="welcome-text")
        yield Footer(compact=True)
