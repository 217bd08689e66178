"""Find in the open article: one search over its text and its risks panel, stepping with wrap-around."""

from __future__ import annotations

from collections.abc import Callable

from kratom_tui.document.find import compile_query
from kratom_tui.ui.widgets.article_view import ArticleView, Match


class Finder:
    """The query and which match is current; each view keeps its own matches and draws them."""

    def __init__(self, *views: ArticleView, reveal: Callable[[ArticleView], None]) -> None:
        self.views = views
        self.reveal = reveal
        """Called before a view's match is scrolled to: a folded panel unfolds first."""
        self.query = ""
        self.index: int | None = None

    @property
    def active(self) -> bool:
        return bool(self.query)

    def _matches(self) -> list[tuple[ArticleView, Match]]:
        return [(view, match) for view in self.views for match in view.matches]

    @property
    def complete(self) -> bool:
        return all(view.layout_ is None or view.layout_.complete for view in self.views)

    def search(self, query: str) -> None:
        """Find `query` anew, starting at the top of the article's view."""
        self.query = query
        pattern = compile_query(query)
        for view in self.views:
            view.find(pattern)
        self.index = None
        first_view = self.views[0]
        first = first_view.first_match_from(first_view.top_line)
        if first is not None:
            self.index = first
        elif self._matches():
            self.index = 0
        self._show_current()

    def take_in(self) -> None:
        """New lines were laid out: count their matches too."""
        for view in self.views:
            view.take_in()

    def step(self, forward: bool) -> None:
        matches = self._matches()
        if not matches:
            return
        if self.index is None:
            self.index = 0 if forward else len(matches) - 1
        else:
            self.index = (self.index + (1 if forward else -1)) % len(matches)
        self._show_current()

    def clear(self) -> None:
        self.query = ""
        self.index = None
        for view in self.views:
            view.find(None)

    def counter(self) -> tuple[str, bool]:
        """The find bar's count ("3/17", "4/20+" while the article is still being laid out)."""
        total = len(self._matches())
        if not self.query:
            return "", True
        if total == 0:
            return ("No match" if self.complete else "No match yet…"), False
        more = "" if self.complete else "+"
        position = "-" if self.index is None else str(self.index + 1)
        return f"{position}/{total}{more}", True

    def _show_current(self) -> None:
        """Mark the current match in its view and scroll it into sight."""
        matches = self._matches()
        for view in self.views:
            view.current_match = None
        if self.index is None or not matches:
            return
        view, match = matches[min(self.index, len(matches) - 1)]
        self.reveal(view)
        view.current_match = match
        line = match[0]
        top, height = view.top_line, max(1, view.size.height)
        if not top <= line < top + height:
            view.scroll_to_line(max(0, line - height // 3))
