"""Helpers shared by the tests: where things are, small libraries written on the fly, waiting for workers."""

from __future__ import annotations

import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "articles"
SHARED = REPO.parent / "shared"


async def wait_for_background(pilot, app, timeout: float = 30) -> None:
    """Let the app's worker load the library and update the index, without blocking the app's loop."""
    deadline = time.monotonic() + timeout
    while not app.search_service.ready.is_set() and time.monotonic() < deadline:
        await pilot.pause(0.05)
    await pilot.pause()


def write_library(root: Path, files: dict[str, str | bytes]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


GOOD = """---
title: Good article
summary: A short summary.
conditions: [Chronic pain, Sleep]
published: 2024-01-02
source: A test page
tags: [one, two]
risks:
  - name: Liver damage
    detail: Reported rarely.
    severity: high
  - name: Nausea
    detail: Upset stomach.
    severity: low
disclaimers:
  - Not medical advice.
---
Intro paragraph with a [link](other.md).

## First heading

Some **bold** text.

## Second heading

- one
- two
"""

OTHER = """---
title: Other article
conditions: [Sleep]
---
See the [good one](good.md#second-heading) and [outside](../outside.md) and [web](https://example.org/x).

## Only heading

Text.
"""


def capture_notifications(app) -> list[str]:
    """Record the text of every toast the app shows from now on (through its public `notify`)."""
    messages: list[str] = []
    original = app.notify

    def notify(message, *args, **kwargs):
        messages.append(str(message))
        return original(message, *args, **kwargs)

    app.notify = notify
    return messages


def body_of(article):
    """An article's body read from disk, as the library reads it."""
    from kratom_tui.library.reading import read_body

    return read_body(article.path, article.body_offset, article.body_line)
