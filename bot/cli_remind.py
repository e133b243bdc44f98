"""`actionbot remind [--dry-run] [--today]`: this week's digests, printed or sent once per lead (Slack or email).

Also `--pause PERSON` / `--resume PERSON` (a lead's weekly digests, by any channel) and `--resend-email PERSON`
(after a manual check found that an email left unconfirmed by a stopped run did not arrive)."""

from __future__ import annotations

import argparse
import difflib
import os
import sys

from bot.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, add_kb, add_today, command, load_kb
from bot.remind_blocks import SECTION_TITLES
from bot.settings import SettingsError, mail_settings
from knowledge.dates import today_in_london
from knowledge.describe import id_phrase
from knowledge.digest import Composition, Windows, compose, iso_week


def _remind_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dry-run", action="store_true", help="print every digest and send nothing")
    add_today(parser)
    add_kb(parser)
    parser.add_argument("--due-days", type=int, default=14, help="the 'due soon' window in days (default 14)")
    parser.add_argument("--stale-days", type=int, default=90, help="days without an update before 'stale' (default 90)")
    who = parser.add_mutually_exclusive_group()
    who.add_argument("--pause", metavar="PERSON", help="stop PERSON's weekly digests (a person id), and send nothing")
    who.add_argument("--resume", metavar="PERSON", help="start PERSON's weekly digests again, and send nothing")
    who.add_argument(
        "--resend-email",
        metavar="PERSON",
        help="forget that this week's email to PERSON may have gone (check the mail log first), then send as usual",
    )


@command("remind", "send (or with --dry-run print) this week's reminders to action leads", _remind_args)
def run_remind(args: argparse.Namespace) -> int:
    today = args.today or today_in_london()
    kb = load_kb(args)
    windows = Windows(args.due_days, args.stale_days)
    person = args.pause or args.resume or args.resend_email
    if person and person not in kb.people:
        close = difflib.get_close_matches(person, list(kb.people), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else " (use the id from people/*.yaml, e.g. ann-lead)"
        print(f"actionbot remind: no person with id {person!r} in the knowledge base{hint}", file=sys.stderr)
        return EXIT_USAGE
    if args.pause or args.resume:
        return pause_or_resume(kb, args.pause, args.resume)
    try:
        mail = mail_settings()
    except SettingsError as exc:
        print(f"actionbot remind: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.dry_run:
        print(render_plan(compose(kb, today, windows), kb, mail))
        return EXIT_OK
    return send(kb, today, windows, mail, args.resend_email)


def pause_or_resume(kb, pause: str | None, resume: str | None) -> int:
    """Record a pause (or lift it) in the state database, as `pause reminders` in a Slack DM does."""
    from bot.remind import RemindStore
    from bot.settings import state_path
    from bot.state import State

    state = State(state_path(os.environ))
    store = RemindStore(state)
    if pause:
        store.pause(pause)
        print(f"Paused: {kb.people[pause].name} gets no weekly digest, by Slack or email, until --resume {pause}.")
    else:
        store.resume(resume or "")
        print(f"Resumed: {kb.people[resume or ''].name} gets the weekly digest again.")
    return EXIT_OK


def render_plan(composition: Composition, kb=None, mail=None) -> str:
    """Every digest as text: who gets what this week, by which channel, and what reaches nobody."""
    from bot.remind_email import describe_route

    out = []
    week = composition.digests[0].week if composition.digests else ""
    out.append(f"Reminders for {week or 'this week'}: {len(composition.digests)} lead(s) would get a digest.")
    for digest in composition.digests:
        out.append(f"\n== {digest.name} ({digest.person}): {len(digest.items)} item(s)")
        if kb is not None:
            out.append(f"  via: {describe_route(kb.people[digest.person], mail)}")
        for section, title in SECTION_TITLES.items():
            items = digest.section(section)
            if items:
                out.append(f"  {title}:")
                for i in items:
                    age = f", {i.age_days} days ago" if i.age_days is not None else ""
                    kind = "milestone of " if i.milestone else ""
                    due = "no due date" if i.due == "no due date" else f"due {i.due}"
                    out.append(f"    - {i.plan_name}, {kind}{id_phrase(i.action)} ({due}): {i.text}")
                    out.append(f"      latest: {i.latest[:160]}{age}")
    if composition.unassigned:
        out.append(f"\n== No person to send to: {len(composition.unassigned)} item(s)")
        out.extend(
            f"    - {u.item.plan_name} {u.item.action} ({u.item.section}): lead {u.lead}"
            for u in composition.unassigned
        )
    return "\n".join(out)


def send(kb, today, windows: Windows, mail=None, resend_email: str | None = None) -> int:
    from rich.progress import Progress

    from bot.remind import COORDINATORS_ENV, DEFAULT_PACE, PACE_ENV, Reminder, ReminderBusy
    from bot.remind_email import EmailDigests, EmailStore
    from bot.settings import Settings, api_url, state_path
    from bot.slack.app import make_client
    from bot.state import StateError, open_store

    token = os.environ.get("SLACK_BOT_TOKEN", "")
    if not token.startswith("xoxb-"):
        print(
            "actionbot remind: SLACK_BOT_TOKEN is not set (a bot token starting xoxb-; get it at api.slack.com/apps "
            "-> your app -> OAuth & Permissions). Use --dry-run to see the digests without sending.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        settings = Settings(token, "", None, api_url(os.environ), state_path(os.environ))
    except SettingsError as exc:
        print(f"actionbot remind: {exc}", file=sys.stderr)
        return EXIT_USAGE
    coordinators = os.environ.get(COORDINATORS_ENV) or None
    try:
        pace = float(os.environ.get(PACE_ENV) or DEFAULT_PACE)
    except ValueError:
        print(f"actionbot remind: {PACE_ENV} must be a number of seconds, e.g. 1.1", file=sys.stderr)
        return EXIT_USAGE
    try:
        state = open_store()
    except StateError as exc:
        print(f"actionbot remind: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if state.problem:
        print(f"actionbot remind: {state.problem}", file=sys.stderr)
    if resend_email:
        forgotten = EmailStore(state).forget_email(resend_email, iso_week(today))
        print(
            f"Forgot this week's email to {resend_email} ({forgotten.status}, {forgotten.message_id}); sending again."
            if forgotten
            else f"No email to {resend_email} is recorded for {iso_week(today)}; sending as usual."
        )
    emails = EmailDigests(kb, state, mail)
    reminder = Reminder(kb, make_client(settings), state, coordinators, windows, pace, mail=emails)
    with Progress(transient=False) as progress:
        task = progress.add_task("Sending digests", total=None)
        try:
            report = reminder.run(today, progress=lambda n, total: progress.update(task, completed=n, total=total))
        except ReminderBusy as exc:
            print(f"actionbot remind: {exc}", file=sys.stderr)
            return EXIT_USAGE
    print(
        f"{report.week}: sent {len(report.sent)}, already sent {len(report.already)}, found already in Slack "
        f"{len(report.recovered)}, paused {len(report.paused)}, unreachable {len(report.unreachable)}, "
        f"failed {len(report.failed)}; emailed {len(report.emailed)}, already emailed {len(report.email_already)}, "
        f"email deferred {len(report.email_deferred)}, refused {len(report.email_rejected)}, "
        f"unconfirmed {len(report.email_unconfirmed)}; not wanted {len(report.not_wanted)}"
        + ("" if coordinators else f" (set {COORDINATORS_ENV} to post the coordinators' summary)")
    )
    reached = report.reached()
    for digest, why in report.unreachable:
        if digest.person not in reached:
            print(f"  unreachable: {digest.name}: {why}")
    for digest, why in report.failed:
        print(f"  not delivered: {digest.name}: {why} (run `actionbot remind` again to retry; nothing is sent twice)")
    for digest, why in report.email_deferred:
        print(f"  not delivered: {digest.name}: {why} (run `actionbot remind` again later to retry)")
    for digest, why in report.email_rejected:
        print(f"  not delivered: {digest.name}: {why} (not retried at this address: correct it in people/*.yaml)")
    for digest, why in report.email_unconfirmed:
        print(f"  CHECK BY HAND: {digest.name}: {why.replace('PERSON', digest.person)}")
    if report.summary_error:
        print(summary_problem(coordinators or "", report.summary_error), file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_PROBLEMS if report.not_reached() else EXIT_OK


def summary_problem(channel: str, error: str) -> str:
    """What the operator should do when the coordinators' summary could not be posted."""
    from bot.remind import COORDINATORS_ENV

    hint = ""
    if error.startswith(("not_in_channel", "channel_not_found")):
        hint = (
            f" Invite the bot into that channel (in Slack: /invite @actionbot in {channel}) and check that "
            f"{COORDINATORS_ENV} is the channel's id (C...); then run `actionbot remind` again."
        )
    return f"actionbot remind: the coordinators' summary was not posted to {channel}: {error}.{hint}"
