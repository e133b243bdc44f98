"""What an exported spreadsheet or calendar holds: rows and entries built from the knowledge base.

Status, overdue and RAG come only from knowledge/facts.py, so a change in how they are derived reaches
every export. The file formats live in xlsx_writer.py (XlsxWriter), ics_writer.py (icalendar) and csv here.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from dataclasses import dataclass

from knowledge import describe, facts
from knowledge.models import Action, KnowledgeBase, Plan

COLUMNS = (
    "Plan",
    "ID",
    "Action",
    "Leads",
    "Timescale",
    "Start",
    "Due",
    "Due (last day)",
    "Status",
    "Derived status",
    "RAG",
    "Latest update",
    "Theme",
    "Recommendation",
    "Measure",
    "Source",
)
MILESTONE_COLUMNS = ("Plan", "Action", "Milestone", "Date as written", "Start", "Due", "Status")


def lead_names(kb: KnowledgeBase, action: Action) -> str:
    """Leads as the import reads them back: a role's title, a person's name, separated by "; "."""
    names = []
    for ref in action.leads:
        if ref in kb.roles:
            names.append(kb.roles[ref].title)
        elif ref in kb.people:
            names.append(kb.people[ref].name)
        else:
            names.append(ref)
    return "; ".join(names)


def action_row(kb: KnowledgeBase, action: Action, today: dt.date) -> list:
    """One action as a row of COLUMNS (the "Due (last day)" cell is a date, the rest text)."""
    due = facts.effective_due(action, today)
    rag = facts.rag(action, today)
    latest = action.updates[-1] if action.updates else None
    latest_text = f"{latest.date.describe()}: {latest.text}" if latest else ""
    source = action.source.describe() if action.source else ""
    return [
        action.plan,
        action.id,
        action.text,
        lead_names(kb, action),
        action.timescale or "",
        action.start.text if action.start else "",
        due.text if due else "",
        due.date if due else None,
        facts.recorded_status(action),
        describe.status_text(action, today),
        f"{rag.colour}: {rag.label}",
        latest_text,
        action.theme or "",
        action.recommendation or "",
        action.measure or "",
        source,
    ]


def overdue(kb: KnowledgeBase, today: dt.date, plans: list[Plan]) -> list[Action]:
    """Actions overdue today, by the knowledge base's own rule, earliest due first."""
    late = [a for plan in plans for a in plan.actions if facts.action_overdue(a, today)]
    return sorted(late, key=lambda a: (facts.effective_due(a, today).date, a.plan, a.id))  # type: ignore[union-attr]


def milestone_rows(plans: list[Plan]) -> list[list]:
    return [
        [
            a.plan,
            a.id,
            m.text,
            m.date_text or "",
            m.start.text if m.start else "",
            m.due.text if m.due else "",
            m.status,
        ]
        for plan in plans
        for a in plan.actions
        for m in a.milestones
    ]


def choose_plans(kb: KnowledgeBase, plan_id: str | None, person: str | None) -> list[Plan]:
    """The plans asked for (all by default); with a person, only their actions. Raises KeyError for a bad id."""
    plans = [kb.plans[plan_id]] if plan_id else list(kb.plans.values())
    if person is None:
        return plans
    mine = []
    for plan in plans:
        actions = tuple(a for a in plan.actions if any(person in kb.people_behind(ref) for ref in a.leads))
        if actions:
            mine.append(_with_actions(plan, actions))
    return mine


def _with_actions(plan: Plan, actions: tuple[Action, ...]) -> Plan:
    import dataclasses

    return dataclasses.replace(plan, actions=actions, _by_id={})


def csv_text(kb: KnowledgeBase, plans: list[Plan], today: dt.date) -> str:
    """The same columns as the spreadsheet, every chosen action, as CSV (UTF-8, for Excel with a BOM)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for plan in plans:
        for action in plan.actions:
            row = action_row(kb, action, today)
            row[7] = row[7].isoformat() if row[7] else ""
            writer.writerow(row)
    return "\ufeff" + out.getvalue()


# -- calendar entries --------------------------------------------------------------------------
@dataclass(frozen=True)
class Entry:
    """One calendar entry: a timed meeting, or an all-day due date or milestone."""

    uid: str
    summary: str
    description: str
    day: dt.date
    time: dt.time | None = None  # a meeting's start time (Europe/London)
    location: str | None = None
    minutes: int = 120


def _uid_part(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def calendar_entries(
    kb: KnowledgeBase, plans: list[Plan], person: str | None, include_meetings: bool, today: dt.date
) -> list[Entry]:
    """Due dates and milestones as all-day entries; meetings (with time and venue) as events. UIDs are stable:
    the same action or milestone keeps its UID when its date changes, so calendars update, not duplicate."""
    entries: list[Entry] = []
    for plan in plans:
        for action in plan.actions:
            leads = ", ".join(kb.name_of(ref) for ref in action.leads) or "no lead named"
            ask = f"Ask actionbot: /actions what is the status of {plan.id} {action.id}"
            due = facts.effective_due(action)
            status = facts.current_status(action, today)
            if due is not None:
                done = " (complete)" if status == "complete" else ""
                entries.append(
                    Entry(
                        uid=f"due-{_uid_part(plan.id)}-{_uid_part(action.id)}@actionbot",
                        summary=f"Due: {plan.id} {action.id}{done} – {_short(action.text)}",
                        description=(
                            f"{plan.title}, action {action.id}: {action.text}\nLead: {leads}\n"
                            f"Due {due.describe()}"
                            + (f" (as written: {action.timescale})" if action.timescale else "")
                            + f"\nStatus: {status}; {facts.rag(action, today).label}\n{ask}"
                        ),
                        day=due.date,
                    )
                )
            for m in action.milestones:
                if m.due is None:
                    continue
                entries.append(
                    Entry(
                        uid=f"milestone-{_uid_part(plan.id)}-{_uid_part(action.id)}-{_digest(m.text)}@actionbot",
                        summary=f"Milestone: {plan.id} {action.id}"
                        + (" (complete)" if m.status == "complete" else "")
                        + f" – {_short(m.text)}",
                        description=(
                            f"{plan.title}, action {action.id}: {m.text}\nLead: {leads}\n"
                            f"Date as written: {m.date_text or m.due.describe()}; status {m.status}\n{ask}"
                        ),
                        day=m.due.date,
                    )
                )
    if include_meetings:
        for committee in kb.committees.values():
            if person and person not in {m.person for m in committee.members}:
                continue
            for meeting in committee.meetings:
                items = "\n".join(f"{i.number}. {i.title}" for i in meeting.agenda)
                entries.append(
                    Entry(
                        uid=f"meeting-{_uid_part(committee.id)}-{meeting.date.isoformat()}@actionbot",
                        summary=committee.name,
                        description=(items + "\n" if items else "")
                        + f"Ask actionbot: /actions what is on the agenda of the {committee.name} on "
                        f"{meeting.date.isoformat()}",
                        day=meeting.date,
                        time=_time(meeting.time),
                        location=meeting.venue,
                    )
                )
    return entries


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _time(text: str | None) -> dt.time | None:
    if not text:
        return None
    try:
        return dt.time.fromisoformat(text)
    except ValueError:
        return None
