"""The handout for a clinician visit: what it holds, its formats, the command, `p`, and hostile text."""

from __future__ import annotations

import datetime as dt
import html.parser
import os
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from kratom_tui.cli import HANDOUT_FORMATS, main
from kratom_tui.handout.as_html import render_html
from kratom_tui.handout.as_markdown import render_markdown
from kratom_tui.handout.as_text import render_text
from kratom_tui.handout.content import build_handout
from kratom_tui.handout.files import handout_name
from kratom_tui.handout.formats import FORMATS
from kratom_tui.library import load_library
from kratom_tui.notes.model import Note
from kratom_tui.notes.store import NoteStore
from kratom_tui.settings import Settings
from tests.helpers import SHIPPED, body_of, capture_notifications, settle, write_library

CLAIMING = """---
title: Claiming article
summary: What a page says about kratom and sleep.
conditions: [Sleep]
published: 2024-01-02
source: A promotional page
evidence: User reports only
risks:
  - name: Nausea
    detail: Upset stomach.
    severity: low
  - name: Liver damage
    detail: Named as serious.
    severity: high
  - name: Drug interactions
    detail: It may interact with other medicines.
    severity: moderate
disclaimers:
  - Not medical advice.
claims:
  - claim: Users say they sleep better.
    support: Anecdotes only.
    counter: [fda-note]
---
Body text about sleep.
"""
NOTES_YAML = """notes:
  - id: fda-note
    label: FDA statement, Feb 2018
    text: The agency said kratom has no approved medical use.
    topics: [all]
    source: {publisher: US Food and Drug Administration, title: "A statement", date: 2018-02-06}
    as_of: 2026-12-02
"""
SCRIPT = "<script>alert('x')</script>"
HOSTILE = f"""---
title: "Evil <img src=x onerror=alert(1)> {SCRIPT} [bold]markup[/bold] &amp;"
summary: "<a href='javascript:alert(1)'>click</a> https://evil.example/x www.evil.example"
conditions: ["<b>Cond</b>"]
source: "</dd></dl><iframe src=//evil>"
site: "javascript:alert(1)"
risks:
  - name: "<style>*{{display:none}}</style>Risk"
    detail: "\\"><svg onload=alert(1)> [link](https://evil.example) ![i](x.png)"
    severity: high
disclaimers: ["<!-- comment --> --> <![CDATA[x]]>"]
claims:
  - claim: "# Heading\\n- list {SCRIPT}"
    support: "<base href=https://evil.example/>"
further_reading:
  - title: "<meta http-equiv=refresh content='0;url=https://evil.example'>"
    publisher: "<link rel=stylesheet href=https://evil.example/x.css>"
    url: https://example.org/a"><script>alert(1)</script>
---
<script>alert('body')</script> Body with <b>html</b>.
"""
HOSTILE_NAME = "evil <script>alert(1)<\\script> & co.md"
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "p", "h1", "h2", "dl", "dt", "dd", "section", "ul", "ol",
    "li", "strong", "em", "span", "br", "table", "tr", "td", "div",
}  # fmt: skip
MADE = dt.date(2026, 12, 2)


def note(article_id: str, quote: str, text: str, block: int = 0, detached: bool = False) -> Note:
    return Note(1, article_id, quote, "", "", text, block, 0, 1_764_633_600.0, 1_764_633_600.0, detached)


@pytest.fixture
def claiming(tmp_path: Path) -> Path:
    return write_library(tmp_path / "lib", {"claiming.md": CLAIMING, "safety-notes.yaml": NOTES_YAML})


def handout_of(root: Path, article_id: str, notes: list[Note]):
    library = load_library(root, cache=False)
    article = library.get(article_id)
    assert article is not None
    return build_handout(article, body_of(article), library.notes.for_article(article), notes, Settings(), MADE)


def test_the_handout_holds_risks_claims_notes_questions_and_urgent_help(claiming: Path) -> None:
    notes = [
        note("claiming", "the later passage", "Ask about my sleeping pills.", block=5),
        note("claiming", "the first passage", "", block=1),
        note("claiming", "a passage since removed", "Still worth asking.", block=0, detached=True),
    ]
    handout = handout_of(claiming, "claiming", notes)
    assert [(risk.severity, risk.name) for risk in handout.risks] == [
        ("high", "Liver damage"), ("moderate", "Drug interactions"), ("low", "Nausea"),
    ]  # fmt: skip
    assert handout.claims[0].counterpoints == ("FDA statement, Feb 2018",)
    assert handout.safety_notes[0].citation == (
        "Source: US Food and Drug Administration (6 Feb 2018); checked on 2 Dec 2026."
    )
    # The reader's notes in the order of the article, the detached one last.
    assert [n.quote for n in handout.reader_notes] == ["the first passage", "the later passage", "a passage since removed"]
    assert handout.urgent[0].number == ("Emergency number", "911")
    assert all(question.endswith("?") for question in handout.questions)
    text = render_text(handout)
    for expected in (
        "HIGH: Liver damage.",
        "Users say they sleep better.",
        "Library counterpoint: FDA statement, Feb 2018.",
        "\u201cthe first passage\u201d, noted 2 Dec 2025 (highlighted)",
        "(this passage is no longer in the article)",
        "Could kratom interact with any of the medicines",
        "What other options are there for sleep",
        "1-800-222-1222",
        "Not medical advice.",
        "Made on 2 Dec 2026",
    ):
        assert expected in " ".join(text.split()), expected
    assert max(len(line) for line in text.splitlines()) <= 78


def test_the_urgent_numbers_come_from_the_settings(claiming: Path) -> None:
    library = load_library(claiming, cache=False)
    article = library.get("claiming")
    assert article is not None
    settings = Settings(poison_help="0800 POISON (test)", emergency="112")
    handout = build_handout(article, None, [], [], settings, MADE)
    page = render_html(handout)
    assert "Emergency number: 112." in page and "Poison Help: 0800 POISON (test)." in page
    assert "911" not in page


def test_an_article_without_a_summary_gets_its_first_paragraph(tmp_path: Path) -> None:
    root = write_library(tmp_path / "lib", {"plain.md": "# Plain\n\nThe *first* paragraph, with `code`.\n\nMore.\n"})
    handout = handout_of(root, "plain", [])
    assert handout.summary == "The first paragraph, with code."
    assert "No notes on this article yet." in render_text(handout)


def test_the_command_knows_every_format() -> None:
    assert HANDOUT_FORMATS == FORMATS


@pytest.mark.parametrize("format_name", ["html", "md", "text"])
def test_handout_command_prints_each_format(claiming: Path, format_name: str, capsys) -> None:
    assert main(["--articles", str(claiming), "handout", "claiming", "--format", format_name]) == 0
    out = capsys.readouterr().out
    assert "Liver damage" in out and "Not medical advice" in out and "No notes on this article yet." in out
    assert out.startswith("<!DOCTYPE html>") == (format_name == "html")
    assert out.startswith("**Not medical advice.") == (format_name == "md")
    assert ("# Claiming article" in out) == (format_name == "md")
    assert ("Claiming article\n================" in out) == (format_name == "text")


def test_handout_piped_is_html_and_output_files_follow_their_suffix(claiming: Path, tmp_path: Path, capsys) -> None:
    assert main(["--articles", str(claiming), "handout", "claiming"]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")
    for name, start in (("h.html", "<!DOCTYPE html>"), ("h.md", "**Not medical advice."), ("h.txt", "Not medical")):
        target = tmp_path / "out" / name
        assert main(["--articles", str(claiming), "handout", "claiming", "-o", str(target)]) == 0
        captured = capsys.readouterr()
        assert captured.out == ""
        assert "wrote the handout" in captured.err and str(target) in captured.err
        assert target.read_text(encoding="utf-8").startswith(start)
    forced = tmp_path / "out" / "forced.txt"
    assert main(["--articles", str(claiming), "handout", "claiming", "--format", "md", "-o", str(forced)]) == 0
    assert forced.read_text(encoding="utf-8").startswith("**Not medical advice.")


def test_handout_includes_the_readers_notes_from_the_store(claiming: Path, capsys) -> None:
    store = NoteStore.open()
    store.add("claiming", "sleep better", "", "", "Ask whether this mixes with my melatonin.", 0, 0)
    store.add("other-article", "elsewhere", "", "", "Not this one.", 0, 0)
    store.close()
    assert main(["--articles", str(claiming), "handout", "claiming", "--format", "text"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "\u201csleep better\u201d" in out and "Ask whether this mixes with my melatonin." in out
    assert "Not this one." not in out and "No notes on this article yet." not in out


def test_handout_errors_are_one_line_with_status_2(claiming: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    assert main(["--articles", str(claiming), "handout", "claimin"]) == 2
    assert "no article with id 'claimin'; closest: claiming" in capsys.readouterr().err
    monkeypatch.setenv("PATH", str(tmp_path / "no-browsers-here"))
    assert main(["--articles", str(claiming), "handout", "claiming", "--pdf", str(tmp_path / "h.pdf")]) == 2
    err = capsys.readouterr().err
    assert "no PDF written: no Chromium or Chrome found on the PATH" in err and len(err.splitlines()) == 1
    assert not (tmp_path / "h.pdf").exists()
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    assert main(["--articles", str(claiming), "handout", "claiming", "-o", str(blocked / "h.html")]) == 2
    assert "could not write the handout" in capsys.readouterr().err


class _Tags(html.parser.HTMLParser):
    """Every element and attribute of a page, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[tuple[str, str]] = set()
        self.comments: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes |= {(tag, name) for name, _value in attrs}

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_a_hostile_article_has_no_live_html_in_its_handout(tmp_path: Path) -> None:
    root = write_library(tmp_path / "lib", {HOSTILE_NAME: HOSTILE})
    library = load_library(root, cache=False)
    [article] = library.articles
    notes = [note(article.id, "<script>alert('quote')</script>", "</li><a href=https://evil.example>x</a>\n# not a heading")]
    handout = build_handout(article, body_of(article), [], notes, Settings(), MADE)
    page = render_html(handout)
    parsed = _Tags()
    parsed.feed(page)
    assert parsed.tags <= ALLOWED_TAGS, parsed.tags - ALLOWED_TAGS
    assert {name for _tag, name in parsed.attributes} <= {"lang", "charset", "http-equiv", "content", "name", "class"}
    assert parsed.comments == []
    # The page's own policy forbids scripts and loads even if something slipped through.
    assert "default-src 'none'" in page
    text = "".join(parsed.text)
    for shown in ("<script>alert('x')</script>", "<img src=x onerror=alert(1)>", "[bold]markup[/bold]", "&amp;"):
        assert shown in text, shown  # shown as typed, as text
    assert "evil <script>alert(1)<\\script> & co" in text  # the id from the file name
    assert "https://example.org/a\"><script>alert(1)</script>" in text  # an address, as text, never a link

    markdown = render_markdown(handout)
    tokens = MarkdownIt("commonmark").parse(markdown)
    kinds = {token.type for token in tokens} | {child.type for token in tokens for child in token.children or []}
    assert not kinds & {"html_block", "html_inline", "link_open", "image", "code_block", "fence", "blockquote_open"}
    headings = [tokens[i + 1].content for i, token in enumerate(tokens) if token.type == "heading_open"]
    assert all(not heading.startswith(("Heading", "not a heading")) for heading in headings)
    assert "https://evil" not in markdown and "www.evil" not in markdown  # no bare address for a viewer to link

    plain = render_text(handout)
    assert not any(ord(char) < 32 and char != "\n" for char in plain)


def test_handout_file_names_are_safe() -> None:
    assert handout_name("a/x", MADE) == "kratom-tui-handout-a-x-2026-12-02.html"
    assert handout_name("../..\x1b]0;x", MADE) == "kratom-tui-handout-0-x-2026-12-02.html"
    assert handout_name("...", MADE) == "kratom-tui-handout-article-2026-12-02.html"
    assert len(handout_name("y" * 500, MADE)) < 120


async def test_p_writes_the_handout_to_the_downloads_folder_and_says_where(
    claiming: Path, tmp_path: Path, monkeypatch
) -> None:
    from kratom_tui.state import StateStore
    from kratom_tui.ui.app import ReaderApp

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    store = NoteStore.open()
    store.add("claiming", "sleep better", "", "", "My own question for the visit.", 0, 0)
    store.close()
    library = load_library(claiming, cache=False)
    app = ReaderApp(library, StateStore())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, app)
        messages = capture_notifications(app)
        await pilot.press("p")
        await pilot.pause()
    written = list((tmp_path / "home" / "Downloads").glob("kratom-tui-handout-claiming-*.html"))
    assert len(written) == 1
    page = written[0].read_text(encoding="utf-8")
    assert "<h1>Claiming article</h1>" in page and "My own question for the visit." in page
    assert any(f"Written to {written[0]}." in message for message in messages), messages
    assert os.path.isabs(str(written[0]))


def test_questions_ask_and_never_advise() -> None:
    library = load_library(SHIPPED, cache=False)
    for article in library.articles:
        handout = build_handout(article, None, [], [], Settings(), MADE)
        assert len(handout.questions) >= 6
        for question in handout.questions:
            assert question.endswith("?"), question
            lowered = question.casefold()
            assert not any(word in lowered for word in ("you should", "we recommend", "try ", "dose of", " mg")), question


def test_the_handout_command_never_imports_textual(claiming: Path) -> None:
    code = (
        "import sys; from kratom_tui.cli import main; "
        f"status = main({['--articles', str(claiming), 'handout', 'claiming', '--format', 'text']!r}); "
        "assert 'textual' not in sys.modules, 'textual was imported'; sys.exit(status)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
