"""Start-up of the commands: `python benchmarks/cli_bench.py [--runs 10]`.

Each command runs as a whole process on the shipped library (caches warm, output thrown away, as in
a pipe), interleaved with `python -c pass` on the same interpreter, the floor of any Python command,
and each is reported as a ratio to it (issue 19's target: at most 5). The same run also times bare
interpreters that only import what the commands cannot do without (argparse and the user's folders,
YAML, SQLite, Rich, the markdown parser), so the table shows how much of a ratio is those imports.

Bytecode is written and used as an installed package's would be, even when PYTHONDONTWRITEBYTECODE
is set in the calling shell: without it every run compiles the reader's modules again.
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

TARGET = 5.0
BIN = str(Path(sys.executable).with_name("kratom-tui"))
FLOOR = "`python -c pass`"
COMMANDS = {
    FLOOR: [sys.executable, "-c", "pass"],
    "`kratom-tui --version`": [BIN, "--version"],
    "`kratom-tui about`": [BIN, "about"],
    "`kratom-tui list`": [BIN, "list"],
    "`kratom-tui list --ids`": [BIN, "list", "--ids"],
    "`kratom-tui risks`": [BIN, "risks"],
    "`kratom-tui check`": [BIN, "check"],
    "`kratom-tui search sleep`": [BIN, "search", "sleep"],
    "`kratom-tui show restless-legs`": [BIN, "show", "restless-legs"],
}
_FOLDERS = "import re, argparse, pathlib, json, dataclasses, platformdirs, hashlib"
_LIBRARY = f"{_FOLDERS}, yaml, sqlite3"
IMPORTS = {
    "argparse, pathlib, json, dataclasses, platformdirs, hashlib": _FOLDERS,
    "the same + yaml (safety notes, front matter)": f"{_FOLDERS}, yaml",
    "the same + sqlite3 (head cache, search index)": _LIBRARY,
    "the same + rich (output on a terminal, `show`, `search`)": f"{_LIBRARY}, rich.console, rich.table",
    "the same + markdown_it (`show` renders a body)": f"{_LIBRARY}, rich.console, rich.table, markdown_it",
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
    env = {
        **os.environ,
        "XDG_CACHE_HOME": f"{home}/cache",
        "XDG_STATE_HOME": f"{home}/state",
        "XDG_CONFIG_HOME": f"{home}/config",
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("KRATOM_TUI_ARTICLES", None)
    bare = {f"(imports only) {name}": [sys.executable, "-c", code] for name, code in IMPORTS.items()}
    programs = {**COMMANDS, **bare}
    machine = describe()
    for command in programs.values():
        seconds(command, env)  # warm: bytecode, the head cache, the catalogue, the search index, the kept answers
    times: dict[str, list[float]] = {name: [] for name in programs}
    for _ in range(args.runs):
        for name, command in programs.items():
            times[name].append(seconds(command, env))
    floor = statistics.median(times[FLOOR])
    print(f"Machine: {machine}; load average {os.getloadavg()[0]:.2f} at the end")
    print(f"Runs: {args.runs}, interleaved; shipped library, warm caches, output piped\n")
    print(f"| program | median | fastest | ÷ {FLOOR} (medians) | within {TARGET:g} × |")
    print("| --- | ---: | ---: | ---: | --- |")
    for name, values in times.items():
        ratio = statistics.median(values) / floor
        met = "—" if name == FLOOR or name.startswith("(") else ("yes" if ratio <= TARGET else "no")
        median, fastest = statistics.median(values) * 1000, min(values) * 1000
        print(f"| {name} | {median:.0f} ms | {fastest:.0f} ms | {ratio:.1f} | {met} |")


if __name__ == "__main__":
    main()
