"""HTTP mode: a threaded http.server feeding POSTs at /slack/events to the Bolt app (signature checked by Bolt)."""

from __future__ import annotations

import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from bot.slack.sdk import App, BoltRequest

log = logging.getLogger(__name__)
EVENTS_PATH = "/slack/events"
MAX_BODY = 1_000_000  # Slack payloads are far smaller; refuse anything larger


class SlackServer(ThreadingHTTPServer):
    """A ThreadingHTTPServer that knows its Bolt app and path."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], app: App, path: str = EVENTS_PATH) -> None:
        self.app, self.path = app, path
        super().__init__(address, _Handler)

    @property
    def url(self) -> str:
        """The events URL, e.g. http://127.0.0.1:3000/slack/events."""
        host, port = self.server_address[:2]
        return f"http://{host}:{port}{self.path}"

    def serve_in_thread(self) -> threading.Thread:
        """Serve forever in a daemon thread (tests, benchmarks); stop with shutdown()."""
        thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True, name="slack-http"
        )
        thread.start()
        return thread


class _Handler(BaseHTTPRequestHandler):
    server: SlackServer
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        path, _, query = self.path.partition("?")
        if path != self.server.path:
            self._reply(404, {}, "Not Found")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._reply(413, {}, "Payload Too Large")
            return
        body = self.rfile.read(length).decode("utf-8")
        headers = {k.lower(): self.headers.get_all(k) or [] for k in set(self.headers.keys())}
        response = self.server.app.dispatch(BoltRequest(body=body, query=query, headers=headers))
        self._reply(response.status, response.headers, response.body)

    def do_GET(self) -> None:
        if self.path == "/healthz":
            self._reply(200, {}, "ok")
        else:
            self._reply(404, {}, "Not Found")

    def _reply(self, status: int, headers: dict, body: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        for name, values in headers.items():
            if name.lower() == "content-length":
                continue
            for value in values if isinstance(values, list | tuple) else [values]:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        log.debug("%s %s", self.address_string(), format % args)


def make_server(app: App, host: str = "0.0.0.0", port: int = 3000, path: str = EVENTS_PATH) -> SlackServer:
    """Bind the server (port 0 picks a free port; see `.url`)."""
    return SlackServer((host, port), app, path)
