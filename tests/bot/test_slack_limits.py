"""The Web API stub enforces Slack's Block Kit and view limits, so a builder real Slack would refuse fails here."""

from __future__ import annotations

import json
from pathlib import Path

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack import progress
from bot.slack.update_blocks import OPEN
from knowledge.loader import load_knowledge_base
from tests.bot import slack_limits
from tests.bot.slack_stub import SlackStub
from tests.bot.test_slack_progress import TARGET, running  # noqa: F401  (fixture)
from tests.conftest import MINI, write_kb


def section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def test_each_documented_limit_is_caught() -> None:
    assert slack_limits.message_problems({"blocks": [section("x")] * 50}) == []
    assert slack_limits.message_problems({"blocks": [section("x")] * 51})
    assert slack_limits.message_problems({"blocks": [section("x" * 3001)]})
    assert slack_limits.message_problems(
        {"blocks": [{"type": "header", "text": {"type": "plain_text", "text": "h" * 151}}]}
    )
    button = {"type": "button", "action_id": "a", "text": {"type": "plain_text", "text": "b" * 76}, "value": "v"}
    assert slack_limits.message_problems({"blocks": [{"type": "actions", "elements": [button]}]})
    field = {"type": "plain_text_input", "action_id": "value", "max_length": 4000}
    view = {
        "type": "modal",
        "title": {"type": "plain_text", "text": "Add update"},
        "submit": {"type": "plain_text", "text": "Save"},
        "blocks": [{"type": "input", "label": {"type": "plain_text", "text": "Note"}, "element": field}],
    }
    assert any("max_length" in p for p in slack_limits.view_problems(view))
    field["max_length"] = 3000
    assert slack_limits.view_problems(view) == []
    assert slack_limits.view_problems({**view, "title": {"type": "plain_text", "text": "t" * 25}})


def test_the_stub_refuses_what_slack_refuses() -> None:
    with SlackStub() as stub:
        client = WebClient(token="xoxb-test", base_url=stub.api_url)
        try:
            client.chat_postMessage(channel="C1", text="x", blocks=[section("x" * 3001)])
        except SlackApiError as exc:
            assert exc.response["error"] == "invalid_blocks"
        else:
            raise AssertionError("3,001 characters in a section were accepted")
        assert stub.messages == {}


def test_the_add_update_modal_is_accepted_by_slack(tmp_path: Path) -> None:
    kb = load_knowledge_base(write_kb(tmp_path / "kb", MINI))
    action = kb.plans["alpha"].action("1")
    view = progress.update_modal(action, "alpha plan, action 1", "C1")
    assert slack_limits.view_problems(view) == []  # its note input asked for max_length 4000: Slack allows 3000
    with SlackStub() as stub:
        WebClient(token="xoxb-test", base_url=stub.api_url).views_open(trigger_id="1.2.3", view=view)


def test_add_update_button_opens_the_modal_without_an_error(running) -> None:  # noqa: F811
    running.send_action(OPEN, TARGET, user_id="U_ANN", response="open")
    running.idle()
    (opened,) = running.stub.calls("views.open")
    assert slack_limits.view_problems(opened.params["view"]) == []
    assert running.stub.calls("response/open") == []  # no apology: views.open succeeded
    assert json.loads(opened.params["view"]["private_metadata"])["plan"] == "alpha"
