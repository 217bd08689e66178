"""Library-wide full-text search: SQLite FTS5 with stemming, phrases, prefixes and BM25 ranking.

Nothing here imports Textual, so the `search` command starts fast.
"""

from kratom_tui.search.index import SearchHit, SearchIndex, SearchUnavailable
from kratom_tui.search.query import ParsedQuery, parse_query

__all__ = ["ParsedQuery", "SearchHit", "SearchIndex", "SearchUnavailable", "parse_query"]
