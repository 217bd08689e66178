"""Questions to take to a clinician, built from what the article claims and the risks it names.

They follow the usual prompts for a visit (benefits, risks, alternatives, what if I do nothing; how
it mixes with my medicines) and are worded as questions only: the handout asks, it never advises.
"""

from __future__ import annotations

from kratom_tui.library.model import UNCATEGORIZED, Article, Risk
from kratom_tui.library.sanitize import one_line


def questions_to_ask(article: Article) -> tuple[str, ...]:
    condition = _conditions(article)
    asked = [f"What is known about whether kratom helps with {condition}, and how strong is that evidence?"]
    if len(article.claims) == 1:
        asked.append(f"The page claims: \u201c{_sentence(article.claims[0].claim)}\u201d What does the research say?")
    elif article.claims:
        asked.append(
            f"The page makes {len(article.claims)} claims (see \u201cClaims to weigh\u201d), such as: "
            f"\u201c{_sentence(article.claims[0].claim)}\u201d What does the research say about them?"
        )
    serious = [risk for risk in article.risks if risk.severity == "high"]
    others = [risk for risk in article.risks if risk.severity != "high"]
    named = [f"serious: {_names(serious)}"] * bool(serious) + [f"others: {_names(others)}"] * bool(others)
    if named:
        asked.append(
            f"The page names risks ({'; '.join(named)}). How likely are they for me, and what signs would show them?"
        )
    asked.append("Could kratom interact with any of the medicines or supplements I take, or with alcohol?")
    if _names_any(article.risks, "depend", "withdraw", "addict"):
        asked.append("What are the signs of dependence and withdrawal, and where could someone get help with them?")
    if _names_any(article.risks, "contamin", "adulter", "unregulated", "quality"):
        asked.append(
            "How can anyone know what a kratom product contains, when the page says quality is not controlled?"
        )
    asked.append(f"What other options are there for {condition}, and what are their benefits and risks?")
    asked.append(f"What is likely to happen with {condition} if I do not treat it, or if I wait?")
    return tuple(asked)


def _conditions(article: Article) -> str:
    named = [one_line(condition) for condition in article.conditions if condition != UNCATEGORIZED]
    if not named:
        return "my condition"
    spoken = [_lower_first(name) for name in named]
    return spoken[0] if len(spoken) == 1 else ", ".join(spoken[:-1]) + " or " + spoken[-1]


def _lower_first(name: str) -> str:
    """'Restless legs syndrome' as it reads mid-sentence; 'ADHD' stays as it is."""
    if len(name) > 1 and name[0].isupper() and name[1].islower():
        return name[0].lower() + name[1:]
    return name


def _sentence(text: str) -> str:
    text = one_line(text)
    return text if text.endswith((".", "?", "!")) else text + "."


def _names(risks: list[Risk]) -> str:
    return ", ".join(_lower_first(one_line(risk.name)) for risk in risks)


def _names_any(risks: tuple[Risk, ...], *stems: str) -> bool:
    words = " ".join(f"{risk.name} {risk.detail}" for risk in risks).casefold()
    return any(stem in words for stem in stems)
