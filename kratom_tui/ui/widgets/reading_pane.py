"""The reading pane: the open article, its risks panel and the find bar, with find owned here.

The app gives it an article's layouts and where to start; the pane announces when the reader's
place moves, and keeps find in step with the layout as it grows (no polling).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer

from kratom_tui.document.link_spots import hint_labels
from kratom_tui.document.position import START, TextPosition
from kratom_tui.ui.article_layouts import ArticleLayouts
from kratom_tui.ui.finder import Finder
from kratom_tui.ui.widgets.article_view import ArticleView
from kratom_tui.ui.widgets.find_bar import FindBar
from kratom_tui.ui.widgets.risks_panel import RisksPanel

SETTLE_SECONDS = 0.15
"""How long an article is open before work for what comes next (prefetch) may start."""


class ReadingPane(Vertical):
    """Shows one article at a time; `article_id` says which."""

    class PlaceChanged(Message):
        """The reader scrolled the article: its place is worth saving."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article_id: str | None = None
        self._settle_timer: Timer | None = None
        self._minutes = 0

    def compose(self) -> ComposeResult:
        yield ArticleView(id="article")
        yield RisksPanel(id="risks")
        yield FindBar(id="find-bar")

    def on_mount(self) -> None:
        self.finder = Finder(self.view, self.risks, reveal=self._reveal)

    @property
    def view(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    @property
    def risks(self) -> RisksPanel:
        return self.query_one("#risks", RisksPanel)

    @property
    def find_bar(self) -> FindBar:
        return self.query_one(FindBar)

    def show(self, article_id: str, layouts: ArticleLayouts, folded: bool, position: TextPosition = START) -> None:
        """Show an article at `position`; find is closed when the article changes."""
        same = article_id == self.article_id
        if not same:
            self.close_find()
        self.article_id = article_id
        self._minutes = layouts.minutes
        self.view.show(layouts.article, position)
        self.risks.show_panel(layouts.title, layouts.risks, folded)
        if same and self.finder.active:
            self.finder.search(self.finder.query)
            self._show_count()

    @property
    def widths(self) -> tuple[int, int]:
        """The text widths of the article and of the panel, for laying them out."""
        return self.view.text_width(), self.risks.text_width()

    def after_settling(self, callback: Callable[[], None]) -> None:
        """Run `callback` once an article has been open a moment (owned here, so it dies with the pane)."""
        if self._settle_timer is not None:
            self._settle_timer.stop()
        self._settle_timer = self.set_timer(SETTLE_SECONDS, callback)

    @property
    def position(self) -> TextPosition:
        return self.view.position

    def progress(self) -> tuple[int, int]:
        """How much of the article is above the bottom of the pane (percent), and the minutes left."""
        layout = self.view.layout_
        if layout is None or not self.view.has_size:
            return 0, self._minutes
        seen = min(1.0, (self.view.top_line + self.view.size.height) / max(1, layout.estimated_height()))
        return round(seen * 100), round(self._minutes * (1 - seen))

    def go_to_line(self, line: int) -> None:
        self.view.scroll_to_line(line)
        self.view.focus()

    def scroll_to_anchor(self, anchor: str) -> bool:
        return self.view.scroll_to_anchor(anchor)

    def focus_risk(self, risk_name: str) -> None:
        """Unfold the panel, focus it and scroll to the first line naming `risk_name`."""
        panel = self.risks
        panel.collapsed = False
        panel.focus()
        if panel.layout_ is not None:
            line = next((n for n, text in enumerate(panel.layout_.plain) if risk_name in text), 0)
            panel.scroll_to_line(line)

    def toggle_risks(self, whole: bool) -> None:
        """`r` folds or unfolds the panel; `R` gives it the whole pane, and back."""
        if whole:
            self.maximise_risks(not self.has_class("-risks-whole"))
        else:
            self.risks.toggle_fold()

    def maximise_risks(self, whole: bool) -> None:
        """The risks panel over the whole pane (unfolded and focused), or back beside the article."""
        self.set_class(whole, "-risks-whole")
        if whole:
            self.risks.collapsed = False
            self.risks.focus()
        else:
            self.view.focus()

    def start_hints(self) -> dict[str, str]:
        """Label every link on screen (article and unfolded panel); returns label -> link target."""
        views = [view for view in (self.view, self.risks) if view.display and view is not self._folded_panel]
        spots = [(view, spot) for view in views for spot in view.visible_links()]
        targets: dict[str, str] = {}
        drawn: dict[ArticleView, dict[int, list[tuple[int, str]]]] = {view: {} for view in views}
        for label, (view, (line, cell, link)) in zip(hint_labels(len(spots)), spots, strict=True):
            targets[label] = view.links[link]
            drawn[view].setdefault(line, []).append((cell, label))
        for view, hints in drawn.items():
            view.show_hints(hints)
        return targets

    @property
    def _folded_panel(self) -> RisksPanel | None:
        return self.risks if self.risks.collapsed else None

    def clear_hints(self) -> None:
        for view in (self.view, self.risks):
            view.show_hints({})

    def on_article_view_scrolled(self, message: ArticleView.Scrolled) -> None:
        message.stop()
        if message.view is self.view:
            self.post_message(self.PlaceChanged())

    # Find

    def open_find(self, query: str | None = None) -> None:
        """Show the find bar; with `query`, find it at once (through the bar, so it runs once)."""
        if self.article_id is not None:
            self.find_bar.open(query)

    def find(self, step: int) -> None:
        """`/` opens the find bar (0); `n` and `N` go to the next (1) and previous (-1) match."""
        if step:
            self.find_step(step > 0)
        else:
            self.open_find()

    def find_step(self, forward: bool) -> None:
        if self.finder.active:
            self.finder.step(forward)
            self._show_count()

    def close_find(self) -> None:
        self.finder.clear()
        bar = self.find_bar
        if bar.display:
            bar.display = False
            bar.input.value = ""

    def _reveal(self, view: ArticleView) -> None:
        if view is self.risks and self.risks.collapsed:
            self.risks.collapsed = False

    def _show_count(self) -> None:
        self.find_bar.set_count(*self.finder.counter())

    def on_article_view_layout_grew(self, message: ArticleView.LayoutGrew) -> None:
        message.stop()
        if self.finder.active:
            self.finder.take_in()
            self._show_count()

    def on_find_bar_changed(self, message: FindBar.Changed) -> None:
        self.finder.search(message.query)
        self._show_count()

    def on_find_bar_step(self, message: FindBar.Step) -> None:
        self.find_step(message.forward)

    def on_find_bar_closed(self, _message: FindBar.Closed) -> None:
        self.view.focus()
