"""The app's side of library search: builds the index in a worker and answers queries safely."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from kratom_tui.library import Library

if TYPE_CHECKING:
    # The index (and SQLite) is imported by the worker that builds it, after the first frame.
    from kratom_tui.search import SearchHit, SearchIndex

MIN_FIND_PREFIX = 4


class SearchService:
    """Holds the index once it is open; until then (or without FTS5) says why there are no results."""

    def __init__(self) -> None:
        self.index: SearchIndex | None = None
        self.problem: str | None = None
        self.progress = (0, 0)
        self.ready = threading.Event()

    def build(self, library: Library, progress: Callable[[int, int], None]) -> str | None:
        """Open and update the index (in a worker thread); returns a notice for the reader, if any."""
        from kratom_tui.search import SearchIndex, SearchUnavailable

        def track(done: int, total: int) -> None:
            self.progress = (done, total)
            progress(done, total)

        try:
            index = SearchIndex.open(library.root)
            # From the files on disk, as `kratom-tui search` does (nothing is asked of the loaded
            # library); at each start of the app, every file's size and time are compared.
            index.refresh(track, every_file=True)
        except SearchUnavailable as error:
            self.problem = str(error)
            return self.problem
        finally:
            self.ready.set()
        self.index = index
        return index.notice

    def search(self, query: str, limit: int) -> tuple[list[SearchHit], str]:
        """Hits and a one-line status; never raises for any text typed."""
        from kratom_tui.search import parse_query

        if not query.strip():
            return [], "Type to search titles, summaries, bodies, risks and disclaimers."
        if self.problem:
            return [], f"Search is unavailable: {self.problem}"
        if self.index is None:
            done, total = self.progress
            return [], f"Building the search index ({done} of {total} articles)…"
        parsed = parse_query(query)
        hits = self.index.search(query, limit=limit + 1)
        left_out = f" ({parsed.notice})" if parsed.notice else ""
        if not hits:
            where = f" under '{parsed.condition}'" if parsed.condition else ""
            return [], f"No article matches{where}.{left_out}"
        if len(hits) > limit:
            return hits[:limit], f"The best {limit} of more than {limit} articles; add words to narrow it{left_out}"
        return hits, f"{len(hits)} article{'s' * (len(hits) != 1)}, best first{left_out}"

    def find_text(self, query: str, text: str) -> str:
        """What to put in the reader's find bar so that it lands on what the search matched in `text`.

        Search matches word stems ("legs" finds "leg"), the find bar literal text. First the words
        together (a phrase, or all the terms in a row: `red vein`), then each term at the start of a
        word (so `red` is not found inside "tiredness"), as typed and then shorter, down to four letters.
        """
        from kratom_tui.search import parse_query

        terms = [term.strip('"*') for term in parse_query(query).terms if term.strip('"*')]
        for together in [" ".join(terms), *(term for term in terms if " " in term)]:
            if together and re.search(rf"\b{re.escape(together)}\b", text, re.IGNORECASE):
                return together
        for term in terms:
            for length in range(len(term), min(len(term), MIN_FIND_PREFIX) - 1, -1):
                if re.search(rf"\b{re.escape(term[:length])}", text, re.IGNORECASE):
                    return term[:length]
        return terms[0] if terms else ""

    def close(self) -> None:
        if self.index is not None:
            self.index.close()
