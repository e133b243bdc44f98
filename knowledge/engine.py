"""The answering engine: intent rules plus fuzzy entity resolution, returning an Answer."""

from __future__ import annotations

import datetime as dt
import re

from knowledge.answer import Answer, Item
from knowledge.answers_actions import ActionAnswers
from knowledge.answers_committee import CommitteeAnswers
from knowledge.answers_people import PeopleAnswers
from knowledge.dates import today_in_london
from knowledge.index import ActionIdIndex, NameIndex, TopicIndex
from knowledge.models import Action, KnowledgeBase
from knowledge.text import STOPWORDS, fold
from knowledge.visibility import Audience, may_see

MAX_QUESTION = 2000

HELP_EXAMPLES = (
    "who leads action 7a?",
    "what is the status of County Action 12?",
    "when is action 6 due?",
    "what is overdue in the county plan?",
    "what is due in the next 60 days?",
    "what does Pam Rosseter lead?",
    "actions on harmful sexual behaviour",
    "when does the panel next meet?",
    "what's on the agenda for the January panel?",
    "when is the care leavers report due?",
    "who is the contact for the managing allegations report?",
    "what is Jenny Whiston's email?",
)


class Engine:
    """Answers questions about one knowledge base. Build once; `ask` does no I/O."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.ids = ActionIdIndex(kb)
        self.names = NameIndex(kb)
        self.topics = TopicIndex(kb)
        self.by_lead: dict[str, list[Action]] = {}
        for action in kb.actions():
            for ref in action.leads:
                self.by_lead.setdefault(ref, []).append(action)
        self.plan_words = self._plan_words(kb)
        self.longest_plan_phrase = max((len(p.split()) for p in self.plan_words), default=0)
        self.committee_words = {fold(alias): c.id for c in kb.committees.values() for alias in (c.name, *c.aliases)}

    @staticmethod
    def _plan_words(kb: KnowledgeBase) -> dict[str, str]:
        """Words and phrases that pick out one plan: its id, its short names, and their distinctive words.

        A word shared by several plans goes to the plan whose first (main) short name has it, if just one
        does: "city" means the "city plan", even though the business plan is also a "city business plan".
        """
        ignore = {"iicsa", "the", "council", "nottingham", "action", "plan"}
        phrases: dict[str, set[str]] = {}
        main: dict[str, set[str]] = {}
        for plan in kb.plans.values():
            names = [fold(n) for n in (plan.id.replace("-", " "), *plan.short_names)]
            for name in names:
                phrases.setdefault(name, set()).add(plan.id)
                for word in name.split():
                    if word not in STOPWORDS and word not in ignore:
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

    # -- entry point ------------------------------------------------------------------------
    def ask(
        self,
        question: str,
        today: dt.date | None = None,
        audience: Audience | None = None,
        subject: tuple[str, ...] | None = None,
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
                suggestions=HELP_EXAMPLES[:3],
            )
        return _Turn(self, raw, today, audience, subject).answer()

    def help(self, intro: str = "Here is what I can answer.") -> Answer:
        lines = tuple(f"\u2022 {q}" for q in HELP_EXAMPLES)
        return Answer(
            "help",
            intro,
            (Item("help", "Try asking", lines),),
            notes=("Typos are fine. Add a plan name (city, county, TCE, business plan) to narrow an answer.",),
        )

    # -- visibility -------------------------------------------------------------------------
    def visible(self, plan_id: str, audience: Audience | None) -> bool:
        """Whether `audience` may see this plan: knowledge.visibility.may_see, the one rule."""
        return may_see(self.kb.plans[plan_id], audience)


class _Turn(ActionAnswers, CommitteeAnswers, PeopleAnswers):
    """One question: dispatch to the first intent that answers, else a fallback."""

    def answer(self) -> Answer:
        intents = self.intents()
        ids = self.action_ids()
        first = intents[0] if intents else None
        if first == "help" and len(self.folded.split()) <= 4:
            return self.e.help()
        if "history" in intents and (ids or self.subject):
            return self.history(ids)
        if ids and not ({"contact", "agenda"} & set(intents)):
            detail = next((i for i in intents if i in ("lead", "due", "status")), "summary")
            return self.about_actions(ids, detail)
        for intent in intents:
            handler = getattr(self, "on_" + intent.replace("-", "_"), None)
            if handler is None:
                continue
            result = handler()
            if result is not None:
                return result
        return self.fallback()

    def on_topic(self) -> Answer | None:
        return self.topic_search(self.topic_words())

    def fallback(self) -> Answer:
        people = self.people
        if people:
            return self.portfolio(people[0][0])
        roles = self.roles
        if roles:
            return self.role_portfolio(roles[0][0])
        words = self.topic_words()
        found = self.topic_search(words) if words else None
        if found is not None:
            return found
        suggestions = tuple(self.kb.people[p].name for p in self.e.names.suggest_people(self.raw))
        text = "I could not find anything for that in the action plans or committee papers."
        return self.answer_of(
            "not-found",
            text,
            suggestions=suggestions + HELP_EXAMPLES[:3],
            notes=("Say `help` for the questions I can answer.",),
        )


def _clean(question: str) -> str:
    """Drop control characters and Slack mention markup; trim."""
    text = re.sub(r"<@[A-Z0-9]+>", " ", question)
    text = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in text)
    return " ".join(text.split())[: MAX_QUESTION + 1]
