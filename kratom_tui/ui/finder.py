"""Find in the open article: one search over its text and its risks panel, stepping with wrap-around."""

from __future__ import annotations

from collections.abc import Callable

from kratom_tui.document.find import Ref, compile_query
from kratom_tui.ui.widgets.article_view import FIND_SECONDS, ArticleView

LOOK_AGAIN_SECONDS = 0.005
"""While the count goes on with nothing found yet, each look for a first match is this short."""


class Finder:
    """The query and which match is current; each view counts its own matches and draws them.

    The current match is kept as (view, piece, number in the piece), not as one number: a long
    article is counted as it goes, and its estimates are corrected as it is laid out, which would
    shift a number.
    """

    def __init__(self, *views: ArticleView, reveal: Callable[[ArticleView], None]) -> None:
        self.views = views
        self.reveal = reveal
        """Called before a view's match is scrolled to: a folded panel unfolds first."""
        self.query = ""
        self.current: tuple[ArticleView, Ref] | None = None

    @property
    def active(self) -> bool:
        return bool(self.query)

    @property
    def complete(self) -> bool:
        return all(view.counted for view in self.views)

    def search(self, query: str) -> None:
        """Find `query` anew; the current match is the first at or below the top of the article."""
        self.query = query
        pattern = compile_query(query)
        for view in self.views:
            view.find(pattern)
        self.current = None
        article = self.views[0]
        first = article.first_match_from(article.top_line)
        if first is not None:
            self._show(article, first)
        else:
            self._step_from(0, None, True)

    def take_in(self) -> None:
        """More was counted: if nothing was found yet, look again from the top of the article."""
        if self.current is None and self.query:
            article = self.views[0]
            # Once all is counted, the pieces without a match are known: looking is quick, and the last chance.
            first = article.first_match_from(article.top_line, FIND_SECONDS if article.counted else LOOK_AGAIN_SECONDS)
            if first is not None:
                self._show(article, first)

    def step(self, forward: bool) -> None:
        if self.current is None:
            self._step_from(0 if forward else len(self.views) - 1, None, forward)
            return
        view, ref = self.current
        self._step_from(self.views.index(view), ref, forward)

    def _step_from(self, index: int, ref: Ref | None, forward: bool) -> None:
        """The next match from `ref` in the view `index`, going on to the next views, round to the start."""
        for turn in range(len(self.views) + 1):
            view = self.views[index]
            found = view.next_match(ref if turn == 0 else None, forward)
            if found is not None:
                self._show(view, found)
                return
            index = (index + (1 if forward else -1)) % len(self.views)
        if ref is None:
            self.current = None

    def clear(self) -> None:
        self.query = ""
        self.current = None
        for view in self.views:
            view.find(None)

    def counter(self) -> tuple[str, bool]:
        """The find bar's count ("3/17", "4/2,000+" while a long article is still being counted)."""
        if not self.query:
            return "", True
        totals = [view.match_total() for view in self.views]
        total = sum(totals)
        if not total:
            return ("No match" if self.complete else "No match yet…"), False
        more = "" if self.complete else "+"
        position = "-"
        if self.current is not None:
            view, ref = self.current
            index = self.views.index(view)
            number = view.match_number(ref)
            before = totals[:index]
            if number is not None and all(other.counted for other in self.views[:index]):
                position = f"{sum(before) + number + 1:,}"
        return f"{position}/{total:,}{more}", True

    def _show(self, view: ArticleView, ref: Ref) -> None:
        """Make this the current match and scroll it into sight."""
        for other in self.views:
            other.current_ref = None
        self.reveal(view)
        self.current = (view, ref)
        view.current_ref = ref
        match = view.current_match
        if match is None:
            return
        line = match[0]
        top, height = view.top_line, max(1, view.size.height)
        if not top <= line < top + height:
            view.scroll_to_line(max(0, line - height // 3))
