"""The handout as a sequence of headings, paragraphs and lists, for the formats made of plain lines.

Markdown and plain text say the same things in the same order; only how a heading, a list or a bold
word is written differs, so each of them renders this outline rather than the handout itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from kratom_tui.handout.content import NOT_ADVICE, ClaimLine, FurtherReading, Handout

Span = tuple[str, str]
"""(style, text): style is "" for plain text, "strong", "em", or "address" for a web address."""
Line = tuple[Span, ...]


@dataclass(frozen=True)
class Block:
    kind: str
    """heading (level 1 or 2), paragraph, bullets or numbered."""
    lines: tuple[Line, ...]
    level: int = 2


def _plain(text: str) -> Line:
    return (("", text),)


def _heading(text: str, level: int = 2) -> Block:
    return Block("heading", (_plain(text),), level)


def _paragraph(*spans: Span) -> Block:
    return Block("paragraph", (tuple(spans),))


def outline(handout: Handout) -> list[Block]:
    blocks = [
        _paragraph(("strong", NOT_ADVICE)),
        _heading(handout.title, 1),
        _paragraph(("em", f"{' · '.join(handout.conditions)} · {handout.provenance}")),
    ]
    rows = (("Source", handout.source), ("Site", handout.site), ("Evidence", handout.evidence))
    facts = [(label, value) for label, value in rows if value]
    if facts:
        blocks.append(Block("bullets", tuple((("strong", f"{label}:"), ("", f" {value}")) for label, value in facts)))
    blocks += [_heading("Urgent help"), Block("bullets", tuple(_urgent(handout)))]
    blocks += [_heading("What the page covers"), _paragraph(("", handout.summary or "The article gives no summary."))]
    blocks.append(_heading("Risks the page names"))
    if handout.risks:
        risks = [
            (("strong", f"{risk.severity.upper()}: {risk.name}."), ("", f" {risk.detail}" if risk.detail else ""))
            for risk in handout.risks
        ]
        blocks.append(Block("bullets", tuple(risks)))
    else:
        blocks.append(_paragraph(("em", "The page names no risks.")))
    blocks.append(_heading("The page\u2019s own disclaimers"))
    if handout.disclaimers:
        blocks.append(Block("bullets", tuple(_plain(item) for item in handout.disclaimers)))
    else:
        blocks.append(_paragraph(("em", "The page states no disclaimers.")))
    if handout.claims:
        blocks += [_heading("Claims to weigh: the support given, and the library notes that speak to each")]
        blocks.append(Block("bullets", tuple(_claim(claim) for claim in handout.claims)))
    if handout.safety_notes:
        blocks.append(_heading("Library safety notes: dated public-health facts added by the library, not the article"))
        notes = [
            (("strong", f"{note.label}:"), ("", f" {note.text} "), ("em", note.citation), *_address(note.address))
            for note in handout.safety_notes
        ]
        blocks.append(Block("bullets", tuple(notes)))
    blocks += [_heading("My notes"), *_reader_notes(handout)]
    blocks += [_heading("Questions to ask"), Block("numbered", tuple(_plain(q) for q in handout.questions))]
    if handout.further_reading:
        blocks.append(_heading("Further reading the library lists"))
        blocks.append(Block("bullets", tuple(_reading(entry) for entry in handout.further_reading)))
    blocks.append(_paragraph(("strong", "Not medical advice."), ("", f" {handout.colophon}")))
    return blocks


def _urgent(handout: Handout) -> list[Line]:
    lines: list[Line] = []
    for line in handout.urgent:
        number = f" {line.number[0]}: {line.number[1]}." if line.number else ""
        lines.append((("strong", f"{line.title}.{number}"), ("", f" {line.intro} {'; '.join(line.signs)}.")))
    return lines


def _claim(claim: ClaimLine) -> Line:
    spans: list[Span] = [("strong", claim.claim)]
    if claim.support:
        spans += [("em", " Support given:"), ("", f" {claim.support}")]
    if claim.counterpoints:
        spans += [("em", " Library counterpoint:"), ("", f" {'; '.join(claim.counterpoints)}.")]
    if claim.context:
        spans += [("em", " Library context, not a counterpoint:"), ("", f" {'; '.join(claim.context)}.")]
    if not claim.counterpoints and not claim.context:
        spans.append(("em", " No library note speaks to this claim."))
    return tuple(spans)


def _reader_notes(handout: Handout) -> list[Block]:
    if not handout.reader_notes:
        return [_paragraph(("em", "No notes on this article yet."))]
    lines: list[Line] = []
    for note in handout.reader_notes:
        spans: list[Span] = [("em", f"\u201c{note.quote}\u201d")]
        if note.detached:
            spans.append(("", " (this passage is no longer in the article)"))
        if note.noted:
            spans.append(("", f", noted {note.noted}"))
        spans.append(("", f": {note.text}" if note.text else " (highlighted)"))
        lines.append(tuple(spans))
    return [Block("bullets", tuple(lines))]


def _address(address: str) -> tuple[Span, ...]:
    return (("", " "), ("address", address)) if address else ()


def _reading(entry: FurtherReading) -> Line:
    when = f" ({entry.date})" if entry.date else ""
    return (("", f"{entry.title}, {entry.publisher}{when}."), *_address(entry.address))
