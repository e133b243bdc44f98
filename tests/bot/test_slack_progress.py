"""Progress updates from Slack, end to end through the real app and the Web API stub."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.slack import progress
from bot.slack.update_blocks import COMPLETE, OPEN, SNOOZE
from knowledge.loader import load_knowledge_base
from tests.bot.slack_harness import RunningApp
from tests.bot.slack_stub import SlackStub
from tests.bot.socket_harness import start_over
from tests.conftest import MINI, write_kb

TARGET = json.dumps({"plan": "alpha", "action": "1"})


@pytest.fixture(params=["http", "socket"])
def running(request: pytest.FixtureRequest, tmp_path: Path):
    files = dict(MINI)
    files["people/people.yaml"] = MINI["people/people.yaml"].replace(
        "name: Bob Other\n", "name: Bob Other\n            email: bob@example.org\n"
    )
    kb_dir = write_kb(tmp_path / "kb", files)
    with SlackStub() as stub:
        stub.users["U_ANN"] = {"name": "ann", "email": "ann@example.org"}
        stub.users["U_BOB"] = {"name": "bob", "email": "bob@example.org"}
        app = start_over(request.param, stub, kb_dir, tmp_path / "state.db")
        try:
            yield app
        finally:
            app.close()


def submit(app: RunningApp, user: str, view: dict, values: dict) -> tuple[int, str]:
    state = {"values": {block: {"value": v} for block, v in values.items()}}
    payload = {
        "type": "view_submission",
        "team": {"id": "T0STUB"},
        "user": {"id": user, "team_id": "T0STUB"},
        "api_app_id": "A0APP",
        "token": "unused",
        "trigger_id": "1.2.3",
        "view": {**view, "id": "V1", "state": state},
    }
    return app.send_form({"payload": json.dumps(payload)})


def text(value: str) -> dict:
    return {"type": "plain_text_input", "value": value}


def select(value: str) -> dict:
    return {"type": "static_select", "selected_option": {"value": value}}


def test_button_modal_submission_writes_the_file_and_confirms(running: RunningApp) -> None:
    assert running.send_action(OPEN, TARGET, user_id="U_ANN")[0] == 200
    running.idle()
    opened = running.stub.calls("views.open")
    assert len(opened) == 1
    view = opened[0].params["view"]
    assert view["callback_id"] == progress.SUBMIT
    status, body = submit(
        running,
        "U_ANN",
        view,
        {"status": select("in-progress"), "note": text("Reviewer appointed: starts 1 Feb # really")},
    )
    assert status == 200 and body in ("", "{}")  # plain ack closes the modal
    running.idle()
    recorded = load_knowledge_base(running.holder.root).plans["alpha"].action("1").updates[-1]
    assert (recorded.by, recorded.slack_user, recorded.status) == ("ann-lead", "U_ANN", "in-progress")
    assert recorded.text == "Reviewer appointed: starts 1 Feb # really"
    dm = running.stub.calls("chat.postMessage")[-1].params
    assert dm["channel"] == "U_ANN" and "Saved your update to alpha plan, action 1, status in-progress" in dm["text"]
    answer = running.holder.engine.ask("status of action 1")
    assert "in progress" in answer.text  # immediately visible: the engine was reloaded


def test_modal_validation_errors_come_back_into_the_modal(running: RunningApp) -> None:
    running.send_action(OPEN, TARGET, user_id="U_ANN")
    running.idle()
    view = running.stub.calls("views.open")[0].params["view"]
    status, body = submit(
        running,
        "U_ANN",
        view,
        {
            "status": select("in-progress"),
            "note": text("late"),
            "due": {"type": "datepicker", "selected_date": "2001-01-01"},
            "reason": text("slipped"),
        },
    )
    assert status == 200
    answer = json.loads(body)
    assert answer["response_action"] == "errors" and "in the past" in answer["errors"]["due"]
    assert not (running.holder.root / "updates" / "alpha.yaml").exists()


def test_someone_else_is_refused_politely(running: RunningApp) -> None:
    running.send_action(OPEN, TARGET, user_id="U_BOB", response="bob")
    running.idle()
    assert running.stub.calls("views.open") == []
    reply = running.stub.calls("response/bob")[0].params
    assert "only its lead(s) or the plan's editors can (Ann Lead)" in reply["text"]


def test_mark_complete_twice_records_once(running: RunningApp) -> None:
    running.send_action(COMPLETE, TARGET, user_id="U_ANN", response="c1")
    running.idle()
    running.send_action(COMPLETE, TARGET, user_id="U_ANN", response="c2")
    running.idle()
    assert "status complete" in running.stub.calls("response/c1")[0].params["text"]
    assert "already marked complete" in running.stub.calls("response/c2")[0].params["text"]
    updates = load_knowledge_base(running.holder.root).plans["alpha"].action("1").updates
    assert [u.status for u in updates] == ["complete"]


def test_snooze_and_pause_reminders(running: RunningApp) -> None:
    from bot.remind import RemindStore

    running.send_action(SNOOZE, TARGET, user_id="U_ANN", response="s")
    running.idle()
    assert "left out of your reminders up to and including" in running.stub.calls("response/s")[0].params["text"]
    store = RemindStore(running.state)
    import datetime as dt

    assert ("alpha", "1") in store.snoozed(dt.date.today())
    from tests.bot.slack_harness import dm

    running.send_event(dm("pause reminders", user="U_ANN"))
    running.idle()
    assert store.paused() == {"ann-lead"}
    assert "Paused" in running.stub.calls("chat.postMessage")[-1].params["text"]
    running.send_event(dm("resume reminders", user="U_ANN", ts="1700000009.000100"))
    running.idle()
    assert store.paused() == set()


def test_slash_update_command(running: RunningApp) -> None:
    running.send_command(
        'update alpha 1 in-progress "Half the records reviewed: 40 of 80"', user_id="U_ANN", response="u"
    )
    running.idle()
    assert "Saved your update" in running.stub.calls("response/u")[0].params["text"]
    assert load_knowledge_base(running.holder.root).plans["alpha"].action("1").updates[-1].text == (
        "Half the records reviewed: 40 of 80"
    )
    running.send_command("update alpha 1 done 'x'", user_id="U_ANN", response="bad")
    running.idle()
    assert "Unknown status 'done'" in running.stub.calls("response/bad")[0].params["text"]


def test_single_action_answers_carry_update_buttons(running: RunningApp) -> None:
    from bot.slack.blocks import answer_message

    message = answer_message(running.holder.engine.ask("who leads action 1"))
    ids = [e["action_id"] for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert {OPEN, COMPLETE, SNOOZE} <= set(ids)
