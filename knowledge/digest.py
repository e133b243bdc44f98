"""Who gets what this week: one digest per lead of what is overdue, due soon or stale. Pure, no I/O."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from knowledge import describe, facts
from knowledge.engine import DayView
from knowledge.models import Action, KnowledgeBase
from knowledge.visibility import may_see, private

SECTIONS = ("overdue", "due-soon", "stale")


@dataclass(frozen=True)
class Windows:
    due_soon_days: int = 14
    stale_days: int = facts.STALE_DAYS


DEFAULT_WINDOWS = Windows()


@dataclass(frozen=True)
class DigestItem:
    section: str  # overdue | due-soon | stale
    plan: str
    plan_name: str
    action: str
    text: str  # the action's text, or the milestone's
    milestone: bool
    due: str  # at its precision, or "no due date"
    latest: str  # the latest update or milestone, with its date, or "no update recorded"
    age_days: int | None  # days since the latest update or completed milestone


@dataclass(frozen=True)
class Digest:
    person: str
    name: str
    week: str  # ISO week, e.g. "2026-W48"
    items: tuple[DigestItem, ...]

    def section(self, name: str) -> tuple[DigestItem, ...]:
        return tuple(i for i in self.items if i.section == name)


@dataclass(frozen=True)
class Unassigned:
    """An item whose lead is a role nobody is recorded as holding, or no lead at all."""

    lead: str
    item: DigestItem


@dataclass
class Composition:
    digests: list[Digest]
    unassigned: list[Unassigned]
    per_plan: dict[str, dict[str, int]] = field(default_factory=dict)


def iso_week(today: dt.date) -> str:
    year, week, _ = today.isocalendar()
    return f"{year}-W{week:02d}"


def compose(
    kb: KnowledgeBase,
    today: dt.date,
    windows: Windows = DEFAULT_WINDOWS,
    snoozed: frozenset[tuple[str, str]] = frozenset(),
    day: DayView | None = None,
) -> Composition:
    """Every lead's digest for the week containing `today`, plus items nobody can be sent.

    Each action's state, and whether an update puts its "overdue" in doubt, come from the day's view of the
    knowledge base (`day`, the Engine's `day(today)` where the caller has one, else made here), the view
    the answers read: the digest and the answers cannot disagree.
    """
    if day is None or day.today != today:
        day = DayView.of(kb.actions(), today)
    by_person: dict[str, list[DigestItem]] = defaultdict(list)
    unassigned: list[Unassigned] = []
    per_plan: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(SECTIONS, 0))
    for action in kb.actions():
        if action.key in snoozed:
            continue
        items = _items(kb, action, today, windows, day)
        if not items:
            continue
        for item in items:
            per_plan[action.plan][item.section] += 1
        leads = list(dict.fromkeys(p for ref in action.leads for p in kb.people_behind(ref)))
        plan = kb.plans[action.plan]
        people = [p for p in leads if may_see(plan, private(p))]  # a digest is private to its lead
        for person in people:
            by_person[person].extend(items)
        if not people:
            lead = describe.leads_text(kb, action)
            if leads:
                lead += " (not in the restricted plan's visibility.people, so not sent)"
            unassigned.extend(Unassigned(lead, item) for item in items)
    week = iso_week(today)
    digests = [
        Digest(pid, kb.people[pid].name, week, tuple(sorted(items, key=_order)))
        for pid, items in sorted(by_person.items(), key=lambda kv: kb.people[kv[0]].name)
    ]
    return Composition(digests, unassigned, dict(per_plan))


def _order(item: DigestItem) -> tuple[int, str, str]:
    return (SECTIONS.index(item.section), item.plan, item.action)


def _items(kb: KnowledgeBase, action: Action, today: dt.date, windows: Windows, day: DayView) -> list[DigestItem]:
    state = day.states.get(action.key) or facts.derive(action, today)
    if state.complete:
        return []
    plan_name = describe.plan_label(kb, action.plan)
    last = facts.last_activity(action, today)
    age = (today - last).days if last else None
    latest = describe.latest(action, today) or "no update recorded"
    due = state.due

    def item(section: str, text: str, when: str, milestone: bool = False) -> DigestItem:
        return DigestItem(
            section, action.plan, plan_name, action.id, describe.short(text, 240), milestone, when, latest, age
        )

    out = []
    due_words = due.describe() if due else "no due date"
    if state.overdue:
        doubt = day.doubted.get(action.key)
        later = facts.later_date(action, today) if doubt is not None else None
        if later is not None:  # the answers say "can't tell": the digest asks the lead to confirm the date
            update, named = later
            due_words += (
                f" (past the plan's date, but the update of {update.date.describe()} names a later date, "
                f"{named.describe()})"
            )
        out.append(item("overdue", action.text, due_words))
    elif facts.is_due_soon(due, state.status, today, windows.due_soon_days):
        out.append(item("due-soon", action.text, due_words))
    for m in state.outstanding:
        out.append(item("overdue", m.text, m.due.describe() if m.due else "no date", milestone=True))
    for m in facts.milestones_due_soon(action, today, windows.due_soon_days, state):
        out.append(item("due-soon", m.text, m.due.describe() if m.due else "no date", milestone=True))
    if not out and facts.is_stale(action, today, windows.stale_days, state):
        out.append(item("stale", action.text, due_words))
    return out
