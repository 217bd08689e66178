"""Command palette providers: open an article, go to a condition (themes come with Textual)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape

if TYPE_CHECKING:
    from kratom_tui.ui.app import ReaderApp


def highlight_plain(matcher: Matcher, candidate: str) -> Content:
    """Like `Matcher.highlight`, but the candidate is plain text: titles are never markup."""
    content = Content(candidate)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    for offset in offsets:
        content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class _LibraryProvider(Provider):
    @property
    def reader(self) -> ReaderApp:
        return cast("ReaderApp", self.app)

    def entries(self) -> list[tuple[str, str, Callable[[], object]]]:
        raise NotImplementedError

    async def discover(self) -> Hits:
        for name, help_text, callback in self.entries():
            yield DiscoveryHit(Content(name), callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self.entries():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, highlight_plain(matcher, name), callback, help=help_text)


class ArticleCommands(_LibraryProvider):
    """'Open article: <title>' for every article, fuzzy-matched on the title."""

    def entries(self) -> list[tuple[str, str, Callable[[], object]]]:
        return [
            (
                f"Open article: {title}",
                escape(", ".join(conditions)),
                partial(self.reader.open_article, article_id),
            )
            for article_id, title, conditions in self.reader.library.catalogue.entries()
        ]


class ConditionCommands(_LibraryProvider):
    """'Go to condition: <name>' moves the sidebar to that condition."""

    def entries(self) -> list[tuple[str, str, Callable[[], object]]]:
        return [
            (f"Go to condition: {name}", f"{len(pairs)} article(s)", partial(self.reader.go_to_condition, name))
            for name, pairs in self.reader.library.catalogue.groups.items()
        ]


class SafetyCommands(_LibraryProvider):
    """The urgent-help overlay, the risk overview, About, the glossary and the library's problems."""

    def entries(self) -> list[tuple[str, str, Callable[[], object]]]:
        return [
            ("Urgent help", "who to call, and warning signs (!)", self.reader.action_urgent_help),
            ("Risk overview", "every risk against the articles that name it (o)", self.reader.action_risk_overview),
            ("About this library", "aims, authors, review and update policy; not medical advice", self._about),
            ("Glossary", "plain-words meanings of the medical terms in the library (d)", self._glossary),
            (
                "Show problems",
                f"{len(self.reader.library.problems)} file problem(s) in the library",
                self.reader.action_problems,
            ),
        ]

    def _about(self) -> None:
        from kratom_tui.ui.screens.about import AboutScreen

        self.reader.push_screen(AboutScreen())

    def _glossary(self) -> None:
        from kratom_tui.ui.screens.glossary import GlossaryScreen

        self.reader.push_screen(GlossaryScreen(self.reader.library.root))
