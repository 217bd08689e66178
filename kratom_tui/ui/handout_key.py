"""`p`: the open article's handout for a clinician visit, written as HTML to the downloads folder.

A mixin of the app, so that the key's behaviour lives here and the app only names it. The page is
made from what the library and the notes store hold now; the notice gives the file's full path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from kratom_tui.ui.app import ReaderApp


class HandoutKey:
    def action_handout(self) -> None:
        write_current_handout(cast("ReaderApp", self))


def write_current_handout(app: ReaderApp) -> None:
    from kratom_tui.handout.as_html import render_html
    from kratom_tui.handout.files import save_handout
    from kratom_tui.handout.gather import gather_handout

    if app.current is None:
        app.notify("Open an article first: the handout is made from the article being read.", markup=False)
        return
    handout, notice = gather_handout(app.library, app.current, app.settings)
    if notice:
        app.notify(notice, title="Notes", severity="warning", markup=False)
    try:
        path = save_handout(render_html(handout), app.current.id)
    except OSError as error:
        app.notify(f"Could not write the handout: {error}", severity="error", markup=False)
        return
    app.notify(
        f"Written to {path}. Open it in a browser to read or print it (about two pages).",
        title="Handout for a clinician visit",
        markup=False,
        timeout=12,
    )
