"""Action numbers in a plan whose ids carry a prefix: "TCE action 12", "tce 12", "action 5 in the tce plan"."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.engine import Engine

JAN_2025 = dt.date(2025, 1, 6)


@pytest.mark.parametrize(
    "question",
    ["who owns TCE action 12", "tce 12 lead", "who leads tce-12", "who leads action 12 in the tce plan"],
)
def test_a_number_in_the_tce_plan_is_that_plans_action(engine: Engine, question: str) -> None:
    answer = engine.ask(question, today=JAN_2025)
    assert answer.kind == "lead", answer.text
    assert [item.title for item in answer.items] == ["tce plan, action TCE12"]
    assert "TCE Strategic Assessment Group" in answer.text


def test_a_number_with_no_plan_named_stays_the_plain_number(engine: Engine) -> None:
    answer = engine.ask("who leads action 12", today=JAN_2025)
    assert [item.title for item in answer.items] == ["county plan, Action 12"]
    assert "Pam Rosseter" in answer.text


def test_a_plain_number_a_plan_has_is_not_renamed(engine: Engine) -> None:
    assert engine.ids.in_plan("12", "county-iicsa") == "12"
    assert engine.ids.in_plan("12", "tce-action-plan") == "tce12"
    assert engine.ids.in_plan("99", "tce-action-plan") == "99"
