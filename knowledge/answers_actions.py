"""Answers about actions: by id, lead, timescale, status, overdue, due soon, stale, history and counts."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from itertools import takewhile
from typing import TYPE_CHECKING

from knowledge import describe as d
from knowledge import facts
from knowledge import reply as r
from knowledge.answer import Answer, Item, Subject
from knowledge.dates import between, long_day
from knowledge.lazyre import lazy
from knowledge.models import Action, KnowledgeBase, Milestone, Update, WorkItem
from knowledge.passages import WANTS_DAY
from knowledge.query import HOW_OFTEN, PLAN_NAMED
from knowledge.registry import OUTCOME
from knowledge.text import content_words, fold, written_names

if TYPE_CHECKING:
    from knowledge import status as st
    from knowledge.dates import DateSpec
    from knowledge.engine import Engine
    from knowledge.query import Query

DUE_SOON_DAYS = 30
HEADS = {"lead": "Lead", "due": "Timescale", "status": "Status", "measure": "Measure"}


# "owner + timescale", "lead and due date", "who leads it and when is it due": both asked, the action's summary
_BOTH = lazy(r"\b(?:and|plus|with)\b|[+&/]")


# "..., has the look back over two years of inspections been done, and ...": a clause asking whether it is done
_DONE_CLAUSE = lazy(r"\b(?:has|have|is|was|did)\b (?:\w+ ){0,14}?(?:been |got |gotten )?(?:done|completed|finished)\b")
# "who + by when", "who and when": "who" asked as a clause of its own
_WHO_CLAUSE = lazy(r"(?:^|[\s,;(-])who\s*(?:[+&/,]|and\b)|(?:[+&/]|\band)\s*who\s*(?:\?|$)")
_RAG_ASKED = lazy(r"\brag\b|\bred,? amber\b|\bamber or green\b")


def detail_of(q: Query) -> str:
    if q.has("measure"):  # "tce 14 - how is progress measured": the plan's measure, not the status the word "progress"
        return "measure"
    # two of lead, date and status asked together ("who + by when", "has it been done, and who owns that action"):
    # the summary, which gives all three
    asked_together = {n for n in ("lead", "due") if q.has(n) or q.attribute == n}
    if asks_if_done(q) or _DONE_CLAUSE.search(q.folded):  # "has it been done" (not "how's it split")
        asked_together.add("status")
    if _WHO_CLAUSE.search(q.lower):
        asked_together.add("lead")
    if len(asked_together) > 1 and _BOTH.search(q.folded if "+" not in q.lower and "&" not in q.lower else q.lower):
        return "summary"
    if q.attribute in ("lead", "due", "status"):
        return q.attribute
    if q.attribute == "time" and q.has("due") and q.committee is None:  # "when does the review start": its dates
        return "due"
    if q.has("lead") and re.match(r"\s*who", q.folded):  # "who's got the review of former staff members"
        return "lead"
    asked = [name for name in ("lead", "due", "status") if q.has(name)]
    if q.attribute is None and len(asked) == 1:  # "has the template been developed": its status
        return asked[0]
    return "summary"


def about_actions(q: Query, e: Engine) -> Answer | None:
    """The actions the question names by id: each one found, per plan where an id is in several."""
    if not q.action_ids or q.has("contact") or q.has("agenda"):
        return None
    if q.has("overdue") and q.attribute not in ("lead", "recommendations"):
        return None  # "is 7b late (as of March)": the overdue answer, as of the day asked, says why or why not
    if q.window is not None and q.has("due-soon") and _WHAT_DUE.search(q.folded):
        return None  # "action 10 - what's due from it next month": its steps due then (the due-soon answer)
    detail = detail_of(q)
    matched: list[Action] = []
    missing: list[str] = []
    plans_named: set[str] = set()
    for key in q.action_ids:
        found = r.visible_actions(q, e.ids.find(key, q.plan))
        family = r.visible_actions(q, e.ids.family(key, q.plan))
        if not found and family:
            found = family
        elif found and family and not q.plan:
            found = found + family
        if not found:
            missing.append(key)
            continue
        plans_named.update(a.plan for a in found)
        matched += found
    if not matched:
        return no_action(q, e, missing)
    if q.attribute == "recommendations" and len(matched) <= r.PAGE:
        return _recommendation_of(q, e, matched)
    if (uncounted := _uncounted(q, e, matched)) is not None:
        return uncounted
    if len(matched) == 1 and detail in ("due", "lead", "status") and (step := _step_named(q, e, matched[0])):
        return about_milestones(q, e, step, detail)
    if len(matched) > r.PAGE:  # an id in many plans: one page at a time, and name the plan to narrow it
        text = (
            f"Action {', '.join(q.action_ids)} appears in {len(plans_named)} plans; name the plan to narrow it. "
            f"{HEADS.get(detail, 'Action')} of each:"
        )
        return r.list_answer(
            q,
            detail if detail != "summary" else "action",
            text,
            matched,
            lambda a: d.action_item(e.kb, a, q.today, detail),
        )
    items = [d.action_item(e.kb, a, q.today, detail) for a in matched]
    head = HEADS.get(detail, "Action")
    if len(plans_named) > 1:
        text = (
            f"Action {', '.join(q.action_ids)} appears in {len(plans_named)} plans: "
            f"{', '.join(d.plan_label(e.kb, p) for p in sorted(plans_named))}. "
            "Here is each; name the plan to narrow it."
        )
    elif len(items) == 1 and detail == "summary":
        text = _summary_line(items[0])
        if _asks_findings(q):  # "what did the evaluation (row 5) find": an action row records no findings
            text = f"The plans do not say what it found; they record only the action. {text}"
    elif len(items) == 1 and (unsure := unrecorded_done(q, e, matched[0], detail)) is not None:
        subject = Subject.action(*items[0].ref) if items[0].ref else None
        return r.answer_of(q, "not-sure", unsure, items, subject=subject)
    elif len(items) == 1:
        text = f"{head} of {items[0].title}: " + _headline(items[0], detail)
    else:
        text = f"{head} of {len(items)} actions:"
    if len(items) == 1 and _RAG_ASKED.search(q.folded):  # the plans give no RAG rating: say so before the status
        rag = items[0].fields["rag"]
        text = (
            f"The plan records no RAG rating for {items[0].title}; from its dates and evidence I would show it "
            f"{rag}. {text}"
        )
    notes = tuple(f"No action {k} in any plan." for k in missing) + later_dates(q, e, matched, detail)
    subject = Subject.action(*items[0].ref) if len(items) == 1 and items[0].ref else None
    return r.answer_of(q, detail if detail != "summary" else "action", text, items, notes=notes, subject=subject)


_WHAT_DUE = lazy(r"\b(?:what(?: s| is|s)?|anything|owt) (?:\w+ ){0,2}(?:due|coming up|falls due|needs doing)\b")
_FINDINGS = lazy(r"\bwhat did\b.*\b(find|found|conclude|show|recommend|say)\b|\bfindings?\b|\bconclusions?\b")


def _asks_findings(q: Query) -> bool:
    """What a review or evaluation found: the plan's row says what will be done, never what it found."""
    return bool(_FINDINGS.search(q.folded))


def _recommendation_of(q: Query, e: Engine, actions: list[Action]) -> Answer:
    """ "which recommendation is 7a responding to": the finding or recommendation the plan sets the action against,
    as written, or that the plan records none."""
    said = []
    for a in actions:
        label = d.action_label(e.kb, a)
        if a.recommendation:
            said.append(f"{label} responds to \u201c{a.recommendation}\u201d.")
        else:
            said.append(f"The plan records no recommendation or finding against {label}.")
    items = [d.action_item(e.kb, a, q.today) for a in actions]
    subject = Subject.action(*actions[0].key) if len(actions) == 1 else None
    kind = "action" if any(a.recommendation for a in actions) else "not-sure"
    return r.answer_of(q, kind, " ".join(said), items, subject=subject)


def _summary_line(item: Item) -> str:
    """ "county plan, Action 11: lead Marjorie Toward; its milestone is due January 2020; status ..."."""
    f = item.fields
    due = f.get("due_words") or (f"due {f['due']}" if f["due"] else "no due date stated")
    if not f["due"] and f["timescale"]:  # TCE9: "6 months", from no stated day
        due += f" (timescale \u201c{f['timescale']}\u201d)"
    if f.get("steps_after"):
        due += f"; {f['steps_after']}"
    return f"{item.title}: lead {f['lead']}; {due}; {f['status']}."


def _headline(item: Item, detail: str) -> str:
    if detail == "measure":
        said = item.fields.get("measure")
        return (
            f"the plan measures progress by \u201c{said}\u201d."
            if said
            else "the plan does not say how progress is measured."
        )
    if detail == "lead":
        return item.fields["lead"] + "."
    if detail == "due":
        due = item.fields["due"]
        ts = item.fields["timescale"]
        if not due and item.fields.get("due_words", "no due date stated") == "no due date stated":  # nothing dated
            return "the plan gives no due date for it" + (
                f"; its timescale is written \u201c{ts}\u201d." if ts else "."
            )
        core = item.fields.get("due_words") or f"due {due}"
        after = item.fields.get("steps_after")
        return (f"{core} ({ts})" if ts else core) + (f"; {after}." if after else ".")
    if item.fields["status"] == d.STATUS_WORDS["not-stated"] and item.fields.get("no_progress"):
        ts = item.fields.get("timescale")
        return "not stated: the plan records no status, update or completed milestone for it" + (
            f" (timescale \u201c{ts}\u201d)." if ts else "."
        )
    return item.fields["status"] + "."


def no_action(q: Query, e: Engine, missing: list[str]) -> Answer:
    key = missing[0] if missing else "?"
    scope = f" in {d.plan_label(e.kb, q.plan)}" if q.plan else " in any plan"
    near = [k for k in e.ids.near(key) if r.visible_actions(q, e.ids.find(k, q.plan))]
    suggestions = tuple(f"action {k}" for k in near[:5])
    return r.answer_of(q, "not-found", f"There is no action {key}{scope}.", suggestions=suggestions)


def history(q: Query, e: Engine) -> Answer | None:
    if not (q.action_ids or q.subject):
        return None
    actions = [a for k in q.action_ids for a in r.visible_actions(q, e.ids.find(k, q.plan))] or subject_actions(q, e)
    if not actions:
        return no_action(q, e, list(q.action_ids))
    items = []
    for a in actions:
        lines = [_history_line(e.kb, u) for u in a.updates] or ["No updates recorded."]
        items.append(
            Item("history", d.action_label(e.kb, a), tuple(lines), {"plan": a.plan, "action": a.id}, a.source, a.key)
        )
    return r.answer_of(q, "history", f"History of {items[0].title}:" if len(items) == 1 else "History:", items)


def subject_actions(q: Query, e: Engine) -> list[Action]:
    if q.subject and q.subject.kind == "action" and q.subject.keys[0] in e.kb.plans:
        plan = e.kb.plans[q.subject.keys[0]]
        try:
            return r.visible_actions(q, [plan.action(q.subject.keys[1])])
        except KeyError:
            return []
    return []


def about_topic(q: Query, e: Engine) -> Answer | None:
    """Lead / due / status of something named by words: an action, a report, a work item."""
    from knowledge.answers_committee import about_agenda_item, about_work

    detail = detail_of(q)
    if detail == "lead":
        from knowledge.answers_people import names_a_post, post_holder

        if names_a_post(q):  # "who is the lead member for ...": a post, not the lead of an action
            return post_holder(q, e)
    words = q.topic_words
    if detail == "status":  # "is the staff review done": how far it has got, not what it is
        words = tuple(w for w in words if w != "done")
    if words and q.people and not _beyond_names(q, e, words):
        return None  # "what is marjorie toward responsible for": the person's work, not a record holding "toward"
    if not words and q.pronoun:
        return follow_up(q, e, detail)
    if not words:
        return None
    hits = r.search(q, e, words, min_cover=0.4)
    if q.people and detail == "status":
        # "has paul johnson's survivor services action been done": the words beside the name, among what they lead
        led = {a.key for pid, _ in q.people for a in e.by_lead.get(pid, ())}
        mine = [h for h in r.search(q, e, _beyond_names(q, e, words), min_cover=0.4) if _key(h.doc) in led]
        if mine:
            hits, words = mine, _beyond_names(q, e, words)
    if not hits:
        return None
    best = hits[0]
    upcoming = [
        h
        for h in hits
        if isinstance(h.doc, WorkItem) and h.doc.meeting and h.doc.meeting >= q.today and h.score >= best.score - 0.1
    ]
    if upcoming and not isinstance(best.doc, Action):
        best = upcoming[0]  # a report still to come, over a same-named line in older minutes
    tied = [h for h in hits if isinstance(h.doc, Action) and h.score >= best.score - 0.05]
    if tied and not isinstance(best.doc, Action) and _asks_of_an_action(q, detail):
        best = tied[0]  # "the foster carer one - who's leading it": actions have leads and states, reports do not
    close = [h for h in hits if h.score >= best.score - 0.05]
    if isinstance(best.doc, Action):  # (the actions among the close hits, however many reports rank beside them)
        close = [h for h in close if isinstance(h.doc, Action)]
    close = close[:5]
    clear = best.score >= 0.75 or (best.score >= 0.5 and (len(hits) == 1 or best.score - hits[1].score >= 0.15))
    weight = e.topics.question_weights(list(words))
    own = _own_words_one(e, hits, best, weight)
    if own is not None and not (clear and own is best):
        best, close, clear = own, [own], own.score >= 0.5
    if clear and isinstance(best.doc, Action) and best.score < 0.75 and not _holds_the_words(e, best.doc, weight):
        clear = False  # matched only on its recommendation's words, not on what the action or a milestone says
    if isinstance(best.doc, Action) and _unknown_thing(q, e, words, best.doc):
        return None  # "who pays the reviewer's salary": a thing no record mentions, so not sure
    if isinstance(best.doc, Action) and not _holds_phrase(q, e, best.doc):
        return None  # "the county lines work" is not an action that says "strap line": not sure, never that one
    if isinstance(best.doc, Action) and not _holds_names(q, e, best.doc):
        return None  # "what's My Futures - whose is it": not an action on "the future of the Historical Abuse Team"
    near = [h.doc for h in hits[:5] if isinstance(h.doc, Action) and h.score >= best.score - MILESTONE_NEAR]
    steps = named_milestones(q, e, near, weight)
    if _steps_tie(q, e, steps) and isinstance(best.doc, Action):
        return _which_step(q, e, steps, detail)  # the words fit several steps of one action equally: not sure which
    if steps and (steps[0][2] >= 0.75 or clear) and (isinstance(best.doc, Action) or steps[0][2] >= best.score):
        return about_milestones(q, e, steps, detail)
    if not clear and len(steps) > 1 and len({a.key for a, _, _ in steps}) == 1 and isinstance(best.doc, Action):
        return _which_step(q, e, steps, detail)
    if not clear:
        return None
    if isinstance(best.doc, Action):
        found = about_found_actions(q, e, [h.doc for h in close if isinstance(h.doc, Action)], detail)
        if best.score < 0.75:
            note = f"I took your words to mean {r.hit_label(best, e)}; name the action if you meant another."
            return replace(found, notes=(note, *found.notes))
        return found
    if isinstance(best.doc, WorkItem):
        return about_work(q, e, best.doc, detail)
    return about_agenda_item(q, e, best.doc, best.meeting, detail)


_ACTION_LEAD = lazy(r"\b(lead|leads|leading|led|owns|owner|responsible|accountable|answerable|in charge)\b")


def _asks_of_an_action(q: Query, detail: str) -> bool:
    """Whether the detail asked is one only an action carries: its lead (put as leading, owning, responsible for),
    or its status; a report's presenter or a work item's sponsor is asked otherwise. "The X one" is one of the
    actions, whatever is asked of it."""
    if detail == "due" and _THE_ONE.search(q.folded):  # "when is the foster carer one due": one of the actions
        return True
    return detail == "status" or (detail == "lead" and bool(_ACTION_LEAD.search(q.folded)))


_THE_ONE = lazy(r"\bthe (\w+ ){1,4}one\b")


MILESTONE_COVER = 0.5  # share of the question's weight a milestone must hold to be the thing asked about
THING_COVER = 0.2  # ... or this share, when it is the kind of thing asked about ("report") and the best fit is not
MILESTONE_MARGIN = 0.15  # ... and by how much more than its action's own text does
MILESTONE_NEAR = 0.15  # actions scoring this close to the best match are weighed (their own text and milestones)
MILESTONE_CLOSE = 0.25  # milestones this close to the best are shown with it (the question fits each)


def _steps_tie(q: Query, e: Engine, steps: list[tuple[Action, Milestone, float]]) -> bool:
    """Whether the best two steps are of one action and hold the question's words equally, by weight and by count
    ("has the reviewer got their post": three steps name the reviewer, none the post)."""
    if len(steps) < 2 or len({a.key for a, _, _ in steps[:2]}) != 1 or abs(steps[0][2] - steps[1][2]) >= 0.01:
        return False
    action = steps[0][0]
    hits = e.topics.step_word_hits(action, list(q.topic_words))
    first, second = (action.milestones.index(m) for _, m, _ in steps[:2])
    return hits[first] == hits[second]


def _own_words_one(e: Engine, hits: list, best, weight: dict[str, float]) -> object | None:
    """Of close action hits, the one whose own text (not its recommendation or milestones) holds clearly more of
    the question than any other's: "the city's harmful sexual behaviour review" is the evaluation (7a), not the
    action that implements "the above review" (7c)."""
    if not isinstance(best.doc, Action):
        return None
    near = [h for h in hits if isinstance(h.doc, Action) and h.score >= best.score - 0.1][:5]
    if len(near) < 2:
        return None
    owns = sorted(((e.topics.milestone_covers(h.doc, weight)[1], n) for n, h in enumerate(near)), reverse=True)
    (top, n), (second, _) = owns[0], owns[1]
    return near[n] if top >= 0.5 and top - second >= 0.3 else None


# words that put a question about work in time or progress, not a thing it is about
_ASKING_VERBS = frozenset(
    {"start", "starts", "ready", "kick", "happen", "happens", "pick", "told", "done", "should", "side", "yet", "back",
     "look", "after", "through", "long", "finish", "going", "getting", "meant", "actually", "still", "now", "ever",
     "anyone", "someone", "anybody", "somebody", "sorted", "sort", "bit", "piece", "thing", "stuff", "lot", "coming",
     "upcoming", "anything", "everything", "nothing", "late", "overdue", "soon", "many", "often", "before", "time",
     "over", "came", "come", "more", "much", "every", "until", "between", "went", "gone", "didn", "slip", "fell",
     "without", "must", "wrap", "begun", "horizon", "round", "forward", "mention", "cover", "hold", "whole", "their",
     "period", "answer", "history", "milestone", "role", "title", "total", "need", "needs", "supposed", "expected",
     "plan", "whose", "this", "that", "these", "those", "ones", "currently", "today", "tomorrow", "yesterday", "left",
     "remaining", "outstanding", "land", "lands", "landing", "falling", "warn", "warning", "written", "wrote",
     "contacted", "notified"}
)  # fmt: skip


def _unknown_thing(q: Query, e: Engine, words: tuple[str, ...], found: Action | None = None) -> bool:
    """Whether the question names a thing no record's words know (not a typo of one, nor an abbreviation or a
    word that only puts the question): answering the nearest record would answer another question. An acronym
    written in capitals ("SAIG") is let be: the records may spell it out."""

    return bool(unknown_words(q, e, words, found))


def unknown_words(q: Query, e: Engine, words: tuple[str, ...], found: Action | None = None) -> list[str]:
    """The words of `words` that name something no record's words know (see _unknown_thing). With `found` (the
    action the words were matched to), a word whose adverb that action writes is known ("joint": "to be jointly
    developed"), there only."""
    from knowledge.text import ABBREVIATIONS, SYNONYMS, content_words, edit_distance

    capitals = {w.lower() for w in re.findall(r"\b[A-Z]{2,}s?\b", q.raw)}
    names = {
        w for pid, _ in q.people for n in (e.kb.people[pid].name, *e.kb.people[pid].aliases) for w in content_words(n)
    }
    names |= {w for rid, _ in q.roles for w in content_words(e.kb.roles[rid].title)}
    people_words = e.names.forenames.keys() | e.names.surnames.keys()
    found_words: set[str] | None = None  # the matched action's words, folded when first needed
    out = []
    for word in words:
        if word in capitals or word in names or word in people_words:
            continue
        if any(edit_distance(word, n) <= 2 for n in names):  # a name misspelt ("roseter")
            continue
        if word in ABBREVIATIONS or word in SYNONYMS or word in _ASKING_VERBS or len(word) < 4:
            continue
        if word.endswith(("ing", "ed")):  # how a thing is going, not what it is
            continue
        if _derived_from_known(e, word):  # "confirmation": the records say "confirms"
            continue
        if found is not None:
            found_words = _words_of(found) if found_words is None else found_words
            if f"{word}ly" in found_words:
                continue
        known = e.topics.correct(word)
        if known is None or edit_distance(word, known) > (1 if len(word) < 8 else 2):  # "dental" is not "deal"
            out.append(word)
    return out


def _words_of(action: Action) -> set[str]:
    """The words of an action's text and milestones, lower case."""
    return set(fold(" ".join((action.text, *(m.text for m in action.milestones)))).split())


_DERIVED_ENDINGS = ("ation", "ition", "ion", "ment")


def _derived_from_known(e: Engine, word: str) -> bool:
    """Whether `word` is a noun made from a word the records use ("confirmation" of "confirm", "appointment" of
    "appoint", "completion" of "complete")."""
    for end in _DERIVED_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 4:
            base = word[: -len(end)]
            if e.topics.has_word(base) or e.topics.has_word(base + "e"):
                return True
    return False


def _key(doc: object) -> tuple[str, str] | None:
    return doc.key if isinstance(doc, Action) else None


def _beyond_names(q: Query, e: Engine, words: tuple[str, ...]) -> tuple[str, ...]:
    """The topic words that are not words of the names of the people the question names."""
    names = {
        w for pid, _ in q.people for n in (e.kb.people[pid].name, *e.kb.people[pid].aliases) for w in content_words(n)
    }
    return tuple(w for w in words if w not in names)


def _holds_phrase(q: Query, e: Engine, action: Action) -> bool:
    """Whether the action (its text or one milestone) holds every word of a phrase the question uses that the plans
    use too, where a word of it would otherwise name a plan ("county lines")."""
    from knowledge.query import kept_phrases

    phrase = kept_phrases(e, q.raw, q.plan) if q.plan else []
    if not phrase:
        return True
    # a word that names a plan ("assessment") is not in the topic index: read the action's own words for it
    if set(phrase) <= set(content_words(" ".join((action.text, *(m.text for m in action.milestones))))):
        return True
    covers, own = e.topics.milestone_covers(action, {w: 1.0 for w in phrase})
    return max([own, *covers]) >= 1.0


def _holds_names(q: Query, e: Engine, action: Action) -> bool:
    """Whether the action (its text, milestones or updates) holds each name the question writes in capitals that is
    not a person's, a plan's or a committee's ("My Futures"; not "Pam Rosseter", "County Plan")."""
    names = [n for n in written_names(q.raw) if not e.names.people_in(fold(n), n) and not _names_a_body(e, fold(n))]
    if not names:
        return True
    said = fold(" ".join((action.text, *(m.text for m in action.milestones), *(u.text for u in action.updates))))
    return all(fold(n) in said for n in names)


def _names_a_body(e: Engine, name: str) -> bool:
    """Whether a folded name is (part of) a plan's or a committee's title."""
    titles = e.__dict__.get("_body_titles")  # folded once per engine, not on every question writing a name
    if titles is None:
        titles = e.__dict__["_body_titles"] = tuple(
            [fold(p.title) for p in e.kb.plans.values()] + [fold(c.name) for c in e.kb.committees.values()]
        )
    return any(name in t for t in titles) or any(w in ("plan", "panel", "committee", "board") for w in name.split())


def _holds_the_words(e: Engine, action: Action, weight: dict[str, float]) -> bool:
    covers, own = e.topics.milestone_covers(action, weight)
    return max([own, *covers]) >= 0.4


FULL_COVER = 0.999


def _whole_steps(e: Engine, actions: list[Action], weight: dict[str, float]) -> list[tuple[Action, Milestone, float]]:
    """Steps holding every word of the question that says what it is about (not how it is put: "should", "every"),
    when no action's own text does: "by when should all the council children's homes have had a member visit" is
    County Action 5's December step, not its own September date."""
    core = {w: v for w, v in weight.items() if w not in _ASKING_VERBS}
    if not core or len(core) == len(weight):  # no word only puts the question: the caller has looked already
        return []
    found, best_own = [], 0.0
    for action in actions:
        covers, own = e.topics.milestone_covers(action, core)
        best_own = max(best_own, own)
        found += [(action, m, c) for m, c in zip(action.milestones, covers, strict=False) if c >= FULL_COVER]
    return found if best_own < FULL_COVER else []


def _how_often_steps(q: Query, actions: list[Action]) -> list[tuple[Action, Milestone, float]]:
    """ "how often is the committee meant to get the oversight report (county a4)": the step of the action asked
    about that says how often (County Action 4's report "at 6 monthly intervals")."""
    if len(actions) != 1 or not HOW_OFTEN.match(q.folded):
        return []
    return [(actions[0], m, 1.0) for m in actions[0].milestones if FREQUENCY.search(m.text)][:3]


FREQUENCY = lazy(
    r"(?i)\b(?:\d+|two|three|four|six|twelve)[ -]?monthly\b|\b(?:monthly|quarterly|annually|weekly|fortnightly|"
    r"bi-?monthly|biannually)\b|\bevery (?:\w+ )?(?:week|month|year|quarter|meeting)s?\b|\btimes a (?:year|month)\b|"
    r"\bintervals\b"
)


def named_milestones(
    q: Query, e: Engine, actions: list[Action], weight: dict[str, float]
) -> list[tuple[Action, Milestone, float]]:
    """The milestones the question names by their words ("when does the independent reviewer start"), best first.

    A milestone counts when it holds most of the question's weight and clearly more than any matched
    action's own text: a question about an action itself gets the action. A month the question names
    ("the July 2020 report") keeps the milestones of that month, when there are any.
    """
    found = []
    best_own = 0.0
    for action in actions:
        covers, own = e.topics.milestone_covers(action, weight)
        best_own = max(best_own, own)
        found += [(action, m, c) for m, c in zip(action.milestones, covers, strict=False) if c >= THING_COVER]
    things = _the_thing_named(q, found)
    narrowed = len(things) < len(found)
    found = [t for t in found if t[2] >= MILESTONE_COVER]
    whole = [t for t in found if t[2] >= FULL_COVER] if best_own < FULL_COVER else []
    found = (
        (things if narrowed else [])
        or [t for t in found if t[2] >= best_own + MILESTONE_MARGIN]
        or whole
        or _whole_steps(e, actions, weight)
        or _how_often_steps(q, actions)
    )
    if not found and actions:  # a milestone holding the words the best action's own text lacks
        found = _completing_steps(e, actions[0], weight)
    if not found and actions and _STEP_ASKED.search(q.folded):
        # "county governance review - when does the report go to CYP committee": "report" and "committee" are no
        # topic words, yet of Action 6's steps only one is a report to a committee
        i = e.topics.step_holding(actions[0], content_words(q.folded), weight)
        if i is not None:
            found = [(actions[0], actions[0].milestones[i], 0.0)]
    if q.month is not None:
        in_month = [t for t in found if _in_month(t[1], q.month)]
        found = in_month
    if not found:
        return []
    found = _by_words(q, e, found)
    top = max(t[2] for t in found)
    close = [t for t in found if t[2] >= top - MILESTONE_CLOSE]
    return _without_lesser(q, e, close)[:3]


# a step of the work asked when or whether ("when does the report go", "has the paper gone to")
_STEP_ASKED = lazy(r"\b(when|whens|by when|has|have|did|is|was)\b")
_TOKEN = lazy(r"[a-z0-9']+|[+&/]")
_JOINERS = frozenset({"and", "or", "n", "+", "&", "/"})
_ARTICLES = frozenset({"the", "a", "an", "our", "their", "its", "this", "that"})


def _without_lesser(
    q: Query, e: Engine, steps: list[tuple[Action, Milestone, float]]
) -> list[tuple[Action, Milestone, float]]:
    """The steps without those whose words of the question are only some of another's ("the letter to the
    independent children's homes on the east midlands framework": the homes' letter, not the fostering agencies'
    letter, which has every word of it but "children's homes")."""
    if len(steps) < 2:
        return steps
    asked = list(q.topic_words)
    sets: dict[tuple[tuple[str, str], int], frozenset[str]] = {}
    for action in {a.key: a for a, _, _ in steps}.values():
        for i, held in enumerate(e.topics.step_word_sets(action, asked)):
            sets[(action.key, i)] = held
    said = [sets.get((a.key, a.milestones.index(m)), frozenset()) for a, m, _ in steps]
    tokens = _TOKEN.findall(q.lower)
    # the words either side of "and", "or", "+", "/": "case and organisational" (not "assurance and improvement")
    words = [t for t in tokens if t not in _ARTICLES]
    joined = {words[j][:5] for i, t in enumerate(words) if t in _JOINERS for j in (i - 1, i + 1) if 0 <= j < len(words)}

    def conjoined(extra: frozenset[str]) -> bool:
        return any(w[:5] in joined for w in extra)

    def lesser(n: int) -> bool:
        # another step holds all its words and more; asked of two things joined ("the hsb case and organisational
        # audits"), a step is kept when a third step holds that more (the case audit's step beside the report naming
        # both: the organisational audit's step holds the word it lacks)
        for k, other in enumerate(said):
            if k != n and said[n] < other:
                extra = other - said[n]
                if not conjoined(extra) or not any(extra & said[j] for j in range(len(said)) if j not in (n, k)):
                    return True
        return False

    return [t for n, t in enumerate(steps) if not lesser(n)]


# "the independent reviewer's report (on foster carers)": the thing asked about is a report, whatever it is about
_THING_NAMED = lazy(r"\b(report|letter|briefing|paper|evaluation|conference)\b")


def _the_thing_named(q: Query, found: list[tuple[Action, Milestone, float]]) -> list[tuple[Action, Milestone, float]]:
    """Of the steps the words fit, those that are the kind of thing asked about ("when do we get the independent
    reviewer's report on foster carers": the step "A report with recommendations received from Independent
    Reviewer", not "Review of both current and former foster carers ... by the Independent Reviewer", which holds
    more of the words but is no report); all of them when none or every one is."""
    m = _THING_NAMED.search(q.folded)
    if m is None or len(found) < 2:
        return found
    noun = m.group(1)
    named = [t for t in found if re.search(rf"\b{noun}s?\b", t[1].text, re.IGNORECASE)]
    best = max(found, key=lambda t: t[2])
    if not named or best in named:  # the best fit is that kind of thing already: nothing to correct
        return found
    return named


def _by_words(
    q: Query, e: Engine, found: list[tuple[Action, Milestone, float]]
) -> list[tuple[Action, Milestone, float]]:
    """Milestones best first: by the share of the question they hold, and among those holding about as much, by
    how many of the question's words they hold ("when does the reviewer start": the step that says "starting",
    before the other steps naming the reviewer)."""
    hits: dict[tuple[tuple[str, str], int], int] = {}
    for action in {a.key: a for a, _, _ in found}.values():
        for i, h in enumerate(e.topics.step_word_hits(action, list(q.topic_words))):
            hits[(action.key, i)] = h

    def key(t: tuple[Action, Milestone, float]) -> tuple[float, int]:
        a, m, c = t
        return (-round(c, 2), -hits.get((a.key, a.milestones.index(m)), 0))

    return sorted(found, key=key)


# "how many foster carers has action 6 assessed": a count of something the action does, not of records
_HOW_MANY_WHAT = lazy(r"\b(?:how many|number of|count of|total number of) ((?:\w+ ){0,2}\w+)")
_RECORD_NOUNS = frozenset(
    {"action", "actions", "milestone", "milestones", "step", "steps", "update", "updates", "lead", "leads", "owner",
     "owners", "people", "person", "priority", "priorities", "activity", "activities", "date", "dates", "deadline",
     "deadlines", "recommendation", "recommendations", "month", "months", "week", "weeks", "day", "days", "year",
     "years", "time", "times"}
)  # fmt: skip


_NOT_NOUN = frozenset(
    {"has", "have", "had", "did", "do", "does", "is", "are", "was", "were", "will", "been", "be", "the", "so", "under",
     "in", "for", "on", "by", "of", "s", "it", "they", "we", "there", "that", "this", "a", "an"}
)  # fmt: skip


def _uncounted(q: Query, e: Engine, actions: list[Action]) -> Answer | None:
    """A count asked of named actions that is no count of their records ("how many carers have been assessed under
    action 6"): not sure unless an action's own words give a number; the actions are offered."""
    m = _HOW_MANY_WHAT.search(q.folded) if q.has("count") else None
    if m is None:
        return None
    counted = list(takewhile(lambda w: w not in _NOT_NOUN, m.group(1).split()))
    if not counted or set(counted) & _RECORD_NOUNS:
        return None
    noun = counted[-1].rstrip("s")[:6]
    number = rf"\b(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty)\s+(\w+\s+){{0,2}}{noun}"
    records = (
        f"{a.text} {' '.join(m.text for m in a.milestones)} {' '.join(u.text for u in a.updates)}" for a in actions
    )
    if any(re.search(number, fold(text)) for text in records):
        return None  # the action's words give a number of them: the card answers
    items = [d.action_item(e.kb, a, q.today) for a in actions]
    text = (
        f"I'm not sure: the plans record no number of {' '.join(counted)} for "
        f"{', '.join(d.action_label(e.kb, a) for a in actions)}. Here is what they record."
    )
    return r.answer_of(q, "not-sure", text, items)


def _step_named(q: Query, e: Engine, action: Action) -> list[tuple[Action, Milestone, float]]:
    """The one milestone of a named action that the question's words name ("when does action 8's case audit
    feedback go to the group"): a date, lead or status asked of that step is the step's, not the action's."""
    if not q.topic_words or not action.milestones:
        return []
    weight = e.topics.question_weights(list(q.topic_words))
    steps = named_milestones(q, e, [action], weight)
    if len(steps) == 1 or (steps and steps[0][2] - steps[1][2] >= MILESTONE_MARGIN):
        return steps[:1]
    if len(steps) > 1:  # steps tied on the words: the one adding clearly most to what the action's own text says
        beyond = dict(zip(action.milestones, e.topics.steps_beyond(action, weight), strict=False))
        # (sorted on the share alone: two steps adding the same share must not fall back on comparing steps)
        tied = sorted(((beyond.get(m, 0.0), (a, m, c)) for a, m, c in steps if c == steps[0][2]), key=lambda t: t[0])
        if len(tied) > 1 and tied[-1][0] - tied[-2][0] >= MILESTONE_MARGIN:
            return [tied[-1][1]]
        if steps[0][2] > steps[1][2]:
            # "county action 10 - the independent homes confirming their staff reviews, when's that due": the best
            # fit ("... homes confirming ...", End of April 2020) first, with the close one (the letter to them)
            return steps
    return []


STEP_ADDS = 0.2  # a milestone must add this share of the question's weight to the action's own text ...
STEP_WHOLE = 0.9  # ... and together they must hold this much of it


def _which_step(q: Query, e: Engine, steps: list[tuple[Action, Milestone, float]], detail: str) -> Answer:
    """Several steps of one action fit the words about as well (none clearly): not sure which, each shown."""
    found = about_milestones(q, e, steps, detail)
    label = d.action_label(e.kb, steps[0][0])
    text = f"I'm not sure which step of {label} you mean: more than one of its milestones fits your words. The closest:"
    return replace(found, kind="not-sure", text=text)


def _completing_steps(e: Engine, action: Action, weight: dict[str, float]) -> list[tuple[Action, Milestone, float]]:
    """The milestones of `action` that, with its own text, hold the whole question where the text alone does not
    ("when are the staff review panels": the review's "Panels to be held" step): the one adding most."""
    covers, own = e.topics.milestone_covers(action, weight)
    beyond = e.topics.steps_beyond(action, weight)
    if not beyond:
        return []
    top = max(beyond)
    if top < STEP_ADDS or own + top < STEP_WHOLE:
        return []
    return [(action, m, c) for m, c, b in zip(action.milestones, covers, beyond, strict=False) if b == top]


def _in_month(milestone: Milestone, month: int) -> bool:
    if milestone.due is None:
        return False
    first = (milestone.start or milestone.due).first
    return any(d.month == month for d in (first, milestone.due.date)) or (
        first.month <= month <= milestone.due.date.month and first.year == milestone.due.date.year
    )


# "Lead Officer: Marjorie Toward, Service Director, ... (directly employed and agency staff)": a lead's part, as the
# plan qualifies it in the lead note
_LEAD_QUALIFIED = lazy(r"Lead Officer: ([^,\"]+),[^(\"]*\(([^)]+)\)")


def _qualified_lead(q: Query, action: Action, milestone: Milestone) -> tuple[str, str, str] | None:
    """The one lead whose qualifier (from the lead note) the question's words or the milestone's own text name, with
    the qualifier and the action's other leads; None when the note qualifies no lead or the words fit none, or more
    than one."""
    if len(action.leads) < 2 or not action.lead_note:
        return None
    parts = [(m.group(1).strip(), " ".join(m.group(2).split())) for m in _LEAD_QUALIFIED.finditer(action.lead_note)]
    if len(parts) < 2:
        return None
    asked = set(q.topic_words) | set(content_words(milestone.text))
    shared = set(content_words(action.text))  # "staff": the whole action's word, which tells no part from another
    fits = [(name, qualifier) for name, qualifier in parts if (set(content_words(qualifier)) - shared) & asked]
    if len(fits) != 1:
        return None
    name, qualifier = fits[0]
    others = ", ".join(n for n, _ in parts if n != name)
    return name, qualifier, others


def about_milestones(q: Query, e: Engine, steps: list[tuple[Action, Milestone, float]], detail: str) -> Answer:
    """Lead / due / status of milestones named by their words, each with its action's card."""
    items = [d.milestone_item(e.kb, a, m, q.today) for a, m, _ in steps]
    first_action, first, _ = steps[0]
    label = f"{d.action_label(e.kb, first_action)} milestone \u201c{d.short(first.text, 90)}\u201d"
    f = items[0].fields
    if detail == "lead":
        head = f"Lead of {label}: {f['lead']} (the action's lead)."
        split = _qualified_lead(q, first_action, first)
        if split is not None:  # "the review of residential staff files (directly employed)": that part's lead
            name, qualifier, others = split
            head = f"Lead of {label}: {name}, whose lead the plan qualifies \u201c{qualifier}\u201d" + (
                f" (the action's other lead: {others})." if others else "."
            )
    elif detail == "due":
        when = f" (\u201c{first.date_text}\u201d)" if first.date_text and first.date_text != f["due"] else ""
        head = (
            f"Timescale of {label}: due {f['due']}{when}."
            if first.due
            else f"Timescale of {label}: the plan gives no date for it."
        )
    elif detail == "status":
        head = f"Status of {label}: {f['status']}."
    else:
        due = f"due {f['due']}" if first.due else "no date stated"
        head = f"{label}: {due}; {f['status']}; lead {f['lead']}."
    if len(steps) > 1:
        head += (
            f" {len(steps) - 1} other milestone{'s' if len(steps) > 2 else ''} also fit{'s' if len(steps) == 2 else ''}"
        )
        head += " your words; each is below."
    actions = list(dict.fromkeys(a for a, _, _ in steps))
    items += [d.action_item(e.kb, a, q.today, "parent" if detail == "due" else detail) for a in actions]
    subject = Subject.action(*first_action.key) if len(actions) == 1 else None
    return r.answer_of(q, detail if detail != "summary" else "action", head, items, subject=subject)


# "did the audit get done", "has the evaluation come back", "was it completed": a yes/no question whether work was
# done (not "what is the status of")
_YES_NO = lazy(r"^\s*(did|has|have|had|was|were|is|are)\b")
_DONE_WORD = lazy(
    r"\b(done|complete|completed|finish|finished|sorted|signed off|happen|happened|take place|taken place|"
    r"carried out|come back|came back|back|delivered|concluded|wrapped up|"
    r"(?:go|went|gone|get|got|goes) (?:to|before|in front of)|presented|submitted|sent)\b"
)
_DONE_END = lazy(r"\b(done|complete|completed|finished|sorted|signed off|happened|back)( yet| now| then)?\s*$")


def asks_if_done(q: Query) -> bool:
    """Whether the question asks, yes or no, if a piece of work was done ("did the audit get done", "the audit -
    finished?"); not how it is going ("is the audit on track")."""
    return bool(_YES_NO.search(q.folded) and _DONE_WORD.search(q.folded)) or bool(_DONE_END.search(q.folded))


def unrecorded_done(q: Query, e: Engine, action: Action, detail: str) -> str | None:
    """For a yes/no "did it get done" about an action whose record holds no status, update or completed milestone
    by the day asked: the headline says plainly that the plan does not record whether it was done (with the date
    it was due), not a status that reads as a verdict."""
    if detail != "status" or not asks_if_done(q) or e.state(action, q.today).complete:
        return None
    if not d.no_progress(action, q.today):
        return None
    due = d.due_phrase(action, q.today)
    when = e.state(action, q.today).due
    tense = "was" if when is not None and when.date < q.today else "is"
    ts = f" (timescale \u201c{action.timescale}\u201d)" if action.timescale else ""
    return (
        f"I'm not sure whether {d.action_label(e.kb, action)} was done: the plan records no status, update or "
        f"completed milestone for it; it {tense} {due}{ts}."
        if due.startswith("due ")
        else f"I'm not sure whether {d.action_label(e.kb, action)} was done: the plan records no status, update "
        f"or completed milestone for it, and {due}"
        + (f"; its timescale is written \u201c{action.timescale}\u201d." if ts else ".")
    )


def about_found_actions(q: Query, e: Engine, actions: list[Action], detail: str) -> Answer:
    if detail == "due" and not q.action_ids and LAST_EVENT.search(q.folded):
        # "what date was OH's last ofsted inspection": when something last happened, which the papers may say;
        # an action's timescale (County Action 9 reviews past inspections) is not that date
        said = e.passage_answer(q, strict=True)
        if said is not None:
            return said
        labels = "; ".join(d.action_label(e.kb, a) for a in actions[:3])
        text = (
            "I'm not sure: you asked when something last happened, and the papers do not say. The nearest plan "
            f"actions are {labels}, whose dates are their own timescales, not that."
        )
        return r.answer_of(q, "not-sure", text, [d.action_item(e.kb, a, q.today, detail) for a in actions[:3]])
    if detail == "due" and len(actions) > 1 and START_ASKED.search(q.folded):
        # "when is the independent hsb evaluation meant to start": of the actions the words match (City 7a
        # commissions it from October 2019; 7b considers its findings), the one with a start
        started = [a for a in actions if a.start is not None]
        actions = started or actions
    past = detail == "due" and not q.action_ids and NEXT_EVENT.search(q.folded) is not None
    if past and all(_all_past(e, a, q) for a in actions):
        # "when exactly is TBH's next ofsted inspection" (2025): County Action 9's 2019 review of inspections has
        # dates long past, so it is not the next one asked about
        said = "; ".join(f"{d.action_label(e.kb, a)} ({d.due_text(a, q.today)})" for a in actions[:3])
        text = (
            f"I'm not sure: you asked about the next one, and the closest I found is dated in the past: {said}. "
            "The documents give no later date for it."
        )
        return r.answer_of(q, "not-sure", text, [d.action_item(e.kb, a, q.today, detail) for a in actions])
    items = [d.action_item(e.kb, a, q.today, detail) for a in actions]
    head = HEADS.get(detail, "Action")
    if len(items) == 1 and (unsure := unrecorded_done(q, e, actions[0], detail)) is not None:
        subject = Subject.action(*items[0].ref) if items[0].ref else None
        return r.answer_of(q, "not-sure", unsure, items, subject=subject, notes=later_dates(q, e, actions, detail))
    if len(items) == 1:
        text = (
            _summary_line(items[0])
            if detail == "summary"
            else f"{head} of {items[0].title}: " + _headline(items[0], detail)
        )
        subject = Subject.action(*items[0].ref) if items[0].ref else None
    else:
        text = f"{len(items)} actions match; {head.lower()} of each:"
        subject = None
    return r.answer_of(q, detail, text, items, subject=subject, notes=later_dates(q, e, actions, detail))


_MINUTES_OUT = lazy(r"\bminutes\b.{0,60}\b(published|out|available|online|up on|uploaded|released)\b")


# "what date was OH's last ofsted inspection", "when did they last meet": when something last happened
LAST_EVENT = lazy(
    r"\b(?:when|what date|which date)\b.{0,40}\b(?:was|were|did)\b.{0,40}\blast\b|\blast (?:time|visit"
    r"|inspection|inspected)\b.{0,40}\?*$"
)


# "when does it start", "meant to kick off" (said "start" by then), "when will they begin": a start is asked
START_ASKED = lazy(r"\b(start|starts|started|starting|begin|begins|began|commence|commences|commenced|get going)\b")


# "when is the next inspection", "the next one": a date to come is asked (not "the next step", "next milestone")
NEXT_EVENT = lazy(r"\bnext (?!(?:step|steps|milestone|milestones|deadline|deadlines|due|stage|bit|part)\b)")


def _all_past(e: Engine, action: Action, q: Query) -> bool:
    """Whether every date an action has (its own, its steps') is a year or more before the day asked."""
    state = e.state(action, q.today)
    dates = [x.date for x in (state.due, *(m.due for m in action.milestones)) if x is not None]
    return bool(dates) and max(dates) < q.today - dt.timedelta(days=365)


def later_dates(q: Query, e: Engine, actions: list[Action], detail: str) -> tuple[str, ...]:
    """For a question when an action is due: an update known by the day asked whose words name a later date
    than the plan's (the plan's date stands, but the reader should see the later one, quoted)."""
    if detail != "due":
        return ()
    notes = []
    for a in actions:
        update = facts.later_date_update(a, q.today)
        if update is not None:
            by = f" by {e.kb.name_of(update.by)}" if update.by else ""
            notes.append(
                f"{d.action_label(e.kb, a)}: a later update ({update.date.describe()}{by}) names a "
                f"later date than the plan's: \u201c{update.text}\u201d"
            )
    return tuple(notes)


def follow_up(q: Query, e: Engine, detail: str) -> Answer | None:
    """ "when is it due?" about the last answer's action."""
    actions = subject_actions(q, e)
    return about_found_actions(q, e, actions, detail) if actions else None


# a date the question gives that no window was read from: the answer would be for another day than asked
UNREAD_DATE = lazy(
    r"\b(q[1-4]|quarter|easter|half[- ]term|new year|financial year|fy ?\d\d|\d{1,2}/\d{1,2}(/\d{2,4})?|"
    r"yesterday|tomorrow|end of term|(19|20)\d\d)\b"
)


def unread_date(q: Query, e: Engine) -> str | None:
    """The words of a date the question gives but the parse did not read as a window (none when it did)."""
    if q.window is not None or q.action_ids:
        return None
    for m in UNREAD_DATE.finditer(q.lower):
        if m.group(0) not in e.plan_words:
            return m.group(0)
    return None


def _unsure_of_date(q: Query, e: Engine, found: Answer) -> Answer:
    """An answer for today to a question that gave a date not understood: say so first, keep it as the closest."""
    words = unread_date(q, e)
    if words is None:
        return found
    text = (
        f"I'm not sure what date \u201c{words}\u201d means here, so this is as of today "
        f"({long_day(q.today)}); name a month or a day to ask about another date. {found.text}"
    )
    return replace(found, kind="not-sure", text=text)


def overdue(q: Query, e: Engine) -> Answer:
    return _unsure_of_thing(q, e, _unsure_of_date(q, e, _overdue(q, e)))


def _unsure_of_thing(q: Query, e: Engine, found: Answer) -> Answer:
    """A list for a whole plan (or every plan) to a question that names a thing no record knows ("is the dental
    audit late"): say first that the thing was not found, and keep the list as the closest answer."""
    if found.kind not in ("overdue", "due-soon") or q.action_ids or q.people or q.roles:
        return found
    if not _unknown_thing(q, e, q.topic_words):
        return _named_elsewhere(q, e, found)
    said = e.passage_answer(q, strict=True)  # "clayfields - anything coming up with ofsted soon": the papers say
    if said is not None:
        return said
    unknown = unknown_words(q, e, q.topic_words)
    text = (
        f"I'm not sure what \u201c{' '.join(unknown)}\u201d is: no action in the plans mentions it. "
        f"Everything instead: {found.text}"
    )
    return replace(found, kind="not-sure", text=text)


def _asks_the_papers(q: Query) -> bool:
    """Whether words no action holds are asked of the papers: not when the question names a plan ("what's coming up
    on the county plan over the next month or so" asks for the plan's actions)."""
    return q.plan is None or not PLAN_NAMED.search(q.folded)


def _named_elsewhere(q: Query, e: Engine, found: Answer) -> Answer:
    """ "is the adoption report late": words no action holds but a report of the committee's programme does - that
    report's timing, not every late action; words no record holds at all are _unsure_of_thing's."""
    if not q.topic_words or named_actions(q, e) is not None:
        return found
    from knowledge.answers_committee import about_work, find_doc

    if _ASKS_WHEN_ONE.match(q.folded):  # "when's the city partnership's 2020/21 annual report due out": one thing
        named = find_doc(q, e)
        if named is not None and isinstance(named[1], WorkItem):
            return about_work(q, e, named[1], "due")
        text = (
            f"I'm not sure: no action in the plans is what you asked about (your words: {', '.join(q.topic_words)}), "
            f"so I can't say when it is due. What falls due then instead: {found.text}"
        )
        return replace(found, kind="not-sure", text=text)
    if any(isinstance(h.doc, Action) for h in r.search(q, e, q.topic_words, min_cover=0.5)):
        return found
    named = find_doc(q, e)
    if named is not None and isinstance(named[1], WorkItem):
        return about_work(q, e, named[1], "due")
    # "any inspection coming up at CFH in the next few weeks": words no action holds - what the papers plainly say of
    # them, before a list of unrelated actions
    said = e.passage_answer(q, strict=True) if _asks_the_papers(q) else None
    return said if said is not None else found


# "when is the X due", "when's the report due out": when one thing is due (a list of everything due is no answer)
_ASKS_WHEN_ONE = lazy(
    r"\s*(?:(when|whens|when s)\b(?! (is|s|are) (anything|everything|something|stuff))"
    r"|(?:what (?:are|is|re) (?:the )?)?dates? (?:for|of) (?:the |our |this |next )?(?!anything|everything))"
)  # ... "dates for the hsb level 1 training this year": when one thing is


def _overdue(q: Query, e: Engine) -> Answer:
    """What is late as of a day: today, or the day a date in the question names ("as of June", "mid March").

    Only "due in May" / "fell due in May" asks for what fell due in that window; any other date says "as of".
    A thing the question names ("is the hsb progress report late") scopes the answer to the actions it matches.
    """
    fell_due = q.window is not None and _FELL_DUE.search(q.folded) is not None
    as_of = q.today if fell_due else as_of_day(q)
    day = e.day(as_of)
    refs = r.lead_refs(q, e)
    named = None if refs is not None else named_actions(q, e)
    if named is not None or refs is not None:
        scoped = named if named is not None else _led_by(q, e, sorted(refs or ()))
        keys = {a.key for a in scoped}
        total = len(scoped)
        late = [(a, m) for a, m in day.late if a.key in keys]
        undated = [a for a in day.undated if a.key in keys]
    else:  # the day's late list, narrowed to what this audience sees in the plan named
        plans = _plans_asked(q, e) or ([q.plan] if q.plan else [p for p in e.kb.plans if p not in q.hidden])
        total = sum(len(e.kb.plans[p].actions) for p in plans)
        late = [(a, m) for a, m in day.late if a.plan not in q.hidden and a.plan in plans]
        undated = [a for a in day.undated if a.plan not in q.hidden and a.plan in plans]
    scope = _named_scope(e, named) or _plans_scope(q, e) or r.scope_words(q, e)
    before = late
    if fell_due:  # "what fell due in May": due then
        late = [(a, m) for a, m in late if _due_in(a, m, q, e)]
        scope += f" that fell due {q.window.words}"
        undated = []
    if fell_due and not late and before and q.window.start > q.today - dt.timedelta(days=31):
        # "which county actions are overdue after december?", asked in early January: nothing can have fallen due
        # since and be late already, and the asker means what is late now December is over; say both
        return r.list_answer(
            q,
            "overdue",
            f"Nothing{scope} is overdue yet as of {long_day(q.today)}; {len(before)} overdue from before then "
            "(due date passed, not evidenced as done):",
            before,
            lambda pair: _late_item(e, q.today, *pair),
            _took_notes(q, e, named),
        )
    doubtful = [(a, day.doubted[a.key]) for a, m in late if m is None and a.key in day.doubted]
    doubted = {a.key for a, _ in doubtful}
    late = [(a, m) for a, m in late if a.key not in doubted]
    when = _as_of_words(q, as_of)
    done = [a for a in named or () if day.states[a.key].complete]
    # a list of what is late never names a completed action, not even in a note (a reader scanning the list for
    # ids must not find one that is done): the words' other matches are named, the completed ones counted
    took = [a for a in named if a not in done] if named is not None and late and done else named
    notes = _took_notes(q, e, took) + _as_of_notes(q, as_of, fell_due) + _doubt_notes(e, doubtful)
    if done and late:  # several actions named, some late: say that some are complete, not only what is late
        many = len(done) != 1
        notes += (
            f"{len(done)} other action{'s' if many else ''} your words match {'are' if many else 'is'} recorded as "
            "complete, so not overdue.",
        )
    if named is not None and len(named) == 1 and not fell_due and not q.action_ids:
        step = _step_named(q, e, named[0])
        if step:  # "is the member visits evaluation late": that step's lateness, not the whole action's
            return _step_late(q, e, named[0], step[0][1], as_of, when, notes)
    if named is not None and not late and fell_due:  # "did the review fall due in May": not then
        labels = ", ".join(d.action_label(e.kb, a) for a in named)
        return r.answer_of(q, "overdue", f"Nothing on {labels} fell due {q.window.words} and is late.", notes=notes)
    if named is not None and not late:
        return _named_not_late(q, e, named, day, as_of, notes)
    unknown = len(undated) + len(doubtful)
    if unknown:
        notes += (
            f"I can't tell whether {unknown} other action{'s are' if unknown != 1 else ' is'} late: "
            + (
                "the plan gives no due date I can read for them."
                if not doubtful
                else "the plan gives no due date I can read, or a later document names a later date."
            ),
        )
    if not late:
        judged = total - unknown  # complete, ongoing, or with a date not passed (undated and doubted are disjoint)
        # with no date at all, not even a milestone's (the TCE plan's "6 months" from no stated start)
        blind = len([a for a in undated if not any(m.due for m in a.milestones)]) + len(doubtful)
        if unknown and (not judged or blind >= total - blind):  # mostly unjudgeable: say so first, not "nothing"
            things = [*undated, *(a for a, _ in doubtful)]
            many = len(things) != 1
            why = ", or a later document names a later date" if doubtful else ""
            text = (
                f"I can't tell whether the {len(things)} open action{'s' if many else ''}{scope} "
                f"{'are' if many else 'is'} late {when}: "
                f"the plan gives no due date{'s' if many else ''} I can read{why}."
            )
            if judged:  # "... Of the other 2, none is overdue."
                text += f" Of the other {judged}, none is overdue."
            return r.list_answer(q, "overdue", text, things, lambda a: d.action_item(e.kb, a, as_of, "due"), notes[:-1])
        return r.answer_of(q, "overdue", f"Nothing is overdue{scope} {when}.", notes=notes)
    verb = "will be overdue" if as_of > q.today else "overdue"
    actions = len({a.key for a, _ in late})  # an action with two late milestones is one action, two entries
    across = f", across {actions} action{'s' if actions != 1 else ''}" if actions < len(late) else ""
    return r.list_answer(
        q,
        "overdue",
        f"{len(late)} {verb}{scope} {when}{across} (due date passed, not evidenced as done):",
        late,
        lambda pair: _late_item(e, as_of, *pair),
        notes,
    )


def _step_late(
    q: Query, e: Engine, action: Action, step: Milestone, as_of: dt.date, when: str, notes: tuple[str, ...]
) -> Answer:
    """Whether one step of an action is late on the day asked (its state from knowledge.status), with the
    action's own lateness when that differs."""
    state = e.state(action, as_of)
    label = f"the step \u201c{d.short(step.text, 90)}\u201d of {d.action_label(e.kb, action)}"
    status = d.milestone_status(action, step, as_of)
    if step in state.outstanding:
        text = f"Yes: {label} is overdue {when}: it was due {d.milestone_when(step)} and is not evidenced as done."
    elif step in state.progress.done or state.complete:
        text = f"No: {label} is {status} {when}."
    elif step.due is None:
        text = f"I can't tell whether {label} is late {when}: the plan gives no date for it ({status})."
    else:
        text = f"No: {label} is {status} {when}."
    if state.overdue and step not in state.outstanding:
        text += f" The action itself is overdue (due {state.due.describe() if state.due else 'as the plan says'})."
    elif others := [m for m in state.outstanding if m != step]:  # the action is late by its other steps
        late = "; ".join(f"\u201c{d.short(m.text, 60)}\u201d ({d.milestone_when(m)})" for m in others[:3])
        many = len(others) != 1
        text += (
            f" {len(others)} other step{'s' if many else ''} of the action {'are' if many else 'is'} overdue: {late}."
        )
    items = [d.milestone_item(e.kb, action, step, as_of), d.action_item(e.kb, action, as_of, "status")]
    # only a late step is an "overdue" answer: a step not late (or done) is its status, never listed as overdue
    kind = "not-sure" if text.startswith("I can't tell") else "overdue" if text.startswith("Yes") else "status"
    return r.answer_of(q, kind, text, items, notes=notes, subject=Subject.action(*action.key))


_FELL_DUE = lazy(r"\b(due|deadlines?) (in|during|over|within|between)\b|\bsince\b|\bafter\b")


def as_of_day(q: Query) -> dt.date:
    """The day a date in an overdue question names: "june 2020" asked in June is today; "at the end of May"
    asked later is 31 May; "mid March" the 15th; a day named ("as of 14 january") that day. Never a day before
    the window starts; a future date is kept (what will be late by then if nothing more is done)."""
    w = q.window
    if w is None or w.end == dt.date.max:
        return q.today
    point = w.end
    if w.start <= q.today <= w.end and re.search(r"\bnow\b", q.folded):  # "early june now": it is June, today
        return q.today
    if q.month is not None and w.start.day == 1 and w.words.startswith("in "):
        if q.day_of_month is not None:
            point = w.start.replace(day=min(q.day_of_month, w.end.day))
        elif re.search(r"\bmid(dle)?\b", q.folded):
            point = w.start.replace(day=15)
        elif re.search(r"\b(start|beginning|early|first)\b", q.folded):
            point = w.start
    if w.start <= q.today and not w.words.startswith(("by the end of", "before")):
        return min(point, q.today)
    return point  # a day ahead ("by the end of July"): what will be late then if nothing more is done


def _as_of_words(q: Query, as_of: dt.date) -> str:
    if as_of > q.today:
        return f"by {long_day(as_of)} if nothing more is recorded as done"
    return f"as of {long_day(as_of)}"


def _as_of_notes(q: Query, as_of: dt.date, fell_due: bool) -> tuple[str, ...]:
    if q.window is None or fell_due:
        return ()
    took = "today" if as_of == q.today else long_day(as_of)
    return (
        f"I read \u201c{q.window.words}\u201d as \u201cas of {took}\u201d; ask what fell due {q.window.words} "
        "for only the things due then.",
    )


def _doubt_notes(e: Engine, doubtful: list[tuple[Action, Update]]) -> tuple[str, ...]:
    return tuple(
        f"I can't tell whether {d.action_label(e.kb, a)} is late: the plan says it is due "
        f"{a.due.describe() if a.due else '(no date)'}, but a later document ({u.date.describe()}) says "
        f"\u201c{u.text}\u201d, without saying the date moved."
        for a, u in doubtful
    )


def named_actions(q: Query, e: Engine) -> list[Action] | None:
    """The actions a status question names by its words ("the county foster carer review"), when they are
    clear: one best match, or a few that match every word. None when the words name nothing in particular."""
    if q.action_ids:
        ids = e.ids
        found = [a for k in q.action_ids for a in r.visible_actions(q, ids.find(k, q.plan) or ids.family(k, q.plan))]
        return found or None
    if not q.topic_words or _unknown_thing(q, e, q.topic_words):  # "the dental audit": not any audit of the plans
        return None
    words = [w for w in content_words(q.raw) if w in q.topic_words or w in _NAMING_NOUNS]
    themed = _themed(q, e)
    if themed:  # "county plan governance and scrutiny bit - anything slipped": the actions under that theme
        return themed
    both = _either_named(q, e)
    if both is not None:  # "the staffing review or former staff": each side names its own action
        return both
    return _clearly_named(q, e, words)


MEASURE_WORDS = frozenset(
    content_words("measure measured measuring measures evidence evidenced judge judged monitored know progress success")
)
MEASURE_FLOOR = 0.6  # share of the question's words an action must hold when no action is clearly named


def measured(q: Query, e: Engine) -> Answer | None:
    """ "how will they measure the public awareness campaign": what the plan's "how will we measure progress"
    column says of the action (or each of the few actions) the question names; that the plan says nothing,
    when it does not."""
    words = tuple(w for w in q.topic_words if w not in MEASURE_WORDS)
    if not words and not q.action_ids:
        return None
    asked = replace(q, topic_words=words)
    actions = named_actions(asked, e)
    if not actions:
        hits = [h for h in r.search(asked, e, words, min_cover=MEASURE_FLOOR) if isinstance(h.doc, Action)]
        if not hits:
            return None
        actions = [h.doc for h in hits if h.score >= hits[0].score - 0.05][:3]
    items = [d.action_item(e.kb, a, q.today, "measure") for a in actions]
    if len(actions) == 1:
        action = actions[0]
        label = d.action_label(e.kb, action)
        text = (
            f"{label}: the plan measures progress by \u201c{action.measure}\u201d."
            if action.measure
            else f"{label}: the plan does not say how its progress will be measured."
        )
    else:
        text = f"{len(actions)} actions match; how the plan says each will be measured:"
    return r.answer_of(q, "measure", text, items, subject=Subject.action(actions[0].plan, actions[0].id))


def _themed(q: Query, e: Engine) -> list[Action]:
    """The actions under a theme the question names by every word of it ("the governance and scrutiny bit": County
    Actions 4-6, though only the first row of the plan's table writes the theme)."""
    asked = set(q.topic_words)
    found = [
        a
        for words, actions in _themes(e).items()
        if words <= asked
        for a in actions
        if a.plan not in q.hidden and (not q.plan or a.plan == q.plan)
    ]
    return found if len(found) <= NAMED_MAX else []


def _themes(e: Engine) -> dict[frozenset[str], list[Action]]:
    """Each theme's words (two or more) -> its actions, built once per engine (not scanned on every question)."""
    memo = e.__dict__.get("_theme_words")
    if memo is None:
        memo = {}
        for action in e.kb.actions():
            words = frozenset(content_words(action.theme or ""))
            if len(words) >= 2:
                memo.setdefault(words, []).append(action)
        e.__dict__["_theme_words"] = memo
    return memo


def _clearly_named(q: Query, e: Engine, words: list[str]) -> list[Action] | None:
    """One best match for the words, or a few that match every word; None when they name nothing in particular."""
    hits = [h for h in r.search(q, e, words, min_cover=0.5) if isinstance(h.doc, Action)]
    if not hits:
        return None
    best = hits[0].score
    if best >= 0.9:
        close = [h.doc for h in hits if h.score >= best - 0.05]
        return close if len(close) <= NAMED_MAX else None
    if best >= 0.6 and (len(hits) == 1 or best - hits[1].score >= 0.15):
        return [hits[0].doc]
    return None


NAMED_MAX = 6
_EITHER = lazy(r"\s(?:or|and|&|\+|/)\s")


def _either_named(q: Query, e: Engine) -> list[Action] | None:
    """ "anything on the staffing review or former staff due": two things joined by "or" / "and", each naming its own
    action clearly; None unless both sides do (and name different actions)."""
    sides = _EITHER.split(q.raw)
    if len(sides) != 2:
        return None
    found: list[Action] = []
    for side in sides:
        words = [w for w in content_words(side) if w in q.topic_words or w in _NAMING_NOUNS]
        named = _clearly_named(q, e, words) if words else None
        if not named or len(named) > 2:
            return None
        found += [a for a in named if a not in found]
    return found if len(found) > 1 else None


def _named_scope(e: Engine, named: list[Action] | None) -> str:
    if not named:
        return ""
    if len(named) == 1:
        return f" on {d.action_label(e.kb, named[0])}"
    return f" on the {len(named)} actions your words match"


def _took_notes(q: Query, e: Engine, named: list[Action] | None) -> tuple[str, ...]:
    """Say which actions the question's words were taken to name (ids need no such note)."""
    if not named or q.action_ids:
        return ()
    themes = {a.theme for a in named}
    theme = next(iter(themes)) if len(themes) == 1 else None
    if len(named) > 1 and theme and set(content_words(theme)) <= set(q.topic_words):
        # "the governance and scrutiny bit": the theme named, not each of its actions (an overdue list that names
        # actions which are not late, in a note, reads as if they were)
        plan = d.plan_label(e.kb, named[0].plan)
        return (f"I took your words to mean the {len(named)} actions under \u201c{theme}\u201d in the {plan}.",)
    labels = ", ".join(d.action_label(e.kb, a) for a in named)
    return (f"I took your words to mean {labels}; name the action if you meant another.",)


_NAMING_NOUNS = frozenset(["committee", "panel", "meeting", "report", "review", "update", "board"])


def _named_not_late(q: Query, e: Engine, named: list[Action], day, as_of: dt.date, notes: tuple[str, ...]) -> Answer:
    """The named actions, none late: say why each is not (complete, not due yet) or that it cannot be told."""
    when = _as_of_words(q, as_of)
    states = [(a, day.states[a.key]) for a in named]
    items = [d.action_item(e.kb, a, as_of, "status") for a, _ in states]
    if len(states) == 1:
        a, state = states[0]
        label = d.action_label(e.kb, a)
        if state.complete:
            text = f"No: {label} is complete ({d.evidence_text(state.evidence)}), so it is not overdue."
        elif a.key in day.doubted:  # a later document names a later date (see _doubt_notes)
            text = f"I can't tell whether {label} is late {when}."
        elif any(x.key == a.key for x in day.undated) and (ahead := _steps_to_come(state)):
            # County Action 6 in May 2020: no date of its own, its steps dated May and July 2020, none passed
            text = (
                f"No: nothing on {label} is overdue {when}. The plan gives the action no date of its own; its steps "
                f"still to come are due {ahead}."
            )
        elif any(x.key == a.key for x in day.undated):
            text = f"I can't tell whether {label} is late {when}: the plan gives no due date I can read for it."
        elif state.due is not None:
            text = f"No: {label} is not overdue {when}; it is due {state.due.describe()}."
        else:
            text = f"No: nothing on {label} is overdue {when}."
        return r.answer_of(q, "overdue", text, items, notes=notes, subject=Subject.action(a.plan, a.id))
    done = sum(1 for _, s in states if s.complete)
    undated_keys = {x.key for x in day.undated}
    unknown = sum(1 for a, s in states if not s.complete and (a.key in undated_keys or a.key in day.doubted))
    if unknown:
        which = f"{unknown} of the {len(states)}" if unknown < len(states) else f"the {len(states)}"
        text = (
            f"I can't tell whether {which} actions your words match {'are' if unknown != 1 else 'is'} late {when}"
            + ("; none of the others is overdue:" if unknown < len(states) else ":")
        )
        return r.answer_of(q, "overdue", text, items, notes=notes)
    text = f"Nothing is overdue on the {len(states)} actions your words match {when}"
    text += f" ({done} of them complete):" if done else ":"
    return r.answer_of(q, "overdue", text, items, notes=notes)


def _due_date(m: Milestone) -> dt.date:
    return m.due.date if m.due is not None else dt.date.max


def _steps_to_come(state: st.ActionState) -> str:
    """ "February - May 2020 and July 2020": the dates of an action's steps not yet due on its state's day, as the plan
    writes them (empty when none is dated)."""
    steps = sorted((m for m in state.progress.to_come if m.due is not None), key=_due_date)
    words = list(dict.fromkeys(d.milestone_when(m) for m in steps))
    return " and ".join([", ".join(words[:-1]), words[-1]] if len(words) > 1 else words)


def undated(q: Query, e: Engine) -> Answer:
    """Actions with no due date the plan's words give, not evidenced complete: what cannot be judged late."""
    actions = r.scoped_by_person(q, e, r.candidate_actions(q, e))
    states = ((a, e.state(a, q.today)) for a in actions)
    found = [a for a, state in states if not state.complete and state.due is None]
    scope = r.scope_words(q, e)
    if not found:
        return r.answer_of(q, "undated", f"Every action{scope} not yet complete has a due date.")
    text = f"{len(found)} action{'s' if len(found) != 1 else ''}{scope} with no due date (and not evidenced complete):"
    return r.list_answer(q, "undated", text, found, lambda a: d.action_item(e.kb, a, q.today, "due"))


def _due_in(action: Action, milestone: Milestone | None, q: Query, e: Engine) -> bool:
    due = milestone.due if milestone is not None else e.state(action, q.today).due
    return due is not None and q.window is not None and q.window.start <= due.date <= q.window.end


def _late_item(e: Engine, as_of: dt.date, action: Action, milestone: Milestone | None) -> Item:
    if milestone is None:
        return d.action_item(e.kb, action, as_of)
    return d.milestone_item(e.kb, action, milestone, as_of)


def window_days(q: Query) -> tuple[dt.date, dt.date]:
    if q.window is not None:
        return max(q.window.start, q.today), q.window.end
    return q.today, q.today + dt.timedelta(days=DUE_SOON_DAYS)


# the date of one thing, not what is due: "what date is the conference in march", "when is the launch in may"
_ONE_DATE = lazy(
    r"^\s*(?:(?:what|which) (?:date|day)|(?:when|whens) (?:is|s|will|does))\b(?!.*\b(?:due|anything|things|stuff)\b)"
)


def _date_passage(q: Query, e: Engine) -> Answer | None:
    """The passage that says when the one thing asked of happens; for a day asked ("what date is it in march") that
    the papers give only as the month named, "not sure" of the day with that passage."""
    said = e.passage_answer(q)
    if said is not None or not WANTS_DAY.search(q.folded):
        return said
    when = WANTS_DAY.sub("when", q.folded)  # the passage giving the month, which is all the papers say
    said = e.passage_answer(replace(q, raw=WANTS_DAY.sub("when", q.raw), folded=when))
    if said is None:
        return None
    text = (
        f"I'm not sure of the day: the papers give no date {q.window.words if q.window else 'for it'}. What they say:"
    )
    return r.answer_of(q, "not-sure", text, said.items)


def due_soon(q: Query, e: Engine) -> Answer | None:
    found = _due_soon(q, e)
    return (
        _unsure_of_thing(q, e, _unsure_of_date(q, e, found))
        if found is not None and found.kind == "due-soon"
        else found
    )


def _due_soon(q: Query, e: Engine) -> Answer | None:
    if q.committee and not (q.plan or q.person or q.role) and _MINUTES_OUT.search(q.folded):
        # "when will the minutes of the 14 jan panel be published": the papers do not say (the meeting's date is
        # not when its minutes come out)
        text = "I'm not sure: the papers do not say when a meeting's minutes are published."
        return r.answer_of(q, "not-sure", text)
    if q.committee and not (q.plan or q.person or q.role):
        from knowledge.answers_committee import meeting, planned_for

        # "what's coming up for care leavers at the april panel": those items; "for the panel": its next meetings
        return planned_for(q, e) or meeting(q, e)
    start, until = window_days(q)
    if until < start:
        return fell_due(q, e)
    named = None if r.lead_refs(q, e) is not None else named_actions(q, e)
    actions = named if named is not None else _scoped_by_person(q, e, _candidates(q, e))
    items: list[tuple[Action, Milestone | None]] = []  # built a page at a time by list_answer
    overlap = False
    undated = dated = doubted = 0
    day = e.day(q.today)
    recorded_done = 0  # items the plan records as completed in or before the window: done work, not work due
    done_keys: set[tuple[str, str]] = set()  # their actions: never named in a note beside what falls due
    for a in actions:
        state = e.state(a, q.today)
        if state.complete:
            continue
        if state.due is None and not any(m.due for m in a.milestones):
            undated += a.status != "ongoing"
            continue
        if state.overdue and a.key in day.doubted:  # a later document names a later date: cannot place it
            undated += 1
            doubted += 1
            continue
        dated += 1
        own = facts.falls_between(state.due, start, until)
        if own and _recorded_done_by(e, a, state.due):
            recorded_done += 1
            done_keys.add(a.key)
            own = False
        if own:
            items.append((a, None))
            overlap |= state.due.date > until
        for m in facts.milestones_due_between(a, q.today, start, until):
            if m.status == "complete":  # "Completed - December 2019" in a December window: recorded as done
                recorded_done += 1
                done_keys.add(a.key)
                continue
            items.append((a, m))
            overlap |= m.due is not None and m.due.date > until
    scope = _named_scope(e, named) or _plans_scope(q, e) or r.scope_words(q, e)
    said = _date_passage(q, e) if named and not items and _ONE_DATE.search(q.folded) else None
    if said is not None:
        # "when is the tce conference in march": the papers' sentence that puts it in March, not "nothing on the
        # conference actions falls due in March" (the plan dates them by Exploitation Day 2024)
        return replace(said, notes=(*said.notes, f"Nothing{scope} falls due {between(start, until)} in the plans."))
    # as in an overdue list, a note never names a completed action beside what falls due (a reader scanning for
    # ids would take it for one of them): the words' other matches are named, the completed ones counted
    listed = {a.key for a, _ in items}
    took = (
        [a for a in named if not facts.derive(a, q.today).complete and (a.key in listed or a.key not in done_keys)]
        if named
        else named
    )
    notes: tuple[str, ...] = _took_notes(q, e, took)
    if named and took is not None and len(took) < len(named):
        many = len(named) - len(took) != 1
        notes += (
            f"{len(named) - len(took)} other action{'s' if many else ''} your words match "
            f"{'are' if many else 'is'} recorded as complete.",
        )
    if recorded_done:
        many = recorded_done != 1
        notes += (
            f"Not listed: {recorded_done} {'items' if many else 'item'} dated in this period that the plan already "
            f"records as completed.",
        )
    if q.window is not None and q.window.words.startswith("this week ("):
        notes += (f"You asked about {q.window.words}.",)
    if overlap:
        notes += ("A date given only as a month counts when that month overlaps the window (due by its last day).",)
    if undated:
        many = undated != 1
        notes += (
            f"I can't tell whether {undated} {'other ' if dated else ''}action{'s' if many else ''} "
            f"fall{'' if many else 's'} due then: the plan gives no due date I can read for "
            f"{'them' if many else 'it'}.",
        )
    if not items and undated and not dated:  # nothing here could be placed in time: say so first
        text = (
            f"I can't tell what falls due{scope} {between(start, until)}: "
            f"the plan gives no due dates I can read for the {undated} open action{'s' if undated != 1 else ''}"
            + (f" ({doubted} with a date a later document puts in doubt)." if doubted else ".")
        )
        return r.answer_of(q, "due-soon", text, notes=notes[:-1])
    works = _sponsored_work(q, e, start, until) if named is None else []
    starting = _starting(q, e, actions, start, until) if STARTS_ASKED.search(q.folded) else []
    if starting:  # "what kicks off this month": the work starting then, and what falls due then
        things_due: list = [*items, *works]
        text = f"{len(starting)} start{'s' if len(starting) == 1 else ''}{scope} {between(start, until)}"
        text += f", and {len(things_due)} fall{'s' if len(things_due) == 1 else ''} due then:" if things_due else ":"
        if not things_due:
            text += " (nothing falls due then)"
        return r.list_answer(
            q, "due-soon", text, [*starting, *things_due], lambda t: _coming_item(e, q.today, t), notes
        )
    if not items and not works:
        text = f"Nothing{scope} falls due {between(start, until)}."
        if q.window is None or q.window.vague:  # "anything coming up for her", "in the next few weeks": what next
            ahead = _next_dated(q, e, actions, named is None, until)
            if ahead:
                when, things = ahead
                text += f" The next {'thing' if len(things) == 1 else 'things'}{scope} "
                text += f"{'falls' if len(things) == 1 else 'fall'} on {long_day(when)}:"
                return r.list_answer(q, "due-soon", text, things, lambda t: _coming_item(e, q.today, t), notes)
        return r.answer_of(q, "due-soon", text, notes=notes)
    things: list = [*items, *works]
    text = f"{len(things)} due{scope} {between(start, until)}:"
    return r.list_answer(q, "due-soon", text, things, lambda t: _coming_item(e, q.today, t), notes)


# "what kicks off this month", "anything starting in october": work starting in the window, not only falling due
STARTS_ASKED = lazy(
    r"\b(starts?|starting|kicks? off|kicking off|begins?|beginning|commences?|commencing|gets? going|getting going)\b"
)


def _starting(
    q: Query, e: Engine, actions: list[Action], start: dt.date, until: dt.date
) -> list[tuple[Action, Milestone | None]]:
    """The actions, and the steps, of `actions` not complete whose start date falls in the window."""
    out: list[tuple[Action, Milestone | None]] = []
    for a in actions:
        if e.state(a, q.today).complete:
            continue
        if facts.falls_between(a.start, start, until):
            out.append((a, None))
        out += [(a, m) for m in a.milestones if m.status != "complete" and facts.falls_between(m.start, start, until)]
    return out


def _recorded_state(e: Engine, action: Action) -> st.ActionState:
    """The action's state on everything the plan records, whatever the day (kept per engine: it never changes)."""
    memo = e.__dict__.setdefault("_recorded_states", {})
    state = memo.get(action.key)
    if state is None:
        state = memo[action.key] = facts.derive(action, None)
    return state


def _recorded_done_by(e: Engine, action: Action, due: DateSpec) -> bool:
    """Whether the plan, read whole (whatever today is), records the action as completed by its own due date: County
    Action 7, its report due 16 December 2019 and recorded "Completed - December 2019", is not work falling due in
    December 2019, even asked on 3 December. Its derived state on the day is unchanged (never overdue either). Only
    the plan's own completed steps count; one recorded done after the due date is still due; evidence dated only by
    a year places nothing."""
    if not any(m.status == "complete" for m in action.milestones):
        return False
    recorded = _recorded_state(e, action)
    if not recorded.complete or recorded.evidence is None or recorded.evidence.kind != "milestones":
        return False  # only the plan's own completed steps: a later update is news of its own day
    when = recorded.evidence.date
    # a month or a day: "2020" in a later report says done some time that year, which places nothing in a window
    return when is not None and when.precision in ("day", "month") and when.first <= due.date


def _plans_asked(q: Query, e: Engine) -> list[str]:
    """The plans a question names when it names more than one ("the city and county plans"), else none."""
    from knowledge.query import plans_named

    named = [p for p in plans_named(e, q.folded) if p not in q.hidden]
    return named if len(named) > 1 else []


def _plans_scope(q: Query, e: Engine) -> str:
    named = _plans_asked(q, e)
    if not named:
        return ""
    who = r.scope_words(q, e).split(" for ", 1)
    return " in " + " and ".join(d.plan_label(e.kb, p) for p in named) + (f" for {who[1]}" if len(who) > 1 else "")


def _led_by(q: Query, e: Engine, refs: list[str]) -> list[Action]:
    """The actions these leads lead, in the plans the question names (one, several, or all it may see)."""
    named = _plans_asked(q, e)
    if not named:
        return r.led_by(q, e, refs)
    found = {a.key: a for ref in refs for a in e.by_lead.get(ref, []) if a.plan in named}
    return list(found.values())


def _candidates(q: Query, e: Engine) -> list[Action]:
    named = _plans_asked(q, e)
    if not named:
        return r.candidate_actions(q, e)
    return [a for p in named for a in e.kb.plans[p].actions]


def _scoped_by_person(q: Query, e: Engine, actions: list[Action]) -> list[Action]:
    refs = r.lead_refs(q, e)
    return actions if refs is None else _led_by(q, e, sorted(refs))


def _sponsored_work(q: Query, e: Engine, start: dt.date, until: dt.date) -> list[WorkItem]:
    """Work-programme items a person named in the question sponsors at a meeting in the window."""
    if not q.person:
        return []
    return [
        w
        for c in e.kb.committees.values()
        for w in c.work_programme
        if q.person in w.sponsors and w.meeting is not None and start <= w.meeting <= until
    ]


def _next_dated(
    q: Query, e: Engine, actions: list[Action], with_work: bool, after: dt.date
) -> tuple[dt.date, list] | None:
    """The first date after `after` on which something in scope falls due (an action, a milestone not done, a
    work-programme item the person sponsors), and everything on that date."""
    dated: list[tuple[dt.date, object]] = []
    for a in actions:
        state = e.state(a, q.today)
        if state.complete or (state.overdue and a.key in e.day(q.today).doubted):
            continue
        if state.due is not None and state.due.first > after:
            dated.append((state.due.first, (a, None)))
        far = dt.date.max - dt.timedelta(days=1)
        dated += [
            (m.due.first, (a, m)) for m in facts.milestones_due_between(a, q.today, after, far) if m.due.first > after
        ]
    if with_work:
        dated += [(w.meeting, w) for w in _sponsored_work(q, e, after + dt.timedelta(days=1), dt.date.max)]
    if not dated:
        return None
    first = min(day for day, _ in dated)
    return first, [t for day, t in dated if day == first]


def _coming_item(e: Engine, today: dt.date, thing) -> Item:
    if isinstance(thing, WorkItem):
        return d.work_item(e.kb, thing)
    return _late_item(e, today, *thing)


# "which audits did the QA group complete in 2019-20", "what reviews did they carry out last year": the work done
_WORK_DONE = lazy(
    r"\b(?:which|what|how many) (?:\w+ ){1,4}(?:did|have|has) (?:\w+ ){1,4}(?:complete|completed|do|done|carry out|"
    r"carried out|undertake|undertaken|finish|finished|conduct|conducted|get through)\b"
)


def fell_due(q: Query, e: Engine) -> Answer:
    """A window already over ("what was due last month"): everything that fell due in it, done or not, each with
    its state as of today - the one derived in knowledge/status.py."""
    assert q.window is not None
    start, until = q.window.start, q.window.end
    if _WORK_DONE.search(q.folded) and _unknown_thing(q, e, q.topic_words) and (said := e.passage_answer(q)):
        return said  # "which audits did the QA subgroup complete in 2019-20": no plan's action; the papers say
    named = None if r.lead_refs(q, e) is not None else named_actions(q, e)
    actions = named if named is not None else r.scoped_by_person(q, e, r.candidate_actions(q, e))
    items: list[tuple[Action, Milestone | None]] = []  # built a page at a time by list_answer
    for a in actions:
        if facts.falls_between(e.state(a, q.today).due, start, until):
            items.append((a, None))
        items += [(a, m) for m in a.milestones if facts.falls_between(m.due, start, until)]
    scope = _named_scope(e, named) or r.scope_words(q, e)
    notes = (*_took_notes(q, e, named), "Each shows where it stands today.")
    if not items and _WORK_DONE.search(q.folded) and (said := e.passage_answer(q)) is not None:
        return said  # "which audits did the QA group complete in 2019-20": what was done, which the papers report
    if not items:
        return r.answer_of(q, "due-soon", f"Nothing{scope} fell due {between(start, until)}.")
    text = f"{len(items)} fell due{scope} {between(start, until)}:"
    return r.list_answer(q, "due-soon", text, items, lambda pair: _late_item(e, q.today, *pair), notes)


def stale(q: Query, e: Engine) -> Answer:
    refs = r.lead_refs(q, e)
    actions = r.led_by(q, e, sorted(refs)) if refs is not None else r.candidate_actions(q, e)
    quiet = [a for a in actions if not e.state(a, q.today).complete and facts.is_stale(a, q.today)]
    scope = r.scope_words(q, e)
    if not quiet:
        return r.answer_of(q, "stale", f"Every action{scope} has an update in the last {facts.STALE_DAYS} days.")
    return r.list_answer(
        q,
        "stale",
        f"{len(quiet)} action{'s' if len(quiet) != 1 else ''}{scope} with no update or "
        f"completed milestone in the last {facts.STALE_DAYS} days:",
        quiet,
        lambda a: d.action_item(e.kb, a, q.today, "status"),
    )


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


def outcome(q: Query, e: Engine) -> Answer | None:
    """The outcome of a decision an action sets ("what mission statement did they agree"): the plan records the
    task, so unless an update records what came of it, say the papers do not record it, with the action."""
    if not OUTCOME.search(q.folded) or not q.topic_words:
        return None
    verbs = {
        "agree",
        "decide",
        "choose",
        "pick",
        "settle",
        "come",
        "produce",
        "write",
        "adopt",
        "go",
        "sign",
        "approve",
    }
    words = [w for w in q.topic_words if w not in verbs]
    hits = [h for h in r.search(q, e, words, min_cover=0.6) if isinstance(h.doc, Action)]
    if not hits or hits[0].score < 0.6 or (len(hits) > 1 and hits[0].score - hits[1].score < 0.15):
        return None
    action = hits[0].doc
    if action.updates or any(m.status == "complete" for m in action.milestones):
        return None  # something is recorded of how it went: the status answer says what
    label = d.action_label(e.kb, action)
    text = (
        f"I'm not sure: the papers do not record what came of it. The plan only sets the task, as {label}: "
        f"\u201c{d.short(action.text, 200)}\u201d, with no update or outcome recorded."
    )
    item = d.action_item(e.kb, action, q.today, "status")
    return r.answer_of(q, "not-sure", text, [item], subject=Subject.action(*action.key))


# words that put a question of which actions are done or open, not what they are about
_STATE_FORM = frozenset(
    {"done", "complete", "completed", "finished", "signed", "off", "achieved", "delivered", "left", "still",
     "remaining", "remain", "yet", "open", "incomplete", "anything", "any", "thing", "things", "bit", "bits", "row",
     "rows", "ones", "far", "so", "already", "been", "got", "actually", "evidenced", "finish"}
)  # fmt: skip


def by_state(q: Query, e: Engine) -> Answer | None:
    """ "which city actions are complete", "what's left to do on the county plan": the actions of the scope asked
    (a plan, a person, every plan this audience may see) that are evidenced as complete, or that are not, by the
    day asked (knowledge.facts.derive). None when the question names a topic (the topic answers try it)."""
    from knowledge.registry import OPEN_LIST

    names = {
        w for pid, _ in q.people for n in (e.kb.people[pid].name, *e.kb.people[pid].aliases) for w in content_words(n)
    }
    if q.action_ids or any(w not in _STATE_FORM and w not in names for w in q.topic_words):
        return None
    wanted_open = any(re.search(rf"\b{rx}", q.folded) for rx in OPEN_LIST)
    actions = r.scoped_by_person(q, e, r.candidate_actions(q, e))
    if not actions:
        return None
    scope = r.scope_words(q, e) or " across the plans you can see"
    on = long_day(q.today)
    found = [a for a in actions if e.state(a, q.today).complete != wanted_open]
    if wanted_open:
        text = (
            f"{len(found)} of {len(actions)} actions{scope} are not evidenced as complete as of {on} "
            "(open, or the plan records no progress):"
            if found
            else f"Every one of the {len(actions)} actions{scope} is evidenced as complete as of {on}."
        )
    else:
        text = (
            f"{len(found)} of {len(actions)} actions{scope} are evidenced as complete as of {on}:"
            if found
            else f"None of the {len(actions)} actions{scope} is evidenced as complete as of {on}: the plan records "
            "no completion, completed milestones or update saying so for any of them."
        )
    return r.list_answer(q, "status", text, found, lambda a: d.action_item(e.kb, a, q.today, "status"))
