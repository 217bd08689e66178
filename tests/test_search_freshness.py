"""`kratom-tui search` answers for the files as they are now, without loading the library: a file
changed, added, removed or replaced since the last search is found by the next one."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from kratom_tui.cli import main
from kratom_tui.library import load_library
from kratom_tui.search import SearchIndex, freshness
from tests.helpers import write_library
from tests.test_search import article

HOUR_AGO = time.time() - 3600


def settle(root: Path) -> None:
    """Date every file and folder an hour back, as a library that has not just been written."""
    for path in [*root.rglob("*"), root]:
        os.utime(path, (HOUR_AGO, HOUR_AGO))


def ids(capsys: pytest.CaptureFixture[str], root: Path, *query: str) -> list[str]:
    code = main(["--articles", str(root), "search", "--json", *query])
    rows = json.loads(capsys.readouterr().out)
    assert code == (0 if rows else 1)
    return [row["id"] for row in rows]


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = write_library(
        tmp_path / "lib",
        {
            "alpha.md": article("Alpha", "Walking helps restless legs."),
            "beta.md": article("Beta", "Stretching before bed."),
            "deep/gamma.md": article("Gamma", "Magnesium in the evening."),
        },
    )
    settle(root)
    return root


@pytest.mark.parametrize("settled", [True, False], ids=["settled times", "just written"])
def test_changed_added_and_removed_files_are_found_by_the_next_search(
    library: Path, capsys, settled: bool
) -> None:
    if not settled:
        os.utime(library)  # the folder's time is too recent to be trusted: it is compared again
    assert ids(capsys, library, "stretching") == ["beta"]
    (library / "alpha.md").write_text(article("Alpha", "Now about liver harm."), encoding="utf-8")  # in place
    (library / "deep" / "delta.md").write_text(article("Delta", "Stretching at noon."), encoding="utf-8")
    (library / "beta.md").unlink()
    assert ids(capsys, library, "liver") == ["alpha"]
    assert ids(capsys, library, "walking") == []
    assert ids(capsys, library, "stretching") == ["deep/delta"]
    shutil.rmtree(library / "deep")  # a whole folder gone
    assert ids(capsys, library, "stretching") == []
    assert ids(capsys, library, "magnesium") == []


def test_a_file_replaced_with_the_same_size_and_time_is_found_by_its_inode(library: Path, capsys) -> None:
    assert ids(capsys, library, "walking") == ["alpha"]
    old = (library / "alpha.md").stat()
    text = article("Alpha", "Running helps restless legs.")  # as long as the old text
    assert len(text.encode()) == old.st_size
    replacement = library / ".alpha.md.new"
    replacement.write_text(text, encoding="utf-8")
    os.utime(replacement, ns=(old.st_atime_ns, old.st_mtime_ns))
    os.replace(replacement, library / "alpha.md")  # an editor's save: a new file renamed over the old
    assert ids(capsys, library, "running") == ["alpha"]
    assert ids(capsys, library, "walking") == []


def test_a_large_library_has_every_file_compared_within_a_few_searches(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(freshness, "SWEEP", 2)
    root = write_library(tmp_path / "lib", {f"a{n}.md": article(f"A {n}", "Plain words.") for n in range(5)})
    settle(root)
    assert len(ids(capsys, root, "plain")) == 5
    (root / "a3.md").write_text(article("A 3", "Different words."), encoding="utf-8")
    os.utime(root / "a3.md", (HOUR_AGO + 60, HOUR_AGO + 60))
    found = [ids(capsys, root, "different") for _ in range(3)]  # 5 files, 2 a search: all within 3
    assert ["a3"] in found
    assert found[-1] == ["a3"]
    (root / "a1.md").write_text(article("A 1", "Other words."), encoding="utf-8")
    os.utime(root / "a1.md", (HOUR_AGO + 60, HOUR_AGO + 60))
    with SearchIndex.open(root) as index:
        assert index.refresh(every_file=True) == 1  # as the app does when it starts


def test_an_index_built_from_a_loaded_library_is_refreshed_without_reading_again(library: Path) -> None:
    with SearchIndex.open(library) as index:
        assert index.update(load_library(library)) == 3
        assert index.refresh() == 0  # sizes and times match: only the inode numbers are learnt
        assert index.refresh() == 0
        (library / "beta.md").write_text(article("Beta", "Yoga before bed."), encoding="utf-8")
        assert index.refresh() == 1
        assert [hit.article_id for hit in index.search("yoga")] == ["beta"]


def test_a_file_that_became_unusable_leaves_the_index(library: Path, capsys) -> None:
    assert ids(capsys, library, "walking") == ["alpha"]
    (library / "alpha.md").write_text("---\ntitle: [unclosed\n---\nWalking.\n", encoding="utf-8")
    (library / "broken.md").write_text("---\nrisks: {\n---\nWalking too.\n", encoding="utf-8")
    assert ids(capsys, library, "walking") == []
    assert ids(capsys, library, "magnesium") == ["deep/gamma"]
