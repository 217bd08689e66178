"""First launch on a large folder: `python benchmarks/first_launch_bench.py [DIR] [--count N]` (needs tmux).

The reader starts in a real terminal on a folder it has never seen (no caches): the measure is from
the start of the process to the first frame with the sidebar on screen (under the welcome), then to the library fully
read (the sidebar's conditions replace the "being read" group). The baseline, in the same run, is a
later launch on the same folder, once its catalogue is saved.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from machine import describe  # noqa: E402
from report import require_tmux  # noqa: E402
from terminal import Terminal  # noqa: E402

BIN = str(Path(sys.executable).with_name("kratom-tui"))
SIZE = (100, 30)
BEING_READ = "All files (being read)"


def launch(folder: Path, home: Path, wait_for_load: bool) -> tuple[float, float | None]:
    """Seconds to the first frame, and (on a first launch) to the whole library read."""
    env = {"HOME": str(home), "XDG_STATE_HOME": f"{home}/state", "XDG_CACHE_HOME": f"{home}/cache",
           "XDG_CONFIG_HOME": f"{home}/config", "XDG_DATA_HOME": f"{home}/data"}
    with Terminal([BIN, "--articles", str(folder)], env, SIZE) as term:
        started = term.start()
        first = term.wait_for(["kratom-tui — ", "▕"], started, timeout=600)  # the title and the sidebar's edge
        if not wait_for_load:
            return first, None
        deadline = time.monotonic() + 1800
        while BEING_READ in term.screen() and time.monotonic() < deadline:
            time.sleep(0.5)
        loaded = time.perf_counter() - started
        term.press("Escape")
        time.sleep(0.5)
        term.press("q")
        time.sleep(3)  # the index may still be saving; the next launch is timed on the saved catalogue
        return first, loaded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path, help="a library (default: one made with make_library.py)")
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3, help="later launches timed")
    args = parser.parse_args()
    require_tmux()
    work = Path(tempfile.mkdtemp(prefix="kt-first-"))
    folder = args.folder
    if folder is None:
        folder = work / "lib"
        subprocess.run([sys.executable, str(HERE / "make_library.py"), str(folder), "--count", str(args.count)],
                       check=True, stdout=subprocess.DEVNULL)
    count = sum(1 for _ in folder.rglob("*.md"))
    home = work / "home"
    first, loaded = launch(folder, home, wait_for_load=True)
    later = sorted(launch(folder, home, wait_for_load=False)[0] for _ in range(args.runs))[args.runs // 2]
    shutil.rmtree(home, ignore_errors=True)
    import textual

    print(f"Machine: {describe(f'Textual {textual.__version__}')}")
    print(f"Date: {time.strftime('%Y-%m-%d')}, {count:,} articles, terminal {SIZE[0]}x{SIZE[1]} (tmux)\n")
    print("| measure | value | baseline | baseline value | ratio |")
    print("|---|---:|---|---:|---:|")
    print(f"| first launch, no caches: first frame | {first:.2f} s | later launch (median of {args.runs}) | "
          f"{later:.2f} s | {first / later:.2f} |")
    print(f"| first launch: whole library read, sidebar filled in | {loaded:.1f} s | | | |")


if __name__ == "__main__":
    main()
