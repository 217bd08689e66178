"""In-app indexing against the standalone build: `python benchmarks/index_bench.py [--count 5000] [--runs 2]`.

The reader builds the search index in a worker thread while its sidebar shows the progress; the
standalone build is the same `SearchService.build` in a process that draws nothing. Both start from
the same warm head cache with no search index, in turn (interleaved), and each reports the build's
wall time, the CPU time of its whole process over the build (the drawing thread included) and how
many progress messages reached the app. The reader runs for real, in tmux.
"""

from __future__ import annotations

import argparse
import json
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
from terminal import Terminal  # noqa: E402


def timed_build(out: Path, after: object = None) -> object:
    """Wrap `SearchService.build` so that it writes its timings to `out` (then calls `after`)."""
    from kratom_tui.ui import background
    from kratom_tui.ui.search_service import SearchService

    build = SearchService.build
    sent = [0]
    progress_message = background.IndexProgress.__init__

    def counted(self: object, done: int, total: int) -> None:
        sent[0] += 1
        progress_message(self, done, total)  # type: ignore[arg-type]

    background.IndexProgress.__init__ = counted  # type: ignore[method-assign]

    def timed(self: SearchService, library: object, progress: object) -> str | None:
        wall, cpu = time.perf_counter(), time.process_time()
        notice = build(self, library, progress)  # type: ignore[arg-type]
        result = {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu, "messages": sent[0]}
        out.write_text(json.dumps(result))
        if callable(after):
            after()
        return notice

    SearchService.build = timed  # type: ignore[method-assign]
    return SearchService


def child(mode: str, root: Path, out: Path) -> None:
    from kratom_tui.library import load_library, start_library

    if mode == "standalone":
        service = timed_build(out)()  # type: ignore[operator]
        service.build(load_library(root, cache=True), lambda done, total: None)
        return
    from kratom_tui.state import StateStore
    from kratom_tui.ui.app import ReaderApp

    app = ReaderApp(start_library(root), StateStore(out.with_suffix(".state")))
    timed_build(out, lambda: app.call_from_thread(app.exit))
    app.run()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--child", nargs=3, metavar=("MODE", "ROOT", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return
    work = Path(tempfile.mkdtemp(prefix="kt-index-bench-"))
    root = make_library(work / "library", args.count, 5000)
    env = {
        "XDG_CACHE_HOME": str(work / "cache"),
        "XDG_STATE_HOME": str(work / "state"),
        "XDG_CONFIG_HOME": str(work / "config"),
    }
    search_cache = work / "cache" / "kratom-tui" / "search"

    def run(mode: str, number: int) -> dict[str, float]:
        shutil.rmtree(search_cache, ignore_errors=True)
        out = work / f"{mode}-{number}.json"
        command = [sys.executable, str(Path(__file__).resolve()), "--child", mode, str(root), str(out)]
        if mode == "standalone":
            subprocess.run(command, env={**env, "PATH": "/usr/bin:/bin"}, check=True)
        else:
            with Terminal(command, env) as term:
                term.start()
                deadline = time.monotonic() + 300
                while not out.exists() and time.monotonic() < deadline:
                    time.sleep(0.1)
        return json.loads(out.read_text())

    run("standalone", 0)  # the head cache and the catalogue, as a reader's later launch finds them
    results: dict[str, list[dict[str, float]]] = {"standalone": [], "app": []}
    for number in range(1, args.runs + 1):
        for mode in results:
            results[mode].append(run(mode, number))
    shutil.rmtree(work, ignore_errors=True)

    def median(mode: str, key: str) -> float:
        return statistics.median(result[key] for result in results[mode])

    print(f"Machine: {describe()}")
    print(f"Library: {args.count:,} synthetic articles of ~5,000 bytes; runs: {args.runs}, interleaved\n")
    print("| measure | in the app (tmux) | standalone build | ratio |")
    print("|---|---:|---:|---:|")
    for key, name in (("wall", "index build, wall"), ("cpu", "CPU of the process over the build")):
        app, alone = median("app", key), median("standalone", key)
        print(f"| {name} | {app:.2f} s | {alone:.2f} s | {app / alone:.2f} |")
    print(f"| progress messages reaching the app | {median('app', 'messages'):.0f} | — | — |")


if __name__ == "__main__":
    main()
