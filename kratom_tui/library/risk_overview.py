"""Every risk named in the library against the articles that name it, most widely named first."""

from __future__ import annotations

from dataclasses import dataclass

from kratom_tui.library.loader import Library
from kratom_tui.library.model import SEVERITIES, Article


@dataclass(frozen=True)
class RiskRow:
    name: str
    named_by: tuple[tuple[Article, str | None], ...]
    """Each article naming the risk, with the severity it gives."""

    @property
    def highest(self) -> str | None:
        ranked = [severity for _article, severity in self.named_by if severity]
        return max(ranked, key=SEVERITIES.index) if ranked else None


def risk_overview(library: Library) -> list[RiskRow]:
    """Risks grouped by name (ignoring case), sorted by how many articles name them, then by name."""
    groups: dict[str, list[tuple[Article, str | None]]] = {}
    names: dict[str, str] = {}
    for article in library.articles:
        for risk in article.risks:
            key = risk.name.casefold()
            names.setdefault(key, risk.name)
            named_by = groups.setdefault(key, [])
            # An article naming a risk twice counts once; its entries are the latest ones in the group.
            if not named_by or named_by[-1][0] is not article:
                named_by.append((article, risk.severity))
    rows = [RiskRow(names[key], tuple(named_by)) for key, named_by in groups.items()]
    return sorted(rows, key=lambda row: (-len(row.named_by), row.name.casefold()))
