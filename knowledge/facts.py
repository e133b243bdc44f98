"""Derived facts about actions: effective due date, overdue, due soon, stale, RAG status."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from knowledge.dates import DateSpec
from knowledge.models import Action, Milestone

STALE_DAYS = 90


def effective_due(action: Action) -> DateSpec | None:
    """The due date in force: the latest revised due date from an update, else the plan's."""
    for update in reversed(action.updates):
        if update.revised_due is not None:
            return update.revised_due
    return action.due


def current_status(action: Action) -> str:
    """The status in force: the latest update that sets one, else the plan's."""
    for update in reversed(action.updates):
        if update.status:
            return update.status
    return action.status


def is_overdue(due: DateSpec | None, status: str, today: dt.date) -> bool:
    """Strictly after the end of the due period, and not complete."""
    return due is not None and status != "complete" and today > due.date


def is_due_soon(due: DateSpec | None, status: str, today: dt.date, days: int) -> bool:
    """Due within the next `days` days (inclusive of today), and not complete."""
    return due is not None and status != "complete" and today <= due.date <= today + dt.timedelta(days=days)


def last_activity(action: Action, today: dt.date) -> dt.date | None:
    """The latest date of an update or a completed milestone, not after today."""
    dates = [u.date.date if u.date.precision == "day" else u.date.first for u in action.updates]
    dates += [m.due.first for m in action.milestones if m.due is not None and m.status == "complete"]
    dates = [d for d in dates if d <= today]
    return max(dates) if dates else None


def is_stale(action: Action, today: dt.date, days: int = STALE_DAYS) -> bool:
    """Not complete and no update or completed milestone in the last `days` days."""
    if current_status(action) == "complete":
        return False
    last = last_activity(action, today)
    return last is None or (today - last).days > days


def milestone_overdue(milestone: Milestone, today: dt.date) -> bool:
    return is_overdue(milestone.due, milestone.status, today)


@dataclass(frozen=True)
class Rag:
    """A red/amber/green rating with the words behind it."""

    colour: str  # "red" | "amber" | "green" | "grey"
    label: str


def rag(action: Action, today: dt.date, soon_days: int = 30) -> Rag:
    """Red when overdue, amber when due soon or stated not started, green when complete or on track."""
    status, due = current_status(action), effective_due(action)
    if status == "complete":
        return Rag("green", "complete")
    if is_overdue(due, status, today):
        return Rag("red", "overdue")
    if any(milestone_overdue(m, today) for m in action.milestones):
        return Rag("red", "milestone overdue")
    if is_due_soon(due, status, today, soon_days):
        return Rag("amber", "due soon")
    if status == "not-started":
        return Rag("amber", "not started")
    if status in ("in-progress", "ongoing"):
        return Rag("green", "on track")
    return Rag("grey", "status not stated")
