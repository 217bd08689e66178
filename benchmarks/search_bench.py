"""Search benchmark: `python benchmarks/search_bench.py [DIR] [--count 10000] [--size 5000]`.

Builds a synthetic library (benchmarks/make_library.py) in a temporary folder unless DIR is given,
then measures, with a fresh index in a temporary cache folder:

- the first index build, an update with nothing changed, an update with 10 files changed, and
  opening the existing index;
- query latency (median and 95th percentile, each query timed as the median of 3 runs after a
  warm-up) for one-word, two-word, phrase and prefix queries, 60 of each, and for the 10 most
  common words as a worst case;

and, as the baseline in the same run, a naive scan: the same texts (title, summary, body, risks,
disclaimers) read into memory and lowercased, each query a lowercase substring test over all of
them (no stemming, ranking or snippets). Prints a markdown table with each figure beside its
baseline.

Query words are drawn with a seeded generator: one-word queries uniformly from the library's
distinct words of 4 letters or more; two-word queries as two distinct words of one random article;
phrases as two adjacent words of a random article, neither of them one of the 100 most common words
of the library (people rarely search for "of the"); prefixes as the first 4 letters of a random word
of 5 letters or more, plus `*`. The match counts in the table are the index's.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from machine import describe  # noqa: E402
from make_library import make_library  # noqa: E402

from kratom_tui.library import load_library  # noqa: E402
from kratom_tui.search import SearchIndex, parse_query  # noqa: E402
from kratom_tui.search.index import clean_markdown  # noqa: E402

WORD = re.compile(r"[a-z]{4,}")
PER_SET = 60
REPEATS = 3


def timed(action: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def naive_texts(library) -> list[str]:
    """What the naive scan searches: every article's fields, read from disk and lowercased."""
    texts = []
    for article in library.articles:
        body = library.read_body(article).text
        risks = " ".join(f"{risk.name} {risk.detail}" for risk in article.risks)
        parts = (article.title, article.summary, body, risks, " ".join(article.disclaimers))
        texts.append("\n".join(parts).lower())
    return texts


def naive_search(texts: list[str], query: str) -> int:
    needles = [needle for needle in re.findall(r'"([^"]*)"|(\S+)', query.lower()) for needle in needle if needle]
    needles = [needle.rstrip("*") for needle in needles]
    return sum(1 for text in texts if all(needle in text for needle in needles))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def query_sets(texts: list[str], cleaned: list[str], rng: random.Random) -> dict[str, list[str]]:
    frequency: Counter[str] = Counter()
    for text in texts:
        frequency.update(set(WORD.findall(text)))
    words = sorted(frequency)
    long_words = [word for word in words if len(word) >= 5]
    sets: dict[str, list[str]] = {"one word": [], "two words": [], "phrase": [], "prefix": []}
    common = {word for word, _count in frequency.most_common(100)}
    sets["one word"] = [rng.choice(words) for _ in range(PER_SET)]
    while len(sets["two words"]) < PER_SET:
        distinct = sorted(set(WORD.findall(rng.choice(texts))))
        if len(distinct) >= 2:
            sets["two words"].append(" ".join(rng.sample(distinct, 2)))
    while len(sets["phrase"]) < PER_SET:
        tokens = re.findall(r"[a-z]+", rng.choice(cleaned).lower())
        pairs = [pair for pair in itertools.pairwise(tokens) if not common.intersection(pair)]
        if pairs:
            sets["phrase"].append('"{} {}"'.format(*rng.choice(pairs)))
    sets["prefix"] = [rng.choice(long_words)[:4] + "*" for _ in range(PER_SET)]
    top = [word for word, _count in frequency.most_common(10)]
    sets["10 most common words (worst case)"] = [top[n % len(top)] for n in range(PER_SET)]
    return sets


def index_matches(index: SearchIndex, query: str) -> int:
    """How many articles the index matches for `query` (all of them, not just the best 20)."""
    fts = parse_query(query).fts
    connection = sqlite3.connect(index.path)
    try:
        return connection.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (fts,)).fetchone()[0] if fts else 0
    finally:
        connection.close()


def latency(index: SearchIndex, queries: list[str]) -> list[float]:
    for query in queries:
        index.search(query)
    times = []
    for query in queries:
        runs = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            index.search(query)
            runs.append(time.perf_counter() - start)
        times.append(statistics.median(runs))
    return times


def seconds(value: float) -> str:
    return f"{value:.2f} s" if value >= 0.1 else f"{value * 1000:.1f} ms"


def ms(value: float) -> str:
    return f"{value * 1000:.2f} ms" if value < 0.1 else f"{value * 1000:.0f} ms"


def ratio(baseline: float, measured: float) -> str:
    return f"{baseline / measured:,.1f}\u00d7" if measured > 0 else "\u2014"


BIN = Path(sys.executable).with_name("kratom-tui")


def process_seconds(command: list[str], env: dict[str, str]) -> float:
    """Wall time of a whole process, start to exit, its output thrown away (as in a pipe)."""
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def process_rows(root: Path, work: Path, queries: list[str]) -> list[tuple[str, float]]:
    """`kratom-tui search` as a user runs it (index up to date), beside rg and grep on the same folder."""
    env = {**os.environ, "XDG_CACHE_HOME": str(work / "xdg-cache"), "XDG_STATE_HOME": str(work / "xdg-state")}
    process_seconds([str(BIN), "search", "--articles", str(root), "warmup"], env)  # builds its caches and index
    commands: dict[str, Callable[[str], list[str]]] = {
        "`kratom-tui search WORD` (best 20, snippets)": lambda q: [str(BIN), "search", "--articles", str(root), q],
        "`python -c pass` (the interpreter alone)": lambda q: [sys.executable, "-c", "pass"],
    }
    if shutil.which("rg"):
        commands["`rg -il WORD DIR`"] = lambda q: ["rg", "-il", q, str(root)]
    commands["`grep -ril WORD DIR`"] = lambda q: ["grep", "-ril", q, str(root)]
    times: dict[str, list[float]] = {name: [] for name in commands}
    for query in queries:
        for name, command in commands.items():
            times[name].append(process_seconds(command(query), env))
    return [(name, statistics.median(values)) for name, values in times.items()]


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark the library search against a naive scan.")
    parser.add_argument("dir", nargs="?", type=Path, help="an existing library (default: generate one in a temp folder)")
    parser.add_argument("--count", type=int, default=10000, help="articles to generate (default: 10000)")
    parser.add_argument("--size", type=int, default=5000, help="bytes per generated article (default: 5000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default: 7)")
    parser.add_argument("--process-queries", type=int, default=10, help="one-word queries run as whole processes")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (library and index)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kt-search-bench-"))
    try:
        run(args, work)
    finally:
        if args.keep:
            print(f"\n(kept {work})", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


def run(args: argparse.Namespace, work: Path) -> None:

    rng = random.Random(args.seed)
    notes = []
    if args.dir is None:
        root = work / "library"
        generate, _ = timed(lambda: make_library(root, args.count, args.size, args.seed))
        notes.append(f"generated {args.count:,} articles of ~{args.size:,} bytes in {generate:.1f} s")
    else:
        root = args.dir
    cache = work / "cache"

    load_time, library = timed(lambda: load_library(root))
    count = len(library.articles)
    naive_load, texts = timed(lambda: naive_texts(library))
    cleaned = [clean_markdown(text) for text in texts[:2000]]

    index = SearchIndex.open(root, cache)
    build, indexed = timed(lambda: index.update(library))
    assert indexed == count, (indexed, count)
    noop, changed = timed(lambda: index.update(library))
    assert changed == 0
    index.close()
    size = sum(path.stat().st_size for path in cache.iterdir())

    for article in rng.sample(library.articles, min(10, count)):
        with article.path.open("a", encoding="utf-8") as stream:
            stream.write("\nAn added closing line.\n")
    reloaded = load_library(root)
    reopen, index = timed(lambda: SearchIndex.open(root, cache))
    ten, changed = timed(lambda: index.update(reloaded))
    assert changed == min(10, count), changed

    sets = query_sets(texts, cleaned, rng)
    rows = []
    for name, queries in sets.items():
        measured = latency(index, queries)
        naive = [timed(lambda query=query: naive_search(texts, query))[0] for query in queries]
        matched = [index_matches(index, query) for query in queries]
        rows.append((name, measured, naive, matched))
    index.close()
    processes = process_rows(root, work, sets["one word"][: args.process_queries])

    print(f"**Machine:** {describe(f'SQLite {sqlite3.sqlite_version}')}\n")
    print(
        f"**Library:** {count:,} articles, {sum(map(len, texts)) / 1e6:.0f} MB of text; "
        f"`load_library` (front matter only, not part of search) {load_time:.2f} s; index file {size / 1e6:.0f} MB"
        + (f"; {notes[0]}" if notes else "")
        + ".\n"
    )
    print("| measure | search index (FTS5) | naive scan baseline | baseline ÷ index |")
    print("| --- | ---: | ---: | ---: |")
    baseline_note = "read + lowercase all texts"
    print(f"| first index build ({count:,} articles, reads every body) | {seconds(build)} | {seconds(naive_load)} ({baseline_note}) | {ratio(naive_load, build)} |")
    print(f"| update, nothing changed | {seconds(noop)} | {seconds(naive_load)} (must re-read all) | {ratio(naive_load, noop)} |")
    print(f"| update, 10 files changed | {seconds(ten)} | {seconds(naive_load)} (must re-read all) | {ratio(naive_load, ten)} |")
    print(f"| open the existing index | {seconds(reopen)} | \u2014 | \u2014 |")
    for name, measured, naive, matched in rows:
        median, p95 = statistics.median(measured), percentile(measured, 0.95)
        naive_median = statistics.median(naive)
        print(
            f"| {name} query, in-process ({len(measured)}; median {statistics.median(matched):,.0f} articles match), median / p95 "
            f"| {ms(median)} / {ms(p95)} | {ms(naive_median)} / {ms(percentile(naive, 0.95))} | {ratio(naive_median, median)} |"
        )
    print(f"\nWhole processes, each the median over {len(sets['one word'][: args.process_queries])} one-word queries:\n")
    base_name, base = processes[-2] if shutil.which("rg") else processes[-1]
    print(f"| command | median | ÷ {base_name} |")
    print("| --- | ---: | ---: |")
    for name, value in processes:
        print(f"| {name} | {ms(value)} | {value / base:.1f} |")
    print(
        "\nQueries return the best 20 with snippets and highlights; the naive scan only counts matching "
        "articles (no stemming, ranking or snippets). Each index query is the median of 3 runs after a warm-up."
    )


if __name__ == "__main__":
    main()
