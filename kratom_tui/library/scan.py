"""Find the markdown files of a library folder without leaving it or looping."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kratom_tui.library.model import Problem


def find_markdown(root: Path, problems: list[Problem]) -> Iterator[tuple[Path, os.stat_result | None]]:
    """Yield `*.md` files under `root` in a stable order, each with its stat (None if unknown).

    Links are followed only when they resolve inside `root`, and each real folder and file is
    visited once, so a link loop ends and a link out of the library is reported, not read.
    """
    real_root = root.resolve()
    seen_dirs: set[Path] = set()
    seen_files: set[Path] = set()

    def inside(target: Path) -> bool:
        return target == real_root or real_root in target.parents

    def walk(folder: Path) -> Iterator[tuple[Path, os.stat_result | None]]:
        real = folder.resolve()
        if real in seen_dirs:
            return
        seen_dirs.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            problems.append(Problem(folder, 1, f"cannot list folder: {error.strerror or error}"))
            return
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith("."):
                continue
            try:
                is_link = entry.is_symlink()
                target = path.resolve() if is_link else path
                if is_link and not inside(target):
                    if entry.name.endswith(".md") or target.is_dir():
                        problems.append(
                            Problem(path, 1, "link points outside the library folder; skipped", "warning")
                        )
                    continue
                if entry.is_dir():
                    yield from walk(path)
                elif entry.name.endswith(".md") and entry.is_file():
                    real_file = target.resolve() if is_link else real / entry.name
                    if real_file not in seen_files:
                        seen_files.add(real_file)
                        yield path, _stat(entry)
                elif is_link and entry.name.endswith(".md"):
                    problems.append(Problem(path, 1, "broken link; skipped", "warning"))
            except (OSError, RuntimeError) as error:
                problems.append(Problem(path, 1, f"cannot follow: {error}", "warning"))

    yield from walk(root)


def _stat(entry: os.DirEntry[str]) -> os.stat_result | None:
    try:
        return entry.stat()
    except OSError:
        return None


@dataclass
class Layout:
    """What a library folder holds, found without opening or parsing any file."""

    files: dict[bytes, int] = field(default_factory=dict)
    """Each `*.md` file's path within the library (posix, as bytes) -> its inode number."""
    folders: dict[bytes, int] = field(default_factory=dict)
    """Each folder walked (b"" is the library itself) -> its modification time (ns), taken before listing it."""


def walk_layout(root: Path) -> Layout:
    """The library's files and folders by the rules of `find_markdown`, at a fraction of its cost.

    Names and inode numbers come from the folder listings themselves (no `stat` of each file), so a
    large library is walked in milliseconds. A folder's modification time changes whenever a file in
    it is added, removed, renamed or replaced by a new file (an editor's save by renaming): the time
    is read before the listing, so a change made during the walk shows at the next comparison.
    """
    layout = Layout()
    real_root = os.path.realpath(os.fsencode(root))
    inside_prefix = os.path.join(real_root, b"")
    seen_dirs: set[bytes] = set()
    real_folders: dict[bytes, bytes] = {}
    linked: dict[bytes, bytes] = {}
    """Links to files inside the library: their path within it -> the real path of their target."""

    def walk(folder: bytes, relative: bytes) -> None:
        real = os.path.realpath(folder)
        if real in seen_dirs:
            return
        seen_dirs.add(real)
        try:
            modified = os.stat(folder).st_mtime_ns
            entries = list(os.scandir(folder))
        except OSError:
            return  # `find_markdown` reports it; here it simply holds nothing
        layout.folders[relative] = modified
        real_folders[relative] = real
        below = relative + b"/" if relative else b""
        for entry in entries:
            name = entry.name
            if name.startswith(b"."):
                continue
            try:
                if name.endswith(b".md") and entry.is_file(follow_symlinks=False):
                    layout.files[below + name] = entry.inode()
                elif entry.is_symlink():
                    target = os.path.realpath(entry.path)
                    if target != real_root and not target.startswith(inside_prefix):
                        continue
                    if os.path.isdir(target):
                        walk(entry.path, below + name)
                    elif name.endswith(b".md") and os.path.isfile(target):
                        linked[below + name] = target
                elif entry.is_dir(follow_symlinks=False):
                    walk(entry.path, below + name)
            except (OSError, RuntimeError):
                continue

    walk(os.fsencode(root), b"")
    if not linked:
        return layout
    # A link to a file listed where it is (or to one already linked) is not a second article.
    listed = (path.rpartition(b"/") for path in layout.files)
    regular = {real_folders[folder] + b"/" + name for folder, _, name in listed}
    for relative, target in linked.items():
        if target not in regular:
            regular.add(target)
            try:
                layout.files[relative] = os.stat(target).st_ino
            except OSError:
                continue
    return layout

