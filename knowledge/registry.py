"""The intents the engine understands, declared as data: name, cues, handler and example questions.

Cues are recognised anywhere in the folded question ("which county ones are late", "has anything on
the city plan slipped"). The engine tries the matching intents in the order declared here; the first
handler that answers wins. `help`, the App Home and the tests read the same examples.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from knowledge.lazydataclass import frozen_dataclass
from knowledge.lazyre import LazyPattern, lazy, lazy_alternatives

if TYPE_CHECKING:
    from knowledge.answer import Answer
    from knowledge.engine import Engine
    from knowledge.query import Query

Handler = Callable[["Query", "Engine"], "Answer | None"]


class _Handlers:
    """A module of handlers, imported when one of its handlers is first called: `actionbot ask` imports only
    the answer modules its question reaches (an action's lead needs none of the committee answers)."""

    def __init__(self, module: str) -> None:
        self.module = f"knowledge.{module}"

    def __getattr__(self, name: str) -> Handler:
        if name.startswith("_"):
            raise AttributeError(name)
        return _Handler(self.module, name)


class _Handler:
    """One handler of a `_Handlers` module: the module's function, found at the first call and kept."""

    __slots__ = ("func", "module", "name")

    def __init__(self, module: str, name: str) -> None:
        self.module, self.name = module, name
        self.func: Handler | None = None

    def resolve(self) -> Handler:
        """The handler function itself (importing its module if this is the first use)."""
        if self.func is None:
            self.func = getattr(importlib.import_module(self.module), self.name)
        return self.func

    def __call__(self, q: Query, engine: Engine) -> Answer | None:
        return (self.func or self.resolve())(q, engine)

    def __repr__(self) -> str:
        return f"<handler {self.module}.{self.name}>"


acts = _Handlers("answers_actions")
com = _Handlers("answers_committee")
papers = _Handlers("answers_papers")
ppl = _Handlers("answers_people")
plans = _Handlers("answers_plans")
title_page = _Handlers("answers_title_page")


def _rx(*alternatives: str) -> LazyPattern:
    """A pattern matching any of the alternatives as whole words (compiled when first used, and not at all for a
    question holding none of the words its alternatives start with)."""
    return lazy_alternatives(alternatives, r"\b(", r")\b")


# "has the letter gone", "were the staff told", "did the briefing happen": a yes/no question whether a thing
# was done is a status question (answered from the derived state of the action or milestone it names); not
# "where was the panel held" or "who was told": those ask something else
_NOT_WH = r"(?<!where )(?<!when )(?<!who )(?<!what )(?<!how )(?<!which )(?<!why )"
HAPPENED = (
    _NOT_WH + r"(has|have|had) (\w+ ){1,12}(gone( out)?|happened|taken place|gone ahead|been sent|been held|been told|"
    r"been informed|been briefed|been issued|sent|held|told|informed|briefed|issued)",
    _NOT_WH + r"(was|were) (\w+ ){1,12}(told|informed|briefed|sent|issued|held|carried out)",
    _NOT_WH + r"did (\w+ ){1,12}(happen|take place|go ahead|go out|get sent|get held|get done)",
    # "did we ever have that meeting with the trade unions", "did they hold the briefing": whether it took place
    _NOT_WH + r"did (we|they|you|i|he|she) (ever |actually |already )?(have|hold|run) (that|the|a|an|our|their) "
    r"(\w+ ){0,3}(meeting|briefing|session|event|panel|visit|consultation)s?\b",
)


# "the managing allegations end of year report - when's it dated": the date its author signed it
REPORT_DATED = r"(when|what)( s|s| is| was)? (it|that|this|the (\w+ ){0,8}(report|paper|review|appendix)) dated\b"


# "is the money for the reviewer sorted", "have we agreed with the city to ...": whether a thing is settled (status)
SETTLED = (
    r"^(is|are|has|have|was|were) (\w+ ){1,12}(sorted|agreed|in place|confirmed|secured|signed off|approved)",
    # "is the system to collate incidents actually up and running": whether the work is done and in use
    r"(?:^|\s{2,})(is|are|was|were) (\w+\s+){1,14}(up and running|operational|in operation|set up|established)\b",
    r"^did (\w+ ){1,12}(agree|sort out|confirm|secure|sign off|approve)\b",
    # "the team funding - sorted?", "... is that sorted now", "did the new guidance get signed off"
    r"(is|are|was|were|has|have) (it|that|this|they|these|those|everything)( all| now| yet)? (been )?(sorted|agreed|"
    r"in place|confirmed|secured|signed off|approved|settled|done|finished|complete|completed)",
    # (no question word anywhere: "corporate parenting panel tmrw - where is it being held" asks where)
    r"^(?!.*\b(where|when|who|whos|what|whats|how|which|why)\b)(\w+\s+){1,12}(sorted|signed off|agreed|confirmed|"
    r"settled|done|finished|completed|approved|sent|held|issued|gone out|happened|delivered)( yet| now| then)?$",
    r"did (\w+ ){1,12}get (sorted|signed off|agreed|confirmed|approved|finished|completed|done)",
    # "did the east midlands framework homes get written to about the staff review": whether that step was done
    r"^(did|have|has) (\w+ ){1,12}(get|got|been|gotten) (written to|sent|contacted|told|informed|notified|asked)\b",
    # "did they ever get the funding for the reviewer sorted", "have we got the contract signed off yet"
    r"\b(get|got|gotten) (the|that|this|their|our|its|a|an) (\w+ ){0,8}(sorted|signed off|agreed|confirmed|secured|"
    r"approved|in place)\b",
)


# "where are we with it", "where's it at", "where are things up to": how far a piece of work has got (status),
# not where a meeting is
WHERE_AT = (
    r"where (are|r) (we|things|they) (with|on|at|up to)",
    r"where (s|is|are) (it|that|this|they|things|everything) (at|up to)",
    r"where (s|is|are) (\w+ ){1,6}up to",
)

# "who is reviewing the inspections", "whos got the staff files review": who is doing a piece of work (its lead)
WHO_DOING = (
    r"who(?: is| s|s) (?!going\b|coming\b|attending\b|chairing\b|presenting\b)\w+ing\b",
    # "who at the county is looking at ...": where they work, between "who" and what they do
    r"who (?:at|in|from) (?:the )?\w+ (?:is|s) (?!going\b|coming\b|attending\b|chairing\b|presenting\b)\w+ing\b",
    r"whos (got|on|in charge|responsible|leading|running|doing|handling)",
    # "who has to make the template", "who's meant to brief the board": whose task it is
    r"who(?: has| have| is| s| are|s)? (?:got )?(?:to|meant to|supposed to|expected to|due to|asked to) "
    r"(?!attend|come|go\b|be\b|chair|present|sign|ask|speak|talk|contact|ring|call|email)\w+",
)

# "who do i chase re the review", "whose name is on it", "which group is down against agreeing the strap line":
# whose work it is (its lead), put as who to chase or whose name the plan gives
WHOSE_NAME = (
    r"who (?:do|should|can|would|could) (?:i|we) chase",
    r"who to chase",
    r"who(?:s| is| s)? in charge of",  # "whos in charge of checking the foster carers": its lead
    r"^whose (?:is|s) (?:it|this|that|the)",  # "whose is the staff files review": whose work it is
    r"whose (?:is|s) (?:it|this|that)\s*$",  # "the review of former staff - whose is it"
    r"(?:who|which (?:\w+ )?(?:group|team|person|service|board|officer|one)) (?:is |s |are )?on the hook",
    r"whose name (?:is |s )?(?:down |written |put |listed )?(?:on|against|for|next to)",
    r"(?:who|which (?:\w+ )?(?:group|team|person|service|board|officer|one)) (?:is |s |are )?(?:down|named|listed|put) "
    r"(?:against|for|as lead)",
)

# "how's the audit coming along", "has the evaluation come back yet", "did they finish going through the reports",
# "how far has the review got": how far a piece of work has got (its status), put in everyday words
PROGRESS = (
    r"(come|came|coming|comes) (back|along|in|through)",
    r"hows",
    r"how (is|s|are) (\w+ ){1,8}(getting on|going|progressing|shaping up)",
    r"how far (along )?(is|are|has|have|s)",
    # (not "what did the reviewer conclude": what was concluded)
    r"(?<!what )did (\w+ ){1,12}(finish|complete|conclude|wrap up|get finished|get completed)",
    r"(is|are|has|have) (\w+ ){1,8}(finished|concluded|wrapped up)",
    r"^(is|are) (the|that|this|their|our) (\w+ ){1,8}back( yet| now)?$",  # "is the evaluation back"
    # "what's next for the hsb audit", "the next step on the foster carer review": where it has got, and what is next
    r"what (s|is|are) (the )?next( steps?)? (for|on|with|in)",
    r"whats next (for|on|with|in)",
    r"next steps? (for|on|with|in)",
    r"what (needs to |has to |will |is going to )?happens? next",
)
PROGRESS_WORDS = frozenset(
    {"come", "came", "coming", "comes", "back", "along", "hows", "how", "getting", "going", "far", "progressing",
     "shaping", "finish", "finished", "conclude", "concluded", "wrap", "wrapped", "yet", "now", "through", "step",
     "steps", "happen", "happens", "need", "needs", "next"}
)  # fmt: skip

# "when is the evaluation meant to land", "when should the report arrive", "when's that due in": when a thing is due,
# put as when it arrives
ARRIVES = (
    r"(meant|supposed|expected|due|going|set|scheduled|planned) to (land|arrive|come in|come through|be ready|be in|"
    r"be back|be delivered)",
    r"when (does|do|will|is|are|s|should|would|could|might) (\w+ ){1,12}(land|arrive|come in|come through|be ready|"
    r"be back|be delivered)\b",
    r"when (s|is) (that|it|this) due",
    # "tce conference - when is it happening", "when does the conference take place"
    r"when (is|s|are|will|does|do)( \w+){0,8} (happening|happen|taking place|take place|going ahead|go ahead)\b",
)
ARRIVES_WORDS = frozenset(
    {"land", "arrive", "come", "through", "ready", "back", "delivered", "meant", "supposed",
     "expected", "should", "would", "could", "might", "set", "scheduled", "planned", "going",
     "happening", "happen", "taking", "take", "place", "ahead"}
)  # fmt: skip

# "which one is the service manager?", "which person is the designated officer": who holds a title
# "where does the panel meet" asks a place; "where does SUDI come into the business plan" asks where a plan says it
WHERE_DOES_PLACE = (
    r"where does(?! (\w+ ){1,5}(come|comes|coming|crop|crops|show|shows|fit|fits|feature|features|appear|appears|"
    r"figure|figures|sit|sits)( up)? (in|into|within|under)\b)"
)
# "where do they hold the panel", "where's it held", "where does the panel meet": its venue
WHERE_HELD = (
    r"where (do|did|will|would) (they|we|you|members|councillors) (hold|have|meet|run)\b|"
    r"where (is|s|was|will) (it|the (\w+ ){1,3}(panel|committee|meeting|board)) (be )?held\b"
)
# "who's the residential homes update a report of": "Report of the Service Director ..." heads each report
# "who is the care leavers report a report of", "item 6 - which service director is it a report of"
# "HSB annual review - report number on it?": its reference code (not "the number of reports")
REPORT_NUMBER = r"(?<!how many )(?:report|paper)s? (?:number|no)\b(?! of)"
REPORT_OF = (
    r"(?:^|\s{2,})\s*(?:who|which(?: \w+){1,3}?)(?: is| s|s)? (?:the |that |this |it )?(?:\w+ ){0,10}?"
    r"(?:an? |the )report of\s*$"
)
WHERE_DOES_FIT = (
    r"where (does|do|did|is|are) (\w+ ){1,5}(come|comes|coming|crop|crops|show|shows|fit|fits|feature|features|"
    r"appear|appears|figure|figures|sit|sits)( up)? (in|into|within|under)\b"
)
WHICH_PERSON = (r"^\s*which (one|person|officer|of them) (is|s|was)",)
# "what is ty yousaf's title", "her job title?", "what's his role": a named person's title
TITLE_ASKED_WORDS = (
    r"\b(s|his|her|their) (actual |real |proper )?(job |official |exact |correct )?(title|role|position|job)\b"
)
TITLE_ASKED = lazy(TITLE_ASKED_WORDS)

# "which city actions are complete", "has anything in the county plan been done", "what's been finished": the actions
# of a scope that are evidenced as complete; "what's left to do", "what is still open", "which are not done yet":
# those that are not
_DONE = r"(done|complete|completed|finished|signed off|achieved|delivered)"
DONE_LIST = (
    r"(which|what) (\w+ ){0,4}(actions?|ones|rows|things|items|bits) (\w+ ){0,4}(are|have been|were|has been|got) "
    r"((fully|all|now|actually|completely|totally|already) )?" + _DONE,
    r"(has|have|is|are) (anything|any of (it|them|the actions)|any actions?|any of the (\w+ ){0,3}actions?) "
    r"(\w+ ){0,6}(been )?" + _DONE,
    r"^(what|which) (s|has|have) (been|got) " + _DONE,
    r"^(what|which) (is|are) " + _DONE + r"\b(?! (by|before|in|on|at|for)\b)",
)
OPEN_LIST = (
    r"(left|still|remaining|remain|yet) to (do|be done|be completed|complete|finish)",
    # "what's left on the county plan"
    r"^\s*(what|whats|what s|anything) (is |s )?(still )?(left|outstanding|remaining) (on|in|from|of)\b",
    r"(what|which) (\w+ ){0,4}(is|are|s) (still )?(open|incomplete|not (yet )?(done|complete|completed|finished))",
    r"(which|what) (\w+ ){0,4}(actions?|ones|rows|things) (\w+ ){0,4}(are|have) (still )?(open|incomplete|"
    r"not (yet )?(been )?(done|complete|completed|finished))",
)

# words of those forms that only say "did it take place": not topic words ("happen" is kept: a question that
# names nothing more than "the update happened" should not match every update it could mean)
HAPPENED_ONLY = frozenset({"take", "taken", "place", "gone", "go", "ahead", "out"})


# the forms above as patterns, each compiled only for a question that may hold it
_PROGRESS_FORM = lazy_alternatives(PROGRESS, r"\b(?:", r")\b")
_ARRIVES_FORM = lazy_alternatives(ARRIVES, r"\b(?:", r")\b")
_HAPPENED_FORM = lazy_alternatives(HAPPENED, r"\b(?:", r")\b")


def asking_form_words(folded: str) -> frozenset[str]:
    """The words of a "who do i chase", "whose name is on it", "who's answerable" form in the question: how a
    question for a lead is put, not what it is about (left out of the topic)."""
    from knowledge.text import content_words

    found: set[str] = set()
    for rx in _WHOSE_FORMS:
        if rx.may_search(folded):
            for m in rx.finditer(folded):
                found.update(w for w in content_words(m.group(0)) if w not in ("group", "team", "board", "service"))
    if _PROGRESS_FORM.found_in(folded):  # "has the evaluation come back yet"
        found |= PROGRESS_WORDS
    if _ARRIVES_FORM.found_in(folded):  # "when is the evaluation meant to land"
        found |= ARRIVES_WORDS
    if "how long" in folded and (m := _HOW_LONG_GIVEN.search(folded)):  # "how long have they given it": its timescale
        found.update(content_words(m.group(0)))
    return frozenset(found)


_HOW_LONG_GIVEN = lazy(
    r"\bhow long (?:(?:is|are|was|were|have|has|had|did|do|does|will)\s+)?(?:(?:they|we|you|it|he|she|the \w+)\s+)?"
    r"(?:been\s+)?(?:given|giving|give|got|allowed|allowing|allow)(?:\s+(?:it|them|themselves|this|that|for))?\b|"
    r"\bhow long\b"
)


def happened_filler(folded: str) -> frozenset[str]:
    """The "did it happen" words to leave out of the topic, when the question is put in one of those forms."""
    return HAPPENED_ONLY if _HAPPENED_FORM.found_in(folded) else frozenset()


@frozen_dataclass
class Intent:
    """One kind of question: its name, the cue words that suggest it, the handler that answers it, examples."""

    name: str
    cues: LazyPattern | None  # None: the parser decides (action ids)
    handler: Handler
    examples: tuple[str, ...] = ()


# "who presented / did / took / delivered the X at the October panel": who gave an item at a meeting
PRESENTED = lazy(
    r"\b(?:who|which (?:officer|manager|person|one of them)) (?:presented|presents|did|took(?! over)|delivered|gave|"
    r"introduced|brought|covered|updated|(?:gives|does|brings|delivers|takes)(?= (?:the |that |this )?(?:\w+ ){0,4}"
    r"(?:update|report|item|presentation|paper)s?\b)|"
    r"(?:was|is|s|will be) (?:presenting|delivering|doing|taking)|will (?:present|deliver|do|take)|"
    r"(?:spoke|talked) (?:to|on|about|through))\b"
)
# how a request is put, not what it is about: "need the lead officer for ..., for my tracker", "remind me by when"
PUT_AS = (
    r"^(?:i |we )?need(?: to know)?",
    r"lead officers?",
    r"for (?:my|our) \w+$",
    r"^remind me",
    r"(?:she|he|they|it|who) keeps? (?:coming|cropping|popping) up",
    r"(?:their |her |his |a )?names?$",  # "the dci who chairs the cspr group, name?"
    r"(?:got|has|have|put|down|set|listed) against (?:it|them|that|this)$",  # "which date has it got against it"
    r"in charge of",  # "who at the county is actually in charge of involving survivors": who leads it
    # "when did the panel last look at the IRO annual report": when it took the item, not a topic "look"
    r"(?:did|does|will|do) (?:the )?(?:panel|committee|members|cpp|councillors|board) (?:last |first |next |ever )?"
    r"(?:look at|looked at|discuss|discussed|see|saw|consider|considered|take|hear about|go through|went through)",
)
# "which officers are accountable", "what managers are answerable for it": who leads
ACCOUNTABLE = (
    r"(which|what) (officers?|managers?|people|person|staff|names?|directors?) (is |are )?(accountable|answerable)"
)
# the lead-asking forms as patterns (asking_form_words), each compiled only for a question that may hold it
_WHOSE_FORMS = tuple(
    lazy(rf"\b{rx}\b")
    for rx in (
        *WHOSE_NAME,
        r"who(?: is| s|s) (?:accountable|answerable)",
        r"who (?:holds|has|s got|has got) the lead",
        ACCOUNTABLE,
        *PUT_AS,
    )
)
# an agenda item named by the kind of paper it is (used with a meeting the question names)
# "who's on the hsb steering group": its members, not who leads a piece of work ("who's on the foster carer review")
ON_A_GROUP = r" (?:the |our |a )?(?:[\w-]+ ){0,4}(?:group|subgroup|panel|board|committee|network|forum)s?\b"
NOT_THEIRS = lazy(
    r"\b(?:aren t|arent|isn t|isnt|are not|is not|not)\s+(?:led|owned|run|headed)\s+by\b"
    r"|\b(?:aren t|arent|isn t|isnt|are not|is not)\s+(?:the\s+)?(?:\w+\s+){1,3}s\b(?!\s+\w)"
)
ITEM_NAMED = lazy(r"\b(update|updates|report|reports|item|items|review|paper|papers|agenda|on at|on in|on the)\b")


# "what is the HSB paper asking us to do", "what does the report want the panel to do": its recommendations
ASKS_PANEL = (
    r"(asking|ask|asks|want|wants|wanting|need|needs|require|requires) (us|the panel|the committee|members|"
    r"councillors|cllrs|the board|them)( as (a |the )?(panel|committee|board|members|councillors))? to "
    r"(do|decide|agree|note|consider)"
    r"|being asked to (do|decide|agree|note|consider)|decisions? (is |are )?(needed|required|sought|being sought)"
    r"|(we|the panel|the committee|members|councillors) (are |is )?asked to (do|decide|agree|note|consider)"
)


# who wrote a whole paper (its title page's author line)
# "does the residential homes update have any financial implications", "money implications for us": a report's
# "Financial Implications" (or "Statutory and Policy Implications") section
IMPLICATIONS_ASKED = (
    r"(financial|finance|money|cost|costs|budget|budgetary|funding|resource|statutory|policy|legal|hr|human resources|"
    r"equalit\w*|safeguarding|data protection|crime and disorder|service users?|sustainability) implications?"
    r"|implications? for (the |our )?(budget|money|finances?|council)"
)
ASKS_AUTHOR = lazy(r"\b(who (?:actually |really |originally )?wrote|written by|author|authored|whose report)\b")


# "what mission statement did the group agree", "which option did they choose": the outcome of a decision
OUTCOME = lazy(
    r"^\s*(what|which) (\w+ ){1,5}(did|have|has|had) (\w+ ){1,6}(agree|decide|choose|pick|settle on|come up with|"
    r"produce|write|adopt|go with|sign off|approve)\b"
)


# "members of the panel" asks who sits on a committee; "former members of staff", "members of the public" or
# "staff members" are the topic of some other question
_STAFF_LIKE = r"(the )?(staff|public|family|families|team|workforce|community)\b"
MEMBERS_OF = r"(?<!former )(?<!staff )(?<!family )members of (?!" + _STAFF_LIKE + ")"
# ("what reasons did members give", "members raised": what members said or did, not who they are)
_MEMBERS_DID = (
    r"\s+(?:give|gave|say|said|raise|raised|ask|asked|want|wanted|discuss|discussed|think|thought|feel|felt|"
    r"worry|worried|express|expressed|request|requested|query|queried|challenge|challenged|highlight|highlighted|"
    r"mention|mentioned|comment|commented|tell|told|hear|heard|make|made)\b"
)
MEMBERS = r"(?<!former )(?<!staff )(?<!family )members(?! of " + _STAFF_LIKE + ")(?!" + _MEMBERS_DID + ")"


# "who is X", "X's job title": who a person is (the same words ask first whether they attended a meeting named)
PERSON_ASKED = _rx(
    "who is",
    "who s",
    "who was",
    "tell me about",
    "job title",
    "what does .* do",
    "role of",
    TITLE_ASKED_WORDS,
    *WHICH_PERSON,
    # "which council is she from", "what organisation does he work for", "who does theresa work for"
    r"(which|what) (council|organisation|organization|agency|authority|body|employer|partner) (is|s|was|does|do) "
    r"(he|she|they|\w+(?: \w+)?) (from|with|in|work for|works for|belong to|represent)",
    r"who (does|do) (he|she|they|\w+(?: \w+)?) (work for|represent)",
)


# "who's put their name to the annual report": to put one's name to a paper is to sign it
NAME_PUT_TO = (
    r"(put|puts|putting|placed) (their|his|her|my|your|a|the) names? (to|on)"
    # "whose name is the hsb annual review going under": who signs it
    r"|whose name (is |s |will )?(\w+ ){0,8}(going|goes|go|be|sit|sits|appear|appears) (under|on|at the (bottom|end))"
)

# "which claire ...": a first name several people share, asked about as such (kept only when it is one: query.py)
WHICH_NAME = lazy(r"^which (\w+)\b")

INTENTS: tuple[Intent, ...] = (
    # "which claire leads the exploitation work": a first name several people share, asked about as such
    Intent("which-person", WHICH_NAME, ppl.which_named),
    # "audit" alone is a topic ("the case audit feedback"), not a request for the change history
    Intent(
        "history",
        _rx(
            "history",
            "audit (trail|log)",
            "who changed",
            "changes to",
            "what changed",
            r"(last|ever) (changed|edited|updated|amended)",  # "when was action 8 last changed"
            r"when was .{1,60} (changed|edited|amended)",
        ),
        acts.history,
    ),
    # "how many officers were at the october panel": a count from a meeting's recorded attendance
    Intent(
        "attendance-count",
        _rx(
            r"how many (\w+ ){0,2}(attended|were at|were there|came|turned up|were present|sent apologies|"
            r"gave apologies|substitut\w*)"
        ),
        com.attendance_count,
    ),
    Intent(
        "count",
        # (not "the phone number of the lead": a contact)
        _rx(
            "how many",
            r"(?<!phone )(?<!telephone )(?<!mobile )(?<!contact )number of (?!for)",
            "count of",
            "total number",
        ),
        plans.count,
        ("how many actions does the county plan have?",),
    ),
    Intent(
        "action-id",
        None,
        acts.about_actions,
        ("who leads action 7a?", "what is the status of County Action 12?", "when is action 6 due?"),
    ),
    Intent(
        "minutes-approval",
        _rx(
            r"minutes\s+(\w+\s+){0,8}(approv\w*|confirm\w*|sign\w*|agree\w*|accept\w*|ratif\w*|up for)",
            r"(approv\w*|confirm\w*|sign\w*|agree\w*|accept\w*|ratif\w*)\s+(\w+\s+){0,6}minutes",
            # "are the october minutes on the agenda": the minutes of a month's meeting, and where they are taken
            # (not "going by / per / from / in the oct minutes": where something is said, not their approval)
            r"(?<!per the )(?<!by the )(?<!from the )(?<!in the )(?<!to the )(?<!per )(?<!from )"
            r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|"
            r"apr|jun|jul|aug|sept|sep|oct|nov|dec)( meeting s| panel s)? minutes"
            # (not "anything in the oct minutes about health assessments": what they say)
            r"(?! (about|re|regarding|say|said|says|mention\w*|record\w*)\b)",
        ),
        com.minutes_confirmed,
    ),
    # "what was discussed about X at the october panel": that meeting's minutes (None when no meeting is named)
    Intent(
        "minutes-said",
        _rx(
            "what happened",
            r"what was (said|discussed|raised)",
            "discussed",
            r"what did (they|members|councillors|the panel|the committee|the meeting) (say|discuss|hear|raise)",
            # "did the panel say anything about health assessments at the october meeting"
            r"(did|does) (they|members|councillors|the panel|the committee|the meeting|anyone) (say|discuss|raise|"
            r"mention) (anything|much|something) (about|on|re)",
            "talked about",
            "said about",
            "raised about",
        ),
        com.minutes_said,
    ),
    Intent(
        "plan-progress",
        _rx(
            "status",
            "progress",
            "progressing",
            "how is",
            "how s",
            "hows",
            "how are",
            "going",
            "on track",
            "getting on",
            "rag",
            "overall",
            "summary",
            "where are we",
            "coming along",
            "shaping up",
        ),
        plans.plan_progress,
        ("how is the county plan going?",),
    ),
    Intent("presenter", PRESENTED, com.presenter, ("who presented the FLAG update at the October panel?",)),
    # "which city iicsa actions aren't the corporate director's", "which action isn't led by X": the plan's others
    Intent("not-led-by", NOT_THEIRS, ppl.not_led_by),
    Intent("item-at-meeting", ITEM_NAMED, com.item_at_meeting),
    Intent("most-actions", _rx("most", "fewest", "least", "busiest"), plans.most_actions),
    Intent(
        "no-lead",
        _rx(r"(no|without( a)?|missing( a)?) (named )?(lead|leads|owner|owners)", "unassigned"),
        plans.no_lead,
    ),
    Intent("about-plan", _rx("what is", "what s", "whats", "tell me about", "describe", "explain"), plans.about_plan),
    Intent(
        "priorities",
        _rx("priority", "priorities", "key activities", "key activity", "themes"),
        plans.priorities,
        ("what are the business plan priorities?", "key activities under priority 3"),
    ),
    Intent(
        "contact",
        _rx(
            "contact",
            "contacts",
            "email",
            "e mail",
            "phone",
            "telephone",
            r"direct (line|dial)",  # "catherine's direct line?"
            "landline",
            "mobile",  # "her mobile?": a phone number, which the contact answer gives or says is not given
            "tel",  # "tel for the clerk"
            # (not "does the report give a number for homeless 16 year olds": a figure)
            "(?<!reference )(?<!ref )(?<!resolution )(?<!minute )(?<!give a )(?<!gives a )(?<!give any )"
            "(?<!put a )(?<!have a )(?<!has a )(?<!any )(?<!report )(?<!paper )number for(?! (19|20)?\\d\\d\\b)",
            "call",
            "get in touch",
            "get hold of",
            "enquiries",
            "democratic services",
            "clerk",
            "who do .* ask",
            "who should .* ask",
            "ring",
            # "who can I ask before the meeting", "who do I point people to", "who do they speak to": whom to go to
            r"who (do|does|can|could|should|would|will) (\w+ ){1,3}(ask|speak to|talk to|ring|call|go to|point|refer|"
            r"direct|send|turn to|write to|email|e mail)",
            r"point (\w+ ){0,2}(to|at) for",
            r"who (can|could|will|would) answer (questions|queries)",
            r"(lead|contact|responsible) officer (for|on) the (\w+ ){0,6}(report|paper|update|review)",
            # "where can I see the papers online": the agenda's notes say
            r"where (can|do|could|would) (i|we|they|people|someone|the public) (find|see|view|read|get|look at) "
            r"(the |a copy of the )?(papers|agenda|reports)",
        ),
        com.contact,
        ("who is the contact for the managing allegations report?", "what is Jenny Whiston's email?"),
    ),
    Intent(
        "meeting-detail",
        _rx(
            WHERE_HELD,
            "venue",
            "where is",
            "where s",
            "where will",
            WHERE_DOES_PLACE,
            "location",
            "what time",
            r"what(?: is| s|s)? the (?:start )?time of",
            "which room",
            "start time",
            "finish time",
            "end time",
            "closing time",
            r"(meeting|panel|committee|board) (finish|finished|finishes|end|ended|ends|close|closed)\b",
            r"(finish|finished|ended|closed) at",
            "apologies",
            "attended",
            "attendance",
            r"who(?: is| s|s| will be| are)? (attending|coming to|going to) (the |tomorrow s |next week s |today s )?"
            r"(\w+ )?(meeting|panel|committee)",
            "who was at",
            "who came",
            "present at",
            r"who(?: is| s|s| will be| are)? (attending|coming to|going to) (the |tomorrow s |next week s |today s )?"
            r"(\w+ )?(meeting|panel|committee)",
            MEMBERS_OF,
            "membership",
            "were at",
            "was at",
            "subbed",
            "substitute",
            "substituted",
            "substituting",
            "who sits on",
            r"who (is|s) on (the |our )?(\w+ ){0,3}(panel|committee|board)",  # "who's on the corporate parenting panel"
            "absent",
            "absence",
            r"(was|were) (\w+ ){0,3}((?<!as )at|there)\b",  # not "which were past due as at 20 feb"
            r"from [\w ]+ at the (\w+ ){0,3}(meeting|panel|committee)",
            r"did (\w+ ){1,4}attend",
            r"how long did the (\w+ ){0,3}(meeting|panel|committee)",
            r"how long (was|is) the (\w+ ){0,3}(meeting|panel|committee)",
            r"(which|what) (councillors|members|people) (\w+ )?(are|sit|serve) on",
            r"post ?code",
            "address",
            r"what (room|floor)",
            # a way to join it online ("teams link for the panel"): the papers give none (answered "not sure")
            r"(teams|zoom|meeting|joining) link",
            r"dial ?in",
            r"webcast\w*",
            r"live ?stream\w*",
        ),
        com.meeting_detail,
        ("where is the panel meeting?", "who sent apologies to the october panel?"),
    ),
    Intent(
        "report",
        _rx(
            # "what date's on hazel's managing allegations annual report": the date it was signed
            r"what date ?(is|s)? on (the |his |her |their |(\w+ ){1,2}s )?(\w+ ){1,6}(report|review|paper|appendix)",
            REPORT_DATED,
            "who wrote",
            "wrote",
            "written by",
            "writing",
            "author",
            "authored",
            r"signed(?! up\b)",  # ("signed up to the letterbox club": joined, not signed a report)
            r"signing(?! up\b)",
            # "who signs it", "who signs off the residential homes update" (not "who signs off a taxi escort")
            r"signs(?= (?:it|that|this|them)\b)",
            r"signs(?: off)? (?:the |that |this )(?:\w+ ){0,6}(?:report|paper|review|update|appendix)",
            "signatory",
            "sign off",
            "reference",
            "ref",
            "code",
            REPORT_NUMBER,
            "background papers",
            "background paper",
            r"recommendations? (of|in|from|on|for)",  # "the recommendation of the HSB paper", "on item 7"
            ASKS_PANEL,
            r"(does|do|did) the (\w+ ){0,6}(report|paper|review) recommend",
            r"(does|do|did) (item \d{1,2}|it|this|that) recommend",
            r"(report|paper|review) recommends?",
            "whose report",
            r"(whose|which|what) name (is )?(at|on) the (bottom|end|foot)",  # the name signed at the foot of it
            # (not "who's in charge of the foster carer review from the iicsa plans": who leads it)
            r"^\s*who(?!(?: is| s|s)? (?:in charge|leading|running|doing|responsible|heading))(?: is| s|s)? "
            r"(?:the |that |this )?"
            r"(?:\w+ ){1,10}?(?:report|update|paper|review) from\b",
            REPORT_OF,
            "signature",
            NAME_PUT_TO,
            r"purpose of (the|this|that) (\w+ ){0,6}(report|paper|review|item)",
            r"what (is|s) (the|this|that) (\w+ ){0,6}(report|paper|review) for",
            r"(constitutional|const|constit|financial|fin|legal) comments?",
            IMPLICATIONS_ASKED,
            r"pages?",
            r"[a-z]{1,4}\d{4}",  # a report's reference code ("CF0226")
        ),
        com.report,
        ("who wrote the care leavers report?", "what is the reference of the managing allegations report?"),
    ),
    Intent("paper-author", ASKS_AUTHOR, title_page.paper_author),  # a whole paper's title page
    Intent(
        "agenda",
        _rx(
            "agenda",
            "on the papers",
            "agenda item",
            r"(first|second|third|last|final|opening) item",
            r"item (no\.? ?)?\d{1,2}(?= next| at| on| for|$)",  # "item 5 next week?", "item 7 at the january panel"
            r"what (is|s|are) (on|coming up|up) (for|at) the (\w+ ){0,4}(panel|committee|meeting)",  # "what's on for"
            # "whats on the list for the 8 july meeting", "what's on the 8 july panel", "what's down for april's cpp"
            r"what ?(is|s|are)? ?(on|down for|lined up for) (the )?(list|cards|docket|menu|table) (for|at) (the )?"
            r"(\w+ ){0,4}(panel|committee|meeting|cpp)\b(?! (work )?programme| wp)",
            # "what's listed for the july 2025 panel"
            r"(what ?(is|s|are)?|anything|any items?) ?(listed|planned|pencilled in|booked in|lined up) (for|at) "
            r"(the )?(\w+ ){0,4}(panel|committee|meeting|cpp)\b(?! (work )?programme| wp)",
            r"what ?(is|s|are)? ?(on|down for) (the )?\d{1,2}(st|nd|rd|th)? \w+ (panel|committee|meeting|cpp)\b"
            r"(?! (work )?programme| wp)",
            # "what's on the panel's july 2025 meeting so far", "what's on at the april panel"
            r"^(?!.*\b(?:programme|wp)\b)what ?(is|s|are)? ?on (at |for )?the (?!\w+ plan\b)(\w+ ){0,5}"
            r"(panel|committee|meeting|cpp)\b(?! (work )?programme| wp| members?)",
            # "8 july 2025 meeting - whats on it so far": the meeting named before the dash, its business after
            r"(panel|committee|meeting|cpp)\s{2,}(what ?(is|s|are)?|anything) ?(on (it|there)|planned|lined up)\b",
            # "what are they talking about at the april 2025 panel": its business
            r"\bwhat\b.{0,30}\b(talking about|discussing|covering|considering|looking at) (at|in|during) (the )?"
            r"(\w+ ){0,4}(panel|committee|meeting|cpp)\b(?! (work )?programme| wp| members?)",
        ),
        com.agenda,
        ("what's on the agenda for the January panel?",),
    ),
    Intent(
        "resolution",
        _rx(
            "resolve",
            "resolved",
            "resolution",
            "resolutions",
            "decide",
            "decided",
            "decision",
            "decisions",
            r"\d{4} \d{3}",
            # "did the panel note the work programme", "what did the committee agree on X": a resolution
            r"(panel|committee|meeting|members) (note|noted|agree|agreed|approve|approved)",
            r"what (was|were) (agreed|decided|resolved|noted)",
            r"what did (we|they|the panel|the committee|members|councillors) (agree|decide|resolve|note)",
        ),
        com.resolution,
        ("what did the panel resolve in October?",),
    ),
    Intent(
        "chair",
        _rx(
            "chair",
            "chairs",
            "chaired",
            "chairman",
            "chairperson",
            "chairwoman",
            r"chairing (the |tomorrow s |\w+ s )",
            r"\b(who|whos|who s)\b( \w+){0,3} chairing\b",  # "who's chairing BMG from next month"
            r"\b(which|what) (councillor|cllr|member|person|officer)s? (was|is|will be) (in the chair|chairing)\b",
            # "who runs the quality assurance sub group these days": a group's chair (not "who leads": an action's)
            # (not "who's in charge of the children in care council update at panel": who brings the item)
            r"who (runs|heads|heads up|is in charge of|s in charge of) (the )?"
            r"((?!(update|item|report|paper)s?\b)\w+ ){0,8}(sub ?groups?|groups?|boards?|networks?|forums?|panels?|"
            r"committees?)(?! (update|item|report|paper)s?\b)",
        ),
        com.chair,
    ),
    Intent(
        "work-programme",
        _rx(
            "work programme",
            "forward plan",
            "looking at",
            # "what's coming to the april panel" (not "laurence jones is coming to our cluster meeting")
            r"(what|whats|anything|items?|reports?) (\w+ ){0,3}coming to",
            r"coming to (the |this |next |that )(\w+ ){0,3}(panel|committee|cpp|meeting)\b",
            r"coming (to|before) (us|members|councillors)\b",  # "is adoption performance coming to us"
            # "what's due to come to the panel on 8 july", "what is set to go before the committee in april"
            r"\b(due|set|scheduled|planned|expected|down) to (come|go) (to|before) (the )?(\w+ ){0,3}"
            r"(panel|committee|meeting)",
            r"lined up (for|at)",  # "what's lined up for the 1 april panel"
            # "whats down for the july panel", "what's on for the april meeting": its programme
            r"(what(s| s| is| are)?|anything) (down|on|pencil+ed in) for (the )?(\w+ ){0,5}(panel|committee|meeting)",
            r"(what|whats|anything)( \w+){0,4} pencil+ed in for",  # "what have we got pencilled in for the 8 july"
            # "what's down for the july 2025 corporate parenting", "whats on for april": a month's programme
            r"what(s| s| is| are)? (down|on) for (the )?(january|february|march|april|may|june|july|august|"
            r"september|october|november|december)\b",
            r"in the pipeline (for|at)",
            # "what's scheduled for april", "anything scheduled at the panel" (not "when's the next meeting scheduled")
            r"(what|which|anything|items?|reports?|papers?) (\w+ ){0,3}scheduled|scheduled (for|at|to come|to go)",
            "planned for",
            # "what's expected at the april panel" (not "when is ofsted next expected at clayfields")
            r"expected at (the )?(\w+ ){0,3}(panel|committee|meeting|cpp)",
            "going to the panel",
            # "which meeting is that going to", "which panel is the adoption report coming to"
            r"which (meeting|panel|committee) (is|s|will) (that|it|this|the|they)\b.{0,60}\b(going|coming|due)\b",
            # "what is going to the 1 april panel"
            r"(?<!who is )(?<!who s )(?<!whos )going to the (\w+ ){1,4}(panel|committee|meeting)",
            "on the programme",
            r"(on|in) the (\w+ ){0,2}(work )?programme",  # "which items on the 2025 programme"
            "standing items?",
            # "what papers are we getting at the april panel": what the programme sets for that meeting
            r"what (papers|reports|items) (are|is|will) (we|members|the panel|councillors) (be )?"
            r"(getting|get|receiving|receive|seeing|see|having)",
            "wp",
            "as standard",
            r"(panel|committee|meeting)s? (every|each) time",
            r"(come|came|taken|dropped) off the (work programme|wp|programme|agenda)",
            r"removed from the (work programme|wp|programme)",
            r"how (often|frequently) (is|does|do|are) the (\w+ ){0,6}(report|reports|item|update|paper)",
            r"(come|comes|go|goes|brought) (to|before) (every|each|all) (\w+ )?"
            r"(meeting|meetings|panel|panels|committee)",
            # "is the homes update on every panel or just now and again": whether it is a standing item
            r"(report|reports|item|items|update|updates|paper|papers) (is |are )?(on|at) (every|each) (\w+ )?"
            r"(meeting|panel|committee|agenda)",
        ),
        com.work_programme,
        ("what is the panel looking at in the spring?",),
    ),
    Intent(
        "meeting",
        _rx(
            "next meet",
            "meet next",
            "meeting",
            "meets",
            "meet",
            r"when does the \w+ meet",
            r"next (\w+ ){0,4}(panel|committee|board|cpp)",  # "the next children's homes governance board"
            r"(last|previous) (met|meet)",
            # "wen is corp parenting panel" (not "when is a panel report due")
            r"(when|wen|whens) (is|s|will be) (the )?((?!(that|it|this|they|back|going|coming|due) )\w+ ){0,3}"
            r"(panel|committee)(?! (report|paper|item|update))",
            r"what (day|date) (is|s|was) the (\w+ ){0,3}(panel|committee|meeting)",
            r"(panel|committee|meeting) (follows|followed|precedes|preceded|comes after|came after|came before)",
            r"(panel|committee|meeting) after next",
            # "care leavers annual report - which panel is it at", "what meeting is that on"
            r"(which|what) (meeting|panel|committee|cpp) (is|s|will|will be) (that|it|this|they)( be)? (at|on|in)\s*$",
            # "is there a panel in april", "any corporate parenting panel in october 2025"
            r"^\s*(is there|was there|will there be|are there|any) (an? |the )?(\w+ ){0,3}(panel|committee|cpp)s? "
            r"(in|on|during|this|next|before|after)\b",
            # a fragment: "panel after january?", "the cpp before april"
            r"^\s*(the )?(\w+ ){0,3}(panel|committee|cpp|meeting) (after|before|following) (the )?\w+( \d{4})?\s*$",
        ),
        com.meeting,
        ("when does the panel next meet?",),
    ),
    Intent(
        "sponsor",
        _rx(
            "sponsor",
            "sponsors",
            "sponsored",
            "sponsoring",
            "presenting",
            "who presents",
            "report author",
            r"who (brings|is bringing|s bringing|will bring|usually brings|normally brings)",
            # "which officer is bringing it", "what manager will present the adoption report"
            r"(which|what) (\w+ ){0,2}(officer|person|manager|director|colleague|team|service) (brings|is bringing|"
            r"s bringing|will bring|will be bringing|will present|is presenting|presents)",
            r"who (will|is going to|s going to) present",
            r"who (writes|wrote|is writing|s writing|will write|will be writing)",  # "... and who writes it"
            r"down to (bring|present|report|do|give|deliver)",  # "who is down to report the inspection gradings"
            r"who(?: is| s|s)? (down|named|listed|put) (for|against|on) (the |that |this )?(\w+ ){0,6}(item|items)\b",
        ),
        com.sponsor,
    ),
    Intent(
        "undated",
        _rx(r"(without|with no|no|missing) (a )?(due )?(date|deadline|timescale)s?", "undated"),
        acts.undated,
        ("which county actions have no due date?",),
    ),
    Intent(
        "by-state",
        _rx(*DONE_LIST, *OPEN_LIST),
        acts.by_state,
        ("which county actions are complete?",),
    ),
    Intent(
        "overdue",
        _rx(
            "overdue",
            # "late" (not a shift: "staff on a late", "doing lates", "the late shift")
            r"(?<!on a )(?<!on the )(?<!doing a )(?<!do a )(?<! a )(?<!^a )late(?! shifts?\b)",
            # "anything behind?", "running behind as of May"; not "the budget behind the plan", "who is behind it"
            r"behind(?! (the|it|this|that|a|an|his|her|their|our|its|these|those)\b)",
            "past due",
            "missed",
            "slipped",
            "slipping",
            # "outstanding" (not an Ofsted grade: "good or outstanding", "rated outstanding")
            r"(?<!good or )(?<!good and )(?<!rated )(?<!judged )(?<!graded )(?<!as )(?<!remains )(?<!is )"
            r"(?<!was )(?<!are )(?<!were )(?<!or is that still )(?<!or is it still )(?<!or is this still )"
            r"outstanding(?! (rating|grade|judgement|judgment|by ofsted))",  # (nor "did it go ... or is that still")
            "running over",
            "not done on time",
            # "anything that was due in december and isn't done": due, and not done
            r"(?:was|were|is|are) due (?:\w+ ){0,4}and (?:isn t|isnt|is not|aren t|arent|are not|hasn t|hasnt|"
            r"has not|haven t|havent|not) (?:been )?(?:done|finished|complete|completed|delivered)",
            "past their",
            "past its",
            r"past (the|my|our|his|her) (due )?(dates?|deadlines?|target dates?)",  # "anything gone past the deadline"
            "over due",
            "delayed",
        ),
        acts.overdue,
        ("what is overdue in the county plan?", "which county ones are late?"),
    ),
    Intent(
        "due-soon",
        _rx(
            "due soon",
            r"(?<!keeps )(?<!keep )coming up",  # not "she keeps coming up": mentioned often
            "upcoming",
            "this month",
            "next month",
            "this week",
            "next week",
            r"next (few |couple of )?(\d+ )?(days?|weeks?|months?)",
            r"(the )?coming (few |couple of )?(days|weeks|months)",  # "anything on the city plan in the coming weeks"
            r"(days|weeks|months) ahead",
            "due in",
            "falls due",
            "fall due",
            "falling due",
            r"next (deadline|due date)s?",  # "next deadline on the county plan?"
            r"(lands?|landing) (in|during|before|by|this|next)",  # "which county milestones land in may"
            "deadlines",
            "due by",
            # "what goes to CYP committee in july from the county plan": the steps that take a report there then
            r"(what|anything|which) (goes|go|is going|s going|are going|will go|gets taken|is taken) (to|before) "
            r"(the )?(\w+ ){0,4}(committee|board|cabinet|group)",  # (the panel's programme: its own answer)
        ),
        acts.due_soon,
        ("what is due in the next 60 days?",),
    ),
    Intent(
        "stale", _rx("stale", "no updates?", "not (been )?updated", "gone quiet", "without (an )?update"), acts.stale
    ),
    Intent(
        "lead",
        _rx(
            r"who (leads|is leading|s leading|s the lead|s running|s looking after|is the lead|owns|"
            r"is responsible|s responsible|is accountable|s accountable|is answerable|s answerable|has got|s got|got|"
            rf"is doing|s doing|does|is handling|s handling|handles|is on(?!{ON_A_GROUP})|s on(?!{ON_A_GROUP})|"
            r"is looking after|looks after|runs|is running)",
            r"who (answers|is answerable|is accountable|reports) for (it|this|that|them|action)",
            r"who (holds|has|s got|has got) the lead",
            r"who (is|s) in charge",
            "in charge of",
            "lead (for|of|on|4)",  # "lead 4 former staff review??": a phone's "for"
            ACCOUNTABLE,
            "responsible for",
            "owners? of",
            "lead officer",
            "owners? for",
            r"owners?\s*$",  # "strategy mtg agenda + triage tool - owners?"
            r"who (picks|is picking|s picking|will pick) up",
            "whose job",
            "who should i (ask|speak to|talk to) about",
            *WHO_DOING,
            *WHOSE_NAME,
        ),
        acts.about_topic,
    ),
    Intent(
        "due",
        _rx(
            "when",
            "due",
            "deadline",
            "timescale",
            "timeline",
            "dates?",
            "by when",
            "target date",
            "how long",
            *ARRIVES,
            # "does it finish by march" (not "did any end in a prosecution")
            r"(finish|finishes|end|ends|wrap up|wraps up|complete|completes) (in|by|before|during) (the |this |next )?"
            r"(\d+|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|spring|"
            r"summer|autumn|winter|year|month|week|quarter|term|time|christmas|easter|financial)",
            r"starts?\s+((and|n|&)\s+)?(finish|finishes|end|ends)",  # "city foster carer review start n finish?"
            r"(what|which) month",  # "a12 independent reviewer start month pls", "which month is it due"
            r"(start|starting|finish|end|completion|launch) month",
        ),
        papers.due_or_passage,
    ),
    # "how will they measure the public awareness campaign", "tce 14 - how is progress measured": the plan's
    # "how will we measure progress" column
    Intent(
        "measure",
        _rx(
            r"how (will|would|is|are|do|does|can|should|are we going to|is it going to) (\w+ ){0,8}"
            r"(measure|measured|measuring|evidenced|judged)",
            r"measured by",
            r"measures? of (progress|success)",
            r"how (will|do|would) (we|they|you|anyone) know (if|whether) (it|this|that|they|we)",
        ),
        acts.measured,
    ),
    Intent(
        "status",
        _rx(
            "status",
            "progress",
            "update",
            "how is",
            "how are",
            "how s",
            "where are we",
            "where is it",
            *WHERE_AT,
            "done",
            "complete",
            "completed",
            "finished",
            "latest",
            "happening with",
            "going with",
            "on track",
            r"(any|what s the|whats the|latest) news",
            "rag",
            "yet",
            "has .* been",
            "have .* been",
            r"(has|have|is|are) .* (started|begun|underway|under way|kicked off)",
            # "did the first report actually go to the BMG": whether a report the plan promises was made (its status)
            r"^(did|has|have) (the )?(\w+ ){0,4}(report|reports|paper|update|briefing) (actually |ever |really )?"
            r"(go|went|gone|get|got) (to|before|in front of)\b",
            # "did notts actually review the ofsted reports": whether the organisation did the work (its status)
            r"^(did|has|have) (the )?(notts|nottinghamshire|nottingham|county|city|council|partnership|they|we)"
            r"( cc| county| city| county council| city council)? (actually |ever |already |really )?"
            r"(review|reviewed|complete|completed|carry out|carried out|do|deliver|delivered|finish|finished|"
            r"commission|commissioned|implement|implemented|check|checked|audit|audited|set up|publish|published|"
            r"write|written|send|sent|hold|held|meet|met|contact|contacted|ask|asked|agree|agreed|appoint|appointed)\b",
            *HAPPENED,
            *SETTLED,
            *PROGRESS,
        ),
        papers.status_or_passage,
    ),
    # the parser decides: a plan named, asked what it says about something
    Intent(
        "plan-actions",
        _rx(
            r"^\s*(please |pls |can you |could you )?(list|show|give)( me| us)? (\w+ ){0,3}(actions|plan)\b",
            r"^\s*(what|which) actions (are|are there|does it have|sit) (in|on|under)\b",
            r"^\s*(all|every one of|each of) (the )?(\w+ ){0,2}actions\b",
            r"\b(full|complete|whole) list of (the )?(\w+ ){0,2}actions\b",
        ),
        plans.plan_actions,
        ("list the city plan's actions",),
    ),
    Intent("plan-mentions", None, plans.plan_mentions),
    # "what mission statement did they agree": the outcome of a decision an action sets (before narrative)
    Intent("outcome", OUTCOME, acts.outcome),
    Intent(
        "portfolio",
        _rx(
            r"what (does|do|is|are|has|s)\b.*\b(lead|leading|on|down for|responsible for|got|own|doing)",
            "portfolio",
            "actions for",
            "actions of",
            "workload",
            "plate",
            "his actions",
            "her actions",
            "their actions",
            "s actions",
            "working on",
            "busy with",
            r"(are|is) (theirs|hers|his)",  # "which tce actions are theirs"
            r"which (\w+ )?(actions|ones) (does|do|is|are) (\w+ ){1,4}(own|lead|have|doing|running)",
            r"which (\w+ )?(actions|ones|rows|bits) (is|are|s) (he|she|they|\w+) (on|down for|named on|listed on|"
            r"(an? )?(owner|lead|co-?owner) (on|of|for))\b",  # "which actions is she an owner on"
            "belong to",
            "assigned to",
        ),
        ppl.portfolio,
        ("what does Pam Rosseter lead?", "Laurence Jones - what's on his plate?"),
    ),
    Intent(
        "attendee",
        PERSON_ASKED,
        com.named_in_attendance,
    ),
    Intent(
        "person",
        PERSON_ASKED,
        ppl.who_is,
        ("who is Jenny Whiston?",),
    ),
    Intent(
        "narrative",
        _rx(
            "what happened",
            "happened",
            "why",
            "what did",
            "what does the",
            "is .* still",
            "still funded",
            "say about",
            "said about",
            "explain",
            "how did",
            "what was",
            "reason",
            "findings",
            "outcome",
            # "what is the partnership going to work on in 2020-21": the plans a paper sets out for a period
            r"\b(would|will|going to|plans? to|planning to|intends? to|aims? to) (\w+ ){0,2}(focus|prioriti[sz]e|"
            r"concentrate|work on|deliver|achieve|tackle) (on )?(in|during|for|over) (the )?(19|20)\d\d",
        ),
        papers.narrative,
        ("what happened to the exploitation day?",),
    ),
    Intent(
        "topic",
        _rx(
            "actions? (on|about|for|re|regarding)",
            "anything (on|about)",
            "about",
            "search",
            "find",
            "regarding",
            WHERE_DOES_FIT,
        ),
        papers.topic,
        ("actions on harmful sexual behaviour",),
    ),
)

BY_NAME = {intent.name: intent for intent in INTENTS}

ATTRIBUTES: tuple[tuple[str, LazyPattern], ...] = (
    ("email", _rx("email", "e mail", "email address")),
    (
        "phone",
        _rx(
            "phone",
            "telephone",
            r"direct (line|dial)",  # "catherine's direct line?"
            "landline",
            # (not "civil claims number for 2023-24": a figure for a year)
            "(?<!reference )(?<!ref )(?<!resolution )(?<!minute )(?<!report )(?<!paper )"
            "number for(?! (19|20)?\\d\\d\\b)",
            "ring",
            "call",
            "mobile",
            "tel",
            "phone number",
        ),
    ),
    ("background", _rx("background papers?")),
    ("implications", _rx(IMPLICATIONS_ASKED)),
    ("comments", _rx(r"(constitutional|const|constit|financial|fin|legal) comments?")),
    # "what pages is item 6 on", "page numbers for the LADO report", "how many pages" (not "the committee page still
    # has the old name", "- minutes page": a web page the asker is updating)
    ("pages", _rx(r"pages", "page numbers?", r"(what|which) page", r"how many pages", r"on (what|which) page")),
    # "what is the report for" asks its purpose; "the recommendation in the paper for panel" does not
    ("purpose", _rx("purpose", r"what (is|s) (the|this|that) (\w+ ){0,6}(report|paper|review) for(?! \w)")),
    ("reference", _rx("reference", "ref", "(?<!post )code", REPORT_NUMBER)),
    ("status", _rx(*SETTLED)),  # "have we agreed the recommendation": whether it is settled, before its topic
    ("recommendations", _rx("recommendations?", "recommend", "recs?", ASKS_PANEL)),  # "recs": a phone's
    (
        "signatory",
        _rx(
            r"signed(?! up\b)",  # ("signed up to the letterbox club": joined, not signed a report)
            r"signing(?! up\b)",
            r"signs(?! up\b)",
            "signatory",
            "sign off",
            "signature",
            r"name (is )?(at|on) the (bottom|end|foot)",
            NAME_PUT_TO,
            # "who's the residential homes update from": whose report it is
            # (not "who's in charge of the foster carer review from the iicsa plans": who leads it)
            r"^\s*who(?!(?: is| s|s)? (?:in charge|leading|running|doing|responsible|heading))(?: is| s|s)? "
            r"(?:the |that |this )?"
            r"(?:\w+ ){1,10}?(?:report|update|paper|review) from\b",
        ),
    ),
    # ("what date's on the managing allegations annual report": the date its author signed it)
    (
        "author",
        _rx(
            "wrote",
            "written by",
            "writing",
            "author",
            "authored",
            "who presents",
            "presenting",
            r"what date ?(is|s)? on",
            REPORT_DATED,
        ),
    ),
    # (not "the persistent absence rate for looked after children": school absence, a figure)
    (
        "apologies",
        _rx(
            "apologies",
            r"absent(?! from (school|education|class))",
            "sent apologies",
            r"(?<!persistent )(?<!school )(?<!pupil )absence(?! (rate|rates|figures?|levels?|data))",
        ),
    ),
    ("substitutes", _rx("subbed", "substitutes?", "substituted", "substituting", "stood in")),
    (
        "attendance",
        _rx(
            "attended",
            "attendance",
            r"who(?: is| s|s| will be| are)? (attending|coming to|going to) (the |tomorrow s |next week s |today s )?"
            r"(\w+ )?(meeting|panel|committee)",
            "who was at",
            "who came",
            "present at",
            "was there",
            "were there",
            "were at",
            "was at",
            r"(was|were) (\w+ ){1,3}(?<!as )(?<!chair )at the",  # (not "who was in the chair at the panel")
            r"from [\w ]+ at the (\w+ ){0,3}(meeting|panel|committee)",
            r"did (\w+ ){1,4}attend",
        ),
    ),
    (
        "members",
        _rx(
            MEMBERS_OF,
            "membership",
            "who sits on",
            r"who (is|s) on (the |our )?(\w+ ){0,3}(panel|committee|board)",  # "who's on the corporate parenting panel"
            MEMBERS,
            r"(which|what) (councillors|members|people) (\w+ )?(are|sit|serve) on",
        ),
    ),
    ("status", _rx(*WHERE_AT)),  # before the venue's "where is"
    (
        "venue",
        _rx(
            WHERE_HELD,
            "venue",
            "where is",
            "where s",
            "where will",
            WHERE_DOES_PLACE,
            "location",
            "which room",
            r"what (room|floor)",
            r"post ?code",
            "address",
        ),
    ),
    (
        "time",
        _rx(
            "what time",
            r"what(?: is| s|s)? the (?:start )?time of",  # "what's the time of the panel on 8 july"
            "start time",
            "starts?",
            "finish time",
            "end time",
            "closing time",
            r"(meeting|panel|committee|board) (finish|finished|finishes|end|ended|ends|close|closed)\b",
            r"(finish|finished|ended|closed) at",
        ),
    ),
    (
        "contact",
        _rx(
            "contact",
            "contacts",
            "contact officers?",
            "get in touch",
            "get hold of",
            "enquiries",
            "clerk",
            "democratic services",
            # "who do i write to about the kids homes report": whom to contact about it
            r"who (do|does|can|could|should|would) (i|we|you|they|people|members|councillors|the public) "
            r"(write to|email|e mail|send (it|this|that|them|questions|comments) to)",
        ),
    ),
    (
        "lead",
        _rx(
            r"who\b.*\b(lead|leads|leading|owns|responsible|got|doing|handling|on|charge|looking after|runs)",
            r"who (does|do|will do|picks up|is picking up|s picking up)\b",
            *WHO_DOING,
            *WHOSE_NAME,
            r"who(?: is| s|s) (?:accountable|answerable)",
            r"who (answers|reports) for (it|this|that|them|action)",
            r"who (holds|has|s got|has got) the lead",
            ACCOUNTABLE,
            "lead",
            "owners?",
            "in charge",
            # "which officer is leading priority five": who leads it
            r"(which|what) (officer|person|manager|director|agency|organisation|team|service)s? "
            r"(is |s |are |will be )?(leading|heading|running|heading up)",
        ),
    ),
    ("due", _rx("when", "due", "deadline", "timescale", "timeline", "dates?", "by when", "how long")),
    (
        "status",
        _rx(
            "status",
            "progress",
            "update",
            "how is",
            "how are",
            "how s",
            "done",
            "complete",
            "finished",
            "latest",
            "on track",
            r"(any|what s the|whats the|latest) news",
            r"(has|have|is|are) .* (started|begun|underway|under way|kicked off)",
            *HAPPENED,
            *SETTLED,
            *PROGRESS,
            r"(has|have|is|are|did) .* yet",  # "has the report got the new section in it yet"
        ),
    ),
)


def detect_intents(folded: str) -> list[str]:
    """The intents whose cues occur anywhere in the folded question, in registry order."""
    return [i.name for i in INTENTS if i.cues is not None and i.cues.found_in(folded)]


def attribute_of(folded: str, intents: list[str]) -> str | None:
    """The detail asked for, if the question asks for one."""
    if "report of" in folded and REPORT_OF_RX.search(folded):  # before "update" can read as a status asked
        return "signatory"
    asked = re.split(r"\s{2,}", folded.strip())[-1]  # "county action 12 - when's the report ... due": after the dash
    for name, rx in ATTRIBUTES:
        if rx.found_in(folded):
            if name == "recommendations" and (
                WHEN_ASKED.match(folded) or WHEN_ASKED.match(asked) or DUE_ASKED.search(folded)
            ):
                return "due"  # "when should the report with recommendations land": when, not which recommendations
            if name == "recommendations" and WITH_RECOMMENDATIONS.search(folded):
                continue  # "the report w recommendations on foster carers": which report, not what it recommends
            if name == "recommendations" and SIGNER_ASKED.search(folded):
                return "signatory"  # "whose name goes under the recommendation": who signs it, not what it says
            if name == "recommendations" and WHO_ASKED.match(folded):
                continue  # "who's doing the bit that considers the recommendations": who, not which recommendations
            return name
    return None


REPORT_OF_RX = lazy(REPORT_OF)
SIGNER_ASKED = lazy(
    r"\b(who(?: is| s|s| will be)? (signing|signs|signed|sign)|whose (name|signature) (goes|is|will be|sits|appears)"
    r" (under|below|beneath|at the (bottom|end|foot))|signatory)\b"
)
# "..., due when?", "when's it due", "due date": a date asked wherever it is said
DUE_ASKED = lazy(r"\bdue (when|by when|date)\b|\bwhen (is |s |was )?(it |that |this )?due\b")
# "the report with recommendations", "report w recs": the report named by what it holds
WITH_RECOMMENDATIONS = lazy(r"\b(with|w|containing|incl|including|and) (its |the |their )?(recommendations?|recs?)\b")
WHEN_ASKED = lazy(r"\s*(when|by when|what date|which date|what day)\b")
WHO_ASKED = lazy(r"\s*(who|who s|whos|whose)\b")


def load_handlers() -> None:
    """Import every handler's module now (a server does, so that no first question pays for it)."""
    for intent in INTENTS:
        resolve = getattr(intent.handler, "resolve", None)  # a handler given as a plain function is loaded already
        if resolve is not None:
            resolve()


def examples() -> tuple[str, ...]:
    """Every declared example question, in registry order."""
    return tuple(example for intent in INTENTS for example in intent.examples)
