"""Where the library folder is: --articles, then $KRATOM_TUI_ARTICLES, then settings.yaml, then the shipped one."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "KRATOM_TUI_ARTICLES"
_PACKAGE = Path(__file__).resolve().parent.parent


def shipped_articles() -> Path:
    """The library inside an installed wheel, or the repository's `articles/` in a checkout."""
    packaged = _PACKAGE / "articles"
    return packaged if packaged.is_dir() else _PACKAGE.parent / "articles"


def library_folder(option: str | None) -> Path:
    chosen = option or os.environ.get(ENV_VAR)
    if chosen:
        return Path(chosen).expanduser()
    from kratom_tui.settings import default_articles  # here: settings imports the library package

    return default_articles() or shipped_articles()
