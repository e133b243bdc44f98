"""The answering engine: a question parsed into a Query, dispatched to the registry's handlers, an Answer back."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import field, replace
from itertools import chain, compress
from typing import TYPE_CHECKING

from knowledge import collector, registry
from knowledge.answer import Answer, Item, Subject
from knowledge.answers_papers import fallback, passage_answer
from knowledge.dates import today_in_london
from knowledge.guard import checked
from knowledge.index import ActionIdIndex, NameIndex, TopicIndex, plan_phrases
from knowledge.lazydataclass import frozen_dataclass, realise_all
from knowledge.lazyre import compile_all, lazy
from knowledge.models import Action, KnowledgeBase, Milestone, Update
from knowledge.query import Query, numbered_plan_words, parse, plan_vocab, plan_word_pairs, topic_drop
from knowledge.resolve import Resolver
from knowledge.status import ActionState, derive, later_date_update, turning_points
from knowledge.text import STOPWORDS, content_words, fold
from knowledge.visibility import Audience, may_see

if TYPE_CHECKING:
    from knowledge.cache import PassageStore
    from knowledge.passages import PassageIndex

MAX_QUESTION = 2000
DAYS_KEPT = 4  # day views of derived states kept (today, and the dates questions ask "as of")


class Engine:
    """Answers questions about one knowledge base. Build once; `ask` does no I/O."""

    def __init__(self, kb: KnowledgeBase) -> None:
        with collector.paused():  # the indexes are many new objects and no garbage: linear in the actions
            self._build(kb)

    def _build(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.ids = ActionIdIndex(kb)
        self.topics = TopicIndex(kb)
        self.names = NameIndex(kb, frozenset(self.topics.postings) | STOPWORDS)
        self.by_lead: dict[str, list[Action]] = {}
        for action in kb.actions():
            for ref in action.leads:
                self.by_lead.setdefault(ref, []).append(action)
        self.plan_words = plan_phrases(kb.plans.values())
        self.longest_plan_phrase = max((len(p.split()) for p in self.plan_words), default=0)
        self.topic_drop = topic_drop(self.plan_words)
        self.committee_words = {fold(alias): c.id for c in kb.committees.values() for alias in (c.name, *c.aliases)}
        self.committee_words.update({w: c for w, c in _committee_nouns(kb).items() if w not in self.committee_words})
        self._passages: PassageIndex | None = None  # built on first use, or by warm()
        self._no_passages = False  # the knowledge base was found to carry no papers
        self.passage_store: PassageStore | None = None  # where a cached Engine keeps it (knowledge.cache)
        self._days: dict[dt.date, DayView] = {}
        self._turns: TurningPoints | None = None  # built by warm() or on the first change of day
        self.titles = kb.seed_titles
        self.restricted = tuple(p.id for p in kb.plans.values() if p.visibility.restricted)

    def __getstate__(self) -> dict:
        """Pickled without the passage index and the day views (rebuilt on first use): a small, portable cache."""
        state = self.__dict__.copy()
        state["_passages"] = None
        state["_no_passages"] = False
        state["_days"] = {}
        state["_turns"] = None
        return state

    def day(self, today: dt.date) -> DayView:
        """Every action's derived state on `today`, and what is late (a few days kept).

        A new day starts from the nearest day already computed and derives again only the actions whose state
        may differ between the two days (knowledge.status.turning_points); the first question after midnight
        pays for the few actions whose dates fall on that day, not for every action. Safe from many threads:
        two threads may compute the same day, and the views kept are replaced whole.
        """
        days = self._days
        view = days.get(today)
        if view is not None:
            return view
        base = min(days.values(), key=lambda v: abs((v.today - today).days), default=None)
        if base is None:  # the first day asked (a one-off question never builds the turning points)
            view = DayView.of(self.kb.actions(), today)
        else:
            turns = self.turning_points()
            changed = turns.between(base.today, today)
            if len(changed) * 2 > len(turns.actions):  # far away: derive every action
                view = DayView.of(turns.actions, today)
            else:
                view = base.moved(turns.actions, today, changed)
        kept = {d: v for d, v in days.items() if d != today}
        kept[today] = view
        self._days = dict(list(kept.items())[-DAYS_KEPT:])
        return view

    def turning_points(self) -> TurningPoints:
        """Every action's turning points in date order (built once)."""
        turns = getattr(self, "_turns", None)  # an engine pickled before this index existed has none
        if turns is None:
            turns = self._turns = TurningPoints(self.kb.actions())
        return turns

    def state(self, action: Action, today: dt.date) -> ActionState:
        """One action's derived state on `today` (from the day's view)."""
        return self.day(today).states.get(action.key) or derive(action, today)

    # -- entry point ------------------------------------------------------------------------
    def ask(
        self,
        question: str,
        today: dt.date | None = None,
        audience: Audience | None = None,
        subject: Subject | None = None,
    ) -> Answer:
        """Answer one question. Never raises on any text."""
        today = today or today_in_london()
        raw = _clean(question)
        if not raw:
            return self.help("Ask me about action plans, leads, deadlines and meetings.")
        if len(question) > MAX_QUESTION:
            return Answer(
                "too-long",
                f"That question is {len(question):,} characters; please ask in under "
                f"{MAX_QUESTION:,} (one question at a time).",
                suggestions=registry.examples()[:3],
            )
        raw, offset = self._page(raw, subject)
        if offset == 0 and MORE.match(raw.lower()):
            return Answer(
                "not-sure",
                "There is no list to continue here: \u201cmore\u201d follows an answer that said there were more.",
                suggestions=registry.examples()[:3],
            )
        pair = _DETAIL_PAIR.search(raw) if offset == 0 and _DETAIL_AND in raw.lower() else None
        both = None if pair is None else self._both_details(raw, pair, today, audience, subject)
        if both is not None:
            return self._titled(both)
        found = self.answer(parse(self, raw, today, audience, subject, offset))
        if found.kind == "not-sure":
            found = self._without_aside(raw, found, today, audience, subject, offset)
        elif offset == 0 and found.kind not in UNANSWERED and found.more is None:
            found = self._parallel_asks(raw, today, audience, subject) or found
        return self._titled(found)

    def _parallel_asks(
        self, raw: str, today: dt.date, audience: Audience | None, subject: Subject | None
    ) -> Answer | None:
        """ "who chaired the oct panel and who sent apologies": two questions that open with the same question word
        (who, when, where), joined by "and", each answered on its own and both given. None (the whole answer
        stands) unless each part has an answer of its own, different from the other's."""
        asks = _two_asks(raw)
        if asks is None:
            return None
        head, tail = asks
        opens, again = _PARALLEL.match(head), _PARALLEL.match(tail)
        if opens is None or again is None or again.group(1).lower() != opens.group(1).lower():
            return None
        first = self.answer(parse(self, head, today, audience, subject))
        second = self.answer(parse(self, tail, today, audience, subject)) if not _REFERS_BACK.search(tail) else None
        if second is None or first.kind in UNANSWERED or second.kind in UNANSWERED or first.more or second.more:
            return None
        return None if first.text == second.text else _together(first, second)

    def _without_aside(
        self, raw: str, unsure: Answer, today: dt.date, audience: Audience | None, subject: Subject | None, offset: int
    ) -> Answer:
        """ "is there anything in the business plan about a section 11 audit? school business manager asked": when
        the whole question gets "not sure", the question before its aside (words after the question mark that say
        why it is asked) is answered instead, if that gets an answer; else the "not sure" stands."""
        asked, mark, aside = raw.partition("?")
        if mark and len(aside.split()) >= 2 and len(asked.split()) >= 3:
            head = parse(self, asked.strip() + "?", today, audience, subject, offset)
            tail = parse(self, aside, today, audience, subject, offset)
            if _narrows(tail, head):
                return unsure  # "who leads the review? the county one": the aside narrows what is asked, so it stays
            found = self.answer(head)
            return found if found.kind not in UNANSWERED else unsure
        # "need to refer someone to the lado, what's the email for ...": the question after the statement before
        # it; "who took over chairing the QA subgroup, someone from nspcc?": the question before the guess after it
        for part in (_after_statement(raw), _before_guess(raw)):
            if part is None:
                continue
            found = self.answer(parse(self, part, today, audience, subject, offset))
            if found.kind not in UNANSWERED:
                return found
        asks = _two_asks(raw)
        return unsure if asks is None else self._each_ask(asks, unsure, today, audience, subject, offset)

    def _both_details(
        self, raw: str, pair: re.Match[str], today: dt.date, audience: Audience | None, subject: Subject | None
    ) -> Answer | None:
        """ "strategic safeguarding annual report for the jan panel - contact and ref no?": two details of one thing,
        each asked on its own and both given (the contact alone had answered it). None when either has no answer:
        then the question is answered whole."""
        asks = [raw[: pair.start()] + pair.group(n) + raw[pair.end() :] for n in ("one", "two")]
        first, second = (self.answer(parse(self, ask, today, audience, subject)) for ask in asks)
        if first.kind in UNANSWERED or second.kind in UNANSWERED or first.more or second.more:
            return None
        return first if first.text == second.text else _together(first, second)

    def _each_ask(
        self,
        asks: tuple[str, str],
        unsure: Answer,
        today: dt.date,
        audience: Audience | None,
        subject: Subject | None,
        offset: int,
    ) -> Answer:
        """ "who presented the fostering annual report in october, and what were members worried about?": a question
        of two asks that gets "not sure" as a whole gets each ask answered on its own - the first, then the second
        after it when that is a question of its own and is answered too. When the first has no answer the "not sure"
        stands; a second that needs the first ("and when did it close") or has no answer is said to be unanswered."""
        head, tail = asks
        first = self.answer(parse(self, head, today, audience, subject, offset))
        if first.kind in UNANSWERED:
            return unsure
        second = None
        # a second ask that needs the first ("... and when did it close") is not guessed at; nor is one after a page
        # of a list (the next page is asked for by "more")
        if first.more is None and not _REFERS_BACK.search(tail):
            second = self.answer(parse(self, tail, today, audience, subject, offset))
        if second is None or second.kind in UNANSWERED or second.more is not None:
            if _covers(first, tail):  # the passage quoted answers both ("... and 72 of these went to panel")
                return first
            said = (
                f"{first.text}\n\nI'm not sure about the second part (\u201c{tail.rstrip('?')}\u201d): ask it on its "
                "own, naming what it is about."
            )
            return replace(first, text=said)
        return replace(
            first,
            text=f"{first.text}\n\n{second.text}",
            items=first.items + tuple(i for i in second.items if i not in first.items),
            notes=first.notes + tuple(n for n in second.notes if n not in first.notes),
        )

    def _titled(self, answer: Answer) -> Answer:
        """Sources cite the document's title, not its file name."""
        if not self.titles or not answer.items:
            return answer
        items = tuple(
            replace(i, source=replace(i.source, title=self.titles.get(i.source.seed)))
            if i.source is not None and i.source.title is None
            else i
            for i in answer.items
        )
        return replace(answer, items=items)

    @staticmethod
    def _page(raw: str, subject: Subject | None) -> tuple[str, int]:
        """ "page 2: what is overdue?" or "more" after a long list: the question and the first item to show."""
        from knowledge.reply import PAGE

        m = PAGE_PREFIX.match(raw)
        if m:
            return raw[m.end() :].strip() or raw, (max(int(m.group(1)), 1) - 1) * PAGE
        if MORE.match(raw.lower()) and subject is not None and subject.kind == "list":
            return subject.keys[0], (int(subject.keys[1]) - 1) * PAGE
        return raw, 0

    def answer(self, q: Query) -> Answer:
        """Dispatch a parsed question: the first matching intent whose handler answers, else the fallback."""
        if HELP.match(q.folded) and len(q.folded.split()) <= 4:
            return self.help()
        wanted = set(q.intents) | ({"action-id"} if q.action_ids else set()) | ({"plan-mentions"} if q.plan else set())
        for intent in registry.INTENTS:
            if intent.name in wanted:
                found = intent.handler(q, self)
                if found is not None:
                    return checked(q, found, self._names_someone)
        return checked(q, fallback(q, self), self._names_someone)

    def _names_someone(self, text: str) -> bool:
        return bool(self.names.people_in(fold(text), text))

    @property
    def passage_index(self) -> PassageIndex | None:
        """The papers' passage index (None when the knowledge base carries no papers), built once.

        A cached Engine reads it from its passage store, or builds it and stores it there.
        """
        if self._passages is None and not self._no_passages:
            store = self.passage_store
            index = store.read(self.kb.papers) if store is not None else None
            if index is None and self.kb.papers:
                from knowledge.passages import PassageIndex  # the stemmer (bm25s to build): only when wanted

                index = PassageIndex(self.kb)
                if store is not None:
                    store.write(index)
            self._passages = index
            self._no_passages = index is None  # no papers: looked for once, not on every question
        return self._passages

    def warm(self, today: dt.date | None = None) -> Engine:
        """Build everything a question may need now, so that no answer pays for it (the server calls this)."""
        registry.load_handlers()  # `ask` imports these (and compiles patterns) only as its question needs them
        if self.passage_index is not None:
            self.passage_index.warm()  # every passage's sentences (a one-shot `ask` splits only those it reads)
        self.topics.vectors()
        self.turning_points()
        self.day(today or today_in_london())
        plan_word_pairs(self)
        plan_vocab(self)
        numbered_plan_words(self)
        compile_all()
        realise_all()  # the frozen dataclasses made real on first use (knowledge.lazydataclass)
        return self

    def passage_answer(self, q: Query, strict: bool = False) -> Answer | None:
        """The passage of the papers that answers a narrative question, quoted with its source, or None."""
        return passage_answer(q, self, strict)

    def help(self, intro: str = "Here is what I can answer.") -> Answer:
        lines = tuple(f"\u2022 {q}" for q in registry.examples())
        return Answer(
            "help",
            intro,
            (Item("help", "Try asking", lines),),
            notes=("Typos are fine. Add a plan name (city, county, TCE, business plan) to narrow an answer.",),
        )

    # -- visibility -------------------------------------------------------------------------
    def resolver(self, audience: Audience | None = None) -> Resolver:
        """Plans, actions, people and roles as this audience types them (hidden plans do not exist)."""
        return Resolver(self.kb, lambda plan_id: self.visible(plan_id, audience), self.ids)

    def hidden_from(self, audience: Audience | None) -> frozenset[str]:
        """The plans this audience may not see (only restricted plans can be hidden)."""
        if audience is None or not self.restricted:
            return frozenset()
        return frozenset(p for p in self.restricted if not self.visible(p, audience))

    def visible(self, plan_id: str, audience: Audience | None) -> bool:
        """Whether `audience` may see this plan: knowledge.visibility.may_see, the one rule."""
        return may_see(self.kb.plans[plan_id], audience)


def _narrows(tail: Query, head: Query) -> bool:
    """Whether an aside names a plan, committee, action, person, month or agenda item the question before it
    does not (then the question without it is another question)."""
    return bool(
        (tail.plan and tail.plan != head.plan)
        or (tail.committee and tail.committee != head.committee)
        or set(tail.action_ids) - set(head.action_ids)
        or {p for p, _ in tail.people} - {p for p, _ in head.people}
        or (tail.month and tail.month != head.month)
        or (tail.agenda_number and tail.agenda_number != head.agenda_number)
    )


@frozen_dataclass
class DayView:
    """The derived state of every action on one day, and the late ones in plan order."""

    today: dt.date
    states: dict[tuple[str, str], ActionState]
    late: tuple[tuple[Action, Milestone | None], ...]  # overdue actions, and outstanding milestones of the others
    undated: tuple[Action, ...]  # not complete, no due date and no milestone to judge by
    rows: list[ActionState]  # every action's state, in the order of kb.actions() (not to be changed)
    late_rows: list[tuple[tuple[Action, Milestone | None], ...]]  # each action's part of `late`
    undated_rows: list[bool]  # whether each action is in `undated`
    # overdue actions with an update naming a later date than their due date (status.later_date_update)
    doubted: dict[tuple[str, str], Update] = field(default_factory=dict)

    @classmethod
    def of(cls, actions: list[Action], today: dt.date) -> DayView:
        """Every action derived on `today`."""
        rows = [derive(a, today) for a in actions]
        late_rows = [_late_part(a, s) for a, s in zip(actions, rows, strict=True)]
        undated_rows = [_undated(a, s) for a, s in zip(actions, rows, strict=True)]
        states = {a.key: s for a, s in zip(actions, rows, strict=True)}
        doubted = {a.key: u for a, s in zip(actions, rows, strict=True) if (u := _doubt(a, s, today)) is not None}
        return cls._made(actions, today, states, rows, late_rows, undated_rows, doubted)

    def moved(self, actions: list[Action], today: dt.date, changed: set[int]) -> DayView:
        """This view moved to `today`, deriving again only the actions at positions `changed` (the others are the
        same on both days); `actions` must be the list this view was made from. Costs copies of four lists, not
        a derivation per action."""
        rows, late_rows, undated_rows, states = list(self.rows), list(self.late_rows), list(self.undated_rows), {}
        doubted = dict(self.doubted)
        for i in changed:
            a = actions[i]
            rows[i] = states[a.key] = s = derive(a, today)
            late_rows[i] = _late_part(a, s)
            undated_rows[i] = _undated(a, s)
            doubted.pop(a.key, None)
            if (update := _doubt(a, s, today)) is not None:
                doubted[a.key] = update
        return self._made(actions, today, {**self.states, **states}, rows, late_rows, undated_rows, doubted)

    @classmethod
    def _made(
        cls,
        actions: list[Action],
        today: dt.date,
        states: dict[tuple[str, str], ActionState],
        rows: list[ActionState],
        late_rows: list[tuple[tuple[Action, Milestone | None], ...]],
        undated_rows: list[bool],
        doubted: dict[tuple[str, str], Update],
    ) -> DayView:
        late = tuple(chain.from_iterable(late_rows))
        undated = tuple(compress(actions, undated_rows))
        return cls(today, states, late, undated, rows, late_rows, undated_rows, doubted)


def _late_part(a: Action, s: ActionState) -> tuple[tuple[Action, Milestone | None], ...]:
    """An action's entries in the day's late list: itself when overdue, else its outstanding milestones."""
    return ((a, None),) if s.overdue else tuple((a, m) for m in s.outstanding)


def _doubt(a: Action, s: ActionState, today: dt.date) -> Update | None:
    """For an overdue action, an update that names a later date than its due date (the plan's date is in doubt)."""
    return later_date_update(a, today) if s.overdue and a.updates else None


def _undated(a: Action, s: ActionState) -> bool:
    """Not complete, and nothing dated to judge it by."""
    return not s.complete and s.due is None and not s.outstanding and a.status != "ongoing"


class TurningPoints:
    """The days on which each action's derived state may change, in date order: which actions to derive again
    when the day moves from one date to another."""

    def __init__(self, actions: list[Action]) -> None:
        self.actions = actions  # the order the day views keep their rows in
        pairs = sorted((day.toordinal(), i) for i, a in enumerate(actions) for day in turning_points(a))
        self.days = [d for d, _ in pairs]
        self.owners = [i for _, i in pairs]

    def between(self, before: dt.date, after: dt.date) -> set[int]:
        """Positions (in kb.actions()) of the actions whose state may differ between the two days."""
        lo, hi = sorted((before.toordinal(), after.toordinal()))
        return set(self.owners[bisect_right(self.days, lo) : bisect_right(self.days, hi)])


def _committee_nouns(kb: KnowledgeBase) -> dict[str, str]:
    """ "panel", "committee", "board": the bare noun means the committee when only one has it."""
    found: dict[str, set[str]] = {}
    for c in kb.committees.values():
        for noun in ("panel", "committee", "board", "group"):
            if noun in fold(c.name).split():
                found.setdefault(noun, set()).add(c.id)
    return {noun: next(iter(ids)) for noun, ids in found.items() if len(ids) == 1}


PAGE_PREFIX = lazy(r"^page (\d{1,5})\s*[:\-]\s*", re.IGNORECASE)
MORE = lazy(r"^(show |give me |and )?(more|the rest|next( page)?|more please|next \d+)[.!?]*$")
HELP = lazy(r"^(help|\?|hi|hello|commands|what can you (do|answer)|how do i use)\b")


# a clause that states something, then a question: "need to refer a staff member to the lado, what's the email ..."
_STATEMENT_THEN_ASKED = lazy(
    r"^(?P<said>(?:(?!\b(?:who|whos|what|whats|when|whens|where|which|how|why|is|are|does|do|did|has|have|can)\b)"
    r"[^,;:?\u2013\u2014-])+)\s*[,;:\u2013\u2014-]\s*(?P<asked>(?:who|whos|who's|what|whats|what's|when|whens|when's|"
    r"where|which|how)\b.*)$",
    re.IGNORECASE,
)
# a guess after the question: "..., someone from nspcc?", "... - is it the county?", ", maybe pam?"
_GUESS_AFTER = lazy(
    r"^(?P<asked>.{12,}?)\s*[,;\u2013\u2014-]\s*(?:someone|somebody|maybe|probably|possibly|i think|"
    r"or was it|or is it)\b[^,;?]*\??\s*$",
    re.IGNORECASE,
)
# a wh-question, then a yes/no question going on about it: "who chairs the SLG, is there a fixed chair?"
_FOLLOW_ON = lazy(
    r"^(?:(?:so|and|ok|okay|right|also)\s+)?"
    r"(?P<asked>(?:who|whos|who's|what|whats|what's|when|whens|when's|where|which|how)\b.{8,}?)\s*[,;\u2013\u2014-]"
    r"\s*(?:is|are|was|were|does|do|did|has|have) (?:there|it|they|that|this|he|she)\b[^,;?]*\??\s*$",
    re.IGNORECASE,
)


def _after_statement(raw: str) -> str | None:
    """The question after a statement, when it needs nothing of it ("hsb steering grp - when does it next meet":
    "it" is the statement's, so no)."""
    m = _STATEMENT_THEN_ASKED.match(raw)
    if m is None or len(m.group("said").split()) < 3 or _REFERS_BACK.search(m.group("asked")):
        return None
    # only a statement about the asker ("need to refer ...", "just been told ..."), never one naming the topic
    # ("the county review - when's the deadline": the deadline alone is not what is asked)
    return m.group("asked") if _ABOUT_ASKER.match(m.group("said")) else None


_ABOUT_ASKER = lazy(
    r"\s*(?:i|i m|im|i'm|i ve|ive|i've|i'd|id|we|we re|we're|we ve|we've|need|needs|needed|want|wanted|just|got|"
    r"been|have|had|trying|hoping|sorry|hi|hello|morning|afternoon|quick one|quick q)\b",
    re.I,
)


_REFERS_BACK = lazy(r"\b(it|its|they|them|their|that|this|those|these|he|she|his|her|we|us|our|one|ones)\b", re.I)


UNANSWERED = ("not-sure", "not-found", "help")


# two details of a report or a person asked together, at the end of the question: "contact and ref no?",
# "author & reference", "email and phone number"
_DETAIL = (
    r"(?:contact(?: details| name)?|email(?: address)?|e-?mail|phone(?: number| no)?|tel(?: no)?|"
    r"ref(?:erence)?(?: no| number| code)?|report code|author|signatory|page numbers|pages|"
    # "... - whats its report code and who do i ring about it": whom to contact
    r"who (?:do|should|can|could) (?:i|we) (?:ring|call|phone|email|e-?mail|contact|speak to|talk to|ask)"
    r"(?: about (?:it|this|that|them))?)"
)
_DETAIL_AND = " and "
_DETAIL_PAIR = lazy(
    rf"\b(?:the\s+|its\s+|their\s+)?(?P<one>{_DETAIL})\s+and\s+(?:the\s+|its\s+|their\s+)?(?P<two>{_DETAIL})"
    r"\s*(?:pls|please)?[?.!\s]*$",
    re.IGNORECASE,
)


# "how many rapid reviews were done in 19/20 and did they hit the timescale": a second ask after "and"
_SECOND_ASK = lazy(
    r"^(?P<first>.{12,}?)(?:,\s*|\s+)and\s+(?P<second>(?:did|do|does|is|are|was|were|has|have|how|when|who|whos|what|"
    r"whats|which|where|why)\b.{8,})$",
    re.IGNORECASE,
)


_ASKING_WORDS = frozenset(content_words("many much"))
# the question word two asks open with when each is answered on its own ("who ...", "who's ...", "whos ...")
_PARALLEL = lazy(r"\s*(who|when|where)(?:'s|\u2019s|s)?\b", re.IGNORECASE)


def _covers(answer: Answer, ask: str) -> bool:
    """Whether every word that carries meaning in `ask` is in a quoted passage of `answer` ("how many of them went
    to panel" in "106 children were assessed ... and 72 of these went to panel")."""
    wanted = set(content_words(ask)) - _ASKING_WORDS
    quoted = [line for item in answer.items if item.kind == "passage" for line in item.lines]
    return bool(wanted) and bool(quoted) and wanted <= set(content_words(" ".join(quoted)))


def _together(first: Answer, second: Answer) -> Answer:
    """Two answers given as one: both headlines, the items and notes of each (none twice), a subject they share."""
    return replace(
        first,
        text=f"{first.text}\n\n{second.text}",
        items=first.items + tuple(i for i in second.items if i not in first.items),
        notes=first.notes + tuple(n for n in second.notes if n not in first.notes),
        subject=first.subject if first.subject == second.subject else None,
    )


def _two_asks(raw: str) -> tuple[str, str] | None:
    """The two asks of a question that puts a second after "and" (each of them a question of its own), or None."""
    m = _SECOND_ASK.match(raw.strip().rstrip("?")) if " and " in raw.lower() else None
    return None if m is None else (m.group("first").strip() + "?", m.group("second").strip() + "?")


def _before_guess(raw: str) -> str | None:
    m = _GUESS_AFTER.match(raw) or _FOLLOW_ON.match(raw)
    return m.group("asked").strip() + "?" if m else None


def _clean(question: str) -> str:
    """Drop control characters and Slack mention markup; trim."""
    text = re.sub(r"<@[A-Z0-9]+>", " ", question)
    text = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in text)
    return " ".join(text.split())[: MAX_QUESTION + 1]
