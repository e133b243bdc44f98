"""The engine's last check: an answer that cannot carry the kind of fact asked ("when": a date; "how many": a number)
becomes an honest "not sure" that offers what was found as the closest thing, never a confident other answer."""

from __future__ import annotations

import datetime as dt

from knowledge.answer import Answer, Item
from knowledge.engine import Engine
from knowledge.guard import asked_fact, carries, checked
from knowledge.query import parse


def ask(engine: Engine, question: str, today: dt.date) -> Answer:
    return engine.ask(question, today=today)


def test_a_count_the_plan_does_not_record_is_not_answered_with_the_actions_card(engine: Engine) -> None:
    answer = ask(engine, "how many carers has the city looked at under action 6 so far", dt.date(2020, 3, 1))
    assert answer.kind == "not-sure" and answer.text.startswith("I'm not sure")
    assert "city plan, action 6" in answer.text  # the closest thing, named
    assert answer.items and answer.items[0].title == "city plan, action 6"  # and still shown
    q = parse(engine, "how many carers did action 6 look at", dt.date(2020, 3, 1))
    card = Answer("action", "city plan, action 6: lead Head of Children in Care; due by 31 March 2020.")
    assert "a number" in checked(q, card).text  # the guard's own wording, when no handler said it first


def test_a_when_question_answered_by_an_undated_history_says_it_is_not_sure(engine: Engine) -> None:
    answer = ask(engine, "when was county action 8 last changed", dt.date(2020, 1, 15))
    assert answer.kind == "not-sure" and "a date" in answer.text
    assert "History of county plan, Action 8" in answer.text


def test_a_dated_history_still_answers_a_when_question(engine: Engine) -> None:
    answer = ask(engine, "when was tce12 changed, what is its history", dt.date(2025, 1, 10))
    assert answer.kind == "history" and "20 June 2024" in answer.items[0].lines[0]


def test_answers_that_carry_the_fact_pass_unchanged(engine: Engine) -> None:
    today = dt.date(2020, 1, 15)
    count = ask(engine, "how many actions are in the county plan", today)
    assert count.kind == "count" and count.text.startswith("13 actions in county plan")
    due = ask(engine, "when is 7a due", today)
    assert due.kind == "due" and "October 2019" in due.text
    lead = ask(engine, "who leads 7a", today)
    assert lead.kind == "lead" and "Catherine Underwood" in lead.text


def asks_for(engine: Engine, question: str) -> str | None:
    return asked_fact(parse(engine, question, dt.date(2020, 1, 15)))


def test_what_the_question_asks_for(engine: Engine) -> None:
    def fact(question: str) -> str | None:
        return asks_for(engine, question)

    assert fact("How many foster carers are there?") == "count"
    assert fact("what's the number of actions") == "count"
    assert fact("when is 7a due") == "date" and fact("7a deadline?") == "date"
    assert fact("who leads 7a") is None and fact("status of 7a") is None


def test_an_id_or_a_date_is_not_a_count() -> None:
    def card(text: str) -> Answer:
        return Answer("action", text, (Item("action", "x", ("y",)),))

    assert not carries(card("city plan, action 6: due by 31 March 2020 (2019/20)."), "count")
    assert carries(card("12 foster carers have been assessed."), "count")
    assert carries(card("None have been assessed yet."), "count")
    assert not carries(Answer("lead", "Lead of action 7a: Ann Lead."), "date")
    assert carries(Answer("lead", "Lead of action 7a from October 2019: Ann Lead."), "date")
    assert carries(Answer("not-sure", "I'm not sure."), "date")


def test_the_not_sure_keeps_the_items_and_the_follow_up_subject(engine: Engine) -> None:
    q = parse(engine, "how many staff did action 6 cover", dt.date(2020, 1, 15))
    found = Answer("action", "city plan, action 6: lead Head of Children in Care.", (Item("action", "a", ("b",)),))
    out = checked(q, found)
    assert out.kind == "not-sure" and out.items == found.items and out.subject == found.subject
    assert out.text.endswith("city plan, action 6: lead Head of Children in Care.")


def test_a_deadline_for_priorities_the_business_plan_does_not_date_is_not_sure(engine: Engine) -> None:
    answer = ask(engine, "by when must the key activities under priority 2 be done", dt.date(2021, 6, 1))
    assert answer.kind == "not-sure" and "a date" in answer.text and "Priority Two" in answer.text


def test_the_committees_own_name_does_not_stop_a_neighbouring_meeting_answer(engine: Engine) -> None:
    after_april = ask(engine, "when is the corporate parenting panel after the april one", dt.date(2025, 1, 10))
    assert after_april.text == (
        "The Corporate Parenting Panel meeting after the one on Tuesday 1 April 2025 is on Tuesday 8 July 2025."
    )
    after_july = ask(engine, "corporate parenting panel after the july one - when?", dt.date(2025, 1, 10))
    assert after_july.text.startswith("The knowledge base has no Corporate Parenting Panel meeting after")
    assert "8 July 2025" in after_july.text


def test_who_was_appointed_is_not_answered_with_an_actions_lead(engine: Engine) -> None:
    """The county plan says an independent reviewer will review the foster carers; it never names one. Its
    milestone's lead (Pam Rosseter) is who leads the work, not who was appointed to do it."""
    today = dt.date(2020, 2, 1)
    for question in (
        "who got the independent reviewer job on the county foster carer review",
        "who was appointed as independent reviewer for the county carers review",
        "which reviewer did they commission for the foster carer review - who did they appoint",
    ):
        answer = ask(engine, question, today)
        assert answer.kind == "not-sure" and answer.text.startswith("I'm not sure"), question
    first = ask(engine, "who got the independent reviewer job on the county foster carer review", today)
    assert first.text.startswith("I'm not sure: you asked who was appointed")  # and the lead offered as closest
    assert "Pam Rosseter (the action's lead)" in first.text
    lead = ask(engine, "who leads the county foster carer review", today)  # asked as a lead: answered as one
    assert lead.kind == "lead" and "Pam Rosseter" in lead.text


def test_what_counts_as_asking_who_was_appointed(engine: Engine) -> None:
    assert asks_for(engine, "who got the job of chair") == "appointee"
    assert asks_for(engine, "who has been commissioned to do the review") == "appointee"
    assert asks_for(engine, "who's got the foster carer work in the city one") is None  # who has it: its lead
    assert asks_for(engine, "who got action 7a") is None
    assert not carries(Answer("lead", "Lead of county plan, Action 12: Pam Rosseter."), "appointee")
    assert carries(Answer("passage", "The papers say: an independent reviewer, Ann Other, was appointed."), "appointee")


def test_a_quoted_paragraph_without_a_count_does_not_answer_how_many(engine: Engine) -> None:
    """A passage about the thing counted is not a count of it: "how many" needs a number in what is quoted."""
    q = parse(engine, "how many children were assessed for harmful sexual behaviour", dt.date(2025, 1, 10))
    words_only = Answer(
        "passage",
        "The papers say:",
        (Item("passage", "HSB review", ("\u201cChildren are assessed by the team.\u201d",)),),
    )
    with_count = Answer(
        "passage", "The papers say:", (Item("passage", "HSB review", ("\u201c106 children were assessed.\u201d",)),)
    )
    dated_only = Answer(
        "passage", "The papers say:", (Item("passage", "HSB review", ("\u201cAssessed during 2023-2024.\u201d",)),)
    )
    assert checked(q, words_only).kind == "not-sure" and "a number" in checked(q, words_only).text
    assert checked(q, with_count) is with_count
    assert checked(q, dated_only).kind == "not-sure"  # a year is not a count


def test_a_sum_of_money_is_asked_and_given(engine: Engine) -> None:
    q = parse(engine, "what did the independent review cost", dt.date(2020, 1, 15))
    assert asked_fact(q) == "money"
    card = Answer("action", "county plan, Action 12: lead Pam Rosseter.")
    priced = Answer("passage", "The papers say:", (Item("passage", "x", ("\u201cThe review cost £12,000.\u201d",)),))
    assert checked(q, card).kind == "not-sure" and "a sum of money" in checked(q, card).text
    assert checked(q, priced) is priced
