"""What following a link in an article does: open another article of the library, scroll to a
heading, open a web address after the reader confirms it, or refuse with the reason."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kratom_tui.document.link_spots import link_texts
from kratom_tui.library.sanitize import display_name
from kratom_tui.links import LinkAction, OpenArticle, OpenExternal, Refuse, ScrollToAnchor, resolve_link

if TYPE_CHECKING:
    from kratom_tui.ui.app import ReaderApp

# The screens here are imported when first opened: the first frame needs none of them.


def follow_link(app: ReaderApp, href: str) -> None:
    if app.current is None:
        return
    action = resolve_link(href, app.current, app.library)
    if isinstance(action, OpenArticle):
        app.open_article(action.article_id, anchor=action.anchor)
    elif isinstance(action, ScrollToAnchor):
        app.navigator.leave()
        app.scroll_to_anchor(action.anchor)
    elif isinstance(action, OpenExternal):
        from kratom_tui.ui.screens.confirm import ConfirmScreen

        url = action.url

        def opened(answer: bool | None) -> None:
            if answer:
                app.open_url(url)

        app.push_screen(ConfirmScreen("Open this web address in your browser?", display_name(url)), opened)
    elif isinstance(action, Refuse):
        app.notify(action.reason, title="Link not followed", severity="warning", markup=False)


def _leads_to(action: LinkAction, app: ReaderApp) -> str:
    if isinstance(action, OpenArticle):
        article = app.library.get(action.article_id)
        title = article.title if article is not None else action.article_id
        return f"another article: {title}" + (f", at #{action.anchor}" if action.anchor else "")
    if isinstance(action, ScrollToAnchor):
        return f"a heading of this article: #{action.anchor}"
    if isinstance(action, OpenExternal):
        return "a web address (opens in your browser after you confirm)"
    return f"refused: {action.reason}"


def show_link_list(app: ReaderApp) -> None:
    """`F`: every link of the article and of its panel, with where each one leads."""
    from kratom_tui.ui.screens.link_list import LinkEntry, LinkListScreen

    if app.current is None:
        return
    entries: list[LinkEntry] = []
    for view in (app.pane.view, app.pane.risks):
        if view.layout_ is None:
            continue
        view.layout_.finish()
        texts = link_texts(view.layout_.lines)
        for index, target in enumerate(view.links):
            action = resolve_link(target, app.current, app.library)
            entries.append(LinkEntry(texts.get(index, ""), target, _leads_to(action, app)))
    if not entries:
        app.notify("This article has no links.", markup=False)
        return

    def chosen(target: str | None) -> None:
        if target:
            follow_link(app, target)

    app.push_screen(LinkListScreen(entries), chosen)


def show_link_hints(app: ReaderApp) -> None:
    """`f`: a label on every link on screen; the one typed is followed."""
    from kratom_tui.ui.screens.link_hints import LinkHintScreen

    targets = app.pane.start_hints()
    if not targets:
        app.notify("No link on screen.", markup=False)
        return

    def chosen(target: str | None) -> None:
        app.pane.clear_hints()
        if target:
            follow_link(app, target)

    app.push_screen(LinkHintScreen(targets), chosen)
