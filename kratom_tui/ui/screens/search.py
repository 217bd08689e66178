"""Search the library (`s`): results update as you type; enter opens one with its matches found."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from kratom_tui.search import SearchHit
from kratom_tui.search.extras import ExtraHit, search_extras

if TYPE_CHECKING:
    from kratom_tui.ui.search_service import SearchService

DEBOUNCE_SECONDS = 0.12
RESULT_LIMIT = 50
INDEX_POLL_SECONDS = 0.5
"""While the index is still being built, the query is asked again this often."""


def hit_prompt(hit: SearchHit) -> Text:
    """Title, conditions, and the snippet with the matched words highlighted (all plain text)."""
    snippet = Text(hit.snippet, style="dim")
    for start, end in hit.highlights:
        snippet.stylize("bold reverse", start, end)
    return Text.assemble((hit.title, "bold"), "  ", (", ".join(hit.conditions), "italic"), "\n", snippet)


def extra_prompt(hit: ExtraHit) -> Text:
    """A safety note or glossary entry, labelled as the library's own, with its snippet."""
    snippet = Text(hit.snippet, style="dim")
    for start, end in hit.highlights:
        snippet.stylize("bold reverse", start, end)
    return Text.assemble((f"[{hit.kind}] ", "italic"), (hit.title, "bold"), "\n", snippet)


class SearchScreen(ModalScreen[tuple[str, str] | None]):
    """Dismisses with (article id, query), or None."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close"),
        Binding("down", "focus_results", "Results", show=False),
    ]

    def __init__(self, service: SearchService, query: str = "") -> None:
        super().__init__()
        self.service = service
        self.initial = query
        self._debounce: Timer | None = None
        self._hits: list[SearchHit] = []
        self._extras: list[ExtraHit] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog") as dialog:
            dialog.border_title = "Search the library"
            dialog.border_subtitle = 'words, "a phrase", prefix*, condition:NAME · enter: open · escape: close'
            examples = 'liver, withdrawal, "red vein", sleep*, condition:adhd'
            yield Input(value=self.initial, placeholder=examples, id="search-input")
            yield Static(id="search-status")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._run(self.initial)

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE_SECONDS, lambda: self._run(event.value))

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        results = self.query_one(OptionList)
        if self._hits or self._extras:
            self._open(results.highlighted or 0)

    def action_focus_results(self) -> None:
        results = self.query_one(OptionList)
        if self._hits or self._extras:
            results.focus()
            if results.highlighted is None:
                results.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option_index)

    def _open(self, index: int) -> None:
        if 0 <= index < len(self._hits):
            self.dismiss((self._hits[index].article_id, self.query_one(Input).value))
        elif 0 <= index - len(self._hits) < len(self._extras):
            self._open_extra(self._extras[index - len(self._hits)])

    def _open_extra(self, hit: ExtraHit) -> None:
        from kratom_tui.library.glossary import load_glossary
        from kratom_tui.ui.screens.library_entry import LibraryEntryScreen

        library = self.app.library  # type: ignore[attr-defined]
        entry = library.notes.notes.get(hit.id) if hit.kind == "safety note" else next(
            (term for term in load_glossary(library.root).terms if term.term == hit.id), None
        )
        if entry is not None:
            self.app.push_screen(LibraryEntryScreen(entry))

    @work(exclusive=True, thread=True, group="library-search")
    def _run(self, query: str) -> None:
        hits, status = self.service.search(query, RESULT_LIMIT)
        library = self.app.library  # type: ignore[attr-defined]
        extras = search_extras(query, library.notes, library.root)
        self.app.call_from_thread(self._show, query, hits, status, extras)

    def _show(self, query: str, hits: list[SearchHit], status: str, extras: list[ExtraHit] | None = None) -> None:
        if query != self.query_one(Input).value:
            return
        self._hits, self._extras = hits, extras or []
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options(Option(hit_prompt(hit)) for hit in hits)
        results.add_options(Option(extra_prompt(hit)) for hit in self._extras)
        if self._extras:
            count = len(self._extras)
            status += f"; then {count} of the library's safety notes and glossary entr{'ies' if count != 1 else 'y'}"
        self.query_one("#search-status", Static).update(Text(status, style="dim"))
        if not self.service.ready.is_set():
            self.set_timer(INDEX_POLL_SECONDS, lambda: self._run(query))
