"""Offline end to end over Socket Mode: slack_sdk's own client (Bolt's adapter) connected to a local Socket Mode
server, replies through the Web API stub. Every surface the HTTP tests cover, acknowledged within Slack's 3 s."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.bot.slack_harness import SECRET_PLAN, dm, mention
from tests.bot.slack_stub import SlackStub
from tests.bot.socket_harness import APP_TOKEN, SocketApp, start_socket_app
from tests.bot.socket_stub import SocketModeStub
from tests.conftest import MINI, write_kb

CONFIDENTIAL = "Audit the confidential placement records"


@pytest.fixture
def stub() -> Iterator[SlackStub]:
    with SlackStub() as running:
        yield running


@pytest.fixture
def server(stub: SlackStub) -> Iterator[SocketModeStub]:
    with SocketModeStub(stub) as running:
        yield running


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    return write_kb(tmp_path / "kb", {**MINI, "plans/secret.yaml": SECRET_PLAN})


@pytest.fixture
def state_path(tmp_path: Path) -> Path:
    return tmp_path / "state" / "state.db"


@pytest.fixture
def app(stub: SlackStub, server: SocketModeStub, kb_dir: Path, state_path: Path) -> Iterator[SocketApp]:
    running = start_socket_app(stub, server, kb_dir, state_path)
    yield running
    running.close()


def posts(stub: SlackStub) -> list[dict]:
    return [c.params for c in stub.calls("chat.postMessage")]


def test_the_app_asks_for_a_url_with_its_app_token_and_is_sent_hello(app: SocketApp, stub: SlackStub) -> None:
    (call,) = stub.calls("apps.connections.open")
    assert call.headers["authorization"] == f"Bearer {APP_TOKEN}"
    (conn,) = app.server.connections
    assert conn.path.startswith("/link/?ticket=") and conn.closed_at is None
    state = app.socket.monitor.state()
    assert state.connected and state.reconnects == 0 and state.connected_since is not None


def test_a_mention_is_acknowledged_and_answered_in_its_thread(app: SocketApp, stub: SlackStub) -> None:
    envelope = app.server.event(mention("who leads action 1", ts="1700000000.000100"))
    ack = app.server.wait_for_ack(envelope)  # within Slack's 3 seconds
    assert ack.payload is None  # an event's acknowledgement carries nothing
    (reply,) = stub.wait_for("chat.postMessage")
    assert reply.params["thread_ts"] == "1700000000.000100"
    assert reply.params["text"].startswith("Lead of alpha plan, action 1: Corporate Director (Ann Lead).")
    assert app.socket.monitor.state().envelopes == 1


def test_a_direct_message_is_answered_and_bot_echoes_are_not(app: SocketApp, stub: SlackStub) -> None:
    ids = [
        app.server.event(dm("who leads action 1", channel="D_ASKER")),
        app.server.event(dm("Lead of alpha plan...", user="U0BOT", bot_id="B0BOT")),
        app.server.event(dm("who leads action 1 (edited)", subtype="message_changed")),
    ]
    for envelope in ids:
        app.server.wait_for_ack(envelope)
    app.idle()
    (reply,) = posts(stub)
    assert reply["channel"] == "D_ASKER" and "thread_ts" not in reply


def test_slash_command_then_share_button(app: SocketApp, stub: SlackStub) -> None:
    envelope = app.server.command("who leads action 1", stub.response_url("cmd1"))
    app.server.wait_for_ack(envelope)
    (reply,) = stub.wait_for("response/cmd1")
    assert reply.params["response_type"] == "ephemeral"
    assert "Corporate Director (Ann Lead)" in reply.params["text"]
    buttons = [e for b in reply.params["blocks"] if b["type"] == "actions" for e in b["elements"]]
    share = next(e for e in buttons if e["action_id"] == "share_answer")
    click = app.server.interactive(block_action("share_answer", share["value"], stub.response_url("share1")))
    app.server.wait_for_ack(click)
    shared, deleted = stub.wait_for("response/share1", count=2)
    assert shared.params["response_type"] == "in_channel" and "Shared by <@U_ASKER>" in json.dumps(shared.params)
    assert deleted.params["delete_original"] is True
    assert posts(stub) == []


def test_restricted_plan_is_not_shown_in_another_channel(app: SocketApp, stub: SlackStub) -> None:
    ids = [
        app.server.event(mention("who leads action S1", channel="C_OTHER", ts="1.1")),
        app.server.event(mention("who leads action S1", channel="C_PRIVATE", ts="1.3")),
    ]
    for envelope in ids:
        app.server.wait_for_ack(envelope)
    stub.wait_for("chat.postMessage", count=2)
    replies = {p["thread_ts"]: json.dumps(p) for p in posts(stub)}
    assert CONFIDENTIAL not in replies["1.1"] and "restricted" not in replies["1.1"].lower()
    assert CONFIDENTIAL in replies["1.3"]


def test_app_home_is_published(app: SocketApp, stub: SlackStub) -> None:
    stub.users["U_ANN"] = {"name": "ann", "email": "ann@example.org"}
    envelope = app.server.event({"type": "app_home_opened", "user": "U_ANN", "channel": "D_ANN", "tab": "home"})
    app.server.wait_for_ack(envelope)
    (published,) = stub.wait_for("views.publish")
    assert "Your actions" in json.dumps(published.params["view"])


def test_add_update_button_opens_the_modal_and_its_submission_is_recorded(
    app: SocketApp, stub: SlackStub, kb_dir: Path
) -> None:
    stub.users["U_ANN"] = {"name": "ann", "email": "ann@example.org"}
    value = json.dumps({"plan": "alpha", "action": "1"})
    click = app.server.interactive(block_action("update_open", value, stub.response_url("open"), user="U_ANN"))
    app.server.wait_for_ack(click)
    (opened,) = stub.wait_for("views.open")
    view = opened.params["view"]
    assert view["callback_id"] == "update_submit"
    submitted = app.server.interactive(view_submission(view, "U_ANN", status="in-progress", note="Reviewer appointed"))
    ack = app.server.wait_for_ack(submitted)
    assert ack.payload is None  # accepted: the modal closes
    (confirmation,) = stub.wait_for("chat.postMessage")
    assert confirmation.params["channel"] == "U_ANN" and "Saved your update" in confirmation.params["text"]
    assert "Reviewer appointed" in (kb_dir / "updates" / "alpha.yaml").read_text()


def test_a_refused_submission_puts_the_error_in_the_acknowledgement(app: SocketApp, stub: SlackStub) -> None:
    stub.users["U_BOB"] = {"name": "bob", "email": "bob@example.org"}
    view = {
        "id": "V1",
        "type": "modal",
        "callback_id": "update_submit",
        "private_metadata": json.dumps({"plan": "alpha", "action": "1", "channel": None}),
    }
    submitted = app.server.interactive(view_submission(view, "U_BOB", status="complete", note="done"))
    ack = app.server.wait_for_ack(submitted)
    assert ack.payload["response_action"] == "errors"
    assert "can't tell which person" in ack.payload["errors"]["note"]  # bob has no email the plans know
    app.idle()
    assert posts(stub) == []


# -- payload builders -----------------------------------------------------------------------------
def block_action(action_id: str, value: str, response_url: str, user: str = "U_ASKER") -> dict:
    return {
        "type": "block_actions",
        "user": {"id": user, "username": "asker", "team_id": "T0STUB"},
        "container": {"type": "message", "message_ts": "1700000000.000100", "channel_id": "C_GENERAL"},
        "trigger_id": "1.2.3",
        "channel": {"id": "C_GENERAL", "name": "general"},
        "response_url": response_url,
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


def view_submission(view: dict, user: str, **values: str) -> dict:
    state = {}
    for block, value in values.items():
        if block in ("status", "action"):
            state[block] = {"value": {"type": "static_select", "selected_option": {"value": value}}}
        else:
            state[block] = {"value": {"type": "plain_text_input", "value": value}}
    return {
        "type": "view_submission",
        "user": {"id": user, "username": user.lower(), "team_id": "T0STUB"},
        "trigger_id": "1.2.4",
        "view": {**view, "state": {"values": state}},
    }
