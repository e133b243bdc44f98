"""The last check before an answer leaves the engine: does it carry the kind of fact the question asked for?

"When ..." wants a date, "how many ..." a number. A handler that matched the question's words can still have
answered another question: the change history of an action for "when does the audit feedback go to the SAIG",
an action's card for "how many foster carers has the city assessed", "leads no action" for "when did the chair
change". Each kind of answer below cannot carry the fact asked unless its headline says it; when the headline
does not, the reply says it is not sure and offers what was found as the closest thing, instead of presenting
it as the answer. Everything here reads the question and the answer only: no record is looked up again.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from knowledge.lazyre import lazy

if TYPE_CHECKING:
    from collections.abc import Callable

    from knowledge.answer import Answer
    from knowledge.query import Query

ASKS_DATE = lazy(
    r"^\s*(?:when|by when|what date|which date)\b|\bwhen (?:is|was|does|did|will|are|were|do|should|has|had|s)\b|"
    r"\bwhat date\b|\bstart date\b|\bdeadline\b"
)
ASKS_COUNT = lazy(r"\bhow many\b|\bnumber of\b|\bhow much\b")
# "what's the budget for the review", "how much did the evaluation cost": a sum of money
ASKS_MONEY = lazy(
    r"\b(?:budget|budgets|budgeted|cost|costs|costing|costed|spend|spent|price|funding amount|how much money)\b|£"
)
SAYS_MONEY = lazy(r"£\s?\d|\b\d[\d,.]*\s?(?:k|m|million|thousand|pounds)\b|\bno (?:budget|cost)\b", re.IGNORECASE)

# answers that state one record's people, card or history: they say a date or a number only in their headline
NO_DATE_KINDS = frozenset(
    {"history", "portfolio", "lead", "contact", "members", "attendance", "apologies", "chair", "priorities"}
)
NO_COUNT_KINDS = frozenset(
    {"action", "lead", "status", "due", "person", "history", "summary", "portfolio", "contact", "chair"}
)

MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
SAYS_DATE = lazy(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)? (?:{MONTH})\b(?: (?:19|20)\d\d\b)?|\b(?:19|20)\d\d(?:/\d\d)?\b|"
    rf"\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|\b(?:{MONTH})\b|\bno (?:due )?date\b|\bnot dated\b|"
    r"\bongoing\b|\bstanding item\b|\btimescale\b|\b(?:weekly|monthly|quarterly|annually|yearly)\b",
    re.IGNORECASE,
)
# a number that counts something: not an action id ("action 6", "7a") nor part of a date
SAYS_COUNT = lazy(
    r"(?<![\w/.-])(?<!action )(?<!item )(?<!row )\d+(?![\w/.-])|\b(?:no|none|nobody|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)\b",
    re.IGNORECASE,
)
# "who got the independent reviewer job", "who did they commission": who was appointed to a post or a piece of
# work, which an action's lead ("Lead: Pam Rosseter") does not say
ASKS_APPOINTEE = lazy(
    r"\bwho (?:was|has been|s been|were|have been|got) (?:appointed|recruited|hired|commissioned|chosen|selected|"
    r"picked|given the (?:\w+ ){0,4}(?:job|post|role|position|contract))\b|"
    r"\bwho (?:got|won|landed|took|secured) the (?:\w+ ){0,5}(?:job|post|role|position|contract|appointment|tender)\b|"
    r"\bwho did (?:they|we|you|the \w+) (?:appoint|recruit|hire|commission|choose|select|pick)\b"
)
# answers that give an action's or a person's plan records: an appointment is not among them
NO_APPOINTEE_KINDS = frozenset({"action", "lead", "status", "due", "portfolio", "summary", "history", "milestone"})
# answers about an action's progress or dates: for "who do I ring", "email for" they give no one to contact
NO_CONTACT_KINDS = frozenset({"action", "status", "due", "history", "overdue", "due-soon", "stale", "count", "topic"})
MATCHES = lazy(r"^\d+ match(?:es)? for \u201c[^\u201d]*\u201d:?")
SAYS_CONTACT = lazy(r"@|\b0\d{3,4}\s?\d{3}\s?\d{3,4}\b|\bT:|\bE:")
HONEST = frozenset({"not-sure", "not-found", "ambiguous", "help", "clarify"})
# a passage quoted for "who leads / who is responsible for ...": it answers only when it says who does the work
SAYS_WHO = lazy(
    r"\b(?:led|chaired|owned|managed|overseen|co-?ordinated|run|delivered|undertaken|carried out|done) by\b|"
    r"\blead(?:s|ing)?\b|\bresponsib|\baccountab|\bchair",
    re.IGNORECASE,
)


def asked_fact(q: Query) -> str | None:
    """The kind of fact the question asks for: "count", "date", "appointee", "money", "contact", or None (anything
    else)."""
    if ASKS_APPOINTEE.found_in(q.folded):
        return "appointee"
    if ASKS_MONEY.search(q.folded) or "£" in q.raw:
        return "money"
    if ASKS_COUNT.search(q.folded):
        return "count"
    if q.attribute in ("phone", "email"):
        return "contact"
    if ASKS_DATE.search(q.folded):
        return "date"
    return None


def carries(answer: Answer, fact: str) -> bool:
    """Whether the answer's headline can carry `fact` (its kind states it, or the headline says one)."""
    if answer.kind in HONEST:
        return True
    if fact == "date":
        said = answer.text.split("\n")[0]
        if answer.kind == "history":  # its entries are dated: "20 June 2024 Hannah Johnson: ..."
            said += " " + " ".join(item.lines[0] for item in answer.items[:3] if item.lines)
        return answer.kind not in NO_DATE_KINDS or bool(SAYS_DATE.search(said))
    if fact == "count":
        if answer.kind == "passage":  # the quoted paragraph must hold a count, not only words about the thing
            quoted = " ".join(line for item in answer.items[:1] for line in item.lines)
            return bool(SAYS_COUNT.search(SAYS_DATE.sub(" ", quoted)))
        if answer.kind == "topic":  # "1 match for ...": the records the words found, which count nothing asked
            return bool(SAYS_COUNT.search(_without_dates(MATCHES.sub("", answer.text))))
        return answer.kind not in NO_COUNT_KINDS or bool(SAYS_COUNT.search(_without_dates(answer.text)))
    if fact == "appointee":
        return answer.kind not in NO_APPOINTEE_KINDS
    if fact == "money":  # no record holds a budget as a field: only a quoted passage (or headline) giving a sum
        said = answer.text.split("\n")[0]
        if answer.kind == "passage":
            said += " " + " ".join(line for item in answer.items for line in item.lines)
        return bool(SAYS_MONEY.search(said))
    if fact == "contact":
        shown = " ".join(line for item in answer.items for line in item.lines)
        return answer.kind not in NO_CONTACT_KINDS or bool(SAYS_CONTACT.search(f"{answer.text} {shown}"))
    return True


DONE_BY = lazy(
    r"\b(?:led|chaired|owned|managed|overseen|co-?ordinated|run|delivered|undertaken|carried out|done|held|"
    r"signed|written|presented|attended) by\b",
    re.IGNORECASE,
)


# "It is the last employer's responsibility to make referrals to DBS": the one whose duty it is, named by what they are
WHOSE_RESPONSIBILITY = lazy(
    r"\bit is the (?:[\w-]+ ){0,4}[\w-]+(?:'s|\u2019s|s') (?:responsibility|duty|role) to\b|"
    r"\b(?:the )?responsibility (?:of|lies with|rests with) the\b",
    re.IGNORECASE,
)


# "The membership of the group consists of a Consultant Paediatrician, ...": who sits on it, by post
MEMBERSHIP = lazy(
    r"\bmembership\b(?: of [\w\s'-]{0,60}?)? (?:consists of|comprises|includes|is made up of)\b"
    r"|\bmembers (?:are|include|includes|comprise)\b",
    re.IGNORECASE,
)


def _says_who(answer: Answer) -> bool:
    """Whether a quoted passage says who leads, runs or is responsible for something, or who sits on a group."""
    return any(SAYS_WHO.search(line) or MEMBERSHIP.search(line) for item in answer.items for line in item.lines)


def _without_dates(text: str) -> str:
    """The headline without its dates, its quoted milestones, nor a milestone tally ("1 of 4 milestones complete"):
    what is left is what the answer itself counts."""
    said = _MILESTONE_TALLY.sub(" ", _QUOTED.sub(" ", text.split("\n")[0]))
    return SAYS_DATE.sub(" ", said)


_QUOTED = lazy(r"\u201c[^\u201d]*\u201d")
_MILESTONE_TALLY = lazy(r"\b\d+ of \d+ milestones?\b|\ball \d+ of its milestones\b", re.IGNORECASE)


# what each kind of fact asked for is called, and what the "not sure" says the answer found lacks
LACKING = {
    "date": ("for a date", "what I found does not give one"),
    "count": ("for a number", "what I found does not give one"),
    "appointee": ("who was appointed", "the records I found do not say"),
    "money": ("for a sum of money", "the plans and papers I found give none"),
    "contact": ("whom to contact", "what I found gives no contact details"),
    "lead": ("who leads it", "the passage I found does not say who"),
    "name": ("for a person", "what I found names no one"),
}


# "who is my research officer", "name of the ASHA panel chair?": a person's name is asked
ASKS_NAME = lazy(
    r"^\s*(?:who|whos)\b(?! (?:do|does|did|can|could|should|would|will) (?:i|we|you|they)\b)|\bname of the\b"
)
# answers that found the asked words in a passage or a record's text: they name someone only if the text does
NAME_FROM_TEXT_KINDS = frozenset({"passage", "topic"})


def checked(q: Query, answer: Answer, names_someone: Callable[[str], bool] | None = None) -> Answer:
    """The answer, or an honest "not sure" that offers it as the closest thing when it cannot say what was asked.

    `names_someone(text)`: whether a text names a person the knowledge base knows (the engine's name index).
    """
    if q.attribute == "lead" and answer.kind == "passage" and not _says_who(answer):
        return _not_sure(answer, "lead")
    if names_someone is not None and answer.kind in NAME_FROM_TEXT_KINDS and ASKS_NAME.search(q.folded):
        # (a quoted paragraph's place counts: its section's heading may be who wrote it, "Foreword from ...")
        shown = " ".join(f"{item.title} " + " ".join(item.lines) for item in answer.items[:3])
        # "... receiving regular updates from the Chair of the ASHA panel" names no one; "chaired by the Head of
        # Service for Fostering" names the post that does it, which is the answer
        if (
            not names_someone(shown)
            and not DONE_BY.search(shown)
            and not WHOSE_RESPONSIBILITY.search(shown)
            and not MEMBERSHIP.search(shown)
        ):
            return _not_sure(answer, "name")
    fact = asked_fact(q)
    if fact is None or carries(answer, fact):
        return answer
    return _not_sure(answer, fact)


def _not_sure(answer: Answer, fact: str) -> Answer:
    """The answer turned into "not sure", its headline offered as the closest thing (items and subject kept)."""
    asked, lacking = LACKING[fact]
    headline = answer.text.split("\n")[0].rstrip(".:")
    text = f"I'm not sure: you asked {asked}, and {lacking}. The closest thing I have: {headline}."
    return replace(answer, kind="not-sure", text=text)
