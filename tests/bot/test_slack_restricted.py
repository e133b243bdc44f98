"""A person outside a restricted plan learns nothing of it from any Slack reply: commands, buttons (forged or
stale), the update modal, drafts, App Home. The one rule is knowledge.visibility.may_see (docs/SCHEMA.md)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from bot.slack.update_blocks import COMPLETE, OPEN, SNOOZE
from knowledge.loader import load_knowledge_base
from tests.bot.slack_harness import RunningApp, start_app
from tests.bot.slack_stub import SlackStub
from tests.bot.test_remind_hardening import RESTRICTED_LED_BY_BOB
from tests.bot.test_slack_progress import submit, text
from tests.conftest import MINI, write_kb

# Ann is in the secret plan's visibility list and leads S1; Bob leads S2 but is not in the list.
SECRETS = ("secret", "s1", "s2", "confidential", "ann lead")


@pytest.fixture
def running(tmp_path: Path):
    files = {**MINI, "plans/secret.yaml": RESTRICTED_LED_BY_BOB}
    files["people/people.yaml"] = MINI["people/people.yaml"].replace(
        "name: Bob Other\n", "name: Bob Other\n            email: bob@example.org\n"
    )
    with SlackStub() as stub:
        stub.users["U_ANN"] = {"name": "ann", "email": "ann@example.org"}
        stub.users["U_BOB"] = {"name": "bob", "email": "bob@example.org"}
        app = start_app(stub, write_kb(tmp_path / "kb", files), tmp_path / "state.db")
        try:
            yield app
        finally:
            app.close()


def reply(app: RunningApp, name: str) -> str:
    app.idle()
    return "\n".join(json.dumps(c.params) for c in app.stub.calls(f"response/{name}"))


def assert_no_secret(text_: str, *allowed: str) -> None:
    leaked = [w for w in SECRETS if w in text_.lower() and w not in allowed]
    assert not leaked, f"{leaked} in {text_}"


def secret_updates(app: RunningApp) -> list:
    plan = load_knowledge_base(app.holder.root).plans["secret"]
    return [u for a in plan.actions for u in a.updates]


@pytest.mark.parametrize("plan", ["nosuch", "secre"])
def test_draft_of_an_unknown_plan_lists_only_visible_plans(running: RunningApp, plan: str) -> None:
    running.send_command(f"draft progress-report {plan}", channel_id="C_GENERAL", user_id="U_BOB", response="d")
    text_ = reply(running, "d")
    assert "there is no plan" in text_.lower() and "alpha" in text_
    assert_no_secret(text_, "secret" if plan == "secre" else "")


def test_update_of_an_unknown_plan_lists_only_visible_plans(running: RunningApp) -> None:
    running.send_command('update nosuch 1 in-progress "x"', user_id="U_BOB", response="u")
    text_ = reply(running, "u")
    assert "There is no plan 'nosuch' in the knowledge base. Plans: alpha (alpha plan)." in text_
    assert_no_secret(text_)


def test_update_of_a_bad_id_in_a_hidden_plan_lists_none_of_its_actions(running: RunningApp) -> None:
    running.send_command('update secret S9 in-progress "x"', user_id="U_BOB", response="u")
    text_ = reply(running, "u")
    assert "There is no plan 'secret'" in text_
    assert_no_secret(text_, "secret")  # only the user's own word comes back


def test_update_of_a_hidden_action_names_no_lead_and_writes_nothing(running: RunningApp) -> None:
    running.send_command('update secret S1 in-progress "x"', user_id="U_BOB", response="u")
    text_ = reply(running, "u")
    assert "There is no plan 'secret'" in text_
    assert_no_secret(text_, "secret", "s1")
    assert secret_updates(running) == []


@pytest.mark.parametrize("button", [OPEN, COMPLETE, SNOOZE])
@pytest.mark.parametrize("action", ["S1", "S9"])
def test_forged_buttons_for_a_hidden_plan(running: RunningApp, button: str, action: str) -> None:
    from bot.remind import RemindStore

    value = json.dumps({"plan": "secret", "action": action})
    running.send_action(button, value, user_id="U_BOB", response="b")
    text_ = reply(running, "b")
    assert "I can't find that action in any plan you can see." in text_
    assert_no_secret(text_)
    assert running.stub.calls("views.open") == []
    assert secret_updates(running) == []
    assert RemindStore(running.state).snoozed(dt.date(2000, 1, 1)) == frozenset()


def test_a_lead_outside_the_list_cannot_open_or_submit_their_restricted_action(running: RunningApp) -> None:
    value = json.dumps({"plan": "secret", "action": "S2"})  # Bob leads S2, but may not see the plan
    running.send_action(OPEN, value, user_id="U_BOB", response="b")
    assert "I can't find that action" in reply(running, "b")
    assert running.stub.calls("views.open") == []
    forged = {
        "type": "modal",
        "callback_id": "update_submit",
        "private_metadata": json.dumps({"plan": "secret", "action": "S2"}),
    }
    status, body = submit(running, "U_BOB", forged, {"note": text("forged")})
    assert status == 200 and "I can't find that action" in body
    assert_no_secret(body)
    assert secret_updates(running) == []


def test_the_listed_lead_still_can(running: RunningApp) -> None:
    running.send_action(OPEN, json.dumps({"plan": "secret", "action": "S1"}), user_id="U_ANN", response="a")
    running.idle()
    (opened,) = running.stub.calls("views.open")
    assert "Audit the confidential placement records" in json.dumps(opened.params["view"])


def test_app_home_agrees(running: RunningApp) -> None:
    for user in ("U_BOB", "U_ANN"):
        running.send_event({"type": "app_home_opened", "user": user, "channel": "D1", "tab": "home"})
    running.idle()
    views = {c.params["user_id"]: json.dumps(c.params["view"]) for c in running.stub.calls("views.publish")}
    assert "S2" not in views["U_BOB"] and "confidential" not in views["U_BOB"]
    assert "S1" in views["U_ANN"]
