"""What `list` and `risks` print into a pipe: one tab-separated record a line, without Rich.

Piped output is never laid out, so it needs no console: writing the records directly spares the
commands Rich's import, which is most of their start-up in scripts. On a terminal `cli_output`
draws the tables instead.
"""

from __future__ import annotations

from typing import Any


def _record(*cells: str) -> str:
    return "\t".join(cells) + "\n"


def article_records(rows: list[dict[str, Any]]) -> str:
    """`id, title, conditions, reading time` of each article."""
    return "".join(
        _record(row["id"], row["title"], ", ".join(row["conditions"]), f"{row['reading_minutes']} min") for row in rows
    )


def risk_records(rows: list[dict[str, Any]]) -> str:
    """`risk, count, the articles naming it (severity)` of each risk."""
    return "".join(_record(row["risk"], str(row["count"]), ", ".join(named_by(row))) for row in rows)


def named_by(row: dict[str, Any]) -> list[str]:
    """`id (severity)` of each article naming a risk; shared with the table drawn on a terminal."""
    return [f"{item['id']} ({item['severity'] or 'unrated'})" for item in row["articles"]]
