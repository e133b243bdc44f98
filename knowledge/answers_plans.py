"""Answers about a plan as a whole: its priorities or themes, their key activities, and counts."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from knowledge import describe as d
from knowledge import facts
from knowledge import reply as r
from knowledge.answer import Answer, Item
from knowledge.lazyre import lazy
from knowledge.models import Action, Plan
from knowledge.text import content_words, expand

if TYPE_CHECKING:
    from knowledge.engine import Engine
    from knowledge.query import Query

_PRIORITY_NO = lazy(r"^priority (?:number )?(\w+)", re.I)
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def themes(plan: Plan) -> list[tuple[str, list[Action]]]:
    """The plan's themes (a business plan's priorities) in the order written, each with its actions."""
    out: dict[str, list[Action]] = {}
    for action in plan.actions:
        if action.theme:
            out.setdefault(action.theme, []).append(action)
    return list(out.items())


def theme_number(theme: str) -> int | None:
    m = _PRIORITY_NO.match(theme)
    if not m:
        return None
    word = m.group(1).lower()
    return int(word) if word.isdigit() else _NUMBERS.get(word)


def _plan_with_priorities(q: Query, e: Engine) -> Plan | None:
    if q.plan:
        return e.kb.plans[q.plan]
    ranked = [p for p in e.kb.plans.values() if p.id not in q.hidden and any(theme_number(t) for t, _ in themes(p))]
    return ranked[0] if ranked else None


def priorities(q: Query, e: Engine) -> Answer | None:
    """A plan's priorities (or themes), or the key activities under one priority."""
    plan = _plan_with_priorities(q, e)
    if plan is None:
        return None
    years = re.findall(r"\b20\d\d\b", q.raw)
    other_period = bool(years) and not any(y in plan.title for y in years)
    if other_period or re.search(r"\b(overarching|vision|strategic aims?)\b", q.folded):
        # not the plan's own priorities: another year's (the annual report's), or its vision and overarching
        # priorities, which are text in the papers rather than records
        found = e.passage_answer(q)
        if found is not None:
            return found
    groups = themes(plan)
    if not groups:
        return r.answer_of(q, "priorities", f"{d.plan_label(e.kb, plan.id)} records no priorities or themes.")
    label = "priorities" if any(theme_number(t) for t, _ in groups) else "themes"
    chosen = _chosen_group(q, e, groups)
    if q.attribute == "lead":
        actions = chosen[1] if chosen else [a for _, group in groups for a in group]
        leads = sorted({e.kb.name_of(ref) for a in actions for ref in a.leads})
        where = d.short(chosen[0], 120) if chosen else d.plan_label(e.kb, plan.id)
        if not leads:
            return r.answer_of(q, "lead", f"The plan names no lead for the key activities of {where}.")
        return r.answer_of(q, "lead", f"Leads named for {where}: {', '.join(leads)}.")
    if chosen is not None:
        theme, actions = chosen
        items = [d.action_item(e.kb, a, q.today) for a in actions]
        text = f"{d.short(theme, 300)} - {len(actions)} key activit{'ies' if len(actions) != 1 else 'y'}:"
        return r.answer_of(q, "priorities", text, items)
    items = [
        Item(
            "theme",
            d.short(theme, 300),
            (f"{len(actions)} key activities ({actions[0].id} to {actions[-1].id})",),
            {"plan": plan.id},
            actions[0].source,
        )
        for theme, actions in groups
    ]
    return r.answer_of(q, "priorities", f"{d.plan_label(e.kb, plan.id)} has {len(groups)} {label}:", items)


def _chosen_group(q: Query, e: Engine, groups: list[tuple[str, list[Action]]]) -> tuple[str, list[Action]] | None:
    if q.priority_number is not None:
        for theme, actions in groups:
            if theme_number(theme) == q.priority_number:
                return theme, actions
    words = set(expand(q.topic_words)) - {
        "priority",
        "priorities",
        "key",
        "activity",
        "activities",
        "theme",
        "business",
    }
    if not words:
        return None
    best, best_score = None, 0
    for theme, actions in groups:
        head = theme.split(":")[1] if ":" in theme else theme
        score = len(words & set(content_words(head)))
        if score > best_score:
            best, best_score = (theme, actions), score
    return best if best_score >= max(1, len(words) // 2) else None


COUNTABLE = (
    ("overdue", lazy(r"\b(overdue|late|behind)\b")),
    ("complete", lazy(r"\b(complete|completed|done|finished)\b")),
    ("people", lazy(r"\b(people|leads|persons|officers|owners)\b")),
    ("milestones", lazy(r"\bmilestones?\b")),
    ("meetings", lazy(r"\bmeetings?\b")),
    ("priorities", lazy(r"\b(priorities|themes)\b")),
    ("plans", lazy(r"\bplans\b")),
    ("actions", lazy(r"\b(actions?|activities|items?)\b")),
)


COUNT_WORDS = [
    "many",
    "overdue",
    "late",
    "behind",
    "complete",
    "completed",
    "done",
    "finished",
    "people",
    "person",
    "persons",
    "officer",
    "officers",
    "owner",
    "owners",
    "milestone",
    "milestones",
    "meeting",
    "meetings",
    "priority",
    "priorities",
    "theme",
    "themes",
    "plan",
    "plans",
    "action",
    "actions",
    "item",
    "items",
    "there",
    "have",
    "has",
    "total",
]


def count(q: Query, e: Engine) -> Answer | None:
    """ "how many ...": actions, overdue actions, people who lead, milestones, meetings, priorities, plans."""
    tail = q.folded.split("how many", 1)[-1]
    what = next((name for name, rx in COUNTABLE if rx.search(tail)), None)
    if what is None:
        return None
    counted = set(COUNT_WORDS) | {"lead", "leads", "led", "named", "agenda", "key", "activity", "activities"}
    if q.plan:
        plan = e.kb.plans[q.plan]
        counted |= set(content_words(" ".join((plan.title, plan.id.replace("-", " "), *plan.short_names))))
    if set(q.topic_words) - counted and not (q.person or q.role or q.priority_number):
        return None  # "how many people came to the film screenings": a figure in the papers, not a count of records
    if what == "actions" and re.search(r"\bagenda\b", q.folded):
        from knowledge.answers_committee import pick_meeting

        meeting = pick_meeting(q, e, prefer_agenda=True)
        if meeting is not None and meeting.agenda:
            title = d.meeting_title(e.kb, meeting)
            return r.answer_of(
                q,
                "count",
                f"The {title} agenda has {len(meeting.agenda)} items.",
                [d.agenda_item(e.kb, meeting, i) for i in meeting.agenda],
            )
    if what == "actions" and (q.priority_number is not None or re.search(r"\bkey activit", q.folded)):
        plan = _plan_with_priorities(q, e)
        chosen = _chosen_group(q, e, themes(plan)) if plan else None
        if chosen is not None:
            theme, group = chosen
            return r.answer_of(
                q,
                "count",
                f"{len(group)} key activities under {d.short(theme, 200)}.",
                [d.action_item(e.kb, a, q.today) for a in group],
            )
    actions = r.scoped_by_person(q, e, r.candidate_actions(q, e))
    scope = r.scope_words(q, e) or " across the plans you can see"
    if what == "plans":
        visible = [p for p in e.kb.plans.values() if p.id not in q.hidden]
        names = ", ".join(d.plan_label(e.kb, p.id) for p in visible)
        return r.answer_of(q, "count", f"{len(visible)} plans: {names}.")
    if what == "meetings":
        meetings = [m for c in e.kb.committees.values() for m in c.meetings]
        return r.answer_of(
            q,
            "count",
            f"The knowledge base holds {len(meetings)} committee meetings.",
            [d.meeting_item(e.kb, m) for m in meetings],
        )
    if what == "priorities":
        plan = _plan_with_priorities(q, e)
        if plan is None:
            return None
        return r.answer_of(q, "count", f"{d.plan_label(e.kb, plan.id)} has {len(themes(plan))} priorities or themes.")
    if what == "people":
        refs = sorted({ref for a in actions for ref in a.leads})
        names = [e.kb.name_of(ref) for ref in refs]
        text = f"{len(refs)} different leads (people or roles) are named{scope}: {', '.join(names)}."
        return r.answer_of(q, "count", text)
    if what == "milestones":
        total = sum(len(a.milestones) for a in actions)
        return r.answer_of(q, "count", f"{total} milestones{scope}.")
    if what == "overdue":
        late = [a for a in actions if facts.derive(a, q.today).overdue]
        return r.answer_of(
            q,
            "count",
            f"{len(late)} action{'s' if len(late) != 1 else ''} overdue{scope} as of {q.today.day} {q.today:%B %Y}.",
            [d.action_item(e.kb, a, q.today) for a in late],
        )
    if what == "complete":
        done = [a for a in actions if facts.derive(a, q.today).complete]
        return r.answer_of(
            q,
            "count",
            f"{len(done)} of {len(actions)} actions{scope} are evidenced as complete.",
            [d.action_item(e.kb, a, q.today) for a in done],
        )
    ids = f": {', '.join(a.id for a in actions)}" if len(actions) <= 20 else ""
    return r.answer_of(q, "count", f"{len(actions)} action{'s' if len(actions) != 1 else ''}{scope}{ids}.")
