"""Write a synthetic library for the search benchmark, the same every time for the same arguments.

    python benchmarks/make_library.py DIR --count 10000 --size 5000 [--seed 7]

Each article is markdown of about `--size` bytes with front matter (title, summary, one or two
conditions, risks, disclaimers) and a body of headings, paragraphs, lists, links and emphasis. The
words come from a fixed vocabulary: a few hundred real words on the library's subjects, then
made-up words built from syllables, drawn with Zipf-like frequencies (a few words are everywhere,
most are rare, as in real text) by a seeded random generator.
"""

from __future__ import annotations

import argparse
import itertools
import random
from pathlib import Path

REAL_WORDS = """
kratom leaf alkaloid mitragynine hydroxymitragynine strain powder capsule tea dose dosage gram
tolerance dependence withdrawal addiction craving relief pain chronic neuropathic nerve nerves
muscle muscles joint joints back arthritis fibromyalgia fatigue tired sleep sleeping sleepless
insomnia night nights rest restless leg legs syndrome urge urges movement moving twitch ache
aching burning tingling numbness focus attention concentration adhd hyperactivity stimulant calm
energy mood anxiety stress depression opioid opioids receptor receptors brain body liver kidney
heart blood pressure nausea vomiting constipation dizziness itching sweating appetite weight
seizure seizures interaction interactions medicine medication medications doctor clinician
patient patients study studies trial trials evidence report reports user users anecdote claim
claims source sources page website seller vendor product products quality contamination
salmonella heavy metals lead label labels regulation law legal ban banned country state
agency warning warnings safety risk risks harm harmful effect effects side adverse serious
rare common mild moderate severe daily weekly long term short term high low amount amounts
green red white gold bali maeng borneo thai indonesia malaysia plant tree southeast asia
traditional workers farmers chew chewed brewed steeped mixed juice water food meal morning
evening bedtime routine exercise stretch stretching walk walking diet vitamin iron magnesium
caffeine alcohol nicotine combine combined avoid avoided reduce reduced increase increased
feel feeling felt better worse improve improved help helped helps ease eased eases manage
people person adult adults older younger women men pregnant breastfeeding child children
""".split()

# Made-up words are built from syllables: an onset, a vowel and a coda, so that, as in English, words
# seldom share their first four letters with hundreds of others.
ONSETS = "b c d f g h j k l m n p r s t v w z bl br ch cl cr dr fl gr pl pr sh st str th tr".split() + [""]
VOWELS = "a e i o u ai ea ee ie oa ou y".split()
CODAS = "b ck d ft g l ld lt m mp n nd ng nt p r rd rk rn s sh sk st t th x".split() + [""] * 12

CONDITIONS = ["Restless legs syndrome", "Chronic pain", "Fibromyalgia", "Neuropathic pain", "Sleep", "ADHD"]
RISKS = [
    ("Dependence and addiction", "Regular use can lead to dependence, and stopping can bring withdrawal."),
    ("Liver damage", "Rare reports connect long-term, high-dose use with harm to the liver."),
    ("Drug interactions", "It may interact with other medicines, including opioids and sedatives."),
    ("Contamination", "Products have been found contaminated with salmonella and heavy metals."),
    ("Nausea and constipation", "Common side effects named by users."),
    ("Seizures", "Seizures have been reported at high doses."),
]
DISCLAIMERS = [
    "Not medical advice; talk to a clinician.",
    "The source sells kratom products.",
    "No clinical trials are cited.",
    "Kratom is not approved for any medical use.",
]


def vocabulary(size: int = 6000, seed: int = 7) -> list[str]:
    """The fixed word list: the real words first, then made-up ones, most frequent first."""
    rng = random.Random(seed)
    words = list(dict.fromkeys(REAL_WORDS))
    seen = set(words)
    while len(words) < size:
        word = "".join(
            rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(rng.choice((1, 2, 2, 2, 3)))
        )
        if word not in seen:
            seen.add(word)
            words.append(word)
    rng.shuffle(words)
    return words


def zipf_weights(count: int, exponent: float = 1.05) -> list[float]:
    """Cumulative weights for rank 1..count with frequency proportional to 1 / rank^exponent."""
    return list(itertools.accumulate(1.0 / (rank**exponent) for rank in range(1, count + 1)))


class Writer:
    def __init__(self, seed: int = 7, vocabulary_size: int = 6000) -> None:
        self.rng = random.Random(seed)
        self.words = vocabulary(vocabulary_size, seed)
        self.weights = zipf_weights(len(self.words))

    def some(self, count: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.weights, k=count)

    def sentence(self, low: int = 6, high: int = 18, plain: bool = False) -> str:
        words = self.some(self.rng.randint(low, high))
        if plain:
            return " ".join(words).capitalize() + "."
        if self.rng.random() < 0.3:
            at = self.rng.randrange(len(words))
            words[at] = f"**{words[at]}**" if self.rng.random() < 0.5 else f"*{words[at]}*"
        if self.rng.random() < 0.15:
            at = self.rng.randrange(len(words))
            words[at] = f"[{words[at]}](article-{self.rng.randrange(10000):05d}.md)"
        return " ".join(words).capitalize() + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))

    def block(self, number: int) -> str:
        kind = self.rng.random()
        if kind < 0.15:
            return f"## {' '.join(self.some(self.rng.randint(2, 5))).capitalize()}"
        if kind < 0.30:
            return "\n".join(f"- {self.sentence(3, 9)}" for _ in range(self.rng.randint(2, 5)))
        if kind < 0.35:
            return f"> {self.sentence()}"
        return self.paragraph()

    def article(self, number: int, size: int) -> str:
        rng = self.rng
        title = " ".join(self.some(rng.randint(3, 7))).capitalize()
        summary = self.sentence(12, 25, plain=True)
        conditions = rng.sample(CONDITIONS, rng.randint(1, 2))
        risks = rng.sample(RISKS, rng.randint(1, 3))
        disclaimers = rng.sample(DISCLAIMERS, rng.randint(1, 2))
        head = ["---", f"title: \"{title}\"", f"summary: \"{summary}\"", f"conditions: [{', '.join(conditions)}]"]
        head.append(f"published: 2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
        head.append("risks:")
        for name, detail in risks:
            head += [f"  - name: {name}", f"    detail: {detail}", f"    severity: {rng.choice(['low', 'moderate', 'high'])}"]
        head.append("disclaimers:")
        head += [f"  - {text}" for text in disclaimers]
        head.append("---")
        parts = ["\n".join(head), "", self.paragraph()]
        total = sum(len(part) + 1 for part in parts)
        while total < size:
            block = self.block(number)
            parts.append("")
            parts.append(block)
            total += len(block) + 2
        return "\n".join(parts) + "\n"


def make_library(folder: Path, count: int = 10000, size: int = 5000, seed: int = 7) -> Path:
    """Write `count` articles `article-00000.md`... into `folder`; return it."""
    folder.mkdir(parents=True, exist_ok=True)
    writer = Writer(seed)
    for number in range(count):
        text = writer.article(number, size)
        (folder / f"article-{number:05d}.md").write_text(text, encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic library for the search benchmark.")
    parser.add_argument("dir", type=Path, help="the folder to write (created when missing)")
    parser.add_argument("--count", type=int, default=10000, help="number of articles (default: 10000)")
    parser.add_argument("--size", type=int, default=5000, help="approximate bytes per article (default: 5000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default: 7)")
    args = parser.parse_args()
    make_library(args.dir, args.count, args.size, args.seed)
    print(f"wrote {args.count} articles of about {args.size} bytes to {args.dir}")


if __name__ == "__main__":
    main()
