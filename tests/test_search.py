"""The search engine: query translation, matching, ranking, snippets and the index file's life."""

from __future__ import annotations

import itertools
import os
import sqlite3
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kratom_tui.library import Library, load_library
from kratom_tui.library.model import Article, Body
from kratom_tui.search import SearchHit, SearchIndex, SearchUnavailable, parse_query
from kratom_tui.search import index as index_module
from kratom_tui.search.index import SCHEMA_VERSION, clean_markdown, split_parts, unmark
from tests.helpers import write_library


def article(
    title: str,
    body: str,
    conditions: tuple[str, ...] = ("Sleep",),
    summary: str = "",
    risks: tuple[tuple[str, str], ...] = (),
    disclaimers: tuple[str, ...] = (),
) -> str:
    lines = ["---", f"title: {title}", f"conditions: [{', '.join(conditions)}]"]
    if summary:
        lines.append(f"summary: {summary}")
    if risks:
        lines.append("risks:")
        for name, detail in risks:
            lines += [f"  - name: {name}", f"    detail: {detail}"]
    if disclaimers:
        lines.append("disclaimers:")
        lines += [f"  - {text}" for text in disclaimers]
    lines += ["---", body]
    return "\n".join(lines) + "\n"


FILLER = {
    f"filler-{n}.md": article(f"Filler piece {n}", f"Unrelated words about gardening and weather number {n}.")
    for n in range(6)
}
FILES = {
    "rls.md": article(
        "Restless legs at night",
        "People with restless legs syndrome feel an urge to move.\n\n## Cramps\n\nThe page claims kratom "
        "eases **leg cramps** and helps sleeping through the night.",
        conditions=("Restless legs syndrome", "Sleep"),
        summary="What a seller says about restless legs.",
        risks=(("Dependence", "Regular use may lead to dependence."),),
        disclaimers=("Not medical advice.",),
    ),
    "walk.md": article(
        "Evening walks",
        "One leg felt heavy; the legs are restless after long walks, says a user. See "
        "[the site](https://zzzexample.org/tracking-path) for more.",
        conditions=("Chronic pain",),
    ),
    "mag-title.md": article("Magnesium and sleep", "A short note on minerals.", conditions=("Sleep",)),
    "mag-body.md": article(
        "Minerals in general",
        "Some sellers pair kratom with magnesium. Magnesium is said to relax muscles.",
        conditions=("Neuropathic pain",),
    ),
    "focus.md": article(
        "Focus claims",
        "Users report better focus. A sleepy afternoon is common.",
        conditions=("ADHD",),
        risks=(("Liver injury", "Hepatotoxicity reported in rare cases."),),
        disclaimers=("The vendor sells capsules.",),
        summary="Attention and concentration claims, quoted as claims.",
    ),
    **FILLER,
}


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    return write_library(tmp_path / "lib", FILES)


@pytest.fixture
def index(library_dir: Path, tmp_path: Path):
    built = SearchIndex.open(library_dir, tmp_path / "cache")
    built.update(load_library(library_dir))
    yield built
    built.close()


def ids(hits: list[SearchHit]) -> list[str]:
    return [hit.article_id for hit in hits]


# Query translation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fts", "condition", "terms"),
    [
        ("legs", '"legs"', None, ("legs",)),
        ("restless  legs", '"restless" "legs"', None, ("restless", "legs")),
        ('"restless legs" sleep', '"restless legs" "sleep"', None, ("restless legs", "sleep")),
        ("magne*", '"magne"*', None, ("magne",)),
        ('"restless le"*', '"restless le"*', None, ("restless le",)),
        ("AND OR NOT", '"AND" "OR" "NOT"', None, ("AND", "OR", "NOT")),
        ("NEAR(a b)", '"NEAR(a" "b)"', None, ("NEAR(a", "b)")),
        ("title:x", '"title:x"', None, ("title:x",)),
        ("c++ -x ^y", '"c++" "-x" "^y"', None, ("c++", "-x", "^y")),
        ('"unbalanced phrase', '"unbalanced phrase"', None, ("unbalanced phrase",)),
        ('say "it', '"say" "it"', None, ("say", "it")),
        ("*", None, None, ()),
        ("* ** - + ^ ( ) :", None, None, ()),
        ('"', None, None, ()),
        ('""', None, None, ()),
        ("   \t\n", None, None, ()),
        ("", None, None, ()),
        ("condition:adhd focus", '"focus"', "adhd", ("focus",)),
        ('Condition:"chronic pain" walks', '"walks"', "chronic pain", ("walks",)),
        ("condition:restless", None, "restless", ()),
        ("condition: legs", '"legs"', None, ("legs",)),
        ('with "quote"inside', '"with" "quote" "inside"', None, ("with", "quote", "inside")),
    ],
)
def test_parse_query(text: str, fts: str | None, condition: str | None, terms: tuple[str, ...]) -> None:
    parsed = parse_query(text)
    assert (parsed.fts, parsed.condition, parsed.terms) == (fts, condition, terms)


def test_parse_query_drops_controls_and_surrogates() -> None:
    parsed = parse_query("le\x1bgs \udcff sleep")
    assert parsed.fts == '"le" "gs" "sleep"'


# Matching and ranking ---------------------------------------------------------------------------


def test_stemming_finds_other_forms(index: SearchIndex) -> None:
    assert {"rls", "walk"} <= set(ids(index.search("legs")))
    assert "walk" in ids(index.search("leg"))  # "One leg" and "the legs"
    assert "rls" in ids(index.search("sleep"))
    assert "rls" in ids(index.search("sleeping"))
    assert "mag-title" in ids(index.search("sleeping"))


def test_phrase_needs_the_words_together(index: SearchIndex) -> None:
    assert ids(index.search('"restless legs"')) == ["rls"]
    assert set(ids(index.search("restless legs"))) == {"rls", "walk"}
    assert ids(index.search('"legs restless"')) == []


def test_prefix(index: SearchIndex) -> None:
    assert set(ids(index.search("magnes*"))) == {"mag-title", "mag-body"}
    assert index.search("magnes") == []
    assert index.search("*") == []


def test_title_match_ranks_above_body_matches(index: SearchIndex) -> None:
    hits = index.search("magnesium")
    assert ids(hits) == ["mag-title", "mag-body"]
    assert hits[0].score > hits[1].score > 0


def test_summary_risks_and_disclaimers_are_searched(index: SearchIndex) -> None:
    assert ids(index.search("concentration")) == ["focus"]  # summary
    assert ids(index.search("hepatotoxicity")) == ["focus"]  # risk detail
    assert ids(index.search("liver injury")) == ["focus"]  # risk name
    assert ids(index.search("capsules")) == ["focus"]  # disclaimer
    assert ids(index.search("dependence")) == ["rls"]


def test_link_destinations_are_not_indexed(index: SearchIndex) -> None:
    assert index.search("zzzexample") == []
    assert index.search("tracking") == []
    hits = index.search("site")
    assert ids(hits) == ["walk"]
    assert "https" not in hits[0].snippet and "](" not in hits[0].snippet


def test_every_word_is_required(index: SearchIndex) -> None:
    assert ids(index.search("magnesium muscles")) == ["mag-body"]
    assert index.search("magnesium gardening") == []


def test_condition_filter(index: SearchIndex) -> None:
    assert set(ids(index.search("legs"))) == {"rls", "walk"}
    assert ids(index.search("legs condition:restless")) == ["rls"]
    assert ids(index.search("condition:RESTLESS legs")) == ["rls"]
    assert ids(index.search('legs condition:"chronic pain"')) == ["walk"]
    assert ids(index.search("legs", condition="Chronic")) == ["walk"]
    assert ids(index.search("legs", condition="syndrome")) == ["rls"]
    assert index.search("legs", condition="adhd") == []
    assert index.search("legs", condition="estless") == []  # the start of a word, not any substring
    assert set(ids(index.search("magnesium condition:pain"))) == {"mag-body"}
    assert ids(index.search("focus condition:adhd")) == ["focus"]


def test_condition_alone_lists_its_articles_by_title(index: SearchIndex) -> None:
    hits = index.search("condition:sleep")
    assert ids(hits) == sorted(FILLER_IDS) + ["mag-title", "rls"]  # by title: Filler..., Magnesium..., Restless...
    assert all(hit.score == 0.0 and hit.highlights == () and "\x02" not in hit.snippet for hit in hits)
    assert ids(index.search("", condition="adhd")) == ["focus"]


FILLER_IDS = [name.removesuffix(".md") for name in FILLER]


def test_hit_fields_and_snippet_highlights(index: SearchIndex) -> None:
    [hit] = index.search("cramps")
    assert hit.article_id == "rls"
    assert hit.title == "Restless legs at night"
    assert hit.conditions == ("Restless legs syndrome", "Sleep")
    assert "leg cramps" in hit.snippet
    assert "**" not in hit.snippet and "##" not in hit.snippet and "\n" not in hit.snippet
    assert [hit.snippet[start:end] for start, end in hit.highlights] == ["Cramps", "cramps"]
    for hit in index.search("legs sleeping"):
        found = {hit.snippet[start:end].lower() for start, end in hit.highlights}
        assert found and found <= {"leg", "legs", "sleep", "sleeping"}, hit
        assert "\x02" not in hit.snippet and "\x03" not in hit.snippet


def test_phrase_highlight_covers_the_phrase(index: SearchIndex) -> None:
    [hit] = index.search('"restless legs syndrome"')
    assert [hit.snippet[start:end] for start, end in hit.highlights] == ["restless legs syndrome"]


def test_snippet_from_another_field_when_the_body_has_no_match(index: SearchIndex) -> None:
    [hit] = index.search("hepatotoxicity")
    assert "Hepatotoxicity" in hit.snippet
    assert [hit.snippet[start:end] for start, end in hit.highlights] == ["Hepatotoxicity"]


def test_snippet_is_about_thirty_words(tmp_path: Path) -> None:
    words = " ".join(f"word{n}" for n in range(400))
    root = write_library(tmp_path / "lib", {"long.md": article("Long", f"{words} needle {words}")})
    with SearchIndex.open(root, tmp_path / "cache") as index:
        index.update(load_library(root))
        [hit] = index.search("needle")
    assert 25 <= len(hit.snippet.split()) <= 35
    assert hit.snippet.startswith("\u2026") and hit.snippet.endswith("\u2026")


def test_the_whole_of_a_long_body_is_searched_and_it_is_one_hit(tmp_path: Path) -> None:
    filler = " ".join(f"word{n % 997}" for n in range(60_000))  # about 460 KB: many parts
    root = write_library(
        tmp_path / "lib",
        {
            "long.md": article("Long report", f"needle at the start. {filler} Only here: zeolite. {filler} needle"),
            "short.md": article("Short note", "One needle."),
        },
    )
    with SearchIndex.open(root, tmp_path / "cache") as index:
        index.update(load_library(root))
        [hit] = index.search("zeolite")
        assert hit.article_id == "long"
        assert hit.snippet[slice(*hit.highlights[0])] == "zeolite"
        assert sorted(ids(index.search("needle"))) == ["long", "short"]
        assert sorted(ids(index.search("word5"))) == ["long"]
        assert ids(index.search("needle", limit=1)) in (["long"], ["short"])
        (root / "long.md").write_text(article("Long report", "Now short: needle."), encoding="utf-8")
        os.utime(root / "long.md", ns=(0, 10**18))
        assert index.update(load_library(root)) == 1
        assert index.search("zeolite") == []
        assert sorted(ids(index.search("needle"))) == ["long", "short"]


@given(st.text(alphabet=st.sampled_from("ab \n"), max_size=400), st.integers(min_value=1, max_value=40))
def test_parts_keep_every_character_and_cut_at_white_space(text: str, size: int) -> None:
    parts = split_parts(text, size)
    assert "".join(parts) == text
    assert all(len(part) <= size for part in parts)
    for part, following in itertools.pairwise(parts):
        # A cut falls before white space whenever the piece had any to cut at.
        assert following[:1].isspace() or not any(char.isspace() for char in part[1:])


def test_limit(index: SearchIndex) -> None:
    assert len(index.search("filler", limit=3)) == 3
    assert len(index.search("filler")) == 6
    assert index.search("filler", limit=0) == []


def test_unmark() -> None:
    assert unmark("\u2026a \x02b\x03  c\n\n\x02d e\x03 f") == ("\u2026a b c d e f", ((3, 4), (7, 10)))
    assert unmark("plain") == ("plain", ())


def test_clean_markdown() -> None:
    text = "# Head\n\nSome **bold**, _it_ and `code`, a [link](https://x.org/a) and ![pic](p.png).\n\n- item\n\n|a|b|\n|---|---|\n"
    cleaned = clean_markdown(text)
    for gone in ("#", "**", "_", "`", "https", "x.org", "p.png", "|", "---", "- item", "[", "]"):
        assert gone not in cleaned
    assert " ".join(cleaned.split()) == "Head Some bold, it and code, a link and pic. item a b"


NASTY = ['"', "AND", "OR", "NOT", "c++", "risk:", "-", "NEAR(", "NEAR", "*", '"a', "title:x", "^x", "(", ")", "'",
         "a OR b", "-legs", "+legs", "{title}: x", "condition:", 'condition:"', "condition:*", "\\", "\x00", "legs*",
         "**", "*legs", "NEAR(a b, 3)", "a:b:c", "\u00e9t\u00e9", "\u0301", "\U0001f600", "\ud800", "\x02x\x03", ";"]


def test_any_text_is_a_valid_query(index: SearchIndex) -> None:
    @given(st.one_of(st.text(), st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=5))).map(" ".join)))
    @settings(max_examples=400, deadline=None)
    def check(text: str) -> None:
        parsed = parse_query(text)
        assert parsed.fts is None or parsed.fts.strip()
        hits = index.search(text)
        assert isinstance(hits, list)
        index.search(text, condition=text, limit=3)

    check()
    for text in NASTY:
        index.search(text)
        index.search("legs " + text)


# The index file ---------------------------------------------------------------------------------


def test_index_lives_in_the_user_cache_folder_one_file_per_library(tmp_path: Path, isolated_dirs: Path) -> None:
    one = write_library(tmp_path / "one", {"a.md": article("Alpha", "apples")})
    two = write_library(tmp_path / "two", {"b.md": article("Beta", "bananas")})
    with SearchIndex.open(one) as first, SearchIndex.open(two) as second:
        first.update(load_library(one))
        second.update(load_library(two))
        assert first.path != second.path
        assert first.path.parent == isolated_dirs / "xdg_cache_home" / "kratom-tui" / "search"
        assert ids(first.search("apples")) == ["a"] and first.search("bananas") == []
        assert ids(second.search("bananas")) == ["b"]
    with SearchIndex.open(tmp_path / "one" / ".." / "one") as again:
        assert again.path == first.path
        assert ids(again.search("apples")) == ["a"]


def test_update_is_incremental(library_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    steps: list[tuple[int, int]] = []
    with SearchIndex.open(library_dir, cache) as index:
        assert index.update(load_library(library_dir), progress=lambda done, total: steps.append((done, total))) == len(FILES)
        assert steps[0] == (0, len(FILES)) and steps[-1] == (len(FILES), len(FILES)) and len(steps) == len(FILES) + 1

    def no_reading(self: Library, article: Article) -> Body:
        raise AssertionError(f"{article.id} was read again")

    with monkeypatch.context() as patch, SearchIndex.open(library_dir, cache) as index:
        patch.setattr(Library, "read_body", no_reading)
        assert index.update(load_library(library_dir)) == 0
        assert ids(index.search("magnesium")) == ["mag-title", "mag-body"]

    # Change one file, add one, remove one.
    (library_dir / "walk.md").write_text(article("Evening walks", "Now about swimming laps."), encoding="utf-8")
    (library_dir / "new.md").write_text(article("New piece", "Kayaking at dawn."), encoding="utf-8")
    (library_dir / "mag-body.md").unlink()
    read: list[str] = []
    real_body = Library.read_body

    def counting(self: Library, article: Article) -> Body:
        read.append(article.id)
        return real_body(self, article)

    with monkeypatch.context() as patch, SearchIndex.open(library_dir, cache) as index:
        patch.setattr(Library, "read_body", counting)
        assert index.update(load_library(library_dir)) == 2
        assert sorted(read) == ["new", "walk"]
        assert ids(index.search("swimming")) == ["walk"]
        assert index.search("heavy") == []
        assert ids(index.search("kayaking")) == ["new"]
        assert ids(index.search("magnesium")) == ["mag-title"]
        assert index.update(load_library(library_dir)) == 0


def test_same_size_change_is_seen_by_modification_time(library_dir: Path, tmp_path: Path) -> None:
    with SearchIndex.open(library_dir, tmp_path / "cache") as index:
        index.update(load_library(library_dir))
        path = library_dir / "mag-title.md"
        text = path.read_text(encoding="utf-8")
        before = path.stat()
        path.write_text(text.replace("minerals", "zircons!"), encoding="utf-8")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
        assert path.stat().st_size == before.st_size
        assert index.update(load_library(library_dir)) == 1
        assert ids(index.search("zircons")) == ["mag-title"]


def test_a_file_whose_id_changes_is_reindexed(library_dir: Path, tmp_path: Path) -> None:
    with SearchIndex.open(library_dir, tmp_path / "cache") as index:
        index.update(load_library(library_dir))
        write_library(library_dir, {"aa/rls.md": article("Copy", "duplicate text")})
        library = load_library(library_dir)
        assert index.update(library) >= 1
        found = {hit.article_id for hit in index.search("duplicate")} | {hit.article_id for hit in index.search("cramps")}
        assert found == {article.id for article in library.articles if article.path.name == "rls.md"}


def test_interrupted_update_leaves_the_previous_index(library_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with SearchIndex.open(library_dir, cache) as index:
        index.update(load_library(library_dir))
    (library_dir / "mag-title.md").unlink()
    (library_dir / "new.md").write_text(article("New piece", "Kayaking at dawn."), encoding="utf-8")

    def crash(done: int, total: int) -> None:
        if done == 1:
            raise KeyboardInterrupt

    with SearchIndex.open(library_dir, cache) as index:
        with pytest.raises(KeyboardInterrupt):
            index.update(load_library(library_dir), progress=crash)
        assert index.search("kayaking") == []
        assert "mag-title" in ids(index.search("magnesium"))
    with SearchIndex.open(library_dir, cache) as index:
        assert "mag-title" in ids(index.search("magnesium"))
        assert index.update(load_library(library_dir)) == 1
        assert ids(index.search("kayaking")) == ["new"]
        assert "mag-title" not in ids(index.search("magnesium"))


def test_stale_schema_version_is_rebuilt(library_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with SearchIndex.open(library_dir, cache) as index:
        index.update(load_library(library_dir))
        path = index.path
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 41}")
        connection.execute("CREATE TABLE leftovers(x)")
    connection.close()
    with SearchIndex.open(library_dir, cache) as index:
        assert index.search("magnesium") == []
        assert index.update(load_library(library_dir)) == len(FILES)
        assert ids(index.search("magnesium")) == ["mag-title", "mag-body"]
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("SELECT count(*) FROM sqlite_master WHERE name = 'leftovers'").fetchone()[0] == 0
    connection.close()


def test_corrupt_file_is_moved_aside_and_rebuilt(library_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with SearchIndex.open(library_dir, cache) as index:
        path = index.path
    garbage = b"this is not a database at all\x00\xff" * 300
    path.write_bytes(garbage)
    with SearchIndex.open(library_dir, cache) as index:
        assert index.notice is None and index.path == path
        assert index.update(load_library(library_dir)) == len(FILES)
        assert ids(index.search("magnesium")) == ["mag-title", "mag-body"]
    [aside] = cache.glob(f"{path.name}.corrupt-*")
    assert aside.read_bytes() == garbage


def test_damage_inside_the_file_is_recovered(library_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with SearchIndex.open(library_dir, cache) as index:
        index.update(load_library(library_dir))
        path = index.path
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 3 * page
    data[page:] = b"\xa5" * (len(data) - page)  # keep the header, wreck every page after the first
    path.write_bytes(bytes(data))
    with SearchIndex.open(library_dir, cache) as index:
        index.update(load_library(library_dir))
        assert ids(index.search("magnesium")) == ["mag-title", "mag-body"]
    assert list(cache.glob(f"{path.name}.corrupt-*"))


def test_corruption_found_while_searching_is_rebuilt_from_the_last_library(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_search = SearchIndex._search
    calls: list[str] = []

    def failing_once(self: SearchIndex, *args: object) -> list[SearchHit]:
        calls.append("search")
        if len(calls) == 1:
            raise sqlite3.DatabaseError("database disk image is malformed")
        return real_search(self, *args)

    monkeypatch.setattr(SearchIndex, "_search", failing_once)
    path = index.path
    assert ids(index.search("magnesium")) == ["mag-title", "mag-body"]
    assert calls == ["search", "search"]
    assert index.path == path and len(index.set_aside) == 1
    assert list(path.parent.glob(f"{path.name}.corrupt-*"))


def test_unwritable_cache_folder_falls_back_to_memory(library_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("a regular file", encoding="utf-8")
    with SearchIndex.open(library_dir, tmp_path / "file" / "sub") as index:
        assert index.path is None
        assert index.notice is not None and index.notice.startswith("Search index kept in memory: ")
        assert "not writable" in index.notice and str(tmp_path / "file" / "sub") in index.notice
        assert index.update(load_library(library_dir)) == len(FILES)
        assert ids(index.search("magnesium")) == ["mag-title", "mag-body"]


def test_without_fts5_search_is_unavailable(library_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_module, "_fts5_problem", lambda: "no such module: fts5")
    with pytest.raises(SearchUnavailable, match=r"^SQLite here lacks FTS5: no such module: fts5"):
        SearchIndex.open(library_dir)


def test_search_reads_while_another_connection_writes(index: SearchIndex) -> None:
    other = sqlite3.connect(index.path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("DELETE FROM docs")
        assert ids(index.search("magnesium")) == ["mag-title", "mag-body"]
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_update_in_a_thread_while_searching(library_dir: Path, tmp_path: Path) -> None:
    many = {f"bulk-{n}.md": article(f"Bulk {n}", f"Bulkword and token{n}.") for n in range(150)}
    write_library(library_dir, many)
    library = load_library(library_dir)
    with SearchIndex.open(library_dir, tmp_path / "cache") as index:
        errors: list[Exception] = []

        def build() -> None:
            try:
                index.update(library)
            except Exception as error:  # pragma: no cover - reported below
                errors.append(error)

        worker = threading.Thread(target=build)
        worker.start()
        while worker.is_alive():
            index.search("bulkword")
        worker.join()
        assert errors == []
        assert len(index.search("bulkword", limit=500)) == 150
