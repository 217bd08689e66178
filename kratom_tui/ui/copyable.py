"""Dialog text that can be copied even when it is a Rich layout (a table, a group of parts).

Textual copies a `Static` whose content is plain text; one that shows a Rich renderable gives
nothing back. This one gives back the text as drawn (at its width, without styles), so a drag over
a dialog and `ctrl+c` copy what it says.
"""

from __future__ import annotations

from io import StringIO

from rich.console import Console, ConsoleRenderable, RichCast
from rich.text import Text
from textual.content import Content
from textual.selection import Selection
from textual.widgets import Static

from kratom_tui.library.sanitize import strip_controls


class CopyableStatic(Static):
    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        content = self.content
        if isinstance(content, (str, Text, Content)) or not isinstance(content, (ConsoleRenderable, RichCast)):
            return super().get_selection(selection)
        console = Console(file=StringIO(), width=max(1, self.content_region.width), color_system=None)
        lines = console.render_lines(content, pad=False)
        text = "\n".join("".join(segment.text for segment in line).rstrip() for line in lines)
        return selection.extract(strip_controls(text)), "\n"
