"""Property: an action evidenced as complete never appears as overdue on any surface.

Checked for every action of the bundled knowledge base and of a synthetic one, on a spread of days:
the engine's overdue answers (unscoped and per plan), the weekly digests, and the progress report's
rows.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assemblers.context import plan_context
from bench import synthetic
from knowledge.digest import compose
from knowledge.engine import Engine
from knowledge.loader import load_knowledge_base
from knowledge.models import KnowledgeBase
from knowledge.status import derive

DAYS = [dt.date(2019, 10, 1), dt.date(2020, 1, 15), dt.date(2020, 6, 1), dt.date(2025, 1, 14), dt.date(2026, 11, 27)]


@pytest.fixture(scope="module")
def synthetic_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    root = synthetic.write(Path(tmp_path_factory.mktemp("synthetic")), actions=600, plans=12, people=80)
    return load_knowledge_base(root)


def _complete(kb: KnowledgeBase, today: dt.date) -> set[tuple[str, str]]:
    return {a.key for a in kb.actions() if derive(a, today).complete}


def _check(kb: KnowledgeBase) -> int:
    engine = Engine(kb)
    checked = 0
    for today in DAYS:
        done = _complete(kb, today)
        checked += len(done)
        questions = ["what is overdue?"] + [f"what is overdue in {p.short_names[0]}" for p in kb.plans.values()]
        for question in questions:
            answer = engine.ask(question, today=today)
            late = {item.ref for item in answer.items if item.ref}
            assert not (late & done), (question, today, sorted(late & done)[:5])
        for digest in compose(kb, today).digests:
            for item in digest.section("overdue"):
                assert (item.plan, item.action) not in done, (digest.person, today, item)
        for plan in kb.plans.values():
            for row in plan_context(kb, plan, today)["overdue"]:
                assert (plan.id, row["id"]) not in done, (plan.id, today, row["id"])
    return checked


def test_bundled_complete_actions_are_never_overdue(bundled: KnowledgeBase) -> None:
    assert _check(bundled) > 0  # some bundled actions are evidenced complete on these days


def test_synthetic_complete_actions_are_never_overdue(synthetic_kb: KnowledgeBase) -> None:
    assert _check(synthetic_kb) > 100
