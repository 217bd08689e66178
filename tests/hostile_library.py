"""A library of broken and hostile files, written afresh for each test that needs it.

It is generated rather than committed: some cases (links, a FIFO, multi-megabyte files,
unreadable files) cannot live in git, and the rest are clearer as code.
"""

from __future__ import annotations

import os
from pathlib import Path

ESC = "\x1b"
PAYLOADS = {
    "clear screen": f"{ESC}[2J",
    "window title": f"{ESC}]0;PWNED-TITLE\x07",
    "clipboard write (OSC 52)": f"{ESC}]52;c;UFdORUQ=\x07",
    "hyperlink (OSC 8)": f"{ESC}]8;;file:///etc/passwd\x07click me{ESC}]8;;\x07",
    "C1 CSI": "\u009b31mRED",
    "C1 OSC": "\u009d0;PWNED-C1\u009c",
}
MARKUP = "[bold]Bold[/] [/] [@click=app.quit]Quit[/] [link=file:///etc/passwd]passwd[/link]"
TITLE_PAYLOADS = ("PWNED-NAME", "PWNED-NL", "PWNED-KEY", "PWNED-RISKKEY", "PWNED-SEV")
"""Window-title payloads (`ESC ] 0 ; NAME BEL`) put in file names, YAML keys and severities."""


def _title(name: str) -> str:
    return f"{ESC}]0;{name}\x07"


def _yaml_title(name: str) -> str:
    """The same payload written as YAML escapes, so that it exists only after parsing."""
    return f"\\e]0;{name}\\a"


def alias_bomb(levels: int) -> str:
    """"Billion laughs": each level names the one before nine times; `levels` 9 is 9**9 items."""
    lines = ["title: Alias bomb", 'l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]")
    lines.append(f"tags: *l{levels - 1}")
    return "---\n" + "\n".join(lines) + "\n---\nBody.\n"


NAMES = {
    # File names are shown escaped (`\x1b`), so none of these can reach the terminal as a control.
    f"name-{_title('PWNED-NAME')}.md": "# Escape in the file name\n\nText with a \x1b[2J control.\n",
    f"new\n{_title('PWNED-NL')}line.md": "# Newline in the file name\n\nText with a \x1b[2J control.\n",
    os.fsdecode(b"latin1-name-caf\xe9.md"): "# Name that is not UTF-8\n\nCaf\u00e9.\n",
}
"""name -> content; each body has a control character, so `check` prints a line naming the file."""
NAME_IDS = {
    "name-\\x1b]0;PWNED-NAME\\x07",
    "new\\n\\x1b]0;PWNED-NL\\x07line",
    "latin1-name-caf\\xe9",
}

GOOD = {
    "good plain.md": "---\ntitle: Spaces in the name\nconditions: [Odd names]\n---\nA **good** article.\n",
    "brackets [x] (y).md": "# Brackets in the name\n\nBody text.\n",
    "ünïcødé-名前.md": "---\ntitle: Ünïcødé 名前\nconditions: [Odd names]\n---\nSome text 名前.\n",
    "markup-title.md": f"---\ntitle: '{MARKUP}'\nconditions: ['{MARKUP}']\nrisks:\n  - name: '{MARKUP}'\n"
    f"    detail: '{MARKUP}'\n    severity: high\ndisclaimers: ['{MARKUP}']\n---\n{MARKUP}\n",
    "escapes.md": "---\ntitle: \"Escapes \\e]0;PWNED-TITLE\\a here\"\nconditions: [Hostile]\n---\n"
    + "".join(f"{name}: before {payload} after\n\n" for name, payload in PAYLOADS.items()),
    "deep-nesting.md": "# Deep nesting\n\n" + "> " * 400 + "deep quote\n\n"
    + "".join("  " * level + "- level\n" for level in range(300)),
    "wide-table.md": "# Wide table\n\n" + "|" + "|".join(f"c{n}" for n in range(200)) + "|\n|"
    + "|".join("---" for _ in range(200)) + "|\n|" + "|".join(f"v{n}" for n in range(200)) + "|\n",
    "crlf.md": "---\r\ntitle: Windows line endings\r\n---\r\nLine one\r\n\r\n## Heading\r\n",
    "front-only.md": "---\ntitle: Front matter only\n---\n",
    "empty.md": "",
    "latin1.md": "# Latin-1 text\n\nCaf\xe9 cr\xe8me\n".encode("latin-1"),
    "links.md": "# Links\n\n[out](../outside.md) [loop](loop/links.md) [file](file:///etc/passwd) "
    "[js](javascript:alert(1)) [web](https://example.org) [self](#links)\n",
    "wrong-types.md": "---\ntitle: Wrong types\nconditions: 7\nrisks: {a: b}\ndisclaimers: [[nested]]\n---\nBody.\n",
    "not-a-mapping.md": "---\n- just\n- a list\n---\n",
    "yaml-bomb.md": "---\ntitle: Alias bomb\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ntags: *d\n---\nBody.\n",
    "key-escapes.md": f'---\ntitle: Key escapes\nconditions: [Hostile]\n"{_yaml_title("PWNED-KEY")}": 1\nrisks:\n'
    f'  - name: Nausea\n    severity: "{_yaml_title("PWNED-SEV")}"\n'
    f'    "{_yaml_title("PWNED-RISKKEY")}": x\n---\nBody.\n',
    "cr-only.md": "---\rtitle: Old Mac line endings\rconditions: [Hostile]\rrisks:\r  - name: Seizures\r"
    "    severity: high\r---\rFirst body line\r\r## Heading\r",
    "x.md": "---\ntitle: Top-level x\nrisks: [{name: Seizures, severity: high}]\n---\nBody of the top-level x.\n",
    "sub/x.md": "---\ntitle: Subfolder x\nrisks: [{name: Nausea, severity: low}]\n---\nBody of sub/x.\n",
    "emphasis-nesting.md": "# Emphasis nesting\n\n" + "*" * 1000 + "a" + "*" * 1000 + "\n\n"
    + "_" * 1500 + "b" + "_" * 1500 + "\n\n" + "[" * 1000 + "link" + "](#x)" * 1000 + "\n",
}
BROKEN = {
    "invalid-yaml.md": ("---\ntitle: [unclosed\n---\nbody\n", 3, "begun on line 2"),
    "unterminated.md": ("---\ntitle: never closed\nbody\n", 1, "never closed"),
    "binary.md": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), 1, "binary"),
    "nul-bytes.md": (b"# Title\n\nText with a \x00 NUL byte.\n", 1, "binary"),
    "billion-laughs.md": (alias_bomb(9), 8, "too large once its aliases"),
    "alias-cycle.md": ("---\ntitle: Cycle\ntags: &a [x, *a]\n---\nBody.\n", 3, "refers to the list or mapping"),
    "deep-flow.md": ("---\ntags: " + "[" * 5000 + "]" * 5000 + "\n---\nBody.\n", 2, "nesting depth"),
    "deep-block.md": (
        "---\ntags:\n" + "".join("  " * level + "- x:\n" for level in range(1, 200)) + "---\nBody.\n", 18, "levels deep"
    ),
}


def build_hostile_library(root: Path, big: bool = True) -> Path:
    """Write the hostile library under `root` (with `root/../outside.md` for the links out)."""
    root.mkdir(parents=True)
    (root.parent / "outside.md").write_text("# Outside the library\n")
    for name, content in {**GOOD, **NAMES, **{name: spec[0] for name, spec in BROKEN.items()}}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    if big:
        (root / "huge-line.md").write_text("# Huge line\n\n" + "word " * 600_000 + "\n")
        section = "## Part\n\nSome *styled* text with a [link](#part) and `code`.\n\n- item\n- item\n\n"
        (root / "multi-megabyte.md").write_text("# Multi-megabyte\n\n" + section * 40_000)
    os.symlink(root.parent / "outside.md", root / "outside-link.md")
    os.symlink(root, root / "loop")
    os.symlink(root / "missing-target.md", root / "dangling.md")
    os.mkfifo(root / "fifo.md")
    locked = root / "locked.md"
    locked.write_text("# Locked\n")
    locked.chmod(0)
    return root


def good_ids(big: bool = True) -> set[str]:
    ids = {name.removesuffix(".md") for name in GOOD} | NAME_IDS
    return ids | ({"huge-line", "multi-megabyte"} if big else set())


def running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0
