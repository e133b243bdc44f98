"""One question being answered: the parsed question and the helpers every kind of answer shares."""

from __future__ import annotations

import datetime as dt
import re
from functools import cached_property
from typing import TYPE_CHECKING

from knowledge import describe as d
from knowledge.answer import Answer, Item
from knowledge.index import Hit
from knowledge.intents import ACTION_WORD_ID, BARE_ID, INTENTS
from knowledge.models import Action, WorkItem
from knowledge.text import content_words, fold, id_key

if TYPE_CHECKING:
    from knowledge.engine import Audience, Engine


class TurnBase:
    """The question, folded and parsed once; the engine's indexes; shared answer helpers."""

    def __init__(
        self, engine: Engine, raw: str, today: dt.date, audience: Audience | None, subject: tuple[str, ...] | None
    ) -> None:
        self.e, self.kb, self.today, self.audience, self.subject = engine, engine.kb, today, audience, subject
        self.raw = raw
        self.lower = raw.lower().replace("’", "'")
        self.folded = fold(raw)
        self.hidden = [p.id for p in self.kb.plans.values() if not engine.visible(p.id, audience)]
        self.plan_scope = self._plan_scope()

    def _plan_scope(self) -> str | None:
        """The plan the question names, longest phrase first ("city business plan" before "city")."""
        tokens = self.folded.split()
        for size in range(min(self.e.longest_plan_phrase, len(tokens)), 0, -1):
            for i in range(len(tokens) - size + 1):
                plan_id = self.e.plan_words.get(" ".join(tokens[i : i + size]))
                if plan_id is not None:
                    return plan_id if plan_id not in self.hidden else None
        return None

    @cached_property
    def people(self) -> list[tuple[str, float]]:
        """People named in the question, best match first."""
        return self.e.names.people_in(self.folded)

    @cached_property
    def roles(self) -> list[tuple[str, float]]:
        """Roles named in the question, best match first."""
        return self.e.names.roles_in(self.folded)

    def intents(self) -> list[str]:
        return [name for name, rx in INTENTS if rx.search(self.folded)]

    def action_ids(self) -> list[str]:
        """Action-id keys the question names: after "action", or bare ids like 7a / P1.2."""
        keys = [id_key(m.group(1)) for m in ACTION_WORD_ID.finditer(self.lower)]
        for m in BARE_ID.finditer(self.lower):
            token = id_key(m.group(1))
            if token in keys or token.isdigit():
                continue
            if any(ch.isalpha() for ch in token) and (self.e.ids.find(token) or self.e.ids.family(token)):
                keys.append(token)
        return list(dict.fromkeys(k for k in keys if k))

    def topic_words(self) -> list[str]:
        drop = set(self.e.plan_words) | {
            "panel",
            "committee",
            "meeting",
            "overdue",
            "soon",
            "week",
            "weeks",
            "month",
            "day",
            "days",
            "next",
            "sponsor",
            "contact",
            "email",
            "phone",
        }
        return [w for w in content_words(self.raw) if w not in drop and not re.fullmatch(r"[a-z]{0,4}\d+[a-z]?", w)]

    def visible_actions(self, actions: list[Action]) -> list[Action]:
        """The actions this audience may see, in the plan the question names (if it names one)."""
        return [a for a in actions if a.plan not in self.hidden and (not self.plan_scope or a.plan == self.plan_scope)]

    def notes(self) -> tuple[str, ...]:
        if self.hidden:
            return ("Some plans are restricted and are not shown in this conversation.",)
        return ()

    def answer_of(
        self,
        kind: str,
        text: str,
        items: list[Item] | tuple[Item, ...] = (),
        *,
        suggestions: tuple[str, ...] = (),
        notes: tuple[str, ...] = (),
        subject: tuple[str, ...] | None = None,
    ) -> Answer:
        return Answer(kind, text, tuple(items), suggestions, notes + self.notes(), subject)

    def topic_search(self, words: list[str]) -> Answer | None:
        hits = self.search(words)
        if not hits:
            return None
        items = [self.hit_item(h) for h in hits]
        return self.answer_of(
            "topic", f"{len(items)} match{'es' if len(items) != 1 else ''} for \u201c{' '.join(words)}\u201d:", items
        )

    def hit_item(self, hit: Hit) -> Item:
        if isinstance(hit.doc, Action):
            return d.action_item(self.kb, hit.doc, self.today)
        if isinstance(hit.doc, WorkItem):
            return d.work_item(self.kb, hit.doc)
        assert hit.meeting is not None
        return d.agenda_item(self.kb, hit.meeting, hit.doc)

    def search(self, words: list[str]) -> list[Hit]:
        hits = self.e.topics.search(words, limit=40)
        out = []
        for h in hits:
            if isinstance(h.doc, Action):
                if h.doc.plan in self.hidden or (self.plan_scope and h.doc.plan != self.plan_scope):
                    continue
            elif self.plan_scope:
                continue
            out.append(h)
        return out[:10]
