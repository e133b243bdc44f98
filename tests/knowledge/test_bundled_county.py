"""Spot checks of the bundled Nottinghamshire County plans against their seeds.

001_9caaf22f960a7c51.txt  Nottinghamshire County Council IICSA Action Plan (Appendix 1)
003_1684bf18d656461f.txt  Corporate Parenting Panel pack, 14 January 2025: only the Tackling Child
                          Exploitation strategic assessment action plan and the Agenda Item 7
                          report it belongs to

Every expected value below is read off those documents.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from knowledge.loader import load_knowledge_base

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
IICSA_SEED = "001_9caaf22f960a7c51.txt"
PACK_SEED = "003_1684bf18d656461f.txt"


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


@pytest.fixture(scope="module")
def iicsa(kb):
    return kb.plans["county-iicsa"]


@pytest.fixture(scope="module")
def tce(kb):
    return kb.plans["tce-action-plan"]


def ms(action, text_start):
    """The one milestone of `action` whose text starts with `text_start`."""
    found = [m for m in action.milestones if m.text.startswith(text_start)]
    assert len(found) == 1, (action.id, text_start, [m.text for m in action.milestones])
    return found[0]


# ---- County IICSA Action Plan (001) ----------------------------------------------------------


def test_iicsa_plan_metadata(iicsa):
    assert iicsa.organisation == "nottinghamshire-county-council"
    assert iicsa.kind == "action-plan"
    assert iicsa.source.seed == IICSA_SEED
    assert iicsa.published is None  # the seed gives no date of publication


def test_iicsa_action_ids_in_source_order(iicsa):
    ids = [a.id for a in iicsa.actions]
    assert ids == [f"Action {n}" for n in range(1, 13)] + ["All actions"]


@pytest.mark.parametrize(
    ("action_id", "theme"),
    [
        ("Action 1", "Support for Victims and Survivors"),
        ("Action 3", "Support for Victims and Survivors"),  # blank theme cell continues
        ("Action 4", "Governance and Scrutiny"),
        ("Action 6", "Governance and Scrutiny"),
        ("Action 7", "Harmful Sexual Behaviour"),
        ("Action 8", "Harmful Sexual Behaviour"),
        ("Action 9", "Current Residential and Fostering Services"),
        ("Action 10", "IICSA Recommendation – Staffing Review"),
        ("Action 11", "IICSA Recommendation – Staffing Review"),  # first row of a new page, blank theme
        ("Action 12", "IICSA Recommendation – Foster Carer Review"),
    ],
)
def test_themes(iicsa, action_id, theme):
    assert iicsa.action(action_id).theme == theme


@pytest.mark.parametrize(
    ("action_id", "leads"),
    [
        ("Action 1", ("paul-johnson",)),
        ("Action 2", ("pam-rosseter",)),
        ("Action 3", ("paul-johnson",)),
        ("Action 4", ("laurence-jones",)),
        ("Action 5", ("laurence-jones",)),
        ("Action 6", ("laurence-jones",)),
        ("Action 7", ("laurence-jones",)),
        ("Action 8", ("laurence-jones",)),
        ("Action 9", ("devon-allen",)),
        ("Action 10", ("marjorie-toward", "pam-rosseter")),
        ("Action 11", ("marjorie-toward",)),
        ("Action 12", ("pam-rosseter",)),
        ("All actions", ()),
    ],
)
def test_leads(iicsa, action_id, leads):
    assert iicsa.action(action_id).leads == leads


def test_action_10_two_leads_with_their_qualifiers(iicsa):
    note = iicsa.action("Action 10").lead_note
    assert "(directly employed and agency staff)" in note
    assert "(independent)" in note


def test_people_titles_as_written(kb):
    assert kb.people["paul-johnson"].titles == (
        "Service Director, Strategic Commissioning, Safeguarding and Access, Adult Services",
    )
    assert kb.people["pam-rosseter"].titles == ("Group Manager, Historical Abuse",)
    assert kb.people["laurence-jones"].titles == (
        "Service Director, Commissioning and Resources, Children and Families",
    )
    assert kb.people["devon-allen"].titles == ("Group Manager, Children’s Homes",)
    assert set(kb.people["marjorie-toward"].titles) == {
        "Service Director, Customers, Governance and Employees",
        "Service Director, Customers, Governance and Employees, and Monitoring Officer",
    }
    for pid in ("paul-johnson", "pam-rosseter", "laurence-jones", "devon-allen", "marjorie-toward"):
        person = kb.people[pid]
        assert person.organisation == "nottinghamshire-county-council"
        assert person.email is None and person.phone is None  # the plan gives no contact details


def test_action_9_text_rejoined_across_page_break(iicsa):
    a = iicsa.action("Action 9")
    assert a.text == (
        "Review Ofsted inspections of residential children’s homes for the past two years and the "
        "forthcoming Ofsted inspection of children’s services to identify any themes that should be "
        "incorporated into the comprehensive action plan arising from the IICSA report"
    )
    # the third milestone is on the next page
    m = ms(a, "OFSTED inspection of the Council under the Local Authority Children Services")
    assert (m.date_text, m.due.text, m.status) == ("January 2020", "2020-01", "not-stated")
    assert len(a.milestones) == 3


@pytest.mark.parametrize(
    ("action_id", "timescale", "due_text", "precision", "due_date"),
    [
        ("Action 5", "in September 2019", "2019-09", "month", dt.date(2019, 9, 30)),
        ("Action 7", "on 16 December 2019", "2019-12-16", "day", dt.date(2019, 12, 16)),
        ("Action 8", "in 2020", "2020", "year", dt.date(2020, 12, 31)),
        ("Action 10", "by January 2020", "2020-01", "month", dt.date(2020, 1, 31)),
        ("All actions", "July 2020", "2020-07", "month", dt.date(2020, 7, 31)),
    ],
)
def test_timescales_from_action_text(iicsa, action_id, timescale, due_text, precision, due_date):
    a = iicsa.action(action_id)
    assert a.timescale == timescale
    assert (a.due.text, a.due.precision, a.due.date) == (due_text, precision, due_date)
    assert a.start is None
    assert a.dates_note


@pytest.mark.parametrize(
    "action_id", ["Action 1", "Action 2", "Action 3", "Action 4", "Action 6", "Action 9", "Action 11", "Action 12"]
)
def test_no_timescale_invented(iicsa, action_id):
    a = iicsa.action(action_id)
    assert a.timescale is None and a.due is None and a.start is None


def test_action_statuses_not_derived_from_milestones(iicsa):
    # Action 7's only milestone is completed, but the source gives no status for the action itself
    assert all(a.status == "not-stated" for a in iicsa.actions)


def test_milestone_counts(iicsa):
    counts = {a.id: len(a.milestones) for a in iicsa.actions}
    assert counts == {
        "Action 1": 2,
        "Action 2": 3,
        "Action 3": 2,
        "Action 4": 2,
        "Action 5": 4,
        "Action 6": 2,
        "Action 7": 1,
        "Action 8": 4,
        "Action 9": 3,
        "Action 10": 9,
        "Action 11": 1,
        "Action 12": 10,
        "All actions": 0,
    }


def test_action_1_milestones(iicsa):
    a = iicsa.action("Action 1")
    first, second = a.milestones
    assert first.text == "Policy Committee Report shared with Victims and Survivor Support Group."
    assert (first.date_text, first.due.text, first.status) == ("Completed - September 2019", "2019-09", "complete")
    assert (second.date_text, second.due, second.status) == ("Ongoing", None, "ongoing")


def test_action_2_completed_without_a_date(iicsa):
    m = ms(iicsa.action("Action 2"), "Ongoing funding for dedicated resources")
    assert (m.date_text, m.due, m.start, m.status) == ("Completed", None, None, "complete")
    m = ms(iicsa.action("Action 2"), "The development of a new service model")
    assert (m.date_text, m.due.text, m.status) == ("April 2020", "2020-04", "not-stated")


def test_action_4_first_report_february_2020_and_ongoing(iicsa):
    m = ms(iicsa.action("Action 4"), "A report providing oversight of incidents")
    assert m.date_text == "February 2020 (and ongoing)"
    assert (m.due.text, m.status) == ("2020-02", "ongoing")


def test_action_5_ongoing_with_completion_date(iicsa):
    m = ms(iicsa.action("Action 5"), "Briefings held for Members of the Children's Homes Governance Board")
    assert (m.date_text, m.due.text, m.due.date, m.status) == (
        "Ongoing – Completion in December 2019",
        "2019-12",
        dt.date(2019, 12, 31),
        "ongoing",
    )


def test_action_6_range_has_start_and_due(iicsa):
    m = ms(iicsa.action("Action 6"), "Cross-party working group")
    assert m.date_text == "February – May 2020"
    assert (m.start.text, m.start.first) == ("2020-02", dt.date(2020, 2, 1))
    assert (m.due.text, m.due.date) == ("2020-05", dt.date(2020, 5, 31))
    assert m.status == "not-stated"
    report = ms(iicsa.action("Action 6"), "Report to Children and Young People's Committee")
    assert (report.date_text, report.due.text, report.start) == ("July 2020", "2020-07", None)


def test_action_8_milestones(iicsa):
    a = iicsa.action("Action 8")
    assert [(m.date_text, m.due.text) for m in a.milestones] == [
        ("December 2019", "2019-12"),
        ("June 2020", "2020-06"),
        ("June 2020", "2020-06"),
        ("July 2020", "2020-07"),
    ]
    assert all(m.status == "not-stated" for m in a.milestones)


def test_action_10_milestones_including_continued_page(iicsa):
    a = iicsa.action("Action 10")
    panels = ms(a, "Panels to be held, chaired by the Corporate Director of Children’s Service")
    assert panels.date_text == "December 2019 - January 2020"
    assert (panels.start.text, panels.due.text, panels.status) == ("2019-12", "2020-01", "not-stated")
    briefing = ms(a, "Briefing held by the Council for providers of independent children's homes.")
    assert (briefing.date_text, briefing.due.text, briefing.status) == ("January 2020", "2020-01", "not-stated")
    last = a.milestones[-1]
    assert last.text.startswith("Independent residential children's homes confirming")
    assert (last.date_text, last.due.text, last.status) == ("End of April 2020", "2020-04", "not-stated")
    assert sum(m.status == "complete" for m in a.milestones) == 3


def test_action_12_milestones_including_continued_page(iicsa):
    a = iicsa.action("Action 12")
    got = [(m.date_text, m.start.text if m.start else None, m.due.text, m.status) for m in a.milestones]
    assert got == [
        ("Completed - September 2019", None, "2019-09", "complete"),
        ("Completed - November 2019", None, "2019-11", "complete"),
        ("Completed - November 2019", None, "2019-11", "complete"),
        ("December 2019", None, "2019-12", "not-stated"),
        ("January 2020", None, "2020-01", "not-stated"),
        # continued on the next page
        ("January – April 2020", "2020-01", "2020-04", "not-stated"),
        ("May 2020", None, "2020-05", "not-stated"),
        ("Completed - September 2019", None, "2019-09", "complete"),
        ("Completed - October 2019", None, "2019-10", "complete"),
        ("Completed - October 2019", None, "2019-10", "complete"),
    ]
    assert a.milestones[5].text == (
        "Review of both current and former fosters carers using the risk based methodology by the Independent Reviewer."
    )
    assert a.milestones[7].text == (
        "Agreement with Nottingham City Council to complete Independent Fostering Agency recommendation jointly."
    )


def test_final_row_belongs_to_no_numbered_action(iicsa):
    a = iicsa.action("All actions")
    assert (
        a.text
        == "Children and Young People’s Committee is provided with an update regarding all aspects of the action plan."
    )
    assert a.leads == () and a.theme is None
    assert "All actions" in iicsa.notes


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed documents not available")
def test_iicsa_milestones_verbatim_and_followed_by_their_date(iicsa):
    text = (SEEDS / IICSA_SEED).read_text(encoding="utf-8").replace("<p>", "").replace("</p>", "")
    for a in iicsa.actions:
        for m in a.milestones:
            assert re.search(re.escape(m.text) + r"\s*" + re.escape(m.date_text), text), (a.id, m.text)


# ---- TCE strategic assessment action plan (003) ----------------------------------------------


def test_tce_plan_metadata(tce):
    assert tce.source.seed == PACK_SEED
    assert tce.owner == "tce-steering-group"
    assert tce.published is None


def test_tce_action_count_and_themes(tce):
    """Each action keeps the number the pack prints beside it ("9." is the policies and procedures review)."""
    ids = [a.id for a in tce.actions]  # the numbers printed beside the rows; rows 1 and 10 are headers
    assert ids == [f"TCE{n}" for n in (*range(2, 10), *range(11, 18))]
    assert [a.theme for a in tce.actions] == ["Immediate actions"] * 8 + ["Longer term actions"] * 7


@pytest.mark.parametrize(
    ("action_id", "leads", "owners_text", "timescale"),
    [
        ("TCE2", ("tce-strategic-assessment-group",), "TCE Strategic Assessment Group", "6 months"),
        (
            "TCE5",
            ("hannah-johnson", "hazel-mckibbin", "claire-wakeman", "dan-evans"),
            "Task and Finish Group Hannah Johnson Hazel McKibbin Claire Wakeman Dan Evans",
            "3 months",
        ),
        (
            "TCE4",
            ("tce-steering-group",),
            "Task and Finish Group – The Steering Group The Children’s Society",
            "6 months (including delivery)",
        ),
        (
            "TCE7",
            ("rebecca-price",),
            "Task and Finish Group Youth Justice - Rebecca Price (lead) Missing Police Team Exploitation Leads "
            "(Hannah, Hazel and Claire) The Children’s Society",
            "6 months",
        ),
        ("TCE9", (), "Child Exploitation Leads Nottingham City and Nottinghamshire County Council", "6 months"),
        ("TCE12", ("tce-strategic-assessment-group",), "TCE Strategic Assessment Group", "12 months"),
        (
            "TCE17",
            ("claire-sampson", "john-matravers", "paul-lefford", "rebecca-price"),
            "Claire Sampson John Matravers Paul Lefford Rebecca Price",
            "6 months",
        ),
    ],
)
def test_tce_owners_and_timescales(tce, action_id, leads, owners_text, timescale):
    a = tce.action(action_id)
    assert a.leads == leads
    assert a.owners_text == owners_text
    assert a.timescale == timescale


def test_tce_owner_cells_continued_on_next_page(tce):
    assert tce.action("TCE3").owners_text.endswith("Dan Evans - Police Children, Young People and Parents and Carers")
    assert tce.action("TCE3").leads == ("dan-evans",)
    assert tce.action("TCE8").text.endswith("with and for parents, carers, children, and professionals.")
    assert tce.action("TCE8").measure == "Collection of data around accessing the films and documents"
    assert tce.action("TCE14").text == (
        "Launch public awareness child exploitation campaign at the conference on Exploitation Day 2024 "
        "(including virtual safe spaces and use of technology)"
    )
    assert tce.action("TCE14").measure == (
        "Comms Strategy Feedback from Parents and Carers, children and young people and the public"
    )


@pytest.mark.parametrize(
    ("action_id", "measure"),
    [
        ("TCE2", "Evidence of it being used. Partnership and Individual Audits"),
        ("TCE3", "Specific Question on feedback Training Form"),
        ("TCE9", "To be signed off by the partnership procedures subgroups"),
        ("TCE11", "Gaps identified to inform further planning."),
        ("TCE16", "Data to evidence a system is in place"),
        ("TCE5", None),
        ("TCE6", None),
        ("TCE7", None),
        ("TCE15", None),
    ],
)
def test_tce_measures(tce, action_id, measure):
    assert tce.action(action_id).measure == measure


def test_tce_relative_timescales_have_no_invented_due(tce):
    for a in tce.actions:
        assert a.status == "not-stated"
        assert a.start is None
        if a.id in ("TCE12", "TCE14"):  # "Exploitation Day 2024" in the action text
            assert (a.due.text, a.due.precision) == ("2024", "year")
        else:
            assert a.due is None, a.id
        assert a.dates_note


def test_tce_groups_are_roles_without_holders(kb):
    group = kb.roles["tce-strategic-assessment-group"]
    assert group.title == "TCE Strategic Assessment Group" and group.holders == ()
    steering = kb.roles["tce-steering-group"]
    assert steering.title == "Tackling Child Exploitation Steering Group" and steering.holders == ()


def test_tce_people(kb):
    hannah = kb.people["hannah-johnson"]
    assert "Service Manager, Strategic Safeguarding and Independent Review" in hannah.titles
    assert (hannah.email, hannah.phone) == ("hannah1.johnson@nottsc.gov.uk", "0115 8546351")
    hazel = kb.people["hazel-mckibbin"]
    assert "CSM Strategic Safeguarding and LADO" in hazel.titles
    assert hazel.email == "Hazel.mckibbin@nottscc.gov.uk" and hazel.phone is None
    for pid in ("claire-wakeman", "dan-evans", "steve-harrison", "rebecca-price", "paul-lefford", "helen-adair"):
        person = kb.people[pid]
        assert person.titles == () and person.email is None and person.phone is None, pid


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed documents not available")
def test_county_quotes_are_verbatim(kb, iicsa, tce):
    texts = {name: (SEEDS / name).read_text(encoding="utf-8") for name in (IICSA_SEED, PACK_SEED)}
    records = [iicsa, tce, *iicsa.actions, *tce.actions]
    records += [p for p in kb.people.values() if p.source.seed in texts and p.id in OWN_PEOPLE]
    records += [kb.roles["tce-strategic-assessment-group"], kb.roles["tce-steering-group"]]
    for record in records:
        assert record.source.quote in texts[record.source.seed], (getattr(record, "id", None), record.source.quote)


OWN_PEOPLE = {
    "paul-johnson",
    "pam-rosseter",
    "laurence-jones",
    "devon-allen",
    "marjorie-toward",
    "hannah-johnson",
    "hazel-mckibbin",
    "claire-wakeman",
    "dan-evans",
    "steve-harrison",
    "rebecca-price",
    "claire-sampson",
    "paul-lefford",
    "helen-adair",
}


def test_a_tce_action_asked_by_its_printed_number_is_that_row() -> None:
    """A reader cites the pack's row number: "tce action 9" is the policies and procedures review (row 9), whose
    owners are the Child Exploitation Leads and whose measure is sign-off by the procedures subgroups."""
    import datetime as dt

    from knowledge.engine import Engine
    from knowledge.loader import load_knowledge_base

    answer = Engine(load_knowledge_base()).ask("tce action 9 - who owns it", today=dt.date(2025, 1, 12))
    assert "Partnership policies and Procedures to be reviewed" in answer.text + str(answer.items)
    assert "Mapping of services" not in answer.text + str(answer.items)
