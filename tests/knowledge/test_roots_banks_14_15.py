"""Root fixes for the committee and passage answers the fourteenth and fifteenth banks found wrong or unsure on
their first grade (each written by new users who never saw the engine), tested in wording of our own against the
bundled knowledge base."""

from __future__ import annotations

import datetime as dt

from bot.render_text import render
from knowledge.answers_papers import defined_term
from knowledge.engine import Engine
from knowledge.passages import answer_kind
from knowledge.query import parse, without_asker, without_why

PANEL = dt.date(2025, 1, 9)
CITY = dt.date(2020, 9, 20)


def test_a_mobile_is_a_phone_number(engine: Engine) -> None:
    """ "her mobile?" had no contact cue: the person's whole card came back (what they lead, their items) instead
    of the contact answer, which says plainly that no number is given."""
    q = parse(engine, "hannah johnson mobile", PANEL, None, None, 0)
    assert "contact" in q.intents and q.attribute == "phone"
    answer = engine.ask("got a mobile for rachel miller?", PANEL)
    assert answer.kind == "contact" and "give no email or phone number" in answer.text


def test_putting_ones_name_to_a_paper_is_signing_it(engine: Engine) -> None:
    """ "who put their name to the HSB review" asks the signatory, not which item the paper is."""
    q = parse(engine, "which officer has put her name to the HSB review", PANEL, None, None, 0)
    assert q.attribute == "signatory"
    answer = engine.ask("who put their name to item 8 at the january panel?", PANEL)
    assert "signed by Rachel Miller" in answer.text


def test_a_percentage_question_wants_a_figure() -> None:
    for asked in (
        "what % of care leavers are in education",
        "what percent of referrals came from schools",
        "which proportion of homes were rated good",
    ):
        assert answer_kind(asked) == "number", asked


def test_a_passage_without_a_figure_does_not_answer_what_percent(engine: Engine) -> None:
    """A passage saying a rate went up ("a significant increase in ...") gives no percentage: not sure."""
    answer = engine.ask("what % of looked after children in notts got health assessments in time", PANEL)
    assert answer.kind in ("not-sure", "not-found"), answer.text


def quoted(answer) -> str:
    return " ".join(line for item in answer.items for line in item.lines)


def test_words_naming_the_part_do_not_hide_the_heading_asked_about(engine: Engine) -> None:
    """ "annual report 19/20: what has the ccg achieved": the CCG, the annual report and the year say where to look;
    what is asked is the section's heading ("Achievements - What we have achieved"), so the whole short list under
    it answers, not the one item of it that happens to name the CCG again."""
    answer = engine.ask("partnership annual report 19/20: what has the ccg achieved", CITY)
    said = quoted(answer)
    assert "single safeguarding team" in said and "ICS work-streams" in said and "SCAT piloted" in said
    # the difference it made is another heading of the same part: that list, not the achievements
    impact = quoted(
        engine.ask("in the 2019/20 partnership annual report what difference did the CCG say its work had made", CITY)
    )
    assert "subject experts" in impact and "SCAT piloted" not in impact


def test_a_council_that_is_no_local_authority_is_another_group(engine: Engine) -> None:
    """ "did the youth council meet before the panel": the group asked about is the council, not the panel, whose
    date was given as if it answered. A county or city council's panel is still the panel."""
    other = engine.ask("did the youth council meet before the january panel?", PANEL)
    assert other.kind != "meeting" and "Corporate Parenting Panel meets on" not in other.text
    own = engine.ask("when does the county council's corporate parenting panel meet next?", PANEL)
    assert own.kind == "meeting" and "next meets on Tuesday 14 January 2025" in own.text


def test_a_month_may_be_the_date_of_the_minutes_a_passage_is_in(engine: Engine) -> None:
    """ "before the october panel": the minutes of the October meeting are dated October in their title; their
    paragraph need not repeat the month (a paper dated January that holds them does not count)."""
    answer = engine.ask(
        "children in care council: did it meet before the october panel, and when is the next one", PANEL
    )
    assert answer.kind == "passage" and "scheduled for 2nd December" in quoted(answer)


def test_an_asker_set_apart_by_a_dash_is_not_what_is_asked(engine: Engine) -> None:
    """ "social workers are asking - where is tuesday's panel held": who asks, set apart by a dash or a colon, is not
    the question; "held" at the end then read it as "has it been held" (a status). Without the dash, words such as
    "children asking whether ..." may be what is asked about, and stay."""
    assert without_asker("social workers are asking - where is tuesday's panel held") == "where is tuesday's panel held"
    assert without_asker("foster carers keep asking: when is the next panel").startswith("when is")
    assert without_asker("children asking whether they can see their files").startswith("children")
    answer = engine.ask("social workers are asking - where is tuesday's panel being held", dt.date(2025, 1, 10))
    assert answer.kind != "not-sure" and "County Hall" in answer.text


def test_why_it_is_asked_at_the_end_is_not_what_it_is_about(engine: Engine) -> None:
    """ "..., for the audit trail": "audit" named no group the panel is, so the meeting's closing time was refused."""
    assert (
        without_why("when did the october panel finish, for the audit trail?") == "when did the october panel finish?"
    )
    assert without_why("who were the apologies at the last panel - just for my notes") == (
        "who were the apologies at the last panel"
    )
    # a clause that is what is asked about stays: "the tracker" here is the topic
    assert without_why("who owns the tracker for the records") == "who owns the tracker for the records"
    answer = engine.ask("when did the october panel finish, for the audit trail?", PANEL)
    assert "3:55pm" in answer.text


def test_who_wants_to_see_the_papers_is_not_what_the_note_is_about(engine: Engine) -> None:
    """ "a cllr / one of our adopters wants to look at the background papers": the words naming who wants them
    ("councillor", "adopters") counted against the agenda note on inspecting background papers."""
    for asked in (
        "my local cllr would like to look at the background papers - who do they ring?",
        "a group of adopters want to inspect the background papers, what's the phone number",
    ):
        answer = engine.ask(asked, PANEL)
        assert answer.kind == "contact" and "0300 500 80 80" in answer.text, asked


def test_hedges_of_how_far_or_how_often_name_no_topic(engine: Engine) -> None:
    """ "so far", "at some point", "every single": words of hedging, not of what is asked; "far", "point" and
    "single" were topics no work-programme item carries, so the answer was "lists nothing like that"."""
    day = dt.date(2025, 1, 16)
    assert "far" not in parse(engine, "april panel - what's lined up for it so far", day, None, None, 0).topic_words
    april = engine.ask("what items are on the april agenda so far", day)
    assert "Inspection gradings" in april.text or any("Inspection gradings" in i.title for i in april.items)
    later = engine.ask("will the panel get the adoption performance report at any point in 2025?", day)
    assert "8 July 2025" in later.text + quoted(later)
    standing = engine.ask("what goes to every single meeting of the panel", day)
    assert "Visits schedule and observations from visits" in [i.title for i in standing.items]


def test_an_everyday_acronym_the_papers_never_define_is_spelled_out(engine: Engine) -> None:
    """ "the QA group": the papers write "QA subgroup" but never define QA; the paragraph on how often it meets says
    "Quality Assurance ... audit group". "How many times a year" asks a frequency, not a count."""
    assert answer_kind("how many times a month does the network meet") == "frequency"
    answer = engine.ask("QA audit group: how regularly does it get together?", CITY)
    assert answer.kind == "passage" and "8 times per year" in quoted(answer)


def test_what_is_x_with_a_hedge_or_a_lead_in_is_still_asking_what_x_is(engine: Engine) -> None:
    """ "what's the SLG exactly?", "new to this - what's the SLG?": the hedge and the lead-in kept the question from
    reading as "what is X", and their words kept any paragraph from carrying all of it: not sure."""
    assert defined_term("new to this   what s the slg exactly") == "slg"
    assert defined_term("what is mace  in plain terms") == "mace"
    assert defined_term("fostering agencies   what s in the plans") is None  # what the plans hold, not a name
    for asked in ("new to this - what's the SLG exactly?", "what is MACE, in plain terms?"):
        answer = engine.ask(asked, dt.date(2025, 1, 20))
        assert answer.kind == "passage", asked
    assert "The Strategic Leadership Group (SLG)" in quoted(engine.ask("new to this - what's the SLG exactly?", CITY))


def test_an_alised_word_matches_its_adjective(engine: Engine) -> None:
    """The papers' "CCE/Contextualised Safeguarding" conference: asked about "contextual safeguarding" (or with the
    American spelling) the stemmer kept the two apart, and the paragraph with its attendance fell short."""
    for asked in (
        "numbers at the contextual safeguarding conference - how many people attended?",
        "how many attended the contextualized safeguarding conference",
    ):
        answer = engine.ask(asked, CITY)
        assert answer.kind == "passage" and "350 people" in quoted(answer), asked


def test_re_for_regarding_is_no_word_to_match(engine: Engine) -> None:
    """ "findings re medicals": "re" (regarding) weighed as a rare word no paragraph holds."""
    assert "re" not in [t.word for t in engine.passage_index.terms("QA sexual abuse audit findings re medicals?")]
    answer = engine.ask("QA sexual abuse audit findings re medicals?", CITY)
    assert answer.kind == "passage" and "child protection medicals" in quoted(answer)


def test_the_minutes_of_a_meeting_named_with_its_year(engine: Engine) -> None:
    """ "the 15 october 2024 minutes - were they signed off?": the year between the month and "minutes" kept them
    from reading as the minutes of that meeting; the question read as which minutes that meeting confirmed."""
    answer = engine.ask("were the 15 october 2024 minutes signed off?", dt.date(2025, 1, 20))
    assert answer.kind != "not-sure" and "15 October 2024" in answer.text
    assert "item 3 was the MINUTES OF THE LAST MEETING HELD ON 2 JULY 2024" not in answer.text


def test_a_list_items_neighbours_do_not_lend_it_their_words(engine: Engine) -> None:
    """A rule let a word only a bulleted item's neighbours hold count for half of its weight; it let the county HSB
    review's list of commitments answer a question about the city's HSB action plan, which it does not (found by
    the seventeenth bank, unseen). Removed: an item answers with its own words; here the honest reply is not sure."""
    answer = engine.ask("which areas will the city's harmful sexual behaviour action plan focus on", CITY)
    assert answer.kind != "passage" or "Nottinghamshire Corporate Parenting Panel" not in render(answer).split("\n")[0]
