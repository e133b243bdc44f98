"""A person card says what the papers record about someone without a job title or lead: an owners cell that
qualifies their name (quoted as written) and the meetings at which the minutes record them substituting.

Worded afresh; facts checked against seed 003 (TCE plan owners cell "Dan Evans - Police Children, Young People
and Parents and Carers"; minutes of 15 October 2024: "Apologies were received from Cllr Introna with Cllr Taylor
substituting.").
"""

from __future__ import annotations

import datetime as dt

from knowledge.engine import Engine

DAY = dt.date(2025, 1, 10)


def test_owners_cell_qualifier_is_quoted_as_written(engine: Engine) -> None:
    answer = engine.ask("who is dan evans", today=DAY)
    assert answer.kind == "person"
    assert "\u201cDan Evans - Police Children, Young People and Parents and Carers\u201d" in answer.text
    assert "no job title given" in answer.text  # the quote is not turned into a title


def test_a_person_with_a_title_gets_no_owners_quote(engine: Engine) -> None:
    answer = engine.ask("who is pam rosseter", today=DAY)
    assert "Named in the owners" not in answer.text


def test_substitute_card_names_the_meeting_and_its_apologies(engine: Engine) -> None:
    answer = engine.ask("tell me about councillor tracey taylor", today=DAY)
    assert answer.kind == "person"
    assert "substitute at the Corporate Parenting Panel, Tuesday 15 October 2024" in answer.text
    assert "apologies that meeting: Mike Introna" in answer.text


def test_a_member_who_sent_apologies_is_not_called_a_substitute(engine: Engine) -> None:
    answer = engine.ask("who is mike introna", today=DAY)
    assert "substitute" not in answer.text
