"""Notes as text that leaves the reader: a listing, JSON rows, and markdown to hand over.

Quotes and notes are the user's and the articles' words, so in markdown every character that could
make a link, an image, HTML or a heading is escaped: the file reads as written wherever it is shown.
"""

from __future__ import annotations

import datetime as dt
import re

from kratom_tui.library.citation import citation
from kratom_tui.library.model import Article
from kratom_tui.library.sanitize import one_line, strip_controls
from kratom_tui.notes.model import Note

_INLINE = re.compile(r"([\\`*_\[\]<>|~!&])")
"""Emphasis, code, links and images, HTML and entities, tables, strikethrough."""
_BLOCK_MARK = re.compile(r"^(\s*)([#+=-])", re.MULTILINE)
_NUMBERED = re.compile(r"^(\s*)(\d+)([.)])", re.MULTILINE)
"""Headings, lists and underlines, which mean something only at the start of a line."""


def escape_markdown(text: str) -> str:
    """`text` with every character markdown would give a meaning to escaped, and no control characters."""
    text = _INLINE.sub(r"\\\1", strip_controls(text))
    return _NUMBERED.sub(r"\1\2\\\3", _BLOCK_MARK.sub(r"\1\\\2", text))


def when(stamp: float) -> str:
    return dt.datetime.fromtimestamp(stamp).strftime("%Y-%m-%d %H:%M")


def by_article(notes: list[Note]) -> dict[str, list[Note]]:
    """Notes grouped by article, the article with the newest note first (notes come newest first)."""
    groups: dict[str, list[Note]] = {}
    for note in notes:
        groups.setdefault(note.article_id, []).append(note)
    return groups


def json_row(note: Note, article: Article | None) -> dict[str, object]:
    return {
        "id": note.id,
        "article": note.article_id,
        "title": article.title if article else None,
        "quote": note.quote,
        "prefix": note.prefix,
        "suffix": note.suffix,
        "text": note.text,
        "highlight": note.is_highlight,
        "detached": note.detached,
        "created": dt.datetime.fromtimestamp(note.created).isoformat(timespec="seconds"),
        "updated": dt.datetime.fromtimestamp(note.updated).isoformat(timespec="seconds"),
    }


def listing(notes: list[Note], articles: dict[str, Article]) -> str:
    """Notes as plain text for a terminal or a pipe: one group per article, each note indented."""
    lines: list[str] = []
    for article_id, group in by_article(notes).items():
        article = articles.get(article_id)
        title = one_line(article.title) if article else "(not in this library)"
        lines.append(f"{one_line(article_id)} — {title}")
        for note in group:
            state = " · detached: its passage is no longer in the article" if note.detached else ""
            kind = "highlight" if note.is_highlight else "note"
            lines.append(f"  #{note.id} {kind}, {when(note.updated)}{state}")
            lines.append(f"    “{one_line(note.quote)}”")
            lines.extend(f"    {line}" for line in strip_controls(note.text).splitlines() if line.strip())
        lines.append("")
    return "\n".join(lines)


def markdown(notes: list[Note], articles: dict[str, Article], made: dt.date | None = None) -> str:
    """Every note as markdown: per article its citation, then each quote and the reader's words."""
    made = made or dt.date.today()
    out = [
        "# My notes from kratom-tui",
        "",
        f"Exported {made.isoformat()}. The quotes are from the articles; the notes are my own. "
        "This is not medical advice.",
        "",
    ]
    for article_id, group in by_article(notes).items():
        article = articles.get(article_id)
        out.append(f"## {escape_markdown(one_line(article.title if article else article_id))}")
        out.append("")
        out.append(escape_markdown(citation(article)) if article else "*Not in this library.*")
        out.append("")
        for note in group:
            if note.detached:
                out += ["*Detached: this passage is no longer in the article.*", ""]
            out.append("> " + escape_markdown(one_line(note.quote)))
            out.append("")
            words = [escape_markdown(line) for line in strip_controls(note.text).splitlines() if line.strip()]
            out += [*words, ""] if words else ["*Highlight.*", ""]
            out += [f"*{'Highlight' if note.is_highlight else 'Note'} of {when(note.updated)}*", ""]
    return "\n".join(out).rstrip() + "\n"
