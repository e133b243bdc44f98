"""Offline end to end: the real app over HTTP with signing on, a real WebClient, and the local Web API stub."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.slack.reload import EngineHolder
from tests.bot.slack_harness import (
    SECRET_PLAN,
    RunningApp,
    assert_within_limits,
    big_plan,
    dm,
    event_body,
    mention,
    post,
    signed_headers,
    start_app,
)
from tests.bot.slack_stub import SlackStub
from tests.conftest import MINI, write_kb

CONFIDENTIAL = "Audit the confidential placement records"


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[SlackStub]:
    with SlackStub() as running:
        monkeypatch.setenv("SLACK_API_URL", running.api_url)
        yield running


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    return write_kb(tmp_path / "kb", {**MINI, "plans/secret.yaml": SECRET_PLAN})


@pytest.fixture
def state_path(tmp_path: Path) -> Path:
    return tmp_path / "state" / "state.db"


@pytest.fixture
def app(stub: SlackStub, kb_dir: Path, state_path: Path) -> Iterator[RunningApp]:
    running = start_app(stub, kb_dir, state_path)
    yield running
    running.close()


def posts(stub: SlackStub) -> list[dict]:
    return [c.params for c in stub.calls("chat.postMessage")]


def test_the_app_checked_its_token_against_the_stub(app: RunningApp, stub: SlackStub) -> None:
    (call,) = stub.calls("auth.test")
    assert call.headers["authorization"] == "Bearer xoxb-1111-2222-stubtoken"


def test_mention_who_leads_7a_on_the_bundled_knowledge_base(
    stub: SlackStub, state_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ACTIONBOT_KB", raising=False)
    running = start_app(stub, Path("unused"), state_path, holder=EngineHolder())
    try:
        assert running.send_event(mention("who leads action 7a", ts="1712345678.000200")) == 200
        running.idle()
    finally:
        running.close()
    (reply,) = posts(stub)
    assert reply["channel"] == "C_GENERAL" and reply["thread_ts"] == "1712345678.000200"
    assert "Corporate Director (Catherine Underwood)" in reply["text"]
    assert "Corporate Director (Catherine Underwood)" in json.dumps(reply["blocks"])
    assert_within_limits(reply)


def test_mention_is_answered_once_in_its_thread(app: RunningApp, stub: SlackStub) -> None:
    assert app.send_event(mention("who leads action 1", ts="1700000000.000100")) == 200
    app.idle()
    (reply,) = posts(stub)
    assert reply["thread_ts"] == "1700000000.000100"
    assert reply["text"].startswith("Lead of alpha plan, action 1: Corporate Director (Ann Lead).")


def test_bad_signature_gets_401_and_posts_nothing(app: RunningApp, stub: SlackStub) -> None:
    assert app.send_event(mention("who leads action 1"), event_id="EvForged", secret="f" * 32) == 401
    body = event_body(mention("who leads action 1"))
    tampered = signed_headers(body)
    assert post(app.url, body.replace("action 1", "action 2"), tampered, "application/json")[0] == 401
    app.idle()
    assert posts(stub) == []
    # a forged request does not use up the event id: the genuine delivery is still answered
    assert app.send_event(mention("who leads action 1"), event_id="EvForged") == 200
    app.idle()
    assert len(posts(stub)) == 1


def test_ten_minute_old_request_gets_401_and_posts_nothing(app: RunningApp, stub: SlackStub) -> None:
    assert app.send_event(mention("who leads action 1"), timestamp=int(time.time()) - 600) == 401
    status, _ = post(app.url, "{}", {}, "application/json")  # and no signature at all
    assert status == 401
    app.idle()
    assert posts(stub) == []


def test_a_retried_event_is_answered_once_even_across_a_restart(
    app: RunningApp, stub: SlackStub, kb_dir: Path, state_path: Path
) -> None:
    event = mention("who leads action 1")
    assert app.send_event(event, event_id="EvDup") == 200
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    assert app.send_event(event, event_id="EvDup", headers=retry) == 200
    app.idle()
    assert len(posts(stub)) == 1
    app.close()
    restarted = start_app(stub, kb_dir, state_path)
    try:
        retry = {"X-Slack-Retry-Num": "2", "X-Slack-Retry-Reason": "http_timeout"}
        assert restarted.send_event(event, event_id="EvDup", headers=retry) == 200
        assert restarted.send_event(mention("who leads action 2"), event_id="EvOther") == 200
        restarted.idle()
    finally:
        restarted.close()
    texts = [p["text"] for p in posts(stub)]
    assert len(texts) == 2 and "action 2" in texts[1]


def test_slash_command_answer_reaches_the_response_url(app: RunningApp, stub: SlackStub) -> None:
    status, body = app.send_command("who leads action 1", response="cmd1")
    assert (status, body) == (200, "")
    (reply,) = stub.wait_for("response/cmd1")
    assert reply.params["response_type"] == "ephemeral"
    assert "Corporate Director (Ann Lead)" in reply.params["text"]
    buttons = [e for b in reply.params["blocks"] if b["type"] == "actions" for e in b["elements"]]
    share = next(e for e in buttons if e["action_id"] == "share_answer")
    status, _ = app.send_action("share_answer", share["value"], response="share1")
    assert status == 200
    shared, deleted = stub.wait_for("response/share1", count=2)
    assert shared.params["response_type"] == "in_channel" and "Shared by <@U_ASKER>" in json.dumps(shared.params)
    assert deleted.params["delete_original"] is True and "blocks" not in deleted.params
    assert posts(stub) == []  # everything went through response_urls


def test_slash_help(app: RunningApp, stub: SlackStub) -> None:
    app.send_command("help", response="help1")
    (reply,) = stub.wait_for("response/help1")
    assert "`/actions <question>`" in reply.params["text"]


def test_restricted_plan_is_not_shown_in_another_channel(app: RunningApp, stub: SlackStub) -> None:
    app.send_event(mention("who leads action S1", channel="C_OTHER", ts="1.1"))
    app.send_event(mention("what is overdue", channel="C_OTHER", ts="1.2"))
    app.send_command("what is overdue", channel_id="C_OTHER", response="other")
    app.send_event(mention("who leads action S1", channel="C_PRIVATE", ts="1.3"))
    app.idle()
    replies = {p["thread_ts"]: json.dumps(p) for p in posts(stub)}
    command_reply = json.dumps(stub.wait_for("response/other")[0].params)
    for hidden in (replies["1.1"], replies["1.2"], command_reply):
        assert CONFIDENTIAL not in hidden and "secret plan" not in hidden
        assert "restricted" not in hidden.lower()  # nothing says that a restricted plan exists
    assert "alpha plan, action 1" in replies["1.2"]  # the unrestricted overdue action is still there
    assert CONFIDENTIAL in replies["1.3"]


def test_a_429_is_retried_after_retry_after_and_the_message_arrives(app: RunningApp, stub: SlackStub) -> None:
    stub.rate_limit("chat.postMessage", times=1, retry_after=1)
    assert app.send_event(mention("who leads action 1")) == 200
    (delivered,) = stub.wait_for("chat.postMessage", timeout=10)
    attempts = stub.calls("chat.postMessage", status=None)
    assert [c.status for c in attempts] == [429, 200]
    assert delivered.at - attempts[0].at >= 1.0  # it waited out Retry-After
    assert "Corporate Director (Ann Lead)" in delivered.params["text"]


def test_a_200_item_answer_stays_within_block_limits(stub: SlackStub, tmp_path: Path, state_path: Path) -> None:
    kb_dir = write_kb(tmp_path / "big", {**MINI, "plans/big.yaml": big_plan(200)})
    running = start_app(stub, kb_dir, state_path)
    try:
        running.send_event(mention("what is overdue in the big plan"))
        running.idle()
    finally:
        running.close()
    (reply,) = posts(stub)
    assert reply["text"].startswith("200 overdue")
    assert_within_limits(reply)
    dumped = json.dumps(reply["blocks"])
    assert "Showing 1\\u201320 of 200" in dumped
    assert '"value": "page 2: what is overdue in the big plan"' in dumped  # the "Show more" button


def test_direct_message_is_answered_and_bot_echoes_are_not(app: RunningApp, stub: SlackStub) -> None:
    app.send_event(dm("who leads action 1", channel="D_ASKER"))
    app.send_event(dm("Lead of alpha plan...", user="U0BOT", bot_id="B0BOT"))
    app.send_event(dm("who leads action 1 (edited)", subtype="message_changed"))
    app.idle()
    (reply,) = posts(stub)
    assert reply["channel"] == "D_ASKER" and "thread_ts" not in reply


def test_app_home_shows_your_actions(app: RunningApp, stub: SlackStub) -> None:
    stub.users["U_ANN"] = {"name": "ann", "email": "ann@example.org"}
    app.send_event({"type": "app_home_opened", "user": "U_ANN", "channel": "D_ANN", "tab": "home"})
    app.idle()
    (published,) = stub.calls("views.publish")
    view = json.dumps(published.params["view"])
    assert "Your actions" in view and "alpha plan, action 1" in view and CONFIDENTIAL[:20] in view


def test_a_bug_shows_a_ref_to_the_user_and_logs_the_traceback(
    app: RunningApp, stub: SlackStub, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("engine bug")

    monkeypatch.setattr(app.holder.engine, "ask", broken)
    with caplog.at_level(logging.ERROR):
        app.send_event(mention("who leads action 1", ts="9.9"))
        app.idle()
    (reply,) = posts(stub)
    assert reply["thread_ts"] == "9.9" and reply["text"].startswith("Sorry, something went wrong (ref ")
    ref = reply["text"].split("(ref ")[1].split(")")[0]
    record = next(r for r in caplog.records if f"ref {ref}" in r.getMessage())
    assert record.exc_info is not None and record.exc_info[0] is ZeroDivisionError


def test_url_verification_challenge_is_answered(app: RunningApp) -> None:
    body = json.dumps({"token": "x", "challenge": "c-123", "type": "url_verification"})
    status, text = post(app.url, body, signed_headers(body), "application/json")
    assert status == 200 and "c-123" in text


def test_a_reloaded_knowledge_base_answers_the_next_question(app: RunningApp, stub: SlackStub, kb_dir: Path) -> None:
    path = kb_dir / "plans" / "alpha.yaml"
    path.write_text(path.read_text().replace("leads: [org-director]", "leads: [bob-other]"))
    assert app.holder.poll() is True
    app.send_event(mention("who leads action 1"))
    app.idle()
    (reply,) = posts(stub)
    assert "Bob Other" in reply["text"]
