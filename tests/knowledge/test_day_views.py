"""The engine's day views: a new day is derived from the day before, and must equal a day derived afresh."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bench import synthetic
from knowledge.engine import DayView, Engine
from knowledge.loader import load_knowledge_base
from knowledge.models import KnowledgeBase


@pytest.fixture(scope="module")
def synthetic_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    root = synthetic.write(Path(tmp_path_factory.mktemp("synthetic")), actions=600, plans=12, people=80)
    return load_knowledge_base(root)


def _same(a: DayView, b: DayView) -> None:
    assert a.today == b.today
    assert a.states == b.states
    assert a.late == b.late
    assert a.undated == b.undated
    assert a.doubted == b.doubted


@pytest.mark.parametrize("kb_name", ["bundled", "synthetic_kb"])
def test_each_next_day_equals_a_day_derived_afresh(kb_name: str, request: pytest.FixtureRequest) -> None:
    kb: KnowledgeBase = request.getfixturevalue(kb_name)
    engine = Engine(kb)
    changed_days = 0
    for start in (dt.date(2019, 11, 25), dt.date(2025, 10, 20)):  # the bundled plans' due dates; the synthetic's
        previous = engine.day(start)
        for n in (*range(1, 40), *range(40, 400, 9)):  # consecutive days, then jumps of a few days
            today = start + dt.timedelta(days=n)
            view = engine.day(today)
            _same(view, DayView.of(kb.actions(), today))
            changed_days += view.states != previous.states
            previous = view
    assert changed_days > 0  # the views did move: some actions changed state over these days


def test_a_day_far_back_and_again_forward_equals_days_derived_afresh(synthetic_kb: KnowledgeBase) -> None:
    engine = Engine(synthetic_kb)
    for today in (dt.date(2026, 11, 27), dt.date(2019, 6, 1), dt.date(2020, 3, 31), dt.date(2026, 11, 28)):
        _same(engine.day(today), DayView.of(synthetic_kb.actions(), today))


QUESTIONS = (
    "what is overdue?",
    "what is overdue in the city plan?",
    "what is due this month?",
    "what is not started?",
    "what is complete?",
    "status of action 3",
)


@pytest.mark.parametrize("kb_name", ["bundled", "synthetic_kb"])
def test_answers_after_the_day_changes_equal_a_fresh_engines(kb_name: str, request: pytest.FixtureRequest) -> None:
    """An engine that answered on day 1 (and kept its view of day 1) answers on day 2 as a new engine does."""
    kb: KnowledgeBase = request.getfixturevalue(kb_name)
    plan_questions = tuple(f"what is overdue in {p.short_names[0]}?" for p in list(kb.plans.values())[:4])
    running = Engine(kb)
    differed = 0
    for day1 in (dt.date(2020, 1, 31), dt.date(2020, 3, 31), dt.date(2025, 12, 31), dt.date(2026, 11, 30)):
        day2 = day1 + dt.timedelta(days=1)
        fresh = Engine(kb)
        for question in QUESTIONS + plan_questions:
            before = running.ask(question, today=day1)
            after = running.ask(question, today=day2)
            assert after == fresh.ask(question, today=day2), (question, day2)
            differed += after != before
    assert differed > 0  # some answers did change with the day


@pytest.mark.parametrize("question", ["what was due last month", "what is due in the next six months"])
def test_window_lists_are_built_a_page_at_a_time(synthetic_kb: KnowledgeBase, question: str) -> None:
    """A window over many actions shows one page and says how many there are (issue 13: build only what is shown).
    (The forward window is six months: the synthetic plans record many steps due next month as already completed,
    and a due list leaves those out.)"""
    answer = Engine(synthetic_kb).ask(question, today=dt.date(2026, 3, 15))
    assert answer.total is not None and answer.total > 20
    assert len(answer.items) == 20 and answer.more == f"page 2: {question}"


@pytest.mark.parametrize("kb_name", ["bundled", "synthetic_kb"])
def test_facts_given_the_day_views_state_answer_as_when_deriving(kb_name: str, request: pytest.FixtureRequest) -> None:
    """The digest passes each action's state from the day view to is_stale and milestones_due_soon: the same."""
    from knowledge import facts

    kb: KnowledgeBase = request.getfixturevalue(kb_name)
    for today in (dt.date(2020, 1, 15), dt.date(2021, 6, 1), dt.date(2025, 1, 10)):
        view = DayView.of(kb.actions(), today)
        for action in kb.actions():
            state = view.states[action.key]
            assert facts.is_stale(action, today, 60, state) == facts.is_stale(action, today, 60)
            assert facts.milestones_due_soon(action, today, 30, state) == facts.milestones_due_soon(action, today, 30)
