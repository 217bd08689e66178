"""A renderable drawn with a prefix on each line: bullets, numbers and quote bars."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.style import Style


class Prefixed:
    """Render `inner` narrower by the prefix width, then put `first` / `rest` in front of its lines."""

    def __init__(self, inner: RenderableType, first: str, rest: str | None = None, style: Style | None = None):
        self.inner = inner
        self.first = first
        self.rest = " " * cell_len(first) if rest is None else rest
        self.style = style or Style()

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = max(cell_len(self.first), cell_len(self.rest))
        width = max(1, options.max_width - indent)
        lines = console.render_lines(self.inner, options.update(width=width, height=None), pad=False)
        new_line = Segment.line()
        for index, line in enumerate(lines):
            prefix = self.first if index == 0 else self.rest
            yield Segment(prefix.ljust(indent), self.style)
            yield from line
            yield new_line
