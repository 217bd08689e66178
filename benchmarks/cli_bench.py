"""Start-up of the commands: `python benchmarks/cli_bench.py [--runs 10]`.

Each command runs as a whole process on the shipped library (caches warm, output thrown away, as in
a pipe), interleaved with `python -c pass` on the same interpreter, the floor of any Python command.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from machine import describe  # noqa: E402

BIN = str(Path(sys.executable).with_name("kratom-tui"))
COMMANDS = {
    "`python -c pass`": [sys.executable, "-c", "pass"],
    "`kratom-tui --version`": [BIN, "--version"],
    "`kratom-tui list`": [BIN, "list"],
    "`kratom-tui show restless-legs`": [BIN, "show", "restless-legs"],
    "`kratom-tui search sleep`": [BIN, "search", "sleep"],
    "`kratom-tui risks`": [BIN, "risks"],
}


def seconds(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="kt-cli-bench-")
    env = {**os.environ, "XDG_CACHE_HOME": f"{home}/cache", "XDG_STATE_HOME": f"{home}/state"}
    for command in COMMANDS.values():
        seconds(command, env)  # warm: the head cache, the catalogue and the search index exist
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.runs):
        for name, command in COMMANDS.items():
            times[name].append(seconds(command, env))
    floor = statistics.median(times["`python -c pass`"])
    print(f"Machine: {describe()}")
    print(f"Runs: {args.runs}, interleaved; shipped library\n")
    print("| command | median | ÷ `python -c pass` |")
    print("| --- | ---: | ---: |")
    for name, values in times.items():
        value = statistics.median(values)
        print(f"| {name} | {value * 1000:.0f} ms | {value / floor:.1f} |")


if __name__ == "__main__":
    main()
