"""The article library: files on disk turned into articles and reported problems.

Nothing here imports Textual, so the command line stays quick to start. The names below are
imported when first used: a command that only needs a module of the package (`library.location`
to name the folder) does not pay for the loader, YAML and the caches.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kratom_tui.library.loader import Library, LibraryIncomplete, load_library, start_library
    from kratom_tui.library.model import Article, Claim, Problem, Risk

_HOME = {
    "Library": "loader",
    "LibraryIncomplete": "loader",
    "load_library": "loader",
    "start_library": "loader",
    "Article": "model",
    "Claim": "model",
    "Problem": "model",
    "Risk": "model",
}

__all__ = ["Article", "Claim", "Library", "LibraryIncomplete", "Problem", "Risk", "load_library", "start_library"]


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
