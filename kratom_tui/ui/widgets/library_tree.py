"""The sidebar: conditions, each with its articles; an article with two conditions is under both."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from kratom_tui.library import Library

OPEN_MARK = "▶ "
READING_MARKS = {"read": "✓ ", "partly": "◐ ", "unread": "  "}
"""Before each title: read to the end, begun, or not opened yet."""
UPDATED_MARK = "↻ "
"""Before the title of an article whose file changed since the reader last saw it, until it is opened."""
LAZY_FROM = 500
"""Libraries this large start with conditions folded, each filled in when first opened."""


@dataclass(frozen=True)
class NodeData:
    condition: str
    article_id: str | None = None
    title: str = ""
    problems: bool = False
    """The node that opens the library's problems."""


class LibraryTree(Tree[NodeData]):
    """Labels are built as `Text`, never from markup: titles come from untrusted files."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="move.down"),
        Binding("k", "cursor_up", "Up", show=False, id="move.up"),
        Binding("right", "open_or_expand", "Open", show=False, id="sidebar.open"),
        Binding("left", "collapse_or_parent", "Collapse", show=False, id="sidebar.collapse"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="move.page-down"),
        Binding("pageup", "page_up", "Page up", show=False, id="move.page-up"),
        Binding("g,home", "first", "Top", show=False, id="move.top"),
        Binding("G,end", "last", "Bottom", show=False, id="move.bottom"),
    ]

    class OpenProblems(Message):
        pass

    class OpenArticle(Message):
        def __init__(self, article_id: str) -> None:
            self.article_id = article_id
            super().__init__()

    def __init__(self, library: Library, reading: dict[str, str] | None = None, *, id: str | None = None) -> None:
        super().__init__("Library", id=id)
        self.reading = dict(reading or {})
        """How far each article has been read: "read" or "partly" (the rest are unread)."""
        self.show_root = False
        self.guide_depth = 2
        self.library = library
        self.open_id: str | None = None
        self.updated: set[str] = set()
        self._article_nodes: dict[str, list[TreeNode[NodeData]]] = {}
        """Each article's nodes (one per condition shown), so marking one never walks 100,000 nodes."""
        self._populate()

    def _populate(self) -> None:
        """Conditions open with their articles; in a large library they start folded and fill on opening."""
        catalogue = self.library.catalogue
        self.lazy = len(catalogue.paths) >= LAZY_FROM
        for condition, pairs in catalogue.groups.items():
            label = Text.assemble(condition, (f" ({len(pairs)})", "dim"))
            branch = self.root.add(label, NodeData(condition), expand=not self.lazy, allow_expand=True)
            if not self.lazy:
                self._add_articles(branch)
        if self.library.problems:
            count = len(self.library.problems)
            label = Text(f"⚠ {count} problem{'s' * (count != 1)} in the library", style="bold yellow")
            self.root.add_leaf(label, NodeData("", problems=True))

    def _add_articles(self, branch: TreeNode[NodeData]) -> None:
        assert branch.data is not None
        condition = branch.data.condition
        for article_id, title in self.library.catalogue.groups.get(condition, []):
            label = self._article_label(article_id, title)
            node = branch.add_leaf(label, NodeData(condition, article_id, title))
            self._article_nodes.setdefault(article_id, []).append(node)

    def show_library(self, library: Library) -> None:
        """Take a fresh load of the library; redraw only what the reader would see change."""
        old = self.library
        self.library = library
        if old.catalogue.groups == library.catalogue.groups and len(old.problems) == len(library.problems):
            return
        was_expanded = {node.data.condition: node.is_expanded for node in self.root.children if node.data is not None}
        cursor = self.cursor_node.data if self.cursor_node is not None else None
        self.clear()
        self._article_nodes = {}
        self._populate()
        for node in self.root.children:
            if node.data is None or node.data.condition not in was_expanded:
                continue
            if not was_expanded[node.data.condition]:
                node.collapse()
            elif not node.is_expanded:
                node.expand()
                if not node.children:
                    self._add_articles(node)
        if cursor is not None:
            self._restore_cursor(cursor)

    def _restore_cursor(self, data: NodeData) -> None:
        self.last_line  # noqa: B018 - lays the rebuilt tree out, so that each node knows its line
        for branch in self.root.children:
            if branch.data is None or branch.data.condition != data.condition:
                continue
            matches = [node for node in branch.children if node.data and node.data.article_id == data.article_id]
            self.move_cursor(matches[0] if matches and branch.is_expanded else branch)
            return

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[NodeData]) -> None:
        node = event.node
        if self.lazy and node.data is not None and node.data.article_id is None and not node.children:
            self._add_articles(node)

    def get_label_width(self, node: TreeNode[NodeData]) -> int:
        """Labels are plain `Text`: measure them without rendering (10,000 nodes stay quick)."""
        return node.label.cell_len + (2 if node.allow_expand else 0)  # type: ignore[union-attr]

    def _article_label(self, article_id: str, title: str) -> Text:
        if article_id == self.open_id:
            return Text.assemble((OPEN_MARK, "bold"), (title, "bold"))
        if article_id in self.updated:
            return Text.assemble((UPDATED_MARK, "bold"), (title, "italic"))
        return Text.assemble(READING_MARKS[self.reading.get(article_id, "unread")], title)

    def set_reading(self, article_id: str, how_far: str) -> None:
        """Mark an article read or partly read ("read", "partly"), under every condition it is in."""
        if self.reading.get(article_id) == how_far:
            return
        self.reading[article_id] = how_far
        self._relabel({article_id})

    def show_updated(self, article_ids: set[str]) -> None:
        """Mark these articles "updated" (and no others) under every condition they are in."""
        changed, self.updated = self.updated ^ article_ids, set(article_ids)
        self._relabel(changed)

    def _relabel(self, article_ids: set[str]) -> None:
        for article_id in article_ids:
            for node in self._article_nodes.get(article_id, ()):
                assert node.data is not None
                node.set_label(self._article_label(article_id, node.data.title))

    def mark_open(self, article_id: str) -> None:
        """Mark the open article (under every condition) and move the cursor to it."""
        self.updated.discard(article_id)
        previous, self.open_id = self.open_id, article_id
        for node_id in dict.fromkeys(found for found in (previous, article_id) if found is not None):
            for node in self._article_nodes.get(node_id, ()):
                assert node.data is not None
                node.set_label(self._article_label(node_id, node.data.title))
        first = next(iter(self._article_nodes.get(article_id, ())), None)
        cursor = self.cursor_node
        on_it = cursor is not None and cursor.data is not None and cursor.data.article_id == article_id
        if first is not None and not on_it and first.parent is not None and first.parent.is_expanded:
            self.move_cursor(first)

    def select_condition(self, condition: str) -> None:
        for node in self.root.children:
            if node.data is not None and node.data.condition == condition:
                node.expand()
                self.move_cursor(node)
                return

    def _open_cursor(self) -> bool:
        node = self.cursor_node
        if node is None or node.data is None:
            return False
        if node.data.problems:
            self.post_message(self.OpenProblems())
            return True
        if node.data.article_id is not None:
            self.post_message(self.OpenArticle(node.data.article_id))
            return True
        return False

    def on_tree_node_selected(self, event: Tree.NodeSelected[NodeData]) -> None:
        event.stop()
        self._open_cursor()

    def action_open_or_expand(self) -> None:
        node = self.cursor_node
        if node is None or self._open_cursor():
            return
        if not node.is_expanded:
            node.expand()
        elif node.children:
            self.move_cursor(node.children[0])

    def action_collapse_or_parent(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def action_page_down(self) -> None:
        self.cursor_line = min(self.last_line, self.cursor_line + max(1, self.size.height - 1))

    def action_page_up(self) -> None:
        self.cursor_line = max(0, self.cursor_line - max(1, self.size.height - 1))

    def action_first(self) -> None:
        self.cursor_line = 0

    def action_last(self) -> None:
        self.cursor_line = self.last_line
