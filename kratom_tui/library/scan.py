"""Find the markdown files of a library folder without leaving it or looping."""

from __future__ import annotations

import os
from collections.abc import Iterator
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
