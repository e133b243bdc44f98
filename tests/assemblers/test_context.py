"""The context: plain dicts from the knowledge base, every string escaped, clear errors for a bad request."""

from __future__ import annotations

import datetime as dt

import pytest

from assemblers.context import DraftRequest, build_context, category
from assemblers.errors import AssemblyError
from assemblers.escape import md_escape
from knowledge.models import KnowledgeBase
from tests.assemblers.conftest import EVIL, MEETING, TODAY


def test_meeting_item_and_contacts(panel_kb: KnowledgeBase) -> None:
    ctx = build_context(panel_kb, DraftRequest(meeting=MEETING, item=8), TODAY)
    assert ctx["plan"] is None
    assert ctx["today"] == "6 January 2025"
    assert ctx["meeting"]["date"] == "14 January 2025" and ctx["meeting"]["weekday"] == "Tuesday"
    assert ctx["committee"]["short_name"] == "Panel"
    assert [row["number"] for row in ctx["agenda"]] == [1, 8, 9]
    item = ctx["item"]
    assert item["reference"] == "CF0226"
    assert item["signatory"] == {
        "name": "Rita Signer",
        "role": md_escape("Interim Service Director, Commissioning and Resources"),
    }
    assert item["contacts"] == [
        {
            "name": "Carl Contact",
            # the title the record's source quotes, not the first title the person has
            "role": md_escape("Head of Service, Fostering, Residential & Secure Accommodation"),
            "phone": "0115 977 4123",
            "email": md_escape("carl.contact@example.gov.uk"),
        },
        {
            "name": "Dee Email",
            "role": "CSM Strategic Safeguarding and LADO",
            "phone": None,
            "email": md_escape("dee@example.gov.uk"),
        },
    ]
    assert len(item["recommendations"]) == 2


def test_every_string_is_escaped(panel_kb: KnowledgeBase) -> None:
    ctx = build_context(panel_kb, DraftRequest(meeting=MEETING, item=9, plan="progress"), TODAY)
    assert ctx["item"]["title"] == md_escape(EVIL)
    assert ctx["item"]["purpose"] == md_escape(EVIL)
    assert "\x07" not in ctx["item"]["title"] and "\x1b" not in ctx["item"]["title"]
    assert ctx["item"]["contacts"][0]["name"] == md_escape(EVIL)
    evil_row = ctx["plan"]["actions"][4]
    assert evil_row["text"] == md_escape(EVIL) and evil_row["lead"] == md_escape(EVIL)


def test_plan_counts_by_category(panel_kb: KnowledgeBase) -> None:
    plan = build_context(panel_kb, DraftRequest(plan="progress plan"), TODAY)["plan"]
    assert plan["counts"] == {"complete": 1, "on_track": 2, "overdue": 2, "not_started": 1, "not_stated": 0}
    assert plan["total"] == 6 == sum(plan["counts"].values())
    assert [row["id"] for row in plan["overdue"]] == ["3", "6"]
    assert [row["rag"] for row in plan["actions"]] == ["green", "green", "red", "amber", "green", "red"]
    assert plan["actions"][2]["due"] == "June 2024"


def test_category_follows_today(panel_kb: KnowledgeBase) -> None:
    action = panel_kb.plans["progress"].action("2")
    assert category(action, TODAY) == "on_track"
    assert category(action, dt.date(2026, 1, 1)) == "overdue"


@pytest.mark.parametrize(
    ("request_", "words"),
    [
        (
            DraftRequest(meeting=MEETING, item=99),
            "the meeting of 14 January 2025 has no agenda item 99. Its agenda items are: 1, 8, 9.",
        ),
        (
            DraftRequest(meeting=dt.date(2025, 1, 15)),
            "there is no meeting on 2025-01-15 in the knowledge base. Meetings it knows: 2025-01-14.",
        ),
        (DraftRequest(item=8), "an agenda item needs its meeting"),
        (
            DraftRequest(plan="progres"),
            "There is no plan 'progres' in the knowledge base. Did you mean progress (progress plan)?",
        ),
        (DraftRequest(meeting=MEETING, committee="nope"), "there is no committee 'nope'"),
    ],
)
def test_bad_requests(panel_kb: KnowledgeBase, request_: DraftRequest, words: str) -> None:
    with pytest.raises(AssemblyError) as caught:
        build_context(panel_kb, request_, TODAY)
    assert words in str(caught.value)
