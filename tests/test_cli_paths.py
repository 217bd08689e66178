"""`paths`, `config`, `cache clear` / `cache prune` and the automatic pruning of stale caches."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
import yaml

from kratom_tui.cli import main
from kratom_tui.cli_config import EXAMPLE
from kratom_tui.cli_paths import PRUNE_EVERY, PRUNE_STAMP, cache_dir, cache_files, prune_now_and_then
from kratom_tui.settings import Settings, load_settings
from tests.helpers import write_library


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_paths_name_every_folder_under_the_xdg_variables(small_library: Path, isolated_dirs: Path, capsys) -> None:
    code, out, _ = run(capsys, "--articles", str(small_library), "paths", "--json")
    assert code == 0
    paths = json.loads(out)
    assert paths == {
        "config": str(isolated_dirs / "xdg_config_home" / "kratom-tui"),
        "settings": str(isolated_dirs / "xdg_config_home" / "kratom-tui" / "settings.yaml"),
        "state": str(isolated_dirs / "xdg_state_home" / "kratom-tui" / "state.json"),
        "notes": str(isolated_dirs / "xdg_data_home" / "kratom-tui"),
        "cache": str(isolated_dirs / "xdg_cache_home" / "kratom-tui"),
        "library": str(small_library),
    }
    code, out, _ = run(capsys, "--articles", str(small_library), "paths")
    assert code == 0
    assert out.splitlines()[1] == f"settings  {paths['settings']}"
    assert out.splitlines()[-1] == f"library   {small_library}"


def test_paths_agree_with_where_the_reader_keeps_things(isolated_dirs: Path, capsys) -> None:
    from kratom_tui.state import StateStore

    _, out, _ = run(capsys, "paths", "--json")
    paths = json.loads(out)
    Path(paths["settings"]).parent.mkdir(parents=True)
    Path(paths["settings"]).write_text('urgent_help:\n  emergency: "112"\n', encoding="utf-8")
    assert load_settings().emergency == "112"
    assert str(StateStore().path) == paths["state"]


def test_config_example_is_valid_and_names_every_key(tmp_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "config", "--example")
    assert code == 0 and out == EXAMPLE
    path = tmp_path / "settings.yaml"
    path.write_text(out.replace('"911"', '"112"'), encoding="utf-8")
    settings = load_settings(path)
    assert settings.notice is None
    assert settings.emergency == "112" and settings.poison_help == Settings().poison_help
    data = yaml.safe_load(out)
    commented = {line[2:].split(":")[0] for line in out.splitlines() if line.startswith("# ") and ":" in line[2:12]}
    keys = set(data["urgent_help"]) | (set(data) - {"urgent_help"}) | ({"articles"} & commented)
    derived = ("notice", "problems", "urgent_help_problem")
    fields = {name for name in Settings.__dataclass_fields__ if name not in derived}
    assert keys == fields  # a new setting must be added to the example too
    lines = out.splitlines()
    keyed = [number for number, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")]
    assert all(lines[number - 1].lstrip().startswith("#") for number in keyed)  # every key has its comment


def test_config_names_the_settings_file(isolated_dirs: Path, capsys) -> None:
    code, out, err = run(capsys, "config")
    assert code == 0
    assert out.strip() == str(isolated_dirs / "xdg_config_home" / "kratom-tui" / "settings.yaml")
    assert "kratom-tui config --example >" in err


def _fill_caches(root: Path, capsys) -> None:
    """`list` makes the catalogue and the heads cache (`search` reads neither), `search` the index."""
    assert run(capsys, "--articles", str(root), "list", "--ids")[0] == 0
    assert run(capsys, "--articles", str(root), "search", "good")[0] in (0, 1)


def test_cache_clear_removes_everything(small_library: Path, capsys) -> None:
    _fill_caches(small_library, capsys)
    assert any(cache_dir().rglob("*.sqlite*"))
    code, out, _ = run(capsys, "cache", "clear")
    assert code == 0
    assert out.startswith("removed ") and str(cache_dir()) in out
    assert not cache_dir().exists()
    assert run(capsys, "cache", "clear")[1].startswith("removed 0 file(s)")
    assert run(capsys, "--articles", str(small_library), "list")[0] == 0  # rebuilt as needed


def test_every_cache_file_knows_its_library(small_library: Path, capsys) -> None:
    _fill_caches(small_library, capsys)
    files = cache_files()
    assert {entry.path.name.split("-")[0] for entry in files} == {"catalogue", "heads", "library"}
    assert {entry.library for entry in files} == {small_library.resolve()}


def test_prune_removes_only_the_caches_of_deleted_folders(small_library: Path, tmp_path: Path, capsys) -> None:
    gone = write_library(tmp_path / "gone", {"x.md": "# X\n\nWords.\n"})
    _fill_caches(small_library, capsys)
    _fill_caches(gone, capsys)
    shutil.rmtree(gone)
    code, out, err = run(capsys, "cache", "prune")
    assert code == 0
    assert out.count("library folder gone") == 3 and str(gone) in out
    assert "removed 3 cache file(s)" in err
    assert {entry.library for entry in cache_files()} == {small_library.resolve()}
    assert run(capsys, "--articles", str(small_library), "search", "good")[0] == 0


def test_a_heads_cache_alone_finds_its_folder_from_its_rows(tmp_path: Path, capsys) -> None:
    gone = write_library(tmp_path / "gone", {"x.md": "# X\n"})
    _fill_caches(gone, capsys)
    for path in cache_dir().glob("catalogue-*.json"):
        path.unlink()
    shutil.rmtree(gone)
    assert [entry.path.name.split("-")[0] for entry in cache_files() if entry.stale()] == ["heads", "library"]


def test_pruning_runs_by_itself_at_most_once_a_day(tmp_path: Path, capsys) -> None:
    gone = write_library(tmp_path / "gone", {"x.md": "# X\n"})
    _fill_caches(gone, capsys)
    shutil.rmtree(gone)
    stamp = cache_dir() / PRUNE_STAMP
    stamp.touch()
    prune_now_and_then()
    assert any(entry.stale() for entry in cache_files())  # pruned less than a day ago: left alone
    prune_now_and_then(now=time.time() + PRUNE_EVERY + 1)
    assert not any(entry.stale() for entry in cache_files())


def test_any_command_prunes_when_due(small_library: Path, tmp_path: Path, capsys) -> None:
    gone = write_library(tmp_path / "gone", {"x.md": "# X\n"})
    _fill_caches(gone, capsys)
    shutil.rmtree(gone)
    (cache_dir() / PRUNE_STAMP).unlink(missing_ok=True)
    assert run(capsys, "--articles", str(small_library), "list")[0] == 0
    assert not any(entry.stale() for entry in cache_files())


@pytest.mark.parametrize(
    "command", [["paths"], ["config", "--example"], ["cache", "prune"], ["completion", "bash"], ["list", "--ids"]]
)
def test_these_commands_never_import_textual(small_library: Path, command: list[str]) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from kratom_tui.cli import main; "
        f"status = main({['--articles', str(small_library), *command]!r}); "
        "assert 'textual' not in sys.modules, 'textual was imported'; "
        "sys.exit(status)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
