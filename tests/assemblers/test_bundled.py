"""Drafts from the bundled knowledge base against the Corporate Parenting Panel pack of 14 January 2025.

Expected values are copied from the seed 003_1684bf18d656461f.txt: the agenda front sheet and the
four committee reports (agenda items 6-9, references CF0228, CF0225, CF0226, CF0227). A report's
title is the report's own heading (items 7 and 9 differ from the agenda's wording by a colon and a
slash), else its agenda title in capitals.
"""

from __future__ import annotations

import pytest
from docx.oxml.ns import qn

from knowledge.models import KnowledgeBase
from tests.assemblers.conftest import MEETING, body_paragraphs, footer_text, headings, labels, make

# A draft never carries the published sign-off ("Constitutional Comments (LW 31/12/24)"): the initials are left
# to Legal Services and Finance, highlighted.
DRAFT_COMMENTS = ("Constitutional Comments ([initials date])", "Financial Comments ([initials date])")
REPORTS = {
    6: {
        "reference": "CF0228",
        "report_of": "REPORT OF THE SERVICE DIRECTOR, HELP, PROTECTION AND CARE",
        "title": "UPDATE ON NOTTINGHAMSHIRE CHILDREN’S RESIDENTIAL HOMES AND SECURE ACCOMMODATION SERVICE",
        "signature": "Amanda Collinson\nService Director, Help, Protection and Care",
        "contacts": [
            "Jenny Whiston\nHead of Service, Fostering, Residential & Secure Accommodation\nT: 0115 9774123\n"
            "E: jenny.whiston@nottsc.gov.uk",
            "Paul Thomas\nService Manager, Secure Accommodation\nT: 0115 9932721\nE: paul.thomas2@nottsc.gov.uk",
            "Davinia Lawton\nService Manager, Residential Services\nT: 0115 9773354\nE: Davinia.lawton@nottsc.gov.uk",
        ],
        "comments": DRAFT_COMMENTS,
        "purpose": "The report provides an update on Nottinghamshire children's residential homes.",
    },
    7: {
        "reference": "CF0225",
        "report_of": "REPORT OF THE INTERIM SERVICE DIRECTOR, COMMISSIONING AND RESOURCES",
        "title": "ANNUAL REPORT OF THE STRATEGIC SAFEGUARDING SERVICE: APRIL 2023 – MARCH 2024",
        "signature": "Rachel Miller\nInterim Service Director, Commissioning and Resources",
        "contacts": [
            "Hannah Johnson\nService Manager, Strategic Safeguarding and Independent Review\nT: 0115 8546351\n"
            "E: hannah1.johnson@nottsc.gov.uk"
        ],
        "comments": DRAFT_COMMENTS,
        "purpose": "Members requested an annual report following high profile enquiries",
    },
    8: {
        "reference": "CF0226",
        "report_of": "REPORT OF THE INTERIM SERVICE DIRECTOR, COMMISSIONING AND RESOURCES",
        "title": "HARMFUL SEXUAL BEHAVIOUR BY CHILDREN ANNUAL REVIEW 2024",
        "signature": "Rachel Miller\nInterim Service Director, Commissioning and Resources",
        "contacts": [
            "Ty Yousaf\nInterim Head of Strategic Safeguarding and Independent Review\nT: 0115 9772516\n"
            "E: ty.yousaf@nottsc.gov.uk"
        ],
        "comments": DRAFT_COMMENTS,
        "purpose": "This report provides an outline of the progress and challenges of the work",
    },
    9: {
        "reference": "CF0227",
        "report_of": "REPORT OF THE INTERIM SERVICE DIRECTOR, COMMISSIONING AND RESOURCES",
        "title": "MANAGING ALLEGATIONS SERVICE ANNUAL REPORT 2023/24",
        "signature": "Rachel Miller\nInterim Service Director, Commissioning and Resources",
        "contacts": ["Hazel McKibbin\nCSM Strategic Safeguarding and LADO\nE: Hazel.mckibbin@nottscc.gov.uk"],
        "comments": DRAFT_COMMENTS,
        "purpose": "The report provides an update on the performance, activities and challenges",
    },
}


@pytest.mark.parametrize("number", sorted(REPORTS))
def test_committee_report_matches_the_seed_paragraph_by_paragraph(bundled: KnowledgeBase, number: int) -> None:
    seed = REPORTS[number]
    document = make("committee-report", bundled, meeting=MEETING, item=number)
    texts = [p.text for p in body_paragraphs(document)]
    assert texts[:4] == ["14 January 2025", f"Agenda Item: {number}", seed["report_of"], seed["title"]]
    assert headings(document) == [
        "Purpose of the Report",
        "Information",
        "Other Options Considered",
        "Reason/s for Recommendation/s",
        "Statutory and Policy Implications",
        "Financial Implications",
        "RECOMMENDATION/S",
        *seed["comments"],
        "Background Papers and Published Documents",
        "Electoral Division(s) and Member(s) Affected",
    ]
    # As in CF0225 and CF0227 (one Information paragraph): 1-6, then 1), then 7 and 8 under the comments.
    numbered = labels(document)
    assert [label for label, _ in numbered] == ["1.", "2.", "3.", "4.", "5.", "6.", "1)", "7.", "8."]
    assert numbered[0][1].startswith(seed["purpose"])
    assert numbered[6][1].startswith("That the Corporate Parenting Panel considers whether there are any actions")
    contact_at = texts.index("For any enquiries about this report please contact:")
    assert texts[contact_at - 1] == seed["signature"]
    assert texts[contact_at + 1 : contact_at + 1 + len(seed["contacts"])] == seed["contacts"]
    assert texts[contact_at + 1 + len(seed["contacts"])] == seed["comments"][0]
    assert footer_text(document).split("\t")[0] == seed["reference"]


def test_committee_report_with_the_tce_plan(bundled: KnowledgeBase) -> None:
    plan = bundled.plans["tce-action-plan"]
    document = make("committee-report", bundled, meeting=MEETING, item=7, plan="tce-action-plan")
    (table,) = document.tables
    assert len(table.rows) == len(plan.actions) + 1
    assert [row.cells[0].text for row in table.rows[1:]] == [a.id for a in plan.actions]
    assert table._tbl.findall(qn("w:tr"))[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert len(document.inline_shapes) == 1


@pytest.mark.parametrize("plan_id", ["city-iicsa", "county-iicsa", "tce-action-plan", "ncscp-business-plan"])
def test_progress_report_for_each_bundled_plan(bundled: KnowledgeBase, plan_id: str) -> None:
    plan = bundled.plans[plan_id]
    document = make("progress-report", bundled, plan=plan_id)
    counts, actions = document.tables
    assert int(counts.rows[-1].cells[1].text) == len(plan.actions)
    assert sum(int(row.cells[1].text) for row in counts.rows[1:-1]) == len(plan.actions)
    assert [row.cells[0].text for row in actions.rows[1:]] == [a.id for a in plan.actions]
    assert len(document.inline_shapes) == 1


def test_agenda_front_sheet_matches_the_pack(bundled: KnowledgeBase) -> None:
    document = make("agenda", bundled, meeting=MEETING)
    texts = [p.text for p in body_paragraphs(document)]
    assert texts[:4] == [
        "Corporate Parenting Panel",
        "Tuesday, 14 January 2025 at 14:00",
        "County Hall, West Bridgford, Nottingham, NG2 7QP",
        "AGENDA",
    ]
    (table,) = document.tables
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert [r[0] for r in rows] == [str(n) for n in range(1, 11)]
    assert rows[2] == ["3", "Minutes of the Last Meeting held on 15 October 2024", "3 - 10"]
    assert rows[7] == ["8", "Harmful Sexual Behaviour by Children Annual Review 2024", "49 - 60"]
    assert rows[9] == ["10", "Work Programme 2025", "75 - 76"]
    assert rows[3][2] == "" and rows[0][2] == ""
