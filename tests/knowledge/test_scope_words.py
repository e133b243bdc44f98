"""Words that name the plan are not topics; "behind" only as lateness; "item N" with a time is the agenda; a
window already over lists what fell due in it with where each stands today."""

from __future__ import annotations

import datetime as dt

from knowledge.engine import Engine


def test_the_plans_own_name_does_not_narrow_an_overdue_list(engine: Engine) -> None:
    answer = engine.ask("anything late on the city iicsa plan, as of 1 march 2020", today=dt.date(2020, 3, 1))
    assert answer.kind == "overdue"
    assert answer.text.startswith("3 overdue in city plan"), answer.text
    assert not any("I took your words to mean" in n for n in answer.notes)


def test_behind_is_lateness_only_when_it_is_used_as_lateness(engine: Engine) -> None:
    late = engine.ask("is anything running behind in the county plan", today=dt.date(2020, 2, 10))
    assert late.kind == "overdue"
    other = engine.ask("who is behind the city business plan", today=dt.date(2021, 6, 1))
    assert other.kind != "overdue"


def test_an_item_number_with_a_time_is_that_meetings_agenda_item(engine: Engine) -> None:
    answer = engine.ask("item 6 at the next panel?", today=dt.date(2025, 1, 8))
    assert "Item 6" in " ".join(i.title for i in answer.items), answer.text
    assert "14 January 2025" in answer.text


def test_a_window_already_over_lists_what_fell_due_then_with_its_state_today(engine: Engine) -> None:
    answer = engine.ask("what was due in december on the county plan", today=dt.date(2020, 1, 6))
    assert answer.text.startswith("7 fell due in county plan between 1 December 2019 and 31 December 2019"), answer
    titles = [i.title for i in answer.items]
    assert "county plan, Action 7" in titles  # complete (its milestone says so): listed, and said to be complete
    action7 = next(i for i in answer.items if i.title == "county plan, Action 7")
    assert "complete" in action7.fields["status"] and "overdue" not in action7.fields["status"]
