"""The library as it changes on disk while the reader runs: files added and removed appear in the
sidebar, and an article whose file changed since the reader last saw it is marked "updated".

Watching costs a `stat` of each folder every few seconds (a file added, removed or renamed changes
its folder's time) and, in libraries of at most `STAT_FILES_UP_TO` articles, of each file too (an
edit in place changes only the file's own time). It runs in a worker thread, never on the UI's.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from kratom_tui.library import Article, Library, load_library
from kratom_tui.library.model import Stamp
from kratom_tui.ui.background import IndexBuilt, LibraryLoaded

if TYPE_CHECKING:
    from kratom_tui.ui.app import ReaderApp

CHECK_EVERY = 2.0
"""Seconds between looks at the library's folders."""
STAT_FILES_UP_TO = 5_000
"""Up to this many articles, each file's time is looked at too; above, only the folders'."""

Times = dict[Path, Stamp | None]


def stamp_of(path: Path) -> Stamp | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns)


class LibraryChanges:
    """Follows the library the app shows: swaps in fresh loads and keeps the sidebar's marks true."""

    def __init__(self, app: ReaderApp) -> None:
        self.app = app
        self._times: Times = {}
        self._checking = False

    def start(self) -> None:
        """Once the library is fully read (the folders to watch are only known then)."""
        self.app.set_interval(CHECK_EVERY, self._check, name="library-watch")
        self._follow(self.app.library)

    def opened(self, article: Article) -> None:
        """The reader sees this article as it is now: it is no longer "updated"."""
        if article.stamp is not None:
            self.app.state.set_seen(article.id, article.stamp)

    def swap(self, library: Library) -> Library:
        """A fresh load replaces the library everywhere it is shown; returns it for the app to keep."""
        app, old = self.app, self.app.library
        app.layouts.library = library
        app.sidebar.library_tree.show_library(library)
        if app.current is not None:
            app.current = library.get(app.current.id) or app.current
        if [p.format() for p in old.problems] != [p.format() for p in library.problems]:
            app.notify_problems()
        for notice in library.notices:
            app.notify(notice, severity="warning", markup=False)
        self._follow(library)
        return library

    def _follow(self, library: Library) -> None:
        if not library.complete:
            return
        self._times = self._watched_times(library)
        self._checking = False
        stamps = {article.id: article.stamp for article in library.articles}
        updated = self.app.state.updated_since_seen(stamps)
        if self.app.current is not None:
            updated.discard(self.app.current.id)  # shown as it is now, or reloaded in a moment
        self.app.sidebar.library_tree.show_updated(updated)

    def _watched_times(self, library: Library) -> Times:
        """The folders' times now; the files' as the load read them (no `stat` of each on the UI thread)."""
        folders = {library.root} | {article.path.parent for article in library.articles}
        times: Times = {folder: stamp_of(folder) for folder in folders}
        if len(library.articles) <= STAT_FILES_UP_TO:
            times |= {article.path: article.stamp for article in library.articles if article.stamp is not None}
        return times

    def _check(self) -> None:
        if not self._checking and self._times and self.app.library.complete:
            self._checking = True
            self.app.run_worker(self._look, thread=True, exclusive=True, group="library-watch")

    def _look(self) -> None:
        """In a worker: when anything watched changed, load the library again and bring the index up to date."""
        if all(stamp_of(path) == stamp for path, stamp in self._times.items()):
            self._checking = False
            return
        library = load_library(self.app.library.root, cache=True)
        self.app.post_message(LibraryLoaded(library))
        self.app.post_message(IndexBuilt(self.app.search_service.build(library, lambda _done, _total: None)))
