"""Dates as the library writes them (YYYY-MM-DD) and as a reader sees them ("23 Nov 2024")."""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def human_date(text: str) -> str:
    """'2024-11-23' as '23 Nov 2024'; any ISO date inside other text too; anything else unchanged."""

    def spell(match: re.Match[str]) -> str:
        try:
            day = dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return match[0]
        return f"{day.day} {day:%b %Y}"

    return _ISO.sub(spell, text)
