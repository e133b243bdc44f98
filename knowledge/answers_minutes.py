"""Who presented an item at a meeting, as the minutes of that meeting record it.

"who presented the fostering annual report at the last panel", "who did the inspection gradings item in
October": the meeting is the one asked (a month, a date, or "last"/"previous" counted back from today);
the item is the one whose minuted title holds every distinctive word of the question; the answer quotes the
minutes' own sentence ("Matt Wesson, Service Manager Fostering Services delivered the report ..."). When the
words fit several items, or the meeting has no minutes in the papers, the reply says so and does not guess.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from knowledge import reply as r
from knowledge.answer import Answer, Item
from knowledge.describe import short
from knowledge.models import Source
from knowledge.text import ABBREVIATIONS, content_words, stem

if TYPE_CHECKING:
    from knowledge.engine import Engine
    from knowledge.models import Meeting, Paper, Passage
    from knowledge.query import Query

# "who presented", "who delivered", "who did the ... item", "presented by"
PRESENTED = re.compile(
    r"\bwho (presented|delivered|introduced|gave|did|spoke to|took (the )?(panel|committee|members) through)\b"
    r"|\b(presented|delivered|introduced) by\b"
)
# the minutes' verbs for presenting an item
_PRESENTING = re.compile(
    r"\b(presented|delivered|introduced|highlighted|highlight|outlined|provided an update|updated|gave|took)\b"
)
_MINUTES_PART = re.compile(r"^minutes-(\d{4}-\d{2}-\d{2})$")
_ITEM_HEADING = re.compile(r"^(\d{1,2})\s+(.+)$")
_ASKING = frozenset(
    content_words(
        "who presented present presenting delivered deliver introduced introduce gave give did do spoke took "
        "through last previous latest recent most panel meeting committee board item items paper papers report "
        "update session members the at in on of to for"
    )
    + [m.lower() for m in calendar.month_name[1:]]
    + [m.lower() for m in calendar.month_abbr[1:]]
)
_NAMES_ITEM = re.compile(r"\b(update|report|item|paper|presentation|review)\b")
_OPTIONAL = frozenset({"report", "update", "annual", "item"})


@dataclass(frozen=True)
class _Minuted:
    meeting: dt.date
    paper: Paper
    number: int
    title: str
    passages: tuple[Passage, ...]


def asks_presenter(q: Query) -> bool:
    return bool(PRESENTED.search(q.folded))


def presented(q: Query, e: Engine) -> Answer | None:
    """Who presented an item at a meeting, quoted from that meeting's minutes; None when no item is named."""
    if not asks_presenter(q):
        return None
    words = _item_words(q)
    if not words:
        return None
    minuted = _minuted_items(q, e)
    asked = _meeting_asked(q, e)
    if asked is not None:
        meeting_day, committee_name = asked
        held = [m for m in minuted if m.meeting == meeting_day]
        if not held:  # no minutes of that meeting: nothing in the papers says who presented there
            return r.answer_of(
                q,
                "not-sure",
                f"The papers hold no minutes of the {committee_name} meeting of {meeting_day.day} "
                f"{meeting_day:%B %Y}, so they do not say who presented it.",
            )
        minuted = held
    scored = [(m, _cover(words, m.title)) for m in minuted]
    full = [(m, extra) for m, (missing, extra) in scored if not missing]
    if not full and asked is not None and _NAMES_ITEM.search(q.folded):
        # "the FLAG update at the october panel": a name the item's minutes use, not its title; one item only
        body = [m for m in minuted if not _cover(words, f"{m.title} {' '.join(p.text for p in m.passages)}")[0]]
        full = [(body[0], 0)] if len(body) == 1 else []
    if not full:
        return None
    best = max(extra for _, extra in full)
    top = [m for m, extra in full if extra == best]
    if len(top) > 1:
        names = "; ".join(f"item {m.number}, {m.title} ({m.meeting.day} {m.meeting:%B %Y})" for m in top)
        return r.answer_of(
            q,
            "not-sure",
            f"I'm not sure which item you mean: the minutes hold {len(top)} that fit ({names}). Name the report.",
        )
    return _quote(q, e, top[0])


def _item_words(q: Query) -> set[str]:
    """The question's distinctive words, abbreviations spelled out ("iro": independent reviewing officer)."""
    words = [w for w in content_words(q.raw) if w not in _ASKING and not re.fullmatch(r"\d+(st|nd|rd|th)?", w)]
    return {stem(x) for w in words for x in (content_words(ABBREVIATIONS[w]) if w in ABBREVIATIONS else [w])}


def _cover(words: set[str], title: str) -> tuple[set[str], int]:
    """The question's distinctive words missing from an item's title, and how many of its words it holds."""
    held = {stem(w) for w in content_words(title)}
    need = words - _OPTIONAL
    missing = {w for w in need if w not in held and not any(h.startswith(w) or w.startswith(h) for h in held)}
    return missing, len(words & held)


def _minuted_items(q: Query, e: Engine) -> list[_Minuted]:
    """Every item of every set of minutes in the papers this audience may read, by its heading."""
    out: list[_Minuted] = []
    allowed = _allowed(q, e)
    for paper in e.kb.papers.values():
        if allowed is not None and paper.id not in allowed:
            continue
        for part in paper.parts:
            m = _MINUTES_PART.match(part.id)
            if m is None:
                continue
            day = dt.date.fromisoformat(m.group(1))
            sections: dict[str, list[Passage]] = {}
            for passage in paper.passages:
                if passage.part == part.id and passage.section:
                    sections.setdefault(passage.section, []).append(passage)
            for section, passages in sections.items():
                heading = _ITEM_HEADING.match(section)
                if heading:
                    out.append(_Minuted(day, paper, int(heading.group(1)), heading.group(2), tuple(passages)))
    return out


def _allowed(q: Query, e: Engine) -> set[str] | None:
    from knowledge.answers_papers import allowed_papers

    return allowed_papers(q, e)


def _meeting_asked(q: Query, e: Engine) -> tuple[dt.date, str] | None:
    """The meeting the question names: "the last panel" (the latest held before today), or one in a month."""
    meetings: list[tuple[Meeting, str]] = [
        (m, c.name) for c in e.kb.committees.values() if q.committee is None or c.id == q.committee for m in c.meetings
    ]
    if re.search(r"\b(last|previous|latest|most recent)\b (\w+ )?(panel|meeting|committee|board)\b", q.folded):
        held = [(m, name) for m, name in meetings if m.date < q.today]
        if not held:
            return None
        m, name = max(held, key=lambda pair: pair[0].date)
        return m.date, name
    if q.month is not None and q.window is not None:
        inside = [(m, name) for m, name in meetings if q.window.start <= m.date <= q.window.end]
        if not inside and q.window.end >= q.today:  # "in october" asked in November means the one just gone
            year = q.window.start.year - 1
            inside = [(m, name) for m, name in meetings if m.date.year == year and m.date.month == q.month]
        if len(inside) == 1:
            return inside[0][0].date, inside[0][1]
    return None


def _quote(q: Query, e: Engine, item: _Minuted) -> Answer | None:
    from knowledge.passages import sentences  # bm25s and numpy: only when a presenter is asked for

    said = next(
        (s for p in item.passages for s in sentences(p.text) if _PRESENTING.search(s)),
        None,
    )
    if said is None:
        return None
    first = next(p for p in item.passages if said in sentences(p.text))
    where = f"{item.meeting.day} {item.meeting:%B %Y}"
    text = f"At the meeting of {where}, item {item.number} ({item.title}), the minutes say: \u201c{said}\u201d"
    shown = Item(
        "passage",
        item.paper.cite(first),
        (f"\u201c{said}\u201d",),
        {"paper": item.paper.id, "passage": first.id},
        Source(item.paper.seed, short(said, 120), first.location),
    )
    return r.answer_of(q, "passage", text, [shown])
