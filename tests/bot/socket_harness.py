"""Run the real Slack app over Socket Mode: the Web API stub, the Socket Mode stub, and slack_sdk's own client."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.settings import Settings
from bot.slack.app import build_app, make_client
from bot.slack.deps import Deps
from bot.slack.reload import EngineHolder
from bot.slack.sdk import App
from bot.slack.socket_mode import SocketMode
from bot.state import State
from tests.bot.slack_harness import BOT_TOKEN, RunningApp, TrackingExecutor, start_app
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


class SocketRunningApp(SocketApp):
    """A SocketApp with RunningApp's sending methods, so a test written for HTTP runs over Socket Mode unchanged:
    each send waits for the envelope's acknowledgement (Slack's 3 s) and answers 200 with the ack's payload."""

    def send_event(
        self, event: dict, event_id: str | None = None, headers: dict[str, str] | None = None, **_: Any
    ) -> int:
        retry = {k.lower(): v for k, v in (headers or {}).items()}
        extra = {}
        if "x-slack-retry-num" in retry:
            extra = {
                "retry_attempt": int(retry["x-slack-retry-num"]),
                "retry_reason": retry.get("x-slack-retry-reason"),
            }
        self.server.wait_for_ack(self.server.event(event, event_id, **extra))
        return 200

    def send_form(self, fields: dict[str, str], secret: str | None = None) -> tuple[int, str]:
        if "payload" in fields:
            envelope = self.server.interactive(json.loads(fields["payload"]))
        else:
            envelope = self.server.send("slash_commands", dict(fields), accepts_response_payload=True)
        ack = self.server.wait_for_ack(envelope)
        return 200, "" if ack.payload is None else json.dumps(ack.payload)

    send_command = RunningApp.send_command
    send_action = RunningApp.send_action

    def close(self) -> None:
        super().close()
        self.server.stop()


def start_over(
    transport: str,
    stub: SlackStub,
    kb_dir: Path,
    state_path: Path,
    holder: EngineHolder | None = None,
    deps: Deps | None = None,
) -> RunningApp | SocketRunningApp:
    """The app over "http" (signed requests to waitress) or "socket" (envelopes over a local Socket Mode server)."""
    if transport == "http":
        return start_app(stub, kb_dir, state_path, holder=holder, deps=deps)
    server = SocketModeStub(stub).start()
    app = start_socket_app(stub, server, kb_dir, state_path, holder=holder, deps=deps)
    return SocketRunningApp(**{f: getattr(app, f) for f in app.__dataclass_fields__})


def start_socket_app(
    stub: SlackStub,
    server: SocketModeStub,
    kb_dir: Path,
    state_path: Path,
    holder: EngineHolder | None = None,
    deps: Deps | None = None,
    ping_interval: float = 2.0,
    connect: bool = True,
    executor: TrackingExecutor | None = None,
) -> SocketApp:
    """Build the real app (signing secret unset, as in Socket Mode) and connect it; waits for the first `hello`.

    `ping_interval` is the client's monitor interval (production: 10 s). It stays well above the built-in client's
    3 s receive timeout: replacing a connection can wait that long, and four intervals without a pong is stale.
    """
    settings = Settings(BOT_TOKEN, "", APP_TOKEN, stub.api_url, state_path)
    holder = holder or EngineHolder(kb_dir)
    state = deps.state if deps else State(state_path)
    executor = executor or TrackingExecutor()
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
