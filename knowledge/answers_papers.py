"""Answers from the words of the records and the papers: topic search, narrative passages, and the
honest "not sure" when nothing answers well enough."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from knowledge import reply as r
from knowledge.answer import Answer, Item
from knowledge.describe import short
from knowledge.models import Source

if TYPE_CHECKING:
    from knowledge.engine import Engine
    from knowledge.query import Query

# "who is the LADO", "who are Lime Culture" (not "who is sponsoring ...": that asks about a record's field)
ASKS_WHO = re.compile(r"^(whos|who s|who is|who are)\s+(?!\w+ing\b)")
TOPIC_FLOOR = 0.75  # share of the question's word weight a record must cover when the question asks for a topic
FALLBACK_FLOOR = 0.9  # ... and when nothing in the question says what is asked


def topic(q: Query, e: Engine) -> Answer | None:
    """ "actions on harmful sexual behaviour": records whose words cover the question's."""
    if not q.topic_words:
        return None
    hits = r.search(q, e, q.topic_words)
    if not hits or hits[0].score < TOPIC_FLOOR:
        return None
    return r.topic_search(q, e, q.topic_words)


def narrative(q: Query, e: Engine) -> Answer | None:
    """A question whose answer is a sentence in the papers: the best passage, quoted, with its source.

    When no passage answers, say so plainly (and offer the nearest passages' places), never a guess.
    """
    found = e.passage_answer(q)
    if found is not None or e.passage_index is None:
        return found
    hits = e.passage_index.search(q.raw, limit=3, papers=allowed_papers(q, e))
    places = tuple(f"{h.cite()}" for h in hits[:2])
    return r.answer_of(
        q,
        "not-sure",
        "I could not find a passage in the papers that answers that, so I won't guess.",
        notes=(("The nearest passages are in: " + "; ".join(places) + ".") if places else "",)[: 1 if places else 0],
    )


def allowed_papers(q: Query, e: Engine) -> set[str] | None:
    """The papers this audience may read: not the source document of a plan it may not see."""
    if not q.hidden:
        return None
    hidden_seeds = {e.kb.plans[p].source.seed for p in q.hidden}
    return {pid for pid, paper in e.kb.papers.items() if paper.seed not in hidden_seeds}


def passage_answer(q: Query, e: Engine, strict: bool = False) -> Answer | None:
    """The passage that answers the question, quoted with its document and place; None when none does."""
    index = e.passage_index
    if index is None:
        return None
    from knowledge.passages import plain

    hits = index.search(q.raw, limit=3, papers=allowed_papers(q, e))
    answering = [h for h in hits if h.answers]
    if not answering:
        return None
    best = answering[0]
    if strict and best.coverage < _strict_floor(q):
        return None
    quoted = {p.id for p in best.quoted}
    shown = [best] + [
        h
        for h in answering[1:2]
        if h.score >= best.score * 0.9 and not quoted & {p.id for p in h.quoted} and h.fit >= best.fit
    ]
    # each paragraph quoted (a paragraph stored as several passages is quoted whole, or by its sentences
    # that match, elided with "…"), with its own place
    items = [
        Item(
            "passage",
            hit.paper.cite(passage),
            (f"\u201c{excerpt}\u201d",),
            {"paper": hit.paper.id, "passage": passage.id},
            Source(hit.paper.seed, short(plain(passage.text), 120), passage.location),
        )
        for hit in shown
        for passage, excerpt in hit.excerpt
    ]
    text = f"The papers say ({best.paper.cite(best.excerpt[0][0]) if best.excerpt else best.cite()}):"
    return r.answer_of(q, "passage", text, items)


STRICT_COVER = 0.85  # a passage offered when nothing else answered must hold this share of the question
STRICT_TYPED_COVER = 0.75  # ... or this, when the question asks for a date and the passage gives one


def _strict_floor(q: Query) -> float:
    """ "when was the contact form launched": a question that names the kind of fact it wants, answered by a
    passage holding that kind of fact, needs a little less of its wording matched than a bare topic does."""
    from knowledge.passages import answer_kind

    return STRICT_TYPED_COVER if answer_kind(q.raw) == "date" else STRICT_COVER


NEAR_COVER = 0.4  # a record offered as "closest" must hold this share of the question's word weight


def not_sure(q: Query, e: Engine) -> Answer:
    """Below the confidence floor: say so, and offer the closest things that can be answered for this question.

    The offers come from the question's own words: the nearest actions or reports, a person whose name it
    uses, and the nearest passages of the papers - each only from what this audience may see (the
    search drops hidden plans; passages come only from papers it may read). The fixed examples are
    offered only when nothing is near.
    """
    offers: list[str] = []
    if q.topic_words:
        for hit in r.search(q, e, q.topic_words, limit=3, min_cover=NEAR_COVER)[:3]:
            offers.append(f"about {r.hit_label(hit, e)}")
    offers += [e.kb.people[p].name for p in e.names.suggest_people(q.raw, limit=2) if _looks_named(q, e, p)]
    notes = []
    places = _near_passages(q, e) if q.topic_words else []
    if places:
        notes.append("The nearest passages of the papers are in: " + "; ".join(places) + ".")
    from knowledge.registry import examples

    fill = [x for x in examples() if x not in offers]
    suggestions = tuple(dict.fromkeys(offers))[:3] or (() if places else tuple(fill[:3]))
    text = "I'm not sure what you're asking, and I won't guess."
    if offers or places:
        text += " The closest things I can answer are below."
    notes.append("Say `help` for the questions I can answer, or name an action, a plan, a person or a meeting.")
    return r.answer_of(q, "not-sure", text, suggestions=suggestions, notes=tuple(notes))


def _near_passages(q: Query, e: Engine, limit: int = 2) -> list[str]:
    """Where the passages nearest the question's words are (in papers this audience may read)."""
    index = e.passage_index
    if index is None:
        return []
    hits = index.search(q.raw, limit=limit, papers=allowed_papers(q, e))
    return list(dict.fromkeys(short(h.cite(), 160) for h in hits))[:limit]


def _looks_named(q: Query, e: Engine, pid: str) -> bool:
    """Only offer a person when the question uses a word of their name (not as part of a place: "county hall")."""
    name_words = set(e.kb.people[pid].name.lower().split())
    tokens = q.folded.split()
    return bool(name_words & (set(tokens) - e.names.place_words_in(tokens)))


def fallback(q: Query, e: Engine) -> Answer:
    """No intent answered: a named person or role, a record that matches closely, a passage, or "not sure"."""
    from knowledge.answers_people import person_portfolio, role_portfolio, title_holders, which_person

    which = which_person(q, e, "who is {name}")
    if which is not None:
        return which
    if q.person:
        return person_portfolio(q, e, q.person, introduce=True)
    if q.role:
        return role_portfolio(q, e, q.role)
    holders = title_holders(q, e)
    if holders is not None:
        return holders
    if q.topic_words:
        hits = r.search(q, e, q.topic_words)
        floor = FALLBACK_FLOOR if q.confidence < 0.5 else TOPIC_FLOOR  # a cue said what is asked: a lower floor
        # "who is the LADO", "who are Lime Culture": a person or body is asked for, and a list of actions that
        # merely use the words is not an answer to that
        if hits and hits[0].score >= floor and len(q.topic_words) <= 4 and not ASKS_WHO.match(q.folded):
            found = r.topic_search(q, e, q.topic_words)
            if found is not None:
                return found
        passage = e.passage_answer(q, strict=True)
        if passage is not None and (not ASKS_WHO_HOLDS.match(q.folded) or _names_a_person(e, passage)):
            return passage
    return not_sure(q, e)


# "who is the cabinet member for ...", "who's the LADO for the city": a post's holder is asked for
ASKS_WHO_HOLDS = re.compile(r"^(whos|who s|who is) the\b")


def _names_a_person(e: Engine, answer: Answer) -> bool:
    """Whether the passage quoted names someone the knowledge base knows (a post's holder, not the post alone)."""
    from knowledge.text import fold

    said = f" {fold(' '.join(line for item in answer.items[:1] for line in item.lines))} "
    return any(f" {fold(p.name)} " in said for p in e.kb.people.values())
