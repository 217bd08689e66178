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
}
BROKEN = {
    "invalid-yaml.md": ("---\ntitle: [unclosed\n---\nbody\n", 3, "begun on line 2"),
    "unterminated.md": ("---\ntitle: never closed\nbody\n", 1, "never closed"),
    "binary.md": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), 1, "binary"),
    "nul-bytes.md": (b"# Title\n\nText with a \x00 NUL byte.\n", 1, "binary"),
}


def build_hostile_library(root: Path, big: bool = True) -> Path:
    """Write the hostile library under `root` (with `root/../outside.md` for the links out)."""
    root.mkdir(parents=True)
    (root.parent / "outside.md").write_text("# Outside the library\n")
    for name, content in {**GOOD, **{name: spec[0] for name, spec in BROKEN.items()}}.items():
        path = root / name
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
    ids = {Path(name).stem for name in GOOD}
    return ids | ({"huge-line", "multi-megabyte"} if big else set())


def running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0
