"""The Socket Mode connection monitor on its own: hello, envelopes, losses, refreshes and a silent socket."""

from __future__ import annotations

import json
from types import SimpleNamespace

from bot.slack.socket_health import ConnectionMonitor, HealthApp


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def fake_client(ping_interval: float = 10.0) -> SimpleNamespace:
    session = SimpleNamespace(last_ping_pong_time=None)
    return SimpleNamespace(
        on_message_listeners=[],
        on_close_listeners=[],
        on_error_listeners=[],
        ping_interval=ping_interval,
        current_session=session,
        is_connected=lambda: True,
    )


def monitored() -> tuple[ConnectionMonitor, SimpleNamespace, Clock]:
    clock = Clock()
    monitor = ConnectionMonitor(clock)
    client = fake_client()
    monitor.attach(client)
    return monitor, client, clock


def test_not_yet_connected_then_hello_then_envelopes() -> None:
    monitor, client, clock = monitored()
    assert monitor.state().problem() == "not yet connected to Slack over Socket Mode"
    client.on_message_listeners[0](json.dumps({"type": "hello"}))
    clock.now += 5
    client.on_message_listeners[0](json.dumps({"type": "events_api", "envelope_id": "e1", "payload": {}}))
    state = monitor.state()
    assert state.connected and state.problem() is None and state.envelopes == 1 and state.reconnects == 0
    assert state.last_envelope == clock.now and state.as_dict()["connected_since"] == "2027-01-15T08:00:00+00:00"


def test_a_loss_then_a_reconnect_is_counted_and_logged(caplog) -> None:
    monitor, client, clock = monitored()
    client.on_message_listeners[0](json.dumps({"type": "hello"}))
    client.on_error_listeners[0](ConnectionResetError("reset by peer"))
    clock.now += 12
    down = monitor.state()
    assert not down.connected and down.problem(clock.now) == (
        "Socket Mode connection down for 12 s (ConnectionResetError: reset by peer); reconnecting"
    )
    client.on_message_listeners[0](json.dumps({"type": "hello"}))
    assert monitor.state().reconnects == 1 and monitor.state().connected
    messages = [r.getMessage() for r in caplog.records]
    assert "Socket Mode: connection to Slack lost (ConnectionResetError: reset by peer); reconnecting" in messages
    assert any(m.startswith("Socket Mode: reconnected to Slack after 12.0 s down") for m in messages)


def test_a_refresh_is_a_reconnect_but_not_a_loss() -> None:
    monitor, client, _clock = monitored()
    client.on_message_listeners[0](json.dumps({"type": "hello"}))
    client.on_message_listeners[0](json.dumps({"type": "disconnect", "reason": "refresh_requested"}))
    client.on_message_listeners[0](json.dumps({"type": "hello"}))
    state = monitor.state()
    assert state.connected and state.reconnects == 1 and state.disconnected_since is None
    assert state.last_disconnect == "Slack asked to reconnect: refresh_requested"


def test_a_silent_socket_is_not_ready_before_the_client_gives_up() -> None:
    monitor, client, clock = monitored()
    client.on_message_listeners[0](json.dumps({"type": "hello"}))
    client.current_session.last_ping_pong_time = clock.now
    clock.now += 20  # two intervals: still fine
    assert monitor.state().connected
    clock.now += 10  # three intervals without a pong
    state = monitor.state()
    assert not state.connected and state.last_disconnect == "no answer to pings for 30 s"
    assert (
        state.problem(clock.now) == "Socket Mode connection down for 30 s (no answer to pings for 30 s); reconnecting"
    )
    status, _, body = HealthApp(monitor).answer({"REQUEST_METHOD": "GET", "PATH_INFO": "/readyz"})
    assert status.startswith("503") and "no answer to pings for 30 s" in body


def test_readyz_also_needs_the_rest_of_readiness_and_healthz_is_liveness_only() -> None:
    monitor, client, _clock = monitored()
    client.on_message_listeners[0](json.dumps({"type": "hello"}))
    app = HealthApp(monitor, ready=lambda: "the knowledge base failed to reload")
    status, _, body = app.answer({"REQUEST_METHOD": "GET", "PATH_INFO": "/readyz"})
    assert status.startswith("503") and body.startswith("not ready: the knowledge base failed to reload; connected")
    assert app.answer({"REQUEST_METHOD": "GET", "PATH_INFO": "/healthz"}) == (
        "200 OK",
        "text/plain; charset=utf-8",
        "ok",
    )
    assert app.answer({"REQUEST_METHOD": "POST", "PATH_INFO": "/readyz"})[0].startswith("405")
