"""Answers about actions: by id, lead, timescale, status, overdue, due soon, stale and history."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from knowledge import describe as d
from knowledge import facts
from knowledge.answer import Answer, Item
from knowledge.dates import long_day
from knowledge.intents import PRONOUN, WINDOW_DAYS
from knowledge.models import Action, KnowledgeBase, Update, WorkItem
from knowledge.turn_base import TurnBase

DUE_SOON_DAYS = 30


class ActionAnswers(TurnBase):
    """Answers about actions."""

    def about_actions(self, keys: list[str], detail: str) -> Answer:
        items: list[Item] = []
        missing: list[str] = []
        plans_named: set[str] = set()
        for key in keys:
            found = self.visible_actions(self.e.ids.find(key))
            family = self.visible_actions(self.e.ids.family(key))
            if not found and family:
                found = family
            elif found and family and not self.plan_scope:
                found = found + family
            if not found:
                missing.append(key)
                continue
            plans_named.update(a.plan for a in found)
            items += [d.action_item(self.kb, a, self.today, detail) for a in found]
        if not items:
            return self.no_action(missing)
        head = {"lead": "Lead", "due": "Timescale", "status": "Status"}.get(detail, "Action")
        if len(plans_named) > 1:
            text = (
                f"Action {', '.join(keys)} appears in {len(plans_named)} plans: "
                f"{', '.join(d.plan_label(self.kb, p) for p in sorted(plans_named))}. "
                "Here is each; name the plan to narrow it."
            )
        elif len(items) == 1 and detail == "summary":
            f = items[0].fields
            due = f"due {f['due']}" if f["due"] else "no due date stated"
            text = f"{items[0].title}: lead {f['lead']}; {due}; {f['status']}."
        elif len(items) == 1:
            text = f"{head} of {items[0].title}: " + self._headline(items[0], detail)
        else:
            text = f"{head} of {len(items)} actions:"
        notes = tuple(f"No action {k} in any plan." for k in missing)
        subject = ("action", *items[0].ref) if len(items) == 1 and items[0].ref else None
        return self.answer_of(detail if detail != "summary" else "action", text, items, notes=notes, subject=subject)

    def _headline(self, item: Item, detail: str) -> str:
        if detail == "lead":
            return item.fields["lead"] + "."
        if detail == "due":
            due = item.fields["due"]
            ts = item.fields["timescale"]
            core = f"due {due}" if due else "no due date stated"
            return f"{core} ({ts})." if ts else core + "."
        return item.fields["status"] + "."

    def no_action(self, missing: list[str]) -> Answer:
        key = missing[0] if missing else "?"
        scope = f" in {d.plan_label(self.kb, self.plan_scope)}" if self.plan_scope else " in any plan"
        near = [k for k in self.e.ids.near(key) if self.visible_actions(self.e.ids.find(k))]
        suggestions = tuple(f"action {k}" for k in near[:5])
        return self.answer_of("not-found", f"There is no action {key}{scope}.", suggestions=suggestions)

    def history(self, keys: list[str]) -> Answer:
        actions = [a for k in keys for a in self.visible_actions(self.e.ids.find(k))] or self._subject_actions()
        if not actions:
            return self.no_action(keys)
        items = []
        for a in actions:
            lines = [_history_line(self.kb, u) for u in a.updates] or ["No updates recorded."]
            items.append(
                Item(
                    "history",
                    d.action_label(self.kb, a),
                    tuple(lines),
                    {"plan": a.plan, "action": a.id},
                    a.source,
                    (a.plan, a.id),
                )
            )
        return self.answer_of("history", f"History of {items[0].title}:" if len(items) == 1 else "History:", items)

    def _subject_actions(self) -> list[Action]:
        if self.subject and self.subject[0] == "action" and self.subject[1] in self.kb.plans:
            plan = self.kb.plans[self.subject[1]]
            try:
                return self.visible_actions([plan.action(self.subject[2])])
            except KeyError:
                return []
        return []

    def on_lead(self) -> Answer | None:
        return self.about_topic("lead")

    def on_due(self) -> Answer | None:
        return self.about_topic("due")

    def on_status(self) -> Answer | None:
        return self.about_topic("status")

    def about_topic(self, detail: str) -> Answer | None:
        """Lead / due / status of something named by words: an action, a report, a work item."""
        words = self.topic_words()
        if not words and PRONOUN.search(self.folded):
            return self.follow_up(detail)
        if not words:
            return None
        hits = self.search(words)
        if not hits:
            return None
        best = hits[0]
        close = [h for h in hits if h.score >= best.score - 0.05][:5]
        if isinstance(best.doc, Action):
            actions = [h.doc for h in close if isinstance(h.doc, Action)]
            return self.about_found_actions(actions, detail)
        if isinstance(best.doc, WorkItem):
            return self.about_work(best.doc, detail)
        return self.about_agenda_item(best.doc, best.meeting, detail)

    def about_found_actions(self, actions: list[Action], detail: str) -> Answer:
        items = [d.action_item(self.kb, a, self.today, detail) for a in actions]
        head = {"lead": "Lead", "due": "Timescale", "status": "Status"}.get(detail, "Action")
        if len(items) == 1:
            text = f"{head} of {items[0].title}: " + self._headline(items[0], detail)
            subject = ("action", *items[0].ref)
        else:
            text = f"{len(items)} actions match; {head.lower()} of each:"
            subject = None
        return self.answer_of(detail, text, items, subject=subject)

    def follow_up(self, detail: str) -> Answer | None:
        if not self.subject:
            return None
        kind = self.subject[0]
        if kind == "action":
            actions = self._subject_actions()
            return self.about_found_actions(actions, detail) if actions else None
        work = self._subject_work()
        if work is not None:
            return self.about_work(work, detail)
        found = self._subject_agenda()
        if found is not None:
            return self.about_agenda_item(found[1], found[0], detail)
        return None

    def on_overdue(self) -> Answer:
        actions, milestones = self.scoped_by_person(self.candidate_actions())
        items = [d.action_item(self.kb, a, self.today) for a in actions if facts.action_overdue(a, self.today)]
        items += [
            d.milestone_item(self.kb, a, m, self.today)
            for a in milestones
            for m in facts.derive(a, self.today).outstanding
        ]
        scope = self.scope_words()
        if not items:
            return self.answer_of("overdue", f"Nothing is overdue{scope} as of {long_day(self.today)}.")
        return self.answer_of(
            "overdue",
            f"{len(items)} overdue{scope} as of {long_day(self.today)} (due date passed, not complete):",
            items,
        )

    def on_due_soon(self) -> Answer:
        days = self.window_days()
        actions, milestones = self.scoped_by_person(self.candidate_actions())
        items = [d.action_item(self.kb, a, self.today) for a in actions if facts.action_due_soon(a, self.today, days)]
        items += [
            d.milestone_item(self.kb, a, m, self.today)
            for a in milestones
            for m in facts.milestones_due_soon(a, self.today, days)
        ]
        until = self.today + dt.timedelta(days=days)
        scope = self.scope_words()
        if not items:
            return self.answer_of(
                "due-soon", f"Nothing{scope} falls due between {long_day(self.today)} and {long_day(until)}."
            )
        return self.answer_of("due-soon", f"{len(items)} due{scope} by {long_day(until)}:", items)

    def on_stale(self) -> Answer:
        actions, _ = self.scoped_by_person(self.candidate_actions())
        items = [d.action_item(self.kb, a, self.today, "status") for a in actions if facts.is_stale(a, self.today)]
        scope = self.scope_words()
        if not items:
            return self.answer_of("stale", f"Every action{scope} has an update in the last {facts.STALE_DAYS} days.")
        return self.answer_of(
            "stale",
            f"{len(items)} action{'s' if len(items) != 1 else ''}{scope} with no update or "
            f"completed milestone in the last {facts.STALE_DAYS} days:",
            items,
        )

    def window_days(self) -> int:
        m = WINDOW_DAYS.search(self.folded)
        if m:
            n = int(m.group(1))
            return n * {"day": 1, "week": 7, "month": 30}[m.group(2)]
        if "this week" in self.folded:
            return 6 - self.today.weekday()
        if "this month" in self.folded:
            return calendar.monthrange(self.today.year, self.today.month)[1] - self.today.day
        if "next month" in self.folded:
            return 61 - self.today.day
        if re.search(r"next few weeks|coming weeks", self.folded):
            return 21
        return DUE_SOON_DAYS

    def candidate_actions(self) -> list[Action]:
        plans = [self.plan_scope] if self.plan_scope else [p for p in self.kb.plans if p not in self.hidden]
        return [a for p in plans for a in self.kb.plans[p].actions]

    def led_by(self, refs: list[str]) -> list[Action]:
        """Visible actions (in the plan named, if any) led by any of these references, in plan order."""
        seen: dict[tuple[str, str], Action] = {}
        for ref in refs:
            for action in self.e.by_lead.get(ref, []):
                seen.setdefault(action.key, action)
        return self.visible_actions(list(seen.values()))

    def scoped_by_person(self, actions: list[Action]) -> tuple[list[Action], list[Action]]:
        """Narrow to a person or role named in the question, if any."""
        leads = self.lead_refs()
        if leads is None:
            return actions, actions
        kept = self.led_by(sorted(leads))
        return kept, kept

    def lead_refs(self) -> set[str] | None:
        """The lead references a named person or role stands for (the person and the roles they hold)."""
        people = self.people
        roles = self.roles
        if people:
            pid = people[0][0]
            return {pid} | {r.id for r in self.kb.roles_held(pid)}
        if roles:
            return {roles[0][0]}
        return None

    def scope_words(self) -> str:
        parts = []
        if self.plan_scope:
            parts.append(f" in {d.plan_label(self.kb, self.plan_scope)}")
        people = self.people
        roles = self.roles
        if people:
            parts.append(f" for {self.kb.people[people[0][0]].name}")
        elif roles:
            parts.append(f" for {self.kb.name_of(roles[0][0])}")
        return "".join(parts)


def _history_line(kb: KnowledgeBase, u: Update) -> str:
    """One audit-trail line: when, who, what changed, the note."""
    when = u.at.replace("T", " ")[:16] if u.at else u.date.describe()
    who = f" {kb.name_of(u.by)}" if u.by else ""
    slack = f" (Slack {u.slack_user})" if u.slack_user else ""
    changes = []
    if u.status:
        changes.append(f"status -> {u.status}")
    if u.revised_due:
        changes.append(f"due -> {u.revised_due.describe()}" + (f" because {u.reason}" if u.reason else ""))
    before = f" (was: {u.before})" if u.before and changes else ""
    change = f" [{'; '.join(changes)}]{before}" if changes else ""
    return f"{when}{who}{slack}{change}: {u.text}"
