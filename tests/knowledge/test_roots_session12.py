"""Root fixes for the wrong answers the hundred-and-twenty-eighth and later banks found on their first grade (and
older banks' leftovers), tested in wording of our own against the bundled knowledge base."""

from __future__ import annotations

import datetime as dt

from bot.render_text import render
from knowledge.engine import Engine
from knowledge.query import parse

MID_JANUARY_2020 = dt.date(2020, 1, 10)
EARLY_DECEMBER_2019 = dt.date(2019, 12, 2)


def test_an_open_ended_window_with_nothing_in_it_says_what_comes_next(engine: Engine) -> None:
    """ "city plan - anything coming up in the next few weeks" said only that nothing falls due by 31 January 2020;
    "a few weeks" is a length the asker left open, so the answer goes on to the next dated thing (7b, 4 February)."""
    for question in (
        "city plan, anything due over the next few weeks?",
        "anything on the city plan in the coming weeks",
        "city plan: what's coming up in the next couple of weeks",
    ):
        answer = engine.ask(question, MID_JANUARY_2020)
        assert answer.kind == "due-soon", (question, answer.kind)
        shown = render(answer, show_sources=False)
        assert "The next thing" in shown and "4 February 2020" in shown, shown
    # a window the asker measured ("in the next 2 weeks", "in january") is answered for that window only
    for question in ("anything due on the city plan in the next 2 weeks", "anything due on the city plan in january"):
        answer = engine.ask(question, MID_JANUARY_2020)
        assert "The next thing" not in answer.text, (question, answer.text)
    assert parse(engine, "due in the next few weeks", MID_JANUARY_2020).window.vague
    assert not parse(engine, "due in the next 3 weeks", MID_JANUARY_2020).window.vague
    assert not parse(engine, "due next week", MID_JANUARY_2020).window.vague


def test_a_due_soon_note_never_names_an_action_done_in_the_window(engine: Engine) -> None:
    """ "anything hsb due this month on the county plan" (2 December 2019) listed Action 8 and then noted that the
    words were taken to mean Actions 8, 7 and 4; Action 7 is recorded "Completed - December 2019", so naming it
    beside what falls due reads as if it were due too. It is counted as completed instead."""
    answer = engine.ask("county plan hsb - anything due this month", EARLY_DECEMBER_2019)
    assert answer.kind == "due-soon"
    shown = render(answer, show_sources=False)
    assert "Action 8" in shown
    assert "Action 7" not in shown, shown
    assert "recorded as complete" in shown, shown
