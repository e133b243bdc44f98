"""Weekly reminders: who gets what, exactly once, through the Web API stub."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from slack_sdk import WebClient
from slack_sdk.http_retry import RateLimitErrorRetryHandler

from bot import remind_blocks
from bot.remind import EVENT_TYPE, Reminder, ReminderBusy, RemindStore, run_lock
from bot.state import State
from knowledge.digest import compose
from knowledge.loader import load_knowledge_base
from knowledge.models import KnowledgeBase
from tests.bot.slack_stub import SlackStub

TODAY = dt.date(2020, 1, 20)  # ISO week 2020-W04


@pytest.fixture
def stub():
    with SlackStub() as s:
        yield s


def client_for(stub: SlackStub) -> WebClient:
    return WebClient(
        token="xoxb-test", base_url=stub.api_url, retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=3)]
    )


def with_slack_ids(kb: KnowledgeBase, people: list[str]) -> KnowledgeBase:
    """The knowledge base with Slack ids for these people (the seeds give none)."""
    import dataclasses

    changed = dict(kb.people)
    for n, pid in enumerate(people):
        changed[pid] = dataclasses.replace(kb.people[pid], slack_id=f"U{n:04d}")
    return dataclasses.replace(kb, people=changed)


def posted_history(stub: SlackStub):
    """conversations.history answering with what chat.postMessage put in that channel, metadata included."""

    def history(_stub: SlackStub, params: dict) -> dict:
        messages = [
            {"type": "message", "ts": f"1.{i}", "text": c.params.get("text"), "metadata": c.params.get("metadata")}
            for i, c in enumerate(stub.calls("chat.postMessage"))
            if c.params.get("channel") == params["channel"]
        ]
        return {"ok": True, "messages": list(reversed(messages))}

    return history


def dm_digests(stub: SlackStub) -> list[dict]:
    return [c.params for c in stub.calls("chat.postMessage") if str(c.params.get("channel", "")).startswith("D")]


def test_digests_match_the_plans_dates(bundled: KnowledgeBase) -> None:
    digests = {d.person: d for d in compose(bundled, TODAY).digests}
    laurence = digests["laurence-jones"]  # County Actions 4-8
    overdue = {(i.action, i.milestone, i.due) for i in laurence.section("overdue")}
    # Action 7 (the HSB progress report to committee) is evidenced complete: "Completed – December 2019".
    assert "Action 7" not in {action for action, _, _ in overdue}
    # Action 5's own September 2019 step is "Completed - September 2019"; its December 2019 steps are late
    assert ("Action 5", True, "December 2019") in overdue and ("Action 5", False, "September 2019") not in overdue
    due_soon = {(i.action, i.text) for i in laurence.section("due-soon")}
    assert (
        "Action 5",
        "Evaluation of Member visits since new guidance has been in place will be considered at the "
        "Children's Homes Governance Board along with the views of children and young people.",
    ) in due_soon
    catherine = digests["catherine-underwood"]  # holds the City's Corporate Director role
    assert {i.action for i in catherine.section("overdue")} == {"5", "8a"}
    assert "6" not in {i.action for i in catherine.items}  # action 6 is the Head of Children in Care's
    pam = digests["pam-rosseter"]
    assert "Independent Reviewer starting." in {i.text for i in pam.section("due-soon")}  # Action 12, January 2020
    assert all(
        i.text != "Scoping the approach of the review. Agreed that an independent reviewer is required to "
        "provide appropriate scrutiny."
        for i in pam.items
    )  # completed milestone: never chased


def test_latest_is_what_was_done_by_the_day_never_a_step_still_planned(bundled: KnowledgeBase) -> None:
    """ "Latest" names what the "N days ago" counts from: an update or a completed milestone by the day, not the
    plan's last planned step (County Action 6's "Report to ... Committee ... July 2020" is not done in January)."""
    digests = {d.person: d for d in compose(bundled, TODAY).digests}
    laurence = digests["laurence-jones"]
    for item in laurence.items:
        assert not item.latest.startswith(("July 2020", "February \u2013 May 2020")), item.latest
    action5 = [i for i in laurence.items if i.action == "Action 5"]
    assert action5 and all(i.latest.startswith("Completed \u2013 September 2019: New guidance") for i in action5)
    assert all(i.age_days == (TODAY - dt.date(2019, 9, 1)).days for i in action5)


def test_roles_nobody_holds_reach_the_coordinators(bundled: KnowledgeBase) -> None:
    composition = compose(bundled, dt.date(2020, 4, 15))  # City action 6 was due by 31 March 2020
    assert any(
        u.item.action == "6"
        and u.item.plan == "city-iicsa"
        and u.item.section == "overdue"
        and u.lead == "Head of Children in Care"
        for u in composition.unassigned
    )
    assert composition.per_plan["county-iicsa"]["overdue"] > 0


def test_send_once_per_week_and_coordinators_summary(bundled: KnowledgeBase, stub: SlackStub, tmp_path: Path) -> None:
    kb = with_slack_ids(bundled, ["laurence-jones", "pam-rosseter", "catherine-underwood"])
    stub.respond_with("conversations.history", posted_history(stub))
    state = State(tmp_path / "state.db")
    reminder = Reminder(kb, client_for(stub), state, coordinators="CCOORD")
    report = reminder.run(TODAY)
    assert sorted(report.sent) == ["catherine-underwood", "laurence-jones", "pam-rosseter"]
    digests = dm_digests(stub)
    assert len(digests) == 3
    for params in digests:
        assert (
            params["metadata"]["event_type"] == EVENT_TYPE and params["metadata"]["event_payload"]["week"] == "2020-W04"
        )
        assert params["text"] and len(params["blocks"]) <= 50
    unreachable = {d.person for d, _ in report.unreachable}
    assert "devon-allen" in unreachable  # no Slack id, no email in the seeds
    summary = [c.params for c in stub.calls("chat.postMessage") if c.params.get("channel") == "CCOORD"]
    assert len(summary) == 1 and "Devon Allen" in summary[0]["text"] and "county-iicsa:" in summary[0]["text"]
    again = Reminder(kb, client_for(stub), State(tmp_path / "state.db"), coordinators="CCOORD").run(TODAY)
    assert again.sent == [] and sorted(again.already) == ["catherine-underwood", "laurence-jones", "pam-rosseter"]
    assert len(stub.calls("chat.postMessage")) == 4  # nothing new: no digest and no second summary


def test_killed_run_restarted_sends_exactly_the_rest(bundled: KnowledgeBase, stub: SlackStub, tmp_path: Path) -> None:
    people = ["laurence-jones", "pam-rosseter", "catherine-underwood", "marjorie-toward", "paul-johnson"]
    kb = with_slack_ids(bundled, people)
    stub.respond_with("conversations.history", posted_history(stub))
    sent: list[str] = []

    def die_after_two(digest) -> None:
        if len(sent) == 2:
            raise KeyboardInterrupt("killed")
        sent.append(digest.person)

    with pytest.raises(KeyboardInterrupt):
        Reminder(kb, client_for(stub), State(tmp_path / "s.db")).run(TODAY, before_send=die_after_two)
    assert len(dm_digests(stub)) == 2
    report = Reminder(kb, client_for(stub), State(tmp_path / "s.db")).run(TODAY)
    assert len(report.sent) == 3 and report.recovered == []
    assert sorted(p["metadata"]["event_payload"]["person"] for p in dm_digests(stub)) == sorted(people)


def test_posted_but_unrecorded_digest_is_found_by_metadata(
    bundled: KnowledgeBase, stub: SlackStub, tmp_path: Path
) -> None:
    kb = with_slack_ids(bundled, ["laurence-jones", "pam-rosseter"])
    stub.respond_with("conversations.history", posted_history(stub))
    state = State(tmp_path / "s.db")
    reminder = Reminder(kb, client_for(stub), state)
    original = RemindStore.mark

    def crash_before_recording_sent(self, person, week, status, channel=None, ts=None):
        if status == "sent" and person == "pam-rosseter":
            raise SystemExit("killed between post and record")
        return original(self, person, week, status, channel, ts)

    RemindStore.mark = crash_before_recording_sent  # type: ignore[method-assign]
    try:
        with pytest.raises(SystemExit):
            reminder.run(TODAY)
    finally:
        RemindStore.mark = original  # type: ignore[method-assign]
    assert len(dm_digests(stub)) == 2  # both posted; Pam's send not recorded
    report = Reminder(kb, client_for(stub), State(tmp_path / "s.db")).run(TODAY)
    assert report.sent == [] and report.recovered == ["pam-rosseter"] and report.already == ["laurence-jones"]
    assert len(dm_digests(stub)) == 2


def test_email_lookup_and_rate_limit(bundled: KnowledgeBase, stub: SlackStub, tmp_path: Path) -> None:
    stub.users["UJENNY"] = {"name": "jenny", "email": "jenny.whiston@nottsc.gov.uk"}
    stub.rate_limit("chat.postMessage", times=1, retry_after=1)
    kb = with_slack_ids(bundled, ["laurence-jones"])
    today = dt.date(2025, 3, 20)  # Jenny Whiston leads no plan action; the bundled plans are long past
    report = Reminder(kb, client_for(stub), State(tmp_path / "s.db")).run(today)
    assert "laurence-jones" in report.sent
    assert len(stub.calls("chat.postMessage", status=429)) == 1
    assert len(dm_digests(stub)) == len(report.sent)  # the 429 was honoured and retried; every digest arrived


def test_lookup_by_email_is_cached(bundled: KnowledgeBase, stub: SlackStub, tmp_path: Path) -> None:
    stub.users["UHANNAH"] = {"name": "hannah", "email": "hannah1.johnson@nottsc.gov.uk"}
    reminder = Reminder(bundled, client_for(stub), State(tmp_path / "s.db"))
    assert reminder.slack_user("hannah-johnson") == ("UHANNAH", "")
    assert reminder.slack_user("hannah-johnson") == ("UHANNAH", "")
    assert len(stub.calls("users.lookupByEmail")) == 1


def test_paused_leads_receive_nothing(bundled: KnowledgeBase, stub: SlackStub, tmp_path: Path) -> None:
    kb = with_slack_ids(bundled, ["laurence-jones", "pam-rosseter"])
    state = State(tmp_path / "s.db")
    RemindStore(state).pause("pam-rosseter")
    report = Reminder(kb, client_for(stub), state).run(TODAY)
    assert report.paused == ["pam-rosseter"] and report.sent == ["laurence-jones"]
    RemindStore(state).resume("pam-rosseter")
    assert Reminder(kb, client_for(stub), state).run(TODAY).sent == ["pam-rosseter"]


def test_snoozed_item_leaves_next_weeks_digest(bundled: KnowledgeBase, tmp_path: Path) -> None:
    store = RemindStore(State(tmp_path / "s.db"))
    store.snooze("county-iicsa", "Action 7", TODAY + dt.timedelta(days=7), "laurence-jones")
    composition = compose(bundled, TODAY, snoozed=store.snoozed(TODAY))
    laurence = next(d for d in composition.digests if d.person == "laurence-jones")
    assert "Action 7" not in {i.action for i in laurence.items}
    assert ("county-iicsa", "Action 7") in store.snoozed(TODAY + dt.timedelta(days=7))  # next week's run: still out
    assert store.snoozed(TODAY + dt.timedelta(days=8)) == frozenset()


def test_overlapping_runs_do_not_both_send(tmp_path: Path) -> None:
    state = State(tmp_path / "s.db")
    with run_lock(state), pytest.raises(ReminderBusy), run_lock(State(tmp_path / "s.db")):
        pass


def test_digest_blocks_stay_within_limits(bundled: KnowledgeBase) -> None:
    digest = next(d for d in compose(bundled, dt.date(2026, 11, 25)).digests if d.person == "pam-rosseter")
    big = type(digest)(digest.person, digest.name, digest.week, digest.items * 20)
    blocks = remind_blocks.digest_blocks(big)
    assert len(blocks) <= 50
    assert all(len(b["text"]["text"]) <= 3000 for b in blocks if b["type"] == "section")
    assert "more - ask" in blocks[-1]["elements"][0]["text"]
    assert remind_blocks.fallback_text(big).startswith("Your actions this week (2026-W48)")


class FakeClock:
    """Stands in for the `time` module inside bot.remind: sleeping advances a clock instead of waiting."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sends: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += max(seconds, 0.0)

    def __getattr__(self, name: str):
        import time

        return getattr(time, name)


def test_sends_are_paced(
    bundled: KnowledgeBase, stub: SlackStub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each digest starts at least `pace` seconds after the last (a fake clock: no timing in tests)."""
    import bot.remind

    clock = FakeClock()
    monkeypatch.setattr(bot.remind, "time", clock)
    kb = with_slack_ids(bundled, ["laurence-jones", "pam-rosseter", "catherine-underwood"])
    client = client_for(stub)
    post = client.chat_postMessage

    def timed_post(**kwargs):
        clock.sends.append(clock.now)
        return post(**kwargs)

    monkeypatch.setattr(client, "chat_postMessage", timed_post)
    Reminder(kb, client, State(tmp_path / "s.db"), pace=0.3).run(TODAY)
    assert len(clock.sends) == len(stub.calls("chat.postMessage")) >= 3
    assert all(b - a >= 0.3 - 1e-9 for a, b in itertools.pairwise(clock.sends)), clock.sends
    assert clock.now - 1000.0 >= 0.3 * (len(clock.sends) - 1) - 1e-9  # it waited (on the fake clock), it did not skip


def test_an_update_shows_in_the_next_digest(mini_kb_dir: Path) -> None:
    from knowledge.dates import LONDON
    from knowledge.updates import UpdateRequest, record_update

    today = dt.date(2021, 1, 4)
    before = compose(load_knowledge_base(mini_kb_dir), today)
    assert [(d.person, [i.action for i in d.items]) for d in before.digests] == [("ann-lead", ["1"])]
    record_update(
        mini_kb_dir,
        load_knowledge_base(mini_kb_dir),
        UpdateRequest("alpha", "1", "ann-lead", "Done and reported", "complete"),
        dt.datetime(2021, 1, 4, 9, tzinfo=LONDON),
    )
    assert compose(load_knowledge_base(mini_kb_dir), today).digests == []
