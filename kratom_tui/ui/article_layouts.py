"""Layouts of recently opened articles, kept per theme, and the neighbours laid out in advance.

Laying out an article costs far more than drawing it, so going back and forth between articles,
or stepping to the next one, should find its first screen ready.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.console import RenderableType
from rich.text import Text
from textual.cache import LRUCache

from kratom_tui.document.article_parts import header, risks_and_disclaimers, risks_title
from kratom_tui.document.layout import DocumentLayout
from kratom_tui.document.markdown import BlockRenderer, Links
from kratom_tui.document.palette import Palette
from kratom_tui.library import Article, Library
from kratom_tui.library.glossary import Glossary, load_glossary

CACHE_SIZE = 8
"""Articles whose layouts are kept."""


@dataclass
class ArticleLayouts:
    article: DocumentLayout
    risks: DocumentLayout
    title: str
    """The risks panel's title, which counts what it holds."""
    minutes: int
    """Reading time of the whole article, at 200 words a minute."""


def new_layout(
    prelude: list[RenderableType], source: str, palette: Palette, width: int, glossary: Glossary | None = None
) -> DocumentLayout:
    """A layout whose links post back to the view that shows it when clicked; glossary terms marked."""
    return DocumentLayout(BlockRenderer(palette, Links(clickable=True), glossary=glossary), prelude, source, width)


class LayoutCache:
    """The layouts of the last few articles opened or prefetched, for one library at a time."""

    def __init__(self, library: Library, palette_for: Callable[[str], Palette]) -> None:
        self.library = library
        self.glossary = load_glossary(library.root)
        self._palette_for = palette_for
        self._palettes: dict[str, Palette] = {}
        self._cache: LRUCache[tuple[str, str], tuple[Article, ArticleLayouts]] = LRUCache(CACHE_SIZE)

    def palette(self, theme: str) -> Palette:
        """The article palette of a theme (computing one costs a few milliseconds)."""
        if theme not in self._palettes:
            self._palettes[theme] = self._palette_for(theme)
        return self._palettes[theme]

    def get(self, article: Article, theme: str, widths: tuple[int, int]) -> ArticleLayouts:
        """The article laid out in `theme`; a file reloaded since (a new `Article`) is laid out anew."""
        palette = self.palette(theme)
        key = (article.id, theme)
        cached = self._cache.get(key)
        if cached is not None and cached[0] is article:
            return cached[1]
        body = self.library.read_body(article)
        prelude: list[RenderableType] = [header(article, palette, body.reading_minutes, body.readability.describe())]
        prelude.extend(Text(f"Note: {problem.message}", palette.notice) for problem in body.problems)
        notes = self.library.notes.for_article(article)
        layouts = ArticleLayouts(
            new_layout(prelude, body.text, palette, widths[0], self.glossary),
            new_layout([risks_and_disclaimers(article, palette, notes)], "", palette, widths[1]),
            risks_title(article, len(notes)),
            body.reading_minutes,
        )
        self._cache.set(key, (article, layouts))
        return layouts

    def prefetch_around(self, article_id: str, theme: str, widths: tuple[int, int], lines: int) -> None:
        """Lay out the first `lines` of the articles before and after this one, and their panels."""
        found = (self.library.catalogue.neighbour(article_id, step) for step in (1, -1))
        ids = {found_id for found_id in found if found_id is not None} - {article_id}
        for article in filter(None, map(self.library.get, sorted(ids))):
            layouts = self.get(article, theme, widths)
            layouts.article.ensure_lines(lines)
            layouts.risks.finish()
