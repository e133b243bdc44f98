"""The one rule for an action's state: complete from the evidence, overdue only when not evidenced done."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.dates import parse_datespec
from knowledge.models import Action, KnowledgeBase, Milestone, Source, Update
from knowledge.status import derive, says_done, turning_points

SRC = Source("test", "x")


def action(status: str = "not-stated", due: str | None = "2020-01", milestones=(), updates=()) -> Action:
    return Action(
        plan="p",
        id="1",
        text="Do the thing",
        leads=(),
        timescale=None,
        start=None,
        due=parse_datespec(due) if due else None,
        status=status,
        source=SRC,
        milestones=tuple(milestones),
        updates=tuple(updates),
    )


def milestone(status: str, due: str) -> Milestone:
    return Milestone("step", None, None, parse_datespec(due), status)


def update(text: str, date: str = "2020-01-10", status: str | None = None) -> Update:
    return Update(parse_datespec(date), text, None, None, status)


@pytest.mark.parametrize(
    "text",
    [
        "Completed – December 2019",
        "The findings have been shared with the Safeguarding Children Partnership.",
        "The review was undertaken by the NSPCC and found a number of strengths.",
        "The report has now been presented to committee.",
        "Training is now complete.",
    ],
)
def test_words_that_report_work_done(text: str) -> None:
    assert says_done(text)


@pytest.mark.parametrize(
    "text",
    [
        "The report will be completed in March.",
        "The work is progressing.",
        "The audit has not been completed.",
        "Although there was some delay in completion this is now being finalised.",
        "The action plan when complete will focus on five areas.",
        "A report is due to be presented in May.",
    ],
)
def test_words_that_do_not_report_work_done(text: str) -> None:
    assert not says_done(text)


def test_all_milestones_complete_makes_the_action_complete_and_never_overdue() -> None:
    a = action(milestones=[milestone("complete", "2019-12")])
    state = derive(a, dt.date(2020, 3, 1))
    assert state.complete and not state.overdue and not state.late
    assert state.evidence is not None and state.evidence.kind == "milestones"


def test_one_open_milestone_keeps_it_open_and_names_the_outstanding_one() -> None:
    open_step = milestone("not-stated", "2020-01")
    a = action(milestones=[milestone("complete", "2019-12"), open_step])
    state = derive(a, dt.date(2020, 3, 1))
    assert not state.complete and state.overdue
    assert state.outstanding == (open_step,)


def test_an_update_that_says_done_completes_the_action() -> None:
    a = action(updates=[update("The findings have been shared with the partnership.")])
    assert derive(a, dt.date(2020, 3, 1)).complete  # dated to the day, 10 January 2020
    assert derive(a, dt.date(2020, 3, 1)).evidence.kind == "update"


def test_evidence_counts_only_from_its_date() -> None:
    a = action(due="2019-12", updates=[update("The report has been presented.", date="2020-02-10")])
    assert derive(a, dt.date(2020, 1, 15)).overdue
    assert derive(a, dt.date(2020, 2, 10)).complete


def test_a_later_progress_update_outweighs_an_earlier_done() -> None:
    a = action(
        updates=[update("The first draft has been shared.", "2020-01-01"), update("Work is progressing.", "2020-02-01")]
    )
    assert not derive(a, dt.date(2020, 3, 1)).complete


def test_an_explicit_recorded_status_wins() -> None:
    a = action(
        milestones=[milestone("complete", "2019-12")], updates=[update("Reopened.", "2020-01-20", "in-progress")]
    )
    state = derive(a, dt.date(2020, 3, 1))
    assert state.status == "in-progress" and state.overdue


def test_an_actions_own_date_met_by_its_done_steps_leaves_later_steps_to_their_own_dates() -> None:
    """Due September 2019, its September step "Completed", further steps December 2019 and January 2020 (County
    Action 5's shape): not overdue in December; in January its December step is outstanding, the action is not."""
    steps = [
        Milestone("issue the guidance", None, None, parse_datespec("2019-09"), "complete"),
        Milestone("visit every home", None, None, parse_datespec("2019-12"), "not-stated"),
        Milestone("evaluate the visits", None, None, parse_datespec("2020-01"), "not-stated"),
    ]
    a = action(due="2019-09", milestones=steps)
    december = derive(a, dt.date(2019, 12, 20))
    assert not december.overdue and not december.late and december.status == "in-progress"
    january = derive(a, dt.date(2020, 1, 10))
    assert not january.overdue and [m.text for m in january.outstanding] == ["visit every home"]
    assert january.late  # late by its step: every list still shows it, by that step
    not_done = action(due="2019-09", milestones=[replace(steps[0], status="not-stated"), *steps[1:]])
    assert derive(not_done, dt.date(2019, 12, 20)).overdue  # the September step not evidenced: overdue
    only_later = action(due="2019-09", milestones=steps[1:])  # nothing dated by September to show it was done
    assert derive(only_later, dt.date(2019, 12, 20)).overdue


def test_overdue_is_strictly_after_the_due_period() -> None:
    a = action(due="2020-01")
    assert not derive(a, dt.date(2020, 1, 31)).overdue
    assert derive(a, dt.date(2020, 2, 1)).overdue


def test_bundled_county_action_7_is_complete(bundled: KnowledgeBase) -> None:
    a = bundled.plans["county-iicsa"].action("Action 7")
    state = derive(a, dt.date(2020, 1, 15))
    assert state.complete and not state.late


def test_a_year_dated_report_counts_only_once_the_year_is_over() -> None:
    """City 7b: due 4 February 2020; the 2019/20 annual report says the findings were shared, dated only "2020"."""
    a = action(due="2020-02-04", updates=[update("The findings have been shared with the partnership.", "2020")])
    assert not derive(a, dt.date(2020, 1, 15)).late
    assert derive(a, dt.date(2020, 3, 1)).overdue
    assert derive(a, dt.date(2021, 1, 1)).complete


def test_a_month_dated_completion_counts_within_its_month_once_due() -> None:
    """County Action 7: due 16 December 2019; its milestone "Completed - December 2019"."""
    a = action(due="2019-12-16", milestones=[milestone("complete", "2019-12")])
    assert not derive(a, dt.date(2019, 12, 10)).complete
    state = derive(a, dt.date(2019, 12, 20))
    assert state.complete and not state.overdue


# -- turning points: the only days on which an action's derived state can change ------------------------------
def _constant_between_turning_points(a: Action, days: list[dt.date]) -> int:
    """Checks derive(a, d) == derive(a, d - 1) on every day d that is not a turning point; how many were checked."""
    turns = turning_points(a)
    checked = 0
    for day in days:
        if day not in turns:
            assert derive(a, day) == derive(a, day - dt.timedelta(days=1)), (a.key, day)
            checked += 1
    return checked


def test_bundled_actions_change_state_only_on_their_turning_points(bundled: KnowledgeBase) -> None:
    days = [dt.date(2019, 1, 1) + dt.timedelta(days=n) for n in range(5 * 366)]
    changes = 0
    for a in bundled.actions():
        assert _constant_between_turning_points(a, days) > 0
        changes += sum(derive(a, d) != derive(a, d - dt.timedelta(days=1)) for d in turning_points(a))
    assert changes > 0  # the bundled actions do change state on some of their turning points


_DATES = st.sampled_from(
    ["2019-12", "2019-12-16", "2020", "2020-01", "2020-01-10", "2020-02-29", "2020-03", "FY2019/20", "2019"]
)


@settings(max_examples=150, deadline=None)
@given(
    due=st.none() | _DATES,
    status=st.sampled_from(["not-stated", "in-progress", "complete", "ongoing"]),
    milestones=st.lists(st.tuples(st.sampled_from(["complete", "in-progress"]), _DATES), max_size=3),
    updates=st.lists(
        st.tuples(
            st.sampled_from(["Completed.", "The work is progressing.", "The report has been shared.", "Noted."]),
            _DATES,
            st.none() | st.sampled_from(["complete", "in-progress"]),
            st.none() | _DATES,
        ),
        max_size=3,
    ),
)
def test_generated_actions_change_state_only_on_their_turning_points(due, status, milestones, updates) -> None:
    a = action(
        status,
        due,
        [milestone(s, d) for s, d in milestones],
        [
            Update(parse_datespec(d), text, None, None, st_, revised_due=parse_datespec(rev) if rev else None)
            for text, d, st_, rev in updates
        ],
    )
    days = [dt.date(2019, 1, 1) + dt.timedelta(days=n) for n in range(2 * 366)]
    assert _constant_between_turning_points(a, days) > 0
