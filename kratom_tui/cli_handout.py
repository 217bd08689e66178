"""`kratom-tui handout ID`: the handout of one article for a clinician visit, on stdout or in files.

The format follows what is asked: `--format`, else the suffix of `-o FILE` (`.md`, `.txt`, else
HTML), else plain text on a terminal and HTML when piped. `--pdf FILE` prints the HTML through a
Chromium or Chrome on the PATH. Files are written through the one atomic writer; each is named on
stderr, and stdout gets the handout only when no file is asked for.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kratom_tui.cli_console import Output
from kratom_tui.handout.formats import FORMATS, SUFFIXES, render
from kratom_tui.handout.gather import gather_handout
from kratom_tui.library import Article, Library
from kratom_tui.library.sanitize import display_path
from kratom_tui.settings import load_settings
from kratom_tui.storage import write_atomically

__all__ = ["FORMATS", "choose_format", "write_handout"]


def choose_format(asked: str | None, target: Path | None, terminal: bool) -> str:
    if asked:
        return asked
    if target is not None:
        by_suffix = {suffix: name for name, suffix in SUFFIXES.items()} | {".markdown": "md", ".htm": "html"}
        return by_suffix.get(target.suffix.lower(), "html")
    return "text" if terminal else "html"


def write_handout(
    library: Library, article: Article, output: Output, format_name: str | None, target: Path | None, pdf: Path | None
) -> None:
    """Write the handout as asked; raises OSError for a file that cannot be written, PdfUnavailable for a PDF."""
    handout, notice = gather_handout(library, article, load_settings())
    if notice:
        print(f"kratom-tui: {notice}", file=sys.stderr)
    chosen = choose_format(format_name, target, output.terminal)
    if target is not None:
        write_atomically(target, render(handout, chosen))
        print(f"kratom-tui: wrote the handout ({chosen}) to {display_path(target)}", file=sys.stderr)
    if pdf is not None:
        from kratom_tui.handout.pdf import write_pdf

        write_pdf(render(handout, "html"), pdf)
        print(f"kratom-tui: wrote the handout (pdf) to {display_path(pdf)}", file=sys.stderr)
    if target is None and pdf is None:
        output.stream.write(render(handout, chosen))
        output.stream.flush()
