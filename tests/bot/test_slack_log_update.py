"""The "Log as update" message shortcut over Socket Mode: a modal pre-filled with the message, the action chosen
from the person's own, recorded with the same permission rule and audit as "Add update"."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.slack.log_update import NONE_TO_UPDATE
from knowledge import yamlio
from tests.bot import slack_limits
from tests.bot.slack_harness import SECRET_PLAN, big_plan
from tests.bot.slack_stub import SlackStub
from tests.bot.socket_harness import SocketApp, start_socket_app
from tests.bot.socket_stub import SocketModeStub
from tests.bot.test_slack_socket_mode import view_submission
from tests.conftest import MINI, write_kb

MESSAGE = "Reviewer appointed; first meeting held on 3 March with the foster carers' panel."
# a restricted plan Bob leads an action in but may not see: leading does not make a plan visible
HIDDEN_FROM_BOB = (
    SECRET_PLAN.replace("id: secret", "id: hidden")
    .replace('"S1"', '"H1"')
    .replace("leads: [ann-lead]", "leads: [bob-other]")
)


def kb_files(**extra: str) -> dict[str, str]:
    people = MINI["people/people.yaml"].replace(
        "name: Bob Other\n", "name: Bob Other\n            email: bob@example.org\n"
    )
    return {**MINI, "people/people.yaml": people, "plans/secret.yaml": SECRET_PLAN, **extra}


@pytest.fixture
def stub() -> Iterator[SlackStub]:
    with SlackStub() as running:
        running.users["U_ANN"] = {"name": "ann", "email": "ann@example.org"}
        running.users["U_BOB"] = {"name": "bob", "email": "bob@example.org"}
        running.users["U_EVE"] = {"name": "eve", "email": "eve@example.org"}
        yield running


@pytest.fixture
def server(stub: SlackStub) -> Iterator[SocketModeStub]:
    with SocketModeStub(stub) as running:
        yield running


def start(stub: SlackStub, server: SocketModeStub, tmp_path: Path, **extra: str) -> SocketApp:
    return start_socket_app(stub, server, write_kb(tmp_path / "kb", kb_files(**extra)), tmp_path / "state.db")


@pytest.fixture
def app(stub: SlackStub, server: SocketModeStub, tmp_path: Path) -> Iterator[SocketApp]:
    running = start(stub, server, tmp_path, **{"plans/hidden.yaml": HIDDEN_FROM_BOB})
    yield running
    running.close()


def shortcut(server: SocketModeStub, stub: SlackStub, user: str, text: str = MESSAGE, name: str = "sc") -> str:
    return server.interactive(
        {
            "type": "message_action",
            "callback_id": "log_as_update",
            "trigger_id": "1.2.5",
            "response_url": stub.response_url(name),
            "user": {"id": user, "username": user.lower(), "team_id": "T0STUB"},
            "channel": {"id": "C_GENERAL", "name": "general"},
            "message_ts": "1700000009.000100",
            "message": {"type": "message", "user": "U_CAROL", "ts": "1700000009.000100", "text": text},
        }
    )


def open_modal(app: SocketApp, user: str, text: str = MESSAGE) -> dict:
    app.server.wait_for_ack(shortcut(app.server, app.stub, user, text))
    (opened,) = app.stub.wait_for("views.open")
    return opened.params["view"]


def options(view: dict) -> list[str]:
    block = next(b for b in view["blocks"] if b.get("block_id") == "action")
    return [o["value"] for o in block["element"]["options"]]


def test_a_lead_logs_a_message_as_an_update_to_their_action(app: SocketApp, stub: SlackStub) -> None:
    view = open_modal(app, "U_ANN")
    assert slack_limits.view_problems(view) == []
    note = next(b for b in view["blocks"] if b.get("block_id") == "note")["element"]
    assert note["initial_value"] == MESSAGE and note["max_length"] <= 3000
    # Ann leads alpha 1 (through her role) and S1 of the secret plan she may see; not alpha 2 (Bob's)
    assert [json.loads(v) for v in options(view)] == [
        {"plan": "alpha", "action": "1"},
        {"plan": "secret", "action": "S1"},
    ]
    submitted = view_submission(
        view, "U_ANN", action=options(view)[0], status="in-progress", note=MESSAGE + " (from the panel)"
    )
    assert app.server.wait_for_ack(app.server.interactive(submitted)).payload is None
    (confirmation,) = stub.wait_for("chat.postMessage")
    assert confirmation.params["channel"] == "U_ANN" and "Saved your update to" in confirmation.params["text"]
    (entry,) = yamlio.parse((app.holder.root / "updates" / "alpha.yaml").read_bytes())["updates"]
    assert entry["by"] == "ann-lead" and entry["slack_user"] == "U_ANN" and entry["status"] == "in-progress"
    assert entry["text"] == MESSAGE + " (from the panel)" and entry["before"].startswith("status not-stated")


def test_only_actions_the_person_may_update_and_see_are_offered(app: SocketApp) -> None:
    view = open_modal(app, "U_BOB")
    # Bob leads alpha 2 and H1, but the hidden plan is restricted to Ann: it is not offered, nor named
    assert [json.loads(v) for v in options(view)] == [{"plan": "alpha", "action": "2"}]
    assert "hidden" not in json.dumps(view) and "confidential" not in json.dumps(view).lower()


def test_a_forged_choice_is_refused_in_the_modal_and_nothing_is_written(app: SocketApp, stub: SlackStub) -> None:
    view = open_modal(app, "U_BOB")
    for target, expected in (
        ({"plan": "hidden", "action": "H1"}, "I can't find that action"),  # led by Bob but hidden from him
        ({"plan": "alpha", "action": "1"}, "can't update alpha 1"),  # visible, but not his
    ):
        forged = view_submission(view, "U_BOB", action=json.dumps(target), note="forged")
        ack = app.server.wait_for_ack(app.server.interactive(forged))
        assert ack.payload["response_action"] == "errors" and expected in ack.payload["errors"]["action"]
    app.idle()
    assert not (app.holder.root / "updates").exists() and stub.calls("chat.postMessage") == []


def test_an_empty_note_goes_back_to_the_note_field(app: SocketApp) -> None:
    view = open_modal(app, "U_ANN")
    empty = view_submission(view, "U_ANN", action=options(view)[0], note="  ")
    ack = app.server.wait_for_ack(app.server.interactive(empty))
    assert ack.payload["errors"] == {"note": "Please add a note saying what has happened."}


def test_someone_with_nothing_to_update_is_told_privately(app: SocketApp, stub: SlackStub) -> None:
    app.server.wait_for_ack(shortcut(app.server, stub, "U_EVE", name="eve"))
    (reply,) = stub.wait_for("response/eve")
    assert reply.params["response_type"] == "ephemeral" and "can't tell which person" in reply.params["text"]
    assert stub.calls("views.open") == []


def test_a_person_who_leads_nothing_is_told_so(stub: SlackStub, server: SocketModeStub, tmp_path: Path) -> None:
    files = {"plans/alpha.yaml": MINI["plans/alpha.yaml"].replace("leads: [bob-other]", "leads: [org-director]")}
    running = start(stub, server, tmp_path, **files)
    try:
        running.server.wait_for_ack(shortcut(server, stub, "U_BOB", name="bob"))
        (reply,) = stub.wait_for("response/bob")
        assert reply.params["text"] == NONE_TO_UPDATE
    finally:
        running.close()


def test_a_long_message_and_many_actions_stay_within_slacks_limits(
    stub: SlackStub, server: SocketModeStub, tmp_path: Path
) -> None:
    running = start(stub, server, tmp_path, **{"plans/big.yaml": big_plan(150)})
    try:
        view = open_modal(running, "U_ANN", text="word " * 1200)
        assert slack_limits.view_problems(view) == []
        block = next(b for b in view["blocks"] if b.get("block_id") == "action")
        assert len(block["element"]["options"]) == 100 and "Showing 100 of your 152" in block["hint"]["text"]
        note = next(b for b in view["blocks"] if b.get("block_id") == "note")["element"]
        assert len(note["initial_value"]) == 3000 == note["max_length"]
        assert stub.calls("views.open")[0].status == 200
    finally:
        running.close()
