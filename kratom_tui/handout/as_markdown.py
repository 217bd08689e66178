"""The handout as CommonMark, for pasting into a message or a notes app.

Text from the article is escaped so that it stays text in any markdown viewer: no emphasis, link,
image, HTML tag or entity can come from it, and no line of it can start a list, a heading or a
quote. Web addresses are written so that viewers that turn bare addresses into links (GitHub's
"autolinks") leave them as text.
"""

from __future__ import annotations

import re

from kratom_tui.handout.content import Handout
from kratom_tui.handout.outline import Block, Line, outline

_INLINE = re.compile(r"([\\`*_\[\]<>!&~#|])")
_LINE_START = re.compile(r"^(\s*)(?:([-+=>])|(\d+)(?=[.)]))", re.MULTILINE)
_AUTOLINK = re.compile(r"(?i)://|(?<=www)\.")
MARKS = {"": "", "strong": "**", "em": "*"}
_BACKTICKS = re.compile(r"`+")


def escape_markdown(text: str) -> str:
    """`text` as markdown that shows exactly `text`, wherever in a line it is put."""
    text = _INLINE.sub(r"\\\1", text)
    text = _AUTOLINK.sub(lambda match: "\\:\\/\\/" if match[0] == "://" else "\\.", text)
    return _LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    """`-`, `+`, `=` or `>` first on a line, or `12.` or `12)`, would start a list, a heading or a quote."""
    if match[2]:
        return f"{match[1]}\\{match[2]}"
    return f"{match[1]}{match[3]}\\"


def _line(line: Line) -> str:
    out = []
    for style, text in line:
        stripped = text.strip()
        if not stripped:
            out.append(text)
            continue
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        if style == "address":
            out.append(f"{lead}{_code(stripped)}{trail}")
            continue
        mark = MARKS[style]
        out.append(f"{lead}{mark}{escape_markdown(stripped)}{mark}{trail}")
    return "".join(out)


def _code(text: str) -> str:
    """A web address as a code span: shown as typed, and never turned into a link by a viewer."""
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def _block(block: Block) -> str:
    if block.kind == "heading":
        return f"{'#' * block.level} {_line(block.lines[0])}"
    if block.kind == "bullets":
        return "\n".join(f"- {_indent(_line(line), 2)}" for line in block.lines)
    if block.kind == "numbered":
        return "\n".join(f"{number}. {_indent(_line(line), 4)}" for number, line in enumerate(block.lines, 1))
    return _line(block.lines[0])


def _indent(text: str, width: int) -> str:
    """A note of several lines stays inside its list item."""
    return text.replace("\n", "\n" + " " * width)


def render_markdown(handout: Handout) -> str:
    return "\n\n".join(_block(block) for block in outline(handout)) + "\n"
