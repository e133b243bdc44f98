"""Turn records into answer items: the words every surface shows for an action or a meeting."""

from __future__ import annotations

import datetime as dt
import re

from knowledge import facts
from knowledge.answer import Item
from knowledge.dates import DateSpec
from knowledge.models import Action, AgendaItem, KnowledgeBase, Meeting, Milestone, Person, Update, WorkItem

STATUS_WORDS = {
    "not-started": "not started",
    "in-progress": "in progress",
    "ongoing": "ongoing",
    "complete": "complete",
    "not-stated": "status not stated in the plan",
}


def plan_label(kb: KnowledgeBase, plan_id: str) -> str:
    plan = kb.plans.get(plan_id)
    if plan is None:
        return plan_id
    return plan.short_names[0] if plan.short_names else plan.title


def id_phrase(action_id: str) -> str:
    """ "action 7a", or the source's own "Action 12" (never "action Action 12")."""
    return action_id if action_id.lower().startswith("action") else f"action {action_id}"


def action_label(kb: KnowledgeBase, action: Action) -> str:
    """ "City IICSA plan, action 7a" / "County IICSA plan, Action 12"."""
    return f"{plan_label(kb, action.plan)}, {id_phrase(action.id)}"


def leads_text(kb: KnowledgeBase, action: Action) -> str:
    if action.leads:
        return "; ".join(kb.name_of(ref) for ref in action.leads)
    if action.owners_text:
        return action.owners_text
    return "no lead named in the plan"


def due_text(action: Action, today: dt.date | None = None, state: facts.ActionState | None = None) -> str:
    """ "due March 2020 (To be completed this financial year)" at the date's own precision (`state`: the action's
    derived state on `today` where the caller has it, so that it is derived once)."""
    state = state or facts.derive(action, today)
    due = state.due
    parts = []
    if due is not None:
        parts.append(f"due {due.describe()}")
        if due is not action.due and action.due is not None:
            parts.append(f"revised from {action.due.describe()}")
    else:
        parts.append(undated_text(action, today, state=state))
    if action.timescale:
        parts.append(f"timescale as written: \u201c{action.timescale}\u201d")
    if due is not None and today is not None:
        parts.append(_steps_after(action, due, today, state))
    return "; ".join(p for p in parts if p)


def _steps_after(action: Action, due: DateSpec, today: dt.date, state: facts.ActionState | None = None) -> str:
    """ "milestones still open run to January 2020 (next: ..., December 2019)": an action's own date has come
    (County Action 5's guidance, September 2019) while steps dated later are still to be done."""
    progress = (state or facts.derive(action, today)).progress
    # County Action 8 is due "in 2020": its steps dated within the year (December 2019 to July 2020) say when
    coarse = due.precision == "year"
    later = [
        m
        for m in (*progress.to_come, *progress.outstanding)
        if m.due is not None and (m.due.date > due.date or (coarse and m.due.precision != "year"))
    ]
    if not later:
        return ""
    last = max(later, key=lambda m: m.due.date)
    nxt = progress.next
    words = f"milestones still open run to {last.due.describe()}"
    if nxt is not None and nxt is not last and nxt in later:
        words += f" (next: \u201c{short(nxt.text, 90)}\u201d, {milestone_when(nxt)})"
    return words


def milestone_when(m: Milestone) -> str:
    """A milestone's date as the plan writes it ("Completed – November 2019"), else at its precision."""
    return m.date_text or (m.due.describe() if m.due else "no date")


def span_text(first: DateSpec | None, last: DateSpec | None) -> str:
    """ "December 2019 – April 2020", or one date when the span is a single period."""
    if first is None or last is None:
        return ""
    a, b = first.describe(), last.describe()
    return a if a == b else f"{a} \u2013 {b}"


def undated_text(
    action: Action, today: dt.date | None = None, name_next: bool = True, state: facts.ActionState | None = None
) -> str:
    """An action with no date of its own, worded by its milestones' dates (from knowledge.status).

    `name_next`: also quote the next milestone to come (a report's table, which lists milestones apart, does not).
    """
    progress = (state or facts.derive(action, today)).progress
    start = f"starts {action.start.describe()}, " if action.start is not None else ""
    if progress.last is None:
        return f"{start}no due date stated"
    words = f"{start}no date for the action itself; milestones due {span_text(progress.first, progress.last)}"
    if progress.count == 1:
        only = action.milestones[0]
        words = f"{start}no date for the action itself; its milestone is due {milestone_when(only)}"
    nxt = progress.next
    if name_next and nxt is not None and today is not None and progress.count > 1:
        words += f", next: \u201c{short(nxt.text, 90)}\u201d, {milestone_when(nxt)}"
    return words


def due_phrase(action: Action, today: dt.date | None = None, state: facts.ActionState | None = None) -> str:
    """The due date in force in a few words: "due March 2020", or the milestones' dates when it has none."""
    state = state or facts.derive(action, today)
    return f"due {state.due.describe()}" if state.due is not None else undated_text(action, today, state=state)


def short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def status_text(
    action: Action,
    today: dt.date,
    detail: bool = True,
    progress: bool = False,
    state: facts.ActionState | None = None,
) -> str:
    """The derived status in words, with what it rests on: "complete (all 3 milestones are complete)".

    `detail`: name the evidence and the outstanding milestones (a report's table lists those apart);
    `progress`: also name the milestones done and those still to come (a status answer).
    """
    state = state or facts.derive(action, today)
    words = STATUS_WORDS.get(state.status, state.status)
    if state.complete:
        return f"{words} ({evidence_text(state.evidence)})" if state.evidence and detail else words
    rating = facts.rag(action, today, state=state)
    notes = []
    if state.outstanding and not state.overdue:
        notes.append(f"milestone overdue: {outstanding_text(state.outstanding)}" if detail else "milestone overdue")
    elif rating.label == "overdue" and action.updates and (later := facts.later_date(action, today)):
        update, named = later
        notes.append(
            f"past the plan's date, but the update of {update.date.describe()} names a later date, {named.describe()}"
        )
    elif rating.label in ("overdue", "due soon"):
        extra = f"; outstanding: {outstanding_text(state.outstanding)}" if state.outstanding and detail else ""
        notes.append(f"{rating.label}{extra}")
    if detail and progress:
        notes += progress_notes(state.progress)
    return f"{words} ({'; '.join(notes)})" if notes else words


def progress_notes(progress: facts.st.Progress) -> list[str]:
    """ "1 of 2 milestones complete: ...", "still to come: ..." for an action not yet complete."""
    if not progress.done:
        return []
    notes = [f"{len(progress.done)} of {progress.count} milestones complete: {milestones_text(progress.done)}"]
    if progress.to_come:
        notes.append(f"still to come: {milestones_text(progress.to_come)}")
    return notes


def milestones_text(milestones: tuple[Milestone, ...], limit: int = 3) -> str:
    parts = [f"\u201c{short(m.text, 90)}\u201d, {milestone_when(m)}" for m in milestones[:limit]]
    more = f" and {len(milestones) - limit} more" if len(milestones) > limit else ""
    return "; ".join(parts) + more


def no_progress(action: Action, today: dt.date, state: facts.ActionState | None = None) -> bool:
    """True when nothing records progress by today: no status, no update, no milestone done."""
    state = state or facts.derive(action, today)
    known = [u for u in action.updates if u.date.first <= today]
    return state.status == "not-stated" and not known and not state.progress.done


def evidence_text(evidence: facts.st.Evidence | None) -> str:
    """Why an action counts as complete, in a few words."""
    if evidence is None:
        return "recorded as complete"
    if evidence.kind == "update":
        when = f" of {evidence.date.describe()}" if evidence.date else ""
        return f"update{when}: \u201c{short(evidence.text, 120)}\u201d"
    if evidence.kind == "milestones":
        return evidence.text[0].lower() + evidence.text[1:].rstrip(".")
    return short(evidence.text, 120).rstrip(".")


def outstanding_text(milestones: tuple[Milestone, ...]) -> str:
    """ "“Scope and plan ... agreed”, December 2019" for each outstanding milestone, at most three."""
    return milestones_text(milestones)


def latest(action: Action, today: dt.date, limit: int | None = 200) -> str | None:
    """What was done last by `today` (`facts.latest_activity`, the day "N days ago" counts from), with its date as
    written, cut to `limit` (None: whole)."""
    found = facts.latest_activity(action, today)
    if found is None:
        return None
    done = found[1]
    when = done.date.describe() if isinstance(done, Update) else done.date_text or done.due.describe()
    return f"{when}: {short(done.text, limit) if limit else ' '.join(done.text.split())}"


def action_item(
    kb: KnowledgeBase, action: Action, today: dt.date, detail: str = "summary", state: facts.ActionState | None = None
) -> Item:
    """An item for an action; `detail` is summary | lead | due | status | measure | parent (the action a milestone asked
    about belongs to: what it is and who leads it, without its other dates and steps, which answer another
    question - "when's the reviewer's report due" is May 2020, not the January step the card would list).
    `state`: the action's derived state on `today` (the engine's day view has it); derived here, once, when not
    given."""
    state = state or facts.derive(action, today)
    lines = [short(action.text, 300)]
    if action.theme and detail in ("summary", "parent"):  # "where's the DASH form in the biz plan": its priority
        lines.append(f"Under: {short(action.theme, 120)}")
    lead = leads_text(kb, action)
    if detail in ("summary", "lead", "parent"):
        lines.append(f"Lead: {lead}")
        if action.lead_note and detail == "lead":
            lines.append(f"Note: {action.lead_note}")
    if detail in ("summary", "due", "status"):
        lines.append(_upper_first(due_text(action, today, state)))
        if action.depends_on:
            lines.append(f"Follows: {', '.join(action.depends_on)}")
    status = status_text(action, today, progress=detail == "status", state=state)
    if detail != "parent":
        lines.append(f"Status: {status}")
    if detail == "measure":
        lines.append(f"Measured by: {action.measure}" if action.measure else "Measured by: not stated in the plan")
    elif action.measure and detail not in ("status", "parent"):  # how the plan says progress is shown
        lines.append(f"Measured by: {short(action.measure, 200)}")
    if detail == "status":
        for update in sorted(action.updates, key=lambda u: u.date.date)[-3:]:
            lines.append(f"Update {update.date.describe()}: {short(update.text, 300)}")
        for m in action.milestones[:15]:
            lines.append(f"Milestone ({m.date_text or STATUS_WORDS[m.status]}): {short(m.text, 200)}")
        if action.measure:
            lines.append(f"Measured by: {short(action.measure, 200)}")
    due = state.due
    fields = {
        "plan": action.plan,
        "plan_name": plan_label(kb, action.plan),
        "action": action.id,
        "text": action.text,
        "lead": lead,
        "due": due.describe() if due else "",
        "due_words": due_phrase(action, today, state),
        "no_progress": "yes" if status == STATUS_WORDS["not-stated"] and no_progress(action, today, state) else "",
        "timescale": action.timescale or "",
        "steps_after": _steps_after(action, due, today, state) if due is not None else "",
        "status": status,
        "rag": facts.rag(action, today, state=state).colour,
        "measure": action.measure or "",
    }
    return Item("action", action_label(kb, action), tuple(lines), fields, action.source, (action.plan, action.id))


def milestone_status(action: Action, milestone: Milestone, today: dt.date) -> str:
    """A milestone's state on `today`, from the action's derived state (knowledge.status)."""
    state = facts.derive(action, today)
    when = milestone_when(milestone)
    if milestone in state.progress.done:
        return f"complete (\u201c{when}\u201d)" if milestone.date_text else "complete"
    if milestone in state.outstanding:
        return f"overdue: due {milestone.due.describe() if milestone.due else when}, not evidenced as done"
    if state.complete:
        return f"not recorded on its own; the action is complete ({evidence_text(state.evidence)})"
    if milestone.start is not None and milestone.due is not None and today < milestone.start.first:
        return f"not due to start until {milestone.start.describe()} (runs to {milestone.due.describe()})"
    if milestone.due is not None:  # a milestone the plan records as done later is not yet done on `today`
        ongoing = "ongoing; " if milestone.status == "ongoing" else ""
        return f"{ongoing}not yet due (due {milestone.due.describe()})"
    return STATUS_WORDS[milestone.status]


def milestone_item(kb: KnowledgeBase, action: Action, milestone: Milestone, today: dt.date) -> Item:
    due = milestone.due.describe() if milestone.due else "no date"
    when = f"Due {due}" if milestone.due else "No date"
    lines = [
        short(milestone.text, 300),
        f"{when} (as written: \u201c{milestone.date_text}\u201d)" if milestone.date_text else when,
    ]
    if milestone.start is not None and milestone.due is not None:
        lines.append(f"Runs from {milestone.start.describe()} to {due}")
    status = milestone_status(action, milestone, today)
    lines += [f"Status: {status}", f"Lead: {leads_text(kb, action)}"]
    fields = {
        "plan": action.plan,
        "plan_name": plan_label(kb, action.plan),
        "action": action.id,
        "text": milestone.text,
        "lead": leads_text(kb, action),
        "due": due,
        "status": status,
    }
    return Item(
        "milestone",
        f"{action_label(kb, action)} milestone",
        tuple(lines),
        fields,
        milestone.source or action.source,
        (action.plan, action.id),
    )


def person_lines(kb: KnowledgeBase, person: Person) -> list[str]:
    lines = []
    if person.titles:
        lines.append("; ".join(person.titles))
    lines += successor_lines(kb, person)
    said = organisation_text(kb, person)
    if said:
        lines.append(said)
    lines.append(f"T: {person.phone}" if person.phone else "T: not given in the documents")
    lines.append(f"E: {person.email}" if person.email else "E: not given in the documents")
    return lines


def organisation_text(kb: KnowledgeBase, person: Person) -> str:
    """The person's organisation, and how their own source writes it when that is another of its names (Rosa
    Waddingham signs for "Nottingham CCG", a name of the Nottingham and Nottinghamshire CCG)."""
    org = kb.organisations.get(person.organisation or "")
    if org is None:
        return ""
    quote = person.source.quote if person.source else ""
    if org.name in quote:
        return org.name
    written = [a for a in org.aliases if len(a) > 3 and re.search(rf"\b{re.escape(a)}\b", quote)]
    return f"{org.name} (written \u201c{max(written, key=len)}\u201d)" if written else org.name


def successor_lines(kb: KnowledgeBase, person: Person) -> list[str]:
    """Who holds now a role this person held "until" a date ("Chair, QA Sub-Group (until October 2019)")."""
    out = []
    for title in person.titles:
        head, sep, _ = title.partition(" (until ")
        if not sep:
            continue
        for role in kb.roles.values():
            if role.title.casefold() != head.casefold():
                continue
            now = [h for h in role.holders if h.person != person.id and h.person in kb.people]
            if now:
                names = ", ".join(kb.people[h.person].name + (f" ({h.as_of})" if h.as_of else "") for h in now)
                out.append(f"Succeeded by: {names}")
    return out


def person_item(kb: KnowledgeBase, person: Person) -> Item:
    return Item(
        "person",
        person.name,
        tuple(person_lines(kb, person)),
        {"person": person.id, "email": person.email or "", "phone": person.phone or ""},
        person.source,
    )


def clock(time: str) -> str:
    """ "14:00" as the papers' readers say it too: "14:00 (2:00pm)"."""
    m = re.fullmatch(r"(\d{1,2}):(\d{2})", time.strip())
    if not m:
        return time
    hour, minute = int(m.group(1)), m.group(2)
    twelve = hour % 12 or 12
    return f"{time} ({twelve}:{minute}{'am' if hour < 12 else 'pm'})"


def meeting_title(kb: KnowledgeBase, meeting: Meeting) -> str:
    committee = kb.committees[meeting.committee]
    when = f"{meeting.date.day} {meeting.date:%B %Y}"
    return f"{committee.name}, {meeting.date:%A} {when}"


def meeting_item(kb: KnowledgeBase, meeting: Meeting) -> Item:
    lines = []
    if meeting.time:
        lines.append(f"Time: {clock(meeting.time)}")
    if meeting.end_time:
        lines.append(f"Closed: {clock(meeting.end_time)}")
    if meeting.venue:
        lines.append(f"Venue: {meeting.venue}")
    if not meeting.time and not meeting.venue:
        lines.append("Time and venue not given in the documents")
    return Item(
        "meeting",
        meeting_title(kb, meeting),
        tuple(lines),
        {"committee": meeting.committee, "date": meeting.date.isoformat()},
        meeting.source,
    )


def agenda_item(kb: KnowledgeBase, meeting: Meeting, item: AgendaItem) -> Item:
    lines = [f"Pages {item.pages}" if item.pages else "No pages listed"]
    if item.report_of:  # the report's own heading, as the pack prints it above "Report of the ..."
        lines.append(f"Its report is headed \u201cAgenda Item: {item.number}\u201d")
        signed = f", signed by {kb.name_of(item.signatory)}" if item.signatory else ""
        lines.append(f"Report of the {item.report_of}{signed}")
    if item.contacts:
        lines.append(f"Contact for enquiries: {', '.join(kb.name_of(c) for c in item.contacts)}")
    if item.reference:
        lines.append(f"Reference {item.reference}")
    if item.appendix is not None and item.appendix.signatory:
        lines.append(f"Appendix 1: {item.appendix.title}, signed by {kb.name_of(item.appendix.signatory)}")
    if item.aliases:  # why "the LADO report" found it, in the report's words
        said = f" (\u201c{item.aliases_source.quote}\u201d)" if item.aliases_source else ""
        lines.append(f"Also known by: {', '.join(item.aliases)}{said}")
    return Item(
        "agenda-item",
        f"Item {item.number}: {item.title}",
        tuple(lines),
        {"committee": meeting.committee, "date": meeting.date.isoformat(), "number": str(item.number)},
        item.source,
    )


def work_item(kb: KnowledgeBase, work: WorkItem) -> Item:
    when = (
        "standing item at every meeting"
        if work.standing
        else (f"{work.meeting.day} {work.meeting:%B %Y} meeting" if work.meeting else "no meeting set")
    )
    sponsors = (
        ", ".join(kb.name_of(s) for s in work.sponsors) if work.sponsors else "no sponsor named in the work programme"
    )
    if work.sponsors and work.sponsors_text and _plain(work.sponsors_text) != _plain(sponsors):
        sponsors += f" (as written: \u201c{work.sponsors_text}\u201d)"  # "... Theresa Hodgkinson (Ashfield DC)"
    lines = (f"When: {when}", f"Sponsor/report author: {sponsors}")
    return Item(
        "work-item",
        work.title,
        lines,
        {"committee": work.committee, "meeting": work.meeting.isoformat() if work.meeting else ""},
        work.source,
    )


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[/,;&]|\band\b", " ", text).split()).lower()


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]
