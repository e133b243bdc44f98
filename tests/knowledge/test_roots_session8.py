"""Root fixes for the wrong answers left in the banks at the start of the eighth session, and for those the
thirty-sixth to thirty-ninth banks found on their first grade, tested in wording of our own against the bundled
knowledge base."""

from __future__ import annotations

import datetime as dt

from bot.render_text import render
from knowledge.dates import between
from knowledge.engine import Engine
from knowledge.query import parse

AFTER_OCTOBER_PANEL = dt.date(2024, 10, 25)
AFTER_JANUARY_PANEL = dt.date(2025, 1, 20)


def test_a_window_with_no_end_is_never_written_as_the_year_9999() -> None:
    """ "what falls due after october": the window runs on without end; the answer said "between 1 November 2024
    and 31 December 9999"."""
    assert between(dt.date(2024, 11, 1), dt.date.max) == "on or after 1 November 2024"
    assert between(dt.date(2024, 11, 1), dt.date(2024, 11, 30)) == "between 1 November 2024 and 30 November 2024"


def test_after_or_before_a_month_places_the_window_and_names_no_topic(engine: Engine) -> None:
    """ "what falls due after october" had the topic word "after", which matched "Looked After Children" in County
    Action 6 and the business plan's P2.2, so an unscoped question was scoped to two actions."""
    query = parse(engine, "what falls due after october", AFTER_OCTOBER_PANEL)
    assert query.window is not None and query.window.words.startswith("after")
    assert "after" not in query.topic_words
    answer = engine.ask("what falls due after october", AFTER_OCTOBER_PANEL)
    shown = render(answer, show_sources=False)
    assert "9999" not in shown and "your words match" not in shown
    assert "TCE12" in shown  # "Exploitation Day 2024", due by the end of 2024
    # "looked after children" with no window is still a topic
    assert "after" in parse(engine, "who leads the looked after children review", AFTER_OCTOBER_PANEL).topic_words


def test_the_next_one_of_a_body_that_meets_is_its_next_meeting(engine: Engine) -> None:
    """ "children in care council - when's the next one": the minutes of 15 October 2024 say the next CiCC meeting
    "is scheduled for 2nd December"; the question got County Action 6 (looked after children's care settings)."""
    for asked in (
        "children in care council - when's the next one",
        "children in care council - when was the next one after october?",
    ):
        answer = engine.ask(asked, AFTER_OCTOBER_PANEL)
        assert answer.kind == "passage", asked
        shown = render(answer, show_sources=False)
        assert "2nd December" in shown and "Action 6" not in shown, asked
    # an action's "next one" (no body that meets) is not rewritten
    assert "meeting" not in parse(engine, "the foster carer review - when's the next one", AFTER_OCTOBER_PANEL).raw


def test_a_committee_and_a_month_alone_ask_the_meeting_after_or_before(engine: Engine) -> None:
    """ "panel after january?": a fragment naming the panel and a month; it had no intent (it once passed by luck,
    listing work-programme items that hold the word "after")."""
    answer = engine.ask("panel after january?", AFTER_JANUARY_PANEL)
    assert answer.kind == "meeting" and "1 April 2025" in answer.text
    answer = engine.ask("the cpp before april", AFTER_JANUARY_PANEL)
    assert answer.kind == "meeting" and "14 January 2025" in answer.text


def test_which_section_of_an_act_is_not_asked_of_the_contact_note(engine: Engine) -> None:
    """ "the background papers bit - which section of the local government act is it": the reports cite Section 100D
    of the Local Government Act 1972; the agenda's note on whom to contact about background papers (Schedule 12A)
    was given as if it answered."""
    answer = engine.ask(
        "the background papers bit in the panel reports - which section of the local government act is it",
        AFTER_JANUARY_PANEL,
    )
    assert answer.kind != "contact" and "Schedule 12A" not in render(answer, show_sources=False)
    # whom to contact about them is still the note
    assert engine.ask("who do i contact about background papers", AFTER_JANUARY_PANEL).kind == "contact"


def test_how_often_a_body_meets_however_it_is_put(engine: Engine) -> None:
    """ "QA subgroup meeting frequency?", "how often does the hsb panel sit", "how often does the BMG meet, for the
    forward plan": the frequency the papers give (8 times per year; monthly; quarterly); each got "not sure"."""
    for asked, today, said in (
        ("QA subgroup meeting frequency? building the calendar", dt.date(2020, 10, 14), "8 times per year"),
        ("how often does the hsb panel sit", dt.date(2025, 1, 10), "monthly"),
        ("how often does the BMG meet, for the forward plan", dt.date(2020, 9, 16), "quarterly"),
        ("flag meeting frequency? want to invite a foster carer", dt.date(2024, 11, 12), "every two months"),
    ):
        answer = engine.ask(asked, today)
        assert answer.kind == "passage", asked
        assert said in render(answer, show_sources=False), asked


def test_once_is_a_frequency_only_as_once_a_month() -> None:
    """ "once completed" is no frequency: a paragraph saying "the recommendations of the needs assessment once
    completed" was quoted for "how often does the hsb panel meet"."""
    from knowledge.passages import has_kind

    assert not has_kind("frequency", "To consider the recommendations once completed across the partnership.")
    assert has_kind("frequency", "The group meets once a month.")
    assert has_kind("frequency", "Panel is held monthly as standard.")


def test_a_post_of_the_other_council_is_not_the_one_asked_about(engine: Engine) -> None:
    """ "who is the county's corporate director of children's services": the Corporate Director in the papers is
    the city's (Catherine Underwood); she was given as the county's."""
    answer = engine.ask("who is the county's corporate director of children's services by name", dt.date(2020, 2, 1))
    assert "Underwood" not in render(answer, show_sources=False)
    assert "Underwood" in render(engine.ask("who is the city's corporate director", dt.date(2020, 2, 1)))


def test_giving_a_number_for_people_asks_a_figure_not_a_phone(engine: Engine) -> None:
    """ "does the city annual report give a number for homeless 16 and 17 year olds?" got Ty Yousaf's card: "number
    for" was read as a phone number."""
    answer = engine.ask(
        "does the city annual report give a number for homeless 16 and 17 year olds?", dt.date(2020, 10, 1)
    )
    assert answer.kind != "contact" and "Yousaf" not in render(answer, show_sources=False)
    assert parse(engine, "what's the number for customer services", AFTER_JANUARY_PANEL).attribute == "phone"


def test_a_when_clause_after_a_question_of_another_kind_asks_no_due_date(engine: Engine) -> None:
    """ "what did ofsted say about the local offer when they inspected in may" got the work programme's next
    date for the Local Offer item; "rosa waddingham - what was her role when she signed ..." got what fell due."""
    answer = engine.ask(
        "what did ofsted actually say about the care leavers local offer when they inspected in may",
        dt.date(2024, 11, 5),
    )
    assert answer.kind == "passage" and "ambitious, accessible and well promoted" in render(answer)
    answer = engine.ask(
        "rosa waddingham - what was her role when she signed the 19/20 partnership annual report?",
        dt.date(2020, 10, 5),
    )
    assert answer.kind == "person" and "Chief Nurse" in answer.text
    # "published when it was meant to": when it was due is asked
    assert "due" in parse(engine, "was it published when it was meant to", dt.date(2020, 8, 1)).intents


def test_dates_for_one_thing_no_action_names_are_not_everything_due(engine: Engine) -> None:
    """ "dates for the nscp hsb level 1 training this year?" listed the TCE plan's conference actions as if they
    were the training: a list of everything due is no answer to when one thing is."""
    answer = engine.ask(
        "dates for the nscp hsb level 1 training this year? want to send students", dt.date(2024, 10, 1)
    )
    assert answer.kind == "not-sure"


def test_a_month_said_as_now_leaves_the_window_to_the_words_that_name_it(engine: Engine) -> None:
    """ "mid april now - anything ... due in the next couple of months?" was read as "in April"; "what's due this
    month and next" as this month alone."""
    q = parse(engine, "mid april now - anything hsb related in the county plan due in the next couple of months?",
              dt.date(2020, 4, 15))  # fmt: skip
    assert q.window is not None and q.window.end == dt.date(2020, 6, 14)
    q = parse(engine, "county hsb audits - what's due this month and next? early june", dt.date(2020, 6, 3))
    assert q.window is not None and (q.window.start, q.window.end) == (dt.date(2020, 6, 3), dt.date(2020, 7, 31))
    answer = engine.ask("county hsb audits - what's due this month and next? early june", dt.date(2020, 6, 3))
    shown = render(answer, show_sources=False)
    assert "June 2020" in shown and "July 2020" in shown


def test_when_a_thing_starts_is_asked_of_the_action_that_has_a_start(engine: Engine) -> None:
    """ "when is the independent hsb evaluation meant to start": City 7a commissions it (from October 2019); 7b,
    which carries the same recommendation, considers its findings (04/02/20) and was listed beside it."""
    for asked in (
        "city iicsa plan, when is the independent hsb evaluation meant to start",
        "when was the city's external hsb evaluation meant to kick off?",
    ):
        shown = render(engine.ask(asked, dt.date(2019, 10, 2)), show_sources=False)
        assert "October 2019" in shown and "04/02/20" not in shown, asked


def test_a_citation_or_where_a_person_was_met_is_why_it_is_asked(engine: Engine) -> None:
    """ "author and date for a harvard ref" got the reference code; "ty yousaf - what's his job, his name is on the
    hsb paper" got the items he is named on, not his job."""
    shown = render(
        engine.ask("hsb annual review appendix (item 8) - author and date for a harvard ref", AFTER_JANUARY_PANEL)
    )
    assert "Jennifer Campbell" in shown and "01.04.2024" in shown
    answer = engine.ask("ty yousaf - what's his job, his name is on the hsb paper for the panel", AFTER_JANUARY_PANEL)
    assert answer.kind == "person" and "Strategic Safeguarding" in answer.text


def test_what_is_on_the_list_for_a_meeting_is_its_agenda_or_programme(engine: Engine) -> None:
    """ "whats on the list for the 8 july meeting" said only that the panel meets then; the work programme plans
    "Performance of Adoption Services" for it."""
    for asked in ("whats on the list for the 8 july meeting", "what's on the 8 july panel"):
        answer = engine.ask(asked, AFTER_JANUARY_PANEL)
        assert answer.kind == "agenda", asked
        assert "Performance of Adoption Services" in render(answer, show_sources=False), asked
    # the work programme asked by name is still the work programme's question
    assert parse(engine, "what's on the panel work programme for april", AFTER_JANUARY_PANEL).intents[0] != "agenda"


def test_back_in_a_month_looks_back(engine: Engine) -> None:
    """ "resolution number for noting the work programme back in october?" (asked in November 2024): "back" was a
    topic word and "october" the October to come, so no resolution matched (2024/038 is the one)."""
    q = parse(engine, "resolution number for noting the work programme back in october?", dt.date(2024, 11, 4))
    assert q.window is not None and q.window.start == dt.date(2024, 10, 1)
    assert "back" not in q.topic_words
    answer = engine.ask("resolution number for noting the work programme back in october?", dt.date(2024, 11, 4))
    assert answer.kind == "resolution" and "2024/038" in answer.text


def test_told_to_ring_a_post_asks_who_holds_it(engine: Engine) -> None:
    """ "was told to ring the service manager for strategic safeguarding and independent review - who is that?":
    three people hold that title; the answer gave the contact for one report (Hannah Johnson) as if it were the
    post's only holder."""
    answer = engine.ask(
        "was told to ring the service manager for strategic safeguarding and independent review - who is that?",
        dt.date(2025, 1, 8),
    )
    assert answer.kind == "person"
    assert "Hannah Johnson" in answer.text and "Hazel McKibbin" in answer.text


def test_what_the_asker_is_doing_before_the_dash_is_no_topic(engine: Engine) -> None:
    """ "doing a consent / healthy relationships session for staff - does the city biz plan hsb priority say
    anything about kids with special needs": the session's words outweighed the question's and the answer listed
    the business plan's priorities; P2.1 names "children with special needs"."""
    answer = engine.ask(
        "doing a consent / healthy relationships session for staff - does the city biz plan hsb priority say "
        "anything about kids with special needs",
        dt.date(2021, 5, 11),
    )
    assert "P2.1" in answer.text and "children with special needs" in render(answer, show_sources=False)


def test_the_extractions_markup_is_no_word_of_a_passage(engine: Engine) -> None:
    """ "which type of setting makes the most LADO referrals": a paragraph opening '<ul style="list-style-type:
    none">' matched "type" and was quoted as the answer (it is about training, not referrals by setting)."""
    index = engine.passage_index
    assert index is not None
    assert "type" not in index._tokens('<ul style="list-style-type: none"> • Specific LADO training')
    answer = engine.ask("which type of setting makes the most LADO referrals in notts", dt.date(2025, 1, 5))
    assert "Specific LADO and/or MAS training" not in render(answer, show_sources=False)


def test_what_date_needs_a_day_month_or_season_not_a_bare_year(engine: Engine) -> None:
    """ "what date is exploitation day 2024?": the TCE plan's row says only "Exploitation Day 2024" (and "12
    months"), and was quoted as if it gave the date; the papers give none."""
    for asked in (
        "what date is exploitation day 2024? tce plan says the conference is on it",
        "what date is exploitation day 2024",
    ):
        assert engine.ask(asked, dt.date(2024, 5, 20)).kind == "not-sure", asked
    # a date the papers do give is still found
    answer = engine.ask("what date was the first managing allegations workshop", dt.date(2024, 9, 2))
    assert "March 2024" in render(answer, show_sources=False)
