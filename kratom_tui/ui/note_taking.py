"""The reader's notes in the app: made with `a`, listed with `A`, marked beside their lines.

Each time an article is shown its notes are found again in its text as it is now (see
`notes.anchor`), so they follow their words through edits; the panel lists them under "Your notes"
and the margin marks their lines. Deleting keeps the note for the run, so `u` can put it back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from kratom_tui.document.article_parts import risks_and_disclaimers, risks_title
from kratom_tui.document.note_parts import your_notes
from kratom_tui.document.passages import block_at_or_after, line_of, normalise, passages, place_of
from kratom_tui.document.position import TextPosition
from kratom_tui.library import Article
from kratom_tui.notes.anchor import Anchor, ArticleText
from kratom_tui.notes.model import Note
from kratom_tui.notes.store import NoteStore, NoteStoreError
from kratom_tui.ui.article_layouts import new_layout
from kratom_tui.ui.copying import paragraph_line
from kratom_tui.ui.line_extras import Span

if TYPE_CHECKING:
    from kratom_tui.ui.app import ReaderApp


def note_span(note: Note, text: ArticleText) -> Span:
    """From the first to the last character of a note's quote, as places in the article's passages."""
    start = text.at(note.block, note.offset)
    return (note.block, note.offset), text.place(start + max(0, len(note.quote) - 1))


class NotesKeeper:
    """The notes store and what the app does with it."""

    def __init__(self, app: ReaderApp, store: NoteStore | None = None) -> None:
        self.app = app
        self.store = store or NoteStore.open()
        self.deleted: list[Note] = []
        """Notes deleted this run, newest last: what `u` puts back."""

    def _failed(self, error: NoteStoreError) -> None:
        self.app.notify(str(error), severity="error", markup=False)

    # The open article

    def _text(self) -> ArticleText | None:
        layout = self.app.pane.view.layout_
        return ArticleText(passages(layout)) if layout is not None else None

    def article_shown(self, article: Article) -> None:
        """Find the article's notes in its text as it is now; mark their lines, list them in the panel."""
        notes = self.store.for_article(article.id)
        view = self.app.pane.view
        text = self._text() if notes else None
        if text is None:
            view.mark_margin(())
            return
        found = [self._move(note, text.find(note)) for note in notes]
        view.mark_margin(tuple(note_span(note, text) for note in found if not note.detached))
        self._show_in_panel(article, found)

    def _move(self, note: Note, found: Anchor | None) -> Note:
        try:
            return self.store.move(note, found)
        except NoteStoreError:  # a read-only store: shown where it is now, kept as it was
            if found is None:
                return replace(note, detached=True)
            where = ("quote", "prefix", "suffix", "block", "offset")
            return replace(note, **{key: getattr(found, key) for key in where})

    def _show_in_panel(self, article: Article, notes: list[Note]) -> None:
        """The risks panel as the article's, with "Your notes" below."""
        app, panel = self.app, self.app.pane.risks
        palette = app.layouts.palette(app.theme)
        safety = app.library.notes.for_article(article)
        parts = [risks_and_disclaimers(article, palette, safety), your_notes(notes, palette)]
        layout = new_layout(parts, "", palette, panel.text_width())
        panel.show_panel(risks_title(article, len(safety)), layout, panel.collapsed)

    def refresh(self) -> None:
        if self.app.current is not None:
            self.app.open_article(self.app.current.id, position=self.app.pane.position, focus=False, jump=False)

    # Making and editing notes

    def _anchor_here(self, text: ArticleText) -> Anchor | None:
        """The selection in the article, else the paragraph at the find match or at the top of the view."""
        view = self.app.pane.view
        layout = view.layout_
        if layout is None:
            return None
        selection = view.text_selection
        chosen = view.get_selection(selection) if selection is not None else None
        quote = normalise(chosen[0]) if chosen else ""
        if selection is not None and quote:
            start = selection.start
            block, offset = place_of(layout, start.y, start.x) if start is not None else (0, 0)
            near = text.at(block, offset)
            found = text.text.find(quote, max(0, near - len(quote)))
            start_at = found if found != -1 else max(0, text.text.find(quote))
            return text.anchor(start_at, start_at + len(quote))
        line = paragraph_line(self.app)
        block = block_at_or_after(layout, line if line is not None else 0)
        return text.anchor(text.at(block, 0), text.block_end(block))

    def add_here(self) -> None:
        """`a`: a note on the selection or the paragraph; one already made there is opened to edit."""
        from kratom_tui.ui.screens.note_editor import NoteEditorScreen

        article, text = self.app.current, self._text()
        anchor = text and self._anchor_here(text)
        if article is None or not anchor:
            self.app.notify("Open an article to make a note on it.", severity="warning", markup=False)
            return
        same = (anchor.block, anchor.offset, anchor.quote)
        existing = next((n for n in self.store.for_article(article.id) if (n.block, n.offset, n.quote) == same), None)
        if existing is not None:
            self.edit(existing)
            return

        def saved(words: str | None) -> None:
            if words is None:
                return
            try:
                where = (anchor.quote, anchor.prefix, anchor.suffix)
                self.store.add(article.id, *where, words, anchor.block, anchor.offset)
            except NoteStoreError as error:
                self._failed(error)
                return
            self.app.screen.clear_selection()
            self.app.notify("Note saved." if words else "Highlight saved.", markup=False)
            self.refresh()

        self.app.push_screen(NoteEditorScreen(anchor.quote), saved)

    def edit(self, note: Note, then: Callable[[], None] | None = None) -> None:
        """Open a note's text in the editor; saved, it is changed in place."""
        from kratom_tui.ui.screens.note_editor import NoteEditorScreen

        def saved(words: str | None) -> None:
            if words is None:
                return
            try:
                self.store.update(note.id, text=words)
            except NoteStoreError as error:
                self._failed(error)
                return
            self.app.notify("Note saved." if words else "Saved as a highlight.", markup=False)
            self.refresh()
            if then is not None:
                then()

        self.app.push_screen(NoteEditorScreen(note.quote, note.text, "Edit note"), saved)

    def delete(self, note: Note) -> bool:
        try:
            gone = self.store.delete(note.id)
        except NoteStoreError as error:
            self._failed(error)
            return False
        if gone is not None:
            self.deleted.append(gone)
            self.app.notify("Note deleted; u puts it back.", markup=False)
            self.refresh()
        return gone is not None

    def undo(self) -> Note | None:
        """Put back the note deleted last this run."""
        if not self.deleted:
            self.app.notify("No deleted note to put back.", markup=False)
            return None
        note = self.deleted.pop()
        try:
            self.store.restore(note)
        except NoteStoreError as error:
            self.deleted.append(note)
            self._failed(error)
            return None
        self.app.notify("Note put back.", markup=False)
        self.refresh()
        return note

    # The notes screen

    def open_screen(self) -> None:
        from kratom_tui.ui.screens.notes import NotesScreen

        library = self.app.library
        ids = {note.article_id for note in self.store.all()}
        titles = {article_id: article.title for article_id in ids if (article := library.get(article_id))}
        self.app.push_screen(NotesScreen(self, titles), self._jump)

    def _jump(self, note: Note | None) -> None:
        """Open the note's article with its passage at the top; a detached note says so."""
        if note is None:
            return
        if self.app.library.get(note.article_id) is None:
            self.app.notify("That note's article is not in this library.", severity="warning", markup=False)
            return
        self.app.open_article(note.article_id, position=TextPosition(), focus=True)
        now = self.store.get(note.id) or note
        layout = self.app.pane.view.layout_
        if now.detached or layout is None:
            self.app.notify("This note is detached: its passage is no longer in the article.", markup=False)
            return
        self.app.pane.go_to_line(line_of(layout, now.block, now.offset))
