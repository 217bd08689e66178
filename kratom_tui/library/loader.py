"""Load a library folder: articles from the files that are usable, problems for the rest."""

from __future__ import annotations

import difflib
import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kratom_tui.library.frontmatter import parse_front_matter
from kratom_tui.library.head_cache import HeadCache, cache_path
from kratom_tui.library.model import UNCATEGORIZED, Article, Problem
from kratom_tui.library.reading import read_head
from kratom_tui.library.safety_notes import SafetyNotes, load_safety_notes
from kratom_tui.library.scan import find_markdown


@dataclass
class Library:
    root: Path
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: SafetyNotes = field(default_factory=SafetyNotes)

    def __post_init__(self) -> None:
        self._by_id = {article.id: article for article in self.articles}

    def get(self, article_id: str) -> Article | None:
        return self._by_id.get(article_id)

    def closest_ids(self, article_id: str, count: int = 3) -> list[str]:
        return difflib.get_close_matches(article_id, list(self._by_id), n=count, cutoff=0.4)

    def by_condition(self) -> dict[str, list[Article]]:
        """Condition name -> its articles by title; conditions sorted, case-insensitively."""
        groups: dict[str, list[Article]] = defaultdict(list)
        for article in self.articles:
            for condition in article.conditions:
                groups[condition].append(article)
        return {
            name: sorted(groups[name], key=lambda article: article.title.casefold())
            for name in sorted(groups, key=str.casefold)
        }


def _title_from_name(path: Path) -> str:
    return path.stem.replace("_", " ").replace("-", " ").strip().capitalize() or path.name


def load_article(path: Path, root: Path, problems: list[Problem]) -> Article | None:
    """Read one file's head into an Article; None (with problems) when it cannot be used."""
    head = read_head(path)
    problems.extend(head.problems)
    if head.skip:
        return None
    values: dict = {}
    extra: dict = {}
    if head.front_matter is not None:
        fields = parse_front_matter(head.front_matter, path)
        problems.extend(fields.problems)
        if fields.broken:
            return None
        if fields.not_front_matter:
            head.body_offset, head.body_line = 0, 1
        values, extra = fields.values, fields.extra
    title = values.pop("title", None) or head.first_heading or _title_from_name(path)
    return Article(
        id=path.stem,
        path=path,
        title=title,
        conditions=values.pop("conditions", None) or (UNCATEGORIZED,),
        extra=extra,
        body_offset=head.body_offset,
        body_line=head.body_line,
        **values,
    )


def load_library(root: Path, cache: bool = False) -> Library:
    """Load every `*.md` under `root`; nothing raises, each failure becomes a Problem.

    With `cache`, what was learned from unchanged files (same size and modification time) is taken
    from the user cache folder instead of parsing their front matter again.
    """
    problems: list[Problem] = []
    articles: list[Article] = []
    taken: set[str] = set()
    heads = HeadCache(cache_path(root) if cache else None)
    present: set[str] = set()
    for path, stat in find_markdown(root, problems):
        article, file_problems = _load_cached(path, stat, root, heads)
        present.add(str(path))
        problems.extend(file_problems)
        if article is None:
            continue
        if article.id in taken:
            unique = path.relative_to(root).with_suffix("").as_posix()
            problems.append(
                Problem(path, 1, f"another article already has id '{article.id}'; using '{unique}'", "warning")
            )
            article.id = unique
        taken.add(article.id)
        articles.append(article)
    heads.commit(present)
    heads.close()
    notes = load_safety_notes(root)
    problems.extend(notes.problems)
    problems.extend(notes.check_references(articles))
    return Library(root, articles, problems, notes)


def _load_cached(
    path: Path, stat: os.stat_result | None, root: Path, heads: HeadCache
) -> tuple[Article | None, list[Problem]]:
    if stat is not None:
        cached = heads.lookup(path, stat.st_size, stat.st_mtime_ns)
        if cached is not None:
            return cached
    file_problems: list[Problem] = []
    article = load_article(path, root, file_problems)
    if stat is not None:
        heads.store(path, stat.st_size, stat.st_mtime_ns, article, file_problems)
    return article, file_problems
