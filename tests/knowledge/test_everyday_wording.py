"""Root patterns of actions, plans, people, status and due windows found by the seventh and eighth banks (issue 10),
on the bundled knowledge base, with facts checked against the seeds.

Every question here is worded afresh (none is copied from a question bank; a test below checks that). The facts:
- County plan (seed 001): Action 2 "To confirm the future of the Historical Abuse Team ..." (Pam Rosseter), its step
  "Ongoing funding for dedicated resources ..." recorded "Completed"; Action 8 "a harmful sexual behaviour
  multi-agency audit will be completed in 2020"; Action 11 "Review information available in relation to former
  members of staff" (Lead Officer: Marjorie Toward); Action 12 the foster carer review (Pam Rosseter).
- City plan (seed 000): row 5 "The evaluation is due end of October 2019" (Survivors Service); row 6 foster carers
  "to be completed this financial year" (Head of Children in Care); row 8a the quarterly update on allegations to
  the Safeguarding Partnership (Corporate Director).
- Business plan 2021-24 (seed 004): "Complete a Section 11 audit in 2021", no status recorded.
- TCE plan (in the panel pack, seed 003): "Agree a mission statement/strap line" - "TCE Strategic Assessment Group".
- Panel pack (seed 003): "Councillor Tracey Taylor"; "Apologies were received from Cllr Introna with Cllr Taylor
  substituting"; three officers titled "Service Manager, Strategic Safeguarding and Independent Review".
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from knowledge import yamlio
from knowledge.answer import Answer
from knowledge.engine import Engine
from knowledge.query import parse, without_asker

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
HERE = Path(__file__).parent
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed documents not found at {SEEDS}")

QUESTIONS: list[str] = []


def seed(name: str) -> str:
    return " ".join(next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8").split())


def said(answer: Answer) -> str:
    return " ".join([answer.text, *answer.notes, *(f"{i.title} {' '.join(i.lines)}" for i in answer.items)])


def ask(engine: Engine, question: str, today: str) -> Answer:
    QUESTIONS.append(question)
    return engine.ask(question, today=dt.date.fromisoformat(today))


# -- 1. a title or honorific alone never names a person ---------------------------------------------------------


@needs_seeds
def test_a_councillor_asking_is_not_the_councillor_the_records_hold(engine: Engine) -> None:
    assert "Councillor Tracey Taylor" in seed("003")
    answer = ask(engine, "the councillor is asking whether anything in the county plan is late", "2020-01-15")
    assert answer.kind == "overdue" and "Tracey Taylor" not in said(answer)
    assert "county plan" in answer.text


@pytest.mark.parametrize("question", ["cllr wondering about the agenda", "is the director happy with it"])
def test_a_title_word_alone_resolves_to_no_person(engine: Engine, question: str) -> None:
    QUESTIONS.append(question)
    q = parse(engine, question, dt.date(2025, 1, 10))
    assert q.people == () and q.ambiguous_people == ()


@needs_seeds
def test_a_title_with_a_surname_still_names_the_person(engine: Engine) -> None:
    assert "Cllr Taylor" in seed("003")
    answer = ask(engine, "who is cllr taylor", "2025-01-10")
    assert answer.kind == "person" and answer.text.startswith("Tracey Taylor")


@needs_seeds
def test_who_is_the_councillor_names_every_councillor_and_asks_which(engine: Engine) -> None:
    assert "Cllr Introna" in seed("003") and "Cllr Taylor" in seed("003")
    answer = ask(engine, "who's the cllr", "2025-01-10")
    assert answer.kind == "ambiguous" and "Which one" in answer.text
    assert "Mike Introna" in answer.text and "Tracey Taylor" in answer.text


# -- 2. who is asking is not what is asked ---------------------------------------------------------------------


@needs_seeds
def test_the_asker_before_the_question_is_left_out(engine: Engine) -> None:
    assert "Marjorie Toward" in seed("001")
    answer = ask(engine, "the director would like to know who leads action 11 in the county plan", "2020-01-15")
    assert answer.kind == "lead" and "Marjorie Toward" in answer.text


def test_a_question_that_starts_with_who_keeps_its_words() -> None:
    QUESTIONS.append("who is asking about the county plan")
    assert without_asker("who is asking about the county plan") == "who is asking about the county plan"
    assert without_asker("my manager is asking whether 7a is late") == "7a is late"
    QUESTIONS.extend(["Pam asking if her review is late", "parents asking whether they can see the records"])
    assert without_asker("Pam asking if her review is late") == "Pam asking if her review is late"  # a name: kept
    assert without_asker("parents asking whether they can see the records").startswith("parents")


# -- 3. what needs doing by a date is what falls due in that window --------------------------------------------


@needs_seeds
def test_what_must_be_finished_by_a_date_lists_what_falls_due(engine: Engine) -> None:
    assert "to be completed this financial year" in seed("000")
    answer = ask(engine, "in the city plan, what must be finished before the end of march", "2020-03-02")
    assert answer.kind == "due-soon" and "31 March 2020" in answer.text
    assert "city plan, action 6" in said(answer) and "needs" not in answer.text


def test_needs_doing_without_a_date_is_no_due_window(engine: Engine) -> None:
    QUESTIONS.append("who needs to get the staff review done")
    q = parse(engine, "who needs to get the staff review done", dt.date(2020, 1, 15))
    assert q.window is None and "due-soon" not in q.intents


# -- 4. status in everyday words; a step named by its words gets the step's state --------------------------------


@needs_seeds
def test_a_milestone_named_by_its_words_gets_its_own_state(engine: Engine) -> None:
    assert "Ongoing funding for dedicated resources" in seed("001")
    answer = ask(engine, "the funding for the historical abuse team - all sorted?", "2020-01-15")
    assert answer.kind == "status" and "milestone" in answer.text and "complete" in answer.text
    assert "Ongoing funding for dedicated resources" in answer.text


@needs_seeds
@pytest.mark.parametrize(
    "question", ["how is the county HSB multi-agency audit getting on", "is the county hsb audit coming along ok"]
)
def test_how_work_is_getting_on_is_its_status(engine: Engine, question: str) -> None:
    assert "harmful sexual behaviour multi-agency audit will be completed in 2020" in seed("001")
    answer = ask(engine, question, "2020-04-01")
    assert answer.kind == "status" and "county plan, Action 8" in answer.text


# -- 5. "did it get done" with nothing recorded: not sure, with the date ---------------------------------------


@needs_seeds
def test_did_it_get_done_with_no_status_recorded_says_the_plan_does_not_record_it(engine: Engine) -> None:
    assert "Complete a Section 11 audit in 2021" in seed("004")
    answer = ask(engine, "was the section 11 audit ever completed", "2022-03-01")
    assert answer.kind == "not-sure" and answer.text.startswith("I'm not sure whether")
    assert "records no status" in answer.text and "2021" in answer.text


@needs_seeds
def test_an_evaluation_come_back_with_no_status_is_not_sure_with_its_due_date(engine: Engine) -> None:
    assert "The evaluation is due end of October 2019" in seed("000")
    answer = ask(engine, "has the survivors service evaluation come back", "2019-12-01")
    assert answer.kind == "not-sure" and "October 2019" in answer.text


def test_a_recorded_step_is_still_answered_as_progress_not_doubt(engine: Engine) -> None:
    answer = ask(engine, "has the historical abuse team funding been confirmed", "2020-01-15")
    assert answer.kind == "status" and "not sure" not in answer.text.lower() and "Completed" in answer.text


# -- 6. the lead asked as who to chase, whose name is on it, who is answerable -----------------------------------


@needs_seeds
def test_who_to_chase_is_the_lead(engine: Engine) -> None:
    assert "former members of staff" in seed("001")
    answer = ask(engine, "who would I chase about the former staff review in the county plan", "2020-01-15")
    assert answer.kind == "lead" and "Marjorie Toward" in answer.text


@needs_seeds
def test_whose_name_is_against_a_row_is_its_lead(engine: Engine) -> None:
    assert "strap line – use in future public awareness campaign" in seed("003")
    answer = ask(engine, "whose name is down against the tce strap line", "2025-01-10")
    assert answer.kind == "lead" and "TCE Strategic Assessment Group" in answer.text


@needs_seeds
def test_who_is_answerable_is_the_lead(engine: Engine) -> None:
    assert "quarterly update on any such allegations" in seed("000")
    answer = ask(engine, "who is answerable for the quarterly update on allegations (city)", "2019-11-05")
    assert answer.kind == "lead" and "8a" in answer.text and "Corporate Director" in answer.text


# -- 7. when a thing is due, put as when it arrives ------------------------------------------------------------


@needs_seeds
def test_when_is_it_supposed_to_arrive_is_its_due_date(engine: Engine) -> None:
    assert "The evaluation is due end of October 2019" in seed("000")
    answer = ask(engine, "when is the city survivors evaluation supposed to arrive", "2019-09-01")
    assert answer.kind == "due" and "October 2019" in answer.text


# -- 8. a lone bare number is an action's row ------------------------------------------------------------------


def test_a_lone_number_asked_its_status_is_the_row_in_each_plan(engine: Engine) -> None:
    answer = ask(engine, "is 8 finished", "2020-02-01")
    assert "city plan" in answer.text and "county plan" in answer.text


@needs_seeds
def test_a_lone_number_only_one_plan_has_is_that_plans_row(engine: Engine) -> None:
    assert "Action 11 – Review information available in relation to former members of staff" in seed("001")
    answer = ask(engine, "who leads 11?", "2020-02-01")
    assert answer.kind == "lead" and "Marjorie Toward" in answer.text


@pytest.mark.parametrize("question", ["is item 8 done", "is 8 weeks too long for the review", "is priority 3 done"])
def test_a_number_that_is_no_row_is_left_alone(engine: Engine, question: str) -> None:
    QUESTIONS.append(question)
    assert parse(engine, question, dt.date(2020, 2, 1)).action_ids == ()


# -- 9. a lead asked of words an action and a report share is the action's ----------------------------------------


@needs_seeds
def test_the_foster_carer_one_names_both_plans_leads_not_a_report_sponsor(engine: Engine) -> None:
    assert "foster carers" in seed("000") and "foster carers" in seed("001")
    answer = ask(engine, "who's leading the foster carer one", "2019-11-20")
    assert answer.kind == "lead" and "Pam Rosseter" in said(answer) and "Head of Children in Care" in said(answer)
    assert "sponsor" not in answer.text


# -- 10. people: "now" is the day asked; "which one is the <title>" ----------------------------------------------


def test_now_names_no_topic(engine: Engine) -> None:
    QUESTIONS.append("who currently chairs the qa subgroup now")
    q = parse(engine, "who currently chairs the qa subgroup now", dt.date(2020, 9, 1))
    assert "now" not in q.topic_words and "currently" not in q.topic_words


@needs_seeds
def test_which_one_is_a_title_lists_its_holders(engine: Engine) -> None:
    assert seed("003").count("Strategic Safeguarding and Independent Review") >= 2
    answer = ask(
        engine,
        "which one is the service manager, strategic safeguarding and independent review - need the name",
        "2025-01-10",
    )
    assert all(n in answer.text for n in ("Hannah Johnson", "Hazel McKibbin", "Jennifer Campbell"))


def test_no_question_here_is_copied_from_a_bank() -> None:
    banks = sorted(HERE.glob("*_bank.yaml"))
    wordings = {str(e["q"]).strip().lower() for bank in banks for e in yamlio.parse(bank.read_text(encoding="utf-8"))}
    assert QUESTIONS and not [q for q in QUESTIONS if q.strip().lower() in wordings]


# -- 11. which actions of a scope are done, and which are not -----------------------------------------------------


@needs_seeds
def test_which_actions_of_a_plan_are_complete_lists_them_not_one_actions_status(engine: Engine) -> None:
    assert "established and recruited to a specialist post" in seed("000")
    answer = ask(engine, "has anything on the city plan been finished", "2020-01-15")
    assert answer.text.startswith("1 of 12 actions in city plan are evidenced as complete")
    assert [i.title for i in answer.items] == ["city plan, action 2"]


def test_what_is_left_to_do_lists_the_actions_not_evidenced_as_complete(engine: Engine) -> None:
    answer = ask(engine, "what is still left to do in the county plan", "2020-01-15")
    late = [a for a in engine.kb.plans["county-iicsa"].actions if not engine.state(a, dt.date(2020, 1, 15)).complete]
    assert answer.text.startswith(f"{len(late)} of 13 actions in county plan are not evidenced as complete")
    assert answer.total == len(late) or len(answer.items) == len(late)


def test_a_done_question_about_a_topic_is_left_to_the_topic_answers(engine: Engine) -> None:
    answer = ask(engine, "which of the foster carer steps are complete in the county plan", "2020-01-15")
    assert "of 13 actions" not in answer.text


@needs_seeds
def test_a_step_named_then_sent_with_a_question_mark_is_its_status(engine: Engine) -> None:
    assert "Letter sent to all Independent Fostering Agencies" in seed("001")
    answer = ask(engine, "the letter to the independent fostering agencies - sent?", "2020-01-15")
    assert answer.kind == "status" and "Letter sent to all Independent Fostering Agencies" in answer.text
    assert "complete" in answer.text


def test_where_a_meeting_is_being_held_is_no_status_question(engine: Engine) -> None:
    QUESTIONS.append("where is the july 2025 panel meeting being held")
    q = parse(engine, "where is the july 2025 panel meeting being held", dt.date(2025, 1, 10))
    assert "status" not in q.intents


@needs_seeds
def test_who_is_on_the_hook_is_the_lead(engine: Engine) -> None:
    answer = ask(engine, "who is on the hook for the county foster carers review", "2020-01-15")
    assert answer.kind == "lead" and "Pam Rosseter" in answer.text


def test_done_yet_with_two_close_actions_shows_both(engine: Engine) -> None:
    answer = ask(engine, "county plan: is the staff review done yet", "2020-01-15")
    assert "county plan, Action 10" in said(answer) and "county plan, Action 11" in said(answer)


# -- 12. how a whole plan is going -----------------------------------------------------------------------------


def test_how_a_plan_is_going_counts_its_actions_by_rating_late_first(engine: Engine) -> None:
    from knowledge import facts

    today = dt.date(2020, 1, 15)
    answer = ask(engine, "how's the county plan looking overall", "2020-01-15")
    actions = engine.kb.plans["county-iicsa"].actions
    labels = [facts.rag(a, today).label for a in actions]
    assert answer.kind == "status" and f"county plan has {len(actions)} actions" in answer.text
    assert f"{labels.count('complete')} complete" in answer.text
    assert f"{labels.count('milestone overdue')} with a milestone overdue" in answer.text
    if labels.count("overdue"):
        assert f"{labels.count('overdue')} overdue" in answer.text
    first = answer.items[0].ref
    assert first is not None
    assert facts.rag(engine.kb.plans["county-iicsa"].action(first[1]), today).label in ("overdue", "milestone overdue")


def test_how_a_thing_in_a_plan_is_going_is_not_the_plans_summary(engine: Engine) -> None:
    answer = ask(engine, "how is the member visits guidance going in the county plan", "2020-01-15")
    assert "county plan has" not in answer.text


# -- 13. is one step late: that step's state, not the whole action's --------------------------------------------


@needs_seeds
def test_is_a_step_late_answers_for_the_step_and_names_the_actions_own_lateness(engine: Engine) -> None:
    assert "Evaluation of Member visits since new guidance has been in place" in seed("001")
    answer = ask(engine, "is the evaluation of member visits running late", "2020-01-15")
    assert answer.text.startswith("No: the step \u201cEvaluation of Member visits")
    assert "not yet due (due January 2020)" in answer.text
    # the action's own September step is done; its two December 2019 steps are the late ones, and are named
    assert "2 other steps of the action are overdue: \u201cAll Council children's homes visited" in answer.text


@needs_seeds
def test_a_step_past_its_date_is_late(engine: Engine) -> None:
    assert "Candidate for Independent Reviewer selected" in seed("001")
    answer = ask(engine, "has selecting a candidate for the independent reviewer slipped", "2020-01-15")
    assert answer.kind == "overdue" and answer.text.startswith("Yes:") and "December 2019" in answer.text


# -- 14. a word after an honorific is a name; a short title lists its holders --------------------------------------


@needs_seeds
def test_a_lower_case_surname_after_an_honorific_names_the_person(engine: Engine) -> None:
    assert "Professor Simon Hackett" in seed("000")
    answer = ask(engine, "prof hackett - what is his role", "2020-01-15")
    assert answer.kind in ("person", "portfolio") and answer.text.startswith("Simon Hackett")


def test_a_short_job_title_lists_everyone_holding_it_and_asks_which(engine: Engine) -> None:
    answer = ask(engine, "who's the group manager", "2020-01-15")
    holders = [
        p for p in engine.kb.people.values() if any({"group", "manager"} <= set(t.lower().split()) for t in p.titles)
    ]
    assert len(holders) > 1 and "Which one do you mean?" in answer.text
    assert all(p.name in answer.text for p in holders[:5])


def test_whats_next_for_a_piece_of_work_is_its_status_with_the_steps_to_come(engine: Engine) -> None:
    answer = ask(engine, "what happens next with the county residential staff review", "2020-01-15")
    assert answer.kind == "status" and "county plan, Action 10" in answer.text and "still to come" in answer.text


# -- 15. what should have been done by a date is what is late; what must be delivered by one falls due --------------


def test_what_should_have_been_done_by_a_past_date_is_what_was_late_then(engine: Engine) -> None:
    answer = ask(
        engine, "anything on the county plan that ought to have been finished by the end of february", "2020-03-02"
    )
    assert answer.kind == "overdue" and "as of 29 February 2020" in answer.text


def test_what_we_must_deliver_by_a_date_falls_due_in_the_window(engine: Engine) -> None:
    answer = ask(engine, "what must the county deliver before the end of march", "2020-03-02")
    assert answer.kind == "due-soon" and "31 March 2020" in answer.text


@pytest.mark.parametrize("question", ["is no 11 late", "is 11 behind"])
def test_a_lone_number_asked_if_late_is_that_row(engine: Engine, question: str) -> None:
    QUESTIONS.append(question)
    assert parse(engine, question, dt.date(2020, 1, 15)).action_ids == ("11",)


def test_a_day_of_a_month_is_no_row(engine: Engine) -> None:
    QUESTIONS.append("what is overdue in the county plan as of march 1")
    for question in ("what is overdue in the county plan as of march 1", "county plan overdue? (1 march 2020)"):
        assert parse(engine, question, dt.date(2020, 3, 2)).action_ids == ()


@needs_seeds
def test_whose_is_a_piece_of_work_asks_its_lead(engine: Engine) -> None:
    assert "former members of staff" in seed("001")
    answer = ask(engine, "whose is the review of former staff on the county plan", "2019-12-01")
    assert answer.kind == "lead" and "Marjorie Toward" in answer.text


def test_a_chair_wanting_a_list_asks_for_the_list_not_who_chairs(engine: Engine) -> None:
    answer = ask(engine, "the chair would like a list of what is overdue on the city plan", "2020-01-15")
    assert answer.kind == "overdue" and "city plan" in answer.text and "chaired by" not in answer.text


def test_how_many_are_overdue_counts_the_steps_the_overdue_list_names_too(engine: Engine) -> None:
    from knowledge import facts

    today = dt.date(2020, 1, 15)
    answer = ask(engine, "how many county actions are overdue", "2020-01-15")
    states = [facts.derive(a, today) for a in engine.kb.plans["county-iicsa"].actions]
    late, steps = sum(s.overdue for s in states), sum(not s.overdue and bool(s.outstanding) for s in states)
    assert answer.text.startswith(f"{late} action") and f"{steps} more with a milestone overdue" in answer.text


def test_when_the_x_one_is_due_is_asked_of_the_actions_not_a_work_programme_item(engine: Engine) -> None:
    answer = ask(engine, "the foster carer one, when is it due", "2019-11-20")
    refs = {i.ref for i in answer.items if i.ref}
    assert ("county-iicsa", "Action 12") in refs and ("city-iicsa", "6") in refs and "2025" not in answer.text
