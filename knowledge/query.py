"""A question parsed into a value: what is asked, about what, in what scope, and how sure the parse is."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from typing import TYPE_CHECKING

from knowledge.answer import Subject
from knowledge.dates import long_day
from knowledge.lazydataclass import frozen_dataclass
from knowledge.lazyre import lazy
from knowledge.text import STOPWORDS as STOP
from knowledge.text import content_words, fold, id_key, spelled_out

if TYPE_CHECKING:
    from knowledge.engine import Audience, Engine

# "action", and its common typos ("acton 6", "actoin 6", "aciton 6")
ACTION_WORD_ID = lazy(
    r"\b(?:actions?|acton|actoin|aciton|acion|actin|row(?=\s*(?:no\.?\s*)?\d)|a(?=\d{1,2}[a-z]?\b))\s*(?:no\.?\s*)?"
    r"([a-z]{0,4}\s?\d{1,3}(?:\.\d{1,2})?(?:\s?[a-z](?![a-z]))?)"
)
# "actions 2 and 3", "actions 2, 3 & 5", "action 7a/7b", "7a/b": the ids listed after the first one
_MORE_IDS = lazy(
    r"\s*(,|/|&|\+|-|\u2013|\band\b|\bor\b|\bto\b|\bthrough\b)\s*(?:(?:and|or)\s+)?(?:actions?\s*)?([a-z]{0,4}\d{1,3}(?:\.\d{1,2})?[a-z]?|[a-z])"
    r"(?![\w.%])(?!\s*(?:per|days?|weeks?|months?|years?|times?|hours?|minutes?|people|children|of\b))"
)
# "8a/8b", "7a/b" with no "action" before: a row number with a letter on each side of the slash is never a date
_SLASHED_IDS = lazy(r"(?<![\w/.])(\d{1,2}[a-z])(?=/(?:\d{1,2}[a-z]|[a-z])(?![\w/]))")
FOUR_PS = lazy(r"\b(?:4|four)\s*p\s*['\u2019]?\s*s\b", re.IGNORECASE)
BARE_ID = lazy(r"(?<![\w/.])([a-z]{0,4}\d{1,3}(?:\.\d{1,2})?[a-z]?)(?![\w/])")
AGENDA_NO = lazy(r"\b(?:agenda )?item\s*(?:no\.?\s*)?(\d{1,2})\b")
PRIORITY_NO = lazy(
    r"\bpriority\s*(?:no\.?\s*|number\s*)?(\d|one|two|three|four|five|six|seven)\b"
    # "the first business plan priority": an ordinal before it
    r"|\b(first|second|third|fourth|fifth|sixth|seventh|1st|2nd|3rd|4th|5th|6th|7th)\s+"
    r"(?:(?!overarching\b)[a-z]+\s+){0,3}?priority\b"  # (not "the third overarching priority": the paper's own)
)
PRONOUN = lazy(r"\b(it|that|this|its|them|those|he|she|his|her|they|their)\b")
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
_MONTHS = {calendar.month_name[i].lower(): i for i in range(1, 13)} | {
    calendar.month_abbr[i].lower(): i for i in range(1, 13) if calendar.month_abbr[i].lower() != "may"
}
MONTH_NUMBERS = _MONTHS  # month names and short forms ("sept") -> number, for other modules
_MONTH_RX = lazy(r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b(?:\s+(\d{4}))?")
_COUNT_WORDS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "few": 3, "couple of": 2,
}  # fmt: skip
_WINDOW = lazy(
    r"\b(?:next|coming|following)\s+(\d{1,3}|few|couple of|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve)?\s*(day|week|month|fortnight)(s?)\b"
)


@frozen_dataclass
class Window:
    """A date window the question names: "in April", "next month", "in the spring", "since October"."""

    start: dt.date
    end: dt.date
    words: str
    vague: bool = False  # "the next few weeks", "a couple of weeks", "the weeks ahead": a length the asker left open


@frozen_dataclass
class Query:
    """One question, parsed once; handlers read it and never re-parse the text."""

    raw: str
    lower: str
    folded: str
    today: dt.date
    audience: Audience | None
    subject: Subject | None
    hidden: frozenset[str]  # plans this audience may not see
    intents: tuple[str, ...]  # matching intents, in registry order
    attribute: str | None  # the detail asked: lead, due, status, email, venue, author, ...
    action_ids: tuple[str, ...]
    plan: str | None  # the plan the question names (visible to the audience)
    committee: str | None
    people: tuple[tuple[str, float], ...]
    roles: tuple[tuple[str, float], ...]
    window: Window | None
    month: int | None
    agenda_number: int | None
    priority_number: int | None
    topic_words: tuple[str, ...]
    confidence: float  # how sure the parse is that it knows what is asked (0-1)
    offset: int = 0  # the first item to show, for "more"
    ambiguous_people: tuple[tuple[str, tuple[str, ...]], ...] = ()  # a lone name several people share
    day_of_month: int | None = None  # "on the 14th", "14 january"
    # every plan named when the question names more than one ("the city plan v the county plan"); `plan` is the first
    plans: tuple[str, ...] = ()
    month_year: int | None = None  # the year written beside the month ("the panel in october 2025"), else None

    @property
    def question(self) -> str:
        """The question as asked (without any "page N:" prefix)."""
        return self.raw

    @property
    def person(self) -> str | None:
        return self.people[0][0] if self.people else None

    @property
    def role(self) -> str | None:
        return self.roles[0][0] if self.roles else None

    def has(self, intent: str) -> bool:
        return intent in self.intents

    @property
    def pronoun(self) -> bool:
        return bool(PRONOUN.search(self.folded))


_PAPER_SAYS = lazy(
    r"\s*what (?:does|did|do) (?:the |our |their )?(?:\w+ ){0,5}?(?:report|paper|review|strategy|minutes|pack|"
    r"annual report|business plan) (?:say|said|says)\b"
)
_POSSESSIVE_PLACE = lazy(r"\b(city|county)s\b")  # never a plural (cities, counties)


def parse(
    engine: Engine,
    raw: str,
    today: dt.date,
    audience: Audience | None = None,
    subject: Subject | None = None,
    offset: int = 0,
) -> Query:
    """Parse a cleaned question against the engine's indexes. Pure: no I/O."""
    raw = _mentioned(engine, raw)
    if "p" in raw.lower():  # "the 4 p's", "four Ps": one word the papers' Pursue, Prevent, Protect, Prepare spell out
        raw = FOUR_PS.sub("4ps", raw)
    trimmed = _without_purpose_after(without_asker(raw))
    # "doing a RAG for the county iicsa plan - which actions have overdue milestones": the aside says nothing asked,
    # but a plan it names is still the scope
    aside = raw[: len(raw) - len(trimmed)] if trimmed != raw and raw.endswith(trimmed) else ""
    raw = _cue_typos(engine, _phone_words(without_why(trimmed) + _whose_cover(engine, raw)))
    lower = raw.lower().replace("\u2019", "'")
    folded = re.sub(r"\bwhos\b", "who s", fold(raw))  # "whos got": "who's got", as "who's" folds
    folded = _POSSESSIVE_PLACE.sub(r"\1 s", folded)  # "the citys hsb review": the city's, as "city's" folds
    hidden = engine.hidden_from(audience)
    plan = _plan_scope(engine, folded, hidden) or (_plan_scope(engine, fold(aside), hidden) if aside else None)
    from knowledge.registry import (  # the handlers
        TITLE_ASKED,
        WHICH_NAME,
        asking_form_words,
        attribute_of,
        detect_intents,
        happened_filler,
    )

    asked = _asked_part(raw, folded)
    sourced = False
    if any(w in asked for w in ("according", " per ", " said ", " say ", " says ", "mention", "going by", "minutes")):
        before = asked
        asked = SOURCE_CLAUSE.sub(" ", asked)  # "according to the october minutes": where, not what, is asked
        sourced = asked != before
    intents = detect_intents(_without_emphasis(_without_section_span(_without_when_clause(asked))))
    if asked != folded and not intents:
        asked = folded
        intents = detect_intents(_without_emphasis(_without_section_span(folded)))
    # "who at the county is looking at the ofsted reports": a lead, not what the panel's programme is looking at
    if "lead" in intents and "work-programme" in intents and _WHO_OPENS.match(asked) and not _committee(engine, folded):
        intents = [i for i in intents if i != "work-programme"]
    if "overdue" in intents and "plan-progress" in intents and _OVERDUE_AFTER_DASH.search(asked):
        # "where are we with the county iicsa plan - what is overdue right now?": the question after the dash
        intents = [i for i in intents if i not in ("plan-progress", "about-plan")]
    if "overdue" not in intents and _SHOULD_HAVE.search(folded):  # "what should have been done by now"
        intents = [*intents, "overdue"]
    if _ASKS_BODIES.match(asked):  # "which council committees had updates on the plan": bodies, not actions
        intents = [i for i in intents if i not in _ACTION_LISTS]
    attribute = attribute_of(_without_emphasis(asked), intents)
    if HOW_OFTEN.match(asked):  # "how often are PEPs done": a frequency the papers give, not a status
        intents = [i for i in intents if i != "status"]
        attribute = None if attribute == "status" else attribute
    ids = _action_ids(engine, lower, plan)
    if ids and attribute is None and HOW_OFTEN.match(asked):  # "how often does a4's report go to committee": when
        attribute = "due"
    if plan is not None and ids and weakly_named(engine, folded, plan):
        plan, ids = _plan_of_ids(engine, lower, plan, ids, hidden)
    people = tuple(engine.names.people_in(folded, raw))
    roles = tuple(engine.names.roles_in(folded))
    if roles and plan is not None and _COUNCIL_NAMED.search(folded):
        roles = _roles_of_council(engine, roles, plan)
    if plan is not None and people and weakly_named(engine, folded, plan):
        # "paul johnson here - has my needs assessment action been done": "assessment" is a word of the TCE plan's
        # long name, but he leads none of its actions; the plans he does lead are the scope
        led = {a.plan for pid, _ in people for a in engine.by_lead.get(pid, ()) if a.plan not in hidden}
        if led and plan not in led:
            plan = next(iter(led)) if len(led) == 1 else None
    month, window = _window(_without_section_span(asked), today)  # not "...? the staff were asking"
    guessed = window is not None and _GUESSED_WHEN.search(folded) is not None
    if guessed:  # "when the HSB audit is - this autumn or next year?": times offered as guesses; when it is, is asked
        month, window = None, None
    if window is None and not guessed and ({"overdue", "due-soon", "due"} & set(intents) or _NEEDS_DONE.search(folded)):
        # "overdue as of 2020", "due next year", "what must the city deliver by the end of the financial year"
        window = _financial_year(lower, today) or _year_window(
            engine, folded, today, loose="due" not in intents or len(intents) > 1
        )
    intents = _needs_by_window(intents, folded, window)
    intents = _with_window_intents(intents, window, folded)
    if _ASKS_SHARE.search(lower) and not re.search(r"\b(actions?|milestones?)\b", folded):
        # "what % of hsb assessments were completed in a timely way this year": a figure in the papers (and "were
        # done on time" asks no action's status)
        intents = [i for i in intents if i not in _ACTION_LISTS and i != "status"]
    # a plan named by the word "plan" and no committee named: its rows, not a meeting's agenda (read once here)
    plan_only = plan is not None and PLAN_NAMED.search(folded) is not None and _committee(engine, folded, plan) is None
    if plan_only and attribute in ("lead", "due", "status"):
        # "TCE plan - who owns jointly developing the strategy meeting agenda ...": a plan's row that speaks of a
        # meeting's agenda, not a committee's meeting
        intents = [i for i in intents if i not in ("item-at-meeting", "agenda", "meeting")]
    agenda = AGENDA_NO.search(folded)
    if agenda is not None and plan_only and not ids and not _PAPERS_NAMED.search(folded):
        # "on the city plan who leads the foster carer risk assessment bit, item 6": the plan's row 6, no agenda's
        assert plan is not None
        key = engine.ids.in_plan(agenda.group(1), plan)
        if engine.ids.find(key, plan):
            ids, agenda = [key], None
            intents = [i for i in intents if i not in ("agenda", "item-at-meeting")]
    priority = PRIORITY_NO.search(folded)
    topic = _topic_words(engine, raw if asked == folded else raw.partition("?")[0], plan)  # not why it is asked
    if plan is not None and weakly_named(engine, folded, plan):
        plan, topic = _rescope(engine, raw, plan, hidden, topic)
    # "did the briefing take place", "who do i chase"
    filler = happened_filler(folded) | asking_form_words(_without_emphasis(folded)) | {"according"}
    if sourced:  # "..., the october minutes mentioned it": where it was read names no topic
        filler |= {"minute", "minutes", "mentioned", "mention", "mentions", "said", "raised", "per", "going"}
    topic = [w for w in topic if w not in filler]
    if " when " in f" {folded} " or folded.startswith("when"):  # "when do we expect the reviewer's report": when
        topic = [w for w in topic if not w.startswith("expect")]
    if attribute in ("phone", "email", "background") or "contact" in intents:  # "who do i ring": how to reach
        topic = [w for w in topic if w not in _REACH_WORDS]
    if "back" in topic and _BACK_PARTICLE.search(folded):  # "report back", "due back": no topic "back"
        topic = [w for w in topic if w != "back"]
    if plan is not None:  # "for notts county council": the plan's own organisation names no topic
        kept = set(kept_phrases(engine, raw, plan))  # ... but "county lines" in a TCE question is one
        topic = [w for w in topic if w in kept or w not in _plan_org_words(engine, plan)]
    if window is not None:  # "due within 2 weeks": the window's words name no topic
        topic = [w for w in topic if w not in _WINDOW_WORDS]
        if month is not None and YEAR_WINDOW.search(folded):  # "the july panel next year": when, not "Year 12"
            topic = [w for w in topic if w != "year"]
        if "due-soon" in intents and _NEEDS_DONE.search(folded):  # "what needs doing by ...": no topic "need"
            topic = [w for w in topic if w not in NEEDS_DONE_WORDS and fold(w) not in NEEDS_DONE_WORDS]
    topic = _without_date_words(topic, window)
    if plan is None and re.search(r"\biicsa (?:action )?plans?\b", folded):  # both IICSA plans: no topic word
        topic = [w for w in topic if w != "iicsa"]
    topic += _named_panels(engine, folded, plan)
    if not people and not roles and set(intents) & _POST_SCOPED:  # "the monitoring officer's commitments overdue"
        people, topic = _post_holder(engine, topic)
    intents = _person_due(engine, intents, people, roles, topic)
    if (people or roles) and "due" in intents and _WHEN_BECAME.search(folded):
        # "when did hazel mckibbin become the LADO": when a person took up a post, which only the papers could say
        intents = ["narrative", *(i for i in intents if i not in ("due", "due-soon"))]
        attribute = None if attribute == "due" else attribute
    if _WHO_CHAIRS.search(folded):  # "who's chairing the BMG from next month": a person, not what falls due then
        intents = [i for i in intents if i not in _ACTION_LISTS]
    asks = [*intents, attribute] if attribute in ("lead", "status", "due") else intents  # "12 - lead?"
    if not ids and not people and not roles and (bare := _bare_number_ids(engine, folded, asks, topic, plan)):
        ids, topic = bare, [w for w in topic if w not in _NUMBER_FORM_WORDS]
    if _PAPER_SAYS.match(folded) and not re.search(r"\b(due|overdue|late|deadlines?)\b", folded):
        # "what does the annual report say happens when a kid goes missing 3 times in 90 days": what it says, not
        # what falls due in 90 days
        intents = [i for i in intents if i not in _ACTION_LISTS]
    last = [c for c in re.split(r"\s{2,}|\?", folded) if c.strip()]
    if people and last and TITLE_ASKED.search(last[-1]) and re.match(r"\s*(what|whats|what s)\b", last[-1]):
        # "rob griffin signed the foreword on the exploitation commitment - what's his actual job": who he is (the
        # clause before says where he was met)
        intents, attribute = ["person"], None
    ambiguous = () if people else tuple(engine.names.ambiguous_in(folded, raw))
    if "which-person" in intents and not (ambiguous and WHICH_NAME.match(folded)[1] == ambiguous[0][0]):
        intents = [i for i in intents if i != "which-person"]  # "which framework ...": no shared first name
    confidence = _confidence(intents, ids, people, roles, plan, topic)
    return Query(
        raw=raw,
        lower=lower,
        folded=folded,
        today=today,
        audience=audience,
        subject=subject,
        hidden=hidden,
        intents=tuple(intents),
        attribute=attribute,
        action_ids=tuple(ids),
        plan=plan,
        committee=_committee(engine, folded, plan),
        people=people,
        roles=roles,
        window=window,
        month=month,
        agenda_number=int(agenda.group(1)) if agenda else None,
        priority_number=_priority(priority.group(1) or priority.group(2)) if priority else None,
        topic_words=tuple(topic),
        confidence=confidence,
        offset=offset,
        ambiguous_people=ambiguous,
        day_of_month=_day_of_month(folded),
        plans=_several_plans(engine, folded, plan, hidden),
        month_year=_month_year_written(folded) if month is not None else None,
    )


# the lists a post named by its title scopes to its one holder ("what's late for the monitoring officer")
_POST_SCOPED = frozenset({"overdue", "due-soon", "portfolio", "stale"})
_POST_NOUNS = frozenset({"officer", "director", "manager", "head", "chair", "lead", "nurse", "doctor", "adviser"})


def _post_holder(engine: Engine, topic: list[str]) -> tuple[tuple[tuple[str, float], ...], list[str]]:
    """The one person whose recorded job title holds every title word of the question (two at least, one a post
    noun: "monitoring officer", "service director commissioning resources"), with those words taken from the
    topic; no one when the words fit no title or several people's."""
    words = [w for w in topic if w in engine.names.title_postings]
    if len(words) < 2 or not _POST_NOUNS & set(words):
        return (), topic
    holders = engine.names.title_holders(frozenset(words), len(words))
    if len(holders) > 1:  # the post's holder in the plans: an interim successor named in later papers leads nothing
        holders = [h for h in holders if engine.by_lead.get(h[0])]
    if len(holders) != 1:
        return (), topic
    return ((holders[0][0], 1.0),), [w for w in topic if w not in words]


def _month_year_written(folded: str) -> int | None:
    m = _MONTH_RX.search(_without_section_span(folded))
    return int(m.group(2)) if m is not None and m.group(2) else None


# the words the intents' cues turn on, which a misspelling ("overdeu", "stauts") would otherwise leave unread
_CUE_WORDS = ("overdue", "deadline", "status", "progress", "responsible", "meeting", "outstanding", "slipped")
_TOKEN = lazy(r"[A-Za-z]{5,}")


def _cue_typos(engine: Engine, raw: str) -> str:
    """The question with a misspelt cue word corrected ("overdeu county": overdue), when the word is no word of the
    knowledge base's own and is the cue with two neighbouring letters swapped, or (for a cue of seven letters or
    more) with one letter left out. A changed or added letter is not corrected: "stats", "states", "statue" and
    "slipper" are words of their own, not "status" or "slipped"."""

    def fixed(m: re.Match) -> str:
        word = m.group(0)
        folded = word.lower()
        if folded in _CUE_WORDS or folded in engine.topics.postings or folded in STOP:
            return word
        if any(folded.startswith(cue) or cue.startswith(folded) for cue in _CUE_WORDS):  # "meetings", "overdu"
            return word
        for cue in _CUE_WORDS:
            if _swapped(folded, cue) or (len(cue) >= 7 and _omitted(folded, cue)):
                return cue
        return word

    if "mt" in raw.lower():  # "next cicc mtg - when?": a meeting
        raw = _SHORTHAND.sub(lambda m: _CUE_SHORTHAND[m.group(0).lower()], raw)
    return _TOKEN.sub(fixed, raw)


# shorthand for a cue word, as people type it
_CUE_SHORTHAND = {"mtg": "meeting", "mtgs": "meetings", "mtng": "meeting"}
_SHORTHAND = lazy(r"\b(?:mtgs?|mtng)\b", re.IGNORECASE)


def _omitted(a: str, b: str) -> bool:
    """Whether `a` is `b` with one letter left out ("outstandng", "ovedue")."""
    return len(a) == len(b) - 1 and any(b[:i] + b[i + 1 :] == a for i in range(len(b)))


def _swapped(a: str, b: str) -> bool:
    """Whether `a` is `b` with two neighbouring letters swapped ("overdeu", "stauts")."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _several_plans(engine: Engine, folded: str, plan: str | None, hidden: frozenset[str]) -> tuple[str, ...]:
    if plan is None or " plan" not in folded:
        return ()
    named = [p for p in plans_named(engine, folded) if p not in hidden]
    return tuple(named) if len(named) > 1 and plan in named else ()


# "councillor asking if anything has slipped", "the director wants to know who leads it", "chair would like to know
# when ...": who is asking is not what is asked (and a title alone names no one): the question is what follows
_ASKER = lazy(
    r"^\s*(?:(?:the|a|an|our|my|one of (?:the|our))\s+)?"
    r"(?:(?!who\b|what\b|when\b|which\b|where\b|how\b|is\b|are\b|has\b|have\b|did\b|does\b|do\b)[\w'-]+\s+){1,5}"
    r"(?:is\s+|s\s+|has\s+|was\s+|are\s+|were\s+|have\s+|keep\s+|keeps\s+)?"
    r"(?:asking|asked|asks|wants to know|want to know|wanting to know|would like to know|"
    r"d like to know|needs to know|wondering|wonders|keen to know|checking|querying|enquiring|"
    r"(?:wants|want|wanted|would like|d like|needs|needed|asked for|is asking for|s asking for|asking for)\s+"
    r"(?:a list of|a note of|an update on|to see|to hear|a summary of|details of))"
    r"(?:\s+(?:me|us|(?:the|our|my) (?:paper|press office|press|council|office|team|board|newsroom)))?\s*"
    r"(?:[,:;\u2013\u2014-]\s*)?(?:(?:if|whether)\b\s*)?"
    # ... and a question follows
    r"(?=(?:if|whether|who|whos|what|whats|when|whens|which|where|how|hows|why|is|are|has|have|did|does|do|can|"
    r"anything|any|whose)\b|[^\s]*\s+(?:is|are|has|have|was|were)\b)",
    re.IGNORECASE,
)


# "what time did it close, for the audit trail", "who signed it - for my records": why it is asked, at the end, is
# not what it is about ("audit" is no topic)
_WHY_ASKED = lazy(
    # "..., chair's prep": whose preparation it is for
    r"\s*[,;\u2013\u2014-]\s*(?:(?:the\s+)?[\w]+'?s\s+|my\s+|our\s+)(?:prep|preparation)\W*$|"
    r"(?:\s*[,;\u2013\u2014-]\s*(?:just\s+|it s\s+|its\s+)?for\s+(?:the|my|our|a|an)|\s+for\s+(?:my|our)"
    # "..., need the name for the file"
    r"|\s*[,;\u2013\u2014-]\s*(?:i |we )?(?:need|needs|needed|want|wanted)\s+(?:it|this|that|them|(?:the|a|an)\s+\w+)"
    r"\s+for\s+(?:the|my|our|a|an))\s+"
    # ("..., for the budget pressures paper": a paper of the asker's own, named by its subject)
    r"(?:own\s+)?(?:(?:[\w-]+\s+){1,2}(?:paper|briefing|note)|audit trail|records?|notes?|files?|tracker|log|"
    r"briefing|spreadsheet|diary|handover|reference|(?:scrutiny\s+)?q|(?:scrutiny\s+)?question|"
    r"paperwork|return|forward plan|calendar|intro(?: para| paragraph)?|(?:team )?(?:mtg|meeting|brief)|agenda|"
    r"newsletter|slides?|presentation|induction)\W*$"
    # "author and date for a harvard ref": a citation is why it is asked
    r"|\s+for\s+(?:a|an|the|my|our)\s+(?:harvard\s+ref(?:erence)?|citation|bibliography|reference list)\W*$",
    re.IGNORECASE,
)


# "... are? doing a team brief", "...? need it for the 1:1", "...? thanks": after the question mark, why it is asked
_WHY_AFTER = lazy(
    r"\?\s*(?:(?:i m |im |i am |we re |were )?(?:doing|prepping|preparing|writing|drafting|putting together|"
    r"pulling together|need(?:ed)? (?:it|this|that|them) for|it s for|its for|for (?:my|our)|thanks|thank you|thx|"
    r"trying to|want to|wanting to|hoping to|so (?:i|we) can|"  # "...? trying to get it into the school calendar"
    r"cheers|ta|pls|please)\b(?:\s+[\w'/:-]+){0,8}|)\W*$",
    re.IGNORECASE,
)


# "..., want to let a young person know", "... so i can tell the head", "..., want to chase leads early": whom the
# answer is for or what the asker will do with it, not what is asked
_WHY_TELL = lazy(
    r"\s*[,;\u2013\u2014-]\s*(?:(?:[a-z]+\s+){0,2}(?:want|wants|wanted|need|needs|needed|have|got|"
    r"going|trying|would like|hope|hopes|are hoping|is hoping)\s+to|so (?:i|we|they) can)\s+(?:let|tell|update|"
    r"inform|brief|remind|warn|send|come|attend|go|join|invite|sit in|reference|cite|quote|catch|hear|watch|make|"
    r"be at|be there for|chase|chivvy|nudge|prod|follow up|email|ring|phone|contact|get ahead|plan|prep|prepare|"
    r"book)\b(?:\s+[\w']+){0,6}\W*$",
    re.IGNORECASE,
)


# a guess after the question, "..., is it the head of children in care?": what is asked is before it (the guess
# named a post that then answered instead)
_GUESSED = lazy(
    r"^(?P<asked>(?:.*?\b)?(?:who|whos|who's|which|what|whats|what's|when|whens|when's)\b.{8,}?)\s*[,;\u2013\u2014-]\s*"
    r"(?:or\s+)?(?:is it|was it|isn't it|isnt it|is that|would it be|will it be)\s+(?:the|a|an|my|our|his|her|"
    r"their|someone|somebody)\b[^,;?]*\??\s*$",  # (a person or post guessed; not "- is it published")
    re.IGNORECASE,
)
# "ty yousaf - what's his job, his name is on the hsb paper", "..., she was at the october panel": where the asker
# met the person, after the question, names nothing asked about
_SEEN_WHERE = lazy(
    r",\s*(?:(?:his|her|their|your)\s+name(?:'s|\s+is|\s+was|\s+s)|(?:he|she|they)(?:'s|'re|\s+is|\s+was|"
    r"\s+were|\s+are|\s+came\s+up|\s+comes\s+up|\s+popped\s+up))\s+(?:on|in|at)\b[^?]*\??\s*$",
    re.IGNORECASE,
)


# a leading clause saying what the answer is for: "for the survivors group update, ...", "for our away day - ..."
_WHY_BEFORE = lazy(
    r"(?i)^\s*(?:for|re:?) (?:(?:the|our|my|a|an|this|tomorrow'?s|next week'?s|monday'?s|friday'?s) )?"
    r"(?:[\w'/&-]+ ){0,5}?(?:update|meeting|report|briefing|session|away ?day|file|tracker|slides?|paper|brief|"
    r"newsletter|training|presentation|agenda|catch ?up|supervision|audit|item)s?\s*[,:;-]+\s*"
)


def without_why(raw: str) -> str:
    """The question without a closing clause saying why it is asked ("..., for the audit trail", "...? doing a
    team brief", "..., want to let a young person know")."""
    before = _WHY_BEFORE.match(raw)
    if before is not None and len(raw[before.end() :].split()) >= 3:
        raw = raw[before.end() :]  # "for the survivors group update, what's late on the county plan": what is late
    after = _WHY_AFTER.search(raw) if "?" in raw else None
    tail = fold(raw[after.start() + 1 :]) if after is not None else ""
    if after is not None and after.start() >= 12 and (not _ASKING_TAIL.search(tail) or _PURPOSE_TAIL.match(tail)):
        raw = raw[: after.start() + 1]
    guess = _GUESSED.match(raw) if " it" in raw.lower() else None
    if guess is not None:  # "who leads the hsb evaluation in the city plan, is it the head of children in care?"
        raw = guess.group("asked").rstrip() + "?"
    lowered = raw.lower()
    seen = _SEEN_WHERE.search(raw) if "," in raw else None
    if seen is not None and seen.start() >= 12:  # "..., his name is on the hsb paper": where they were met
        raw = raw[: seen.start()] + ("?" if raw.rstrip().endswith("?") else "")
        lowered = raw.lower()
    told = _WHY_TELL.search(raw) if " to " in lowered or " so " in lowered else None
    if told is not None and told.start() >= 12:
        raw = raw[: told.start()] + ("?" if raw.rstrip().endswith("?") else "")
    m = _WHY_ASKED.search(raw) if " for " in raw.lower() or "prep" in raw.lower() else None
    if m is None or m.start() < 12:
        return raw
    return raw[: m.start()] + ("?" if raw.rstrip().endswith("?") else "")


def without_asker(raw: str) -> str:
    """The question without a leading "<someone> asking if / wants to know": what is asked, not who asks it. Only
    an asker named by a title or a pronoun ("the councillor", "someone from the board", "my manager"); "Pam asking
    if her review is late" or "children asking whether ..." keep their words."""
    from knowledge.index import TITLE_WORDS

    # "covering for a colleague this week, who owns ...": the asker's week, not a window (the pattern is compiled
    # only for a question holding one of the words it starts with)
    lowered = raw.lower()
    context = _CONTEXT.match(raw) if any(w in lowered for w in _CONTEXT_WORDS) else None
    if context is not None and len(raw) - context.end() >= 8:
        raw = raw[context.end() :]
    opening = _PREAMBLE.match(raw) if any(w in lowered for w in _PREAMBLE_WORDS) else None
    if opening is not None and _FIRST_PERSON.search(raw, opening.end()) and _HERE.search(opening.group(0)):
        opening = None  # "laurence here - can you list all my actions": who "my" is
    if opening is not None and len(raw) - opening.end() >= 8:  # "hiya, new school nurse here! who leads ..."
        raw = raw[opening.end() :]
        lowered = raw.lower()
    label = _LABEL.match(raw) if any(w in lowered for w in _LABEL_WORDS) else None
    if label is not None and len(raw) - label.end() >= 8:  # "press enquiry: who ...", "governance question - who ..."
        raw = raw[label.end() :]
    purpose = (_PURPOSE.match(raw) or _FOR_MEETING.match(raw) or _OWN_PLAN.match(raw)) if "for " in lowered else None
    if purpose is not None and len(raw) - purpose.end() >= 8:  # "for the scrutiny letter: county actions late ..."
        raw = raw[purpose.end() :]
    # (the pattern, ignoring case, has no hint of its own: compiled only for a question holding a word it needs)
    m = _ASKER.match(raw) if any(w in lowered for w in _ASKER_CUES) else None
    if m is None or len(raw) - m.end() < 8:
        return raw
    said = set(re.findall(r"[a-z]+", raw[: m.end()].lower()))
    # "foster carers are asking - where is ...": a dash or colon sets the asker apart from the question, whoever asks
    if said & (TITLE_WORDS | _ASKER_WORDS) or _SET_APART.search(raw[: m.end()]):
        return raw[m.end() :]
    # "a care leaver has asked the paper who leads ...": a member of the public asking a question of their own; but
    # "parents asking whether they can see the records" is about the parents themselves, and keeps its words
    if said & _PUBLIC_ASKERS and _WH_NEXT.match(raw[m.end() :]):
        return raw[m.end() :]
    return raw


def _without_purpose_after(raw: str) -> str:
    """The question without a closing clause saying which other body the answer is for ("what's late in the county
    plan, for the june audit committee"): not a topic ("audit" named County Action 8), nor a month to scope by."""
    lowered = raw.lower()
    m = _PURPOSE_AFTER.search(raw) if " for " in lowered or "ahead of" in lowered or "before" in lowered else None
    if m is None and any(w in lowered for w in ("doing", "writing", "preparing", "drafting", "want", "need", "like")):
        m = _DOING_AFTER.search(raw)  # "which priority covers domestic abuse, doing our funding bid": the asker's task
        if m is not None and not _QUESTION_WORD.search(raw[: m.start()].lower()):
            m = None
    if m is None and "?" in raw:  # "is DASH in the priorities? our idvas use it daily": a remark after the question
        m = _STATEMENT_AFTER.search(raw)
        if m is not None and _QUESTION_WORD.search(m.group(0).lower()):
            m = None
    if m is None:  # "which items is jenny whiston down for, she's mum's contact": a closing remark on the person
        m = _REMARK_AFTER.search(raw)
        if m is not None and not _QUESTION_WORD.search(raw[: m.start()].lower()):
            m = None
    if m is None or m.start() < 12:
        return raw
    return raw[: m.start()].rstrip() + ("?" if raw.rstrip().endswith("?") else "")


# a closing clause that says something of the person asked about, after a comma or dash: "..., she's mum's contact"
_REMARK_AFTER = lazy(
    r"\s*(?:,|;|\s-|\s\u2013|\s\u2014)\s*(?:she|he)(?:'s|\u2019s| s| is| was)\s+(?:[\w'\u2019]+\s+){0,4}[\w'\u2019]+"
    r"\s*[.!]*\s*$",
    re.IGNORECASE,
)
# the asker's own task, closing the question: "..., doing our funding bid", "- writing my report for the board"
_DOING_AFTER = lazy(
    r"\s*(?:,|;|\s-|\s\u2013|\s\u2014)\s*(?:(?:i'?m|i am|we'?re|we are|am|im)\s+)?"
    r"(?:(?:doing|writing|preparing|drafting)\s+(?:our|my|the|a|an|this|some)\s+(?:[\w'\u2019-]+\s+){0,5}[\w'\u2019-]+|"
    # "..., want a bullet list": the form the answer is wanted in
    r"(?:want|need|wanted|needed|would like)\s+(?:it |them )?(?:as |in )?(?:a|an)\s+(?:bullet(?:ed)? |quick |short )?"
    r"(?:list|summary|one-liner|table))"
    r"\s*[?.!]*\s*$",
    re.IGNORECASE,
)
_STATEMENT_AFTER = lazy(
    r"(?<=\?)\s*(?:(?:we|i|they|she|he)\s+(?!\w+\?)|(?:i'?m|im|we'?re)\s+|"
    r"(?:our|my)\s+[\w'\u2019-]+\s+(?:[\w'\u2019-]+\s+)?(?:use|uses|need|needs|want|wants|are|is|have|has|keep|keeps)\s+|"
    r"(?:it\s+|that\s+|this\s+)?(?:keeps?|kept|came|comes)\s+(?:coming\s+|cropping\s+|popping\s+)?up\W*$)"
    r"[^?]*$",
    re.IGNORECASE,
)
_QUESTION_WORD = lazy(r"\b(?:who|whos|what|whats|which|when|whens|where|how|is|are|does|do|did|has|have|can)\b")


_PURPOSE_AFTER = lazy(
    r"\s*(?:,|;|:|\s-|\s\u2013|\s\u2014)\s*(?:(?:this is|it'?s|its|need(?:ed)? (?:it|this))\s+)?"
    r"(?:for|ahead of|before)\s+(?:the|my|our|a|an|tomorrow'?s|tonight'?s|next week'?s|this week'?s)?\s*"
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\s+)?"
    r"(?:audit|scrutiny|overview and scrutiny|cabinet|dmt|slt|smt|cmt|leadership team|management team|team|exec|"
    r"executive|governance|finance|full council|members'?|cllrs'?|councillors'?)"
    r"(?:\s+(?:committee|meeting|board|briefing|session|catch-?up|huddle|report|pack|paper|group))?\s*[?.!]*\s*$",
    re.IGNORECASE,
)


def _mentioned(engine: Engine, raw: str) -> str:
    """ "marjorie toward came up at a housing meeting, what's she leading on": the person, then the question - where
    the asker heard the name is not what is asked (not a meeting to look up). Only a clause whose subject is a
    person the knowledge base names; "the report that came up at the october panel - who wrote it" keeps its words."""
    lowered = raw.lower()
    m = _MENTIONED.match(raw) if any(w in lowered for w in _MENTIONED_CUES) else None
    if m is None or len(raw) - m.end() < 8:
        return raw
    named = fold(m.group(1))
    people = engine.names.people_in(named, m.group(1))
    if not people or any(len(w) > 2 and w not in _names_words(engine, people) for w in named.split()):
        return raw
    return f"{m.group(1)} - {raw[m.end() :]}"


def _names_words(engine: Engine, people: list[tuple[str, float]]) -> set[str]:
    """The folded words of the names (and aliases) of `people`."""
    kb = engine.kb
    return {w for pid, _ in people for n in (kb.people[pid].name, *kb.people[pid].aliases) for w in fold(n).split()}


_MENTIONED_CUES = ("came up", "come up", "cropped up", "mentioned", "brought up", "popped up", "was named")
_MENTIONED = lazy(
    r"^\s*((?:[\w'.-]+\s+){0,3}[\w'.-]+)\s+(?:came up|has come up|come up|cropped up|has cropped up|popped up|"
    r"was mentioned|got mentioned|has been mentioned|was brought up|got brought up|was named)\b"
    r"[^,:?\u2013\u2014-]{0,60}(?:,|:|\s[-\u2013\u2014])\s*"
    r"(?=(?:who|whos|what|whats|when|whens|which|where|how|is|are|has|have|did|does|do|can|could)\b)",
    re.IGNORECASE,
)


def _whose_cover(engine: Engine, raw: str) -> str:
    """ " - for <name>" when the leading clause the question is stripped of names whose work it is ("covering pam
    rosseter's work since she went - what's overdue": Pam Rosseter's overdue work, not everyone's); else ""."""
    lowered = raw.lower()
    context = _CONTEXT.match(raw) if any(w in lowered for w in _CONTEXT_WORDS) else None
    if context is None or len(raw) - context.end() < 8:
        return ""
    clause = raw[: context.end()]
    named = [engine.kb.people[key].name for key, _ in engine.names.people_in(fold(clause), clause)]
    return f" - for {' and '.join(named)}" if named else ""


# a leading clause about the asker and a question after it: "covering for a colleague this week, who ...", "hi,
# new here - what ...", "quick one: is ..."
_CONTEXT_WORDS = (
    *("covering", "cover", "standing in", "filling in", "new here", "new to", "new at", "new in", "just started"),
    *("just joined", "quick", "sorry to bother", "doing"),
    *("running", "prepping", "preparing", "planning", "writing", "delivering", "putting together", "we", "i'm"),
    *("i am", "im ", "reviewing", "updating", "drafting", "refreshing", "worried", "concerned"),
)
_CONTEXT = lazy(
    r"^\s*(?:hi|hello|hiya|hey|morning|afternoon|good (?:morning|afternoon))?[\s,!]*"
    r"(?:(?:i'?m|im|i am|just|currently|am)\s+)?"
    r"(?:covering|on cover|on holiday cover|doing cover|standing in|filling in|new here|new to (?:this|the \w+)|"
    r"new (?:at|in) (?:one of )?(?:(?:the|a|an|our|my|this) )?|just (?:started|joined) (?:at|in|with) |"
    r"quick q(?:uestion)?|quick one|sorry to bother you|(?:worried|concerned) (?:about|re|that)\b|"
    # "doing a consent / healthy relationships session for staff - does the biz plan ...": what the asker is doing
    r"(?:doing|running|prepping|preparing|planning|writing|rewriting|reviewing|updating|drafting|refreshing|"
    r"delivering|putting together) "
    r"(?:a|an|some|the|our|my|next|this|these|for)\b|"  # "planning next yrs programme - which ..."
    # "we're on the east midlands framework - by when ...": who the asker is
    r"(?:we'?re|we are|i'?m|i am|im) (?:on|in|part of|with|from|based (?:in|at))\b)"
    r"\b[^,:?\-]{0,80}[,:\-]\s*"
    # ... and the question, perhaps after the thing it is about: "covering the clerk role - item 9 allegations
    # paper, what are the constitutional comments"
    r"(?=(?:[^,:?\-]{1,60}[,:\-]\s*)?"
    r"(?:who|whos|what|whats|when|whens|which|where|how|by when|is|are|has|have|did|does|do|can|could)\b)",
    re.IGNORECASE,
)
# "for scrutiny next week - which county actions are behind": the meeting the answer is for, not what is asked
# (neither a topic, "scrutiny", nor a window, "next week")
_FOR_MEETING = lazy(
    r"^\s*for\s+(?:the\s+|my\s+|our\s+|tonight'?s\s+|tomorrow'?s\s+)?(?:scrutiny|cabinet|dmt|slt|smt|board|exec|"
    r"executive|committee|scrutiny committee)(?:\s+(?:meeting|session))?(?:\s+(?:next|this|on)\s+\w+)?\s*"
    r"(?::|-|\u2013|\u2014|,)\s*",
    re.IGNORECASE,
)
# what the answer is for, put before the question: "for the scrutiny letter: ...", "for my notes - ..." (not a
# topic: "scrutiny" had scoped an overdue question to County Action 12, whose step says "appropriate scrutiny")
_PURPOSE = lazy(
    r"^\s*(?:(?:this is|it'?s|its|need(?:ed)?(?: it| this)?|asking)\s+)?for\s+(?:the|my|our|a|an|[a-z]+'?s)\s+"
    r"(?:[\w'\u2019-]+\s+){0,2}(?:letter|briefing|brief|minutes|notes?|file|records?|slides|presentation|email|reply|"
    r"response|article|story|write-?up|summary|handover|log|board|dmt|slt|smt|catch-?up|supervision|huddle|"
    r"team meeting|forum)\s*(?::|-|\u2013|\u2014|,)\s*",
    re.IGNORECASE,
)
# "for my edge of care plan - what are the neglect key activities": the asker's own plan, which the answer is for
_OWN_PLAN = lazy(r"^\s*for\s+(?:my|our)\s+(?:[a-z][\w-]*\s+){0,4}plan\s*(?::|-|\u2013|\u2014|,)\s*", re.IGNORECASE)
# a label put before the question: "press enquiry: who ...", "governance question - who ...", "FOI request: ..."
# an opening that greets, says who is asking or apologises, set apart from the question that follows: "hiya, new
# school nurse here! who ...", "sorry if this is a daft q but when ...", "for lines to take: who ..."
_FIRST_PERSON = lazy(r"\b(?:my|mine|me|i|i'm|im|i've|myself)\b", re.IGNORECASE)
_HERE = lazy(r"\b(?:here|speaking)\b", re.IGNORECASE)
_PREAMBLE_WORDS = ("hi", "hey", "hello", "morning", "afternoon", "here", "speaking", "sorry", "apologies", "for ")
_PREAMBLE = lazy(
    r"^\s*(?:"
    r"(?:hi|hello|hiya|hey|morning|afternoon|good (?:morning|afternoon))\b[^!?:.]{0,60}[!.:]+|"
    r"[^!?:.]{0,60}\b(?:here|speaking)\s*[!.:,\-]+|"
    r"sorry\b[^?!:]{0,60}?(?:\bbut\b|[!.:\-]+)|sorry,?\s+|apologies\s*[,!.]+\s*|"
    r"for\s+(?:[\w'\u2019/&-]+\s+){0,4}[\w'\u2019/&-]+\s*:"
    r")\s*"
    r"(?=(?:who|whos|what|whats|when|whens|which|where|how|hows|why|is|are|has|have|did|does|do|can|could)\b)",
    re.IGNORECASE,
)
_LABEL_WORDS = ("enquir", "inquir", "quer", "question", "request", "fyi")
_LABEL = lazy(
    r"^\s*(?:[\w'/&+]+\s+){0,3}(?:enquiry|inquiry|query|question|request|fyi)\s*(?::|-|\u2013|\u2014)\s*"
    r"(?=(?:who|whos|what|whats|when|whens|which|where|how|hows|why|is|are|has|have|did|does|do|can|could)\b)",
    re.IGNORECASE,
)
_PUBLIC_ASKERS = frozenset(
    {"leaver", "leavers", "parent", "parents", "carer", "carers", "resident", "residents", "public"}
)  # fmt: skip
_WH_NEXT = lazy(r"\s*(?:who|whos|what|whats|when|whens|which|where|how|hows)\b", re.IGNORECASE)
# every asking form _ASKER reads holds one of these: "asking", "wants to know", "wondering", "checking", "needs"
_SET_APART = lazy(
    r"(?:asking|asked|asks|to know|wondering|wonders|checking|querying|enquiring)\s*[:;\u2013\u2014-]\s*$"
)
_ASKER_CUES = ("ask", "know", "wonder", "check", "quer", "enquir", "want", "like", "need")
_ASKER_WORDS = frozenset(
    {"someone", "somebody", "anyone", "colleague", "colleagues", "boss", "i", "we", "he", "she", "they", "board",
     "panel", "committee", "partner", "partners", "cabinet", "scrutiny", "inspector", "ofsted", "auditor", "auditors",
     "press", "journalist", "journalists", "reporter", "reporters", "paper", "newspaper", "mp"}
)  # fmt: skip


def _plan_scope(engine: Engine, folded: str, hidden: frozenset[str]) -> str | None:
    """The plan the question names, longest phrase first ("city business plan" before "city")."""
    tokens = folded.split()
    for size in range(min(engine.longest_plan_phrase, len(tokens)), 1, -1):
        for i in range(len(tokens) - size + 1):
            plan_id = engine.plan_words.get(" ".join(tokens[i : i + size]))
            if plan_id is not None:
                return plan_id if plan_id not in hidden else None
    # one word: a plan's own first word ("county", "tce") before a word of another plan's long name ("assessment"
    # in "paul johnson's needs assessment action at county"); "agreed with the city" names a partner, not a plan
    single = [
        (engine.plan_words[w], w) for i, w in enumerate(tokens) if w in engine.plan_words and not _partner(tokens, i)
    ]
    if not single:
        return None
    firsts = plan_vocab(engine).firsts
    # "... partnership policies ... in the exploitation action plan": the word said as a plan's name names it
    said_plan = [p for p, w in single if re.search(rf"\b{re.escape(w)} (?:action )?plan\b", folded)]
    plan_id = next((p for p, w in single if w in firsts), said_plan[0] if said_plan else single[0][0])
    return plan_id if plan_id not in hidden else None


def plans_named(engine: Engine, folded: str) -> list[str]:
    """Every plan the question names, in the order named ("the city and county plans": both), longest phrase first
    at each place; a word after "with" names a partner, not a plan."""
    tokens = folded.split()
    found: list[str] = []
    i = 0
    while i < len(tokens):
        for size in range(min(engine.longest_plan_phrase, len(tokens) - i), 0, -1):
            plan_id = engine.plan_words.get(" ".join(tokens[i : i + size]))
            if plan_id is not None and not (size == 1 and _partner(tokens, i)):
                if plan_id not in found:
                    found.append(plan_id)
                i += size - 1
                break
        i += 1
    return found


def _partner(tokens: list[str], i: int) -> bool:
    """Whether the word at `i` follows "with" ("with the city", "jointly with county"): a partner, not a scope."""
    before = tokens[max(0, i - 2) : i]
    return bool(before) and (before[-1] == "with" or before == ["with", "the"])


def _committee(engine: Engine, folded: str, plan: str | None = None) -> str | None:
    padded = f" {folded} "
    for phrase, cid in engine.committee_words.items():
        if f" {phrase} " in padded and not (phrase in _GROUP_NOUNS and _another_group(engine, folded, phrase)):
            if plan is not None and phrase in _GROUP_NOUNS and f" {phrase} chair" in padded:
                # "which panel chair does the city biz plan want hsb updates from": a panel the plan names (the
                # ASHA panel), not the committee known by the bare noun
                continue
            return cid
    return None


_GROUP_NOUNS = frozenset({"panel", "committee", "board", "group"})  # a committee named by its noun alone
_DAYS = frozenset(calendar.day_name[i].lower() for i in range(7)) | {"may"}
# words that may stand before a bare "panel" and still mean the committee: "the january panel", "next panel",
# "tuesday's panel", "the county panel"; any other ("the ASHA panel", "an hsb panel", "the fostering panel") names
# another group the committee is not
SAME_GROUP = frozenset(
    """the a this that next last previous same upcoming latest recent our your their its which what whose each every
    county notts nottinghamshire s corp cp today tomorrow tomorrows yesterday weeks week month months of at to for
    on in from before after by""".split()  # noqa: SIM905 - a word list
)


def _another_group(engine: Engine, folded: str, noun: str) -> bool:
    """ "the ASHA panel", "an hsb panel": every bare `noun` in the question is qualified by a word of no committee."""
    own = {w for phrase in engine.committee_words for w in phrase.split()}
    words = folded.split()
    before = [words[i - 1] if i else "" for i, w in enumerate(words) if w == noun]
    return (
        bool(before)
        and all(
            w
            and w not in SAME_GROUP
            and w not in own
            and w.removesuffix("s") not in _MONTHS  # "last octobers panel"
            and w not in _DAYS
            and w not in SEASONS
            and not w[:1].isdigit()
            and not re.fullmatch(r"\d+(st|nd|rd|th)", w)
            for w in before
        )
    )


# a meeting or its papers named ("item 6 on the agenda", "item 6 at the panel"): an item is an agenda item
_PAPERS_NAMED = lazy(r"\b(?:agenda|meeting|meetings|panel|committee|minutes|papers?|pack|board|group|report)\b")
PLAN_NAMED = lazy(r"\bplans?\b")
YEAR_WINDOW = lazy(r"\b(?:next|last|this) year\b")


def _action_ids(engine: Engine, lower: str, plan: str | None) -> list[str]:
    """Action-id keys the question names: after "action", or bare ids like 7a / P1.2 / TCE3 / "tce 3".

    A plain number in a plan whose ids carry a prefix is that plan's action ("action 12" in the TCE plan).
    """
    keys = []
    for m in ACTION_WORD_ID.finditer(lower):
        key = id_key(m.group(1))
        if m.group(1)[-2:-1] == " " and not (engine.ids.find(key) or engine.ids.family(key)):
            key = id_key(m.group(1)[:-2])  # "action 10 i think": the row number, not a row "10i"
        keys.append(key)
        keys += _listed_after(engine, lower, m.end(), keys[-1])
    for m in _SLASHED_IDS.finditer(lower):
        keys += [id_key(m.group(1)), *_listed_after(engine, lower, m.end(), id_key(m.group(1)))]
    for prefix in engine.ids.prefix_plans:
        keys += [prefix + m.group(1) for m in re.finditer(rf"\b{prefix}[\s-]?(\d{{1,3}})\b", lower)]
    if plan is not None:
        keys = [engine.ids.in_plan(k, plan) for k in keys]
    keys += _plan_named_ids(engine, lower)
    for m in BARE_ID.finditer(lower):
        token = id_key(m.group(1))
        if token in keys or token.isdigit():
            continue
        if any(ch.isalpha() for ch in token) and (engine.ids.find(token) or engine.ids.family(token)):
            keys.append(token)
    return list(dict.fromkeys(k for k in keys if k))


_MOST_IN_RANGE = 20


def _listed_after(engine: Engine, lower: str, end: int, first: str) -> list[str]:
    """The ids that follow a named one in a list ("actions 2, 3 and 5", "7a/b"): only ids some plan has."""
    keys, last = [], first
    while m := _MORE_IDS.match(lower, end):
        sep, token = m.group(1), m.group(2)
        if token.isalpha():  # "7a/b": the letter after a slash stands for the row's next part
            if sep != "/" or not last[-1:].isalpha():
                break
            token = last[:-1] + token
        key = id_key(token)
        if not (engine.ids.find(key) or engine.ids.family(key)):
            break
        if sep in ("-", "\u2013", "to", "through"):  # "actions 1-3", "actions 2 to 5": a range of row numbers
            if not (last.isdigit() and key.isdigit() and 0 < int(key) - int(last) <= _MOST_IN_RANGE):
                break
            keys += [n for n in map(str, range(int(last) + 1, int(key))) if engine.ids.find(n)]
        keys.append(key)
        last, end = key, m.end()
    return keys


# "is 8 done yet", "who leads 12?", "when's 6 due": a bare number that is all the question names, asked its status,
# lead or date, is an action's row number (in every plan that has it: the answer names each, or the plan asked)
_BARE_NUMBER = lazy(
    r"(?<![\w/.£$])(?<!item )(?<!items )(?<!priority )(?<!page )(?<!pages )(\d{1,2})(?![\w/.%:])"
    r"(?!\s*(?:per|days?|weeks?|months?|years?|yrs?|times?|hours?|hrs?\b|minutes?|mins?\b|secs?\b|seconds?|[ap]m\b|"
    r"people|children|of\b|out\b|and\b|or\b|"
    r"to\b|-\s*\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
)
_MONTH_STARTS = frozenset(calendar.month_abbr[i].lower() for i in range(1, 13))
_NUMBER_FORM_WORDS = frozenset(
    {"done", "yet", "complete", "completed", "finished", "sorted", "now", "number", "row", "no", "on", "track", "start",
     "late", "overdue", "behind", "slipped", "slipping",
     "started", "happening", "latest", "news", "going", "how", "hows", "progress", "status", "lead", "leading", "due",
     "deadline", "timescale", "finish"}
)  # fmt: skip


def numbered_plan_words(engine: Engine) -> tuple[str, ...]:
    """The plans' names and name words holding a digit ("plan 11"), found once per engine, in plan_words' order."""
    found = engine.__dict__.get("_numbered_plan_words")
    if found is None:
        found = engine.__dict__["_numbered_plan_words"] = tuple(
            phrase for phrase in engine.plan_words if any(ch.isdigit() for ch in phrase)
        )
    return found


def _bare_number_ids(engine: Engine, folded: str, intents: list[str], topic: list[str], plan: str | None) -> list[str]:
    """The action ids a lone bare number names, when the question asks nothing else ("is 8 done yet")."""
    if not {"status", "lead", "due", "overdue"} & set(intents) or {"agenda", "count", "priorities", "meeting"} & set(
        intents
    ):
        return []
    if any(w not in _NUMBER_FORM_WORDS for w in topic) or len(folded.split()) > 8:
        return []
    for phrase in numbered_plan_words(engine):  # "what is overdue in plan 11": a number in a plan's name is no row
        if f" {phrase} " in f" {folded} ":
            folded = f" {folded} ".replace(f" {phrase} ", " ").strip()
    numbers = [
        m.group(1)
        for m in _BARE_NUMBER.finditer(folded)
        if (folded[: m.start()].split() or [""])[-1][:3] not in _MONTH_STARTS  # "march 1": a day, not a row
    ]
    if len(numbers) != 1:
        return []
    key = engine.ids.in_plan(numbers[0], plan) if plan is not None else numbers[0]
    return [key] if engine.ids.find(key, plan) else []


_AFTER_PLAN_ID = lazy(
    r"[\s(]+(?:plan[\s(]+)?(?:row|action|act\.?|a(?=\d)|no\.?|number|#)?\s*#?(\d{1,3}[a-z]?)\b(?![./])"
    r"(?!\s*(?:%|per|days?|weeks?|months?|years?|times?|hours?|minutes?|[ap]m\b|actions?|items?|rows?|people|children|of\b|out\b))"
)


def _plan_named_ids(engine: Engine, lower: str) -> list[str]:
    """ "city 6", "city row 9", "county no. 11", "county plan 3", "county a3": a number right after a plan's own name is
    that plan's action, when the plan has it. Only a plan's short names and the first word of its id count
    ("city", "county plan"), not every word a plan's title holds ("partnership 2" is not a row)."""
    names, pattern = _plan_id_pattern(engine)
    if pattern is None:
        return []
    keys = []
    for m in pattern.finditer(lower):
        plan = names[m.group(1)]
        key = engine.ids.in_plan(id_key(m.group(2)), plan)
        if engine.ids.find(key, plan) or engine.ids.family(key, plan):
            keys.append(key)
    return keys


def _plan_id_pattern(engine: Engine) -> tuple[dict[str, str], re.Pattern[str] | None]:
    """One pattern for every plan's own names followed by a number, built once and kept on the engine."""
    memo = engine.__dict__.get("_plan_id_pattern")
    if memo is None:
        names: dict[str, str] = {}
        for plan in engine.kb.plans.values():
            for name in {fold(n) for n in plan.short_names} | {plan.id.split("-")[0]}:
                if name and engine.plan_words.get(name) == plan.id:
                    names[name] = plan.id
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        pattern = re.compile(rf"\b({alternatives})" + _AFTER_PLAN_ID.pattern) if names else None
        memo = engine.__dict__["_plan_id_pattern"] = (names, pattern)
    return memo


_DAY = lazy(
    r"\b(?:on )?(?:the )?([12]?\d|3[01])(?:st|nd|rd|th)\b|\b([12]?\d|3[01]) (?:"
    + "|".join(calendar.month_name[i].lower() for i in range(1, 13))
    + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b"  # "the 15 oct minutes"
)


def _day_of_month(folded: str) -> int | None:
    m = _DAY.search(folded)
    if not m:
        return None
    return int(m.group(1) or m.group(2))


def _priority(word: str) -> int:
    if word[:1].isdigit():  # "4", "4th"
        return int(word.rstrip("stndrh"))
    return NUMBER_WORDS.get(word) or _ORDINAL_WORDS[word]


_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}


# "the commitments for the next 12 months", "our priorities for the coming year": a paper's forward look names a
# part of the paper, not the time the question asks about
_SECTION_SPAN = lazy(
    r"\b(commitments?|priorities|aims?|objectives?|ambitions?|intentions?) for (the )?(next|coming) "
    r"((\d{1,2}|one|two|three|four|five|six|twelve|few|couple of) )?(years?|months?|weeks?)\b"
)


_WHO_OPENS = lazy(r"\s*(?:who|whos|who s)\b")
# "which council committees had updates on the city plan", "what boards has it been to": the bodies asked for are
# no list of actions falling due
_ASKS_BODIES = lazy(r"\s*(?:which|what) (?:\w+ ){0,2}(?:committees|boards|bodies|partnerships|councils)\b")
_ACTION_LISTS = frozenset({"due", "due-soon", "overdue"})
# "according to the october minutes", "as per the annual report": which paper to read, not what is asked of it
SOURCE_CLAUSE = lazy(
    r"\b(?:according to|as per|going by) (?:the |their |our |last |this )?(?:\w+ ){0,3}?"
    r"(?:minutes|papers|pack|report|plan|agenda)\b"
    # "october minutes said the CiCC meeting got pulled - when's the next one": what the asker read, and where
    r"|^\s*(?:the |their |our |last |this )?(?:(?!what\b|whats\b|do\b|does\b|did\b|which\b|how\b|where\b)\w+ ){0,3}?"
    r"(?:minutes|papers|pack|report|plan|agenda) (?:said|says|say|mentioned|mentions|mention)\b"
    # "..., it was mentioned in the oct minutes", "..., the october minutes mentioned it": where it was read
    r"|\b(?:it was |was |it s |its )?(?:mentioned|said|raised) in (?:the |their |last )?(?:\w+ ){0,2}?"
    r"(?:minutes|papers|pack|report|agenda)\s*$"
    r"|\b(?:the |their |last )?(?:\w+ ){0,2}?minutes (?:mentioned|said|raised) (?:it|this|that)\s*$"
    # "..., per the october minutes", "... from the oct minutes?": where it is read, after the question
    r"|\s(?:per|from|in|by) (?:the |their |last |this )?(?:\w+ ){0,3}?(?:minutes|papers|pack)\s*\??\s*$"
)
HOW_OFTEN = lazy(r"^\s*(?:and |so )?how (?:often|frequently|regularly)\b")
_WHO_CHAIRS = lazy(
    r"(?:^\s*(?:and |so )?|\s{2,})(?:who|whos|who s)\b(?: \w+){0,3} (?:chair|chairs|chairing|chaired|chairman|"
    r"chairperson)\b"  # (or after a dash: "QA subgroup - who's chairing it")
)
_ASKS_SHARE = lazy(r"(?:^|\s)(?:what|which) (?:%|per ?cent|percentage|proportion|share|fraction)\b|%")
# "which councillors actually sit on", "who is really responsible for": emphasis between a cue's words
_EMPHASIS = lazy(r"\b(?:actually|really|exactly|definitely)\s+")


# a phone's short forms of the words that place a question in time: "due b4 xmas", "next wk", "in 2 mths"
_PHONE_WORDS = {
    "b4": "before", "wk": "week", "wks": "weeks", "mth": "month", "mths": "months", "2day": "today", "nxt": "next",
    "tmrw": "tomorrow", "tmw": "tomorrow", "2moro": "tomorrow", "yr": "year", "yrs": "years", "wen": "when",
    "bout": "about", "get together": "meet", "gets together": "meets",
}  # fmt: skip
_PHONE_RX = lazy(r"\b(" + "|".join(_PHONE_WORDS) + r")\b", re.IGNORECASE)


def _phone_words(raw: str) -> str:
    """The question with a phone's short forms of time words written out ("what's due b4 end of march"), and
    "a full list of" said as "a list of": how much is asked for, not what ("complete" is no status asked)."""
    if _WHOLE_LIST.may_search(raw.lower()):
        raw = _WHOLE_LIST.sub(lambda m: m.group(0).split(None, 1)[1], raw)  # "full overdue list": "overdue list"
    if _INQUIRY.may_search(raw.lower()):  # "that sexual abuse inquiry plan": an IICSA plan
        raw = _INQUIRY.sub("IICSA", raw)
    if _LIKE_OURS.may_search(raw.lower()):  # "training for staff like ours": who asks, not what about
        raw = _LIKE_OURS.sub(" ", raw)
    if _KICK_OFF.may_search(raw.lower()):
        raw = _KICK_OFF.sub(lambda m: _KICKED[m.group(1).lower()], raw)
    if _NEXT_ONE.may_search(raw.lower()):  # "children in care council - when's the next one": its next meeting
        raw = _NEXT_ONE.sub(r"\1next meeting", raw)
    if " out" in raw.lower() and _OUT_YET.may_search(raw.lower()):  # "local offer - is it out yet": launched
        raw = _OUT_YET.sub(lambda m: f"has {m.group(2)} been launched", raw)
    if " who" in raw.lower() and _TOLD_TO_RING.may_search(raw.lower()):  # "was told to ring X - who is that?"
        raw = _TOLD_TO_RING.sub(lambda m: f"who is {m.group('x')}?", raw)
    if "frequen" in raw.lower() and _FREQUENCY.may_search(raw.lower()):  # "QA subgroup meeting frequency?"
        raw = _FREQUENCY.sub(lambda m: f"how often does the {m.group('body') or m.group('body2')} meet", raw)
    if " sit" in raw.lower() and _SITS.may_search(raw.lower()):  # "how often does the hsb panel sit"
        raw = _SITS.sub(lambda m: m.group(1) + ("meets" if m.group(2).lower() == "sits" else "meet"), raw)
    if "no." in raw.lower():  # "the customer services no. for ...": a number
        raw = _NO_DOT.sub("number", raw)
    if not _PHONE_RX.may_search(raw.lower()):
        return raw
    return _PHONE_RX.sub(lambda m: _PHONE_WORDS[m.group(1).lower()], raw)


# "the children in care council - when's the next one": a body that meets, so the next one is its next meeting
_NEXT_ONE = lazy(
    r"(\b(?:council|forum|group|subgroup|sub-group|network|board|panel|committee|meeting|cicc|flag)\b.{0,40}?\b)"
    r"next one\b",
    re.IGNORECASE,
)
# "is it out yet", "is the local offer out now": whether it has been launched (not when the next report on it is due)
_OUT_YET = lazy(r"\b(is|are)\s+(it|they|this|that|the\s+[\w' -]{2,50}?)\s+out\s+(?:yet|now|already)\b", re.IGNORECASE)
# "was told to ring the service manager for strategic safeguarding - who is that?": who holds that post (the ringing
# is what the asker was told, not what is asked)
_TOLD_TO_RING = lazy(
    r"^\s*(?:i\s+)?(?:was|ve been|'ve been|have been|been|got|were)\s+(?:told|asked|advised)\s+to\s+(?:ring|call|"
    r"contact|phone|email|speak to|talk to|see)\s+(?P<x>.+?)\s*(?:[-\u2013\u2014,]|\s)\s*who(?:\s+is|'s|s|\s+s)\s+"
    r"(?:that|this|he|she|they|it)\s*\??\s*$",
    re.IGNORECASE,
)
# "QA subgroup meeting frequency?", "frequency of the flag meetings": how often the body meets
_FREQUENCY = lazy(
    r"^\s*(?:the\s+)?(?P<body>[\w/&' -]{2,40}?)\s+meeting\s+frequency\b|"
    r"^\s*(?:what s |whats |what is )?(?:the\s+)?frequency of (?:the\s+)?(?P<body2>[\w/&' -]{2,40}?)\s+meetings?\b",
    re.IGNORECASE,
)
# "how often does the hsb panel sit": a panel or committee sits when it meets
_SITS = lazy(
    r"(\b(?:how often|how frequently|when) (?:does|do|will|did) (?:the )?[\w/&' -]{2,40}?\b(?:panel|committee|"
    r"group|subgroup|sub-group|board|forum|bench|court) (?:last |next |first )?)(sit|sits)\b",
    re.IGNORECASE,
)
# "what did ofsted say about the local offer when they inspected in may": a clause saying when something happened,
# after a question of another kind, does not ask when anything is due
_WHEN_CLAUSE = lazy(
    r"(?<=\w) when (?:they|we|he|she|it|you|i|the \w+|ofsted|hmip|cqc) (?!is\b|s\b|are\b|will\b)"
    r"(?!(?:\w+ )?(?:meant|supposed|due|expected|planned|scheduled|going|should)\b)\w+.*$"
)  # (not "... published when it was meant to": when it was due is asked)
_OPENS_OTHER = lazy(r"^\s*(?:and |so |but )?(?:what|how|who|whos|which|why|did|does|do|is|are|was|were|has|have)\b")


def _without_when_clause(asked: str) -> str:
    # (the question may follow what it is about: "rosa waddingham - what was her role when she signed it")
    if " when " not in asked or not _OPENS_OTHER.match(re.split(r"\s[-\u2013\u2014:]\s|,\s|\s{2,}", asked)[-1]):
        return asked
    return _WHEN_CLAUSE.sub("", asked)


_COUNCIL_NAMED = lazy(r"\b(?:city|county|nottinghamshire|notts)\b")
_COUNCILS = frozenset({"nottingham-city-council", "nottinghamshire-county-council"})


def _roles_of_council(engine: Engine, roles: tuple[tuple[str, float], ...], plan: str) -> tuple[tuple[str, float], ...]:
    """ "who is the county's corporate director": of the posts named, not one of the other council's (the city's
    Corporate Director is no answer about the county); a post of another body, or of none, is kept."""
    own = engine.kb.plans[plan].organisation
    if own not in _COUNCILS:
        return roles
    return tuple((rid, score) for rid, score in roles if engine.kb.roles[rid].organisation not in _COUNCILS - {own})


_NO_DOT = lazy(r"\bno\.(?=\s+for\b)", re.IGNORECASE)


_INQUIRY = lazy(
    r"\b(?:the )?(?:independent )?(?:inquiry into (?:child )?sexual abuse|(?:child )?sexual abuse inquiry)\b",
    re.IGNORECASE,
)
_LIKE_OURS = lazy(r"\b(?:for|from|by|to) (?:\w+ ){1,2}like (?:ours|us|me|mine)\b", re.IGNORECASE)
_KICK_OFF = lazy(r"\b(kick|kicks|kicked|kicking)[ -]off\b", re.IGNORECASE)  # "when does the review kick off"
_KICKED = {"kick": "start", "kicks": "starts", "kicked": "started", "kicking": "starting"}
_WHOLE_LIST = lazy(
    r"\b(?:full|complete|whole|entire|comprehensive|exhaustive)\s+(?:(?:overdue|late|outstanding)\s+)?list\b",
    re.IGNORECASE,
)  # ("full overdue list for the county plan": not the step "Full progress report ...")


# "...? want to tell survivors what's coming": a purpose, whatever "what" it holds (not "want to know who ...")
_PURPOSE_TAIL = lazy(r"\s*(?:want|wanting|trying|hoping|need|needing) to (?!know\b|find out\b|check who\b|ask\b)\w+")
_ASKING_TAIL = lazy(
    r"\b(?:who|whos|what|whats|when|whens|which|where|how|hows|why|is|are|does|did|can|could|has|have)\b"
)


def _asked_part(raw: str, folded: str) -> str:
    """The question up to its first "?" when what follows only says why it is asked ("what is her title? doing the
    attendance list", "who leads it? director wants a name"): the words after it put no question of their own."""
    head, mark, tail = raw.partition("?")
    tail = fold(tail)
    if not mark or not tail.strip() or _ASKING_TAIL.search(tail):
        return folded
    return re.sub(r"\bwhos\b", "who s", fold(head))


def _without_emphasis(folded: str) -> str:
    """The question without words of emphasis, so that a cue reads through them ("who is actually responsible")."""
    return _EMPHASIS.sub("", folded)


def _without_section_span(folded: str) -> str:
    """The question without a forward look that names part of a paper ("the commitments for the next 12 months")."""
    return _SECTION_SPAN.sub(" ", folded)


# "may" as a verb: "we may get referrals off the back of it", "it may be late" (not the month)
_MAY_VERB = lazy(
    r"\b(?:i|we|you|they|it|he|she|this|that|there|which|who|schools|staff|people) may\b"
    r"|\bmay (?:be|have|get|need|not|also|well|want|wish|take|require|ask|help)\b"
)


def _window(folded: str, today: dt.date) -> tuple[int | None, Window | None]:
    """A named month (and its window) or a relative window."""
    if "may" in folded and _MAY_VERB.search(folded):
        folded = _MAY_VERB.sub(lambda m: m.group(0).replace("may", "might"), folded)
    week = _week_commencing(folded, today)
    if week is not None:
        return week
    m = _MONTH_RX.search(folded)
    if m and _DATE_STAMP.search(folded):
        # "due in the next few weeks? (20 jan 2020)": a full date is the day asked; a window named besides it wins.
        rest = _DATE_STAMP.sub(" ", folded)
        month, window = _window(rest, today)
        if window is not None:  # "what falls due next month? (asking 1 march 2020)": April, not March
            return month, window
    if m and _MONTH_NOW.search(folded):
        # "mid april now - anything due in the next couple of months": the month says what today is; a window
        # named besides it wins
        month, window = _window(_MONTH_NOW.sub(" ", folded), today)
        if window is not None:
            return month, window
    if m and not re.search(r"\bmay (i|we|you)\b", folded):
        pair = _month_pair(folded, today)
        if pair is not None:
            return pair
        month = _MONTHS[m.group(1)]
        year = int(m.group(2)) if m.group(2) else _year_for(month, today, folded)
        start = dt.date(year, month, 1)
        end = dt.date(year, month, calendar.monthrange(year, month)[1])
        until = _until_window(folded, m.group(1), start, end, today)
        if until is not None:
            return month, until
        if re.search(rf"\bafter {m.group(1)}", folded):
            return month, Window(end + dt.timedelta(days=1), dt.date.max, f"after {start:%B %Y}")
        if re.search(rf"\b(since|from) {m.group(1)}", folded) and start <= today:
            return month, Window(start, today, f"since {start:%B %Y}")
        return month, Window(start, end, f"in {start:%B %Y}")
    for season, (first, last) in SEASONS.items():
        if re.search(rf"\b{season}\b(?! due\b| term\b| half term\b)", folded):  # "fall due", "spring term": no season
            start, end = _season(first, last, today)
            return None, Window(start, end, f"in the {season} ({start:%B} to {end:%B %Y})")
    if re.search(r"\bend of next month\b", folded):  # "between now and the end of next month": from today
        end = _next_month(today)[1]
        return None, Window(today, end, f"by the end of {end:%B %Y}")
    if re.search(r"\bnext month\b", folded) and not _ROLLING_MONTH.search(folded):
        return None, Window(*_next_month(today), "next month")
    if re.search(r"\bthis (?:month (?:and|or|&) next|and next month)\b", folded):  # "due this month and next"
        return None, Window(today, _next_month(today)[1], "this month and next")
    if re.search(r"\bthis month\b", folded):
        end = dt.date(today.year, today.month, calendar.monthrange(today.year, today.month)[1])
        return None, Window(today, end, "this month")
    if re.search(r"\bthis week\b", folded):
        return None, _this_week(today)
    if re.search(r"\bnext week\b", folded):
        start = today + dt.timedelta(days=7 - today.weekday())
        return None, Window(start, start + dt.timedelta(days=6), "next week")
    either = re.search(r"\b(?:next|coming|following)\s+(day|week|month|fortnight)\s+or\s+two\b", folded)
    if either:  # "in the next month or two": two of them
        unit = "week" if either.group(1) == "fortnight" else either.group(1)
        days = (4 if either.group(1) == "fortnight" else 2) * {"day": 1, "week": 7, "month": 30}[unit]
        count = 4 if either.group(1) == "fortnight" else 2
        return None, Window(today, today + dt.timedelta(days=days), f"in the next {count} {unit}s", vague=True)
    w = _WINDOW.search(folded)
    if w:
        word = w.group(1)
        count = int(word) if word and word.isdigit() else _COUNT_WORDS.get(word or "", 3 if w.group(3) else 1)
        unit = "week" if w.group(2) == "fortnight" else w.group(2)
        count *= 2 if w.group(2) == "fortnight" else 1
        days = count * {"day": 1, "week": 7, "month": 30}[unit]
        vague = word in ("few", "couple of") or (word is None and bool(w.group(3)))  # "the coming weeks"
        return None, Window(today, today + dt.timedelta(days=days), f"in the next {count} {unit}s", vague=vague)
    return _span_window(folded, today) or _calendar_window(folded, today)


def _next_month(today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last days of the month after today's."""
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


_OVERDUE_AFTER_DASH = lazy(
    r"(?:\s[-\u2013\u2014:]\s|\s{2,})(?:so |and )?(?:what|whats|what s|which|anything|is anything)\b.*"
    r"\b(?:overdue|late|slipped|behind)\b"
)
_GUESSED_WHEN = lazy(
    r"\bwhen\b.*\b(?:this|next|last) (?:\w+ )?(?:year|month|week|spring|summer|autumn|winter|term)\s+or\s+"
    r"(?:this|next|last|the) (?:\w+ )?(?:year|month|week|spring|summer|autumn|winter|term)\b"
)
_REACH_WORDS = frozenset({"ring", "call", "phone", "email", "contact", "speak", "talk", "number", "see", "give"})
_BACK_PARTICLE = lazy(
    r"\b(?:report|reports|reported|reporting|due|come|comes|coming|came|get|gets|got|hear|heard|feed|feeds|feeding|"
    r"fed|sent|send|expect\w*|report\w* \w+) back\b|\bback (?:to|from|on)\b"
)
_WHEN_BECAME = lazy(
    r"\bwhen (?:did|does|was|were|will) (?:\w+ ){1,4}(?:become|became|start|started|join|joined|take over|took over|"
    r"taken over|appointed|come into post|came into post|take up|took up|step down|stepped down|leave|left|retire|"
    r"retired)\b"
)


# "mid april now", "it's early june": the month today is in, said as the day asked, not a window
_MONTH_NOW = lazy(
    r"\b(?:(?:early|mid|late|end of|start of|beginning of) )?(?:"
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")(?: \d{4})? now\b|\bit ?s (?:(?:early|mid|late) )?(?:"
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")\b"
    # "county plan, mid june - what's due next month (july)": "mid june" says when it is asked
    + r"|\b(?:early|mid|late) (?:"
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")\b(?=.*\bnext (?:month|week|fortnight|few|couple)\b)"
)


# "june or july", "june to july", "june/july" (folded: "june july"), "between june and july 2020": both months,
# the first to the last
_MONTH_PAIR = lazy(
    r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")(?:\s+(\d{4}))?(?:\s*(?:or|to|and|through|thru|till|"
    r"until|-|/|&)\s*|\s+)(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b(?:\s+(\d{4}))?"
)


def _month_pair(folded: str, today: dt.date) -> tuple[int | None, Window] | None:
    """Two months joined ("june or july"): the window from the first day of one to the last day of the other."""
    m = _MONTH_PAIR.search(folded)
    if m is None:
        return None
    first, last = _MONTHS[m.group(1)], _MONTHS[m.group(3)]
    if first == last:
        return None
    if m.group(2):
        year = int(m.group(2))
    else:  # the year of the last month ("november or december", asked on 10 December: this one)
        end_year = int(m.group(4)) if m.group(4) else _year_for(last, today, folded)
        year = end_year - (1 if last < first else 0)
    end_year = year + (1 if last < first else 0)
    start = dt.date(year, first, 1)
    end = dt.date(end_year, last, calendar.monthrange(end_year, last)[1])
    return None, Window(start, end, f"in {start:%B %Y} to {end:%B %Y}")


_WINDOW_WORDS = frozenset(
    {"within", "week", "weeks", "fortnight", "ahead", "coming", "few", "couple", "time", "one", "two", "three"}
)
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_STAMP = lazy(
    rf"\b(?:[12]?\d|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_NAMES})\b(?:\s+\d{{4}})?"
    rf"|\b(?:{_MONTH_NAMES})\s+(?:[12]?\d|3[01])(?:st|nd|rd|th)?\b(?:\s+\d{{4}})?"
)
_SPAN = lazy(
    r"\b(?:in|within|over)\s+(?:the\s+)?(a|an|one|two|three|four|five|six|couple of|\d{1,2})\s+"
    r"(day|week|fortnight|month)s?\b|\b(?:in|over|during)\s+the\s+(week)s\s+ahead\b"
)


_HOW_OFTEN_BEFORE = lazy(r"\b(?:\w+ times?|once|twice)\s+$")


def _span_window(folded: str, today: dt.date) -> tuple[int | None, Window | None] | None:
    """ "in a fortnight", "within 2 weeks", "in two weeks' time", "in the weeks ahead": from today, that long.
    "The weeks ahead" reads as three weeks, like "the next few weeks"."""
    m = _SPAN.search(folded)
    if m is None or _HOW_OFTEN_BEFORE.search(folded, 0, m.start()):
        return None  # "missing 3 times in 90 days": how often, not a window from today
    if m.group(3):
        count, unit, vague = 3, "week", True
    else:
        word, unit = m.group(1), m.group(2)
        count = int(word) if word.isdigit() else _COUNT_WORDS.get(word, 1)
        vague = word == "couple of"
        if unit == "fortnight":
            count, unit = count * 2, "week"
    if count < 1:
        return None
    days = count * {"day": 1, "week": 7, "month": 30}[unit]
    return None, Window(today, today + dt.timedelta(days=days), f"in the next {count} {unit}s", vague=vague)


_WEEK_OF = lazy(
    r"\b(?:w c|wc|week (?:commencing|beginning|starting|of))\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+("
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")\b(?:\s+(\d{4}))?"
)


def _week_commencing(folded: str, today: dt.date) -> tuple[int | None, Window | None] | None:
    """ "w/c 20 jan", "week commencing 3rd February": the seven days from that day."""
    m = _WEEK_OF.search(folded)
    if m is None:
        return None
    month = _MONTHS[m.group(2)]
    year = int(m.group(3)) if m.group(3) else _year_for(month, today, folded)
    try:
        start = dt.date(year, month, int(m.group(1)))
    except ValueError:
        return None
    return month, Window(start, start + dt.timedelta(days=6), f"in the week commencing {long_day(start)}")


def _calendar_window(folded: str, today: dt.date) -> tuple[int | None, Window | None]:
    """ "by the end of the month", "last month", "this year", "by the end of the year"."""
    month_end = dt.date(today.year, today.month, calendar.monthrange(today.year, today.month)[1])
    if re.search(r"\bend of (the|this) month\b", folded):
        return None, Window(today, month_end, f"by the end of {today:%B %Y}")
    if re.search(r"\blast month\b", folded):
        end = today.replace(day=1) - dt.timedelta(days=1)
        return end.month, Window(end.replace(day=1), end, f"in {end:%B %Y}")
    christmas = _christmas_window(folded, today)
    if christmas is not None:
        return None, christmas
    if re.search(r"\bend of (the|this) year\b", folded):
        return None, Window(today, dt.date(today.year, 12, 31), f"by the end of {today.year}")
    if re.search(r"\bthis year\b", folded):
        return None, Window(dt.date(today.year, 1, 1), dt.date(today.year, 12, 31), f"in {today.year}")
    return None, None


def _easter(year: int) -> dt.date:
    """Easter Sunday (the Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _feast_window(folded: str, today: dt.date) -> Window | None:
    """ "before Easter", "by Easter": from today up to the Easter ahead (the Saturday before, for "before")."""
    m = re.search(r"\b(before|by|until|till|ahead of|between now and) easter\b", folded)
    if m is None:
        return None
    day = _easter(today.year) if today <= _easter(today.year) else _easter(today.year + 1)
    end = day - dt.timedelta(days=1) if m.group(1) == "before" else day
    return Window(today, end, f"{m.group(1)} Easter ({long_day(end)})")


def _christmas_window(folded: str, today: dt.date) -> Window | None:
    """ "before Christmas", "by xmas": from today up to the Christmas ahead (Christmas Eve for "before")."""
    m = re.search(r"\b(before|by|until|till|ahead of|between now and) (christmas|xmas)\b", folded)
    if m is None:
        return None
    year = today.year if today <= dt.date(today.year, 12, 25) else today.year + 1
    last = dt.date(year - 1, 12, 24 if m.group(1) == "before" else 25)
    if (today - last).days <= LOOK_BACK_DAYS and re.search(_LOOKS_BACK, folded) and not re.search(r"\bwill\b", folded):
        # "anything slipped on the county plan before christmas?" asked on 3 January: the Christmas just gone, so
        # what is late now (not what will be late by next Christmas)
        return None
    end = dt.date(year, 12, 24 if m.group(1) == "before" else 25)
    return Window(today, end, f"{m.group(1)} Christmas ({long_day(end)})")


LOOK_BACK_DAYS = 90  # a holiday this recent, asked of in the past tense, is the one just gone


_ROLLING_MONTH = lazy(r"\b(in|within|over|during) the (next|coming) month\b|\bthe coming month\b")
_UNTIL = (
    r"\b(?:before|by|until|till|up to|up until|ahead of|between now and|from now (?:un)?til|"
    r"(?:through )?to(?=\s+(?:the\s+)?(?:end|close)\b))\s+"  # "(to end of may)"
    r"(?:the\s+)?(end|close)?\s*(?:of\s+)?"
)


def _until_window(folded: str, name: str, start: dt.date, end: dt.date, today: dt.date) -> Window | None:
    """ "before the end of March", "by March", "before March": from today up to that point, not the month alone."""
    m = re.search(_UNTIL + rf"{name}\b", folded)
    if m is None or end < today:
        return None
    if m.group(1) or not re.search(rf"\bbefore\s+(?:the\s+)?{name}\b", folded):
        return Window(today, end, f"by the end of {start:%B %Y}")
    last = start - dt.timedelta(days=1)  # "before March": up to the last day of February
    return Window(today, last, f"before {start:%B %Y}") if last >= today else None


# words that place a date ("as of the end of June", "early March", "mid-feb"): when the question names a date
# window they shape it, and are no topic of their own
_DATE_SHAPING = frozenset(
    {"end", "start", "beginning", "mid", "middle", "early", "close", "financial", "fiscal", "christma", "xmas",
     "easter", "since", "commencing", "wc", "back"}
)  # fmt: skip


def _without_date_words(topic: list[str], window: Window | None) -> list[str]:
    """The topic words, less those that only place the date window the question names."""
    if window is None:
        return topic
    shaping = _DATE_SHAPING | ({"year"} if "year" in window.words else set())  # "the end of the financial year"
    shaping |= {w for w in ("after", "before") if window.words.startswith(w)}  # "due after october": its window
    return [w for w in topic if w not in shaping]


def _named_panels(engine: Engine, folded: str, plan: str | None) -> list[str]:
    """ "the staff review panels in the county plan": in a question about a plan, panels a topic word names are
    that topic's panels (a step of an action), not a committee ("the october panel", "the county panel" are)."""
    if plan is None:
        return []
    committee = {w for phrase in engine.committee_words for w in phrase.split()}
    for m in re.finditer(r"\b([a-z]+) panels?\b", folded):
        word = m.group(1)
        if word not in committee and word not in engine.topic_drop and word not in STOP and len(word) > 2:
            return ["panel"]
    return []


_YEAR = lazy(r"\b(by (?:the )?(?:end of )?|until |till )?(?:(in|during|as of|for|of) )?(20\d\d)\b(?!\s*[-/]\s*\d)")


# "2019/20", "2019-20", and "19/20", "23-24" (not "pages 19-20", nor "11/12", which may be a day and month)
# "the 19/20 annual report" names a document, not a time
_FY = lazy(
    r"(?<!page )(?<!pages )(?<!pp )\b(20\d\d|1[3-9]|[2-4]\d)\s*[/\-\u2013]\s*(\d\d)\b(?![/\-]\d)"
    r"(?!\s+(?:annual\s+|business\s+|partnership\s+)?(?:report|plan|review|accounts)\b)"
)


def _financial_year(lower: str, today: dt.date) -> Window | None:
    """A financial year (1 April to 31 March): "2020/21", "this financial year", "by the end of the financial
    year" (from today to its 31 March), "next financial year"."""
    m = _FY.search(lower)
    if m and int(m.group(2)) == (int(m.group(1)) + 1) % 100:
        first = int(m.group(1)) if len(m.group(1)) == 4 else 2000 + int(m.group(1))
        start = dt.date(first, 4, 1)
        return Window(start, dt.date(first + 1, 3, 31), f"in the financial year {first}/{m.group(2)}")
    f = re.search(r"\b(end of )?(the |this |next )?(financial|fiscal) year\b", lower)
    if f is None:
        return None
    first = today.year if today.month >= 4 else today.year - 1
    if f.group(2) == "next ":
        first += 1
    start, end = dt.date(first, 4, 1), dt.date(first + 1, 3, 31)
    label = f"{first}/{(first + 1) % 100:02d}"
    if f.group(1):
        return Window(today, end, f"by the end of the financial year {label} (31 March {first + 1})")
    return Window(start, end, f"in the financial year {label}")


def _year_window(engine: Engine, folded: str, today: dt.date, loose: bool = True) -> Window | None:
    """For a question of what is late or falls due: a year it names ("as of 2020", "by the end of 2021"),
    or "last week", "last year", "next year" (a year in a plan's name, "business plan 2021-24", is not one).
    Not `loose` (a bare "when is it due"), only a year put as a time ("in 2020", "by 2021"), not "the 2023 data"."""
    christmas = _feast_window(folded, today)
    if christmas is not None:
        return christmas
    if re.search(r"\blast week\b", folded):
        start = today - dt.timedelta(days=today.weekday() + 7)
        return Window(start, start + dt.timedelta(days=6), "last week")
    for words, year in (("last year", today.year - 1), ("next year", today.year + 1)):
        if re.search(rf"\b{words}\b", folded):
            return Window(dt.date(year, 1, 1), dt.date(year, 12, 31), f"in {year}")
    for m in _YEAR.finditer(folded):
        if m.group(3) in engine.plan_words or not (loose or m.group(1) or m.group(2)):
            continue
        year = int(m.group(3))
        end = dt.date(year, 12, 31)
        if m.group(1) and end >= today:
            return Window(today, end, f"by the end of {year}")
        return Window(dt.date(year, 1, 1), end, f"in {year}")
    return None


def _this_week(today: dt.date) -> Window:
    """Monday to Sunday of this week; asked at a weekend, the week ahead (and the window says which days)."""
    if today.weekday() >= 5:
        end = today + dt.timedelta(days=13 - today.weekday())
        return Window(
            today, end, f"this week (today is a {today:%A}, so I took the week ahead, to {end.day} {end:%B %Y})"
        )
    return Window(today, today + dt.timedelta(days=6 - today.weekday()), "this week")


# "what needs doing by the end of jan", "what has to be done before March", "what must be finished in April",
# "what should be delivered by Christmas": work that must be done in a date window is what falls due in it
_NEEDS_DONE = lazy(
    r"\b(?:needs?|needed|has|have|had|must|should|ought|got|is|are|was|were|expected|supposed|meant|due|going)"
    r"(?: to)?(?: be| get| have been)? (?:doing|done|finished|finishing|complete|completed|completing|delivered|ready|"
    r"achieved|sorted|"
    r"wrapped up|signed off|in place|met|closed|closed off)\b"
    # "what must the city deliver by ...", "anything to be completed before christmas"
    r"|\b(?:needs?|has|have|must|should|got) to (?:\w+ ){0,3}?(?:deliver|do|complete|finish|achieve|get done)\b"
    r"|\b(?:must|should) (?:the |we |they |it |our )?(?:\w+ )?(?:deliver|do|complete|finish|achieve)\b"
    r"|\b(?:anything|what|which|things?|actions?|work)(?: left| still| else)? to be (?:done|completed|finished|"
    r"delivered|achieved)\b"
)
# "what should have been done by now", "anything that ought to have been finished by February": what is late
_SHOULD_HAVE = lazy(
    r"\b(?:should|ought to|was meant to|were meant to|was supposed to|were supposed to|was due to|were due to) "
    r"(?:have )?(?:been )?(?:done|finished|completed|delivered|achieved|sorted|signed off|happened)\b"
)
NEEDS_DONE_WORDS = frozenset(
    {
        "need",
        "needs",
        "needed",
        "doing",
        "done",
        "delivered",
        "ready",
        "achieved",
        "complete",
        "finishing",
        "completing",
    }
)


def _needs_by_window(intents: list[str], folded: str, window: Window | None) -> list[str]:
    """ "what needs doing by the end of jan": with a date window, what must be done in it falls due in it."""
    if window is None or {"due-soon", "overdue"} & set(intents) or not _NEEDS_DONE.search(folded):
        return intents
    if _SHOULD_HAVE.search(folded) or re.match(r"\s*(who|where|why|how)\b", folded):
        return intents
    return ["due-soon", *intents]


def _with_window_intents(intents: list[str], window: Window | None, folded: str = "") -> list[str]:
    """ "anything due for pam this spring": "due" with a date window asks what falls due in it (not "did the
    scrutiny committee get an update this year and when": whether, and when, a thing happened)."""
    if window is None or "due" not in intents or "due-soon" in intents or "overdue" in intents:
        return intents
    if _ASKS_IF_HAPPENED.match(folded) and not re.search(r"\bdue\b", folded):
        return intents
    return [*intents, "due-soon"]


_ASKS_IF_HAPPENED = lazy(r"\s*(?:did|was|were)\b")


def _person_due(engine: Engine, intents: list[str], people, roles, topic: list[str]) -> list[str]:
    """ "anything due for hazel": "due" about a person or role and nothing else asks what falls due for them."""
    if "due" not in intents or {"due-soon", "overdue"} & set(intents) or not (people or roles):
        return intents
    names = set()
    for pid, _ in people:
        person = engine.kb.people[pid]
        names |= {w for n in (person.name, *person.aliases) for w in content_words(n)}
    for rid, _ in roles:
        role = engine.kb.roles[rid]
        names |= {w for t in (role.title, *role.aliases) for w in content_words(t)}
    if any(w not in names for w in topic):
        return intents
    return [*intents, "due-soon"]


def _season(first: int, last: int, today: dt.date) -> tuple[dt.date, dt.date]:
    """The season's current or next occurrence (winter runs December to February)."""
    year = today.year
    if last < first:  # winter
        if today.month <= last:
            year -= 1
    elif today.month > last:
        year += 1
    end_year = year + 1 if last < first else year
    return dt.date(year, first, 1), dt.date(end_year, last, calendar.monthrange(end_year, last)[1])


_LOOKS_BACK = (
    r"\b(was|were|did|last|happened|held|went|since|slipped|missed|late|overdue|fell|outstanding|behind|"
    r"should have|ought to have|meant to have|back in|back on|back at|ago|resolved|resolution|resolutions)\b"
)  # ("back in october", "the resolution for ...": a meeting that has been)


def _year_for(month: int, today: dt.date, folded: str) -> int:
    """A bare month means its next occurrence, or its last one when the question looks back."""
    if re.search(_LOOKS_BACK, folded) and not re.search(r"\b(will|going to)\b", folded):
        return today.year if month <= today.month else today.year - 1
    return today.year if month >= today.month else today.year + 1


TOPIC_DROP = frozenset(
    [
        "panel",
        "committee",
        "meeting",
        "overdue",
        "soon",
        "week",
        "weeks",
        "month",
        "months",
        "day",
        "days",
        "next",
        "sponsor",
        "contact",
        "email",
        "phone",
        "late",
        "behind",
        "slipped",
        "slipping",
        "past",  # "slipped past its date", "gone past the deadline": lateness, not a topic
        # "esp anything about the MACE", "particularly the audits": how the asker narrows, not what is asked about
        "esp",
        "especially",
        "particularly",
        "put",  # "who put their name to the report": who signed it, not a topic "put"
        "specifically",
        "incl",
        # "paul johnson here - has it been marked as done / logged": who asks and how, not what about
        "here",
        "marked",
        "logged",
        "lined",  # "what's lined up for the panel"
        "ever",  # "did we ever have that meeting", "can't remember if it's logged"
        "nowadays",  # "who's in charge of it nowadays"
        "nowaday",
        "remember",
        "recall",
        "pipeline",
        "outstanding",
        "lead",
        "leads",
        "leading",
        "responsible",
        "owner",
        "own",
        "owns",
        "got",
        "who",
        "what",
        "when",
        "where",
        "which",
        "status",
        "progress",
        "update",
        "due",
        "deadline",
        "date",
        "dates",
        "timescale",
        "plan",
        "plans",
        "action",
        "actions",
        "item",
        "items",
        "thing",
        "things",
        "stuff",
        "work",
        "one",
        "ones",
        "tell",
        "show",
        "list",
        "give",
        "know",
        "please",
        # "the council said they'd check ...", "for staff like ours": how it is put, not what it is about
        "said",
        "theyd",
        "didnt",
        "doesnt",
        "wasnt",
        "isnt",
        "werent",
        "hasnt",
        "havent",
        "like",
        "ours",
        "pls",
        "plz",
        "thanks",
        "hi",
        "hello",
        "whats",
        "whos",
        "re",  # "who do i chase re the review": regarding
        # "who chairs it now", "who's currently leading": the day asked, not a topic
        "now",
        "currently",
        "presently",
        "nowadays",
        "yet",  # "is the staff review finished yet": how far it has got, not what it is
        "ought",  # "what ought to have been done by now"
        "want",  # "the chair wants a list of what's late": who asks, not what about
        "wants",
        "wanted",
        # how a question is put, not what it is about ("when's it meant to be finished", "getting sorted")
        "meant",
        "supposed",
        "finish",
        "finished",
        "getting",
        "sorted",
        # "the dci who chairs it", "cllr smith": a rank or a courtesy title, not a topic
        "dci",
        "cllr",
        # "the foster carer bit", "on the county side": which part is meant, not what it is about
        "bit",
        "bits",
        "side",
        # "who is actually responsible", "who exactly leads": emphasis, not a topic
        "actually",
        "really",
        "exactly",
        "listed",  # "what's listed for the july panel": how it is put
        "christma",  # "anything slipped before christmas" (asked after it): a time, never a topic
        "christmas",
        "xmas",
        "booked",  # "anything booked in for the july meeting"
        "pencilled",
        "fully",  # "which actions are fully done": how done, not "Full progress report"
        "totally",
        "wholly",
        "entirely",
    ]
)


def topic_drop(plan_words: dict[str, str]) -> frozenset[str]:
    """Words that scope or shape a question rather than name its topic (built once per engine). Of a plan's long
    name's single words, those that are things in their own right ("assessment": "health assessments for cla") are
    kept as topics."""
    shared = shared_plan_words(plan_words)
    return (frozenset(plan_words) - _THING_WORDS) | shared | TOPIC_DROP | frozenset(_MONTHS) | frozenset(SEASONS)


def shared_plan_words(plan_words: dict[str, str]) -> frozenset[str]:
    """The words of two or more plans' names ("iicsa": the city and the county IICSA plans): they name the plans,
    not a topic - unless the question asks what is said about them ("does the annual report say anything about
    iicsa")."""
    named_by: dict[str, set[str]] = {}
    for phrase, plan in plan_words.items():
        for word in phrase.split():
            named_by.setdefault(word, set()).add(plan)
    return frozenset(w for w, plans in named_by.items() if len(plans) > 1)


_THING_WORDS = frozenset({"assessment"})


def _topic_words(engine: Engine, raw: str, plan: str | None = None) -> list[str]:
    drop = engine.topic_drop
    if _SAID_ABOUT.search(raw):  # "say anything about iicsa": the plans' shared name word is what is asked about
        drop = drop - plan_vocab(engine).shared
    spanned = _LAST_SPAN.sub(r"past \1 \2", raw)  # "the last 2 yrs of reports": a span of time, as the plans write it
    spanned = _HEDGES.sub(" ", spanned)  # "what's on it so far", "at some point this year", "every single meeting"
    if any(w in spanned for w in ("question", "thing", "quer", "issue", "matter")):
        spanned = _VAGUE_NOUN.sub(r"\1", spanned)  # "about a lado question": about the LADO
    words = _joined_compounds(
        engine, spanned, [w for w in spelled_out(content_words(spanned)) if not _ID_LIKE.fullmatch(w)]
    )
    if plan is None:
        return [w for w in words if w not in drop]
    # "the city foster carer assessment": "assessment" names the TCE plan, not this one, so it is a topic here
    vocab = plan_vocab(engine)
    own = vocab.own.get(plan, frozenset())
    kept = set(kept_phrases(engine, raw, plan))
    return [w for w in words if w not in own and (w not in drop or w in kept or vocab.names_other(w, plan))]


def _joined_compounds(engine: Engine, raw: str, words: list[str]) -> list[str]:
    """The topic words with two words written apart joined, in place of the two, when the records write them as one
    word ("feed back to the improvement group": the milestone's "feedback")."""
    tokens = _WORD.findall(raw.lower())
    out = words
    for a, b in itertools.pairwise(tokens):
        if len(a) < 3 or len(b) < 3:
            continue
        joined = content_words(a + b)
        if len(joined) != 1 or not engine.topics.has_word(joined[0]) or joined[0] in out:
            continue
        parts = set(content_words(f"{a} {b}"))
        out = [w for w in out if w not in parts] + joined
    return out


_WORD = lazy(r"[a-z]+")
# a noun that only says "something about": "a LADO question", "a lado thing", "an HSB query"
_VAGUE_NOUN = lazy(
    r"\b((?:email|e-?mail|ring|call|ask|contact|speak to|talk to|phone|write to|go to)\s+(?:someone\s+|anyone\s+)?"
    r"(?:about|re|regarding|with)\s+(?:a|an|the|this|that|my|our|some)\s+[\w-]+)\s+"
    r"(?:questions?|things?|quer(?:y|ies)|issues?|matters?)\b",
    re.IGNORECASE,
)


def without_hedges(raw: str) -> str:
    """The text without words that hedge how far, how often or how late ("so far", "behind schedule": "behind")."""
    return _HEDGES.sub(" ", raw)


_SAID_ABOUT = lazy(
    r"\b(?:say|says|said|saying|mention|mentions|mentioned|talk|talks|anything|something|refer|refers)\b.{0,30}"
    r"\babout\b|\b(?:mention|mentions|mentioned|refer to|refers to|reference)\b",
    re.IGNORECASE,
)


# words that hedge how far or how often, naming no topic: "so far", "at some point", "(every) single", "as yet"
_HEDGES = lazy(
    r"\b(?:so far|as yet|thus far|at (?:some|any) (?:point|stage)|(?<=every )single|(?<=due )out|"
    r"at the (?:moment|mo)|at present|right now|not sure (?:if|whether)|(?:(?:do|if) )?i need to|"
    r"(?:off|on) the back of|(?<=behind )schedule|"
    r"(?:or )?(?:just )?(?:now and (?:again|then)|every (?:so )?often|from time to time|once in a while)|"
    r"running(?= (?:late|behind|over)\b))\b",
    re.IGNORECASE,
)  # ... and "due out": due (published); "at the mo": now; "running late": late
_ID_LIKE = lazy(r"[a-z]{0,4}\d+[a-z]?|\d+(st|nd|rd|th)")


@frozen_dataclass
class PlanVocab:
    """The plans' words, arranged once per engine so that a question only looks words up."""

    firsts: frozenset[str]  # each plan's first word ("city", "tce"): names its plan wherever it is said
    own: dict[str, frozenset[str]]  # plan -> every word of its names ("iicsa" in "the county iicsa plan")
    phrases: dict[str, tuple[str, ...]]  # plan -> its names and name words, as plan_words holds them
    plan_words: dict[str, str]
    shared: frozenset[str]  # words of two or more plans' names ("iicsa"): see shared_plan_words

    def names_other(self, word: str, plan: str) -> bool:
        """A single word naming another plan than `plan` (not a plan's first word, not a word of `plan`'s names):
        in a question about `plan` it is a topic word."""
        other = self.plan_words.get(word)
        return (
            other is not None
            and other != plan
            and " " not in word
            and word not in self.firsts
            and word not in self.own.get(plan, ())
        )


def plan_vocab(engine: Engine) -> PlanVocab:
    """The engine's PlanVocab, built on first use (`Engine.warm` builds it for the server)."""
    vocab = engine.__dict__.get("_plan_vocab")
    if vocab is None:
        own: dict[str, set[str]] = {}
        phrases: dict[str, list[str]] = {}
        for phrase, p in engine.plan_words.items():
            own.setdefault(p, set()).update(phrase.split())
            phrases.setdefault(p, []).append(phrase)
        firsts = frozenset(fold(p.short_names[0]).split()[0] for p in engine.kb.plans.values() if p.short_names)
        vocab = PlanVocab(
            firsts,
            {p: frozenset(w) for p, w in own.items()},
            {p: tuple(w) for p, w in phrases.items()},
            engine.plan_words,
            shared_plan_words(engine.plan_words),
        )
        engine.__dict__["_plan_vocab"] = vocab
    return vocab


_LAST_SPAN = lazy(
    r"\b(?:last|previous)\s+(\d{1,2}|two|three|four|five|six|few|couple of)\s+(years?|yrs?|months?|weeks?)\b",
    re.IGNORECASE,
)


def _said_plan(folded: str, word: str) -> bool:
    """ "<word> plan" / "<word> action plan" said as words (what `\\b<word> (action )?plan\\b` matches), found without
    a pattern per plan word: at 200 plans those patterns churned re's cache and were compiled again and again."""
    for said in (f"{word} plan", f"{word} action plan"):
        start = folded.find(said)
        while start != -1:
            if _boundary(folded, start) and _boundary(folded, start + len(said)):
                return True
            start = folded.find(said, start + 1)
    return False


def _boundary(text: str, i: int) -> bool:
    """A word boundary (re's `\\b`) at position i of text."""
    before = i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")
    after = i < len(text) and (text[i].isalnum() or text[i] == "_")
    return before != after


def weakly_named(engine: Engine, folded: str, plan: str) -> bool:
    """The plan is named only by a word of its long name ("assessment", "strategic"), not by a short name or the
    first word of its id ("tce", "city"): "the lime culture needs assessment" names no TCE plan."""
    vocab = plan_vocab(engine)
    strong = {fold(n) for n in engine.kb.plans[plan].short_names} | {plan.split("-")[0]} | vocab.firsts
    padded = f" {folded} "
    named = [w for w in vocab.phrases.get(plan, ()) if f" {w} " in padded]
    said_plan = any(_said_plan(folded, w) for w in named)  # "exploitation plan"
    return bool(named) and not said_plan and not any(" " in w or w in strong for w in named)


def _plan_of_ids(
    engine: Engine, lower: str, plan: str, ids: list[str], hidden: frozenset[str]
) -> tuple[str, list[str]]:
    """ "the bit where the partnership considers the hsb recommendations? 7b": a plan named only by a loose word
    ("partnership") that has none of the ids named, when one other plan has them all, gives way to that plan."""
    if any(engine.ids.find(k, plan) or engine.ids.family(k, plan) for k in ids):
        return plan, ids
    owners = {a.plan for k in ids for a in engine.ids.find(k)} - hidden
    if len(owners) != 1:
        return plan, ids
    other = next(iter(owners))
    return other, _action_ids(engine, lower, other)


def _rescope(
    engine: Engine, raw: str, plan: str, hidden: frozenset[str], topic: list[str]
) -> tuple[str | None, list[str]]:
    """A weakly named plan whose actions hold none of the question's words, when another plan's do: no plan scope,
    and the plan's word back among the topic words."""
    loose = [
        w
        for w in spelled_out(content_words(raw))
        if (w not in engine.topic_drop or (engine.plan_words.get(w) == plan and " " not in w))
        and not _ID_LIKE.fullmatch(w)
    ]
    hits = [h for h in engine.topics.search(loose, limit=10, min_cover=0.6) if getattr(h.doc, "plan", None)]
    hits = [h for h in hits if h.doc.plan not in hidden]
    if hits and not any(h.doc.plan == plan for h in hits):
        return None, loose
    # "who's leading the survivors needs assessment work": TCE11's "Strategic Needs Assessment?" holds two of the
    # words; County Action 3 (the needs assessment of services for victims and survivors) holds them all
    own = max((h.score for h in hits if h.doc.plan == plan), default=0.0)
    if hits and hits[0].doc.plan != plan and hits[0].score - own >= RESCOPE_MARGIN:
        return None, loose
    return plan, topic


RESCOPE_MARGIN = 0.15


def _plan_org_words(engine: Engine, plan: str) -> frozenset[str]:
    """The words of the organisation that owns the named plan, by its name and aliases ("notts county council")."""
    memo: dict[str, frozenset[str]] = engine.__dict__.setdefault("_plan_org_words", {})
    if plan not in memo:
        org = engine.kb.organisations.get(engine.kb.plans[plan].organisation or "")
        names = (org.name, *org.aliases) if org is not None else ()
        memo[plan] = frozenset(w for n in names for w in content_words(n))
    return memo[plan]


def kept_phrases(engine: Engine, raw: str, plan: str) -> list[str]:
    """Words of another plan's name that, with the word after them, make a phrase the plans use ("county lines"
    in a question about the TCE plan): a topic, not a plan."""
    pairs = plan_word_pairs(engine)  # their first words are single words naming a plan
    said = content_words(raw)
    return [w for x, y in itertools.pairwise(said) if (x, y) in pairs and engine.plan_words[x] != plan for w in (x, y)]


def plan_word_pairs(engine: Engine) -> frozenset[tuple[str, str]]:
    """The word pairs the actions' texts use whose first word also names a plan ("county lines"): read from the
    records once per engine (`Engine.warm` builds it for the server), and only those pairs are kept."""
    pairs = engine.__dict__.get("_plan_word_pairs")
    if pairs is None:
        words = {w for w in engine.plan_words if " " not in w}
        texts = (t for a in engine.kb.actions() for t in (a.text, a.theme or "", *(m.text for m in a.milestones)))
        pairs = frozenset((x, y) for t in texts for x, y in itertools.pairwise(content_words(t)) if x in words)
        engine.__dict__["_plan_word_pairs"] = pairs
    return pairs


def _own_plan_words(engine: Engine, plan: str) -> frozenset[str]:
    """The words of the named plan's own names ("iicsa" in "the county iicsa plan"): they name it, not a topic."""
    return plan_vocab(engine).own.get(plan, frozenset())


def _confidence(intents, ids, people, roles, plan, topic) -> float:
    """High when a cue and a concrete entity agree; low for loose words alone."""
    score = 0.0
    if intents:
        score += 0.5
    if ids or people or roles:
        score += 0.4
    if plan:
        score += 0.2
    if topic and not (ids or people or roles):
        score += 0.1
    return min(score, 1.0)
