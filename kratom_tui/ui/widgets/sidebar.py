"""The sidebar: the library tree and the indexing progress bar; it owns when it is shown.

On a wide screen it sits beside the reading pane and `b` hides it; below the narrow breakpoint it
is an overlay over the pane, closed by `b`, `escape` or opening an article.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import ProgressBar

from kratom_tui.library import Library
from kratom_tui.ui.background import IndexProgress
from kratom_tui.ui.widgets.library_tree import LibraryTree

NARROW_BELOW = 70
"""Columns under which the sidebar becomes an overlay over the reading pane."""
PROGRESS_FROM = 200
"""Indexing at least this many articles shows a progress bar under the tree."""


class Sidebar(Vertical):
    BINDINGS = [Binding("escape", "close_overlay", "Close", show=False)]

    class Concealed(Message):
        """The reader put the sidebar away: the reading pane should take the focus."""

    class Covering(Message):
        """Whether the sidebar now covers the reading pane (an overlay on a narrow screen)."""

        def __init__(self, covering: bool) -> None:
            self.covering = covering
            super().__init__()

    def __init__(self, library: Library, reading: dict[str, str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._library = library
        self._reading = reading

    def compose(self) -> ComposeResult:
        yield LibraryTree(self._library, self._reading, id="sidebar")
        yield ProgressBar(id="index-progress", show_eta=False)

    @property
    def library_tree(self) -> LibraryTree:
        return self.query_one(LibraryTree)

    @property
    def narrow(self) -> bool:
        return self.app.size.width < NARROW_BELOW

    @property
    def showing(self) -> bool:
        return self.has_class("-visible") if self.narrow else not self.has_class("-hidden")

    @property
    def covers_pane(self) -> bool:
        """Open as an overlay: the reading pane behind it cannot be seen."""
        return self.narrow and self.has_class("-visible")

    def reveal(self) -> None:
        self.remove_class("-hidden")
        self.add_class("-visible")
        self.post_message(self.Covering(self.covers_pane))

    def conceal(self) -> None:
        self.remove_class("-visible")
        self.add_class("-hidden")
        self.post_message(self.Covering(False))

    def show_condition(self, condition: str) -> None:
        self.reveal()
        self.library_tree.select_condition(condition)
        self.library_tree.focus()

    def close_overlay(self) -> None:
        """After an article opens: a narrow screen gives the pane back."""
        if self.narrow:
            self.remove_class("-visible")
            self.post_message(self.Covering(False))

    def toggle(self) -> bool:
        """Show or hide; True when it is now shown (and has the focus)."""
        if self.showing:
            self.conceal()
            self.post_message(self.Concealed())
            return False
        self.reveal()
        self.library_tree.focus()
        return True

    def action_close_overlay(self) -> None:
        if self.covers_pane:
            self.conceal()
            self.post_message(self.Concealed())

    def on_index_progress(self, message: IndexProgress) -> None:
        self.set_progress(message.done, message.total)

    def set_progress(self, done: int, total: int) -> None:
        bar = self.query_one("#index-progress", ProgressBar)
        if total >= PROGRESS_FROM and done < total:
            bar.display = True
            bar.update(total=total, progress=done)
        else:
            bar.display = False
