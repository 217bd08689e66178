"""Selection offsets and notes on a 1 MB article: `python benchmarks/notes_bench.py`.

In-process, in Textual's headless test driver (no terminal needed):
- drawing: every line of a screen drawn by the reading pane with the selection offsets and margin
  marks (`LineExtras.decorate`) against the same lines drawn without them, in the same run;
- notes: opening the article with 50 notes on it (each found again in the text, marks and "Your
  notes" made) against opening it with none, in the same run (both lay the whole article out once
  for the first note, so the second figure is mostly that layout).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from machine import describe  # noqa: E402

SIZE = (100, 30)


def big_article(size: int = 1_000_000) -> str:
    line = "A sentence about sleep and **pain** with a [link](other.md) and more words to wrap the line.\n\n"
    return "---\ntitle: Big article\nsource: A test source\n---\n" + line * (size // len(line))


async def measure(runs: int) -> dict[str, float]:
    from kratom_tui.library import load_library
    from kratom_tui.state import StateStore
    from kratom_tui.ui.app import ReaderApp
    from kratom_tui.ui.line_extras import LineExtras

    folder = Path(tempfile.mkdtemp(prefix="kt-notes-"))
    for name in ("XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        os.environ[name] = str(folder / name)
    (folder / "lib").mkdir()
    (folder / "lib" / "big.md").write_text(big_article(), encoding="utf-8")
    (folder / "lib" / "other.md").write_text("# Other\n\nText.\n", encoding="utf-8")
    app = ReaderApp(load_library(folder / "lib"), StateStore())
    results: dict[str, list[float]] = {"draw": [], "draw_plain": [], "open_notes": [], "open_plain": []}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)
        view = app.pane.view
        decorate = LineExtras.decorate

        def draw_screen() -> float:
            start = time.perf_counter()
            for _ in range(20):
                for row in range(view.size.height):
                    view.render_line(row)
            return (time.perf_counter() - start) / 20

        for _ in range(runs):
            results["draw"].append(draw_screen())
            LineExtras.decorate = lambda self, segments, line, base: segments  # type: ignore[method-assign]
            results["draw_plain"].append(draw_screen())
            LineExtras.decorate = decorate  # type: ignore[method-assign]
        store = app.notes.store
        for block in range(1, 5000, 100):
            store.add("big", "A sentence about sleep and pain", "", "", "A note", block, 0)
        with_notes = store.for_article
        for _ in range(runs):  # interleaved, so that a change in the machine's load touches both alike
            store.for_article = lambda _article_id: []  # type: ignore[method-assign]
            app.layouts._cache.clear()
            start = time.perf_counter()
            app.open_article("big", focus=False)
            view.layout_.finish()  # what opening with notes costs in any case: the whole layout
            results["open_plain"].append(time.perf_counter() - start)
            store.for_article = with_notes  # type: ignore[method-assign]
            app.layouts._cache.clear()
            start = time.perf_counter()
            app.open_article("big", focus=False)
            results["open_notes"].append(time.perf_counter() - start)
        assert len(view.marked) == 50
    return {key: statistics.median(values) for key, values in results.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    import textual

    machine = describe(f"Textual {textual.__version__}")
    figures = asyncio.run(measure(args.runs))
    print(f"Machine: {machine}")
    print(f"Date: {time.strftime('%Y-%m-%d')}, runs: {args.runs}, headless {SIZE[0]}x{SIZE[1]}, 1 MB article\n")
    print("| measure | value | baseline (same run) | baseline value | ratio |")
    print("|---|---:|---|---:|---:|")
    draw, plain = figures["draw"], figures["draw_plain"]
    print(f"| draw a screen of the article, with selection offsets | {draw * 1000:.2f} ms | the same lines without | "
          f"{plain * 1000:.2f} ms | {draw / plain:.2f} |")
    notes, none = figures["open_notes"], figures["open_plain"]
    print(f"| open it with 50 notes (found again, marked, listed) | {notes * 1000:.0f} ms | "
          f"open it and lay it all out, no notes | {none * 1000:.0f} ms | {notes / none:.2f} |")


if __name__ == "__main__":
    main()
