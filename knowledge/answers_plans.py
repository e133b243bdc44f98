"""Answers about a plan as a whole: its priorities or themes, their key activities, and counts."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from knowledge import describe as d
from knowledge import facts
from knowledge import reply as r
from knowledge.answer import Answer, Item
from knowledge.index import _root
from knowledge.lazyre import lazy
from knowledge.models import Action, Plan
from knowledge.query import weakly_named
from knowledge.text import ABBREVIATIONS, content_words, expand, spelled_words

if TYPE_CHECKING:
    import datetime as dt

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


def _numbered_instead(q: Query, e: Engine, plan: Plan) -> Plan | None:
    """The one visible plan that numbers its priorities, when the question asks a priority of a plan that numbers
    none and names that plan only by a word of its long name, or names a plan with no themes at all."""
    groups = themes(plan)
    if any(theme_number(t) for t, _ in groups) or not _PRIORITY_WORD.search(q.folded):
        return None
    if groups and not weakly_named(e, q.folded, plan.id):
        return None  # "what are the tce plan's priorities": its two themes, as asked
    numbered = [p for p in e.kb.plans.values() if p.id not in q.hidden and any(theme_number(t) for t, _ in themes(p))]
    if len(numbered) != 1:
        return None
    other = numbered[0]
    # not another year's priorities ("the city's priorities for 20/21" are the annual report's), nor a plan whose
    # years had not begun on the day asked
    starts = [start for start, _ in _periods(other.title)]
    if _other_period(q, other, priorities_heading(e, other)) or (starts and q.today.year < min(starts)):
        return None
    return other


_PRIORITY_WORD = lazy(r"\bpriorit(?:y|ies)\b(?! actions?\b)")


def _plan_with_priorities(q: Query, e: Engine) -> Plan | None:
    if q.plan:
        return e.kb.plans[q.plan]
    ranked = [p for p in e.kb.plans.values() if p.id not in q.hidden and any(theme_number(t) for t, _ in themes(p))]
    return ranked[0] if ranked else None


def priorities(q: Query, e: Engine) -> Answer | None:
    """A plan's priorities (or themes), or the key activities under one priority."""
    plan = _plan_with_priorities(q, e)
    from knowledge.answers_papers import from_named_paper

    named = from_named_paper(q, e, plan)
    if named is not None:  # "what did the annual report say the priorities were": that paper's, not a plan's
        return named
    if plan is None:
        return None
    if _COUNT_OF_OTHER.search(q.folded) and not _COUNTS_PLAN_PARTS.search(q.folded):
        # "priority families programme numbers? how many families took part": a figure, not the priorities
        return e.passage_answer(q)
    # ("DASH - is it mentioned anywhere in the priorities": the thing named before the dash, the question after it)
    yes_no = YES_NO.match(q.folded) or YES_NO.match(re.split(r"\s{2,}", q.folded.strip())[-1])
    if q.plan and yes_no and MENTIONS.search(q.folded) and (said := plan_mentions(q, e)) is not None:
        return said  # "is the out of routine review mentioned anywhere in the business plan priorities"
    if (switched := _numbered_instead(q, e, plan)) is not None:
        # "the exploitation priority in the city plan": the city IICSA plan numbers no priorities; the business plan
        # does, and is answered, saying so
        found = priorities(replace(q, plan=switched.id), e)
        whole = found is not None and found.kind == "priorities" and all(i.kind == "theme" for i in found.items)
        # (a priority asked by its words, which the other plan's answer lists whole rather than choosing: not that)
        if found is not None and not (whole and _asked_words(q) - _FILLER - set(content_words(switched.title))):
            note = (
                f"{d.plan_label(e.kb, plan.id)} numbers no priorities; these are {d.plan_label(e.kb, switched.id)}'s.",
            )
            return replace(found, notes=note + found.notes)
    heading = priorities_heading(e, plan)
    if _other_period(q, plan, heading) or re.search(r"\b(overarching|vision|strategic aims?)\b", q.folded):
        # not the plan's own priorities: another year's (the annual report's), or its vision and overarching
        # priorities, which are text in the papers rather than records
        found = e.passage_answer(q)
        if found is not None:
            from knowledge.answers_papers import whole_list

            return whole_list(q, e, found) or found
    groups = themes(plan)
    if not groups:
        return r.answer_of(q, "priorities", f"{d.plan_label(e.kb, plan.id)} records no priorities or themes.")
    label = "priorities" if any(theme_number(t) for t, _ in groups) else "themes"
    counting = PRIORITY_COUNT.search(q.folded) is not None  # "no. of priorities?": the whole list, counted
    chosen, hits = (None, []) if counting else _chosen(q, e, groups)
    note: tuple[str, ...] = ()
    if chosen is None and not counting and _unplaced_words(q, e, groups):
        # words the plan's priorities do not hold ("which priority mentions the DASH form" scoped by a word that
        # named another plan): another plan's priority that holds them all, else not sure (never the whole list)
        other = _priority_elsewhere(q, e, plan)
        if other is None:
            return _not_sure_priorities(q, e, plan, groups, label)
        plan, groups, chosen, hits = other
        note = (f"Your words are in {d.plan_label(e.kb, plan.id)}, not the plan I first read them as naming.",)
    if chosen is None and not counting and _ASKS_WHICH_PRIORITY.search(q.folded) and _asked_words(q) - _FILLER:
        # "which priority deals with domestic abuse, and what's the risk form": one priority asked for by its words,
        # none chosen clearly - not sure (the list below), never the whole list as if it were the answer
        return _not_sure_priorities(q, e, plan, groups, label)
    if q.attribute == "lead":
        actions = chosen[1] if chosen else [a for _, group in groups for a in group]
        leads = sorted({e.kb.name_of(ref) for a in actions for ref in a.leads})
        where = d.short(chosen[0], 120) if chosen else d.plan_label(e.kb, plan.id)
        if not leads:
            return r.answer_of(q, "lead", f"The plan names no lead for the key activities of {where}.")
        return r.answer_of(q, "lead", f"Leads named for {where}: {', '.join(leads)}.")
    if chosen is not None and (said := _mentions(q, e, *chosen)) is not None:
        return said
    if chosen is not None:
        theme, actions = chosen
        if _FIRST_PRIORITY.search(q.folded) and q.priority_number is None:
            note += ("The plan numbers its priorities but does not rank them: this is the first it lists.",)
        items = [d.action_item(e.kb, a, q.today) for a in actions]
        # the key activities are the answer, each shown whole: the words asked may be past the usual cut ("MACE")
        items = [replace(i, lines=(a.text, *i.lines[1:])) for a, i in zip(actions, items, strict=True)]
        head = d.short(theme, 300)
        asked = _asked_words(q) - _FILLER
        if asked and _cover(e, asked, head) < _cover(e, asked, theme):  # the words asked are past the cut (LGBT+)
            head = _theme_excerpt(e, asked, theme)
        text = f"{head} - {len(actions)} key activit{'ies' if len(actions) != 1 else 'y'}"
        text += f" (your words are in {', '.join(a.id for a in hits)}):" if hits else ":"
        return r.answer_of(q, "priorities", text, items, notes=note)
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
    text = f"{d.plan_label(e.kb, plan.id)} has {len(groups)} {label}"
    if heading:
        text += f", set out under the heading \u201c{heading}\u201d"
        if heading_period(heading) and not _periods(plan.title) & heading_period(heading):
            text += f" (the plan's title says {' and '.join(sorted(_period_words(plan.title)))})"
    return r.answer_of(q, "priorities", text + ":", items)


# "how many priorities", "no. of priorities?", "total number of priorities": the count of a plan's priorities
# a count asked of something: "how many families", "numbers for ...", "number of ..."
_COUNT_OF_OTHER = lazy(r"\b(how\s+many|how\s+much|numbers\s+(for|of|in|on)|number\s+of)\b")
_COUNTS_PLAN_PARTS = lazy(
    r"\b(how\s+many|number\s+of|no\s+of|total|count\s+of)\s+(\w+\s+){0,3}(priorit\w*|themes?|activit\w*|actions?)\b"
)
PRIORITY_COUNT = lazy(r"\b(how\s+many|number\s+of|no\s+of|total|count\s+of)\s+(\w+\s+){0,3}(priorities|themes)\b")


_PERIOD = lazy(r"\b(20\d\d)(?:\s*[-/\u2013]\s*(20)?(\d\d))?\b")


# "does priority one mention MACE", "do the key activities include training": yes or no, with the words
_MENTION = lazy(
    r"^\s*(does|do|did|is|are|has|have)\b.*\b(mention|mentions|mentioned|include|includes|included|cover|covers|"
    r"refer to|refers to|say anything about|talk about|talks about)\b"
)


_MENTION_WORDS = frozenset(
    {"mention", "mentions", "mentioned", "include", "includes", "included", "cover", "covers", "covered", "refer",
     "refers", "referred", "say", "says", "said", "anything", "talk", "talks", "talked", "named", "name", "names"}
)  # fmt: skip
_NOT_ASKED = _MENTION_WORDS | {"is", "are", "do", "did", "has", "have", "the", "a", "an", "in", "on", "of", "to"}
_NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})


def _mentions(q: Query, e: Engine, theme: str, actions: list[Action]) -> Answer | None:
    """Whether a priority (its text or a key activity) mentions the words asked: yes, quoting the sentence
    that does, or that they cannot be found there; None when the question is not a yes/no "mention"."""
    words = _asked_words(q) - _NUMBER_WORDS - _MENTION_WORDS
    found = _MENTION.search(q.folded)
    if not words or not found:
        return None
    label = d.short(theme.split(":")[0], 80)
    texts = [(label, _body(theme), actions[0].source if actions else None)]
    texts += [(f"{d.plan_label(e.kb, a.plan)}, {a.id}", a.text, a.source) for a in actions]
    said = [(where, text, source) for where, text, source in texts if _cover(e, words, text) >= 1.0]
    written = {w.lower(): w for w in re.findall(r"[\w']+", q.raw)}  # the words as the question put them
    skip = _NOT_ASKED | _ASKING | _NUMBER_WORDS
    asked = " ".join(written.get(t, t) for t in q.folded.split() if t not in skip and not t.isdigit())
    asked = asked or " ".join(sorted(words))
    if not said:
        text = (
            f"I can't find \u201c{asked}\u201d in {label} or its {len(actions)} key "
            f"activit{'ies' if len(actions) != 1 else 'y'}."
        )
        return r.answer_of(q, "not-sure", text, [d.action_item(e.kb, a, q.today) for a in actions])
    items = [Item("quote", where, (_sentence_with(e, words, text),), {}, source) for where, text, source in said]
    return r.answer_of(
        q,
        "priorities",
        f"Yes: {label} mentions \u201c{asked}\u201d ({'in its own text' if said[0][0] == label else said[0][0]}):",
        items,
    )


def _sentence_with(e: Engine, words: set[str], text: str) -> str:
    """The sentence of `text` that holds the words (the whole text when no one sentence holds them all)."""
    for sentence in re.split(r"(?<=[.;])\s+", text):
        if _cover(e, words, sentence) >= 1.0:
            return sentence
    return text


def _periods(text: str) -> set[tuple[int, int]]:
    """The years or spans of years a text names: "2021-24" is (2021, 2024), "2020/21" (2020, 2021)."""
    out = set()
    for m in _PERIOD.finditer(text):
        start = int(m.group(1))
        end = start - start % 100 + int(m.group(3)) if m.group(3) else start
        out.add((start, end))
    return out


def _period_words(text: str) -> set[str]:
    return {m.group(0) for m in _PERIOD.finditer(text)}


def heading_period(heading: str) -> set[tuple[int, int]]:
    return _periods(heading)


def _other_period(q: Query, plan: Plan, heading: str | None) -> bool:
    """Whether the question names a year or span of years that is not the plan's own (its title's, or the
    heading its priorities are set out under): a span must be one of those; a lone year must fall in one."""
    asked = _periods(q.raw)
    if not asked:
        return False
    own = _periods(plan.title) | (_periods(heading) if heading else set())
    for start, end in asked:
        if start == end:
            if not any(a <= start <= b for a, b in own):
                return True
        elif (start, end) not in own:
            return True
    return False


def priorities_heading(e: Engine, plan: Plan) -> str | None:
    """The heading the plan's papers set its priorities out under ("Priorities for 2020-22"): the part of a
    passage's section before the first priority's own label, in the paper with the plan's seed."""
    memo: dict[str, str | None] = e.__dict__.setdefault("_priorities_heading", {})
    if plan.id not in memo:  # read from the papers once per engine
        memo[plan.id] = _priorities_heading(e, plan)
    return memo[plan.id]


def _priorities_heading(e: Engine, plan: Plan) -> str | None:
    groups = themes(plan)
    if not groups or not plan.source or not e.kb.papers:
        return None
    first = groups[0][0].split(":")[0].strip()
    for paper in e.kb.papers.values():
        if paper.seed != plan.source.seed:
            continue
        for passage in paper.passages:
            section = passage.section or ""
            for dash in (" \u2013 ", " - ", " \u2014 "):
                if section.endswith(dash + first):
                    return section[: -len(dash + first)].strip() or None
    return None


# words that say how a priority is asked about, not what it is about
_ASKING = frozenset(
    {"priority", "priorities", "key", "activity", "activities", "theme", "business", "mention", "say", "cover",
     "include", "one", "about", "which", "under", "come", "fall", "sit", "does", "year", "period", "plan", "talk",
     "talks", "says", "mentions", "mentioned", "covers", "includes", "regarding", "concern", "concerns", "deal",
     "deals", "pick", "picks", "reference", "references", "referenced", "address", "addresses", "tackle", "tackles",
     "sitting", "sits", "falls", "falling", "comes", "coming", "actually", "name", "names"}
)  # fmt: skip


def _body(theme: str) -> str:
    """A priority's text without its label ("Priority Three: ...")."""
    return theme.split(":", 1)[1] if ":" in theme else theme


# words that put a question loosely, about nothing in particular ("anything anywhere about ...", "that piece")
_FILLER = frozenset(
    {"say", "anything", "anywhere", "something", "much", "stuff", "bit", "piece", "really", "actually", "at", "all",
     "mentioned", "covered", "included", "referred", "refers", "refer"}
)  # fmt: skip


def _norm(word: str) -> str:
    return {"children": "child", "people": "person", "young": "young"}.get(word, word)


def _asked_words(q: Query) -> set[str]:
    """The question's words about what it asks for: abbreviations spelled out (in place of themselves)."""
    from knowledge.text import SYNONYMS

    spelled = expand(q.topic_words)
    # an everyday word the plan writes otherwise ("kids": children) is looked for as the plan writes it, not also
    # as itself; "no", "without" say what a priority covers, not a word it holds ("kids without access to ...")
    everyday = {w for w in q.topic_words if w in SYNONYMS and SYNONYMS[w] in spelled}
    return (
        {_norm(w) for w in spelled if (w not in ABBREVIATIONS or w == ABBREVIATIONS[w]) and w not in everyday}
        - _ASKING
        - _NEGATIONS
    )


_NEGATIONS = frozenset({"no", "not", "without", "lack", "lacking"})


def _cover(e: Engine, words: set[str], text: str) -> float:
    """Share of the words' weight (rarer words weigh more) that a text holds."""
    if not words:
        return 0.0
    held = {_root(_norm(w)) for w in content_words(text)}
    rare = max(e.topics.idf.values(), default=1.0)  # a word no record holds is the most distinctive of all
    weight: dict[str, float] = {}
    unknown: set[str] = set()
    for word in words:
        known = e.topics.correct(word)  # a typo of a known word
        key = _root(_norm(known or word))
        weight[key] = max(weight.get(key, 0.0), e.topics.idf[known] if known else rare)
        if not known:
            unknown.add(key)
    # a word the records never use may be another form of one they do ("recruiting": "recruitment")
    return sum(v for w, v in weight.items() if w in held or (w in unknown and _kin(w, held))) / sum(weight.values())


def _kin(word: str, held: set[str]) -> bool:
    """Another form of the word among `held`: "recruiting" and "recruitment", "involved" and "involvement"."""
    if len(word) < 6:
        return False
    return any(len(h) >= 6 and _shared(word, h) >= max(6, min(len(word), len(h)) - 3) for h in held)


def _shared(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _chosen(
    q: Query, e: Engine, groups: list[tuple[str, list[Action]]]
) -> tuple[tuple[str, list[Action]] | None, list[Action]]:
    """The priority the question names (by number, by the words of its text, or by a key activity that holds
    the words), and the key activities that hold them when that is how it was found."""
    chosen = _chosen_group(q, e, groups)
    if chosen is not None and chosen is _named_before_priority(q, e, groups):
        # named by the words before "priority": the key activities that hold the question's words are said too
        words = _asked_words(q)
        covers = [(_cover(e, words, f"{_body(chosen[0])} {a.text}"), _cover(e, words, a.text), a) for a in chosen[1]]
        best = max((c for c, _, _ in covers), default=0.0)
        return chosen, [a for c, own, a in covers if c == best and own > 0]
    if chosen is not None:
        return chosen, []
    words = _asked_words(q)
    if not words:
        return None, []
    scored = []
    for theme, actions in groups:
        covers = [(_cover(e, words, f"{_body(theme)} {a.text}"), _cover(e, words, a.text), a) for a in actions]
        best = max(c for c, _, _ in covers)
        held = [a for c, own, a in covers if c == best and own > 0]
        if best >= 0.75 and held:
            scored.append((best, theme, actions, held))
    scored.sort(key=lambda t: -t[0])
    if len(scored) == 1 or (len(scored) > 1 and scored[0][0] - scored[1][0] >= 0.2):
        _, theme, actions, held = scored[0]
        return (theme, actions), held
    if not scored:  # "which priority picks up equality / diversity and does it reference legislation": the words
        whole = _chosen_whole(e, words, groups)  # spread over two key activities of one priority
        return whole if whole[0] is not None else _chosen_clearly(e, words, groups)
    return None, []


def _chosen_clearly(
    e: Engine, words: set[str], groups: list[tuple[str, list[Action]]]
) -> tuple[tuple[str, list[Action]] | None, list[Action]]:
    """ "hsb key activities - whose updates are they relying on for prevalence": the one key activity holding most of
    the words (not all: "relying" is the asker's) when no other priority's comes near; else none."""
    covers = [[_cover(e, words, f"{_body(theme)} {a.text}") for a in actions] for theme, actions in groups]
    order = sorted(range(len(groups)), key=lambda n: -max(covers[n], default=0.0))
    if not order:
        return None, []
    top = max(covers[order[0]], default=0.0)
    if top < CLEAR_COVER or (len(order) > 1 and top - max(covers[order[1]], default=0.0) < CLEAR_MARGIN):
        return None, []
    theme, actions = groups[order[0]]
    texts = [" ".join((_body(t), *(a.text for a in acts))) for t, acts in groups]
    for word in words:  # a word another priority holds and this one lacks: not clearly this one ("the neglect one")
        if _cover(e, {word}, texts[order[0]]) == 0 and any(_cover(e, {word}, x) > 0 for x in texts):
            return None, []
    return (theme, actions), [a for a, c in zip(actions, covers[order[0]], strict=True) if c == top]


CLEAR_COVER = 0.6  # of the question's words, in one priority's text and one of its key activities ...
CLEAR_MARGIN = 0.3  # ... and by this much more than any other priority's


def _chosen_whole(
    e: Engine, words: set[str], groups: list[tuple[str, list[Action]]]
) -> tuple[tuple[str, list[Action]] | None, list[Action]]:
    """The one priority whose text and key activities together hold the words (no other comes near), with the
    key activities that hold some of them."""
    whole = sorted(
        (
            (_cover(e, words, " ".join((_body(theme), *(a.text for a in actions)))), theme, actions)
            for theme, actions in groups
        ),
        key=lambda t: -t[0],
    )
    if not whole or whole[0][0] < 0.99 or (len(whole) > 1 and whole[0][0] - whole[1][0] < 0.4):
        return None, []
    _, theme, actions = whole[0]
    return (theme, actions), [a for a in actions if _cover(e, words, a.text) > 0]


def _unplaced_words(q: Query, e: Engine, groups: list[tuple[str, list[Action]]]) -> bool:
    """Whether the question carries words that no priority nor key activity of the plan holds."""
    words = _asked_words(q)
    if not words:
        return False
    text = " ".join([t for t, _ in groups] + [a.text for _, acts in groups for a in acts])
    return _cover(e, words, text) < 0.5


def _priority_elsewhere(q: Query, e: Engine, plan: Plan):
    """Another visible plan with numbered priorities, one of which (or one of whose key activities) holds the
    question's words."""
    for other in e.kb.plans.values():
        if other.id == plan.id or other.id in q.hidden:
            continue
        groups = themes(other)
        if not any(theme_number(t) for t, _ in groups):
            continue
        chosen, hits = _chosen(q, e, groups)
        if chosen is not None:
            return other, groups, chosen, hits
    return None


_ASKS_WHICH_PRIORITY = lazy(
    r"\b(?:which|what) (?:(?:biz |business )?plan )?(?:priority|priorities|theme)\b(?! (?:are|were)\b)"
    r"|\bwhich (?:one|of (?:the|its|their) (?:priorities|themes))\b"
)


def _not_sure_priorities(q: Query, e: Engine, plan: Plan, groups, label: str) -> Answer:
    found = e.passage_answer(q, strict=True)
    if found is not None:
        return found
    items = [Item("theme", d.short(theme, 300), (), {"plan": plan.id}, actions[0].source) for theme, actions in groups]
    # only the words no priority nor key activity holds are said to be missing (never "none says domestic" when one
    # does, only not clearly enough to choose it)
    whole = " ".join([t for t, _ in groups] + [a.text for _, acts in groups for a in acts])
    missing = sorted(w for w in _asked_words(q) if _cover(e, {w}, whole) == 0)
    said = (
        f"none of them, nor their key activities, says {', '.join(missing)}"
        if missing
        else "no one of them is clearly it"
    )
    text = (
        f"I'm not sure which of the {label} of {d.plan_label(e.kb, plan.id)} you mean: {said}. Its {label} are below."
    )
    return r.answer_of(q, "not-sure", text, items)


_LAST_PRIORITY = lazy(r"\b(?:last|final) priority\b")


def _chosen_group(q: Query, e: Engine, groups: list[tuple[str, list[Action]]]) -> tuple[str, list[Action]] | None:
    """The priority named by its number ("the last priority": the plan's highest), or the one whose own text
    clearly holds most of the question's words."""
    if q.priority_number is not None:
        for theme, actions in groups:
            if theme_number(theme) == q.priority_number:
                return theme, actions
    elif _LAST_PRIORITY.search(q.folded) or _FIRST_PRIORITY.search(q.folded):
        numbered = [(n, theme, actions) for theme, actions in groups if (n := theme_number(theme)) is not None]
        if numbered:
            pick = max if _LAST_PRIORITY.search(q.folded) else min
            _, theme, actions = pick(numbered, key=lambda t: t[0])
            return theme, actions
    named = _named_before_priority(q, e, groups)
    if named is not None:  # "HSB priority in the 2021-24 plan - does it mention kids with special needs"
        return named
    words = _asked_words(q)
    if not words:
        return None
    scored = sorted(
        ((_cover(e, words, _body(theme)), n) for n, (theme, _) in enumerate(groups)),
        reverse=True,
    )
    top, n = scored[0]
    second = scored[1][0] if len(scored) > 1 else 0.0
    return groups[n] if top >= 0.5 and top > second else None


# "the partnership's top priority", "its number one priority": the first the plan lists (it ranks none)
_FIRST_PRIORITY = lazy(r"\b(?:top|first|number one|no 1|no one|main|biggest|highest|overriding) priority\b")
_BEFORE_PRIORITY = lazy(r"\b((?:[a-z0-9]+ ){1,3})priority\b")
_BEFORE_PRIORITY_LONG = lazy(r"\b((?:[a-z0-9]+ ){4,5})priority\b")
_NOT_NAMING = frozenset(content_words("the a this that which what biz business plan city 2021 24 21 partnership ncscp"))


def _named_before_priority(
    q: Query, e: Engine, groups: list[tuple[str, list[Action]]]
) -> tuple[str, list[Action]] | None:
    """The one priority whose own text holds the words said just before "priority" ("the HSB priority", "the
    covid priority"): they name it; the question's other words are what is asked of it."""
    m = _BEFORE_PRIORITY.search(q.folded)
    if m is None:
        return None
    named = _named_by(e, groups, m.group(1))
    if named is None and (longer := _BEFORE_PRIORITY_LONG.search(q.folded)) is not None:
        named = _named_by(e, groups, longer.group(1))  # "the voice of the child priority": more than three words
    return named


def _named_by(e: Engine, groups: list[tuple[str, list[Action]]], said: str) -> tuple[str, list[Action]] | None:
    """The one priority whose own text holds the naming words of `said` (or other forms of them)."""
    words = [w for w in content_words(said) if w not in _NOT_NAMING and w not in _ASKING]
    if not words:
        return None
    spelled = {x for w in words for x in (spelled_words(w) or (w,))}
    found = [g for g in groups if _cover(e, spelled, _body(g[0])) >= 0.99]
    if not found:  # "the diversity priority": "Recognise and respond to the diverse population" (another form)
        found = [g for g in groups if _forms_held(spelled, _body(g[0]))]
    return found[0] if len(found) == 1 else None


def _forms_held(words: set[str], text: str) -> bool:
    """Whether the text holds each word, or another form of it ("diversity": "diverse")."""
    held = {_root(_norm(w)) for w in content_words(text)}
    return all((k := _root(_norm(w))) in held or _kin(k, held) for w in words)


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


def _name_words(e: Engine, q: Query) -> set[str]:
    """The words of the names (and aliases) of the people the question names."""
    return {
        w for pid, _ in q.people for n in (e.kb.people[pid].name, *e.kb.people[pid].aliases) for w in content_words(n)
    }


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
    if q.person and set(q.topic_words) - counted - _name_words(e, q) - _ASKING:
        return None  # "how many came to Henry Blake's film showings": a figure about an event, not the person's records
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
        groups = themes(plan)
        label = "priorities" if any(theme_number(t) for t, _ in groups) else "themes"
        # each named as the plan heads it ("Priority One: Tackling and reducing Child Exploitation ..."), so the count
        # can be checked against the plan
        items = [Item("theme", d.short(t, 160), (), {"plan": plan.id}, acts[0].source) for t, acts in groups]
        return r.answer_of(q, "count", f"{d.plan_label(e.kb, plan.id)} has {len(groups)} {label}:", items)
    if what == "people":
        refs = sorted({ref for a in actions for ref in a.leads})
        names = [e.kb.name_of(ref) for ref in refs]
        text = f"{len(refs)} different leads (people or roles) are named{scope}: {', '.join(names)}."
        return r.answer_of(q, "count", text)
    if what == "milestones":
        total = sum(len(a.milestones) for a in actions)
        return r.answer_of(q, "count", f"{total} milestones{scope}.")
    if what == "overdue":
        states = [(a, facts.derive(a, q.today)) for a in actions]
        late = [a for a, s in states if s.overdue]
        steps = [a for a, s in states if not s.overdue and s.outstanding]  # the overdue list names these too
        more = f"; {len(steps)} more with a milestone overdue" if steps else ""
        return r.answer_of(
            q,
            "count",
            f"{len(late)} action{'s' if len(late) != 1 else ''} overdue{scope} as of {q.today.day} {q.today:%B %Y}"
            f"{more}.",
            [d.action_item(e.kb, a, q.today) for a in late + steps],
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


# "does the business plan say anything about the children in care council", "does it cover FGM"
MENTIONS = lazy(
    r"\b(says?|said) (anything |much |something )?(about|on)\b|\b(cover|covers|covered|mention|mentions|mentioned|"
    r"include|includes|included|referred to|refers to|refer to)\b"
    r"|\banything (on|about)\b"
)
YES_NO = lazy(r"\s*(does|do|is|are|has|have|will|did|was|were|can|could)\b")
MENTION_COVER = 0.75  # share of the question's weight a key activity (with its priority's text) must hold


def plan_mentions(q: Query, e: Engine) -> Answer | None:
    """What a named plan says about a topic: the priorities or key activities whose words hold the question's.

    Asked as "does <plan> say anything about X" / "cover X" / "mention X", or as "<plan> - X?" with no other
    cue. None when nothing in the plan clearly holds the words (the papers' passages are tried next).
    """
    asked = MENTIONS.search(q.folded) is not None
    if q.plan is None or q.action_ids or not (asked or not q.intents):
        return None
    if q.ambiguous_people and set(q.topic_words) <= {q.ambiguous_people[0][0]}:
        from knowledge.answers_people import which_person  # "which bits of the tce plan has claire got": which one

        return which_person(q, e, "what does {name} lead")
    if re.match(r"\s*(who|whos|when|where|how)\b", q.folded):  # asks who or when, not what the plan says
        return None
    if not asked and YES_NO.match(q.folded):  # "has the city apologised": whether it was done, not what it says
        return None
    plan = e.kb.plans[q.plan]
    words = _asked_words(q) - _FILLER
    if not words:
        return None
    scored = []
    for action in plan.actions:
        body = _body(action.theme) if action.theme else ""
        whole = _cover(e, words, f"{body} {action.text}")
        if whole >= MENTION_COVER:
            scored.append((whole, _cover(e, words, action.text), action))
    if not scored:
        return None
    top = max(w for w, _, _ in scored)
    best = [(own, a) for w, own, a in scored if w == top]
    label = d.plan_label(e.kb, plan.id)
    yes = "Yes: " if asked and YES_NO.match(q.folded) else ""
    if all(own == 0 for own, _ in best) and best[0][1].theme:  # only the priority's own text holds the words
        theme = best[0][1].theme
        text = f"{yes}{label} has it in {d.short(theme, 300)}"
        return r.answer_of(
            q, "priorities", text, [d.action_item(e.kb, a, q.today) for a in plan.actions if a.theme == theme]
        )
    found = [a for own, a in sorted(best, key=lambda t: -t[0]) if own > 0][:5]
    where = f" (under {_theme_excerpt(e, words, found[0].theme)})" if found[0].theme else ""
    text = f"{yes}{label} has it in {', '.join(a.id for a in found)}{where}:"
    return r.answer_of(q, "priorities", text, [_with_mention(e, words, a, q.today) for a in found])


def _with_mention(e: Engine, words: set[str], action: Action, today: dt.date) -> Item:
    """The action's item, and the words around the asked ones when the item's cut opening does not hold them
    ("does the business plan mention a MACE group": "… and the Multi Agency Child Exploitation group (MACE) …")."""
    item = d.action_item(e.kb, action, today)
    text = " ".join(action.text.split())
    # (a word asked in the opening's last few words counts as cut: "... the Cross Authority Missing Children gr…")
    opening = text[:250]
    if len(text) <= 300 or _cover(e, words, opening) >= _cover(e, words, text):
        return item
    at = next(
        (m.start() for m in re.finditer(r"\w+", text) if m.start() >= 230 and _cover(e, words, m.group()) > 0), None
    )
    if at is None:
        return item
    start = text.rfind(" ", 0, max(at - 150, 0)) + 1
    end = text.find(" ", at + 150)
    said = text[start:] if end < 0 else text[start:end]
    said = f"\u2026{said}" + ("" if end < 0 else "\u2026")
    return replace(item, lines=(*item.lines[:1], f"Says: \u201c{said}\u201d", *item.lines[1:]))


def _theme_excerpt(e: Engine, words: set[str], theme: str) -> str:
    """A priority's text cut for a headline, keeping the sentence that holds the asked words when its opening does
    not ("... Priority Number 4: Recognise ... … This will include ... LGBT+ ...")."""
    opening = d.short(theme, 120)
    if len(theme) <= 120 or _cover(e, words, opening) >= _cover(e, words, theme):
        return opening
    sentences = [t for t in re.split(r"(?<=[.;])\s+", " ".join(theme.split())) if t]
    best = max(sentences, key=lambda t: _cover(e, words, t))
    if _cover(e, words, best) == 0:
        return opening
    first = d.short(sentences[0], 120)
    return f"{first}{' ' if first.endswith(chr(0x2026)) else ' ' + chr(0x2026) + ' '}{d.short(best, 320)}"


MOST = lazy(r"\b(most|fewest|least|busiest)\b")


def most_actions(q: Query, e: Engine) -> Answer | None:
    """ "who has the most actions", "who's busiest on the county plan": the leads ranked by the actions they lead."""
    if not MOST.search(q.folded) or not re.search(r"\b(who|whos|which (person|people|lead|leads))\b", q.folded):
        return None
    if set(q.topic_words) - {"most", "fewest", "least", "busiest", "action", "actions", "lead", "leads", "person"}:
        return None  # "who has the most experience of ...": not a count of actions
    counts: dict[str, int] = {}
    for a in r.candidate_actions(q, e):
        for ref in a.leads:
            counts[ref] = counts.get(ref, 0) + 1
    if not counts:
        return r.answer_of(q, "count", f"No action{r.scope_words(q, e)} names a lead.")
    fewest = re.search(r"\b(fewest|least)\b", q.folded) is not None
    ranked = sorted(counts.items(), key=lambda kv: (kv[1] if fewest else -kv[1], e.kb.name_of(kv[0])))
    top = ranked[0][1]
    first = [e.kb.name_of(ref) for ref, n in ranked if n == top]
    lines = tuple(f"{e.kb.name_of(ref)}: {n} action{'s' if n != 1 else ''}" for ref, n in ranked[:15])
    word = "fewest" if fewest else "most"
    text = (
        f"{' and '.join(first)} lead{'s' if len(first) == 1 else ''} the {word} actions{r.scope_words(q, e)} ({top}):"
    )
    notes = ("Counted by the leads the plans name (people and roles); a shared action counts for each lead.",)
    return r.answer_of(q, "count", text, [Item("ranking", "Actions per lead", lines, {})], notes=notes)


def no_lead(q: Query, e: Engine) -> Answer | None:
    """ "which actions have no lead": the actions whose plan names no lead for them."""
    if not re.search(r"\b(no|without( a)?|missing( a)?) (named )?(lead|leads|owner|owners)\b|\bunassigned\b", q.folded):
        return None
    actions = [a for a in r.candidate_actions(q, e) if not a.leads]
    scope = r.scope_words(q, e)
    if not actions:
        return r.answer_of(q, "lead", f"Every action{scope} has a lead named.")
    text = f"{len(actions)} action{'s' if len(actions) != 1 else ''}{scope} with no lead named in the plan:"
    return r.list_answer(q, "lead", text, actions, lambda a: d.action_item(e.kb, a, q.today, "lead"))


def about_plan(q: Query, e: Engine) -> Answer | None:
    """ "what is the business plan", "tell me about the tce plan": what the plan is and what it holds."""
    if q.plan is None or q.topic_words or q.action_ids or q.people or q.roles or q.window is not None:
        return None
    if set(q.intents) - {"about-plan", "person", "attendee", "narrative", "topic"}:  # "what's overdue on it": another
        return None
    if not re.match(r"\s*(what (is|s)|whats|tell me about|describe|explain)\b", q.folded):
        return None
    plan = e.kb.plans[q.plan]
    groups = themes(plan)
    numbered = any(theme_number(t) for t, _ in groups)
    parts = [f"{plan.title}: {len(plan.actions)} actions"]
    if groups:
        parts.append(f"under {len(groups)} {'priorities' if numbered else 'themes'}")
    text = " ".join(parts) + "."
    owner = e.kb.name_of(plan.owner) if plan.owner else None
    if owner:
        text += f" Owner: {owner}."
    items = [
        Item("theme", d.short(theme, 300), (f"{len(acts)} actions ({acts[0].id} to {acts[-1].id})",), {"plan": plan.id})
        for theme, acts in groups
    ]
    notes = (f"Ask what is overdue in the {d.plan_label(e.kb, plan.id)}, or who leads one of its actions.",)
    return r.answer_of(q, "plan", text, items, notes=notes)


def plan_actions(q: Query, e: Engine) -> Answer | None:
    """ "list the city actions", "what actions are in the county plan", "show me the tce plan": every action of the
    plan (or plans) named, in the plan's order, a page at a time."""
    if q.action_ids or q.people or q.roles or q.window is not None:
        return None
    plans = list(q.plans) or ([q.plan] if q.plan else [])
    plans = [p for p in plans if p not in q.hidden]
    if not plans:
        return None
    actions = [a for p in plans for a in e.kb.plans[p].actions]
    scope = " and ".join(d.plan_label(e.kb, p) for p in plans)
    timescale = _TIMESCALE_ASKED.search(q.folded)
    if timescale is not None:  # "the tce actions with a 3 month timescale": those whose timescale says so
        months = _SPELT_NUMBERS.get(timescale.group(1), timescale.group(1))
        actions = [a for a in actions if re.match(rf"\s*{months}\s+months?\b", a.timescale or "", re.I)]
        many = "s" if len(actions) != 1 else ""
        text = f"{len(actions)} action{many} in the {scope} with a timescale of {months} month{'s' * (months != '1')}:"
        return r.list_answer(q, "plan", text, actions, lambda a: d.action_item(e.kb, a, q.today))
    if q.topic_words or _FILTERED.search(q.folded):  # "list the county actions about ...": not the whole plan
        return None
    many = "s" if len(actions) != 1 else ""
    text = f"The {scope} {'has' if len(plans) == 1 else 'have'} {len(actions)} action{many}:"
    return r.list_answer(q, "plan", text, actions, lambda a: d.action_item(e.kb, a, q.today))


_TIMESCALE_ASKED = lazy(r"\b(\d+|one|two|three|six|nine|twelve) months? (?:timescale|timeframe|time scale)\b")
_SPELT_NUMBERS = {"one": "1", "two": "2", "three": "3", "six": "6", "nine": "9", "twelve": "12"}
# words that narrow a list of a plan's actions to some of them
_FILTERED = lazy(
    r"\b(with|without|that|which|whose|where|led|lead|leads|due|about|on|for|timescale|owned)\b(?! the \w+ plan)"
)


# words that ask how a whole plan is going, not about a thing in it
_PROGRESS_FORM = frozenset(
    {"overall", "going", "track", "getting", "rag", "summary", "doing", "progress", "status", "how", "generally",
     "general", "whole", "things", "look", "looking", "along", "coming", "progressing", "picture", "state", "far",
     "shape", "latest", "position", "we", "ok", "okay", "well"}
)  # fmt: skip
_RAG_WORDS = {
    "overdue": "overdue", "milestone overdue": "with a milestone overdue", "due soon": "due soon",
    "not started": "not started", "on track": "in progress or ongoing", "status not stated": "with no status recorded",
    "complete": "complete",
}  # fmt: skip
_RAG_ORDER = ("overdue", "milestone overdue", "due soon", "not started", "on track", "status not stated", "complete")


def plan_progress(q: Query, e: Engine) -> Answer | None:
    """ "how is the county plan going", "status of the city plan": every action of the plan (or of each plan this
    audience may see, asked of "the plans") counted by its rating on the day asked (knowledge.facts.rag), the late
    ones first. None when the question names a thing in the plan, an action, a person or a window."""
    if q.action_ids or q.people or q.roles or q.window is not None or q.committee:
        return None
    if any(w not in _PROGRESS_FORM for w in q.topic_words):
        return None
    every = re.search(r"\b(the|all|our|all the|all our) plans\b", q.folded) is not None
    if q.plan is None and not every:
        return None
    actions = r.candidate_actions(q, e)
    if not actions:
        return None
    states = e.day(q.today).states
    rated = [(facts.rag(a, q.today, state=states.get(a.key)), a) for a in actions]
    tally = Counter(g.label for g, _ in rated)
    counts = {label: tally[label] for label in _RAG_ORDER}
    said = ", ".join(f"{n} {_RAG_WORDS[label]}" for label, n in counts.items() if n)
    scope = d.plan_label(e.kb, q.plan) if q.plan else "the plans you can see"
    have = "has" if q.plan else "have"
    text = (
        f"As of {q.today.day} {q.today:%B %Y}, {scope} {have} {len(actions)} actions: {said} "
        "(by the plan's dates and the progress it records; the late ones first):"
    )
    rank = {label: n for n, label in enumerate(_RAG_ORDER)}
    ordered = [a for _, a in sorted(rated, key=lambda t: rank[t[0].label])]
    notes = ("Ask what is overdue, or what is due next month, to narrow it.",)
    return r.list_answer(q, "status", text, ordered, lambda a: d.action_item(e.kb, a, q.today, "status"), notes)
