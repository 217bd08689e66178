"""Markdown to lines: chunking, layout, headings, links, and markup safety."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kratom_tui.document.chunks import Chunker
from kratom_tui.document.layout import DocumentLayout
from kratom_tui.document.markdown import BlockRenderer, Links
from kratom_tui.document.palette import TERMINAL
from kratom_tui.document.position import TextPosition

SAMPLE = (
    "Intro **bold** and [a link](x.md).\n\n"
    "## Heading one\n\n- a\n- b\n  - nested\n\n"
    "```\ncode\n\n\nstill code\n```\n\n"
    "| A | B |\n|---|--:|\n| 1 | 2 |\n\n"
    "> quote\n\n---\n\n### Heading two\n\n1. first\n2. second\n"
)


def chunks_of(source: str, target: int) -> list[str]:
    chunker = Chunker(source, target)
    pieces = []
    while (piece := chunker.next_chunk()) is not None:
        pieces.append(piece)
    return pieces


def test_chunks_rejoin_and_never_cut_fenced_code() -> None:
    source = SAMPLE * 50
    pieces = chunks_of(source, 64)
    assert "".join(pieces) == source
    assert len(pieces) > 10
    for piece in pieces:
        assert piece.count("```") % 2 == 0, "a cut fell inside fenced code"
        assert piece[:1] not in (" ", "\t", "\n")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab `~#-*>\n\t|", max_size=400), st.integers(min_value=1, max_value=50))
def test_chunks_always_rejoin(source: str, target: int) -> None:
    assert "".join(chunks_of(source, target)) == source


def test_chunked_parse_matches_whole_parse() -> None:
    source = SAMPLE * 20
    whole = BlockRenderer(TERMINAL, Links()).render(source)
    renderer = BlockRenderer(TERMINAL, Links())
    pieces = [block for piece in chunks_of(source, 128) for block in renderer.render(piece)]
    assert len(pieces) == len(whole)
    assert [b.heading.text for b in pieces if b.heading] == [b.heading.text for b in whole if b.heading]


def layout_of(source: str, width: int = 40) -> DocumentLayout:
    layout = DocumentLayout(BlockRenderer(TERMINAL, Links(clickable=True)), [], source, width)
    layout.finish()
    return layout


def test_layout_lines_fit_the_width_and_record_headings() -> None:
    layout = layout_of(SAMPLE, 30)
    assert all(sum(len(segment.text) for segment in line) == 30 for line in layout.lines)
    assert [(h.heading.level, h.heading.text, h.heading.anchor) for h in layout.headings] == [
        (2, "Heading one", "heading-one"),
        (3, "Heading two", "heading-two"),
    ]
    assert layout.plain[layout.headings[0].line] == "Heading one"
    assert layout.find_anchor("heading-two") == layout.headings[1].line
    assert layout.find_anchor("missing") is None
    assert layout.renderer.links.targets == ["x.md"]


def test_layout_renders_every_block_kind() -> None:
    text = "\n".join(layout_of(SAMPLE, 40).plain)
    for expected in ("• a", "  ◦ nested", "code", "still code", "│ A │", "▌ quote", "1. first", "───"):
        assert expected in text, expected


def test_relayout_keeps_blocks_and_changes_width() -> None:
    layout = layout_of("word " * 200, 40)
    narrow = len(layout.lines)
    layout.relayout(80)
    layout.finish()
    assert len(layout.lines) < narrow
    assert all(sum(len(s.text) for s in line) == 80 for line in layout.lines)


def test_layout_is_lazy() -> None:
    source = "\n\n".join(f"Paragraph {n}." for n in range(5000))
    layout = DocumentLayout(BlockRenderer(TERMINAL, Links()), [], source, 60)
    layout.ensure_lines(20)
    laid = [piece for piece in layout.pieces if piece.lines is not None]
    assert 20 <= sum(len(piece.lines) for piece in laid) < 600
    assert not layout.complete and layout.estimated_height() > 1000
    layout.finish()
    assert layout.complete and layout.estimated_height() == len(layout.lines) == 9999


def test_the_end_is_laid_out_without_what_comes_before() -> None:
    source = "\n\n".join(f"Paragraph {n}." for n in range(5000))
    layout = DocumentLayout(BlockRenderer(TERMINAL, Links()), [], source, 60)
    layout.ensure_end(30)
    assert sum(piece.lines is not None for piece in layout.pieces) <= 2
    last = layout.estimated_height() - 1
    assert layout.plain[last] == "Paragraph 4999."
    place = layout.place_at_line(last)
    assert layout.position_of(place) is None, "the blocks before it are not counted yet"
    layout.outline_to(place.piece)
    assert layout.position_of(place) == TextPosition(4999, 0)
    assert layout.pieces[1].lines is None, "counting blocks lays nothing out"
    assert layout.line_at(TextPosition(4999, 0)) == layout.estimated_height() - 1


def test_places_survive_estimates_being_corrected_above_them() -> None:
    source = "\n\n".join(f"Paragraph {n} " + "word " * (n % 40) for n in range(3000))
    whole = DocumentLayout(BlockRenderer(TERMINAL, Links()), [], source, 50)
    whole.finish()
    lazy = DocumentLayout(BlockRenderer(TERMINAL, Links()), [], source, 50)
    for line in (0, 1, 37, 2000, len(whole.plain) // 2, len(whole.plain) - 1):
        position = whole.position_at_line(line)
        assert lazy.line_at(position) <= len(lazy.plain)
        assert lazy.plain[lazy.line_at(position)] == whole.plain[line], line
        assert lazy.position_at_line(lazy.line_at(position)) == position


def test_markup_and_link_styles_never_come_from_article_text() -> None:
    layout = layout_of("[bold]x[/bold] [@click=app.quit]y[/] [t](other.md) [j](javascript:alert)", 80)
    assert "[bold]x[/bold] [@click=app.quit]y[/] t [j](javascript:alert)" in layout.plain[0]
    metas = [segment.style.meta for line in layout.lines for segment in line if segment.style and segment.style.meta]
    assert metas == [{"@click": "open_link(0)"}]


def test_giant_paragraphs_and_lines_are_cut_anyway() -> None:
    line = "word " * 100_000
    pieces = chunks_of(line, 64)
    assert "".join(pieces) == line
    assert max(map(len, pieces)) <= 65536
    code = "```\n" + "code line\n" * 20_000 + "```\nafter\n"
    pieces = chunks_of(code, 64)
    assert all(piece.startswith("```") for piece in pieces[:-1])
    blocks = [block for piece in pieces for block in BlockRenderer(TERMINAL, Links()).render(piece)]
    assert sum(1 for block in blocks if "code line" in str(getattr(block.renderable, "renderable", ""))) >= 2
