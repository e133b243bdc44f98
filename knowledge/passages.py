"""Search the papers' passages: BM25 over stemmed words, typo correction, and an honest "is this an answer".

Pure: `PassageIndex(kb)` reads nothing but the knowledge base and does all its work when built;
`search` does no I/O. The papers are public committee documents, so search takes no audience.

    index = PassageIndex(kb)
    hits = index.search("what happened to the exploitation day")
    if hits and hits[0].answers:
        quote hits[0].passage.text, citing hits[0].cite()
    else:
        say plainly that no passage answers

A hit `answers` when the question's words it contains carry at least MIN_COVERAGE of the question's
weight (each word weighted by its IDF; a word the papers never use weighs the most), it contains at
least MIN_MATCHED of them (or all, for a one-word question), its BM25 score reaches MIN_SCORE, and
it has the kind of answer asked for (a figure for "how many", a date for "when"). It is a lexical
signal: a passage can share every word of the question and still not say the answer. The thresholds
were set on the question sets in tests/knowledge/passage_questions.py and checked on the held-out
sets there: bench/bench_passages.py prints recall, wrong "answers" and false positives for each.

An acronym the papers define ("Harmful Sexual Behaviour (HSB)") also matches its long form.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from knowledge import bm25, text
from knowledge.models import KnowledgeBase, Paper, Passage

MIN_SCORE = 2.5
MIN_COVERAGE = 0.7
MIN_MATCHED = 2
MAX_QUERY_WORDS = 40  # bounds on the work one question can cause
MAX_CORRECTIONS = 6  # typo look-ups per question (each scans the papers' vocabulary)
MAX_STEM_CACHE = 50_000
# The rapidfuzz ratio a misspelt word needs to be read as a word the papers use:
# "histroical" -> "historical" scores 90; "minister" -> "ministry" (87.5) is not bent.
TYPO_CUTOFF = 89.0

# Function words, and the words questions are phrased with rather than about.
_STOPWORDS = """a about above after again all also am an and any anything are as at be because been before being
    between both but by can could did do does doing done during each either else ever for from further
    get gets getting got had has have having he her here hers him his how i if in into is it its itself
    just know let like may me might more most much must my no nor not now of off on once only or other
    our ours out over own please said same say says she should so some something still such tell than
    that the their theirs them then there these they this those through thus to too under until up upon
    us very was we were what whats when where whether which while who whom whose why will with within
    would yet you your anyone anybody happen happened happening mention mentioned mentions paper papers
    record recorded records document documents go goes going gone went come came down many much last
    thing things really one ones think"""
STOPWORDS = frozenset(_STOPWORDS.split())


_COMPOUND = re.compile(r"\b([a-z]{2,})-([a-z]{2,})\b")

# What kind of answer a question wants, and how a passage shows it has one. A passage that has none
# (no figure for "how many", no date for "when") does not answer, however many words it shares.
_WANTS_NUMBER = re.compile(r"\b(how many|how much|number of|how often|what percentage|what proportion)\b")
_WANTS_DATE = re.compile(r"\b(when|what date|what time|which month|which year|how long)\b")
_PARAGRAPH_MARK = re.compile(r"^\W*(?:\d+[a-z]?[.)]|[a-z][.)])\s+")
_NUMBER = re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|dozen|half|all|none|no)\b")
_DATE = re.compile(
    r"\b(1[89]\d\d|20\d\d|\d{1,2}[:.]\d\d\s*(?:am|pm)?|\d{1,2}/\d{1,2}/\d{2,4}|january|february|march|april|may"
    r"|june|july|august|september|october|november|december|spring|summer|autumn|winter|quarter|ongoing"
    r"|annual|annually|monthly|weekly|months?|weeks?|years?)\b"
)


def has_answer_type(question: str, passage_text: str) -> bool:
    """False when the question wants a figure or a date and the passage gives none (paragraph numbers aside)."""
    q = question.lower()
    body = _PARAGRAPH_MARK.sub("", passage_text.lower())
    if _WANTS_NUMBER.search(q) and not _NUMBER.search(body):
        return False
    return not (_WANTS_DATE.search(q) and not _DATE.search(body))


@dataclass(frozen=True)
class PassageHit:
    passage: Passage
    paper: Paper
    score: float  # BM25
    matched: tuple[str, ...]  # the question's words (as corrected) found in the passage
    coverage: float  # the IDF-weighted share of the question's words that the passage contains
    answers: bool  # clears the calibrated floor: see the module docstring

    def cite(self) -> str:
        """ "<paper title>, <location>"."""
        return self.paper.cite(self.passage)


@dataclass(frozen=True)
class _Term:
    word: str  # as typed (folded)
    used: str  # as corrected
    token: str  # stemmed
    expansion: tuple[str, ...] = ()  # an acronym's long form as the papers define it, stemmed

    def found_in(self, tokens: frozenset[str]) -> bool:
        return self.token in tokens or bool(self.expansion and all(t in tokens for t in self.expansion))


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
        documents = [self._tokens(self._indexed_text(p)) for p in self.passages]
        self._terms = [frozenset(d) for d in documents]
        # what the passage itself says (its heading and text, not the titles every passage of its paper shares)
        self._own = [frozenset(self._tokens(f"{p.section or ''} {p.text}")) for p in self.passages]
        self._bm25 = bm25.Bm25(documents)
        n = len(documents)
        df: dict[str, int] = {}
        for terms in self._terms:
            for t in terms:
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

    def __len__(self) -> int:
        return len(self.passages)

    # -- text ----------------------------------------------------------------------------------
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
            found = bm25.stem_words([word])[0]
            if len(self._stems) < MAX_STEM_CACHE:  # questions add words; the cache stays bounded
                self._stems[word] = found
        return found

    def _tokens(self, raw: str) -> list[str]:
        """Stemmed content words; a hyphenated compound ("Sub-Group") also gives its joined form ("subgroup")."""
        tokens = [self._stem(w) for w in text.words(raw) if self._content(w)]
        tokens += [self._stem(a + b) for a, b in _COMPOUND.findall(raw.lower())]
        return tokens

    def terms(self, question: str) -> list[_Term]:
        """The question's content words, each corrected to a word the papers use when it is a likely typo."""
        out: list[_Term] = []
        seen: set[str] = set()
        lookups = 0
        # an acronym is expanded where the question writes it as one ("HSB", "CiCC") or where it cannot be
        # a word (no vowel: "hsb", "ncscp"), so that "send" is not read as SEND
        shouted = {w.lower() for w in re.findall(r"\b[A-Za-z]*[A-Z][A-Za-z]*[A-Z]\b", question)}
        shouted |= {w for w in self.acronyms if not re.search(r"[aeiou]", w)}
        for word in text.words(question)[:MAX_QUERY_WORDS]:
            if not self._content(word):
                continue
            used = word
            if (
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
                out.append(_Term(word, used, token, self.acronyms.get(used, ()) if used in shouted else ()))
        return out

    # -- search --------------------------------------------------------------------------------
    def search(self, question: str, limit: int = 3, papers: Collection[str] | None = None) -> list[PassageHit]:
        """The best passages for a question, best first; empty when no passage shares a word with it.

        `papers` (paper ids) limits the search to those papers, e.g. when the question names "the city plan".
        """
        terms = self.terms(question)
        if not terms or not self.passages:
            return []
        only = None if papers is None else [p.paper in papers for p in self.passages]
        weight = sum(self._idf.get(t.token, self._unknown_idf) for t in terms)
        hits = []
        tokens = list(dict.fromkeys(x for t in terms for x in (t.token, *t.expansion)))
        for i, score in self._bm25.top(tokens, limit, only):
            matched = [t for t in terms if t.found_in(self._own[i])]
            coverage = sum(self._idf.get(t.token, self._unknown_idf) for t in matched) / weight if weight else 0.0
            passage = self.passages[i]
            hits.append(
                PassageHit(
                    passage=passage,
                    paper=self.papers[passage.paper],
                    score=round(score, 3),
                    matched=tuple(t.used for t in matched),
                    coverage=round(coverage, 3),
                    answers=score >= self.min_score
                    and coverage >= self.min_coverage
                    and len(matched) >= min(MIN_MATCHED, len(terms))
                    and has_answer_type(question, passage.text),
                )
            )
        return hits

    def best(self, question: str) -> PassageHit | None:
        """The top passage when it answers the question, else None (say plainly that no passage answers)."""
        hits = self.search(question, limit=1)
        return hits[0] if hits and hits[0].answers else None


_DEFINED = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")
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


_MARKUP = re.compile(r"</?(?:p|b|i|li|ul|ol|br)\b[^>]*>|\*\*|\[footnoteRef:\d+\]")


def plain(passage_text: str) -> str:
    """A passage for display: the extraction's HTML tags, bold markers and footnote anchors removed, nothing else."""
    return " ".join(_MARKUP.sub(" ", passage_text).split())


def corrected(index: PassageIndex, question: str) -> Sequence[tuple[str, str]]:
    """(typed, read as) for each word the index corrected: for answers that say "reading X as Y"."""
    return [(t.word, t.used) for t in index.terms(question) if t.word != t.used]
