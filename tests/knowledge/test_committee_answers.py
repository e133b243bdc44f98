"""Committee, meeting and report answers on the bundled knowledge base (issue 10: committee and reports).

The questions are worded here, not copied from the question banks. Every expected fact is checked
against the seed (003_1684bf18d656461f.txt, the Corporate Parenting Panel pack of 14 January 2025).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from bot.render_text import render
from knowledge.engine import Engine
from knowledge.models import KnowledgeBase

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "003_1684bf18d656461f.txt"
JAN = dt.date(2025, 1, 14)
OCT = dt.date(2024, 10, 15)
TODAY = dt.date(2025, 1, 10)


def seed_text() -> str:
    return re.sub(r"\s+", " ", re.sub(r"\*\*|<[^>]+>", " ", SEED.read_text(encoding="utf-8")))


def ask(engine: Engine, question: str, today: dt.date = TODAY) -> tuple[str, str]:
    answer = engine.ask(question, today=today)
    return answer.kind, render(answer, show_sources=False)


# ------------------------------------------------------------------ the records, against the seed


@pytest.mark.skipif(not SEED.is_file(), reason="seed documents not found")
def test_october_meeting_end_time_is_the_minutes_closing_line(bundled: KnowledgeBase) -> None:
    meeting = bundled.committees["corporate-parenting-panel"].meeting(OCT)
    assert meeting.end_time == "15:55"
    assert meeting.end_source is not None
    assert "closed the meeting at 3:55pm" in meeting.end_source.quote
    assert meeting.end_source.quote in seed_text()
    assert bundled.committees["corporate-parenting-panel"].meeting(JAN).end_time is None  # an agenda, no minutes


@pytest.mark.skipif(not SEED.is_file(), reason="seed documents not found")
def test_appendix_signatures_are_the_seeds(bundled: KnowledgeBase) -> None:
    meeting = bundled.committees["corporate-parenting-panel"].meeting(JAN)
    seed = seed_text()
    expected = {
        7: ("hannah-johnson", "20.06.24", "CHILD EXPLOITATION AND CHILDREN MISSING FROM HOME AND CARE"),
        8: ("jennifer-campbell", "01.04.2024", "HARMFUL SEXUAL BEHAVIOUR BY CHILDREN ANNUAL REVIEW 2024"),
        9: ("hazel-mckibbin", "13.08.24", "Managing Allegations Service End of Year Report 2023/24"),
    }
    for number, (person, signed, heading) in expected.items():
        item = meeting.item(number)
        assert item.appendix is not None
        assert (item.appendix.signatory, item.appendix.signed) == (person, signed)
        assert heading in item.appendix.title
        assert item.appendix.title.rstrip(".") in seed
        name = bundled.people[person].name
        assert f"{name} Service Manager Strategic Safeguarding and Independent Review {signed}" in seed
        assert item.signatory == "rachel-miller"  # the covering report's signatory is another officer
        assert item.no_background_papers and item.background_papers == ()
    item6 = meeting.item(6)
    assert item6.appendix is None and not item6.no_background_papers and len(item6.background_papers) == 2


@pytest.mark.skipif(not SEED.is_file(), reason="seed documents not found")
def test_agenda_notes_are_as_written(bundled: KnowledgeBase) -> None:
    meeting = bundled.committees["corporate-parenting-panel"].meeting(JAN)
    assert [n.number for n in meeting.notes] == [1, 2, 3, 4, 5]
    seed = re.sub(r"\s+", " ", SEED.read_text(encoding="utf-8").replace("<", "").replace(">", ""))
    for note in meeting.notes:
        assert note.text in seed, note.number
        assert note.source is not None and re.sub(r"\s+", " ", note.source.quote) in seed
    assert "Customer Services Centre 0300 500 80 80" in meeting.notes[1].text


# ------------------------------------------------------------------ meetings


def test_meeting_after_and_before_a_named_month(engine: Engine) -> None:
    _, text = ask(engine, "which panel meeting came after the October 2024 one?", dt.date(2024, 11, 1))
    assert "after the one on Tuesday 15 October 2024" in text and "14 January 2025" in text
    _, text = ask(engine, "the panel meeting preceding january's - when was it")
    assert "Tuesday 15 October 2024" in text and "before" in text
    kind, text = ask(engine, "is there a panel meeting after the july one")
    assert "has no Corporate Parenting Panel meeting after" in text  # 8 July 2025 is the last one known
    assert "14 January" not in text and kind == "meeting"


def test_attendance_narrowed_to_a_team_or_the_press(engine: Engine) -> None:
    kind, text = ask(engine, "anyone from democratic services at the october meeting?")
    assert kind == "attendance"
    assert "Sarah Ashton" in text and "James Lavender" in text
    assert "Ty Yousaf" not in text and "Sinead Anderson" not in text
    _, text = ask(engine, "were any journalists at the october meeting")
    assert "Notts TV" in text and text.startswith("Yes")
    _, text = ask(engine, "which officers were at the october panel meeting")
    assert "Pip Milbourne" in text and "Mike Introna" not in text


def test_attendance_by_an_unmatched_group_is_honest(engine: Engine) -> None:
    _, text = ask(engine, "was anyone from the police at the october panel")
    assert "record no one matching" in text


def test_finish_and_start_times(engine: Engine) -> None:
    _, text = ask(engine, "what time did the october panel close")
    assert "15:55 (3:55pm)" in text
    _, text = ask(engine, "what time does the january panel begin")
    assert "14:00 (2:00pm)" in text
    _, text = ask(engine, "what time did the january panel end")
    assert "records only the start time" in text or "not" in text.lower().split(".")[0]


def test_postcode_room_and_another_event(engine: Engine) -> None:
    _, text = ask(engine, "post code of the january panel venue")
    assert "NG2 7QP" in text and "Andrew Hall" not in text
    kind, text = ask(engine, "what floor is the panel meeting on")
    assert "papers give no floor" in text
    kind, text = ask(engine, "where will the safeguarding conference take place")
    assert kind == "not-sure" and "County Hall" not in text
    kind, text = ask(engine, "what time is the TCE steering group")
    assert kind == "not-sure" and "14:00" not in text


# ------------------------------------------------------------------ reports


def test_report_by_reference_code(engine: Engine) -> None:
    _, text = ask(engine, "tell me about CF0225")
    assert "item 7" in text and "Strategic Safeguarding" in text
    _, text = ask(engine, "enquiries contact for CF0226")
    assert "Ty Yousaf" in text and "0115 9772516" in text


def test_comments_initials_and_dates(engine: Engine) -> None:
    _, text = ask(engine, "initials on the financial comments for the HSB review")
    assert "CDS" in text and "06/12/24" in text and "Constitutional" not in text
    _, text = ask(engine, "legal comments on CF0227")
    assert "LPW" in text and "12/12/24" in text


def test_author_and_covering_signatory_are_both_named(engine: Engine) -> None:
    _, text = ask(engine, "author of the MAS annual report")
    first = text.split("\n")[0]
    assert "written and signed by Hazel McKibbin" in first and "covering report" in first and "Rachel Miller" in first
    _, signed = ask(engine, "who signed the harmful sexual behaviour review")
    first = signed.split("\n")[0]
    assert first.index("Rachel Miller") < first.index("Jennifer Campbell")
    _, text = ask(engine, "who signed the residential homes report")
    assert "Amanda Collinson" in text and "Appendix" not in text.split("\n")[0]


def test_pages_background_papers_and_ordinal_items(engine: Engine) -> None:
    _, text = ask(engine, "page numbers for the managing allegations report")
    assert "61 - 74" in text
    _, text = ask(engine, "any background papers listed for the strategic safeguarding report")
    assert "None" in text
    _, text = ask(engine, "what's the third item on the january agenda")
    assert "Minutes of the Last Meeting held on 15 October 2024" in text
    _, text = ask(engine, "last item on the 14 january agenda")
    assert "Work Programme 2025" in text


def test_an_item_on_another_meetings_agenda_is_not_claimed(engine: Engine) -> None:
    _, text = ask(engine, "is the HSB review on the october agenda")
    assert text.startswith("I'm not sure: I could not find that on the Corporate Parenting Panel, Tuesday 15 October")
    assert "closest is item 8, Harmful Sexual Behaviour" in text
    _, text = ask(engine, "is the managing allegations report on the january agenda")
    assert "item 9" in text.lower()


def test_agenda_note_answers_a_contact_question(engine: Engine) -> None:
    _, text = ask(engine, "phone number to inspect background papers")
    assert "0300 500 80 80" in text and "note (2)" in text


def test_a_report_to_come_resolves_to_the_work_programme(engine: Engine) -> None:
    _, text = ask(engine, "who can i email about the care leavers annual report")
    first = text.split("\n")[0]
    assert "Amanda Collinson" in first and "Sophie Eadsforth" in first and "1 April 2025" in first
    assert "LOCAL OFFER" not in text and "no email or phone number" in first  # the papers give neither
    _, text = ask(engine, "which panel meeting will take the care leavers annual report")
    assert "1 April 2025" in text.split("\n")[0]


def test_a_question_about_something_inside_a_report_is_not_an_agenda_card(engine: Engine) -> None:
    kind, _ = ask(engine, "when did the managing allegations workshops start")
    assert kind != "agenda-item"


def test_purpose_frequency_and_confirmed_minutes(engine: Engine) -> None:
    _, text = ask(engine, "what is the strategic safeguarding report for")
    assert text.startswith("Purpose of item 7") and "high profile enquiries" in text
    _, text = ask(engine, "how frequently is the looked after children board update item")
    assert "six-monthly" in text.split("\n")[0]
    _, text = ask(engine, "how often is the adoption services report")
    assert text.startswith("The work programme gives no frequency")  # the title says none
    _, text = ask(engine, "which minutes did the october panel sign off")
    assert "2 July 2024" in text.split("\n")[0] and "confirmed as correct" in text


def test_a_named_person_at_a_meeting(engine: Engine) -> None:
    _, text = ask(engine, "did sophie eadsforth attend the october panel")
    # OFFICERS IN ATTENDANCE in the minutes; who she is, by her title
    assert "Sophie Eadsforth (Group Manager for Looked After Children) as an officer in attendance" in text
    _, text = ask(engine, "was mike introna at the october panel")
    assert "Mike Introna (Councillor) as sending apologies" in text
    _, text = ask(engine, "was hannah johnson at the october meeting")
    assert "do not list Hannah Johnson" in text


def test_meeting_after_next_following_and_how_long(engine: Engine) -> None:
    _, text = ask(engine, "when is the panel after next")
    assert "after next is on Tuesday 1 April 2025" in text  # next: 14 January 2025 (today 10 January)
    _, text = ask(engine, "which panel follows the january one")
    assert "1 April 2025" in text.split("\n")[0]
    _, text = ask(engine, "how long did the october meeting last")
    assert "1 hour 55 minutes" in text  # commencing at 2:00pm, closed at 3:55pm
    _, text = ask(engine, "county hall address for the panel")
    assert "West Bridgford" in text and "Andrew Hall" not in text


def test_report_wordings_a_new_user_might_use(engine: Engine) -> None:
    _, text = ask(engine, "who is writing the borough and district councils report")
    assert "Amanda Collinson" in text and "Theresa Hodgkinson" in text and "sponsor/report author" in text
    _, text = ask(engine, "who signed the covering report for the child exploitation review")
    assert "covering report to the panel is signed by Rachel Miller" in text
    _, text = ask(engine, "reference number for the strategic safeguarding report")
    assert "CF0225" in text and "For enquiries" not in text
    _, text = ask(engine, "what was the last item at the october meeting")
    assert "item 13: WORK PROGRAMME" in text


def test_who_a_report_is_from_is_its_signatory(engine: Engine) -> None:
    """ "who's the X update from": whose report it is (the signature at its foot), not where it was or when."""
    _, text = ask(engine, "who is the residential homes update from", dt.date(2025, 1, 10))
    assert "signed by Amanda Collinson" in text and "14 January 2025" in text
    assert "Inspection gradings" not in text  # not a different item sharing the words "residential homes"
    _, hsb = ask(engine, "who's the hsb report from?", dt.date(2025, 1, 10))
    assert "signed by Rachel Miller" in hsb
