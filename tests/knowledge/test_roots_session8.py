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


def test_is_it_out_yet_asks_whether_it_was_launched_and_where(engine: Engine) -> None:
    """ "local offer for care leavers - is it out yet and where do i find it?": the minutes say it "has been
    launched and is available ... via the Notts Help Yourself webpage"; the answer gave the date its next six-monthly
    report comes to panel."""
    q = parse(engine, "local offer for care leavers - is it out yet and where do i find it?", dt.date(2024, 11, 1))
    assert "launched" in q.raw and "out" not in q.topic_words
    for asked in (
        "local offer for care leavers - is it out yet and where do i find it?",
        "local offer for care leavers - is it out yet and where do i find it? one of my old mindees' big sister is "
        "leaving care",
    ):
        answer = engine.ask(asked, dt.date(2024, 11, 1))
        assert answer.kind == "passage", asked
        assert "Notts Help Yourself" in render(answer, show_sources=False), asked


def test_a_weakly_named_plan_gives_way_to_an_action_holding_every_word(engine: Engine) -> None:
    """ "who's leading the survivors needs assessment work": "assessment" is a word of the TCE plan's long name, and
    its TCE11 ("Strategic Needs Assessment?") holds two of the words; County Action 3 (the needs assessment of
    services for victims and survivors, Paul Johnson) holds them all."""
    answer = engine.ask("who's leading the survivors needs assessment work", dt.date(2019, 11, 4))
    shown = render(answer, show_sources=False)
    assert "Action 3" in shown and "TCE11" not in shown


def test_expected_at_a_place_is_not_the_panels_programme(engine: Engine) -> None:
    """ "when is ofsted next expected at clayfields" listed the 1 April 2025 work programme ("expected at" was read
    as "what's expected at the panel")."""
    assert (
        "work-programme"
        not in parse(engine, "when is ofsted next expected at clayfields", dt.date(2024, 12, 20)).intents
    )
    assert "work-programme" in parse(engine, "what's expected at the april panel", dt.date(2024, 12, 20)).intents


def test_who_the_asker_is_or_what_the_answer_is_for_before_the_question_is_no_topic(engine: Engine) -> None:
    """ "for the info governance board: county iicsa plan, what's overdue right now" scoped the list to the actions
    holding "governance"; "we're on the east midlands framework - by when ..." answered the framework letter's step
    (November 2019) for a question about the homes' confirmations (End of April 2020)."""
    answer = engine.ask(
        "for the info governance board: county iicsa plan, what's overdue right now", dt.date(2020, 1, 3)
    )
    shown = render(answer, show_sources=False)
    assert "your words match" not in shown
    assert all(f"Action {n}" in shown for n in (5, 8, 10, 12))
    answer = engine.ask(
        "we're on the east midlands framework - by when does the county want independent homes to confirm they've "
        "done the staff review",
        dt.date(2020, 1, 20),
    )
    assert "End of April 2020" in render(answer, show_sources=False)


def test_when_a_person_took_up_a_post_is_asked_of_the_papers(engine: Engine) -> None:
    """ "when did hazel mckibbin become the LADO" got her card, which says nothing of when; "when did pete turgoose
    take over as chair of the QA subgroup" is answered by the annual report (October 2019)."""
    assert engine.ask("when did hazel mckibbin become the LADO", dt.date(2024, 12, 11)).kind == "not-sure"
    answer = engine.ask("when did pete turgoose take over as chair of the QA subgroup", dt.date(2020, 9, 17))
    assert answer.kind == "passage" and "October 2019" in render(answer, show_sources=False)


def test_a_steps_date_is_not_shown_beside_its_actions_other_dates(engine: Engine) -> None:
    """ "county action 12 - when's the independent reviewer's report with recommendations due?": May 2020. The action's
    card under the step listed the January 2020 step ("Independent Reviewer starting") as overdue, a date that
    answers another question; "recommendations" was also read as the thing asked (what the report recommends)."""
    answer = engine.ask(
        "county action 12 - when's the independent reviewer's report with recommendations due?", dt.date(2020, 2, 20)
    )
    shown = render(answer, show_sources=False)
    assert answer.kind == "due" and "May 2020" in shown and "January 2020" not in shown
    assert "Lead: Pam Rosseter" in shown  # the action is still named, with its lead


def test_the_report_asked_about_is_the_step_that_is_a_report(engine: Engine) -> None:
    """ "when do we expect the independent reviewer's report on foster carers": the step "A report with
    recommendations received from Independent Reviewer" (May 2020), not "Review of both current and former foster
    carers ... by the Independent Reviewer" (January - April 2020), which holds more of the words but is no report.
    (These were graded right only because the action's card listed "milestones due September 2019 - May 2020".)"""
    for asked in (
        "when do we expect the independent reviewer's report on foster carers (county)?",
        "when's the independent reviewer's report meant to land (foster carer review)",
        "when's the county expecting the independent reviewers report back on the foster carers",
    ):
        assert "due May 2020" in engine.ask(asked, dt.date(2020, 1, 27)).text, asked
    answer = engine.ask(
        "the cross-party governance review (county action 6) - when's it meant to report back to cyp committee",
        dt.date(2020, 1, 27),
    )
    assert "due July 2020" in answer.text
    # "expect" and "back" are how the question is put
    q = parse(
        engine,
        "when's the county expecting the independent reviewers report back on the foster carers",
        dt.date(2020, 1, 27),
    )
    assert not {"expect", "back"} & set(q.topic_words)


def test_who_a_report_is_of_is_its_signatory_and_no_list_is_empty(engine: Engine) -> None:
    """ "who's the residential homes update for panel a report of?" said "0 actions match; status of each:" - an
    empty list presented as an answer; "Report of the Service Director ..., signed by Amanda Collinson" heads it."""
    answer = engine.ask("who's the residential homes update for panel a report of?", dt.date(2025, 1, 9))
    assert "0 actions" not in answer.text and "Amanda Collinson" in answer.text


def test_a_word_said_as_a_plans_name_names_that_plan(engine: Engine) -> None:
    """ "who's responsible for reviewing partnership policies and procedures in the exploitation action plan":
    "partnership" (a word of the business plan's name) came first and scoped the question to the business plan's
    P4.4; "the exploitation action plan" is the TCE plan (TCE9, the Child Exploitation Leads)."""
    q = parse(
        engine,
        "who's responsible for reviewing partnership policies and procedures in the exploitation action plan",
        dt.date(2025, 1, 6),
    )
    assert q.plan == "tce-action-plan"


def test_down_to_report_asks_the_sponsor(engine: Engine) -> None:
    """ "who is down to report the six-monthly inspection gradings ..." quoted the work programme's table; the item
    names Rachel Miller and Beth Downing."""
    answer = engine.ask(
        "who is down to report the six-monthly inspection gradings of homes commissioned solely for council use",
        dt.date(2025, 1, 14),
    )
    assert answer.kind == "work-item" and "Beth Downing" in answer.text


def test_when_needs_a_time_not_annual(engine: Engine) -> None:
    """ "when is the county's Tackling Child Exploitation conference supposed to be" quoted the strategy's "Host an
    annual child exploitation conference" ("annual" counted as a date); the annual review says "deliver a Tackling
    Child Exploitation conference in March 2025"."""
    answer = engine.ask(
        "when is the county's Tackling Child Exploitation conference supposed to be", dt.date(2024, 10, 21)
    )
    assert "March 2025" in render(answer, show_sources=False)


def test_hedges_and_how_to_reach_someone_name_no_topic(engine: Engine) -> None:
    """ "not sure if i need to declare something - who do i ring" gave the contacts for the residential homes report
    ("not", "sure", "need" and "ring" were topic words); the papers' note on declarations is the nearest thing."""
    q = parse(engine, "not sure if i need to declare something - who do i ring", dt.date(2025, 1, 10))
    assert not {"not", "sure", "need", "ring"} & set(q.topic_words)
    answer = engine.ask("not sure if i need to declare something - who do i ring", dt.date(2025, 1, 10))
    assert "Jenny Whiston" not in render(answer, show_sources=False)


def test_times_offered_as_guesses_do_not_narrow_when(engine: Engine) -> None:
    """ "chair's asking when the HSB audit is - this autumn or next year?" said nothing falls due between 20 October
    and 30 November 2019 (the autumn); the audit (County Action 8) is due in 2020, its first step December 2019."""
    q = parse(engine, "chair's asking when the HSB audit is - this autumn or next year?", dt.date(2019, 10, 20))
    assert q.window is None
    answer = engine.ask("chair's asking when the HSB audit is - this autumn or next year?", dt.date(2019, 10, 20))
    assert "Action 8" in answer.text and "Nothing" not in answer.text


def test_a_web_page_is_not_the_page_numbers_asked(engine: Engine) -> None:
    """ "who chairs corporate parenting panel? committee page still has the old name" and "what time did the october
    corporate parenting meeting finish - minutes page" were read as asking a report's page numbers and got a work
    programme item; page numbers are still asked as "what page", "page numbers", "how many pages"."""
    answer = engine.ask(
        "who chairs corporate parenting panel? committee page still has the old name", dt.date(2024, 10, 24)
    )
    assert answer.kind == "chair" and "Sinead Anderson" in answer.text
    answer = engine.ask(
        "what time did the october corporate parenting meeting finish - minutes page", dt.date(2024, 11, 5)
    )
    assert "3:55" in answer.text
    assert parse(engine, "what page is the managing allegations report on", dt.date(2024, 11, 5)).attribute == "pages"


def test_listed_or_booked_in_for_a_meeting_is_its_agenda_or_programme(engine: Engine) -> None:
    """ "what's listed for the july 2025 panel" quoted a report's background papers; "anything booked in for the july
    meeting yet?" gave only the date; the work programme plans "Performance of Adoption Services" for 8 July."""
    for asked, today in (
        ("what's listed for the july 2025 panel", dt.date(2025, 3, 4)),
        ("anything booked in for the july meeting yet?", dt.date(2025, 1, 10)),
    ):
        answer = engine.ask(asked, today)
        assert "Performance of Adoption Services" in render(answer, show_sources=False), asked


def test_what_the_minutes_said_before_the_question_is_where_it_was_read(engine: Engine) -> None:
    """ "october minutes said the CiCC meeting got pulled - when's the next one scheduled": read as a question about
    approving the October minutes (item 3); the minutes say the next CiCC meeting "is scheduled for 2nd December"."""
    for asked in (
        "october minutes said the CiCC meeting got pulled - when's the next one scheduled",
        "the CiCC meeting got pulled - when's the next one scheduled",
    ):
        answer = engine.ask(asked, dt.date(2024, 11, 5))
        assert "2nd December" in render(answer, show_sources=False), asked
    # "scheduled" alone is no work-programme question
    assert "work-programme" not in parse(engine, "when's the next cicc meeting scheduled", dt.date(2024, 11, 5)).intents


def test_a_paper_of_the_askers_own_named_by_its_subject_is_why_it_is_asked(engine: Engine) -> None:
    """ "biz plan 2021-24 - which priority is the covid one, for the budget pressures paper": "budget pressures"
    were read as what the priority is about; Priority Six is the Covid-19 one."""
    answer = engine.ask(
        "biz plan 2021-24 - which priority is the covid one, for the budget pressures paper", dt.date(2021, 5, 11)
    )
    assert answer.text.startswith("Priority Six")


def test_a_holiday_just_gone_asked_in_the_past_tense_is_not_the_next_one(engine: Engine) -> None:
    """ "anything slipped on the county iicsa plan before christmas?" asked on 3 January 2020 listed what "will be
    overdue by 24 December 2020": a wrong date a year ahead. What is late now (Actions 5, 8, 10, 12) is asked."""
    answer = engine.ask("anything slipped on the county iicsa plan before christmas?", dt.date(2020, 1, 3))
    shown = render(answer, show_sources=False)
    assert "2020 if nothing more" not in shown and "December 2020" not in shown
    assert all(f"Action {n}" in shown for n in (5, 8, 10, 12))
    # asked before Christmas, it is still the Christmas ahead
    assert "24 December 2019" in engine.ask("what's due before christmas", dt.date(2019, 12, 3)).text


def test_the_meeting_an_answer_is_for_is_no_topic_or_window(engine: Engine) -> None:
    """ "for scrutiny next week - which county IICSA actions are behind as of now?" scoped the list to actions holding
    "scrutiny" and listed what would be late "by 28 June 2020" (next week); "..., chair's prep" was read as asking
    who chairs."""
    answer = engine.ask(
        "for scrutiny next week - which county IICSA actions are behind as of now?", dt.date(2020, 6, 15)
    )
    shown = render(answer, show_sources=False)
    assert "as of 15 June 2020" in shown and "your words match" not in shown
    answer = engine.ask("what's coming to the april panel then, chair's prep", dt.date(2025, 1, 20))
    assert answer.kind != "chair" and "Fostering for East Midlands" in render(answer, show_sources=False)


def test_a_share_done_on_time_is_a_figure_not_an_actions_status(engine: Engine) -> None:
    """ "what % of hsb assessments were done on time" listed three actions' statuses ("done" read as a status
    question); the HSB review gives the share (50%)."""
    answer = engine.ask("what % of hsb assessments were done on time", dt.date(2024, 12, 3))
    assert answer.kind == "passage" and "50%" in render(answer, show_sources=False)


def test_a_season_names_the_meetings_in_it_or_none(engine: Engine) -> None:
    """ "date for the autumn 2025 panel?" gave the next meeting (1 April 2025); the knowledge base holds none in
    the autumn of 2025."""
    assert engine.ask("date for the autumn 2025 panel?", dt.date(2025, 1, 20)).kind == "not-sure"
    answer = engine.ask("when's the summer panel", dt.date(2025, 1, 20))
    assert answer.kind == "meeting" and "8 July 2025" in render(answer, show_sources=False)


def test_the_next_month_or_two_is_two_months(engine: Engine) -> None:
    """ "county plan - anything due in the next month or two on the fostering side?" was read as one month, with
    "two" a topic word that matched County Action 9; the foster carer review's step (April 2020) falls in two."""
    q = parse(
        engine, "county plan - anything due in the next month or two on the fostering side?", dt.date(2020, 3, 10)
    )
    assert q.window is not None and q.window.end == dt.date(2020, 5, 9) and "two" not in q.topic_words
    answer = engine.ask(
        "county plan - anything due in the next month or two on the fostering side?", dt.date(2020, 3, 10)
    )
    assert "Action 12" in render(answer, show_sources=False)


def test_steps_of_a_named_action_that_fit_closely_are_shown_best_first(engine: Engine) -> None:
    """ "county action 10 - the independent childrens homes confirming their staff reviews, when's that due" gave the
    action's own date (January 2020): two steps fit (the letter to the homes, and the homes confirming, End of April
    2020) and neither by a clear margin, so the step was dropped; the best fit now heads, the other shown."""
    answer = engine.ask(
        "county action 10 - the independent childrens homes confirming their staff reviews, when's that due",
        dt.date(2020, 3, 9),
    )
    assert "End of April 2020" in answer.text.split("\n")[0]


def test_which_actions_is_she_on_asks_a_portfolio(engine: Engine) -> None:
    """ "claire in the TCE plan - which actions is she on?" had no intent and got TCE5 by its words; two Claires are
    named in the TCE plan, so which one is asked back."""
    answer = engine.ask("claire in the TCE plan - which actions is she on?", dt.date(2024, 11, 26))
    assert answer.kind == "ambiguous" and "Claire Sampson" in answer.text and "Claire Wakeman" in answer.text


def test_an_abbreviation_and_its_spelling_out_count_once(engine: Engine) -> None:
    """ "notts hsb multi agency audit - when's the case audit paper due": the question's weights held "hsb" and
    "harmful sexual behaviour" both, so every step that spells it out fell short by the abbreviation's weight and
    the case audit's step (June 2020) did not stand out from County Action 8's own text."""
    from knowledge.index import _held

    weight = {"hsb": 4.0, "harm": 2.0, "sexual": 2.0, "behaviour": 2.0, "case": 3.0}
    assert _held(weight, {"hsb"}, [("hsb", frozenset({"harm", "sexual", "behaviour"}))]) == 10.0
    assert (
        _held(weight, {"harm", "sexual", "behaviour", "case"}, [("hsb", frozenset({"harm", "sexual", "behaviour"}))])
        == 13.0
    )
    assert _held(weight, {"harm", "case"}, [("hsb", frozenset({"harm", "sexual", "behaviour"}))]) == 5.0
    answer = engine.ask("notts hsb multi agency audit - when's the case audit paper due", dt.date(2019, 11, 19))
    assert "due June 2020" in answer.text.split("\n")[0]


def test_an_overdue_answer_scoped_by_words_never_names_a_completed_action(engine: Engine) -> None:
    """Issue 10's property, for lists scoped by the question's words: County Action 7 (the HSB progress report,
    "Completed - December 2019") was named in notes beside the overdue list ("Complete, so not overdue: ...", "I took
    your words to mean ..."); five banks' writers read that as calling it late. The completed ones are now counted,
    and a theme is named by its theme, not by each action (County Action 6 was not late either)."""
    import re

    from knowledge.describe import action_label
    from knowledge.status import derive

    for asked, today in (
        ("any of the county's harmful sexual behaviour actions slipped?", dt.date(2020, 2, 11)),
        ("mid feb - are any of the county hsb iicsa actions overdue", dt.date(2020, 2, 17)),
        ("anything on the county hsb side of the plan that's slipped past its date", dt.date(2020, 3, 2)),
        ("county plan governance and scrutiny bit - anything slipped?", dt.date(2020, 2, 10)),
    ):
        answer = engine.ask(asked, today)
        assert answer.kind == "overdue", asked
        said = render(answer, show_sources=False)
        for action in engine.kb.actions():
            if derive(action, today).complete:
                assert not re.search(re.escape(action_label(engine.kb, action)) + r"\b", said), (asked, action.id)
    answer = engine.ask("county plan governance and scrutiny bit - anything slipped?", dt.date(2020, 2, 10))
    assert "Action 6" not in render(answer, show_sources=False) and "Governance and Scrutiny" in " ".join(answer.notes)


def test_the_writer_from_the_body_asked_is_given_without_the_heading(engine: Engine) -> None:
    """ "who signed the foreword for the CCG in the 19/20 ncscp annual report": the answer said Rosa Waddingham but
    quoted the heading "from Catherine Underwood, Craig Guildford and Rosa Waddingham", and two banks' writers read
    the first name there as the answer; the answer is now her card, the part named, not the heading."""
    answer = engine.ask("who signed the foreword for the CCG in the 19/20 ncscp annual report", dt.date(2020, 10, 2))
    shown = render(answer, show_sources=False)
    assert answer.kind == "person" and "Rosa Waddingham" in shown and "Catherine Underwood" not in shown


def test_coming_to_a_meeting_of_ones_own_is_not_the_panels_programme(engine: Engine) -> None:
    """ "laurence jones is coming to our cluster meeting - which county iicsa actions are his" said the panel's work
    programme names him on no item ("coming to" was read as what comes to the panel); he leads Actions 4-8."""
    answer = engine.ask(
        "laurence jones is coming to our cluster meeting - which county iicsa actions are his", dt.date(2020, 1, 15)
    )
    assert answer.kind == "portfolio" and all(
        f"Action {n}" in answer.text or f"Action {n}" in render(answer) for n in (4, 8)
    )
    assert (
        "work-programme"
        in parse(engine, "is adoption performance coming to us at some point this year?", dt.date(2025, 1, 16)).intents
    )


def test_a_member_of_the_public_wanting_background_papers_gets_the_agenda_note(engine: Engine) -> None:
    """ "resident wants to see the background papers for the panel, what number do i give them" gave item 2
    (Declarations, "(see note below)" matched "see"), then the residential homes report ("resident"); the agenda's
    note gives Customer Services, 0300 500 80 80."""
    answer = engine.ask(
        "resident wants to see the background papers for the panel, what number do i give them", dt.date(2025, 1, 7)
    )
    assert "0300 500 80 80" in render(answer, show_sources=False)
    assert "Residential" not in answer.text


def test_good_or_outstanding_is_a_grade_not_overdue(engine: Engine) -> None:
    """ "are all the county's own children's homes good or outstanding now" listed 17 overdue steps of the county
    plan: "outstanding" was read as "not done"."""
    q = parse(engine, "are all the county's own children's homes good or outstanding now", dt.date(2024, 10, 22))
    assert "overdue" not in q.intents
    assert (
        engine.ask("are all the county's own children's homes good or outstanding now", dt.date(2024, 10, 22)).kind
        != "overdue"
    )
    assert (
        "overdue" in parse(engine, "anything outstanding on the county plan as of today", dt.date(2020, 2, 1)).intents
    )


def test_did_the_panel_say_anything_about_it_asks_the_minutes(engine: Engine) -> None:
    """ "did the panel say anything about health assessments for cla at the october meeting" gave the meeting's
    time; the October minutes record the increase in health assessments (and "assessment", a word of the TCE
    plan's long name, is a topic here, not a plan)."""
    answer = engine.ask(
        "did the panel say anything about health assessments for cla at the october meeting", dt.date(2024, 10, 28)
    )
    assert answer.kind == "passage"
    assert "health assessments" in render(answer, show_sources=False)
    assert (
        "assessment"
        in parse(engine, "did the panel say anything about health assessments", dt.date(2024, 10, 28)).topic_words
    )


def test_one_annual_report_named_by_its_own_words_is_that_one(engine: Engine) -> None:
    """ "who do i ring about the hsb annual review going to corporate parenting in jan" was asked back which of the
    January agenda's three annual reports was meant; "hsb" names item 8 (Ty Yousaf)."""
    answer = engine.ask(
        "who do i ring about the hsb annual review going to corporate parenting in jan", dt.date(2025, 1, 6)
    )
    assert answer.kind == "contact" and "Ty Yousaf" in answer.text and "Hannah Johnson" not in answer.text
    assert (
        engine.ask("the annual report on the jan agenda - who's the contact", dt.date(2025, 1, 6)).kind == "ambiguous"
    )


def test_a_panel_chair_a_plan_names_is_not_the_committees_chair(engine: Engine) -> None:
    """ "which panel chair does the city biz plan want hsb updates from": the business plan's P2.2 wants updates
    from "the Chair of the ASHA panel"; the answer gave the Corporate Parenting Panel's chairman."""
    answer = engine.ask("which panel chair does the city biz plan want hsb updates from", dt.date(2021, 5, 6))
    assert "Sinead Anderson" not in render(answer, show_sources=False)
    assert parse(engine, "who chairs the panel", dt.date(2025, 1, 6)).committee == "corporate-parenting-panel"


def test_a_guessed_post_after_the_question_does_not_answer_it(engine: Engine) -> None:
    """ "who leads the hsb evaluation in the city iicsa plan, is it the head of children in care?" answered what the
    Head of Children in Care leads (City 6); the evaluation (7a, 7b) is the Corporate Director's. A follow-on that
    asks something of its own ("- is it published") is kept."""
    answer = engine.ask(
        "our head wants to know who leads the hsb evaluation in the city iicsa plan, is it the head of children in "
        "care?",
        dt.date(2019, 11, 5),
    )
    assert answer.kind == "lead" and "Corporate Director" in render(answer, show_sources=False)
    assert (
        "published"
        in parse(engine, "whats happening with the sudi national review - is it published", dt.date(2020, 8, 1)).raw
    )


def test_when_something_last_happened_is_not_an_actions_timescale(engine: Engine) -> None:
    """ "what date was OH's last ofsted inspection" got County Action 9's timescale (it reviews past inspections);
    the papers give no date for OH's last inspection. A date they do give is still quoted."""
    assert engine.ask("what date was OH's last ofsted inspection", dt.date(2025, 1, 12)).kind == "not-sure"
    answer = engine.ask("when was cfh last inspected by ofsted", dt.date(2025, 1, 12))
    assert "10 September" in render(answer, show_sources=False)


def test_the_words_before_priority_name_it_and_kids_are_children(engine: Engine) -> None:
    """ "2021-24 biz plan - which priority covers kids without access to education?": "kids" and "without" were
    words no priority holds, so "not sure"; Priority One names "children who do not have access to education".
    "HSB priority ... kids with special needs" is Priority Two (P2.1), named by "HSB", not Priority 4 (whose text
    has "special educational needs")."""
    answer = engine.ask(
        "2021-24 biz plan - which priority covers kids without access to education?", dt.date(2021, 6, 9)
    )
    assert answer.text.startswith("Priority One")
    answer = engine.ask(
        "HSB priority in the 2021-24 plan - does it mention kids with special needs at all", dt.date(2021, 6, 1)
    )
    assert "P2.1" in render(answer, show_sources=False) and "children with special needs" in render(answer)
    answer = engine.ask(
        "under the exploitation priority is there anything about going after the perpetrators", dt.date(2021, 6, 1)
    )
    assert "perpetrators" in render(answer, show_sources=False)


def test_when_minutes_come_out_is_not_the_meetings_date(engine: Engine) -> None:
    """ "when will the minutes of the 14 jan 2025 panel be published" gave the meeting's date as if it answered."""
    answer = engine.ask("when will the minutes of the 14 jan 2025 panel be published", dt.date(2025, 1, 15))
    assert answer.kind == "not-sure" and "published" in answer.text


def test_a_full_overdue_list_is_the_overdue_list(engine: Engine) -> None:
    """ "full overdue list for the county iicsa plan please" said "No: the step 'Full progress report ...' of County
    Action 7 is complete": "full" matched that step's words."""
    answer = engine.ask("full overdue list for the county iicsa plan please", dt.date(2020, 6, 15))
    assert answer.kind == "overdue" and "Action 7" not in render(answer, show_sources=False)


def test_the_question_after_the_dash_is_what_is_asked(engine: Engine) -> None:
    """ "where are we with the county iicsa plan - what is overdue right now?" got the plan's progress summary."""
    answer = engine.ask("where are we with the county iicsa plan - what is overdue right now?", dt.date(2020, 6, 15))
    assert answer.kind == "overdue"


def test_more_ways_of_putting_a_question(engine: Engine) -> None:
    """ "where online can care leavers find the local offer" (where it is published), "..., for the scrutiny q"
    (why it is asked), "did any end in a prosecution" (no date asked: it listed nothing falling due in 2023),
    "which priority has the section 11 audit sitting under it" ("sitting" is how it is put)."""
    answer = engine.ask("where online can care leavers find the local offer", dt.date(2024, 11, 6))
    assert "Notts Help Yourself" in render(answer, show_sources=False)
    assert (
        "scrutiny"
        not in parse(engine, "who's leading the foster carer review, for the scrutiny q", dt.date(2019, 11, 25)).raw
    )
    answer = engine.ask("non recent allegations last year, did any end in a prosecution", dt.date(2024, 12, 4))
    assert "fell due" not in answer.text
    answer = engine.ask("biz plan - which priority has the section 11 audit sitting under it", dt.date(2021, 7, 1))
    assert answer.text.startswith("Priority Seven")
    assert "due" in parse(engine, "does the review finish by march", dt.date(2020, 1, 10)).intents


def test_where_a_fact_was_read_is_no_topic(engine: Engine) -> None:
    """ "when's the next children in care council meeting, the october minutes mentioned it" and "what did ofsted say
    about the local offer for care leavers, it was mentioned in the oct minutes" got item 3 of the January agenda
    (the October minutes themselves); the minutes say what was asked. "what do the minutes say about X" still asks
    the minutes."""
    answer = engine.ask(
        "when's the next children in care council meeting, the october minutes mentioned it", dt.date(2024, 10, 25)
    )
    assert "2nd December" in render(answer, show_sources=False)
    answer = engine.ask(
        "what did ofsted say about the local offer for care leavers, it was mentioned in the oct minutes",
        dt.date(2024, 11, 1),
    )
    assert "ambitious, accessible and well promoted" in render(answer, show_sources=False)
    q = parse(engine, "what do the minutes say about the borough and district councils report", dt.date(2024, 11, 20))
    assert "borough" in q.topic_words


def test_more_times_and_words_read_as_people_mean_them(engine: Engine) -> None:
    """ "when did the panel last sit before january?" (the October meeting; "sit" is meet), "what's the persistent
    absence rate for looked after children" (school absence, not apologies at a meeting), "county plan, what's due
    next month - its june 2020 now" (July), "... next month before the spring term starts" (January: a school term,
    not the season), "lado phone number?" (the papers give none: said first)."""
    answer = engine.ask(
        "when did the panel last sit before january? want the minutes for our reg 44 folder", dt.date(2024, 12, 2)
    )
    assert "15 October 2024" in answer.text
    assert (
        parse(
            engine, "what's the persistent absence rate for looked after children in notts", dt.date(2024, 11, 1)
        ).attribute
        != "apologies"
    )
    q = parse(engine, "county plan, what's due next month - its june 2020 now", dt.date(2020, 6, 5))
    assert q.window is not None and q.window.start == dt.date(2020, 7, 1)
    q = parse(engine, "what is due in the county plan next month before the spring term starts", dt.date(2019, 12, 20))
    assert q.window is not None and q.window.start == dt.date(2020, 1, 1)
    answer = engine.ask("lado phone number? would rather ring than email", dt.date(2025, 1, 16))
    assert answer.text.startswith("I'm not sure of a number") and "Hazel McKibbin" in answer.text


def test_the_foreword_writer_for_health_is_the_nhs_bodys(engine: Engine) -> None:
    """ "who signed the annual report foreword for health": of the foreword's three writers (council, police, CCG),
    the CCG's; "health" is no word of the CCG's name, so no writer was picked and the heading was quoted."""
    answer = engine.ask("who signed the 19/20 city annual report foreword for health", dt.date(2020, 10, 10))
    assert answer.kind == "person" and answer.text.startswith("Rosa Waddingham")


def test_an_abbreviations_words_are_one_helper_and_its_memo_is_bounded() -> None:
    """The spell-out of an abbreviation was written five times; `spelled_words` / `spelled_in` replace them. Its memo
    holds abbreviations only: a stream of a user's other words cannot grow it."""
    from knowledge import text

    assert text.spelled_words("hsb") == frozenset(text.content_words("harmful sexual behaviour"))
    assert text.spelled_in("hsb", set(text.content_words("harmful sexual behaviour audit")))
    assert not text.spelled_in("hsb", {"audit"}) and not text.spelled_in("audit", {"audit"})
    before = len(text._SPELLED)
    for n in range(500):
        text.spelled_words(f"word{n}")
    assert len(text._SPELLED) == before
