"""What every terminal benchmark needs before and after its runs: tmux, and its table of ratios."""

from __future__ import annotations

import subprocess
import sys
import time

from machine import describe

Row = tuple  # (measure, value, baseline value, baseline name[, "MB"]): times in seconds


def require_tmux() -> None:
    if subprocess.run(["tmux", "-V"], capture_output=True).returncode != 0:
        sys.exit("benchmarks need tmux (apt-get install -y tmux)")


def print_ratio_table(setting: str, rows: list[Row]) -> None:
    """The machine, the date and `setting`, then each measure beside its baseline from the same run."""
    import textual

    print(f"Machine: {describe(f'Textual {textual.__version__}')}")
    print(f"Date: {time.strftime('%Y-%m-%d')}, {setting}\n")
    print("| measure | value | baseline | baseline value | ratio |")
    print("|---|---:|---|---:|---:|")
    for name, value, base, base_name, *unit in rows:
        scale, suffix = (1, " MB") if unit == ["MB"] else (1000, " ms")
        figures = f"{value * scale:.1f}{suffix} | {base_name} | {base * scale:.1f}{suffix} | {value / base:.2f}"
        print(f"| {name} | {figures} |")
