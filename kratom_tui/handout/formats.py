"""The formats a handout is written in, by name, as the command line and the app ask for them."""

from __future__ import annotations

from collections.abc import Callable

from kratom_tui.handout.as_html import render_html
from kratom_tui.handout.as_markdown import render_markdown
from kratom_tui.handout.as_text import render_text
from kratom_tui.handout.content import Handout

RENDERERS: dict[str, Callable[[Handout], str]] = {"html": render_html, "md": render_markdown, "text": render_text}
SUFFIXES = {"html": ".html", "md": ".md", "text": ".txt"}
FORMATS = tuple(RENDERERS)


def render(handout: Handout, format_name: str) -> str:
    return RENDERERS[format_name](handout)
