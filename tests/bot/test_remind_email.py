"""Weekly digests by email: a real SMTP server (aiosmtpd on 127.0.0.1 port 0) and the Web API stub."""

from __future__ import annotations

import datetime as dt
import json
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from pathlib import Path

import pytest
from slack_sdk import WebClient

from bot.cli import main
from bot.remind import EVENT_TYPE, Reminder, RunReport
from bot.remind_blocks import item_line, item_words
from bot.remind_email import EmailDigests, EmailStore, digest_message, message_id
from bot.settings import MailSettings, SettingsError, mail_settings
from bot.state import State
from knowledge.digest import compose
from knowledge.errors import KnowledgeError
from knowledge.loader import load_knowledge_base
from knowledge.models import KnowledgeBase
from tests.bot.slack_stub import SlackStub
from tests.bot.smtp_server import Received, SmtpServer
from tests.conftest import write_kb

TODAY = dt.date(2021, 1, 4)  # ISO week 2021-W01
SENDER = "actionbot@safeguarding.example.gov.uk"
COORDINATORS = "coordinators@safeguarding.example.gov.uk"


def action(n: int, lead: str, text: str = "Review the records") -> str:
    return f"""
            - id: "{n}"
              text: {json.dumps(f"{text} ({lead})")}
              leads: [{lead}]
              timescale: "by March 2020"
              due: "2020-03"
              status: in-progress
              source: {{seed: test, quote: "{n}."}}"""


PEOPLE = {
    "ann-mail": "email: ann@example.org",  # auto, not in Slack: email
    "cat-slack": "slack_id: UCAT\n            email: cat@example.org",  # auto, in Slack: Slack only
    "dan-both": "slack_id: UDAN\n            email: dan@example.org\n            remind_via: both",
    "eve-none": "email: eve@example.org\n            remind_via: none",
    "fay-email": "slack_id: UFAY\n            email: fay@example.org\n            remind_via: email",
    "gus-nowhere": "titles: [Chair]",  # no Slack id, no email: the coordinators hear about him
}


def kb_files(extra_people: str = "", plan_extra: str = "") -> dict[str, str]:
    people = "".join(
        f"""
          - id: {pid}
            name: {pid.split("-")[0].title()} {pid.split("-")[1].title()}
            {fields}
            source: {{seed: test, quote: "{pid}"}}"""
        for pid, fields in PEOPLE.items()
    )
    actions = "".join(action(n, pid) for n, pid in enumerate(PEOPLE, 1))
    return {
        "people/people.yaml": f"people:{people}{extra_people}\n",
        "plans/alpha.yaml": f"""
plan:
  id: alpha
  title: Alpha Plan
  short_names: [alpha plan]
  source: {{seed: test, quote: "Alpha"}}
  actions:{actions}{plan_extra}
""",
    }


@pytest.fixture
def smtp():
    with SmtpServer() as server:
        yield server


@pytest.fixture
def stub():
    with SlackStub() as s:
        yield s


@pytest.fixture
def kb(tmp_path: Path) -> KnowledgeBase:
    return load_knowledge_base(write_kb(tmp_path / "kb", kb_files()))


def settings_for(smtp: SmtpServer, reply_to: str | None = COORDINATORS) -> MailSettings:
    env = {"ACTIONBOT_SMTP_URL": smtp.url, "ACTIONBOT_MAIL_FROM": SENDER}
    if reply_to:
        env["ACTIONBOT_MAIL_REPLY_TO"] = reply_to
    settings = mail_settings(env)
    assert settings is not None
    return settings


def run(kb: KnowledgeBase, stub: SlackStub, smtp: SmtpServer, state_file: Path, **kwargs) -> RunReport:
    state = State(state_file)
    client = WebClient(token="xoxb-test", base_url=stub.api_url)
    mail = EmailDigests(kb, state, settings_for(smtp))
    return Reminder(kb, client, state, coordinators="CCOORD", retry_wait=0, mail=mail).run(TODAY, **kwargs)


def slack_digests(stub: SlackStub) -> list[str]:
    return [
        c.params["metadata"]["event_payload"]["person"]
        for c in stub.calls("chat.postMessage")
        if (c.params.get("metadata") or {}).get("event_type") == EVENT_TYPE
    ]


def summary_text(stub: SlackStub) -> str:
    (summary,) = [c.params for c in stub.calls("chat.postMessage") if c.params.get("channel") == "CCOORD"]
    return summary["text"] + json.dumps(summary["blocks"])


def parts(received: Received) -> dict[str, str]:
    return {
        part.get_content_type(): part.get_content().replace("\r\n", "\n")
        for part in received.message.walk()
        if not part.is_multipart()
    }


def only(smtp: SmtpServer, address: str) -> Received:
    (received,) = smtp.to(address)
    return received


def test_each_lead_is_reached_by_the_channel_they_want(
    kb: KnowledgeBase, stub: SlackStub, smtp: SmtpServer, tmp_path: Path
) -> None:
    report = run(kb, stub, smtp, tmp_path / "s.db")
    assert sorted(report.emailed) == ["ann-mail", "dan-both", "fay-email"]
    assert sorted(slack_digests(stub)) == ["cat-slack", "dan-both"]  # fay asked for email only, though in Slack
    assert [m.rcpt_tos for m in smtp.messages] == [["ann@example.org"], ["dan@example.org"], ["fay@example.org"]]
    assert report.not_wanted == ["eve-none"] and not smtp.to("eve@example.org")
    assert [d.person for d, _ in report.unreachable] == ["gus-nowhere"]
    summary = summary_text(stub)  # the coordinators hear about the one nobody can reach, and only him
    assert "Gus Nowhere" in summary and "4 digest(s) sent, 1 lead(s) could not be reached" in summary
    assert not any(name in summary for name in ("Ann Mail", "Eve None", "Fay Email", "Dan Both", "Cat Slack"))


def test_the_email_has_both_parts_the_right_recipient_and_headers(
    kb: KnowledgeBase, stub: SlackStub, smtp: SmtpServer, tmp_path: Path
) -> None:
    run(kb, stub, smtp, tmp_path / "s.db")
    received = only(smtp, "ann@example.org")
    message = received.message
    assert received.mail_from == SENDER and received.rcpt_tos == ["ann@example.org"]
    assert message["To"] == "Ann Mail <ann@example.org>"
    assert message["From"] == f"Safeguarding actions <{SENDER}>" and message["Reply-To"] == COORDINATORS
    assert message["Subject"] == "Your actions this week (2021-W01): 1 overdue."
    assert message["Message-ID"] == message_id("ann-mail", "2021-W01", SENDER)
    assert message["Message-ID"].endswith("@safeguarding.example.gov.uk>") and "ann-mail" in message["Message-ID"]
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["List-Unsubscribe"] == f"<mailto:{COORDINATORS}?subject=pause%20reminders%20ann-mail>"
    assert message.get_content_type() == "multipart/alternative"
    body = parts(received)
    assert set(body) == {"text/plain", "text/html"}
    (item,) = next(d for d in compose(kb, TODAY).digests if d.person == "ann-mail").items
    heading, due, text, latest, _age = item_words(item)
    # the Slack digest's words, item by item (Slack's markup aside)
    slack = item_line(item).replace("*", "").replace("_", "").split("\n")
    assert slack == [f"{heading} - {due}", text, f"Latest: {latest}"]
    plain = body["text/plain"]
    assert f"* {heading} - {due}\n  {text}\n  Latest: {latest}" in plain
    assert "Overdue (1)" in plain and "Your actions this week (2021-W01)" in plain
    assert f"reply to this email (it goes to {COORDINATORS}" in plain
    assert 'actionbot update alpha "1" --status in-progress' in plain and "--by ann-mail" in plain
    assert "actionbot remind --pause ann-mail" in plain
    html_part = body["text/html"]
    assert f"<strong>{heading}</strong> - {due}" in html_part and "<h2>Overdue (1)</h2>" in html_part
    assert "actionbot remind --pause ann-mail" in html_part


def test_a_second_run_in_the_week_sends_nothing(
    kb: KnowledgeBase, stub: SlackStub, smtp: SmtpServer, tmp_path: Path
) -> None:
    run(kb, stub, smtp, tmp_path / "s.db")
    again = run(kb, stub, smtp, tmp_path / "s.db")
    assert again.emailed == [] and again.sent == []
    assert sorted(again.email_already) == ["ann-mail", "dan-both", "fay-email"]
    assert sorted(again.already) == ["cat-slack", "dan-both"]
    assert len(smtp.messages) == 3 and len(slack_digests(stub)) == 2


def test_one_digest_a_week_across_slack_and_email_when_the_preference_changes(
    kb: KnowledgeBase, stub: SlackStub, smtp: SmtpServer, tmp_path: Path
) -> None:
    import dataclasses

    run(kb, stub, smtp, tmp_path / "s.db")
    people = dict(kb.people)
    people["ann-mail"] = dataclasses.replace(people["ann-mail"], slack_id="UANN")  # joins Slack mid-week
    people["cat-slack"] = dataclasses.replace(people["cat-slack"], remind_via="email")  # asks for email instead
    again = run(dataclasses.replace(kb, people=people), stub, smtp, tmp_path / "s.db")
    assert again.sent == [] and again.emailed == []
    assert "ann-mail" in again.email_already and "cat-slack" in again.already
    assert len(smtp.messages) == 3 and sorted(slack_digests(stub)) == ["cat-slack", "dan-both"]


def test_a_refused_recipient_does_not_stop_the_others(
    kb: KnowledgeBase, stub: SlackStub, smtp: SmtpServer, tmp_path: Path
) -> None:
    smtp.refuse["dan@example.org"] = "550 5.1.1 <dan@example.org>: Recipient address rejected"
    report = run(kb, stub, smtp, tmp_path / "s.db")
    assert sorted(report.emailed) == ["ann-mail", "fay-email"]  # before and after Dan, on the same connection
    ((digest, why),) = report.email_rejected
    assert digest.person == "dan-both" and "550 5.1.1" in why and "dan@example.org" in why
    assert sorted(slack_digests(stub)) == ["cat-slack", "dan-both"]  # his Slack digest still went
    assert "Dan Both" not in summary_text(stub)  # reached in Slack: not for the coordinators to chase
    row = EmailStore(State(tmp_path / "s.db")).email_status("dan-both", "2021-W01")
    assert row is not None and row.status == "rejected" and "550" in (row.error or "")
    run(kb, stub, smtp, tmp_path / "s.db")  # a 5xx is not retried this week at the same address
    assert smtp.rcpt_attempts.count("dan@example.org") == 1


def test_a_refused_email_only_lead_is_reported_to_the_coordinators(
    kb: KnowledgeBase, stub: SlackStub, smtp: SmtpServer, tmp_path: Path
) -> None:
    smtp.refuse["fay@example.org"] = "550 5.1.1 No such user"
    report = run(kb, stub, smtp, tmp_path / "s.db")
    assert [d.person for d, _ in report.email_rejected] == ["fay-email"]
    assert "*Fay Email* (not delivered: email refused: the server refused the recipient fay@example.org (550" in (
        summary_text(stub)
    )


def test_a_temporary_refusal_is_retried_on_the_next_run(
    kb: KnowledgeBase, stub: SlackStub, smtp: SmtpServer, tmp_path: Path
) -> None:
    smtp.refuse["ann@example.org"] = "451 4.7.1 Greylisted, try again later"
    first = run(kb, stub, smtp, tmp_path / "s.db")
    assert [(d.person, "451 4.7.1" in why) for d, why in first.email_deferred] == [("ann-mail", True)]
    assert sorted(first.emailed) == ["dan-both", "fay-email"] and not smtp.to("ann@example.org")
    del smtp.refuse["ann@example.org"]
    second = run(kb, stub, smtp, tmp_path / "s.db")
    assert second.emailed == ["ann-mail"]
    assert len(smtp.to("ann@example.org")) == 1 and len(smtp.messages) == 3


def test_the_scheduled_run_is_repeated_while_emails_are_deferred(
    kb: KnowledgeBase, stub: SlackStub, smtp: SmtpServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time
    from types import SimpleNamespace

    from bot.cli_slack import reminder_schedule

    monkeypatch.setenv("ACTIONBOT_SMTP_URL", smtp.url)
    monkeypatch.setenv("ACTIONBOT_MAIL_FROM", SENDER)
    smtp.refuse_once["ann@example.org"] = "451 4.7.1 Greylisted, try again later"
    client = WebClient(token="xoxb-test", base_url=stub.api_url)
    holder = SimpleNamespace(engine=SimpleNamespace(kb=kb))
    schedule = reminder_schedule(holder, client, State(tmp_path / "s.db"), retry_seconds=0.05)
    schedule.job(TODAY)
    assert not smtp.to("ann@example.org") and len(smtp.messages) == 2
    deadline = time.monotonic() + 30  # a bound on waiting, not a measurement
    while not smtp.to("ann@example.org") and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)  # room for any wrongful further retry to show
    assert len(smtp.to("ann@example.org")) == 1 and len(smtp.messages) == 3
    assert smtp.rcpt_attempts.count("ann@example.org") == 2 and sorted(slack_digests(stub)) == ["cat-slack", "dan-both"]


def test_no_server_is_a_deferral_for_everyone_and_slack_still_goes(
    kb: KnowledgeBase, stub: SlackStub, tmp_path: Path
) -> None:
    with SmtpServer() as gone:
        pass  # its port is closed now
    state = State(tmp_path / "s.db")
    client = WebClient(token="xoxb-test", base_url=stub.api_url)
    report = Reminder(kb, client, state, mail=EmailDigests(kb, state, settings_for(gone))).run(TODAY)
    assert sorted(d.person for d, _ in report.email_deferred) == ["ann-mail", "dan-both", "fay-email"]
    assert all("could not connect" in why for _, why in report.email_deferred)
    assert sorted(report.sent) == ["cat-slack", "dan-both"]


def test_a_killed_run_resumed_sends_no_duplicates(
    kb: KnowledgeBase, stub: SlackStub, smtp: SmtpServer, tmp_path: Path
) -> None:
    original = EmailStore.mark_email

    def killed_after_the_server_accepted(self, person, week, status, *args, **kwargs):
        if person == "dan-both" and status == "sent":
            raise SystemExit("killed between SMTP and the record")
        return original(self, person, week, status, *args, **kwargs)

    EmailStore.mark_email = killed_after_the_server_accepted  # type: ignore[method-assign]
    try:
        with pytest.raises(SystemExit):
            run(kb, stub, smtp, tmp_path / "s.db")
    finally:
        EmailStore.mark_email = original  # type: ignore[method-assign]
    assert [m.rcpt_tos for m in smtp.messages] == [["ann@example.org"], ["dan@example.org"]]
    assert sorted(slack_digests(stub)) == ["cat-slack"]  # killed before Dan's Slack digest
    resumed = run(kb, stub, smtp, tmp_path / "s.db")
    assert resumed.emailed == ["fay-email"] and resumed.email_already == ["ann-mail"]
    ((digest, why),) = resumed.email_unconfirmed  # SMTP cannot be asked: reported, not resent
    assert digest.person == "dan-both" and message_id("dan-both", "2021-W01", SENDER) in why
    assert [len(smtp.to(a)) for a in ("ann@example.org", "dan@example.org", "fay@example.org")] == [1, 1, 1]
    assert sorted(slack_digests(stub)) == ["cat-slack", "dan-both"]  # Slack: once each, across both runs
    third = run(kb, stub, smtp, tmp_path / "s.db")
    assert third.emailed == [] and len(smtp.messages) == 3


def test_an_email_only_lead_left_unconfirmed_is_for_the_coordinators_to_check(
    kb: KnowledgeBase, stub: SlackStub, smtp: SmtpServer, tmp_path: Path
) -> None:
    def killed(digest) -> None:
        if digest.person == "fay-email":
            raise KeyboardInterrupt("killed after recording 'sending', before SMTP")

    with pytest.raises(KeyboardInterrupt):
        run(kb, stub, smtp, tmp_path / "s.db", before_send=killed)
    assert not smtp.to("fay@example.org")
    resumed = run(kb, stub, smtp, tmp_path / "s.db")
    assert [d.person for d, _ in resumed.email_unconfirmed] == ["fay-email"] and resumed.emailed == []
    summary = summary_text(stub)
    assert "*Fay Email* (not delivered: email to fay@example.org may not have arrived" in summary
    assert message_id("fay-email", "2021-W01", SENDER).strip("<>") in summary and not smtp.to("fay@example.org")


def test_a_connection_lost_during_data_is_never_resent_blind(
    kb: KnowledgeBase, stub: SlackStub, smtp: SmtpServer, tmp_path: Path
) -> None:
    smtp.drop_in_data.add("ann@example.org")  # the server took it, the client never heard
    report = run(kb, stub, smtp, tmp_path / "s.db")
    assert [d.person for d, _ in report.email_unconfirmed] == ["ann-mail"]
    assert sorted(report.emailed) == ["dan-both", "fay-email"]  # a new connection for the rest
    smtp.drop_in_data.clear()
    again = run(kb, stub, smtp, tmp_path / "s.db")
    assert [d.person for d, _ in again.email_unconfirmed] == ["ann-mail"] and again.emailed == []
    assert len(smtp.to("ann@example.org")) == 1


def test_header_injection_through_names_data_and_addresses_is_impossible(
    stub: SlackStub, smtp: SmtpServer, tmp_path: Path
) -> None:
    injected_person = """
          - id: ivy-inject
            name: "Ivy Inject\\r\\nBcc: evil@attacker.example\\r\\nSubject: pwned"
            email: ivy@example.org
            source: {seed: test, quote: "Ivy"}
          - id: joe-address
            name: Joe Address
            email: "joe@example.org\\nBcc: evil@attacker.example"
            source: {seed: test, quote: "Joe"}"""
    injected_action = """
            - id: "9"
              text: "Fix it\\r\\nBcc: evil@attacker.example <script>alert(1)</script> & <b>bold</b>"
              leads: [ivy-inject, joe-address]
              timescale: "by March 2020"
              due: "2020-03"
              status: in-progress
              source: {seed: test, quote: "9."}"""
    kb = load_knowledge_base(write_kb(tmp_path / "kb", kb_files(injected_person, injected_action)))
    assert "\n" in kb.people["ivy-inject"].name and "\n" in (kb.people["joe-address"].email or "")
    report = run(kb, stub, smtp, tmp_path / "s.db")
    assert "ivy-inject" in report.emailed
    assert "evil@attacker.example" not in smtp.rcpt_attempts
    received = only(smtp, "ivy@example.org")
    assert received.rcpt_tos == ["ivy@example.org"]
    message = received.message
    assert message["Bcc"] is None and message.get_all("Subject") == [message["Subject"]]
    assert message["To"] == '"Ivy Inject Bcc: evil@attacker.example Subject: pwned" <ivy@example.org>'
    assert message["Subject"].startswith("Your actions this week")
    head = received.data.split(b"\r\n\r\n", 1)[0].decode()
    assert "\nBcc:" not in head and "\nSubject: pwned" not in head
    body = parts(received)
    assert (
        "<script>" not in body["text/html"]
        and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;" in (body["text/html"])
    )
    assert "<script>alert(1)</script>" in body["text/plain"]  # plain text is shown as text, never rendered
    (why,) = [w for d, w in report.unreachable if d.person == "joe-address"]
    assert "not a plain address" in why and not smtp.to("joe@example.org")


def test_policy_smtp_refuses_a_line_break_in_any_header() -> None:
    message = EmailMessage(policy=SMTP_POLICY)
    with pytest.raises(ValueError):
        message["Subject"] = "Weekly digest\r\nBcc: evil@attacker.example"


def test_restricted_plans_follow_the_visibility_rule_in_email(stub: SlackStub, smtp: SmtpServer, tmp_path: Path):
    secret = """
plan:
  id: secret
  title: Secret Review Plan
  short_names: [secret plan]
  visibility: {restricted: true, channels: [C_PRIVATE], people: [ann-mail]}
  source: {seed: test, quote: "Secret"}
  actions:
    - id: "S1"
      text: Audit the confidential placement records
      leads: [ann-mail]
      timescale: "by June 2020"
      due: "2020-06"
      status: in-progress
      source: {seed: test, quote: "S1."}
    - id: "S2"
      text: Interview the confidential witnesses
      leads: [fay-email]
      timescale: "by June 2020"
      due: "2020-06"
      status: in-progress
      source: {seed: test, quote: "S2."}
"""
    kb = load_knowledge_base(write_kb(tmp_path / "kb", {**kb_files(), "plans/secret.yaml": secret}))
    run(kb, stub, smtp, tmp_path / "s.db")
    ann = only(smtp, "ann@example.org")  # listed in visibility.people: an email is her private surface
    assert "Audit the confidential placement records" in parts(ann)["text/plain"]
    fay = only(smtp, "fay@example.org")  # leads S2 but is not listed: nothing of the plan, anywhere in it
    assert not any(w in fay.data.decode().lower() for w in ("secret", "confidential", "s2")), fay.data
    assert "Secret" not in summary_text(stub)  # CCOORD may not see it either


def test_smtp_authentication_from_the_environment(
    kb: KnowledgeBase, stub: SlackStub, smtp: SmtpServer, tmp_path: Path
) -> None:
    smtp.users = {"mailer": "s3cret:/@"}
    env = {
        "ACTIONBOT_SMTP_URL": smtp.url,
        "ACTIONBOT_MAIL_FROM": SENDER,
        "ACTIONBOT_SMTP_USER": "mailer",
        "ACTIONBOT_SMTP_PASSWORD": "s3cret:/@",
    }
    state = State(tmp_path / "s.db")
    client = WebClient(token="xoxb-test", base_url=stub.api_url)
    mail = EmailDigests(kb, state, mail_settings(env))
    report = Reminder(kb, client, state, mail=mail).run(TODAY)
    assert sorted(report.emailed) == ["ann-mail", "dan-both", "fay-email"] and smtp.logins == ["mailer"]
    smtp.users = {"mailer": "other"}
    wrong = Reminder(kb, client, State(tmp_path / "t.db"), mail=EmailDigests(kb, state, mail_settings(env)))
    assert all("refused the user name or password" in why for _, why in wrong.run(TODAY).email_deferred)


def test_a_password_never_goes_to_a_remote_server_without_tls(
    kb: KnowledgeBase, smtp: SmtpServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.settings

    smtp.users = {"mailer": "pw"}
    settings = mail_settings(
        {"ACTIONBOT_SMTP_URL": f"smtp://mailer:pw@127.0.0.1:{smtp.port}", "ACTIONBOT_MAIL_FROM": SENDER}
    )
    monkeypatch.setattr(bot.settings, "_LOCAL_HOSTS", frozenset())  # as if 127.0.0.1 were another machine
    digest = next(d for d in compose(kb, TODAY).digests if d.person == "ann-mail")
    report = RunReport("2021-W01")
    EmailDigests(kb, State(tmp_path / "s.db"), settings).deliver(digest, report)
    assert "the password is not sent over an unencrypted connection" in report.email_deferred[0][1]
    assert smtp.logins == [] and smtp.messages == []


def test_mail_settings() -> None:
    assert mail_settings({}) is None
    s = mail_settings({"ACTIONBOT_SMTP_URL": "smtps://u%40x:p%3Ass@mail.example.org", "ACTIONBOT_MAIL_FROM": SENDER})
    assert s and (s.host, s.port, s.tls, s.user, s.password) == ("mail.example.org", 465, "implicit", "u@x", "p:ss")
    assert "p:ss" not in repr(s) and "p:ss" not in s.describe()
    s = mail_settings({"ACTIONBOT_SMTP_URL": "smtp://mail.example.org?starttls=require", "ACTIONBOT_MAIL_FROM": SENDER})
    assert s and (s.port, s.tls, s.user) == (587, "require-starttls", None)
    for env, words in [
        ({"ACTIONBOT_SMTP_URL": "http://mail.example.org", "ACTIONBOT_MAIL_FROM": SENDER}, "smtp:// or smtps://"),
        ({"ACTIONBOT_SMTP_URL": "smtp://mail.example.org"}, "ACTIONBOT_MAIL_FROM is not set"),
        ({"ACTIONBOT_SMTP_URL": "smtp://m.example.org", "ACTIONBOT_MAIL_FROM": "a@b.org\nBcc: c@d.org"}, "plain"),
        ({"ACTIONBOT_SMTP_URL": "smtp://m.example.org:99999", "ACTIONBOT_MAIL_FROM": SENDER}, "not a URL"),
        ({"ACTIONBOT_SMTP_URL": "smtp://m.example.org?tls=off", "ACTIONBOT_MAIL_FROM": SENDER}, "starttls=require"),
    ]:
        with pytest.raises(SettingsError, match=words):
            mail_settings(env)


def test_starttls_required_but_not_offered_sends_nothing(kb: KnowledgeBase, smtp: SmtpServer, tmp_path: Path) -> None:
    settings = mail_settings({"ACTIONBOT_SMTP_URL": smtp.url + "?starttls=require", "ACTIONBOT_MAIL_FROM": SENDER})
    digest = next(d for d in compose(kb, TODAY).digests if d.person == "ann-mail")
    report = RunReport("2021-W01")
    EmailDigests(kb, State(tmp_path / "s.db"), settings).deliver(digest, report)
    assert "does not offer STARTTLS" in report.email_deferred[0][1] and smtp.messages == []


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (made with the openssl command)."""
    import shutil
    import subprocess

    if not shutil.which("openssl"):
        pytest.skip("the openssl command is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return cert, key


def test_starttls_is_used_when_offered_and_the_certificate_is_checked(
    kb: KnowledgeBase, certificate: tuple[Path, Path], tmp_path: Path
) -> None:
    import ssl

    from bot.mail import Mailer

    cert, key = certificate
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_context.load_cert_chain(cert, key)
    digest = next(d for d in compose(kb, TODAY).digests if d.person == "ann-mail")
    with SmtpServer(tls_context=server_context) as smtp:  # refuses mail before STARTTLS
        smtp.users = {"mailer": "pw"}
        settings = mail_settings(
            {"ACTIONBOT_SMTP_URL": f"smtp://mailer:pw@127.0.0.1:{smtp.port}", "ACTIONBOT_MAIL_FROM": SENDER}
        )
        assert settings is not None
        untrusted = RunReport("2021-W01")  # the system's CAs do not know this certificate: nothing is sent
        EmailDigests(kb, State(tmp_path / "a.db"), settings).deliver(digest, untrusted)
        assert "CERTIFICATE_VERIFY_FAILED" in untrusted.email_deferred[0][1] and smtp.messages == []
        trusted = RunReport("2021-W01")
        mailer = Mailer(settings, context=ssl.create_default_context(cafile=str(cert)))
        EmailDigests(kb, State(tmp_path / "b.db"), settings, mailer).deliver(digest, trusted)
        assert trusted.emailed == ["ann-mail"] and smtp.logins == ["mailer"]
        assert only(smtp, "ann@example.org").message["Subject"].startswith("Your actions this week")


def test_digest_message_is_built_only_from_one_line_headers(kb: KnowledgeBase, smtp: SmtpServer) -> None:
    import dataclasses

    digest = next(d for d in compose(kb, TODAY).digests if d.person == "ann-mail")
    digest = dataclasses.replace(digest, name="A\nB\rC\x00D")
    message = digest_message(digest, "ann@example.org", settings_for(smtp, reply_to=None))
    assert message["To"] == "A B C D <ann@example.org>" and message["Reply-To"] is None
    assert "mailto:actionbot@" in message["List-Unsubscribe"]  # replies go to the sender when no Reply-To is set


def test_remind_via_is_validated_by_the_loader(tmp_path: Path) -> None:
    files = kb_files()
    files["people/people.yaml"] = files["people/people.yaml"].replace("remind_via: both", "remind_via: pigeon")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge_base(write_kb(tmp_path / "kb", files))
    assert "remind_via" in str(caught.value) and "pigeon" in str(caught.value) and "people.yaml" in str(caught.value)


# -- the command line -----------------------------------------------------------------------------
@pytest.fixture
def cli_env(stub: SlackStub, smtp: SmtpServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, value in {
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_API_URL": stub.api_url,
        "ACTIONBOT_STATE": str(tmp_path / "state.db"),
        "ACTIONBOT_REMIND_PACE": "0",
        "ACTIONBOT_COORDINATORS_CHANNEL": "CCOORD",
        "ACTIONBOT_SMTP_URL": smtp.url,
        "ACTIONBOT_MAIL_FROM": SENDER,
    }.items():
        monkeypatch.setenv(name, value)
    return write_kb(tmp_path / "kb", kb_files())


def test_dry_run_shows_the_channel_per_lead(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["remind", "--dry-run", "--today", "2021-01-04", "--kb", str(cli_env)]) == 0
    out = capsys.readouterr().out
    assert "== Ann Mail (ann-mail): 1 item(s)\n  via: Slack, if ann@example.org has a Slack account, else email" in out
    assert "== Cat Slack (cat-slack): 1 item(s)\n  via: Slack (UCAT)\n" in out
    assert "  via: Slack (UDAN) and email to dan@example.org" in out
    assert "  via: no digest (remind_via: none)" in out
    assert "== Fay Email (fay-email): 1 item(s)\n  via: email to fay@example.org" in out
    assert "  via: unreachable: no Slack id and no email in the knowledge base" in out


def test_dry_run_without_email_set_up_says_so(
    cli_env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ACTIONBOT_SMTP_URL")
    assert main(["remind", "--dry-run", "--today", "2021-01-04", "--kb", str(cli_env)]) == 0
    out = capsys.readouterr().out
    assert "via: unreachable (remind_via: email): email is not set up (ACTIONBOT_SMTP_URL is not set)" in out


def test_cli_sends_pauses_and_resumes(
    cli_env: Path, smtp: SmtpServer, stub: SlackStub, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--today", "2021-01-04", "--kb", str(cli_env)]
    assert main(["remind", "--pause", "ann-mail", *base]) == 0
    assert "Paused: Ann Mail" in capsys.readouterr().out and smtp.messages == [] and not stub.calls("chat.postMessage")
    assert main(["remind", *base]) == 0
    out = capsys.readouterr().out
    assert "paused 1" in out and "emailed 2" in out and not smtp.to("ann@example.org")
    assert main(["remind", "--resume", "ann-mail", *base]) == 0
    assert main(["remind", *base]) == 0
    assert "emailed 1" in capsys.readouterr().out and len(smtp.to("ann@example.org")) == 1
    assert main(["remind", "--pause", "ann-mial", *base]) == 2
    assert "did you mean ann-mail" in capsys.readouterr().err


def test_cli_reports_an_unconfirmed_email_and_resends_it_on_request(
    cli_env: Path, smtp: SmtpServer, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--today", "2021-01-04", "--kb", str(cli_env)]
    smtp.drop_in_data.add("fay@example.org")
    assert main(["remind", *base]) == 1
    out = capsys.readouterr().out
    assert "CHECK BY HAND: Fay Email" in out and "--resend-email fay-email" in out
    smtp.drop_in_data.clear()
    assert main(["remind", *base]) == 1  # still unconfirmed: never resent on its own
    assert len(smtp.to("fay@example.org")) == 1
    capsys.readouterr()
    assert main(["remind", "--resend-email", "fay-email", *base]) == 0  # someone checked the mail log
    assert "Forgot this week's email to fay-email (sending" in capsys.readouterr().out
    assert len(smtp.to("fay@example.org")) == 2


def test_cli_malformed_smtp_url_is_a_usage_error(
    cli_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ACTIONBOT_SMTP_URL", "mail.example.org:25")
    assert main(["remind", "--today", "2021-01-04", "--kb", str(cli_env)]) == 2
    err = capsys.readouterr().err
    assert "ACTIONBOT_SMTP_URL must start smtp:// or smtps://" in err and "Traceback" not in err
