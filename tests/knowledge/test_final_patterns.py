"""Root patterns found by the final (fifth) bank (issue 10), on the bundled knowledge base, checked against the seeds.

Every question here is worded afresh (none is copied from a question bank; a test below checks that). The facts:
- County plan (seed 001): Action 11 "Review information available in relation to former members of staff"
  (Lead Officer: Marjorie Toward); Action 8's step "Harmful sexual behaviour case audit to provide feedback and
  a paper to the Safeguarding Assurance and Improvement Group. June 2020"; Action 12's steps "Candidate for
  Independent Reviewer selected. December 2019" and "Independent Reviewer starting. January 2020".
- City plan (seed 000) row 6: NCC "will assess the risks posed by current and former foster carers"; no
  seed gives a number of carers assessed.
- Annual report 2019/20 (seed 002): the County Lines film by Henry Blake, "72 colleagues across the
  partnership attended over the two sessions".
- Business plan 2021-24 (seed 004): Priority One key activity 1 names "the Multi Agency Child Exploitation
  group (MACE)"; Priority Three's key activities say nothing of training.
- Panel pack of 14 January 2025 (seed 003): minutes of 15 October 2024 "Apologies were received from Cllr
  Introna with Cllr Taylor substituting"; item 5 CHILDREN IN CARE COUNCIL UPDATE "RESOLVED 2024/030"; item 8
  (HSB annual review) recommendation "That the Corporate Parenting Panel considers whether there are any
  actions it requires"; the child exploitation annual review's "Our commitments for the next 12 months":
  "deliver a Tackling Child Exploitation conference in March 2025"; the TCE plan's row 7 (pen picture /
  spidergram template) "Rebecca Price (lead)"; Work Programme 2025 for 1 April 2025 lists "Care Leavers
  annual report".
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from knowledge import yamlio
from knowledge.answer import Answer
from knowledge.engine import Engine
from knowledge.query import parse

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
HERE = Path(__file__).parent
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed documents not found at {SEEDS}")


def seed(name: str) -> str:
    return " ".join(next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8").split())


def said(answer: Answer) -> str:
    return " ".join([answer.text, *answer.notes, *(f"{i.title} {' '.join(i.lines)}" for i in answer.items)])


def ask(engine: Engine, question: str, today: str) -> Answer:
    return engine.ask(question, today=dt.date.fromisoformat(today))


QUESTIONS: list[str] = []


def asked(question: str) -> str:
    QUESTIONS.append(question)
    return question


# -- 1. "members of staff" is a topic, not a committee's membership ------------------------------------------


@needs_seeds
def test_former_members_of_staff_names_the_review_not_the_panels_members(engine: Engine) -> None:
    assert "former members of staff" in seed("001") and "Marjorie Toward" in seed("001")
    answer = ask(engine, asked("who's running the look at former members of staff on the county side"), "2020-01-08")
    assert answer.kind == "lead" and "Marjorie Toward" in answer.text
    assert "Members of the Corporate Parenting Panel" not in said(answer)


def test_the_panels_members_are_still_a_membership_question(engine: Engine) -> None:
    q = parse(engine, asked("which councillors are the members of the corporate parenting panel"), dt.date(2025, 1, 8))
    assert q.attribute == "members"


# -- 2. "audit" alone is a topic; a named action's step named by its words gets the step's date ---------------


@needs_seeds
def test_an_audit_topic_with_an_action_number_gets_the_steps_date_not_the_history(engine: Engine) -> None:
    assert "Harmful sexual behaviour case audit to provide feedback" in seed("001")
    answer = ask(engine, asked("by when must action 8 of the county plan send its case audit feedback"), "2020-02-14")
    assert answer.kind == "due" and "June 2020" in answer.text and "History" not in answer.text


def test_an_audit_trail_is_still_the_history(engine: Engine) -> None:
    assert "history" in parse(engine, asked("audit trail for county action 8"), dt.date(2020, 2, 14)).intents


# -- 3. milestones tied on the topic's words: the one holding the question's other words first ------------


@needs_seeds
def test_the_step_saying_starting_is_picked_for_a_start_question(engine: Engine) -> None:
    assert "Independent Reviewer starting. January 2020" in seed("001")
    answer = ask(engine, asked("when will the county's independent reviewer start work"), "2019-12-20")
    assert "January 2020" in answer.text.split(";")[0] or "January 2020" in answer.text.split(".")[0]
    assert "Independent Reviewer starting" in answer.text


# -- 4. a paper's forward look is no due window; a due answer shows a later date an update names -------------


@needs_seeds
def test_commitments_for_the_next_year_name_part_of_a_paper_not_a_window(engine: Engine) -> None:
    assert "deliver a Tackling Child Exploitation conference in March 2025" in seed("003")
    question = asked("when will the exploitation conference in the commitments for the next 12 months be held")
    q = parse(engine, question, dt.date(2024, 12, 1))
    assert q.window is None and "due-soon" not in q.intents
    answer = ask(engine, question, "2024-12-01")
    assert "March 2025" in said(answer)


def test_a_due_window_over_the_next_months_is_still_read(engine: Engine) -> None:
    q = parse(engine, asked("county actions falling due over the next 3 months"), dt.date(2020, 1, 1))
    assert q.window is not None and q.window.end == dt.date(2020, 3, 31)


@needs_seeds
def test_when_an_action_is_due_shows_an_update_naming_a_later_date(engine: Engine) -> None:
    answer = ask(engine, asked("TCE12 deadline?"), "2024-12-01")
    assert answer.kind == "due" and "2024" in answer.text
    assert any("March 2025" in note for note in answer.notes)


# -- 6, 7. apologies with who substituted; resolutions of the item named ------------------------------------


@needs_seeds
def test_apologies_say_who_substituted(engine: Engine) -> None:
    assert "Apologies were received from Cllr Introna with Cllr Taylor substituting" in seed("003")
    answer = ask(engine, asked("who sent apologies to the panel on 15 october 2024"), "2025-01-06")
    assert "Introna" in answer.text and "Taylor" in answer.text


@needs_seeds
def test_resolutions_of_a_month_are_narrowed_to_the_item_named(engine: Engine) -> None:
    assert "RESOLVED 2024/030" in seed("003")
    answer = ask(
        engine, asked("in october what did the panel resolve about the children in care council"), "2025-01-06"
    )
    assert "2024/030" in said(answer) and "2024/029" not in said(answer)


# -- 8. "the recommendation in the paper for panel" is the recommendation, not the purpose --------------------


@needs_seeds
def test_a_papers_recommendation_is_not_its_purpose(engine: Engine) -> None:
    assert "considers whether there are any actions it requires" in seed("003")
    answer = ask(
        engine, asked("recommendation of the harmful sexual behaviour paper for the january panel?"), "2025-01-08"
    )
    assert "considers whether there are any actions it requires" in answer.text and "Purpose" not in answer.text
    purpose = ask(engine, asked("what's the managing allegations report for?"), "2025-01-08")
    assert purpose.text.startswith("Purpose")


# -- 9. "does priority N mention X": yes with the sentence, or that it cannot be found ------------------------


@needs_seeds
def test_a_priority_mentioning_a_group_says_yes_with_its_words(engine: Engine) -> None:
    assert "Multi Agency Child Exploitation group (MACE)" in seed("004")
    answer = ask(engine, asked("is MACE included in priority 1?"), "2021-06-01")
    assert answer.text.startswith("Yes") and "Multi Agency Child Exploitation group" in said(answer)


@needs_seeds
def test_a_priority_not_mentioning_a_word_says_it_cannot_be_found(engine: Engine) -> None:
    plan = next(p for p in engine.kb.plans.values() if any(a.id == "P3.1" for a in p.actions))
    priority_three = [a for a in plan.actions if a.id.startswith("P3.")]
    assert priority_three and not any("train" in f"{a.theme} {a.text}".lower() for a in priority_three)
    assert "Deliver Multi Agency safeguarding training" in seed("004")  # training is Priority Seven's
    answer = ask(engine, asked("does priority three say anything about training"), "2021-06-01")
    assert answer.kind == "not-sure" and "can't find" in answer.text and not answer.text.startswith("Yes")


# -- 10. a count at an event a person is named in: the passage, not the person card -------------------------


@needs_seeds
def test_how_many_came_to_a_persons_film_is_the_papers_number(engine: Engine) -> None:
    assert "72 colleagues across the partnership attended" in seed("002")
    answer = ask(engine, asked("how many people turned up to Henry Blake's film screenings"), "2020-10-01")
    assert answer.kind == "passage" and "72" in said(answer)
    card = ask(engine, asked("tell me about henry blake"), "2020-10-01")
    assert card.kind == "person"


# -- 11. a count the records do not hold: not sure ----------------------------------------------------------


@needs_seeds
def test_a_count_of_things_an_action_does_is_not_sure_when_no_number_is_recorded(engine: Engine) -> None:
    assert "assess the risks posed by current and former foster carers" in seed("000")
    answer = ask(engine, asked("number of carers reviewed so far under city action 6?"), "2020-03-01")
    assert answer.kind == "not-sure" and "not sure" in answer.text.lower() and "action 6" in said(answer)


def test_a_count_of_records_is_still_answered(engine: Engine) -> None:
    answer = ask(engine, asked("how many actions has the county plan got"), "2020-03-01")
    assert answer.kind != "not-sure" and any(ch.isdigit() for ch in answer.text)


# -- unsure made right: whose task it is; what is on for a meeting with no agenda yet ------------------------


@needs_seeds
def test_who_has_to_do_a_task_is_its_lead(engine: Engine) -> None:
    assert "Rebecca Price (lead)" in seed("003")
    answer = ask(engine, asked("who is supposed to develop the spidergram template"), "2025-01-10")
    assert answer.kind == "lead" and "Rebecca Price" in answer.text and "Claire Sampson" not in said(answer)


@needs_seeds
def test_whats_on_for_a_meeting_without_an_agenda_is_its_work_programme(engine: Engine) -> None:
    assert "Care Leavers annual report" in seed("003")
    answer = ask(engine, asked("what is coming up at the april 2025 panel"), "2025-01-15")
    assert "Care Leavers annual report" in said(answer) and "Performance of Adoption Services" not in said(answer)


def test_no_question_here_is_copied_from_a_bank() -> None:
    banks = [HERE / f"{b}.yaml" for b in ("question_bank", "heldout_bank", "fresh_bank", "newuser_bank", "final_bank")]
    wordings = {str(e["q"]).strip().lower() for bank in banks for e in yamlio.parse(bank.read_text(encoding="utf-8"))}
    assert QUESTIONS and not [q for q in QUESTIONS if q.strip().lower() in wordings]


# -- three tests that failed on the merged base (e8c8599): the merges had undone their fixes ----------------


def test_a_plan_described_when_tell_me_about_also_reads_as_a_person_cue(engine: Engine) -> None:
    answer = ask(engine, asked("tell me about the county plan"), "2020-01-15")
    assert answer.kind == "plan" and f"{len(engine.kb.plans['county-iicsa'].actions)} actions" in answer.text


def test_county_lines_stays_a_topic_in_a_question_scoped_to_a_county_councils_plan(engine: Engine) -> None:
    q = parse(engine, asked("county lines work in the tce plan - who is leading it"), dt.date(2025, 1, 10))
    assert q.plan == "tce-action-plan" and {"county", "line"} <= set(q.topic_words)


@needs_seeds
def test_the_name_at_the_foot_of_a_report_is_its_signatory(engine: Engine) -> None:
    assert "Hazel McKibbin Service Manager Strategic Safeguarding and Independent Review 13.08.24" in seed("003")
    answer = ask(
        engine, asked("managing allegations end of year report: what name is on the bottom of it?"), "2025-01-08"
    )
    assert answer.kind == "report" and "Hazel McKibbin" in answer.text


@needs_seeds
def test_wanting_to_inspect_papers_finds_the_agenda_note_with_the_number(engine: Engine) -> None:
    assert "Customer Services Centre 0300 500 80 80" in seed("003")
    answer = ask(engine, asked("phone number for the public on inspecting background papers?"), "2025-01-08")
    assert "0300 500 80 80" in answer.text
