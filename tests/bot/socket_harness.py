"""Run the real Slack app over Socket Mode: the Web API stub, the Socket Mode stub, and slack_sdk's own client."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from bot.settings import Settings
from bot.slack.app import build_app, make_client
from bot.slack.deps import Deps
from bot.slack.reload import EngineHolder
from bot.slack.sdk import App
from bot.slack.socket_mode import SocketMode
from bot.state import State
from tests.bot.slack_harness import BOT_TOKEN, TrackingExecutor
from tests.bot.slack_stub import SlackStub
from tests.bot.socket_stub import SocketModeStub

APP_TOKEN = "xapp-1-A0APP-1-stubtoken"


@dataclass
class SocketApp:
    """The app connected to the Socket Mode stub, with its Web API stub, state and listener pool."""

    app: App
    socket: SocketMode
    server: SocketModeStub
    stub: SlackStub
    executor: TrackingExecutor
    holder: EngineHolder
    state: State

    def idle(self) -> None:
        self.executor.wait_idle()

    def close(self) -> None:
        self.socket.stop()
        self.executor.shutdown(wait=True)


def start_socket_app(
    stub: SlackStub,
    server: SocketModeStub,
    kb_dir: Path,
    state_path: Path,
    holder: EngineHolder | None = None,
    deps: Deps | None = None,
    ping_interval: float = 2.0,
    connect: bool = True,
) -> SocketApp:
    """Build the real app (signing secret unset, as in Socket Mode) and connect it; waits for the first `hello`.

    `ping_interval` is the client's monitor interval (production: 10 s). It stays well above the built-in client's
    3 s receive timeout: replacing a connection can wait that long, and four intervals without a pong is stale.
    """
    settings = Settings(BOT_TOKEN, "", APP_TOKEN, stub.api_url, state_path)
    holder = holder or EngineHolder(kb_dir)
    state = deps.state if deps else State(state_path)
    executor = TrackingExecutor()
    app = build_app(holder, settings, make_client(settings), state=state, executor=executor, deps=deps)
    socket = SocketMode(app, APP_TOKEN, app.client, ping_interval=ping_interval)
    running = SocketApp(app, socket, server, stub, executor, holder, state)
    if connect:
        before = len(server.connections)
        socket.start()
        server.wait_for_connections(before + 1)
        server.wait_until(lambda: socket.monitor.state().connected, what="connected")
    return running


def get(url: str) -> tuple[int, str]:
    """GET and return (status, body), including 4xx/5xx answers."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")
