"""Everything one handout needs, gathered from the library, the reader's notes and the settings.

The notes store is only read here. When it cannot be read, the handout is still made (showing no
notes) and the store's own sentence about it is handed back to be said.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kratom_tui.handout.content import Handout, build_handout
from kratom_tui.library import Article, Library
from kratom_tui.notes.store import NoteStore
from kratom_tui.settings import Settings


def gather_handout(
    library: Library,
    article: Article,
    settings: Settings,
    notes_path: Path | None = None,
    made: dt.date | None = None,
) -> tuple[Handout, str | None]:
    """The handout of `article`, and a notice about the notes store (None when all is well)."""
    store = NoteStore.open(notes_path)
    try:
        notes = store.for_article(article.id)
        notice = store.notice
    finally:
        store.close()
    body = library.read_body(article)
    return build_handout(article, body, library.notes.for_article(article), notes, settings, made), notice
