"""Search the papers' passages: BM25 over stemmed words, typo correction, and an honest "is this an answer".

Pure: `PassageIndex(kb)` reads nothing but the knowledge base and does all its work when built;
`search` does no I/O. The papers are public committee documents, so search takes no audience.

    index = PassageIndex(kb)
    hits = index.search("what happened to the exploitation day")
    if hits and hits[0].answers:
        quote each (passage, text) of hits[0].excerpt, citing hits[0].paper.cite(passage)
    else:
        say plainly that no passage answers

A hit is a paragraph: a long paragraph is stored as several passages (same place, same seed line), and
search scores its passages but judges and quotes the paragraph whole, so a figure in its second half
counts. A hit `answers` when the question's words the paragraph contains carry at least MIN_COVERAGE
of the question's weight (each word weighted by its IDF; a word the papers never use weighs the most),
it contains at least MIN_MATCHED of them (or all, for a one-word question), its best passage's BM25
score reaches MIN_SCORE, and it has the kind of fact asked for: a count for "how many", a date for
"when", an address or a number for "email" or "phone" (anywhere in the paragraph); a person, post or
body for "who", a verdict for "how did it go"
(in a sentence that, with the one before it, carries SENTENCE_SHARE of the question's weight). A
paragraph without that fact borrows it from the nearest paragraph of its section that has it (quoted
too), else it does not answer. When the section's heading is what the question asks about ("the
priorities for 2020/21") and the section is short, the section is quoted whole. A paragraph too long
to quote is quoted by its sentences that match best, elided with "…".

These are lexical signals: a paragraph can share every word of the question and still not say the
answer. The thresholds were set on the question sets in tests/knowledge/passage_questions.py and
checked on the held-out sets there: bench/bench_passages.py prints recall, wrong "answers" and false
positives for each; tests/knowledge/test_passage_answers.py holds each rule.

An acronym the papers define ("Harmful Sexual Behaviour (HSB)") also matches its long form.

A year span ("19/20", "2019-20") is one word (`periods`), and a passage of a paper, part or section about
another span does not answer it unless its own text names the span asked. "Who chairs" needs a sentence about
chairing that carries the thing asked; "how did the assurance visit go" a verdict beside that visit (not one a
paragraph says is still awaited); a link a link; a month the question names must be the paragraph's. The
question's phrasing ("actually", "these days", "set out") weighs nothing; a few everyday words match the
papers' (_SAME_WORDS); a passage is about the place its paper's title starts with ("in notts").
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace

from knowledge import bm25, text
from knowledge.lazydataclass import frozen_dataclass
from knowledge.lazyre import lazy
from knowledge.models import KnowledgeBase, Paper, Passage

MIN_SCORE = 2.5
MIN_COVERAGE = 0.7
MIN_MATCHED = 2
# A person, post or verdict counts only in a sentence that carries at least this share of the question's
# weight (with the sentence before it): "who chairs the board" is answered by "the board is chaired by ...",
# not by a name elsewhere in the paragraph.
SENTENCE_SHARE = 0.3
# "how often does X meet": the sentence giving a frequency must be about X (most of the question's weight), not
# another panel's "monthly" in the same paragraph
FREQUENCY_SHARE = 0.6
# "who chairs the CFH governance board", "how did the assurance visit go": the sentence with the chair or the
# verdict must say "chair" or "visit" and carry this share of the weight of the question's other words
SUBJECT_SHARE = 1 / 3


def _share_needed(kind: str | None) -> float:
    return FREQUENCY_SHARE if kind == "frequency" else SENTENCE_SHARE


DATE_SHARE = 0.3  # of the question's weight, in the sentence giving a date asked "when" (with the one before it)
MAX_QUOTE_WORDS = 110  # a longer paragraph is quoted by its sentences that match, elided with "…"
MAX_SECTION_PASSAGES = 5  # a section short enough to quote whole when its heading is what is asked about
MAX_SECTION_WORDS = 220
HEADING_SHARE = 0.6  # ... i.e. when the heading alone carries this share of the question's weight
MAX_LIST_ITEMS = 8  # numbered items quoted after a paragraph that starts the list
MAX_SUPPORT_SCAN = 40  # passages of the section looked at for the fact a paragraph lacks
MAX_SUPPORT = 1
MAX_QUERY_WORDS = 40  # bounds on the work one question can cause
RARE_NAME = 8  # a name written in capitals that at most this many passages write narrows the search to them
READ_MEMO = 64  # questions whose terms are kept
MAX_CORRECTIONS = 6  # typo look-ups per question (each scans the papers' vocabulary)
MAX_STEM_CACHE = 50_000
# The rapidfuzz ratio a misspelt word needs to be read as a word the papers use:
# "histroical" -> "historical" scores 90; "minister" -> "ministry" (87.5) is not bent.
TYPO_CUTOFF = 89.0

# Function words, and the words questions are phrased with rather than about.
_STOPWORDS = """a about above after all also am an and any anything are as at be because been before being
    between both but by can could did do does doing done during each either else ever for from further
    get gets getting got had has have having he her here hers him his how i if in into is it its itself
    just know let like may me might more most much must my no nor not now of off on once only or other
    our ours out over own please said same say says she should so some something still such tell than
    that the their theirs them then there these they this those through thus to too under until up upon
    us very was we were what whats when where whether which while who whom whose why will with within
    would yet you your anyone anybody happen happened happening mention mentioned mentions paper papers
    record recorded document documents go goes going gone went come came down many much last
    thing things really one ones think actually currently nowadays didnt doesnt dont isnt wasnt werent arent
    havent hasnt hadnt wont cant couldnt wouldnt shouldnt since"""
STOPWORDS = frozenset(_STOPWORDS.split())


# A part's title word names it only when at most this many parts' titles use it ("allegations", "hsb"; not
# "children" or "service")
MAX_PART_DF = 2
# words of part titles that name no part in particular
_TITLE_GENERIC = "report annual review agenda item update paper appendix minutes meeting action plan"


# everyday words for what the papers name formally ("kids" are "children", "notts" is "Nottinghamshire")
_EVERYDAY = {
    "kids": "children",
    "kid": "child",
    "notts": "nottinghamshire",
    "youngsters": "children",
    # "the QA subgroup": the papers write "QA" in places but never define it, and say "Quality Assurance" elsewhere
    "qa": "quality assurance",
    "online": "webpage",  # "where can I find it online": "available ... via the Notts Help Yourself webpage"
    "website": "webpage",
    # the residential report's section headed "CFH" calls the home "Clayfields" ("senior leaders within Clayfields")
    "clayfields": "cfh",
    "clayfield": "cfh",
    "4ps": "pursue prevent protect prepare",  # "the 4 P's" as the question parser writes it (query.FOUR_PS)
}

# a paragraph that is a lead-in and its bullets: "Audit activity has included- - Neglect - Children subject to ..."
LISTS_NEXT = lazy(r"^[^.]{0,80}\b(?:included|includes|include|were|are|as follows|following)\s*[-:\u2013]\s*-\s")
# a paper's title starts with the place it is about: "Nottingham City", "Nottinghamshire County", "Nottinghamshire"
_PLACE = lazy(r"[A-Z][a-z]+(?:\s+(?:City|County))?\b")

# words the stemmer would merge with another of a different meaning ("authority" is not "author")
_UNMERGED = {"authority": "authoriti", "authorities": "authoriti"}

# everyday words a question uses where the papers use another ("when did it start": "introduced on ..."; "who is
# covering": "temporarily taking on the role"): a question's word also matches any of these (but weighs as itself)
_SAME_WORDS = (
    ("start started starts starting begin begins began begun", "began begun introduced launched established commenced"),
    ("full", "capacity occupancy"),
    ("covering", "temporarily acting interim"),
    ("back", "again"),
    ("taking take takes", "accepting accept accepts receiving"),
    ("typical typically", "average"),
    ("running", "operating"),
    # "what did ofsted rate it": an inspection's "judgments" and "gradings" are its ratings
    ("rate rated rating ratings grade grades graded", "judgment judgments judgement judgements grading gradings"),
    # the allegations report heads its table "Referrals (Contemporary)" and writes "Contemporaneous cases"
    ("contemporaneous", "contemporary"),
)

# acronyms that are also everyday words a question may use as words ("who do I send it to")
_ALSO_WORDS = frozenset({"send", "dart", "mash", "pep", "tor", "care", "hub", "lead"})

_ALISED = lazy(r"([a-z]{4,}al)i[sz](?:e|ed|es|ing|ation|ations)")
# "who sits on the steering group", "who's on the group": the group's membership, as the papers write it
_MEMBERS_ASKED = lazy(
    r"\bwho(?:'s| s|s)?(?: (?:sits|sit|is|are|else is))? on (?=(?:the |that |this |our )?(?:\w+ ){0,5}"
    r"(?:group|board|panel|committee|subgroup|sub-group|forum|partnership)\b)"
)
# a fixed phrase read as one word: "looked after children" are children in care, not "what it will look like"
_FIXED = lazy(r"\blooked[\s-]+after\b", re.IGNORECASE)


def _fixed(m: re.Match) -> str:
    return "lookedafter"


_COMPOUND = lazy(r"\b([a-z]{2,})-([a-z]{2,})\b")
_CAPITALISED_OR_WORD = lazy(r"[A-Za-z][A-Za-z']*")

# What kind of answer a question wants, and how a passage shows it has one. A passage that has none
# (no figure for "how many", no date for "when", no person or post for "who", no verdict for "how did it
# go") does not answer, however many words it shares.
_WANTS_EMAIL = lazy(r"\b(e-?mail|e mail|email address)\b")
# ... and "what's the number for the SPOC" (a number *of* things is a count)
_WANTS_PHONE = lazy(r"\b(phone|telephone|mobile|phone number|tel)\b|\bnumber (for|to ring|to call)\b")
_EMAIL = lazy(r"[\w.+-]+@[\w-]+\.[\w.]+")
_PHONE = lazy(r"\b0\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b|\+44[\s\d]{9,13}")
# "the teams link for the panel", "the website for Lime Culture": a link, which a passage without one cannot give
_WANTS_LINK = lazy(
    r"\b(?:teams|zoom|meeting|joining|video|web|online|dial[- ]in) (?:link|url|address|details)\b|\burl\b|"
    r"\bweb ?(?:site|page|address)\b|\blink (?:to|for) (?:join|the (?:meeting|call|panel|session))"
)
_LINK = lazy(r"https?://|\bwww\.|\w\.(?:gov|org|co|nhs|ac)\.uk\b|\w\.(?:com|org|net)\b")
# "who chairs / is chairing the group": only a sentence about chairing that names someone answers (not "the
# Scrutineer attends the SLG" beside "the group is chaired on a yearly rotation")
_ASKS_CHAIR = lazy(r"\bchair(?:s|ing|ed)?\b|\bchairman\b|\bchairperson\b")
# "how did the assurance visit go": the verdict must be about that visit, not another judgement nearby
_EVENT_NOUNS = frozenset(
    [
        "visit",
        "inspection",
        "audit",
        "event",
        "meeting",
        "conference",
        "launch",
        "session",
        "training",
        "workshop",
        "consultation",
        "review",
        "panel",
        "day",
        "screening",
    ]
)
_COUNT_BEFORE = lazy(
    r"(?i)\b((?!(?:19|20)\d\d\b)\d[\d,.]*%?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)\s+((?:[\w'-]+\s+){0,1}[\w'-]+)"
)
# "the safer notts board", "the QA subgroup": the words before a group's noun name the group a chair is asked of
_GROUP_NAMED = lazy(
    r"((?:[a-z0-9'&-]+\s+){1,3}?)(?:board|boards|sub-?groups?|groups?|panels?|committees?|forums?|networks?|councils?)\b"
)
_CHAIRED_BY = lazy(r"\bchaired\b(?:\s+[\w'-]+){0,5}?\s+by\b", re.I)  # "chaired on a yearly rotation by"
_REFERS_BACK = lazy(
    r"^\W*(?:this|the|these|that|it|its)\s+(?:\w+\s+){0,2}?(?:is|are|was|were|has been|have been|will be)\s+chaired\b",
    re.I,
)
_CURRENT = lazy(r"\b(this year|now|currently|at the moment|at present|these days|nowadays|this time)\b")
_ROTATES = lazy(r"\b(rotation|rotating|rotates|rotational|in turn|one of the)\b", re.I)
_UPCOMING = lazy(r"\b(awaited|anticipated|expected|planned|scheduled|will|due to|to be held|upcoming|next)\b", re.I)
_MONTHS = frozenset(
    ["january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"]
)  # not "may": a verb too
# "what % of children", "what per cent", "what share": a figure, however the asker writes "percentage"
_WANTS_NUMBER = lazy(
    r"\b(how many|how much|number of|no\.? of|(?:what|which) (?:percentage|proportion|percent|per cent|share|fraction|"
    r"rate))\b"
    r"|\b(?:what|which)\s*%|\d\s*%\s*\?|%\s+of\b"
)
# "how often does the network meet", "does X get together monthly": a frequency, not a count
_WANTS_FREQUENCY = lazy(
    r"\bhow (often|frequently|regularly)\b|\bhow many times (?:a|an|per|each|every) (?:year|month|week|term|quarter)\b"
)
_FREQUENCY = lazy(
    r"\b(quarterly|monthly|weekly|fortnightly|annually|yearly|bi-?monthly|bi-?annually|termly|daily|six[- ]monthly|"
    r"every (?:\w+ ){0,2}(?:days?|weeks?|months?|years?|quarters?|terms?)|"
    r"(?:once|twice|\w+ times) (?:a|an|per|each|every)|"
    r"(?:a|per|each) (?:week|month|year|quarter|term))\b",
    re.IGNORECASE,
)
# the words a question is put in, not what it is about: "how often", "who wrote", "run until", "get together"
_PHRASING = lazy(
    r"\bhow (?:often|frequently|regularly|long)\b|\bthese days\b|\bat (?:the )?(?:moment|present)\b|\batm\b|"
    r"\b(?:taking|take|takes|took|taken) over\b|\b(?:go|goes|going|went|gone) ahead\b|"
    r"\bwho (?:wrote|writes|authored|signed|signs)\b|\b(?:set|sets|setting|lay|lays|laid) out\b|\bnumber of\b|"
    r"\b(?:runs?|last|lasts|going|go) (?:on )?(?:until|till|to when)\b|\bget(?:s|ting)? together\b|"
    r"\b(?:meant|supposed) to\b|"  # "when's the next meeting meant to be": when it is
    r"\b(?:what|which|exact) (?:date|day)\b|"  # "what date did the partnership start": a date is asked
    r"\b(?:soon|coming up|stuff)\b|"  # "anything coming up with ofsted soon", "any inspection stuff"
    r"\bre\b(?=:?\s+\w)|"  # "what did it find re medicals": "regarding"
    r"\b(?:according to|as per)\b|"  # "how often are PEPs done according to the october minutes": which paper
    r"\b(?<=which )(?:type|types|kind|kinds|sort|sorts) of\b"  # "which type of setting": which setting
)
_WANTS_DATE = lazy(r"\b(when|what date|what time|which month|which year|how long|what day|which day|exact date)\b")
WANTS_DAY = lazy(r"\b(?:what|which|exact) (?:date|day)\b")  # a day asked, not a month
_WANTS_WHEN = lazy(r"^\W*(?:and |so )?(?:when|whens|by when)\b|\bwhen (?:is|s|was|are|were|will|does|did)\b")
_YEAR = lazy(r"\b(?:19|20)\d\d\b")
_DAY = lazy(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|"
    r"jun|jul|aug|sept?|oct|nov|dec|spring|summer|autumn|winter|easter|christmas)\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b",
    re.IGNORECASE,
)
_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
_DAY_OF_MONTH = lazy(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_WORD}\b|\b{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\d)",
    re.I,
)
_WANTS_WHO = lazy(r"\b(who|whom|whose|which officer|which person|which manager|author|authors|authored|written by)\b")
_WANTS_OUTCOME = lazy(
    r"\bhow (?:did|was|were|has|have|had|is|are)\b.{0,60}?\b(?:go|went|gone|get on|do|fare|fared|turn out|turned out"
    r"|rated|judged|graded|received|found)\b|\b(?:outcome|result|results|verdict|rating|grade|graded|judgement)\b"
)
# "what did the 2020-21 neglect re-audit find", "what came out of the section 11 audit": what it found, which a
# passage saying only that it will be done ("we will re-audit neglect") does not give
_WANTS_FINDING = lazy(
    r"\bwhat (?:did|does|has|have) (?:[\w/-]+ ){1,6}(?:find|found|show|shown|conclude|reveal|identify)\b"
    r"|\bwhat came out of\b"
)
# a passage that says only what will be done: "we will re-audit neglect", "Complete a Section 11 audit in 2021"
_PROSPECTIVE = lazy(
    r"\bwill\b|\bto be (?:completed|undertaken|carried out|done)\b|\bhas been agreed\b|\bplanned\b|"
    r"^\W*(?:complete|undertake|carry out|conduct|deliver)\b",
    re.IGNORECASE,
)
_FINDING = lazy(
    r"\b(?:found|finds|findings|concluded|conclusions?|showed|shows|shown|revealed|highlighted|identified that|"
    r"rated|judged|graded|requires? improvement|inadequate|outstanding|strengths?|weakness(?:es)?|learning|"
    r"evidenced|demonstrated)\b",
    re.IGNORECASE,
)
_LIST_ITEM = lazy(r"(?:^|\s)([1-9])\.\s+[A-Z]")
_PARAGRAPH_MARK = lazy(r"^\W*(?:\d+[a-z]?[.)]|[a-z][.)])\s+")
# A figure: digits or a number word. Not "all", "no", "none": "letters sent to all agencies" counts nothing.
_NUMBER = lazy(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozen|half)\b")
# "one" as a pronoun or in a set phrase counts nothing: "one that carers are happy about", "no one", "one of"
_NOT_A_COUNT = lazy(
    r"\b(?:no|any|each|every|the|this|that|which|some)\s+one\b|\bone\s+another\b|"
    r"\bone\s+(?:that|who|which|whom|whose|way|ways|is|was|are|were|has|have|had|can|could|will|would|should|"
    r"must|might|to|of)\b"
)
# Numbers that label, date or time rather than count: "Recommendation 2", "Action 7a", "2019/20",
# "Appendix 1", "for 3 months" (a question about a length of time is a "when" question).
_HOW_LONG = lazy(r"\bhow many (?:more )?(?:days|weeks|months|years|hours|minutes)\b")
_LABEL_NUMBER = lazy(
    r"\b(?:recommendations?|actions?|priority|priorities|paragraphs?|para|items?|appendix|appendices|page|pages|"
    r"section|table|figure|phase|stage|level|tier|part|no|number|version|ref|reference|cf|act|rule|regulation|"
    r"reg|regs|schedule|article)"
    r"\.?\s+\d+[a-z]?(?:\.\d+)*\b|\b(?:19|20)\d\d(?:[/-]\d{2,4})?\b|\b\d+(?:st|nd|rd|th)\b"
    r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)[\s-]+(?:calendar\s+)?"
    r"(?:days?|weeks?|months?|years?|hours?|minutes?)\b"
)
_DATE = lazy(
    r"\b(1[89]\d\d|20\d\d|\d{1,2}[:.]\d\d\s*(?:am|pm)?|\d{1,2}/\d{1,2}/\d{2,4}|january|february|march|april|may"
    r"|june|july|august|september|october|november|december|spring|summer|autumn|winter|quarter|ongoing"
    r"|annual|annually|monthly|weekly|months?|weeks?|years?)\b"
)
# A post as the papers write one (capitalised: "the Head of Service", "Service Manager", "Cllr Taylor").
_POST = lazy(
    r"\b(?:Director|Manager|Head of|Headteacher|Officer|Chair|Chairman|Chairperson|Vice-Chair|Co-?ordinator|"
    r"Commissioner|Constable|Superintendent|Inspector|Councillor|Cllr|Lead Member|Portfolio Holder|Leader|"
    r"Chief Executive|Designated|Principal|Advisor|Adviser|Partner|Consultant|Clerk)\b"
    # ... or a body, by name or by the words that name one ("led by the NSPCC", "the Children's Society")
    r"|\b(?:[A-Z]{3,}|Council|Society|Police|Trust|Foundation|NHS|Ofsted|Agency|Charity)\b"
    r"|\b(?:led|chaired|run|delivered|commissioned|provided|managed|owned|written|signed|presented|overseen) by\b"
)
# A verdict: a rating, a finding or a judgement.
_VERDICT = lazy(
    r"\b(rated|rating|judged|judgement|graded|grade|overall|outstanding|requires? improvement|inadequate|good"
    r"|found|finds|findings|concluded|conclusion|successful|success|unsuccessful|positive|well received|welcomed"
    r"|showed|shows|revealed|highlighted"
    r"|praised|strengths?|weakness(?:es)?|effective|ineffective|impact)\b",
    re.IGNORECASE,
)
# Sentences, and the items of a list run into one passage (" - item - item").
_SENTENCE = lazy(r"(?<=[.!?*])\s+(?=[\"“‘'(*]?[A-Z0-9])|\s+(?=[-•]\s)")
_STRONG_VERDICT = lazy(r"\b(rated|judged|graded|overall|requires? improvement|inadequate|outstanding)\b", re.I)


# A year span as the papers and questions write it: "2019/20", "2019-20", "19/20", "2019/2020", "2021-24"
_PERIOD = lazy(r"\b((?:19|20)\d\d|\d\d)\s*[/\u2013-]\s*((?:19|20)\d\d|\d\d)\b")
MAX_PERIOD_YEARS = 5


def periods(raw: str) -> frozenset[tuple[int, int]]:
    """The spans of years a text names, as (first year, last year): "19/20" and "2019-2020" are (2019, 2020)."""
    return frozenset(span for _, span in _period_matches(raw))


def _period_matches(raw: str) -> list[tuple[re.Match, tuple[int, int]]]:
    out = []
    for m in _PERIOD.finditer(raw):
        a, b = m.group(1), m.group(2)
        if len(a) == 2 and len(b) == 4:
            continue
        start = int(a) if len(a) == 4 else 2000 + int(a)
        end = int(b) if len(b) == 4 else start - start % 100 + int(b)
        if len(a) == 2 and end != start + 1:  # "19/20" is a year; "10/12" is a date, "16-18" a range
            continue
        if 0 < end - start <= MAX_PERIOD_YEARS:
            out.append((m, (start, end)))
    return out


def period_token(span: tuple[int, int]) -> str:
    """The one token a year span is indexed and asked by ("2019/20", "19-20": "yr2019_2020")."""
    return f"yr{span[0]}_{span[1]}"


def without_periods(raw: str) -> str:
    """The text with its short year spans blanked: "19/20" is not the words "19" and "20" (as in a table's
    "19 19 30"); "2019/20" keeps its year, which the papers write as a word too."""
    for m, _ in reversed(_period_matches(raw)):
        raw = raw[: m.start()] + " " + raw[m.end() :]
    return raw


def within_periods(asked: Collection[tuple[int, int]], named: Collection[tuple[int, int]]) -> bool:
    """Whether a span asked about is one a text names, or falls within it ("2021/22" within "2021-24")."""
    return any(a <= s and t <= b for s, t in asked for a, b in named)


KINDS = ("email", "phone", "frequency", "number", "date", "who", "outcome", "finding")  # of each sentence, precomputed


def answer_kind(question: str) -> str | None:
    """What a question asks for: "email", "phone", "number", "date", "who", "outcome", "finding", or None (anything)."""
    q = question.lower()
    return next((kind for rx, kind in _ASKS if rx.search(q)), None)


_ASKS = (  # first match wins: "how long" is a date question before "how many" could be a number one
    (_HOW_LONG, "date"),
    (_WANTS_LINK, "link"),
    (_WANTS_EMAIL, "email"),
    (_WANTS_PHONE, "phone"),
    (_WANTS_FREQUENCY, "frequency"),
    (_WANTS_NUMBER, "number"),
    (_WANTS_DATE, "date"),
    (_WANTS_WHO, "who"),
    (_WANTS_FINDING, "finding"),
    (_WANTS_OUTCOME, "outcome"),
)


def has_kind(kind: str | None, passage_text: str, names: Collection[str] = ()) -> bool:
    """Whether a text carries the kind of fact asked for (paragraph numbers aside)."""
    if kind is None:
        return True
    body = _PARAGRAPH_MARK.sub("", passage_text)
    if kind == "link":
        return bool(_LINK.search(body))
    if kind == "email":
        return bool(_EMAIL.search(body))
    if kind == "phone":
        return bool(_PHONE.search(body))
    if kind == "frequency":
        return bool(_FREQUENCY.search(body))
    if kind == "number":  # a count: not a label or a year
        return bool(_NUMBER.search(_NOT_A_COUNT.sub(" ", _LABEL_NUMBER.sub(" ", body.lower()))))
    if kind == "date":
        return bool(_DATE.search(body.lower()))
    if kind == "who":
        return bool(_POST.search(body) or (names and _names_in(body, names)))
    if kind == "finding":  # what something found: any passage but one that says only what will be done
        return bool(_FINDING.search(body)) or not _PROSPECTIVE.search(body)
    return bool(_VERDICT.search(body))


def _names_in(raw: str, names: Collection[str]) -> bool:
    """Whether a text names one of these people (folded full names)."""
    words = text.fold(raw).split()
    return any(" ".join(words[i : i + n]) in names for n in (2, 3) for i in range(len(words) - n + 1))


def has_answer_type(question: str, passage_text: str) -> bool:
    """False when the question wants a figure, a date, a person or a verdict and the passage gives none."""
    return has_kind(answer_kind(question), passage_text)


def sentences(passage_text: str) -> list[str]:
    """A passage's sentences (and list items), as displayed."""
    out: list[str] = []
    for piece in _SENTENCE.split(plain(passage_text)):
        if out and _PARAGRAPH_MARK.sub("", out[-1] + " ") == "":  # "2." is the next sentence's paragraph number
            out[-1] = f"{out[-1]} {piece}"
        elif piece.strip():
            out.append(piece)
    return out


@frozen_dataclass
class PassageHit:
    passage: Passage  # the best-scoring passage of the paragraph
    paper: Paper
    score: float  # BM25
    matched: tuple[str, ...]  # the question's words (as corrected) found in the paragraph
    coverage: float  # the IDF-weighted share of the question's words that the paragraph contains
    answers: bool  # clears the calibrated floor: see the module docstring
    # What answers, in document order: the passage's whole paragraph (a long paragraph is stored as
    # several passages), the passages of its section that carry the fact asked for when the paragraph
    # does not, or the whole (short) section when its heading is what the question asks about.
    quoted: tuple[Passage, ...] = ()
    excerpt: tuple[tuple[Passage, str], ...] = ()  # (passage, the sentences to show, elided with "…")
    # For "who" and "how did it go": the share of the question's weight in the best sentence (with the one
    # before it) that names a person or post, or gives a verdict; 0 when none does.
    fit: float = 0.0
    # the share of the question's weight in the paragraph's own words (not its paper's place or years)
    literal: float = 0.0
    # For "how many": whether a count stands just before a word of the question ("Four reviews", "4365 referrals")
    counted: bool = False

    def cite(self) -> str:
        """ "<paper title>, <location>"."""
        return self.paper.cite(self.passage)


@frozen_dataclass
class _Term:
    word: str  # as typed (folded)
    used: str  # as corrected
    token: str  # stemmed
    expansion: tuple[str, ...] = ()  # an acronym's long form as the papers define it, stemmed
    alternatives: tuple[str, ...] = ()  # words the papers use for it (_SAME_WORDS), stemmed: any one matches

    def found_in(self, tokens: frozenset[str]) -> bool:
        return (
            self.token in tokens
            or bool(self.expansion and all(t in tokens for t in self.expansion))
            or any(t in tokens for t in self.alternatives)
        )


class PassageIndex:
    """Every passage of the knowledge base, indexed once."""

    def __init__(
        self,
        kb: KnowledgeBase,
        *,
        stem: bool = True,
        correct_typos: bool = True,
        min_score: float = MIN_SCORE,
        min_coverage: float = MIN_COVERAGE,
    ) -> None:
        self.passages: tuple[Passage, ...] = tuple(kb.passages())
        self.papers = kb.papers
        self.stem = stem
        self.correct_typos = correct_typos
        self.min_score = min_score
        self.min_coverage = min_coverage
        self._stems: dict[str, str] = {}
        self._same = {
            self._stem(word): tuple(self._stem(x) for x in others.split())
            for words, others in _SAME_WORDS
            for word in words.split()
        }
        self._read: dict[str, tuple[_Term, ...]] = {}  # a question's terms: one answer searches up to three times
        self._found: dict[tuple, tuple[PassageHit, ...]] = {}  # and may repeat a search
        documents = [self._tokens(self._indexed_text(p)) for p in self.passages]
        # what the passage itself says (its heading and text, not the titles every passage of its paper shares)
        self._said = [frozenset(self._tokens(f"{p.section or ''} {p.text}")) for p in self.passages]
        # what it is about besides what it says: the year span its paper or part is about (a passage of the annual
        # report 2019/20 is about 2019/20) and the place its paper is about ("the city": a passage of the
        # Nottingham City annual report); kept apart from `_said`, which the cached index would otherwise repeat
        self._about_tokens = [
            frozenset({period_token(x) for x in periods(self._titles(p))} | self._place(p)) - said
            for said, p in zip(self._said, self.passages, strict=True)
        ]
        self._heading = [frozenset(self._tokens(p.section or "")) for p in self.passages]
        # a paragraph stored as several passages (same place, same seed line); a section (same heading)
        self._paragraph = _runs(self.passages, lambda p: (p.paper, p.part, p.section, p.line) if p.line else p.id)
        self._section = _runs(self.passages, lambda p: (p.paper, p.part, p.section))
        self._names = frozenset(text.fold(person.name) for person in kb.people.values() if " " in person.name.strip())
        # each sentence with its words and the kinds of fact it carries: split on first use (a question reads the
        # sentences of a few candidate paragraphs; splitting all of them cost a quarter of the build and of the
        # cached index's reading), each passage's kept, at most one entry per passage
        self._sentences: dict[int, tuple[_Sentence, ...]] = {}
        self._passage_kinds = [self._kinds(p.text) for p in self.passages]
        # the year spans each passage is about: by its paper's, part's or section's title; or by its own text
        titled: dict[tuple[str, str | None, str | None], frozenset[tuple[int, int]]] = {}
        for p in self.passages:
            key = (p.paper, p.part, p.section)
            if key not in titled:
                paper = self.papers.get(p.paper)
                part = paper.part(p.part) if paper else None
                titled[key] = periods(" ".join(x for x in (paper and paper.title, part and part.title, p.section) if x))
        self._titled_periods = [titled[(p.paper, p.part, p.section)] for p in self.passages]
        self._text_periods = [periods(p.text) for p in self.passages]
        self._bm25 = bm25.Bm25(documents)
        n = len(documents)
        df: dict[str, int] = {}
        for terms in documents:
            for t in set(terms):
                df[t] = df.get(t, 0) + 1
        self._idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        self._unknown_idf = math.log(1 + (n + 0.5) / 0.5)
        surface = {w for p in self.passages for w in text.words(self._indexed_text(p)) if self._content(w)}
        self._surface = frozenset(surface)
        self._vocabulary = tuple(sorted(w for w in surface if len(w) >= 4 and not w.isdigit()))
        self.acronyms = {
            acronym: tuple(self._tokens(long_form))
            for acronym, long_form in defined_acronyms(p.text for p in self.passages).items()
        }
        # acronyms the papers never write in lower case ("TCE", "CFH"): typed in lower case they are still the
        # acronym ("the tce practice network"); "send", "care" are also written as words, so they are not
        lower = {w for p in self.passages for w in re.findall(r"\b[a-z]{2,8}\b", p.text)}
        self._always_upper = frozenset(a for a in self.acronyms if a not in lower and a not in _ALSO_WORDS)
        # each part's title words (what names it: not "report", "annual", "agenda", "item", numbers), and how many
        # parts' titles use each word
        generic = frozenset(self._tokens(_TITLE_GENERIC))
        # (a word of the paper's own title names the paper: "the ncscp annual report" is not its part "The NCSCP")
        self._part_titles = {
            (paper.id, part.id): frozenset(t for t in self._tokens(part.title) if t.isalpha() and t not in generic)
            - self._title_words(paper.title)
            for paper in kb.papers.values()
            for part in paper.parts
        }
        self._part_df: dict[str, int] = {}
        for words in self._part_titles.values():
            for w in words:
                self._part_df[w] = self._part_df.get(w, 0) + 1
        n_parts = max(len(self._part_titles), 1)
        self._part_idf = {w: math.log(1 + n_parts / c) for w, c in self._part_df.items()}

    def __getstate__(self) -> dict:
        """Pickled without the last questions' terms and hits (knowledge.cache keeps the index), nor the passages'
        lower-case texts (made again when first needed)."""
        state = self.__dict__.copy()
        state["_read"] = {}
        state["_found"] = {}
        state["_sentences"] = {}
        state.pop("_lowered_texts", None)
        return state

    def _lowered(self) -> list[str]:
        """Each passage's text in lower case with its spaces single, made when a question first needs it."""
        lowered = self.__dict__.get("_lowered_texts")
        if lowered is None:
            lowered = self.__dict__["_lowered_texts"] = [" ".join(p.text.lower().split()) for p in self.passages]
        return lowered

    def __len__(self) -> int:
        return len(self.passages)

    def warm(self) -> PassageIndex:
        """Split every passage's sentences now, so that no answer pays for it (`Engine.warm`, for the server)."""
        for j in range(len(self.passages)):
            self._sentences_of(j)
        return self

    def _sentences_of(self, j: int) -> tuple[_Sentence, ...]:
        """Passage j's sentences, each with its words and the kinds of fact it carries (split once, on first use)."""
        found = self._sentences.get(j)
        if found is None:
            text_of = sentences(self.passages[j].text)
            found = self._sentences[j] = tuple(
                _Sentence(x, frozenset(self._tokens(x)), self._kinds(x)) for x in text_of
            )
        return found

    # -- text ----------------------------------------------------------------------------------
    def _place(self, passage: Passage) -> frozenset[str]:
        """The place a passage's paper is about, as its title starts ("Nottingham City ...": nottingham, city)."""
        paper = self.papers.get(passage.paper)
        m = _PLACE.match(paper.title) if paper else None
        if m is None:
            return frozenset()
        place = m.group(0)
        # "Nottinghamshire Corporate Parenting Panel": a shire is a county ("the county's secure children's home")
        return frozenset(self._tokens(f"{place} County" if place.endswith("shire") else place))

    def _titles(self, passage: Passage) -> str:
        """The titles of a passage's paper and part."""
        paper = self.papers.get(passage.paper)
        part = paper.part(passage.part) if paper else None
        return " ".join(x for x in (paper.title if paper else None, part.title if part else None) if x)

    def _indexed_text(self, passage: Passage) -> str:
        paper = self.papers.get(passage.paper)
        part = paper.part(passage.part) if paper else None
        titles = (paper.title if paper else None, part.title if part else None, passage.section)
        return " ".join(x for x in (*titles, passage.text) if x)

    @staticmethod
    def _content(word: str) -> bool:
        return word not in STOPWORDS and (len(word) > 1 or word.isdigit())

    def _stem(self, word: str) -> str:
        if not self.stem:
            return word
        found = self._stems.get(word)
        if found is None:
            found = _UNMERGED.get(word) or bm25.stem_words([word])[0]
            if len(self._stems) < MAX_STEM_CACHE:  # questions add words; the cache stays bounded
                self._stems[word] = found
        return found

    def _tokens(self, raw: str) -> list[str]:
        """Stemmed content words; a hyphenated compound ("Sub-Group") also gives its joined form ("subgroup"). The
        extraction's markup is no words of the text ('<ul style="list-style-type: none">' is no "type")."""
        if "<" in raw:
            raw = _MARKUP.sub(" ", raw)
        lowered = raw.lower()
        if "after" in lowered:
            raw = _FIXED.sub(_fixed, raw)
            lowered = raw.lower()
        tokens = [self._stem(w) for w in text.words(raw) if self._content(w)]
        tokens += [self._stem(a + b) for a, b in _COMPOUND.findall(lowered)]
        if "/" in raw or "-" in raw or "\u2013" in raw:  # a year span needs its separator
            tokens += [period_token(span) for span in periods(raw)]
        return tokens

    def terms(self, question: str) -> list[_Term]:
        """The question's content words, each corrected to a word the papers use when it is a likely typo.

        Kept for the last few questions: one answer searches the papers up to three times (the answer, a deeper
        paragraph, the "not sure" suggestions), and correcting typos is the costly part."""
        read = self._read.get(question)
        if read is None:
            if len(self._read) >= READ_MEMO:
                self._read.clear()
            read = self._read[question] = tuple(self._read_terms(question))
        return list(read)

    def _read_terms(self, question: str) -> list[_Term]:
        out: list[_Term] = []
        seen: set[str] = set()
        lookups = 0
        # an acronym is expanded where the question writes it as one ("HSB", "CiCC") or where it cannot be
        # a word (no vowel: "hsb", "ncscp"), so that "send" is not read as SEND
        shouted = {w.lower() for w in re.findall(r"\b[A-Za-z]*[A-Z][A-Za-z]*[A-Z]\b", question)}
        shouted |= {w for w in self.acronyms if not re.search(r"[aeiou]", w)} | self._always_upper
        asked = _FIXED.sub(_fixed, _PHRASING.sub(" ", without_periods(question.lower())))
        asked = _MEMBERS_ASKED.sub(" membership ", asked)  # "who sits on the hsb steering group": its membership
        for word in text.words(asked)[:MAX_QUERY_WORDS]:
            if not self._content(word):
                continue
            used = word
            everyday: tuple[str, ...] = ()
            if word in _EVERYDAY:  # "kids", "notts": the papers say "children", "Nottinghamshire"
                everyday = tuple(self._tokens(_EVERYDAY[word]))
            elif (
                self.correct_typos
                and lookups < MAX_CORRECTIONS
                and word not in self._surface
                and len(word) >= 4
                and not word.isdigit()
                and not self._bm25.known(self._stem(word))
            ):
                lookups += 1
                used = text.closest_word(word, self._vocabulary, TYPO_CUTOFF) or word
            token = self._stem(used)
            if token not in seen:
                seen.add(token)
                # (an acronym the papers never define may still be an everyday one: "QA")
                spelled = (self.acronyms.get(used, ()) if used in shouted else ()) or everyday
                out.append(_Term(word, used, token, spelled, self._same.get(token, ()) + self._ised(used, token)))
        for m, span in _period_matches(question.lower()):  # "19/20": one word, the year span
            token = period_token(span)
            if token not in seen:
                seen.add(token)
                out.append(_Term(m.group(0), m.group(0), token))
        return out

    # -- search --------------------------------------------------------------------------------
    def search(
        self,
        question: str,
        limit: int = 3,
        papers: Collection[str] | None = None,
        parts: Collection[tuple[str, str]] | None = None,
    ) -> list[PassageHit]:
        """The best paragraphs for a question, best first; empty when no passage shares a word with it.

        `papers` (paper ids) limits the search to those papers, e.g. when the question names "the city plan";
        `parts` ((paper id, part id) pairs) to those parts of them, e.g. one report in a committee's pack.
        The last few searches are kept: one answer may make the same search twice (the answer, then the
        "not sure" note that points to the nearest passages).
        """
        key = (
            question,
            limit,
            None if papers is None else frozenset(papers),
            None if parts is None else frozenset(parts),
        )
        found = self._found.get(key)
        if found is None:
            if len(self._found) >= READ_MEMO:
                self._found.clear()
            found = self._found[key] = tuple(self._search(question, limit, papers, parts))
        return list(found)

    def _search(
        self,
        question: str,
        limit: int,
        papers: Collection[str] | None,
        parts: Collection[tuple[str, str]] | None = None,
    ) -> list[PassageHit]:
        terms = self.terms(question)
        if not terms or not self.passages or limit <= 0:
            return []
        only = None
        if papers is not None or parts is not None:
            only = [
                (papers is None or p.paper in papers) and (parts is None or (p.paper, p.part or "") in parts)
                for p in self.passages
            ]
        names = [" ".join(n.lower().split()) for n in text.written_names(question)]
        if names:  # "what is My Futures": the paragraphs that write the name, when any does (not every "future")
            lowered = self._lowered()
            holding = [any(n in low for n in names) for low in lowered]
            if 0 < sum(holding) <= RARE_NAME and any(h and (only is None or only[i]) for i, h in enumerate(holding)):
                only = [h and (only is None or only[i]) for i, h in enumerate(holding)]
        asked = periods(question)
        if asked:  # "how many referrals in 19/20": not a passage of a paper, part or section about other years,
            # unless its own text names the years asked (a table of the last five years in this year's report)
            only = [
                (only is None or only[i])
                and (not named or within_periods(asked, named) or within_periods(asked, self._text_periods[i]))
                for i, named in enumerate(self._titled_periods)
            ]
        return self._ranked(question, terms, limit, only)

    def _ranked(self, question: str, terms: list[_Term], limit: int, only: Sequence[bool] | None) -> list[PassageHit]:
        weights = {t.token: self._weight(t) for t in terms}
        weight = sum(weights.values()) or 1.0
        kind = answer_kind(question)
        lowered = question.lower()
        needs: tuple[str, ...] = ()
        group: tuple[_Term, ...] = ()
        if kind == "who" and _ASKS_CHAIR.search(lowered):
            needs = (self._stem("chair"),)
            group = self._group_terms(lowered, terms)
        elif kind == "outcome":  # the visit asked about, and the word that says which ("the assurance visit")
            said = [w for w in text.words(lowered) if self._content(w)]
            named = {w for w in said if w in _EVENT_NOUNS}
            named |= {a for a, b in itertools.pairwise(said) if b in _EVENT_NOUNS and a not in _MONTHS}
            needs = tuple(dict.fromkeys(t.token for t in terms if t.used in named or t.word in named))
        months = frozenset(self._stem(w) for w in text.words(lowered) if w in _MONTHS)
        chair = None
        if kind == "who" and needs:
            chair = "current" if _CURRENT.search(lowered) else "any"
        ask = _Ask(question, terms, weights, weight, kind, needs, bool(needs), chair)
        hits: list[PassageHit] = []
        seen: set[tuple[int, ...]] = set()
        tokens = list(dict.fromkeys(x for t in terms for x in (t.token, *t.expansion, *t.alternatives)))
        for i, score in self._bm25.top(tokens, limit * 4 + 4, only):  # a paragraph's passages count once
            paragraph = self._paragraph[i]
            if paragraph in seen:
                continue
            seen.add(paragraph)
            own = frozenset().union(*(self._said[j] | self._about_tokens[j] for j in paragraph))
            matched = [t for t in terms if t.found_in(own)]
            if matched:  # words naming the part or section it is in ("the QA subgroup") hold for each paragraph
                titled = self._part_title_tokens(self.passages[i]) | self._heading[i]
                matched += [t for t in terms if t not in matched and t.found_in(titled)]
            coverage = sum(weights[t.token] for t in matched) / weight
            said = frozenset().union(*(self._said[j] for j in paragraph))
            literal = sum(weights[t.token] for t in matched if t.found_in(said)) / weight
            groups = [paragraph]
            fit = self._fit(ask, paragraph)
            typed = self._typed(ask, paragraph)
            # (a paragraph short of the words asked answers nothing: its section's support is not looked for - the
            # dearest step of a "who" search, once per paragraph ranked)
            if not typed and ask.kind in ("who", "outcome", "frequency") and coverage >= self.min_coverage:
                support = self._support(self._in_context(ask, paragraph), i, only)
                typed = bool(support)
                groups += support
            elif ask.kind is None and self._heading_answers(ask, i, paragraph):
                groups = [self._section[i]]
            if len(groups) == 1 and groups[0] == paragraph:  # "These are the three priorities ... 1. That ...":
                groups += self._list_rest(paragraph, ask.kind == "who")  # the numbered items after it too
            passage = self.passages[i]
            ordered = sorted(groups, key=lambda g: g[0])
            hits.append(
                PassageHit(
                    passage=passage,
                    paper=self.papers[passage.paper],
                    score=round(score, 3),
                    matched=tuple(t.used for t in matched),
                    coverage=round(coverage, 3),
                    literal=round(literal, 3),
                    # "the january visit": a paragraph that names that month, or is in a part dated then ("before
                    # the october panel": the minutes of the October meeting)
                    answers=(months <= own or months <= own | self._part_title_tokens(passage))
                    and score >= self.min_score
                    and coverage >= self.min_coverage
                    and len(matched) >= min(MIN_MATCHED, len(terms))
                    and typed
                    and self._names_group(group, own, passage, i),
                    quoted=tuple(self.passages[j] for g in ordered for j in g),
                    excerpt=tuple(self._excerpt(ask, g) for g in ordered),
                    fit=round(fit, 3),
                    counted=ask.kind == "number" and self._counts(ask, paragraph),
                )
            )
            if len(hits) == limit:
                break
        return hits

    def qualified(self, question: str, passages: Sequence[Passage]) -> bool:
        """Whether these passages name what the question asks about only with a capitalised qualifier it does not
        use: "the city DSL network" is not the "Early Years Designated Safeguarding Leads Network"."""
        asked = {x for t in self.terms(question) for x in (t.token, *t.expansion, *t.alternatives)}
        for passage in passages:
            words = _CAPITALISED_OR_WORD.findall(plain(passage.text))
            for n, word in enumerate(words):
                if n < 2 or self._stem(word.lower()) not in asked:
                    continue
                before = words[n - 2 : n]
                if all(w[:1].isupper() and self._content(w.lower()) for w in before) and not any(
                    self._stem(w.lower()) in asked for w in before
                ):
                    return True
        return False

    def figure_share(self, question: str, passages: Sequence[Passage]) -> float:
        """The largest share of the question's word weight that one sentence carrying a figure holds, of these
        passages: "how many contemporaneous LADO referrals in 2023/24" is the table row "Referrals (Contemporary)
        ... 2023/24 ... 143", not a paragraph using the words in different sentences."""
        terms = self.terms(question)
        weights = {t.token: self._weight(t) for t in terms}
        total = sum(weights.values()) or 1.0
        best = 0.0
        for passage in passages:
            for raw in sentences(passage.text):
                if "number" in self._kinds(raw):
                    tokens = frozenset(self._tokens(raw))
                    best = max(best, sum(weights[t.token] for t in terms if t.found_in(tokens)) / total)
        return best

    def _weight(self, term: _Term) -> float:
        """A word's IDF; an everyday word the papers never use ("kids") weighs as the word they use ("children")."""
        if term.token not in self._idf and term.word in _EVERYDAY and term.expansion:
            return max(self._idf.get(t, self._unknown_idf) for t in term.expansion)
        return self._idf.get(term.token, self._unknown_idf)

    def _share(self, ask: _Ask, tokens: frozenset[str]) -> float:
        return sum(ask.weights[t.token] for t in ask.terms if t.found_in(tokens)) / ask.weight

    def _kinds(self, raw: str) -> frozenset[str]:
        return frozenset(k for k in KINDS if has_kind(k, raw, self._names))

    def _fit(self, ask: _Ask, group: Sequence[int]) -> float:
        if ask.kind not in ("who", "outcome", "frequency"):
            return 0.0
        return max((share for share, _ in self._windows(ask, group)), default=0.0)

    def _windows(self, ask: _Ask, group: Sequence[int]) -> list[tuple[float, str]]:
        """(share of the question's weight, sentence) for each sentence of a paragraph that has the kind asked
        for, counting the sentence before it too ("... the Group. The group is chaired by ...")."""
        rows = [row for j in group for row in self._sentences_of(j)]
        # the words naming the part the paragraph is in hold for each of its sentences ("FLAG meet every two
        # months" under '4 FOSTER CARERS LIAISON GROUP UPDATE')
        titled = self._part_title_tokens(self.passages[group[0]]) | self._heading[group[0]] if group else frozenset()
        out = []
        for n, row in enumerate(rows):
            if ask.kind in row.kinds or (ask.chair and _CHAIRED_BY.search(row.text)):
                if ask.chair == "current" and _ROTATES.search(row.text):
                    continue  # "who's chairing it this year": "chaired in rotation" does not say who
                window = (row.tokens | rows[n - 1].tokens if n else row.tokens) | titled
                # "This group is chaired by ...": the group is the one the paragraph is about
                context = frozenset().union(*(r.tokens for r in rows)) if _REFERS_BACK.search(row.text) else window
                if all(t in window for t in ask.needs) and self._about(ask, context):
                    out.append((self._share(ask, window), row.text))
        return out

    def _typed(self, ask: _Ask, group: Sequence[int]) -> bool:
        """Whether a paragraph has the kind of fact asked for: anywhere for a figure or a date (as calibrated),
        in a sentence about the question for a person or a verdict."""
        if ask.kind is None:
            return True
        if ask.kind == "link":  # rarely asked: looked for only in the paragraphs found, not precomputed
            return any(_LINK.search(self.passages[j].text) for j in group)
        if ask.kind == "date" and WANTS_DAY.search(ask.question.lower()):
            # "what date is exploitation day 2024": a day, a month or a season; a bare year ("Exploitation Day
            # 2024") or a span ("12 months") does not say what date; nor does the month the question names ("what
            # day in march is the conference": "a conference in March 2025" gives no day)
            named = {m.group(0).lower()[:3] for m in _DAY.finditer(ask.question)}
            if not named:
                return any(_DAY.search(plain(self.passages[j].text)) for j in group)
            rows = [row for j in group for row in self._sentences_of(j)]
            for n, row in enumerate(rows):  # ... in a sentence about what is asked (not a signature's date)
                said = plain(row.text)
                other = any(m.group(0).lower()[:3] not in named for m in _DAY.finditer(said))
                if (other or _DAY_OF_MONTH.search(said)) and self._share(
                    ask, row.tokens | rows[n - 1].tokens if n else row.tokens
                ) >= DATE_SHARE:
                    return True
            return False
        if ask.kind == "date" and _WANTS_WHEN.search(ask.question.lower()):
            # "when is the TCE conference": a time (a month, a season, a year); "annual" or "12 months" is none
            if not any(_DAY.search(t) or _YEAR.search(t) for t in (plain(self.passages[j].text) for j in group)):
                return False
            # ... in a sentence about what is asked ("when's the health local offer being launched": not the date
            # of the CiCC's next meeting two sentences before "a specialist Health Local Offer ... with the design
            # and print team")
            return self._dated_near(ask, group)
        if ask.kind in ("email", "phone", "number", "date", "finding"):
            return any(ask.kind in self._passage_kinds[j] for j in group)
        return self._fit(ask, group) >= _share_needed(ask.kind)

    def _dated_near(self, ask: _Ask, group: Sequence[int]) -> bool:
        """Whether a sentence that gives a date (with the one before it) holds DATE_SHARE of the question's weight."""
        rows = [row for j in group for row in self._sentences_of(j)]
        for n, row in enumerate(rows):
            if "date" in row.kinds:
                window = row.tokens | rows[n - 1].tokens if n else row.tokens
                if self._share(ask, window) >= DATE_SHARE:
                    return True
        return False

    def _counts(self, ask: _Ask, paragraph: Sequence[int]) -> bool:
        """Whether a count in the paragraph stands just before (a word or two) one of the question's words."""
        tokens = {x for t in ask.terms for x in (t.token, *t.alternatives)}
        for m in _COUNT_BEFORE.finditer(" ".join(plain(self.passages[j].text) for j in paragraph)):
            if any(self._stem(w) in tokens for w in text.words(m.group(2))):
                return True
        return False

    def _about(self, ask: _Ask, window: frozenset[str]) -> bool:
        if not ask.about:
            return True
        others = [t for t in ask.terms if t.token not in ask.needs]
        total = sum(ask.weights[t.token] for t in others)
        held = sum(ask.weights[t.token] for t in others if t.found_in(window))
        return not total or held / total >= SUBJECT_SHARE

    def _in_context(self, ask: _Ask, paragraph: Sequence[int]) -> _Ask:
        """The question as a paragraph's neighbours are judged for it: the event it asks about ("how did the
        inspection go") need not be named again beside the verdict when the paragraph says it took place ("were
        inspected in 2020"); a paragraph saying it is still to come ("a visit is now awaited") gives no context."""
        if not ask.needs or ask.kind != "outcome":
            return ask
        for j in paragraph:
            for row in self._sentences_of(j):
                if all(t in row.tokens for t in ask.needs) and not _UPCOMING.search(row.text):
                    return replace(ask, needs=(), about=False)
        return ask

    def _support(self, ask: _Ask, i: int, only: Sequence[bool] | None) -> list[tuple[int, ...]]:
        """The paragraphs of passage i's section, nearest first, that carry the fact asked for in a sentence
        sharing the question's words (at most MAX_SUPPORT, the best first)."""
        section, own = self._section[i], self._paragraph[i]
        near = sorted((j for j in section if j not in own and (only is None or only[j])), key=lambda j: abs(j - i))
        found: dict[tuple[int, ...], float] = {}
        for j in near[:MAX_SUPPORT_SCAN]:
            group = self._paragraph[j]
            if group in found:
                continue
            for share, raw in self._windows(ask, group):
                if share >= _share_needed(ask.kind):
                    strong = ask.kind == "outcome" and bool(_STRONG_VERDICT.search(raw))  # a rating before praise
                    found[group] = max(found.get(group, 0.0), share + strong)
        return sorted(found, key=lambda g: -found[g])[:MAX_SUPPORT]

    def _list_rest(self, paragraph: Sequence[int], one_item: bool = False) -> list[tuple[int, ...]]:
        """The paragraphs of the same section that go on with a numbered list the paragraph starts ("1. ..."
        then "2. ...", "3. ..."), at most MAX_LIST_ITEMS. With `one_item` (a question of who does one thing), none
        after a paragraph that is itself one numbered item."""
        joined = " ".join(plain(self.passages[j].text) for j in paragraph)
        numbers = _LIST_ITEM.findall(joined)
        if one_item and len(numbers) == 1 and _LIST_ITEM.match(joined):
            # "who owns jointly developing the strategy meeting agenda": "5. Agenda for strategy meetings ... Task
            # and Finish Group Hannah Johnson ..." is one row of an action plan; the rows after it are other work
            return []
        if not numbers:
            # "three multi-agency audits were completed." then "Audit activity has included- - Neglect - ...": the
            # next paragraph of the section lists what this one tells of
            j = paragraph[-1] + 1
            if (
                j < len(self.passages)
                and self._section[j] == self._section[paragraph[0]]
                and LISTS_NEXT.match(plain(self.passages[j].text))
            ):
                return [self._paragraph[j]]
            return []
        n, out, j = int(numbers[-1]), [], paragraph[-1] + 1
        while j < len(self.passages) and len(out) < MAX_LIST_ITEMS and self._section[j] == self._section[paragraph[0]]:
            if not plain(self.passages[j].text).startswith(f"{n + 1}."):
                break
            out.append(self._paragraph[j])
            n, j = n + 1, self._paragraph[j][-1] + 1
        return out

    def _heading_answers(self, ask: _Ask, i: int, paragraph: Sequence[int]) -> bool:
        """The section's heading is what is asked about ("the priorities for 2020/21"), and the section is short."""
        section = self._section[i]
        body = frozenset().union(*(frozenset(self._tokens(self.passages[j].text)) for j in paragraph))
        heading_only = [t for t in ask.terms if t.found_in(self._heading[i]) and not t.found_in(body)]
        # the words that name the paper or part ("the CCG's bit of the annual report 19/20") say where to look, not
        # what is asked: the heading's share is of the rest ("what did the CCG say it achieved": the achievements)
        titled = self._titled_tokens(self.passages[i])
        asked = [t for t in ask.terms if not t.found_in(titled) or t in heading_only]
        weight = sum(ask.weights[t.token] for t in asked)
        share = sum(ask.weights[t.token] for t in heading_only) / weight if weight else 0.0
        words = sum(len(self.passages[j].text.split()) for j in section)
        return (
            share >= HEADING_SHARE
            and len(section) > len(paragraph)
            and len(section) <= MAX_SECTION_PASSAGES
            and words <= MAX_SECTION_WORDS
        )

    def _ised(self, word: str, token: str) -> tuple[str, ...]:
        """The stemmer keeps "-alised" apart from its adjective ("contextualised": contextualis; "contextual":
        contextu): a question's word also matches its other form, in either spelling."""
        m = _ALISED.fullmatch(word)
        base = m.group(1) if m else word if word.endswith("al") and len(word) >= 6 else None
        if base is None:
            return ()
        forms = (base, base + "ised", base + "ized")
        return tuple(x for x in dict.fromkeys(self._stem(f) for f in forms) if x != token)

    def _group_terms(self, lowered: str, terms: list[_Term]) -> tuple[_Term, ...]:
        """The question's words naming the group whose chair is asked ("safer", "notts" of "who chairs the safer
        notts board")."""
        named = {w for m in _GROUP_NAMED.finditer(lowered) for w in text.words(m.group(1)) if self._content(w)}
        if re.search(r"\b(?:council|forum|network)\b", lowered):  # "the children in care council": its own noun
            named |= {w for w in ("council", "forum", "network") if re.search(rf"\b{w}\b", lowered)}
        # (a word no paragraph uses, "dev" for development, cannot be required of one)
        return tuple(
            t
            for t in terms
            if (t.word in named or t.used in named) and any(self._bm25.known(x) for x in (t.token, *t.alternatives))
        )

    def _names_group(self, group: Sequence[_Term], own: frozenset[str], passage: Passage, i: int) -> bool:
        """Whether a paragraph (with its part's title and its heading) names the group a chair is asked of: "the
        workforce development board ... is chaired by the Service Manager" does not answer who chairs the Safer Notts
        Board."""
        if not group:
            return True
        named = own | self._part_title_tokens(passage) | self._heading[i]
        return all(t.found_in(named) for t in group)

    def _part_title_tokens(self, passage: Passage) -> frozenset[str]:
        """The words of the title of a passage's part (not its paper's: a pack dated January holds older minutes),
        memoised per part: every paragraph ranked asks for them."""
        key = (passage.paper, passage.part)
        memo = self.__dict__.setdefault("_part_memo", {})  # (kept off the index's construction: built as needed)
        found = memo.get(key)
        if found is None:
            paper = self.papers.get(passage.paper)
            part = paper.part(passage.part) if paper else None
            found = frozenset(self._tokens(part.title)) if part and part.title else frozenset()
            memo[key] = found
        return found

    def _titled_tokens(self, passage: Passage) -> frozenset[str]:
        """The words of a passage's paper and part titles, their year spans and the place the paper is about."""
        key = (passage.paper, passage.part)
        memo = self.__dict__.setdefault("_titled_memo", {})  # (kept off the index's construction: built as needed)
        found = memo.get(key)
        if found is None:
            titles = self._titles(passage)
            found = frozenset(self._tokens(titles)) | {period_token(x) for x in periods(titles)} | self._place(passage)
            memo[key] = found
        return found

    def _excerpt(self, ask: _Ask, group: Sequence[int]) -> tuple[Passage, str]:
        """A paragraph (or short section) for display: whole when short, else its sentences that match the
        question best (those with the fact asked for first), in order, elided with "…"."""
        rows = [(row.text, row.tokens, row.kinds) for j in group for row in self._sentences_of(j)]
        first = self.passages[group[0]]
        row = _period_row(ask, group, self.passages)
        if row is not None:  # "how many LADO referrals in 23/24": the table's heading and that year's row
            return first, row
        kept = _without_comparison(ask, rows)
        if kept is None:
            kept = self._best_figures(ask, rows)
        if kept is not None:  # "how many were assessed in 23-24": that year's figure, not last year's beside it
            parts = [rows[n][0] if n in kept else "\u2026" for n in range(len(rows))]
            return first, " ".join(p for n, p in enumerate(parts) if p != "\u2026" or n == 0 or parts[n - 1] != p)
        total = sum(len(raw.split()) for raw, _, _ in rows)
        if total <= MAX_QUOTE_WORDS or not rows:
            return first, " ".join(raw for raw, _, _ in rows) or plain(first.text)
        scored = []
        for n, (_, tokens, kinds) in enumerate(rows):
            share = self._share(ask, tokens)
            if share > 0:
                scored.append((share + (0.5 if ask.kind in kinds else 0.0), n))
        chosen: set[int] = set()
        used = 0
        for _, n in sorted(scored, key=lambda x: (-x[0], x[1])):
            size = len(rows[n][0].split())
            if chosen and used + size > MAX_QUOTE_WORDS:
                continue
            chosen.add(n)
            used += size
        if not chosen:
            chosen = {0}
        parts: list[str] = []
        for n in sorted(chosen):
            if n > 0 and n - 1 not in chosen:
                parts.append("\u2026")
            parts.append(rows[n][0])
        if max(chosen) < len(rows) - 1:
            parts.append("\u2026")
        return first, " ".join(parts)

    def _best_figures(self, ask: _Ask, rows: list[tuple[str, frozenset[str], frozenset[str]]]) -> set[int] | None:
        """For a question asking how many (not how figures compare), the positions of a short paragraph's sentences
        without the figures of other things: of its sentences giving a figure, those that hold less of the question's
        weight than the best one are left out ("how many secondaries came to the DSL conference": the conference's
        "Secondary 14", not the network's "Secondary 11" in the next list item). None when none is left out."""
        if not _short_count_asked(ask, rows):
            return None
        figures = {
            n: frozenset(t.token for t in ask.terms if t.found_in(tokens))
            for n, (_, tokens, kinds) in enumerate(rows)
            if "number" in kinds
        }
        if len(figures) < 2:
            return None
        best = max(figures.values(), key=lambda found: (sum(ask.weights[t] for t in found), len(found)))
        # only a sentence whose words of the question are some of the best one's (and fewer) is another thing's
        dropped = {n for n, found in figures.items() if found < best}
        if not best or not dropped:
            return None
        return set(range(len(rows))) - dropped

    # -- the parts a question names --------------------------------------------------------------
    def named_parts(self, question: str) -> tuple[list[tuple[str, str]], frozenset[str]]:
        """The parts of the papers (a report in a committee's pack, a chapter of an annual report) whose titles the
        question names ("the allegations service report"), and the title words it names them by (stemmed).

        A part is named when the question uses a word of its title that few other parts' titles use; of the
        parts named, those whose titles carry the most of the question's distinctive weight are kept (two
        reports sharing the words are both kept). Empty when no part is named.
        """
        tokens = {x for t in self.terms(question) for x in (t.token, *t.expansion)}
        scored: list[tuple[float, tuple[str, str], frozenset[str]]] = []
        for key, title in self._part_titles.items():
            shared = title & tokens
            if not shared or min(self._part_df[t] for t in shared) > MAX_PART_DF:
                continue
            scored.append((sum(self._part_idf[t] for t in shared), key, frozenset(shared)))
        if not scored:
            return [], frozenset()
        best = max(x for x, _, _ in scored)
        chosen = [(key, shared) for x, key, shared in scored if x >= best - 1e-9]
        return [key for key, _ in chosen], frozenset().union(*(shared for _, shared in chosen))

    def _title_words(self, title: str) -> frozenset[str]:
        """A title's words, and the acronyms the papers define for a run of them ("NCSCP")."""
        words = frozenset(self._tokens(title))
        return words | {self._stem(a) for a, spelled in self.acronyms.items() if spelled and set(spelled) <= words}

    def title_tokens(self, raw: str) -> frozenset[str]:
        """The stemmed content words of a text, as part titles are read."""
        return frozenset(self._tokens(raw))

    def best(self, question: str) -> PassageHit | None:
        """The top passage when it answers the question, else None (say plainly that no passage answers)."""
        hits = self.search(question, limit=1)
        return hits[0] if hits and hits[0].answers else None


@frozen_dataclass
class _Sentence:
    text: str
    tokens: frozenset[str]
    kinds: frozenset[str]  # of KINDS


# a sentence that only sets a figure beside another year's ("This compares with 132 the previous year ..."): left out
# of the quote for a question asking how many, unless it asks for the comparison itself
_COMPARISON_SENTENCE = lazy(
    r"^\W*(?:(?:this|that|these|which|it)\s+)?(?:compares?|compared)\b|"
    r"^\W*(?:in\s+)?(?:the\s+)?(?:previous|last|prior|preceding)\s+year\b",
    re.IGNORECASE,
)
_COMPARING = lazy(
    r"\b(compare|compared|comparison|previous|prior|last year|year before|change|changed|increase|increased|"
    r"decrease|decreased|rise|risen|fall|fallen|drop|dropped|trend|up or down|more or less|vs|versus)\b"
)


# one row of a table of years run into a paragraph: "2023/24 39 27 36 41 143"
_YEAR_ROW = lazy(r"\b(?:19|20)\d\d\s*/\s*\d\d(?:\s+[\d,.]+%?){2,}(?=\s|$)")


def _period_row(ask: _Ask, group: Sequence[int], passages: Sequence[Passage]) -> str | None:
    """For a question asking how many in a year ("in 23/24"), a table of years run into one paragraph quoted as its
    heading, the row of the year asked and the words after the table, the other years' rows elided; None when the
    paragraph is no such table or has no row for the year asked."""
    if ask.kind != "number" or len(group) != 1 or _COMPARING.search(ask.question.lower()):
        return None
    asked = periods(ask.question)
    if not asked:
        return None
    raw = plain(passages[group[0]].text)
    rows = list(_YEAR_ROW.finditer(raw))
    if len(rows) < 3:
        return None
    wanted = [m for m in rows if within_periods(asked, periods(m.group(0)[:9]))]
    if len(wanted) != 1:
        return None
    row = wanted[0]
    before = raw[: rows[0].start()].strip()
    after = raw[rows[-1].end() :].strip()
    parts = [
        before,
        "\u2026" if row is not rows[0] else "",
        row.group(0),
        "\u2026" if row is not rows[-1] else "",
        after,
    ]
    return " ".join(p for p in parts if p)


def _short_count_asked(ask: _Ask, rows: list[tuple[str, frozenset[str], frozenset[str]]]) -> bool:
    """A question asking how many (not how figures compare) of a paragraph short enough to quote whole, of two
    sentences or more: the paragraphs whose other sentences may be left out of the quote."""
    if ask.kind != "number" or len(rows) < 2 or _COMPARING.search(ask.question.lower()):
        return False
    return sum(len(raw.split()) for raw, _, _ in rows) <= MAX_QUOTE_WORDS


def _without_comparison(ask: _Ask, rows: list[tuple[str, frozenset[str], frozenset[str]]]) -> set[int] | None:
    """For a question asking how many (not how it compares), the positions of a short paragraph's sentences other
    than those that only compare its figure with another year's; None when none is left out, the paragraph is long
    (quoted by its best sentences anyway), or no sentence kept gives a figure."""
    if not _short_count_asked(ask, rows):
        return None
    kept = {n for n, row in enumerate(rows) if not _COMPARISON_SENTENCE.search(row[0])}
    if len(kept) == len(rows) or not kept or not any("number" in rows[n][2] for n in kept):
        return None
    return kept


@frozen_dataclass
class _Ask:
    """One question as search weighs it."""

    question: str
    terms: list[_Term]
    weights: dict[str, float]
    weight: float
    kind: str | None
    needs: tuple[str, ...] = ()  # words the sentence with the fact (or the one before it) must hold
    # ... with SUBJECT_SHARE of the weight of the question's other words ("who chairs the SLG": not "the City's BMG
    # is chaired by ...")
    about: bool = False
    chair: str | None = None  # "who chairs": "any"; "who is chairing it now / this year": "current"


def _runs(passages: Sequence[Passage], key) -> list[tuple[int, ...]]:
    """For each passage, the indexes of the run of consecutive passages with the same key (its own included)."""
    out: list[tuple[int, ...]] = []
    start = 0
    for n in range(1, len(passages) + 1):
        if n == len(passages) or key(passages[n]) != key(passages[start]):
            run = tuple(range(start, n))
            out.extend([run] * len(run))
            start = n
    return out


_DEFINED = lazy(r"\(([A-Z][A-Za-z]{1,7})\)")
_LINKING = frozenset({"and", "of", "for", "the", "in", "on", "to", "&", "a"})


def defined_acronyms(texts: Iterable[str]) -> dict[str, str]:
    """Acronyms the texts define, "Harmful Sexual Behaviour (HSB)" -> {"hsb": "Harmful Sexual Behaviour"}.

    The long form is the shortest run of words just before the brackets whose initials (hyphenated
    words counting each part, linking words such as "of" optional) spell the acronym. An acronym that
    the texts also use as an ordinary lower-case word ("CaRE", "SEND") is left out.
    """
    found: dict[str, str] = {}
    texts = list(texts)
    ordinary = {w for raw in texts for w in re.findall(r"\b[a-z]+\b", raw)}  # "care", "send": words too
    for raw in texts:
        for match in _DEFINED.finditer(raw):
            acronym = match.group(1)
            if acronym.lower() in ordinary:
                continue
            words = re.findall(r"[A-Za-z][\w'’&-]*", raw[max(0, match.start() - 120) : match.start()])[-9:]
            letters = acronym.lower()
            for k in range(1, len(words) + 1):
                run = words[-k:]
                if _initials(run, True) == letters or _initials(run, False) == letters:
                    found.setdefault(letters, " ".join(run))
                    break
    return found


def _initials(words: list[str], keep_linking: bool) -> str:
    parts = [p for w in words for p in re.split(r"[-–]", w) if p]
    return "".join(p[0].lower() for p in parts if keep_linking or p.lower() not in _LINKING)


_MARKUP = lazy(r"</?(?:p|b|i|li|ul|ol|br)\b[^>]*>|\*\*|\[footnoteRef:\d+\]")


def plain(passage_text: str) -> str:
    """A passage for display: the extraction's HTML tags, bold markers and footnote anchors removed, nothing else."""
    return " ".join(_MARKUP.sub(" ", passage_text).split())


def corrected(index: PassageIndex, question: str) -> Sequence[tuple[str, str]]:
    """(typed, read as) for each word the index corrected: for answers that say "reading X as Y"."""
    return [(t.word, t.used) for t in index.terms(question) if t.word != t.used]
