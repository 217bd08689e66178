"""Renderables for an article's header and for its risks and disclaimers."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.text import Text

from kratom_tui.document.palette import Palette
from kratom_tui.document.prefixed import Prefixed
from kratom_tui.library.dates import human_date
from kratom_tui.library.model import Article, Reading
from kratom_tui.library.safety_notes import SafetyNote

SEVERITY_ORDER = {"high": 0, "moderate": 1, "low": 2, None: 3}


def provenance_line(article: Article) -> str:
    """'Source dated 23 Nov 2024 · captured … · summary written …, reviewed …' in plain words.

    The next review date is left to `check`: it tells the library's keepers, not the reader, what is due.
    """
    parts = [f"Source dated {human_date(article.published)}" if article.published else "Source undated"]
    if article.captured:
        parts.append(f"captured {human_date(article.captured)}")
    summary = [f"written {human_date(article.written)}"] if article.written else []
    if article.reviewed:
        summary.append(f"reviewed {human_date(article.reviewed)}")
    if summary:
        parts.append("summary " + ", ".join(summary))
    return " · ".join(parts)


def header(article: Article, palette: Palette, minutes: int, grade: str = "") -> RenderableType:
    """Title; conditions, reading time and grade; where the text comes from and when; evidence."""
    facts = [", ".join(article.conditions), f"{minutes} min read"]
    if grade:
        facts.append(grade)
    lines: list[RenderableType] = [
        Text(article.title, palette.title),
        Text(" · ".join(facts), palette.muted),
        Text(provenance_line(article), palette.muted),
    ]
    kind = " · ".join(
        part
        for part in (article.source_type, f"site: {article.site}" if article.site else "")
        if part
    )
    for label, value in (
        ("Source", article.source),
        ("Source type", kind),
        ("Commercial interest", article.commercial_interest),
        ("Evidence", article.evidence),
    ):
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


def _labels(note_ids: tuple[str, ...], by_id: dict[str, SafetyNote]) -> str:
    return "; ".join(by_id[note_id].short for note_id in note_ids if note_id in by_id)


def _claims(article: Article, by_id: dict[str, SafetyNote], palette: Palette) -> list[RenderableType]:
    """Each claim with its support; the notes that speak to it are named by label, printed below once."""
    parts: list[RenderableType] = [Text("Claims to weigh", palette.section)]
    for claim in article.claims:
        item: list[RenderableType] = [Text(claim.claim, palette.strong)]
        if claim.support:
            item.append(Text.assemble(("Support given: ", palette.muted), claim.support))
        counter, context = _labels(claim.counter, by_id), _labels(claim.context, by_id)
        if counter:
            line = Text.assemble(("Library counterpoint: ", palette.muted), counter)
            item.append(Prefixed(line, "↳ ", style=palette.muted))
        if context:
            item.append(
                Prefixed(
                    Text.assemble(("Library context, not a counterpoint: ", palette.muted), context),
                    "↳ ",
                    style=palette.muted,
                )
            )
        if not counter and not context:
            none = Text("No library note speaks to this claim.", palette.muted)
            item.append(Prefixed(none, "↳ ", style=palette.muted))
        parts.append(Prefixed(Group(*item), "• ", style=palette.muted))
    parts.append(Text())
    return parts


def _reading(entry: Reading, palette: Palette) -> RenderableType:
    when = f" ({human_date(entry.date)})" if entry.date else ""
    lines: list[RenderableType] = [Text.assemble((entry.title, palette.strong), f" — {entry.publisher}{when}")]
    if entry.note:
        lines.append(Text(entry.note))
    where = [entry.url] if entry.url else []
    if entry.as_of:
        where.append(f"listed {human_date(entry.as_of)}")
    if where:
        lines.append(Text("; ".join(where), palette.muted))
    return Prefixed(Group(*lines), "• ", style=palette.muted)


def library_parts(article: Article, notes: list[SafetyNote], palette: Palette) -> list[RenderableType]:
    """Claims to weigh, the safety notes (each once), what the page leaves out and further reading."""
    if not (article.claims or notes or article.other_options or article.not_covered or article.further_reading):
        return []
    rule = Rule("Added by the library, not the article", style=palette.rule, characters="┄")
    parts: list[RenderableType] = [Text(), rule]
    by_id = {note.id: note for note in notes}
    if article.claims:
        parts += _claims(article, by_id, palette)
    if notes:
        parts.append(Text("Library safety notes", palette.section))
        for note in notes:
            text = Text.assemble((f"{note.short}: ", palette.strong), note.text)
            body = Group(text, Text(note.citation(), palette.muted))
            parts.append(Prefixed(body, "• ", style=palette.muted))
        parts.append(Text())
    if article.other_options:
        parts += [Text("Other options", palette.section), Text(article.other_options), Text()]
    if article.not_covered:
        parts.append(Text("Not covered by this page", palette.section))
        parts += [Prefixed(Text(line), "• ", style=palette.muted) for line in article.not_covered]
        parts.append(Text())
    if article.further_reading:
        parts.append(Text("Further reading", palette.section))
        parts += [_reading(entry, palette) for entry in article.further_reading]
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
        severity_style = palette.severity.get(risk.severity or "", palette.muted)
        line = Text.assemble((label, severity_style), " ", (risk.name, palette.strong))
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
