"""Printing the HTML handout to PDF through a Chromium or Chrome found on the PATH.

The browser runs headless with a profile, cache and config of its own in a temporary folder (never
the user's, and nothing left behind), on the page written to that folder, and prints to a file
there; the PDF is then put in place by the project's one writer. As root (containers, CI) Chromium
refuses to start without `--no-sandbox`; the page has no script and a policy that forbids loading
anything, so that is asked only then.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from kratom_tui.storage import write_atomically

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
PRINT_TIMEOUT = 120
"""Seconds a browser may take to print; a first start on a loaded machine takes several."""


class PdfUnavailable(Exception):
    """No PDF could be made; the message says why and what to do instead, in one sentence."""


def find_browser() -> str | None:
    """The first Chromium or Chrome on the PATH."""
    for name in BROWSERS:
        if found := shutil.which(name):
            return found
    return None


def print_command(browser: str, page: Path, target: Path, profile: Path) -> list[str]:
    command = [
        browser,
        "--headless",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--no-pdf-header-footer",
        f"--user-data-dir={profile}",
        f"--print-to-pdf={target}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--no-sandbox")
    return [*command, page.as_uri()]


def write_pdf(html: str, target: Path, browser: str | None = None) -> Path:
    """Print `html` to the PDF file `target`; PdfUnavailable when there is no browser or it fails."""
    browser = browser or find_browser()
    if browser is None:
        raise PdfUnavailable(
            f"no Chromium or Chrome found on the PATH (looked for {', '.join(BROWSERS)}); "
            "write the HTML with -o FILE.html and print it from a browser instead"
        )
    with tempfile.TemporaryDirectory(prefix="kratom-tui-handout-") as folder:
        work = Path(folder)
        page, printed = work / "handout.html", work / "handout.pdf"
        page.write_text(html, encoding="utf-8")
        try:
            result = subprocess.run(
                print_command(browser, page, printed, work / "profile"),
                capture_output=True,
                text=True,
                timeout=PRINT_TIMEOUT,
                stdin=subprocess.DEVNULL,
                env={**os.environ, "XDG_CACHE_HOME": str(work / "cache"), "XDG_CONFIG_HOME": str(work / "config")},
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PdfUnavailable(f"{browser} could not print the handout ({error})") from None
        if not printed.is_file() or printed.stat().st_size == 0:
            last = (result.stderr.strip().splitlines() or [f"exit status {result.returncode}"])[-1]
            raise PdfUnavailable(f"{browser} made no PDF ({last[:200]})")
        write_atomically(target, printed.read_bytes())
    return target
