"""Baseline apps for the launch benchmark: a bare Static, and Textual's MarkdownViewer.

Run as `python baseline_apps.py static|markdown FILE`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import MarkdownViewer, Static


class StaticApp(App[None]):
    """`]` replaces the text with a counter: the floor for 'key to painted text'."""

    BINDINGS = [("right_square_bracket", "bump")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self.count = 0

    def compose(self) -> ComposeResult:
        yield Static(self.text, markup=False)

    def action_bump(self) -> None:
        self.count += 1
        self.query_one(Static).update(f"Pressed {self.count} times")


class MarkdownApp(App[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield MarkdownViewer(self.text, show_table_of_contents=False)


def main() -> None:
    kind, path = sys.argv[1], Path(sys.argv[2])
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[1]
    (StaticApp if kind == "static" else MarkdownApp)(text).run()


if __name__ == "__main__":
    main()
