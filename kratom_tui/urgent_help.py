"""What to do in an emergency, as three sourced cards: call now, call today, see a clinician soon.

Plain data, so that the urgent-help screen (`!`) and the handout for a clinician visit say the same
thing; the numbers come from the settings. Informs, never advises use.
"""

from __future__ import annotations

from dataclasses import dataclass

from kratom_tui.settings import Settings


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
