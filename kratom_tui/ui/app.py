"""The reader app: the widgets own what they show (the pane its article, find and place; the
sidebar its tree and visibility); the app opens articles, routes links, opens dialogs, runs the
background load and index, and has the state saved after every change and on any way out."""

from __future__ import annotations

from textual import work
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Footer, Header, Input

from kratom_tui.document.position import START, TextPosition
from kratom_tui.library import Article, Library
from kratom_tui.settings import Settings, load_settings
from kratom_tui.state import StateStore
from kratom_tui.ui import dialogs
from kratom_tui.ui.article_layouts import LayoutCache
from kratom_tui.ui.background import IndexBuilt, IndexProgress, LibraryLoaded, load_and_index
from kratom_tui.ui.commands import ArticleCommands, ConditionCommands, SafetyCommands
from kratom_tui.ui.keys import READER_BINDINGS
from kratom_tui.ui.link_follower import follow_link
from kratom_tui.ui.search_service import SearchService
from kratom_tui.ui.state_keeper import StateKeeper
from kratom_tui.ui.theme_palette import palette_for
from kratom_tui.ui.widgets.article_view import ArticleView
from kratom_tui.ui.widgets.library_tree import LibraryTree
from kratom_tui.ui.widgets.reading_pane import ReadingPane
from kratom_tui.ui.widgets.risks_panel import RisksPanel
from kratom_tui.ui.widgets.sidebar import NARROW_BELOW, Sidebar

PREFETCH_DELAY = 0.15
"""Seconds after an article opens before its neighbours are laid out in advance."""
BACKGROUND_DELAY = 0.1
"""Seconds after the first frame before a worker checks the library's files and its search index."""


class ReaderApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "kratom-tui"
    COMMANDS = App.COMMANDS | {ArticleCommands, ConditionCommands, SafetyCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-wide"), (110, "-very-wide")]
    BINDINGS = READER_BINDINGS

    def __init__(self, library: Library, state: StateStore, settings: Settings | None = None) -> None:
        super().__init__()
        self.library = library
        self.state = state
        self.settings = settings or Settings()
        self.current: Article | None = None
        self.order = library.catalogue.order()
        self.search_service = SearchService()
        self.layouts = LayoutCache(library, lambda _theme: palette_for(self))
        self._prefetch_timer: Timer | None = None
        self.keeper = StateKeeper(self, state, self._read_back_fold)

    def compose(self) -> ComposeResult:
        yield Header()
        self.sidebar = Sidebar(self.library, id="sidebar-column")
        self.pane = ReadingPane(id="reader")
        with Horizontal(id="main"):
            yield self.sidebar
            yield self.pane
        yield Footer()

    def on_mount(self) -> None:
        theme = self.state.state.theme
        if theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.keeper.watch_signals()
        first_id = self.state.state.article
        if first_id not in self.order or self.library.get(first_id) is None:
            # Started from a catalogue, an article may be gone since: open the first one still there.
            first_id = next((found for found in self.order if self.library.get(found) is not None), None)
        if first_id is not None:
            self.open_article(first_id, focus=False)
        else:
            self.notify("This library has no articles.", severity="warning")
        (self.pane.view if self.sidebar.narrow else self.sidebar.library_tree).focus()
        for notice in (self.state.notice, self.settings.notice):
            if notice:
                self.notify(notice, severity="warning", markup=False)
        self._notify_problems()

    def on_ready(self) -> None:
        # Only once the first frame is out: the worker shares the interpreter with drawing.
        self.set_timer(BACKGROUND_DELAY, self._load_and_index)

    def _notify_problems(self) -> None:
        if count := len(self.library.problems):
            where = "see the end of the sidebar, or run `kratom-tui check`"
            self.notify(f"{count} problem(s) in the library: {where}.", severity="warning", markup=False)

    @property
    def _widths(self) -> tuple[int, int]:
        return self.pane.view.text_width(), self.pane.risks.text_width()

    # Opening articles

    def open_article(
        self, article_id: str, position: TextPosition | None = None, focus: bool = True, anchor: str = ""
    ) -> None:
        """Open an article where the reader left it (or at `position`, or at a heading)."""
        article = self.library.get(article_id)
        if article is None:
            self.notify(f"No article with id {article_id}.", severity="error", markup=False)
            return
        self.current = article
        layouts = self.layouts.get(article, self.theme, self._widths)
        if position is None:
            position = self.state.place(article_id) or START
        self.pane.show(article.id, layouts, self.state.is_folded(article.id), position)
        self.sidebar.library_tree.mark_open(article.id)
        self.sub_title = article.title
        self.state.set_article(article.id)
        self.keeper.changed()
        if anchor:
            self.scroll_to_anchor(anchor)
        if focus:
            self.sidebar.close_overlay()
            self.pane.view.focus()
        if self._prefetch_timer is not None:
            self._prefetch_timer.stop()
        # Owned by the view, so it cannot fire after the screen is gone.
        self._prefetch_timer = self.pane.view.set_timer(PREFETCH_DELAY, self._prefetch_neighbours)

    def _prefetch_neighbours(self) -> None:
        """Lay out the first screen of the previous and next articles while the reader reads."""
        if self.current is not None:
            lines = self.pane.view.size.height + 1
            self.layouts.prefetch_around(self.order, self.current.id, self.theme, self._widths, lines)

    def scroll_to_anchor(self, anchor: str) -> None:
        if not self.pane.scroll_to_anchor(anchor):
            self.notify(f"No heading '{anchor}' in this article.", severity="warning", markup=False)

    def _theme_changed(self, _theme: object) -> None:
        self.state.set_theme(self.theme)
        self.keeper.changed()
        if self.current is not None:
            self.open_article(self.current.id, position=self.pane.position, focus=False)

    def go_to_condition(self, condition: str) -> None:
        self.sidebar.show_condition(condition)

    def _read_back_fold(self) -> None:
        """The pane's fold is read back before a save, in case its message is still on the way."""
        if self.current is not None and self.pane.is_attached:
            self.state.set_folded(self.current.id, self.pane.risks.collapsed)

    # Messages from widgets

    def on_library_tree_open_article(self, message: LibraryTree.OpenArticle) -> None:
        self.open_article(message.article_id)

    def on_library_tree_open_problems(self, _message: LibraryTree.OpenProblems) -> None:
        self.action_problems()

    def on_reading_pane_place_changed(self, _message: ReadingPane.PlaceChanged) -> None:
        if self.pane.article_id is not None:
            self.state.set_place(self.pane.article_id, self.pane.position)
            self.keeper.changed()

    def on_risks_panel_toggled(self, message: RisksPanel.Toggled) -> None:
        if self.current is not None:
            self.state.set_folded(self.current.id, message.collapsed)
            self.keeper.changed()

    def on_sidebar_concealed(self, _message: Sidebar.Concealed) -> None:
        self.pane.view.focus()

    def on_sidebar_covering(self, message: Sidebar.Covering) -> None:
        # Nothing behind an overlay takes the focus: Tab stays where the reader can see.
        self.pane.disabled = message.covering

    def on_article_view_link_clicked(self, message: ArticleView.LinkClicked) -> None:
        follow_link(self, message.href)

    # Actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # `!` is a priority key so it works on every screen, but a text box still gets to type it.
        return not (action == "urgent_help" and isinstance(self.focused, Input))

    def action_help(self) -> None:
        dialogs.open_help(self)

    def action_urgent_help(self) -> None:
        dialogs.open_urgent_help(self)

    def action_problems(self) -> None:
        dialogs.open_problems(self)

    def action_risk_overview(self) -> None:
        dialogs.open_risk_overview(self)

    def action_contents(self) -> None:
        dialogs.open_contents(self)

    def action_toggle_risks(self) -> None:
        self.pane.risks.toggle_fold()

    def action_step_article(self, step: int) -> None:
        if not self.order:
            return
        index = self.order.index(self.current.id) if self.current and self.current.id in self.order else -1
        self.open_article(self.order[(index + step) % len(self.order)], focus=False)

    def action_find(self) -> None:
        self.pane.open_find()

    def action_find_step(self, forward: bool) -> None:
        self.pane.find_step(forward)

    def action_search(self) -> None:
        dialogs.open_search(self)

    def action_toggle_sidebar(self) -> None:
        self.sidebar.toggle()

    async def action_copy_or_quit(self) -> None:
        """`ctrl+c` copies selected text, as in every terminal program, and quits when there is none."""
        selected = self.screen.get_selected_text()
        if selected:
            self.copy_to_clipboard(selected)
            self.screen.clear_selection()
            self.notify("Copied the selected text.", markup=False)
        else:
            await self.action_quit()

    async def action_quit(self) -> None:
        self.keeper.save()
        self.exit()

    # The background load and index

    @work(thread=True, exclusive=True, group="library")
    def _load_and_index(self) -> None:
        load_and_index(self, self.library, self.search_service)

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        """Swap in the full load; the sidebar and the problems change only if the files did."""
        old, self.library = self.library, message.library
        self.layouts.library = self.library
        self.order = self.library.catalogue.order()
        self.sidebar.library_tree.show_library(self.library)
        if self.current is not None:
            self.current = self.library.get(self.current.id) or self.current
        if [p.format() for p in old.problems] != [p.format() for p in self.library.problems]:
            self._notify_problems()

    def on_index_progress(self, message: IndexProgress) -> None:
        self.sidebar.set_progress(message.done, message.total)

    def on_index_built(self, message: IndexBuilt) -> None:
        self.sidebar.set_progress(0, 0)
        if message.notice:
            self.notify(message.notice, title="Search", severity="warning", markup=False)

    def on_unmount(self) -> None:
        self.state.save()
        self.search_service.close()


def run_app(library: Library) -> int:
    """Run the reader; non-zero when it ended with an error."""
    app = ReaderApp(library, StateStore(), load_settings())
    app.run()
    return app.return_code or 0
