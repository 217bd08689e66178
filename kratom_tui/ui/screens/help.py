"""The help screen: every key of the reader, grouped by what it is for."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Moving",
        [
            ("tab / shift+tab", "focus the sidebar, the reading pane, the risks panel in turn"),
            ("up / down, j / k", "move in the sidebar; scroll the pane"),
            ("pageup / pagedown, space", "a page up / down"),
            ("g / G, home / end", "to the top / the bottom"),
            ("enter, right", "open the article; expand or collapse a condition"),
            ("left", "collapse a condition, or go to it"),
            ("b", "show or hide the sidebar (an overlay on narrow terminals)"),
        ],
    ),
    (
        "Reading",
        [
            ("[ / ]", "previous / next article"),
            ("t", "table of contents: jump to a heading"),
            ("r", "fold or unfold the risks and disclaimers panel"),
            ("/", "find in the article: type to highlight every match"),
            ("enter / shift+enter", "in the find bar: next / previous match (also down / up)"),
            ("n / N", "next / previous match, also after the find bar is closed"),
            ("escape", "close the find bar or a dialog"),
            ("s", "search the library: words, \"a phrase\", prefix*, condition:NAME"),
            ("click a link", "another article opens here; web links ask first"),
        ],
    ),
    (
        "App",
        [
            ("?", "this help"),
            ("ctrl+p", "command palette: open article, go to condition, themes"),
            ("ctrl+p About", "the library's aims, authors, review policy; it informs, never advises"),
            ("d", "glossary: the term at the find match, or at the top of the view"),
            ("q, ctrl+q", "quit"),
        ],
    ),
]


def keys_table() -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for group, rows in KEYS:
        table.add_row(Text(group, style="bold underline"), "")
        for key, meaning in rows:
            table.add_row(Text(key), Text(meaning))
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog") as dialog:
            dialog.border_title = "Keys"
            dialog.border_subtitle = "escape to close"
            yield Static(keys_table())
