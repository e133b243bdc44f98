"""`actionbot serve` in Socket Mode as a real process: connects with the app token, answers over the socket,
reconnects when Slack drops it, reports its connection on the health port, and stops cleanly on SIGTERM."""

from __future__ import annotations

import json
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import cli
from tests.bot.slack_harness import mention
from tests.bot.slack_stub import SlackStub
from tests.bot.socket_harness import APP_TOKEN, get
from tests.bot.socket_stub import SocketModeStub
from tests.bot.test_slack_serve import ACTIONBOT, ROOT, WAIT, lines_of, serve_env, wait_for_line
from tests.conftest import MINI, write_kb


@pytest.fixture
def stub() -> Iterator[SlackStub]:
    with SlackStub() as running:
        yield running


@pytest.fixture
def server(stub: SlackStub) -> Iterator[SocketModeStub]:
    with SocketModeStub(stub) as running:
        yield running


def socket_env(stub: SlackStub, tmp_path: Path, **extra: str) -> dict[str, str]:
    env = serve_env(stub, tmp_path)
    env.pop("SLACK_SIGNING_SECRET")  # not needed in Socket Mode
    env.update(SLACK_APP_TOKEN=APP_TOKEN, ACTIONBOT_REMIND_CRON="0 9 1 1 *", **extra)
    return env


@pytest.mark.skipif(not hasattr(signal, "SIGTERM"), reason="POSIX only")
def test_serve_over_socket_mode_answers_reconnects_and_stops_on_sigterm(
    stub: SlackStub, server: SocketModeStub, tmp_path: Path
) -> None:
    proc = subprocess.Popen(
        [*ACTIONBOT, "serve", "--kb", str(write_kb(tmp_path / "kb", MINI))],
        cwd=ROOT,
        env=socket_env(stub, tmp_path, ACTIONBOT_HEALTH_PORT="0"),
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines = lines_of(proc.stderr)
        wait_for_line(lines, r"connecting over Socket Mode")
        port = wait_for_line(lines, r"health on http://0\.0\.0\.0:(\d+)/healthz").group(1)
        server.wait_for_connections(1, timeout=WAIT)
        assert stub.calls("apps.connections.open")[0].headers["authorization"] == f"Bearer {APP_TOKEN}"
        server.wait_for_ack(server.event(mention("who leads action 1", ts="3.1")))
        (reply,) = stub.wait_for("chat.postMessage", timeout=WAIT)
        assert reply.params["thread_ts"] == "3.1" and "Corporate Director (Ann Lead)" in reply.params["text"]

        server.drop()  # Slack closes the connection: the process reconnects by itself
        wait_for_line(lines, r"WARNING .*Socket Mode: connection to Slack lost")
        server.wait_for_connections(2, timeout=3 * WAIT)  # the SDK notices a dropped link on its next ping (~10 s)
        wait_for_line(lines, r"WARNING .*Socket Mode: reconnected to Slack")
        server.wait_for_ack(server.event(mention("who leads action 1", ts="3.2")))
        stub.wait_for("chat.postMessage", count=2, timeout=WAIT)
        state = json.loads(get(f"http://127.0.0.1:{port}/readyz?format=json")[1])
        assert state["ready"] and state["reconnects"] == 1 and state["envelopes"] == 2

        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=WAIT) == 0
        wait_for_line(lines, r"stopped \(.*1 reconnect")
        server.wait_until(lambda: not server.open_connections(), WAIT, "the socket closed")
        assert all(c.closed_by_app for c in server.connections[1:])
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=WAIT)


def test_serve_exits_2_when_slack_refuses_the_app_token(
    stub: SlackStub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stub.respond_with("apps.connections.open", {"ok": False, "error": "invalid_auth"})
    for name, value in socket_env(stub, tmp_path).items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("SLACK_SIGNING_SECRET", raising=False)
    previous = signal.getsignal(signal.SIGHUP) if hasattr(signal, "SIGHUP") else None
    try:
        assert cli.main(["serve", "--kb", str(write_kb(tmp_path / "kb", MINI))]) == 2
    finally:
        if previous is not None:
            signal.signal(signal.SIGHUP, previous)
    err = capsys.readouterr().err
    assert "did not accept SLACK_APP_TOKEN" in err and "invalid_auth" in err and "App-Level Tokens" in err


def test_serve_refuses_a_malformed_health_port(
    stub: SlackStub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, value in socket_env(stub, tmp_path, ACTIONBOT_HEALTH_PORT="80a").items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("SLACK_SIGNING_SECRET", raising=False)
    assert cli.main(["serve"]) == 2
    assert "ACTIONBOT_HEALTH_PORT is not a TCP port ('80a')" in capsys.readouterr().err
