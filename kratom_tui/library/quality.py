"""A DISCERN-style quality report: which trust elements each article carries, and which it lacks.

DISCERN asks whether a health text states its aims, names and dates its sources, is balanced,
names other options, says what it does not cover and points to further help. The library cannot
score the source page, but it can make sure its own account of each page carries every element.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kratom_tui.library.model import Article

PROVENANCE = ("captured", "site", "source_type", "commercial_interest", "written", "reviewed", "next_review")
"""The front-matter fields that say where an article's text comes from and when it was written."""


def _source_named_and_dated(article: Article, _body: str) -> bool:
    return bool(article.source) and (bool(article.published) or "undated" in article.source.casefold())


def _balance(article: Article, _body: str) -> bool:
    return (
        bool(article.claims)
        and all(claim.support for claim in article.claims)
        and any(claim.counter for claim in article.claims)
    )


def _not_advice(article: Article, body: str) -> bool:
    texts = [*article.disclaimers, body]
    return any("medical advice" in " ".join(text.split()).casefold() for text in texts)


ELEMENTS: tuple[tuple[str, str, Callable[[Article, str], bool]], ...] = (
    ("aims", "aims stated (a summary)", lambda a, _body: bool(a.summary)),
    ("source", "source named and dated (or said to be undated)", _source_named_and_dated),
    (
        "provenance",
        "provenance and review dates (" + ", ".join(PROVENANCE) + ")",
        lambda a, _body: all(getattr(a, f) for f in PROVENANCE),
    ),
    ("evidence", "evidence label", lambda a, _body: bool(a.evidence)),
    ("risks", "risks", lambda a, _body: bool(a.risks)),
    ("balance", "balance (claims to weigh, each with its support, some with counterpoints)", _balance),
    ("other_options", "other options named", lambda a, _body: bool(a.other_options)),
    ("not_covered", "what the page does not cover", lambda a, _body: bool(a.not_covered)),
    ("further_reading", "further reading", lambda a, _body: bool(a.further_reading)),
    ("not_advice", '"not medical advice" stated', _not_advice),
)


@dataclass(frozen=True)
class ArticleQuality:
    article: Article
    present: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def passes(self) -> bool:
        return not self.missing


def assess(article: Article, body: str) -> ArticleQuality:
    """Which elements `article` (with its body's text) carries."""
    present: list[str] = []
    missing: list[str] = []
    for key, _label, test in ELEMENTS:
        (present if test(article, body) else missing).append(key)
    return ArticleQuality(article, tuple(present), tuple(missing))


def label(key: str) -> str:
    return next(text for name, text, _test in ELEMENTS if name == key)


def report_rows(articles: list[Article], bodies: dict[str, str]) -> list[dict]:
    """One row per article for `check --quality --json`."""
    rows = []
    for quality in (assess(article, bodies[article.id]) for article in articles):
        rows.append(
            {
                "id": quality.article.id,
                "passes": quality.passes,
                "present": list(quality.present),
                "missing": [{"element": key, "label": label(key)} for key in quality.missing],
            }
        )
    return rows


def report_lines(articles: list[Article], bodies: dict[str, str]) -> list[str]:
    """`id: all N elements` or `id: missing: element (what it means), ...` per article."""
    lines = []
    for quality in (assess(article, bodies[article.id]) for article in articles):
        if quality.passes:
            lines.append(f"{quality.article.id}: all {len(ELEMENTS)} elements")
        else:
            missing = "; ".join(f"{key} ({label(key)})" for key in quality.missing)
            lines.append(f"{quality.article.id}: missing {len(quality.missing)} of {len(ELEMENTS)}: {missing}")
    return lines
