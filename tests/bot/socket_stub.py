"""A local Slack Socket Mode server for offline tests and benchmarks, beside the Web API stub.

    with SlackStub() as stub, SocketModeStub(stub) as socket:     # apps.connections.open -> ws://127.0.0.1:PORT/link/
        ...start the app (slack_sdk's own Socket Mode client through Bolt's adapter)...
        socket.wait_for_connections(1)                            # the app connected and was sent `hello`
        envelope_id = socket.event(mention("who leads action 1"))
        ack = socket.wait_for_ack(envelope_id)                    # bounded wait: Slack's 3 seconds by default

Built on the `websockets` package's threaded server (a well-kept, RFC 6455-complete implementation: handshake,
masking, ping/pong and close frames are real, so the app's client meets a real WebSocket peer). What it does, as
Slack does (api.slack.com/apis/socket-mode):

- every new connection is sent `hello` (num_connections, debug_info, connection_info) and becomes the current one;
  envelopes go to the current connection, each with a fresh `envelope_id`;
- an envelope is acknowledged by the app sending back {"envelope_id": ..., "payload": {...}?}; every
  acknowledgement is recorded as an `Ack` with its payload, connection and latency;
- events_api envelopes that were not acknowledged when their connection closed are redelivered on the next
  connection as new envelopes with `retry_attempt` + 1 and `retry_reason` "timeout" (Slack retries events up to
  three times); events sent while no connection is open wait for the next one. Slash commands and interactive
  payloads are not retried (Slack shows the user an error instead): they are recorded as `undelivered`.

Faults: `drop()` closes the current connection (a close frame; or "reset" / "fin": the TCP connection cut with no
close frame); `refresh()` sends `disconnect` with reason refresh_requested, as Slack does before rotating a
connection; `outage(seconds)` closes every connection and refuses new handshakes (HTTP 503) until it is over.
"""

from __future__ import annotations

import itertools
import json
import socket
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import Server, ServerConnection, serve

from tests.bot.slack_harness import event_body
from tests.bot.slack_stub import SlackStub

Payload = dict[str, Any]
ACK_SECONDS = 3.0  # Slack's limit for acknowledging an envelope
MAX_RETRIES = 3
WAIT_SECONDS = 10.0


@dataclass(frozen=True)
class Ack:
    """One acknowledgement the app sent."""

    envelope_id: str
    payload: Payload | None
    connection: int
    at: float
    latency: float | None  # seconds from sending the envelope; None for an envelope id the stub never sent


@dataclass
class Envelope:
    """One envelope as sent (or waiting to be sent)."""

    message: Payload
    connection: int | None = None
    sent_at: float | None = None
    acked: bool = False

    @property
    def envelope_id(self) -> str:
        return self.message["envelope_id"]

    @property
    def type(self) -> str:
        return self.message["type"]


@dataclass
class Connection:
    """One WebSocket connection the app opened."""

    number: int
    path: str
    opened_at: float
    ws: ServerConnection = field(repr=False)
    closed_at: float | None = None
    close_code: int | None = None
    closed_by_app: bool | None = None


class SocketModeStub:
    """The Socket Mode server on 127.0.0.1 (a free port); hooks `apps.connections.open` on the Web API stub."""

    def __init__(self, web: SlackStub | None = None, app_id: str = "A0APP") -> None:
        self.app_id = app_id
        self.connections: list[Connection] = []
        self.envelopes: list[Envelope] = []
        self._by_id: dict[str, Envelope] = {}
        self.acks: list[Ack] = []
        self.undelivered: list[Envelope] = []
        self._pending: list[Envelope] = []
        self._tickets = itertools.count(1)
        self._cond = threading.Condition()
        self._send_lock = threading.Lock()
        self._refuse_until = 0.0
        self._server: Server = serve(self._handle, "127.0.0.1", 0, process_request=self._admit, compression=None)
        self._thread: threading.Thread | None = None
        if web is not None:
            web.respond_with("apps.connections.open", lambda _stub, _params: {"ok": True, "url": self.url()})

    # -- lifecycle ----------------------------------------------------------------------------
    def start(self) -> SocketModeStub:
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True, name="socket-mode-stub")
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        if self._thread is not None:
            self._thread.join(5)

    def __enter__(self) -> SocketModeStub:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return self._server.socket.getsockname()[1]

    def url(self) -> str:
        """A new connection URL, as apps.connections.open answers (ws://, not wss://: a local test server)."""
        return f"ws://127.0.0.1:{self.port}/link/?ticket={next(self._tickets)}&app_id={self.app_id}"

    # -- the server side ----------------------------------------------------------------------
    def _admit(self, ws: ServerConnection, request: Any) -> Any:
        if time.monotonic() < self._refuse_until:
            return ws.respond(503, "Socket Mode is unavailable (stub outage)\n")
        return None

    def _handle(self, ws: ServerConnection) -> None:
        with self._cond:
            conn = Connection(len(self.connections) + 1, ws.request.path if ws.request else "", time.monotonic(), ws)
            self.connections.append(conn)
            hello = {
                "type": "hello",
                "num_connections": sum(1 for c in self.connections if c.closed_at is None),
                "debug_info": {"host": "stub", "build_number": 1, "approximate_connection_time": 3600},
                "connection_info": {"app_id": self.app_id},
            }
            self._send_on(conn, hello)
            pending, self._pending = self._pending, []
            for envelope in pending:
                self._deliver(envelope, conn)
            self._cond.notify_all()
        try:
            for raw in ws:
                self._received(conn, raw)
        except ConnectionClosed:
            pass
        finally:
            self._closed(conn)

    def _received(self, conn: Connection, raw: str | bytes) -> None:
        try:
            message = json.loads(raw)
        except ValueError:
            return
        envelope_id = message.get("envelope_id") if isinstance(message, dict) else None
        if not envelope_id:
            return
        now = time.monotonic()
        with self._cond:
            envelope = self._by_id.get(envelope_id)
            latency = None
            if envelope is not None:
                envelope.acked = True
                latency = now - envelope.sent_at if envelope.sent_at is not None else None
            self.acks.append(Ack(envelope_id, message.get("payload"), conn.number, now, latency))
            self._cond.notify_all()

    def _closed(self, conn: Connection) -> None:
        """The connection ended: unacknowledged events are redelivered on the next one, as Slack retries them."""
        with self._cond:
            conn.closed_at = time.monotonic()
            conn.close_code = conn.ws.close_code
            if conn.closed_by_app is None:
                conn.closed_by_app = True
            for envelope in [e for e in self.envelopes if e.connection == conn.number and not e.acked]:
                attempt = int(envelope.message.get("retry_attempt") or 0)
                if envelope.type == "events_api" and attempt < MAX_RETRIES:
                    retry = {
                        **envelope.message,
                        "envelope_id": str(uuid.uuid4()),
                        "retry_attempt": attempt + 1,
                        "retry_reason": "timeout",
                    }
                    envelope.acked = True  # superseded by its retry
                    self._queue(Envelope(retry))
            self._cond.notify_all()

    def _current(self) -> Connection | None:
        open_ = [c for c in self.connections if c.closed_at is None]
        return open_[-1] if open_ else None

    def _send_on(self, conn: Connection, message: Payload) -> bool:
        try:
            with self._send_lock:
                conn.ws.send(json.dumps(message))
            return True
        except (ConnectionClosed, OSError):
            return False

    def _deliver(self, envelope: Envelope, conn: Connection) -> None:
        envelope.connection, envelope.sent_at = conn.number, time.monotonic()
        if not self._send_on(conn, envelope.message):
            envelope.connection = None
            self._pending.append(envelope)

    def _queue(self, envelope: Envelope) -> None:
        """Send now on the current connection, or wait for the next (events) / record as undelivered (others)."""
        self.envelopes.append(envelope)
        self._by_id[envelope.envelope_id] = envelope
        conn = self._current()
        if conn is not None and time.monotonic() >= self._refuse_until:
            self._deliver(envelope, conn)
        elif envelope.type == "events_api":
            self._pending.append(envelope)
        else:
            self.undelivered.append(envelope)

    # -- sending envelopes --------------------------------------------------------------------
    def send(self, kind: str, payload: Payload, accepts_response_payload: bool = False, **extra: Any) -> str:
        """Send one envelope of `kind` (events_api, slash_commands, interactive); returns its envelope_id."""
        message = {
            "envelope_id": str(uuid.uuid4()),
            "type": kind,
            "payload": payload,
            "accepts_response_payload": accepts_response_payload,
            **extra,
        }
        if kind == "events_api":
            message.setdefault("retry_attempt", 0)
            message.setdefault("retry_reason", "")
        with self._cond:
            self._queue(Envelope(message))
        return message["envelope_id"]

    def event(self, event: Payload, event_id: str | None = None, **extra: Any) -> str:
        """An events_api envelope around an event_callback body (the body an HTTP request would carry)."""
        return self.send("events_api", json.loads(event_body(event, event_id)), **extra)

    def command(
        self,
        text: str,
        response_url: str,
        channel_id: str = "C_GENERAL",
        user_id: str = "U_ASKER",
        channel_name: str = "general",
    ) -> str:
        """A slash_commands envelope for `/actions <text>`."""
        payload = {
            "token": "unused",
            "team_id": "T0STUB",
            "team_domain": "stub",
            "channel_id": channel_id,
            "channel_name": channel_name,
            "user_id": user_id,
            "user_name": "asker",
            "command": "/actions",
            "text": text,
            "api_app_id": self.app_id,
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": "1.2.3",
        }
        return self.send("slash_commands", payload, accepts_response_payload=True)

    def interactive(self, payload: Payload) -> str:
        """An interactive envelope (block_actions, view_submission, message_action)."""
        body = {"team": {"id": "T0STUB", "domain": "stub"}, "api_app_id": self.app_id, "token": "unused", **payload}
        return self.send("interactive", body, accepts_response_payload=payload.get("type") != "block_actions")

    # -- faults -------------------------------------------------------------------------------
    def drop(self, how: str = "close") -> None:
        """Close the current connection: "close" sends a close frame (1001 going away); "reset" cuts it with a TCP
        reset (as a proxy or load balancer may); "fin" shuts the TCP connection with no close frame."""
        with self._cond:
            conn = self._current()
        if conn is None:
            return
        conn.closed_by_app = False
        sock = conn.ws.socket
        if how == "reset":
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            sock.close()  # SO_LINGER 0: the kernel sends RST
        elif how == "fin":
            sock.shutdown(socket.SHUT_RDWR)
        else:
            conn.ws.close(1001, "going away")

    def refresh(self) -> None:
        """Send `disconnect` (reason refresh_requested) on the current connection, as Slack does every few hours."""
        with self._cond:
            conn = self._current()
            if conn is not None:
                self._send_on(
                    conn,
                    {"type": "disconnect", "reason": "refresh_requested", "debug_info": {"host": "stub"}},
                )

    def outage(self, seconds: float) -> None:
        """Go away: close every connection now and refuse new ones (HTTP 503) for `seconds`."""
        with self._cond:
            self._refuse_until = time.monotonic() + seconds
            open_ = [c for c in self.connections if c.closed_at is None]
        for conn in open_:
            conn.closed_by_app = False
            conn.ws.close(1001, "going away")

    # -- inspection ---------------------------------------------------------------------------
    def wait_for_connections(self, count: int, timeout: float = WAIT_SECONDS) -> list[Connection]:
        """Wait until the app has opened `count` connections in all; AssertionError after `timeout` s."""
        with self._cond:
            if not self._cond.wait_for(lambda: len(self.connections) >= count, timeout):
                raise AssertionError(f"the app opened {len(self.connections)} connection(s), wanted {count}")
            return list(self.connections)

    def wait_for_ack(self, envelope_id: str, timeout: float = ACK_SECONDS) -> Ack:
        """The acknowledgement of one envelope; AssertionError if none arrives within `timeout` (Slack's 3 s)."""
        with self._cond:
            found = self._cond.wait_for(lambda: self.ack_of(envelope_id), timeout)
            if not found:
                raise AssertionError(f"envelope {envelope_id} was not acknowledged within {timeout} s")
            return found

    def ack_of(self, envelope_id: str) -> Ack | None:
        return next((a for a in reversed(self.acks) if a.envelope_id == envelope_id), None)

    def envelope(self, envelope_id: str) -> Envelope:
        with self._cond:
            return self._by_id[envelope_id]

    def wait_until(self, predicate: Any, timeout: float = WAIT_SECONDS, what: str = "condition") -> None:
        """Wait until predicate() is true (re-checked on every stub event and every 50 ms, for app-side state)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while not predicate():
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"{what} not reached within {timeout} s")
                self._cond.wait(min(left, 0.05))

    def unacknowledged(self) -> list[Envelope]:
        """Envelopes sent or waiting that no acknowledgement (nor an acknowledged retry) answers yet."""
        with self._cond:
            return [e for e in self.envelopes if not e.acked]

    def retries(self) -> list[Envelope]:
        with self._cond:
            return [e for e in self.envelopes if e.message.get("retry_attempt")]

    def open_connections(self) -> list[Connection]:
        with self._cond:
            return [c for c in self.connections if c.closed_at is None]
