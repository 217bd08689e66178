"""Urgent help (`!` anywhere): who to call and which symptoms need help now. Informs, never advises use."""

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

RED_FLAGS = (
    "yellowing of the skin or the whites of the eyes",
    "dark urine",
    "severe itching",
    "a seizure",
    "signs of withdrawal in a newborn whose mother used kratom during pregnancy",
)
EMERGENCIES = (
    "is unresponsive or cannot be woken",
    "has trouble breathing, or breathing is very slow",
    "is having a seizure",
)


def urgent_help_text(settings: Settings) -> Group:
    bullet = "  • "
    return Group(
        Text.assemble(("Call emergency services now: ", "bold"), (settings.emergency, "bold reverse"), " if someone"),
        *(Text(bullet + item) for item in EMERGENCIES),
        Text(),
        Text.assemble(("Poison help: ", "bold"), (settings.poison_help, "bold")),
        Text("  Call for advice on a possible poisoning or a bad reaction, even if you are not sure."),
        Text(),
        Text("Get medical help promptly for these warning signs:", style="bold"),
        *(Text(bullet + item) for item in RED_FLAGS),
        Text(),
        Text(
            "Outside the US? Set your own numbers under urgent_help (poison_help, emergency) "
            f"in {settings_file()}.",
            style="dim",
        ),
    )


class UrgentHelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,exclamation_mark", "dismiss", "Close")]

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="urgent-dialog") as dialog:
            dialog.border_title = "Urgent help"
            dialog.border_subtitle = "escape to close"
            yield Static(urgent_help_text(self.settings))
