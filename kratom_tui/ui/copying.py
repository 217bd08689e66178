"""Taking text out of the reader: the mouse selection (`ctrl+c`) and a paragraph with its citation (`y`).

Both go through Textual's clipboard (OSC 52, so it works over ssh) as plain text: the view's lines
as read, without styles or control characters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kratom_tui.document.passages import block_at_or_after, passage
from kratom_tui.library.citation import citation

if TYPE_CHECKING:
    from kratom_tui.ui.app import ReaderApp


def copy_selection(app: ReaderApp) -> bool:
    """Copy what is selected on the screen; False when nothing is."""
    selected = app.screen.get_selected_text()
    if not selected:
        return False
    app.copy_to_clipboard(selected)
    app.screen.clear_selection()
    app.notify("Copied the selected text.", markup=False)
    return True


def paragraph_line(app: ReaderApp) -> int | None:
    """The line of the paragraph `y` and `a` work on: the current find match's, else the top of the view."""
    view = app.pane.view
    if view.layout_ is None:
        return None
    current = app.pane.finder.current
    match = view.current_match
    if current is not None and current[0] is view and match is not None:
        return match[0]
    return view.top_line


def copy_paragraph(app: ReaderApp) -> None:
    """Copy the paragraph at the find match or at the top, then a line naming the article and its source."""
    layout, line = app.pane.view.layout_, paragraph_line(app)
    if layout is None or line is None or app.current is None:
        app.notify("No article is open.", severity="warning", markup=False)
        return
    text = passage(layout, block_at_or_after(layout, line))
    app.copy_to_clipboard(f"{text}\n{citation(app.current)}")
    shown = text if len(text) <= 60 else text[:59] + "…"
    app.notify(f"Copied with its citation: {shown}", markup=False)
