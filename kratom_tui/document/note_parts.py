"""The reader's own notes as the risks panel shows them ("Your notes"), below what the article says."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.text import Text

from kratom_tui.document.palette import Palette
from kratom_tui.document.prefixed import Prefixed
from kratom_tui.library.sanitize import strip_controls
from kratom_tui.notes.model import Note

QUOTE_SHOWN = 160
"""Characters of a quote shown in the panel; the notes screen and the export show all of it."""


def short_quote(quote: str, most: int = QUOTE_SHOWN) -> str:
    text = " ".join(strip_controls(quote).split())
    return f"“{text if len(text) <= most else text[: most - 1] + '…'}”"


def your_notes(notes: list[Note], palette: Palette) -> RenderableType:
    """Each note (or highlight) with its quote; a detached one says that its passage is gone."""
    parts: list[RenderableType] = [Rule("Yours, not the article's", style=palette.rule, characters="┄")]
    parts.append(Text(f"Your notes ({len(notes)}) · A: all notes · a: add one", palette.section))
    for note in notes:
        item: list[RenderableType] = []
        if note.detached:
            item.append(Text("Detached: this passage is no longer in the article.", palette.notice))
        item.append(Text(short_quote(note.quote), palette.muted))
        item.append(Text(strip_controls(note.text)) if not note.is_highlight else Text("Highlight", palette.muted))
        parts.append(Prefixed(Group(*item), "• ", style=palette.muted))
    return Group(*parts)
