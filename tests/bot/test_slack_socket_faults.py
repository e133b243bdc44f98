"""Socket Mode faults: Slack closes the connection mid-stream, asks for a refresh, or goes away for a while.

The app must reconnect by itself (slack_sdk's own reconnect path: apps.connections.open, a new WebSocket, hello),
lose no event Slack would redeliver, and answer none twice. The outage is 3 s here instead of 30 with the
client's monitor every 2 s instead of 10: the same code path, shorter waits.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.slack.reload import EngineHolder
from bot.slack.server import make_health_server
from bot.slack.socket_health import HealthApp
from tests.bot.slack_harness import GatedEngine, TrackingExecutor, dm, mention
from tests.bot.slack_stub import SlackStub
from tests.bot.socket_harness import SocketApp, get, start_socket_app
from tests.bot.socket_stub import SocketModeStub
from tests.conftest import MINI, write_kb

WAIT = 30.0


@pytest.fixture
def stub() -> Iterator[SlackStub]:
    with SlackStub() as running:
        yield running


@pytest.fixture
def server(stub: SlackStub) -> Iterator[SocketModeStub]:
    with SocketModeStub(stub) as running:
        yield running


@pytest.fixture
def app(stub: SlackStub, server: SocketModeStub, tmp_path: Path) -> Iterator[SocketApp]:
    running = start_socket_app(stub, server, write_kb(tmp_path / "kb", MINI), tmp_path / "state.db")
    yield running
    running.close()


def burst(app: SocketApp, n: int, prefix: str) -> list[str]:
    """n mentions and DMs in quick succession; their thread/ts keys."""
    keys = []
    for i in range(n):
        ts = f"17{prefix}.{i:06d}"
        event = mention("who leads action 1", ts=ts) if i % 2 else dm("who leads action 1", ts=ts, channel="D_" + ts)
        app.server.event(event, event_id=f"Ev{prefix}{i:04d}")
        keys.append(ts)
    return keys


def answered(stub: SlackStub) -> Counter[str]:
    """How many replies each question got (mentions by thread_ts, DMs by their D_<ts> channel)."""
    keys = []
    for call in stub.calls("chat.postMessage"):
        params = call.params
        keys.append(params.get("thread_ts") or params["channel"].removeprefix("D_"))
    return Counter(keys)


def settle(app: SocketApp, count: int) -> None:
    """Wait until Slack has an acknowledgement for every envelope and `count` replies are posted."""
    app.server.wait_until(lambda: not app.server.unacknowledged(), WAIT, "every envelope acknowledged")
    app.stub.wait_for("chat.postMessage", count=count, timeout=WAIT)
    app.idle()


@pytest.mark.parametrize("how", ["close", "reset", "fin"], ids=["close-frame", "tcp-reset", "tcp-fin-no-close-frame"])
def test_a_connection_dropped_mid_burst_loses_nothing_and_answers_once(
    app: SocketApp, stub: SlackStub, server: SocketModeStub, how: str
) -> None:
    """With "fin", slack_sdk's built-in client only notices when its monitor's pings fail five times (here 5 x 2
    s; in production 5 x 10 s, while its receive loop spins): see README, Socket Mode in operation."""
    keys = burst(app, 30, "1")
    server.wait_until(lambda: len(server.acks) >= 3, WAIT, "three acknowledgements")
    server.drop(how)  # the rest of the burst is in flight, unacknowledged, or not yet sent
    keys += burst(app, 10, "2")  # and more arrive while the app is reconnecting
    server.wait_for_connections(2, timeout=WAIT)
    settle(app, len(keys))
    counts = answered(stub)
    assert set(counts) == set(keys) and set(counts.values()) == {1}, counts
    assert server.connections[0].closed_by_app is False and server.open_connections()[-1].number >= 2
    assert app.socket.monitor.state().reconnects >= 1 and app.socket.monitor.state().connected


def test_refresh_requested_moves_to_a_new_connection_without_losing_events(
    app: SocketApp, stub: SlackStub, server: SocketModeStub
) -> None:
    keys = burst(app, 10, "3")
    server.refresh()
    server.wait_for_connections(2, timeout=WAIT)
    keys += burst(app, 10, "4")
    settle(app, len(keys))
    assert set(answered(stub).values()) == {1} and len(answered(stub)) == 20
    first, second = server.connections[:2]
    server.wait_until(lambda: first.closed_at is not None, WAIT, "the old connection closed")
    assert first.closed_by_app is True and second.closed_at is None  # the app closed the old one itself
    state = app.socket.monitor.state()
    assert state.reconnects == 1 and "refresh_requested" in (state.last_disconnect or "")


def test_an_outage_is_survived_and_the_events_sent_meanwhile_are_answered(
    app: SocketApp, stub: SlackStub, server: SocketModeStub, caplog: pytest.LogCaptureFixture
) -> None:
    keys = burst(app, 4, "5")
    settle(app, 4)
    with caplog.at_level(logging.INFO, logger="bot.slack.socket_health"):
        server.outage(3.0)
        server.wait_until(lambda: not app.socket.monitor.state().connected, WAIT, "the app noticed")
        down = app.socket.monitor.state()
        assert down.problem() is not None and down.problem().startswith("Socket Mode connection down")
        keys += burst(app, 6, "6")  # Slack keeps these and delivers them once the app is back
        server.wait_until(lambda: app.socket.monitor.state().connected, WAIT, "reconnected after the outage")
        settle(app, len(keys))
    counts = answered(stub)
    assert set(counts) == set(keys) and set(counts.values()) == {1}
    attempts = len(stub.calls("apps.connections.open"))
    assert attempts >= 3  # it kept asking for a new URL while the handshake was refused
    messages = [r.getMessage() for r in caplog.records]
    assert any("connection to Slack lost" in m for m in messages)
    assert any("reconnected to Slack after" in m for m in messages)


def test_a_redelivered_envelope_is_answered_once(app: SocketApp, stub: SlackStub, server: SocketModeStub) -> None:
    event = mention("who leads action 1", ts="1.77")
    first = server.event(event, event_id="EvRetried")
    server.wait_for_ack(first)
    stub.wait_for("chat.postMessage")
    again = server.event(event, event_id="EvRetried", retry_attempt=1, retry_reason="timeout")
    assert server.wait_for_ack(again).payload is None  # acknowledged, so Slack stops retrying
    other = server.event(mention("who leads action 2", ts="1.78"), event_id="EvOther")
    server.wait_for_ack(other)
    stub.wait_for("chat.postMessage", count=2)
    app.idle()
    assert [c.params["thread_ts"] for c in stub.calls("chat.postMessage")] == ["1.77", "1.78"]


def test_health_port_reports_the_connection_state(app: SocketApp, server: SocketModeStub) -> None:
    health = make_health_server(HealthApp(app.socket.monitor, app.holder.health_problem), "127.0.0.1", 0)
    health.serve_in_thread()
    base = f"http://127.0.0.1:{health.server_address[1]}"
    try:
        assert get(base + "/healthz") == (200, "ok")
        status, body = get(base + "/readyz")
        assert status == 200 and body.startswith("ok: connected since ") and "0 reconnect(s)" in body
        server.wait_for_ack(server.event(mention("who leads action 1", ts="2.1")))
        state = json.loads(get(base + "/readyz?format=json")[1])
        assert state["ready"] is True and state["envelopes"] == 1 and state["last_envelope"] is not None

        server.outage(2.0)
        server.wait_until(lambda: not app.socket.monitor.state().connected, WAIT, "the app noticed")
        status, body = get(base + "/readyz")
        assert status == 503 and body.startswith("not ready: Socket Mode connection down")
        assert get(base + "/healthz") == (200, "ok")  # alive: nothing to restart, it is reconnecting

        server.wait_until(lambda: app.socket.monitor.state().connected, WAIT, "reconnected")
        status, body = get(base + "/readyz")
        assert status == 200 and "1 reconnect(s)" in body
        assert get(base + "/slack/events")[0] == 404
    finally:
        health.shutdown()


def test_a_full_pool_leaves_the_envelope_unacknowledged_and_answers_its_redelivery_once(
    stub: SlackStub, server: SocketModeStub, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Over Socket Mode a refused event is not acknowledged (Bolt sends no ack for a 500), so Slack redelivers it."""
    holder = EngineHolder(write_kb(tmp_path / "kb", MINI))
    gated = GatedEngine(holder.engine)
    holder.engine = gated  # type: ignore[assignment]
    app = start_socket_app(
        stub, server, tmp_path / "kb", tmp_path / "state.db", holder=holder, executor=TrackingExecutor(1, 0)
    )
    try:
        first = server.event(mention("who leads action 1", ts="5.000001"), event_id="EvBusy")
        server.wait_for_ack(first)
        assert gated.asked.acquire(timeout=WAIT)  # the one answer thread is held
        for i in (2, 3):  # the two threads for self-acknowledging listeners take the rest of the bound
            server.wait_for_ack(server.event(mention("who leads action 1", ts=f"5.00000{i}"), event_id=f"EvQ{i}"))
        refused_event = mention("who leads action 1", ts="5.000009")
        refused = server.event(refused_event, event_id="EvRefused")
        server.wait_until(lambda: "too busy to answer" in caplog.text, WAIT, "the refusal logged")
        with pytest.raises(AssertionError, match="not acknowledged"):
            server.wait_for_ack(refused, timeout=1.0)  # no ack: Slack will deliver it again
        gated.gate.set()
        app.idle()
        again = server.event(refused_event, event_id="EvRefused", retry_attempt=1, retry_reason="timeout")
        server.wait_for_ack(again)
        twice = server.event(refused_event, event_id="EvRefused", retry_attempt=2, retry_reason="timeout")
        server.wait_for_ack(twice)
        app.idle()
        threads = sorted(c.params["thread_ts"] for c in stub.wait_for("chat.postMessage", count=4))
        app.idle()
        assert threads == ["5.000001", "5.000002", "5.000003", "5.000009"]
        assert len(stub.calls("chat.postMessage")) == 4  # the redelivered event answered once
        assert "Traceback" not in caplog.text
    finally:
        gated.gate.set()
        app.close()
