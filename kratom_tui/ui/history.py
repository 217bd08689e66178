"""Where the reader has been, as a browser keeps it: back to the place a jump left, and forward again.

A place is an article and a text position in it, so going back finds the same words at any width.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kratom_tui.document.position import TextPosition

LIMIT = 200
"""Places kept behind the reader; older ones are forgotten."""


@dataclass(frozen=True)
class Place:
    article_id: str
    position: TextPosition


@dataclass
class History:
    behind: list[Place] = field(default_factory=list)
    ahead: list[Place] = field(default_factory=list)

    def leave(self, here: Place) -> None:
        """A jump is about to take the reader away from `here`: it becomes the way back."""
        if not self.behind or self.behind[-1] != here:
            self.behind.append(here)
            del self.behind[:-LIMIT]
        self.ahead.clear()

    def back(self, here: Place) -> Place | None:
        if not self.behind:
            return None
        self.ahead.append(here)
        return self.behind.pop()

    def forward(self, here: Place) -> Place | None:
        if not self.ahead:
            return None
        self.behind.append(here)
        return self.ahead.pop()
