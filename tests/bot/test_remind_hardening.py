"""Reminders when things go wrong: a lost or corrupt state file, a failed post, a dropped connection, and
restricted plans in digests and in the coordinators' summary. All through the Web API stub."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest
from slack_sdk import WebClient
from slack_sdk.http_retry import RateLimitErrorRetryHandler

from bot.cli import main
from bot.remind import EVENT_TYPE, SUMMARY_EVENT, Reminder
from bot.settings import Settings
from bot.slack.app import make_client
from bot.state import State
from knowledge.digest import compose
from knowledge.loader import load_knowledge_base
from knowledge.models import KnowledgeBase
from tests.bot.slack_stub import SlackStub
from tests.bot.test_remind import TODAY, with_slack_ids
from tests.conftest import MINI, write_kb

LEADS = ["laurence-jones", "pam-rosseter", "catherine-underwood"]


@pytest.fixture
def stub():
    with SlackStub() as s:
        yield s


@pytest.fixture
def kb(bundled: KnowledgeBase) -> KnowledgeBase:
    return with_slack_ids(bundled, LEADS)  # U0000, U0001, U0002: DMs D0000, D0001, D0002


def client_for(stub: SlackStub) -> WebClient:
    return WebClient(token="xoxb-test", base_url=stub.api_url, retry_handlers=[RateLimitErrorRetryHandler()])


def digests(stub: SlackStub) -> list[dict]:
    return [
        c.params
        for c in stub.calls("chat.postMessage")
        if (c.params.get("metadata") or {}).get("event_type") == EVENT_TYPE
    ]


def delivered(stub: SlackStub) -> list[str]:
    """The people whose digest Slack accepted (and shows in the DM's history)."""
    return [
        m["metadata"]["event_payload"]["person"]
        for messages in stub.messages.values()
        for m in messages
        if (m.get("metadata") or {}).get("event_type") == EVENT_TYPE
    ]


def summaries(stub: SlackStub) -> list[dict]:
    return [c.params for c in stub.calls("chat.postMessage") if c.params.get("channel") == "CCOORD"]


def run(kb: KnowledgeBase, stub: SlackStub, state_file: Path, **kwargs) -> object:
    return Reminder(kb, client_for(stub), State(state_file), coordinators="CCOORD", retry_wait=0, **kwargs).run(TODAY)


# -- 2. lost or corrupt state -------------------------------------------------------------------
def test_state_file_deleted_between_two_runs_sends_nothing_twice(
    kb: KnowledgeBase, stub: SlackStub, tmp_path: Path
) -> None:
    state_file = tmp_path / "state.db"
    first = run(kb, stub, state_file)
    assert sorted(first.sent) == sorted(LEADS) and first.summary_posted
    for suffix in ("", "-wal", "-shm"):
        Path(f"{state_file}{suffix}").unlink(missing_ok=True)
    second = run(kb, stub, state_file)
    assert second.sent == [] and sorted(second.recovered) == sorted(LEADS)
    assert len(digests(stub)) == 3 and len(summaries(stub)) == 1  # zero second posts, leads and coordinators
    assert second.summary_already and not second.summary_posted
    third = run(kb, stub, state_file)  # what was found is recorded: the next run needs no search
    assert sorted(third.already) == sorted(LEADS)


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_corrupt_state_file_is_moved_aside_and_nothing_is_sent_twice(
    damage: str, kb: KnowledgeBase, stub: SlackStub, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    state_file = tmp_path / "state.db"
    run(kb, stub, state_file)
    State(state_file).connect().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = state_file.read_bytes()
    assert len(data) > 8192
    state_file.write_bytes(b"\x00garbage\xff" * 500 if damage == "garbage" else data[: len(data) // 2])
    caplog.set_level(logging.WARNING)
    second = run(kb, stub, state_file)  # the old code: sqlite3.DatabaseError
    assert second.sent == [] and sorted(second.recovered) == sorted(LEADS)
    assert len(digests(stub)) == 3 and len(summaries(stub)) == 1
    aside = list(tmp_path.glob("state.db.corrupt-*"))
    assert [p for p in aside if not p.name.endswith(("-wal", "-shm"))]
    assert str(state_file) in caplog.text and "moved it to" in caplog.text


def test_cli_remind_on_a_corrupt_state_file(
    stub: SlackStub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    kb_dir = write_kb(tmp_path / "kb", MINI)
    stub.users["UANN"] = {"name": "ann", "email": "ann@example.org"}
    state_file = tmp_path / "state.db"
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_API_URL", stub.api_url)
    monkeypatch.setenv("ACTIONBOT_STATE", str(state_file))
    monkeypatch.setenv("ACTIONBOT_REMIND_PACE", "0")
    args = ["remind", "--today", "2021-01-04", "--kb", str(kb_dir)]
    assert main(args) == 0
    assert len(digests(stub)) == 1
    import gc

    gc.collect()  # close the first run's connections, as a process exit would
    for suffix in ("-wal", "-shm"):
        Path(f"{state_file}{suffix}").unlink(missing_ok=True)
    state_file.write_bytes(b"this is not a database" * 300)
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "DatabaseError" not in err
    assert str(state_file) in err and "moved it to" in err
    assert "found already in Slack 1" in out
    assert len(digests(stub)) == 1


# -- 3. one failed post does not stop the run ---------------------------------------------------
def test_second_of_three_leads_fails_and_the_others_are_still_delivered(
    kb: KnowledgeBase, stub: SlackStub, tmp_path: Path
) -> None:
    order = [d.person for d in compose(kb, TODAY).digests if d.person in LEADS]  # the order the run sends in
    failing = order[1]
    second_dm = "D" + f"{LEADS.index(failing):04d}"
    normal = stub.answer

    def answer(method: str, params: dict):
        if method == "chat.postMessage" and params.get("channel") == second_dm:
            return 200, {}, {"ok": False, "error": "channel_not_found"}
        return normal(method, params)

    stub.answer = answer  # type: ignore[method-assign]
    report = run(kb, stub, tmp_path / "s.db")
    assert sorted(report.sent) == sorted(p for p in LEADS if p != failing)
    assert [(d.person, why) for d, why in report.failed] == [(failing, "channel_not_found")]
    (summary,) = summaries(stub)
    name = kb.people[failing].name
    assert f"*{name}* (not delivered: channel_not_found)" in json.dumps(summary["blocks"])
    stub.answer = normal  # type: ignore[method-assign]
    retry = run(kb, stub, tmp_path / "s.db")  # the next run delivers the one that failed, and only it
    assert retry.sent == [failing] and sorted(delivered(stub)) == sorted(LEADS)


def test_coordinators_channel_not_in_channel_is_reported_and_leads_still_get_digests(
    stub: SlackStub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    kb_dir = write_kb(tmp_path / "kb", MINI)
    stub.users["UANN"] = {"name": "ann", "email": "ann@example.org"}
    normal = stub.answer

    def answer(method: str, params: dict):
        if method == "chat.postMessage" and params.get("channel") == "CCOORD":
            return 200, {}, {"ok": False, "error": "not_in_channel"}
        if method == "conversations.history" and params.get("channel") == "CCOORD":
            return 200, {}, {"ok": False, "error": "not_in_channel"}
        return normal(method, params)

    stub.answer = answer  # type: ignore[method-assign]
    for name, value in {
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_API_URL": stub.api_url,
        "ACTIONBOT_STATE": str(tmp_path / "s.db"),
        "ACTIONBOT_REMIND_PACE": "0",
        "ACTIONBOT_COORDINATORS_CHANNEL": "CCOORD",
    }.items():
        monkeypatch.setenv(name, value)
    assert main(["remind", "--today", "2021-01-04", "--kb", str(kb_dir)]) == 1
    err = capsys.readouterr().err
    assert len(digests(stub)) == 1  # Ann's digest went
    assert "not posted to CCOORD: not_in_channel" in err and "/invite @actionbot" in err
    assert "Traceback" not in err


def test_a_retryable_error_is_retried_once_it_is_known_not_to_have_arrived(
    kb: KnowledgeBase, stub: SlackStub, tmp_path: Path
) -> None:
    normal, failures = stub.answer, []

    def answer(method: str, params: dict):
        if method == "chat.postMessage" and params.get("channel") == "D0000" and not failures:
            failures.append(1)
            return 200, {}, {"ok": False, "error": "internal_error"}
        return normal(method, params)

    stub.answer = answer  # type: ignore[method-assign]
    report = run(kb, stub, tmp_path / "s.db")
    assert sorted(report.sent) == sorted(LEADS) and report.failed == []
    assert len([d for d in digests(stub) if d["channel"] == "D0000"]) == 2  # the refused attempt and the retry
    history = [c.params for c in stub.calls("conversations.history") if c.params.get("channel") == "D0000"]
    assert len(history) == 2  # before the first post, and before the retry


def test_a_connection_lost_after_slack_posted_never_gives_two_digests(
    kb: KnowledgeBase, stub: SlackStub, tmp_path: Path
) -> None:
    # the production client: slack_sdk's ConnectionErrorRetryHandler would post the digest again, blind
    client = make_client(Settings("xoxb-test", "", None, stub.api_url, tmp_path / "s.db"))
    stub.drop_connection("chat.postMessage", times=1)
    report = Reminder(kb, client, State(tmp_path / "s.db"), retry_wait=0).run(TODAY)
    posted = [d["metadata"]["event_payload"]["person"] for d in digests(stub)]
    assert sorted(posted) == sorted(LEADS)  # each exactly once: the dropped one was found in the history
    assert sorted(report.sent) == sorted(LEADS) and report.failed == []


# -- 4. restricted plans in digests and the summary ---------------------------------------------
RESTRICTED_LED_BY_BOB = """
    plan:
      id: secret
      title: Secret Review Plan
      short_names: [secret plan]
      visibility: {restricted: true, channels: [C_PRIVATE], people: [ann-lead]}
      source: {seed: test, quote: "Secret"}
      actions:
        - id: "S1"
          text: Audit the confidential placement records
          leads: [ann-lead]
          timescale: "by June 2020"
          due: "2020-06"
          status: in-progress
          source: {seed: test, quote: "S1."}
        - id: "S2"
          text: Interview the confidential witnesses
          leads: [bob-other]
          timescale: "by June 2020"
          due: "2020-06"
          status: in-progress
          source: {seed: test, quote: "S2."}
"""


@pytest.fixture
def secret_kb(tmp_path: Path) -> KnowledgeBase:
    import dataclasses

    kb = load_knowledge_base(write_kb(tmp_path / "kb", {**MINI, "plans/secret.yaml": RESTRICTED_LED_BY_BOB}))
    people = {**kb.people}
    people["ann-lead"] = dataclasses.replace(people["ann-lead"], slack_id="UANN")
    people["bob-other"] = dataclasses.replace(people["bob-other"], slack_id="UBOB")
    return dataclasses.replace(kb, people=people)


def test_a_lead_outside_the_visibility_list_gets_no_digest_of_it(secret_kb: KnowledgeBase) -> None:
    composition = compose(secret_kb, dt.date(2021, 1, 4))
    got = {d.person: {(i.plan, i.action) for i in d.items} for d in composition.digests}
    assert ("secret", "S1") in got["ann-lead"]  # listed: she sees it
    assert ("secret", "S2") not in got.get("bob-other", set())  # leads it, but is not listed
    assert any(u.item.action == "S2" and "visibility" in u.lead for u in composition.unassigned)


@pytest.mark.parametrize("channel, sees", [("CCOORD", False), ("C_PRIVATE", True)])
def test_coordinators_summary_shows_restricted_items_only_where_allowed(
    channel: str, sees: bool, secret_kb: KnowledgeBase, stub: SlackStub, tmp_path: Path
) -> None:
    Reminder(secret_kb, client_for(stub), State(tmp_path / "s.db"), coordinators=channel).run(dt.date(2021, 1, 4))
    (summary,) = [c.params for c in stub.calls("chat.postMessage") if c.params.get("channel") == channel]
    shown = summary["text"] + json.dumps(summary["blocks"])
    if sees:  # its per-plan counts, and S2, whose lead may not see it, for the coordinators to chase
        assert "- secret: 2 overdue" in shown and "secret plan S2" in shown
    else:
        assert not any(word in shown.lower() for word in ("secret", "s1", "s2", "confidential")), shown
    assert "- alpha: 1 overdue" in shown


def test_summary_metadata_marks_the_week(kb: KnowledgeBase, stub: SlackStub, tmp_path: Path) -> None:
    run(kb, stub, tmp_path / "s.db")
    (summary,) = summaries(stub)
    assert summary["metadata"] == {"event_type": SUMMARY_EVENT, "event_payload": {"week": "2020-W04"}}


def test_the_reminder_drops_only_the_blind_connection_retry(tmp_path: Path) -> None:
    from slack_sdk.http_retry import ConnectionErrorRetryHandler

    client = make_client(Settings("xoxb-test", "", None, "http://127.0.0.1:9/api/", tmp_path / "s.db"))
    reminder = Reminder(load_knowledge_base(write_kb(tmp_path / "kb", MINI)), client, State(tmp_path / "s.db"))
    kinds = {type(h) for h in reminder.client.retry_handlers}
    assert ConnectionErrorRetryHandler not in kinds and RateLimitErrorRetryHandler in kinds
    assert ConnectionErrorRetryHandler in {type(h) for h in client.retry_handlers}  # the app's client is unchanged
