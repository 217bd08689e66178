"""Link hints on a huge article: `python benchmarks/hints_bench.py` (needs tmux).

A 1 MB article with a link on every line is opened in a real terminal; the measure is from the `f`
key to the labels painted (the hint bar and the first label on screen), beside the same program's
plain "key to painted text" for `/` (the find bar appears), in the same run.
"""

from __future__ import annotations

import argparse
import statistics
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


def linked_article(size: int = 1_000_000) -> str:
    line = "A sentence about sleep and [another page](other.md) and [a web page](https://example.org/x).\n\n"
    return "---\ntitle: Many links\nconditions: [Sleep]\n---\n" + line * (size // len(line))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    require_tmux()
    folder = Path(tempfile.mkdtemp(prefix="kt-hints-"))
    (folder / "lib").mkdir()
    (folder / "lib" / "a-many-links.md").write_text(linked_article(), encoding="utf-8")
    (folder / "lib" / "other.md").write_text("# Other\n\nText.\n", encoding="utf-8")
    env = {"XDG_STATE_HOME": f"{folder}/state", "XDG_CACHE_HOME": f"{folder}/cache", "XDG_CONFIG_HOME": f"{folder}/c"}
    hints, finds = [], []
    with Terminal([BIN, "--articles", str(folder / "lib")], env, SIZE) as term:
        term.wait_for(["Press enter"], term.start())  # a fresh home is a first launch: the welcome first
        term.press("Enter")
        term.wait_for(["A sentence about sleep"], time.perf_counter())
        time.sleep(1.0)
        for _ in range(args.runs):
            finds.append(term.wait_for(["Find:"], term.press("/")))
            term.press("Escape")
            time.sleep(1.0)
            hints.append(term.wait_for(["Link hints:", "and s web page"], term.press("f")))
            term.press("Escape")
            time.sleep(1.0)
    hint, find = statistics.median(hints), statistics.median(finds)
    print_ratio_table(f"runs: {args.runs}, terminal {SIZE[0]}x{SIZE[1]} (tmux), 1 MB article",
                      [("`f`: key to hint labels painted (median)", hint, find, "`/`: key to find bar painted")])

if __name__ == "__main__":
    main()
