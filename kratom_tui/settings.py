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

from kratom_tui.library.sanitize import strip_controls
from kratom_tui.library.yaml_loader import SafeLoader
from kratom_tui.locations import settings_file


@dataclass(frozen=True)
class Settings:
    poison_help: str = "1-800-222-1222 (US Poison Help: free, confidential, 24 hours a day)"
    emergency: str = "911"
    notice: str | None = None


def load_settings(path: Path | None = None) -> Settings:
    """Defaults for anything missing; a broken file is reported, never fatal."""
    path = path or settings_file()
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        return Settings(notice=f"Settings file {path} could not be read ({type(error).__name__}); using defaults.")
    urgent = data.get("urgent_help") if isinstance(data, dict) else None
    if not isinstance(urgent, dict):
        return Settings()
    defaults = Settings()
    return Settings(
        poison_help=strip_controls(str(urgent.get("poison_help") or defaults.poison_help)),
        emergency=strip_controls(str(urgent.get("emergency") or defaults.emergency)),
    )
