"""Derived facts about actions: due date in force, overdue, due soon, stale, RAG status.

Whether an action is complete or overdue is decided in one place, `knowledge.status.derive`; these
helpers ask it, so every surface (answers, digests, App Home, reports) says the same thing.
"""

from __future__ import annotations

import datetime as dt

from knowledge import status as st
from knowledge.dates import DateSpec
from knowledge.lazydataclass import frozen_dataclass
from knowledge.models import Action, Milestone, Update

STALE_DAYS = 90

derive = st.derive
ActionState = st.ActionState
later_date_update = st.later_date_update  # an update naming a later date than the due date: "overdue" in doubt
later_date = st.later_date  # ... and the later date it names


def effective_due(action: Action, today: dt.date | None = None) -> DateSpec | None:
    """The due date in force: the latest revised due date from an update, else the plan's."""
    return st.effective_due(action, today)


def current_status(action: Action, today: dt.date | None = None) -> str:
    """The status the evidence supports (see knowledge.status): complete, in-progress, ongoing, ..."""
    return st.derive(action, today).status


def recorded_status(action: Action) -> str:
    """The status as written down: the latest update that sets one, else the plan's (not derived)."""
    for update in reversed(action.updates):
        if update.status:
            return update.status
    return action.status


def is_overdue(due: DateSpec | None, status: str, today: dt.date) -> bool:
    """Strictly after the end of the due period, and not complete (low level: prefer `action_overdue`)."""
    return due is not None and status != "complete" and today > due.date


def action_overdue(action: Action, today: dt.date) -> bool:
    """The action's own due date has passed and the work is not evidenced as done."""
    return st.derive(action, today).overdue


def is_due_soon(due: DateSpec | None, status: str, today: dt.date, days: int) -> bool:
    """Due within the next `days` days (inclusive of today), and not complete."""
    return due is not None and status != "complete" and today <= due.date <= today + dt.timedelta(days=days)


def milestones_due_soon(
    action: Action, today: dt.date, days: int, state: st.ActionState | None = None
) -> list[Milestone]:
    """Milestones due within `days` days and not done, of an action not complete (`state`: its derived state on
    `today`, where the caller has it already, e.g. from the Engine's day view)."""
    if (state or st.derive(action, today)).complete:
        return []
    return [
        m
        for m in action.milestones
        if not st.milestone_done(m, today, action.due) and is_due_soon(m.due, "", today, days)
    ]


def falls_between(due: DateSpec | None, start: dt.date, end: dt.date) -> bool:
    """A due date inside the window; a month-precise one ("January 2020") when its month overlaps the window."""
    if due is None:
        return False
    if due.precision == "month":
        return due.first <= end and due.date >= start
    return start <= due.date <= end


def milestones_due_between(action: Action, today: dt.date, start: dt.date, end: dt.date) -> list[Milestone]:
    """Milestones not done by `today`, of an action not complete, falling due in the window (see falls_between)."""
    if st.derive(action, today).complete:
        return []
    return [
        m for m in action.milestones if not st.milestone_done(m, today, action.due) and falls_between(m.due, start, end)
    ]


def latest_activity(action: Action, today: dt.date) -> tuple[dt.date, Update | Milestone] | None:
    """The latest thing done by `today` and the day it counts from: an update, or a milestone marked complete
    (from the start of its period). A step still planned is never activity, nor anything after `today`."""
    done: list[tuple[dt.date, Update | Milestone]] = [
        (u.date.date if u.date.precision == "day" else u.date.first, u) for u in action.updates
    ]
    done += [(m.due.first, m) for m in action.milestones if m.due is not None and m.status == "complete"]
    done = [pair for pair in done if pair[0] <= today]
    return max(done, key=lambda pair: pair[0]) if done else None


def last_activity(action: Action, today: dt.date) -> dt.date | None:
    """The latest date of an update or a completed milestone, not after today."""
    latest = latest_activity(action, today)
    return latest[0] if latest else None


def is_stale(action: Action, today: dt.date, days: int = STALE_DAYS, state: st.ActionState | None = None) -> bool:
    """Not complete and no update or completed milestone in the last `days` days (`state` as milestones_due_soon)."""
    if (state or st.derive(action, today)).complete:
        return False
    last = last_activity(action, today)
    return last is None or (today - last).days > days


@frozen_dataclass
class Rag:
    """A red/amber/green rating with the words behind it."""

    colour: str  # "red" | "amber" | "green" | "grey"
    label: str


def rag(action: Action, today: dt.date, soon_days: int = 30, state: st.ActionState | None = None) -> Rag:
    """Red when overdue, amber when due soon or stated not started, green when complete or on track. `state`: the
    action's state on `today` when already derived (the engine's day view), else derived here."""
    state = state or st.derive(action, today)
    if state.complete:
        return Rag("green", "complete")
    if state.overdue:
        return Rag("red", "overdue")
    if state.outstanding:
        return Rag("red", "milestone overdue")
    if is_due_soon(state.due, state.status, today, soon_days):
        return Rag("amber", "due soon")
    if state.status == "not-started":
        return Rag("amber", "not started")
    if state.status in ("in-progress", "ongoing"):
        return Rag("green", "on track")
    return Rag("grey", "status not stated")
