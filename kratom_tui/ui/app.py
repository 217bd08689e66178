"""The reader app: sidebar of conditions and articles, the reading pane and its risks panel."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import RenderableType
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual import work
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, ProgressBar

from kratom_tui.document.article_parts import header, risks_and_disclaimers, risks_title
from kratom_tui.document.layout import DocumentLayout
from kratom_tui.document.palette import Palette
from kratom_tui.library import Article, Library, load_library
from kratom_tui.library.risk_overview import risk_overview
from kratom_tui.links import OpenArticle, OpenExternal, Refuse, ScrollToAnchor, resolve_link
from kratom_tui.settings import Settings, load_settings
from kratom_tui.state import StateStore
from kratom_tui.ui.commands import ArticleCommands, ConditionCommands, SafetyCommands
from kratom_tui.ui.finder import Finder
from kratom_tui.ui.screens.confirm import ConfirmScreen
from kratom_tui.ui.screens.contents import ContentsScreen
from kratom_tui.ui.screens.help import HelpScreen
from kratom_tui.ui.screens.problems import ProblemsScreen
from kratom_tui.ui.screens.risk_overview import RiskOverviewScreen
from kratom_tui.ui.screens.search import SearchScreen
from kratom_tui.ui.screens.urgent_help import UrgentHelpScreen
from kratom_tui.ui.search_service import SearchService
from kratom_tui.ui.theme_palette import palette_for
from kratom_tui.ui.widgets.article_view import ArticleView
from kratom_tui.ui.widgets.find_bar import FindBar
from kratom_tui.ui.widgets.library_tree import LibraryTree
from kratom_tui.ui.widgets.risks_panel import RisksPanel


LAYOUT_CACHE_SIZE = 8
"""Articles whose layouts are kept, so going back and forth costs nothing."""
PREFETCH_DELAY = 0.15
"""Seconds after an article opens before its neighbours are laid out in advance."""
FIND_RESCAN_SECONDS = 0.2
"""While a long article is still being laid out, the find bar takes in new lines this often."""
BACKGROUND_DELAY = 0.1
"""Seconds after the first frame before a worker checks the library's files and its search index."""
PROGRESS_FROM = 200
"""Indexing at least this many articles shows a progress bar under the sidebar."""


@dataclass
class ArticleLayouts:
    article: DocumentLayout
    risks: DocumentLayout
    notes: int
    """How many library safety notes the panel shows (its title counts them)."""


class ReaderApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "kratom-tui"
    COMMANDS = App.COMMANDS | {ArticleCommands, ConditionCommands, SafetyCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-wide"), (110, "-very-wide")]
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
        Binding("question_mark", "help", "Help"),
        Binding("t", "contents", "Contents"),
        Binding("r", "toggle_risks", "Risks"),
        Binding("left_square_bracket", "previous_article", "Prev"),
        Binding("right_square_bracket", "next_article", "Next"),
        Binding("slash", "find", "Find"),
        Binding("n", "find_step(True)", "Next match", show=False),
        Binding("N", "find_step(False)", "Previous match", show=False),
        Binding("s", "search", "Search"),
        Binding("b", "toggle_sidebar", "Library"),
        Binding("o", "risk_overview", "Risk overview", show=False),
        Binding("d", "glossary_term", "Glossary", show=False),
        Binding("exclamation_mark", "urgent_help", "Urgent help", priority=True),
    ]

    def __init__(self, library: Library, state: StateStore, settings: Settings | None = None) -> None:
        super().__init__()
        self.library = library
        self.state = state
        self.settings = settings or Settings()
        self.current: Article | None = None
        self.order = library.catalogue.order()
        self.search_service = SearchService()
        self._palettes: dict[str, Palette] = {}
        self._layouts: dict[tuple[str, str], ArticleLayouts] = {}
        self._prefetch_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="sidebar-column"):
                yield LibraryTree(self.library, id="sidebar")
                yield ProgressBar(id="index-progress", show_eta=False)
            with Vertical(id="reader"):
                yield ArticleView(id="article")
                yield RisksPanel(id="risks")
                yield FindBar(id="find-bar")
        yield Footer()

    def on_mount(self) -> None:
        theme = self.state.get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.finder = Finder(self.view, self.risks)
        self.set_interval(FIND_RESCAN_SECONDS, self._rescan_find, name="find-rescan")
        first_id = self.state.get("article")
        if first_id not in self.order or self.library.get(first_id) is None:
            # Started from a catalogue, an article may be gone since: open the first one still there.
            first_id = next((found for found in self.order if self.library.get(found) is not None), None)
        if first_id is not None:
            scroll = self.state.get("scroll", {}).get(first_id, 0)
            self.open_article(first_id, scroll_y=scroll if isinstance(scroll, int) else 0, focus=False)
        else:
            self.notify("This library has no articles.", severity="warning")
        self.query_one("#sidebar" if not self._narrow() else "#article").focus()
        for notice in (self.state.notice, self.settings.notice):
            if notice:
                self.notify(notice, severity="warning", markup=False)
        self._notify_problems()

    def on_ready(self) -> None:
        # Only once the first frame is out: the worker shares the interpreter with drawing.
        self.set_timer(BACKGROUND_DELAY, self._load_and_index)

    def _notify_problems(self) -> None:
        if self.library.problems:
            count = len(self.library.problems)
            self.notify(
                f"{count} problem(s) in the library: see the end of the sidebar, or run `kratom-tui check`.",
                severity="warning",
                markup=False,
            )

    # Opening articles

    @property
    def view(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    @property
    def risks(self) -> RisksPanel:
        return self.query_one("#risks", RisksPanel)

    @property
    def palette(self) -> Palette:
        """The article palette of the current theme (computing it costs a few milliseconds)."""
        palette = self._palettes.get(self.theme)
        if palette is None:
            palette = self._palettes[self.theme] = palette_for(self)
        return palette

    def _layout_for(self, article: Article) -> ArticleLayouts:
        """The article and its panel laid out for the current theme, cached once opened or prefetched."""
        key = (article.id, self.theme)
        layout = self._layouts.pop(key, None)
        if layout is None:
            palette = self.palette
            notes = self.library.notes.for_article(article)
            layout = ArticleLayouts(
                ArticleView.new_layout(self._prelude(article), article.body(), palette, self.view.text_width()),
                ArticleView.new_layout(
                    [risks_and_disclaimers(article, palette, notes)], "", palette, self.risks.text_width()
                ),
                len(notes),
            )
        self._layouts[key] = layout
        while len(self._layouts) > LAYOUT_CACHE_SIZE:
            self._layouts.pop(next(iter(self._layouts)))
        return layout

    def _prefetch_neighbours(self) -> None:
        """Lay out the first screen of the previous and next articles while the reader reads."""
        if self.current is None or self.current.id not in self.order:
            return
        index = self.order.index(self.current.id)
        for step in (1, -1):
            neighbour = self.library.get(self.order[(index + step) % len(self.order)])
            if neighbour is not None and neighbour is not self.current:
                layouts = self._layout_for(neighbour)
                layouts.article.ensure_lines(self.view.size.height + 1)
                layouts.risks.finish()
        self._layout_for(self.current)

    def _prelude(self, article: Article) -> list[RenderableType]:
        palette = self.palette
        notes: list[RenderableType] = [header(article, palette)]
        for problem in article.body_problems():
            notes.append(Text(f"Note: {problem.message}", palette.notice))
        return notes

    def _remember_scroll(self) -> None:
        if self.current is not None:
            scrolls = dict(self.state.get("scroll", {}))
            scrolls[self.current.id] = self.view.top_line
            self.state.set("scroll", scrolls)

    def open_article(self, article_id: str, scroll_y: int = 0, focus: bool = True, anchor: str = "") -> None:
        article = self.library.get(article_id)
        if article is None:
            self.notify(f"No article with id {article_id}.", severity="error", markup=False)
            return
        self._remember_scroll()
        if self.current is not article:
            self._close_find()
        self.current = article
        layouts = self._layout_for(article)
        self.view.show(layouts.article, scroll_y)
        collapsed = article.id in self.state.get("risks_collapsed", [])
        self.risks.show_panel(risks_title(article, layouts.notes), layouts.risks, collapsed)
        self.query_one(LibraryTree).mark_open(article.id)
        self.sub_title = article.title
        self.state.set("article", article.id)
        if anchor and not self.view.scroll_to_anchor(anchor):
            self.notify(f"No heading '{anchor}' in this article.", severity="warning", markup=False)
        if focus:
            self._hide_overlay()
            self.view.focus()
        if self._prefetch_timer is not None:
            self._prefetch_timer.stop()
        # Owned by the view, so it cannot fire after the screen is gone.
        self._prefetch_timer = self.view.set_timer(PREFETCH_DELAY, self._prefetch_neighbours)

    def _theme_changed(self, _theme: object) -> None:
        self.state.set("theme", self.theme)
        if self.current is not None:
            self.open_article(self.current.id, scroll_y=self.view.top_line, focus=False)

    def go_to_condition(self, condition: str) -> None:
        self._show_sidebar()
        tree = self.query_one(LibraryTree)
        tree.select_condition(condition)
        tree.focus()

    # Messages from widgets

    def on_library_tree_open_article(self, message: LibraryTree.OpenArticle) -> None:
        self.open_article(message.article_id)

    def on_library_tree_open_problems(self, _message: LibraryTree.OpenProblems) -> None:
        self.action_problems()

    def action_problems(self) -> None:
        self.push_screen(ProblemsScreen(self.library.problems, self.library.root))

    def on_risks_panel_toggled(self, message: RisksPanel.Toggled) -> None:
        if self.current is None:
            return
        collapsed = [item for item in self.state.get("risks_collapsed", []) if item != self.current.id]
        if message.collapsed:
            collapsed.append(self.current.id)
        self.state.set("risks_collapsed", collapsed)

    def on_article_view_link_clicked(self, message: ArticleView.LinkClicked) -> None:
        if self.current is None:
            return
        action = resolve_link(message.href, self.current, self.library)
        if isinstance(action, OpenArticle):
            self.open_article(action.article_id, anchor=action.anchor)
        elif isinstance(action, ScrollToAnchor):
            if not self.view.scroll_to_anchor(action.anchor):
                self.notify(f"No heading '{action.anchor}' in this article.", severity="warning", markup=False)
        elif isinstance(action, OpenExternal):
            url = action.url

            def opened(answer: bool | None) -> None:
                if answer:
                    self.open_url(url)

            self.push_screen(ConfirmScreen("Open this web address in your browser?", url), opened)
        elif isinstance(action, Refuse):
            self.notify(action.reason, title="Link not followed", severity="warning", markup=False)

    # Actions

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # `!` is a priority key so it works on every screen, but a text box still gets to type it.
        if action == "urgent_help" and isinstance(self.focused, Input):
            return False
        return True

    def action_urgent_help(self) -> None:
        if not isinstance(self.screen, UrgentHelpScreen):
            self.push_screen(UrgentHelpScreen(self.settings))

    def action_glossary_term(self) -> None:
        """The glossary, open at the term of the current find match or near the top of the view."""
        from kratom_tui.library.glossary import load_glossary
        from kratom_tui.ui.glossary_lookup import term_in_view
        from kratom_tui.ui.screens.glossary import GlossaryScreen

        glossary = load_glossary(self.library.root)
        self.push_screen(GlossaryScreen(self.library.root, term_in_view(glossary, (self.view, self.risks)), glossary))

    def action_risk_overview(self) -> None:
        def opened(choice: tuple[str, str] | None) -> None:
            if choice is not None:
                self.open_at_risk(*choice)

        self.push_screen(RiskOverviewScreen(risk_overview(self.library), self.library.articles), opened)

    def open_at_risk(self, article_id: str, risk_name: str) -> None:
        """Open an article with its panel unfolded, focused and scrolled to one risk."""
        self.open_article(article_id, focus=False)
        panel = self.risks
        panel.collapsed = False
        panel.focus()
        if panel.layout_ is not None:
            line = next((n for n, text in enumerate(panel.layout_.plain) if risk_name in text), 0)
            panel.scroll_to_line(line)

    def action_contents(self) -> None:
        def jump(line: int | None) -> None:
            if line is not None:
                self.view.scroll_to_line(line)
                self.view.focus()

        self.push_screen(ContentsScreen(self.view.headings), jump)

    def action_toggle_risks(self) -> None:
        self.risks.action_toggle()

    def _step_article(self, step: int) -> None:
        if not self.order:
            return
        index = self.order.index(self.current.id) if self.current and self.current.id in self.order else -1
        self.open_article(self.order[(index + step) % len(self.order)], focus=False)

    def action_previous_article(self) -> None:
        self._step_article(-1)

    def action_next_article(self) -> None:
        self._step_article(1)

    @property
    def find_bar(self) -> FindBar:
        return self.query_one(FindBar)

    def action_find(self, query: str | None = None) -> None:
        if self.current is not None:
            self.find_bar.open(query)

    def action_find_step(self, forward: bool) -> None:
        if self.finder.active:
            self.finder.step(forward)
            self._show_find_count()

    def _show_find_count(self) -> None:
        self.find_bar.set_count(*self.finder.counter())

    def _rescan_find(self) -> None:
        if self.finder.active and not self.finder.complete:
            self.finder.rescan()
            self._show_find_count()
            self.finder.refresh()

    def _close_find(self) -> None:
        self.finder.clear()
        bar = self.find_bar
        if bar.display:
            bar.display = False
            bar.input.value = ""

    def on_find_bar_changed(self, message: FindBar.Changed) -> None:
        self.finder.search(message.query)
        self._show_find_count()

    def on_find_bar_step(self, message: FindBar.Step) -> None:
        self.action_find_step(message.forward)

    def on_find_bar_closed(self, _message: FindBar.Closed) -> None:
        self.view.focus()

    def action_search(self) -> None:
        def opened(choice: tuple[str, str] | None) -> None:
            if choice is None:
                return
            article_id, query = choice
            self.open_article(article_id)
            article = self.library.get(article_id)
            if article is None:
                return
            text = self.search_service.find_text(query, f"{article.title}\n{article.body()}")
            if text:
                self.action_find(text)
                self.finder.search(text)
                self._show_find_count()

        self.push_screen(SearchScreen(self.search_service), opened)

    @work(thread=True, exclusive=True, group="library")
    def _load_and_index(self) -> None:
        """Load a library that started from its catalogue, then bring the search index up to date."""
        library = self.library
        if not library.complete:
            library = load_library(library.root, cache=True)
            self.call_from_thread(self._library_loaded, library)
        notice = self.search_service.build(
            library, lambda done, total: self.call_from_thread(self._index_progress, done, total)
        )
        self.call_from_thread(self._index_built, notice)

    def _library_loaded(self, library: Library) -> None:
        """Swap in the full load; the sidebar and the problems change only if the files did."""
        old, self.library = self.library, library
        self.order = library.catalogue.order()
        self.query_one(LibraryTree).show_library(library)
        if self.current is not None:
            self.current = library.get(self.current.id) or self.current
        if [p.format() for p in old.problems] != [p.format() for p in library.problems]:
            self._notify_problems()

    def _index_progress(self, done: int, total: int) -> None:
        bar = self.query_one("#index-progress", ProgressBar)
        if total >= PROGRESS_FROM and done < total:
            bar.display = True
            bar.update(total=total, progress=done)
        else:
            bar.display = False

    def _index_built(self, notice: str | None) -> None:
        self.query_one("#index-progress", ProgressBar).display = False
        if notice:
            self.notify(notice, title="Search", severity="warning", markup=False)

    def _narrow(self) -> bool:
        return self.size.width < self.HORIZONTAL_BREAKPOINTS[1][0]

    def _sidebar_column(self) -> Vertical:
        return self.query_one("#sidebar-column", Vertical)

    def _show_sidebar(self) -> None:
        column = self._sidebar_column()
        column.remove_class("-hidden")
        column.add_class("-visible")

    def _hide_overlay(self) -> None:
        if self._narrow():
            self._sidebar_column().remove_class("-visible")

    def action_toggle_sidebar(self) -> None:
        column = self._sidebar_column()
        showing = column.has_class("-visible") if self._narrow() else not column.has_class("-hidden")
        if showing:
            column.remove_class("-visible")
            column.add_class("-hidden")
            self.view.focus()
        else:
            self._show_sidebar()
            self.query_one(LibraryTree).focus()

    async def action_quit(self) -> None:
        self._remember_scroll()
        self.state.save()
        self.exit()

    def on_unmount(self) -> None:
        self.search_service.close()


def run_app(library: Library) -> int:
    ReaderApp(library, StateStore(), load_settings()).run()
    return 0
