"""Listener handlers called as plain functions: mentions, DMs, the slash command, buttons, App Home, errors."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from slack_sdk import WebClient

from bot.slack import commands, errors, events, home
from bot.slack.deps import Deps
from bot.slack.reload import EngineHolder
from bot.state import State
from knowledge.engine import Engine
from knowledge.loader import load_knowledge_base
from tests.bot.slack_harness import SECRET_PLAN, dm, mention
from tests.bot.slack_stub import SlackStub
from tests.conftest import MINI, write_kb

TODAY = dt.date(2025, 1, 6)


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    return write_kb(tmp_path / "kb", {**MINI, "plans/secret.yaml": SECRET_PLAN})


@pytest.fixture
def engine(kb_dir: Path) -> Engine:
    return Engine(load_knowledge_base(kb_dir))


@pytest.fixture
def stub() -> Iterator[SlackStub]:
    with SlackStub() as running:
        yield running


@pytest.fixture
def client(stub: SlackStub) -> WebClient:
    return WebClient(token="xoxb-test", base_url=stub.api_url)


@pytest.fixture
def deps(kb_dir: Path, tmp_path: Path) -> Deps:
    return Deps(EngineHolder(kb_dir, load=load_knowledge_base), State(tmp_path / "state.db"), lambda: TODAY)


class Recorder:
    """A stand-in for Bolt's respond(): records what it was given."""

    def __init__(self, status: int = 200) -> None:
        self.sent: list[dict] = []
        self.status_code = status

    def __call__(self, **message: object) -> Recorder:
        self.sent.append(message)
        return self


# -- events -------------------------------------------------------------------------------------
def test_mention_reply_is_threaded_on_the_mention(engine: Engine) -> None:
    reply = events.mention_reply(mention("who leads action 1", ts="1700.1"), engine, TODAY)
    assert (reply["channel"], reply["thread_ts"]) == ("C_GENERAL", "1700.1")
    assert "Corporate Director (Ann Lead)" in reply["text"]


def test_mention_inside_a_thread_replies_in_that_thread(engine: Engine) -> None:
    event = {**mention("who leads action 1", ts="1700.9"), "thread_ts": "1700.1"}
    assert events.mention_reply(event, engine, TODAY)["thread_ts"] == "1700.1"


def test_restricted_plan_is_hidden_from_a_mention_in_another_channel(engine: Engine) -> None:
    hidden = events.mention_reply(mention("who leads action S1", channel="C_OTHER"), engine, TODAY)
    assert "Audit the confidential" not in str(hidden["blocks"]) and "There is no action" in hidden["text"]
    assert "restricted" not in str(hidden["blocks"]).lower()  # nothing says a restricted plan exists
    shown = events.mention_reply(mention("who leads action S1", channel="C_PRIVATE"), engine, TODAY)
    assert "Audit the confidential placement records" in str(shown["blocks"])


@pytest.mark.parametrize(
    ("event", "answered"),
    [
        (dm("who leads action 1"), True),
        (dm("who leads action 1", bot_id="B0BOT"), False),
        (dm("edited", subtype="message_changed"), False),
        (dm("joined", subtype="channel_join"), False),
        ({**dm("in a channel"), "channel_type": "channel"}, False),
        (dm("   "), False),
    ],
)
def test_only_a_persons_new_direct_message_is_a_question(event: dict, answered: bool) -> None:
    assert events.is_question_dm(event) is answered


def test_dm_reply_sees_plans_restricted_to_that_person(engine: Engine) -> None:
    event = dm("who leads action S1")
    assert "Audit the confidential" in str(events.dm_reply(event, engine, TODAY, person="ann-lead")["blocks"])
    assert "Audit the confidential" not in str(events.dm_reply(event, engine, TODAY, person="bob-other")["blocks"])
    assert "thread_ts" not in events.dm_reply(event, engine, TODAY)


def test_handle_message_resolves_the_person_and_posts(client: WebClient, stub: SlackStub, deps: Deps) -> None:
    stub.users["U_ANN"] = {"name": "ann", "email": "ann@example.org"}
    events.handle_message(dm("who leads action S1", user="U_ANN"), client, deps)
    posted = stub.calls("chat.postMessage")
    assert len(posted) == 1 and "Audit the confidential" in str(posted[0].params["blocks"])
    events.handle_message(dm("ignored", subtype="message_changed"), client, deps)
    assert len(stub.calls("chat.postMessage")) == 1


def test_handle_mention_posts_once(client: WebClient, stub: SlackStub, deps: Deps) -> None:
    events.handle_mention(mention("who leads action 1"), client, deps)
    assert [c.params["thread_ts"] for c in stub.calls("chat.postMessage")] == ["1700000000.000100"]


# -- slash command and buttons --------------------------------------------------------------------
def command(text: str, channel_id: str = "C_GENERAL", channel_name: str = "general") -> dict:
    return {
        "command": "/actions",
        "text": text,
        "channel_id": channel_id,
        "channel_name": channel_name,
        "user_id": "U_ASKER",
    }


def test_command_answers_privately_with_a_share_button(engine: Engine) -> None:
    reply = commands.command_reply(command("who leads action 1"), engine, TODAY)
    assert reply["response_type"] == "ephemeral" and "Corporate Director (Ann Lead)" in reply["text"]
    share = [
        e for b in reply["blocks"] if b["type"] == "actions" for e in b["elements"] if e["action_id"] == "share_answer"
    ]
    assert [e["value"] for e in share] == ["who leads action 1"]


@pytest.mark.parametrize("text", ["", "help", "  HELP "])
def test_command_help(engine: Engine, text: str) -> None:
    reply = commands.command_reply(command(text), engine, TODAY)
    assert reply["response_type"] == "ephemeral" and "`/actions <question>`" in reply["text"]


def test_command_in_a_dm_counts_the_person(engine: Engine) -> None:
    asked = command("who leads action S1", channel_id="D_ANN", channel_name="directmessage")
    assert "Audit the confidential" in str(commands.command_reply(asked, engine, TODAY, "ann-lead")["blocks"])
    assert "Audit the confidential" not in str(commands.command_reply(asked, engine, TODAY, None)["blocks"])


def share_body(question: str, channel: str) -> dict:
    return {
        "type": "block_actions",
        "user": {"id": "U_ASKER"},
        "channel": {"id": channel, "name": "x"},
        "actions": [{"action_id": "share_answer", "value": question}],
    }


def test_share_posts_in_channel_and_asks_again_for_that_channel(engine: Engine) -> None:
    reply = commands.share_reply(share_body("who leads action S1", "C_PRIVATE"), engine, TODAY)
    assert reply["response_type"] == "in_channel" and reply["replace_original"] is False
    assert "Audit the confidential" in str(reply["blocks"]) and "Shared by <@U_ASKER>" in str(reply["blocks"])
    leaked = commands.share_reply(share_body("who leads action S1", "C_OTHER"), engine, TODAY)
    assert "Audit the confidential" not in str(leaked["blocks"])


def test_handle_share_posts_then_deletes_the_private_copy(deps: Deps, client: WebClient) -> None:
    respond = Recorder()
    commands.handle_share(share_body("who leads action 1", "C_GENERAL"), respond, client, deps)
    assert respond.sent[0]["response_type"] == "in_channel"
    assert respond.sent[1] == {"delete_original": True}


def test_follow_up_button_answers_privately(engine: Engine) -> None:
    body = {**share_body("status of action 1 in alpha plan", "C_GENERAL")}
    reply = commands.button_reply(body, engine, TODAY)
    assert reply["response_type"] == "ephemeral" and reply["text"].startswith("Status of alpha plan, action 1")


def test_a_refused_response_url_is_an_error_not_silence() -> None:
    with pytest.raises(commands.ReplyError, match="404"):
        commands.send(Recorder(status=404), text="x")


# -- App Home ----------------------------------------------------------------------------------
def test_your_actions_groups_by_due_date(engine: Engine) -> None:
    groups, hidden = home.your_actions(engine, "ann-lead", TODAY)
    titles = {name: [i.title for i in items] for name, items in groups}
    assert titles == {"Overdue": ["alpha plan, action 1", "secret plan, action S1"], "Due soon": [], "Others": []}
    assert hidden is False
    groups, _ = home.your_actions(engine, "ann-lead", dt.date(2020, 3, 10))
    assert {name: len(items) for name, items in groups} == {"Overdue": 0, "Due soon": 1, "Others": 1}


def test_your_actions_hides_plans_restricted_to_someone_else(engine: Engine) -> None:
    groups, hidden = home.your_actions(engine, "bob-other", TODAY)
    assert hidden is True
    assert [i.title for _, items in groups for i in items] == ["alpha plan, action 2"]


def test_home_opened_publishes_your_actions(client: WebClient, stub: SlackStub, deps: Deps) -> None:
    stub.users["U_ANN"] = {"name": "ann", "email": "ann@example.org"}
    home.handle_home_opened({"type": "app_home_opened", "user": "U_ANN", "tab": "home"}, client, deps)
    published = stub.calls("views.publish")
    assert len(published) == 1 and published[0].params["user_id"] == "U_ANN"
    view = published[0].params["view"]
    assert view["blocks"][0]["text"]["text"] == "Your actions"
    assert "*Overdue (2)*" in str(view["blocks"])
    home.handle_home_opened({"type": "app_home_opened", "user": "U_ANN", "tab": "messages"}, client, deps)
    assert len(stub.calls("views.publish")) == 1


def test_home_for_an_unmatched_user(engine: Engine) -> None:
    view = home.home_for("U_NOBODY", engine, None, TODAY)
    assert "slack_id: U_NOBODY" in str(view["blocks"])


# -- errors ------------------------------------------------------------------------------------
def boom() -> Exception:
    try:
        raise RuntimeError("kaboom")
    except RuntimeError as exc:
        return exc


def test_error_in_a_mention_is_apologised_for_in_the_thread_and_logged_with_the_ref(
    client: WebClient, stub: SlackStub, caplog: pytest.LogCaptureFixture
) -> None:
    body = {"event_id": "Ev1", "event": mention("x", ts="1700.5")}
    with caplog.at_level(logging.ERROR, logger="bot.slack.errors"):
        ref = errors.handle_error(boom(), body, client, None)
    posted = stub.calls("chat.postMessage")[0].params
    assert posted["text"].startswith(f"Sorry, something went wrong (ref {ref})") and posted["thread_ts"] == "1700.5"
    record = next(r for r in caplog.records if ref in r.getMessage())
    assert record.exc_info is not None and "kaboom" in caplog.text and "Traceback" in caplog.text


def test_error_in_a_command_is_apologised_for_privately() -> None:
    respond = Recorder()
    ref = errors.handle_error(boom(), {"command": "/actions", "response_url": "http://x/response/1"}, None, respond)
    assert respond.sent[0]["response_type"] == "ephemeral" and f"(ref {ref})" in respond.sent[0]["text"]


def test_error_with_no_one_to_tell_is_only_logged(
    client: WebClient, stub: SlackStub, caplog: pytest.LogCaptureFixture
) -> None:
    body = {"event": {"type": "app_home_opened", "user": "U1"}}
    with caplog.at_level(logging.ERROR, logger="bot.slack.errors"):
        ref = errors.handle_error(boom(), body, client, None)
    assert stub.calls() == [] and ref in caplog.text


def test_follow_up_in_the_same_thread_means_the_last_subject(engine: Engine) -> None:
    from bot.slack.memory import Memory

    memory = Memory()
    first = mention("who leads action 1", ts="1700.1")
    events.mention_reply(first, engine, TODAY, memory)
    follow = {**mention("when is it due?", ts="1700.2"), "thread_ts": "1700.1"}
    assert "due March 2020" in events.mention_reply(follow, engine, TODAY, memory)["text"]
    elsewhere = {**mention("when is it due?", ts="1800.2", channel="C_OTHER"), "thread_ts": "1700.1"}
    assert "due March 2020" not in events.mention_reply(elsewhere, engine, TODAY, memory)["text"]


def test_memory_forgets_after_its_ttl() -> None:
    from bot.slack.memory import Memory

    memory = Memory(ttl=10)
    memory.remember(("C", "1"), ("action", "alpha", "1"), now=100.0)
    assert memory.recall(("C", "1"), now=105.0) == ("action", "alpha", "1")
    assert memory.recall(("C", "1"), now=111.0) is None
