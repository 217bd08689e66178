"""The reader's keys on its main screen: one list, so the help and the footer come from the same place.

The footer shows the keys a newcomer needs first (it fits 80 columns); every key is in the help.
Each has an id (listed in kratom_tui.keymap) for the `keys:` setting.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

READER_BINDINGS: list[BindingType] = [
    Binding("q", "quit", "Quit", id="app.quit"),
    Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit-now"),
    Binding("ctrl+c", "copy_or_quit", "Copy or quit", show=False, id="app.copy-or-quit"),
    Binding("question_mark", "help", "Help", id="app.help"),
    Binding("t", "contents", "Contents", show=False, id="app.contents"),
    Binding("r", "risks(False)", "Risks", id="app.toggle-risks"),
    Binding("left_square_bracket", "step_article(-1)", "Prev", show=False, id="app.previous-article"),
    Binding("right_square_bracket", "step_article(1)", "Next", show=False, id="app.next-article"),
    Binding("slash", "find(0)", "Find", id="app.find"),
    Binding("n", "find(1)", "Next match", show=False, id="app.next-match"),
    Binding("N", "find(-1)", "Previous match", show=False, id="app.previous-match"),
    Binding("s", "search", "Search", id="app.search"),
    Binding("b", "toggle_sidebar", "Library", show=False, id="app.toggle-sidebar"),
    Binding("d", "glossary_term", "Glossary", show=False, id="app.glossary"),
    Binding("H,alt+left", "history(-1)", "Back", show=False, id="app.back"),
    Binding("L,alt+right", "history(1)", "Forward", show=False, id="app.forward"),
    Binding("m", "mark(True)", "Set a mark", show=False, id="app.set-mark"),
    Binding("apostrophe", "mark(False)", "Go to a mark", show=False, id="app.go-to-mark"),
    Binding("f", "links(True)", "Link hints", show=False, id="app.link-hints"),
    Binding("F", "links(False)", "Link list", show=False, id="app.link-list"),
    Binding("e", "edit", "Edit the file", show=False, id="app.edit"),
    Binding("R", "risks(True)", "Risks: whole pane", show=False, id="app.maximise-risks"),
    Binding("z", "reading_mode", "Reading mode", show=False, id="app.reading-mode"),
    Binding("p", "handout", "Handout", show=False, id="app.handout"),
    Binding("exclamation_mark", "urgent_help", "Urgent help", priority=True, id="app.urgent-help"),
    Binding("o", "risk_overview", "Overview", id="app.risk-overview"),
    Binding("y", "copy_paragraph", "Copy paragraph", show=False, id="app.copy-paragraph"),
    Binding("a", "add_note", "Add a note", show=False, id="app.add-note"),
    Binding("A", "notes", "Notes", show=False, id="app.notes"),
    Binding("ctrl+p", "command_palette", "Palette", show=False, priority=True, id="app.palette"),
]
