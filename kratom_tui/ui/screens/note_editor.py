"""The note editor (`a`): the quoted passage above, the reader's own words below in a text area.

`ctrl+s` saves; `escape` closes at once when nothing changed and otherwise asks first, so a note
is never lost to a stray key. Saved empty, a note is a highlight.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static, TextArea

from kratom_tui.library.sanitize import strip_controls

QUOTE_SHOWN = 300
"""Characters of the quote shown above the editor; the note keeps all of it."""


def shown_quote(quote: str) -> Text:
    text = strip_controls(quote)
    if len(text) > QUOTE_SHOWN:
        text = text[: QUOTE_SHOWN - 1] + "…"
    return Text(f"“{text}”", style="italic")


class UnsavedScreen(ModalScreen[str]):
    """Asked when the editor is closed with changes: save, discard, or go back to the note."""

    BINDINGS = [
        Binding("y", "dismiss('save')", "Save", id="note.save-changes"),
        Binding("n", "dismiss('discard')", "Discard", id="note.discard-changes"),
        Binding("escape", "dismiss('back')", "Back to the note", id="dialog.close"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="unsaved-dialog"):
            yield Static(Text("This note has changes that are not saved.", style="bold"))
            yield Static(Text("y: save them · n: discard them · escape: back to the note"), id="unsaved-keys")
        yield Footer(compact=True)


class NoteEditorScreen(ModalScreen[str | None]):
    """Dismisses with the note's text (empty for a highlight), or None when closed without saving."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True, id="note.save"),
        Binding("escape", "close", "Close", priority=True, id="note.close"),
    ]

    def __init__(self, quote: str, text: str = "", title: str = "New note") -> None:
        super().__init__()
        self.quote = quote
        self.initial = text
        self.heading = title

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog") as dialog:
            dialog.border_title = self.heading
            dialog.border_subtitle = "ctrl+s: save · escape: close · empty: a highlight"
            yield Static(shown_quote(self.quote), id="note-quote")
            yield TextArea(self.initial, id="note-text", soft_wrap=True, show_line_numbers=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        editor = self.query_one(TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)

    @property
    def text(self) -> str:
        return strip_controls(self.query_one(TextArea).text).strip()

    def action_save(self) -> None:
        self.dismiss(self.text)

    def action_close(self) -> None:
        if self.text == self.initial.strip():
            self.dismiss(None)
        else:
            self.app.push_screen(UnsavedScreen(), self._answered)

    def _answered(self, answer: str | None) -> None:
        if answer == "save":
            self.dismiss(self.text)
        elif answer == "discard":
            self.dismiss(None)
