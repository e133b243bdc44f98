"""Helpers every handler shares: visibility and scope, topic search, and building the Answer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from knowledge import describe as d
from knowledge.answer import Answer, Item, Subject
from knowledge.index import Hit
from knowledge.lazyre import lazy
from knowledge.models import Action, Person, WorkItem
from knowledge.text import ABBREVIATIONS, SYNONYMS, content_words

if TYPE_CHECKING:
    from knowledge.engine import Engine
    from knowledge.query import Query

T = TypeVar("T")
PAGE = 20  # items in one answer; "more" asks for the next page


def page_of(q: Query, things: Sequence[T], build: Callable[[T], Item]) -> tuple[list[Item], dict]:
    """Build items for this page only; return them with the Answer fields that describe the paging."""
    start = min(q.offset, max(len(things) - 1, 0))
    shown = things[start : start + PAGE]
    items = [build(t) for t in shown]
    extra: dict = {}
    if len(things) > PAGE:
        end = start + len(shown)
        extra["total"] = len(things)
        extra["notes"] = (f"Showing {start + 1}\u2013{end} of {len(things):,}.",)
        if end < len(things):
            page = end // PAGE + 1
            extra["more"] = f"page {page}: {q.question}"
            extra["subject"] = Subject("list", (q.question, str(page)))
            following = min(PAGE, len(things) - end)
            extra["notes"] = (
                f"Showing {start + 1}\u2013{end} of {len(things):,}; say \u201cmore\u201d for the next {following}.",
            )
    return items, extra


def list_answer(
    q: Query,
    kind: str,
    text: str,
    things: Sequence[T],
    build: Callable[[T], Item],
    notes: tuple[str, ...] = (),
    *,
    head: tuple[Item, ...] = (),
    subject: Subject | None = None,
) -> Answer:
    """An answer listing `things`, one page of them built (after any `head` items, shown on every page)."""
    items, extra = page_of(q, things, build)
    base = answer_of(
        q,
        kind,
        text,
        [*head, *items],
        notes=extra.get("notes", ()) + notes,
        subject=extra.get("subject", subject),
    )
    return replace(base, total=extra.get("total"), more=extra.get("more"))


def answer_of(
    q: Query,
    kind: str,
    text: str,
    items: list[Item] | tuple[Item, ...] = (),
    *,
    suggestions: tuple[str, ...] = (),
    notes: tuple[str, ...] = (),
    subject: Subject | None = None,
) -> Answer:
    """An Answer. Nothing in it says that plans this audience may not see exist (docs/SCHEMA.md)."""
    return Answer(kind, text, tuple(items), suggestions, notes, subject)


def visible_actions(q: Query, actions: list[Action]) -> list[Action]:
    """The actions this audience may see, in the plan the question names (if it names one)."""
    return [a for a in actions if a.plan not in q.hidden and (not q.plan or a.plan == q.plan)]


def candidate_actions(q: Query, e: Engine) -> list[Action]:
    plans = [q.plan] if q.plan else [p for p in e.kb.plans if p not in q.hidden]
    return [a for p in plans for a in e.kb.plans[p].actions]


def led_by(q: Query, e: Engine, refs: list[str]) -> list[Action]:
    """Visible actions (in the plan named, if any) led by any of these references, in plan order."""
    seen: dict[tuple[str, str], Action] = {}
    for ref in refs:
        for action in e.by_lead.get(ref, []):
            seen.setdefault(action.key, action)
    return visible_actions(q, list(seen.values()))


def lead_refs(q: Query, e: Engine) -> set[str] | None:
    """The lead references a named person or role stands for (the person and the roles they hold)."""
    if q.person:
        return {q.person} | {r.id for r in e.kb.roles_held(q.person)}
    if q.role:
        return {q.role}
    return None


def scoped_by_person(q: Query, e: Engine, actions: list[Action]) -> list[Action]:
    """Narrow to a person or role named in the question, if any."""
    refs = lead_refs(q, e)
    return actions if refs is None else led_by(q, e, sorted(refs))


def scope_words(q: Query, e: Engine) -> str:
    parts = []
    if q.plan:
        parts.append(f" in {d.plan_label(e.kb, q.plan)}")
    if q.person:
        parts.append(f" for {e.kb.people[q.person].name}")
    elif q.role:
        parts.append(f" for {e.kb.name_of(q.role)}")
    return "".join(parts)


def search(
    q: Query, e: Engine, words: list[str] | tuple[str, ...], limit: int = 10, min_cover: float = 0.6
) -> list[Hit]:
    """Topic hits this audience may see, in the plan named (committee records only when no plan is named)."""
    out = []
    for h in _search_variants(e, list(words), min_cover):
        if isinstance(h.doc, Action):
            if h.doc.plan in q.hidden or (q.plan and h.doc.plan not in (q.plans or (q.plan,))):
                continue
        elif q.plan:
            continue
        out.append(h)
    return out[:limit]


def _search_variants(e: Engine, words: list[str], min_cover: float) -> list[Hit]:
    """Hits for the words, and for the words with abbreviations spelled out ("hsb") and everyday words read as the
    records' ("checking the foster carers": their review), best score kept."""
    if not any(w in ABBREVIATIONS or w in SYNONYMS for w in words):
        return e.topics.search(words, limit=40, min_cover=min_cover)
    spelled = [
        x for w in words for x in (content_words(ABBREVIATIONS[w]) if w in ABBREVIATIONS else [SYNONYMS.get(w, w)])
    ]
    known = all(e.topics.correct(w) for w in words if w in ABBREVIATIONS)
    hits = e.topics.search(words, limit=40, min_cover=min_cover) if known else []  # an unknown "iro" would be dropped
    best: dict[int, Hit] = {}
    for h in hits + e.topics.search(spelled, limit=40, min_cover=min_cover):
        if id(h.doc) not in best or h.score > best[id(h.doc)].score:
            best[id(h.doc)] = h
    return sorted(best.values(), key=lambda h: -h.score)


def hit_item(q: Query, e: Engine, hit: Hit) -> Item:
    if isinstance(hit.doc, Action):
        return d.action_item(e.kb, hit.doc, q.today)
    if isinstance(hit.doc, WorkItem):
        return d.work_item(e.kb, hit.doc)
    assert hit.meeting is not None
    return d.agenda_item(e.kb, hit.meeting, hit.doc)


def hit_label(hit: Hit, e: Engine) -> str:
    """A short name for a hit, for "did you mean"."""
    if isinstance(hit.doc, Action):
        return d.action_label(e.kb, hit.doc)
    return hit.doc.title


ONE_THING_NEAR = 0.15  # a lead, date or status asked of a thing: matches this close to the best are shown with it


def topic_search(q: Query, e: Engine, words: list[str] | tuple[str, ...]) -> Answer | None:
    hits = search(q, e, words)
    if not hits:
        return None
    if q.attribute in ("lead", "due", "status"):  # one thing's detail asked: not the partial matches beside it
        hits = [h for h in hits if h.score >= hits[0].score - ONE_THING_NEAR]
    items = [hit_item(q, e, h) for h in hits]
    plural = "es" if len(items) != 1 else ""
    return answer_of(q, "topic", f"{len(items)} match{plural} for \u201c{' '.join(words)}\u201d:", items)


_ASKS_CITY = lazy(r"\bcity\b")
_ASKS_COUNTY = lazy(r"\bcounty\b(?! lines?\b)")


def council_asked(text: str) -> str | None:
    """ "city" or "county" when the question (lower case) names one council and not the other; else None."""
    city, county = bool(_ASKS_CITY.search(text)), bool(_ASKS_COUNTY.search(text))
    return None if city == county else "city" if city else "county"


def of_other_council(asked: str | None, body: str, said: str) -> bool:
    """Whether `body` (a paper's title or an organisation's name) belongs to the council the question did not name,
    and `said` (the words of what was found) does not name the one it did ("how many LADO referrals did the city
    get": not the county's LADO table, nor the county panel's report contact)."""
    body, said = body.lower(), said.lower()
    if asked == "city":
        return body.startswith("nottinghamshire") and "city" not in said
    if asked == "county":
        return body.startswith("nottingham city") and "county" not in said and "nottinghamshire" not in said
    return False


def unsure_of_means(q: Query, people: Sequence[Person], who: str) -> str | None:
    """ "lado phone number? would rather ring than email": when the phone number or email asked for is given for none
    of `people`, the first line says so ("I'm not sure of a number: the papers give no phone number for <who>.");
    None when it is not asked, or is given for one of them."""
    if q.attribute not in ("phone", "email") or any(getattr(p, q.attribute) for p in people):
        return None
    what, means = ("a number", "phone number") if q.attribute == "phone" else ("an email address", "email address")
    return f"I'm not sure of {what}: the papers give no {means} for {who}."
