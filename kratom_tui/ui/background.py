"""Work done behind the first frame: a full load of a library started from its catalogue, then the
search index brought up to date. It runs in a thread and reports to the app with messages."""

from __future__ import annotations

from time import monotonic

from textual.app import App
from textual.message import Message
from textual.message_pump import MessagePump

from kratom_tui.library import Library, load_library
from kratom_tui.ui.search_service import SearchService

PROGRESS_EVERY = 0.1
"""Seconds between progress reports: each one costs the UI thread a redraw."""


class LibraryLoaded(Message):
    def __init__(self, library: Library) -> None:
        self.library = library
        super().__init__()


class IndexProgress(Message):
    def __init__(self, done: int, total: int) -> None:
        self.done = done
        self.total = total
        super().__init__()


class IndexBuilt(Message):
    def __init__(self, notice: str | None) -> None:
        self.notice = notice
        super().__init__()


def load_and_index(app: App[None], progress_to: MessagePump, library: Library, search: SearchService) -> None:
    """Run in a worker thread (messages are safe to post from there); progress goes to `progress_to`."""
    last = 0.0

    def progress(done: int, total: int) -> None:
        nonlocal last
        now = monotonic()
        if now - last >= PROGRESS_EVERY or done in (0, total):
            last = now
            progress_to.post_message(IndexProgress(done, total))

    if not library.complete:
        # The files to read are those of the catalogue the app started from: the bar shows the load too.
        files = len(library.catalogue.paths)
        library = load_library(library.root, cache=True, progress=lambda done: progress(min(done, files), files))
        progress(files, files)
        app.post_message(LibraryLoaded(library))
    app.post_message(IndexBuilt(search.build(library, progress)))
