"""A local stub of the Slack Web API (and of response_urls) for offline tests and benchmarks.

    with SlackStub() as stub:
        client = WebClient(token="xoxb-test", base_url=stub.api_url)      # http://127.0.0.1:PORT/api/
        ...
        stub.wait_for("chat.postMessage")                                  # bounded poll, default 5 s
        stub.calls("chat.postMessage")[0].params["thread_ts"]

Every request is recorded as a `Call` (method, params merged from the query string, form or JSON body, headers,
monotonic arrival time). Answers come from the table `RESPONDERS` (method -> function(stub, params) -> payload);
a method not in the table answers {"ok": true}. Tests adjust behaviour with:

- `stub.respond_with(method, payload_or_function)`: override one method's answer;
- `stub.rate_limit(method, times=K, retry_after=N)`: the next K calls to the method get HTTP 429, Retry-After: N;
- `stub.users[user_id] = {...}`: the directory behind users.info and users.lookupByEmail;
- `stub.drop_connection(method, times=K)`: the next K calls are acted on, then the connection closes unanswered.

Every message and view is checked against Slack's documented Block Kit and view limits (tests/bot/slack_limits.py):
one over a limit gets Slack's error (`invalid_blocks`, `invalid_arguments`; HTTP 400 "invalid_blocks" on a
response_url) and is not posted.

conversations.history answers with what chat.postMessage posted in that channel (`stub.messages`), newest first,
with each message's metadata only when called with include_all_metadata, as Slack does.

File uploads (files_upload_v2): files.getUploadURLExternal answers an upload URL on the stub; the bytes POSTed
there are kept in `stub.uploads[file_id]` (and recorded as method "upload/<file_id>"); files.completeUploadExternal
answers ok with the files it was given.

response_urls: `stub.response_url(name)` returns http://127.0.0.1:PORT/response/<name>; posts there are recorded
as method "response/<name>" and answered 200 "ok". To stub another Web API method, add it to RESPONDERS (or call
`respond_with`).
"""

from __future__ import annotations

import itertools
import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

from tests.bot import slack_limits

Payload = dict[str, Any]
Responder = Callable[["SlackStub", Payload], Payload]
WAIT_SECONDS = 5.0


@dataclass(frozen=True)
class Call:
    """One request the stub received."""

    method: str  # "chat.postMessage", or "response/<name>" for a response_url
    params: Payload  # query string, form fields and JSON body merged (JSON-encoded form fields decoded)
    headers: dict[str, str]
    at: float = field(default_factory=time.monotonic)
    status: int = 200


# -- the answer table --------------------------------------------------------------------------
def _ts(stub: SlackStub) -> str:
    return f"{1_700_000_000 + next(stub.counter)}.{next(stub.counter):06d}"


def _post_message(stub: SlackStub, p: Payload) -> Payload:
    ts = _ts(stub)
    message = {"type": "message", "ts": ts, "text": p.get("text", ""), "user": stub.bot_user_id, "bot_id": stub.bot_id}
    if isinstance(p.get("metadata"), dict):
        message["metadata"] = p["metadata"]
    with stub._cond:
        stub.messages.setdefault(str(p.get("channel")), []).append(message)
    return {
        "ok": True,
        "channel": p.get("channel"),
        "ts": ts,
        "message": {
            "type": "message",
            "text": p.get("text", ""),
            "ts": ts,
            "thread_ts": p.get("thread_ts"),
            "user": stub.bot_user_id,
            "bot_id": stub.bot_id,
        },
    }


def _post_ephemeral(stub: SlackStub, p: Payload) -> Payload:
    return {"ok": True, "message_ts": _ts(stub)}


def _update(stub: SlackStub, p: Payload) -> Payload:
    return {"ok": True, "channel": p.get("channel"), "ts": p.get("ts"), "text": p.get("text", "")}


def _open_conversation(stub: SlackStub, p: Payload) -> Payload:
    users = str(p.get("users", "U0"))
    return {"ok": True, "channel": {"id": "D" + users.split(",")[0].lstrip("U")}}


def _history(stub: SlackStub, p: Payload) -> Payload:
    """The channel's messages posted through the stub, newest first; metadata only with include_all_metadata."""
    with_metadata = str(p.get("include_all_metadata", "")).lower() in ("1", "true")
    limit = int(p.get("limit") or 100)
    with stub._cond:
        posted = list(reversed(stub.messages.get(str(p.get("channel")), [])))
    messages = [m if with_metadata else {k: v for k, v in m.items() if k != "metadata"} for m in posted[:limit]]
    return {"ok": True, "messages": messages, "has_more": len(posted) > limit}


def _user_info(stub: SlackStub, p: Payload) -> Payload:
    user = stub.users.get(str(p.get("user")))
    if user is None:
        return {"ok": False, "error": "user_not_found"}
    return {"ok": True, "user": _user(p["user"], user)}


def _lookup_by_email(stub: SlackStub, p: Payload) -> Payload:
    wanted = str(p.get("email", "")).casefold()
    for user_id, user in stub.users.items():
        if str(user.get("email", "")).casefold() == wanted and wanted:
            return {"ok": True, "user": _user(user_id, user)}
    return {"ok": False, "error": "users_not_found"}


def _user(user_id: str, user: Payload) -> Payload:
    profile = {"real_name": user.get("name", user_id), "display_name": user.get("name", user_id)}
    if user.get("email") and not user.get("hide_email"):
        profile["email"] = user["email"]
    return {"id": user_id, "name": user.get("name", user_id), "real_name": profile["real_name"], "profile": profile}


def _view(stub: SlackStub, p: Payload) -> Payload:
    view = p.get("view") or {}
    return {"ok": True, "view": {"id": f"V{next(stub.counter)}", **(view if isinstance(view, dict) else {})}}


def _upload_url(stub: SlackStub, p: Payload) -> Payload:
    """files.getUploadURLExternal: where files_upload_v2 should POST the bytes."""
    file_id = f"F{next(stub.counter):06d}"
    stub.upload_names[file_id] = str(p.get("filename", ""))
    return {"ok": True, "upload_url": f"{stub.base_url}upload/{file_id}", "file_id": file_id}


def _complete_upload(stub: SlackStub, p: Payload) -> Payload:
    """files.completeUploadExternal: the uploaded files shared to channel_id."""
    files = p.get("files")
    files = json.loads(files) if isinstance(files, str) else files or []
    return {"ok": True, "files": [{"id": f["id"], "title": f.get("title", "")} for f in files]}


def _auth_test(stub: SlackStub, p: Payload) -> Payload:
    return {
        "ok": True,
        "url": "https://stub.slack.test/",
        "team": "Stub Team",
        "user": "actionbot",
        "team_id": stub.team_id,
        "user_id": stub.bot_user_id,
        "bot_id": stub.bot_id,
    }


RESPONDERS: dict[str, Responder] = {
    "auth.test": _auth_test,
    "chat.postMessage": _post_message,
    "chat.postEphemeral": _post_ephemeral,
    "chat.update": _update,
    "conversations.open": _open_conversation,
    "conversations.history": _history,
    "users.info": _user_info,
    "users.lookupByEmail": _lookup_by_email,
    "views.publish": _view,
    "views.open": _view,
    "views.update": _view,
    "files.getUploadURLExternal": _upload_url,
    "files.completeUploadExternal": _complete_upload,
}


MESSAGE_METHODS = ("chat.postMessage", "chat.postEphemeral", "chat.update", "chat.scheduleMessage")


def limit_problems(method: str, params: Payload) -> list[str]:
    """Slack's Block Kit and view limits broken by this call (tests/bot/slack_limits.py), or []."""
    if method.startswith("views."):
        return slack_limits.view_problems(params.get("view"))
    if method in MESSAGE_METHODS or method.startswith("response/"):
        return slack_limits.message_problems(params)
    return []


# -- the server --------------------------------------------------------------------------------
class SlackStub:
    """The stub server; a context manager that starts it on 127.0.0.1 (free port) and stops it."""

    def __init__(self) -> None:
        self.team_id, self.bot_user_id, self.bot_id = "T0STUB", "U0BOT", "B0BOT"
        self.users: dict[str, Payload] = {}
        self.uploads: dict[str, bytes] = {}  # file id -> bytes POSTed to its upload URL
        self.upload_names: dict[str, str] = {}
        self.messages: dict[str, list[Payload]] = {}  # channel -> messages chat.postMessage posted, oldest first
        self.files: dict[str, bytes] = {}  # name -> bytes served at GET /files/<name> (url_private_download)
        self.counter = itertools.count(1)
        self._calls: list[Call] = []
        self._overrides: dict[str, Payload | Responder] = {}
        self._limits: dict[str, tuple[int, int]] = {}
        self._drops: dict[str, int] = {}
        self._cond = threading.Condition()
        self.on_call: Callable[[Call], None] | None = None  # told of every call as it is recorded (benchmarks)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    # -- lifecycle ----------------------------------------------------------------------------
    def start(self) -> SlackStub:
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True, name="slack-stub"
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> SlackStub:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/"

    @property
    def api_url(self) -> str:
        """The Web API base URL for WebClient(base_url=...) and SLACK_API_URL."""
        return self.base_url + "api/"

    def response_url(self, name: str) -> str:
        return f"{self.base_url}response/{name}"

    # -- behaviour ----------------------------------------------------------------------------
    def respond_with(self, method: str, answer: Payload | Responder) -> None:
        """Answer `method` with this payload (or function(stub, params) -> payload) from now on."""
        self._overrides[method] = answer

    def rate_limit(self, method: str, times: int = 1, retry_after: int = 1) -> None:
        """Answer the next `times` calls to `method` with HTTP 429 and Retry-After: retry_after."""
        self._limits[method] = (times, retry_after)

    def drop_connection(self, method: str, times: int = 1) -> None:
        """Handle the next `times` calls to `method` (a post is posted) but close the connection without replying,
        as when a connection resets after Slack acted on a request."""
        self._drops[method] = times

    def take_drop(self, method: str) -> bool:
        with self._cond:
            left = self._drops.get(method, 0)
            if left > 0:
                self._drops[method] = left - 1
            return left > 0

    def answer(self, method: str, params: Payload) -> tuple[int, dict[str, str], Payload | str]:
        """(status, headers, body) for one call; used by the request handler."""
        with self._cond:
            times, retry_after = self._limits.get(method, (0, 0))
            if times > 0:
                self._limits[method] = (times - 1, retry_after)
                return 429, {"Retry-After": str(retry_after)}, {"ok": False, "error": "ratelimited"}
        problems = limit_problems(method, params)
        if method.startswith("response/"):
            return (400, {}, "invalid_blocks") if problems else (200, {}, "ok")
        if problems:
            error = "invalid_arguments" if method.startswith("views.") else "invalid_blocks"
            return 200, {}, {"ok": False, "error": error, "response_metadata": {"messages": problems}}
        answer = self._overrides.get(method) or RESPONDERS.get(method)
        if answer is None:
            return 200, {}, {"ok": True}
        return 200, {}, answer(self, params) if callable(answer) else answer

    def record(self, call: Call) -> None:
        with self._cond:
            self._calls.append(call)
            self._cond.notify_all()
        if self.on_call is not None:
            self.on_call(call)

    # -- inspection ---------------------------------------------------------------------------
    def calls(self, method: str | None = None, status: int | None = 200) -> list[Call]:
        """Calls received, optionally only to `method` and only with this HTTP status (None: any)."""
        with self._cond:
            return [
                c
                for c in self._calls
                if (method is None or c.method == method) and (status is None or c.status == status)
            ]

    def wait_for(
        self, method: str, count: int = 1, timeout: float = WAIT_SECONDS, where: Callable[[Call], bool] | None = None
    ) -> list[Call]:
        """Wait for `count` successful calls to `method` (matching `where`); AssertionError after `timeout` s."""
        deadline = time.monotonic() + timeout

        def matching() -> list[Call]:
            return [c for c in self._calls if c.method == method and c.status == 200 and (where is None or where(c))]

        with self._cond:
            while len(found := matching()) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        f"stub saw {len(found)} {method} call(s), wanted {count}, within {timeout} s; "
                        f"calls: {[c.method for c in self._calls]}"
                    )
                self._cond.wait(left)
            return found

    def reset(self) -> None:
        """Forget the calls recorded so far (behaviour settings stay)."""
        with self._cond:
            self._calls.clear()


def _handler_for(stub: SlackStub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            self._serve()

        def do_GET(self) -> None:
            self._serve()

        def _serve(self) -> None:
            path, _, query = self.path.partition("?")
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            params: Payload = dict(parse_qsl(query))
            if path.startswith("/upload/"):
                self._upload(path.removeprefix("/upload/"), raw)
                return
            if path.startswith("/files/"):
                self._file(path.removeprefix("/files/"))
                return
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip()
            if kind == "application/json" and raw:
                params.update(json.loads(raw))
            elif raw:
                params.update(_decode_fields(dict(parse_qsl(raw.decode("utf-8")))))
            if path.startswith("/api/"):
                method = path.removeprefix("/api/")
            elif path.startswith("/response/"):
                method = path.removeprefix("/")
            else:
                method = "unknown" + path
            status, headers, body = stub.answer(method, params)
            stub.record(Call(method, params, {k.lower(): v for k, v in self.headers.items()}, status=status))
            if stub.take_drop(method):
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            data = (body if isinstance(body, str) else json.dumps(body)).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "text/plain" if isinstance(body, str) else "application/json")
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _upload(self, file_id: str, raw: bytes) -> None:
            """The upload URL step of files_upload_v2: keep the bytes, answer as Slack does."""
            stub.uploads[file_id] = raw
            stub.record(Call("upload/" + file_id, {"size": len(raw)}, dict(self.headers.items())))
            data = f"OK - {len(raw)}".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _file(self, name: str) -> None:
            """A file's private download URL: its bytes, only with the bot token (as Slack requires)."""
            stub.record(Call("files/" + name, {}, {k.lower(): v for k, v in self.headers.items()}))
            data = stub.files.get(name)
            authorised = (self.headers.get("Authorization") or "").startswith("Bearer xoxb-")
            status = 200 if data is not None and authorised else 404
            data = data if status == 200 else b"not found"
            self.send_response(status)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            return

    return Handler


def _decode_fields(fields: dict[str, str]) -> Payload:
    """Form fields with JSON-looking values (blocks=[...], view={...}) decoded."""
    out: Payload = {}
    for key, value in fields.items():
        if value[:1] in "[{":
            try:
                out[key] = json.loads(value)
                continue
            except ValueError:
                pass
        out[key] = value
    return out
