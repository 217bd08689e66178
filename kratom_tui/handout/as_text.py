"""The handout as plain text wrapped at 78 columns, for a printer, an email or a terminal.

No styles and no escape sequences: the text was cleaned of control characters when it was read.
"""

from __future__ import annotations

import textwrap

from kratom_tui.handout.content import Handout
from kratom_tui.handout.outline import Block, Line, outline

WIDTH = 78


def _joined(line: Line) -> str:
    return "".join(text for _style, text in line)


def _wrapped(text: str, first: str = "", rest: str = "") -> str:
    """Each line of `text` wrapped on its own, so that a note keeps the lines its writer gave it."""
    out = []
    for number, line in enumerate(text.split("\n")):
        lead = first if number == 0 else rest
        out.append(
            textwrap.fill(line, WIDTH, initial_indent=lead, subsequent_indent=rest, break_on_hyphens=False)
            or lead.rstrip()
        )
    return "\n".join(out)


def _block(block: Block) -> str:
    if block.kind == "heading":
        title = _joined(block.lines[0])
        return _wrapped(title) + "\n" + ("=" if block.level == 1 else "-") * min(WIDTH, len(title))
    if block.kind == "bullets":
        return "\n".join(_wrapped(_joined(line), "  * ", "    ") for line in block.lines)
    if block.kind == "numbered":
        return "\n".join(
            _wrapped(_joined(line), f"{number:>3}. ", "     ") for number, line in enumerate(block.lines, 1)
        )
    return _wrapped(_joined(block.lines[0]))


def render_text(handout: Handout) -> str:
    return "\n\n".join(_block(block) for block in outline(handout)) + "\n"
