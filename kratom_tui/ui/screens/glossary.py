"""The Glossary screen: every term with its plain-words meaning and source; `d` opens it at one term."""

from __future__ import annotations

from pathlib import Path

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from kratom_tui.library.glossary import Glossary, Term, load_glossary
from kratom_tui.ui.copyable import CopyableStatic


def term_renderable(term: Term) -> Group:
    name = term.term + (f" ({', '.join(term.aliases)})" if term.aliases else "")
    return Group(Text(name, style="bold"), Text(term.definition), Text(term.citation(), style="dim"))


class GlossaryScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,d", "dismiss", "Close", id="dialog.close")]

    def __init__(self, root: Path, focus_term: Term | None = None, glossary: Glossary | None = None) -> None:
        super().__init__()
        self.glossary = glossary or load_glossary(root)
        self.focus_term = focus_term

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="glossary-dialog") as dialog:
            dialog.border_title = "Glossary"
            dialog.border_subtitle = "escape to close"
            if self.focus_term is not None:
                yield CopyableStatic(term_renderable(self.focus_term), id="glossary-current", classes="glossary-term")
                yield Static(Text("All terms", style="bold underline"), classes="glossary-heading")
            if not self.glossary.terms:
                yield Static(Text("This library has no glossary."))
            for term in self.glossary.terms:
                yield CopyableStatic(term_renderable(term), classes="glossary-term")
