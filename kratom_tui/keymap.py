"""The ids of the reader's key bindings, and what counts as a key, without importing Textual.

`settings.yaml` remaps keys by binding id (`keys: {app.find: "f"}`); `kratom-tui check` validates
that mapping, and must stay fast, so the ids live here as plain data. A test checks that this list
and the `Binding(id=...)` declarations of the app agree.
"""

from __future__ import annotations

import unicodedata

BINDING_IDS: dict[str, str] = {
    "app.quit": "quit",
    "app.quit-now": "quit, from any screen",
    "app.copy-or-quit": "copy the selected text, or quit when nothing is selected",
    "app.help": "this help: every key",
    "app.palette": "command palette: open an article, go to a condition, change the theme",
    "app.contents": "table of contents: jump to a heading",
    "app.toggle-risks": "fold or unfold the risks and disclaimers panel",
    "app.previous-article": "previous article",
    "app.next-article": "next article",
    "app.find": "find in the article",
    "app.next-match": "next match, also after the find bar is closed",
    "app.previous-match": "previous match",
    "app.search": "search the library",
    "app.toggle-sidebar": "show or hide the sidebar",
    "app.risk-overview": "risk overview: every risk against the articles naming it",
    "app.urgent-help": "urgent help: who to call, warning signs",
    "app.glossary": "what the word under the cursor means, from the library's glossary",
    "app.back": "back to where you were before a jump",
    "app.forward": "forward again",
    "app.set-mark": "set a mark (then a letter)",
    "app.go-to-mark": "go to a mark (then its letter)",
    "app.link-hints": "link hints: a label on every link on screen",
    "app.link-list": "the list of the article's links",
    "app.edit": "edit the article's file in $VISUAL or $EDITOR",
    "app.maximise-risks": "the risks panel takes the whole pane",
    "app.reading-mode": "reading mode: no sidebar, the text in the middle",
    "app.copy-paragraph": "copy the paragraph at the find match or the top, with its citation",
    "app.add-note": "add a note or highlight to the selection or the paragraph at the top",
    "app.notes": "your notes: every note of the library, to find, open, edit or delete",
    "app.handout": "a handout of the article for a clinician visit (HTML, in the downloads folder)",
    "move.down": "down",
    "move.up": "up",
    "move.page-down": "a page down",
    "move.page-up": "a page up",
    "move.top": "to the top",
    "move.bottom": "to the bottom",
    "sidebar.open": "open the article, or expand the condition",
    "sidebar.collapse": "collapse the condition, or go up to it",
    "sidebar.close": "close the sidebar overlay",
    "risks.toggle": "fold or unfold the panel",
    "find.close": "close the find bar",
    "find.previous": "previous match",
    "find.next": "next match",
    "dialog.close": "close the dialog",
    "dialog.yes": "yes",
    "search.results": "move into the results",
    "note.save": "save the note (empty: a highlight)",
    "note.close": "close the note editor (asks first if it has changes)",
    "note.save-changes": "save the changes",
    "note.discard-changes": "discard the changes",
    "notes.filter": "filter the notes",
    "notes.list": "move into the list of notes",
    "notes.delete": "delete the note (u puts it back)",
    "notes.undo": "put back the note deleted last",
    "notes.edit": "edit the note",
    "list.open": "open the item under the cursor",
}
"""Every binding id, with what it does (the README's key table names them)."""

MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
NAMED_KEYS = frozenset(
    ["up", "down", "left", "right", "home", "end", "pageup", "pagedown", "tab", "enter", "escape", "space"]
    + ["backspace", "delete", "insert"]
    + ["slash", "backslash", "at", "minus", "plus", "underscore"]  # Textual's short names of characters
    + [f"f{number}" for number in range(1, 25)]
)
"""Keys with names (a subset of Textual's `Keys`); printable characters go by themselves or their
Unicode name in Textual's spelling (`question_mark`)."""


def key_problem(key: str) -> str | None:
    """Why `key` (one key, e.g. `ctrl+f`, `?`, `question_mark`) is not a key, or None when it is."""
    *modifiers, name = key.strip().split("+")
    if not name:
        return f"'{key}' has no key after its modifiers"
    unknown = [modifier for modifier in modifiers if modifier not in MODIFIERS]
    if unknown:
        return f"'{unknown[0]}' in '{key}' is not a modifier ({', '.join(MODIFIERS)})"
    if len(name) == 1:
        return None if name.isprintable() and not name.isspace() else f"'{key}' is not a printable key"
    if name in NAMED_KEYS:
        return None
    try:
        unicodedata.lookup(name.replace("_", " ").upper())
    except KeyError:
        return f"'{key}' is not a key name (such as a, ctrl+f, pagedown, f5, question_mark)"
    return None


def keys_problem(keys: str) -> str | None:
    """Why a comma-separated list of keys is invalid, or None."""
    if not keys.strip():
        return "no key given"
    for key in keys.split(","):
        if not key.strip():
            return f"an empty key in '{keys}'"
        problem = key_problem(key)
        if problem:
            return problem
    return None
