"""Decide what following a link in an article may do.

Only four outcomes exist: open another article of the library, scroll to a heading, open a web
address after the reader confirms, or refuse. Local files and other schemes are never opened.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from kratom_tui.library import Library
from kratom_tui.library.model import Article
from kratom_tui.library.sanitize import display_name


@dataclass(frozen=True)
class OpenArticle:
    article_id: str
    anchor: str = ""


@dataclass(frozen=True)
class ScrollToAnchor:
    anchor: str


@dataclass(frozen=True)
class OpenExternal:
    url: str


@dataclass(frozen=True)
class Refuse:
    reason: str


LinkAction = OpenArticle | ScrollToAnchor | OpenExternal | Refuse


def resolve_link(href: str, article: Article, library: Library) -> LinkAction:
    href = href.strip()
    if not href:
        return Refuse("The link has no target.")
    parts = urlsplit(href)
    if parts.scheme in ("http", "https"):
        if not parts.netloc:
            return Refuse(f"Not a complete web address: {display_name(href)}")
        return OpenExternal(href)
    if parts.scheme:
        return Refuse(f"Links of type '{display_name(parts.scheme)}:' are not opened.")
    anchor = unquote(parts.fragment)
    if not parts.path:
        return ScrollToAnchor(anchor)
    path = unquote(parts.path)
    shown = display_name(Path(path).name)
    if "\x00" in path:
        return Refuse(f"No article of the library is at {shown}.")
    # The same gate the files are opened through: resolved, and inside the library folder.
    if library.files.real_path(article.path.parent / path) is None:
        return Refuse("The link points outside the library folder.")
    article_id = library.id_at(article.path.parent / path)
    if article_id is not None:
        return OpenArticle(article_id, anchor)
    return Refuse(f"No article of the library is at {shown}.")
