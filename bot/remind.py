"""Send each lead one weekly digest, exactly once, and tell coordinators about anyone unreachable."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from bot import remind_blocks
from bot.remind_email import EmailDigests, unconfirmed_text
from bot.slack.sdk import SlackApiError, without_connection_retries
from bot.state import Busy, Store
from knowledge.digest import DEFAULT_WINDOWS, Composition, Digest, Windows, compose, iso_week
from knowledge.models import KnowledgeBase
from knowledge.visibility import in_channel, may_see

log = logging.getLogger(__name__)
EVENT_TYPE = "actionbot_reminder"
SUMMARY_EVENT = "actionbot_reminder_summary"
# chat.postMessage errors Slack documents as temporary; anything else (channel_not_found, not_in_channel, ...) is not
RETRYABLE = frozenset({"internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited"})
POST_RETRIES = 2
HISTORY_PAGES = 5  # at most this many pages of 200 messages are searched for a week's post
COORDINATORS_ENV = "ACTIONBOT_COORDINATORS_CHANNEL"

SCHEMA = """
CREATE TABLE IF NOT EXISTS reminders (
    person  TEXT NOT NULL,
    week    TEXT NOT NULL,
    status  TEXT NOT NULL,           -- sending | sent
    channel TEXT,
    ts      TEXT,
    updated REAL NOT NULL,
    PRIMARY KEY (person, week)
);
CREATE TABLE IF NOT EXISTS slack_ids_by_email (
    email      TEXT PRIMARY KEY,
    slack_user TEXT,                 -- NULL: looked up, no Slack account
    looked_up  REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS reminder_pauses (
    person TEXT PRIMARY KEY,
    since  REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS snoozes (
    plan   TEXT NOT NULL,
    action TEXT NOT NULL,
    until  TEXT NOT NULL,            -- ISO date: left out of digests up to and including this day
    by     TEXT,
    PRIMARY KEY (plan, action)
);
"""
MIGRATIONS = [SCHEMA]  # append a step to change the tables; never edit one already released
EMAIL_TTL = 7 * 24 * 3600
PACE_ENV = "ACTIONBOT_REMIND_PACE"
DEFAULT_PACE = 1.1  # seconds between digests: under chat.postMessage's one message a second
SUMMARY = "#coordinators-summary"  # the reminders row that records this week's summary


class ReminderBusy(Exception):
    """Another reminder run holds the lock."""


class DeliveryError(Exception):
    """A post that could not be delivered; the message says why (Slack's error code, or the connection)."""


class HistoryUnavailable(Exception):
    """A conversation's history could not be read, so whether a post is there is unknown."""


class RemindStore:
    """The reminder tables in the bot's state database."""

    def __init__(self, state: Store) -> None:
        self.state = state
        state.migrate("remind", MIGRATIONS)

    def status(self, person: str, week: str) -> tuple[str, str | None, str | None] | None:
        row = (
            self.state.connect()
            .execute("SELECT status, channel, ts FROM reminders WHERE person = ? AND week = ?", (person, week))
            .fetchone()
        )
        return tuple(row) if row else None

    def mark(self, person: str, week: str, status: str, channel: str | None = None, ts: str | None = None) -> None:
        self.state.connect().execute(
            "INSERT INTO reminders (person, week, status, channel, ts, updated) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (person, week) DO UPDATE SET status = excluded.status, "
            "channel = COALESCE(excluded.channel, reminders.channel), ts = COALESCE(excluded.ts, reminders.ts), "
            "updated = excluded.updated",
            (person, week, status, channel, ts, time.time()),
        )

    def slack_user_for_email(self, email: str) -> tuple[bool, str | None]:
        """(known, slack user or None) from the cache."""
        row = (
            self.state.connect()
            .execute("SELECT slack_user, looked_up FROM slack_ids_by_email WHERE email = ?", (email.casefold(),))
            .fetchone()
        )
        if row is None or time.time() - row[1] > EMAIL_TTL:
            return False, None
        return True, row[0]

    def remember_email(self, email: str, slack_user: str | None) -> None:
        self.state.connect().execute(
            "INSERT INTO slack_ids_by_email VALUES (?, ?, ?) ON CONFLICT (email) DO UPDATE SET "
            "slack_user = excluded.slack_user, looked_up = excluded.looked_up",
            (email.casefold(), slack_user, time.time()),
        )

    def paused(self) -> set[str]:
        return {r[0] for r in self.state.connect().execute("SELECT person FROM reminder_pauses")}

    def pause(self, person: str) -> None:
        self.state.connect().execute(
            "INSERT INTO reminder_pauses VALUES (?, ?) ON CONFLICT (person) DO UPDATE SET since = excluded.since",
            (person, time.time()),
        )

    def resume(self, person: str) -> None:
        self.state.connect().execute("DELETE FROM reminder_pauses WHERE person = ?", (person,))

    def snoozed(self, today: dt.date) -> frozenset[tuple[str, str]]:
        rows = self.state.connect().execute("SELECT plan, action FROM snoozes WHERE until >= ?", (today.isoformat(),))
        return frozenset((r[0], r[1]) for r in rows)

    def snooze(self, plan: str, action: str, until: dt.date, by: str | None) -> None:
        self.state.connect().execute(
            "INSERT INTO snoozes VALUES (?, ?, ?, ?) ON CONFLICT (plan, action) DO UPDATE SET "
            "until = excluded.until, by = excluded.by",
            (plan, action, until.isoformat(), by),
        )


@contextlib.contextmanager
def run_lock(state: Store) -> Iterator[None]:
    """One reminder run at a time per state store, across processes and (with PostgreSQL) replicas.

    A file lock beside a SQLite file; a PostgreSQL advisory lock otherwise. A killed run's lock is released
    by the OS or the server. A run that finds it held sends nothing; one that starts after it finds each
    digest recorded as sent, so N replicas send one digest per lead per week.
    """
    try:
        with state.exclusive("remind", wait=False):
            yield
    except Busy:
        raise ReminderBusy("another reminder run is in progress; this one sends nothing") from None


@dataclass
class RunReport:
    week: str
    sent: list[str] = field(default_factory=list)  # person ids
    already: list[str] = field(default_factory=list)  # sent earlier this week
    recovered: list[str] = field(default_factory=list)  # posted earlier but not recorded; found by metadata
    paused: list[str] = field(default_factory=list)
    unreachable: list[tuple[Digest, str]] = field(default_factory=list)
    failed: list[tuple[Digest, str]] = field(default_factory=list)  # reachable, but the post failed: why
    summary_posted: bool = False
    summary_already: bool = False  # this week's summary was already in the coordinators' channel
    summary_error: str | None = None
    # email (bot/remind_email.py); `already` above counts Slack only
    emailed: list[str] = field(default_factory=list)
    email_already: list[str] = field(default_factory=list)  # emailed earlier this week
    email_deferred: list[tuple[Digest, str]] = field(default_factory=list)  # 4xx: the next run tries again
    email_rejected: list[tuple[Digest, str]] = field(default_factory=list)  # 5xx: recorded, not retried this week
    email_unconfirmed: list[tuple[Digest, str]] = field(default_factory=list)  # left 'sending': a manual check
    not_wanted: list[str] = field(default_factory=list)  # remind_via: none

    def reached(self) -> set[str]:
        """Everyone who has this week's digest by some channel (sent now or earlier)."""
        return {*self.sent, *self.already, *self.recovered, *self.emailed, *self.email_already}

    def not_reached(self) -> list[tuple[Digest, str]]:
        """Leads whose digest did not (or may not have) gone, and why, for the coordinators and the operator."""
        return [*self.failed, *self.email_rejected, *self.email_deferred, *self.email_unconfirmed]


class Reminder:
    """Composes this week's digests and delivers them through a Slack Web API client."""

    def __init__(
        self,
        kb: KnowledgeBase,
        client: Any,
        state: Store,
        coordinators: str | None = None,
        windows: Windows = DEFAULT_WINDOWS,
        pace: float = 0.0,
        retry_wait: float = 1.0,
        mail: EmailDigests | None = None,
    ) -> None:
        self.pace = pace  # minimum seconds between two digests (Slack allows about one message a second)
        self.retry_wait = retry_wait  # seconds before the first retry of a failed post (doubling after)
        self._last_send = 0.0
        # The client's own retry after a lost connection would post again blind; `post` checks Slack first.
        self.client = without_connection_retries(client)
        self.kb, self.store = kb, RemindStore(state)
        self.state, self.coordinators, self.windows = state, coordinators, windows
        self._oldest = "0"
        self.mail = mail  # email digests (None: Slack only, and leads who want email are unreachable)

    def compose(self, today: dt.date) -> Composition:
        return compose(self.kb, today, self.windows, self.store.snoozed(today))

    def run(
        self,
        today: dt.date,
        progress: Callable[[int, int], None] | None = None,
        before_send: Callable[[Digest], None] | None = None,
    ) -> RunReport:
        """Send every due digest once. Raises ReminderBusy if another run is going."""
        with run_lock(self.state):
            composition = self.compose(today)
            report = RunReport(iso_week(today))
            monday = today - dt.timedelta(days=today.weekday())
            self._oldest = str(dt.datetime.combine(monday - dt.timedelta(days=1), dt.time(), dt.UTC).timestamp())
            paused = self.store.paused()
            total = len(composition.digests)
            try:
                for n, digest in enumerate(composition.digests, 1):
                    self.deliver(digest, report, paused, before_send)
                    if progress:
                        progress(n, total)
            finally:
                if self.mail is not None:
                    self.mail.close()
            summary = self.store.status(SUMMARY, report.week)
            if self.coordinators and not (summary and summary[0] == "sent"):
                self.deliver_summary(composition, report)
            return report

    def deliver(
        self, digest: Digest, report: RunReport, paused: set[str], before_send: Callable[[Digest], None] | None
    ) -> None:
        if digest.person in paused:
            report.paused.append(digest.person)
            return
        via = self.kb.people[digest.person].remind_via
        if via == "none":
            report.not_wanted.append(digest.person)
            return
        previous = self.store.status(digest.person, digest.week)
        email_row = self.mail.sent_or_sending(digest.person, digest.week) if self.mail and via != "both" else None
        if email_row:  # one digest a week across Slack and email, whatever the preference was when it went
            if email_row.status == "sent":
                report.email_already.append(digest.person)
            else:
                report.email_unconfirmed.append((digest, unconfirmed_text(email_row)))
            return
        if via == "email":
            if previous and previous[0] in ("sent", "sending"):  # Slack had it this week, before the switch
                report.already.append(digest.person)
                return
            self.deliver_email(digest, report, before_send, "remind_via is email, but")
            return
        if via == "both":
            self.deliver_email(digest, report, before_send, "remind_via is both, but")
        if previous and previous[0] == "sent":
            report.already.append(digest.person)
            return
        slack_user, why = self.slack_user(digest.person)
        channel = self.open_dm(slack_user) if slack_user else None
        if channel is None:
            why = why or "could not open a direct message"
            if via == "auto" and previous is None:  # not reachable in Slack: email instead
                why_not = self.mail.deliver(digest, report, before_send) if self.mail else "email is not set up"
                if why_not is None:
                    return
                why = f"{why}; {why_not}" if self.kb.people[digest.person].email else why
            report.unreachable.append((digest, why))
            return
        payload = {"person": digest.person, "week": digest.week}
        try:  # the local record does not prove it was sent: Slack's history is the last word
            found = self.find_posted(channel, EVENT_TYPE, payload)
        except HistoryUnavailable as exc:
            log.warning("%s; sending %s's digest on the local record alone", exc, digest.person)
            found = None
        if found:
            self.store.mark(digest.person, digest.week, "sent", channel, found)
            report.recovered.append(digest.person)
            return
        self.store.mark(digest.person, digest.week, "sending", channel)
        wait = self._last_send + self.pace - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last_send = time.monotonic()
        if before_send:
            before_send(digest)
        try:
            ts = self.post(
                channel,
                EVENT_TYPE,
                payload,
                text=remind_blocks.fallback_text(digest),
                blocks=remind_blocks.digest_blocks(digest),
                unfurl_links=False,
            )
        except DeliveryError as exc:
            log.warning("digest for %s not delivered: %s", digest.person, exc)
            self.store.mark(digest.person, digest.week, "failed", channel)
            report.failed.append((digest, str(exc)))
            return
        self.store.mark(digest.person, digest.week, "sent", channel, ts)
        report.sent.append(digest.person)

    def deliver_email(
        self, digest: Digest, report: RunReport, before_send: Callable[[Digest], None] | None, prefix: str
    ) -> None:
        """Email the digest; a lead who cannot be emailed is listed as unreachable (with why)."""
        why = self.mail.deliver(digest, report, before_send) if self.mail else "email is not set up"
        if why is not None:
            report.unreachable.append((digest, f"{prefix} {why}"))

    def post(self, channel: str, event_type: str, payload: dict, **message: Any) -> str:
        """chat.postMessage with metadata (event_type, payload); the ts. Raises DeliveryError.

        A temporary Slack error or a lost connection is retried, but only after the conversation's history shows
        the post did not arrive: a post whose fate cannot be checked is never repeated.
        """
        why = ""
        for attempt in range(POST_RETRIES + 1):
            if attempt:
                try:
                    found = self.find_posted(channel, event_type, payload)
                except HistoryUnavailable as exc:
                    raise DeliveryError(f"{why}; not retried, as {exc}") from None
                if found:
                    return found
                time.sleep(self.retry_wait * 2 ** (attempt - 1))
            try:
                response = self.client.chat_postMessage(
                    channel=channel, metadata={"event_type": event_type, "event_payload": payload}, **message
                )
                return str(response.get("ts") or "")
            except SlackApiError as exc:
                why = _error(exc)
                if why not in RETRYABLE:
                    raise DeliveryError(why) from None
            except OSError as exc:  # connection refused, reset or timed out: the post may have arrived
                why = f"connection to Slack failed ({exc.__class__.__name__}: {exc})"
        raise DeliveryError(f"{why} (tried {POST_RETRIES + 1} times)")

    def slack_user(self, person_id: str) -> tuple[str | None, str]:
        """The person's Slack user id, by knowledge-base Slack id, else users.lookupByEmail (cached)."""
        person = self.kb.people[person_id]
        if person.slack_id:
            return person.slack_id, ""
        if not person.email:
            return None, "no Slack id and no email in the knowledge base"
        known, cached = self.store.slack_user_for_email(person.email)
        if known:
            return cached, "" if cached else f"no Slack account for {person.email}"
        try:
            user = (self.client.users_lookupByEmail(email=person.email).get("user") or {}).get("id")
        except SlackApiError as exc:
            error = exc.response.get("error") if exc.response is not None else str(exc)
            if error == "users_not_found":
                self.store.remember_email(person.email, None)
                return None, f"no Slack account for {person.email}"
            return None, f"Slack lookup failed ({error})"
        self.store.remember_email(person.email, user)
        return user, ""

    def open_dm(self, slack_user: str) -> str | None:
        try:
            return self.client.conversations_open(users=slack_user)["channel"]["id"]
        except SlackApiError as exc:
            log.warning("conversations.open for %s failed: %s", slack_user, exc)
            return None

    def find_posted(self, channel: str, event_type: str, payload: dict) -> str | None:
        """The ts of this week's post (event_type with payload) in the conversation's history, or None.

        Raises HistoryUnavailable when the history cannot be read.
        """
        cursor = None
        for _ in range(HISTORY_PAGES):
            try:
                history = self.client.conversations_history(
                    channel=channel, limit=200, include_all_metadata=True, oldest=self._oldest, cursor=cursor
                )
            except (SlackApiError, OSError) as exc:
                why = _error(exc) if isinstance(exc, SlackApiError) else str(exc)
                raise HistoryUnavailable(f"conversations.history for {channel} failed ({why})") from None
            for message in history.get("messages", []):
                meta = message.get("metadata") or {}
                if meta.get("event_type") == event_type and all(
                    (meta.get("event_payload") or {}).get(k) == v for k, v in payload.items()
                ):
                    return message.get("ts")
            cursor = (history.get("response_metadata") or {}).get("next_cursor")
            if not history.get("has_more") or not cursor:
                return None
        return None

    def deliver_summary(self, composition: Composition, report: RunReport) -> None:
        """Post the coordinators' summary once a week: only what that channel may see; failures go in the report."""
        channel = self.coordinators or ""
        payload = {"week": report.week}
        try:
            found = self.find_posted(channel, SUMMARY_EVENT, payload)
        except HistoryUnavailable as exc:
            log.warning("%s; posting the summary on the local record alone", exc)
            found = None
        if found:
            self.store.mark(SUMMARY, report.week, "sent", channel, found)
            report.summary_already = True
            return
        sent = len(report.reached())
        visible = lambda plan_id: may_see(self.kb.plans[plan_id], in_channel(channel))  # noqa: E731
        # a lead reached by one channel is not listed for another that failed (remind_via: both)
        reached = report.reached()
        unreachable = [(d, why) for d, why in report.unreachable if d.person not in reached]
        missed = [(d, why) for d, why in report.not_reached() if d.person not in reached]
        text = remind_blocks.summary_text(composition, unreachable, sent, report.week, missed, visible)
        try:
            ts = self.post(channel, SUMMARY_EVENT, payload, text=text[:3000], blocks=remind_blocks.summary_blocks(text))
        except DeliveryError as exc:
            report.summary_error = str(exc)
            log.warning("coordinators' summary not posted to %s: %s", channel, exc)
            return
        self.store.mark(SUMMARY, report.week, "sent", channel, ts)
        report.summary_posted = True


def _error(exc: SlackApiError) -> str:
    return str(exc.response.get("error")) if exc.response is not None else str(exc)
