"""`kratom-tui notes [--json] [ID]` and `notes --export FILE.md`: the reader's notes outside the app."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from kratom_tui.library import Article, Library
from kratom_tui.notes.export import json_row, listing, markdown
from kratom_tui.notes.store import NoteStore
from kratom_tui.storage import write_atomically


class NotesError(Exception):
    """A request that cannot be met; one line for the user (exit status 2)."""


def notes_command(library: Library, article_id: str | None, as_json: bool, export: str | None) -> int:
    store = NoteStore.open()
    if store.notice:
        print(f"kratom-tui: {store.notice}", file=sys.stderr)
    notes = store.for_article(article_id) if article_id else store.all()
    if article_id and not notes and library.get(article_id) is None:
        closest = library.closest_ids(article_id)
        hint = f"; closest: {', '.join(closest)}" if closest else ""
        raise NotesError(f"no article with id '{article_id}'{hint}")
    articles: dict[str, Article] = {}
    for note in notes:
        if note.article_id not in articles and (article := library.get(note.article_id)) is not None:
            articles[note.article_id] = article
    if export:
        target = Path(export).expanduser()
        try:
            write_atomically(target, markdown(notes, articles))
        except OSError as error:
            raise NotesError(f"could not write {target}: {error.strerror or error}") from None
        print(f"wrote {len(notes)} note(s) to {target}")
        return 0
    if as_json:
        rows = [json_row(note, articles.get(note.article_id)) for note in notes]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    elif notes:
        print(listing(notes, articles), end="")
    else:
        print("no notes yet: in the reader, a adds one (see kratom-tui --help)", file=sys.stderr)
    return 0
