"""Health in Socket Mode: the state of the connection to Slack, for the log and the health port.

`ConnectionMonitor` listens to slack_sdk's Socket Mode client (its message, close and error listeners) and keeps
when the connection was made, when the last envelope arrived and how many times it reconnected. `state()` returns
a frozen `ConnectionState`; `problem()` is None when ready, else why not. The same state is logged: a lost
connection and every reconnection as warnings (a routine `refresh_requested` rotation at info).

`HealthApp` is the WSGI application of the optional health port (ACTIONBOT_HEALTH_PORT), served by
bot/slack/server.py's bounded waitress server:

- GET /healthz: 200 "ok" while the process answers (liveness: restart only when this fails);
- GET /readyz: 200 "ok: connected since ..." when `ready()` finds nothing wrong (the knowledge base; with the
  shared readiness function, the state store too) and the connection is up, else 503 "not ready: <why>"; with
  `?format=json` (or Accept: application/json) the connection state as JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass

log = logging.getLogger(__name__)
ENVELOPE_TYPES = frozenset({"events_api", "slash_commands", "interactive"})
Problem = Callable[[], str | None]  # None: healthy; else why not


def _iso(t: float | None) -> str | None:
    return None if t is None else dt.datetime.fromtimestamp(t, dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class ConnectionState:
    """The Socket Mode connection as the operator sees it (times are Unix seconds, UTC)."""

    connected: bool
    connected_since: float | None  # when the current connection said hello
    last_envelope: float | None  # when the last event, command or interaction arrived
    envelopes: int  # received since start
    reconnects: int  # connections after the first
    disconnected_since: float | None  # when the connection was lost, if it is down
    last_disconnect: str | None  # why the last connection ended

    def problem(self, now: float | None = None) -> str | None:
        """None when connected; else why not, with how long it has been down."""
        if self.connected:
            return None
        if self.disconnected_since is None and self.last_disconnect is None:
            return "not yet connected to Slack over Socket Mode"
        now = time.time() if now is None else now
        down = f" for {now - self.disconnected_since:.0f} s" if self.disconnected_since else ""
        why = f" ({self.last_disconnect})" if self.last_disconnect else ""
        return f"Socket Mode connection down{down}{why}; reconnecting"

    def describe(self, now: float | None = None) -> str:
        """One line: connected since, last envelope, reconnects."""
        last = _iso(self.last_envelope) or "none yet"
        head = f"connected since {_iso(self.connected_since)}" if self.connected else (self.problem(now) or "")
        return f"{head}; last envelope {last}; {self.envelopes} envelope(s); {self.reconnects} reconnect(s)"

    def as_dict(self) -> dict:
        out = asdict(self)
        for key in ("connected_since", "last_envelope", "disconnected_since"):
            out[key] = _iso(out[key])
        return out


class ConnectionMonitor:
    """Watches one Socket Mode client; thread-safe (the client calls back from its own threads)."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._client: object | None = None
        self._connected = False
        self._since: float | None = None
        self._last_envelope: float | None = None
        self._envelopes = 0
        self._hellos = 0
        self._down_since: float | None = None
        self._last_disconnect: str | None = None
        self._refresh = False

    def attach(self, client: object) -> None:
        """Register on a slack_sdk SocketModeClient's listener lists (on_message, on_close, on_error)."""
        client.on_message_listeners.append(self.on_message)  # type: ignore[attr-defined]
        client.on_close_listeners.append(self.on_close)  # type: ignore[attr-defined]
        client.on_error_listeners.append(self.on_error)  # type: ignore[attr-defined]
        self._client = client

    def _silent_for(self) -> float | None:
        """Seconds since the last pong when that is over 2.5 ping intervals (a dead socket the client has not yet
        noticed: slack_sdk's built-in client takes five failed pings to give up on a half-closed connection)."""
        session = getattr(self._client, "current_session", None)
        last = getattr(session, "last_ping_pong_time", None)
        interval = float(getattr(self._client, "ping_interval", 0) or 0)
        if last is None or interval <= 0:
            return None
        silent = self._clock() - float(last)
        return silent if silent > 2.5 * interval else None

    # -- callbacks ----------------------------------------------------------------------------
    def on_message(self, raw: str) -> None:
        kind = ""
        if raw.startswith("{"):
            try:
                message = json.loads(raw)
                kind = message.get("type", "") if isinstance(message, dict) else ""
            except ValueError:
                return
        if kind == "hello":
            self._hello()
        elif kind == "disconnect":
            reason = str(message.get("reason") or "no reason given")
            with self._lock:
                self._refresh = reason == "refresh_requested"
                self._last_disconnect = f"Slack asked to reconnect: {reason}"
            log.info("Socket Mode: Slack sent disconnect (%s); opening a new connection", reason)
        elif kind in ENVELOPE_TYPES:
            with self._lock:
                self._last_envelope = self._clock()
                self._envelopes += 1

    def on_close(self, code: int, reason: str | None = None) -> None:
        self._lost(f"closed by Slack, code {code}{': ' + reason if reason else ''}")

    def on_error(self, error: BaseException) -> None:
        self._lost(f"{type(error).__name__}: {error}")

    def _hello(self) -> None:
        with self._lock:
            now = self._clock()
            was_down, why, refresh = self._down_since, self._last_disconnect, self._refresh
            self._hellos += 1
            self._connected, self._since, self._down_since, self._refresh = True, now, None, False
            reconnects = self._hellos - 1
        if reconnects == 0:
            log.info("Socket Mode: connected to Slack")
        elif refresh and was_down is None:
            log.info("Socket Mode: connection refreshed as Slack asked (%d reconnect(s) since start)", reconnects)
        else:
            down = f" after {now - was_down:.1f} s down" if was_down is not None else ""
            log.warning(
                "Socket Mode: reconnected to Slack%s (%s); %d reconnect(s) since start",
                down,
                why or "connection replaced",
                reconnects,
            )

    def _lost(self, why: str) -> None:
        with self._lock:
            if not self._connected:
                if self._down_since is not None:
                    self._last_disconnect = self._last_disconnect or why
                return
            self._connected, self._down_since, self._last_disconnect = False, self._clock(), why
        log.warning("Socket Mode: connection to Slack lost (%s); reconnecting", why)

    # -- reading ------------------------------------------------------------------------------
    def state(self) -> ConnectionState:
        client = self._client
        silent = self._silent_for() if client is not None else None
        alive = client is None or bool(client.is_connected())  # type: ignore[attr-defined]
        now = self._clock()
        with self._lock:
            connected = self._connected and alive and silent is None
            why, down = self._last_disconnect, self._down_since
            if self._connected and silent is not None:
                why, down = f"no answer to pings for {silent:.0f} s", now - silent
            elif self._connected and not alive:
                why, down = "the socket closed", down or now
            return ConnectionState(
                connected=connected,
                connected_since=self._since if connected else None,
                last_envelope=self._last_envelope,
                envelopes=self._envelopes,
                reconnects=max(0, self._hellos - 1),
                disconnected_since=None if connected else down,
                last_disconnect=why,
            )


def socket_readiness(state: ConnectionState, ready: Problem | None = None) -> str | None:
    """None when ready to answer (`ready()` finds nothing wrong and the connection is up); else why not."""
    problem = ready() if ready else None
    return problem or state.problem()


class HealthApp:
    """The health port's WSGI application (GET or HEAD /healthz and /readyz; everything else 404).

    `ready` is the rest of readiness (None: fine, else why not): the knowledge base's health, or a shared
    readiness function over the knowledge base and the state store.
    """

    def __init__(self, monitor: ConnectionMonitor, ready: Problem | None = None) -> None:
        self.monitor, self.ready = monitor, ready

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        status, kind, body = self.answer(environ)
        data = body.encode("utf-8")
        start_response(status, [("Content-Type", kind), ("Content-Length", str(len(data)))])
        return [data]

    def answer(self, environ: dict) -> tuple[str, str, str]:
        method, path = environ.get("REQUEST_METHOD", ""), environ.get("PATH_INFO", "")
        text = "text/plain; charset=utf-8"
        if path not in ("/healthz", "/readyz"):
            return "404 Not Found", text, "Not Found"
        if method not in ("GET", "HEAD"):
            return "405 Method Not Allowed", text, "Method Not Allowed"
        if path == "/healthz":
            return "200 OK", text, "ok"
        state = self.monitor.state()
        problem = socket_readiness(state, self.ready)
        status = "200 OK" if problem is None else "503 Service Unavailable"
        wants_json = "format=json" in environ.get("QUERY_STRING", "") or "application/json" in environ.get(
            "HTTP_ACCEPT", ""
        )
        if wants_json:
            body = json.dumps({"ready": problem is None, "problem": problem, **state.as_dict()})
            return status, "application/json", body
        if problem is None:
            return status, text, f"ok: {state.describe()}"
        return status, text, f"not ready: {problem}; {state.describe()}"
