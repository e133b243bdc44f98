"""Entities, names and status wording: milestone dates and progress from knowledge.status, actions and
milestones found by their words, the attribute asked for, names that are ordinary words, qualifiers kept,
and a "not sure" that offers what is near this question (and nothing from a plan the audience may not see).

Questions are worded afresh (not copied from the question banks); facts are checked against the seeds
(001: Nottinghamshire County Council IICSA action plan; 000: Nottingham City Council IICSA action plan).
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from bot.render_text import render
from knowledge import describe
from knowledge.dates import parse_datespec
from knowledge.engine import Audience, Engine
from knowledge.loader import load_knowledge_base
from knowledge.models import Action, KnowledgeBase, Milestone, Source
from knowledge.status import derive
from tests.conftest import MINI, write_kb

JAN_2020 = dt.date(2020, 1, 15)
SRC = Source("test", "x")


def county(kb: KnowledgeBase, action_id: str) -> Action:
    return kb.plans["county-iicsa"].action(action_id)


def text_of(engine: Engine, question: str, today: dt.date = JAN_2020, audience: Audience | None = None) -> str:
    return render(engine.ask(question, today=today, audience=audience), show_sources=False)


def undated(milestones: tuple[Milestone, ...]) -> Action:
    return Action(
        plan="p",
        id="1",
        text="Do the thing",
        leads=(),
        timescale=None,
        start=None,
        due=None,
        status="not-stated",
        source=SRC,
        milestones=milestones,
    )


def step(text: str, due: str, status: str = "not-stated", date_text: str | None = None) -> Milestone:
    return Milestone(text, date_text, None, parse_datespec(due), status)


# -- status.derive carries the milestones' progress ---------------------------------------------
def test_progress_splits_milestones_into_done_late_and_to_come() -> None:
    a = undated((step("first", "2019-11", "complete"), step("second", "2019-12"), step("third", "2020-04")))
    state = derive(a, JAN_2020)
    assert [m.text for m in state.progress.done] == ["first"]
    assert [m.text for m in state.progress.outstanding] == ["second"] == [m.text for m in state.outstanding]
    assert [m.text for m in state.progress.to_come] == ["third"]
    assert state.progress.next is not None and state.progress.next.text == "third"
    assert (state.progress.first.describe(), state.progress.last.describe()) == ("November 2019", "April 2020")


def test_plan_silent_action_with_a_milestone_done_is_in_progress_and_with_none_stays_not_stated() -> None:
    assert derive(undated((step("a", "2019-11", "complete"), step("b", "2020-04"))), JAN_2020).status == "in-progress"
    assert derive(undated((step("a", "2019-11"), step("b", "2020-04"))), JAN_2020).status == "not-stated"


def test_an_action_with_no_date_of_its_own_is_worded_by_its_milestones_dates() -> None:
    a = undated((step("scope agreed", "2019-12"), step("report received", "2020-04")))
    words = describe.due_text(a, dt.date(2019, 11, 1))
    assert "no due date stated" not in words
    assert "no date for the action itself; milestones due December 2019 \u2013 April 2020" in words
    assert "next: \u201cscope agreed\u201d" in words


def test_bundled_county_action_4_is_in_progress_with_its_completed_milestone(bundled: KnowledgeBase) -> None:
    # seed 001: "A system to collate incidents ... has been developed. Completed – November 2019";
    # "A report ... 6 monthly intervals. February 2020 (and ongoing)"
    state = derive(county(bundled, "Action 4"), JAN_2020)
    assert state.status == "in-progress" and not state.late
    assert [m.date_text for m in state.progress.done] == ["Completed \u2013 November 2019"]
    assert [m.date_text for m in state.progress.to_come] == ["February 2020 (and ongoing)"]


# -- every surface words due and status from that state ------------------------------------------
def test_due_question_for_an_action_dated_only_by_its_milestone_names_the_milestone_date(engine: Engine) -> None:
    # seed 001 Action 11: "Review of former members of staff ... will be completed. January 2020"
    answer = engine.ask("by what date should county action 11 be done", today=dt.date(2019, 11, 1))
    assert "January 2020" in answer.text and "no due date stated" not in answer.text


def test_status_question_names_milestones_done_and_still_to_come(engine: Engine) -> None:
    answer = engine.ask("what's the status of the county plan's action 4", today=JAN_2020)
    assert answer.text.startswith("Status of county plan, Action 4: in progress")
    assert "Completed \u2013 November 2019" in answer.text and "February 2020" in answer.text
    assert "status not stated" not in answer.text and "overdue" not in answer.text


def test_action_2_counts_its_completed_funding_milestone(engine: Engine) -> None:
    # seed 001 Action 2: funding "... formal approval process. Completed"; new service model "April 2020"
    answer = engine.ask("status of county action 2", today=JAN_2020)
    assert "1 of 3 milestones complete" in answer.text and "April 2020" in answer.text


def test_report_row_and_home_line_use_the_milestone_dates(bundled: KnowledgeBase, engine: Engine) -> None:
    from assemblers.context import action_row
    from bot.slack.blocks import home_item_text

    row = action_row(bundled, county(bundled, "Action 11"), dt.date(2019, 11, 1))
    assert "January 2020" in row["due"]
    item = describe.action_item(bundled, county(bundled, "Action 11"), dt.date(2019, 11, 1))
    assert "January 2020" in home_item_text(item)


def test_status_of_an_action_with_nothing_recorded_says_so_honestly(engine: Engine) -> None:
    # seed 003 TCE row 2 "Agree a mission statement/strap line", timescale "6 months", no progress recorded
    answer = engine.ask("is the tce strap line agreed yet", today=dt.date(2025, 1, 10))
    assert "records no status, update or completed milestone" in answer.text and "6 months" in answer.text


# -- actions and milestones named by their words --------------------------------------------------
def test_a_milestone_named_by_its_words_gives_its_own_date(engine: Engine) -> None:
    # seed 001 Action 10: "The Council preferred agency provider confirms ... review ... April 2020"
    answer = engine.ask("by when must the council's preferred agency provider have confirmed its review")
    assert "Action 10 milestone" in answer.text and "due April 2020" in answer.text
    # seed 001 Action 12: review by the Independent Reviewer "January – April 2020"
    answer = engine.ask("when is the independent reviewer due to wrap up the foster carer review (county)")
    assert "Action 12 milestone" in answer.text and "April 2020" in answer.text


def test_a_milestone_of_another_action_than_the_actions_own_date(engine: Engine) -> None:
    # seed 001 Action 5 is due September 2019; its evaluation milestone is January 2020
    answer = engine.ask("when will the governance board consider the evaluation of member visits")
    assert "January 2020" in answer.text and "September 2019" not in answer.text.split("\n")[0]


def test_a_completed_milestone_named_by_its_words_is_complete(engine: Engine) -> None:
    # seed 001 Action 3: "Continued funding for the Survivor Support Service ... Completed - November 2019"
    answer = engine.ask("has the funding for the survivor support service been agreed", today=JAN_2020)
    assert "complete" in answer.text and "November 2019" in answer.text and "Action 3" in answer.text


def test_a_milestone_not_yet_begun_says_when_it_starts(engine: Engine) -> None:
    # seed 001 Action 6: "Cross-party working group ... February – May 2020"
    answer = engine.ask("has the cross party working group on governance begun", today=JAN_2020)
    assert "not due to start until February 2020" in answer.text


def test_an_actions_own_words_beat_words_of_its_recommendation(engine: Engine) -> None:
    # seed 000 7a: "The review will commence in October 2019"; 7c implements "the above review"
    text = text_of(engine, "when does the harmful sexual behaviour review start in the city", dt.date(2019, 9, 1))
    assert "October 2019" in text and "action 7c" not in text


# -- the attribute asked for -------------------------------------------------------------------
def test_who_does_and_who_picks_up_ask_for_the_lead(engine: Engine) -> None:
    # seed 000 rows 8a/8b: lead Corporate Director (8b's blank lead cell continues 8a's)
    first = engine.ask("who does the quarterly report on allegations to the partnership in the city plan")
    second = engine.ask("who's picking up the sub section in the IRO annual report (city)")
    assert first.text.startswith("Lead of city plan, action 8a: Corporate Director")
    assert second.text.startswith("Lead of city plan, action 8b: Corporate Director")


def test_action_typed_with_a_typo(engine: Engine) -> None:
    assert engine.ask("acton 12 county lead", today=JAN_2020).text == "Lead of county plan, Action 12: Pam Rosseter."


# -- names and qualifiers -----------------------------------------------------------------------
def test_a_surname_inside_a_place_name_is_not_a_person(engine: Engine) -> None:
    text = text_of(engine, "what is the address of county hall", dt.date(2025, 1, 10))
    assert "Andrew Hall" not in text
    assert engine.ask("who is Andrew Hall").items[0].title == "Andrew Hall"


def test_a_qualified_group_is_not_answered_with_another_groups_chair(engine: Engine) -> None:
    answer = engine.ask("who is chair of the neglect sub group")
    assert answer.kind == "not-sure" and "Clare Dean" not in render(answer, show_sources=False)
    assert "Clare Dean" in engine.ask("who chairs the CSPR subgroup").text  # seed 002: DCI Clare Dean


# -- not sure offers what is near, never a hidden plan ------------------------------------------
def test_not_sure_offers_what_is_near_this_question_and_nothing_hidden(tmp_path: Path) -> None:
    files = dict(MINI)
    files["plans/alpha.yaml"] = textwrap.dedent(MINI["plans/alpha.yaml"]).replace(
        "  short_names: [alpha plan]\n",
        "  short_names: [alpha plan]\n  visibility: {restricted: true, channels: [C1]}\n",
    )
    engine = Engine(load_knowledge_base(write_kb(tmp_path / "kb", files)))
    question = "zebra crossing foster carer records please"
    inside = engine.ask(question, audience=Audience(channel="C1"))
    outside = engine.ask(question, audience=Audience(channel="C2"))
    assert inside.kind == outside.kind == "not-sure"
    assert any("alpha plan" in s for s in inside.suggestions)
    shown = render(outside, show_sources=False).lower()
    assert "alpha" not in shown and "foster carer records" not in shown


def test_an_owner_that_is_not_a_person_gets_its_actions(engine: Engine) -> None:
    # seed 003 TCE rows 4, 6 and 7 list The Children's Society among their owners
    answer = engine.ask("what is the children's society doing on the tce plan", today=dt.date(2025, 1, 10))
    assert answer.text.startswith("3 actions name")
    texts = " ".join(i.fields["text"] for i in answer.items)
    assert "short presentation" in texts and "set of questions" in texts and "pen picture" in texts


def test_a_former_role_holder_names_who_took_over(engine: Engine) -> None:
    # seed 002: "A new chair was appointed in October 2019, Pete Turgoose from the NSPCC taking over from Liz Tinsley"
    card = engine.ask("tell me about Liz Tinsley").items[0]
    assert "Succeeded by: Pete Turgoose (from October 2019)" in card.lines
    assert not any(line.startswith("Succeeded by") for line in engine.ask("who is Pete Turgoose").items[0].lines)


def test_who_holds_a_post_the_papers_only_mention_is_an_honest_not_sure(engine: Engine) -> None:
    # seed 003 names "the Cabinet Member for Children and Families" (para 5 of the HSB report) but not who it is
    answer = engine.ask("who's the cabinet member for children and families at the county", today=dt.date(2025, 1, 10))
    assert answer.kind == "not-sure"
    # a passage that names the person stays an answer: seed 002, "Pete Turgoose from the NSPCC taking over"
    assert "Pete Turgoose" in text_of(engine, "who is the chair of the QA subgroup")
