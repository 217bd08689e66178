"""The article library: files on disk turned into articles and reported problems.

Nothing here imports Textual, so the command line stays quick to start.
"""

from kratom_tui.library.loader import Library, LibraryIncomplete, load_library, start_library
from kratom_tui.library.model import Article, Claim, Problem, Risk

__all__ = ["Article", "Claim", "Library", "LibraryIncomplete", "Problem", "Risk", "load_library", "start_library"]
