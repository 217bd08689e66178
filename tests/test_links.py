"""Link handling: what following each kind of link may do."""

from __future__ import annotations

from pathlib import Path

from kratom_tui.library import load_library
from kratom_tui.links import OpenArticle, OpenExternal, Refuse, ScrollToAnchor, resolve_link


def test_link_kinds(small_library: Path) -> None:
    library = load_library(small_library)
    here = library.get("other")
    assert resolve_link("good.md#second-heading", here, library) == OpenArticle("good", "second-heading")
    assert resolve_link("./good.md", here, library) == OpenArticle("good")
    assert resolve_link("#only-heading", here, library) == ScrollToAnchor("only-heading")
    assert resolve_link("https://example.org/x", here, library) == OpenExternal("https://example.org/x")
    assert isinstance(resolve_link("../outside.md", here, library), Refuse)
    assert isinstance(resolve_link("/etc/passwd", here, library), Refuse)
    assert isinstance(resolve_link("file:///etc/passwd", here, library), Refuse)
    assert isinstance(resolve_link("javascript:alert(1)", here, library), Refuse)
    assert isinstance(resolve_link("missing.md", here, library), Refuse)
    assert isinstance(resolve_link("", here, library), Refuse)
    assert isinstance(resolve_link("http:///nohost", here, library), Refuse)
