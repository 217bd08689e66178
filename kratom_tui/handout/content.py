"""What a handout holds, worked out once from the article so that every format says the same thing.

The handout is for a visit: it carries what the page claims and every risk and disclaimer it states,
what the library adds (claims weighed against its safety notes, each note with its source and date),
the reader's own notes, questions to ask, where to get urgent help, and that none of it is advice.
All text here is plain (controls removed); each renderer escapes it for its own format.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markdown_it import MarkdownIt

from kratom_tui import __version__
from kratom_tui.document.article_parts import SEVERITY_ORDER, provenance_line
from kratom_tui.handout.questions import questions_to_ask
from kratom_tui.library.dates import human_date
from kratom_tui.library.model import Article, Body
from kratom_tui.library.safety_notes import SafetyNote
from kratom_tui.library.sanitize import display_name, one_line, strip_controls
from kratom_tui.notes.model import Note
from kratom_tui.settings import Settings
from kratom_tui.urgent_help import UrgencyCard, cards

NOT_ADVICE = (
    "Not medical advice. This handout sums up what one web page says about kratom, with the library's "
    "dated safety notes, so that it can be talked over with a clinician. It does not recommend kratom or any dose."
)
SUMMARY_FROM_BODY = 2_000
"""Characters of the body read for a summary when the article has none of its own."""


@dataclass(frozen=True)
class RiskLine:
    name: str
    detail: str
    severity: str
    """high, moderate, low or unrated."""


@dataclass(frozen=True)
class ClaimLine:
    claim: str
    support: str
    counterpoints: tuple[str, ...]
    """Labels of the safety notes that speak against the claim."""
    context: tuple[str, ...]
    """Labels of the notes that bear on it without countering it."""


@dataclass(frozen=True)
class SafetyLine:
    label: str
    text: str
    citation: str
    address: str


@dataclass(frozen=True)
class ReaderNote:
    quote: str
    text: str
    detached: bool
    """The passage is no longer in the article; the quote is kept as it was."""
    noted: str


@dataclass(frozen=True)
class FurtherReading:
    title: str
    publisher: str
    date: str
    address: str


@dataclass(frozen=True)
class Handout:
    article_id: str
    title: str
    conditions: tuple[str, ...]
    provenance: str
    source: str
    site: str
    evidence: str
    summary: str
    risks: tuple[RiskLine, ...]
    disclaimers: tuple[str, ...]
    claims: tuple[ClaimLine, ...]
    safety_notes: tuple[SafetyLine, ...]
    reader_notes: tuple[ReaderNote, ...]
    questions: tuple[str, ...]
    further_reading: tuple[FurtherReading, ...]
    urgent: tuple[UrgencyCard, ...]
    made: str
    made_with: str

    @property
    def colophon(self) -> str:
        """What the handout is made from, when and with what: the last line of every format."""
        return (
            f"Made on {self.made} with {self.made_with} from the library article \u201c{self.article_id}\u201d, "
            "a summary of a web page in the library\u2019s own words."
        )


def build_handout(
    article: Article,
    body: Body | None,
    safety_notes: list[SafetyNote],
    notes: list[Note],
    settings: Settings,
    made: dt.date | None = None,
) -> Handout:
    """The handout of `article`; `notes` are the reader's own on it, in any order."""
    by_id = {note.id: note for note in safety_notes}

    def labels(note_ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(by_id[note_id].short for note_id in note_ids if note_id in by_id)

    risks = sorted(article.risks, key=lambda risk: SEVERITY_ORDER[risk.severity])
    return Handout(
        article_id=display_name(article.id),
        title=one_line(article.title),
        conditions=tuple(one_line(condition) for condition in article.conditions),
        provenance=provenance_line(article),
        source=one_line(article.source),
        site=one_line(article.site),
        evidence=one_line(article.evidence),
        summary=one_line(article.summary) or _first_paragraph(body.text if body else ""),
        risks=tuple(RiskLine(one_line(r.name), one_line(r.detail), r.severity or "unrated") for r in risks),
        disclaimers=tuple(one_line(disclaimer) for disclaimer in article.disclaimers),
        claims=tuple(
            ClaimLine(one_line(c.claim), one_line(c.support), labels(c.counter), labels(c.context))
            for c in article.claims
        ),
        safety_notes=tuple(
            SafetyLine(note.short, one_line(note.text), _short_citation(note), note.source.url) for note in safety_notes
        ),
        reader_notes=tuple(_reader_note(note) for note in sorted(notes, key=_in_reading_order)),
        questions=questions_to_ask(article),
        further_reading=tuple(
            FurtherReading(one_line(entry.title), one_line(entry.publisher), human_date(entry.date), entry.url)
            for entry in article.further_reading
        ),
        urgent=cards(settings),
        made=human_date((made or dt.date.today()).isoformat()),
        made_with=f"kratom-tui {__version__}",
    )


def _short_citation(note: SafetyNote) -> str:
    """Publisher and date (the address is kept apart): enough to find the source again, short enough for paper."""
    source = note.source
    when = human_date(source.date) if source.date else str(source.year) if source.year else "a living page"
    return f"Source: {one_line(source.publisher)} ({when}); checked on {human_date(note.as_of)}."


def _in_reading_order(note: Note) -> tuple[bool, int, int, float]:
    """Notes as they come in the article; those whose passage is gone at the end."""
    return (note.detached, note.block, note.offset, note.created)


def _reader_note(note: Note) -> ReaderNote:
    noted = dt.datetime.fromtimestamp(note.created).date().isoformat() if note.created > 0 else ""
    return ReaderNote(
        quote=one_line(note.quote),
        text=strip_controls(note.text).strip(),
        detached=note.detached,
        noted=human_date(noted),
    )


def _first_paragraph(markdown: str) -> str:
    """The text of the body's first paragraph, its markup reduced to words (for an article with no summary)."""
    tokens = MarkdownIt("commonmark").parse(markdown[:SUMMARY_FROM_BODY])
    for opening, inline in zip(tokens, tokens[1:], strict=False):
        if opening.type == "paragraph_open" and inline.type == "inline":
            words = [
                child.content if child.type in ("text", "code_inline") else " "
                for child in inline.children or []
                if child.type in ("text", "code_inline", "softbreak", "hardbreak")
            ]
            return one_line("".join(words))
    return ""
