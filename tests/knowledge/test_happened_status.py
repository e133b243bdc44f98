"""Yes/no questions whether a thing was done ("has X gone out", "were X told", "did X take place") are status
questions: a milestone named by its words answers with its state on the day asked, from knowledge.status.

Questions are worded afresh (not copied from the question banks). Facts checked against seed 001 (Nottinghamshire
County Council IICSA action plan): Action 10's milestone "Letter sent to independent residential children's homes
on the East Midlands Framework ... Completed – November 2019"; Action 12's milestone "Briefing held by the County and
City Council for Independent Fostering Agencies ... Completed - October 2019".
"""

from __future__ import annotations

import datetime as dt

from bot.render_text import render
from knowledge.engine import Engine
from knowledge.query import parse

JAN_2020 = dt.date(2020, 1, 15)


def test_has_gone_out_is_the_milestones_status(engine: Engine) -> None:
    answer = engine.ask("has the east midlands framework letter gone out to the homes", today=JAN_2020)
    assert answer.kind == "status"
    assert "Action 10 milestone" in answer.text
    assert "Letter sent" in answer.text
    assert "complete" in answer.text and "November 2019" in answer.text


def test_did_it_take_place_is_the_milestones_status(engine: Engine) -> None:
    answer = engine.ask("did the county and city briefing for the fostering agencies take place", today=JAN_2020)
    assert answer.kind == "status", render(answer)
    assert "Action 12 milestone" in answer.text
    assert "October 2019" in answer.text


def test_before_the_milestone_was_done_it_is_not_called_complete(engine: Engine) -> None:
    """On 1 September 2019 the plan's "Completed – November 2019" was still to come: not done yet."""
    answer = engine.ask("has the east midlands framework letter gone out to the homes", today=dt.date(2019, 9, 1))
    assert "Letter sent" in answer.text
    assert "complete" not in answer.text.split(":", 1)[1].split(".")[0]
    assert "not yet due (due November 2019)" in answer.text


def test_wh_questions_with_was_held_are_not_status(engine: Engine) -> None:
    for question in ("where was the january corporate parenting panel held", "when was the letter sent"):
        assert "status" not in parse(engine, question, JAN_2020).intents, question


def test_yes_no_done_forms_ask_for_status(engine: Engine) -> None:
    for question in (
        "were the trade unions told about the report",
        "has the briefing for foster carers happened",
        "did the review of staff files go ahead",
    ):
        q = parse(engine, question, JAN_2020)
        assert "status" in q.intents and q.attribute == "status", question


def test_where_are_things_up_to_is_a_status_question_with_the_latest_update(engine: Engine) -> None:
    """Seed 002 (the city partnership's 2019/20 annual report): the IFA work with the county "is now being
    finalised" - the status answer for city action 6 carries that update."""
    answer = engine.ask("where are things up to with city action 6", today=dt.date(2020, 10, 1))
    assert answer.kind == "status"
    assert "being finalised" in render(answer, show_sources=False)


def test_wheres_it_at_by_words_is_status_not_venue(engine: Engine) -> None:
    q = parse(engine, "the city foster carer risk work - where's it at", dt.date(2020, 10, 1))
    assert q.attribute == "status" and "status" in q.intents
    assert parse(engine, "where is the january panel", JAN_2020).attribute == "venue"
