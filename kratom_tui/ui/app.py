"""The reader app: the widgets own what they show (the pane its article, find and place; the
sidebar its tree and visibility); the app opens articles, routes links, opens dialogs, runs the
background load and index, and has the state saved after every change and on any way out."""

from __future__ import annotations

from textual import work
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Footer, Header, Input, TextArea

from kratom_tui.document.position import START, TextPosition
from kratom_tui.library import Article, Library
from kratom_tui.locations import state_file
from kratom_tui.settings import Settings, load_settings
from kratom_tui.state import StateStore
from kratom_tui.ui import dialogs
from kratom_tui.ui.article_file import OpenFileWatch, edit_article
from kratom_tui.ui.article_layouts import LayoutCache
from kratom_tui.ui.background import IndexBuilt, LibraryLoaded, load_and_index
from kratom_tui.ui.commands import ArticleCommands, ConditionCommands, SafetyCommands
from kratom_tui.ui.glossary_lookup import glossary_at_view
from kratom_tui.ui.handout_key import HandoutKey
from kratom_tui.ui.keys import READER_BINDINGS
from kratom_tui.ui.library_changes import LibraryChanges
from kratom_tui.ui.link_follower import follow_link, show_link_hints, show_link_list
from kratom_tui.ui.navigation import Navigator
from kratom_tui.ui.note_actions import NoteActions
from kratom_tui.ui.search_service import SearchService
from kratom_tui.ui.state_keeper import StateKeeper
from kratom_tui.ui.theme_palette import ReadableThemes, palette_for
from kratom_tui.ui.widgets.article_view import ArticleView
from kratom_tui.ui.widgets.library_tree import LibraryTree
from kratom_tui.ui.widgets.reading_pane import ReadingPane
from kratom_tui.ui.widgets.risks_panel import RisksPanel
from kratom_tui.ui.widgets.sidebar import NARROW_BELOW, Sidebar

READ_FROM = 98
"""Percent of an article above the bottom of the pane from which it counts as read."""
BACKGROUND_DELAY = 0.1
"""Seconds after the first frame before a worker checks the library's files and its search index."""


class ReaderApp(NoteActions, ReadableThemes, HandoutKey, App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "kratom-tui"
    COMMANDS = App.COMMANDS | {ArticleCommands, ConditionCommands, SafetyCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-wide"), (110, "-very-wide")]
    BINDINGS = READER_BINDINGS

    def __init__(
        self, library: Library, state: StateStore, settings: Settings | None = None, welcome: bool = False
    ) -> None:
        super().__init__()
        self.welcome = welcome
        self.library = library
        self.state = state
        self.settings = settings or Settings()
        self.current: Article | None = None
        self.search_service = SearchService()
        self.layouts = LayoutCache(library, lambda _theme: palette_for(self))
        self.keeper = StateKeeper(self, state, self._read_back)
        self.navigator = Navigator(self)
        self.file_watch = OpenFileWatch(self)
        self.library_changes = LibraryChanges(self)

    def compose(self) -> ComposeResult:
        yield Header()
        self.sidebar = Sidebar(self.library, self.state.reading_marks(), id="sidebar-column")
        self.pane = ReadingPane(id="reader")
        with Horizontal(id="main"):
            yield self.sidebar
            yield self.pane
        yield Footer(compact=True)  # at 80 columns every key it shows fits

    def on_mount(self) -> None:
        self.set_keymap(self.settings.keys)
        if (theme := self.settings.theme or self.state.state.theme) in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.keeper.watch_signals()
        if (first_id := self.library.first_openable(self.state.state.article)) is not None:
            self.open_article(first_id, focus=False)
        else:
            self.notify("This library has no articles.", severity="warning")
        (self.pane.view if self.sidebar.narrow else self.sidebar.library_tree).focus()
        for notice in (self.state.notice, self.settings.notice, *self.library.notices):
            if notice:
                self.notify(notice, severity="warning", markup=False)
        self.notify_problems()
        if self.welcome:
            self.call_after_refresh(dialogs.open_welcome, self)

    def on_ready(self) -> None:
        # Only once the first frame is out: the worker shares the interpreter with drawing.
        self.set_timer(BACKGROUND_DELAY, self._load_and_index)
        self.library_changes.start()

    def notify_problems(self) -> None:
        if count := len(self.library.problems):
            text = f"{count} problem(s) in the library: see the end of the sidebar, or run `kratom-tui check`."
            self.notify(text, severity="warning", markup=False)

    # Opening articles

    def open_article(
        self,
        article_id: str,
        position: TextPosition | None = None,
        focus: bool = True,
        anchor: str = "",
        jump: bool = True,
    ) -> None:
        """Open an article where the reader left it (or at `position`, or a heading); a `jump` is kept in history."""
        article = self.library.get(article_id)
        if article is None:
            self.notify(f"No article with id {article_id}.", severity="error", markup=False)
            return
        self._read_back()  # the place being left, even if its last scroll message is still queued
        if jump and self.current is not None and (article is not self.current or anchor):
            self.navigator.leave()
        self.current = article
        self.file_watch.watch(article.path)
        self.library_changes.opened(article)
        layouts = self.layouts.get(article, self.theme, self.pane.widths)
        position = position or self.state.place(article_id) or START
        self.pane.show(article.id, layouts, self.state.is_folded(article.id), position)
        self.notes.article_shown(article)
        self.sidebar.library_tree.mark_open(article.id)
        self.sub_title = article.title
        if article.id not in self.state.state.read:
            self.sidebar.library_tree.set_reading(article.id, "partly")
        self.state.set_article(article.id)
        self.keeper.changed()
        if anchor:
            self.scroll_to_anchor(anchor)
        if focus:
            self.sidebar.close_overlay()
            self.pane.view.focus()
        self.pane.after_settling(self._prefetch_neighbours)

    def _prefetch_neighbours(self) -> None:
        """Lay out the first screen of the previous and next articles while the reader reads."""
        if self.current is not None:
            lines = self.pane.view.size.height + 1
            self.layouts.prefetch_around(self.current.id, self.theme, self.pane.widths, lines)

    def reload_current(self) -> None:
        """The open article's file changed: show it as it is now, at the same place."""
        if self.current is not None and (article := self.library.reload(self.current.id)) is not None:
            self.open_article(article.id, position=self.pane.position, focus=False, jump=False)

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

    def _read_back(self) -> None:
        """Before a save: the pane's place and fold, in case their messages are still on the way."""
        if self.current is not None and self.pane.is_attached and self.pane.article_id == self.current.id:
            self.state.set_place(self.current.id, self.pane.position)
            self.state.set_folded(self.current.id, self.pane.risks.collapsed)

    # Messages from widgets

    def on_library_tree_open_article(self, message: LibraryTree.OpenArticle) -> None:
        self.open_article(message.article_id)

    def on_library_tree_open_problems(self, _message: LibraryTree.OpenProblems) -> None:
        self.action_problems()

    def on_reading_pane_place_changed(self, _message: ReadingPane.PlaceChanged) -> None:
        if self.pane.article_id is not None and self.current is not None:
            self.state.set_place(self.pane.article_id, self.pane.position)
            self.keeper.changed()
            percent, left = self.pane.progress()
            self.sub_title = f"{self.current.title} · {percent}% · {left} min left"
            if percent >= READ_FROM:
                self.state.set_read(self.current.id)
                self.sidebar.library_tree.set_reading(self.current.id, "read")

    def on_risks_panel_toggled(self, message: RisksPanel.Toggled) -> None:
        if self.current is not None:
            self.state.set_folded(self.current.id, message.collapsed)
            self.keeper.changed()

    def on_sidebar_concealed(self, _message: Sidebar.Concealed) -> None:
        self.pane.view.focus()

    def on_sidebar_covering(self, message: Sidebar.Covering) -> None:
        self.pane.disabled = message.covering  # nothing behind an overlay takes the focus

    def on_article_view_link_clicked(self, message: ArticleView.LinkClicked) -> None:
        follow_link(self, message.href)

    # Actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`!` is a priority key so it works on every screen, but a text box still gets to type it."""
        return not (action == "urgent_help" and isinstance(self.focused, (Input, TextArea)))

    def action_help(self) -> None:
        dialogs.open_help(self)

    def action_urgent_help(self) -> None:
        dialogs.open_urgent_help(self)

    def action_problems(self) -> None:
        dialogs.open_problems(self)

    def action_glossary_term(self) -> None:
        self.push_screen(glossary_at_view(self.library.root, (self.pane.view, self.pane.risks)))

    def action_risk_overview(self) -> None:
        self.navigator.risk_overview()

    def action_contents(self) -> None:
        self.navigator.contents()

    def action_step_article(self, step: int) -> None:
        here = self.current.id if self.current else None
        if (article_id := self.library.catalogue.neighbour(here, step)) is not None:
            self.open_article(article_id, focus=False)

    def action_risks(self, whole: bool) -> None:
        self.pane.toggle_risks(whole)

    def action_find(self, step: int) -> None:
        self.pane.find(step)

    def action_search(self) -> None:
        self.navigator.search()

    def action_toggle_sidebar(self) -> None:
        self.sidebar.toggle()

    def action_history(self, step: int) -> None:
        (self.navigator.forward if step > 0 else self.navigator.back)()

    def action_edit(self) -> None:
        edit_article(self)

    def action_links(self, hints: bool) -> None:
        (show_link_hints if hints else show_link_list)(self)

    def action_mark(self, setting: bool) -> None:
        (self.navigator.set_mark if setting else self.navigator.jump_to_mark)()

    def action_reading_mode(self) -> None:
        self.screen.toggle_class("-reading")  # no sidebar; the text at a comfortable measure, centred

    async def action_quit(self) -> None:
        self.keeper.save()
        self.exit()

    @work(thread=True, exclusive=True, group="library")
    def _load_and_index(self) -> None:
        load_and_index(self, self.sidebar, self.library, self.search_service)

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        """Swap in the full load; the sidebar and the problems change only if the files did."""
        self.library = self.library_changes.swap(message.library)

    def on_index_built(self, message: IndexBuilt) -> None:
        """The index is up to date (the sidebar's progress bar has hidden itself)."""
        if message.notice:
            self.notify(message.notice, title="Search", severity="warning", markup=False)

    def on_unmount(self) -> None:
        self.state.save()
        self.search_service.close()


def run_app(library: Library) -> int:
    """Run the reader; non-zero when it ended with an error."""
    from kratom_tui.ui.first_launch import is_first_launch

    welcome = is_first_launch(state_file())
    app = ReaderApp(library, StateStore(), load_settings(), welcome=welcome)
    app.run()
    return app.return_code or 0
