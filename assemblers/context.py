"""Build a template's context: plain dicts of knowledge-base values, each escaped for Markdown."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from assemblers.errors import AssemblyError
from assemblers.escape import md_escape
from knowledge import describe, facts
from knowledge.models import Action, AgendaItem, Committee, KnowledgeBase, Meeting, Person, Plan
from knowledge.resolve import NotResolved, Resolver

# Progress categories, in the order reports and charts show them: (key, label).
CATEGORIES = (
    ("complete", "Complete"),
    ("on_track", "On track"),
    ("overdue", "Overdue"),
    ("not_started", "Not started"),
    ("not_stated", "No status stated"),
)


@dataclass(frozen=True)
class DraftRequest:
    """What a draft is about: a plan, a meeting (and a committee when several meet that day), an agenda item."""

    plan: str | None = None
    meeting: dt.date | None = None
    item: int | None = None
    committee: str | None = None


def e(value: str | None) -> str | None:
    """Return a knowledge-base string escaped for Markdown (None stays None)."""
    return None if value is None else md_escape(value)


def long_date(day: dt.date) -> str:
    """Return "14 January 2025"."""
    return f"{day.day} {day:%B %Y}"


def build_context(kb: KnowledgeBase, request: DraftRequest, today: dt.date) -> dict[str, Any]:
    """Return the context for a template: committee, meeting, agenda, item, plan, today.

    Keys the request does not ask for are None. Every string from the knowledge base is escaped.
    Raises AssemblyError when the request names a meeting, agenda item or plan the knowledge base lacks.
    """
    context: dict[str, Any] = {
        "committee": None,
        "meeting": None,
        "agenda": None,
        "item": None,
        "plan": None,
        "work_programme": None,
        "today": long_date(today),
    }
    if request.meeting is not None:
        committee, meeting = find_meeting(kb, request.meeting, request.committee)
        context["committee"] = committee_context(committee, kb)
        context["meeting"] = meeting_context(meeting)
        context["agenda"] = [agenda_row(item) for item in meeting.agenda]
        context["work_programme"] = work_programme_context(committee)
        if request.item is not None:
            context["item"] = item_context(kb, find_item(meeting, request.item))
    elif request.item is not None:
        raise AssemblyError("an agenda item needs its meeting.", "Give the meeting date too: --meeting YYYY-MM-DD.")
    if request.plan is not None:
        context["plan"] = plan_context(kb, find_plan(kb, request.plan), today)
    return context


def work_programme_context(committee: Committee) -> list[dict[str, Any]]:
    """Return the committee's work programme as sections: standing items first, then each meeting's, by date.

    Each section is {heading, date (ISO or None), entries: [{title, sponsors}]}; `sponsors` is the
    sponsor cell as written, or None when the programme names none.
    """
    sections: dict[tuple[int, dt.date], list[dict[str, Any]]] = {}
    for work in committee.work_programme:
        # standing items first, then each meeting by date, then items not yet placed at a meeting
        key = (0, dt.date.min) if work.standing else (1, work.meeting) if work.meeting else (2, dt.date.max)
        sections.setdefault(key, []).append({"title": e(work.title), "sponsors": e(work.sponsors_text)})
    headings = {0: "Standing items for each meeting", 2: "To be placed"}
    return [
        {
            "heading": headings.get(rank) or long_date(day),
            "date": day.isoformat() if rank == 1 else None,
            "entries": sections[(rank, day)],
        }
        for rank, day in sorted(sections)
    ]


def find_meeting(kb: KnowledgeBase, date: dt.date, committee_id: str | None = None) -> tuple[Committee, Meeting]:
    """Return the committee and its meeting on `date`; raises AssemblyError when there is none or several."""
    if committee_id is not None and committee_id not in kb.committees:
        raise AssemblyError(
            f"there is no committee {committee_id!r} in the knowledge base.",
            f"Committees: {', '.join(sorted(kb.committees)) or 'none'}.",
        )
    committees = [kb.committees[committee_id]] if committee_id else list(kb.committees.values())
    found = [(c, m) for c in committees for m in c.meetings if m.date == date]
    if len(found) == 1:
        return found[0]
    if found:
        names = ", ".join(c.id for c, _ in found)
        raise AssemblyError(f"several committees meet on {date.isoformat()}: {names}.", "Name the committee.")
    known = sorted({m.date for c in committees for m in c.meetings})
    listed = ", ".join(d.isoformat() for d in known) or "none"
    raise AssemblyError(
        f"there is no meeting on {date.isoformat()} in the knowledge base.", f"Meetings it knows: {listed}."
    )


def find_item(meeting: Meeting, number: int) -> AgendaItem:
    """Return the meeting's agenda item `number`; raises AssemblyError naming the items there are."""
    try:
        return meeting.item(number)
    except KeyError:
        numbers = ", ".join(str(i.number) for i in meeting.agenda) or "none"
        raise AssemblyError(
            f"the meeting of {long_date(meeting.date)} has no agenda item {number}.",
            f"Its agenda items are: {numbers}.",
        ) from None


def find_plan(kb: KnowledgeBase, ref: str) -> Plan:
    """Return the plan with this id or short name ("county", "city plan"); raises AssemblyError with "did you mean"."""
    try:
        return Resolver(kb).plan(ref)
    except NotResolved as exc:
        raise AssemblyError(str(exc)) from None


def committee_context(committee: Committee, kb: KnowledgeBase | None = None) -> dict[str, Any]:
    """Return the committee's name, the word reports use for it ("Panel", "Committee") and its agenda contact.

    `agenda_contact` is {name, phone} of the officer the agenda's notes name, or None when not recorded.
    """
    words = committee.name.split()
    person = kb.people.get(committee.agenda_contact or "") if kb is not None else None
    return {
        "id": e(committee.id),
        "name": e(committee.name),
        "short_name": e(words[-1] if words else committee.name),
        "agenda_contact": {"name": e(person.name), "phone": e(person.phone)} if person else None,
    }


def meeting_context(meeting: Meeting) -> dict[str, Any]:
    """Return the meeting's date (as "14 January 2025" and with its weekday), time and venue."""
    return {
        "iso": meeting.date.isoformat(),
        "date": long_date(meeting.date),
        "weekday": f"{meeting.date:%A}",
        "time": e(meeting.time),
        "venue": e(meeting.venue),
    }


def agenda_row(item: AgendaItem) -> dict[str, Any]:
    """Return an agenda item's number, title and page range."""
    return {"number": item.number, "title": e(item.title), "pages": e(item.pages)}


def item_context(kb: KnowledgeBase, item: AgendaItem) -> dict[str, Any]:
    """Return everything a committee report takes from its agenda item."""
    signatory = kb.people.get(item.signatory or "")
    return {
        **agenda_row(item),
        "report_title": e(item.report_title or item.title),
        "has_report": has_written_report(item),
        "background_papers": [e(text) for text in item.background_papers],
        "report_of": e(item.report_of),
        "reference": e(item.reference),
        "purpose": e(item.purpose),
        "recommendations": [e(text) for text in item.recommendations],
        "constitutional_comments": e(item.constitutional_comments),
        "financial_comments": e(item.financial_comments),
        "signatory": {"name": e(signatory.name), "role": e(item.report_of or first(signatory.titles))}
        if signatory
        else None,
        "contacts": [contact(kb.people[ref]) for ref in item.contacts if ref in kb.people],
    }


def has_written_report(item: AgendaItem) -> bool:
    """Whether the knowledge base records a written report for the item (its author, signatory, reference or contacts).

    Apologies, declarations, minutes, verbal updates and the work programme have none.
    """
    return bool(item.report_of or item.signatory or item.reference or item.contacts)


def contact(person: Person) -> dict[str, Any]:
    """Return a contact's name, role, phone and email."""
    return {"name": e(person.name), "role": e(contact_role(person)), "phone": e(person.phone), "email": e(person.email)}


def contact_role(person: Person) -> str | None:
    """Return the title a report's contact block gives: the first title the person's source quotes, else the first.

    A person may carry several titles from different documents; the record's source quotes the one
    the contact block used.
    """
    where = f"{person.source.quote} {person.source.location or ''}"
    return next((title for title in person.titles if title in where), first(person.titles))


def first(values: tuple[str, ...]) -> str | None:
    return values[0] if values else None


def category(action: Action, today: dt.date) -> str:
    """Return the action's progress category: complete, on_track, overdue, not_started or not_stated."""
    rating = facts.rag(action, today)
    if rating.label == "complete":
        return "complete"
    if rating.colour == "red":
        return "overdue"
    status = facts.current_status(action, today)
    if status == "not-started":
        return "not_started"
    if status in ("in-progress", "ongoing"):
        return "on_track"
    return "not_stated"


def plan_context(kb: KnowledgeBase, plan: Plan, today: dt.date) -> dict[str, Any]:
    """Return the plan's title, its actions' progress rows and the counts in each category."""
    counts = dict.fromkeys((key for key, _ in CATEGORIES), 0)
    rows = []
    for action in plan.actions:
        counts[category(action, today)] += 1
        rows.append(action_row(kb, action, today))
    return {
        "id": e(plan.id),
        "title": e(plan.title),
        "short_name": e(describe.plan_label(kb, plan.id)),
        "reports_to": e(plan.reports_to),
        "owner": e(kb.name_of(plan.owner)) if plan.owner else None,
        "published": e(plan.published),
        "total": len(plan.actions),
        "counts": counts,
        "categories": [{"key": key, "label": label, "count": counts[key]} for key, label in CATEGORIES],
        "actions": rows,
        "overdue": [row for row in rows if row["rag"] == "red"],
    }


def action_row(kb: KnowledgeBase, action: Action, today: dt.date) -> dict[str, Any]:
    """Return one row of a progress table: id, label, action, lead, due, status, RAG colour, latest news.

    Status, RAG colour and overdue milestones come from knowledge.facts (never decided here).
    `due` is the due date in force, or the timescale as written when no date is derived; `timescale`
    is the timescale as written when it says something the date does not ("12 months"), else None.
    """
    due = facts.effective_due(action, today)
    rating = facts.rag(action, today)
    shown = due.describe() if due else None
    timescale = action.timescale if action.timescale and shown and shown not in action.timescale else None
    overdue = list(facts.derive(action, today).outstanding)
    return {
        "id": e(action.id),
        "label": e(action_label(action.id)),
        "text": e(action.text),
        "lead": e(lead_text(kb, action)),
        "due": e(shown or action.timescale or describe.undated_text(action, today, name_next=False)),
        "timescale": e(timescale),
        "status": e(describe.status_text(action, today, detail=False)),
        "rag": rating.colour,
        "rag_label": e(rating.label),
        "overdue_milestones": [
            {"text": e(m.text), "due": e(m.date_text or m.due.describe() if m.due else "no date")} for m in overdue
        ],
        "latest": e(describe.latest(action, today, limit=None) or "none recorded"),
    }


def action_label(action_id: str) -> str:
    """Return "Action 7a", or the plan's own words when the id already says "action" ("Action 5", "All actions")."""
    return action_id if "action" in action_id.lower() else f"Action {action_id}"


def lead_text(kb: KnowledgeBase, action: Action) -> str:
    """Return the lead as a report gives it: the plan's owners cell as written when it has one (it may name
    groups and people the lead references leave out, e.g. TCE3's "Service Managers ..."), else the leads."""
    return action.owners_text or describe.leads_text(kb, action)
