"""Renderables for an article's header and for its risks and disclaimers."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.text import Text

from kratom_tui.document.palette import Palette
from kratom_tui.document.prefixed import Prefixed
from kratom_tui.library.model import Article

SEVERITY_ORDER = {"high": 0, "moderate": 1, "low": 2, None: 3}


def header(article: Article, palette: Palette) -> RenderableType:
    """Title, then conditions, reading time, date, source and evidence, each labelled."""
    facts = [", ".join(article.conditions), f"{article.reading_minutes()} min read"]
    if article.published:
        facts.append(f"published {article.published}")
    lines: list[RenderableType] = [
        Text(article.title, palette.title),
        Text(" · ".join(facts), palette.muted),
    ]
    for label, value in (("Source", article.source), ("Evidence", article.evidence)):
        if value:
            lines.append(Text.assemble((f"{label}: ", palette.section), value))
    lines.append(Rule(style=palette.rule))
    return Group(*lines)


def risks_title(article: Article) -> str:
    """The panel's title, which keeps the counts visible while it is collapsed."""
    risks, disclaimers = len(article.risks), len(article.disclaimers)
    return (
        f"Risks and disclaimers ({risks} risk{'s' * (risks != 1)}, "
        f"{disclaimers} disclaimer{'s' * (disclaimers != 1)})"
    )


def severity_label(severity: str | None) -> str:
    return (severity or "unrated").upper()


def risks_and_disclaimers(article: Article, palette: Palette) -> RenderableType:
    """Each risk with its severity in words and colour, then each disclaimer."""
    parts: list[RenderableType] = [Text("Risks", palette.section)]
    if not article.risks:
        parts.append(Text("This article names no risks.", palette.muted))
    width = max(len(severity_label(risk.severity)) for risk in article.risks) if article.risks else 0
    for risk in sorted(article.risks, key=lambda risk: SEVERITY_ORDER[risk.severity]):
        label = severity_label(risk.severity).ljust(width)
        line = Text.assemble((label, palette.severity.get(risk.severity or "", palette.muted)), " ", (risk.name, palette.strong))
        parts.append(line)
        if risk.detail:
            parts.append(Prefixed(Text(risk.detail), " " * (width + 1)))
    parts.append(Text())
    parts.append(Text("Disclaimers", palette.section))
    if not article.disclaimers:
        parts.append(Text("This article states no disclaimers.", palette.muted))
    for disclaimer in article.disclaimers:
        parts.append(Prefixed(Text(disclaimer), "• ", style=palette.muted))
    return Group(*parts)
