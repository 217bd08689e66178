"""User settings in the platformdirs config folder: urgent-help numbers, keys, theme, library folder.

`settings.yaml` (all keys optional):

    urgent_help:
      poison_help: "1-800-222-1222 (US Poison Help)"
      emergency: "911"
    keys:                 # binding id -> keys (ids: the README's key table, or kratom_tui.keymap)
      app.find: "f"
      move.down: "j,ctrl+n"
    theme: solarized-light
    articles: ~/kratom-library

Every problem is reported with the file, the line and the reason, by `kratom-tui check` and in the
app; whatever is valid is kept. A YAML syntax error costs only the top-level section it is in.
Nothing here imports Textual (`check` must start fast); the theme names are listed here for that
reason, and a test keeps them equal to Textual's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kratom_tui.keymap import BINDING_IDS, keys_problem
from kratom_tui.library.model import Problem
from kratom_tui.library.safe_open import open_regular
from kratom_tui.library.sanitize import display_path, one_line, strip_controls
from kratom_tui.locations import settings_file

if TYPE_CHECKING:
    import yaml

SECTIONS = ("urgent_help", "keys", "theme", "articles")
URGENT_HELP_KEYS = ("poison_help", "emergency")
THEMES = (
    "ansi-dark", "ansi-light", "atom-one-dark", "atom-one-light", "catppuccin-frappe", "catppuccin-latte",
    "catppuccin-macchiato", "catppuccin-mocha", "dracula", "flexoki", "gruvbox", "monokai", "nord",
    "rose-pine", "rose-pine-dawn", "rose-pine-moon", "solarized-dark", "solarized-light", "textual-dark",
    "textual-light", "tokyo-night",
)  # fmt: skip
"""Textual's built-in themes."""
MAX_SETTINGS_BYTES = 64 * 1024
_TOP_LEVEL = re.compile(r"^[^\s#-]", re.MULTILINE)


@dataclass(frozen=True)
class Settings:
    poison_help: str = "1-800-222-1222 (US Poison Help: free, confidential, 24 hours a day)"
    emergency: str = "911"
    keys: dict[str, str] = field(default_factory=dict)
    """Binding id -> comma-separated keys, for `App.set_keymap`."""
    theme: str | None = None
    articles: Path | None = None
    problems: tuple[Problem, ...] = ()
    urgent_help_problem: str | None = None
    """Set when the urgent-help numbers fall back to the defaults because the file's could not be used."""
    notice: str | None = None
    """Set when the settings could not be fully read: one line for a notification."""


def load_settings(path: Path | None = None) -> Settings:
    """Defaults for anything missing or invalid; every problem is kept in `problems`, never fatal."""
    path = path or settings_file()
    try:
        with open_regular(path) as stream:
            raw = stream.read(MAX_SETTINGS_BYTES + 1)
        if len(raw) > MAX_SETTINGS_BYTES:
            raise ValueError(f"larger than {MAX_SETTINGS_BYTES // 1024} KB")
        text = raw.decode("utf-8")
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None)
        reason = reason or ("not UTF-8" if isinstance(error, UnicodeDecodeError) else str(error))
        problem = Problem(path, 1, f"settings file could not be read ({reason}); using defaults")
        return _finish(path, {}, [problem], urgent_unreadable=True)
    reader = _Reader(path)
    values = reader.read(strip_controls(text))
    return _finish(path, values, reader.problems, urgent_unreadable=reader.urgent_unreadable)


def settings_problems(path: Path | None = None) -> list[str]:
    """Every problem of the settings file as `path:line: error: reason`, for `kratom-tui check`."""
    return [problem.format() for problem in load_settings(path).problems]


def default_articles(path: Path | None = None) -> Path | None:
    """The library folder `settings.yaml` names, if it names a valid one."""
    return load_settings(path).articles


def _finish(path: Path, values: dict[str, Any], problems: list[Problem], urgent_unreadable: bool) -> Settings:
    urgent_problem = None
    if urgent_unreadable:
        urgent_problem = (
            f"The urgent-help numbers in {display_path(path)} could not be read (see `kratom-tui check`)."
        )
    notice = None
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        notice = one_line(
            f"Settings not fully read: {first.path.name} line {first.line}: {first.message}{more}. "
            "The rest is used; see Problems in the palette, or `kratom-tui check`."
        )
    return Settings(**values, problems=tuple(problems), urgent_help_problem=urgent_problem, notice=notice)


class _Reader:
    """Reads the file section by section, keeping each valid value and a Problem for each invalid one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.urgent_unreadable = False

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def read(self, text: str) -> dict[str, Any]:
        pairs = self._parse(text, 0)
        if pairs is None:
            # A syntax error: parse each top-level section on its own, so only the broken one is lost.
            pairs = []
            starts = [match.start() for match in _TOP_LEVEL.finditer(text)] or [0]
            starts[0] = 0
            for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
                pairs += self._parse(text[start:end], text.count("\n", 0, start), broken=True) or []
        values: dict[str, Any] = {}
        for name, line, node in pairs:
            if name not in SECTIONS:
                self.problem(line, f"unknown setting '{name}' (known: {', '.join(SECTIONS)})")
                continue
            getattr(self, f"_{name}")(node, line, values)
        return values

    def _parse(self, text: str, offset: int, broken: bool = False) -> list[tuple[str, int, yaml.Node]] | None:
        """The top-level (name, line, value node) triples; None on a syntax error unless `broken`."""
        import yaml  # here: only a settings file that exists is parsed, and every command names its folder

        from kratom_tui.library.yaml_loader import load_with_nodes

        text = "\n" * offset + text  # so that the marks count the lines of the whole file
        try:
            node, _data = load_with_nodes(text)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
            if not broken:
                return None
            reason = getattr(error, "problem", None) or type(error).__name__
            if mark is not None and mark.line != offset:
                reason += f", noticed at line {mark.line + 1}"
            section = text.strip().split(":", 1)[0].strip()
            self.problem(offset + 1, f"invalid YAML in '{section}' ({reason}); that section is ignored")
            if section == "urgent_help" or not section:
                self.urgent_unreadable = True
            return []
        if node is None:
            return []
        if not isinstance(node, yaml.MappingNode):
            self.problem(node.start_mark.line + 1, "the settings must be a mapping (name: value)")
            return []
        return [(str(key.value), key.start_mark.line + 1, value) for key, value in node.value]

    def _urgent_help(self, node: yaml.Node, line: int, values: dict[str, Any]) -> None:
        import yaml

        if not isinstance(node, yaml.MappingNode):
            self.problem(line, "urgent_help must be a mapping with poison_help and emergency")
            self.urgent_unreadable = True
            return
        for key, value in node.value:
            here = key.start_mark.line + 1
            if key.value not in URGENT_HELP_KEYS:
                self.problem(here, f"unknown urgent_help setting '{key.value}' (known: {', '.join(URGENT_HELP_KEYS)})")
            elif not isinstance(value, yaml.ScalarNode) or not str(value.value).strip():
                self.problem(here, f"urgent_help {key.value} must be a phone number or a short text")
                self.urgent_unreadable = True
            else:
                values[key.value] = one_line(str(value.value)).strip()

    def _keys(self, node: yaml.Node, line: int, values: dict[str, Any]) -> None:
        import yaml

        if not isinstance(node, yaml.MappingNode):
            self.problem(line, "keys must be a mapping from a binding id to keys, such as app.find: f")
            return
        keymap: dict[str, str] = {}
        for key, value in node.value:
            here = key.start_mark.line + 1
            binding_id = str(key.value)
            if binding_id not in BINDING_IDS:
                self.problem(here, f"unknown binding id '{binding_id}' (see the README's key table)")
                continue
            if isinstance(value, yaml.SequenceNode):
                keys = ",".join(str(item.value) for item in value.value if isinstance(item, yaml.ScalarNode))
            elif isinstance(value, yaml.ScalarNode):
                keys = str(value.value)
            else:
                keys = ""
            reason = keys_problem(keys)
            if reason:
                self.problem(here, f"keys for {binding_id}: {reason}; the default keys are kept")
                continue
            keymap[binding_id] = ",".join(part.strip() for part in keys.split(","))
        values["keys"] = keymap

    def _theme(self, node: yaml.Node, line: int, values: dict[str, Any]) -> None:
        import yaml

        name = node.value if isinstance(node, yaml.ScalarNode) else None
        if name not in THEMES:
            self.problem(line, f"unknown theme '{name}' (one of: {', '.join(THEMES)})")
            return
        values["theme"] = name

    def _articles(self, node: yaml.Node, line: int, values: dict[str, Any]) -> None:
        import yaml

        if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
            self.problem(line, "articles must be the path of a folder")
            return
        folder = Path(strip_controls(str(node.value))).expanduser()
        if not folder.is_absolute():
            folder = self.path.parent / folder
        if not folder.is_dir():
            self.problem(line, f"articles folder not found: {folder}; using the default library")
            return
        values["articles"] = folder
