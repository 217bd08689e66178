"""Find in the open article: one search over its header and body and its risks panel."""

from __future__ import annotations

from kratom_tui.document.find import LineSearch, compile_query
from kratom_tui.ui.widgets.article_view import ArticleView
from kratom_tui.ui.widgets.risks_panel import RisksPanel


class Finder:
    """Matches run through the article first, then the panel; stepping wraps around."""

    def __init__(self, view: ArticleView, risks: RisksPanel) -> None:
        self.view = view
        self.risks = risks
        self.query = ""
        self.index: int | None = None

    @property
    def panes(self) -> tuple[ArticleView, RisksPanel]:
        return self.view, self.risks

    @property
    def active(self) -> bool:
        return self.view.search is not None

    def _matches(self) -> list[tuple[ArticleView, tuple[int, int, int]]]:
        return [(pane, span) for pane in self.panes if pane.search for span in pane.search.spans]

    @property
    def complete(self) -> bool:
        return all(pane.layout_ is None or pane.layout_.complete for pane in self.panes)

    def search(self, query: str) -> None:
        """Find `query` anew; the current match is the first one at or below the top of the pane."""
        self.query = query
        pattern = compile_query(query)
        for pane in self.panes:
            pane.search = LineSearch(pattern, pane.layout_.plain) if pattern and pane.layout_ else None
            pane.current_match = None
        self.index = None
        self.rescan()
        if self.view.search is not None:
            first = self.view.search.first_at_or_after(int(self.view.scroll_y))
            if first is not None:
                self.index = first
            elif self._matches():
                self.index = 0
            self._show_current()
        self.refresh()

    def rescan(self) -> None:
        """Take in lines laid out since the last look (and start again after a relayout)."""
        for pane in self.panes:
            search = pane.search
            if search is None or pane.layout_ is None:
                continue
            if search.lines is not pane.layout_.plain:
                pane.search = search = LineSearch(search.pattern, pane.layout_.plain)
            search.scan()

    def step(self, forward: bool) -> None:
        matches = self._matches()
        if not matches:
            return
        if self.index is None:
            self.index = 0 if forward else len(matches) - 1
        else:
            self.index = (self.index + (1 if forward else -1)) % len(matches)
        self._show_current()
        self.refresh()

    def clear(self) -> None:
        self.query = ""
        self.index = None
        for pane in self.panes:
            pane.search = None
            pane.current_match = None
        self.refresh()

    def counter(self) -> tuple[str, bool]:
        total = len(self._matches())
        if not self.query:
            return "", True
        if total == 0:
            return ("No match" if self.complete else "No match yet…"), False
        more = "" if self.complete else "+"
        position = "-" if self.index is None else str(self.index + 1)
        return f"{position}/{total}{more}", True

    def _show_current(self) -> None:
        matches = self._matches()
        for pane in self.panes:
            pane.current_match = None
        if self.index is None or not matches:
            return
        pane, span = matches[min(self.index, len(matches) - 1)]
        pane.current_match = span
        if isinstance(pane, RisksPanel) and pane.collapsed:
            pane.collapsed = False
        line = span[0]
        top, height = int(pane.scroll_y), max(1, pane.size.height)
        if not top <= line < top + height:
            pane.scroll_to_line(max(0, line - height // 3))

    def refresh(self) -> None:
        for pane in self.panes:
            pane.refresh()
