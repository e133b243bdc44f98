"""Spreadsheets and calendars from Slack: `/actions export overdue [plan]` uploads the overdue actions as a
workbook to the channel; the App Home button "My due dates (.ics)" sends the person a calendar file in a DM.

Only plans visible where the file lands are included: a channel sees what its questions would see, a DM
what its person may see.
"""

from __future__ import annotations

import datetime as dt
import io
import logging

from assemblers.ics_writer import calendar_bytes
from assemblers.plan_export import calendar_entries, choose_plans, overdue
from assemblers.xlsx_writer import write_workbook
from bot.slack import blocks, identity
from bot.slack.deps import Deps
from bot.slack.sdk import Ack, App, SlackApiError, WebClient
from bot.slack.visibility import Audience, audience, home_audience, is_dm_channel
from knowledge.dates import LONDON
from knowledge.engine import Engine
from knowledge.models import Plan

log = logging.getLogger(__name__)
USAGE = "Usage: `/actions export overdue` (every plan you can see here) or `/actions export overdue <plan id>`."


def visible_plans(engine: Engine, viewer: Audience, plan_id: str | None = None) -> list[Plan]:
    kb = engine.kb
    plans = [p for p in kb.plans.values() if engine.visible(p.id, viewer)]
    return [p for p in plans if p.id == plan_id] if plan_id else plans


def handle_export_command(command: dict, client: WebClient, deps: Deps) -> str:
    """Build the overdue workbook and upload it to the command's channel; returns what to tell the user."""
    words = (command.get("text") or "").split()
    if len(words) < 2 or words[1].lower() != "overdue" or len(words) > 3:
        return USAGE
    engine = deps.holder.engine
    channel = command.get("channel_id")
    viewer = audience(channel, is_dm_channel(channel, channel_name=command.get("channel_name")))
    plan_id = words[2] if len(words) == 3 else None
    plans = visible_plans(engine, viewer, plan_id)
    if plan_id and not plans:
        return f"There is no plan {plan_id!r} in the knowledge base."
    today = deps.today()
    late = overdue(engine.kb, today, plans)
    if not late:
        return f"Nothing is overdue as of {today.day} {today:%B %Y}; no spreadsheet to send."
    out = io.BytesIO()
    write_workbook(out, engine.kb, plans, today, overdue_only=True)
    name = f"overdue-{plan_id + '-' if plan_id else ''}{today.isoformat()}.xlsx"
    try:
        client.files_upload_v2(
            channel=channel,
            content=out.getvalue(),
            filename=name,
            title=name.removesuffix(".xlsx"),
            initial_comment=f"{len(late)} overdue action(s), requested by <@{command.get('user_id')}>.",
        )
    except SlackApiError as exc:
        error = exc.response.get("error") if exc.response is not None else str(exc)
        hint = " Invite me to this channel (`/invite @actionbot`) and try again." if error == "not_in_channel" else ""
        log.warning("files_upload_v2 to %s failed: %s", channel, error)
        return f"I built {name} but Slack would not take the upload ({error}).{hint}"
    return f"Posted {name} ({len(late)} overdue action(s)) in this channel."


def due_dates_ics(engine: Engine, person: str, today: dt.date, now: dt.datetime | None = None) -> tuple[bytes, int]:
    """The person's due dates and milestones (plans they may see) as .ics bytes, and how many entries."""
    viewer = home_audience(person)
    visible = {p.id for p in visible_plans(engine, viewer)}
    plans = [p for p in choose_plans(engine.kb, None, person) if p.id in visible]
    entries = calendar_entries(engine.kb, plans, person, include_meetings=True, today=today)
    return calendar_bytes(entries, "My due dates (actionbot)", now or dt.datetime.now(LONDON)), len(entries)


def handle_home_ics(body: dict, client: WebClient, deps: Deps) -> None:
    """Send the clicking user their due dates as an .ics file in a DM."""
    user = (body.get("user") or {}).get("id")
    if not user:
        return
    engine = deps.holder.engine
    person = identity.resolve(user, engine.kb, client, deps.state)
    channel = client.conversations_open(users=user)["channel"]["id"]
    if person is None or person not in engine.kb.people:
        client.chat_postMessage(
            channel=channel, text="I could not match your Slack account to a person, so I have no due dates for you."
        )
        return
    data, count = due_dates_ics(engine, person, deps.today())
    name = f"due-dates-{person}.ics"
    try:
        client.files_upload_v2(
            channel=channel,
            content=data,
            filename=name,
            title="My due dates",
            initial_comment=f"Your due dates, milestones and meetings ({count} entries). Open the file to add them "
            "to Outlook or Google Calendar; a newer file updates the same entries.",
        )
    except SlackApiError as exc:
        error = exc.response.get("error") if exc.response is not None else str(exc)
        log.warning("files_upload_v2 of %s failed: %s", name, error)
        client.chat_postMessage(
            channel=channel, text=f"I built your calendar file but Slack would not take it ({error})."
        )


def register(app: App, deps: Deps) -> None:
    @app.action(blocks.HOME_ICS_ACTION)
    def on_home_ics(ack: Ack, body: dict, client: WebClient) -> None:
        ack()
        handle_home_ics(body, client, deps)
