"""Load a library folder: articles from the files that are usable, problems for the rest."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from kratom_tui.library.catalogue import Catalogue, read_catalogue, save_catalogue
from kratom_tui.library.frontmatter import parse_front_matter
from kratom_tui.library.head_cache import HeadCache
from kratom_tui.library.model import UNCATEGORIZED, Article, Body, Problem
from kratom_tui.library.reading import read_body, read_head
from kratom_tui.library.safety_notes import SafetyNotes, load_safety_notes
from kratom_tui.library.scan import find_markdown
from kratom_tui.locations import heads_cache_file


class LibraryIncomplete(RuntimeError):
    """Asked for every article of a library that was started from its catalogue."""


class Library:
    """The articles of one folder and the problems found reading it.

    `load_library` reads every file and holds every article. `start_library` may instead begin from
    the catalogue saved by the last load: then nothing is read until an article is asked for, and
    the app swaps in a full load made behind its first frame (`complete` tells which it is).
    """

    def __init__(
        self, root: Path, catalogue: Catalogue, notes: SafetyNotes, articles: list[Article] | None = None
    ) -> None:
        self.root = root
        self.catalogue = catalogue
        self.notes = notes
        self._articles = articles
        self._by_id = {article.id: article for article in articles or ()}
        self._by_path: dict[str, str] | None = None

    @property
    def complete(self) -> bool:
        return self._articles is not None

    @property
    def problems(self) -> list[Problem]:
        return self.catalogue.problems

    @property
    def articles(self) -> list[Article]:
        """Every article of a complete library; one started from its catalogue must be loaded first."""
        if self._articles is None:
            raise LibraryIncomplete("started from the catalogue: call load_library() for every article")
        return self._articles

    def read_body(self, article: Article) -> Body:
        """The article's body as the file holds it now (explicit: this reads the disk)."""
        return read_body(article.path, article.body_offset, article.body_line)

    def get(self, article_id: str) -> Article | None:
        article = self._by_id.get(article_id)
        if article is None and self._articles is None and article_id in self.catalogue.paths:
            # Started from the catalogue: read this one file now, as it is on disk today.
            article = load_article(self.root / self.catalogue.paths[article_id], [])
            if article is not None:
                article.id = article_id
                self._by_id[article_id] = article
        return article

    def reload(self, article_id: str) -> Article | None:
        """Read one article's head again after its file changed; None if it can no longer be used."""
        old = self.get(article_id)
        article = load_article(old.path, []) if old is not None else None
        if old is None or article is None:
            return None
        article.id = article_id
        self._by_id[article_id] = article
        if self._articles is not None:
            self._articles[self._articles.index(old)] = article
        return article

    def first_openable(self, preferred: str | None) -> str | None:
        """`preferred` if it can still be opened, else the first article that can (a catalogue may be stale)."""
        order = self.catalogue.order()
        if preferred in order and self.get(preferred) is not None:
            return preferred
        return next((found for found in order if self.get(found) is not None), None)

    def id_at(self, path: Path) -> str | None:
        """The id of the article whose file is `path` (any spelling of it), if it is in the library."""
        if self._by_path is None:
            self._by_path = {relative: article_id for article_id, relative in self.catalogue.paths.items()}
        target = path.resolve()
        root = self.root.resolve()
        if root in target.parents:
            found = self._by_path.get(target.relative_to(root).as_posix())
            if found is not None:
                return found
        # Reached through a link inside the library: compare real paths (slow, but rare).
        for relative, article_id in self._by_path.items():
            if (self.root / relative).resolve() == target:
                return article_id
        return None

    def closest_ids(self, article_id: str, count: int = 3) -> list[str]:
        return difflib.get_close_matches(article_id, list(self.catalogue.paths), n=count, cutoff=0.4)


def _title_from_name(path: Path) -> str:
    return path.stem.replace("_", " ").replace("-", " ").strip().capitalize() or path.name


def load_article(path: Path, problems: list[Problem]) -> Article | None:
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
    title = values.pop("title", None) or head.first_heading() or _title_from_name(path)
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
    heads = HeadCache(heads_cache_file(root) if cache else None)
    present: set[str] = set()
    for path, stat in find_markdown(root, problems):
        article, file_problems = _load_cached(path, stat, heads)
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
    catalogue = Catalogue.of(root, articles, problems)
    if cache:
        save_catalogue(root, catalogue)
    return Library(root, catalogue, notes, articles)


def start_library(root: Path) -> Library:
    """The library for the app to open with: from its saved catalogue when there is one, else loaded."""
    catalogue = read_catalogue(root)
    if catalogue is None:
        return load_library(root, cache=True)
    return Library(root, catalogue, load_safety_notes(root))


def _load_cached(path: Path, stat: os.stat_result | None, heads: HeadCache) -> tuple[Article | None, list[Problem]]:
    if stat is not None:
        cached = heads.lookup(path, stat.st_size, stat.st_mtime_ns)
        if cached is not None:
            return cached
    file_problems: list[Problem] = []
    article = load_article(path, file_problems)
    if stat is not None:
        heads.store(path, stat.st_size, stat.st_mtime_ns, article, file_problems)
    return article, file_problems
