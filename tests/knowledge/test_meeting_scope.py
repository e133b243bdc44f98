"""Meeting-scoped items, presenters, the work programme, contacts by post, and passages that must carry the fact
asked (issue 10: committee, meetings, reports, passages).

The questions are worded here, not copied from the question banks. Each expected fact is checked against the
seeds (003: the Corporate Parenting Panel pack of 14 January 2025; 002: the NCSCP annual report 2019/20).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from bot.render_text import render
from knowledge.answers_papers import defined_term, defines
from knowledge.engine import Engine
from knowledge.models import KnowledgeBase

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
PANEL_SEED = SEEDS / "003_1684bf18d656461f.txt"
CITY_REPORT_SEED = SEEDS / "002_d4471fad2877c0a5.txt"
TODAY = dt.date(2025, 1, 10)
OCT = dt.date(2024, 10, 15)
needs_seeds = pytest.mark.skipif(not PANEL_SEED.is_file(), reason="seed documents not found")


def seed(path: Path) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\*\*|<[^>]+>", " ", path.read_text(encoding="utf-8")))


def ask(engine: Engine, question: str, today: dt.date = TODAY) -> tuple[str, str]:
    answer = engine.ask(question, today=today)
    return answer.kind, render(answer, show_sources=False)


def not_sure(kind: str, text: str) -> bool:
    return kind in ("not-sure", "not-found") or "not sure" in text.split("\n")[0].lower()


# ------------------------------------------------------------------ who presented, from the minutes


@needs_seeds
def test_presenters_are_the_minutes_own_sentences(bundled: KnowledgeBase) -> None:
    text = seed(PANEL_SEED)
    meeting = bundled.committees["corporate-parenting-panel"].meeting(OCT)
    recorded = {item.number: item for item in meeting.agenda if item.presenters}
    assert set(recorded) == set(range(4, 14))  # items 1-3 (apologies, interests, minutes) name no presenter
    for item in recorded.values():
        assert item.presenters_source is not None and item.presenters_source.quote in text
        for pid in item.presenters:
            assert bundled.people[pid].name in item.presenters_source.quote


@needs_seeds
def test_who_gave_an_item_at_a_meeting_named_by_month(engine: Engine) -> None:
    kind, text = ask(engine, "who gave the children in care council update at the October meeting")
    assert kind == "report" and "Sophie Eadsforth" in text.split("\n")[0]
    assert "15 October 2024" in text
    kind, text = ask(engine, "which officer took the fostering service annual report to the panel in oct")
    assert "Matt Wesson" in text.split("\n")[0]
    assert "Matt Wesson, Service Manager Fostering Services delivered the report" in seed(PANEL_SEED)


def test_the_last_panel_is_the_last_meeting_with_minutes(engine: Engine) -> None:
    _, text = ask(engine, "who delivered the progress of the partnership strategy report to the last panel")
    assert "Amanda Collinson" in text.split("\n")[0] and "15 October 2024" in text


def test_no_presenter_recorded_is_not_sure_with_the_report_s_names(engine: Engine) -> None:
    kind, text = ask(engine, "who presented the managing allegations report at the january panel")
    assert not_sure(kind, text)
    assert "Rachel Miller" in text and "Hazel McKibbin" in text  # the signatory and the contact, offered


def test_several_items_at_the_meeting_match_is_not_sure(engine: Engine) -> None:
    kind, text = ask(engine, "who did the annual report at the october panel")
    assert not_sure(kind, text)
    assert "item 9" in text and "item 10" in text and "item 11" in text


# ------------------------------------------------------------------ an item at the meeting named


def test_item_at_a_named_meeting_is_that_meeting_s_item(engine: Engine) -> None:
    _, text = ask(engine, "was the CiCC update on at the october panel")
    first = text.split("\n")[0]
    assert "Item 5" in first and "15 October 2024" in first and "2024/030" in first
    # FLAG is defined only in the minutes' line on item 4 and in the work programme: the January agenda's
    # "Foster Carers Liaison Group update" is still found
    _, text = ask(engine, "FLAG update on the january agenda?")
    assert "Item 4, Foster Carers Liaison Group update" in text.split("\n")[0]


def test_a_standing_item_is_expected_at_a_meeting_without_an_agenda(engine: Engine) -> None:
    _, text = ask(engine, "will the residential homes update be on in april")
    first = text.split("\n")[0]
    assert "standing item" in first and "1 April 2025" in first
    assert "Inspection gradings" not in first


def test_an_item_the_named_meeting_lacks_is_not_sure(engine: Engine) -> None:
    kind, text = ask(engine, "is the adoption performance report at the next panel")  # listed for 8 July 2025
    assert not_sure(kind, text) and "14 January 2025" in text


# ------------------------------------------------------------------ the work programme


def test_which_meeting_an_item_goes_to_without_the_word_report(engine: Engine) -> None:
    _, text = ask(engine, "d2n2 fostering for east midlands - what meeting is it coming to")
    assert "1 April 2025" in text.split("\n")[0]


def test_does_an_item_come_to_every_meeting(engine: Engine) -> None:
    _, text = ask(engine, "is the visits schedule brought to each meeting")
    assert "standing item" in text.split("\n")[0]


def test_an_item_the_programme_lacks_is_not_the_whole_programme(engine: Engine) -> None:
    kind, text = ask(engine, "when is the youth parliament report coming to the panel")
    assert not_sure(kind, text)
    assert "item(s)" not in text


# ------------------------------------------------------------------ contacts


def test_the_contact_holding_the_post_asked_for(engine: Engine) -> None:
    _, text = ask(engine, "who should I phone about the residential homes update, the head of service")
    assert "Jenny Whiston" in text.split("\n")[0] and "Paul Thomas" not in text
    assert "0115 9774123" in text


@needs_seeds
def test_a_post_named_in_a_title_gives_its_holder_in_that_place_only(engine: Engine) -> None:
    _, text = ask(engine, "how can I get hold of the county LADO")
    assert "Hazel McKibbin" in text and "Hazel.mckibbin@nottscc.gov.uk" in text
    assert "CSM Strategic Safeguarding and LADO" in seed(PANEL_SEED)
    _, text = ask(engine, "how can I get hold of the LADO in the city")
    assert "Hazel McKibbin" not in text.split("\n")[0]  # the county's LADO is not the city's


@needs_seeds
def test_someone_held_only_as_an_attendance_line(engine: Engine) -> None:
    kind, text = ask(engine, "tell me about Lauren Monaghan")
    assert kind == "person" and "Notts TV" in text and "15 October 2024" in text
    assert "Lauren Monaghan - Notts TV" in seed(PANEL_SEED)


# ------------------------------------------------------------------ reports


def test_a_misspelt_report_is_still_the_report(engine: Engine) -> None:
    _, text = ask(engine, "constitutional comments on the managing allegations reprot")
    assert "LPW 12/12/24" in text


def test_when_is_a_named_report_gives_its_meeting(engine: Engine) -> None:
    _, text = ask(engine, "when is the iro annual report")
    assert "item 9" in text.split("\n")[0] and "15 October 2024" in text.split("\n")[0]
    assert "8b" not in text  # the city plan's action about IRO reports is another thing


# ------------------------------------------------------------------ passages


def test_what_is_needs_a_passage_that_says_what_it_is() -> None:
    assert defined_term("whats imara") == "imara"
    assert defined_term("whats happening with it") is None
    assert defines("imara", "¹ [Imara](#) is an independent specialist service", "what's imara")
    assert not defines("imara", "the LADO, the CSE Lead and IMARA met with NSPCC on 02 March", "what's imara")
    assert defines("care team", "the newly established 'Children at Risk of Exploitation' (CaRE) team", "the CaRE team")
    assert not defines("care team", "children missing from care (including other children)", "the care team")


@needs_seeds
def test_what_is_answers_with_the_definition_or_is_not_sure(engine: Engine) -> None:
    _, text = ask(engine, "what is TBH")
    assert "short break home" in text
    assert "TBH is a short break home" in seed(PANEL_SEED)
    kind, text = ask(engine, "what's CWH")  # the papers name CWH but never say what it is
    assert not_sure(kind, text)


@needs_seeds
def test_a_paragraph_that_defers_to_another_brings_it(engine: Engine) -> None:
    _, text = ask(engine, "what is going on with WV")
    assert "Paragraph 3 of this report" in text and "renovation work at WV" in text
    assert "renovation work at WV children's home" in seed(PANEL_SEED)


def test_what_value_was_agreed_is_not_the_task_to_agree_it(engine: Engine) -> None:
    kind, text = ask(engine, "what strap line did the TCE group settle on")
    assert not_sure(kind, text)
    assert "Lead: TCE Strategic Assessment Group" not in text


@needs_seeds
def test_how_often_wants_a_frequency_about_the_thing_asked(engine: Engine) -> None:
    _, text = ask(engine, "how often does the tackling child exploitation practice network meet")
    assert "meets quarterly" in text
    _, text = ask(engine, "how frequently does the QA subgroup meet")
    assert "Quarterly performance data" not in text  # quarterly data is not how often the group meets


@needs_seeds
def test_when_a_matched_action_states_no_date_the_passage_that_does_answers(engine: Engine) -> None:
    _, text = ask(engine, "when will the national SUDI review be published", today=dt.date(2020, 9, 1))
    assert "summer of 2020" in text
    assert "now anticipated in the summer of 2020" in seed(CITY_REPORT_SEED)
    _, text = ask(engine, "when's the cross party working group on", today=dt.date(2020, 1, 15))
    assert "May 2020" in text  # a milestone with a date still answers from the plan


@needs_seeds
def test_everyday_words_match_the_papers_formal_ones(engine: Engine) -> None:
    _, text = ask(engine, "how many kids have short breaks at TBH")
    assert "30 children" in text
    assert "At present the home provides overnight short breaks for 30 children" in seed(PANEL_SEED)
    _, text = ask(engine, "how many in-house children's homes are there in notts")
    assert "five internal children's residential homes in Nottinghamshire" in text


@needs_seeds
def test_the_paragraph_carrying_every_word_is_quoted_over_a_close_one(engine: Engine) -> None:
    _, text = ask(engine, "how many children had an HSB assessment last year and how many of them went to panel")
    assert "106 children were assessed" in text and "72 of these went to panel" in text
    assert "106 children were assessed in relation to Harmful Sexual Behaviour during 2023-2024" in seed(PANEL_SEED)


def test_a_month_and_year_without_a_meeting_is_not_another_year_s_meeting(engine: Engine) -> None:
    kind, text = ask(engine, "was the FLAG update taken at the October 2023 panel")
    assert not_sure(kind, text) and "October 2023" in text
    assert "15 October 2024" not in text.split("\n")[0]


def test_a_month_without_a_committee_word_may_date_something_else(engine: Engine) -> None:
    # no panel, meeting or agenda named: April 2020 dates the HSB work, not the April 2025 panel
    _, text = ask(engine, "progress update on the HSB work in april 2020", today=dt.date(2020, 5, 1))
    assert "1 April 2025" not in text


def test_who_presented_at_a_meeting_lists_the_minutes_presenters(engine: Engine) -> None:
    kind, text = ask(engine, "who presented at the october panel")
    assert kind == "agenda" and "Ty Yousaf" in text and "Matt Wesson" in text and "Stephanie McGill" in text
    kind, text = ask(engine, "who presented at the january panel", today=dt.date(2025, 2, 1))
    assert not_sure(kind, text)  # the January papers are an agenda, with no minutes yet


def test_who_presents_at_the_meeting_in_the_window_named(engine: Engine) -> None:
    kind, text = ask(engine, "who will be presenting the managing allegations report next week")  # 14 Jan 2025
    assert not_sure(kind, text) and "14 January 2025" in text and "Hazel McKibbin" in text
    _, text = ask(engine, "who is doing the local offer for care leavers report next month")  # no panel in Feb
    assert "1 April 2025" in text and "Sophie Eadsforth" in text


def test_the_report_noun_asked_picks_between_same_worded_items(engine: Engine) -> None:
    # "update" is in the title of the standing residential homes update, not of the inspection gradings report
    _, text = ask(engine, "when's the residential homes update on next")
    assert "Update on Nottinghamshire Children" in text.split("\n")[0] and "Inspection gradings" not in text
    _, text = ask(engine, "is FLAG on the next agenda")
    assert "Item 4, Foster Carers Liaison Group update" in text.split("\n")[0]


def test_a_list_in_brackets_does_not_define_a_term() -> None:
    assert not defines("cse", "those at heightened risk (CCE/CSE/Gangs etc.) have trigger plans", "what is CSE")
    assert defines("mash", "the Multi Agency Safeguarding Hub (MASH) and the DART", "what is the MASH")


def test_contact_for_a_post_is_its_holder_or_not_sure(engine: Engine) -> None:
    kind, text = ask(engine, "what's the email for the service director for help, protection and care")
    assert kind == "contact" and "Amanda Collinson" in text and "no email or phone number" in text
    assert "leads no action" not in text


def test_another_group_s_meetings_are_not_the_panel_s(engine: Engine) -> None:
    kind, text = ask(engine, "when's FLAG meeting next")
    assert not_sure(kind, text) and "standing item" not in text  # the panel's FLAG item is not FLAG's meeting
    _, text = ask(engine, "when does the MASE panel meet")
    assert "Corporate Parenting Panel next meets" not in text


def test_how_often_a_report_the_programme_does_not_list_comes(engine: Engine) -> None:
    # the Fostering Service Annual Report (item 11, 15 October 2024), not the work programme's "Fostering for
    # East Midlands" item, which is no report
    _, text = ask(engine, "how frequently does the fostering service report come to the panel")
    first = text.split("\n")[0]
    assert "FOSTERING SERVICE ANNUAL REPORT" in first and "annual" in first and "East Midlands" not in first
    _, text = ask(engine, "how often does the residential homes update come")
    assert "standing item" in text.split("\n")[0]
