"""The handout as one self-contained HTML page, to open in a browser and print.

No external assets and no scripts; a Content-Security-Policy forbids them all the same, so even a
mistake here could not load or run anything. Every piece of text goes through `html.escape`, and no
element is made from data: web addresses are shown as text, never as links.
"""

from __future__ import annotations

from html import escape

from kratom_tui.handout.content import NOT_ADVICE, Handout

STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 9pt/1.2 "Helvetica Neue", Arial, "Liberation Sans", sans-serif; color: #111; background: #fff;
       max-width: 48rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 16pt; margin: 0.2rem 0 0.3rem; line-height: 1.2; }
h2 { font-size: 11pt; margin: 0.5rem 0 0.15rem; padding-bottom: 0.1rem; border-bottom: 1px solid #999; }
p, ul, ol, dl { margin: 0.2rem 0; }
ul, ol { padding-left: 1.2rem; }
li { margin: 0.1rem 0; }
.banner { border: 1.5px solid #111; padding: 0.3rem 0.5rem; font-weight: bold; margin-bottom: 0.5rem; }
.footer { margin-top: 0.6rem; border-top: 1.5px solid #111; padding-top: 0.2rem; }
.meta, .cite, .small { color: #444; font-size: 8.5pt; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0 0.6rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
table.risks { border-collapse: collapse; }
table.risks td { padding: 0.05rem 0.4rem 0.05rem 0; vertical-align: baseline; }
.severity { font-weight: bold; font-size: 7.5pt; letter-spacing: 0.03em; white-space: nowrap; }
.severity.high { text-decoration: underline; }
.item::before { content: "\\2022\\00a0"; color: #555; }
.detail { color: #333; }
.library { font-size: 8pt; line-height: 1.2; }
.quote { font-style: italic; }
.note-text { white-space: pre-line; }
.urgent { border: 1.5px solid #111; padding: 0 0.5rem 0.2rem; margin-top: 0.5rem; break-inside: avoid; }
.urgent h2 { border: 0; margin: 0.2rem 0 0; }
.number { font-weight: bold; }
.address { color: #444; font-size: 8pt; word-break: break-all; }
.lines { border-bottom: 1px dotted #777; height: 1.3rem; }
@page { margin: 12mm 14mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  li, .footer { break-inside: avoid; }
}
"""
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'"


def _e(text: str) -> str:
    return escape(text, quote=True)


def render_html(handout: Handout) -> str:
    """The whole page; its only variable parts are escaped text."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{_e(f'Handout: {handout.title}')}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        f'<p class="banner">{_e(NOT_ADVICE)}</p>',
        f"<h1>{_e(handout.title)}</h1>",
        f'<p class="meta">{_e(" · ".join(handout.conditions))} · {_e(handout.provenance)}</p>',
        *_facts(handout),
        *_urgent(handout),
        *_section("What the page covers", [f"<p>{_e(handout.summary or 'The article gives no summary.')}</p>"]),
        *_section("Risks the page names", _risks(handout)),
        *_section("The page\u2019s own disclaimers", _run_in(handout.disclaimers, "The page states no disclaimers.")),
        *_claims(handout),
        *_safety_notes(handout),
        *_section("My notes", _reader_notes(handout)),
        *_section("Questions to ask", [_ordered(handout.questions), *('<div class="lines"></div>',) * 2]),
        *_further_reading(handout),
        f'<p class="footer"><strong>Not medical advice.</strong> {_e(handout.colophon)}</p>',
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _section(title: str, body: list[str], css: str = "") -> list[str]:
    opening = f'<section class="{css}">' if css else "<section>"
    return [opening, f"<h2>{_e(title)}</h2>", *body, "</section>"]


def _run_in(items: tuple[str, ...], empty: str) -> list[str]:
    """Short statements one after another in a paragraph, each marked, so that they take few lines."""
    if not items:
        return [f'<p class="small">{_e(empty)}</p>']
    return ["<p>" + " ".join(f'<span class="item">{_e(item)}</span>' for item in items) + "</p>"]


def _ordered(items: tuple[str, ...]) -> str:
    return "<ol>" + "".join(f"<li>{_e(item)}</li>" for item in items) + "</ol>"


def _facts(handout: Handout) -> list[str]:
    rows = [("Source", handout.source), ("Site", handout.site), ("Evidence", handout.evidence)]
    shown = [f"<dt>{_e(label)}</dt><dd>{_e(value)}</dd>" for label, value in rows if value]
    return ['<dl class="facts">', *shown, "</dl>"] if shown else []


def _risks(handout: Handout) -> list[str]:
    if not handout.risks:
        return ['<p class="small">The page names no risks.</p>']
    rows = []
    for risk in handout.risks:
        detail = f' <span class="detail">{_e(risk.detail)}</span>' if risk.detail else ""
        rows.append(
            f'<tr><td class="severity {_e(risk.severity)}">{_e(risk.severity.upper())}</td>'
            f"<td><strong>{_e(risk.name)}.</strong>{detail}</td></tr>"
        )
    return ['<table class="risks">', *rows, "</table>"]


def _claims(handout: Handout) -> list[str]:
    if not handout.claims:
        return []
    items = []
    for claim in handout.claims:
        lines = [f"<strong>{_e(claim.claim)}</strong>"]
        if claim.support:
            lines.append(f"<em>Support given:</em> {_e(claim.support)}")
        if claim.counterpoints:
            lines.append(f"<em>Library counterpoint:</em> {_e('; '.join(claim.counterpoints))}.")
        if claim.context:
            lines.append(f"<em>Library context, not a counterpoint:</em> {_e('; '.join(claim.context))}.")
        if not claim.counterpoints and not claim.context:
            lines.append("<em>No library note speaks to this claim.</em>")
        items.append("<li>" + " ".join(lines) + "</li>")
    return _section(
        "Claims to weigh: the support given, and the library notes that speak to each",
        ["<ul>", *items, "</ul>"],
        "library",
    )


def _safety_notes(handout: Handout) -> list[str]:
    if not handout.safety_notes:
        return []
    items = [
        f'<li><strong>{_e(note.label)}:</strong> {_e(note.text)} <span class="cite">{_e(note.citation)}</span>'
        f"{_address(note.address)}</li>"
        for note in handout.safety_notes
    ]
    title = "Library safety notes: dated public-health facts added by the library, not the article"
    return _section(title, ["<ul>", *items, "</ul>"], "library")


def _reader_notes(handout: Handout) -> list[str]:
    if not handout.reader_notes:
        return ['<p class="small">No notes on this article yet.</p>']
    items = []
    for note in handout.reader_notes:
        where = " (this passage is no longer in the article)" if note.detached else ""
        when = f' <span class="cite">noted {_e(note.noted)}</span>' if note.noted else ""
        quote = f'<span class="quote">\u201c{_e(note.quote)}\u201d</span>{_e(where)}'
        text = f'<br><span class="note-text">{_e(note.text)}</span>' if note.text else " (highlighted)"
        items.append(f"<li>{quote}{when}{text}</li>")
    return ["<ul>", *items, "</ul>"]


def _further_reading(handout: Handout) -> list[str]:
    if not handout.further_reading:
        return []
    items = []
    for entry in handout.further_reading:
        when = f" ({_e(entry.date)})" if entry.date else ""
        items.append(f"<li>{_e(entry.title)}, {_e(entry.publisher)}{when}.{_address(entry.address)}</li>")
    return _section("Further reading the library lists", ['<ul class="library">', *items, "</ul>"])


def _address(address: str) -> str:
    """A web address as text to read or type, not a link."""
    return f' <span class="address">{_e(address)}</span>' if address else ""


def _urgent(handout: Handout) -> list[str]:
    items = []
    for line in handout.urgent:
        number = f' <span class="number">{_e(line.number[0])}: {_e(line.number[1])}.</span>' if line.number else ""
        signs = f"{line.intro} {'; '.join(line.signs)}."
        items.append(f"<li><strong>{_e(line.title)}.</strong>{number} {_e(signs)}</li>")
    return _section("Urgent help", ["<ul>", *items, "</ul>"], "urgent")
