"""Root fixes for the last wrong answers on the ninth bank, each in wording of our own: a report's contact asked
for one part of it is the contact whose post covers that part (the others named as well); a count question is
not answered by a passage whose only "number" is a pronoun ("one that carers are happy about")."""

from __future__ import annotations

import datetime as dt

from knowledge.engine import Engine

PANEL = dt.date(2025, 1, 10)


def test_the_contact_for_one_part_of_a_report_is_the_one_whose_post_covers_it(engine: Engine) -> None:
    answer = engine.ask("who do i phone about the secure accommodation side of the homes update", PANEL)
    assert answer.kind == "contact"
    shown = [item.title for item in answer.items]
    assert "Paul Thomas" in shown and "Davinia Lawton" not in shown  # her post is not secure accommodation
    assert "the report also names Davinia Lawton" in answer.text  # nobody dropped silently
    fostering = engine.ask("contact for the fostering bit of the residential homes report", PANEL)
    assert [item.title for item in fostering.items] == ["Jenny Whiston"]
    whole = engine.ask("contact for the residential homes report", PANEL)
    assert {item.title for item in whole.items} == {"Jenny Whiston", "Paul Thomas", "Davinia Lawton"}


def test_a_part_no_contact_holds_keeps_every_contact(engine: Engine) -> None:
    """The part's words say which contact, not which report: "staffing" is in no contact's post, so all three."""
    for question in (
        "who to ring about the staffing side of the residential homes update",
        "who to ring about the christmas party part of the homes report",
    ):
        answer = engine.ask(question, PANEL)
        assert answer.kind == "contact", question
        assert {item.title for item in answer.items} == {"Jenny Whiston", "Paul Thomas", "Davinia Lawton"}
        assert "also names" not in answer.text


def test_a_report_named_by_its_title_outranks_one_whose_appendix_shares_a_word(engine: Engine) -> None:
    # item 7's appendix is "... Children Missing from Home and Care ..."; "the homes report" is item 6
    answer = engine.ask("who do i ring about the homes report", PANEL)
    assert answer.text.startswith("For enquiries about item 6, Update on Nottinghamshire Children")


def test_a_contact_question_is_not_answered_with_an_actions_dates(engine: Engine) -> None:
    """ "who do I ring" wants someone to contact; an action's card with no contact details is only the closest."""
    from knowledge.answer import Answer, Item
    from knowledge.guard import checked
    from knowledge.query import parse

    q = parse(engine, "who do i ring about the letters to residential homes", PANEL, None, None, 0)
    card = Answer("action", "county plan, Action 10 milestone: due November 2019.", (Item("action", "a", ("b",)),))
    out = checked(q, card)
    assert out.kind == "not-sure" and "gives no contact details" in out.text
    with_number = Answer("action", "county plan, Action 10.", (Item("person", "Ann", ("T: 0115 9774123",)),))
    assert checked(q, with_number) is with_number


def test_a_count_the_papers_do_not_give_is_not_answered_with_a_pronoun(engine: Engine) -> None:
    answer = engine.ask("how many foster carers has notts got right now", PANEL)
    assert answer.kind == "not-sure"
    assert "FLAG meet every two months" not in answer.text
