"""Saving the reader's state: soon after every change, when the terminal goes away, and on quit.

A change schedules one save a moment later (so scrolling writes the file about twice a second at
most and `kill -9` loses at most that); SIGTERM and SIGHUP save at once and end the app cleanly,
which restores the terminal.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable

from textual.app import App
from textual.timer import Timer

from kratom_tui.state import StateStore

SAVE_DELAY = 0.5
"""Seconds between a change and its save."""
EXIT_WITHIN = 3.0
"""Seconds an orderly exit gets after SIGTERM or SIGHUP (the state is saved before)."""


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
        """The window closed or the process was asked to end: save, then leave the terminal as found.

        When the window has closed there is no terminal left to restore, and writing to it can block
        for good: a last resort ends the process if the orderly exit has not within a few seconds.
        """
        self.save()
        self.app.exit()
        last_resort = threading.Timer(EXIT_WITHIN, os._exit, args=(0,))
        last_resort.daemon = True
        last_resort.start()
