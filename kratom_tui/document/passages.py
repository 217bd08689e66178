"""An article's text as passages that do not depend on the width: what notes anchor to and `y` copies.

A block's passage is its lines as shown, with every run of white space one space, so a paragraph
wrapped at 80 columns and at 160 reads the same and a note made at one width is found at the other.
Places in a passage are (block, character) pairs; these functions turn them into lines and back.
"""

from __future__ import annotations

from kratom_tui.document.layout import DocumentLayout


def normalise(text: str) -> str:
    """`text` with every run of white space (line breaks too) one space, and none at either end."""
    return " ".join(text.split())


def _block_lines(layout: DocumentLayout, block: int) -> range:
    """The lines of a block, without the blank line that separates it from the next."""
    start = layout.block_starts[block]
    end = layout.block_starts[block + 1] - 1 if block + 1 < len(layout.block_starts) else len(layout.lines)
    return range(start, max(start, end))


def passage(layout: DocumentLayout, block: int) -> str:
    """The text of one laid-out block as one line."""
    return normalise("\n".join(layout.plain[line] for line in _block_lines(layout, block)))


def passages(layout: DocumentLayout) -> list[str]:
    """Every block's passage, laying the whole article out first."""
    layout.finish()
    return [passage(layout, block) for block in range(len(layout.block_starts))]


def block_at_or_after(layout: DocumentLayout, line: int) -> int:
    """The block shown on `line`, or the next one when `line` is the gap between two.

    The article's header (block 0: title, source, dates) is no paragraph: at the top, the first one is.
    """
    layout.ensure_lines(line + 2)
    block = layout.block_at_line(line)
    outside = line not in _block_lines(layout, block)
    if (outside or block == 0) and block + 1 < len(layout.block_starts):
        return block + 1
    return block


def place_of(layout: DocumentLayout, line: int, column: int) -> tuple[int, int]:
    """The (block, character of its passage) of character `column` of `line`."""
    block = layout.block_at_line(line)
    lines = _block_lines(layout, block)
    if line not in lines:  # the gap after a block: the start of the next one
        return (block + 1, 0) if block + 1 < len(layout.block_starts) else (block, len(passage(layout, block)))
    before = "\n".join([*(layout.plain[n] for n in range(lines.start, line)), layout.plain[line][:column]])
    shown = normalise(before)
    gap = bool(shown) and before[-1].isspace()
    return block, len(shown) + gap


def line_of(layout: DocumentLayout, block: int, character: int) -> int:
    """The line that shows character `character` of block `block`'s passage, at this width."""
    if not layout.block_starts:
        return 0
    block = min(block, len(layout.block_starts) - 1)
    lines = _block_lines(layout, block)
    counted = 0
    for line in lines:
        words = normalise(layout.plain[line])
        if words:
            counted += len(words) + (1 if counted else 0)
        if counted > character:
            return line
    return lines[-1] if lines else layout.block_starts[block]
