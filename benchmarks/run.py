"""Reader benchmarks: `python benchmarks/run.py` (needs tmux). Prints each figure beside its baseline.

Timings on a shared machine drift, so every target is a ratio against a baseline measured in the
same run, or an absolute figure read beside one.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from make_articles import article, write  # noqa: E402
from report import print_ratio_table, require_tmux  # noqa: E402
from terminal import Terminal  # noqa: E402

from kratom_tui.library import load_library  # noqa: E402
from kratom_tui.library.location import shipped_articles  # noqa: E402

BIN = str(Path(sys.executable).with_name("kratom-tui"))
SIZE = (100, 30)


def fresh_env() -> dict[str, str]:
    home = tempfile.mkdtemp(prefix="kt-bench-")
    return {"XDG_STATE_HOME": f"{home}/state", "XDG_CACHE_HOME": f"{home}/cache", "XDG_CONFIG_HOME": f"{home}/config"}


def first_words(text: str, count: int = 4) -> str:
    for line in text.split("\n---\n", 1)[-1].splitlines():
        words = line.split()
        if words and not line.startswith(("#", "-", "|", ">", "*")):
            return " ".join(words[:count])
    raise ValueError("no paragraph")


def returning_env() -> dict[str, str]:
    """A user who has read before: saved state (so no welcome over the article) and warm caches."""
    env = fresh_env()
    state = Path(env["XDG_STATE_HOME"]) / "kratom-tui" / "state.json"
    state.parent.mkdir(parents=True)
    state.write_text("{}")
    subprocess.run([BIN, "list"], env={**os.environ, **env}, stdout=subprocess.DEVNULL, check=True)
    return env


def launch_time(command: list[str], texts: list[str]) -> float:
    with Terminal(command, returning_env(), SIZE) as term:
        started = term.start()
        return term.wait_for(texts, started)


def accepted_lines(command: list[str], words: str, count: int = 3) -> list[str]:
    """The lines a reader accepts: from `words` on, `count` rows of text as drawn once all has settled.

    Waiting for these, rather than for `words` alone, times the correctly wrapped frame: a frame
    wrapped for another width shows the words too, but its rows end elsewhere (or are cropped).
    """
    with Terminal(command, returning_env(), SIZE) as term:
        term.wait_for([words], term.start())
        time.sleep(1.5)
        rows = term.screen().splitlines()
    row = next(number for number, line in enumerate(rows) if words in line)
    column = rows[row].index(words)
    lines = [re.split(NOT_TEXT, line[column:], maxsplit=1)[0].rstrip() for line in rows[row : row + count]]
    return [line for line in lines if line]


NOT_TEXT = "[│╭╮╰╯▁▂▃▄▅▆▇█▉▊▋▌▍▎▏▐▔▕]"
"""Borders and scrollbar parts: a row's text ends before them."""


def bench_launch(runs: int) -> list[tuple[str, float, float, str]]:
    library = load_library(shipped_articles())
    condition, pairs = next(iter(library.catalogue.groups.items()))
    first = library.get(pairs[0][0])
    words = first_words(first.path.read_text(encoding="utf-8"))
    commands = {
        "bare": [sys.executable, str(HERE / "baseline_apps.py"), "static", str(first.path)],
        "viewer": [sys.executable, str(HERE / "baseline_apps.py"), "markdown", str(first.path)],
        "ours": [BIN],
    }
    expected = {name: accepted_lines(command, words) for name, command in commands.items()}
    expected["ours"] += [condition, "Risks and disclaimers ("]
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(launch_time(command, expected[name]))
    m_ours, m_viewer, m_bare = (statistics.median(times[name]) for name in ("ours", "viewer", "bare"))
    return [
        (
            "launch to the correctly wrapped first frame, shipped library",
            m_ours,
            m_viewer,
            "MarkdownViewer, same article",
        ),
        ("the same launch", m_ours, m_bare, "bare Static app, same article"),
    ]


def bench_open(runs: int) -> list[tuple[str, float, float, str]]:
    folder = Path(tempfile.mkdtemp(prefix="kt-open-"))
    write(
        folder,
        {
            "a.md": article("A small one", "Smallmarker", 1024),
            "b.md": article("B huge one", "Hugemarker", 1024 * 1024),
        },
    )
    small, huge, huge_launch, small_launch = [], [], [], []
    for _ in range(runs):
        with Terminal([BIN, "--articles", str(folder)], fresh_env(), SIZE) as term:
            started = term.start()
            small_launch.append(term.wait_for(["Smallmarker opens"], started))
            time.sleep(1.0)  # a reader's pause: the neighbours of the open article are prefetched
            huge.append(term.wait_for(["Hugemarker opens", "— B huge one"], term.press("]")))
            time.sleep(1.0)
            small.append(term.wait_for(["Smallmarker opens", "— A small one"], term.press("[")))
    cold_huge, cold_small = asyncio.run(_cold_open_costs(runs))
    huge_folder = Path(tempfile.mkdtemp(prefix="kt-huge-"))
    write(huge_folder, {"b.md": article("B huge one", "Hugemarker", 1024 * 1024)})
    for _ in range(runs):
        huge_launch.append(launch_time([BIN, "--articles", str(huge_folder)], ["Hugemarker opens"]))
    m = statistics.median
    return [
        ("open a 1 MB article (key to painted text), prefetched", m(huge), m(small), "open a 1 KB article"),
        ("open a 1 MB article cold (in-process, open to next frame)", cold_huge, cold_small, "same for a 1 KB article"),
        ("launch with a 1 MB article", m(huge_launch), m(small_launch), "launch with a 1 KB article"),
    ]


def bench_open_shipped(runs: int) -> list[tuple[str, float, float, str]]:
    runs = max(2, runs // 2)
    library = load_library(shipped_articles())
    order = [library.get(article_id) for article_id in library.catalogue.order()]
    times: list[float] = []
    with Terminal([BIN], fresh_env(), SIZE) as term:
        started = term.start()
        term.wait_for([first_words(order[0].path.read_text(encoding="utf-8"))], started)
        for _ in range(runs):
            for item in order[1:] + order[:1]:
                time.sleep(0.5)
                words = first_words(item.path.read_text(encoding="utf-8"))
                times.append(term.wait_for([words, f"— {item.title}"], term.press("]")))
    bare_key: list[float] = []
    with Terminal(
        [sys.executable, str(HERE / "baseline_apps.py"), "static", str(order[0].path)], fresh_env(), SIZE
    ) as term:
        started = term.start()
        term.wait_for([first_words(order[0].path.read_text(encoding="utf-8"))], started)
        for count in range(1, runs * len(order) + 1):
            time.sleep(0.5)
            bare_key.append(term.wait_for([f"Pressed {count} times"], term.press("]")))
    return [
        (
            "open a shipped article (key to painted text), median",
            statistics.median(times),
            statistics.median(bare_key),
            "bare app: key to painted text",
        ),
        ("open a shipped article, slowest", max(times), statistics.median(bare_key), "same baseline"),
    ]


async def _cold_open_costs(runs: int) -> tuple[float, float]:
    """Open each article with nothing prefetched or cached; time until the next frame is composed."""
    from textual.screen import Screen

    import kratom_tui.ui.app as app_module
    from kratom_tui.state import StateStore
    from kratom_tui.ui.app import ReaderApp

    folder = Path(tempfile.mkdtemp(prefix="kt-cold-"))
    write(
        folder,
        {"a.md": article("A small one", "Smallmarker", 1024), "b.md": article("B huge one", "Hugemarker", 1024 * 1024)},
    )
    app_module.PREFETCH_DELAY = 3600.0
    frames: list[float] = []
    compose_frame = Screen._compositor_refresh

    def timed_frame(self: Screen) -> None:
        compose_frame(self)
        frames.append(time.perf_counter())

    Screen._compositor_refresh = timed_frame
    small, huge = [], []
    try:
        for _ in range(runs):
            app = ReaderApp(load_library(folder), StateStore(folder / "state.json"))
            async with app.run_test(size=SIZE) as pilot:
                while not app.search_service.ready.is_set():  # the first index build, in a worker
                    await pilot.pause(0.05)
                await pilot.pause(0.3)
                for article_id, times in (("b", huge), ("a", small)):
                    app.layouts._cache.clear()  # nothing cached: a cold open
                    started = time.perf_counter()
                    app.open_article(article_id)
                    while not frames or frames[-1] < started:
                        await asyncio.sleep(0.001)
                    times.append(next(frame for frame in frames if frame > started) - started)
                    await pilot.pause(0.3)
    finally:
        Screen._compositor_refresh = compose_frame
    return statistics.median(huge), statistics.median(small)


async def _scroll_costs(folder: Path) -> tuple[float, float, float]:
    from kratom_tui.state import StateStore
    from kratom_tui.ui.app import ReaderApp

    app = ReaderApp(load_library(folder), StateStore(folder / "state.json"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.pane.view
        assert view.layout_ is not None
        started = time.perf_counter()
        view.layout_.finish()
        layout_seconds = time.perf_counter() - started
        await pilot.pause()  # the grown virtual size (and so the scroll range) is in force after a refresh
        view.scroll_to(y=view.max_scroll_y, animate=False, immediate=True)
        await pilot.pause()
        end = view.top_line
        # The real end: the last line of the article is on the page.
        assert end + view.size.height >= len(view.layout_.lines) > 10_000, (end, len(view.layout_.lines))

        def page_cost(top: int) -> float:
            view.scroll_to(y=top, animate=False, immediate=True)
            assert view.top_line == top
            started = time.perf_counter()
            for _ in range(20):
                for y in range(view.size.height):
                    view.render_line(y)
            return (time.perf_counter() - started) / 20

        return page_cost(0), page_cost(end), layout_seconds


def bench_scroll(_runs: int) -> list[tuple[str, float, float, str]]:
    """Drawing at the real end, and `G` on a 1 MB article until its last line is painted (once: it is slow)."""
    folder = Path(tempfile.mkdtemp(prefix="kt-scroll-"))
    text = article("B huge one", "Hugemarker", 1024 * 1024)
    write(folder, {"b.md": text})
    top, end, layout_seconds = asyncio.run(_scroll_costs(folder))
    last = re.findall(r"A quoted remark number \d+,", text)[-1]
    with Terminal([BIN, "--articles", str(folder)], fresh_env(), SIZE) as term:
        term.wait_for(["Hugemarker opens"], term.start())
        term.press("Tab")  # from the sidebar to the reading pane
        time.sleep(1.0)
        to_end = term.wait_for([last], term.press("G"), timeout=300)
    return [
        ("draw a page at the real end of a 1 MB article", end, top, "draw a page at its top"),
        (
            "`G` on a 1 MB article: key to its last line painted",
            to_end,
            layout_seconds,
            "lay out the whole article at once (in-process)",
        ),
    ]


def bench_large_library(runs: int) -> list[tuple[str, float, float, str]]:
    """10,000 articles of about 5 KB: a later launch (caches warm) against the shipped library."""
    folder = Path(tempfile.mkdtemp(prefix="kt-10k-")) / "library"
    subprocess.run(
        [sys.executable, str(HERE / "make_library.py"), str(folder), "--count", "10000", "--size", "5000"],
        check=True,
        capture_output=True,
    )
    env = fresh_env()
    first_condition = next(iter(load_library(folder).catalogue.groups))
    with Terminal([BIN, "--articles", str(folder)], env, SIZE) as term:
        started = term.start()
        term.wait_for([first_condition, "Risks and disclaimers ("], started)
        time.sleep(20)  # the first run builds the head cache and the search index
        pid = subprocess.run(
            ["tmux", "list-panes", "-t", term.name, "-F", "#{pane_pid}"], capture_output=True, text=True
        ).stdout.split()[0]
        status = Path(f"/proc/{pid}/status").read_text()
        peak = int(next(line for line in status.splitlines() if line.startswith("VmHWM")).split()[1]) / 1024
    large, shipped = [], []
    shipped_condition = next(iter(load_library(shipped_articles()).catalogue.groups))
    for _ in range(runs):
        with Terminal([BIN, "--articles", str(folder)], env, SIZE) as term:
            large.append(term.wait_for([first_condition, "Risks and disclaimers ("], term.start()))
        shipped.append(launch_time([BIN], [shipped_condition, "Risks and disclaimers ("]))
    m = statistics.median
    return [
        ("later launch, 10,000-article library (first frame)", m(large), m(shipped), "launch, shipped library"),
        ("peak memory of the app on 10,000 articles, after indexing (MB)", peak, 200.0, "the 200 MB target", "MB"),
    ]


BENCHES = {
    "large": bench_large_library,
    "launch": bench_launch,
    "open-shipped": bench_open_shipped,
    "open-huge": bench_open,
    "scroll": bench_scroll,
}


def compile_reader() -> None:
    """Bytecode for the reader, as an installed wheel has: a shell with PYTHONDONTWRITEBYTECODE
    would otherwise make every launch compile the reader again (the baselines' Textual has it)."""
    compileall.compile_dir(HERE.parent / "kratom_tui", quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=sorted(BENCHES), help="run one group of measures")
    args = parser.parse_args()
    require_tmux()
    compile_reader()
    rows = []
    for name, bench in BENCHES.items():
        if args.only in (None, name):
            rows += bench(args.runs)
    print_ratio_table(f"runs: {args.runs}, terminal {SIZE[0]}x{SIZE[1]} (tmux)", rows)


if __name__ == "__main__":
    main()
