"""Synthetic articles for the benchmarks: markdown of a given size with varied blocks."""

from __future__ import annotations

from pathlib import Path

SECTION = """## Section {n}

Paragraph {n} says that *users report* things about **kratom** and `alkaloids`, with a
[link](#section-{n}) and enough words to wrap over several lines of a terminal of any width at all.

- point one of section {n}
- point two, with a nested list
  - nested item {n}

| Strain | Colour | Reported use |
|---|---|---|
| Maeng Da | green | energy ({n}) |
| Bali | red | calm |

> A quoted remark number {n}, quoted here for the benchmark.

"""


def article(title: str, marker: str, size: int, condition: str = "Bench") -> str:
    head = f"---\ntitle: {title}\nconditions: [{condition}]\nrisks:\n  - name: Test risk\n    detail: A risk.\n    severity: low\n---\n"
    parts = [head, f"{marker} opens this article.\n\n"]
    total, n = sum(map(len, parts)), 0
    while total < size:
        n += 1
        piece = SECTION.format(n=n)
        parts.append(piece)
        total += len(piece)
    return "".join(parts)


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
