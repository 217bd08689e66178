"""The help screen, generated from the bindings of the screen it opens over, so it never misses a key.

Each part of that screen (the app, the sidebar, the reading pane, ...) is a section; its rows are its
bindings after the user's `keys:` settings, one row per action with every key that runs it. The
long descriptions come from the binding ids (`kratom_tui.keymap`), else the binding's own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import format_key
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer

from kratom_tui.keymap import BINDING_IDS
from kratom_tui.ui.copyable import CopyableStatic
from kratom_tui.ui.movement import ScrollingText

SECTION_TITLES = {
    "sidebar-column": "Sidebar",
    "sidebar": "Sidebar",
    "article": "Reading pane",
    "risks": "Risks panel",
    "find-bar": "Find bar",
}
"""Titles of the parts of the main screen, by widget id; the app and the screen are "Anywhere"."""
ANYWHERE = "Anywhere"
ORDER = {binding_id: number for number, binding_id in enumerate(BINDING_IDS)}
KEY_NAMES = {"enter": "enter", "escape": "escape", "up": "up", "down": "down", "left": "left", "right": "right"}
"""Keys spelt out in words here (the footer uses symbols)."""
TEXTUAL_ACTIONS = {
    "app.focus_next": "focus the next part: sidebar, reading pane, risks panel",
    "app.focus_previous": "focus the previous part",
    "select_cursor": "open the article, or fold or unfold the condition",
    "page_up": "a page up",
}
"""Keys of Textual's own widgets worth a row of their own (they have no id, so no `keys:` setting)."""
NOTES = (
    "In the find bar, enter goes to the next match; matches ignore case unless you type a capital.",
    "Links: click one. Another article opens here, a #heading scrolls to it, a web address asks first.",
    "Change any key under keys: in settings.yaml, by the id the README's key table gives.",
)


@dataclass
class KeyRow:
    description: str
    keys: list[str] = field(default_factory=list)
    order: int = len(BINDING_IDS)
    """Rows follow the order of kratom_tui.keymap, so every section reads down, up, pages, top, bottom."""


def key_label(binding: Binding) -> str:
    *modifiers, key = binding.key.split("+")
    return "+".join([*modifiers, KEY_NAMES.get(key) or format_key(key)])


def _section(node: DOMNode) -> str:
    if isinstance(node, (App, Screen)):
        return ANYWHERE
    return SECTION_TITLES.get(node.id or "", type(node).__name__)


def _bindings(node: DOMNode, app: App) -> list[Binding]:
    """The node's bindings as Textual applies them: its class's BINDINGS, then the app's keymap."""
    bindings = node._bindings.copy()
    bindings.apply_keymap(app._keymap)
    return [binding for _key, binding in bindings if binding.description and not binding.system]


def app_keys(app: App, binding_id: str) -> str:
    """The keys that run one of the app's bindings now, after the user's keymap (`?`, `ctrl+o`)."""
    return ", ".join(key_label(binding) for binding in _bindings(app, app) if binding.id == binding_id)


def key_sections(screen: Screen) -> dict[str, dict[str, KeyRow]]:
    """Section title -> action -> row, in the order a reader meets them.

    A row is made by a binding of the reader's own (it has an id) or one of TEXTUAL_ACTIONS; other
    keys of Textual's widgets join a row of the same action (`down` beside `j`). A row a section
    shares with an earlier one (the risks panel scrolls like the pane) is shown once.
    """
    app = screen.app
    nodes: list[DOMNode] = [app, screen]
    nodes += [
        widget
        for widget in screen.walk_children()
        if any(binding.id for _key, binding in widget._bindings)
    ]
    sections: dict[str, dict[str, KeyRow]] = {}
    seen: list[tuple[DOMNode, dict[str, KeyRow]]] = []
    for node in nodes:
        own = _rows(node, app)
        for earlier, rows in seen:
            if isinstance(node, type(earlier)) and node is not earlier:
                own = {action: row for action, row in own.items() if rows.get(action) != row}
        seen.append((node, own))
        sections.setdefault(_section(node), {}).update(own)
    return {
        title: dict(sorted(rows.items(), key=lambda item: item[1].order)) for title, rows in sections.items() if rows
    }


def _rows(node: DOMNode, app: App) -> dict[str, KeyRow]:
    rows: dict[str, KeyRow] = {}
    bindings = _bindings(node, app)
    ours = [binding for binding in bindings if binding.id or binding.action in TEXTUAL_ACTIONS]
    for binding in sorted(ours, key=lambda binding: len(binding.key) > 1):
        row = rows.get(binding.action)
        if row is None:
            description = BINDING_IDS.get(binding.id or "") or TEXTUAL_ACTIONS.get(binding.action, "")
            row = rows[binding.action] = KeyRow(description)
        row.order = min(row.order, ORDER.get(binding.id or "", len(ORDER)))
        if key_label(binding) not in row.keys:
            row.keys.append(key_label(binding))
    for binding in bindings:
        row = rows.get(binding.action)
        if row is not None and key_label(binding) not in row.keys:
            row.keys.append(key_label(binding))
    return rows


def keys_table(sections: dict[str, dict[str, KeyRow]]) -> Group:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for title, rows in sections.items():
        table.add_row(Text(title, style="bold underline"), "")
        for row in rows.values():
            table.add_row(Text(", ".join(row.keys)), Text(row.description))
        table.add_row("", "")
    return Group(table, *(Text(note, style="italic") for note in NOTES))


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="dialog.close")]

    def compose(self) -> ComposeResult:
        stack = self.app.screen_stack
        under = stack[-2] if stack and stack[-1] is self and len(stack) > 1 else self.app.screen
        with ScrollingText(id="help-dialog") as dialog:
            dialog.border_title = "Keys"
            dialog.border_subtitle = "j/k, space: scroll · escape: close"
            yield CopyableStatic(keys_table(key_sections(under)), id="help-keys")
        yield Footer(compact=True)
