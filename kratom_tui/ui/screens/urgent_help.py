"""Urgent help (`!` anywhere): three cards, from "call now" to "see a clinician soon". Informs, never advises use.

Each card names where its signs come from and when the library checked them. The numbers come from
the settings; when the settings file could not be read, the screen says the US numbers are shown.
"""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class UrgencyCard:
    level: str
    """CSS class: now, today or soon."""
    title: str
    number: tuple[str, str] | None
    """What to call and the number, from the settings."""
    intro: str
    signs: tuple[str, ...]
    sources: str


def cards(settings: Settings) -> tuple[UrgencyCard, ...]:
    return (
        UrgencyCard(
            "now",
            "Call emergency services now",
            ("Emergency number", settings.emergency),
            "If someone who has taken kratom, alone or with anything else:",
            (
                "is unresponsive or cannot be woken",
                "has trouble breathing, or is breathing very slowly",
                "is having a seizure",
            ),
            "Source: Poison Help (HRSA) guidance on when to call emergency services rather than the poison line; "
            "the library's Poison Help note was checked on 21 Nov 2026.",
        ),
        UrgencyCard(
            "today",
            "Call Poison Help or a doctor today",
            ("Poison Help", settings.poison_help),
            "Even if you are not sure it is serious, for example when:",
            (
                "a large amount was taken, or more than intended",
                "it was mixed with alcohol, medicines or other drugs",
                "someone has a bad reaction after taking it",
            ),
            "Source: Poison Help (HRSA): the line is free, confidential and open 24 hours; the library's note "
            "on it was checked on 21 Nov 2026.",
        ),
        UrgencyCard(
            "soon",
            "See a clinician soon for these signs",
            None,
            "They can point to liver injury, dependence or a newborn's withdrawal:",
            (
                "yellow skin or yellow whites of the eyes",
                "dark urine",
                "severe itching",
                "signs of withdrawal after stopping regular use",
                "withdrawal signs in a newborn whose mother used kratom in pregnancy",
            ),
            "Sources: LiverTox (NIH), symptoms of kratom liver injury, checked on 2 Dec 2026; FDA advisory on "
            "dependence, 14 Nov 2017; newborn case report by Eldridge, Foster and Wyble (Pediatrics, 2018).",
        ),
    )


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
