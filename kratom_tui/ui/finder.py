"""Find in the open article: one search over its text and its risks panel, stepping with wrap-around."""

from __future__ import annotations

from collections.abc import Callable

from kratom_tui.document.find import compile_query
from kratom_tui.ui.widgets.article_view import ArticleView, Match


class Finder:
    """The query and which match is current; each view keeps its own matches and draws them.

    The current match is kept as (view, match), not as a number: matches found later, as a long
    article is laid out, come before the panel's and would shift a number.
    """

    def __init__(self, *views: ArticleView, reveal: Callable[[ArticleView], None]) -> None:
        self.views = views
        self.reveal = reveal
        """Called before a view's match is scrolled to: a folded panel unfolds first."""
        self.query = ""
        self.current: tuple[ArticleView, Match] | None = None

    @property
    def active(self) -> bool:
        return bool(self.query)

    def _matches(self) -> list[tuple[ArticleView, Match]]:
        return [(view, match) for view in self.views for match in view.matches]

    @property
    def complete(self) -> bool:
        return all(view.layout_ is None or view.layout_.complete for view in self.views)

    def search(self, query: str) -> None:
        """Find `query` anew; the current match is the first at or below the top of the article."""
        self.query = query
        pattern = compile_query(query)
        for view in self.views:
            view.find(pattern)
        article = self.views[0]
        first = article.first_match_from(article.top_line)
        matches = self._matches()
        if first is not None:
            self._show(article, article.matches[first])
        elif matches:
            self._show(*matches[0])
        else:
            self.current = None

    def take_in(self) -> None:
        """New lines were laid out: count their matches too."""
        for view in self.views:
            view.take_in()

    def step(self, forward: bool) -> None:
        matches = self._matches()
        if not matches:
            return
        if self.current not in matches:
            index = 0 if forward else len(matches) - 1
        else:
            index = (matches.index(self.current) + (1 if forward else -1)) % len(matches)
        self._show(*matches[index])

    def clear(self) -> None:
        self.query = ""
        self.current = None
        for view in self.views:
            view.find(None)

    def counter(self) -> tuple[str, bool]:
        """The find bar's count ("3/17", "4/20+" while the article is still being laid out)."""
        matches = self._matches()
        if not self.query:
            return "", True
        if not matches:
            return ("No match" if self.complete else "No match yet…"), False
        more = "" if self.complete else "+"
        position = str(matches.index(self.current) + 1) if self.current in matches else "-"
        return f"{position}/{len(matches)}{more}", True

    def _show(self, view: ArticleView, match: Match) -> None:
        """Make this the current match and scroll it into sight."""
        for other in self.views:
            other.current_match = None
        self.reveal(view)
        self.current = (view, match)
        view.current_match = match
        line = match[0]
        top, height = view.top_line, max(1, view.size.height)
        if not top <= line < top + height:
            view.scroll_to_line(max(0, line - height // 3))
