"""Property tests: generated front matter and bodies through load, render, find and the panel."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from kratom_tui.document.article_parts import header, risks_and_disclaimers
from kratom_tui.document.find import LineSearch, compile_query
from kratom_tui.document.layout import DocumentLayout
from kratom_tui.document.markdown import BlockRenderer, Links
from kratom_tui.document.palette import TERMINAL
from kratom_tui.library import load_library
from kratom_tui.search import SearchIndex
from tests.helpers import body_of

MARKDOWN_BITS = st.sampled_from(
    ["# ", "## ", "- ", "1. ", "> ", "```", "~~~", "    ", "|", "---", "***", "**", "*", "_", "`", "[", "]",
     "(", ")", "<", ">", "&amp;", "\\", "!", "\n", "\n\n", "\t", " ", "word", "名前", "é", "\x1b[2J", "\x9b",
     "[bold]", "[/]", "[@click=app.quit]", "\x00", "\r\n", "\u202e"]
)
BODIES = st.lists(st.one_of(MARKDOWN_BITS, st.text(max_size=8)), max_size=60).map("".join)
SCALARS = st.one_of(
    st.text(max_size=20), st.integers(), st.floats(allow_nan=True), st.booleans(), st.none(), st.dates()
)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)
KEYS = st.sampled_from(["title", "summary", "conditions", "published", "source", "evidence", "tags", "risks",
                        "disclaimers", "claims", "other"])
FRONT = st.dictionaries(KEYS, VALUES, max_size=8)


def yaml_of(data: dict) -> str:
    import yaml

    try:
        return yaml.safe_dump(data, allow_unicode=True)
    except yaml.YAMLError:
        return "title: unrepresentable\n"


@given(front=FRONT, body=BODIES, raw_front=st.text(max_size=80), use_raw=st.booleans(), query=st.text(max_size=5))
def test_load_render_and_find_never_raise(front: dict, body: str, raw_front: str, use_raw: bool, query: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        text = f"---\n{raw_front if use_raw else yaml_of(front)}---\n{body}"
        (root / "a.md").write_bytes(text.encode("utf-8", errors="surrogatepass"))
        library = load_library(root)
        for article in library.articles:
            source = body_of(article).text
            assert "\x1b" not in source and "\x1b" not in article.title
            layout = DocumentLayout(
                BlockRenderer(TERMINAL, Links(clickable=True)),
                [header(article, TERMINAL, 1), risks_and_disclaimers(article, TERMINAL, [])],
                source,
                24,
            )
            layout.finish()
            pattern = compile_query(query)
            if pattern is not None:
                LineSearch(pattern, layout.plain).scan()
            Console(file=io.StringIO(), width=30).print(risks_and_disclaimers(article, TERMINAL, []))
        with SearchIndex.open(root, root / "cache") as index:
            index.update(library)
            for hit in index.search(query or body[:12]):
                assert hit.article_id == "a"
                assert all(0 <= start <= end <= len(hit.snippet) for start, end in hit.highlights)


@given(body=BODIES, width=st.integers(min_value=1, max_value=120))
def test_any_body_lays_out_to_the_width(body: str, width: int) -> None:
    layout = DocumentLayout(BlockRenderer(TERMINAL, Links()), [], body.replace("\x00", ""), width)
    layout.finish()
    assert all(sum(segment.cell_length for segment in line) == layout.width for line in layout.lines)
