"""Urgent help (`!` anywhere): three cards, from "call now" to "see a clinician soon". Informs, never advises use.

The cards (`kratom_tui.urgent_help`, shared with the handout) name where their signs come from and
when the library checked them. The numbers come from the settings; when the settings file could not
be read, the screen says the US numbers are shown.
"""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from kratom_tui.locations import settings_file
from kratom_tui.settings import Settings
from kratom_tui.ui.copyable import CopyableStatic
from kratom_tui.urgent_help import UrgencyCard, cards


def card_text(card: UrgencyCard) -> Group:
    number = [Text.assemble((f"{card.number[0]}: ", "bold"), (card.number[1], "bold reverse"))] if card.number else []
    return Group(
        *number,
        Text(card.intro),
        *(Text("  • " + sign) for sign in card.signs),
        Text(card.sources, style="dim"),
    )


class UrgentHelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,exclamation_mark", "dismiss", "Close", id="dialog.close")]

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="urgent-dialog") as dialog:
            dialog.border_title = "Urgent help"
            dialog.border_subtitle = "escape to close"
            if self.settings.urgent_help_problem:  # not for a problem elsewhere in the file
                yield Static(
                    Text(f"{self.settings.urgent_help_problem} The numbers below are the US ones."),
                    id="urgent-fallback",
                )
            for card in cards(self.settings):
                widget = CopyableStatic(card_text(card), classes=f"urgency {card.level}")
                widget.border_title = card.title
                yield widget
            yield Static(
                Text(
                    "Outside the US? Set your own numbers under urgent_help (poison_help, emergency) "
                    f"in {settings_file()}. This screen informs; it is not medical advice.",
                    style="dim",
                )
            )
