"""The machine a benchmark ran on, printed beside its results (timings mean little without it)."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def describe(*extra: str) -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    parts = [f"{platform.system()} {platform.release()} ({platform.machine()})", cpu, f"{os.cpu_count()} cores"]
    if hasattr(os, "getloadavg"):
        parts.append(f"load average {os.getloadavg()[0]:.2f} at start")
    parts.append(f"Python {platform.python_version()}")
    return ", ".join([*parts, *extra])
