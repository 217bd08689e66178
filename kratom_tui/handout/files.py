"""Where the app puts a handout and under which name.

`p` writes to the downloads folder (`locations.handouts_dir`), where people look for a file to print
or send, as `kratom-tui-handout-ID-DATE.html`: the id made safe for any file system, so one a day per
article, and a second `p` the same day brings that file up to date.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from kratom_tui.locations import handouts_dir
from kratom_tui.storage import write_atomically

MAX_NAME = 80
"""Characters of the article id kept in a file name."""
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def handout_name(article_id: str, made: dt.date, suffix: str = ".html") -> str:
    """`kratom-tui-handout-a-x-2026-12-02.html` for the article `a/x`; never a hidden or odd name."""
    safe = _UNSAFE.sub("-", article_id).strip("-._")[:MAX_NAME].strip("-._") or "article"
    return f"kratom-tui-handout-{safe}-{made.isoformat()}{suffix}"


def save_handout(text: str, article_id: str, made: dt.date | None = None, folder: Path | None = None) -> Path:
    """Write the handout into `folder` (the downloads folder) and return its full path."""
    path = (folder or handouts_dir()) / handout_name(article_id, made or dt.date.today())
    write_atomically(path, text)
    return path
