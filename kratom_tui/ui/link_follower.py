"""What following a link in an article does: open another article of the library, scroll to a
heading, open a web address after the reader confirms it, or refuse with the reason."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kratom_tui.links import OpenArticle, OpenExternal, Refuse, ScrollToAnchor, resolve_link

if TYPE_CHECKING:
    from kratom_tui.ui.app import ReaderApp


def follow_link(app: ReaderApp, href: str) -> None:
    if app.current is None:
        return
    action = resolve_link(href, app.current, app.library)
    if isinstance(action, OpenArticle):
        app.open_article(action.article_id, anchor=action.anchor)
    elif isinstance(action, ScrollToAnchor):
        app.scroll_to_anchor(action.anchor)
    elif isinstance(action, OpenExternal):
        from kratom_tui.ui.screens.confirm import ConfirmScreen  # only when a web link is followed

        url = action.url

        def opened(answer: bool | None) -> None:
            if answer:
                app.open_url(url)

        app.push_screen(ConfirmScreen("Open this web address in your browser?", url), opened)
    elif isinstance(action, Refuse):
        app.notify(action.reason, title="Link not followed", severity="warning", markup=False)
