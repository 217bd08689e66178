"""Markdown to Rich renderables, one block at a time, with headings and links recorded.

Article text only ever goes into `Text` objects: nothing here parses Rich or Textual markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.anchors import anchors_plugin
from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.style import Style
from rich.table import Table
from rich.text import Text

from kratom_tui.document.palette import Palette
from kratom_tui.document.prefixed import Prefixed
from kratom_tui.library.glossary import Glossary

BULLETS = ("•", "◦", "▪")


def make_parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    anchors_plugin(parser, max_level=6)
    return parser


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str


@dataclass
class Block:
    """A top-level piece of the article, rendered separately and joined by blank lines."""

    renderable: RenderableType
    heading: Heading | None = None


@dataclass
class Links:
    """Targets of the links seen so far; a link's style refers to its index, never its text."""

    targets: list[str] = field(default_factory=list)
    clickable: bool = False

    def style_for(self, href: str) -> Style:
        self.targets.append(href)
        if not self.clickable:
            return Style()
        return Style.from_meta({"@click": f"open_link({len(self.targets) - 1})"})


class BlockRenderer:
    """Turns markdown-it's syntax tree into Rich renderables styled by a Palette."""

    def __init__(
        self, palette: Palette, links: Links, heading_marks: bool = False, glossary: Glossary | None = None
    ) -> None:
        self.palette = palette
        self.links = links
        self.glossary = glossary
        """Terms it explains are marked in the text."""
        self.heading_marks = heading_marks
        """Put `#` marks before headings, for output without styles."""
        self.parser = make_parser()

    def render(self, source: str) -> list[Block]:
        tokens = self.parser.parse(source)
        for token in tokens:
            # Block nesting is bounded by the parser (maxNesting), inline nesting is not: a thousand
            # `*` around a word nest a thousand emphasis tokens. The syntax tree would recurse once per
            # level, so inline tokens are kept out of it, as the flat list the parser makes, and read in
            # one loop (`_inline_into`).
            if token.type == "inline":
                token.meta = {**(token.meta or {}), _INLINE: token.children or []}
                token.children = None
        tree = SyntaxTreeNode(tokens)
        return [self._top_block(node) for node in tree.children]

    def _top_block(self, node: SyntaxTreeNode) -> Block:
        if node.type == "heading":
            level = int(node.tag[1:])
            text = self._inline(node, self.palette.heading[level - 1])
            if self.heading_marks:
                text = Text.assemble("#" * level + " ", text)
            anchor = str(node.attrs.get("id", ""))
            return Block(text, Heading(level, text.plain, anchor))
        return Block(self._block(node, 0))

    def _block(self, node: SyntaxTreeNode, depth: int) -> RenderableType:
        kind = node.type
        if kind == "paragraph":
            return self._inline(node)
        if kind == "heading":
            return self._inline(node, self.palette.heading[int(node.tag[1:]) - 1])
        if kind in ("bullet_list", "ordered_list"):
            return self._list(node, depth)
        if kind == "blockquote":
            inner = self._group(node.children, depth)
            return Prefixed(inner, "▌ ", "▌ ", self.palette.quote)
        if kind in ("fence", "code_block"):
            code = Text(node.content.rstrip("\n"), self.palette.code_block)
            return Padding(code, (0, 1), style=self.palette.code_block, expand=True)
        if kind == "hr":
            return Rule(style=self.palette.rule)
        if kind == "table":
            return self._table(node)
        return Text(node.content.rstrip("\n"), self.palette.muted)

    def _group(self, children: list[SyntaxTreeNode], depth: int, tight: bool = False) -> RenderableType:
        parts: list[RenderableType] = []
        for child in children:
            if parts and not tight:
                parts.append(Text())
            parts.append(self._block(child, depth))
        if not parts:
            return Text()
        return parts[0] if len(parts) == 1 else Group(*parts)

    def _list(self, node: SyntaxTreeNode, depth: int) -> RenderableType:
        ordered = node.type == "ordered_list"
        number = int(node.attrs.get("start", 1)) if ordered else 0
        tight = all(
            child.hidden for item in node.children for child in item.children if child.type == "paragraph"
        )
        items: list[RenderableType] = []
        width = len(f"{number + len(node.children)}.") if ordered else 1
        for item in node.children:
            marker = f"{number}.".rjust(width) if ordered else BULLETS[depth % len(BULLETS)]
            number += 1
            if items and not tight:
                items.append(Text())
            inner = self._group(item.children, depth + 1, tight)
            items.append(Prefixed(inner, f"{marker} ", style=self.palette.muted))
        return Group(*items)

    def _table(self, node: SyntaxTreeNode) -> RenderableType:
        table = Table(
            box=box.ROUNDED,
            header_style=self.palette.table_header,
            border_style=self.palette.rule,
            show_lines=False,
            expand=False,
        )
        rows: list[list[Text]] = []
        for section in node.children:
            for row in section.children:
                cells = [self._inline(cell) for cell in row.children]
                if section.type == "thead":
                    for cell, header in zip(row.children, cells, strict=True):
                        style = str(cell.attrs.get("style", ""))
                        justify: Literal["right", "center", "left"] = (
                            "right" if "right" in style else "center" if "center" in style else "left"
                        )
                        table.add_column(header, justify=justify, overflow="fold")
                else:
                    rows.append(cells)
        for cells in rows:
            table.add_row(*cells)
        return table

    def _inline(self, node: SyntaxTreeNode, base: Style | None = None) -> Text:
        text = Text()
        for child in node.children:
            if child.type == "inline" and child.token is not None:
                self._inline_into(text, child.token.meta.get(_INLINE, []), base or Style())
        return text

    def _inline_into(self, text: Text, tokens: list[Token], base: Style) -> None:
        """Append inline tokens to `text`, with a stack of styles: no recursion, however deep they nest."""
        styles = [base]
        for token in tokens:
            kind = token.type
            if token.nesting == 1:
                styles.append(styles[-1] + self._wrapper_style(token))
            elif token.nesting == -1:
                if len(styles) > 1:
                    styles.pop()
            elif kind == "text":
                start = len(text)
                text.append(token.content, styles[-1])
                if self.glossary is not None:
                    for first, last, _term in self.glossary.find(token.content):
                        text.stylize(self.palette.term, start + first, start + last)
            elif kind == "softbreak":
                text.append(" ", styles[-1])
            elif kind == "hardbreak":
                text.append("\n", styles[-1])
            elif kind == "code_inline":
                text.append(token.content, styles[-1] + self.palette.code)
            elif kind == "html_inline":
                text.append(token.content, styles[-1] + self.palette.muted)
            elif kind == "image":
                alt = "".join(child.content for child in token.children or ()) or str(token.attrGet("src") or "")
                text.append(f"[image: {alt}]", styles[-1] + self.palette.muted)

    def _wrapper_style(self, token: Token) -> Style:
        kind = token.type.removesuffix("_open")
        if kind == "strong":
            return self.palette.strong
        if kind == "em":
            return self.palette.emphasis
        if kind == "s":
            return self.palette.strike
        if kind == "link":
            return self.palette.link + self.links.style_for(str(token.attrGet("href") or ""))
        return Style()


_INLINE = "kratom_inline"
"""Key of an inline token's `meta` that holds its children (see `BlockRenderer.render`)."""
