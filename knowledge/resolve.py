"""Resolve what a person types into a plan, an action, a person or a role. Pure: no I/O.

Every surface that takes one of these as an argument uses this module (`actionbot update`, `actionbot
draft --plan`, `/actions update`, `/actions draft`, and the export and import commands), so they all
accept the same forms as `actionbot ask`:

- plans: the id ("county-iicsa", any case), a short name or the title ("county plan"), or a phrase that
  names just one plan ("county", "the county one", "Nottinghamshire County plan");
- actions: the id as written, then its normalised form, the key `ask` reads ids by ("12", "action 12",
  "Action 12", "7A", "7 a", "#12" all mean the same), then the id without its letter prefix when only one
  action in the plan has it ("3" for TCE3, "1.1" for P1.1);
- people and roles: the id, the name as written, or an alias (a role: its title or an alias), ignoring
  case, spacing and punctuation.

Exact forms are tried first. Several matches raise NotResolved with the choices; no match raises
NotResolved saying what exists, with "did you mean" only when nothing matched exactly. It never guesses.
A plan the audience may not see is treated as if it did not exist: never matched, listed or suggested.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from knowledge.index import PLAN_NAME_FILLER, ActionIdIndex, plan_phrases
from knowledge.lazyre import lazy
from knowledge.models import Action, KnowledgeBase, Plan
from knowledge.text import STOPWORDS, fold, fuzz, id_key, process

MAX_TYPED = 200  # characters: longer arguments are refused before any matching
MAX_WORDS = 16  # words in a "plan and action" phrase
MAX_LISTED = 30  # ids listed in one message
_FILLER = STOPWORDS | PLAN_NAME_FILLER | {"one", "s", "no", "number"}
_QUOTES = "\"'\u2018\u2019\u201c\u201d`"
_NUMBER_MARK = lazy(r"^(?:#|no\.?\s+|number\s+)", re.I)
_LETTER_PREFIX = lazy(r"^[a-z]+(?=\d)")


class NotResolved(Exception):
    """What was typed names nothing, or several things. The message is for the person; `choices` lists ids."""

    def __init__(self, message: str, choices: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.choices = tuple(choices)


def typed(text: str | None) -> str:
    """The argument as typed, trimmed: surrounding quotes dropped, spaces collapsed, control characters gone."""
    cleaned = "".join(ch if ch.isprintable() else " " for ch in text or "")
    cleaned = " ".join(cleaned.split())
    while len(cleaned) >= 2 and cleaned[0] in _QUOTES and cleaned[-1] in _QUOTES:
        cleaned = cleaned[1:-1].strip()
    return cleaned


def action_key(text: str) -> str:
    """The normalised key of an action id as typed: "Action 12", "#12", "no. 12" and "12" all give "12"."""
    return id_key(_NUMBER_MARK.sub("", text.strip()))


def _listing(items: Sequence[str]) -> str:
    shown = ", ".join(items[:MAX_LISTED])
    return shown + (f" and {len(items) - MAX_LISTED} more" if len(items) > MAX_LISTED else "")


def _either(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _check_length(text: str, what: str) -> None:
    if len(text) > MAX_TYPED:
        raise NotResolved(f"That {what} is {len(text):,} characters long; please give it in under {MAX_TYPED}.")


class Resolver:
    """Plans, actions, people and roles as typed, for one audience.

    `visible(plan_id)` says whether the audience may see a plan (default: every plan, for a local operator).
    Pass the engine's ActionIdIndex as `ids` to reuse it; otherwise one is built.
    """

    def __init__(
        self, kb: KnowledgeBase, visible: Callable[[str], bool] | None = None, ids: ActionIdIndex | None = None
    ) -> None:
        self.kb = kb
        self.plans = {p.id: p for p in kb.plans.values() if visible is None or visible(p.id)}
        self._ids = ids
        self._by_unprefixed: dict[str, list[Action]] | None = None
        self.phrases = plan_phrases(self.plans.values())
        self._plan_name_sets = {
            p.id: {fold(p.id), fold(p.title), *(fold(n) for n in p.short_names)} for p in self.plans.values()
        }
        self.longest_phrase = max((len(p.split()) for p in self.phrases), default=0)
        self._names: list[tuple[str, str, str]] = []  # (folded name, kind, id)
        for person in kb.people.values():
            for name in (person.id, person.name, *person.aliases):
                self._names.append((fold(name), "person", person.id))
        for role in kb.roles.values():
            for name in (role.id, role.title, *role.aliases):
                self._names.append((fold(name), "role", role.id))

    @property
    def ids(self) -> ActionIdIndex:
        """The action-id index (the engine's when given; otherwise built on first use)."""
        if self._ids is None:
            self._ids = ActionIdIndex(self.kb)
        return self._ids

    # -- plans ------------------------------------------------------------------------------
    def plan(self, text: str) -> Plan:
        """The visible plan `text` names; raises NotResolved listing the visible plans."""
        wanted = typed(text)
        _check_length(wanted, "plan name")
        if not wanted:
            raise NotResolved(f"Which plan? Plans: {self._plan_listing()}.", tuple(self.plans))
        candidates, named = self._plan_candidates(wanted)
        if len(candidates) == 1:
            return self.plans[candidates[0]]
        if candidates:
            raise self._several_plans(wanted, candidates)
        raise self._unknown_plan(wanted, named)

    def _plan_candidates(self, wanted: str) -> tuple[list[str], list[str]]:
        """(the plans `wanted` names: one, several or none; plans it mentions beside other words)."""
        if wanted in self.plans:
            return [wanted], []
        folded = fold(wanted)
        exact = [p.id for p in self.plans.values() if folded in self._plan_names(p)]
        if exact:
            return exact, []
        named, leftover = self._phrase_plans(folded)
        if len(named) == 1:
            if all(w in _FILLER or w in self._plan_vocabulary(self.plans[named[0]]) for w in leftover):
                return named, []
            return [], named
        return named, []

    def _plan_names(self, plan: Plan) -> set[str]:
        return self._plan_name_sets[plan.id]

    def _plan_vocabulary(self, plan: Plan) -> set[str]:
        return {w for name in self._plan_names(plan) for w in name.split()}

    def _phrase_plans(self, folded: str) -> tuple[list[str], list[str]]:
        """(plans named by phrases in the text, longest phrase first; the words no phrase used)."""
        tokens = folded.split()
        used = [False] * len(tokens)
        named: list[str] = []
        for size in range(min(self.longest_phrase, len(tokens)), 0, -1):
            for i in range(len(tokens) - size + 1):
                if any(used[i : i + size]):
                    continue
                plan_id = self.phrases.get(" ".join(tokens[i : i + size]))
                if plan_id is not None:
                    used[i : i + size] = [True] * size
                    if plan_id not in named:
                        named.append(plan_id)
        return named, [t for t, u in zip(tokens, used, strict=True) if not u]

    def _plan_label(self, plan: Plan) -> str:
        return f"{plan.id} ({plan.short_names[0]})" if plan.short_names else plan.id

    def _plan_listing(self) -> str:
        return _listing([self._plan_label(p) for p in self.plans.values()]) or "none"

    def _several_plans(self, wanted: str, ids: Sequence[str]) -> NotResolved:
        labels = [self._plan_label(self.plans[i]) for i in ids]
        return NotResolved(f"{wanted!r} could be {_either(labels)}; say which plan.", ids)

    def _unknown_plan(self, wanted: str, named: Sequence[str]) -> NotResolved:
        close = list(named)
        if not close:
            choices = [(name, p.id) for p in self.plans.values() for name in self._plan_names(p)]
            matches = process.extract(
                fold(wanted), [c[0] for c in choices], scorer=fuzz.WRatio, processor=None, score_cutoff=75, limit=6
            )
            close = list(dict.fromkeys(choices[idx][1] for _, _, idx in matches))[:3]
        hint = f" Did you mean {_either([self._plan_label(self.plans[i]) for i in close])}?" if close else ""
        return NotResolved(
            f"There is no plan {wanted!r} in the knowledge base.{hint} Plans: {self._plan_listing()}.",
            tuple(self.plans),
        )

    # -- actions ----------------------------------------------------------------------------
    def action(self, plan: Plan, text: str) -> Action:
        """The action of `plan` that `text` names; raises NotResolved with the choices."""
        wanted = typed(text)
        _check_length(wanted, "action id")
        ids = [a.id for a in plan.actions]
        if not wanted:
            raise NotResolved(f"Which action in {plan.id}? Its actions: {_listing(ids)}.", ids)
        found = self._match_action([plan], wanted)
        if len(found) == 1:
            return found[0]
        if found:
            choices = [a.id for a in found]
            raise NotResolved(f"{wanted!r} in {plan.id} could be {_either(choices)}; say which.", choices)
        key = action_key(wanted)
        near = [a.id for k in self.ids.near(key) for a in self.ids.find(k, plan.id)]
        hint = f" Did you mean {_either(near[:3])}?" if near else ""
        raise NotResolved(f"There is no action {wanted!r} in {plan.id}.{hint} Its actions: {_listing(ids)}.", ids)

    def action_anywhere(self, text: str) -> Action:
        """The action `text` names when it is in just one visible plan ("7a"); raises NotResolved otherwise."""
        wanted = typed(text)
        _check_length(wanted, "action id")
        found = self._match_action(list(self.plans.values()), wanted, by_key_only=True) if wanted else []
        if len(found) == 1:
            return found[0]
        if found:
            choices = [f"{a.plan} {a.id}" for a in found]
            raise NotResolved(f"{wanted!r} could be {_either(choices)}; name the plan too.", choices)
        raise NotResolved(
            f"I can't tell which plan and action {wanted!r} means. Give the plan, then the action "
            f"(for example `county 12`). Plans: {self._plan_listing()}.",
            tuple(self.plans),
        )

    def _match_action(self, plans: Sequence[Plan], wanted: str, by_key_only: bool = False) -> list[Action]:
        """Actions of these plans `wanted` names, by the first rule that finds any (exact id first).

        Across plans (`by_key_only`), "Action 1" is not taken as the exact id of the one plan that spells its
        ids that way: it means action 1 of any plan, as in `ask`.
        """
        in_plans = {p.id for p in plans}
        if not by_key_only:
            exact = [a for p in plans for a in p.actions if a.id == wanted]
            if exact:
                return exact
            folded = [a for p in plans for a in p.actions if a.id.lower() == wanted.lower()]
            if folded:
                return folded
        key = action_key(wanted)
        if not key:
            return []
        by_key = [a for a in self.ids.find(key) if a.plan in in_plans]
        if by_key:
            return by_key
        if not _LETTER_PREFIX.match(key):
            unprefixed = [a for a in self._unprefixed().get(key, ()) if a.plan in in_plans]
            if unprefixed:
                return unprefixed
        return [a for a in self.ids.family(key) if a.plan in in_plans]

    def _unprefixed(self) -> dict[str, list[Action]]:
        """Actions by their id key without its letter prefix ("tce3" -> "3"), for ids that have one."""
        if self._by_unprefixed is None:
            self._by_unprefixed = {}
            for action in self.kb.actions():
                key = id_key(action.id)
                bare = _LETTER_PREFIX.sub("", key)
                if bare != key:
                    self._by_unprefixed.setdefault(bare, []).append(action)
        return self._by_unprefixed

    def target(self, text: str) -> Action:
        """The action a phrase names with its plan: "county 12", "city plan action 7a", "action 12 of the
        county plan", or an action id that only one visible plan has ("7a"). Raises NotResolved."""
        wanted = typed(text)
        _check_length(wanted, "plan and action")
        words = wanted.split()
        if len(words) > MAX_WORDS:
            raise NotResolved(f"That names more than a plan and an action; give them in under {MAX_WORDS} words.")
        found: dict[tuple[str, str], Action] = {}
        problems: list[NotResolved] = []
        for k in range(1, len(words)):
            for plan_words, action_words in ((words[:k], words[k:]), (words[k:], words[:k])):
                plans, _ = self._plan_candidates(" ".join(plan_words))
                if len(plans) != 1:
                    continue
                plan = self.plans[plans[0]]
                try:
                    action = self.action(plan, " ".join(action_words))
                except NotResolved as exc:
                    problems.append(exc)
                    continue
                found[action.key] = action
        if len(found) == 1:
            return next(iter(found.values()))
        if found:
            choices = [f"{a.plan} {a.id}" for a in found.values()]
            raise NotResolved(f"{wanted!r} could be {_either(choices)}; say which.", choices)
        alone, _ = self._plan_candidates(wanted)
        if len(alone) == 1:
            self.action(self.plans[alone[0]], "")  # a plan alone: raises "Which action in <plan>? Its actions: ..."
        if problems:
            raise problems[0]
        if len(words) > 1 and not self._match_action(list(self.plans.values()), wanted, by_key_only=True):
            self.plan(words[0])  # raises "There is no plan ..." with "did you mean"
        return self.action_anywhere(wanted)

    # -- people and roles -------------------------------------------------------------------
    def person_or_role(self, text: str) -> tuple[str, str]:
        """("person" or "role", id) for an id, a name as written or an alias; raises NotResolved."""
        wanted = typed(text)
        _check_length(wanted, "name")
        if wanted in self.kb.people:
            return "person", wanted
        if wanted in self.kb.roles:
            return "role", wanted
        folded = fold(wanted)
        hits = list(dict.fromkeys((kind, ref) for name, kind, ref in self._names if folded and name == folded))
        if len(hits) == 1:
            return hits[0]
        if hits:
            choices = [ref for _, ref in hits]
            labels = [self._ref_label(kind, ref) for kind, ref in hits]
            raise NotResolved(f"{wanted!r} could be {_either(labels)}; give the id.", choices)
        close = self._close_refs(folded)
        hint = f" Did you mean {_either([self._ref_label(k, r) for k, r in close])}?" if close else ""
        raise NotResolved(f"There is no person or role {wanted!r} in the knowledge base.{hint}", [r for _, r in close])

    def person(self, text: str) -> str:
        """The person id `text` names; a role stands for its one holder. Raises NotResolved."""
        kind, ref = self.person_or_role(text)
        if kind == "person":
            return ref
        role = self.kb.roles[ref]
        holders = [h.person for h in role.holders if h.person in self.kb.people]
        if len(holders) == 1:
            return holders[0]
        if not holders:
            raise NotResolved(f"{role.title} is a role that no one is recorded as holding; give a person's name.")
        labels = [self._ref_label("person", p) for p in holders]
        raise NotResolved(f"{role.title} is held by {_either(labels)}; give your own name.", holders)

    def _ref_label(self, kind: str, ref: str) -> str:
        if kind == "person":
            return f"{self.kb.people[ref].name} ({ref})"
        return f"{self.kb.roles[ref].title} (role {ref})"

    def _close_refs(self, folded: str, limit: int = 3) -> list[tuple[str, str]]:
        if not folded:
            return []
        names = [n for n, _, _ in self._names]
        matches = process.extract(folded, names, scorer=fuzz.WRatio, processor=None, score_cutoff=75, limit=limit * 3)
        refs = [(self._names[idx][1], self._names[idx][2]) for _, _, idx in matches]
        return list(dict.fromkeys(refs))[:limit]
