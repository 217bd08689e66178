"""`kratom-tui serve`: the reader in a browser, driven in headless Chromium through its DevTools protocol.

xterm.js draws on a canvas, so the page's text cannot be read from the DOM; a script added before
the page loads records what the server sends over the page's WebSocket, and the test reads the
text of those frames. Everything listens on 127.0.0.1 only.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kratom_tui.cli import main
from kratom_tui.cli_serve import reader_command, warnings
from kratom_tui.state import ReaderState
from tests.helpers import SHIPPED

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
RECORDER = """
(() => {
  window.__received = "";
  window.__closed = false;
  const decoder = new TextDecoder();
  const Native = window.WebSocket;
  window.WebSocket = function (...args) {
    const socket = new Native(...args);
    socket.addEventListener("message", (event) => {
      if (typeof event.data !== "string") window.__received += decoder.decode(event.data, {stream: true});
    });
    socket.addEventListener("close", () => { window.__closed = true; });
    return socket;
  };
  window.WebSocket.prototype = Native.prototype;
})();
"""
ESCAPES = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_port(port: int, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"exited early: {process.communicate()[1]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listens on 127.0.0.1:{port}")


def _browser() -> str | None:
    return next((found for found in map(shutil.which, BROWSERS) if found), None)


class DevTools:
    """A minimal client of Chromium's DevTools protocol over one page's WebSocket."""

    def __init__(self, socket_) -> None:
        self.socket = socket_
        self.ids = itertools.count(1)

    async def call(self, method: str, **params):
        number = next(self.ids)
        await self.socket.send_json({"id": number, "method": method, "params": params})
        while True:
            message = json.loads((await self.socket.receive()).data)
            if message.get("id") == number:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                return message.get("result", {})

    async def evaluate(self, expression: str):
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    async def screen_text(self) -> str:
        return ESCAPES.sub("", await self.evaluate("window.__received") or "")

    async def wait_for(self, predicate, what: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if await predicate():
                return
            await asyncio.sleep(0.2)
        tail = (await self.screen_text())[-2000:]
        raise AssertionError(f"timed out waiting for {what}; the page received, last: {tail!r}")

    async def press(self, key: str, code: str, key_code: int) -> None:
        await self.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
        common = {"key": key, "code": code, "windowsVirtualKeyCode": key_code, "nativeVirtualKeyCode": key_code}
        await self.call("Input.dispatchKeyEvent", type="keyDown", text=key, unmodifiedText=key, **common)
        await self.call("Input.dispatchKeyEvent", type="keyUp", **common)


@pytest.fixture
def server(tmp_path: Path):
    pytest.importorskip("textual_serve", reason="textual-serve is not installed (pip install 'kratom-tui[serve]')")
    port = _free_port()
    # A reader that has been used before: the session opens on the article, not on the welcome.
    saved = Path(os.environ["XDG_STATE_HOME"]) / "kratom-tui" / "state.json"
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_text(ReaderState().to_json(), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "kratom_tui", "--articles", str(SHIPPED), "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for_port(port, process)
        yield port
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


@pytest.fixture
def browser(tmp_path: Path):
    binary = _browser()
    if binary is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    profile = tmp_path / "chromium"
    process = subprocess.Popen(
        [
            binary,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            f"--user-data-dir={profile}",
            "--window-size=1280,900",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        active = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (active.exists() and active.read_text().count("\n") >= 1) and time.monotonic() < deadline:
            time.sleep(0.1)
        yield int(active.read_text().splitlines()[0])
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


async def test_the_reader_in_a_browser(server: int, browser: int) -> None:
    aiohttp = pytest.importorskip("aiohttp")
    from kratom_tui.library import load_library

    library = load_library(SHIPPED)
    first, second = (library.get(article_id).title for article_id in library.catalogue.order()[:2])
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{browser}/json/list") as response:
            page = next(target for target in await response.json() if target["type"] == "page")
        async with session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as socket_:
            tools = DevTools(socket_)
            await tools.call("Page.enable")
            await tools.call("Page.addScriptToEvaluateOnNewDocument", source=RECORDER)
            await tools.call("Page.navigate", url=f"http://127.0.0.1:{server}/")

            async def first_screen() -> bool:
                text = await tools.screen_text()
                return first in text and "Risks and disclaimers" in text

            await tools.wait_for(first_screen, f"the first article ({first}) and its risks panel")
            seen = len(await tools.screen_text())
            await tools.press("]", "BracketRight", 221)

            async def next_article() -> bool:
                return second in (await tools.screen_text())[seen:]

            await tools.wait_for(next_article, f"the next article ({second}) after ]")
            await tools.press("q", "KeyQ", 81)

            async def ended() -> bool:
                return bool(await tools.evaluate("window.__closed && document.body.classList.contains('-closed')"))

            await tools.wait_for(ended, "the session to end after q")


def test_serve_without_the_extra_is_a_one_line_error(monkeypatch, capsys) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve", None)
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    assert main(["serve", "--port", "1"]) == 2
    expected = "kratom-tui: the browser reader needs textual-serve: pip install 'kratom-tui[serve]'\n"
    assert capsys.readouterr().err == expected


def test_serve_listens_on_loopback_unless_told_and_warns(capsys) -> None:
    from kratom_tui.cli import build_parser

    assert build_parser().parse_args(["serve"]).host == "127.0.0.1"
    assert len(warnings("127.0.0.1")) == 1 and "shares this user's state and notes" in warnings("127.0.0.1")[0]
    assert any("anyone who can reach" in line for line in warnings("0.0.0.0"))


def test_each_session_runs_this_python_on_the_same_library(tmp_path: Path) -> None:
    command = reader_command(tmp_path / "my lib")
    assert command.startswith(sys.executable)
    assert command.endswith(f"-m kratom_tui --articles '{(tmp_path / 'my lib').resolve()}'")
    assert os.path.isabs(command.split()[0])


def test_a_bad_port_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--port", "70000"])
    assert exit_info.value.code == 2
    assert "expected a port number from 1 to 65535" in capsys.readouterr().err
