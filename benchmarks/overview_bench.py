"""The risk overview on a large library: `python benchmarks/overview_bench.py` (needs tmux).

The reader runs in a real terminal on a synthetic library of `--count` articles (made once with
make_library.py) and on the shipped library, one after the other in the same run; the measure is
from the `o` key to the overview's table painted (its header and first risk on screen).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from report import print_ratio_table, require_tmux  # noqa: E402
from terminal import Terminal  # noqa: E402

BIN = str(Path(sys.executable).with_name("kratom-tui"))
SIZE = (100, 30)
SHIPPED_FIRST_RISK = "Dependence and addiction"
SYNTHETIC_FIRST_RISK = "Named by"


def overview_times(articles: Path | None, first_risk: str, runs: int, folder: Path) -> list[float]:
    """Median-ready timings of `o` once the library is fully read (the overview needs all of it)."""
    env = {"XDG_STATE_HOME": f"{folder}/state", "XDG_CACHE_HOME": f"{folder}/cache", "XDG_CONFIG_HOME": f"{folder}/c"}
    command = [BIN] + (["--articles", str(articles)] if articles else [])
    times = []
    with Terminal(command, env, SIZE) as term:
        term.wait_for(["Risks and disclaimers"], term.start(), timeout=300)
        deadline = time.monotonic() + 300
        while "Risk overview" not in term.screen():  # the overview waits for the whole library
            if time.monotonic() > deadline:
                sys.exit("the library never finished loading")
            term.press("Escape")
            time.sleep(1.0)
            term.press("o")
            time.sleep(1.0)
        term.press("Escape")
        time.sleep(1.0)
        for _ in range(runs):
            times.append(term.wait_for(["Risk overview", first_risk], term.press("o")))
            time.sleep(0.5)
            term.press("Escape")
            time.sleep(1.0)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    require_tmux()
    folder = Path(tempfile.mkdtemp(prefix="kt-overview-"))
    library = folder / "lib"
    subprocess.run([sys.executable, str(HERE / "make_library.py"), str(library), "--count", str(args.count)],
                   check=True, stdout=subprocess.DEVNULL)
    large = overview_times(library, SYNTHETIC_FIRST_RISK, args.runs, folder / "large")
    shipped = overview_times(None, SHIPPED_FIRST_RISK, args.runs, folder / "shipped")
    big, small = statistics.median(large), statistics.median(shipped)
    measure = f"`o`: key to the risk overview painted, {args.count:,} articles (median)"
    print_ratio_table(f"runs: {args.runs}, terminal {SIZE[0]}x{SIZE[1]} (tmux)",
                      [(measure, big, small, "the same on the shipped library")])

if __name__ == "__main__":
    main()
