"""Saving the reader's state: soon after every change, when the terminal goes away, and on quit.

A change schedules one save a moment later (so scrolling writes the file about twice a second at
most and `kill -9` loses at most that); SIGTERM and SIGHUP save at once and end the app cleanly,
which restores the terminal.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable

from textual.app import App
from textual.timer import Timer

from kratom_tui.state import StateStore

SAVE_DELAY = 0.5
"""Seconds between a change and its save."""


class StateKeeper:
    """Owns when the app's `StateStore` is written; `before_save` lets the app add what widgets know."""

    def __init__(self, app: App[None], store: StateStore, before_save: Callable[[], None]) -> None:
        self.app = app
        self.store = store
        self.before_save = before_save
        self._timer: Timer | None = None

    def watch_signals(self) -> None:
        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGHUP):
            loop.add_signal_handler(number, self._end_on_signal)

    def changed(self) -> None:
        if self._timer is None:
            self._timer = self.app.set_timer(SAVE_DELAY, self.save)

    def save(self) -> None:
        self._timer = None
        self.before_save()
        problem = self.store.save()
        if problem:
            self.app.notify(problem, title="State not saved", severity="warning", markup=False)

    def _end_on_signal(self) -> None:
        """The window closed or the process was asked to end: save, then leave the terminal as found."""
        self.save()
        self.app.exit()
