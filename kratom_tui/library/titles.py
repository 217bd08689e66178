"""The title of a plain markdown file: its first level-1 heading, as plain text.

markdown-it's block tokens decide what is a heading, so a `#` line inside a code fence is not one
and setext headings (a line underlined with `===`) are. Inline markup is reduced to the words a
reader sees: emphasis and links to their text, images to their alt text, code to its content.
Only the heading's own line is parsed inline, so a long file costs one block pass.
"""

from __future__ import annotations

import functools

from markdown_it import MarkdownIt
from markdown_it.token import Token


@functools.cache
def _parser() -> MarkdownIt:
    # The same CommonMark dialect as the reader, with inline parsing left for the heading alone.
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"]).disable("inline")


def _plain(children: list[Token]) -> str:
    parts: list[str] = []
    for token in children:
        if token.type in ("text", "text_special", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.type == "image":
            parts.append(_plain(token.children or []))
    return " ".join("".join(parts).split())


def first_title(text: str) -> str | None:
    """The first top-level (not quoted, not in a list) level-1 heading outside code; None when none has text."""
    parser = _parser()
    env: dict = {}
    tokens = parser.parse(text, env)
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h1" and token.level == 0:
            inline = tokens[index + 1]
            children: list[Token] = []
            parser.inline.parse(inline.content, parser, env, children)
            title = _plain(children)
            if title:
                return title
    return None
