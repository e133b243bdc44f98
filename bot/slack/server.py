"""HTTP mode: the Bolt app behind waitress, a production WSGI server (the one module that imports waitress).

Why waitress (and not Bolt's http.server adapter, gunicorn or uvicorn): it is pure Python and runs wherever
actionbot does (gunicorn is Unix-only); it reads sockets on one asyncore loop and runs requests on a fixed pool of
threads, so idle or slow connections cost a socket each, not a thread (an ASGI server would need Bolt's async
app); it refuses a negative or non-numeric Content-Length (400) and a declared body over the limit (413) before
reading it, caps chunked bodies at the same limit, and closes idle connections.

waitress buffers a request's body (at most the limit; past 64 KB in a temporary file, not memory) before the app
runs. Then `SlackWSGI` checks, in order: the path, a Content-Length (411 without one), the size (413), the
signature headers and signature over the raw bytes (401), UTF-8 (400), and that the payload parses (400).
Bolt verifies the signature again; nothing here replaces that. Unexpected errors answer 500 with no traceback.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus

from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer

from bot.slack.sdk import App, BoltRequest
from bot.slack.workers import GATE, AckGate

log = logging.getLogger(__name__)
EVENTS_PATH = "/slack/events"
MAX_BODY = 1_000_000  # Slack payloads are far smaller; refuse anything larger
MAX_SKEW = 300  # seconds: Slack's rule for the request timestamp
Health = Callable[[], str | None]  # None: ready; else why not


@dataclass(frozen=True)
class Limits:
    """What one server may spend: worker threads, open connections, idle seconds, header and body bytes."""

    threads: int = 8
    connections: int = 100
    idle_seconds: int = 30  # a connection with no request activity this long is closed
    request_seconds: int = 30  # a request not fully received this long after its first byte is dropped
    max_body: int = MAX_BODY
    max_header: int = 64 * 1024


class SlackWSGI:
    """The WSGI application: /healthz (alive), /readyz (ready), and signed POSTs at `path` handed to the Bolt app."""

    def __init__(
        self, app: App, signing_secret: str, path: str = EVENTS_PATH, ready: Health | None = None, gate: AckGate = GATE
    ) -> None:
        self.app, self.path, self.ready, self.gate = app, path, ready, gate
        self.max_body = MAX_BODY
        self._secret = signing_secret.encode("utf-8")

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        try:
            status, headers, body = self.handle(environ)
        except Exception:  # a bug: logged with its traceback, never sent to the client
            log.exception("unexpected error answering %s %s", environ.get("REQUEST_METHOD"), environ.get("PATH_INFO"))
            status, headers, body = 500, {}, "Internal Server Error"
        data = body.encode("utf-8")
        pairs = [
            (name, str(value))
            for name, values in headers.items()
            if name.lower() not in ("content-length", "connection", "transfer-encoding")
            for value in (values if isinstance(values, list | tuple) else [values])
        ]
        if not any(name.lower() == "content-type" for name, _ in pairs):
            pairs.append(("Content-Type", "text/plain; charset=utf-8"))
        pairs.append(("Content-Length", str(len(data))))
        start_response(f"{status} {HTTPStatus(status).phrase}", pairs)
        return [data]

    def handle(self, environ: dict) -> tuple[int, dict, str]:
        method, path = environ.get("REQUEST_METHOD", ""), environ.get("PATH_INFO", "")
        if method in ("GET", "HEAD") and path == "/healthz":  # alive: the process answers HTTP
            return 200, {}, "ok"
        if method in ("GET", "HEAD") and path == "/readyz":
            problem = self.ready() if self.ready else None
            return (200, {}, "ready") if problem is None else (503, {}, f"not ready: {problem}")
        if path != self.path:
            return 404, {}, "Not Found"
        if method != "POST":
            return 405, {"Allow": "POST"}, "Method Not Allowed"
        with self.gate.acking():  # answers already queued wait for this acknowledgement (bot/slack/workers.py)
            return self._post(environ)

    def _post(self, environ: dict) -> tuple[int, dict, str]:
        declared = environ.get("CONTENT_LENGTH")
        if declared in (None, ""):
            return 411, {}, "Length Required"
        if not declared.isdigit():  # waitress already refuses these; kept so any WSGI server is safe
            return 400, {}, "Bad Request: invalid Content-Length"
        length = int(declared)
        if length > self.max_body:
            return 413, {}, "Payload Too Large"
        timestamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP")
        signature = environ.get("HTTP_X_SLACK_SIGNATURE")
        if not timestamp or not signature or not timestamp.isdigit():
            return 401, {}, "Unauthorized"
        raw = environ["wsgi.input"].read(length)
        if len(raw) != length:
            return 400, {}, "Bad Request: body shorter than Content-Length"
        if not signature_ok(self._secret, timestamp, signature, raw):
            return 401, {}, "Unauthorized"
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return 400, {}, "Bad Request: body is not UTF-8"
        try:
            request = BoltRequest(body=text, query=environ.get("QUERY_STRING", ""), headers=_headers(environ))
        except (ValueError, AttributeError, TypeError, KeyError):  # bad JSON, or JSON that is not an object
            log.info("signed request with a malformed payload refused")
            return 400, {}, "Bad Request: malformed payload"
        if not isinstance(request.body, dict):
            return 400, {}, "Bad Request: payload is not an object"
        response = self.app.dispatch(request)
        return response.status, response.headers, response.body


def signature_ok(secret: bytes, timestamp: str, signature: str, raw: bytes, now: float | None = None) -> bool:
    """Slack's v0 signature over the raw bytes (any bytes, UTF-8 or not) with a fresh timestamp."""
    if abs((time.time() if now is None else now) - int(timestamp)) > MAX_SKEW:
        return False
    expected = "v0=" + hmac.new(secret, b"v0:" + timestamp.encode("ascii") + b":" + raw, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def _headers(environ: dict) -> dict[str, list[str]]:
    out = {key[5:].replace("_", "-").lower(): [value] for key, value in environ.items() if key.startswith("HTTP_")}
    for key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
        if environ.get(key):
            out[key.replace("_", "-").lower()] = [environ[key]]
    return out


class _Channel(HTTPChannel):
    """waitress's connection, noting when the request being read began (so a slow sender can be cut off)."""

    request_started: float | None = None

    def received(self, data: bytes) -> bool:
        if self.request is None and data:
            self.request_started = time.monotonic()
        result = super().received(data)
        if self.request is None:
            self.request_started = None
        return result


class _Server(TcpWSGIServer):
    """waitress's TCP server with a request timeout beside its idle timeout.

    waitress closes a connection after `channel_timeout` seconds without a byte, but a client that sends one byte
    every few seconds would hold its connection, and one of the bounded connection slots, for ever.
    """

    channel_class = _Channel
    request_seconds = 30.0

    def maintenance(self, now: float) -> None:
        super().maintenance(now)
        cutoff = time.monotonic() - self.request_seconds
        for channel in list(self.active_channels.values()):
            started = getattr(channel, "request_started", None)
            if started is not None and started < cutoff and not channel.requests:
                channel.will_close = True


class SlackServer:
    """The app served by waitress on one address; `serve_forever()` blocks, `shutdown()` stops it."""

    def __init__(
        self,
        address: tuple[str, int],
        app: App,
        signing_secret: str,
        path: str = EVENTS_PATH,
        ready: Health | None = None,
        limits: Limits | None = None,
        wsgi: Callable | None = None,
    ) -> None:
        self.path = path
        limits = limits or Limits()
        self.wsgi = wsgi or SlackWSGI(app, signing_secret, path, ready)
        if isinstance(self.wsgi, SlackWSGI):
            self.wsgi.max_body = limits.max_body
        adjustments = Adjustments(
            host=address[0],
            port=address[1],
            threads=limits.threads,
            connection_limit=limits.connections,
            channel_timeout=limits.idle_seconds,
            cleanup_interval=max(1, min(30, min(limits.idle_seconds, limits.request_seconds) // 2)),
            max_request_body_size=limits.max_body + 1,  # waitress refuses bodies >= this; MAX_BODY itself is fine
            max_request_header_size=limits.max_header,
            inbuf_overflow=64 * 1024,  # a body larger than this waits in a temporary file, not in memory
            asyncore_use_poll=True,  # no select() limit of 1,024 descriptors
            clear_untrusted_proxy_headers=True,
            ident="actionbot",
            expose_tracebacks=False,
        )
        self._server = _Server(self.wsgi, adj=adjustments)
        self._server.request_seconds = limits.request_seconds
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def server_address(self) -> tuple[str, int]:
        return self._server.effective_host, int(self._server.effective_port)

    @property
    def url(self) -> str:
        """The events URL, e.g. http://127.0.0.1:3000/slack/events."""
        host, port = self.server_address
        return f"http://{host}:{port}{self.path}"

    def serve_forever(self) -> None:
        """Serve until shutdown() (or Ctrl-C)."""
        self._server.run()

    def serve_in_thread(self) -> threading.Thread:
        """Serve in a daemon thread (tests, benchmarks); stop with shutdown()."""
        self._thread = threading.Thread(target=self.serve_forever, daemon=True, name="slack-http")
        self._thread.start()
        return self._thread

    def shutdown(self) -> None:
        """Stop serving: the loop closes the listening socket and every connection, then the workers stop."""
        if self._stopped.is_set():
            return
        self._stopped.set()
        sockets = self._server._map  # the loop ends when no socket is left in it
        try:
            self._server.trigger.pull_trigger(lambda: [s.close() for s in list(sockets.values())])
        except OSError:  # the loop already closed its trigger (it is ending): close what is left from here
            for channel in list(sockets.values()):
                with contextlib.suppress(OSError):
                    channel.close()
        if self._thread is not None:
            self._thread.join(10)
        self._server.task_dispatcher.shutdown()

    def server_close(self) -> None:
        """Kept for callers written for http.server; shutdown() already closed everything."""
        self.shutdown()


def make_server(
    app: App,
    host: str = "0.0.0.0",
    port: int = 3000,
    path: str = EVENTS_PATH,
    *,
    signing_secret: str,
    ready: Health | None = None,
    limits: Limits | None = None,
) -> SlackServer:
    """Bind the server (port 0 picks a free port; see `.url`)."""
    return SlackServer((host, port), app, signing_secret, path, ready, limits)


HEALTH_LIMITS = Limits(threads=2, connections=20, idle_seconds=10, request_seconds=10, max_body=0, max_header=8 * 1024)


def make_health_server(wsgi: Callable, host: str = "0.0.0.0", port: int = 0) -> SlackServer:
    """A small WSGI app (the Socket Mode health port) behind the same bounded waitress server: 2 threads,
    20 connections, no request bodies."""
    return SlackServer((host, port), None, "", path="/healthz", limits=HEALTH_LIMITS, wsgi=wsgi)  # type: ignore[arg-type]
