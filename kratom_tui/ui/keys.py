"""The reader's keys on its main screen: one list, so the help and the footer come from the same place."""

from __future__ import annotations

from textual.binding import Binding, BindingType

READER_BINDINGS: list[BindingType] = [
    Binding("q", "quit", "Quit"),
    Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    Binding("ctrl+c", "copy_or_quit", "Copy or quit", show=False),
    Binding("question_mark", "help", "Help"),
    Binding("t", "contents", "Contents"),
    Binding("r", "toggle_risks", "Risks"),
    Binding("left_square_bracket", "step_article(-1)", "Prev"),
    Binding("right_square_bracket", "step_article(1)", "Next"),
    Binding("slash", "find", "Find"),
    Binding("n", "find_step(True)", "Next match", show=False),
    Binding("N", "find_step(False)", "Previous match", show=False),
    Binding("s", "search", "Search"),
    Binding("b", "toggle_sidebar", "Library"),
    Binding("o", "risk_overview", "Risk overview", show=False),
    Binding("d", "glossary_term", "Glossary", show=False),
    Binding("H,alt+left", "history(-1)", "Back", show=False),
    Binding("L,alt+right", "history(1)", "Forward", show=False),
    Binding("m", "mark(True)", "Set a mark", show=False),
    Binding("apostrophe", "mark(False)", "Go to a mark", show=False),
    Binding("f", "links(True)", "Link hints", show=False),
    Binding("F", "links(False)", "Link list", show=False),
    Binding("e", "edit", "Edit the file", show=False),
    Binding("R", "maximise_risks", "Risks: whole pane", show=False),
    Binding("z", "reading_mode", "Reading mode", show=False),
    Binding("exclamation_mark", "urgent_help", "Urgent help", priority=True),
]
