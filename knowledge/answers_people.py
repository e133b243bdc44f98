"""Answers about people and roles: what someone leads, and people the papers do not name."""

from __future__ import annotations

from knowledge import describe as d
from knowledge.answer import Answer
from knowledge.index import Hit
from knowledge.intents import NAMED_PERSON
from knowledge.text import content_words
from knowledge.turn_base import TurnBase


class PeopleAnswers(TurnBase):
    """Answers about people and roles."""

    def on_portfolio(self) -> Answer | None:
        people = self.people
        roles = self.roles
        if people:
            return self.portfolio(people[0][0])
        if roles:
            return self.role_portfolio(roles[0][0])
        named = NAMED_PERSON.search(self.folded)
        if named and len(named.group(1).split()) <= 4 and not self.topic_hits(named.group(1)):
            return self.unknown_person(named.group(1))
        return None

    def topic_hits(self, phrase: str) -> list[Hit]:
        words = [w for w in content_words(phrase) if w not in self.e.plan_words]
        return self.search(words) if words else []

    def unknown_person(self, phrase: str) -> Answer:
        names = tuple(self.kb.people[p].name for p in self.e.names.suggest_people(phrase))
        return self.answer_of(
            "not-found",
            f"I don't know anyone called \u201c{phrase.title()}\u201d in the action plans or committee papers.",
            suggestions=names,
        )

    def portfolio(self, pid: str) -> Answer:
        person = self.kb.people[pid]
        held = self.kb.roles_held(pid)
        refs = [pid, *(r.id for r in held)]
        actions = self.led_by(refs)
        items = [d.action_item(self.kb, a, self.today) for a in actions]
        for c in self.kb.committees.values():
            items += [d.work_item(self.kb, w) for w in c.work_programme if pid in w.sponsors]
            for m in c.meetings:
                items += [d.agenda_item(self.kb, m, i) for i in m.agenda if pid == i.signatory or pid in i.contacts]
        roles = f" (as {', '.join(r.title for r in held)})" if held else ""
        if not items:
            return self.answer_of(
                "portfolio",
                f"{person.name}{roles} leads no action, sponsors no work-programme "
                "item and is contact for no report in the knowledge base.",
                [d.person_item(self.kb, person)],
                subject=("person", pid),
            )
        text = f"{person.name}{roles} " + _count_phrase(len(actions), len(items) - len(actions)) + ":"
        return self.answer_of("portfolio", text, items, subject=("person", pid))

    def role_portfolio(self, rid: str) -> Answer:
        actions = self.led_by([rid])
        items = [d.action_item(self.kb, a, self.today) for a in actions]
        who = self.kb.name_of(rid)
        if not items:
            return self.answer_of("portfolio", f"{who} leads no action in the knowledge base.")
        return self.answer_of("portfolio", f"{who} leads {len(items)} action{'s' if len(items) != 1 else ''}:", items)


def _count_phrase(actions: int, committee_items: int) -> str:
    """ "leads 2 actions and is named on 1 committee item" without "0 actions" or "item(s)"."""
    lead = f"leads {actions} action{'s' if actions != 1 else ''}" if actions else "leads no action in the plans"
    if not committee_items:
        return lead
    return f"{lead}, and is named on {committee_items} committee item{'s' if committee_items != 1 else ''}"
