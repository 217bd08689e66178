"""Whether this is the very first launch, decided before the app starts (and without its screens)."""

from __future__ import annotations

from pathlib import Path


def is_first_launch(state_path: Path) -> bool:
    """No saved state yet: the reader has never been closed on this machine."""
    return not state_path.exists()
