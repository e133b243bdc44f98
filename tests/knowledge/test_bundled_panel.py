"""Spot checks of the bundled Corporate Parenting Panel against its seed (003_1684bf18d656461f.txt).

Every expected value below is copied from the Nottinghamshire Corporate Parenting Panel pack of
14 January 2025: agenda, minutes of 15 October 2024, reports CF0225-CF0228, Work Programme 2025.
"""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.loader import load_knowledge_base

JAN = dt.date(2025, 1, 14)
OCT = dt.date(2024, 10, 15)
APR = dt.date(2025, 4, 1)
JUL = dt.date(2025, 7, 8)


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


@pytest.fixture(scope="module")
def panel(kb):
    return kb.committees["corporate-parenting-panel"]


def test_committee_and_chairman(panel):
    assert panel.name == "Corporate Parenting Panel"
    assert panel.organisation == "nottinghamshire-county-council"
    roles = {m.person: m.role for m in panel.members}
    assert roles["sinead-anderson"] == "Chairman"
    assert set(roles) == {
        "sinead-anderson",
        "anne-callaghan",
        "francis-purdue-horan",
        "mike-introna",
    }


def test_meeting_dates(panel):
    dates = {m.date for m in panel.meetings}
    assert {OCT, JAN, APR, JUL} <= dates
    # the work programme's future meetings carry no time or venue: the pack states none
    for date in (APR, JUL):
        assert panel.meeting(date).time is None
        assert panel.meeting(date).venue is None


def test_january_meeting_time_venue_and_agenda(panel):
    m = panel.meeting(JAN)
    assert m.time == "14:00"
    assert m.venue == "County Hall, West Bridgford, Nottingham, NG2 7QP"
    assert [i.number for i in m.agenda] == list(range(1, 11))
    assert m.item(3).title == "Minutes of the Last Meeting held on 15 October 2024"
    assert m.item(3).pages == "3 - 10"
    assert m.item(3).report_of is None
    assert m.item(8).title == "Harmful Sexual Behaviour by Children Annual Review 2024"
    assert m.item(8).pages == "49 - 60"
    assert m.item(9).title == "Managing Allegations Service Annual Report 2023-24"
    assert m.item(10).pages == "75 - 76"
    assert m.item(1).pages is None
    assert m.item(4).title == "Foster Carers Liaison Group update – Verbal Report"


def test_item_6_report_block(kb, panel):
    item = panel.meeting(JAN).item(6)
    assert item.title == ("Update on Nottinghamshire Children’s Residential Homes and Secure Accommodation Service")
    assert item.pages == "11 - 24"
    assert item.reference == "CF0228"
    assert item.report_of == "Service Director, Help, Protection and Care"
    assert item.signatory == "amanda-collinson"
    assert item.contacts == ("jenny-whiston", "paul-thomas", "davinia-lawton")
    assert item.constitutional_comments == "LW 31/12/24"
    assert item.financial_comments == "CDS 17/12/24"
    jenny, paul, davinia = (kb.people[c] for c in item.contacts)
    assert (jenny.phone, jenny.email) == ("0115 9774123", "jenny.whiston@nottsc.gov.uk")
    assert (paul.phone, paul.email) == ("0115 9932721", "paul.thomas2@nottsc.gov.uk")
    assert (davinia.phone, davinia.email) == ("0115 9773354", "Davinia.lawton@nottsc.gov.uk")
    assert "Head of Service, Fostering, Residential & Secure Accommodation" in jenny.titles
    assert "Service Manager, Residential Services" in davinia.titles


@pytest.mark.parametrize(
    ("number", "reference", "contact", "constitutional", "financial"),
    [
        (7, "CF0225", "hannah-johnson", "CD 13/12/24", "CDS 06/12/24"),
        (8, "CF0226", "ty-yousaf", "CD 11/12/24", "CDS 06/12/24"),
        (9, "CF0227", "hazel-mckibbin", "LPW 12/12/24", "CDS 06/12/24"),
    ],
)
def test_reports_of_the_interim_service_director(panel, number, reference, contact, constitutional, financial):
    item = panel.meeting(JAN).item(number)
    assert item.reference == reference
    assert item.report_of == "Interim Service Director, Commissioning and Resources"
    assert item.signatory == "rachel-miller"
    assert item.contacts == (contact,)
    assert item.constitutional_comments == constitutional
    assert item.financial_comments == financial
    assert len(item.recommendations) == 1
    assert item.recommendations[0].startswith("That the Corporate Parenting Panel considers")


def test_item_9_contact_email_is_verbatim(kb):
    hazel = kb.people["hazel-mckibbin"]
    assert hazel.email == "Hazel.mckibbin@nottscc.gov.uk"  # "nottscc", unlike the other contacts
    assert hazel.phone is None  # the report gives no phone for her
    assert "CSM Strategic Safeguarding and LADO" in hazel.titles


def test_other_contacts(kb):
    hannah = kb.people["hannah-johnson"]
    assert (hannah.phone, hannah.email) == ("0115 8546351", "hannah1.johnson@nottsc.gov.uk")
    ty = kb.people["ty-yousaf"]
    assert (ty.phone, ty.email) == ("0115 9772516", "ty.yousaf@nottsc.gov.uk")
    assert "Interim Head of Strategic Safeguarding and Independent Review" in ty.titles
    assert kb.people["sarah-ashton"].phone == "0115 977 3962"


def test_amanda_collinson_titles_and_role(kb):
    titles = kb.people["amanda-collinson"].titles
    for t in (
        "Service Director for Care, Help and Protection",
        "Service Director for Help, Protection and Care",
        "Service Director, Help, Protection and Care",
    ):
        assert t in titles
    role = kb.roles["county-service-director-help-protection-and-care"]
    assert [h.person for h in role.holders] == ["amanda-collinson"]


def test_october_minutes(panel):
    m = panel.meeting(OCT)
    assert m.time == "14:00"
    assert m.venue is None
    assert [i.number for i in m.agenda] == list(range(1, 14))
    a = m.attendance
    assert a.apologies == ("mike-introna",)
    assert a.substitutes == ("tracey-taylor",)
    assert "sinead-anderson" in a.members
    assert len(a.officers) == 13
    assert a.others == ("Lauren Monaghan - Notts TV",)


def test_october_resolutions(panel):
    res = {r.id: r for r in panel.meeting(OCT).resolutions}
    assert sorted(res) == [f"2024/0{n}" for n in range(29, 39)]
    assert res["2024/033"].item == 8
    assert res["2024/033"].title.startswith("PROGRESS OF THE PARTNERSHIP STRATEGY")
    assert res["2024/033"].text == (
        "That there were no further actions required at this time, that the report be noted."
    )
    assert res["2024/029"].item == 4
    assert res["2024/029"].text == "That the update be noted."
    assert res["2024/032"].text == "That the report be noted."
    assert res["2024/037"].text == "That the verbal update be noted."
    assert res["2024/038"].item == 13


def test_work_programme_standing_items(panel):
    standing = [w for w in panel.work_programme if w.standing]
    assert len(standing) == 4
    assert all(w.meeting is None for w in standing)
    flag = next(w for w in standing if w.title == "Foster Care (FLAG) items")
    assert flag.sponsors == ("jenny-whiston",)


def test_work_programme_april_2025(kb, panel):
    april = {w.title: w for w in panel.work_programme if w.meeting == APR}
    assert len(april) == 8
    borough = april["Report from Borough & District Councils on their corporate parenting responsibilities"]
    assert borough.sponsors == ("amanda-collinson", "theresa-hodgkinson")
    assert borough.sponsors_text == "Amanda Collinson/ Theresa Hodgkinson (Ashfield DC)"
    assert kb.people["theresa-hodgkinson"].organisation == "ashfield-district-council"
    destinations = april["Destinations of Year 12-13 Looked After Young People Cohort 2024-25"]
    assert destinations.sponsors == ("peter-mcconnochie", "stephanie-mcgill")
    gradings = april[
        "Inspection gradings of Children’s Residential Homes commissioned solely for Council use (six-monthly)"
    ]
    assert gradings.sponsors == ("rachel-miller", "beth-downing")
    assert april["Looked After Children and Care Leavers Board update (six-monthly)"].sponsors == (
        "amanda-collinson",
        "heather-bennett",
    )


def test_performance_of_adoption_services_has_no_sponsor(panel):
    july = [w for w in panel.work_programme if w.meeting == JUL]
    assert [w.title for w in july] == ["Performance of Adoption Services"]
    assert july[0].sponsors == ()
    assert july[0].sponsors_text is None
    # "To be placed" is a heading of the table, not an item
    assert all(w.title != "To be placed" for w in panel.work_programme)


def test_people_named_only_in_the_work_programme_have_no_invented_titles(kb):
    assert kb.people["peter-mcconnochie"].titles == ()
    assert kb.people["theresa-hodgkinson"].titles == ()
    assert kb.people["rachel-miller"].titles == ("Interim Service Director, Commissioning and Resources",)
