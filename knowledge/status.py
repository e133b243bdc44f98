"""An action's state, derived from the evidence: its own status, its milestones and its updates.

This is the one place that decides whether an action is complete and whether it is overdue; answers,
digests, App Home and reports all ask it. The rule, in the order it is applied:

1. The latest update (dated on or before today) that sets a status explicitly decides the status.
2. Otherwise a plan status of "complete" is complete.
3. Otherwise the action is complete when every milestone is evidenced complete, or when its latest
   update that says anything about progress says the work is done ("has been shared", "was
   undertaken", "Completed ..."). The evidence is kept so an answer can quote it.
4. Otherwise the plan's own status stands.

Evidence counts once its period is over: an update dated only "2020" from 1 January 2021, so an
action due in February 2020 with a "2020" update saying it was done is overdue in March 2020 (nothing
shows it was done by then) and complete from 2021. Evidence dated to a month or a day also counts
from the first day of its period once the due date it answers has passed: County Action 7, due 16
December 2019, with its milestone "Completed - December 2019", is complete (not overdue) on 20
December 2019.
When the plan states no status, an action with some (not all) milestones evidenced complete is "in-progress":
the work has begun on the evidence (County Action 4, its reporting system "Completed - November 2019").
Every state carries its milestones' progress (done, outstanding, still to come, next, span of dates) so
that every surface words an action with no date of its own by its milestones' dates, from here.
"Overdue" means a due date (the action's or a milestone's) has passed and the work is not evidenced
as done; an action evidenced as complete is never overdue, and neither are its milestones. An action whose
own date has passed is not itself overdue when every milestone dated by then is evidenced done and the plan
dates its remaining steps later: those steps are outstanding milestones once their own dates pass.
"""

from __future__ import annotations

import datetime as dt
import re

from knowledge.dates import DateSpec, parse_datespec
from knowledge.lazydataclass import frozen_dataclass
from knowledge.lazyre import lazy
from knowledge.models import Action, Milestone, Update

_DONE_VERBS = (
    "completed|complete|done|finished|finalised|finalized|delivered|achieved|implemented|published|"
    "presented|approved|agreed|signed off|shared|taken|undertaken|held|launched|reported|submitted|"
    "commissioned|established|appointed|carried out|put in place"
)
_DONE = lazy(
    r"^\s*(completed|complete|done|achieved|delivered)\b"
    rf"|\b(has|have) (now |also |already )?been ({_DONE_VERBS})\b"
    rf"|\b(was|were) (successfully |fully )?({_DONE_VERBS})\b"
    r"|\b(is|are) (now )?(complete|completed|done|finished|in place)\b",
    re.IGNORECASE,
)
# Words that turn a completion phrase into a plan or a doubt: "will be completed", "has not been", "when complete".
_NOT_DONE = lazy(
    r"\b(not|yet to|will|would|to be|when|once|until|unless|if|due to be|expected to|aims? to|plans? to|"
    r"being|delay|delayed|awaiting|pending|partially|partly)\b",
    re.IGNORECASE,
)
_PROGRESS = lazy(r"\b(progress(ing|ed)?|underway|under way|ongoing|continu\w+|being|started|begun)\b", re.I)


@frozen_dataclass
class Evidence:
    """Why an action is held to be complete: what said so, when, and its words."""

    kind: str  # "status" (the plan or a recorded update says so) | "milestones" | "update"
    text: str
    date: DateSpec | None = None


@frozen_dataclass
class Progress:
    """An action's milestones on one day: which are done, late, still to come, and the span of their dates."""

    done: tuple[Milestone, ...] = ()  # evidenced complete by today
    outstanding: tuple[Milestone, ...] = ()  # past their date and not evidenced as done
    to_come: tuple[Milestone, ...] = ()  # open and not yet past their date (or undated: "Ongoing")
    first: DateSpec | None = None  # the earliest milestone date
    last: DateSpec | None = None  # the latest milestone date

    @property
    def next(self) -> Milestone | None:
        """The first dated milestone still to come."""
        dated = [m for m in self.to_come if m.due is not None]
        return min(dated, key=lambda m: m.due.date) if dated else None

    @property
    def count(self) -> int:
        return len(self.done) + len(self.outstanding) + len(self.to_come)


@frozen_dataclass
class ActionState:
    """An action's derived state on one day."""

    status: str  # complete | in-progress | ongoing | not-started | not-stated
    due: DateSpec | None  # the due date in force (a revised one from an update, else the plan's)
    overdue: bool  # the action's own due date has passed and the work is not evidenced as done
    outstanding: tuple[Milestone, ...]  # milestones past their date and not evidenced as done
    evidence: Evidence | None = None  # why it is complete, when it is
    progress: Progress = Progress()  # its milestones on the day

    @property
    def complete(self) -> bool:
        return self.status == "complete"

    @property
    def late(self) -> bool:
        """Overdue itself, or a milestone of it is."""
        return self.overdue or bool(self.outstanding)


def says_done(text: str) -> bool:
    """True when an update's words report the work as done, not planned, partial or delayed."""
    for sentence in re.split(r"(?<=[.;!?])\s+", text):
        match = _DONE.search(sentence)
        if match and not _NOT_DONE.search(sentence[: match.end()]):
            return True
    return False


def says_in_progress(text: str) -> bool:
    return bool(_PROGRESS.search(text))


def counts_by(spec: DateSpec | None, today: dt.date | None, due: DateSpec | None = None) -> bool:
    """Whether dated evidence counts on `today`: its period is over, or it has begun and `due` has passed.

    Undated evidence always counts, and so does everything when `today` is None.
    """
    if today is None or spec is None or spec.date <= today:
        return True
    precise = spec.precision in ("day", "month")
    return precise and spec.first <= today and due is not None and today > due.date


def milestone_done(milestone: Milestone, today: dt.date | None = None, due: DateSpec | None = None) -> bool:
    """A milestone evidenced as complete by today (`due`: the action's due date, if it is the later)."""
    if milestone.status != "complete":
        return False
    return counts_by(milestone.due, today, milestone.due) or counts_by(milestone.due, today, due)


def effective_due(action: Action, today: dt.date | None = None) -> DateSpec | None:
    """The due date in force: the latest revised due date from an update (known by today), else the plan's."""
    for update in reversed(action.updates):
        if update.revised_due is not None and counts_by(update.date, today, action.due):
            return update.revised_due
    return action.due


def _known_updates(action: Action, today: dt.date | None) -> list[Update]:
    return [u for u in action.updates if counts_by(u.date, today, action.due)]


def _status_and_evidence(action: Action, today: dt.date | None) -> tuple[str, Evidence | None]:
    updates = _known_updates(action, today)
    for update in reversed(updates):
        if update.status:
            if update.status == "complete":
                return "complete", Evidence("status", update.text, update.date)
            return update.status, None
    if action.status == "complete":
        return "complete", Evidence("status", "The plan records this action as complete.")
    if action.milestones and all(milestone_done(m, today, action.due) for m in action.milestones):
        last = max((m for m in action.milestones if m.due), key=lambda m: m.due.first, default=None)
        count = len(action.milestones)
        words = "Its milestone is complete" if count == 1 else f"All {count} of its milestones are complete"
        if last is not None:
            words += (
                f": \u201c{last.date_text or last.due.describe()}\u201d"
                if count == 1
                else (f", the last \u201c{last.date_text or last.due.describe()}\u201d")
            )
        return "complete", Evidence("milestones", words + ".", last.due if last else None)
    for update in reversed(updates):
        if says_done(update.text):
            return "complete", Evidence("update", update.text, update.date)
        if says_in_progress(update.text):
            break
    return action.status, None


def progress(action: Action, today: dt.date | None, due: DateSpec | None, complete: bool = False) -> Progress:
    """The milestones of `action` on `today`: done, outstanding (none once the action is complete), to come."""
    done, late, to_come = [], [], []
    for m in action.milestones:
        if milestone_done(m, today, due):
            done.append(m)
        elif not complete and today is not None and m.due is not None and today > m.due.date:
            late.append(m)
        else:
            to_come.append(m)
    dated = [m.due for m in action.milestones if m.due is not None]
    starts = [m.start or m.due for m in action.milestones if m.due is not None]
    first = min(starts, key=lambda d: d.first) if starts else None
    last = max(dated, key=lambda d: d.date) if dated else None
    return Progress(tuple(done), tuple(late), tuple(to_come), first, last)


def derive(action: Action, today: dt.date | None = None) -> ActionState:
    """The action's state on `today` (None: on the evidence recorded, whatever its date)."""
    status, evidence = _status_and_evidence(action, today)
    due = effective_due(action, today)
    if status == "complete":
        return ActionState(status, due, False, (), evidence, progress(action, today, due, complete=True))
    steps = progress(action, today, due)
    if status == "not-stated" and steps.done:
        status = "in-progress"  # the plan says nothing, but a milestone is evidenced done: the work has begun
    overdue = today is not None and due is not None and today > due.date and not _date_met(action, steps, due)
    return ActionState(status, due, overdue, steps.outstanding, evidence, steps)


def _date_met(action: Action, steps: Progress, due: DateSpec) -> bool:
    """Whether the work due by the action's own date is evidenced done: every milestone dated by then is done (at
    least one is), and the plan dates its other milestones later. County Action 5, "New guidance ... will be issued
    ... in September 2019", whose September milestone is "Completed - September 2019" and whose further steps are
    dated December 2019 and January 2020, is not overdue on 20 December 2019; a later step passing its own date is
    an outstanding milestone, not the action overdue."""
    by_then = [m for m in action.milestones if m.due is not None and m.due.date <= due.date]
    later = len(by_then) < len(action.milestones)  # the plan sets further steps after the action's own date
    return bool(by_then) and later and all(m in steps.done for m in by_then)


def turning_points(action: Action) -> frozenset[dt.date]:
    """The days on which `derive(action, today)` may differ from the day before; between them it is constant.

    `derive` looks at `today` only by comparing it with the action's dates (its due date, its milestones' dates,
    its updates' dates and revised due dates), each as `first <= today`, `date <= today` or `today > date`, so
    its answer can change only on a `first`, a `date` or the day after a `date`. Keep this next to `derive`: a
    new comparison with `today` there needs its day here (tests/knowledge/test_status.py checks every day).
    """
    specs = [action.due, *(m.due for m in action.milestones)]
    specs.extend(d for u in action.updates for d in (u.date, u.revised_due))
    days: set[dt.date] = set()
    for spec in specs:
        if spec is not None:
            days.update((spec.first, spec.date, spec.date + _ONE_DAY))
    return frozenset(days)


_ONE_DAY = dt.timedelta(days=1)


def later_date_update(action: Action, today: dt.date) -> Update | None:
    """An update known by `today` that neither sets a status nor revises the due date, but whose own words name
    a date after the due date in force ("deliver ... a conference in March 2025" for an action due "2024").

    Such an update puts the plan's date in doubt without changing it (the documents do not say the date moved),
    so an answer should not call the action overdue with confidence: it says it cannot tell, and quotes this.
    """
    found = later_date(action, today)
    return found[0] if found is not None else None


def later_date(action: Action, today: dt.date) -> tuple[Update, DateSpec] | None:
    """The update `later_date_update` finds, with the later date its words name ("March 2025")."""
    due = effective_due(action, today)
    if due is None:
        return None
    from knowledge.timescales import find_dates  # here: a cached start reads no timescale, and most questions none

    for update in reversed(_known_updates(action, today)):
        if update.status or update.revised_due is not None or update.date.first > today:
            continue
        for found in find_dates(update.text):
            if found.value is not None and (named := parse_datespec(found.value)).first > due.date:
                return update, named
    return None
