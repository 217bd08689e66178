"""Every example of the CommonMark specification renders in the reading pane and in `show`.

The spec is read from ../shared/data/ (never copied into the project); the test skips without it.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from kratom_tui.document.layout import DocumentLayout
from kratom_tui.document.markdown import BlockRenderer, Links
from kratom_tui.document.palette import TERMINAL
from kratom_tui.library import load_library
from kratom_tui.state import StateStore
from kratom_tui.ui.app import ReaderApp
from kratom_tui.ui.article_layouts import new_layout
from tests.helpers import SHARED, write_library

SPEC = SHARED / "data" / "commonmark-spec.txt"
FENCE = "`" * 32


def spec_examples() -> list[str]:
    if not SPEC.exists():
        pytest.skip(f"the CommonMark spec is not at {SPEC} (../shared is not beside this checkout)")
    examples, current = [], None
    for line in SPEC.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith(FENCE + " example"):
            current = []
        elif line.startswith(FENCE) and current is not None:
            examples.append("".join(current).split("\n.\n", 1)[0].replace("→", "\t") + "\n")
            current = None
        elif current is not None:
            current.append(line)
    return examples


def test_spec_has_655_examples() -> None:
    assert len(spec_examples()) == 655


@pytest.mark.parametrize("width", [20, 80])
def test_every_example_lays_out(width: int) -> None:
    for number, markdown in enumerate(spec_examples(), 1):
        layout = DocumentLayout(BlockRenderer(TERMINAL, Links(clickable=True)), [], markdown, width)
        layout.finish()
        assert all(sum(segment.cell_length for segment in line) == width for line in layout.lines), number


async def test_every_example_in_the_reading_pane(tmp_path: Path) -> None:
    examples = spec_examples()
    app = ReaderApp(load_library(write_library(tmp_path / "lib", {"a.md": "# A\n"})), StateStore())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.pane.view
        for number, markdown in enumerate(examples, 1):
            layout = new_layout([], markdown, app.layouts.palette(app.theme), view.text_width())
            view.show(layout)
            view.action_scroll_end()
            for y in range(view.size.height):
                assert view.render_line(y).cell_length == view.scrollable_content_region.width, number
        assert app.is_running


def test_every_example_through_show(tmp_path: Path) -> None:
    import kratom_tui.cli_output as cli_output

    examples = spec_examples()
    root = write_library(tmp_path / "spec", {f"example-{n:03}.md": text for n, text in enumerate(examples, 1)})
    library = load_library(root)
    assert len(library.articles) == 655
    buffer = io.StringIO()
    console = Console(file=buffer, width=60, force_terminal=False)
    for article in library.articles:
        buffer.seek(0)
        buffer.truncate()
        cli_output.print_article(console, article, library.read_body(article), [], styled=False)
        assert "Risks and disclaimers" in buffer.getvalue(), article.id
