"""Load a library folder: articles from the files that are usable, problems for the rest."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from kratom_tui.library.catalogue import Catalogue, read_catalogue, save_catalogue
from kratom_tui.library.head_cache import HeadCache
from kratom_tui.library.model import UNCATEGORIZED, Article, Body, Problem
from kratom_tui.library.reading import read_body, read_head
from kratom_tui.library.safe_open import LibraryFiles
from kratom_tui.library.safety_notes import SafetyNotes, load_safety_notes
from kratom_tui.library.sanitize import display_name
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
        self,
        root: Path,
        catalogue: Catalogue,
        notes: SafetyNotes,
        articles: list[Article] | None = None,
        notices: list[str] | None = None,
    ) -> None:
        self.root = root
        self.notices = notices or []
        """Sentences for the reader about caches that had to be set aside while loading."""
        self.files = LibraryFiles(root)
        """Every file of the library is opened through this gate."""
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
        """The article's body as the file holds it now (explicit: this reads the disk), through the gate.

        A file edited since its head was read has its body's start found again, and the article
        remembers where it is now.
        """
        body, head = read_body(article.path, self.files, article.body_offset, article.body_line, article.stamp)
        if head is not None:
            article.body_offset, article.body_line, article.stamp = head.body_offset, head.body_line, head.stamp
        return body

    def get(self, article_id: str) -> Article | None:
        article = self._by_id.get(article_id)
        if article is None and self._articles is None and article_id in self.catalogue.paths:
            # Started from the catalogue: read this one file now, as it is on disk today.
            article = load_article(self.root / self.catalogue.paths[article_id], article_id, self.files, [])
            if article is not None:
                self._by_id[article_id] = article
        return article

    def reload(self, article_id: str) -> Article | None:
        """Read one article's head again after its file changed; None if it can no longer be used."""
        old = self.get(article_id)
        article = load_article(old.path, article_id, self.files, []) if old is not None else None
        if old is None or article is None:
            return None
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
        target = self.files.real_path(path)
        if target is None:
            return None
        relative = os.path.relpath(target, self.files.real_root).replace(os.sep, "/")
        found = self._by_path.get(relative)
        if found is not None:
            return found
        # Reached through a link inside the library: compare real paths (slow, but rare).
        for relative, article_id in self._by_path.items():
            if self.files.real_path(self.root / relative) == target:
                return article_id
        return None

    def closest_ids(self, article_id: str, count: int = 3) -> list[str]:
        return difflib.get_close_matches(article_id, list(self.catalogue.paths), n=count, cutoff=0.4)


def _title_from_name(path: Path) -> str:
    return display_name(path.stem.replace("_", " ").replace("-", " ").strip().capitalize() or path.name)


def article_id(relative: str) -> str:
    """The id of the file at `relative` (posix, inside the library): its path without `.md`, so a
    subfolder's `a/x.md` is `a/x` and never takes the id of the top-level `x.md`; control
    characters and undecodable bytes of the name are escaped (`\\x1b`), so an id can be printed."""
    return display_name(relative.removesuffix(".md"))


def load_article(path: Path, article_id: str, files: LibraryFiles, problems: list[Problem]) -> Article | None:
    """Read one file's head into an Article; None (with problems) when it cannot be used."""
    from kratom_tui.library.frontmatter import parse_front_matter  # YAML: not needed when the head cache has it

    head = read_head(path, files)
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
        id=article_id,
        path=path,
        title=title,
        conditions=values.pop("conditions", None) or (UNCATEGORIZED,),
        extra=extra,
        body_offset=head.body_offset,
        body_line=head.body_line,
        stamp=head.stamp,
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
    files = LibraryFiles(root)
    heads = HeadCache(heads_cache_file(root) if cache else None)
    present: set[bytes] = set()
    prefix = os.path.join(str(root), "")
    for path, stat in find_markdown(root, problems):
        relative = str(path).removeprefix(prefix).replace(os.sep, "/")
        wanted = article_id(relative)
        if wanted != relative.removesuffix(".md"):
            reason = "file name has control characters, invisible marks or bytes that are not UTF-8 (shown escaped)"
            problems.append(Problem(path, 1, f"{reason}; its id is '{wanted}'", "warning"))
        unique, copy = wanted, 1
        while unique in taken:
            # Only escaped names can meet: `a\x1b.md` spelled out and `a<ESC>.md`.
            copy += 1
            unique = f"{wanted}~{copy}"
        if unique != wanted:
            problems.append(Problem(path, 1, f"another article already has id '{wanted}'; using '{unique}'", "warning"))
        article, file_problems = _load_cached(path, unique, stat, files, heads)
        present.add(os.fsencode(path))
        problems.extend(file_problems)
        if article is None:
            continue
        taken.add(article.id)
        articles.append(article)
    heads.commit(present)
    heads.close()
    notes = load_safety_notes(root, files)
    problems.extend(notes.problems)
    problems.extend(notes.check_references(articles))
    catalogue = Catalogue.of(root, articles, problems)
    if cache:
        save_catalogue(root, catalogue)
    return Library(root, catalogue, notes, articles, [heads.notice] if heads.notice else [])


def start_library(root: Path) -> Library:
    """The library for the app to open with: from its saved catalogue when there is one, else loaded."""
    notices: list[str] = []
    catalogue = read_catalogue(root, notices)
    if catalogue is None:
        library = load_library(root, cache=True)
        library.notices[:0] = notices
        return library
    return Library(root, catalogue, load_safety_notes(root), notices=notices)


def _load_cached(
    path: Path, article_id: str, stat: os.stat_result | None, files: LibraryFiles, heads: HeadCache
) -> tuple[Article | None, list[Problem]]:
    if stat is not None:
        cached = heads.lookup(path, stat.st_size, stat.st_mtime_ns)
        if cached is not None:
            found, found_problems = cached
            if found is not None:
                found.id, found.stamp = article_id, (stat.st_size, stat.st_mtime_ns)
            return found, found_problems
    file_problems: list[Problem] = []
    article = load_article(path, article_id, files, file_problems)
    if stat is not None:
        # Keyed by what the file was when its head was read (a file edited since the scan misses next time).
        size, mtime = article.stamp if article is not None and article.stamp else (stat.st_size, stat.st_mtime_ns)
        heads.store(path, size, mtime, article, file_problems)
    return article, file_problems
