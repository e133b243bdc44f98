"""Spot checks of the bundled Nottingham City records against their seeds.

000_ba3eb70c98682f36.txt  Nottingham City Council IICSA Action Plan (2019)
002_d4471fad2877c0a5.txt  NCSCP Annual Report 2019/20
004_915696512e91fbfb.txt  NCSCP Business Plan 2021-24

Every expected value below is read off those documents.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from knowledge.loader import load_knowledge_base

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
CITY_SEEDS = ("000_ba3eb70c98682f36.txt", "002_d4471fad2877c0a5.txt", "004_915696512e91fbfb.txt")


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


@pytest.fixture(scope="module")
def iicsa(kb):
    return kb.plans["city-iicsa"]


@pytest.fixture(scope="module")
def business(kb):
    return kb.plans["ncscp-business-plan"]


# ---- City IICSA Action Plan (seed 000) ---------------------------------------------------------


def test_iicsa_plan_metadata(iicsa):
    assert iicsa.title == "Nottingham City Council IICSA Action Plan"
    assert iicsa.kind == "action-plan"
    assert iicsa.organisation == "nottingham-city-council"
    assert "city plan" in iicsa.short_names
    assert iicsa.editors == ()


def test_iicsa_action_ids_in_source_order(iicsa):
    assert [a.id for a in iicsa.actions] == [
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7a",
        "7b",
        "7c",
        "8a",
        "8b",
        "9",
    ]


def test_corporate_director_leads_every_action_but_six(iicsa):
    for action in iicsa.actions:
        expected = ("city-head-of-children-in-care",) if action.id == "6" else ("city-corporate-director",)
        assert action.leads == expected, action.id


@pytest.mark.parametrize(("action_id", "continues"), [("7b", "7a"), ("7c", "7a"), ("8b", "8a")])
def test_blank_lead_cell_continues_row_above(iicsa, action_id, continues):
    action = iicsa.action(action_id)
    assert action.leads == iicsa.action(continues).leads == ("city-corporate-director",)
    assert action.lead_note and continues in action.lead_note
    assert action.recommendation == iicsa.action(continues).recommendation


def test_rows_with_their_own_lead_have_no_lead_note(iicsa):
    for action_id in ("1", "6", "7a", "8a", "9"):
        assert iicsa.action(action_id).lead_note is None


def test_action_6_foster_carers(iicsa):
    a = iicsa.action("6")
    assert a.recommendation.startswith("Recommendation 1 - Nottingham City Council should assess")
    assert a.timescale == "To commence October 2019 (to be completed this financial year)."
    assert a.start.text == "2019-10" and a.start.precision == "month"
    assert a.start.first == dt.date(2019, 10, 1)
    assert a.due.text == "FY2019/20" and a.due.precision == "financial-year"
    assert a.due.date == dt.date(2020, 3, 31)
    assert a.status == "not-stated"


def test_action_7b_day_month_year(iicsa):
    a = iicsa.action("7b")
    assert a.timescale == "Consider at Safeguarding Partnership on 04/02/20"
    assert a.due.precision == "day"
    assert a.due.date == dt.date(2020, 2, 4)  # 4 February, not 2 April


def test_action_7c_follows_7b(iicsa):
    a = iicsa.action("7c")
    assert a.timescale == "Following Safeguarding Partnership (Feb 20)"
    assert a.depends_on == ("7b",)
    assert a.start.text == "2020-02"
    assert a.due is None


def test_action_7a_starts_october_2019_with_no_due(iicsa):
    a = iicsa.action("7a")
    assert a.timescale == "The review will commence in October 2019"
    assert a.start.first == dt.date(2019, 10, 1)
    assert a.due is None
    assert a.recommendation.startswith("Recommendation 2 - ")


@pytest.mark.parametrize(
    ("action_id", "due_text", "due_date"),
    [
        ("4", "2020", dt.date(2020, 12, 31)),
        ("5", "2019-10", dt.date(2019, 10, 31)),
        ("8a", "2019-12", dt.date(2019, 12, 31)),
    ],
)
def test_derived_due_dates(iicsa, action_id, due_text, due_date):
    a = iicsa.action(action_id)
    assert a.due.text == due_text
    assert a.due.date == due_date
    assert a.dates_note


def test_action_8b_annual_report_has_no_invented_due(iicsa):
    a = iicsa.action("8b")
    assert a.timescale == "To be included in the 2019/20 annual report"
    assert a.due is None
    assert "2019/20" in a.dates_note


@pytest.mark.parametrize("action_id", ["1", "3", "9"])
def test_ongoing_actions(iicsa, action_id):
    a = iicsa.action(action_id)
    assert a.timescale == "Ongoing"
    assert a.status == "ongoing"
    assert a.due is None


def test_statuses_only_as_stated(iicsa):
    for action_id in ("4", "5", "6", "7a", "7b", "7c", "8a", "8b"):
        assert iicsa.action(action_id).status == "not-stated", action_id


def test_action_1_measure(iicsa):
    assert iicsa.action("1").measure == (
        "Feedback from victims and survivors will be the key criteria around how we judge the impact of this."
    )


def test_action_2_records_post_established_october_2018(iicsa):
    a = iicsa.action("2")
    assert a.timescale.startswith("In October 2018, Nottingham City Council established and recruited")
    assert a.due is None
    (milestone,) = a.milestones
    assert milestone.status == "complete"
    assert milestone.due.text == "2018-10"


# ---- Updates from the Annual Report 2019/20 (seed 002) -----------------------------------------


def test_action_6_updates_from_annual_report(iicsa):
    updates = iicsa.action("6").updates
    assert len(updates) == 2
    assert all(u.source.seed == "002_d4471fad2877c0a5.txt" for u in updates)
    assert any("Independent Fostering Agencies" in u.text for u in updates)
    assert any("independent scrutiny of our fostering service" in u.text for u in updates)


def test_harmful_sexual_behaviour_updates(iicsa):
    dates = {u.date.text: u for u in iicsa.action("7a").updates}
    assert "launch event" in dates["2019-11"].text
    assert dates["2020-03-02"].date.date == dt.date(2020, 3, 2)
    assert "initial findings" in dates["2020-03-02"].text
    assert "Covid-19" in dates["2020-03"].text
    assert any("shared with the Safeguarding Children Partnership" in u.text for u in iicsa.action("7b").updates)
    assert any("Workforce development" in u.text for u in iicsa.action("7c").updates)


def test_no_updates_invented_for_other_actions(iicsa):
    for action_id in ("1", "2", "3", "4", "5", "8a", "8b", "9"):
        assert iicsa.action(action_id).updates == (), action_id


# ---- NCSCP Business Plan 2021-24 (seed 004) ----------------------------------------------------


def test_business_plan_metadata(business):
    assert business.kind == "business-plan"
    assert business.organisation == "ncscp"
    assert business.title == "Nottingham City Safeguarding Children Partnership (NCSCP) Business Plan 2021-24"


def test_business_plan_activity_counts(business):
    counts: dict[str, int] = {}
    for a in business.actions:
        priority = a.id.split(".")[0]
        counts[priority] = counts.get(priority, 0) + 1
    assert counts == {"P1": 5, "P2": 3, "P3": 5, "P4": 5, "P5": 3, "P6": 4, "P7": 5}


def test_business_plan_themes(business):
    assert business.action("P1.1").theme.startswith("Priority One: Tackling and reducing Child Exploitation")
    assert business.action("P4.5").theme.startswith("Priority Number 4: Recognise and respond")
    assert business.action("P7.5").theme.startswith("Priority Seven: Providing leadership")
    themes = {a.theme for a in business.actions}
    assert len(themes) == 7


def test_business_plan_names_no_leads_and_no_status(business):
    for a in business.actions:
        assert a.leads == (), a.id
        assert a.status == "not-stated", a.id


def test_business_plan_only_two_dated_activities(business):
    dated = {a.id: a for a in business.actions if a.due or a.start or a.timescale}
    assert set(dated) == {"P5.1", "P7.4"}
    assert dated["P7.4"].text == "Complete a Section 11 audit in 2021"
    assert dated["P7.4"].timescale == "in 2021"
    assert dated["P7.4"].due.precision == "year"
    assert dated["P7.4"].due.date == dt.date(2021, 12, 31)
    assert dated["P5.1"].timescale == "during 2021"
    assert dated["P5.1"].due.text == "2021"


# ---- People and roles (seeds 000, 002) ---------------------------------------------------------


def test_corporate_director_held_by_catherine_underwood(kb):
    role = kb.roles["city-corporate-director"]
    assert role.title == "Corporate Director"
    assert role.organisation == "nottingham-city-council"
    assert [h.person for h in role.holders] == ["catherine-underwood"]
    assert kb.name_of("city-corporate-director") == "Corporate Director (Catherine Underwood)"


def test_head_of_children_in_care_is_a_role_with_no_named_holder(kb):
    role = kb.roles["city-head-of-children-in-care"]
    assert role.title == "Head of Children in Care"
    assert role.holders == ()


def test_statutory_partner_leads(kb):
    assert kb.people["catherine-underwood"].titles == ("Corporate Director",)
    assert kb.people["craig-guildford"].titles == ("Chief Constable",)
    assert kb.people["craig-guildford"].organisation == "nottinghamshire-police"
    assert kb.people["rosa-waddingham"].titles == ("Chief Nurse/Director",)
    assert kb.name_of("nottinghamshire-police-chief-constable") == "Chief Constable (Craig Guildford)"


def test_subgroup_chairs(kb):
    assert kb.people["clare-dean"].organisation == "nottinghamshire-police"
    assert [h.person for h in kb.roles["ncscp-cspr-subgroup-chair"].holders] == ["clare-dean"]
    assert [h.person for h in kb.roles["ncscp-qa-subgroup-chair"].holders] == ["pete-turgoose"]
    assert kb.people["pete-turgoose"].organisation == "nspcc"
    # The report does not say which organisation the previous chair came from.
    assert kb.people["liz-tinsley"].organisation is None


def test_no_contact_details_invented(kb):
    for pid in (
        "catherine-underwood",
        "craig-guildford",
        "rosa-waddingham",
        "clare-dean",
        "pete-turgoose",
        "liz-tinsley",
        "john-matravers",
    ):
        person = kb.people[pid]
        assert person.email is None and person.phone is None and person.slack_id is None


# ---- Sources -----------------------------------------------------------------------------------


def _city_sources(kb):
    for plan_id in ("city-iicsa", "ncscp-business-plan"):
        plan = kb.plans[plan_id]
        yield plan.id, plan.source
        for a in plan.actions:
            yield f"{plan_id}/{a.id}", a.source
            for m in a.milestones:
                yield f"{plan_id}/{a.id} milestone", m.source
            for u in a.updates:
                yield f"{plan_id}/{a.id} update", u.source
    for person in kb.people.values():
        if person.source.seed in CITY_SEEDS:
            yield person.id, person.source
    for role in kb.roles.values():
        if role.source.seed in CITY_SEEDS:
            yield role.id, role.source
            for h in role.holders:
                yield f"{role.id}/{h.person}", h.source


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed documents not available")
def test_city_quotes_are_verbatim(kb):
    texts = {name: (SEEDS / name).read_text(encoding="utf-8") for name in CITY_SEEDS}
    for what, source in _city_sources(kb):
        if source is None:
            continue
        assert source.seed in texts, what
        assert source.quote in texts[source.seed], f"{what}: {source.quote!r}"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed documents not available")
def test_iicsa_timescales_are_verbatim(iicsa):
    text = re.sub(r"\s+", " ", (SEEDS / "000_ba3eb70c98682f36.txt").read_text(encoding="utf-8"))
    for a in iicsa.actions:
        assert a.timescale in text, a.id
