"""`kratom-tui search` as a whole command on a large library, beside `rg -il` on the same folder.

    python benchmarks/search_cli_bench.py DIR [--count 10000] [--cache CACHE] [--queries 30]

DIR is made with benchmarks/make_library.py when it does not exist. The index lives in CACHE (a
temporary folder unless given, so that a 100,000-article index built once can be reused): the first
search builds it (its time and peak memory are shown), then `--queries` searches (one word, two
words, a phrase, a prefix, in turn, words drawn from the library with a seeded generator) run as
whole processes with the index up to date, interleaved with the baselines of the same run: `rg -il`
(the first word, the phrase, or the prefix's stem), `python -c pass`, and the import of
`kratom_tui.cli` alone (the floor every command pays before it does anything). Then the cost of a
search right after a file was changed in place, and right after one was added (the library is walked
again). Each figure is a median; peak memory is the largest resident size of any search process.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from machine import describe  # noqa: E402
from make_library import make_library  # noqa: E402

BIN = Path(sys.executable).with_name("kratom-tui")
WORD = re.compile(r"\b[a-z]{5,}\b")


def run(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time (s) and peak resident memory (KB) of one whole process, output thrown away."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, _status, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss


def queries(root: Path, count: int, seed: int) -> list[tuple[str, str]]:
    """`(kind, query)` in turn: one word, two words, phrase, prefix, from the bodies of random articles."""
    rng = random.Random(seed)
    names = sorted(os.listdir(root))
    made: list[tuple[str, str]] = []
    kinds = ["one word", "two words", "phrase", "prefix"]
    while len(made) < count:
        text = (root / rng.choice(names)).read_text(encoding="utf-8").split("\n---\n", 1)[-1].lower()
        words = WORD.findall(text)
        if len(words) < 10:
            continue
        kind = kinds[len(made) % len(kinds)]
        at = rng.randrange(len(words) - 1)
        query = {
            "one word": words[at],
            "two words": f"{words[at]} {rng.choice(words)}",
            "phrase": f'"{words[at]} {words[at + 1]}"',
            "prefix": f"{words[at][:4]}*",
        }[kind]
        made.append((kind, query))
    return made


def rg_pattern(query: str) -> str:
    """What `rg` is given: the phrase, else the first word (a prefix without its `*`)."""
    return query.strip('"') if query.startswith('"') else query.split()[0].rstrip("*")


def own_work(root: Path, cache: Path, made: list[str]) -> dict[str, list[float]]:
    """In this process, with the interpreter and imports already paid: the index's freshness check
    (`refresh`, nothing changed) and the query, each query once."""
    os.environ["XDG_CACHE_HOME"] = str(cache)
    from kratom_tui.search import SearchIndex

    times: dict[str, list[float]] = {"refresh, nothing changed (in-process)": [], "the query (in-process)": []}
    for query in made:
        start = time.perf_counter()
        with SearchIndex.open(root) as index:
            index.refresh()
            middle = time.perf_counter()
            index.search(query)
        times["refresh, nothing changed (in-process)"].append(middle - start)
        times["the query (in-process)"].append(time.perf_counter() - middle)
    return times


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dir", type=Path)
    parser.add_argument("--count", type=int, default=10000, help="articles to generate when DIR is missing")
    parser.add_argument("--cache", type=Path, help="cache folder to keep the index in (default: a temporary one)")
    parser.add_argument("--queries", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not args.dir.exists():
        make_library(args.dir, args.count)
    work = Path(tempfile.mkdtemp(prefix="kt-search-cli-"))
    cache = args.cache or work / "cache"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "XDG_STATE_HOME": str(work / "state"), "HOME": str(work)}
    search = [str(BIN), "--articles", str(args.dir), "search"]
    machine = describe()
    try:
        first, first_memory = run([*search, "warmup"], env)
        made = queries(args.dir, args.queries, args.seed)
        rows: dict[str, list[float]] = {}
        memory = 0
        for kind, query in made:
            seconds, peak = run([*search, query], env)
            memory = max(memory, peak)
            rows.setdefault(f"`kratom-tui search`, {kind}", []).append(seconds)
            rows.setdefault("`kratom-tui search`, all", []).append(seconds)
            if shutil.which("rg"):
                rows.setdefault("`rg -il` on the same folder", []).append(run(["rg", "-il", rg_pattern(query), str(args.dir)], env)[0])
            rows.setdefault("`python -c pass`", []).append(run([sys.executable, "-c", "pass"], env)[0])
            rows.setdefault("`python -c 'import kratom_tui.cli'`", []).append(
                run([sys.executable, "-c", "import kratom_tui.cli"], env)[0]
            )
        changed, added = [], []
        victim = args.dir / sorted(os.listdir(args.dir))[0]
        original = victim.read_bytes()
        extra = args.dir / "zz-bench-added.md"
        try:
            for _ in range(3):
                victim.write_bytes(original + b"\nA line written in place.\n")
                changed.append(run([*search, "sleep"], env)[0])
                victim.write_bytes(original)
                run([*search, "sleep"], env)
                extra.write_bytes(original)
                added.append(run([*search, "sleep"], env)[0])
                extra.unlink()
                run([*search, "sleep"], env)
        finally:
            victim.write_bytes(original)
            extra.unlink(missing_ok=True)
        run([*search, "sleep"], env)
        own = own_work(args.dir, cache, [query for _kind, query in made])
        # A pasted text of 20,000 words (issue 17): answered or refused, as a whole process.
        pasted = " ".join(query.strip('"*') for _kind, query in queries(args.dir, 20_000 // 2, args.seed + 1))
        rows["`kratom-tui search` with a query of 20,000 words"] = [run([*search, *pasted.split()[:20_000]], env)[0] for _ in range(3)]
        rows["`kratom-tui search` after a file was changed in place"] = changed
        rows["`kratom-tui search` after a file was added (the library walked again)"] = added
    finally:
        shutil.rmtree(work, ignore_errors=True)
    count = sum(1 for name in os.listdir(args.dir) if name.endswith(".md"))
    print(f"**Machine:** {machine}\n")
    print(f"**Library:** {count:,} articles in {args.dir}; {len(made)} queries, each command run once per query, interleaved.\n")
    print(f"First search (builds the index when CACHE is empty): {first:.2f} s, peak memory {first_memory / 1024:.0f} MB.\n")
    rows.update(own)
    rows = dict(sorted(rows.items(), key=lambda item: not item[0].startswith("`kratom-tui search`,")))
    rg = statistics.median(rows.get("`rg -il` on the same folder", [float("nan")]))
    print("| command | median | p95 | ÷ `rg -il` |")
    print("| --- | ---: | ---: | ---: |")
    for name, values in rows.items():
        values = sorted(values)
        p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
        print(f"| {name} | {ms(statistics.median(values))} | {ms(p95)} | {statistics.median(values) / rg:.2f} |")
    print(f"\nPeak resident memory of a search with the index up to date: {memory / 1024:.0f} MB.")


if __name__ == "__main__":
    main()
