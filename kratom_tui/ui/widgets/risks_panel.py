"""The risks and disclaimers panel of the open article: open by default, `r` folds it to its title.

It draws its lines the way the reading pane does, from a layout cached with the article, so
switching articles costs no re-rendering of the panel. Folded, it leaves the focus chain: there is
nothing in it to scroll.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive

from kratom_tui.document.layout import DocumentLayout
from kratom_tui.ui.widgets.article_view import ArticleView


class RisksPanel(ArticleView):
    """Scrolls inside when long; CSS caps its height so the article stays readable."""

    BINDINGS = [Binding("enter", "toggle_fold", "Fold/unfold", show=False)]

    collapsed: reactive[bool] = reactive(False)

    class Toggled(Message):
        """The reader folded or unfolded the panel."""

        def __init__(self, collapsed: bool) -> None:
            self.collapsed = collapsed
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._title = "Risks and disclaimers"

    def show_panel(self, title: str, layout: DocumentLayout, collapsed: bool) -> None:
        self._title = title
        self.set_reactive(RisksPanel.collapsed, collapsed)
        self._apply()
        self.show(layout)
        layout.finish()
        self._update_size()

    def watch_collapsed(self) -> None:
        self._apply()
        if not self.collapsed and self.layout_ is not None:
            # Laid out while folded, the text may have been wrapped for another width.
            self.call_after_refresh(self.on_resize)
        self.post_message(self.Toggled(self.collapsed))

    def _apply(self) -> None:
        self.set_class(self.collapsed, "-collapsed")
        self.can_focus = not self.collapsed
        if self.collapsed and self.has_focus:
            self.screen.focus_next()
        arrow = "▸" if self.collapsed else "▾"
        self.border_title = f"{arrow} {self._title}"
        self.border_subtitle = "r to show" if self.collapsed else "r to hide"

    def toggle_fold(self) -> None:
        self.collapsed = not self.collapsed

    def action_toggle_fold(self) -> None:
        self.toggle_fold()

    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            self.toggle_fold()
