"""Answers about people and roles: who someone is, what they lead, and people the papers do not name."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from knowledge import describe as d
from knowledge import reply as r
from knowledge.answer import Answer, Item, Subject
from knowledge.lazyre import lazy
from knowledge.models import Action
from knowledge.registry import TITLE_ASKED
from knowledge.text import content_words, fold, spelled_out

if TYPE_CHECKING:
    from knowledge.engine import Engine
    from knowledge.query import Query

NAMED_PERSON = lazy(
    r"\b(?:what (?:does|do|is|are|has) |who is |who s |tell me about |whats on )([a-z][a-z ]+?)"
    r"(?: (?:lead|leading|on|down for|got|responsible for|own|doing|do|plate|s plate))?$"
)


def which_person(q: Query, e: Engine, ask: str) -> Answer | None:
    """A lone name several people share: ask which, never guess."""
    if q.person or not q.ambiguous_people:
        return None
    token, ids = q.ambiguous_people[0]
    names = [e.kb.people[p].name for p in ids]
    return r.answer_of(
        q,
        "ambiguous",
        f"More than one person in the papers is called \u201c{token.title()}\u201d: {', '.join(names)}. Which one?",
        [d.person_item(e.kb, e.kb.people[p]) for p in ids],
        suggestions=tuple(ask.format(name=n) for n in names[:5]),
    )


def which_named(q: Query, e: Engine) -> Answer | None:
    """ "which claire ...": the people of that name, each with what the papers say of them; never one of them picked
    by the rest of the question's words."""
    if q.person or not q.ambiguous_people:
        return None
    return which_person(q, e, "what does {name} lead")


def portfolio(q: Query, e: Engine) -> Answer | None:
    which = which_person(q, e, "what does {name} lead")
    if which is not None:
        return which
    if q.person and "person" in q.intents and TITLE_ASKED.search(q.folded):
        return None  # "what is ty yousaf's title? doing the attendance list": who they are, not what they lead
    if q.person:
        return person_portfolio(q, e, q.person)
    if q.role:
        return role_portfolio(q, e, q.role)
    if q.subject and q.subject.kind == "person" and q.pronoun:
        return person_portfolio(q, e, q.subject.keys[0])
    return owner_portfolio(q, e) or unknown_named(q, e)


def not_led_by(q: Query, e: Engine) -> Answer | None:
    """ "which city iicsa actions aren't the corporate director's": the actions of the plan named that the person or
    role named (with the roles they hold, or the role's holders) does not lead. None without a plan, a person or
    role, or the negation."""
    refs = r.lead_refs(q, e)
    if refs is None or q.plan is None:
        return None
    if q.role and not q.person:
        refs |= {h.person for h in e.kb.roles[q.role].holders}
    led = {a.key for a in r.led_by(q, e, sorted(refs))}
    others = [a for a in r.visible_actions(q, list(e.kb.plans[q.plan].actions)) if a.key not in led]
    who = e.kb.name_of(q.person or q.role)
    label = d.plan_label(e.kb, q.plan)
    if not others:
        return r.answer_of(q, "portfolio", f"{who} leads every action of the {label}.")
    many = len(others) != 1
    text = f"{len(others)} action{'s' if many else ''} of the {label} {'are' if many else 'is'} not led by {who}:"
    return r.list_answer(q, "portfolio", text, others, lambda a: d.action_item(e.kb, a, q.today, "lead"))


def owner_portfolio(q: Query, e: Engine) -> Answer | None:
    """ "what is the Children's Society doing": actions whose owners cell names it (an owner that is not a person)."""
    words = list(q.topic_words)
    owned = e.topics.owned_by(words)
    if not owned:  # "exploitation leads - which tce actions are theirs": owner words the parse took as scope
        words = owner_words(q, e)
        owned = e.topics.owned_by(words)
    actions = r.visible_actions(q, [a for a in owned if not q.plan or a.plan == q.plan])
    if not actions:
        return None
    named = " ".join(words)
    text = f"{len(actions)} action{'s' if len(actions) != 1 else ''} name \u201c{named}\u201d among the owners:"
    return r.list_answer(q, "portfolio", text, actions, lambda a: d.action_item(e.kb, a, q.today, "lead"))


_NOT_OWNER = frozenset(
    {"action", "actions", "their", "theirs", "his", "her", "hers", "one", "ones", "plan", "which", "belong", "assigned"}
)


def owner_words(q: Query, e: Engine) -> list[str]:
    """The question's words that may name an owner as a plan writes it ("exploitation leads"), less the words
    that named the plan ("tce") and the words that shape the question."""
    plan_words: set[str] = set()
    if q.plan:  # a phrase of several words that names the plan, else the plan's own first word ("tce", "city")
        plan = e.kb.plans[q.plan]
        tokens = q.folded.split()
        for size in range(min(e.longest_plan_phrase, len(tokens)), 1, -1):
            grams = [" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)]
            plan_words |= {w for g in grams if e.plan_words.get(g) == q.plan for w in g.split()}
        plan_words |= {fold(n).split()[0] for n in plan.short_names[:1]} | {plan.id.split("-")[0]}
    return [w for w in dict.fromkeys(content_words(q.raw)) if w not in plan_words and w not in _NOT_OWNER]


# "what's his job", "paul lefford - what job does he do", "job title?": a person's job asked for
JOB_ASKED = lazy(r"\b(job|jobs|job title|post title)\b")


def who_is(q: Query, e: Engine) -> Answer | None:
    """ "who is Jenny Whiston": job title, organisation, contact details, and what they lead."""
    which = which_person(q, e, "who is {name}")
    if which is not None:
        return which
    if q.person:
        return person_portfolio(q, e, q.person, introduce=True)
    if q.role:
        return role_portfolio(q, e, q.role)
    return owner_portfolio(q, e) or unknown_named(q, e)  # "what does the VRP do": an owner the plans name


def unknown_named(q: Query, e: Engine) -> Answer | None:
    named = NAMED_PERSON.search(q.folded)
    if not named:
        return None
    phrase = named.group(1).strip()
    if re.match(r"(the|our|a|an|their|your) ", phrase) and re.match(r"\s*who", q.folded):  # "who is the DSL": a post
        return _no_post_holder(q, e, phrase)
    if len(phrase.split()) > 3 or not phrase or _is_topic(q, e, phrase):
        return None
    names = tuple(e.kb.people[p].name for p in e.names.suggest_people(phrase))
    return r.answer_of(
        q,
        "not-found",
        f"I don't know anyone called \u201c{phrase.title()}\u201d in the action plans or committee papers.",
        suggestions=names,
    )


def _is_topic(q: Query, e: Engine, phrase: str) -> bool:
    words = [w for w in content_words(phrase) if w not in e.plan_words]
    stop = {"overdue", "late", "due", "happening", "coming", "next", "plan", "panel", "status", "agenda", "new"}
    return not words or bool(set(words) & stop) or bool(r.search(q, e, words))


# what the papers never record of a person: the division, ward or party a councillor represents
_UNRECORDED = lazy(
    r"\b(?:which|what) (division|ward|party|constituency)\b.*\b(?:represent|represents|for|in|sit)\b"
    r"|\b(division|ward|party|constituency)\b.*\b(?:represent|represents)\b"
    r"|\b(?:what|which) (?:is|s) (?:\w+ ){1,3}?s (division|ward|party|constituency)\b"  # "what is cllr anderson's ward"
)


def person_portfolio(q: Query, e: Engine, pid: str, introduce: bool = False) -> Answer:
    person = e.kb.people[pid]

    def build(thing: Action | Item) -> Item:
        return thing if isinstance(thing, Item) else d.action_item(e.kb, thing, q.today)

    held = e.kb.roles_held(pid)
    refs = [pid, *(role.id for role in held)]
    actions = r.led_by(q, e, refs)
    card = d.person_item(e.kb, person)
    committee_items = []
    for c in e.kb.committees.values():
        committee_items += [d.work_item(e.kb, w) for w in c.work_programme if pid in w.sponsors]
        for m in c.meetings:
            committee_items += [d.agenda_item(e.kb, m, i) for i in m.agenda if pid == i.signatory or pid in i.contacts]
    member_of = [
        f"{m.role or 'Member'} of the {c.name}" for c in e.kb.committees.values() for m in c.members if m.person == pid
    ]
    roles = f" ({', '.join(role.title for role in held)})" if held else ""
    who = f"{person.name}{roles}"
    if introduce:
        title = "; ".join(person.titles) if person.titles else "no job title given in the documents"
        org = d.organisation_text(e.kb, person)
        text = f"{person.name}: {title}" + (f", {org}" if org else "") + "."
        if not person.titles and (TITLE_ASKED.search(q.folded) or JOB_ASKED.search(q.folded)):
            # "what's peter mcconnochie's job title": the answer asked for is not in the papers; say so first
            text = f"I'm not sure of {person.name}'s job title: the documents give none" + (
                f", only the organisation: {org}." if org else "."
            )
        unrecorded = _UNRECORDED.search(q.folded)
        if unrecorded:  # "which division does sinead anderson represent": not in the papers; say so first
            what = next(g for g in unrecorded.groups() if g)
            text = f"I'm not sure: the documents do not say which {what} {person.name} represents. " + text
        if member_of:
            text += " " + "; ".join(member_of) + "."
        text += " " + _count_phrase(len(actions), len(committee_items), _where(q, e, refs, actions)).capitalize() + "."
        said = [*_substituted(e, pid), *([] if person.titles else _owners_as_written(e, person.name, actions))]
        text += "".join(f" {line}" for line in said)
        return r.list_answer(
            q, "person", text, [*actions, *committee_items], build, head=(card,), subject=Subject("person", (pid,))
        )
    if not actions and not committee_items:
        extra = f" {'; '.join(member_of)}." if member_of else ""
        return r.answer_of(
            q,
            "portfolio",
            f"{who} leads no action{'' if q.plan is None else ' ' + _where(q, e, refs, actions)}, sponsors no "
            f"work-programme item and is contact for no report in the knowledge base.{extra}",
            [card],
            subject=Subject("person", (pid,)),
        )
    text = f"{who} " + _count_phrase(len(actions), len(committee_items)) + ":"
    return r.list_answer(q, "portfolio", text, [*actions, *committee_items], build, subject=Subject("person", (pid,)))


def _where(q: Query, e: Engine, refs: list[str], actions: list[Action]) -> str:
    """Where a person leads no action: the plan the question named (and that they lead actions in others, when they
    do), never "in the plans" when only one plan was looked at."""
    if actions or q.plan is None:
        return "in the plans"
    elsewhere = r.led_by(replace(q, plan=None), e, refs)
    where = f"in the {d.plan_label(e.kb, q.plan)}"
    if elsewhere:
        plans = sorted({d.plan_label(e.kb, a.plan) for a in elsewhere})
        n = len(elsewhere)
        named = " and the ".join(plans)
        where += f" (they lead {n} action{'s' if n != 1 else ''} in the {named})"
    return where


def _substituted(e: Engine, pid: str) -> list[str]:
    """What the minutes record of a person substituting at a meeting, with that meeting's apologies as recorded."""
    said = []
    for c in e.kb.committees.values():
        for m in c.meetings:
            if m.attendance is None or pid not in m.attendance.substitutes:
                continue
            away = [e.kb.name_of(p) for p in m.attendance.apologies]
            apologies = f" (apologies that meeting: {', '.join(away)})" if away else ""
            who = e.kb.people[pid].name
            said.append(f"The minutes record {who} as a substitute at the {d.meeting_title(e.kb, m)}{apologies}.")
    return said


def _owners_as_written(e: Engine, name: str, actions: list[Action]) -> list[str]:
    """An owners cell that qualifies the person's name, quoted as written: from the name on when the qualifier
    follows it ("Dan Evans - Police ..."), else whole ("... The Children's Society VRP – Steve Harrison", "The
    Steering Group VRP (Steve Harrison)"): the plan's own words about them, for a person the papers give no job
    title."""
    said: dict[str, str] = {}
    for a in actions:
        cell = " ".join((a.owners_text or "").split())
        after = re.search(rf"{re.escape(name)} [-\u2013\u2014] ", cell)
        if after is not None:
            said.setdefault(cell[after.start() :].strip(), d.action_label(e.kb, a))
        elif re.search(rf"(?:[-\u2013\u2014] |\(){re.escape(name)}\b", cell):  # "VRP – Steve Harrison"
            said.setdefault(cell, d.action_label(e.kb, a))
    return [f"Named in the owners of {label} as \u201c{quote}\u201d." for quote, label in said.items()]


def role_portfolio(q: Query, e: Engine, rid: str) -> Answer:
    actions = r.led_by(q, e, [rid])
    role = e.kb.roles[rid]
    holders = tuple(d.person_item(e.kb, e.kb.people[h.person]) for h in role.holders if h.person in e.kb.people)
    who = e.kb.name_of(rid)
    held = "" if holders else " The documents name no holder of this role."
    if not actions:
        return r.answer_of(q, "portfolio", f"{who} leads no action in the knowledge base.{held}", holders)
    text = f"{who} leads {len(actions)} action{'s' if len(actions) != 1 else ''}:{held}"
    return r.list_answer(q, "portfolio", text, actions, lambda a: d.action_item(e.kb, a, q.today), head=holders)


def _count_phrase(actions: int, committee_items: int, where: str = "in the plans") -> str:
    """ "leads 2 actions and is named on 1 committee item" without "0 actions" or "item(s)"."""
    lead = f"leads {actions} action{'s' if actions != 1 else ''}" if actions else f"leads no action {where}"
    if not committee_items:
        return lead
    return f"{lead}, and is named on {committee_items} committee item{'s' if committee_items != 1 else ''}"


_ASKS_WHO_HOLDS = lazy(r"\s*(who|whos|which (one|person|officer|of them) (is|s|was))\b")
TITLE_WORDS_AT_LEAST = 3  # a "who has <title>" question must give this many words of the title
_NOW_WORDS = frozenset({"now", "currently", "current", "presently", "today", "moment", "nowadays", "days"})


_BARE_TITLE = lazy(
    r"^\s*(?:the\s+)?(?!(?:who|whos|what|whats|when|where|which|how|why|is|are|do|does|did|can|has|have|any|list)\b)"
    r"[a-z]+(?:\s+[a-z]+){2,7}\s*$"
)


# "chief nurse - name?", "chief nurse who signed off the annual report, name?": a post, and its holder's name asked
_TITLE_NAME_ASKED = lazy(
    r"^\s*(?:the\s+)?(?P<title>[a-z]+(?:\s+[a-z]+){1,4}?)\s+(?:(?:who|that)\s+[a-z0-9 ]*?\s+)?"
    r"(?:name|names|name pls|name please)\s*$"
)


def _bare_title_holders(q: Query, e: Engine) -> Answer | None:
    """A question that is only a post's title ("service manager for secure accommodation?"): who the papers give
    that title to, when every word of it is in the title of one to three people (at least TITLE_WORDS_AT_LEAST).
    A title asked with "name?" after it ("chief nurse - name?") may be two words, when one person holds it."""
    named = _TITLE_NAME_ASKED.match(q.folded)
    if named is not None:
        wanted = frozenset(spelled_out(content_words(named.group("title"))))
        found = e.names.title_holders(wanted, 2) if len(wanted) >= 2 else []
        if len(found) == 1:
            return _holders_answer(q, e, found)
    if not _BARE_TITLE.match(q.folded):
        return None
    wanted = frozenset(spelled_out(content_words(q.raw)))
    if len(wanted) < TITLE_WORDS_AT_LEAST:
        return None
    found = e.names.title_holders(wanted, TITLE_WORDS_AT_LEAST)
    if not found or len(found) > 3:
        return None
    return _holders_answer(q, e, found)


def title_holders(q: Query, e: Engine) -> Answer | None:
    """ "who has strategic responsibility for child exploitation": the people whose recorded job title says it.

    Every content word of the question must be in one title of the person (or their organisation's name,
    for "at the county"), and at least TITLE_WORDS_AT_LEAST of them in the title itself; more than three
    such people is no answer (the words are too general to say who).
    """
    asked = _ASKS_WHO_HOLDS.match(q.folded)
    if q.person or q.role:
        return None
    if not asked:  # "service manager for secure accommodation?": a post's title, asked on its own
        return _bare_title_holders(q, e)
    # "which one is the service manager, ...? need a name for the minutes": the title is in the question asked,
    # not in what is said after it
    first = re.split(r"\?|\s[-\u2013\u2014]\s|;", q.raw)[0].strip() or q.raw
    wanted = frozenset(spelled_out(content_words(first))) - ({"one", "person", "officer"} if asked.group(2) else set())
    wanted -= _NOW_WORDS  # "who's service manager for residential services now": when, not a word of the title
    if len(wanted) < TITLE_WORDS_AT_LEAST:
        found = _whole_title_holders(q, e, wanted) or _acronym_holders(q, e, wanted)
        return found or _one_title_holder(q, e, wanted)
    found = e.names.title_holders(wanted, TITLE_WORDS_AT_LEAST)
    if not found or len(found) > 3:
        return _acronym_holders(q, e, wanted) or _one_title_holder(q, e, wanted)
    return _holders_answer(q, e, found)


def _holders_answer(q: Query, e: Engine, found: list[tuple[str, str]]) -> Answer:
    """The people (id, title as the papers write it) whose title the question gives, each with their card."""
    people = [e.kb.people[pid] for pid, _ in found]
    said = "; ".join(f"{p.name}, \u201c{title}\u201d" for p, (_, title) in zip(people, found, strict=True))
    lead = "The papers give this title to" if len(found) == 1 else "The papers give such a title to"
    if all(_QUALIFIED.search(title) and not _QUALIFIED.search(q.folded) for _, title in found):
        # "who is the virtual school head": "Assistant Head of Virtual Schools" is near it, not it
        lead = "No one has that exact title; the nearest the papers give is"
    return r.answer_of(
        q,
        "person",
        f"{lead} {said}.",
        [d.person_item(e.kb, p) for p in people],
        subject=Subject("person", (people[0].id,)) if len(people) == 1 else None,
    )


_QUALIFIED = lazy(r"\b(assistant|deputy|interim|acting|vice|associate|temporary)\b", re.I)
_POSTS = frozenset(
    content_words("head manager director officer lead chair nurse coordinator adviser advisor worker principal")
)


def _one_title_holder(q: Query, e: Engine, wanted: frozenset[str]) -> Answer | None:
    """ "who is the head of fostering at the county": two words of a title ("Head of Service, Fostering, ...")
    that only one person's title has; the title is quoted whole, so the reader sees how near it is."""
    if len(wanted) < 2 or not wanted & _POSTS:  # "strategic responsibility" says no post
        return None
    found = e.names.title_holders(wanted, 2)
    if len(found) != 1:
        return None
    pid, title = found[0]
    person = e.kb.people[pid]
    text = f"No one has that exact title; the nearest the papers give is {person.name}, \u201c{title}\u201d."
    return r.answer_of(q, "person", text, [d.person_item(e.kb, person)], subject=Subject("person", (pid,)))


def _acronym_holders(q: Query, e: Engine, wanted: frozenset[str]) -> Answer | None:
    """ "who is the LADO", "who's the county LADO": a post the papers write as an acronym inside someone's title
    ("CSM Strategic Safeguarding and LADO"): the one to three people whose titles write it so."""
    acronyms = [w for w in wanted if w in _title_acronyms(e)]
    if len(acronyms) != 1:
        return None
    rx = re.compile(rf"\b{re.escape(acronyms[0].upper())}\b")
    rest = frozenset(wanted - {acronyms[0]} - {"contact", "email", "phone", "number", "details", "name"})
    holders = [(pid, t) for pid, t in e.names.title_holders(frozenset(acronyms) | rest, 1) if rx.search(t)]
    if not holders or len(holders) > 3:
        return None
    people = [e.kb.people[pid] for pid, _ in holders]
    said = "; ".join(f"{p.name}, \u201c{t}\u201d" for p, (_, t) in zip(people, holders, strict=True))
    return r.answer_of(
        q,
        "person",
        f"The papers give {acronyms[0].upper()} in the title of {said}.",
        [d.person_item(e.kb, p) for p in people],
        subject=Subject("person", (people[0].id,)) if len(people) == 1 else None,
    )


def _title_acronyms(e: Engine) -> frozenset[str]:
    """Acronyms written in capitals inside people's job titles ("LADO", "DCS"), folded; built once per engine."""
    memo = e.__dict__.get("_title_acronyms")
    if memo is None:
        memo = frozenset(
            a.lower() for p in e.kb.people.values() for t in p.titles for a in re.findall(r"\b[A-Z]{2,6}\b", t)
        )
        e.__dict__["_title_acronyms"] = memo
    return memo


def _whole_title_holders(q: Query, e: Engine, wanted: frozenset[str]) -> Answer | None:
    """ "who is the councillor": a short title named whole (a title or honorific alone names no one person): every
    person the papers give exactly that title, or None."""
    from knowledge.index import TITLE_WORDS

    if not wanted or not wanted & TITLE_WORDS:
        return None
    holders = e.names.title_holders(wanted, len(wanted))
    # "who is the service director": every title holding the words ("Service Director, ..."), the title named
    # whole among them ("Councillor")
    found = [(pid, t) for pid, t in holders if wanted <= set(content_words(t))]
    if not found:
        return None
    whole = all(set(content_words(t)) == wanted for _, t in found)
    people = [e.kb.people[pid] for pid, _ in found]
    named = (
        f"the title \u201c{found[0][1]}\u201d"
        if whole
        else f"a title with \u201c{' '.join(sorted(wanted))}\u201d in it"
    )
    if len(people) == 1:
        text = f"The papers give {named} to one person: {people[0].name}" + ("." if whole else f" ({found[0][1]}).")
    else:
        names = "; ".join(
            p.name if whole else f"{p.name} ({t})" for p, (_, t) in zip(people[: r.PAGE], found[: r.PAGE], strict=True)
        )
        more = f" (the first {r.PAGE} shown)" if len(people) > r.PAGE else ""
        text = f"The papers give {named} to {len(people)} people{more}: {names}. Which one do you mean?"
    return r.answer_of(
        q,
        "person" if len(people) == 1 else "ambiguous",
        text,
        [d.person_item(e.kb, p) for p in people[: r.PAGE]],
        subject=Subject("person", (people[0].id,)) if len(people) == 1 else None,
        suggestions=tuple(f"who is {p.name}" for p in people[:3]) if len(people) > 1 else (),
    )


# "who is the lead member for children's services", "who's the designated nurse": a post someone holds, not the
# lead of an action (the plans' "Lead Officer" is how they name an action's lead, so it is not one of these)
POST = lazy(
    r"\bwho (?:is|s|are|was) (?:the |our |a |their )?(?:\w+ )?(?:lead|designated|named|cabinet) "
    r"(member|councillor|cllr|nurse|doctor|gp|practitioner|professional|portfolio holder)s?\b"
)


def names_a_post(q: Query) -> bool:
    """Whether the question asks who holds a post (a lead member, a designated nurse) rather than who leads work."""
    return not q.action_ids and not q.person and POST.search(q.folded) is not None


def _no_post_holder(q: Query, e: Engine, phrase: str) -> Answer | None:
    """ "who is the <post>" with no person or role of that name: the titles that say it, else not sure."""
    found = title_holders(q, e)
    if found is not None:
        return found
    if _is_topic(q, e, phrase.split(" ", 1)[1]):
        return None  # words of the records ("who is the lead for the member visits"): the topic answers try it
    whole = re.search(r"\bwho (?:is|s|are|was) (.+)$", q.folded)
    phrase = whole.group(1) if whole else phrase
    return r.answer_of(
        q,
        "not-sure",
        f"I'm not sure: the papers I hold name no one as {phrase}. I can say who leads an action, or who someone "
        "is, if you name the action or the person.",
        suggestions=("who leads action 7a?", "who is Jenny Whiston?"),
    )


def post_holder(q: Query, e: Engine) -> Answer:
    """Who holds a post: the people whose recorded job title says it, else not sure (never an action's lead)."""
    found = title_holders(q, e)
    if found is not None:
        return found
    post = POST.search(q.folded)
    assert post is not None
    what = q.folded[post.start() :].split(" ", 2)[-1]
    return r.answer_of(
        q,
        "not-sure",
        f"I'm not sure: the papers I hold name no one as {what}. I can say who leads an action, or who someone "
        "is, if you name the action or the person.",
        suggestions=("who leads action 7a?", "who is Jenny Whiston?"),
    )
