"""User settings in the platformdirs config folder: today, the numbers of the urgent-help overlay.

`settings.yaml` (all keys optional):

    urgent_help:
      poison_help: "1-800-222-1222 (US Poison Help)"
      emergency: "911"
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from kratom_tui.library.safe_open import open_regular
from kratom_tui.library.sanitize import display_path, one_line
from kratom_tui.library.yaml_loader import load_data
from kratom_tui.locations import settings_file

MAX_SETTINGS_BYTES = 64 * 1024


@dataclass(frozen=True)
class Settings:
    poison_help: str = "1-800-222-1222 (US Poison Help: free, confidential, 24 hours a day)"
    emergency: str = "911"
    notice: str | None = None


def load_settings(path: Path | None = None) -> Settings:
    """Defaults for anything missing; a broken file is reported, never fatal."""
    path = path or settings_file()
    try:
        with open_regular(path) as stream:
            raw = stream.read(MAX_SETTINGS_BYTES + 1)
        if len(raw) > MAX_SETTINGS_BYTES:
            raise ValueError(f"larger than {MAX_SETTINGS_BYTES // 1024} KB")
        data = load_data(raw.decode("utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError, yaml.YAMLError) as error:
        reason = getattr(error, "strerror", None) or getattr(error, "problem", None)
        reason = reason or ("not UTF-8" if isinstance(error, UnicodeDecodeError) else str(error))
        return Settings(
            notice=one_line(f"Settings file {display_path(path)} could not be read ({reason}); using defaults.")
        )
    urgent = data.get("urgent_help") if isinstance(data, dict) else None
    if not isinstance(urgent, dict):
        return Settings()
    defaults = Settings()
    return Settings(
        poison_help=one_line(str(urgent.get("poison_help") or defaults.poison_help)),
        emergency=one_line(str(urgent.get("emergency") or defaults.emergency)),
    )
