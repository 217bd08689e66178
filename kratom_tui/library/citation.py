"""One line that says where a passage comes from, for text that leaves the reader (copies, exports)."""

from __future__ import annotations

from kratom_tui.library.dates import human_date
from kratom_tui.library.model import Article
from kratom_tui.library.sanitize import one_line


def citation(article: Article) -> str:
    """'— Title. Source, 2 Jan 2024. Via kratom-tui.' with what the article says of itself."""
    parts = [one_line(article.title)]
    said = (article.source or article.site, human_date(article.published))
    where = ", ".join(one_line(part) for part in said if part)
    parts.append(where or "Source not given")
    return "— " + ". ".join(parts) + ". Via kratom-tui."
