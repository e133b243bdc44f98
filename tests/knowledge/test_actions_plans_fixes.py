"""Root fixes for wrong answers about actions, plans, people, status and dates, on the bundled knowledge base.

Every question here is worded afresh (none is copied from a question bank). The facts they rest on, checked
against the seeds in the tests that need them:
- City plan (seed 000): 8b "To be included in the 2019/20 annual report", no status; 7a answers "Recommendation 2
  - Nottingham City Council and its child protection partners should commission an independent, external
  evaluation ..."; 8a's first report goes to the "December 2019" Business Management Group.
- County plan (seed 001): Action 10's step "Panels to be held, chaired by the Corporate Director ..." runs
  "December 2019 - January 2020"; Action 12's step "Funding secured for the Independent Reviewer." is "Completed -
  November 2019"; the step "Agreement with Nottingham City Council to complete Independent Fostering Agency
  recommendation jointly." is "Completed - September 2019".
- Business plan (seed 004): seven priorities under the heading "Priorities for 2020-22" (the title says 2021-24);
  Priority Three is the voice and lived experience of children; P6.3 names "the DASH Risk assessment form"
  under Priority Six (Covid-19); Priority One's text lists female genital mutilation among contextual risks.
- Panel pack (seed 003): the work programme puts "Inspection gradings of Children's Residential Homes ..." with
  Rachel Miller / Beth Downing at the 1 April 2025 meeting; TCE owners cells name "Exploitation Leads".
- People: Pete Turgoose (seed 002) and Peter McConnochie (seed 003); no seed names a lead member.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from knowledge.answer import Answer
from knowledge.engine import Engine
from knowledge.query import parse

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def seed(name: str) -> str:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed {name} not available here")
    return path.read_text(encoding="utf-8")


def text_of(answer: Answer) -> str:
    return " ".join([answer.text, *answer.notes, *(line for i in answer.items for line in i.lines)])


def action_ids(answer: Answer) -> list[str]:
    return [i.ref[1] for i in answer.items if i.ref]


# -- dates the question places ---------------------------------------------------------------------------------


def test_words_that_place_a_date_are_not_a_topic(engine: Engine) -> None:
    q = parse(engine, "what was running late on the county plan at the end of march 2020", dt.date(2020, 4, 20))
    assert q.window is not None and "end" not in q.topic_words
    answer = engine.ask("what was running late on the county plan at the end of march 2020", dt.date(2020, 4, 20))
    assert answer.kind == "overdue" and "took your words to mean" not in text_of(answer)
    assert "as of 31 March 2020" in answer.text


def test_before_christmas_runs_to_christmas_eve(engine: Engine) -> None:
    window = parse(engine, "anything on the city plan falling due before christmas", dt.date(2019, 11, 20)).window
    assert window is not None and (window.start, window.end) == (dt.date(2019, 11, 20), dt.date(2019, 12, 24))
    answer = engine.ask("anything on the city plan falling due before christmas", dt.date(2019, 11, 20))
    assert "8a" in action_ids(answer)  # its first report is to the December 2019 BMG
    assert "December 2019 Safeguarding Partnership Business Management Group" in seed("000_ba3eb70c98682f36.txt")


def test_before_easter_and_a_bare_year(engine: Engine) -> None:
    easter = parse(engine, "what falls due before easter", dt.date(2020, 1, 15)).window
    assert easter is not None and easter.end == dt.date(2020, 4, 11)  # Easter Sunday 2020 was 12 April
    year = parse(engine, "what was overdue on the county plan by the end of 2019", dt.date(2019, 6, 1)).window
    assert year is not None and year.end == dt.date(2019, 12, 31)
    # a year in a plan's own name is not a date
    assert parse(engine, "anything overdue in the business plan 2021-24", dt.date(2021, 6, 1)).window is None


def test_a_date_not_understood_is_said_first(engine: Engine) -> None:
    answer = engine.ask("which city actions were late in q2", dt.date(2020, 1, 15))
    assert answer.kind == "not-sure" and answer.text.startswith("I'm not sure what date")
    assert "as of today" in answer.text


# -- status, timescale and lead worded loosely ------------------------------------------------------------------


def test_asking_whether_a_section_is_in_yet_gets_the_plan_words_not_a_guess(engine: Engine) -> None:
    answer = engine.ask("8b - is the new allegations bit in the IRO report yet", dt.date(2020, 9, 1))
    assert answer.kind == "status"
    assert "records no status" in answer.text and "2019/20 annual report" in answer.text
    assert "To be included in the 2019/20 annual report" in seed("000_ba3eb70c98682f36.txt")


def test_sorted_and_agreed_ask_whether_a_step_is_done(engine: Engine) -> None:
    funding = engine.ask("is the cash for the county's independent reviewer sorted", dt.date(2020, 1, 15))
    assert funding.kind == "status" and "Funding secured for the Independent Reviewer" in funding.text
    assert "November 2019" in funding.text
    joint = engine.ask(
        "did the county agree with the city to do the fostering agencies piece jointly", dt.date(2020, 1, 15)
    )
    assert "Agreement with Nottingham City Council" in joint.text and "September 2019" in joint.text
    assert "Funding secured for the Independent Reviewer." in seed("001_9caaf22f960a7c51.txt")


def test_with_the_city_is_a_partner_not_the_plan(engine: Engine) -> None:
    assert (
        parse(engine, "have we signed up with the city for the joint fostering work", dt.date(2020, 1, 1)).plan is None
    )
    assert parse(engine, "what's late on the city plan", dt.date(2020, 1, 1)).plan == "city-iicsa"


def test_a_step_that_holds_the_missing_word_is_the_one_asked_about(engine: Engine) -> None:
    answer = engine.ask("county plan - when are the staff review panels", dt.date(2019, 11, 20))
    assert answer.text.startswith("Timescale of county plan, Action 10 milestone")
    assert "Panels to be held" in answer.text and "December 2019" in text_of(answer)


def test_whos_without_an_apostrophe_asks_the_lead(engine: Engine) -> None:
    answer = engine.ask("whos got the former staff members review in the county plan", dt.date(2019, 12, 10))
    assert answer.kind == "lead" and "Marjorie Toward" in answer.text


def test_no_date_at_all_is_said_as_the_plan_not_giving_one(engine: Engine) -> None:
    answer = engine.ask("when is the tce mission statement due", dt.date(2025, 1, 10))
    assert "the plan gives no due date for it" in answer.text and "6 months" in answer.text


def test_the_recommendation_an_action_answers(engine: Engine) -> None:
    answer = engine.ask("what IICSA recommendation does 7a answer", dt.date(2020, 1, 15))
    assert "Recommendation 2" in answer.text
    none = engine.ask("which recommendation is action TCE4 answering", dt.date(2025, 1, 10))
    assert none.kind == "not-sure" and "records no recommendation" in none.text


# -- people ----------------------------------------------------------------------------------------------------


def test_a_short_first_name_asks_which_person(engine: Engine) -> None:
    answer = engine.ask("what's pete's role", dt.date(2025, 1, 10))
    assert answer.kind == "ambiguous"
    assert "Pete Turgoose" in answer.text and "Peter McConnochie" in answer.text


def test_a_post_nobody_is_named_for_is_not_an_action_lead(engine: Engine) -> None:
    answer = engine.ask("who's the lead member for children's services", dt.date(2025, 1, 10))
    assert answer.kind == "not-sure" and "Laurence Jones" not in text_of(answer)
    assert "lead member" not in seed("001_9caaf22f960a7c51.txt").lower()


def test_coming_up_for_someone_names_the_next_dated_thing(engine: Engine) -> None:
    answer = engine.ask("anything on the horizon coming up for beth downing", dt.date(2025, 1, 10))
    assert "1 April 2025" in answer.text
    assert any("Inspection gradings" in i.title for i in answer.items)


def test_owners_named_by_a_word_that_also_names_a_plan(engine: Engine) -> None:
    answer = engine.ask("which tce ones belong to the exploitation leads", dt.date(2025, 1, 10))
    assert answer.kind == "portfolio" and {"TCE9", "TCE13"} <= set(action_ids(answer))


# -- business plan priorities ----------------------------------------------------------------------------------


def test_a_priority_chosen_by_its_words(engine: Engine) -> None:
    answer = engine.ask("business plan: which priority is about hearing children's voices", dt.date(2021, 6, 1))
    assert answer.text.startswith("Priority Three")


def test_a_priority_found_by_its_key_activity_even_when_a_word_named_another_plan(engine: Engine) -> None:
    answer = engine.ask("the DASH risk assessment form - which priority is that under", dt.date(2021, 6, 1))
    assert answer.text.startswith("Priority Six") and "P6.3" in answer.text
    assert "DASH Risk assessment form" in seed("004_915696512e91fbfb.txt")


def test_the_priorities_list_says_the_period_they_are_set_out_for(engine: Engine) -> None:
    answer = engine.ask("which period do the ncscp business plan priorities cover", dt.date(2021, 6, 1))
    assert "Priorities for 2020-22" in answer.text and "2021-24" in answer.text
    assert "## Priorities for 2020-22" in seed("004_915696512e91fbfb.txt")
    spanned = engine.ask("business plan priorities for 2020-22", dt.date(2021, 6, 1))
    assert spanned.kind == "priorities" and len(spanned.items) == 7


def test_words_no_priority_holds_are_not_answered_with_the_whole_list(engine: Engine) -> None:
    answer = engine.ask("which business plan priority covers space travel", dt.date(2021, 6, 1))
    assert answer.kind in ("not-sure", "not-found") or "not sure" in answer.text.lower()


def test_what_a_plan_says_about_a_topic(engine: Engine) -> None:
    fgm = engine.ask(
        "is female genital mutilation in the business plan anywhere? does it cover it", dt.date(2021, 6, 1)
    )
    assert fgm.text.startswith("Yes") and "Priority One" in fgm.text
    nothing = engine.ask("does the business plan mention the police", dt.date(2021, 6, 1))
    assert not nothing.text.startswith("Yes")
    assert "police" not in " ".join(a.text for a in engine.kb.plans["ncscp-business-plan"].actions).lower()


# -- more date forms, ids with "late", people ------------------------------------------------------------------


def test_financial_years(engine: Engine) -> None:
    today = dt.date(2020, 1, 15)
    span = parse(engine, "what falls due on the county plan in 2020/21", today).window
    assert span is not None and (span.start, span.end) == (dt.date(2020, 4, 1), dt.date(2021, 3, 31))
    q = parse(engine, "anything due on the city plan by the end of the financial year", today)
    assert q.window is not None and (q.window.start, q.window.end) == (today, dt.date(2020, 3, 31))
    assert "year" not in q.topic_words and "financial" not in q.topic_words
    answer = engine.ask("anything due on the city plan by the end of the financial year", today)
    assert "took your words to mean" not in text_of(answer)  # the whole plan, not the action that says "financial"
    assert "6" in action_ids(answer)  # "to be completed this financial year"


def test_an_id_asked_as_late_is_answered_as_of_the_day(engine: Engine) -> None:
    answer = engine.ask("was county action 3 running late", dt.date(2020, 3, 1))
    assert answer.kind == "overdue" and answer.text.startswith("No:") and "complete" in answer.text
    unknown = engine.ask("is 7a late", dt.date(2020, 3, 1))
    assert unknown.text.startswith("I can't tell whether city plan, action 7a is late")


def test_due_for_a_person_lists_what_falls_due_for_them(engine: Engine) -> None:
    answer = engine.ask("anything due for marjorie toward", dt.date(2020, 1, 15))
    assert answer.kind == "due-soon" and "for Marjorie Toward" in answer.text


def test_a_lone_short_name_and_a_post(engine: Engine) -> None:
    dave = engine.ask("what does dave do", dt.date(2025, 1, 10))
    assert "\u201cDave\u201d" in dave.text  # the name read as written, not "Dave Do"
    post = engine.ask("who is the named doctor for safeguarding", dt.date(2025, 1, 10))
    assert post.kind == "not-sure"


def test_a_phrase_the_plans_use_is_not_split_into_a_plan_and_a_word(engine: Engine) -> None:
    q = parse(engine, "who leads the county lines stuff in the tce plan", dt.date(2025, 1, 10))
    assert q.plan == "tce-action-plan" and {"county", "line"} <= set(q.topic_words)
    answer = engine.ask("who leads the county lines stuff in the tce plan", dt.date(2025, 1, 10))
    assert "TCE2" not in action_ids(answer)  # its "strap line" is not county lines
    assert "County Lines" in seed("004_915696512e91fbfb.txt")


def test_whether_something_was_done_is_not_what_the_plan_says(engine: Engine) -> None:
    answer = engine.ask("has the city said sorry to survivors", dt.date(2020, 1, 15))
    assert not answer.text.startswith("Yes")


# -- a thing no record mentions ----------------------------------------------------------------------------------


def test_a_thing_no_record_mentions_is_not_answered_with_the_nearest_record(engine: Engine) -> None:
    today = dt.date(2020, 3, 1)
    lead = engine.ask("who is responsible for paying the independent reviewer's salary", today)
    assert lead.kind == "not-sure" and "Pam Rosseter" not in lead.text
    due = engine.ask("when is the dental health audit due", today)  # "dental" is no typo of "deal"
    assert due.kind == "not-sure"
    late = engine.ask("is the school transport review overdue", today)
    assert late.kind == "not-sure" and late.text.startswith("I'm not sure what \u201ctransport\u201d is")
    assert late.items  # the closest answer (everything overdue) is still given


def test_known_words_typos_names_and_acronyms_are_not_unknown_things(engine: Engine) -> None:
    today = dt.date(2020, 1, 15)
    typo = engine.ask("who leads the evalution of member visits", today)
    assert typo.kind == "lead" and "Laurence Jones" in typo.text
    person = engine.ask("anything overdue for laurence", dt.date(2020, 3, 1))
    assert person.kind == "overdue" and "Laurence Jones" in person.text


# -- whole-plan questions --------------------------------------------------------------------------------------


def test_who_leads_the_most(engine: Engine) -> None:
    answer = engine.ask("which person has got the most actions on the city plan", dt.date(2020, 1, 15))
    city = engine.kb.plans["city-iicsa"].actions
    counts: dict[str, int] = {}
    for a in city:
        for ref in a.leads:
            counts[ref] = counts.get(ref, 0) + 1
    top = max(counts.values())
    assert answer.kind == "count" and f"({top})" in answer.text
    assert all(engine.kb.name_of(ref) in answer.text for ref, n in counts.items() if n == top)


def test_actions_with_no_lead(engine: Engine) -> None:
    answer = engine.ask("any business plan activities without a lead?", dt.date(2021, 6, 1))
    assert answer.kind == "lead" and answer.text.startswith("30 actions")  # the plan names no lead for any
    county = engine.ask("county actions with no named lead", dt.date(2020, 1, 15))
    assert all(not engine.kb.plans["county-iicsa"].action(i.ref[1]).leads for i in county.items if i.ref)


def test_what_a_plan_is(engine: Engine) -> None:
    answer = engine.ask("tell me about the tce plan", dt.date(2025, 1, 10))
    assert answer.kind == "plan" and f"{len(engine.kb.plans['tce-action-plan'].actions)} actions" in answer.text
    late = engine.ask("what is late on the tce plan", dt.date(2025, 1, 10))
    assert late.kind != "plan"


def test_the_outcome_of_a_decision_the_papers_do_not_record(engine: Engine) -> None:
    answer = engine.ask("what strap line did they settle on for the tce awareness campaign", dt.date(2025, 1, 10))
    assert answer.kind == "not-sure" and "do not record what came of it" in answer.text
    assert "TCE2" in answer.text
    tce2 = engine.kb.plans["tce-action-plan"].action("TCE2")
    assert not tce2.updates  # nothing records which strap line was agreed


def test_several_steps_of_one_action_fit_equally_is_not_sure(engine: Engine) -> None:
    answer = engine.ask("has the independent reviewer got their post yet", dt.date(2020, 1, 15))
    assert answer.kind == "not-sure" and "county plan, Action 12" in answer.text
    assert all("Independent Reviewer" in i.lines[0] or "independent reviewer" in i.lines[0] for i in answer.items[:2])


def test_owners_that_are_not_people(engine: Engine) -> None:
    vrp = engine.ask("what is the VRP doing in the tce plan - what does it do", dt.date(2025, 1, 10))
    owned = {a.id for a in engine.kb.plans["tce-action-plan"].actions if "VRP" in (a.owners_text or "")}
    assert vrp.kind == "portfolio" and set(action_ids(vrp)) == owned
    health = engine.ask("which actions does public health own", dt.date(2025, 1, 10))
    assert health.kind == "portfolio" and all(
        "Public Health" in (engine.kb.plans["tce-action-plan"].action(i).owners_text or "") for i in action_ids(health)
    )


def test_since_and_week_commencing(engine: Engine) -> None:
    today = dt.date(2020, 1, 15)
    since = engine.ask("has anything slipped since october", today)
    assert "since October 2019" in since.text and "took your words" not in text_of(since)
    week = parse(engine, "what's due w/c 20 jan on the county plan", today).window
    assert week is not None and (week.start, week.end) == (dt.date(2020, 1, 20), dt.date(2020, 1, 26))


def test_two_plans_named_are_both_the_scope(engine: Engine) -> None:
    today = dt.date(2020, 1, 15)
    both = engine.ask("anything late across the city and county plans", today)
    city = engine.ask("anything late on the city plan", today)
    county = engine.ask("anything late on the county plan", today)
    assert len(both.items) == len(city.items) + len(county.items)
    assert "city plan and county plan" in both.text
    laurence = engine.ask("is laurence behind on anything in the city or county plans", today)
    assert laurence.text.startswith("3 overdue") and "across 2 actions" in laurence.text  # Action 5: 2 steps
    assert "Laurence Jones" in laurence.text
