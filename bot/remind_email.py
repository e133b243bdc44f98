"""Weekly digests by email, for leads the bot cannot reach in Slack (or who asked for email).

The digest is the one `knowledge.digest.compose` made for that person (a private surface: restricted plans follow
knowledge/visibility.py exactly as in a DM), in the Slack digest's words (`remind_blocks.item_words`), as a
plain-text and an HTML part. Exactly once per lead per ISO week, as with Slack: the `email_reminders` row is
written 'sending' before the SMTP transaction and 'sent' after it, and the Message-ID is derived from the lead and
the week. What a row left 'sending' means (a run killed, or a connection lost, mid-send) cannot be checked: SMTP
has no way to ask whether a message arrived, so it is never resent automatically; it is reported to the operator
and the coordinators with its Message-ID for a manual check (`actionbot remind --resend-email PERSON` sends it
again once someone has made sure it did not arrive).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from typing import TYPE_CHECKING
from urllib.parse import quote

from bot.mail import Mailer, MailError, MailRejected, MailUnknown
from bot.remind_blocks import SECTION_TITLES, fallback_text, item_words
from bot.settings import MAIL_FROM_ENV, SMTP_URL_ENV, MailSettings, plain_address
from bot.state import State
from knowledge.digest import Digest
from knowledge.models import KnowledgeBase, Person

if TYPE_CHECKING:
    from bot.remind import RunReport

SCHEMA = """
CREATE TABLE IF NOT EXISTS email_reminders (
    person     TEXT NOT NULL,
    week       TEXT NOT NULL,
    status     TEXT NOT NULL,        -- sending | sent | deferred (4xx: next run) | rejected (5xx)
    recipient  TEXT NOT NULL,
    message_id TEXT NOT NULL,
    error      TEXT,
    updated    REAL NOT NULL,
    PRIMARY KEY (person, week)
);
"""
POLICY = SMTP.clone(max_line_length=998)  # CRLF, refuses line breaks in headers; folds nothing under 998 (RFC 5322)
MAX_ITEMS = 200  # items listed in one email; the rest are counted
SENDER_NAME = "Safeguarding actions"


@dataclass(frozen=True)
class EmailSend:
    """This week's email digest for one person, as the state store records it."""

    status: str
    recipient: str
    message_id: str
    error: str | None


class EmailStore:
    """The email_reminders table: one row per person per ISO week (port with RemindStore)."""

    def __init__(self, state: State) -> None:
        self.state = state
        state.migrate("email", [SCHEMA])  # append a step to change the table; never edit a released one

    def email_status(self, person: str, week: str) -> EmailSend | None:
        row = (
            self.state.connect()
            .execute(
                "SELECT status, recipient, message_id, error FROM email_reminders WHERE person = ? AND week = ?",
                (person, week),
            )
            .fetchone()
        )
        return EmailSend(*row) if row else None

    def mark_email(
        self, person: str, week: str, status: str, recipient: str, message_id: str, error: str | None = None
    ) -> None:
        self.state.connect().execute(
            "INSERT INTO email_reminders (person, week, status, recipient, message_id, error, updated) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (person, week) DO UPDATE SET status = excluded.status, "
            "recipient = excluded.recipient, message_id = excluded.message_id, error = excluded.error, "
            "updated = excluded.updated",
            (person, week, status, recipient, message_id, error, time.time()),
        )

    def forget_email(self, person: str, week: str) -> EmailSend | None:
        """Drop this week's row (after a manual check found the message did not arrive); the row it was."""
        row = self.email_status(person, week)
        self.state.connect().execute("DELETE FROM email_reminders WHERE person = ? AND week = ?", (person, week))
        return row


def message_id(person: str, week: str, sender: str) -> str:
    """The Message-ID of `person`'s digest for `week`: the same on every attempt, so a resend is recognisable."""
    digest = hashlib.sha256(f"actionbot-digest\0{person}\0{week}".encode()).hexdigest()[:16]
    return f"<digest.{week}.{person}.{digest}@{sender.rpartition('@')[2]}>"


def one_line(text: str, limit: int = 200) -> str:
    """Header-safe text: every run of whitespace (line breaks included) and control character becomes one space."""
    cleaned = "".join(c if c.isprintable() else " " for c in text)
    return " ".join(cleaned.split())[:limit]


def mailbox(settings: MailSettings) -> str:
    """Where replies go: the coordinators' mailbox (ACTIONBOT_MAIL_REPLY_TO), else the sender."""
    return settings.reply_to or settings.sender


def update_instructions(digest: Digest, settings: MailSettings) -> list[str]:
    """How to send an update and how to pause, as plain sentences (no reply is read by the bot)."""
    to = mailbox(settings)
    example = item_words(digest.items[0])[0] if digest.items else "County plan, action 12"
    first = digest.items[0] if digest.items else None
    command = (
        f'actionbot update {first.plan} "{first.action}" --status in-progress --note "..." --by {digest.person}'
        if first
        else f'actionbot update PLAN ACTION --note "..." --by {digest.person}'
    )
    return [
        f"To send an update, reply to this email (it goes to {to}, read by the partnership's coordinators, not by "
        f'a bot) with the action and what has happened, e.g. "{example}: in progress - <what has been done>". '
        f"A coordinator records it for you ({command}).",
        f'To stop these weekly emails, reply "pause reminders" (or use your mail program\'s unsubscribe button); '
        f"a coordinator pauses them with `actionbot remind --pause {digest.person}`, and `--resume` starts them "
        "again.",
    ]


def text_body(digest: Digest, settings: MailSettings) -> str:
    lines = [f"Your actions this week ({digest.week})", ""]
    shown = 0
    for section, title in SECTION_TITLES.items():
        items = digest.section(section)
        if not items:
            continue
        lines += [f"{title} ({len(items)})", "-" * len(f"{title} ({len(items)})")]
        for item in items:
            if shown >= MAX_ITEMS:
                break
            heading, due, text, latest, age = item_words(item)
            lines += [f"* {heading} - {due}", f"  {text}", f"  Latest: {latest[:400]}{age}", ""]
            shown += 1
    if shown < len(digest.items):
        lines += [f"and {len(digest.items) - shown} more - ask a coordinator for the full list.", ""]
    lines += ["--", *update_instructions(digest, settings)]
    return "\n".join(lines) + "\n"


def html_body(digest: Digest, settings: MailSettings) -> str:
    e = lambda text: html.escape(text, quote=True)  # noqa: E731 - every value from the knowledge base goes through it
    parts = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(fallback_text(digest))}</title></head>",
        '<body style="font-family: Arial, sans-serif; line-height: 1.4">',
        f"<h1>Your actions this week ({e(digest.week)})</h1>",
    ]
    shown = 0
    for section, title in SECTION_TITLES.items():
        items = digest.section(section)
        if not items:
            continue
        parts.append(f"<h2>{e(title)} ({len(items)})</h2><ul>")
        for item in items:
            if shown >= MAX_ITEMS:
                break
            heading, due, text, latest, age = item_words(item)
            parts.append(
                f"<li><p><strong>{e(heading)}</strong> - {e(due)}<br>{e(text)}<br>"
                f"<em>Latest: {e(latest[:400])}{e(age)}</em></p></li>"
            )
            shown += 1
        parts.append("</ul>")
    if shown < len(digest.items):
        parts.append(f"<p>and {len(digest.items) - shown} more - ask a coordinator for the full list.</p>")
    parts.append("<hr>")
    parts.extend(f'<p style="color: #555">{e(line)}</p>' for line in update_instructions(digest, settings))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def digest_message(
    digest: Digest, recipient: str, settings: MailSettings, now: dt.datetime | None = None
) -> EmailMessage:
    """The digest as an email: plain text and HTML, headers built so data can never add a header or recipient.

    Raises ValueError if a header still could not be built (policy SMTP refuses line breaks in header values).
    """
    message = EmailMessage(policy=POLICY)
    message["From"] = Address(SENDER_NAME, addr_spec=settings.sender)
    message["To"] = Address(one_line(digest.name), addr_spec=recipient)
    if settings.reply_to:
        message["Reply-To"] = settings.reply_to
    message["Subject"] = one_line(fallback_text(digest), 250)
    message["Date"] = format_datetime(now or dt.datetime.now(dt.UTC))
    message["Message-ID"] = message_id(digest.person, digest.week, settings.sender)
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation auto-replies
    pause = quote(f"pause reminders {digest.person}")
    message["List-Unsubscribe"] = f"<mailto:{mailbox(settings)}?subject={pause}>"
    message["X-Actionbot-Digest"] = f"{digest.person} {digest.week}"
    message.set_content(text_body(digest, settings))
    message.add_alternative(html_body(digest, settings), subtype="html")
    return message


def email_address(person: Person) -> tuple[str | None, str]:
    """The person's address if it is a plain one (local@domain), else None and why."""
    if not person.email:
        return None, "no email address in the knowledge base"
    address = person.email.strip()
    if not plain_address(address):
        return None, f"the email address in the knowledge base is not a plain address ({one_line(address, 80)!r})"
    return address, ""


class EmailDigests:
    """Sends digests by email through a Mailer, exactly once per person per week (EmailStore)."""

    def __init__(self, kb: KnowledgeBase, state: State, settings: MailSettings | None, mailer: Mailer | None = None):
        self.kb, self.settings, self.store = kb, settings, EmailStore(state)
        self.mailer = mailer if mailer is not None or settings is None else Mailer(settings)

    def reason_unavailable(self, person: Person) -> str | None:
        """Why this person cannot be sent an email, or None if they can."""
        if self.settings is None:
            return f"email is not set up ({SMTP_URL_ENV} and {MAIL_FROM_ENV} are not set)"
        return email_address(person)[1] or None

    def deliver(
        self, digest: Digest, report: RunReport, before_send: Callable[[Digest], None] | None = None
    ) -> str | None:
        """Email this week's digest unless it went (or may have gone) already. Everything that happens goes in
        `report`; returns why the person cannot be emailed at all (nothing was tried), else None."""
        person = self.kb.people[digest.person]
        why = self.reason_unavailable(person)
        if why or self.settings is None or self.mailer is None:
            return why or "email is not set up"
        recipient = email_address(person)[0] or ""
        previous = self.store.email_status(digest.person, digest.week)
        if previous and previous.status == "sent":
            report.email_already.append(digest.person)
            return None
        if previous and previous.status == "sending":
            report.email_unconfirmed.append((digest, unconfirmed_text(previous)))
            return None
        if previous and previous.status == "rejected" and previous.recipient == recipient:
            report.email_rejected.append((digest, previous.error or "email refused"))
            return None
        mid = message_id(digest.person, digest.week, self.settings.sender)
        try:
            message = digest_message(digest, recipient, self.settings)
        except ValueError as exc:
            self.store.mark_email(digest.person, digest.week, "rejected", recipient, mid, f"message not built: {exc}")
            report.email_rejected.append((digest, f"message not built: {exc}"))
            return None
        self.store.mark_email(digest.person, digest.week, "sending", recipient, mid)
        if before_send:
            before_send(digest)
        try:
            self.mailer.send(message, self.settings.sender, recipient)
        except MailUnknown as exc:  # left 'sending': never resent blind
            self.store.mark_email(digest.person, digest.week, "sending", recipient, mid, str(exc))
            report.email_unconfirmed.append((digest, unconfirmed_text(EmailSend("sending", recipient, mid, str(exc)))))
            return None
        except MailRejected as exc:
            self.store.mark_email(digest.person, digest.week, "rejected", recipient, mid, f"email refused: {exc}")
            report.email_rejected.append((digest, f"email refused: {exc}"))
            return None
        except MailError as exc:  # MailDeferred: 4xx or no connection; the next run tries again
            self.store.mark_email(digest.person, digest.week, "deferred", recipient, mid, str(exc))
            report.email_deferred.append((digest, f"email deferred: {exc}"))
            return None
        self.store.mark_email(digest.person, digest.week, "sent", recipient, mid)
        report.emailed.append(digest.person)
        return None

    def sent_or_sending(self, person: str, week: str) -> EmailSend | None:
        """This week's email row if it went or may have gone (so no other channel sends a second digest)."""
        row = self.store.email_status(person, week)
        return row if row and row.status in ("sent", "sending") else None

    def close(self) -> None:
        if self.mailer is not None:
            self.mailer.close()


def unconfirmed_text(row: EmailSend) -> str:
    return (
        f"email to {row.recipient} may not have arrived (the run stopped while sending it"
        f"{': ' + row.error if row.error else ''}); not resent automatically - look for Message-ID "
        f"{row.message_id} in the mail server's log, then `actionbot remind --resend-email PERSON` if it is not there"
    )


def describe_route(person: Person, settings: MailSettings | None) -> str:
    """How this week's digest would reach `person` (for `remind --dry-run`); nothing is looked up."""
    address, why_no_address = email_address(person)
    if settings is None and address:
        why_no_address = f"email is not set up ({SMTP_URL_ENV} is not set)"
        address = None
    email = f"email to {address}" if address else None
    if person.slack_id:
        slack = f"Slack ({person.slack_id})"
    elif person.email:
        slack = f"Slack, if {one_line(person.email, 80)} has a Slack account"
    else:
        slack = None
    via = person.remind_via
    if via == "none":
        return "no digest (remind_via: none)"
    if via == "email":
        return email or f"unreachable (remind_via: email): {why_no_address}"
    if via == "slack":
        return slack or "unreachable (remind_via: slack): no Slack id and no email"
    if via == "both":
        return " and ".join(filter(None, (slack, email))) or "unreachable: no Slack id and no email"
    if person.slack_id:
        return slack or ""
    if slack:
        return f"{slack}, else {email}" if email else f"{slack}, else unreachable ({why_no_address})"
    return email or "unreachable: no Slack id and no email in the knowledge base"
