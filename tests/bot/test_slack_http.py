"""Hostile and broken HTTP requests against the real server (waitress + the Bolt app), over raw sockets.

Each test sends what a probe of the old http.server-based server sent, and pins the answer: a status line, no
body read that was not needed, no traceback, no thread per connection.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from bot.slack.server import MAX_BODY, Limits
from tests.bot.slack_harness import SECRET, RunningApp, event_body, mention, start_app
from tests.bot.slack_stub import SlackStub
from tests.conftest import MINI, write_kb

WAIT = 10.0  # seconds a reply may take before the test calls the server stuck


@pytest.fixture
def stub() -> Iterator[SlackStub]:
    with SlackStub() as running:
        yield running


@pytest.fixture
def app(stub: SlackStub, tmp_path: Path) -> Iterator[RunningApp]:
    running = start_app(
        stub, write_kb(tmp_path / "kb", MINI), tmp_path / "state.db", limits=Limits(idle_seconds=2, request_seconds=3)
    )
    yield running
    running.close()


def address(app: RunningApp) -> tuple[str, int]:
    url = urlparse(app.url)
    return url.hostname or "127.0.0.1", url.port or 80


def request(app: RunningApp, headers: dict[str, str], body: bytes = b"", path: str = "/slack/events") -> bytes:
    """The request head (and body, if any) as bytes."""
    lines = [f"POST {path} HTTP/1.1", "Host: localhost", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def exchange(app: RunningApp, raw: bytes, half_close: bool = False) -> tuple[int, str]:
    """Send raw bytes, then read the reply's status and body; fails if the server does not answer in WAIT s."""
    with socket.create_connection(address(app), timeout=WAIT) as sock:
        sock.sendall(raw)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        data = b""
        try:
            while b"\r\n\r\n" not in data:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                data += chunk
            head, _, rest = data.partition(b"\r\n\r\n")
            lines = head.split(b"\r\n")
            length = next((int(x.split(b":", 1)[1]) for x in lines if x.lower().startswith(b"content-length:")), 0)
            while len(rest) < length:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                rest += chunk
        except TimeoutError:
            pytest.fail(f"no reply within {WAIT} s (the server is waiting to read a body it should refuse)")
    if not data:
        pytest.fail("the server closed the connection without a reply")
    status = int(data.split(b" ", 2)[1])
    return status, rest.decode("utf-8", "replace")


def signed(body: bytes, content_type: str = "application/json") -> dict[str, str]:
    """Headers for `body` signed as Slack signs: HMAC-SHA256 over v0:timestamp:raw bytes."""
    ts = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
    return {
        "Content-Type": content_type,
        "Content-Length": str(len(body)),
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": f"v0={digest}",
    }


@pytest.fixture
def no_tracebacks(caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]) -> Iterator[None]:
    caplog.set_level(logging.DEBUG)
    yield
    logged = "\n".join(r.getMessage() + (str(r.exc_info) if r.exc_info else "") for r in caplog.records)
    printed = capfd.readouterr().err
    assert "Traceback" not in printed and "Traceback" not in logged
    assert not any(r.exc_info for r in caplog.records), logged
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], logged


def test_negative_content_length_is_refused_without_reading(app: RunningApp, no_tracebacks: None) -> None:
    # the old server took -1 as "read to end of stream", then parsed whatever came: 100 MB took it to 2.6 GB
    status, _ = exchange(app, request(app, {"Content-Type": "application/json", "Content-Length": "-1"}))
    assert status == 400


def test_non_numeric_content_length_is_400(app: RunningApp, no_tracebacks: None) -> None:
    status, _ = exchange(app, request(app, {"Content-Type": "application/json", "Content-Length": "lots"}, b"{}"))
    assert status == 400


def test_missing_content_length_is_411(app: RunningApp, no_tracebacks: None) -> None:
    status, _ = exchange(app, request(app, {"Content-Type": "application/json", "Connection": "close"}))
    assert status == 411


def test_a_100_mb_unsigned_body_is_refused_before_it_is_sent(app: RunningApp, no_tracebacks: None) -> None:
    status, _ = exchange(app, request(app, {"Content-Type": "application/json", "Content-Length": str(100 << 20)}))
    assert status == 413


def test_a_100_mb_chunked_body_is_cut_off_at_the_limit(app: RunningApp, no_tracebacks: None) -> None:
    head = request(app, {"Content-Type": "application/json", "Transfer-Encoding": "chunked"})
    piece = b"1," * (1 << 15)
    with socket.create_connection(address(app), timeout=WAIT) as sock:
        sock.sendall(head)
        sent = 0
        try:
            while sent < 100 << 20:
                sock.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))
                sent += len(piece)
        except OSError:
            pass  # the server stopped reading and closed: what we want
        reply = sock.recv(200)
    assert sent < 10 * MAX_BODY  # refused long before 100 MB (the rest sat in loopback socket buffers, a few MB)
    assert reply.startswith(b"HTTP/1.1 413")


def test_unsigned_malformed_json_is_401_not_a_traceback(app: RunningApp, no_tracebacks: None) -> None:
    body = b'{"type": "event_callback", "event": {'
    headers = {"Content-Type": "application/json", "Content-Length": str(len(body))}
    assert exchange(app, request(app, headers, body))[0] == 401


@pytest.mark.parametrize("body", [b'{"type": "event_callback", "event": {', b"[1, 2]", b'"text"'])
def test_signed_malformed_json_is_400(app: RunningApp, no_tracebacks: None, body: bytes) -> None:
    assert exchange(app, request(app, signed(body), body))[0] == 400


def test_signed_form_with_malformed_payload_json_is_400(app: RunningApp, no_tracebacks: None) -> None:
    body = b"payload=%7Bnot-json"
    assert exchange(app, request(app, signed(body, "application/x-www-form-urlencoded"), body))[0] == 400


def test_invalid_utf8_is_refused(app: RunningApp, no_tracebacks: None) -> None:
    body = b'{"text": "\xff\xfe\xfa"}'
    unsigned = {"Content-Type": "application/json", "Content-Length": str(len(body))}
    assert exchange(app, request(app, unsigned, body))[0] == 401
    assert exchange(app, request(app, signed(body), body))[0] == 400


def test_a_signed_mention_still_works(app: RunningApp, stub: SlackStub) -> None:
    body = event_body(mention("who leads action 1")).encode()
    assert exchange(app, request(app, signed(body), body))[0] == 200
    stub.wait_for("chat.postMessage")


def test_idle_connections_hold_no_threads_and_do_not_block_others(app: RunningApp, no_tracebacks: None) -> None:
    before = threading.active_count()
    idle = [socket.create_connection(address(app), timeout=WAIT) for _ in range(60)]
    try:
        for sock in idle[:30]:
            sock.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\n")  # a request head, never finished
        body = event_body(mention("who leads action 1")).encode()
        assert exchange(app, request(app, signed(body), body))[0] == 200
        assert threading.active_count() - before <= 2  # the old server ran one thread per connection
    finally:
        for sock in idle:
            sock.close()


def test_idle_connections_are_closed_after_the_idle_timeout(app: RunningApp) -> None:
    with socket.create_connection(address(app), timeout=WAIT + 5) as sock:
        sock.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\n")  # never finished
        deadline = time.monotonic() + WAIT + 5
        data = b"x"
        while data and time.monotonic() < deadline:
            data = sock.recv(1024)  # a 408 or nothing, then end of stream
    assert data == b""


def test_a_request_trickled_byte_by_byte_is_dropped_after_the_request_timeout(app: RunningApp) -> None:
    # never idle for the 2 s idle timeout, but the whole request takes longer than the 3 s request timeout
    head = b"POST /slack/events HTTP/1.1\r\nHost: x\r\nX-Padding: " + b"a" * 200
    closed = False
    with socket.create_connection(address(app), timeout=WAIT) as sock:
        deadline = time.monotonic() + WAIT + 5
        for byte in head:
            if time.monotonic() > deadline:
                break
            try:
                sock.sendall(bytes([byte]))
            except OSError:
                closed = True
                break
            time.sleep(0.5)
            sock.settimeout(0.01)
            try:
                if sock.recv(1024) == b"":
                    closed = True
                    break
            except TimeoutError:
                pass
            except OSError:
                closed = True
                break
    assert closed  # the old server read from a slow client for ever, one thread each


def test_readyz_turns_red_after_a_failed_reload_while_healthz_stays_alive(app: RunningApp, tmp_path: Path) -> None:
    alive = b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    ready = b"GET /readyz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    assert exchange(app, alive) == (200, "ok")
    assert exchange(app, ready) == (200, "ready")
    (tmp_path / "kb" / "plans" / "alpha.yaml").write_text("plan: [unclosed\n")
    assert app.holder.reload() is False
    status, text = exchange(app, ready)
    assert status == 503 and text.startswith("not ready") and "reload failed" in text
    assert "alpha.yaml" not in text  # an unauthenticated caller learns no file names
    assert exchange(app, alive) == (200, "ok")


def test_wrong_method_and_path(app: RunningApp) -> None:
    assert exchange(app, b"GET /slack/events HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")[0] == 405
    body = json.dumps({"a": 1}).encode()
    assert exchange(app, request(app, signed(body), body, path="/elsewhere"))[0] == 404


def test_shutdown_after_the_loop_closed_its_trigger_still_stops(stub: SlackStub, tmp_path: Path) -> None:
    """Shutdown races the loop's own close of its wake-up pipe; it must stop cleanly, not raise EBADF."""
    running = start_app(stub, write_kb(tmp_path / "kb", MINI), tmp_path / "state.db")
    running.server._server.trigger.close()  # what the loop does when it is ending
    running.close()
    thread = running.server._thread
    assert thread is not None and not thread.is_alive()
