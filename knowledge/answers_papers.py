"""Answers from the words of the records and the papers: topic search, narrative passages, and the
honest "not sure" when nothing answers well enough."""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from knowledge import describe as d
from knowledge import reply as r
from knowledge.answer import Answer, Item, Subject
from knowledge.answers_tables import table_answer
from knowledge.dates import MONTHS
from knowledge.describe import action_label, short
from knowledge.lazyre import lazy
from knowledge.models import Source
from knowledge.text import content_words, fold, written_names

if TYPE_CHECKING:
    from knowledge.engine import Engine
    from knowledge.models import Paper, Passage
    from knowledge.query import Query

# "who is the LADO", "who are Lime Culture" (not "who is sponsoring ...": that asks about a record's field)
ASKS_WHO = lazy(r"^(whos|who s|who is|who are)\s+(?!\w+ing\b)")
TOPIC_FLOOR = 0.75  # share of the question's word weight a record must cover when the question asks for a topic
FALLBACK_FLOOR = 0.9  # ... and when nothing in the question says what is asked


def topic(q: Query, e: Engine) -> Answer | None:
    """ "actions on harmful sexual behaviour": records whose words cover the question's."""
    words = q.topic_words
    if FITS_IN.search(q.folded):  # "where does SUDI come into the business plan": SUDI, not "come"
        words = tuple(w for w in words if w not in FIT_VERBS) or words
    if not words:
        return None
    if WHERE_FOUND.search(q.folded):  # "where can i find the local offer online": where it is, which a paper says
        return e.passage_answer(q)
    hits = r.search(q, e, words)
    if not hits or hits[0].score < TOPIC_FLOOR:
        return None
    return r.topic_search(q, e, words)


# "where can i find / see / read X (online)": where it is published, which the records found by its words do not say
WHERE_FOUND = lazy(
    r"\bwhere (can|could|do|does|would|should|might) (i|we|you|they|people|someone|anyone|members|carers|young people) "
    r"(find|see|view|read|get|access|look at|download)\b"
    # "where online can care leavers find the local offer"
    r"|\bwhere\b(?: \w+){0,2} (can|could|do|does|would|should|might)(?: \w+){1,3} "
    r"(find|see|view|read|access|download)\b"
)
FITS_IN = lazy(r"\bwhere (does|do|did|is|are)\b")
FIT_VERBS = frozenset(
    content_words("come comes coming fit fits feature features appear appears figure figures sit sits")
)


def narrative(q: Query, e: Engine) -> Answer | None:
    """A question whose answer is a sentence in the papers: the best passage, quoted, with its source.

    When no passage answers, say so plainly (and offer the nearest passages' places), never a guess.
    """
    found = e.passage_answer(q)
    if found is not None and ASKS_REPORT_OUTCOME.match(q.folded) and _from_a_plan(e, found):
        # "what did the reviewer's report end up recommending": a plan's own row for the review is not what the
        # report found; say so, and show the row
        text = "I'm not sure: the papers do not say what that found or recommended. The nearest they say:"
        return r.answer_of(q, "not-sure", text, list(found.items))
    if found is not None or e.passage_index is None:
        return found
    hits = e.passage_index.search(q.raw, limit=3, papers=allowed_papers(q, e))
    places = tuple(f"{h.cite()}" for h in hits[:2])
    return r.answer_of(
        q,
        "not-sure",
        "I could not find a passage in the papers that answers that, so I won't guess.",
        notes=(("The nearest passages are in: " + "; ".join(places) + ".") if places else "",)[: 1 if places else 0],
    )


def allowed_papers(q: Query, e: Engine) -> set[str] | None:
    """The papers this audience may read: not the source document of a plan it may not see."""
    if not q.hidden:
        return None
    hidden_seeds = {e.kb.plans[p].source.seed for p in q.hidden}
    return {pid for pid, paper in e.kb.papers.items() if paper.seed not in hidden_seeds}


def passage_item(paper: Paper, passage: Passage, said: str, source_quote: str | None = None) -> Item:
    """One quoted paragraph as an answer item: what is quoted of it, its place, and its source."""
    from knowledge.passages import plain

    quote = source_quote or short(plain(passage.text), 120)
    return Item(
        "passage",
        paper.cite(passage),
        (f"\u201c{said}\u201d",),
        {"paper": paper.id, "passage": passage.id},
        Source(paper.seed, quote, passage.location),
    )


def passage_answer(q: Query, e: Engine, strict: bool = False, within: frozenset[str] | None = None) -> Answer | None:
    """The passage that answers the question, quoted with its document and place; None when none does.
    `within`: only passages of these papers (ids)."""
    index = e.passage_index
    if index is None:
        return None
    if within is not None:
        allowed = allowed_papers(q, e)
        papers = within if allowed is None else within & allowed
        if not papers:
            return None
        return _passage_answer(q, e, strict, papers)
    papers = allowed_papers(q, e)
    figure = table_answer(q, e, papers)
    if figure is not None:
        return figure  # "LADO advice total for 23/24": the table's cell, not the paragraph the table ran into
    found = _passage_answer(_without_source(_without_follow_on(q)), e, strict, papers)
    if found is not None and NAME_ASKED.search(q.folded) and not _names_a_person(e, found):
        return None  # "... the cabinet member for children and families - what's their name": the post alone is no name
    asks_sum = AMOUNT_ASKED.search(q.folded) or (
        ("%" in q.lower or "percent" in q.lower) and (RATE_ASKED.search(q.lower) or RATE_NAMED.search(q.lower))
    )
    if found is not None and asks_sum and not _gives_a_figure(found):
        return None  # "what's the notts fostering allowance for 2025": a paragraph about the allowance, with no sum
    return found


# "how much is ...", "what's the fostering allowance", "the budget for ...": a sum of money is asked for
AMOUNT_ASKED = lazy(
    r"\bhow much\b|\bwhat(?: is| s|s| was| will)? (?:the |their |our |its )?(?:[\w-]+ ){0,3}"
    r"(?:allowance|allowances|budget|cost|costs|fee|fees|price|amount|salary|pay|funding|grant)\b"
)
# "what % of PEPs were completed in timescale": a rate (read from the question as typed: folding drops "%")
RATE_ASKED = lazy(r"\bwhat ?(?:%|percent\b|percentage\b)")
# "whats the school attendance % for children in care": a rate named after its thing
RATE_NAMED = lazy(r"\w\s?%(?!\w)|\b(?:percentage|percent) (?:for|of|rate)\b")


def _gives_a_figure(answer: Answer) -> bool:
    """Whether the passage quoted gives a sum or a rate ("£250,000", "42%", "£12 a week"; not "RESOLVED 2024/036")."""
    return any(_SUM.search(line) for item in answer.items[:1] for line in item.lines)


_SUM = lazy(
    r"£\s?\d|\b\d[\d,.]*\s*(?:%|per cent|percent|pounds|k\b|m\b|million|per\b|a (?:week|year|month|day))",
    re.IGNORECASE,
)


# "what are the priorities for 2020/21? is mental health one of them?": a yes/no question going on about the answer
# to the first, which the quoted answer lets the reader settle; the passage is searched for the first alone
_FOLLOW_ON_ASKED = lazy(
    r"^\s*(?:and\s+)?(?:is|are|was|were|does|do|did|has|have)\b.*\b(?:them|it|they|those|that|these|one)\b[^?]*\?\s*$"
)


def _without_source(q: Query) -> Query:
    """The question without where the asker read it ("..., going by the oct minutes"): the papers are searched for
    what is asked ("oct", written nowhere in the minutes, had kept their paragraph from answering)."""
    from knowledge.query import SOURCE_CLAUSE

    lowered = q.raw.lower()
    m = SOURCE_CLAUSE.search(lowered) if "minutes" in lowered or "papers" in lowered or "pack" in lowered else None
    if m is None or m.start() < 12:
        return q
    return replace(q, raw=(q.raw[: m.start()] + " " + q.raw[m.end() :]).strip())


def _without_follow_on(q: Query) -> Query:
    head, mark, tail = q.raw.partition("?")
    if not mark or len(head.split()) < 4:
        return q
    if _FOLLOW_ON_ASKED.match(tail) or _STATEMENT_TAIL.match(tail):
        return replace(q, raw=head + "?")
    return q


# "what date is exploitation day 2024? tce plan says the conference is on it": what the asker has read, after the
# question, is no part of what is asked (its words found the plan's row, which gives no date); a tail that asks
# something of its own ("...? who leads it"), or narrows the question ("...? the county one"), is not this
_STATEMENT_TAIL = lazy(
    r"^\s*(?!.*\b(?:who|what|when|which|where|how|why)\b)"
    r"(?:[\w'/-]+\s+){1,4}(?:says?|said|mentions?|mentioned|told me|reckons?|thinks?|thought)\b[^?]*$"
)


# "the city", "city council": Nottingham City; "the county", "notts county": Nottinghamshire ("county lines" is neither)
def _other_place(q: Query, hit) -> bool:
    """The question asks about one council (the city, the county) and the paragraph is from a paper about the other
    that does not name the one asked ("how many LADO referrals did the city get": the county's LADO table)."""
    return r.of_other_council(r.council_asked(q.folded), fold(hit.paper.title), fold(_said(hit.quoted)))


# "what did they do about staffing in the MASH", "which audits did the QA group complete": work done, which a
# report's 'Activity' or 'Achievements' says, not its 'priorities/focus', 'Aims and purpose' or 'Next Year'
DONE_ASKED = lazy(
    r"\b(?:what|which|how many) (?:\w+ ){0,4}(?:did|have|has) (?:\w+ ){0,4}(?:do|done|complete|completed|achieve|"
    r"achieved|deliver|delivered|carry out|carried out|get through|undertake|undertaken|finish|finished)\b"
    r"|\bwhat happened (?:with|to|about) .*\b(?:in the end|eventually|finally|after all)\b"  # "... in the end?"
    # "what did the QA subgroup audit in 19-20", "what has the panel reviewed": the work named by its own verb
    r"|^\s*(?:what|which) (?:\w+ )?(?:did|have|has) (?:the |they |we |it )?(?:\w+ ){0,3}(?:audit|audited|review|"
    r"reviewed|inspect|inspected|look at|looked at|examine|examined)\b"
)
_DONE_HEADING = lazy(
    r"\b(?:activit(?:y|ies)|achiev\w*|what we (?:did|have done|have achieved)|delivered|completed)\b", re.I
)
_PLANNED_HEADING = lazy(r"\b(?:priorit\w*|focus|future|next year|aims?|purpose|objectives?|plans?|membership)\b", re.I)


def _heading_class(hit) -> int:
    """0: the heading says work done; 2: it says work planned or what the group is; 1: neither."""
    heading = hit.passage.section or ""
    if _PLANNED_HEADING.search(heading):
        return 2
    return 0 if _DONE_HEADING.search(heading) else 1


def _what_was_done(q: Query, index, papers, best):
    """For a question what was done: of the best few paragraphs of the same part, one under a heading of work done
    carrying nearly as many of the question's words as the best (a plan for the work may use a word its report
    of the work does not). Asked by the work's own verb ("what did the QA subgroup audit") or for the things done
    ("which audits did QA finish"), a list under such a heading whose lead-in names that work ("Audit activity
    has included- - Neglect - ...") is the answer, unless the paragraph chosen leads into that list already."""
    from knowledge.passages import LISTS_NEXT, plain

    chosen = _done_paragraph(q, index, papers, best)
    verb = _DONE_VERB.search(q.folded) or _WHICH_THINGS.search(q.folded)
    if verb is None or any(LISTS_NEXT.match(plain(p.text)) for p in chosen.quoted):
        return chosen
    stem = verb.group(1)[:5]
    listed = [
        h
        for h in index.search(q.raw, limit=DEEPER, papers=papers)
        if h.passage.part == best.passage.part
        and h.passage.paper == best.passage.paper
        and _heading_class(h) == 0
        and h.coverage >= best.coverage - DONE_SLACK
        and (lead := LISTS_NEXT.match(plain(h.passage.text))) is not None
        and stem in lead.group(0).lower()
    ]
    # (a paragraph of the list's own section leads into it: "three multi-agency audits were completed.")
    return listed[0] if listed and listed[0].passage.section != chosen.passage.section else chosen


def _done_paragraph(q: Query, index, papers, best):
    if _heading_class(best) == 0:
        return best
    found = [
        h
        for h in index.search(q.raw, limit=DEEPER, papers=papers)
        if h.passage.part == best.passage.part
        and h.passage.paper == best.passage.paper
        and _heading_class(h) < _heading_class(best)
        and h.coverage >= best.coverage - DONE_SLACK
    ]
    return max(found, key=lambda h: (-_heading_class(h), h.coverage, h.score)) if found else best


# "what did the partnership say it would focus on in 2020/21": the plans for a period, which a section headed with
# that period and a word of plans says ("Priorities for 2020/21"), not a paragraph naming the period in passing
PLANS_ASKED = lazy(
    r"\b(would|will|going to|plans? to|planning to|intends? to|aims? to|meant to|set out to) (\w+ ){0,2}(focus|"
    r"prioriti[sz]e|concentrate|work on|do|deliver|achieve|tackle)\b"
    r"|\b(priorities|objectives|plans|aims) (for|in) (the )?(year )?(19|20)?\d\d\b"  # "its priorities for 2020/21"
)


PLANS_SLACK = 0.45  # the question's verb of plans ("focus on", weighty) is what the heading says as "Priorities"
_PLACE_WORDS = frozenset(content_words("nottingham nottinghamshire city county council notts"))


def _planned_section(q: Query, e: Engine, index, papers, best) -> Answer | None:
    """Of the paragraphs nearly as good as the best, one under a heading of plans that names the period asked; the
    whole section quoted (the list of plans), the paper's own part before an agency's section of the same name."""
    from knowledge.passages import periods

    asked = periods(q.raw)
    if not asked:
        return None
    found = [
        h
        for h in index.search(q.raw, limit=DEEPER + 4, papers=papers)
        if h.passage.section
        and _PLANNED_HEADING.search(h.passage.section)
        and set(periods(h.passage.section)) & set(asked)
        and h.coverage >= best.coverage - PLANS_SLACK
        and not _other_place(q, h)
    ]
    if not found:
        return None

    asked_words = set(content_words(q.folded)) - _PLACE_WORDS

    def rank(h) -> tuple[bool, bool, float]:
        """A part the question names ("what will the CCG focus on"), then the paper's own part (not an agency's
        section of the same name), then the words carried."""
        part = h.paper.part(h.passage.part)
        title = part.title if part is not None else ""
        return (bool(asked_words & set(content_words(title))), title == h.passage.section, h.coverage)

    chosen = max(found, key=rank)
    return whole_section(q, chosen.paper, chosen.passage, least=1)


# "what did the QA subgroup audit": the verb that names the work; "which multi agency audits did QA finish": the
# things asked for - either names a list's lead-in ("Audit activity has included-")
_DONE_VERB = lazy(
    r"^\s*(?:what|which) (?:\w+ )?(?:did|have|has) (?:the |they |we |it )?(?:\w+ ){0,3}(audit|review|inspect|examine)"
)
_WHICH_THINGS = lazy(r"^\s*(?:which|what) (?:\w+ ){0,3}?(\w{4,}?)s (?:did|have|has|were)\b")
DONE_SLACK = 0.35  # a paragraph of work done may miss a word the plan for it used ("staffing")


def _passage_answer(q: Query, e: Engine, strict: bool, papers) -> Answer | None:
    index = e.passage_index
    assert index is not None
    from knowledge.passages import answer_kind

    term = defined_term(q.folded)
    if term is not None:  # "what's imara": only a passage that says what it is answers, not one that names it
        # searched for the thing alone, as written ("CaRE"), without the hedges and lead-in around it
        written = re.search(r"\b" + r"\W+".join(re.escape(w) for w in term.split()) + r"\b", q.raw, re.IGNORECASE)
        asked = f"what is {written.group(0) if written else term}"
        hits = index.search(asked, limit=DEFINE_SCAN, papers=papers)
        answering = [h for h in hits if h.coverage >= MIN_DEFINE_COVER and defines(term, _said(h.quoted), asked)][:1]
    else:
        hits = index.search(q.raw, limit=3, papers=papers)
        answering = [h for h in hits if h.answers]
        if not answering and hits and answer_kind(q.raw) is not None:
            answering = _deeper(q, e, hits, papers)
        elif answering and answer_kind(q.raw) == "number" and not any(h.counted for h in answering):
            # "how many rapid reviews": a paragraph a little further down with a count next to the thing counted
            # ("Four reviews completed"), matching as much of the question, over the best three that count nothing
            floor = max(h.coverage for h in answering)
            further = index.search(q.raw, limit=DEEPER, papers=papers)[len(hits) :]
            counted = [h for h in further if h.answers and h.counted and h.coverage >= floor][:1]
            # "how many county schools came to the events": a count of something else ("seven ... localities")
            # does not say how many of the things named came
            answering = counted or ([] if _COUNTED_ATTENDING.search(q.folded) else answering)
            if not counted and _HOW_MANY.search(q.folded):
                # "how many referrals did the city MASH get": "two Safeguarding Practitioners ... to support
                # referrals" counts other things; a paragraph that gives no count or total of what is asked
                answering = [h for h in answering if _gives_count(q, _said(h.quoted))]
        elif answering and answer_kind(q.raw) == "number":
            # a paragraph a little further down that counts as well, holding as much of the question: the figure
            # may stand in one sentence with the words there (a table row), which figure_share prefers below
            floor = max(h.coverage for h in answering)
            further = index.search(q.raw, limit=DEEPER, papers=papers)[len(hits) :]
            answering += [h for h in further if h.answers and h.counted and h.coverage >= floor][:2]
    answering = [h for h in answering if not _other_place(q, h)]
    if not answering:
        return None
    # of answering paragraphs scored close to the best, the one that carries more of the question's words
    close = [h for h in answering if h.score >= answering[0].score * CLOSE_SCORE]
    # (in its own words first, then for "how many" with a count just before the thing counted: "Four reviews")
    if answer_kind(q.raw) == "number" and len(close) > 1:  # the figure stands in one sentence with the words
        share = {id(h): index.figure_share(q.raw, h.quoted) for h in close}
        best = max(close, key=lambda h: (h.coverage, share[id(h)], h.literal, h.counted, h.score))
    elif answer_kind(q.raw) == "frequency" and len(close) > 1:  # "the DSL network", not the Early Years one
        plain_name = {id(h): not index.qualified(q.raw, h.quoted) for h in close}
        best = max(close, key=lambda h: (h.coverage, plain_name[id(h)], h.literal, h.counted, h.score))
    else:
        best = max(close, key=lambda h: (h.coverage, h.literal, h.counted, h.score))
    if term is None and DONE_ASKED.search(q.folded):
        best = _what_was_done(q, index, papers, best)
    elif term is None and PLANS_ASKED.search(q.folded):
        planned = _planned_section(q, e, index, papers, best)
        if planned is not None:
            return planned
    month = bool(NEXT_WHEN.search(q.folded))
    if term is None and UPCOMING_WHEN.search(q.folded) and not names_date_from(_said(best.quoted), q.today, month):
        # "when's the conference happening": a paragraph dating it only before today does not say when it is
        upcoming = [
            h
            for h in index.search(q.raw, limit=DEEPER + 4, papers=papers)
            if h.answers and h.coverage >= best.coverage and names_date_from(_said(h.quoted), q.today, month)
        ]
        if not upcoming:
            return None
        best = upcoming[0]
        answering = [best]
    if q.month is not None and PAST_EVENT.search(q.folded) and _only_ahead(_said(best.quoted), q.month):
        return None  # "what happened at the meeting on 2nd december": a paper looking ahead to it cannot say
    answering = [best] + [h for h in answering if h is not best]
    if strict and best.coverage < _strict_floor(q):
        return None
    quoted = {p.id for p in best.quoted}
    shown = [best] + [
        h
        for h in answering[1:2]
        if h.score >= best.score * 0.9 and not quoted & {p.id for p in h.quoted} and h.fit >= best.fit
    ]
    # each paragraph quoted (a paragraph stored as several passages is quoted whole, or by its sentences
    # that match, elided with "…"), with its own place
    items = [passage_item(hit.paper, passage, excerpt) for hit in shown for passage, excerpt in hit.excerpt]
    items += _referred_paragraphs(shown, quoted)
    text = f"The papers say ({best.paper.cite(best.excerpt[0][0]) if best.excerpt else best.cite()}):"
    writer = _writer_from(q, e, best.passage.section)
    if writer is not None:  # "who signed the annual report foreword for the CCG": the one of its writers from there
        return _writer_answer(q, e, best, writer)
    return r.answer_of(q, "passage", text, items)


def _writer_answer(q: Query, e: Engine, best, writer) -> Answer:
    """The writer from the organisation asked, with their card; the part named, not its heading (which names the
    other writers too)."""
    person, org = writer
    part = best.paper.part(best.passage.part)
    where = best.paper.title + (f", {part.title}" if part is not None and part.title else "")
    text = f"{person.name} ({org.name}): of the writers the heading names ({where}), the one from there."
    return r.answer_of(q, "person", text, [d.person_item(e.kb, person)], subject=Subject("person", (person.id,)))


def _writer_from(q: Query, e: Engine, heading: str | None):
    """Of the people a heading names as its writers ("Foreword from Catherine Underwood, Craig Guildford and Rosa
    Waddingham"), the one from the organisation the question names ("... for the CCG"): (person, organisation), or
    None. The answer gives that person, not the heading, which names the others too."""
    if not heading or not WRITERS_HEADING.match(heading) or not WHO_OPENS.match(q.folded):
        return None
    asked = set(content_words(q.raw))
    found = []
    for pid, _ in e.names.people_in(fold(heading), heading):
        person = e.kb.people[pid]
        org = e.kb.organisations.get(person.organisation or "")
        if org is None:
            continue
        names = " ".join((org.name, *org.aliases))
        named_by = set(content_words(names)) - _PLACE
        if _HEALTH_BODY.search(names):  # "the foreword for health": of the writers, the one from the NHS body
            named_by |= _HEALTH_WORDS
        if asked & named_by:
            found.append((person, org))
    return found[0] if len(found) == 1 else None


_HEALTH_BODY = lazy(r"\b(?:CCG|NHS|Clinical Commissioning|Health|Healthcare|Integrated Care)\b")
_HEALTH_WORDS = frozenset(content_words("health nhs"))
WRITERS_HEADING = lazy(r"^(?:[A-Z]\w+\s+)?(?:[Ff]rom|[Bb]y)\s+[A-Z]")  # "Foreword from Catherine Underwood, ..."
WHO_OPENS = lazy(r"^\s*(?:who|whos|who s|which)\b")
_PLACE = frozenset(content_words("nottingham nottinghamshire city county council and"))


# "what happened at the meeting on 2nd december", "how did the march event go": an event that has taken place
PAST_EVENT = lazy(
    r"\bwhat (happened|went on|took place|came out of|was (said|discussed|decided|agreed))\b|\bhow did\b.*\b(go|went)\b"
)
# the words that put what a sentence says about an event ahead of the paper: "is scheduled for", "will", "next"
AHEAD = lazy(
    r"\b(scheduled|planned|will|next|upcoming|due to|to be held|is to|are to|expected|awaited)\b", re.IGNORECASE
)


def _only_ahead(text: str, month: int) -> bool:
    """Whether every sentence of `text` naming the month speaks of it as still to come ("the next meeting is
    scheduled for 2nd December"): such a paper cannot say what happened then."""
    from knowledge.passages import sentences

    name = calendar.month_abbr[month]  # "Dec" finds "December" and "Dec"
    clauses = [c for s in sentences(text) for c in CLAUSE.split(s) if c]
    naming = [c for c in clauses if re.search(rf"\b{name}", c, re.IGNORECASE)]
    # "the next meeting is scheduled for 2nd December" looks ahead; "who were due to report in March 2020" (then
    # "could not proceed") tells what became of it
    return bool(naming) and all(AHEAD.search(c) and not LOOKS_BACK.search(c) for c in naming)


CLAUSE = lazy(r"[,;]|\b(?:and so|but|however|although|whereas)\b", re.IGNORECASE)
LOOKS_BACK = lazy(
    r"\b(was|were|had|did|didn'?t|could not|couldn'?t|took place|went ahead|held|happened|cancelled|postponed)\b",
    re.IGNORECASE,
)


# "when's the conference happening", "when is the launch": an event still to come is asked about
# "when's the next DSL network meeting": a month still to come must be named ("2020/21" is no date of a meeting)
NEXT_WHEN_RX = (
    r"^\s*(when s|whens|when is|when are|when will|when does|when do)\b.{0,20}\bnext\b|\b(date|day) of the next\b"
)
NEXT_WHEN = lazy(NEXT_WHEN_RX)
UPCOMING_WHEN = lazy(
    r"^\s*(when s|whens|when is|when will|when does)\b.*\b(happening|happen|held|take place|taking place|going ahead)\b"
    # "is the conference still happening, when is it now": the date it has moved to, not the one it had
    r"|\bwhen (is|s|will) (it|that|this|they) (now|be now|happening now|going to be now)\b"
    r"|\bstill (happening|going ahead|on)\b.*\bwhen\b"
    # "any more workshops coming up this year", "anything coming up with ofsted soon": something still to come
    r"|\b(coming up|any more|anything more|more planned|upcoming)\b"
    r"|" + NEXT_WHEN_RX
)
_MONTH_YEAR = lazy(
    r"\b(?:(january|february|march|april|may|june|july|august|september|october|november|december)\s+)?(20\d\d)\b",
    re.IGNORECASE,
)
# "march" -> 3: the month names as knowledge.dates spells them
_MONTH_NUMBER = {name.lower(): n for n, name in enumerate(MONTHS) if name}


_DAY_MONTH = lazy(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\b(?!\s+20\d\d)",
    re.IGNORECASE,
)


def names_date_from(text: str, today, month: bool = False) -> bool:
    """Whether a text names a month or year that is today's or later ("March 2025" on 9 January 2025); with
    `month`, only a month with its year counts."""
    if month:  # "the next meeting is scheduled for 2nd December": a day of a month, this year's
        for m in _DAY_MONTH.finditer(text):
            if _MONTH_NUMBER[m.group(1).lower()] >= today.month:
                return True
    for m in _MONTH_YEAR.finditer(text):
        if month and not m.group(1):
            continue
        year = int(m.group(2))
        number = _MONTH_NUMBER.get((m.group(1) or "").lower(), 12)
        if (year, number) >= (today.year, today.month):
            return True
    return False


_HOW_MANY = lazy(r"\bhow many\b")
# a figure given for a thing named after it: "the number of referrals ... was", "a total of 326", "326 in total"
_COUNT_OF = lazy(
    r"\b(?:number|numbers|total|totals|count|figure|figures|rate|rates) (?:of|for|was|were|is|are)\b|\bin total\b", re.I
)
_FIGURE_THEN_WORDS = lazy(r"\b\d[\d,.]*\b((?:\s+[\w'-]+){1,4})")


def _gives_count(q: Query, said: str) -> bool:
    """Whether a paragraph gives a count of what a "how many" question asks: a figure a few words before one of its
    words ("Over 1100 front line officers and staff"), a share ("95% of the assessments"), or a number or total of
    something ("the number of referrals was")."""
    if _COUNT_OF.search(said) or re.search(r"\d\s*%|\bper ?cent\b", said):
        return True
    asked = {w[:5] for w in content_words(q.folded) if len(w) > 3}
    return any(w.lower()[:5] in asked for m in _FIGURE_THEN_WORDS.finditer(said) for w in m.group(1).split())


_COUNTED_ATTENDING = lazy(r"\bhow many (?:\w+ ){1,3}?(?:came|attended|went|were at|turned up|took part)\b")
CLOSE_SCORE = 0.8  # a paragraph within this share of the best BM25 score competes on how many words it carries
DEEPER = 8  # paragraphs looked at for one that carries the fact asked when the best three do not
DEEPER_COVER = 0.85


def _deeper(q: Query, e: Engine, hits, papers=None) -> list:
    """A paragraph further down that matches the question's words as fully as the best ones and, unlike them,
    carries the kind of fact asked ("how often": a frequency; "when": a date)."""
    assert e.passage_index is not None
    floor = max(DEEPER_COVER, max(h.coverage for h in hits))
    further = e.passage_index.search(q.raw, limit=DEEPER, papers=papers)[len(hits) :]
    found = [h for h in further if h.answers and h.coverage >= floor]
    return sorted(found, key=lambda h: not h.counted)[:1]  # "how many": a count next to the thing counted first


# "what is imara", "what's project KIA", "what are the MASH": a question asking what a thing is
DEFINE_Q = lazy(r"^(?:what is|whats|what s|what are|what was|what were)\s+(?:the\s+|an?\s+)?(\w+(?:\s+\w+){0,2})$")
# "whats this 4P thing everyone keeps on about": the thing named before "thing", whatever is said after it
DEFINE_THING = lazy(r"^(?:what is|whats|what s) (?:this|that|the) (\w+(?: \w+)?) (?:thing|stuff|business)\b")
# "what does BMG stand for", "what's SAIG short for": an acronym's long form, which a passage defining it gives
DEFINE_STANDS = lazy(
    r"^(?:what does|what do|whats|what s|what is) (?:the )?(\w+(?: \w+)?) (?:stand for|stands for|short for|"
    r"mean|means|an abbreviation for|abbreviated from)$"
)
DEFINE_SCAN = 8  # passages looked at for one that says what the thing is
MIN_DEFINE_COVER = 0.99  # ... and it must carry every word of the question
NOT_TERMS = frozenset({"happening", "going", "on", "due", "late", "overdue", "next", "new", "latest", "status", "it"})


# a kind of body after its name ("the CaRE team"): the papers may define the name alone ("... (CaRE) team")
BODY_NOUNS = frozenset({"team", "group", "service", "board", "panel", "project", "unit", "hub", "programme", "network"})


# "what's in the plans", "what's there on it": a preposition or pointer first asks no thing's meaning
NOT_FIRST = frozenset({"in", "on", "for", "about", "with", "of", "at", "up", "there", "this", "that", "these", "those"})
# hedges around "what is X": "exactly", "actually", "again", "in plain terms", "please"
DEFINE_HEDGE = lazy(
    r"\b(?:exactly|actually|precisely|really|basically|again|even|please|pls|in plain (?:terms|english)|"
    r"in a nutshell|when it s at home)\b"
)
# a lead-in set apart before the question ("sorry, basic q - what is ..."): folded, its comma or dash is a double space
LEAD_IN = lazy(r"^.{0,40}?\s{2,}(?=(?:what is|whats|what s|what are|what was|what were)\b)")


def defined_term(folded: str) -> str | None:
    """The thing a "what is X" question asks to have explained (up to three words), if it is one."""
    # "what is the CaRE team exactly", "sorry, basic q - what is the BMG": the hedge and the lead-in are no part of it
    asked = LEAD_IN.sub("", DEFINE_HEDGE.sub(" ", folded)).strip()
    asked = " ".join(asked.split())
    m = DEFINE_STANDS.match(asked) or DEFINE_Q.match(asked) or DEFINE_THING.match(asked)
    if m is None or set(m.group(1).split()) & NOT_TERMS or m.group(1).split()[0] in NOT_FIRST:
        return None
    return m.group(1)


def defines(term: str, said: str, asked: str = "") -> bool:
    """Whether a text says what `term` (or its name without a body noun: "CaRE" of "CaRE team") is. A name the
    question writes with capitals inside it ("CaRE", "KIA") is matched in that case only (not "care")."""
    words = term.split()
    if len(words) > 1 and words[-1] in BODY_NOUNS:
        name = " ".join(words[:-1])
        written = re.search(rf"\b{re.escape(name)}\b", asked, re.IGNORECASE)
        if written and re.search(r"[A-Z]", written.group(0)[1:]) and _defines(name, said, asked):
            return True
    return _defines(term, said, asked)


def _defines(term: str, said: str, asked: str = "") -> bool:
    """Whether a text says what `term` is: "X is a ...", "X, an ...", "X (Its Long Form)", "long form (X)",
    "X stands for / means ..."."""
    written = re.search(r"\b" + r"\s+".join(re.escape(w) for w in term.split()) + r"\b", asked, re.IGNORECASE)
    shown = written.group(0).split() if written else term.split()
    # a word written with capitals after its first letter ("CaRE", "KIA") is matched as written, others in any case
    # (quoted words: "the '4P' Model of Pursue, Protect, Prevent and Prepare")
    name = r"['‘’]?\s+".join(re.escape(w) if re.search(r"[A-Z]", w[1:]) else f"(?i:{re.escape(w)})" for w in shown)
    return bool(
        re.search(
            rf"\b{name}\b(?:\]\([^()]*\))?['’]?\s*(?:\(\s*[A-Z]|,\s+(?i:a|an)\b|"
            rf"(?:(?i:model|framework|approach)\s+)?of\s+[A-Z]\w+,\s+[A-Z]\w+|"
            rf"(?i:is|are|was|were)\s+(?i:a|an|the|our|one)\b|(?i:stands? for|means)\b)|\(\s*['‘’]?{name}['‘’]?\s*\)",
            said,
        )
    )


def _said(passages) -> str:
    from knowledge.passages import plain

    return " ".join(plain(p.text) for p in passages)


# "Paragraph 3 of this report reflects the current plans": the paragraph a quoted one defers to
REFERS_TO = lazy(r"\bparagraphs?\s+(\d{1,3})(?:\s*(?:and|-|to|&)\s*(\d{1,3}))?\s+of this (?:report|paper)", re.I)


def _referred_paragraphs(shown, quoted: set[str]) -> list[Item]:
    """The paragraphs of the same report that a quoted paragraph refers the reader to, quoted too (a
    paragraph that only says "see paragraph 3" does not answer on its own)."""
    from knowledge.passages import plain

    out: list[Item] = []
    for hit in shown:
        for m in REFERS_TO.finditer(_said(hit.quoted)):
            wanted = {m.group(1)} | ({m.group(2)} if m.group(2) else set())
            for passage in hit.paper.passages:
                if passage.part == hit.passage.part and passage.paragraph in wanted and passage.id not in quoted:
                    quoted.add(passage.id)
                    out.append(passage_item(hit.paper, passage, plain(passage.text)))
    return out[:2]


def due_or_passage(q: Query, e: Engine) -> Answer | None:
    """A "when" question: the action its words name, unless that action states no date or timescale at all and a
    passage of the papers answers with one ("when is the national review being published": the plan's action
    that follows the review has no date; the annual report says when publication is expected)."""
    from knowledge import answers_actions as acts

    found = acts.about_topic(q, e)
    if found is None and not q.action_ids and NAMES_A_REPORT.search(q.folded):
        return _report_when(q, e)  # "when is the IRO annual report": the meeting that takes it
    if (
        found is not None
        and found.subject is not None
        and found.subject.kind == "work"
        and NAMES_A_REPORT.search(q.folded)
    ):
        # the committee's own ranking of its reports (the noun asked, "update", and the meeting) decides
        named = _report_when(q, e)
        if named is not None and named.subject is not None and named.subject != found.subject:
            return named
    if found is None or q.action_ids or found.subject is None or found.subject.kind != "action":
        return found
    if q.committee is not None and q.plan is None:
        # "is fostering for east midlands coming to panel, when": the panel's programme item, not the plan's row
        # that shares a word with it (the East Midlands Framework)
        from knowledge.answers_committee import _work_by_words, about_work

        work = _work_by_words(q, e)
        if work is not None:
            return about_work(q, e, work, "due")
    plan_id, action_id = found.subject.keys[:2]
    try:
        action = e.kb.plans[plan_id].action(action_id)
    except KeyError:
        return found
    if WHEN_DID.match(q.folded) and (said := _past_event_passage(q, e, action)) is not None:
        return said  # "when did ofsted look at our local offer": the minutes' "inspection in May 2024", not Action 9
    # the plan dates it (the action, its timescale, its start or one of its milestones): its answer stands
    if action.due is not None or action.timescale or action.start is not None or any(m.due for m in action.milestones):
        return found
    passage = e.passage_answer(q)
    if passage is None:
        return found
    return _with_following(q, e, passage) or r.answer_of(
        q,
        "not-sure",
        f"I'm not sure: {action_label(e.kb, action)} states no date, and no passage of the papers says when that is.",
        notes=("The nearest passage is in: " + passage.items[0].title + ".",) if passage.items else (),
    )


WHEN_DID = lazy(r"^\s*when (?:did|was|were)\b")


def _past_event_passage(q: Query, e: Engine, action) -> Answer | None:
    """For "when did ..." (a past event): the passage that answers it, when the words the action lacks ("local
    offer") are all in that passage; None when the action holds every word, or no passage holds what it lacks."""
    index = e.passage_index
    if index is None:
        return None
    texts = [action.text, action.theme or "", *(m.text for m in action.milestones), *(u.text for u in action.updates)]
    held = set(content_words(" ".join(texts)))
    missing = {w for w in q.topic_words if w not in held}
    if not missing:
        return None
    hits = index.search(q.raw, limit=1, papers=allowed_papers(q, e))
    found = missing & set(hits[0].matched) if hits and hits[0].answers else set()
    if not found or len(found) < len(missing) - 1:  # all but one ("look" in "when did ofsted look at ...": a verb)
        return None
    return passage_answer(q, e, strict=True)


LAUNCHED = lazy(r"\b(launched|launch|out yet|is it out|live|gone live|published|available|up and running|find it)\b")


def status_or_passage(q: Query, e: Engine) -> Answer | None:
    """A status question: the action its words name, unless the plan records nothing of its progress and a passage
    of another paper says what happened ("is the SUDI national review published": the plan's action that follows
    the review records no status; the annual report says when publication is now expected)."""
    from knowledge import answers_actions as acts

    found = acts.about_topic(q, e)
    if found is not None and found.subject is not None and found.subject.kind == "work" and LAUNCHED.search(q.folded):
        # "has the local offer for care leavers been launched yet": whether the thing is out, which the minutes
        # say ("has been launched ... via the Notts Help Yourself webpage"), not when its report comes to panel
        said = passage_answer(q, e, strict=True)
        if said is None and WHERE_FOUND.search(q.folded):  # "... and where do i find it": where it is, as well
            said = passage_answer(q, e)
        if said is not None:
            return said
    if found is None or q.action_ids or found.subject is None or found.subject.kind != "action":
        return found
    if not found.items or not found.items[0].fields.get("no_progress"):
        return found
    plan_id, action_id = found.subject.keys[:2]
    plan = e.kb.plans[plan_id]
    try:
        action = plan.action(action_id)
    except KeyError:
        return found
    own = plan.source.seed if plan.source else None
    others = frozenset(pid for pid, paper in e.kb.papers.items() if paper.seed != own)
    passage = passage_answer(q, e, within=others)
    if passage is None:
        return found
    passage = _with_following(q, e, passage)
    if passage is None:
        return found
    label = action_label(e.kb, action)
    return replace(
        passage,
        text=f"The plan records no status for {label}; {passage.text[0].lower()}{passage.text[1:]}",
    )


NAMES_A_REPORT = lazy(r"\b(report|reports|annual review|paper|update)\b")


def _report_when(q: Query, e: Engine) -> Answer | None:
    """The meeting a named report goes to (work programme) or went to (an agenda), by the report's words."""
    from knowledge import answers_committee as com
    from knowledge.models import WorkItem

    if q.plan is not None and q.committee is None and not com._A_PROGRAMME.search(q.folded):
        return None  # "when did hmip publish the city yjs inspection report": not a report to the county's panel
    named = com.find_doc(q, e)
    if named is None:
        return None
    meeting, doc = named
    if isinstance(doc, WorkItem):
        return com.about_work(q, e, doc, "due")
    return com.about_agenda_item(q, e, doc, meeting, "summary")


EVENT_PREFIX = 5  # "published" and "publication" share their first five letters


def _with_following(q: Query, e: Engine, answer: Answer) -> Answer | None:
    """The passage answer when its quoted paragraphs carry every word of the question, else with the next
    paragraph of the same section that carries the missing ones and a date; None when neither does."""
    from knowledge.passages import _DATE, STOPWORDS, plain

    asked = [w for w in q.topic_words if w not in STOPWORDS]  # not "happening", "going": the question's phrasing

    def missing(said: str) -> set[str]:
        have = {w[:EVENT_PREFIX] for w in content_words(said)}
        return {w for w in asked if w[:EVENT_PREFIX] not in have}

    said = " ".join(line for item in answer.items for line in item.lines)
    lacking = missing(said)
    if not lacking:
        return answer
    last = answer.items[-1].fields.get("passage") if answer.items else None
    paper = e.kb.papers.get(answer.items[-1].fields.get("paper", "")) if answer.items else None
    if paper is None or last is None:
        return None
    ids = [p.id for p in paper.passages]
    at = ids.index(last) if last in ids else -1
    here = paper.passages[at] if at >= 0 else None
    for nxt in paper.passages[at + 1 : at + 4] if here is not None else ():
        if nxt.section != here.section or nxt.part != here.part:
            break
        text = plain(nxt.text)
        if not missing(said + " " + text) and _DATE.search(text.lower()):
            return replace(answer, items=(*answer.items, passage_item(paper, nxt, text)))
    return None


STRICT_COVER = 0.85  # a passage offered when nothing else answered must hold this share of the question
STRICT_TYPED_COVER = 0.75  # ... or this, when the question asks for a date and the passage gives one


def _strict_floor(q: Query) -> float:
    """ "when was the contact form launched": a question that names the kind of fact it wants, answered by a
    passage holding that kind of fact, needs a little less of its wording matched than a bare topic does."""
    from knowledge.passages import answer_kind

    return STRICT_TYPED_COVER if answer_kind(q.raw) == "date" else STRICT_COVER


NEAR_COVER = 0.4  # a record offered as "closest" must hold this share of the question's word weight


def not_sure(q: Query, e: Engine) -> Answer:
    """Below the confidence floor: say so, and offer the closest things that can be answered for this question.

    The offers come from the question's own words: the nearest actions or reports, a person whose name it
    uses, and the nearest passages of the papers - each only from what this audience may see (the
    search drops hidden plans; passages come only from papers it may read). The fixed examples are
    offered only when nothing is near.
    """
    offers: list[str] = []
    if q.topic_words:
        for hit in r.search(q, e, q.topic_words, limit=3, min_cover=NEAR_COVER)[:3]:
            offers.append(f"about {r.hit_label(hit, e)}")
    tokens = q.folded.split()
    named = set(tokens) - e.names.place_words_in(tokens)  # a word of a name, not of a place ("county hall")
    offers += [e.kb.people[p].name for p in e.names.suggest_named(q.raw, named, limit=2) if _looks_named(q, e, p)]
    notes = []
    places = _near_passages(q, e)
    if places:
        notes.append("The nearest passages of the papers are in: " + "; ".join(places) + ".")
    from knowledge.registry import examples

    fill = [x for x in examples() if x not in offers]
    suggestions = tuple(dict.fromkeys(offers))[:3] or (() if places else tuple(fill[:3]))
    text = "I'm not sure what you're asking, and I won't guess."
    if offers or places:
        text += " The closest things I can answer are below."
    notes.append("Say `help` for the questions I can answer, or name an action, a plan, a person or a meeting.")
    return r.answer_of(q, "not-sure", text, suggestions=suggestions, notes=tuple(notes))


NEAR_SCAN = 6  # paragraphs looked at for the nearest of the council asked about


def _near_passages(q: Query, e: Engine, limit: int = 2) -> list[str]:
    """Where the passages nearest the question's words are (in papers this audience may read)."""
    index = e.passage_index
    if index is None:
        return []
    papers = allowed_papers(q, e)
    hits = index.search(q.raw, limit=3, papers=papers)  # the answer's own search, kept
    # of the council asked about ("the city plan"): not the other council's papers, looking a little further for
    # them only when the nearest three are all the other's; the nearest, unless nothing else is near
    near = [h for h in hits if not _other_place(q, h)]
    if not near and hits:
        near = [h for h in index.search(q.raw, limit=NEAR_SCAN, papers=papers) if not _other_place(q, h)]
    hits = (near or hits)[:limit]
    return list(dict.fromkeys(short(h.cite(), 160) for h in hits))[:limit]


def _looks_named(q: Query, e: Engine, pid: str) -> bool:
    """Only offer a person when the question uses a word of their name (not as part of a place: "county hall")."""
    name_words = set(e.kb.people[pid].name.lower().split())
    tokens = q.folded.split()
    return bool(name_words & (set(tokens) - e.names.place_words_in(tokens)))


def fallback(q: Query, e: Engine) -> Answer:
    """No intent answered: a named person or role, a record that matches closely, a passage, or "not sure"."""
    from knowledge.answers_people import person_portfolio, role_portfolio, title_holders, which_person

    which = which_person(q, e, "who is {name}")
    if which is not None:
        return which
    if (q.person or q.role) and (counted := _counted_event(q, e)) is not None:
        return counted
    if (q.person or q.role) and _counts_a_thing(q, e):
        # "how many survivors has the corporate director met": a figure the papers do not give; what the person
        # or post leads is not it
        return not_sure(q, e)
    if q.person:
        return person_portfolio(q, e, q.person, introduce=True)
    if q.role:
        return role_portfolio(q, e, q.role)
    holders = title_holders(q, e)
    if holders is not None:
        return holders
    if q.topic_words:
        hits = r.search(q, e, q.topic_words)
        floor = FALLBACK_FLOOR if q.confidence < 0.5 else TOPIC_FLOOR  # a cue said what is asked: a lower floor
        # "who is the LADO", "who are Lime Culture": a person or body is asked for, and a list of actions that
        # merely use the words is not an answer to that; nor to "what is X", which a passage saying what X is
        # answers (else "not sure")
        asks_what = defined_term(q.folded) is not None or ASKS_WHICH_THING.match(q.folded) is not None
        plain_topic = not ASKS_WHO.match(q.folded) and not asks_what and not _narrow_mixed(q, hits)
        names_part = NAMES_A_PAPER.search(q.folded) or q.agenda_number is not None
        named, in_part = part_passage(q, e) if names_part else (False, None)
        if in_part is not None and not (NAME_ASKED.search(q.folded) and not _names_a_person(e, in_part)):
            return in_part
        # "any financial implications in the allegations service report": a part of a paper is asked for, and
        # an action whose text shares the words is not it
        plain_topic = plain_topic and not named
        if hits and hits[0].score >= floor and len(q.topic_words) <= 4 and plain_topic:
            # "is there a paediatrician on the hsb steering group": the nearest action lacks a word of the question
            # that a paragraph of the papers holds with all the others - that paragraph answers it
            whole = hits[0].score < 1.0 and _passage_holds_every_word(q, e)
            found = None if whole else r.topic_search(q, e, q.topic_words)
            if found is not None and not _name_missing(q, found):
                return found
        # "what mission statement did they agree": a passage that shares the words rarely holds the value asked
        # (the plan's own row "Agree a mission statement" does not): the closest passages are offered instead
        passage = e.passage_answer(q, strict=True)
        if passage is not None and ASKS_WHICH_THING.match(q.folded) and _restates_action(passage, hits):
            passage = None
        if passage is not None and ASKS_SUCCESSOR.match(q.folded) and not _names_a_person(e, passage):
            # "who has taken over as registered manager": the passage says only that a post covers it
            text = "I'm not sure who: the papers name no person for that. The nearest they say:"
            return r.answer_of(q, "not-sure", text, list(passage.items))
        if passage is not None and (not ASKS_WHO_HOLDS.match(q.folded) or _names_a_person(e, passage)):
            return passage
    return not_sure(q, e)


def _name_missing(q: Query, found: Answer) -> bool:
    """Whether the question writes a name in capitals ("My Futures") that none of the records found holds: they
    share a word of it ("the future of the Historical Abuse Team"), not the name."""
    names = written_names(q.raw)
    if not names:
        return False
    said = fold(" ".join(line for item in found.items for line in (item.title, *item.lines)))
    return any(fold(name) not in said for name in names)


def _passage_holds_every_word(q: Query, e: Engine) -> bool:
    """Whether the best paragraph of the papers answers the question and holds every word of it."""
    index = e.passage_index
    if index is None:
        return False
    hits = index.search(q.raw, limit=3, papers=allowed_papers(q, e))  # the passage answer's own search, kept
    return bool(hits) and hits[0].answers and hits[0].coverage >= 0.999


# "who has taken over as ...", "who replaced ...", "who is covering ...": a person asked for by name
ASKS_SUCCESSOR = lazy(
    r"^\s*(who|whos|who s)\b.{0,30}\b(taken over|took over|taking over|take over|replaced|replacing|succeeded|"
    r"stepped in|stepping in|stepped up|covering|acting up|now in charge)\b"
)


# a question about something in a paper (a report, the minutes), not in an action plan's row
NAMES_A_PAPER = lazy(r"\b(report|paper|minutes|section|chapter)\b")


def part_passage(q: Query, e: Engine) -> tuple[bool, Answer | None]:
    """ "any financial implications in the allegations service report": whether the question names a part of the
    papers (a report in a committee's pack, a chapter of an annual report) and asks something of it, and the
    passage of that part that answers the rest of the question, quoted (None when no passage of it does).
    """
    index = e.passage_index
    if index is None:
        return False, None
    numbered = agenda_item_parts(q, e)
    if numbered:  # "does item 6 have any financial implications": the parts of item 6 at the meeting meant
        parts = numbered
        asked = " ".join(w for w in AGENDA_ITEM_WORDS.sub(" ", q.raw).split() if not NAMES_A_PAPER.search(w))
    else:
        parts, title_words = index.named_parts(q.raw)
        allowed = allowed_papers(q, e)
        parts = [key for key in parts if allowed is None or key[0] in allowed]
        if not parts:
            return False, None
        rest = [w for w in q.raw.split() if not (index.title_tokens(w) & title_words) and not NAMES_A_PAPER.search(w)]
        asked = " ".join(rest)
    if not index.title_tokens(asked):
        return False, None  # about the report as a whole: "who wrote the allegations report"
    hits = [h for h in index.search(asked, limit=3, parts=parts) if h.answers]
    if not hits:
        return True, None
    best = max(hits, key=lambda h: (h.coverage, h.score))
    items = [passage_item(best.paper, passage, excerpt) for passage, excerpt in best.excerpt]
    cited = best.paper.cite(best.excerpt[0][0]) if best.excerpt else best.cite()
    writer = _writer_from(q, e, best.passage.section)
    if writer is not None:
        return True, _writer_answer(q, e, best, writer)
    return True, r.answer_of(q, "passage", f"The papers say ({cited}):", items)


AGENDA_ITEM_WORDS = lazy(r"(?i)\b(?:agenda )?item\s*(?:no\.?\s*)?\d{1,2}\b")


def agenda_item_parts(q: Query, e: Engine) -> list[tuple[str, str]]:
    """The parts of the papers that are agenda item N of the meeting the question means (the next meeting with
    written reports, or the one it names): a committee pack's "... (agenda item N)" parts. Empty when the question
    names no item number or the papers carry no part for it."""
    if q.agenda_number is None:
        return []
    from knowledge.answers_committee import pick_meeting

    meeting = pick_meeting(q, e, prefer_agenda=True, want_reports=True)
    if meeting is None:
        return []
    return [(paper.id, part) for paper, part in _item_parts(e, meeting, q.agenda_number)]


def _item_parts(e: Engine, meeting, number: int) -> list[tuple[Paper, str]]:
    """(paper, part id) of each part of a meeting's pack that is its agenda item `number` ("... (agenda item 6)")."""
    day = f"{meeting.date.day} {meeting.date:%B %Y}"
    mark = f"(agenda item {number})"
    return [
        (paper, part.id)
        for paper in e.kb.papers.values()
        if day in paper.title
        for part in paper.parts
        if part.title.endswith(mark)
    ]


def item_sections(e: Engine, meeting, item, heading: str) -> list[Item]:
    """The paragraphs under a heading ("Financial Implications") of an agenda item's report, from the part of the
    meeting's pack that is that item, each quoted with its place."""
    from knowledge.passages import plain

    wanted = heading.lower()
    return [
        passage_item(paper, p, plain(p.text))
        for paper, part in _item_parts(e, meeting, item.number)
        for p in paper.passages
        if p.part == part and p.section and p.section.lower().endswith(wanted)
    ]


# "how many came to X's film screenings", "attendance at the event she ran": a number about an event the person is
# named in, which the papers' text gives and no person card does
HOW_MANY = lazy(r"\b(how many|number of|attendance|attended|attendees|turnout|turn out|came to|went to)\b")


def _counted_thing(q: Query, e: Engine) -> list[str]:
    """The words of a "how many" question that name what is counted, not the person or post it is asked of."""
    if not HOW_MANY.search(q.folded):
        return []
    name_words = {w for pid, _ in q.people for w in content_words(e.kb.name_of(pid))}
    name_words |= {w for rid, _ in q.roles for w in content_words(e.kb.roles[rid].title)}
    return [w for w in q.topic_words if w not in name_words and w not in _COUNTING and w not in _COUNTED_RECORDS]


def _counts_a_thing(q: Query, e: Engine) -> bool:
    return len(_counted_thing(q, e)) >= 2


# what a count of a person's own records counts ("how many actions does she lead"): not a thing in the papers
_COUNTED_RECORDS = frozenset({"action", "actions", "lead", "leads", "led", "milestone", "milestones", "item", "items"})


def _counted_event(q: Query, e: Engine) -> Answer | None:
    """For a count or attendance asked of a thing a named person is part of (more words than the person's name):
    the passage of the papers that answers it, else None."""
    if len(_counted_thing(q, e)) < 2:
        return None
    raw = _ATTENDED.sub("attended", re.sub(r"(?i)\bhow many (people|of us|staff)\b", "how many", q.raw))
    return e.passage_answer(replace(q, raw=raw), strict=True)


# "turned up to", "came to": how the papers put it is "attended"
_ATTENDED = lazy(r"(?i)\b((turned|showed) up (to|at|for)|came to|went to|were at|was at)\b")


# the words that put the count, not the thing counted
_COUNTING = frozenset(
    {"attendance", "attended", "attendees", "attend", "many", "number", "people", "turned", "turnout", "came", "went",
     "showed", "total"}
)  # fmt: skip


# "what mission statement did the group agree", "which venue was chosen": the value of a thing is asked for,
# and an action to agree or choose it does not carry that value
ASKS_WHICH_THING = lazy(
    r"^(what|which) (?!is |s |are |was |were )(\w+ ){1,3}(did|do|does|was|were|has|have|had|will)\b"
)


# "what did the reviewer's report end up recommending", "what has the audit found": what a piece of work concluded
ASKS_REPORT_OUTCOME = lazy(
    r"^\s*what (did|does|has|have|had) (\w+ ){1,8}(end up |ended up |eventually |finally |actually )?(recommend|"
    r"recommending|recommended|conclude|concluding|concluded|find|finding|found)\b"
)


# a question asking for one thing (a person, a date, a place, which one): not for a list of records
NARROW = lazy(r"^(who|whos|who s|whose|when|whens|when s|which|where|wheres|where s|what (date|time|day))\b")


def _narrow_mixed(q: Query, hits) -> bool:
    """A narrow question whose words match records of different kinds (a report on an agenda and an action
    of a plan): the words are ambiguous, and a list of both answers neither reading of the question."""
    from knowledge.models import Action

    if not NARROW.match(q.folded):
        return False
    top = [h for h in hits[:5] if h.score >= hits[0].score - 0.15] if hits else []
    return len({isinstance(h.doc, Action) for h in top}) > 1


def _from_a_plan(e: Engine, answer: Answer) -> bool:
    """Whether the passage quoted first is from an action plan's own rows (tasks and steps): the document of a
    plan, in a part cited as a plan (a committee pack also holds reports)."""
    first = answer.items[0] if answer.items else None
    seeds = {p.source.seed for p in e.kb.plans.values() if p.source is not None}
    return (
        first is not None
        and first.source is not None
        and first.source.seed in seeds
        and PLAN_CITED.search(first.title) is not None
    )


PLAN_CITED = lazy(r"\b(action|business) plan\b", re.IGNORECASE)


def _restates_action(answer: Answer, hits) -> bool:
    """Whether the passage quoted is an action plan's own row for one of the actions the words matched (the
    task "Agree a mission statement", which does not say what was agreed)."""
    from knowledge.models import Action
    from knowledge.text import fold

    said = fold(" ".join(line for item in answer.items for line in item.lines))
    return any(isinstance(h.doc, Action) and fold(h.doc.text)[:80] in said for h in hits[:3])


# "who is the cabinet member for ...", "who's the LADO for the city": a post's holder is asked for
ASKS_WHO_HOLDS = lazy(r"^(whos|who s|who is) the\b")
# "... the cabinet member for children and families - what's their name": a person's name is asked for
NAME_ASKED = lazy(r"\bwhat(?: is| s|s)? (?:their|his|her|the) name\b|\bthe name of the\b")


def _names_a_person(e: Engine, answer: Answer) -> bool:
    """Whether the passage quoted names someone the knowledge base knows (a post's holder, not the post alone)."""
    from knowledge.text import fold

    said = f" {fold(' '.join(line for item in answer.items[:1] for line in item.lines))} "
    return any(f" {fold(p.name)} " in said for p in e.kb.people.values())


# the kinds of paper a question names as where something is said ("the annual report", "the 19/20 annual report")
PAPER_KIND = lazy(r"\b(annual report|business plan)\b")
# "which priority covers the annual report": the paper is what the priority is about, not where it is said
ABOUT_A_PAPER = lazy(
    r"\b(covers?|mentions?|includes?|about|relates? to|refers? to|deals? with|is the|are the)\b(?:\s+\w+){0,3}?\s+"
    r"(annual report|business plan)"
)


def named_papers(q: Query, e: Engine) -> frozenset[str]:
    """The papers a question names by their kind and, when it gives one, their year span ("the 19/20 annual
    report"); none when it names none, or more than one paper would fit."""
    from knowledge.passages import periods, within_periods

    kinds = set(PAPER_KIND.findall(q.folded))
    if not kinds:
        return frozenset()
    asked = periods(q.raw)
    of_kind = [pid for pid, paper in e.kb.papers.items() if any(k in paper.title.lower() for k in kinds)]
    found = frozenset(
        pid
        for pid in of_kind
        if not asked or not periods(e.kb.papers[pid].title) or within_periods(asked, periods(e.kb.papers[pid].title))
    )
    if not found and len(of_kind) == 1 and not _PAPER_YEAR.search(q.folded):
        # "the 2020/21 priorities in the annual report": the years are the priorities', not the report's (one
        # annual report is held); "the 2021/22 annual report" names a report that is not held
        found = frozenset(of_kind)
    return found if len(found) == 1 else frozenset()


# a span of years written against a paper's kind: "the 21/22 annual report", "annual report for 2021-22"
_PAPER_YEAR = lazy(
    r"\b(?:\d{2}|\d{4})\s*(?:/|-|to)?\s*(?:\d{2}|\d{4})?\s+(?:annual report|business plan)\b"
    r"|\b(?:annual report|business plan)\s+(?:for\s+|of\s+)?(?:\d{2}|\d{4})\b"
)


def from_named_paper(q: Query, e: Engine, plan) -> Answer | None:
    """ "what did the 19/20 annual report say the priorities would be": a question naming a paper other than
    the plan's own source is answered from that paper's passages, or "not sure" - never with the plan's
    priorities. None when the question names no such paper."""
    if ABOUT_A_PAPER.search(q.folded):
        return None
    named = named_papers(q, e)
    if not named:
        return _annual_report_not_held(q, e)
    if plan is not None and plan.source is not None and any(e.kb.papers[p].seed == plan.source.seed for p in named):
        return None
    # the paper's name is where to look, not words to look for
    found = passage_answer(replace(q, raw=PAPER_KIND.sub(" ", q.raw.lower())), e, within=named)
    if found is not None:
        listed = whole_list(q, e, found)
        if listed is None:  # "its priorities for 2020/21? is mental health one of them": the list asked, if the
            whole = e.passage_answer(q)  # whole question finds it in that paper
            listed = whole_list(q, e, whole) if whole is not None and _quotes_from(whole, named) else None
        return listed or found
    nearest = e.passage_index.search(q.raw, limit=1, papers=named) if e.passage_index else []
    listed = list_section(q, nearest[0].paper, nearest[0].passage) if nearest else None
    if listed is not None:  # no one paragraph answers, but the section whose heading is the list asked does
        return listed
    title = e.kb.papers[next(iter(named))].title
    return r.answer_of(
        q,
        "not-sure",
        f"I'm not sure: I could not find a passage of the {title} that answers that, so I won't guess.",
        notes=tuple(
            f"The nearest passages are in: {h.cite()}."
            for h in (e.passage_index.search(q.raw, limit=1, papers=named) if e.passage_index else [])
        ),
    )


def _quotes_from(answer: Answer, papers: frozenset[str]) -> bool:
    """Whether every passage an answer quotes is from one of these papers."""
    quoted = [i.fields.get("paper") for i in answer.items if i.fields]
    return bool(quoted) and all(p in papers for p in quoted)


def _annual_report_not_held(q: Query, e: Engine) -> Answer | None:
    """ "what does the 2021/22 annual report say the priorities are": a year's annual report that is not among the
    papers is said to be missing (with the years held), never answered from another paper."""
    m = _PAPER_YEAR.search(q.folded)
    if m is None or "annual report" not in m.group(0):
        return None
    from knowledge.passages import periods

    held = [p.title for p in e.kb.papers.values() if "annual report" in p.title.lower() and periods(p.title)]
    if not held:
        return None
    text = "I'm not sure: the annual report for the year you name is not among the papers I hold, so I won't guess."
    return r.answer_of(q, "not-sure", text, notes=tuple(f"I hold: {t}." for t in held))


LIST_SECTION_MAX = 8  # passages of a section quoted whole when a question asks for the list it is


def whole_list(q: Query, e: Engine, found: Answer) -> Answer | None:
    """ "what were the priorities for 2020/21": the passage found is one entry of a section that is the list asked
    for (its heading names, in the singular, a plural the question asks: "Priorities for 2020/21"); every
    paragraph of that section is quoted, not the one entry. None when the passage is not such an entry."""
    first = found.items[0] if found.items else None
    fields = first.fields if first is not None else None
    if not fields or "paper" not in fields or "passage" not in fields:
        return None
    paper = e.kb.papers.get(str(fields["paper"]))
    passage = next((p for p in paper.passages if p.id == fields["passage"]), None) if paper else None
    if paper is None or passage is None:
        return None
    return list_section(q, paper, passage)


def list_section(q: Query, paper, passage) -> Answer | None:
    """The whole section a passage belongs to, quoted, when its heading is the list the question asks for (a
    plural of a heading's word; a period the question names is the heading's own); else None."""
    from knowledge.passages import periods

    if not passage.section:
        return None
    asked = set(q.folded.split())
    if not {w for w in content_words(passage.section) for form in _plurals(w) if form in asked}:
        return None
    named, own = periods(q.raw), periods(passage.section)
    if _PAPER_YEAR.search(q.folded):  # "what did the 19/20 annual report say the priorities would be": the paper's
        named -= periods(paper.title)
    if named and own and not named & own:
        return None
    return whole_section(q, paper, passage, least=2)


def whole_section(q: Query, paper, passage, least: int) -> Answer | None:
    """Every paragraph of the section a passage is in, quoted, when it has `least` to LIST_SECTION_MAX of them."""
    from knowledge.passages import plain

    siblings = [p for p in paper.passages if p.section == passage.section and p.part == passage.part]
    if not least <= len(siblings) <= LIST_SECTION_MAX:
        return None
    items = [passage_item(paper, p, plain(p.text)) for p in siblings]
    text = f"The papers say ({paper.cite(siblings[0])}, the whole of \u201c{passage.section}\u201d):"
    return r.answer_of(q, "passage", text, items)


def _plurals(word: str) -> tuple[str, ...]:
    """ "priority": "priorities", "prioritys"; "achievement": "achievements"."""
    forms = (word + "s", word + "es")
    return (*forms, word[:-1] + "ies") if word.endswith("y") else forms
