"""Reading grade of an article's body: SMOG and Flesch-Kincaid, from counted sentences, words, syllables.

Why not textstat: for English it loads NLTK's CMU dictionary, which it downloads on first use (a
network fetch from a terminal reader; it fails offline, as it did where this was written), and its
offline fallback (Pyphen hyphenation) undercounts syllables badly on this library's words: "kratom"
1, "fibromyalgia" 3, "cholestatic" 2, "area" 1. The counter here is a vowel-group count with the
usual English corrections, pinned by tests on those words.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

TARGET_GRADE = 8
"""The library's own text aims at grade 6-8 (a reading age of about 11-13)."""
SAMPLE_CHARS = 50_000
"""Grades are measured on at most this much of a body (some 8,000 words): plenty for a grade, and
quick enough to compute as an article opens, however large the file."""
CHECK_ABOVE = 10
"""`kratom-tui check` reports articles whose grade is above this."""

_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_PIECE = 2000
"""Longer lines are measured in pieces of this many characters."""
_BLOCK_START = re.compile(r"^(#{1,6}\s+|[-*+]\s+|\d{1,9}[.)]\s+|>\s*|\|)")
_TABLE_RULE = re.compile(r"\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?")
_LINK_TARGET = re.compile(r"\]\([^)\s]{0,200}\)")
_MARKUP = re.compile(r"[*_`#>|\[\]]|<[^>]{0,200}>")
_EXCEPTIONS = {
    "kratom": 2,
    "every": 2,
    "being": 2,
    "science": 2,
    "quiet": 2,
    "people": 2,
    "area": 3,
    "idea": 3,
    "create": 2,
}


@functools.lru_cache(maxsize=8192)
def syllables(word: str) -> int:
    """Syllables in one English word: vowel groups, less silent endings, plus split vowel pairs."""
    word = word.lower().replace("\u2019", "'").split("'")[0]
    if not word:
        return 0
    if word in _EXCEPTIONS:
        return _EXCEPTIONS[word]
    count = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("ed") and len(word) > 3 and word[-3] not in "td" and word[-3] not in "aeiouy":
        count -= 1  # used, named: the -ed is silent unless after t or d
    elif word.endswith("es") and len(word) > 3 and word[-3] not in "szcgx" and word[-4:-2] not in ("sh", "ch"):
        count -= 1  # takes, types: silent unless after a hissing sound
    elif word.endswith("e") and not word.endswith(("le", "ee", "ye")):
        count -= 1  # a silent final e
    # Vowel pairs that are usually two syllables (opioid, fibromyalgia, usual), but not -tion.
    count += len(re.findall(r"i[ao]|ua|iu", re.sub(r"[st]io", "", word)))
    return max(1, count)


def _prose_lines(markdown: str) -> list[tuple[bool, str]]:
    """Each line as (stands alone, text without markup); code blocks and table rules are left out.

    A plain scan rather than a markdown parse: linear in the text, so a hostile body cannot stall
    the header (markdown-it takes seconds on 100 KB of brackets).
    """
    lines: list[tuple[bool, str]] = []
    fenced = False
    for raw in markdown.splitlines():
        for start in range(0, max(len(raw), 1), _PIECE):
            line = raw[start : start + _PIECE].strip()
            if line.startswith(("```", "~~~")):
                fenced = not fenced
                continue
            if not line:
                lines.append((True, ""))
                continue
            if fenced or _TABLE_RULE.fullmatch(line) or raw.startswith(("    ", "\t")):
                continue
            alone = bool(_BLOCK_START.match(line))
            line = _LINK_TARGET.sub("]", _BLOCK_START.sub("", line))
            lines.append((alone, " ".join(_MARKUP.sub(" ", line).split())))
    return lines


def plain_sentences(markdown: str) -> list[str]:
    """The body's prose as sentences; a heading, list item or table row counts as one when unpunctuated."""
    units: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        for part in _SENTENCE_END.split(" ".join(paragraph)):
            if _WORD.search(part):
                units.append(part.strip())
        paragraph.clear()

    for alone, text in _prose_lines(markdown):
        if alone or not text:
            flush()
        if text:
            paragraph.append(text)
        if alone:
            flush()
    flush()
    return units


@dataclass(frozen=True)
class Readability:
    sentences: int
    words: int
    syllables: int
    polysyllables: int

    @property
    def flesch_kincaid(self) -> float:
        if not self.words:
            return 0.0
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59

    @property
    def smog(self) -> float:
        if not self.sentences:
            return 0.0
        return 1.043 * math.sqrt(self.polysyllables * 30 / self.sentences) + 3.1291

    @property
    def grade(self) -> float:
        """The higher of the two, rounded to a tenth: the cautious figure to check."""
        return round(max(self.flesch_kincaid, self.smog), 1)

    def describe(self) -> str:
        """'reading grade 11-13', from the two grades rounded (a single number when they agree)."""
        if not self.words:
            return ""
        low, high = sorted((round(self.flesch_kincaid), round(self.smog)))
        return f"reading grade {max(low, 1)}" + (f"\u2013{high}" if high != low else "")


def measure(markdown: str) -> Readability:
    sentences = plain_sentences(markdown)
    counts = [syllables(word) for sentence in sentences for word in _WORD.findall(sentence)]
    return Readability(
        sentences=len(sentences),
        words=len(counts),
        syllables=sum(counts),
        polysyllables=sum(1 for count in counts if count >= 3),
    )
