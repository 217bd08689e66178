"""The problems of the library: each file that could not be used, or was used with a warning."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from kratom_tui.library.model import Problem

LEVEL_STYLES = {"error": "bold red", "warning": "bold yellow"}


class ProblemsScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,p", "dismiss", "Close")]

    def __init__(self, problems: list[Problem], root: Path) -> None:
        super().__init__()
        self.problems = problems
        self.root = root

    def compose(self) -> ComposeResult:
        options = [
            Option(
                Text.assemble(
                    (f"{problem.level:<7}", LEVEL_STYLES[problem.level]),
                    " ",
                    (problem.where(self.root), "bold"),
                    "\n        ",
                    problem.message,
                )
            )
            for problem in self.problems
        ]
        if not options:
            options = [Option(Text("No problems: every file of the library loaded cleanly."), disabled=True)]
        problems = OptionList(*options, id="problems")
        problems.border_title = f"Problems ({len(self.problems)})"
        problems.border_subtitle = "errors: file left out · warnings: file used · escape to close"
        yield problems
