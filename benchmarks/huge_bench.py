"""Huge articles (issue 17): `python benchmarks/huge_bench.py` (needs tmux and less).

Each measure runs the real program in tmux and polls the screen until the expected text is on it,
beside a baseline measured in the same run:

- `jumps`: in a 1 MB article just opened, `G` (and `end`) to its last line painted, a heading chosen
  in the contents to its text painted, and a find whose match is near the end (last key to the
  text after it painted); beside `less` on the same file (`G`) and the same `G` a second time, its
  pieces laid out by then.
- `find`: in a 1 MB article (in-process, to see frames), the last key of a query typed a key at a
  time to the frame with the first match and its counter, and to the frame with the full count;
  beside a bare Textual app's key to its next frame.
- `find-20mb`: in a 20 MB article, the query sent at once to the first match and its counter
  shown, then to the full count; the app's peak memory; beside `grep -c` on the file.
"""

from __future__ import annotations

import argparse
import asyncio
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

from kratom_tui.state import ReaderState  # noqa: E402

BIN = str(Path(sys.executable).with_name("kratom-tui"))
SIZE = (100, 30)
Row = tuple[str, float, float, str]


def fresh_env(cache: str | None = None) -> dict[str, str]:
    """Folders of its own, with a saved state: a returning reader, so no welcome dialog.

    With `cache`, the caches (head cache, catalogue, search index) are that folder's, built by
    `warm_cache`: a reader who opens a long article has not just started the first index build.
    """
    home = tempfile.mkdtemp(prefix="kt-huge-")
    saved = Path(home) / "state" / "kratom-tui" / "state.json"
    saved.parent.mkdir(parents=True)
    saved.write_text(ReaderState().to_json(), encoding="utf-8")
    return {
        "XDG_STATE_HOME": f"{home}/state",
        "XDG_CACHE_HOME": cache or f"{home}/cache",
        "XDG_CONFIG_HOME": f"{home}/config",
    }


def warm_cache(folder: Path, seconds: float) -> str:
    """Run the reader once on `folder` for `seconds` (its first index build), then quit; the cache folder."""
    cache = tempfile.mkdtemp(prefix="kt-huge-cache-")
    with Terminal([BIN, "--articles", str(folder)], fresh_env(cache), SIZE) as term:
        term.wait_for(["Smallmarker opens"], term.start(), timeout=300)
        time.sleep(seconds)
        term.press("q")
        time.sleep(1.0)
    return cache


def library_with(size: int) -> tuple[Path, str]:
    """A small article (opened at launch) and a huge one after it (opened with `]`)."""
    folder = Path(tempfile.mkdtemp(prefix="kt-huge-lib-"))
    text = article("B huge one", "Hugemarker", size)
    write(folder, {"a.md": article("A small one", "Smallmarker", 1024), "b.md": text})
    return folder, text


def sections(text: str) -> int:
    return len(re.findall(r"^## Section \d+$", text, re.MULTILINE))


def wait_for_pattern(term: Terminal, pattern: str, started: float, timeout: float = 120.0) -> float:
    """Seconds from `started` until the screen matches `pattern` (a counter without its `+`, say)."""
    compiled = re.compile(pattern)
    while not compiled.search(term.screen()):
        if time.perf_counter() - started > timeout:
            raise TimeoutError(f"{pattern} not on screen after {timeout}s:\n{term.screen()}")
        time.sleep(0.002)
    return time.perf_counter() - started


def open_reader(term: Terminal, settle: float = 2.5) -> None:
    """Launch on the small article, let the launch's own work end, then open the huge one with `]`.

    So "just opened" is an article opened by a key a moment ago: nothing of it laid out but its
    first screen, its background preparation just begun.
    """
    term.wait_for(["Smallmarker opens"], term.start(), timeout=300)
    term.press("Tab")  # from the sidebar to the reading pane
    time.sleep(settle)
    term.wait_for(["Hugemarker opens"], term.press("]"), timeout=300)
    time.sleep(0.3)


def bench_jumps(runs: int) -> list[Row]:
    folder, text = library_with(1024 * 1024)
    cache = warm_cache(folder, 15)
    last = sections(text)
    end_text = f"A quoted remark number {last},"
    g_first, g_again, end_key, heading, hit, contents, less = [], [], [], [], [], [], []
    for _ in range(runs):
        with Terminal([BIN, "--articles", str(folder)], fresh_env(cache), SIZE) as term:
            open_reader(term)
            g_first.append(term.wait_for([end_text], term.press("G")))
            term.press("g")
            term.wait_for(["Hugemarker opens"], time.perf_counter())
            time.sleep(0.3)
            g_again.append(term.wait_for([end_text], term.press("G")))
        with Terminal([BIN, "--articles", str(folder)], fresh_env(cache), SIZE) as term:
            open_reader(term)
            end_key.append(term.wait_for([end_text], term.press("End")))
        with Terminal([BIN, "--articles", str(folder)], fresh_env(cache), SIZE) as term:
            open_reader(term)
            contents.append(term.wait_for(["Contents", "Section 1"], term.press("t")))
            term.press("End")
            time.sleep(0.3)
            heading.append(term.wait_for([f"Paragraph {last} says"], term.press("Enter")))
        with Terminal([BIN, "--articles", str(folder)], fresh_env(cache), SIZE) as term:
            open_reader(term)
            term.press("/")
            term.wait_for(["Find:"], time.perf_counter())
            subprocess.run(["tmux", "send-keys", "-t", term.name, "-l", f"remark number {last - 3}"], check=True)
            hit.append(term.wait_for([f"Paragraph {last - 2} says"], term.press(",")))
        with Terminal(["less", str(folder / "b.md")], fresh_env(), SIZE) as term:
            term.wait_for(["Hugemarker opens"], term.start())
            less.append(term.wait_for([end_text], term.press("G")))
    m = statistics.median
    return [
        ("`G` in a 1 MB article just opened: key to its last line painted", m(g_first), m(less), "`less`: `G`"),
        ("the same", m(g_first), m(g_again), "`G` again (its pieces laid out by then)"),
        ("`end`, just opened", m(end_key), m(less), "`less`, same file: `G`"),
        ("a heading near the end chosen in the contents: enter to its text", m(heading), m(less), "`less`: `G`"),
        ("(opening the contents of that article: `t` to the list painted)", m(contents), m(less), "`less`: `G`"),
        ("find a phrase near the end, just opened: last key to the text after it", m(hit), m(less), "`less`: `G`"),
    ]


def bench_find(runs: int) -> list[Row]:
    """In-process (Pilot), to see the frame itself: the last key of a query typed a key at a time,
    to the first frame composed after the counter and highlights were set; and to the full count."""
    return asyncio.run(_find_costs(runs))


async def _find_costs(runs: int) -> list[Row]:
    from baseline_apps import StaticApp
    from textual.screen import Screen

    from kratom_tui.library import load_library
    from kratom_tui.state import StateStore
    from kratom_tui.ui.app import ReaderApp

    folder, text = library_with(1024 * 1024)
    count = sections(text)
    frames: list[float] = []
    compose_frame = Screen._compositor_refresh

    def timed_frame(self: Screen) -> None:
        compose_frame(self)
        frames.append(time.perf_counter())

    def frame_after(moment: float) -> float:
        return next(frame for frame in frames if frame > moment)

    Screen._compositor_refresh = timed_frame  # type: ignore[method-assign]
    first, full, bare = [], [], []
    try:
        app = ReaderApp(load_library(folder), StateStore(folder / "state.json"))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(2.5)
            await pilot.press("tab", "right_square_bracket")
            await asyncio.sleep(0.3)
            bar = app.pane.find_bar
            counts: list[tuple[float, str]] = []
            set_count = bar.set_count

            def recorded(text: str, found: bool) -> None:
                counts.append((time.perf_counter(), text))
                set_count(text, found)

            bar.set_count = recorded  # type: ignore[method-assign]
            for run in range(runs):
                query, total = [("point one", count), ("nested", 2 * count)][run % 2]
                await pilot.press("slash")
                for key in query[:-1]:
                    await pilot.press("space" if key == " " else key)
                    await asyncio.sleep(0.1)  # a quick typist
                pressed = time.perf_counter()
                await pilot.press(query[-1])
                final = f"1/{total:,}"
                while not any(moment > pressed and shown == final for moment, shown in counts):
                    await asyncio.sleep(0.005)
                await asyncio.sleep(0.05)
                shown_first = next(moment for moment, shown in counts if moment > pressed)
                shown_full = next(moment for moment, shown in counts if moment > pressed and shown == final)
                first.append(frame_after(shown_first) - pressed)
                full.append(frame_after(shown_full) - pressed)
                await pilot.press("escape")
                await asyncio.sleep(0.3)
        bare_app = StaticApp(text)
        async with bare_app.run_test(size=SIZE) as pilot:
            await pilot.pause(0.5)
            for _ in range(runs):
                pressed = time.perf_counter()
                await pilot.press("right_square_bracket")
                while not frames or frames[-1] < pressed:
                    await asyncio.sleep(0.001)
                bare.append(frame_after(pressed) - pressed)
                await asyncio.sleep(0.2)
    finally:
        Screen._compositor_refresh = compose_frame  # type: ignore[method-assign]
    p95 = statistics.quantiles(first, n=20)[-1]
    base = statistics.median(bare)
    return [
        ("find, 1 MB article: last key to the frame with the first match and its counter, median (in-process)",
         statistics.median(first), base, "bare app: key to its next frame (in-process)"),
        ("the same, p95", p95, base, "bare app, median"),
        ("the same: last key to the frame with the full count, median", statistics.median(full), base, "bare app"),
    ]


def peak_mb(term: Terminal) -> float:
    pid = subprocess.run(
        ["tmux", "list-panes", "-t", term.name, "-F", "#{pane_pid}"], capture_output=True, text=True
    ).stdout.split()[0]
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line for line in status.splitlines() if line.startswith("VmHWM")).split()[1]) / 1024


def bench_find_20mb(runs: int) -> list[Row]:
    folder, text = library_with(20 * 1024 * 1024)
    cache = warm_cache(folder, 120)
    total = 2 * sections(text)  # "Section N" and "point one of section N"; the link anchors are not text
    first, full, memory, opened, grep = [], [], [], [], []
    for _ in range(runs):
        with Terminal([BIN, "--articles", str(folder)], fresh_env(cache), SIZE) as term:
            term.wait_for(["Smallmarker opens"], term.start(), timeout=300)
            term.press("Tab")
            time.sleep(2.5)
            opened.append(term.wait_for(["Hugemarker opens"], term.press("]"), timeout=300))
            time.sleep(0.3)
            term.press("/")
            term.wait_for(["Find:"], time.perf_counter())
            sent = time.perf_counter()
            subprocess.run(["tmux", "send-keys", "-t", term.name, "-l", "section"], check=True)
            first.append(wait_for_pattern(term, r"\b1/[\d,]+", sent))
            full.append(wait_for_pattern(term, f"/{total:,}(?![+\\d,])", sent, timeout=600))
            memory.append(peak_mb(term))
        started = time.perf_counter()
        subprocess.run(["grep", "-c", "-i", "section", str(folder / "b.md")], check=True, capture_output=True)
        grep.append(time.perf_counter() - started)
    m = statistics.median
    return [
        ("find in a 20 MB article: query to the first match and its counter", m(first), m(grep), "`grep -c -i`"),
        (f"the same: to the full count ({total:,})", m(full), m(grep), "`grep -c -i`"),
        ("(opening that article: `]` to its first words)", m(opened), m(grep), "`grep -c -i`"),
        ("peak memory of the app after that find (MB)", max(memory), 300.0, "the 300 MB target", "MB"),
    ]


BENCHES = {"jumps": bench_jumps, "find": bench_find, "find-20mb": bench_find_20mb}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=sorted(BENCHES), help="run one group of measures")
    args = parser.parse_args()
    require_tmux()
    rows: list[tuple[str, float, float, str] | tuple[str, float, float, str, str]] = []
    for name, bench in BENCHES.items():
        if args.only in (None, name):
            rows += bench(args.runs)
    print_ratio_table(f"runs: {args.runs}, terminal {SIZE[0]}x{SIZE[1]} (tmux)", rows)


if __name__ == "__main__":
    main()
