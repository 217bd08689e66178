"""Which glossary term `d` means: the one at the current find match, else the first near the top of the view."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kratom_tui.library.glossary import Glossary, Term, load_glossary
from kratom_tui.ui.widgets.article_view import ArticleView

if TYPE_CHECKING:
    from kratom_tui.ui.screens.glossary import GlossaryScreen


def term_at_match(glossary: Glossary, pane: ArticleView) -> Term | None:
    """The term overlapping the current find match, or else another term on the match's line."""
    if pane.current_match is None or pane.layout_ is None:
        return None
    line, start, end = pane.current_match
    plain = pane.layout_.plain
    if line >= len(plain):
        return None
    found = glossary.find(plain[line])
    overlapping = [term for first, last, term in found if first < end and start < last]
    on_line = overlapping or [term for _first, _last, term in found]
    return on_line[0] if on_line else None


def term_in_view(glossary: Glossary, panes: tuple[ArticleView, ...]) -> Term | None:
    for pane in panes:
        term = term_at_match(glossary, pane)
        if term is not None:
            return term
    view = panes[0]
    if view.layout_ is None:
        return None
    top = int(view.scroll_y)
    for line in view.layout_.plain[top : top + max(1, view.size.height)]:
        found = glossary.find(line)
        if found:
            return found[0][2]
    return None


def glossary_at_view(root: Path, panes: tuple[ArticleView, ...]) -> GlossaryScreen:
    """The Glossary screen for `d`: open at the term in view, or at the top when there is none."""
    from kratom_tui.ui.screens.glossary import GlossaryScreen  # when first opened, not at start-up

    glossary = load_glossary(root)
    return GlossaryScreen(root, term_in_view(glossary, panes), glossary)
