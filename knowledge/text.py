"""Text folding for matching: case, punctuation, plurals, stop words, action ids."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from rapidfuzz import fuzz, process, utils
from rapidfuzz.distance import OSA, Levenshtein  # the one place rapidfuzz is imported; index.py uses these too

from knowledge.lazyre import lazy

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "me",
        "my",
        "of",
        "on",
        "or",
        "our",
        "she",
        "so",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "theres",
        "these",
        "they",
        "this",
        "those",
        "to",
        "up",
        "us",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "whose",
        "why",
        "will",
        "with",
        "would",
        "should",  # "who should we write to": how it is asked
        "you",
        "your",
        "action",
        "actions",
        "plan",
        "plans",
        "please",
        "tell",
        "show",
        "list",
        "give",
        "me",
        "know",
        "find",
        "get",
        "lead",
        "leads",
        "led",
        "leading",
        "responsible",
        "owner",
        "owns",
        "lead?",
        "status",
        "progress",
        "update",
        "updates",
        "latest",
        "due",
        "timescale",
        "deadline",
        "when",
        "item",
        "items",
        "report",
        "reports",
        "on",
        "down",
        "going",
        "doing",
        "got",
        "whats",
        "who's",
        "what's",
        "anything",
        "something",
    ]
)
_ID = lazy(r"^(?:action\s*)?([a-z]{0,4}\s*\d+(?:\.\d+)?\s*[a-z]?)\.?$")
_WORD = lazy(r"[a-z0-9]+(?:\.[0-9]+)?")


def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces (rapidfuzz's default_process)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return utils.default_process(text)


def words(text: str) -> list[str]:
    """The folded words of a text, keeping "1.2" style numbers whole."""
    lowered = unicodedata.normalize("NFKD", text).lower().replace("’", "'")
    return _WORD.findall(lowered)


def stem(word: str) -> str:
    """A light English stem so "carers" finds "carer" and "reviews" finds "review"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def content_words(text: str) -> list[str]:
    """Stemmed words that carry meaning (no stop words, no bare numbers)."""
    known = _CONTENT
    out = []
    for w in words(text):
        found = known.get(w, _UNSEEN)
        if found is _UNSEEN:
            found = stem(w) if w not in STOPWORDS and not w.isdigit() and len(w) > 1 else None
            if len(known) >= MAX_CONTENT:  # bounded: a stream of new words cannot grow it without end
                known.clear()
            known[w] = found
        if found is not None:
            out.append(found)
    return out


# each word seen, as content_words gives it (its stem, or None for a stop word or a number): building the indexes
# reads the same few thousand words hundreds of thousands of times
_CONTENT: dict[str, str | None] = {}
_UNSEEN = object()
MAX_CONTENT = 1 << 17


def id_key(raw: str) -> str:
    """Normalise an action id: "Action 7a", "7A", "action 7 a", "7a." all give "7a"."""
    key = re.sub(r"\s+", "", raw.lower())
    key = key.removeprefix("action").rstrip(".")
    return key


ABBREVIATIONS = {
    "hsb": "harmful sexual behaviour",
    "4ps": "pursue prevent protect prepare",  # the exploitation strategy's "four P's" (query.FOUR_PS writes it so)
    "cse": "child sexual exploitation",
    "cce": "child criminal exploitation",
    "tce": "tackling child exploitation",
    "lado": "local authority designated officer",
    "cic": "children in care",
    "cicc": "children in care council",
    "cyp": "children and young people",
    "lac": "looked after children",
    "ifa": "independent fostering agencies",
    "ifas": "independent fostering agencies",
    "dcs": "director of children's services",
    "bmg": "business management group",
    "slg": "strategic leadership group",
    "ncscp": "nottingham city safeguarding children partnership",
    "iro": "independent reviewing officer",
    "iros": "independent reviewing officers",
    "mas": "managing allegations service",
    "ce": "child exploitation",
    "fgm": "female genital mutilation",
    "qa": "quality assurance",
    "vsh": "virtual school headteacher",
    "bme": "black and minority ethnic",
    "bame": "black asian and minority ethnic",
    "dv": "domestic violence",
    "da": "domestic abuse",
}


# everyday words for what the plans write more formally ("the money for the reviewer": its funding)
SYNONYMS = {
    "money": "funding", "cash": "funding", "kids": "children", "kid": "children", "refurb": "refurbishment",
    "checking": "review", "check": "review", "checks": "review",  # "checking the foster carers": their review
    "old": "former",  # "old foster carers": current and former ones
    "written": "letter",  # "have the IFAs been written to": the step "Letter sent to all Independent Fostering ..."
    "involving": "engage", "involve": "engage",  # "involving survivors in the response": engaging with them
}  # fmt: skip

# everyday short forms, read as the word they stand for ("ex staff": former staff; "the last 2 yrs": years)
SHORT_WORDS = {
    "ex": "former", "indie": "independent", "indy": "independent", "rec": "recommendation", "recs": "recommendation",
    "yr": "year", "yrs": "year", "govt": "government", "gov": "government", "notts": "nottinghamshire",
    "nott": "nottinghamshire", "mgr": "manager", "cllr": "councillor", "mgmt": "management", "dept": "department",
    "info": "information", "approx": "approximately", "resi": "residential", "res": "residential",
    "fin": "financial", "const": "constitutional", "constit": "constitutional", "biz": "business", "mtg": "meeting",
    "cttee": "committee",
}  # fmt: skip


def spelled_out(words: list[str]) -> list[str]:
    """Content words with everyday short forms read as the word they stand for."""
    return [SHORT_WORDS.get(w, w) for w in words]


def spelled_words(word: str) -> frozenset[str]:
    """The content words an abbreviation stands for ("hsb": harmful, sexual, behaviour); empty for any other word.
    Memoised: asked for each question word against each candidate record."""
    if word not in ABBREVIATIONS:
        return _NOTHING
    found = _SPELLED.get(word)
    if found is None:
        found = _SPELLED[word] = frozenset(content_words(ABBREVIATIONS[word]))
    return found


def spelled_in(word: str, words: set[str] | frozenset[str]) -> bool:
    """Whether `word` is an abbreviation whose every spelt-out word is among `words` ("hsb" in a text saying
    "harmful sexual behaviour")."""
    spelled = spelled_words(word)
    return bool(spelled) and spelled <= words


_SPELLED: dict[str, frozenset[str]] = {}  # bounded: the abbreviations only, never a question's other words
_NOTHING: frozenset[str] = frozenset()


def expand(words: list[str] | tuple[str, ...]) -> list[str]:
    """Query words with common safeguarding abbreviations also spelled out ("hsb" -> harmful, sexual, behaviour)."""
    out = list(words)
    for word in words:
        if word in ABBREVIATIONS:
            out += content_words(ABBREVIATIONS[word])
        if word in SYNONYMS:
            out.append(SYNONYMS[word])
    return list(dict.fromkeys(out))


def closest_word(word: str, vocabulary: Sequence[str], cutoff: float = 80.0) -> str | None:
    """The vocabulary word most like `word` (a typo's correction), if any scores at least `cutoff` (0-100)."""
    match = process.extractOne(word, vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff, processor=None)
    return match[0] if match else None


def near_enough(word: str, fix: str) -> bool:
    """Whether a short word (6 letters or fewer) is one slip from its correction (a letter added, dropped, changed
    or two swapped: "reveiw" is "review") or its start, shortened ("strat": "strategy"). A short real word two slips
    from a vocabulary word is another word ("pride" is not "provide")."""
    return len(word) > SHORT_FIX or OSA.distance(word, fix) <= 1 or fix.startswith(word[:-1])  # "strat", "recs"


SHORT_FIX = 6


def edit_distance(a: str, b: str) -> int:
    """Letters to add, drop or change to turn one word into the other."""
    return Levenshtein.distance(a, b)


# a name the question writes in capitals inside it ("what's My Futures", "who runs Project Kia"): two or more
# capitalised words, not starting the question
_WRITTEN_NAME = lazy(r"(?<=\s)([A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)\b")


def written_names(raw: str) -> list[str]:
    """The names a question writes in capitals after its first word ("My Futures"); [] for a question in lower case."""
    return _WRITTEN_NAME.findall(raw) if any(c.isupper() for c in raw[1:]) else []
