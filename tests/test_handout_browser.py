"""Every shipped article's HTML handout, as headless Chromium prints it (PDF) and draws it (PNG).

Skips, saying so, without Chromium (`.ci/run` installs Debian's `chromium` with apt-get when it can).
The text on the printed pages is read with poppler's `pdftotext` when it is there, else from the
page as the browser parsed it (`--dump-dom`), so the check still says what a reader would see.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kratom_tui.handout.as_html import render_html
from kratom_tui.handout.content import build_handout
from kratom_tui.handout.pdf import find_browser, print_command, write_pdf
from kratom_tui.library import load_library
from kratom_tui.notes.model import Note
from kratom_tui.settings import Settings
from tests.helpers import SHIPPED

BROWSER = find_browser()
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium or Chrome on the PATH (apt-get install chromium)")
MAX_PAGES = 3
"""US Letter, Chromium's default paper: two pages for most shipped articles, three for the longest."""
NOTE_TEXT = "Ask whether this changes anything for my other medicines."
LIBRARY = load_library(SHIPPED, cache=False)


def _pages(pdf: Path) -> int:
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)[1])  # type: ignore[index]
    return len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes()))


def _shown_text(pdf: Path, page: Path, work: Path) -> str:
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    else:
        command = [arg for arg in print_command(BROWSER, page, pdf, work / "dom-profile") if "print-to-pdf" not in arg]
        dom = subprocess.run([*command[:-1], "--dump-dom", command[-1]], capture_output=True, text=True, timeout=120)
        text = re.sub(r"<[^>]+>", " ", dom.stdout.split("<body>", 1)[-1])
    return " ".join(text.split())


@pytest.mark.parametrize("article", LIBRARY.articles, ids=lambda article: article.id)
def test_the_handout_of_a_shipped_article_prints_on_few_pages(article, tmp_path: Path) -> None:
    quote = article.risks[0].name
    notes = [Note(1, article.id, quote, "", "", NOTE_TEXT, 0, 0, 1_764_633_600.0, 1_764_633_600.0)]
    handout = build_handout(
        article, LIBRARY.read_body(article), LIBRARY.notes.for_article(article), notes, Settings(), dt.date(2026, 12, 2)
    )
    page = tmp_path / "handout.html"
    page.write_text(render_html(handout), encoding="utf-8")
    pdf = write_pdf(page.read_text(encoding="utf-8"), tmp_path / "handout.pdf", BROWSER)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert 1 <= _pages(pdf) <= MAX_PAGES

    png = tmp_path / "handout.png"
    command = print_command(BROWSER, page, pdf, tmp_path / "png-profile")
    command = [arg for arg in command if "print-to-pdf" not in arg]
    shot = [*command[:-1], f"--screenshot={png}", "--window-size=900,1300", "--hide-scrollbars", command[-1]]
    subprocess.run(shot, capture_output=True, timeout=120, stdin=subprocess.DEVNULL, check=False)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    shown = _shown_text(pdf, page, tmp_path)
    for risk in article.risks:
        assert " ".join(risk.name.split()) in shown, risk.name
    assert NOTE_TEXT in shown and "Not medical advice." in shown and "Questions to ask" in shown
    assert "Urgent help" in shown and "1-800-222-1222" in shown
