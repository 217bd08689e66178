"""Parse the YAML front matter and validate it into article fields, with line numbers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kratom_tui.library.dates import is_date
from kratom_tui.library.model import SEVERITIES, Claim, Problem, Reading, Risk
from kratom_tui.library.sanitize import one_line, strip_controls
from kratom_tui.library.yaml_loader import load_with_nodes

FIRST_LINE = 2
"""The YAML text starts on the line after the opening `---`."""

TEXT_FIELDS = (
    "title", "summary", "source", "evidence", "published",
    "captured", "site", "source_type", "commercial_interest", "other_options",
)
DATE_FIELDS = ("written", "reviewed", "next_review")
"""The library's own dates, YYYY-MM-DD (`published`, the source's date, may be any text)."""
LIST_FIELDS = ("conditions", "tags", "disclaimers", "not_covered")
KNOWN_FIELDS = (*TEXT_FIELDS, *DATE_FIELDS, *LIST_FIELDS, "risks", "claims", "further_reading")
ONE_LINE_FIELDS = ("title", "published", "conditions", "tags")
"""Shown on one line (sidebar, lists, tab-separated output): newlines and tabs become spaces."""


@dataclass
class Fields:
    """Validated front matter: each value has the type the Article wants, or is left out."""

    values: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    broken: bool = False
    not_front_matter: bool = False
    """The `---` block was not a mapping: most likely markdown (a rule), so it stays in the body."""


def _key_lines(node: yaml.Node | None) -> dict[str, int]:
    """Line (1-based, within the YAML) of each top-level key, for messages."""
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, _value in node.value:
            if isinstance(key, yaml.ScalarNode):
                lines[str(key.value)] = key.start_mark.line + 1
    return lines


class _Checker:
    """Turns raw YAML values into typed fields, reporting each mismatch at its key's line."""

    def __init__(self, path: Path, lines: dict[str, int], fields: Fields) -> None:
        self.path = path
        self.lines = lines
        self.fields = fields

    def warn(self, key: str, message: str) -> None:
        line = FIRST_LINE - 1 + self.lines.get(key, 1)
        self.fields.problems.append(Problem(self.path, line, message, "warning"))

    def text(self, key: str, value: Any) -> str | None:
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return strip_controls(str(value)).strip()
        self.warn(key, f"'{key}' should be text, not {_kind(value)}; ignored")
        return None

    def text_list(self, key: str, value: Any) -> tuple[str, ...] | None:
        if isinstance(value, str):
            return (strip_controls(value).strip(),)
        if not isinstance(value, list):
            self.warn(key, f"'{key}' should be a list of text, not {_kind(value)}; ignored")
            return None
        items = []
        for index, item in enumerate(value, 1):
            if isinstance(item, (str, int, float)) and not isinstance(item, bool):
                items.append(strip_controls(str(item)).strip())
            else:
                self.warn(key, f"'{key}' item {index} should be text, not {_kind(item)}; ignored")
        return tuple(item for item in items if item)

    def entries(self, key: str, value: Any) -> list[tuple[int, dict[str, Any]]]:
        if not isinstance(value, list):
            self.warn(key, f"'{key}' should be a list, not {_kind(value)}; ignored")
            return []
        good = []
        for index, item in enumerate(value, 1):
            if isinstance(item, dict):
                good.append((index, item))
            else:
                self.warn(key, f"'{key}' item {index} should be a mapping, not {_kind(item)}; ignored")
        return good

    def risks(self, value: Any) -> tuple[Risk, ...]:
        risks = []
        for index, item in self.entries("risks", value):
            name = self.text("risks", item.get("name")) if "name" in item else None
            name = one_line(name) if name else None
            if not name:
                self.warn("risks", f"risk {index} has no 'name'; ignored")
                continue
            detail = self.text("risks", item.get("detail", "")) or ""
            severity = item.get("severity")
            if severity is not None:
                plain = isinstance(severity, (str, int, float))
                severity = one_line(str(severity)).lower() if plain else _kind(severity)
                if severity not in SEVERITIES:
                    self.warn(
                        "risks",
                        f"risk '{name}' has severity '{severity}'; expected one of {', '.join(SEVERITIES)}",
                    )
                    severity = None
            for unknown in sorted(set(map(str, item)) - {"name", "detail", "severity"}):
                self.warn("risks", f"risk '{name}' has unknown field '{unknown}'")
            risks.append(Risk(name, detail, severity))
        return tuple(risks)

    def claims(self, value: Any) -> tuple[Claim, ...]:
        claims = []
        for index, item in self.entries("claims", value):
            claim = self.text("claims", item.get("claim")) if "claim" in item else None
            if not claim:
                self.warn("claims", f"claim {index} has no 'claim' text; ignored")
                continue
            support = self.text("claims", item.get("support", "")) or ""
            counter = self.text_list("claims", item.get("counter", [])) or ()
            context = self.text_list("claims", item.get("context", [])) or ()
            claims.append(Claim(claim, support, counter, context))
        return tuple(claims)

    def date(self, key: str, value: Any) -> str | None:
        text = self.text(key, value)
        if text and not is_date(text):
            self.warn(key, f"'{key}' should be a date (YYYY-MM-DD), not '{text}'; ignored")
            return None
        return text

    def readings(self, value: Any) -> tuple[Reading, ...]:
        readings = []
        known = {"title", "publisher", "note", "url", "date", "as_of"}
        for index, item in self.entries("further_reading", value):
            values = {key: self.text("further_reading", item[key]) or "" for key in known if key in item}
            if not values.get("title") or not values.get("publisher"):
                self.warn("further_reading", f"further reading {index} needs a 'title' and a 'publisher'; ignored")
                continue
            if values.get("url") and not values["url"].startswith(("https://", "http://")):
                self.warn("further_reading", f"further reading {index}: 'url' should be a web address; ignored")
                values["url"] = ""
            for key in ("date", "as_of"):
                if values.get(key) and not is_date(values[key]):
                    self.warn("further_reading", f"further reading {index}: '{key}' should be a date (YYYY-MM-DD)")
                    values[key] = ""
            for unknown in sorted(set(map(str, item)) - known):
                self.warn("further_reading", f"further reading {index} has unknown field '{unknown}'")
            readings.append(Reading(**values))
        return tuple(readings)


def _kind(value: Any) -> str:
    return {dict: "a mapping", list: "a list", bool: "true/false", type(None): "empty", str: "text"}.get(
        type(value), type(value).__name__
    )


def parse_front_matter(text: str, path: Path) -> Fields:
    """Parse `text` (the YAML between the fences); never raises."""
    fields = Fields()
    try:
        node, data = load_with_nodes(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = FIRST_LINE + (mark.line if mark else 0)
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        context, opened = getattr(error, "context", None), getattr(error, "context_mark", None)
        if context and opened is not None and opened.line + FIRST_LINE != line:
            reason += f" ({context} begun on line {opened.line + FIRST_LINE})"
        fields.problems.append(Problem(path, line, f"invalid YAML in front matter: {reason}"))
        fields.broken = True
        return fields
    if data is None:
        return fields
    if not isinstance(data, dict):
        fields.problems.append(
            Problem(
                path,
                FIRST_LINE,
                f"the opening '---' block is {_kind(data)}, not a mapping of fields; shown as part of the text",
                "warning",
            )
        )
        fields.not_front_matter = True
        return fields
    check = _Checker(path, _key_lines(node), fields)
    for raw_key, value in data.items():
        key = str(raw_key)
        if key not in KNOWN_FIELDS:
            fields.extra[key] = value
            check.warn(key, f"unknown field '{key}' (kept, not shown)")
            continue
        if value is None:
            continue
        converted: Any
        if key in TEXT_FIELDS:
            converted = check.text(key, value)
        elif key in DATE_FIELDS:
            converted = check.date(key, value)
        elif key in LIST_FIELDS:
            converted = check.text_list(key, value)
        elif key == "risks":
            converted = check.risks(value)
        elif key == "further_reading":
            converted = check.readings(value)
        else:
            converted = check.claims(value)
        if isinstance(converted, str) and key in ONE_LINE_FIELDS:
            converted = one_line(converted)
        elif isinstance(converted, tuple) and key in ONE_LINE_FIELDS:
            converted = tuple(line for line in map(one_line, converted) if line)
        if converted:
            fields.values[key] = converted
    return fields
