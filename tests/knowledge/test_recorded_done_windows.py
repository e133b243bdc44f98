"""Work the plan records as completed in a period is not listed as falling due in that period, and the county plan
answers to "notts"; "county a3" is the county plan's Action 3. Facts from the bundled county plan (seed 001)."""

from __future__ import annotations

import datetime as dt

from knowledge.engine import Engine


def _titles(answer) -> list[str]:
    return [item.title for item in answer.items]


def test_a_report_the_plan_records_as_completed_that_month_is_not_due_that_month(engine: Engine) -> None:
    # County Action 7: report to committee on 16 December 2019, recorded "Completed – December 2019"
    answer = engine.ask("county plan: what lands in december?", today=dt.date(2019, 12, 5))
    titles = _titles(answer)
    assert not any("Action 7" in t for t in titles)
    assert any("Action 8" in t for t in titles)  # its scoping step, "December 2019", is not recorded as done
    assert any("records as completed" in n for n in answer.notes)


def test_the_same_report_is_neither_due_nor_overdue_afterwards(engine: Engine) -> None:
    state = engine.state(
        next(a for a in engine.kb.actions() if a.plan == "county-iicsa" and a.id == "Action 7"), dt.date(2020, 1, 20)
    )
    assert state.complete and not state.overdue


def test_a_later_report_dated_only_by_a_year_does_not_hide_a_step_due_in_a_month(engine: Engine) -> None:
    # City 7b: "Consider at Safeguarding Partnership on 04/02/20"; the annual report says it was done in 2020
    answer = engine.ask("city plan, anything falling due in february?", today=dt.date(2020, 1, 20))
    assert any("7b" in t for t in _titles(answer))


def test_laurence_jones_before_christmas_keeps_his_open_steps_only(engine: Engine) -> None:
    answer = engine.ask("what has laurence jones got due before christmas", today=dt.date(2019, 12, 1))
    titles = _titles(answer)
    assert any("Action 5" in t for t in titles) and any("Action 8" in t for t in titles)
    assert not any("Action 7" in t for t in titles)


def test_notts_names_the_county_plan(engine: Engine) -> None:
    answer = engine.ask("notts iicsa plan - due this month?", today=dt.date(2019, 12, 2))
    titles = _titles(answer)
    assert titles and all(t.startswith("county plan") for t in titles)


def test_two_months_joined_make_one_window(engine: Engine) -> None:
    # County Action 8's audits are dated June 2020 and its report July 2020; Action 6's report July 2020
    answer = engine.ask("county plan, what falls due june to july?", today=dt.date(2020, 5, 1))
    assert "1 June 2020 and 31 July 2020" in answer.text
    titles = _titles(answer)
    assert any("Action 6" in t for t in titles) and any("Action 8" in t for t in titles)


def test_a_phone_four_for_reads_as_for(engine: Engine) -> None:
    answer = engine.ask("lead 4 the review of former staff?", today=dt.date(2020, 2, 1))
    assert "Marjorie Toward" in answer.text and "Action 11" in answer.text
    assert "Action 4" not in answer.text


def test_a_plan_name_then_a_and_a_number_is_that_plans_action(engine: Engine) -> None:
    # County Action 3's two steps are both "Completed - November 2019" (seed 001)
    answer = engine.ask("county a3 finished?", today=dt.date(2020, 2, 1))
    assert answer.text.startswith("Status of county plan, Action 3: complete")
    lead = engine.ask("city a6 who's on it", today=dt.date(2020, 2, 1))
    assert "city plan, action 6" in lead.text and "Head of Children in Care" in lead.text


def test_emphasis_does_not_break_a_question_form(engine: Engine) -> None:
    # City 7a: the external HSB evaluation, led by the Corporate Director (seed 000)
    plain = engine.ask(
        "who is responsible for the city's independent evaluation using the nspcc framework", today=dt.date(2019, 12, 1)
    )
    stressed = engine.ask(
        "who exactly is really responsible for the city's independent evaluation using the nspcc framework",
        today=dt.date(2019, 12, 1),
    )
    assert "Corporate Director" in plain.text and stressed.text == plain.text


def test_a_passage_that_names_nobody_does_not_answer_who_leads(engine: Engine) -> None:
    from knowledge.answer import Answer, Item
    from knowledge.guard import checked
    from knowledge.query import parse

    q = parse(engine, "who is responsible for the framework evaluation", dt.date(2019, 12, 1))
    assert q.attribute == "lead"
    silent = Answer("passage", "The papers say (plan):", (Item("passage", "plan", ("We will commission a review.",)),))
    named = Answer("passage", "The papers say (plan):", (Item("passage", "plan", ("The review is led by Ann Bee.",)),))
    out = checked(q, silent)
    assert out.kind == "not-sure" and "does not say who" in out.text and out.items == silent.items
    assert checked(q, named) == named


def test_why_it_is_asked_after_the_question_mark_changes_nothing(engine: Engine) -> None:
    # County Action 5 (member visits to children's homes): Laurence Jones (seed 001)
    day = dt.date(2020, 1, 6)
    plain = engine.ask("who owns the member visits action in the county plan?", today=day)
    told = engine.ask("who owns the member visits action in the county plan? my manager needs a name today", today=day)
    assert "Laurence Jones" in plain.text and told.text == plain.text


def test_a_question_after_the_mark_is_still_read(engine: Engine) -> None:
    from knowledge.query import parse

    q = parse(engine, "county action 5? when is it due", dt.date(2020, 1, 6))
    assert "due" in q.intents


def test_which_officers_are_accountable_asks_for_the_leads(engine: Engine) -> None:
    # County Action 10 (review of existing residential staff): Marjorie Toward and Pam Rosseter (seed 001)
    answer = engine.ask(
        "county plan, the existing residential staff review - which officers are accountable", today=dt.date(2020, 1, 8)
    )
    assert "Marjorie Toward" in answer.text and "Pam Rosseter" in answer.text


def test_a_bracketed_number_after_the_plan_and_the_side_or_bit_meant(engine: Engine) -> None:
    # City action 6 (foster carer risk assessments): Head of Children in Care (seed 000)
    answer = engine.ask("lead for the foster carer bit of the city plan (no 6)?", today=dt.date(2019, 11, 5))
    assert answer.text.startswith("Lead of city plan, action 6") and "Head of Children in Care" in answer.text
    status = engine.ask("victims and survivors needs assessment on the county side - done?", today=dt.date(2020, 1, 15))
    assert status.text.startswith("Status of county plan, Action 3: complete")


def test_an_id_only_another_plan_has_outweighs_a_loose_plan_word(engine: Engine) -> None:
    # "partnership" is a word of the business plan's long names; 7b is only in the city plan (seed 000)
    answer = engine.ask("who's doing the piece the partnership considers - 7b?", today=dt.date(2020, 1, 15))
    assert answer.text.startswith("Lead of city plan, action 7b") and "Corporate Director" in answer.text
    missing = engine.ask("who leads action 99 in the partnership plan", today=dt.date(2020, 1, 15))
    assert missing.kind == "not-found"


def test_who_does_the_recommendations_work_asks_for_a_lead(engine: Engine) -> None:
    answer = engine.ask("who is doing 7b, considering the hsb recommendations", today=dt.date(2020, 1, 15))
    assert answer.text.startswith("Lead of city plan, action 7b")


def test_the_step_holding_every_word_answers_when_not_the_actions_own_date(engine: Engine) -> None:
    # County Action 5: guidance "in September 2019"; its step "All Council children's homes visited by a Member
    # under the new guidance." is dated December 2019 (seed 001)
    answer = engine.ask(
        "by when should every council children's home have had a member visit", today=dt.date(2019, 11, 1)
    )
    assert "December 2019" in answer.text.split("\n")[0] and "September" not in answer.text.split("\n")[0]


def test_how_a_request_is_put_names_no_topic(engine: Engine) -> None:
    # County Action 9, reviewing Ofsted inspections of the children's homes: Devon Allen (seed 001)
    answer = engine.ask(
        "need the lead officer on reviewing ofsted inspections of the kids homes, for our log",
        today=dt.date(2020, 3, 2),
    )
    assert "Devon Allen" in answer.text and answer.kind != "not-sure"
    where = engine.ask(
        "who at the county is reviewing the ofsted inspections of the children's homes", today=dt.date(2019, 11, 20)
    )
    assert "Devon Allen" in where.text


def test_keeps_coming_up_is_no_window(engine: Engine) -> None:
    from knowledge.query import parse

    q = parse(engine, "who is Pam Rosseter? her name keeps coming up", dt.date(2020, 1, 6))
    assert "due-soon" not in q.intents and "keep" not in q.topic_words
    assert "due-soon" in parse(engine, "what is coming up for the county plan", dt.date(2020, 1, 6)).intents


def test_start_and_finish_asks_for_dates(engine: Engine) -> None:
    # City action 6: "To commence October 2019 (to be completed this financial year)" (seed 000)
    answer = engine.ask("city foster carer risk assessments start n finish?", today=dt.date(2019, 11, 1))
    assert "October 2019" in answer.text and "this financial year" in answer.text


def test_a_plan_word_in_a_phrase_the_action_uses_still_matches(engine: Engine) -> None:
    # County Action 3: "the needs assessment and the review of services for victims and survivors" (seed 001)
    answer = engine.ask(
        "county: needs assessment / review of services for survivors - complete?", today=dt.date(2020, 1, 15)
    )
    assert answer.text.startswith("Status of county plan, Action 3: complete")


def test_who_is_looking_at_asks_for_a_lead_not_the_panels_programme(engine: Engine) -> None:
    # County Action 9: reviewing two years of Ofsted inspections of the children's homes, Devon Allen (seed 001)
    answer = engine.ask(
        "who in the county is looking at the ofsted inspections of the children's homes", today=dt.date(2019, 11, 20)
    )
    assert "Devon Allen" in answer.text


def test_phone_short_forms_of_ids_and_time_words(engine: Engine) -> None:
    day = dt.date(2020, 1, 15)
    assert engine.ask("a12 county - lead?", today=day).text.startswith("Lead of county plan, Action 12: Pam Rosseter")
    before = engine.ask("county plan due b4 end of march", today=day)
    assert "between 15 January 2020 and 31 March 2020" in before.text
    week = engine.ask("county plan due next wk", today=day)
    assert "between 20 January 2020 and 26 January 2020" in week.text


def test_two_months_take_the_year_of_the_later_one(engine: Engine) -> None:
    day = dt.date(2019, 12, 10)
    assert "10 December 2019 and 31 December 2019" in engine.ask("county plan due november or december", today=day).text
    assert "10 December 2019 and 31 January 2020" in engine.ask("county plan due dec to jan", today=day).text


def test_a_person_named_with_responsible_for_gets_their_work_not_a_record_holding_their_surname(
    engine: Engine,
) -> None:
    # Marjorie Toward leads County Actions 10 and 11 (seed 001); "toward" is also an English word
    answer = engine.ask("what is marjorie toward responsible for? asking for the minutes", today=dt.date(2020, 1, 20))
    assert answer.text.startswith("Marjorie Toward leads 2 actions")


def test_a_lone_number_asked_its_lead_in_the_terse_form(engine: Engine) -> None:
    answer = engine.ask("11 - lead?", today=dt.date(2020, 1, 20))
    assert answer.text.startswith("Lead of county plan, Action 11: Marjorie Toward")


def test_next_deadlines_and_between_now_and_a_feast(engine: Engine) -> None:
    day = dt.date(2020, 1, 6)
    nxt = engine.ask("next deadlines for the county plan?", today=day)
    assert nxt.kind == "due-soon" and nxt.text.startswith("10 due in county plan between 6 January 2020")
    easter = engine.ask("county plan - what's due between now and easter", today=day)
    assert "between 6 January 2020 and 12 April 2020" in easter.text  # Easter Sunday 2020: 12 April


def test_a_rank_and_a_trailing_name_ask_name_no_topic(engine: Engine) -> None:
    # City annual report 2019/20: the CSPR subgroup chair "has been retained by DCI Clare Dean" (seed 002)
    answer = engine.ask("the cspr subgroup - which dci chairs it, their name", today=dt.date(2020, 9, 14))
    assert "Clare Dean" in answer.text and answer.kind != "not-sure"
