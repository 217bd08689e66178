"""Renderables for an article's header and for its risks and disclaimers."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.text import Text

from kratom_tui.document.palette import Palette
from kratom_tui.document.prefixed import Prefixed
from kratom_tui.library.model import Article
from kratom_tui.library.safety_notes import SafetyNote

SEVERITY_ORDER = {"high": 0, "moderate": 1, "low": 2, None: 3}


def header(article: Article, palette: Palette, minutes: int) -> RenderableType:
    """Title, then conditions, reading time, date, source and evidence, each labelled."""
    facts = [", ".join(article.conditions), f"{minutes} min read"]
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


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"


def risks_title(article: Article, notes: int = 0) -> str:
    """The panel's title, which keeps the counts visible while it is collapsed."""
    counts = [_count(len(article.risks), "risk"), _count(len(article.disclaimers), "disclaimer")]
    if article.claims:
        counts.append(_count(len(article.claims), "claim"))
    if notes:
        counts.append(_count(notes, "safety note"))
    return f"Risks and disclaimers ({', '.join(counts)})"


def severity_label(severity: str | None) -> str:
    return (severity or "unrated").upper()


def _cited(note: SafetyNote, palette: Palette) -> Text:
    return Text(f"Source: {note.source.cite()}; as of {note.as_of}.", palette.muted)


def library_parts(article: Article, notes: list[SafetyNote], palette: Palette) -> list[RenderableType]:
    """Claims to weigh and the library's safety notes, set apart from what the article itself says."""
    parts: list[RenderableType] = []
    if not article.claims and not notes:
        return parts
    parts += [Text(), Rule("Added by the library, not the article", style=palette.rule, characters="┄")]
    by_id = {note.id: note for note in notes}
    if article.claims:
        parts.append(Text("Claims to weigh", palette.section))
        for claim in article.claims:
            item: list[RenderableType] = [Text(claim.claim, palette.strong)]
            if claim.support:
                item.append(Text.assemble(("Support given: ", palette.muted), claim.support))
            for note_id in claim.counter:
                note = by_id.get(note_id)
                if note is not None:
                    item.append(Prefixed(Group(Text(note.text), _cited(note, palette)), "↳ ", style=palette.muted))
            parts.append(Prefixed(Group(*item), "• ", style=palette.muted))
        parts.append(Text())
    cited = {note_id for claim in article.claims for note_id in claim.counter}
    others = [note for note in notes if note.id not in cited]
    if others:
        heading = "Other library safety notes" if cited & set(by_id) else "Library safety notes"
        parts.append(Text(heading, palette.section))
        for note in others:
            parts.append(Prefixed(Group(Text(note.text), _cited(note, palette)), "• ", style=palette.muted))
    return parts


def risks_and_disclaimers(
    article: Article, palette: Palette, notes: list[SafetyNote] | None = None
) -> RenderableType:
    """Each risk with its severity in words and colour, each disclaimer, then the library's parts."""
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
    parts.extend(library_parts(article, notes or [], palette))
    return Group(*parts)
