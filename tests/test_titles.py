"""Titles of plain markdown files: the first level-1 heading outside code, reduced to plain text."""

from __future__ import annotations

from pathlib import Path

import pytest

from kratom_tui.library import load_library
from kratom_tui.library.titles import first_title
from tests.helpers import write_library


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("# Plain title\n\nText.\n", "Plain title"),
        ("Intro.\n\n```sh\n# meson install -C target_directory\n```\n\n# The real one\n", "The real one"),
        ("~~~\n# fenced with tildes\n~~~\n", None),
        ("    # indented code\n\n## Only a level two\n", None),
        ("PyYAML\n======\n\nText.\n", "PyYAML"),
        ("Two lines\nof setext\n===\n", "Two lines of setext"),
        ("Subtitle\n--------\n\n# Later\n", "Later"),
        (
            "# rustfmt [![linux](https://x.example/badge.svg?event=push)](https://y.example) "
            "[![mac](https://x.example/mac.svg)](https://y.example)\n",
            "rustfmt linux mac",
        ),
        ("# A *b* **c** `d` [e](https://e.example) [f][ref] ~~g~~\n\n[ref]: https://f.example\n", "A b c d e f g"),
        ("# Fish &amp; chips \\*not emphasis\\*\n", "Fish & chips *not emphasis*"),
        ("# <b>html</b> stays text\n", "<b>html</b> stays text"),
        ("#\n\n# \n\n# Not empty\n", "Not empty"),
        ("> # in a quote\n", None),
        ("Just text, no heading.\n", None),
        ("# Closing hashes ##\n", "Closing hashes"),
    ],
)
def test_first_title(text: str, title: str | None) -> None:
    assert first_title(text) == title


def test_library_titles_of_plain_files(tmp_path: Path) -> None:
    root = write_library(
        tmp_path / "lib",
        {
            "polkit.md": "Intro\n\n```\n# meson install -C target_directory\n```\n",
            "pyyaml.md": "PyYAML\n======\n\nA YAML library.\n",
            "rustfmt.md": "# rustfmt [![linux](https://b.example/x.svg)](https://c.example)\n",
            "fronted.md": "---\ntitle: From front matter\n---\n# Not this one\n",
            "untitled-front.md": "---\nsummary: no title here\n---\nSetext\n======\n",
        },
    )
    titles = {article.id: article.title for article in load_library(root).articles}
    assert titles == {
        "polkit": "Polkit",
        "pyyaml": "PyYAML",
        "rustfmt": "rustfmt linux",
        "fronted": "From front matter",
        "untitled-front": "Setext",
    }


def test_a_head_cache_of_the_old_format_is_not_reused(tmp_path: Path) -> None:
    """Titles cached by the version that read them with a regex are read again."""
    import json
    import sqlite3

    from kratom_tui.locations import heads_cache_file as cache_path

    root = write_library(tmp_path / "lib", {"a.md": "PyYAML\n======\n"})
    assert load_library(root, cache=True).articles[0].title == "PyYAML"
    with sqlite3.connect(cache_path(root)) as connection:
        (data,) = connection.execute("SELECT data FROM heads").fetchone()
        old = json.loads(data)
        old["article"]["title"] = "A"
        connection.execute("UPDATE heads SET data = ?", (json.dumps(old),))
        connection.execute("PRAGMA user_version = 1")
    assert load_library(root, cache=True).articles[0].title == "PyYAML"
