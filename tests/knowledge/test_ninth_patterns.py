"""Root fixes found on the ninth bank's first grade, each in wording of our own: a plan's own name outranks a word of
another plan's long name; a person who leads nothing in the plan named is told so for that plan, with what they
lead elsewhere; the agenda of a committee named by its full name; "get in touch" asks for a report's contact; a
leading clause about the asker's week is no date window."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.render_text import render
from knowledge.engine import Engine
from knowledge.loader import load_knowledge_base
from knowledge.query import parse

PANEL_DAY = dt.date(2025, 1, 7)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_knowledge_base())


def test_a_plans_own_name_outranks_a_word_of_another_plans_long_name(engine: Engine) -> None:
    # "assessment" is a word of the TCE plan's long name; "county" names the county plan itself
    q = parse(engine, "anything from pam on the foster carer assessment at county", dt.date(2020, 2, 1), None, None, 0)
    assert q.plan == "county-iicsa"
    q = parse(engine, "is the strategic assessment action done", dt.date(2025, 1, 10), None, None, 0)
    assert q.plan != "county-iicsa"  # no plan's own name: the long-name word still scopes as before


def test_leading_nothing_in_the_plan_named_is_said_of_that_plan(engine: Engine) -> None:
    answer = engine.ask("what does paul johnson lead in the city plan", dt.date(2020, 2, 1))
    text = render(answer)
    assert "in the plans" not in answer.text
    assert "city plan" in answer.text and "2 actions in the county plan" in answer.text, text


def test_the_agenda_of_a_committee_named_in_full(engine: Engine) -> None:
    answer = engine.ask("agenda for the corporate parenting panel next week?", PANEL_DAY)
    assert answer.kind == "agenda", render(answer)
    titles = " ".join(item.title for item in answer.items)
    assert "Harmful Sexual Behaviour" in titles and "Managing Allegations" in titles


def test_get_in_touch_asks_for_the_reports_contact(engine: Engine) -> None:
    answer = engine.ask("I need to get in touch with someone about the managing allegations report", PANEL_DAY)
    assert "Hazel McKibbin" in answer.text, render(answer)
    assert not any(item.kind == "action" for item in answer.items)


@pytest.mark.parametrize(
    "question",
    [
        "standing in for my manager this week, when is county action 11 due?",
        "hi, covering for Laurence this week - when is county action 11 due",
    ],
)
def test_the_askers_week_is_no_date_window(engine: Engine, question: str) -> None:
    answer = engine.ask(question, dt.date(2019, 12, 2))
    assert "Action 11" in answer.text and "January 2020" in answer.text, render(answer)
    assert " due in county plan between" not in answer.text
