"""Run the real Slack app over HTTP against the Web API stub, and send it signed requests."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import Future
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from slack_bolt import App
from slack_sdk.signature import SignatureVerifier

from bot.settings import Settings
from bot.slack import blocks as b
from bot.slack.app import build_app, make_client
from bot.slack.deps import Deps
from bot.slack.reload import EngineHolder
from bot.slack.server import Limits, SlackServer, make_server
from bot.slack.workers import QUEUE, WORKERS, AnswerPool
from bot.state import State
from tests.bot.slack_stub import SlackStub

SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
BOT_TOKEN = "xoxb-1111-2222-stubtoken"
IDLE_SECONDS = 5.0
GATE_SECONDS = 30.0  # how long a GatedEngine answer waits for the test to open its gate
_ids = count(1)


class TrackingExecutor(AnswerPool):
    """The app's answer pool, able to wait until every submitted listener has finished (bounded)."""

    def __init__(self, workers: int = WORKERS, queue: int = QUEUE) -> None:
        super().__init__(workers, queue, name="listener")
        self._pending = 0
        self._idle = threading.Condition()

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future:
        future = super().submit(fn, *args, **kwargs)  # raises Overloaded when full: nothing pending then
        with self._idle:
            self._pending += 1
        future.add_done_callback(self._done)
        return future

    def _done(self, _future: Future) -> None:
        with self._idle:
            self._pending -= 1
            self._idle.notify_all()

    def wait_idle(self, timeout: float = IDLE_SECONDS) -> None:
        """Block until no listener is running or queued; AssertionError after `timeout` seconds."""
        with self._idle:
            if not self._idle.wait_for(lambda: self._pending == 0, timeout):
                raise AssertionError(f"{self._pending} listener(s) still running after {timeout} s")


def signed_headers(body: str, secret: str = SECRET, timestamp: int | None = None, **extra: str) -> dict[str, str]:
    """Slack's signature headers for `body` (timestamp defaults to now)."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature, **extra}


def post(url: str, body: str, headers: dict[str, str], content_type: str) -> tuple[int, str]:
    """POST and return (status, body), including 4xx/5xx answers."""
    request = urllib.request.Request(url, data=body.encode("utf-8"), headers={"Content-Type": content_type, **headers})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def event_body(event: dict, event_id: str | None = None, team_id: str = "T0STUB") -> str:
    """An Events API event_callback envelope around `event`."""
    return json.dumps(
        {
            "token": "unused",
            "team_id": team_id,
            "api_app_id": "A0APP",
            "event": event,
            "type": "event_callback",
            "event_id": event_id or f"Ev{next(_ids):08d}",
            "event_time": int(time.time()),
            "authorizations": [{"team_id": team_id, "user_id": "U0BOT", "is_bot": True}],
        }
    )


def mention(text: str, channel: str = "C_GENERAL", ts: str = "1700000000.000100", user: str = "U_ASKER") -> dict:
    return {
        "type": "app_mention",
        "user": user,
        "text": f"<@U0BOT> {text}",
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
    }


def dm(text: str, channel: str = "D_ASKER", user: str = "U_ASKER", ts: str = "1700000001.000200", **extra: Any) -> dict:
    return {
        "type": "message",
        "channel_type": "im",
        "user": user,
        "text": text,
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
        **extra,
    }


@dataclass
class RunningApp:
    """The app served on 127.0.0.1 with its stub, state and listener pool."""

    app: App
    server: SlackServer
    stub: SlackStub
    executor: TrackingExecutor
    holder: EngineHolder
    state: State
    secret: str = SECRET
    _thread: threading.Thread | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return self.server.url

    def send_event(
        self,
        event: dict,
        event_id: str | None = None,
        headers: dict[str, str] | None = None,
        timestamp: int | None = None,
        secret: str | None = None,
    ) -> int:
        body = event_body(event, event_id)
        signed = signed_headers(body, secret or self.secret, timestamp, **(headers or {}))
        return post(self.url, body, signed, "application/json")[0]

    def send_form(self, fields: dict[str, str], secret: str | None = None) -> tuple[int, str]:
        body = urlencode(fields)
        return post(self.url, body, signed_headers(body, secret or self.secret), "application/x-www-form-urlencoded")

    def send_command(
        self,
        text: str,
        channel_id: str = "C_GENERAL",
        user_id: str = "U_ASKER",
        response: str = "cmd",
        channel_name: str = "general",
    ) -> tuple[int, str]:
        return self.send_form(
            {
                "token": "unused",
                "team_id": "T0STUB",
                "team_domain": "stub",
                "channel_id": channel_id,
                "channel_name": channel_name,
                "user_id": user_id,
                "user_name": "asker",
                "command": "/actions",
                "text": text,
                "api_app_id": "A0APP",
                "response_url": self.stub.response_url(response),
                "trigger_id": "1.2.3",
            }
        )

    def send_action(
        self, action_id: str, value: str, channel_id: str = "C_GENERAL", response: str = "act", user_id: str = "U_ASKER"
    ) -> tuple[int, str]:
        payload = {
            "type": "block_actions",
            "team": {"id": "T0STUB", "domain": "stub"},
            "user": {"id": user_id, "username": "asker", "team_id": "T0STUB"},
            "api_app_id": "A0APP",
            "token": "unused",
            "container": {
                "type": "message",
                "message_ts": "1700000000.000100",
                "channel_id": channel_id,
                "is_ephemeral": True,
            },
            "trigger_id": "1.2.3",
            "channel": {"id": channel_id, "name": "general"},
            "response_url": self.stub.response_url(response),
            "actions": [
                {
                    "action_id": action_id,
                    "block_id": "b1",
                    "value": value,
                    "type": "button",
                    "action_ts": "1700000002.000300",
                    "text": {"type": "plain_text", "text": "x"},
                }
            ],
        }
        return self.send_form({"payload": json.dumps(payload)})

    def idle(self) -> None:
        """Wait (bounded) until every listener started so far has finished."""
        self.executor.wait_idle()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.executor.shutdown(wait=True)


def start_app(
    stub: SlackStub,
    kb_dir: Path,
    state_path: Path,
    holder: EngineHolder | None = None,
    deps: Deps | None = None,
    limits: Limits | None = None,
    executor: TrackingExecutor | None = None,
) -> RunningApp:
    """Build the real app (signing on, WebClient on the stub) and serve it on a free port in a thread."""
    settings = Settings(BOT_TOKEN, SECRET, None, stub.api_url, state_path)
    holder = holder or EngineHolder(kb_dir)
    state = deps.state if deps else State(state_path)
    executor = executor or TrackingExecutor()
    app = build_app(holder, settings, make_client(settings), state=state, executor=executor, deps=deps)
    server = make_server(app, "127.0.0.1", 0, signing_secret=SECRET, ready=holder.health_problem, limits=limits)
    running = RunningApp(app, server, stub, executor, holder, state)
    running._thread = server.serve_in_thread()
    return running


# -- Block Kit limits ---------------------------------------------------------------------------
def assert_within_limits(message: dict, max_blocks: int = b.MAX_BLOCKS) -> None:
    """Every Slack limit the builders promise: blocks, header, section, context, buttons; a text fallback."""
    blocks = message["blocks"]
    assert 0 < len(blocks) <= max_blocks, len(blocks)
    if "type" not in message:  # a message (views have no fallback text)
        assert message["text"].strip(), "a message needs a text fallback"
    for block in blocks:
        kind = block["type"]
        if kind == "header":
            assert block["text"]["type"] == "plain_text"
            assert 0 < len(block["text"]["text"]) <= b.HEADER_TEXT
        elif kind == "section":
            assert 0 < len(block["text"]["text"]) <= b.SECTION_TEXT
        elif kind == "context":
            assert 0 < len(block["elements"]) <= b.CONTEXT_ELEMENTS
            assert all(0 < len(e["text"]) <= b.CONTEXT_TEXT for e in block["elements"])
        elif kind == "actions":
            assert 0 < len(block["elements"]) <= b.ACTION_ELEMENTS
            ids = [e["action_id"] for e in block["elements"]]
            assert len(ids) == len(set(ids)), ids
            for e in block["elements"]:
                assert 0 < len(e["text"]["text"]) <= b.BUTTON_TEXT
                assert 0 < len(e["value"]) <= b.BUTTON_VALUE
        else:
            assert kind == "divider", kind


# -- small knowledge bases ----------------------------------------------------------------------
SECRET_PLAN = """
    plan:
      id: secret
      title: Secret Review Plan
      short_names: [secret plan]
      visibility: {restricted: true, channels: [C_PRIVATE], people: [ann-lead]}
      source: {seed: test, quote: "Secret"}
      actions:
        - id: "S1"
          text: Audit the confidential placement records
          leads: [ann-lead]
          timescale: "by June 2020"
          due: "2020-06"
          status: in-progress
          source: {seed: test, quote: "S1."}
"""


def big_plan(n: int = 200) -> str:
    """A plan of `n` actions, every one overdue (due 2020, not complete)."""
    rows = "\n".join(
        f"""        - id: "B{i}"
          text: Overdue task number {i} about the foster carer records & <checks> {"word " * 40}
          leads: [ann-lead]
          timescale: "by March 2020"
          due: "2020-03"
          status: in-progress
          source: {{seed: test, quote: "B{i}."}}"""
        for i in range(1, n + 1)
    )
    return f"""
    plan:
      id: big
      title: Big Plan
      short_names: [big plan]
      source: {{seed: test, quote: "Big"}}
      actions:
{rows}
"""


class GatedEngine:
    """The real engine, whose answers wait until the test opens the gate (counting the questions that arrived)."""

    def __init__(self, engine: object) -> None:
        self._engine = engine
        self.gate = threading.Event()
        self.asked = threading.Semaphore(0)

    def ask(self, *args: object, **kwargs: object) -> object:
        self.asked.release()
        assert self.gate.wait(GATE_SECONDS), "the test never opened the gate"
        return self._engine.ask(*args, **kwargs)  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> object:
        return getattr(self._engine, name)
