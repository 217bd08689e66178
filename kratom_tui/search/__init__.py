"""Library-wide full-text search: SQLite FTS5 with stemming, phrases, prefixes and BM25 ranking.

Nothing here imports Textual, so the `search` command starts fast. The names below are imported
when first used, so that the query language (`search.query`) comes without SQLite.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kratom_tui.search.index import SearchHit, SearchIndex, SearchUnavailable
    from kratom_tui.search.query import ParsedQuery, parse_query

_HOME = {
    "SearchHit": "index",
    "SearchIndex": "index",
    "SearchUnavailable": "index",
    "ParsedQuery": "query",
    "parse_query": "query",
}

__all__ = ["ParsedQuery", "SearchHit", "SearchIndex", "SearchUnavailable", "parse_query"]


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
