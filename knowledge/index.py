"""Indexes built once at load: action ids, names, and an inverted index of topic words."""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from collections.abc import Collection, Iterable
from typing import Any

from knowledge.lazydataclass import frozen_dataclass
from knowledge.lazyre import lazy
from knowledge.models import Action, AgendaItem, KnowledgeBase, Meeting, Plan, WorkItem
from knowledge.text import (
    ABBREVIATIONS,
    STOPWORDS,
    content_words,
    expand,
    fold,
    fuzz,
    id_key,
    near_enough,
    process,
    spelled_words,
    utils,
)

Doc = Action | AgendaItem | WorkItem
# Words in many plans' names that never pick one out on their own.
PLAN_NAME_FILLER = frozenset({"iicsa", "the", "council", "nottingham", "action", "plan"})


def plan_phrases(plans: Iterable[Plan]) -> dict[str, str]:
    """Words and phrases that pick out one plan: its id, its short names, and their distinctive words.

    A word shared by several plans goes to the plan whose first (main) short name has it, if just one
    does: "city" means the "city plan", even though the business plan is also a "city business plan".
    Pass only the plans an audience may see, so a hidden plan neither claims nor blocks a word.
    """
    phrases: dict[str, set[str]] = {}
    main: dict[str, set[str]] = {}
    for plan in plans:
        names = [fold(n) for n in (plan.id.replace("-", " "), *plan.short_names)]
        for name in names:
            phrases.setdefault(name, set()).add(plan.id)
            for word in name.split():
                if word not in STOPWORDS and word not in PLAN_NAME_FILLER:
                    phrases.setdefault(word, set()).add(plan.id)
        for word in fold(plan.short_names[0] if plan.short_names else plan.title).split():
            main.setdefault(word, set()).add(plan.id)
    out = {}
    for phrase, ids in phrases.items():
        if len(ids) == 1:
            out[phrase] = next(iter(ids))
        elif len(main.get(phrase, set()) & ids) == 1:
            out[phrase] = next(iter(main[phrase] & ids))
    return out


@frozen_dataclass
class Hit:
    """A topic-search result: the record, its score (0-1) and the meeting of an agenda item."""

    doc: Doc
    score: float
    meeting: Meeting | None = None


@frozen_dataclass
class _Vectors:
    """A TopicIndex's posting lists as numpy arrays (numpy is imported only when a topic is searched)."""

    arrays: dict[str, Any]
    title_arrays: dict[str, Any]
    title_len: Any

    @classmethod
    def of(cls, postings: dict[str, set[int]], title_words: list[set[str]]) -> _Vectors:
        import numpy as np

        arrays = {w: np.fromiter(sorted(ids), dtype=np.int32, count=len(ids)) for w, ids in postings.items()}
        title_postings: dict[str, list[int]] = defaultdict(list)
        for n, words in enumerate(title_words):
            for word in words:
                title_postings[word].append(n)
        title_arrays = {w: np.asarray(ids, dtype=np.int32) for w, ids in title_postings.items()}
        title_len = np.asarray([max(len(t), 1) for t in title_words], dtype=np.float64)
        return cls(arrays, title_arrays, title_len)


def _spelled_groups(weight: dict[str, float]) -> list[tuple[str, frozenset[str]]]:
    """The abbreviations among a question's word roots with their spelt-out roots ("hsb": harmful, sexual,
    behaviour), when the question's weights hold both (question_weights adds the spelling out)."""
    return [(root, roots) for root, roots in _abbreviation_roots() if root in weight and roots <= weight.keys()]


def _abbreviation_roots() -> tuple[tuple[str, frozenset[str]], ...]:
    """Each abbreviation's root with its spelt-out words' roots, built once (not on every milestone weighed)."""
    global _ABBREVIATION_ROOTS
    if _ABBREVIATION_ROOTS is None:
        _ABBREVIATION_ROOTS = tuple(
            (_root(word), frozenset(_root(w) for w in spelled_words(word))) for word in ABBREVIATIONS
        )
    return _ABBREVIATION_ROOTS


_ABBREVIATION_ROOTS: tuple[tuple[str, frozenset[str]], ...] | None = None


def _held(weight: dict[str, float], words: set[str] | frozenset[str], groups) -> float:
    """The weight of the question's roots a text holds: an abbreviation and its spelling out count as one
    thing, held whole when the text writes either ("HSB", or "harmful sexual behaviour"), so a text that spells
    it out is not short of the abbreviation's weight (nor one that abbreviates, of the spelling's)."""
    held = 0.0
    whole: set[str] = set()
    for root, roots in groups:
        if root in words or roots <= words:
            whole |= roots | {root}
    for r, w in weight.items():
        if r in whole or r in words:
            held += w
    return held


def _root(word: str) -> str:
    """A word without "-ing", "-ed", "-ment" or "-ation" ("confirming", "confirmation": "confirm"), for matching
    milestone words."""
    found = _ROOTS.get(word)
    if found is None:
        if len(_ROOTS) >= MAX_ROOTS:  # bounded: a stream of new words cannot grow it without end
            _ROOTS.clear()
        found = _ROOTS[word] = _rooted(word)
    return found


_ROOTS: dict[str, str] = {}  # building the index roots the same few thousand words millions of times
MAX_ROOTS = 1 << 17


def _rooted(word: str) -> str:
    for end in ("ing", "ed", "ment", "ation"):  # ("confirmation", "organisation": "confirm", "organis")
        if word.endswith(end) and len(word) - len(end) >= 4:
            return word[: -len(end)]
    if word.endswith("e") and len(word) >= 6 and word[-2] not in "aeiou":  # "engage" as "engaging": "engag"
        return word[:-1]
    return word


MAX_FIXES = 4096  # spelling corrections remembered by a TopicIndex
MAX_FOUND = 64  # searches remembered by a TopicIndex (the last few questions')
SMALL_INDEX = 2000  # documents up to which a topic search sums in plain Python (numpy is not imported)
MAX_QUERY_WORDS = 40  # distinct words of one question a topic search looks at (each may cost a fuzzy look-up)


class TopicIndex:
    """Inverted index of stemmed words over action, agenda-item and work-programme texts.

    Query words are corrected against the index's own vocabulary, then documents are scored
    by the inverse document frequency of the words they share with the query.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self.docs: list[Doc] = []
        self.meetings: list[Meeting | None] = []
        self.postings: dict[str, set[int]] = defaultdict(set)
        self.title_words: list[set[str]] = []
        self.owners: dict[str, list[Action]] = defaultdict(list)  # a word of an owners cell -> its actions
        self.own_words: dict[int, set[str]] = {}  # an action's own words (without its milestones')
        self.step_words: dict[int, list[set[str]]] = {}  # each milestone's words, by the action's doc number
        for action in kb.actions():
            extra = [action.theme or "", action.recommendation or "", action.timescale or ""]
            for word in set(content_words(action.owners_text or "")):
                self.owners[word].append(action)
            n = len(self.docs)
            self.own_words[n] = {_root(w) for w in content_words(f"{action.text} {action.theme or ''}")}
            self.step_words[n] = [{_root(w) for w in content_words(m.text)} for m in action.milestones]
            # an action is found by its milestones' words too ("the independent reviewer")
            self._add(action, action.text, extra + [m.text for m in action.milestones], None)
        for committee in kb.committees.values():
            for meeting in committee.meetings:
                for item in meeting.agenda:
                    appendix = item.appendix.title if item.appendix else ""  # the attached report's own heading
                    # another name the papers give its subject ("the LADO report") counts as its title
                    title = " ".join((item.title, *item.aliases))
                    self._add(item, title, [item.purpose or "", item.report_title or "", appendix], meeting)
            for work in committee.work_programme:
                self._add(work, work.title, [], None)
        self._doc_no = {doc.key: n for n, doc in enumerate(self.docs) if isinstance(doc, Action)}
        total = max(len(self.docs), 1)
        self.idf = {w: math.log(1 + total / len(ids)) for w, ids in self.postings.items()}
        self._vectors: _Vectors | None = None  # numpy arrays, built on the first search (or by warm())
        self.vocabulary = sorted(self.postings)
        self._by_initial: dict[str, list[str]] = defaultdict(list)
        for word in self.vocabulary:
            self._by_initial[word[0]].append(word)

    def has_word(self, word: str) -> bool:
        """Whether a record indexed uses this (stemmed) word as it is."""
        return word in self.postings

    def __getstate__(self) -> dict:
        """Pickled without the numpy arrays: a cached Engine loads without importing numpy."""
        state = self.__dict__.copy()
        state["_vectors"] = None
        state.pop("_fixes", None)
        state.pop("_found", None)
        return state

    def vectors(self) -> _Vectors:
        """The posting lists as numpy arrays (built once, on first use)."""
        if self._vectors is None:
            self._vectors = _Vectors.of(self.postings, self.title_words)
        return self._vectors

    def _add(self, doc: Doc, title: str, extra: list[str], meeting: Meeting | None) -> None:
        n = len(self.docs)
        self.docs.append(doc)
        self.meetings.append(meeting)
        title_words = set(content_words(title))
        self.title_words.append(title_words)
        for word in title_words.union(*(content_words(e) for e in extra)):
            self.postings[word].add(n)

    def owned_by(self, words: list[str]) -> list[Action]:
        """Actions whose owners cell, as written, holds every one of the words ("The Children's Society")."""
        if not words:
            return []
        lists = sorted((self.owners.get(w, []) for w in dict.fromkeys(words)), key=len)
        keys = set.intersection(*({a.key for a in found} for found in lists))
        return [a for a in lists[0] if a.key in keys]

    def question_weights(self, query_words: list[str]) -> dict[str, float]:
        """The question's known words by root, with their weight (idf); abbreviations are spelled out first."""
        weight: dict[str, float] = {}
        for word in expand(list(dict.fromkeys(query_words))[:MAX_QUERY_WORDS]):
            known = self.correct(word)
            if known:
                weight[_root(known)] = max(weight.get(_root(known), 0.0), self.idf[known])
        return weight

    def milestone_covers(self, action: Action, weight: dict[str, float]) -> tuple[list[float], float]:
        """How much of the question each milestone of `action` holds, and how much the action's own text does.

        Cover is the share of the weight (`question_weights`) of the question's known words that a text holds,
        so a milestone stands out when it holds the distinctive words the action's own text does not. Words
        are compared by their root ("confirming" is "confirm").
        """
        n = self._doc_no.get(action.key)
        if n is None:
            return [], 0.0
        total = sum(weight.values())
        if not total:
            return [0.0] * len(self.step_words[n]), 0.0
        groups = _spelled_groups(weight)
        covers = [_held(weight, step, groups) / total for step in self.step_words[n]]
        return covers, _held(weight, self.own_words[n], groups) / total

    def step_word_hits(self, action: Action, words: list[str]) -> list[int]:
        """For each milestone of `action`, how many of the question's words it holds by their root, the words
        a topic search passes over included ("start" picks "Independent Reviewer starting" from the other steps
        naming the reviewer)."""
        return [len(held) for held in self.step_word_sets(action, words)]

    def step_word_sets(self, action: Action, words: list[str]) -> list[frozenset[str]]:
        """For each milestone of `action`, which of the question's words it holds by their root."""
        n = self._doc_no.get(action.key)
        if n is None:
            return []
        roots = {w: {_root(w), _root(w[:-1]) if w.endswith("s") else _root(w)} for w in dict.fromkeys(words)}
        return [frozenset(w for w, forms in roots.items() if forms & step) for step in self.step_words[n]]

    def steps_beyond(self, action: Action, weight: dict[str, float]) -> list[float]:
        """For each milestone of `action`, the share of the question's weight it holds that the action's own text
        does not: a milestone that adds the question's missing words ("the staff review panels") is named by it."""
        n = self._doc_no.get(action.key)
        total = sum(weight.values())
        if n is None or not total:
            return []
        own = self.own_words[n]
        return [sum(w for r, w in weight.items() if r in step and r not in own) / total for step in self.step_words[n]]

    def step_holding(self, action: Action, words: Collection[str], weight: dict[str, float]) -> int | None:
        """The one milestone of `action` whose text holds at least two of the question's words (`words` as written,
        with those no topic search weighs, "committee"; `weight`'s roots, with abbreviations spelled out, "cyp")
        that no other of its milestones and not its own text holds; None when there is not exactly one."""
        n = self._doc_no.get(action.key)
        if n is None:
            return None
        roots = ({_root(w) for w in words} | set(weight)) - self.own_words[n]
        steps = self.step_words[n]
        held = [roots & step for step in steps]
        found = [
            i for i, mine in enumerate(held) if len(mine - set().union(*(h for j, h in enumerate(held) if j != i))) >= 2
        ]
        return found[0] if len(found) == 1 else None

    def correct(self, word: str) -> str | None:
        """The vocabulary word this query word means: itself, or the closest spelling (>= 80)."""
        if word in self.postings:
            return word
        if len(word) < 4:
            return None
        fixes = self.__dict__.setdefault("_fixes", {})  # a question's words are corrected more than once
        if word in fixes:
            return fixes[word]
        pool = self._by_initial.get(word[0], [])
        match = process.extractOne(word, pool, scorer=fuzz.ratio, score_cutoff=80)
        if len(fixes) >= MAX_FIXES:  # bounded: many distinct misspellings cannot grow it without end
            fixes.clear()
        fixes[word] = match[0] if match and near_enough(word, match[0]) else None
        return fixes[word]

    def search(self, query_words: list[str], limit: int = 10, min_cover: float = 0.6) -> list[Hit]:
        """Documents sharing the query's words, best first; each must cover most of the query's weight.

        The last few searches are kept: one answer may search the same words up to three times (the topic
        answer, the fallback, the "not sure" offers)."""
        key = (tuple(query_words), limit, min_cover)
        memo = self.__dict__.setdefault("_found", {})
        found = memo.get(key)
        if found is None:
            if len(memo) >= MAX_FOUND:
                memo.clear()
            found = memo[key] = tuple(self._search(query_words, limit, min_cover))
        return list(found)

    def _search(self, query_words: list[str], limit: int, min_cover: float) -> list[Hit]:
        """Documents sharing the query's words, best first; each must cover most of the query's weight.

        Scores are summed in numpy arrays indexed by document, so a question costs a few vector
        additions per query word rather than a loop over every document that shares a word. Documents
        whose own title is mostly the query rank first ("Care Leavers annual report" over a long title
        that merely mentions care leavers).
        """
        asked = list(dict.fromkeys(query_words))[:MAX_QUERY_WORDS]
        found = [self.correct(w) for w in asked]
        corrected = [c for c in found if c]
        if not corrected or not self.docs:
            return []
        weight = {w: self.idf[w] for w in corrected}
        # a word no record uses still counts against coverage (it weighs the most): gibberish or an unrelated
        # topic cannot leave one familiar word to match on its own
        unknown = sum(1 for c in found if c is None)
        wanted = sum(weight.values()) + unknown * math.log(1 + max(len(self.docs), 1))
        if len(self.docs) <= SMALL_INDEX:
            return self._search_small(weight, wanted, limit, min_cover)
        import numpy as np

        vec = self.vectors()
        scores = np.zeros(len(self.docs))
        in_title = np.zeros(len(self.docs))
        for word, w in weight.items():
            scores[vec.arrays[word]] += w
            if word in vec.title_arrays:
                in_title[vec.title_arrays[word]] += 1
        candidates = np.flatnonzero(scores >= min_cover * wanted)
        if candidates.size == 0:
            return []
        final = (
            scores[candidates] / wanted
            + 0.05 * in_title[candidates] / len(weight)
            + 0.1 * in_title[candidates] / vec.title_len[candidates]
        )
        order = np.lexsort((candidates, -final))[:limit]
        return [
            Hit(self.docs[int(candidates[i])], float(min(final[i], 1.0)), self.meetings[int(candidates[i])])
            for i in order
        ]

    def _search_small(self, weight: dict[str, float], wanted: float, limit: int, min_cover: float) -> list[Hit]:
        """`_search`'s scoring in plain Python, for an index small enough that importing numpy costs more
        than the loop (a one-shot `actionbot ask` on a council's own plans). The same sums in the same order,
        so the same hits, scores and ties as the numpy path (a test compares the two)."""
        scores: dict[int, float] = {}
        for word, w in weight.items():
            for n in self.postings[word]:
                scores[n] = scores.get(n, 0.0) + w
        floor = min_cover * wanted
        candidates = range(len(self.docs)) if floor <= 0 else [n for n, s in scores.items() if s >= floor]
        final: dict[int, float] = {}
        for n in candidates:
            in_title = float(sum(1 for word in weight if word in self.title_words[n]))
            title_len = float(max(len(self.title_words[n]), 1))
            final[n] = scores.get(n, 0.0) / wanted + 0.05 * in_title / len(weight) + 0.1 * in_title / title_len
        order = sorted(final, key=lambda n: (-final[n], n))[:limit]
        return [Hit(self.docs[n], min(final[n], 1.0), self.meetings[n]) for n in order]


# common short forms of English forenames (as colleagues write them), for a lone first name in a question
SHORT_FORMS = {
    "andrew": ("andy", "drew"), "anthony": ("tony",), "catherine": ("cath", "kate", "cathy"),
    "christopher": ("chris",), "christine": ("chris",), "daniel": ("dan", "danny"), "david": ("dave",),
    "deborah": ("debbie", "deb"), "elizabeth": ("liz", "beth", "lizzie"), "jacqueline": ("jackie",),
    "james": ("jim", "jimmy"), "jennifer": ("jen", "jenny"), "joanne": ("jo",), "katherine": ("kate", "kath"),
    "kathryn": ("kate", "kath"), "margaret": ("maggie",), "matthew": ("matt",), "michael": ("mike", "mick"),
    "nicholas": ("nick",), "pamela": ("pam",), "patricia": ("pat", "trish"), "peter": ("pete",),
    "philip": ("phil",), "richard": ("rich", "rick"), "robert": ("rob", "bob"), "samantha": ("sam",),
    "samuel": ("sam",), "stephen": ("steve",), "steven": ("steve",), "susan": ("sue",), "thomas": ("tom",),
    "timothy": ("tim",), "victoria": ("vicky", "vicki"), "william": ("will", "bill"), "alexander": ("alex",),
    "alexandra": ("alex",), "benjamin": ("ben",), "edward": ("ed", "ted"), "rebecca": ("becky", "becca"),
}  # fmt: skip


# Honorifics written before a name: the word after one is a name even when written in lower case ("dr hackett")
HONORIFICS = frozenset(
    {"cllr", "councillor", "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "rev", "dci",
     "acc", "supt"}
)  # fmt: skip

# Honorifics, post-nominals and job-title nouns: words written before or after a name ("Cllr Taylor", "DCI Clare
# Dean", "Anne Callaghan BEM") or in place of one ("the councillor", "the director"). On its own such a word never
# names a person: "a councillor asking ..." is about some councillor, not the one the records happen to hold.
TITLE_WORDS = HONORIFICS | frozenset(
    {"cllrs", "councillors", "doctor", "lord", "lady", "reverend", "di", "ds", "dc", "dsupt", "superintendent",
     "inspector", "sergeant", "dcc", "cc", "pc", "bem", "mbe", "obe", "cbe", "qc", "kc",
     "director", "directors", "manager", "managers", "officer", "officers", "chair", "chairs", "chairman",
     "chairwoman", "chairperson", "vice", "deputy", "chief", "head", "lead", "member", "members", "clerk",
     "scrutineer", "coordinator", "co-ordinator", "executive", "mayor", "leader", "secretary", "minister", "mp"}
)  # fmt: skip


def _after_honorific(tokens: list[str]) -> set[str]:
    """The words written right after an honorific ("mr jones", "dr hackett"): names, however they are cased."""
    return {tokens[i + 1] for i in range(len(tokens) - 1) if tokens[i] in HONORIFICS}


_BRACKETED = re.compile(r"\([^)]*\)")


def name_parts(name: str) -> list[str]:
    """The words of a folded name without its honorifics and titles ("councillor tracey taylor": tracey, taylor)."""
    return [p for p in name.split() if p not in TITLE_WORDS]


def short_forms(forename: str) -> tuple[str, ...]:
    """The short forms a forename is commonly written as ("peter": "pete")."""
    return SHORT_FORMS.get(forename, ())


class NameIndex:
    """Fuzzy lookup of people and roles by name, alias or title."""

    def __init__(self, kb: KnowledgeBase, common: frozenset[str] = frozenset()) -> None:
        # words of the records' own text and of the places meetings are held ("County Hall"): a surname among
        # them needs a capital letter, and one that is part of a place's name ("county hall") never names a person
        places = {fold(m.venue) for c in kb.committees.values() for m in c.meetings if m.venue}
        self.place_grams = {
            " ".join(p[i : i + 2]) for v in places for p in [v.replace(",", " ").split()] for i in range(len(p) - 1)
        }
        self.common = common | {w for v in places for w in v.replace(",", " ").split()}
        self.person_names: list[str] = []
        self.person_ids: list[str] = []
        for person in kb.people.values():
            for name in (person.name, *person.aliases):
                self.person_names.append(fold(name))
                self.person_ids.append(person.id)
        self.role_titles: list[str] = []
        self.role_ids: list[str] = []
        for role in kb.roles.values():
            for title in (role.title, *role.aliases):
                self.role_titles.append(fold(title))
                self.role_ids.append(role.id)
        # people's job titles as stemmed words (with their organisation's name), for "who has <title>"
        self.titles: list[tuple[str, str, frozenset[str], frozenset[str]]] = []
        self.title_postings: dict[str, set[int]] = defaultdict(set)
        for person in kb.people.values():
            org = kb.organisations.get(person.organisation or "")
            around = frozenset(content_words(org.name)) if org else frozenset()
            for title in person.titles:
                words = frozenset(content_words(title))
                for word in words:
                    self.title_postings[word].add(len(self.titles))
                self.titles.append((person.id, title, words, around))
        self.surnames: dict[str, set[str]] = defaultdict(set)
        self.initials: dict[str, set[str]] = defaultdict(set)  # "lj": Laurence Jones
        # two capitals that mean something else: written so in the papers ("DA", "CD" initialling comments), or an
        # everyday abbreviation ("YP", "GP")
        self.acronyms = (
            EVERYDAY_ACRONYMS
            | set(ABBREVIATIONS)
            | {w.lower() for paper in kb.papers.values() for x in paper.passages for w in _TWO_CAPITALS.findall(x.text)}
        )
        for committee in kb.committees.values():  # the initials a report's comments are signed with ("CD 13/12/24")
            for meeting in committee.meetings:
                for item in meeting.agenda:
                    for said in (item.constitutional_comments, item.financial_comments):
                        self.acronyms |= {w.lower() for w in _TWO_CAPITALS.findall(said or "")}
        self.forenames: dict[str, set[str]] = defaultdict(set)
        self.exact: dict[str, set[str]] = defaultdict(set)  # folded name -> person ids
        self._by_initial: dict[str, list[int]] = defaultdict(list)  # first letter -> indexes into person_names
        for n, (name, pid) in enumerate(zip(self.person_names, self.person_ids, strict=True)):
            self.exact[name].add(pid)
            if name:
                self._by_initial[name[0]].append(n)
        self._initial_names = {k: [self.person_names[i] for i in v] for k, v in self._by_initial.items()}
        self._by_word: dict[str, list[int]] = defaultdict(list)  # a word of a name -> indexes into person_names
        for n, name in enumerate(self.person_names):
            for word in dict.fromkeys(name.split()):
                self._by_word[word].append(n)
        # a name's own words: not the organisation an alias adds in brackets ("Theresa Hodgkinson (Ashfield DC)":
        # "ashfield" is no surname of hers)
        bare = [fold(_BRACKETED.sub(" ", name)) for p in kb.people.values() for name in (p.name, *p.aliases)]
        for name, pid in zip(bare, self.person_ids, strict=True):
            parts = name_parts(name)  # "cllr taylor" names no forename "cllr"
            if len(parts) >= 2:
                self.surnames[parts[-1]].add(pid)
                self.forenames[parts[0]].add(pid)
                self.initials[parts[0][0] + parts[-1][0]].add(pid)
        for first, ids in list(self.forenames.items()):  # "pete" may be Peter, "sue" Susan, "cath" Catherine
            for short in short_forms(first):
                self.forenames[short] |= ids

    def people_in(self, folded_question: str, raw: str | None = None) -> list[tuple[str, float]]:
        """People named in a question: full names (tolerating typos), else a unique surname or forename.

        A lone surname or forename that is also an ordinary word of the records ("young", "hall")
        counts only when the question writes it with a capital letter.
        """
        tokens = folded_question.split()
        found: dict[str, float] = {}
        grams = [" ".join(tokens[i : i + size]) for size in (3, 2) for i in range(len(tokens) - size + 1)]
        for gram in grams:
            for pid in self.exact.get(gram, ()):
                found[pid] = 100.0
        if found:
            return sorted(found.items(), key=lambda kv: -kv[1])
        for gram in grams:  # typos: compared with the names that start with the same letter
            bucket = self._initial_names.get(gram[0], [])
            for _, score, idx in process.extract(gram, bucket, scorer=fuzz.ratio, score_cutoff=84, limit=3):
                pid = self.person_ids[self._by_initial[gram[0]][idx]]
                found[pid] = max(found.get(pid, 0), score)
        if found:
            return sorted(found.items(), key=lambda kv: -kv[1])
        capitalised = {w.lower() for w in (raw or "").replace("’", "'").split() if w[:1].isupper()}
        capitalised = {fold(w).split()[0] for w in capitalised if fold(w)} | _after_honorific(tokens)
        in_places = self.place_words_in(tokens)
        shouted = {w.lower() for w in _TWO_CAPITALS.findall(raw or "")}
        # "actions for m toward": a surname that is also an ordinary word, after its holder's initial
        initialled = {b: a for a, b in itertools.pairwise(tokens) if len(a) == 1 and a.isalpha() and a not in "ai"}
        for token in tokens:
            if token in initialled and token in self.common and token not in capitalised:
                ids = {pid for pid in self.surnames.get(token, ()) if pid in self.forenames_of(initialled[token])}
                if len(ids) == 1:
                    found[next(iter(ids))] = 90.0
                continue
            if len(token) == 2 and token in shouted and token not in self.common and token not in self.acronyms:
                ids = self.initials.get(token, set())  # "LJ anything late": the one person with those initials
                if len(ids) == 1:
                    found[next(iter(ids))] = 88.0
                continue
            if (token in self.common and token not in capitalised) or token in in_places or token in TITLE_WORDS:
                continue
            for table, score in ((self.surnames, 90.0), (self.forenames, 86.0)):
                ids = table.get(token, set())
                if len(ids) == 1:
                    pid = next(iter(ids))
                    found[pid] = max(found.get(pid, 0), score)
        return sorted(found.items(), key=lambda kv: -kv[1])

    def forenames_of(self, initial: str) -> set[str]:
        """The people whose forename starts with this letter."""
        return {pid for name, ids in self.forenames.items() if name.startswith(initial) for pid in ids}

    def place_words_in(self, tokens: list[str]) -> set[str]:
        """Words of the question that are part of a place's name there ("county hall"): not a person's."""
        return {
            w
            for i in range(len(tokens) - 1)
            if f"{tokens[i]} {tokens[i + 1]}" in self.place_grams
            for w in tokens[i : i + 2]
        }

    def ambiguous_in(self, folded_question: str, raw: str | None = None) -> list[tuple[str, tuple[str, ...]]]:
        """Lone forenames or surnames in a question that several people share: ("claire", (ids...))."""
        capitalised = {fold(w).split()[0] for w in (raw or "").split() if w[:1].isupper() and fold(w)}
        capitalised |= _after_honorific(folded_question.split())
        out = []
        for token in dict.fromkeys(folded_question.split()):
            if (token in self.common and token not in capitalised) or token in TITLE_WORDS:
                continue
            ids = self.forenames.get(token, set()) | self.surnames.get(token, set())
            if len(ids) > 1:
                out.append((token, tuple(sorted(ids))))
        return out

    def roles_in(self, folded_question: str) -> list[tuple[str, float]]:
        """Roles named in a question by title or alias (whole title inside the question)."""
        found: dict[str, float] = {}
        for _, score, idx in process.extract(
            folded_question, self.role_titles, scorer=fuzz.partial_ratio, processor=None, score_cutoff=92, limit=5
        ):
            title = self.role_titles[idx]
            if len(title) < 6:
                continue
            if not _short_words_written(title, folded_question):
                continue  # "csp review subgroup chair" is not the "qa subgroup chair": an initialism is never fuzzy
            rid = self.role_ids[idx]
            found[rid] = max(found.get(rid, 0), score + len(title) / 100)
        return sorted(found.items(), key=lambda kv: -kv[1])

    def title_vocabulary(self) -> list[str]:
        """The words of the recorded titles, sorted: what a misspelt word of a post is corrected against (made when
        first needed, then kept)."""
        vocabulary = self.__dict__.get("_title_vocabulary")
        if vocabulary is None:
            vocabulary = self.__dict__["_title_vocabulary"] = sorted(self.title_postings)
        return vocabulary

    def title_holders(self, wanted: frozenset[str], at_least: int) -> list[tuple[str, str]]:
        """(person id, title) for titles holding at least `at_least` of the words, and every word in the title
        or the holder's organisation's name; one title per person, in the knowledge base's order."""
        counts: dict[int, int] = defaultdict(int)
        for word in wanted:
            for n in self.title_postings.get(word, ()):
                counts[n] += 1
        found: dict[str, str] = {}
        for n in sorted(k for k, c in counts.items() if c >= at_least):
            pid, title, words, around = self.titles[n]
            if pid not in found and wanted <= words | around:
                found[pid] = title
        return list(found.items())

    def suggest_named(self, text: str, words: Iterable[str], limit: int = 3) -> list[str]:
        """Person ids whose names use one of `words` ("jones" in the question), those most like `text` first: a
        look-up of the words, then a match against only those names (not every name sharing an initial)."""
        pool = sorted({i for word in words for i in self._by_word.get(word, ())})
        if not pool:
            return []
        names = [self.person_names[i] for i in pool]
        matches = process.extract(fold(text), names, scorer=fuzz.WRatio, limit=limit * 2, score_cutoff=60)
        return list(dict.fromkeys(self.person_ids[pool[idx]] for _, _, idx in matches))[:limit]

    def suggest_people(self, text: str, limit: int = 3) -> list[str]:
        """Person ids whose names look most like `text`, for "did you mean"."""
        wanted = fold(text)
        pool = sorted({i for word in wanted.split() for i in self._by_initial.get(word[0], ())})
        names = [self.person_names[i] for i in pool]
        matches = process.extract(wanted, names, scorer=fuzz.WRatio, limit=limit * 2, score_cutoff=60)
        return list(dict.fromkeys(self.person_ids[pool[idx]] for _, _, idx in matches))[:limit]


_TWO_CAPITALS = lazy(r"\b[A-Z]{2}\b")
EVERYDAY_ACRONYMS = frozenset(
    {"yp", "gp", "mp", "cp", "la", "pa", "ta", "dv", "da", "ot", "it", "ok", "re", "hq", "pr", "hb", "sw", "hr", "ce"}
)


def _short_words_written(title: str, folded_question: str) -> bool:
    """Whether each short word of a title ("qa", "dcs", "yjs": initialisms, whose one letter changed names another
    body) is written as such in the question."""
    short = [w for w in title.split() if len(w) <= SHORT_TITLE_WORD and w.isalpha()]
    if not short:
        return True
    asked = set(folded_question.split())
    return all(w in asked for w in short if w not in _GLUE_WORDS)


SHORT_TITLE_WORD = 3
_GLUE_WORDS = frozenset({"of", "the", "and", "for", "to", "in", "on", "at", "a", "an", "by"})


class ActionIdIndex:
    """Action ids as people type them ("7a", "Action 12", "action 7") across plans."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.by_key: dict[str, list[Action]] = defaultdict(list)
        for action in kb.actions():
            self.by_key[id_key(action.id)].append(action)
        self.keys = sorted(self.by_key)
        self.by_key_plan: dict[tuple[str, str], list[Action]] = defaultdict(list)  # an id within one plan
        for key, actions in self.by_key.items():
            for action in actions:
                self.by_key_plan[key, action.plan].append(action)
        # Plans whose ids are a letter prefix and a number ("TCE12"): "tce 12", and "action 12" in that plan.
        prefixes: dict[str, set[str]] = defaultdict(set)
        for key, actions in self.by_key.items():
            m = re.fullmatch(r"([a-z]{2,4})\d{1,3}", key)
            if m:
                prefixes[m.group(1)].update(a.plan for a in actions)
        self.prefix_plans = {prefix: frozenset(plans) for prefix, plans in prefixes.items()}

    def in_plan(self, key: str, plan: str) -> str:
        """The key a number names in a plan numbered with a prefix: "12" in the TCE plan is "tce12"."""
        if not key.isdigit() or (key, plan) in self.by_key_plan:
            return key
        for prefix, plans in self.prefix_plans.items():
            if plan in plans and (prefix + key, plan) in self.by_key_plan:
                return prefix + key
        return key

    def find(self, key: str, plan: str | None = None) -> list[Action]:
        """The actions with this id (in `plan` only, when one is given)."""
        if plan is not None:
            return self.by_key_plan.get((key, plan), [])
        return self.by_key.get(key, [])

    def family(self, key: str, plan: str | None = None) -> list[Action]:
        """Actions whose id extends this one by a letter ("7" -> 7a, 7b, 7c), in `plan` only when one is given."""
        return [a for k in (key + c for c in "abcdefgh") for a in self.find(k, plan)]

    def near(self, key: str, limit: int = 5) -> list[str]:
        """Ids close to an unknown one, for "did you mean"."""
        matches = process.extract(
            key, self.keys, scorer=fuzz.ratio, processor=utils.default_process, limit=limit, score_cutoff=50
        )
        return [k for k, _, _ in matches]
