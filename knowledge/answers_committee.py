"""Answers about committees: meetings and their details, agendas, reports, the work programme, contacts,
chairs and resolutions."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from knowledge import describe as d
from knowledge import reply as r
from knowledge.answer import Answer, Item, Subject
from knowledge.dates import long_day
from knowledge.index import Hit
from knowledge.lazyre import lazy
from knowledge.models import AgendaItem, AgendaNote, Appendix, Committee, Meeting, Person, Resolution, Role, WorkItem
from knowledge.query import MONTH_NUMBERS, YEAR_WINDOW, without_hedges
from knowledge.registry import ITEM_NAMED, PRESENTED
from knowledge.text import ABBREVIATIONS, closest_word, content_words, fold, spelled_in, spelled_out

if TYPE_CHECKING:
    from knowledge.engine import Engine
    from knowledge.query import Query

NO_REPORT = lazy(r"\b(apologies|declarations|minutes|verbal|work programme|exclusion|any other business)\b", re.I)


def day_words(date: dt.date) -> str:
    return f"{date:%A} {date.day} {date:%B %Y}"


def agenda_subject(meeting: Meeting, item: AgendaItem) -> Subject:
    return Subject("agenda", (meeting.committee, meeting.date.isoformat(), str(item.number)))


def _own_words(found: Committee) -> set[str]:
    """The words of a committee's own name and aliases ("corporate parenting panel", "cpp"): they name no item of
    its agenda or programme."""
    return set(content_words(" ".join((found.name, *found.aliases))))


def committee(q: Query, e: Engine) -> Committee | None:
    if q.committee:
        return e.kb.committees[q.committee]
    if len(e.kb.committees) == 1:
        return next(iter(e.kb.committees.values()))
    return None


def _other_group_named(q: Query, found: Committee) -> bool:
    """The question names a group by a word of its own ("the cross-party working group"), not `found`."""
    from knowledge.query import SAME_GROUP

    own = _own_words(found)
    for m in GROUP_NAMED.finditer(q.folded):
        word = m.group(1) or m.group(2)
        if word not in SAME_GROUP and word not in own and not word.isdigit() and content_words(word):
            return True
    return False


_A_PROGRAMME = lazy(r"\b(?:work programme|programme|forward plan|wp|panel|committee|meeting|agenda)\b")
_BODY_NOUNS = frozenset({"council", "group", "board", "partnership", "network", "forum", "panel", "team", "service"})


def _other_body_initials(q: Query, found: Committee) -> bool:
    """The question names another body by its initials ("cicc": the Children in Care Council), or by a word of
    its own before "group", "board" and the like."""
    own = _own_words(found)
    for w in q.topic_words:
        spelled = ABBREVIATIONS.get(w, "")
        if spelled and w not in own and spelled.split()[-1] in _BODY_NOUNS:
            return True
    return _other_group_named(q, found)


def subject_work(q: Query, e: Engine) -> WorkItem | None:
    if q.subject and q.subject.kind == "work" and q.subject.keys[0] in e.kb.committees:
        for work in e.kb.committees[q.subject.keys[0]].work_programme:
            if work.title == q.subject.keys[1]:
                return work
    return None


def subject_agenda(q: Query, e: Engine) -> tuple[Meeting, AgendaItem] | None:
    if q.subject and q.subject.kind == "agenda" and q.subject.keys[0] in e.kb.committees:
        try:
            meeting = e.kb.committees[q.subject.keys[0]].meeting(dt.date.fromisoformat(q.subject.keys[1]))
            return meeting, meeting.item(int(q.subject.keys[2]))
        except (KeyError, ValueError):
            return None
    return None


def about_work(q: Query, e: Engine, work: WorkItem, detail: str) -> Answer:
    item = d.work_item(e.kb, work)
    name = e.kb.committees[work.committee].name
    # "the adoption report in july - who's writing it?", "which officer is bringing it": who, even when a month
    # steered the handler to "when"
    if (
        detail in ("lead", "sponsor", "author")
        or q.attribute in ("lead", "sponsor", "author", "signatory")
        or (q.has("sponsor") and detail == "due")
    ):
        sponsors = ", ".join(e.kb.name_of(s) for s in work.sponsors)
        when = (
            "a standing item"
            if work.standing
            else (f"due on {work.meeting.day} {work.meeting:%B %Y}" if work.meeting else "no meeting set")
        )
        text = (
            f"{work.title} ({when}): the work programme names {sponsors} as its sponsor/report author."
            if sponsors
            else f"The work programme names no sponsor or report author for {work.title} ({when})."
        )
    elif work.standing:
        text = f"{work.title} is a standing item at every {name} meeting."
    elif work.meeting:
        text = f"{work.title} is due at the {name} meeting on {work.meeting.day} {work.meeting:%B %Y}."
    else:
        text = f"{work.title} has no meeting date in the work programme."
    return r.answer_of(q, "work-item", text, [item], subject=Subject("work", (work.committee, work.title)))


ORDINALS = {"first": 0, "opening": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4, "last": -1, "final": -1}
LOOSE_WORDS = frozenset(
    content_words(
        "going coming come happen happening presented present discussed due next go paper papers report reports "
        "panel meeting agenda item items annual review update when what is it its status the this that on at to"
    )
)


def _beyond_item(q: Query, item: AgendaItem) -> set[str]:
    """Words of the question the item's names and purpose do not carry ("workshop" in "when was the first
    managing allegations workshop"): the question is about something inside the report, not the item."""
    known = set(content_words(" ".join((*_titles(item), item.purpose or ""))))
    words = set(q.topic_words) - known - REPORT_STEMS - LOOSE_WORDS - MEETING_WORDS - set(ORDINALS)
    spelled = {w for w in words if spelled_in(w, known)}  # "iro"
    return {w for w in words - spelled if len(w) > 2}


def about_agenda_item(q: Query, e: Engine, item: AgendaItem, meeting: Meeting | None, detail: str) -> Answer | None:
    if meeting is None:
        return r.answer_of(q, "not-found", "I could not place that agenda item.")
    if detail in ("due", "status", "summary") and q.agenda_number is None and _beyond_item(q, item):
        return None
    if detail in ("contact", "email", "phone"):
        return contacts_for(q, e, meeting, item)
    if detail in ("author", "signatory", "lead") and not (item.reference or item.contacts or item.signatory):
        later = _work_like_item(q, e, meeting, item)  # no written report then: whose it is when it next comes
        if later is not None:
            return about_work(q, e, later, "author")
    if detail in ("author", "signatory", "reference", "background", "recommendations", "lead"):
        return report_detail(q, e, meeting, item, detail)
    if detail == "summary" and q.agenda_number is not None:
        each = _numbered_at_each(q, e, meeting)
        if each is not None:
            return each
    shown = d.agenda_item(e.kb, meeting, item)
    text = f"{item.title} is item {item.number} at the {d.meeting_title(e.kb, meeting)} meeting."
    return r.answer_of(q, "agenda-item", text, [shown], subject=agenda_subject(meeting, item))


_MEETING_MEANT = lazy(r"\b(next|last|previous|latest|this|upcoming|coming|recent|most recent)\b")


_REPORT_PARTS = frozenset({"comments", "reference", "signatory", "background", "implications", "purpose", "pages"})


def _numbered_at_each(q: Query, e: Engine, meeting: Meeting) -> Answer | None:
    """ "what was item 9 at corporate parenting", no meeting named: item 9 of each agenda of that committee held, the
    nearest first (None when only one agenda has an item of that number, or the question says which meeting)."""
    if q.month is not None or q.day_of_month is not None or days_named(q) or _MEETING_MEANT.search(q.folded):
        return None
    numbered = [
        (m, i) for m in e.kb.committees[meeting.committee].meetings for i in m.agenda if i.number == q.agenda_number
    ]
    if q.attribute in _REPORT_PARTS:  # "const comments initials, agenda item 6": only a written report has them
        written = [(m, i) for m, i in numbered if i.report_of or i.reference]
        numbered = written if len(written) == 1 else numbered
    if len(numbered) < 2:
        return None
    numbered.sort(key=lambda pair: abs((pair[0].date - q.today).days))
    title = found_committee_name(e, meeting)
    text = (
        f"Item {q.agenda_number} is on {len(numbered)} {title} agendas I hold; name the meeting to narrow it: "
        + "; ".join(f"{d.meeting_title(e.kb, m)}: {i.title}" for m, i in numbered)
        + "."
    )
    return r.answer_of(q, "agenda-item", text, [d.agenda_item(e.kb, m, i) for m, i in numbered])


def report_detail(q: Query, e: Engine, meeting: Meeting, item: AgendaItem, detail: str) -> Answer:
    """Who wrote or signed a report, its reference, its background papers or its recommendations."""
    where = f"item {item.number}, {item.title} ({d.meeting_title(e.kb, meeting)})"
    shown = [d.agenda_item(e.kb, meeting, item)]
    subject = agenda_subject(meeting, item)
    if detail == "reference":
        text = (
            f"The reference code of {where} is {item.reference}."
            if item.reference
            else f"The papers give no reference code for {where}."
        )
    elif detail == "background":
        papers = item.background_papers
        if papers:
            text = f"Background papers for {where}: " + "; ".join(papers) + "."
        elif item.no_background_papers:
            text = f"None: the report for {where} lists no background papers (it says \u201cNone.\u201d)."
        else:
            text = f"The knowledge base records no background papers for {where}."
    elif detail == "pages":
        text = (
            f"{_upper(where)} is on pages {item.pages} of the papers."
            if item.pages
            else f"The agenda gives no pages for {where}"
            + (" (a verbal report)." if "verbal" in item.title.lower() else ".")
        )
    elif detail == "implications":
        return _implications(q, e, meeting, item, where, shown, subject)
    elif detail == "comments":
        text = _comments(q, item, where)
    elif detail == "purpose":
        text = (
            f"Purpose of {where}: {item.purpose}"
            if item.purpose
            else f"The knowledge base records no purpose for {where}."
        )
    elif detail == "recommendations":
        text = (
            f"Recommendations of {where}: " + " ".join(f"{n}) {rec}" for n, rec in enumerate(item.recommendations, 1))
            if item.recommendations
            else f"The knowledge base records no recommendations for {where}."
        )
    else:
        parts = []
        appendix = item.appendix
        if appendix is not None and appendix.signatory and detail != "signatory":
            parts.append(_appendix_words(e, appendix))
            if appendix.signatory in e.kb.people:
                shown.append(d.person_item(e.kb, e.kb.people[appendix.signatory]))
        covering = "the covering report to the panel is " if appendix is not None else ""
        if item.signatory:
            signer = e.kb.name_of(item.signatory)
            parts.append(f"{covering}signed by {signer}" + (f", {item.report_of}" if item.report_of else ""))
        elif item.report_of:
            parts.append(f"{covering or ''}a report of the {item.report_of}")
        if appendix is not None and appendix.signatory and detail == "signatory":
            parts.append(_appendix_words(e, appendix))
        if item.contacts:
            names = ", ".join(e.kb.name_of(c) for c in item.contacts)
            parts.append(f"the contact officer named for enquiries is {names}")
            shown += [d.person_item(e.kb, e.kb.people[c]) for c in item.contacts if c in e.kb.people]
        text = (
            f"{where[0].upper()}{where[1:]}: " + "; ".join(parts) + "."
            if parts
            else f"The papers name no author or signatory for {where}."
        )
    return r.answer_of(q, "report", text, shown, subject=subject)


def find_report(q: Query, e: Engine) -> tuple[Meeting, AgendaItem] | None:
    """The agenda item the question names: by reference code, by number at the meeting meant, else by its words.

    A report name resolves to the item with a written report (a reference or a contact) at the most
    relevant meeting, not to a same-named line in older minutes.
    """
    by_ref = item_by_reference(q, e)
    if by_ref is not None:
        return by_ref
    if q.agenda_number is not None:
        meeting = pick_meeting(q, e, prefer_agenda=True, want_reports=True)
        if meeting is None:
            return None
        try:
            return meeting, meeting.item(q.agenda_number)
        except KeyError:
            return None
    found = find_doc(q, e, agenda_only=True)
    if found is None:
        return subject_agenda(q, e) if not _report_words(q) else None
    meeting, doc = found
    assert meeting is not None and isinstance(doc, AgendaItem)
    return meeting, doc


def item_by_reference(q: Query, e: Engine) -> tuple[Meeting, AgendaItem] | None:
    """The report whose reference code ("CF0226") the question writes."""
    codes = set(re.findall(r"\b[a-z]{1,4}\d{3,6}\b", q.folded))
    if not codes:
        return None
    for found in e.kb.committees.values():
        for meeting in found.meetings:
            for item in meeting.agenda:
                if item.reference and item.reference.lower() in codes:
                    return meeting, item
    return None


def _report_words(q: Query, e: Engine | None = None, drop: frozenset[str] = frozenset()) -> list[str]:
    """The words naming a report. Words that also name a plan count ("the child exploitation annual report",
    "the strategic safeguarding report") unless the question says it means a plan."""
    words = [w for w in q.topic_words if w not in REPORT_STEMS and not _misspelt_report_word(w)]
    if e is not None and q.plan is not None and not re.search(r"\bplan\b", q.folded):
        plan_drop = e.topic_drop - frozenset(e.plan_words)
        said = content_words(without_hedges(q.raw))  # ("behind schedule": no "schedule" to name a report by)
        words = [w for w in dict.fromkeys(said) if w not in plan_drop and w not in REPORT_STEMS]
        words = [w for w in words if not re.fullmatch(r"[a-z]{0,4}\d+[a-z]?|\d+(st|nd|rd|th)", w)]
    if e is not None:
        words = _naming(q, e, words) or words
    return [w for w in words if w not in drop and w not in HEDGE_WORDS]


def _naming(q: Query, e: Engine, words: Iterable[str]) -> list[str]:
    """Of `words`, those that can name an item: not the committee's own name nor where it goes ("the destinations
    report down to go to corporate parenting": not the Borough & District report on corporate parenting), nor a
    relative year ("coming to the panel this year"). Empty when nothing else is left."""
    drop: set[str] = set()
    if q.committee in e.kb.committees:
        drop |= _own_words(e.kb.committees[q.committee]) | _GOING_WORDS
    if _RELATIVE_YEAR.search(q.folded):
        drop.add("year")
    return [w for w in words if w not in drop]


_GOING_WORDS = frozenset({"go", "going", "come", "coming"})


_RELATIVE_YEAR = lazy(r"\b(?:this|next|last|the coming) year\b")


# "who actually wrote the appendix (not the cover report)", "exact wording pls": words of the asking, and the
# parts of a report (its appendix, its covering report), which do not name which report
HEDGE_WORDS = frozenset(
    content_words(
        "actually really exactly exact precisely wording worded word for pls please just not cover covering "
        "appendix appendices attached attachment asking ask asks want wants wanting decide decision decisions needed "
        "required sought asked members councillors"
    )
)


REPORT_NOUNS = ("report", "paper", "update", "agenda")  # not "review": a word of many reports' titles


def _misspelt_report_word(word: str) -> bool:
    """ "reprot", "reoprt", "upadte": a typo of a word that names a report, not a word of its title (nor a form
    of that word: "reports", "updated")."""
    if len(word) < 5:
        return False
    near = closest_word(word, REPORT_NOUNS, TYPO_RATIO)
    return near is not None and not (word.startswith(near) or near.startswith(word))


TYPO_RATIO = 80.0


def _wants_field(q: Query, item: AgendaItem) -> bool:
    """Whether this item has the detail the question asks for (pages, contacts, a reference...)."""
    wanted = q.attribute
    if wanted == "pages":
        return bool(item.pages)
    if wanted in ("contact", "email", "phone"):
        return bool(item.contacts)
    if wanted == "reference":
        return bool(item.reference)
    if wanted in ("author", "signatory"):
        return bool(item.signatory or item.appendix)
    return bool(item.reference or item.contacts)


def find_doc(
    q: Query, e: Engine, agenda_only: bool = False, drop: frozenset[str] = frozenset()
) -> tuple[Meeting | None, AgendaItem | WorkItem] | None:
    """The report or work-programme item a question names by its words.

    Close matches are ranked: an agenda item with the detail asked (a written report, its contacts, its
    pages) first; then a work-programme item (a report still to come); then other agenda lines (an older
    verbal update of the same name). Words of the question beyond the search words ("annual", "report")
    and a month the question names break ties.
    """
    words = _report_words(q, e, drop)
    if not words:
        return None
    unscoped = replace(q, plan=None) if q.plan is not None and not re.search(r"\bplan\b", q.folded) else q
    hits = [h for h in r.search(unscoped, e, words, limit=20) if isinstance(h.doc, AgendaItem | WorkItem)]
    if not hits:  # "the managing allegations cover report, ie who signed it off": asides no report's title uses
        named = _title_words_only(e, words)
        if named and named != words:
            words = named
            hits = [h for h in r.search(unscoped, e, words, limit=20) if isinstance(h.doc, AgendaItem | WorkItem)]
    if agenda_only:
        hits = [h for h in hits if isinstance(h.doc, AgendaItem)]
    if not hits:
        return None
    extra = set(q.topic_words) - set(words)
    month_names = set(_MONTH_NAMES) if q.month is None else {k for k, v in _MONTH_NAMES.items() if v == q.month}
    # "the residential homes update": how the title names it ("report" names any paper, so it tells none apart)
    nouns = set(re.findall(r"\b(update|review)s?\b", q.folded))

    def adjusted(h: Hit) -> float:
        doc = h.doc
        title = doc.title if isinstance(doc, WorkItem) else " ".join(_titles(doc))
        own = set(content_words(title))
        bonus = 0.05 * len(extra & own)
        bonus += 0.05 * len(nouns & set(fold(title).split()))
        if set(words) <= set(content_words(doc.title)):  # named by its own title ("the homes report"), not only
            bonus += 0.1  # by words of its appendix's title ("missing from home") or of its text
        if q.month is not None and (
            (h.meeting is not None and h.meeting.date.month == q.month) or set(fold(title).split()) & month_names
        ):
            bonus += 0.05
        return h.score + bonus

    scored = [(adjusted(h), h) for h in hits]
    best = max(x for x, _ in scored)
    close = [(x, h) for x, h in scored if x >= best - 0.1]

    def held(doc: AgendaItem | WorkItem) -> int:
        title = doc.title if isinstance(doc, WorkItem) else " ".join(_titles(doc))
        return len(extra & set(content_words(title)))

    def rank(pair: tuple[float, Hit]) -> tuple:
        x, h = pair
        if isinstance(h.doc, AgendaItem):
            tier = 0 if _wants_field(q, h.doc) else 2
            when = h.meeting.date.toordinal() if h.meeting else 0
        else:
            tier = 1
            when = h.doc.meeting.toordinal() if h.doc.meeting else 0
        # "the fostering annual report": a title holding the question's other words ("annual") before one that
        # shares only the search word ("Fostering for East Midlands"), whatever kind of item each is
        return (-held(h.doc), tier, -round(x, 3), -when)

    close.sort(key=rank)
    chosen = close[0][1]
    return chosen.meeting, chosen.doc


def _title_words_only(e: Engine, words: list[str]) -> list[str]:
    """The words without those no record uses at all ("ie", "front sheet"), when at least two known words are
    left; words the records use ("chair", "briefing") stay, so they still have to match."""
    kept = [w for w in words if e.topics.correct(w) is not None]
    return kept if len(kept) >= 2 else []


def _titles(item: AgendaItem) -> tuple[str, ...]:
    """An item's names: the agenda's title, the report's own heading, its appendix's heading and the other names the
    papers give its subject ("LADO")."""
    appendix = item.appendix.title if item.appendix else None
    return tuple(t for t in (item.title, item.report_title, appendix, *item.aliases) if t)


REPORT_WORDS = frozenset(
    [
        "report",
        "wrote",
        "written",
        "write",
        "author",
        "signed",
        "sign",
        "signatory",
        "signature",
        "name",  # "whose name is at the bottom of it": the signatory
        "bottom",
        "foot",
        "reference",
        "code",
        "ref",
        "background",
        "paper",
        "recommendation",
        "recommend",
        "contact",
        "enquiry",
        "enquiries",
        "annual",
        "update",
        "ring",
        "call",
        "phone",
        "telephone",
        "email",
        "number",
        "speak",
        "talk",
        "ask",
        "pages",
        "page",
        "pack",
        "comments",
        "comment",
        "constitutional",
        "financial",
        "legal",
        "initials",
        "date",
        "dated",
        "whose",
        "writing",
        "covering",
        "cover",
        "purpose",
        "often",
        "frequently",
        "round",
        "how",
        "agenda",
        "listed",
        "list",
        "lists",
        "given",
        "named",
        "mentioned",
        "any",
        "there",
        "take",
        "takes",
        "taking",
        "go",
        "goes",
        "going",
        "come",
        "comes",
        "coming",
        "heard",
        "considered",
        "presented",
        "discussed",
        "who",
        "what",
        "is",
        "it",
        "about",
        "every",
        "each",
        "brought",
        "bring",
        # "the financial implications of the residential homes update": a section of any report
        "implications",
        "implication",
        "money",
        "cost",
        "costs",
        "budget",
        "statutory",
        "policy",
    ]
)
REPORT_STEMS = REPORT_WORDS | frozenset(content_words(" ".join(REPORT_WORDS)))


# how the detail is asked for, not which report: "who signed off the HSB review, which service director", "whose
# name is it going under"
DETAIL_ASKED = lazy(
    r"\b(signed off|sign off|signs off|signed|signs|signing|signature|going under|goes under|whose name)\b"
    r"|\b(which|what) (service |group |interim |corporate )?(director|manager|officer)\b"
)


def _detail_words(q: Query) -> frozenset[str]:
    return frozenset(w for m in DETAIL_ASKED.finditer(q.folded) for w in content_words(m.group(0)))


def report(q: Query, e: Engine) -> Answer | None:
    """Author, signatory, reference, pages, comments, background papers or recommendations of a report;
    what a report is, when only its reference code is given."""
    by_ref = item_by_reference(q, e)
    if by_ref is not None and q.attribute in (None, "due", "status"):
        return report_summary(q, e, *by_ref)
    if by_ref is None and q.attribute not in REPORT_DETAILS and not AUTHOR_ASKED.search(q.folded):
        return None  # "what's due in fy2019/20": a code-like word, but not a question about a report
    if (
        by_ref is None
        and re.search(r"\bminutes\b", q.folded)
        and re.search(r"\b(signed|sign|approved|confirmed|agreed|accepted)\b", q.folded)
    ):
        confirmed = minutes_confirmed(q, e)
        if confirmed is not None:
            return confirmed
    found: tuple[Meeting | None, AgendaItem | WorkItem] | None = by_ref
    if found is None and q.attribute == "background" and q.agenda_number is None and PUBLIC_ASKS.search(q.folded):
        # "resident wants to see the background papers for the panel, what number do i give them": the agenda's
        # note on inspecting them (not the report a word of the asker's, "resident", looks like)
        note = agenda_note(q, e)
        if note is not None:
            return note
    if found is None and q.agenda_number is not None:
        found = find_report(q, e)
    if found is None:
        found = find_doc(q, e, drop=_detail_words(q))
    if found is None:  # "a resident is after the background papers": the agenda's note on inspecting them
        if LAW_ASKED.search(q.folded):  # "... which section of the act": the reports' own paragraph says
            return None
        return agenda_note(q, e) if q.attribute == "background" else None
    meeting, doc = found
    if isinstance(doc, WorkItem):
        return about_work(q, e, doc, "author")
    assert meeting is not None
    item = doc
    if not (item.reference or item.contacts or item.signatory):
        work = _work_by_words(q, e) or _work_like_item(q, e, meeting, item)
        if work is not None:
            return about_work(q, e, work, "author")
    if NO_REPORT.search(item.title) and not (item.reference or item.contacts):
        if q.attribute == "pages":
            return report_detail(q, e, meeting, item, "pages")
        text = (
            f"Item {item.number}, {item.title}, has no written report in the {d.meeting_title(e.kb, meeting)} papers."
        )
        text = _no_report_field(q) + text
        return r.answer_of(q, "report", text, [d.agenda_item(e.kb, meeting, item)])
    return report_detail(q, e, meeting, item, q.attribute or "author")


_NO_REPORT_FIELD = {"reference": "reference code", "author": "author", "signatory": "signatory"}


def _no_report_field(q: Query) -> str:
    """ "the ref code for the work programme": an item with no written report has none; say so first, plainly."""
    field = _NO_REPORT_FIELD.get(q.attribute or "")
    return f"The papers give no {field} for it. " if field else ""


def _upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _appendix_words(e: Engine, appendix: Appendix) -> str:
    signer = e.kb.name_of(appendix.signatory or "")
    heading = appendix.title.rstrip(".")
    words = f"the report attached as Appendix 1 (\u201c{heading}\u201d) was written and signed by {signer}"
    if appendix.signatory_title:
        words += f", {appendix.signatory_title}"
    if appendix.signed:
        words += f", dated {appendix.signed}"
    return words


_MONEY = lazy(r"\b(financial|finance|money|cost|costs|budget|budgetary|funding|resource|finances?)\b")


def _implications(
    q: Query, e: Engine, meeting: Meeting, item: AgendaItem, where: str, shown: list[Item], subject: Subject
) -> Answer:
    """A report's "Financial Implications" (money asked) or "Statutory and Policy Implications" section, quoted from
    the report's own part of the papers; said plainly when the papers carry no such section for it."""
    from knowledge.answers_papers import item_sections

    if _MONEY.search(q.folded):
        heading = "Financial Implications"
    elif re.search(r"\blegal\b", q.folded):  # no report has one; its Constitutional Comments are the legal view
        heading = "Legal Implications"
    else:
        heading = "Statutory and Policy Implications"
    found = item_sections(e, meeting, item, heading)
    if not found:
        text = f"The papers I have carry no \u201c{heading}\u201d section for {where}."
        return r.answer_of(q, "not-sure", text, shown, subject=subject)
    text = f"{_upper(where)}, \u201c{heading}\u201d:"
    return r.answer_of(q, "passage", text, [*found, *shown], subject=subject)


def _comments(q: Query, item: AgendaItem, where: str) -> str:
    """Constitutional and Financial Comments: the initials and date each is given under, as written."""
    folded = re.sub(r"\bfin\b", "financial", q.folded)  # "fin comments"
    wanted = [
        (label, value)
        for label, value in (("Constitutional", item.constitutional_comments), ("Financial", item.financial_comments))
        if label.lower() in folded
        or not re.search(r"\b(constitutional|financial|legal)\b", folded)
        or (label == "Constitutional" and "legal" in folded)
    ]
    given = [(label, value) for label, value in wanted if value]
    if not given:
        names = " or ".join(f"{label} Comments" for label, _ in wanted)
        return f"The papers give no {names} for {where}."
    parts = []
    for label, value in given:
        initials, _, date = value.partition(" ")
        parts.append(
            f"{label} Comments ({value}): initials {initials}, dated {date}" if date else f"{label} Comments ({value})"
        )
    return f"{_upper(where)}: " + "; ".join(parts) + "."


# ... "which meeting are we approving", "minutes being signed off": the meeting still to come
UPCOMING = lazy(
    r"\b(next|upcoming|coming|will|up for|due|going to|to be)\b|\b(are|is) (we|they|members|you|the panel) \w+ing\b"
    r"|\bbeing (approved|confirmed|signed|agreed|accepted)\b|\bto (approve|confirm|sign|agree|accept)\b"
)


_APPROVING = lazy(r"\b(approv|confirm|sign|agree|accept|ratif|up for|taken|on the agenda)")


def minutes_confirmed(q: Query, e: Engine) -> Answer | None:
    """Which minutes a meeting confirmed; a question who proposed or seconded them the papers do not answer."""
    if q.has("resolution") and not _APPROVING.search(q.folded):
        return None  # "in the october minutes, what did the panel decide about the fostering report": that resolution
    found = _minutes_confirmed(q, e)
    if found is None or found.kind == "not-sure" or not re.search(r"\bwho\b", q.folded):
        return found
    if re.search(r"\bsign", q.folded) and "signed by" in found.text:
        return found
    return r.answer_of(
        q,
        "not-sure",
        "I'm not sure: the minutes do not record that. What they record: " + found.text,
        list(found.items),
    )


def _minutes_confirmed(q: Query, e: Engine) -> Answer | None:
    """Which minutes a meeting confirmed (or is to confirm): its "Minutes of the last meeting held on <date>" item,
    and what the minutes say of them. The meeting is the one named (a month, "tomorrow"), else the next one when
    the question looks ahead, else the last one held."""
    found = committee(q, e)
    if found is None or not found.meetings:
        return None
    of_month = MINUTES_OF_MONTH.search(q.folded)
    if of_month is not None:  # "the july minutes", "minutes of the october meeting": the minutes of that meeting
        word = of_month.group(1) or of_month.group(2)
        return _minutes_of(q, e, found, _MONTH_NAMES.get(word) or _MONTH_NAMES[word[:3]])
    if q.month is not None or q.day_of_month is not None or days_named(q) is not None:
        meeting = pick_meeting(q, e, prefer_agenda=True)
        named_ok = meeting is not None and (q.month is None or meeting.date.month == q.month)
        if not named_ok:
            when = q.window.words if q.window is not None else "then"
            return r.answer_of(q, "not-sure", f"I'm not sure: the knowledge base has no {found.name} meeting {when}.")
    elif UPCOMING.search(q.folded):
        upcoming = [m for m in found.meetings if m.date >= q.today]
        meeting = upcoming[0] if upcoming else None
    else:  # the last meeting held that had minutes before it
        held = [m for m in found.meetings if m.date < q.today and _minutes_item(m) is not None]
        meeting = held[-1] if held else None
    if meeting is None:
        return None
    return _confirming(q, e, meeting)


_MONTH_RX = "|".join(dt.date(2000, i, 1).strftime("%B").lower() for i in range(1, 13))
MINUTES_OF_MONTH = lazy(
    # ... with its year too: "the 2 july 2024 minutes"
    rf"\b({_MONTH_RX}|oct|sept|nov|dec|jan|feb|mar|apr|jun|jul|aug) (?:(?:19|20)\d\d )?"
    rf"(?:meeting s |panel s |meeting |panel )?minutes\b"
    rf"|\bminutes (?:of|from|for) (?:the )?(?:\w+ )?({_MONTH_RX}|oct|sept|nov|dec|jan|feb|mar|apr|jun|jul|aug)\b"
)


def _minutes_item(meeting: Meeting) -> AgendaItem | None:
    return next((i for i in meeting.agenda if i.title.lower().startswith("minutes")), None)


def _minutes_of(q: Query, e: Engine, found: Committee, month: int) -> Answer:
    """The minutes of the meeting held in `month`: the later meeting whose agenda confirms them."""
    for meeting in found.meetings:
        item = _minutes_item(meeting)
        m = re.search(r"(\d{1,2}) (\w+) (\d{4})", item.title) if item is not None else None
        if m and _MONTH_NAMES.get(m.group(2).lower()[:3]) == month:
            return _confirming(q, e, meeting)
    return r.answer_of(
        q,
        "not-sure",
        f"I'm not sure: the papers do not say when the minutes of the {found.name}'s "
        f"{dt.date(2000, month, 1):%B} meeting were or will be confirmed.",
    )


def _confirming(q: Query, e: Engine, meeting: Meeting) -> Answer:
    """The minutes item of a meeting's agenda, and what the confirmed minutes say of it."""
    title = d.meeting_title(e.kb, meeting)
    items = [i for i in meeting.agenda if i.title.lower().startswith("minutes")]
    if not items:
        return r.answer_of(
            q,
            "not-sure",
            f"I'm not sure: the papers hold no agenda for the {title} meeting, so they do not say which minutes it "
            "confirms.",
            [d.meeting_item(e.kb, meeting)],
        )
    item = items[0]
    verb = "was" if meeting.date < q.today else "is"
    text = f"At the {title} meeting, item {item.number} {verb} the {item.title}."
    shown = [d.agenda_item(e.kb, meeting, item)]
    m = re.search(r"(\d{1,2}) (\w+) (\d{4})", item.title)
    if m:
        try:
            held = dt.datetime.strptime(" ".join(m.groups()), "%d %B %Y").date()
        except ValueError:
            held = None
        earlier = [x for x in e.kb.committees[meeting.committee].meetings if x.date == held]
        if earlier and earlier[0].source and "confirmed" in earlier[0].source.quote:
            text += f" The minutes say: \u201c{earlier[0].source.quote}\u201d"
            shown.append(d.meeting_item(e.kb, earlier[0]))
    return r.answer_of(q, "report", text, shown, subject=agenda_subject(meeting, item))


REPORT_DETAILS = frozenset(
    {"author", "signatory", "reference", "background", "recommendations", "pages", "comments", "purpose"}
    | {"implications"}
)
AUTHOR_ASKED = lazy(r"\b(wrote|written|write|author|authored|signed|signatory|sign off|whose report)\b")


def report_summary(q: Query, e: Engine, meeting: Meeting, item: AgendaItem) -> Answer:
    """What a report is: its title, where it sits on the agenda, whose report it is and its purpose."""
    title = d.meeting_title(e.kb, meeting)
    text = f"{item.reference} is item {item.number}, {item.title}, at the {title} meeting" if item.reference else ""
    text = text or f"Item {item.number}, {item.title}, at the {title} meeting"
    if item.report_of:
        text += f": a report of the {item.report_of}"
    text += "."
    if item.purpose:
        text += f" Purpose: {item.purpose}"
    return r.answer_of(q, "report", text, [d.agenda_item(e.kb, meeting, item)], subject=agenda_subject(meeting, item))


def _work_like_item(q: Query, e: Engine, meeting: Meeting, item: AgendaItem) -> WorkItem | None:
    """The work-programme item that brings an agenda item with no written report back later, named in the
    programme's own words ("INSPECTION GRADINGS OF 'EXCLUSIVE USE' CHILDREN'S RESIDENTIAL HOMES – SEPTEMBER 2024":
    "Inspection gradings of Children's Residential Homes commissioned solely for Council use (six-monthly)")."""
    words = [
        w for w in content_words(item.title) if not w.isdigit() and w not in _MONTH_NAMES and w not in REPORT_WORDS
    ]
    if len(words) < 2:
        return None
    hits = [
        h
        for h in r.search(replace(q, plan=None), e, words, min_cover=0.7)
        if isinstance(h.doc, WorkItem) and h.doc.meeting is not None and h.doc.meeting > meeting.date
    ]
    return hits[0].doc if hits else None


def _work_by_words(q: Query, e: Engine, floor: float = 0.8) -> WorkItem | None:
    # (the committee's own name names no item: "the MAS annual report going to corp parenting" is not the Borough &
    # District report on "corporate parenting")
    words = _naming(q, e, (w for w in q.topic_words if w not in REPORT_WORDS))
    hits = [h for h in r.search(q, e, words) if isinstance(h.doc, WorkItem)] if words else []
    return hits[0].doc if hits and hits[0].score >= floor else None


WORK_FLOOR = 0.8
NEXT_WORK_FLOOR = 0.7  # "next at panel": most of the words of a programme item are enough
NEXT_AT = lazy(
    r"\bnext\s+(?:on\s+)?(?:at|on|to|before|going to|coming to|due at|due to)\s+(?:the\s+)?(?:\w+\s+){0,2}"
    r"(?:panel|committee|meeting|cpp)\b"
)


_ASKING_WORDS = frozenset(
    [
        "sponsor",
        "sponsoring",
        "sponsored",
        "bring",
        "bringing",
        "present",
        "presenting",
        "lead",
        "leading",
        "author",
        *content_words("usually normally typically always brings"),
        *content_words("officer manager person colleague"),  # "which officer is bringing it"
    ]
)


def _work_by_item_words(q: Query, e: Engine) -> WorkItem | None:
    """ "the adoption services item on the work programme": the item's own words, without the programme's."""
    words = [w for w in q.topic_words if w not in REPORT_WORDS and w not in WORK_WORDS and w not in _ASKING_WORDS]
    hits = [h for h in r.search(q, e, words) if isinstance(h.doc, WorkItem)] if words else []
    strong = [h for h in hits if h.score >= 0.8]
    return strong[0].doc if len(strong) == 1 else None  # "which items are six-monthly" names several


def _work_field(q: Query) -> str:
    """One field of one work-programme item: its sponsor/report author when asked who, else its date."""
    if q.attribute in ("sponsor", "author") or q.has("sponsor") or re.search(r"\bwho(se)?\b", q.folded):
        return "sponsor"  # ("whose report is it": its sponsor/report author)
    return "due"


def sponsor(q: Query, e: Engine) -> Answer | None:
    if len(q.people) == 1 and not q.action_ids and PERSON_BRINGS.search(q.folded) and not q.attribute:
        return _persons_programme(q, e, q.people[0][0])
    words = tuple(w for w in q.topic_words if w not in _ASKING_WORDS)
    words = tuple(_naming(q, e, words)) or words  # "who presents the FLAG items at corporate parenting"
    # "the standing children in care council item": the programme's standing items, "standing" naming none by itself
    standing = "standing" in words and len(words) > 1
    words = tuple(w for w in words if w != "standing") if standing else words
    if not words:
        work = subject_work(q, e)
        return about_work(q, e, work, "sponsor") if work else None
    hits = [h for h in r.search(q, e, words) if isinstance(h.doc, WorkItem | AgendaItem)]
    if standing:
        hits = [h for h in hits if isinstance(h.doc, WorkItem) and h.doc.standing] or hits
    if not hits:
        return None
    if isinstance(hits[0].doc, WorkItem):
        return about_work(q, e, hits[0].doc, "sponsor")
    item, meeting = hits[0].doc, hits[0].meeting
    if isinstance(item, AgendaItem) and meeting is not None and item.presenters and not item.signatory:
        return _brought_by(q, e, meeting, item, [h for h in hits if isinstance(h.doc, WorkItem) and h.score >= 0.5])
    return about_agenda_item(q, e, hits[0].doc, hits[0].meeting, "author")


# "what's stephanie down to bring to panel next", "which reports is matt presenting": a person's programme items
PERSON_BRINGS = lazy(
    r"^\s*(?:what|whats|what s|which)\b(?!.{0,60}\b(?:title|role|job|post|position)\b).{0,40}"
    r"\b(?:down to (?:bring|present|report|do|give)|bring|bringing|present|presenting|sponsor|sponsoring)\b"
)


def _persons_programme(q: Query, e: Engine, pid: str) -> Answer | None:
    """ "what's stephanie down to bring to panel next, the destinations one": the work-programme items a person is
    named on as sponsor/report author, still to come (soonest first); the one the question's other words name,
    when they name one. None when the programme names the person on nothing to come."""
    person = e.kb.people[pid]
    own = {w for n in (person.name, *person.aliases) for w in content_words(n)}
    items = [
        w
        for c in e.kb.committees.values()
        for w in c.work_programme
        if pid in w.sponsors and (w.meeting is None or w.meeting >= q.today)
    ]
    if not items:
        return None
    items.sort(key=lambda w: w.meeting or dt.date.max)
    named = _most_shared(set(q.topic_words) - own - set(_ASKING_WORDS) - MEETING_WORDS, items, lambda w: w.title)
    if len(named) == 1:
        return about_work(q, e, named[0], "due")
    text = f"The work programme names {person.name} as sponsor/report author of {len(items)} item(s) to come:"
    return r.answer_of(q, "work-programme", text, [d.work_item(e.kb, w) for w in items])


def _brought_by(q: Query, e: Engine, meeting: Meeting, item: AgendaItem, later: list[Hit]) -> Answer:
    """ "who brings the X": who presented it when the minutes record it, and the sponsors the work programme
    names for its next listing (when one of its items shares the words)."""
    names = " and ".join(e.kb.name_of(p) for p in item.presenters)
    text = (
        f"Item {item.number}, {item.title}, at the {d.meeting_title(e.kb, meeting)} meeting was presented by {names}."
    )
    shown = [d.agenda_item(e.kb, meeting, item)]
    if later:
        work = later[0].doc
        assert isinstance(work, WorkItem)
        when = f"for {work.meeting.day} {work.meeting:%B %Y}" if work.meeting else "as a standing item"
        sponsors = ", ".join(e.kb.name_of(p) for p in work.sponsors) or "no one"
        text += f" The work programme lists {work.title} {when}, with sponsor/report author {sponsors}."
        shown.append(d.work_item(e.kb, work))
    return r.answer_of(q, "report", text, shown, subject=agenda_subject(meeting, item))


# "total LADO advice contacts 23/24, up or down": a figure the papers count, not whom to contact
_CONTACTS_COUNTED = lazy(
    r"\b(total|how many|number of|no of|figures?|stats?|statistics|count of)\b.*\bcontacts\b"
    r"|\bcontacts\b.*\b(up or down|went up|gone up|increase|increased|decrease|decreased|compared|year before)\b"
)


def contact(q: Query, e: Engine) -> Answer | None:
    if q.attribute in ("attendance", "apologies", "substitutes") and q.has("meeting-detail"):
        return None  # "who was there from democratic services": who attended, not whom to contact
    if "contacts" in q.folded and _CONTACTS_COUNTED.search(q.folded):
        return None
    if q.agenda_number is not None:
        meeting = pick_meeting(q, e, prefer_agenda=True, want_reports=True)
        if meeting is None:
            return r.answer_of(q, "not-found", "I know of no meeting with numbered agenda items.")
        try:
            for_item = contacts_for(q, e, meeting, meeting.item(q.agenda_number))
            if q.people and not _asker_only(q, e):  # "rachel miller's email? to chase her on item 7": hers first
                own = person_contact(q, e, [pid for pid, _ in q.people[:3]])
                if q.people[0][0] in meeting.item(q.agenda_number).contacts:
                    return own
                return replace(own, text=f"{own.text} {for_item.text}", items=own.items + for_item.items)
            return for_item
        except KeyError:
            return r.answer_of(
                q,
                "not-found",
                f"The {d.meeting_title(e.kb, meeting)} agenda has no item {q.agenda_number}.",
                suggestions=tuple(f"item {i.number}" for i in meeting.agenda),
            )
    if DECLARING.search(q.folded) and not q.people:
        return clerk(q, e)  # the agenda's notes: clarification on declaring an interest, the papers themselves
    if q.people and not (DECLARING.search(q.folded) and _asker_only(q, e)):
        return person_contact(q, e, [pid for pid, _ in q.people[:3]])
    if q.role and q.role in e.kb.roles and q.attribute in ("contact", "email", "phone"):
        return role_contact(q, e, e.kb.roles[q.role])
    if q.action_ids and q.committee is None and not _ITEM_WORDS.search(q.folded):
        # "county plan action 9 - who do i ask about it": whom to ask about an action is its lead
        from knowledge.answers_actions import about_actions

        asked = tuple(w for w in q.topic_words if w not in ENQUIRY_WORDS | CONTACT_FILLER)
        led = about_actions(replace(q, intents=("lead",), attribute="lead", topic_words=asked), e)
        return _lead_contact(q, e) or led
    if re.search(r"\bdemocratic services?\b|\bclerk\b|\bcommittee officer\b", q.folded) or DECLARING.search(q.folded):
        return clerk(q, e)  # the agenda's notes: clarification on declaring an interest, the papers themselves
    by_ref = item_by_reference(q, e)
    if by_ref is not None:
        return contacts_for(q, e, *by_ref)
    note = agenda_note(q, e)
    if note is not None:
        return note
    named = set(q.topic_words) - ENQUIRY_WORDS - CONTACT_FILLER
    if named and named <= PAPERS_ONLY and not q.action_ids:  # "who can I ring about the agenda"
        return clerk(q, e)
    post = POST_ASKED.search(q.folded)  # "the head of service one": which of the contacts, not the report's words
    post_words = set(content_words(post.group(1))) if post else set()
    if post and not REPORT_NAMED.search(q.folded) and (holders := _post_holders(q, e)) is not None:
        return holders  # "email for the strategic safeguarding service manager": a post, not a report's contact
    part = PART_ASKED.search(q.folded)  # "the secure accommodation part of the homes report": whose post covers it
    part_words = set(content_words(part.group(1))) - ENQUIRY_WORDS - CONTACT_FILLER if part else set()
    dropped = frozenset(post_words | ENQUIRY_WORDS | part_words | PART_NOUNS)
    found = find_doc(replace(q, topic_words=tuple(w for w in q.topic_words if w not in dropped)), e, drop=dropped)
    if found is None:
        return _annual_on_agenda(q, e) or post_contact(q, e)
    meeting, doc = found
    if _other_place(q, e, meeting):  # "the city LADO's number": not the county panel's report's contact
        return post_contact(q, e)
    if isinstance(doc, WorkItem):
        return work_contacts(q, e, doc)
    if post and doc.contacts:
        holding = [p for p in doc.contacts if p in e.kb.people and _holds_post(e.kb.people[p].titles, post_words)]
        # "the secure accommodation manager on the homes report": the words before the post narrow it further
        qualified = _qualified_post(q, post, post_words)
        narrower = [p for p in holding if _holds_post(e.kb.people[p].titles, qualified)]
        if narrower and len(narrower) < len(doc.contacts):
            others = [e.kb.name_of(p) for p in doc.contacts if p not in narrower]
            found = contacts_for(q, e, meeting, replace(doc, contacts=tuple(narrower)))
            return replace(found, text=f"{found.text} The report also names {', '.join(others)}.")
        if holding:
            doc = replace(doc, contacts=tuple(holding))
    if part and part_words and len(doc.contacts) > 1:
        holding = [p for p in doc.contacts if p in e.kb.people and _holds_post(e.kb.people[p].titles, part_words)]
        if holding and len(holding) < len(doc.contacts):
            others = [e.kb.name_of(p) for p in doc.contacts if p not in holding]
            part_of = f"the contacts whose posts name {' '.join(sorted(part_words, key=part.group(1).find))}"
            found = contacts_for(q, e, meeting, replace(doc, contacts=tuple(holding)))
            return replace(found, text=f"{found.text} These are {part_of}; the report also names {', '.join(others)}.")
    return contacts_for(q, e, meeting, doc)


def _other_place(q: Query, e: Engine, meeting: Meeting | None) -> bool:
    """Whether the question names the city or the county, and the meeting's committee belongs to the other."""
    committee = e.kb.committees.get(meeting.committee) if meeting is not None else None
    org = e.kb.organisations.get(committee.organisation or "") if committee is not None else None
    return org is not None and r.of_other_council(r.council_asked(q.folded), org.name, "")


def _lead_contact(q: Query, e: Engine) -> Answer | None:
    """ "email for the lead of 7a": the one named action's one lead's email or phone, after who leads it."""
    if q.attribute not in ("email", "phone") or len(q.action_ids) != 1:
        return None
    found = r.visible_actions(q, e.ids.find(q.action_ids[0], q.plan))
    if len(found) != 1:
        return None
    action = found[0]
    people = list(dict.fromkeys(p for lead in action.leads for p in e.kb.people_behind(lead) if p in e.kb.people))
    if len(people) != 1:
        return None
    own = person_contact(q, e, people)
    said = f"Lead of {d.action_label(e.kb, action)}: {', '.join(e.kb.name_of(x) for x in action.leads)}."
    return replace(own, text=f"{said} {own.text}")


_ITEM_WORDS = lazy(r"\b(?:item|report|paper|agenda|minutes?|panel|committee)\b")
# "who do I point people to for questions on the X paper", "whoever's the contact on it": the asking, not the report
ENQUIRY_WORDS = frozenset(
    content_words(
        "point pointing people person someone somebody anyone question questions query queries enquiry enquiries "
        "whoever whoevers ring call phone no number contact contacts speak talk refer direct send answer answers touch "
        "email emailing ask asking"
    )
)
# "who do I ring about the agenda / the papers / the meeting": the committee's own papers, whose contact is the clerk
PAPERS_ONLY = frozenset(content_words("agenda agendas paper papers pack meeting meetings panel committee cpp about"))
DECLARING = lazy(
    r"\bdeclar\w* (?:an |of |their |my |his |her |any )?interests?\b|\binterests? to declare\b|"
    r"\b(?:about|over|with|re) (?:an|my|a|their|his|her) (?:personal |pecuniary |prejudicial )?interest\b|"
    r"\bdeclar\w* (?:something|anything|a conflict|conflicts?)\b"
)
# words that say who is asking ("councillor here", "a cllr wants to know"), not whom they ask about
ASKER_WORDS = frozenset(content_words("councillor councillors cllr cllrs member members officer officers i we they"))


def _asker_only(q: Query, e: Engine) -> bool:
    """The people the question found are named only by a word saying who asks ("councillor here, who do I ring
    about declaring an interest"): no one's own name is written."""
    named = set(content_words(q.raw))
    for pid, _ in q.people:
        person = e.kb.people[pid]
        own = {w for n in (person.name, *person.aliases) for w in content_words(n)} - ASKER_WORDS
        if own & named:
            return False
    return True


def role_contact(q: Query, e: Engine, role: Role) -> Answer:
    """ "email for the service director": the contact details of the post's holders, as the documents name them."""
    held = [(e.kb.people[h.person], h) for h in role.holders if h.person in e.kb.people]
    people = [p for p, _ in held]
    if not people:
        return r.answer_of(q, "not-sure", f"I'm not sure: the documents name no holder of the post {role.title}.")
    names = ", ".join(p.name + (f" (as of {h.as_of})" if h.as_of else "") for p, h in held)
    text = f"{role.title}: the documents name {names}."
    missing = [p.name for p in people if not (p.email or p.phone)]
    if missing:
        text += f" They give no email or phone number for {', '.join(missing)}."
    unsure = r.unsure_of_means(q, people, f"{names}, the {role.title}")  # "what's the corporate director's mobile"
    if unsure is not None:
        text = unsure + (f" They give no email or phone number for {', '.join(missing)}." if missing else "")
        text += " What they give is below."
    return r.answer_of(q, "contact", text, [d.person_item(e.kb, p) for p in people])


CONTACT_FILLER = frozenset(
    content_words(
        "how do does can could i we you get hold of contact contacts email e mail phone number numbers ring call "
        "reach speak talk touch detail details who what is the for address"
    )
)
PLACE_WORDS = {"notts": "nottinghamshire", "nott": "nottinghamshire", "county": "county", "city": "city"}


def post_contact(q: Query, e: Engine) -> Answer | None:
    """ "how do I get hold of the LADO in notts": the contact details of the one or two people whose recorded
    job title names the post asked for (a place word must be in their organisation's name)."""
    wanted = frozenset(PLACE_WORDS.get(w, w) for w in content_words(q.raw) if w not in CONTACT_FILLER)
    if not wanted or len(wanted) > 4:
        return None
    holders = e.names.title_holders(wanted, 1)
    if not holders or len(holders) > 2 or not (wanted - set(PLACE_WORDS.values())):
        return None
    return _title_holders_contact(q, e, holders)


def _title_holders_contact(q: Query, e: Engine, holders: list[tuple[str, str]]) -> Answer:
    """The contact details of the people holding a title ((person id, title) pairs), the titles quoted; a phone
    number asked for and not in the papers is said to be missing first."""
    people = [e.kb.people[pid] for pid, _ in holders]
    said = "; ".join(f"{p.name} (\u201c{title}\u201d)" for p, (_, title) in zip(people, holders, strict=True))
    count = f"{len(people)} people: " if len(people) > 2 else ""
    text = f"The papers give that title to {count}{said}."
    missing = [p.name for p in people if not (p.email or p.phone)]
    if missing:
        text += f" They give no email or phone number for {', '.join(missing)}."
    subject = Subject("person", (people[0].id,)) if len(people) == 1 else None
    items = [d.person_item(e.kb, p) for p in people]
    unsure = r.unsure_of_means(q, people, said)  # "lado phone number? would rather ring than email"
    if unsure is not None:
        text = f"{unsure} What they give is below."
    return r.answer_of(q, "contact", text, items, subject=subject)


def _post_holders(q: Query, e: Engine) -> Answer | None:
    """The contact details of everyone whose recorded title holds every word the question gives of a post (at
    least three: "strategic safeguarding service manager"), when one to three people do; else None."""
    wanted = frozenset(content_words(q.raw)) - CONTACT_FILLER - ENQUIRY_WORDS - POLITE_WORDS
    if len(wanted) < 3 or len(wanted) > 6:
        return None
    titles = e.names.title_postings
    if any(w not in titles for w in wanted):  # "secure accomodation": the titles' own spelling
        vocabulary = e.names.title_vocabulary()
        wanted = frozenset(w if w in titles else (closest_word(w, vocabulary, 85) or w) for w in wanted)
    holders = e.names.title_holders(wanted, len(wanted))
    if not holders or len(holders) > 3:
        return None
    return _title_holders_contact(q, e, holders)


POLITE_WORDS = frozenset(content_words("pls please plz thanks thank ta cheers asap urgent urgently"))
# a report, paper or item named: then a post asked for is which of its contacts ("the service manager on the
# fostering report"), not every holder of the post
REPORT_NAMED = lazy(r"\b(report|reports|paper|papers|item|update|annual|review|appendix|agenda)\b")


POST_ASKED = lazy(
    r"\b(?:the\s+)?(head of service|service director|service manager|group manager|team manager|director|manager)"
    r"(?:\s+one)?\b"
)


# "the secure accommodation part of", "the fostering side of": which of a report's contacts covers that part
PART_ASKED = lazy(r"\b((?:[a-z]+ ){0,3}[a-z]+) (?:part|side|bit|section|element|aspect|end) (?:of|in|on)\b")
PART_NOUNS = frozenset(content_words("part parts side sides bit bits section sections element aspect end"))


def _qualified_post(q: Query, post: re.Match[str], post_words: set[str]) -> set[str]:
    """The post's words with up to three words written just before it ("secure accommodation manager")."""
    before = q.folded[: post.start()].split()[-3:]
    return post_words | {
        w for w in content_words(" ".join(before)) if w not in CONTACT_FILLER and w not in ENQUIRY_WORDS
    }


def _holds_post(titles: tuple[str, ...], post_words: set[str]) -> bool:
    """Whether one of a person's titles carries every word of the post asked for ("Head of Service, ...")."""
    return any(post_words <= set(content_words(title)) for title in titles)


NOTE_WORDS = frozenset(
    content_words("agenda notes note number phone telephone ring call contact who do they should i we the papers")
)


# "i want to look at the background papers": words of wanting to see something, not what the note is about
NOTE_ASKING = frozenset(
    content_words(
        "want wanted wanting look looking inspect inspecting see seeing read reading view viewing need get copy access "
        "ask asking wish wishing find where copy "
        # who to point them to: "who do i send them to", "where do i direct them"
        "send sending refer referring direct directing point pass forward them after "
        # who wants to: "if a resident wants to see the background papers", "someone from the public"
        "resident residents public someone somebody anyone person people member members they he she neighbour friend "
        "parent parents carer carers family journalist"
    )
)


WHERE_PAPERS = lazy(
    r"\bwhere (can|do|could|would) \w+ (find|see|view|read|get|look at) (the )?(papers|agenda|reports)\b"
)
SEEING_WORDS = frozenset(content_words("view see read look find online inspect"))
# the one who wants to see something, before the wanting: "a cllr wants to see the background papers"
WANTS_TO_SEE = lazy(
    r"^(?:\W*)((?:\w+ ){1,6}?)(?:wants|want|wanted|wanting|would like|d like|needs|need|is asking|are asking|asked|"
    r"has asked|have asked|is hoping|are hoping) to (?:see|look at|inspect|read|view|get|have|access)\b"
)


def agenda_note(q: Query, e: Engine) -> Answer | None:
    """The agenda note a contact question is about ("customer services number", "background papers - the
    public"), quoted as written."""
    words = set(q.topic_words) - NOTE_WORDS - NOTE_ASKING
    wanting = WANTS_TO_SEE.search(q.folded)  # "one of our foster carers wants to see ...": who wants them, not what
    if wanting:
        words -= set(spelled_out(content_words(wanting.group(0))))
    if not words and WHERE_PAPERS.search(q.folded):  # "where can people view the papers": the note on viewing them
        words = set(q.topic_words) & SEEING_WORDS
    if not words:
        return None
    best: tuple[float, int, Meeting, AgendaNote] | None = None
    for found in e.kb.committees.values():
        for meeting in found.meetings:
            for note in meeting.notes:
                shared = len(words & set(content_words(note.text)))
                if best is None or shared > best[1]:
                    best = (shared / len(words), shared, meeting, note)
    # most of the words, or two of them and well over half ("my neighbour wants the background papers")
    if best is None or not (best[0] >= 0.75 or (best[1] >= 2 and best[0] >= 0.6)):
        return None
    _, _, meeting, note = best
    title = d.meeting_title(e.kb, meeting)
    item = Item("note", f"Agenda note ({note.number})", (f"\u201c{note.text}\u201d",), {}, note.source)
    return r.answer_of(q, "contact", f"The {title} agenda, note ({note.number}): {note.text}", [item])


def work_contacts(q: Query, e: Engine, work: WorkItem) -> Answer:
    """Whom to contact about a report still to come: the work programme's sponsor/report author."""
    when = (
        "a standing item"
        if work.standing
        else (
            f"due at the {e.kb.committees[work.committee].name} meeting on {work.meeting.day} {work.meeting:%B %Y}"
            if work.meeting
            else "no meeting set"
        )
    )
    subject = Subject("work", (work.committee, work.title))
    if not work.sponsors:
        return r.answer_of(
            q,
            "contact",
            f"The work programme names no sponsor or report author for {work.title} ({when}).",
            [d.work_item(e.kb, work)],
            subject=subject,
        )
    people = [e.kb.people[p] for p in work.sponsors if p in e.kb.people]
    names = ", ".join(e.kb.name_of(p) for p in work.sponsors)
    text = (
        f"{work.title} ({when}) has no report in the papers yet, so no enquiries contact; the work programme names "
        f"its sponsor/report author: {names}."
    )
    missing = [p.name for p in people if not (p.email or p.phone)]
    if missing:
        text += f" The papers give no email or phone number for {', '.join(missing)}."
    items = [d.work_item(e.kb, work)] + [d.person_item(e.kb, p) for p in people]
    return r.answer_of(q, "contact", text, items, subject=subject)


def clerk(q: Query, e: Engine) -> Answer | None:
    """The Democratic Services contact the agenda's notes name, where the knowledge base holds it."""
    meeting = pick_meeting(q, e, prefer_agenda=True)
    if meeting is None:
        return None
    ref = e.kb.committees[meeting.committee].agenda_contact
    if not ref or ref not in e.kb.people:
        return r.answer_of(
            q,
            "contact",
            f"The knowledge base does not record the Democratic Services contact for the "
            f"{d.meeting_title(e.kb, meeting)} meeting.",
        )
    person = e.kb.people[ref]
    title = d.meeting_title(e.kb, meeting)
    text = f"The agenda names {person.name} (Democratic Services) as the contact for the {title} papers."
    if q.attribute == "email" and not person.email:  # "democratic services email address?": the papers give none
        text += f" The documents give no email address for {person.name} or Democratic Services."
    items = [d.person_item(e.kb, person)]
    if _MANY_OFFICERS.search(q.folded):  # "who are the democratic services officers": every one the papers title so
        others = [
            e.kb.people[pid]
            for pid, _ in e.names.title_holders(frozenset({"democratic", "service", "officer"}), 3)
            if pid != ref and pid in e.kb.people
        ]
        if others:
            text += (
                f" The papers also give the title Democratic Services Officer to {', '.join(p.name for p in others)}."
            )
            items += [d.person_item(e.kb, p) for p in others]
    return r.answer_of(q, "contact", text, items, subject=Subject("person", (ref,)))


_MANY_OFFICERS = lazy(r"\bofficers\b|\bwho are\b|\bclerks\b|\bthe team\b")


def _annual_on_agenda(q: Query, e: Engine) -> Answer | None:
    """ "the annual report on the jan agenda - who's the contact": "annual report" names no one report, but the
    meeting's agenda may hold only a few whose titles say "annual": the contacts of each."""
    if "annual" not in q.topic_words or (q.month is None and q.day_of_month is None):
        return None
    meeting = pick_meeting(q, e, prefer_agenda=True)
    if meeting is None or (q.month is not None and meeting.date.month != q.month):
        return None
    annual = [i for i in meeting.agenda if any("annual" in content_words(t) for t in _titles(i)) and i.contacts]
    if not annual or len(annual) > 3:
        return None
    named = _annual_named(q, annual)
    if len(named) == 1:  # "the hsb annual review going to corporate parenting in jan": that one of them
        return contacts_for(q, e, meeting, named[0])
    if len(annual) == 1:
        return contacts_for(q, e, meeting, annual[0])
    said = [contacts_for(q, e, meeting, i) for i in annual]
    text = (
        f"The {d.meeting_title(e.kb, meeting)} agenda has {len(annual)} annual reports; which do you mean? "
        + " ".join(a.text for a in said)
    )
    return r.answer_of(q, "ambiguous", text, [x for a in said for x in a.items])


def _annual_named(q: Query, annual: list[AgendaItem]) -> list[AgendaItem]:
    """Of a meeting's annual reports, those whose titles hold every word the question names them by besides
    "annual report" ("hsb": Harmful Sexual Behaviour by Children Annual Review 2024)."""
    words = [w for w in q.topic_words if w not in _ANNUAL_WORDS]
    if not words:
        return []
    found = []
    for item in annual:
        held = {w for t in _titles(item) for w in content_words(t)}
        if all(w in held or spelled_in(w, held) for w in words):
            found.append(item)
    return found


_ANNUAL_WORDS = frozenset(
    content_words("annual report reports review reviews going coming corporate parenting panel jan")
)


def contacts_for(q: Query, e: Engine, meeting: Meeting | None, item: AgendaItem) -> Answer:
    assert meeting is not None
    title = f"item {item.number}, {item.title}"
    subject = agenda_subject(meeting, item)
    if not item.contacts:
        return r.answer_of(q, "contact", f"The papers name no contact for {title}.", subject=subject)
    chosen = _contact_by_title(q, e, item.contacts)
    shown = [chosen] if chosen else list(item.contacts)
    items = [d.person_item(e.kb, e.kb.people[p]) for p in shown]
    names = ", ".join(e.kb.people[p].name for p in shown)
    text = f"For enquiries about {title} ({d.meeting_title(e.kb, meeting)}), contact {names}."
    unsure = r.unsure_of_means(q, [e.kb.people[p] for p in shown], f"{names}, the contact for {title}")
    if unsure is not None:
        text = f"{unsure} What they give is below."
    others = [e.kb.people[p].name for p in item.contacts if p not in shown]
    notes = (f"You asked for the {chosen_title(e, chosen)}; also named for it: {', '.join(others)}.",) if chosen else ()
    return r.answer_of(q, "contact", text, items, subject=subject, notes=notes)


ASKS_BY_TITLE = lazy(r"\b(manager|officer|director|head|lead|chair|coordinator|nurse|advisor|adviser)\b")


def _contact_by_title(q: Query, e: Engine, contacts: tuple[str, ...]) -> str | None:
    """ "the secure accommodation service manager's number": of a report's contacts, the one the question names by
    job title - the only one with a title whose every word the question uses, else the one whose title holds the
    longest run of the question's words (by at least a word more than any other's)."""
    if len(contacts) < 2 or not ASKS_BY_TITLE.search(q.folded):
        return None
    asked = q.folded.split()
    people = [p for p in contacts if p in e.kb.people]
    titles = {p: [set(fold(t).split()) - _TITLE_GLUE for t in e.kb.people[p].titles] for p in people}
    whole = [p for p in people if any(words and words <= set(asked) for words in titles[p])]
    if len(whole) == 1:
        return whole[0]
    runs = {p: _longest_run(asked, set().union(*titles[p])) for p in people}
    ranked = sorted(people, key=lambda p: -runs[p])
    best, second = runs[ranked[0]], runs[ranked[1]]
    return ranked[0] if best >= 2 and best > second else None


_TITLE_GLUE = frozenset({"for", "and", "of", "the", "&", "-", "\u2013"})


def _longest_run(words: list[str], title: set[str]) -> int:
    """The most consecutive words of the question that are all words of the title."""
    best = run = 0
    for w in words:
        run = run + 1 if w in title else 0
        best = max(best, run)
    return best


def chosen_title(e: Engine, pid: str | None) -> str:
    person = e.kb.people.get(pid or "")
    return person.titles[0] if person and person.titles else "person"


def person_contact(q: Query, e: Engine, person_ids: list[str]) -> Answer:
    person = e.kb.people[person_ids[0]]
    items = [d.person_item(e.kb, person)]
    missing = [k for k, v in (("email", person.email), ("phone number", person.phone)) if not v]
    wanted = q.attribute if q.attribute in ("email", "phone") else None
    if wanted == "email" and person.email:
        text = f"{person.name}'s email is {person.email}."
    elif wanted == "phone" and person.phone:
        text = f"{person.name}'s phone number is {person.phone}."
    else:
        text = f"Contact details for {person.name}."
    if missing:
        text += f" The documents give no {' or '.join(missing)} for {person.name}."
    return r.answer_of(q, "contact", text, items, subject=Subject("person", (person.id,)))


def agenda(q: Query, e: Engine) -> Answer | None:
    if q.agenda_number is not None and q.has("resolution") and RESOLUTION_ASKED.search(q.folded):
        return None  # "the resolution under item 11 at the last meeting": what was resolved, not the agenda
    if q.agenda_number is not None and q.topic_words:  # "legal implications of item 8": that part of its report
        from knowledge.answers_papers import part_passage

        _, in_part = part_passage(q, e)
        if in_part is not None:
            return in_part
    ordinal = re.search(r"\b(" + "|".join(ORDINALS) + r")\b", q.folded)
    if (
        ordinal
        and q.agenda_number is None
        and not (
            set(q.topic_words)
            - {
                "agenda",
                "item",
                "first",
                "last",
                "final",
                "second",
                "third",
                "fourth",
                "fifth",
                "opening",
                "paper",
                "papers",
            }
        )
    ):
        meeting = pick_meeting(q, e, prefer_agenda=True)
        if meeting is not None and meeting.agenda:
            item = sorted(meeting.agenda, key=lambda i: i.number)[ORDINALS[ordinal.group(1)]]
            shown = d.agenda_item(e.kb, meeting, item)
            where = d.meeting_title(e.kb, meeting)
            text = f"The {ordinal.group(1)} item on the {where} agenda is item {item.number}: {item.title}."
            return r.answer_of(q, "agenda-item", text, [shown], subject=agenda_subject(meeting, item))
    if q.agenda_number is not None or (q.topic_words and not _agenda_words_only(q, e)):
        found = find_report(q, e)
        if found is not None and q.month is not None and found[0].date.month != q.month and q.agenda_number is None:
            named = [m for m in e.kb.committees[found[0].committee].meetings if m.date.month == q.month and m.agenda]
            if named:
                item = found[1]
                text = (
                    f"I could not find that on the {d.meeting_title(e.kb, named[0])} agenda; the closest is item "
                    f"{item.number}, {item.title}, at the {d.meeting_title(e.kb, found[0])} meeting."
                )
                return r.answer_of(q, "agenda", text, [d.agenda_item(e.kb, found[0], item)])
        if found is not None:
            return about_agenda_item(q, e, found[1], found[0], q.attribute or "summary")
        if q.agenda_number is None:
            return None
    meeting = pick_meeting(q, e, prefer_agenda=True)
    if meeting is None:
        return r.answer_of(q, "not-found", "I know of no meeting with that agenda.")
    if not meeting.agenda:
        planned = [
            w for w in e.kb.committees[meeting.committee].work_programme if w.meeting == meeting.date and not w.standing
        ]
        text = f"The documents give no agenda for the {d.meeting_title(e.kb, meeting)} meeting yet."
        if planned:  # the work programme's items for that meeting are what is planned for it
            text += f" The work programme plans {len(planned)} item{'s' if len(planned) != 1 else ''} for it:"
            return r.answer_of(q, "agenda", text, [d.work_item(e.kb, w) for w in planned])
        return r.answer_of(q, "agenda", text, [d.meeting_item(e.kb, meeting)])
    items = [d.agenda_item(e.kb, meeting, i) for i in meeting.agenda]
    return r.answer_of(q, "agenda", f"Agenda for {d.meeting_title(e.kb, meeting)}:", items)


def _agenda_words_only(q: Query, e: Engine) -> bool:
    """Whether the question's words only say which agenda ("what's on the agenda on tuesday", "the agenda for next
    week's corporate parenting panel": the committee's own name asks for no item)."""
    words = {"agenda", "paper", "papers", "meeting", "panel", "next", "latest", "last"}
    words |= {"talking", "discussing", "covering", "considering", "looking"}  # "what are they talking about at ..."
    if q.month is not None:  # "whats listed for panel on 8 july 2025 in the work programme": where it is listed
        words |= {"work", "programme", "wp", "listed", "list"}
    if q.committee is not None and q.committee in e.kb.committees:
        found = e.kb.committees[q.committee]
        words |= _own_words(found)
    return set(q.topic_words) <= words | DAY_WORDS


def _chair_said_beside(e: Engine, quote: str) -> list[str]:
    """The other sentences of the paragraph a chair's source quote is from that say who chairs ("... will be chaired
    by the Director of Children's Integrated Services from October 2020"): a change of chair the quote leaves out."""
    index = e.passage_index
    if index is None:
        return []
    from knowledge.passages import sentences  # a chair with no named holder is rare: the passages are read then

    folded = " ".join(quote.split())
    for passage in index.passages:
        text = " ".join(passage.text.split())
        if folded in text:
            return [x for x in sentences(text) if folded not in x and CHAIRED.search(x)]
    return []


CHAIRED = lazy(r"\bchair(?:s|ed|ing)?\b")


def chair(q: Query, e: Engine) -> Answer | None:
    """Who chairs a group named in the question (a role titled chair), else the committee's chair."""
    role = chair_role(q, e)
    if role is not None:
        items = [d.person_item(e.kb, e.kb.people[h.person]) for h in role.holders]
        if items:  # with the date the documents give for a holder ("from October 2019": when the chair changed)
            held = [f"{i.title} ({h.as_of})" if h.as_of else i.title for i, h in zip(items, role.holders, strict=True)]
            text = f"{role.title}: {', '.join(held)}."
        else:
            said = "\u201d; and: \u201c".join((role.source.quote, *_chair_said_beside(e, role.source.quote)))
            text = (
                f"The documents name no person as {role.title}; they say: \u201c{said}\u201d "
                f"({e.kb.source_title(role.source)})."
            )
        return r.answer_of(q, "chair", text, items)
    others = _asked_words(q) - CHAIR_WORDS - set(e.committee_words) - {"panel", "committee"}
    if others and not q.committee:
        return _chair_passage(q, e, others)
    chaired = _CHAIRED_ACRONYM.search(q.raw)
    if chaired and q.committee and chaired.group(1).lower() not in _own_words(e.kb.committees[q.committee]):
        # "who chairs the joint SLG - he wrote a foreword in the cpp pack": the group chaired, named by its initials,
        # is not the committee named elsewhere in the question
        return _chair_passage(q, e, {chaired.group(1).lower()})
    found = committee(q, e)
    if found is None:
        return None
    if VICE.search(q.folded):  # "who is the vice chair": not the chair
        vice = [m for m in found.members if m.role and VICE.search(fold(m.role))]
        if not vice:
            return r.answer_of(q, "not-sure", f"I'm not sure: the papers name no vice-chair of the {found.name}.")
        names = ", ".join(e.kb.people[m.person].name for m in vice)
        return r.answer_of(q, "chair", f"{vice[0].role} of the {found.name}: {names}.")
    chairs = [m for m in found.members if m.role and "chair" in m.role.lower()]
    if not chairs:
        return r.answer_of(q, "chair", f"The documents name no chair of the {found.name}.")
    names = ", ".join(e.kb.people[m.person].name for m in chairs)
    items = [d.person_item(e.kb, e.kb.people[m.person]) for m in chairs]
    text = f"The {found.name} is chaired by {names} ({chairs[0].role})." + _means_of_reach(
        q, [e.kb.people[m.person] for m in chairs]
    )
    return r.answer_of(q, "chair", text, items)


def _means_of_reach(q: Query, people: list[Person]) -> str:
    """ "whats her email": the address or number asked for, or that the papers give none (not only in the card)."""
    if q.attribute not in ("email", "phone"):
        return ""
    what = "email address" if q.attribute == "email" else "phone number"
    given = [(p.name, p.email if q.attribute == "email" else p.phone) for p in people]
    said = [f"{name}: {value}" for name, value in given if value]
    missing = [name for name, value in given if not value]
    text = f" The papers give this {what}: {'; '.join(said)}." if said else ""
    return text + (f" The papers give no {what} for {', '.join(missing)}." if missing else "")


VICE = lazy(r"\b(vice|deputy|co)\s*-?\s*chair")
# a group a question says is chaired, named by its initials: "who chairs the joint SLG" (a word or two before them)
_CHAIRED_ACRONYM = lazy(r"\b[Cc]hair(?:s|ed|ing)?\s+(?:of\s+)?(?:the\s+|our\s+)?(?:[a-z]+\s+){0,2}([A-Z]{2,6})\b")
CHAIR_WORDS = frozenset(
    {"chair", "chairman", "chairperson", "chairwoman", "chaired", "chairs", "chairing", "who"}
    | {"run", "runs", "head", "heads", "charge", "day", "days"}  # "who runs / heads / is in charge of it these days"
    | {"took", "take", "takes", "taking", "taken", "over", "new", "became", "become", "appointed"}  # a new chair
    | {"now", "currently", "since", "when", "started", "start"}  # "who chairs now and since when": the holder's date
)
# words that name a kind of group, not which group: "the neglect subgroup" is picked out by "neglect"
GROUP_WORDS = frozenset(
    {"group", "subgroup", "sub", "board", "panel", "committee", "partnership", "forum", "meeting", "council"}
)
WHO_CHAIRS = lazy(r"^(who|whos|who s|who is|who will)\b.*\bchair")
_CHAIRED_THING = lazy(r"\bchair(?:s|ed|ing|man|person|woman)?\s+(?:of\s+)?(?:the\s+)?(.+?)[\s?.!]*$", re.I)


def _chair_passage(q: Query, e: Engine, others: set[str]) -> Answer:
    """A passage that names the chair of the group asked about (every distinctive word of it), else "not sure"."""
    from knowledge.answers_papers import not_sure
    from knowledge.passages import plain

    found = e.passage_answer(q)
    if not WHO_CHAIRS.match(q.folded):
        return found  # "when did the QA subgroup chair change": not a question of who
    if found is not None and found.items:
        quoted = " ".join(plain(line) for i in found.items[:1] for line in i.lines)
        said = set(content_words(quoted))
        distinctive = others - GROUP_WORDS
        missing = distinctive - said
        if len(missing) <= (1 if len(distinctive) >= 3 else 0) and said & {"chair", "chaired", "chairs"}:
            if e.names.people_in(fold(quoted), quoted) or _NAMES_CHAIR.search(quoted):
                return found
            # the passage says how the group is chaired but names no one ("chaired on a yearly rotation"): not who
            m = _CHAIRED_THING.search(q.raw)
            thing = m.group(1) if m else " ".join(sorted(others))
            return replace(
                found,
                kind="not-sure",
                text=f"I'm not sure who chairs the {thing}: the papers name no one. What they say of its chair:",
            )
    m = _CHAIRED_THING.search(q.raw)
    thing = m.group(1) if m else " ".join(sorted(others))
    unsure = not_sure(q, e)
    return replace(unsure, text=f"I'm not sure: the documents I have do not say who chairs the {thing}.")


# a passage saying who chairs, by name or post: "chaired by the Head of Service for ...", "Chair: DCI Dean"
_NAMES_CHAIR = lazy(
    r"\b(?:chaired|led|headed|run) (?:\w+ ){0,4}?by (?:the |a |an |our )?[A-Z]|\bchair(?:man|person)?(?: is|:|,)? "
    r"(?:the )?[A-Z]|\b[A-Z]\w+ (?:chairs|is the chair|has chaired)\b"
)
# "the dci who chairs the cspr group, name?": words describing the person asked for, not the group
HOLDER_WORDS = frozenset(content_words("name names named called dci di det supt cllr councillor dr mr mrs ms miss"))


def _asked_words(q: Query) -> set[str]:
    """The question's topic words, without those of an aside after its question mark ("who chairs the QA
    subgroup now? heard it changed hands": the QA subgroup, not "hands")."""
    words = set(q.topic_words)
    asked, mark, aside = q.raw.partition("?")
    if mark and aside.strip():
        head = words & set(spelled_out(content_words(asked)))
        return head or words
    return words


def chair_role(q: Query, e: Engine) -> Role | None:
    """The chair role whose title or aliases share most of the question's other words."""
    wanted = _asked_words(q) - CHAIR_WORDS - {"chairing"} - HOLDER_WORDS
    if not wanted:
        return None
    best, best_score = None, 0.0
    for role in e.kb.roles.values():
        names = (role.title, *role.aliases)
        if not any("chair" in n.lower() for n in names):
            continue
        named = set(content_words(" ".join(names)))
        if wanted - named - GROUP_WORDS - set(e.committee_words):
            continue  # the question names the group by a word this role's title lacks ("neglect subgroup")
        if _other_kind_of_group(q.folded, " ".join(names)):
            continue  # "who chairs the city audit committee": not the chair of the QA and audit sub-group
        score = len(wanted & named) / len(wanted)
        if score > best_score:
            best, best_score = role, score
    return best if best_score >= 0.5 else None


# the kinds of group a question or a role's title names; "group" and "subgroup" are one kind
_GROUP_KIND = lazy(r"\b(committee|board|panel|forum|sub ?-?group|group)s?\b")


def _other_kind_of_group(question: str, titles: str) -> bool:
    """Whether the question names a kind of group (a committee) that the role's titles never name (a sub-group)."""
    asked = {_kind_of(k) for k in _GROUP_KIND.findall(question)}
    own = {_kind_of(k) for k in _GROUP_KIND.findall(fold(titles))}
    return bool(asked and own and not asked & own)


def _kind_of(word: str) -> str:
    return "group" if word.endswith("group") else word


RESOLVE_WORDS = frozenset({"resolve", "resolved", "resolution", "decide", "decided", "decision", "agree"})


def _on_item_named(
    q: Query, e: Engine, found: list[tuple[Meeting, Resolution]], words: set[str]
) -> list[tuple[Meeting, Resolution]]:
    """Of a meeting's resolutions, those of the item the question names by its words (all but one of them in the
    item's title or the resolution, and more of them than any other item holds); none when it names no item. An
    acronym the committee's papers define for an item ("the FLAG item") names it by its long form."""
    if not words or not found:
        return []
    acronyms = committee_acronyms(e)
    scored = [(_words_in(words, f"{res.title or ''} {res.text}", acronyms), m, res) for m, res in found]
    best = max(n for n, _, _ in scored)
    if best < max(1, len(words) - 1):
        return []
    tied = [(m, res) for n, m, res in scored if n == best]
    if len(tied) > 1:  # "the residential homes update": the title that also carries "update"
        every = set(re.findall(r"[a-z]{3,}", q.lower)) - RESOLVE_WORDS - RESOLUTION_FILLER  # as written
        again = [(len(every & set(re.findall(r"[a-z]{3,}", (res.title or "").lower()))), m, res) for m, res in tied]
        top = max(n for n, _, _ in again)
        if sum(1 for n, _, _ in again if n == top) == 1:
            return [(m, res) for n, m, res in again if n == top]
    return tied


def _words_in(words: set[str], text: str, acronyms: dict[str, list[set[str]]] | None = None) -> int:
    """How many of the words a text carries, an abbreviation counting when the text spells it out ("IRO"), as an
    acronym the committee's papers define does ("FLAG": Foster Carers Liaison Group)."""
    own = set(content_words(text))
    spelled = acronyms or {}
    return sum(
        1
        for w in words
        if w in own
        or spelled_in(w, own)
        or any(long <= own for long in spelled.get(w, ()))
        or _compound_of(w, own)  # "the virtual school head's report": "HEADTEACHER'S"
    )


def _compound_of(word: str, own: set[str]) -> bool:
    """Whether `word` (4 letters or more) begins a longer word of `own` that is two words run together: "head" in
    "headteach" (not "care" in "career": what follows must be a word of 4 letters or more)."""
    return len(word) >= 4 and any(
        o.startswith(word) and len(o) - len(word) >= 4 and o[len(word) :] in _COMPOUND_TAILS for o in own
    )


# second halves of the compounds the papers write ("headteacher", "caseload", "workforce", "childminder")
_COMPOUND_TAILS = frozenset({"teach", "teacher", "load", "force", "minder", "master", "worker", "holder"})


def resolution(q: Query, e: Engine) -> Answer | None:
    """Resolutions: by number ("2024/033"); of the meeting meant (a month, "last week", "last time"); narrowed to
    the item the question names by its words. A question naming a thing no resolution is on gets what the
    minutes say of it, or "not sure" - never every resolution of the meeting."""
    found_committee = committee(q, e)
    if found_committee is None:
        return None
    resolutions = [(m, res) for m in found_committee.meetings for res in m.resolutions]
    if not resolutions:
        return r.answer_of(q, "resolution", f"The documents record no resolutions of the {found_committee.name}.")
    number = re.search(r"\b(\d{4})\s*/\s*(\d{3})\b", q.raw)
    if number:
        wanted = f"{number.group(1)}/{number.group(2)}"
        found = [(m, res) for m, res in resolutions if res.id == wanted]
        if not found:
            ids = tuple(res.id for _, res in resolutions)
            return r.answer_of(q, "not-found", f"There is no resolution {wanted}.", suggestions=ids[:10])
        return _resolutions_answer(q, e, found)
    meant = _meetings_meant(q, e, found_committee)
    if isinstance(meant, Answer):
        return meant
    if meant is not None:
        found = [(m, res) for m, res in resolutions if m in meant]
        if not found:
            return _no_resolutions(q, e, meant, resolutions)
    else:
        found = resolutions
    if q.agenda_number is not None:  # "the resolution under item 6 last time": that item's, at the meeting meant
        if meant is None:
            latest = max(m.date for m, _ in found)
            found = [(m, res) for m, res in found if m.date == latest]
        numbered = [(m, res) for m, res in found if res.item == q.agenda_number]
        if numbered:
            return _resolutions_answer(q, e, numbered)
        titles = " or ".join(d.meeting_title(e.kb, m) for m in sorted({m for m, _ in found}, key=lambda m: m.date))
        return r.answer_of(
            q,
            "not-sure",
            f"I'm not sure: no resolution of the {titles} meeting is recorded under item {q.agenda_number}.",
        )
    words = _item_words(q, found_committee)
    words = {e.topics.correct(w) or w for w in words}  # "the fostring report"
    if not words:
        if meant is None:  # no meeting named, no item named: the latest meeting's
            latest = max(m.date for m, _ in found)
            found = [(m, res) for m, res in found if m.date == latest]
        return _resolutions_answer(q, e, found)
    named = _on_item_named(q, e, found, words)
    if named:
        return _resolutions_answer(q, e, named)
    return _minuted_instead(q, e, sorted({m for m, _ in found}, key=lambda m: m.date), words)


RESOLUTION_ASKED = lazy(r"\b(resolv\w*|resolutions?|decided|decision|agreed)\b")
RESOLUTION_FILLER = frozenset(
    content_words(
        "last time previous latest recent most meeting meetings panel committee week month year today yesterday "
        "tomorrow we they us our what did do does was were on about the at in pass passed make made how many number "
        "which list all any item under minutes minute say says said record records recorded no "
        "ref reference code noting noted"  # "resolution ref for noting the work programme": its number, its verb
    )
)
LAST_MEETING = lazy(r"\b(last time|last (?:\w+ )?(?:meeting|panel|committee)|previous|most recent|latest)\b")


def _item_words(q: Query, found: Committee) -> set[str]:
    """The words a resolution question names its item by: not the asking, the meeting or the committee."""
    own = _own_words(found)
    return set(q.topic_words) - RESOLVE_WORDS - RESOLUTION_FILLER - own


def _meetings_meant(q: Query, e: Engine, found: Committee) -> list[Meeting] | Answer | None:
    """The meetings a resolution question names: by month or day, "last week", "last time"; None when it names
    none; an Answer when it names a time with no meeting in it."""
    if q.month is not None:
        named = [m for m in found.meetings if m.date.month == q.month and q.day_of_month in (None, m.date.day)]
        years = {int(y) for y in YEAR.findall(q.folded)}
        named = [m for m in named if not years or m.date.year in years]
        if not named:
            when = q.window.words[3:] if q.window is not None and q.window.words.startswith("in ") else "then"
            return r.answer_of(
                q, "not-sure", f"I'm not sure: the knowledge base has no {found.name} meeting in {when}."
            )
        return named
    days = days_named(q)
    if days is not None:
        inside = [m for m in found.meetings if days[1] <= m.date <= days[2]]
        return inside or no_meeting_on(q, e)
    if LAST_MEETING.search(q.folded):
        before = [m for m in found.meetings if m.date < q.today]
        if not before:
            return r.answer_of(
                q,
                "not-sure",
                f"I'm not sure: the knowledge base has no {found.name} meeting before {long_day(q.today)}.",
            )
        return before[-1:]
    return None


def _no_resolutions(q: Query, e: Engine, meant: list[Meeting], resolutions: list[tuple[Meeting, Resolution]]) -> Answer:
    """The meeting meant has no resolutions in the knowledge base (its minutes are not in the papers)."""
    when = " or ".join(f"the {d.meeting_title(e.kb, m)} meeting" for m in meant)
    dates = sorted({m.date for m, _ in resolutions})
    return r.answer_of(
        q,
        "not-sure",
        f"I'm not sure: the knowledge base records no resolutions of {when}: the papers hold minutes only for "
        + ", ".join(f"{x.day} {x:%B %Y}" for x in dates)
        + ".",
        [d.meeting_item(e.kb, m) for m in meant],
    )


def _resolutions_answer(q: Query, e: Engine, found: list[tuple[Meeting, Resolution]]) -> Answer:
    items = [
        Item(
            "resolution",
            f"Resolved {res.id}" + (f" (item {res.item}: {res.title})" if res.item else ""),
            (res.text, f"{d.meeting_title(e.kb, m)} meeting"),
            {"id": res.id},
            res.source,
        )
        for m, res in found
    ]
    head = found[0][0]
    text = (
        f"Resolution {found[0][1].id}: {found[0][1].text}"
        if len(found) == 1
        else f"{len(found)} resolutions of the {d.meeting_title(e.kb, head)} meeting:"
    )
    return r.answer_of(q, "resolution", text, items)


def _minuted_instead(q: Query, e: Engine, meetings: list[Meeting], words: set[str]) -> Answer:
    """No resolution is on the thing named: what those meetings' minutes say of it, quoted, else "not sure"."""
    from knowledge.answers_papers import passage_item

    index = e.passage_index
    titles = [d.meeting_title(e.kb, m) for m in meetings]
    if index is not None:
        parts = minutes_parts(e, meetings)
        # within one meeting's minutes, a paragraph carrying all but one of the words names the thing (a word
        # the papers spell out, "govt", need not be found)
        need = max(2, len(words) - 1)
        hits = index.search(" ".join(sorted(words)), limit=3, parts=parts) if parts else []
        hits = [h for h in hits if h.answers or len(set(h.matched)) >= need]
        if hits:
            best = max(hits, key=lambda h: (h.coverage, h.score))
            items = [passage_item(best.paper, passage, excerpt) for passage, excerpt in best.excerpt]
            cited = best.paper.cite(best.excerpt[0][0]) if best.excerpt else best.cite()
            text = f"No resolution of the {' or '.join(titles)} meeting is on that by name; the minutes say ({cited}):"
            return r.answer_of(q, "passage", text, items)
    ids = tuple(f"resolution {res.id}" for m in meetings for res in m.resolutions)
    return r.answer_of(
        q,
        "not-sure",
        f"I'm not sure: no resolution of the {' or '.join(titles)} meeting is on "
        f"\u201c{' '.join(sorted(words))}\u201d, and its minutes say nothing I can match to it.",
        suggestions=ids[:5],
    )


def minutes_parts(e: Engine, meetings: list[Meeting]) -> list[tuple[str, str]]:
    """The parts of the papers that are these meetings' minutes ("Minutes of the meeting of 15 October 2024")."""
    wanted = {f"{m.date.day} {m.date:%B %Y}".lower() for m in meetings}
    return [
        (paper.id, part.id)
        for paper in e.kb.papers.values()
        for part in paper.parts
        if part.title.lower().startswith("minutes") and any(w in part.title.lower() for w in wanted)
    ]


MEETING_WORDS = frozenset(
    [
        "meet",
        "meeting",
        "meets",
        "next",
        "when",
        "date",
        "time",
        "venue",
        "where",
        "panel",
        "committee",
        "held",
        "happen",
        "happening",
        "start",
        "starts",
        # "the CiCC meeting got pulled - when's the next one scheduled": when it is set, not what the group is
        *content_words("scheduled planned booked arranged pencilled pulled cancelled postponed"),
    ]
)


NAMES_REPORT = lazy(r"\b(reports?|reviews?|papers?|items?|updates?)\b")
# the question asks at which meeting something is taken, not when a group meets
WHICH_MEETING = lazy(
    r"\b(which|what) (meeting|panel|committee)\b|\b(going|coming|come|go|goes|comes) (to|before)\b|\bon at\b|"
    r"\bwhen(s| s| is| does| will)? (it|that|this|they|those) (next )?(at|on|due at|back at|back to|back on) (the )?"
    r"(panel|committee|meeting|cpp)\b"  # "inspection gradings - when's it next at panel"
)


def names_another_group(q: Query, e: Engine) -> bool:
    """The question names some group that is not a committee the knowledge base holds ("FLAG", "the CiCC")."""
    others = set(q.topic_words) - MEETING_WORDS - CHAIR_WORDS
    if q.committee:
        # "the MASE panel": a word naming a panel, group or board other than the committee the word "panel" found
        own = set(content_words(" ".join((e.kb.committees[q.committee].name, *e.kb.committees[q.committee].aliases))))
        named = {m.group(1) or m.group(2) for m in GROUP_NAMED.finditer(q.folded)}
        return bool(set(content_words(" ".join(named))) & (others - own))
    return bool(others)


PAST_VIEW = lazy(r"\b(was|were|according to|at the time|back then|back in)\b")
NEXT_ASKED = lazy(r"\b(next|upcoming|coming up|when (is|s|will) it now)\b|\bwhens the next\b")


def _group_words(q: Query, e: Engine) -> list[str]:
    """The question's words for a group: its topic words beyond meeting words and the names of people in it."""
    people = {w for pid, _ in q.people for w in content_words(e.kb.people[pid].name)}
    return [
        w
        for w in q.topic_words
        if w not in MEETING_WORDS and w not in people and w not in CHAIR_WORDS and w not in RELATIVE_FILLER
    ]


def _as_written(q: Query, words: list[str]) -> str:
    """Those words as the question writes them ("childrens homes governance board", "FLAG")."""
    kept = set(words)
    tokens = re.findall(r"[\w'\u2019-]+", q.raw)
    at = [i for i, w in enumerate(tokens) if (c := content_words(w)) and c[0] in kept]
    if not at:
        return " ".join(words)
    if at[-1] - at[0] < len(at) + 3:  # one phrase, with its small words ("children in care council")
        return " ".join(tokens[at[0] : at[-1] + 1])
    return " ".join(dict.fromkeys(tokens[i] for i in at))


def _dates_group_ahead(q: Query, e: Engine, said: Answer) -> bool:
    """Whether a sentence of the quoted passages names the group asked about (every word the question uses for
    it, beyond names of people) together with a month from today on: the group's next meeting, not a
    paragraph that names the group in one sentence and another thing's later date in the next."""
    from knowledge.answers_papers import names_date_from
    from knowledge.passages import sentences

    words = _group_words(q, e)
    for item in said.items:
        titled = set(content_words(item.title))  # "'5 CHILDREN IN CARE COUNCIL UPDATE'": the part it is in
        for line in item.lines:
            for sentence in sentences(line):
                said_words = set(content_words(sentence)) | titled
                ahead = names_date_from(sentence, q.today) or names_date_from(sentence, q.today, True)
                if ahead and all(w in said_words for w in words):
                    return True
    return False


# ... or a council that is no local authority ("did the children in care council meet before the panel")
GROUP_NAMED = lazy(
    r"\b(\w+) (?:panel|panels|group|groups|board|network|forum|sub ?group)\b"
    r"|\b(?!(?:county|city|borough|district|parish|town|notts|nottinghamshire|nottingham)\b)(\w+) councils?\b"
)


# "what items come up at every single meeting", "the standing items": the work programme's standing items, not a date
ITEMS_EVERY = lazy(
    r"\b(items?|reports?|papers?|things|updates?)\b.*\b(every|each) (single )?(\w+ ){0,3}"
    r"(meeting|panel|committee|time)\b"
    r"|\bstanding items?\b"
)


def meeting(q: Query, e: Engine) -> Answer | None:
    if q.attribute == "lead" and q.plan is not None and q.committee is None:
        return None  # "who owns jointly developing the strategy meeting agenda": a plan's action, not a meeting
    found = committee(q, e)
    if found is None:
        return None
    if q.people and q.has("sponsor") and PERSON_BRINGS.search(q.folded):
        return None  # "what's stephanie down to bring to panel next": her items, not the meeting
    if ITEMS_EVERY.search(q.folded) and q.attribute is None:
        return work_programme(q, e)
    if q.attribute is None and _AT_THE_NEXT.search(q.folded) and (planned := planned_for(q, e)) is not None:
        return planned  # "whats coming up at the next panel after this weeks one": what it is to take
    detail = q.attribute in ("venue", "time", "apologies", "attendance", "members")
    if not detail and PAPERS_DEADLINE.search(q.folded):  # "the deadline for reports for the april panel"
        chosen = pick_meeting(q, e)
        when = f" the {d.meeting_title(e.kb, chosen)} meeting" if chosen else ""
        return r.answer_of(
            q,
            "not-sure",
            f"I'm not sure: the papers give no deadline for reports to{when}, nor when its papers go out.",
            [d.meeting_item(e.kb, chosen)] if chosen else [],
        )
    if _WHICH_BODY.match(q.folded) and not set(q.folded.split()) & (_own_words(found) - {"panel", "committee"}):
        return None  # "which panel looks at the highest risk CCE kids": a body to name, not our panel's meetings
    if _MAY_ONE.match(q.folded) and q.attribute is None:
        return None  # "can parents speak at the corporate parenting panel meeting": a rule, which no date answers
    other_body = not q.committee and _other_body_initials(q, found)  # "cicc didn't meet last time": not ours
    if not detail and LAST_MET.search(q.folded) and not other_body:  # "when did the panel last meet": the last held
        held = [m for m in found.meetings if m.date < q.today]
        if not held:
            return r.answer_of(q, "meeting", f"The knowledge base has no {found.name} meeting before today.")
        return r.answer_of(
            q,
            "meeting",
            f"The {found.name} last met on {day_words(held[-1].date)}.",
            [d.meeting_item(e.kb, held[-1])],
        )
    # the committee's own name is no other topic: "the corporate parenting panel after the July one"
    own = _own_words(found)
    others = set(q.topic_words) - MEETING_WORDS - CHAIR_WORDS - own
    others = {w for w in others if len(w) < 6 or closest_word(w, sorted(own)) is None}  # "corprate parenting"
    others = {w for w in others if len(w) < 4 or not any(o.startswith(w) for o in own)}  # "corp parenting panel"
    if not (others - RELATIVE_FILLER):  # "the panel after the January one", "the one after next"
        relative = relative_meeting(q, found)
        if relative is not None:
            relation, anchor, chosen = relative
            where = f"the one on {day_words(anchor.date)}" if isinstance(anchor, Meeting) else anchor
            if chosen is None:
                text = f"The knowledge base has no {found.name} meeting {relation} {where}."
                return r.answer_of(q, "meeting", text)
            verb = "was" if chosen.date < q.today else "is"
            return r.answer_of(
                q,
                "meeting",
                f"The {found.name} meeting {relation} {where} {verb} on {day_words(chosen.date)}.",
                [d.meeting_item(e.kb, chosen)],
            )
        if re.search(r"\bafter next\b", q.folded):
            upcoming = [m for m in found.meetings if m.date >= q.today]
            if len(upcoming) < 2:
                return r.answer_of(q, "meeting", f"The knowledge base has no {found.name} meeting after the next one.")
            return r.answer_of(
                q,
                "meeting",
                f"The {found.name} meeting after next is on {day_words(upcoming[1].date)} "
                f"(the next is on {day_words(upcoming[0].date)}).",
                [d.meeting_item(e.kb, upcoming[1])],
            )
    next_at = NEXT_AT.search(q.folded) is not None  # "when are the exclusive use homes gradings next on at panel"
    if not detail and others and not NAMES_REPORT.search(q.folded) and (next_at or WHICH_MEETING.search(q.folded)):
        # "year 12-13 destinations - which meeting is that going to"; an item asked for next is the programme's
        # item for it even when its title words it a little differently ("'exclusive use' homes": "commissioned
        # solely for Council use")
        work = _work_by_words(q, e, NEXT_WORK_FLOOR if next_at else WORK_FLOOR)
        if work is not None and not (next_at and work.meeting is not None and work.meeting < q.today):
            return about_work(q, e, work, "due")
    if not detail and others and NAMES_REPORT.search(q.folded):  # "care leavers annual report - which meeting"
        named = find_doc(q, e)
        if named is not None:
            where, doc = named
            if isinstance(doc, WorkItem):
                return about_work(q, e, doc, "due")
            found_item = about_agenda_item(q, e, doc, where, "summary")
            if found_item is not None:
                return found_item
    if names_another_group(q, e) and not detail:
        said = e.passage_answer(q)
        if (
            said is not None
            and NEXT_ASKED.search(q.folded)
            and not PAST_VIEW.search(q.folded)  # "when was their next meeting, according to october"
            and not _dates_group_ahead(q, e, said)
        ):
            said = None  # "when's the next governance board": a paragraph naming the board and a later date apart
        if (
            said is None
            and (re.search(r"\b(meet|meets|meeting|meetings)\b", q.folded) or NEXT_ASKED.search(q.folded))
            and re.search(r"\b(when|what date|next|how often)\b", q.folded)
            and not re.search(r"\baction\b", q.folded)
        ):
            # "when is the next FLAG meeting": a group the knowledge base holds no meetings of; its standing item
            # at the panel is not its meeting
            others = _as_written(q, _group_words(q, e))
            return r.answer_of(
                q,
                "not-sure",
                f"I'm not sure: the papers I have give no meeting dates for \u201c{others}\u201d, and it is not a "
                "committee the knowledge base holds meetings of.",
            )
        return said
    if q.attribute in ("venue", "time", "apologies", "attendance", "members"):
        return meeting_detail(q, e)
    before = _meeting_before(q, list(found.meetings))
    if before is not None:  # "when was the panel meeting before october 2024": the last held before that month
        text = f"The {found.name} meeting before {_BEFORE_MONTH.search(q.folded).group(1).title()} was on "
        text += f"{day_words(before.date)}" + (f", at {d.clock(before.time)}." if before.time else ".")
        return r.answer_of(q, "meeting", text, [d.meeting_item(e.kb, before)])
    if q.window is not None and q.month is None and q.window.words.startswith("in the "):
        # "date for the autumn 2025 panel?": the meetings in that season, or that the knowledge base has none
        inside = [m for m in found.meetings if q.window.start <= m.date <= q.window.end]
        if not inside:
            known = ", ".join(f"{m.date:%A} {long_day(m.date)}" for m in found.meetings)
            text = f"I'm not sure: the knowledge base holds no {found.name} meeting {q.window.words}."
            return r.answer_of(q, "not-sure", text + (f" The meetings it knows of: {known}." if known else ""))
        text = f"{found.name} {'meetings' if len(inside) > 1 else 'meeting'} {q.window.words}:"
        return r.answer_of(q, "meeting", text, [d.meeting_item(e.kb, m) for m in inside])
    if q.window is not None and q.window.words.startswith("after"):
        later = [m for m in found.meetings if m.date >= q.window.start]
        if not later:
            return r.answer_of(q, "meeting", f"The knowledge base has no {found.name} meeting {q.window.words}.")
        return r.answer_of(
            q,
            "meeting",
            f"The first {found.name} meeting {q.window.words} is on {day_words(later[0].date)}.",
            [d.meeting_item(e.kb, later[0])],
        )
    year = q.month_year
    if (
        q.month is not None
        and (re.search(r"\b(was|is|will|were) there (a|any) ", q.folded) or year is not None)
        and not any(m.date.month == q.month and year in (None, m.date.year) for m in found.meetings)
    ):
        return _no_meeting_in_month(q, e, found, year)
    if q.month is not None:
        chosen = pick_meeting(q, e)
        if (
            chosen is not None
            and chosen.date.month == q.month
            and year is None
            and (abs((chosen.date - q.today).days) > FAR_AHEAD_DAYS)
        ):  # "is the meeting in april" asked in 2020: the papers' April 2025 meeting is not the one meant
            return _no_meeting_in_month(q, e, found, q.window.start.year if q.window is not None else q.today.year)
        if chosen is not None and chosen.date.month == q.month:
            return r.answer_of(
                q,
                "meeting",
                f"The {found.name} {'met' if chosen.date < q.today else 'meets'} on {day_words(chosen.date)}.",
                [d.meeting_item(e.kb, chosen)],
            )
    upcoming = [m for m in found.meetings if m.date >= q.today]
    if upcoming and (upcoming[0].date - q.today).days > FAR_AHEAD_DAYS and upcoming[0] is found.meetings[0]:
        # asked in March 2020 of a committee whose meetings the papers give from July 2024: not its "next" meeting
        first, last = found.meetings[0], found.meetings[-1]
        text = (
            f"I'm not sure: the knowledge base holds no {found.name} meeting near {long_day(q.today)}; the meetings "
            f"it knows of run from {day_words(first.date)} to {day_words(last.date)}."
        )
        return r.answer_of(q, "not-sure", text)
    if upcoming:
        m = upcoming[0]
        text = f"The {found.name} next meets on {day_words(m.date)}."
        # "when's the next panel": that one; "when does it meet", "the next meetings": the next few
        shown = upcoming[:1] if _THE_NEXT_ONE.search(q.folded) else upcoming[:3]
        return r.answer_of(q, "meeting", text, [d.meeting_item(e.kb, x) for x in shown])
    last = found.meetings[-1] if found.meetings else None
    text = f"The knowledge base has no {found.name} meeting after {long_day(q.today)}."
    if last:
        text += f" The last one it knows of was on {last.date.day} {last.date:%B %Y}."
    return r.answer_of(q, "meeting", text, [d.meeting_item(e.kb, last)] if last else [])


FAR_AHEAD_DAYS = 366  # a first known meeting further ahead than this is no "next meeting" to tell of

PAPERS_DEADLINE = lazy(
    r"\b(deadline|cut ?off|papers? (go|goes|going|went) out|dispatch\w*|despatch\w*|circulat\w*|submission)\b"
)
LAST_MET = lazy(
    r"\b(last (met|meet|meeting was|sat)|(met|meet|sat) last|previous meeting was|most recent meeting was|"
    r"when was the (last|previous|most recent) (\w+ )?(meeting|panel|committee))\b"
)
_MONTH_NAMES = {dt.date(2000, i, 1).strftime("%B").lower(): i for i in range(1, 13)} | {
    dt.date(2000, i, 1).strftime("%b").lower(): i for i in range(1, 13) if i != 5
}
RELATIVE_FILLER = frozenset(
    content_words(
        "came come comes coming follow follows following followed precede precedes preceded preceding one ones "
        "before after previous prior next last held"
    )
)
RELATIVE = lazy(
    r"\b(before|prior to|preceding|precedes|preceded|ahead of|after|following|follows|followed)"
    r"\s+(?:the\s+)?(?:\w+\s+){0,2}?(" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\b(?:\s+(\d{4}))?"
)


RELATIVE_THIS = lazy(r"\b(before|prior to|preceding|ahead of|after|following)\s+(?:the\s+)?(last|this|next) month s\b")


def relative_meeting(q: Query, found: Committee) -> tuple[str, Meeting | str, Meeting | None] | None:
    """ "the panel after the January one", "the meeting before October 2024": the neighbour of a meeting.

    The anchor is the committee's meeting in the month named (the one nearest today when the year is not
    given); with no meeting that month, the month itself. Returns (relation, anchor, neighbour or None).
    """
    m = RELATIVE.search(q.folded)
    this = RELATIVE_THIS.search(q.folded) if m is None else None
    if m is None and this is None and found.meetings:
        return _relative_to_day(q, found)
    if (m is None and this is None) or not found.meetings:
        return None
    if this is not None:  # "after this month's one": the month counted from today
        shift = {"last": -1, "this": 0, "next": 1}[this.group(2)]
        first = dt.date(q.today.year + (q.today.month - 1 + shift) // 12, (q.today.month - 1 + shift) % 12 + 1, 1)
        month, year, side = first.month, first.year, this.group(1)
    else:
        month, year, side = _MONTH_NAMES[m.group(2)], int(m.group(3)) if m.group(3) else None, m.group(1)
    before = side in ("before", "prior to", "preceding", "precedes", "preceded", "ahead of")
    relation = "before" if before else "after"
    named = [x for x in found.meetings if x.date.month == month and (year is None or x.date.year == year)]
    if named:
        anchor: Meeting | str = min(named, key=lambda x: abs((x.date - q.today).days))
        start = end = anchor.date  # type: ignore[union-attr]
    else:
        if year is None:  # the year the parser gave the month ("after" windows start the day after it)
            year = (q.window.start - dt.timedelta(days=1)).year if q.window is not None else q.today.year
            if q.window is not None and not q.window.words.startswith("after"):
                year = q.window.start.year
        start = dt.date(year, month, 1)
        end = (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)
        anchor = f"{start:%B %Y}"
    if before:
        earlier = [x for x in found.meetings if x.date < start]
        return relation, anchor, (earlier[-1] if earlier else None)
    later = [x for x in found.meetings if x.date > end]
    return relation, anchor, (later[0] if later else None)


def _relative_to_day(q: Query, found: Committee) -> tuple[str, Meeting | str, Meeting | None] | None:
    """ "the panel meeting after the one on the 14th": the neighbour of the meeting held on that day of a month
    (the one nearest today); None when no meeting falls on that day or no neighbour is asked."""
    side = re.search(r"\b(after|before|follows|following|precedes|preceding|prior to)\b", q.folded)
    if q.day_of_month is None or side is None:
        return None
    named = [x for x in found.meetings if x.date.day == q.day_of_month]
    if not named:
        return None
    anchor = min(named, key=lambda x: abs((x.date - q.today).days))
    if side.group(1) in ("before", "precedes", "preceding", "prior to"):
        earlier = [x for x in found.meetings if x.date < anchor.date]
        return "before", anchor, (earlier[-1] if earlier else None)
    later = [x for x in found.meetings if x.date > anchor.date]
    return "after", anchor, (later[0] if later else None)


POSTCODE = lazy(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b")
OTHER_VENUE = lazy(
    r"\b(fallback|fall back|backup|back up|alternative|alternate|contingency|reserve|overflow|emergency|second)"
    r"\s+(?:venue|location|place|room)\b"
)
FINER_THAN_VENUE = lazy(r"\b(room|rooms|floor|chamber|suite|parking|park|entrance|reception|building)\b")
ENDED = lazy(r"\b(finish|finished|finishes|end|ended|ends|close|closed|closes|over|wrap|wrapped)\b")
MEDIA = frozenset({"press", "media", "journalist", "journalists", "reporter", "reporters", "tv", "radio", "news"})
MEDIA_MARKS = lazy(r"\b(tv|radio|news|press|post|media|bbc|itv|times|echo|journal)\b", re.I)
ATTEND_WORDS = frozenset(
    {
        "there",
        "attend",
        "attended",
        "attendance",
        "present",
        "came",
        "absent",
        "apologies",
        "apology",
        "sent",
        "who",
        "anyone",
        "anybody",
        "someone",
        "any",
        "from",
        "was",
        "were",
        "in",
        "at",
        "the",
    }
)


_WHICH_BODY = lazy(
    r"\s*(?:which|what) (?:panel|group|board|forum|sub ?group|team) (?:looks|deals|covers|handles|oversees|sees|"
    r"discusses|reviews|considers|monitors)\b"
)
_MAY_ONE = lazy(
    r"\s*(?:can|could|may|are|is) (?:parents?|carers?|children|young people|the public|members of the public|anyone|"
    r"i|we|they|people|families|visitors|press|journalists?) (?:\w+ )?(?:speak|attend|come|go|watch|ask|join|"
    r"observe|sit in|allowed)\b"
)
_CHAIRING = frozenset({"chair", "chairing", "chaired", "chairs", "chairman", "chairperson", "chairwoman"})


def _attendance_words(q: Query) -> list[str]:
    """The words of an attendance question that filter who is meant ("from democratic services")."""
    drop = set(MEETING_WORDS) | set(content_words(" ".join(ATTEND_WORDS))) | {"panel", "committee", "meeting"}
    return [w for w in q.topic_words if w not in drop]


def filtered_attendance(q: Query, e: Engine, chosen: Meeting) -> Answer | None:
    """Who attended, narrowed to a group the question names: officers, councillors, the press, or a team
    or title ("from democratic services"). None when the question names no such group."""
    att = chosen.attendance
    if att is None:
        return None
    if q.people:
        return _named_attendance(q, e, chosen)
    words = set(_attendance_words(q))
    if words & _CHAIRING:  # "which cllr was chairing corporate parenting at the oct meeting": the chair
        return None
    if q.committee in e.kb.committees:  # the committee's own name filters no one
        words -= _own_words(e.kb.committees[q.committee])
    if not words:
        return None
    title = d.meeting_title(e.kb, chosen)
    picked: list[tuple[str, str]] = []  # (name, heading)
    groups = {
        "officer": [(p, _officer_heading(e, p)) for p in att.officers],
        "councillor": [(p, "member") for p in att.members] + [(p, "substitute") for p in att.substitutes],
    }
    if words & MEDIA:
        picked = [(o, "also in attendance") for o in att.others if MEDIA_MARKS.search(o)]
        rest = words - MEDIA
        label = "the press or media"
    else:
        chosen_groups = [g for g in groups if g in words or (g == "councillor" and words & {"member", "cllr"})]
        pool = [x for g in chosen_groups for x in groups[g]] or [x for g in groups.values() for x in g]
        rest = words - set(groups) - {"member", "cllr", "staff"}
        if not rest:
            if not chosen_groups:
                return None
            picked = [(e.kb.name_of(p), h) for p, h in pool]
        else:
            for pid, heading in pool:
                person = e.kb.people.get(pid)
                if person is None:
                    continue
                org = e.kb.organisations.get(person.organisation or "")
                known = set(content_words(" ".join((*person.titles, org.name if org else ""))))
                if rest <= known:
                    picked.append((person.name, heading))
            picked += [(o, "also in attendance") for o in att.others if rest <= set(content_words(o))]
        label = " ".join(w for w in q.topic_words if w in rest) or " and ".join(chosen_groups) + "s"
    item = Item(
        "attendance",
        title,
        tuple(f"{name} ({heading})" for name, heading in picked) or ("nobody matching",),
        {},
        chosen.source,
    )
    if not picked:
        text = f"The minutes record no one matching \u201c{label}\u201d at the {title} meeting."
        return r.answer_of(q, "attendance", text, [_full_attendance(e, chosen)])
    names = ", ".join(f"{name} ({heading})" for name, heading in picked)
    head = f"At the {title} meeting, the minutes list: {names}."
    if re.match(r"^(was|were|did)\b", q.folded):
        head = f"Yes: at the {title} meeting, the minutes list: {names}."
    return r.answer_of(q, "attendance", head, [item])


def _named_attendance(q: Query, e: Engine, chosen: Meeting) -> Answer:
    """Whether the people named were at a meeting, and under which heading the minutes list them."""
    att = chosen.attendance
    assert att is not None
    title = d.meeting_title(e.kb, chosen)
    headings = (
        ("a member present", att.members),
        ("a substitute", att.substitutes),
        ("an officer in attendance", att.officers),
        ("sending apologies", att.apologies),
    )
    lines = []
    cards = []
    for pid, _ in q.people[:3]:
        name = e.kb.name_of(pid)
        person = e.kb.people.get(pid)
        if person is not None:  # "whos heather bennett, she was at the october panel": who they are, too
            name += f" ({person.titles[0]})" if person.titles else ""
            cards.append(d.person_item(e.kb, person))
        found = [label for label, refs in headings if pid in refs]
        if found:
            lines.append(f"the minutes list {name} as {found[0]}")
        else:
            lines.append(f"the minutes do not list {name} among those present or sending apologies")
    text = f"At the {title} meeting, " + "; ".join(lines) + "."
    return r.answer_of(q, "attendance", text, [*cards, _full_attendance(e, chosen)])


def _officer_heading(e: Engine, pid: str) -> str:
    person = e.kb.people.get(pid)
    return f"officer: {person.titles[0]}" if person is not None and person.titles else "officer"


def _full_attendance(e: Engine, chosen: Meeting) -> Item:
    att = chosen.attendance
    assert att is not None
    lines = []
    for label, refs in (("Members", att.members), ("Substitutes", att.substitutes), ("Officers", att.officers)):
        if refs:
            lines.append(f"{label}: {', '.join(e.kb.name_of(p) for p in refs)}")
    if att.others:
        lines.append(f"Also in attendance: {', '.join(att.others)}")
    if att.apologies:
        lines.append(f"Apologies: {', '.join(e.kb.name_of(p) for p in att.apologies)}")
    title = d.meeting_title(e.kb, chosen)
    return Item("attendance", title, tuple(lines), {}, chosen.source)


_ASKS_CHAIR = lazy(
    r"\b(?:chairman|chairwoman|chairperson|chaired|chairing|in the chair)\b|\bwho (?:was|is) (?:the )?chair\b"
)


def _meeting_chair(q: Query, e: Engine, chosen: Meeting, title: str) -> Answer | None:
    """Who chaired one meeting: the committee's chair when the minutes record them present (a meeting they sent
    apologies for names no chair: not sure); with the closing time when that is asked too. None when the papers
    record no attendance for the meeting."""
    found = e.kb.committees[chosen.committee]
    if chosen.attendance is None:
        return None
    chairs = [m for m in found.members if m.role and "chair" in m.role.lower() and not VICE.search(fold(m.role))]
    present = [m for m in chairs if m.person in chosen.attendance.members]
    if not present:
        return r.answer_of(
            q, "not-sure", f"I'm not sure: the minutes of the {title} meeting do not show its chair present."
        )
    names = ", ".join(e.kb.people[m.person].name for m in present)
    role = present[0].role
    text = f"{names} chaired the {title} meeting: the minutes list the {found.name}'s members with {names} as {role}."
    if ENDED.search(q.folded) and chosen.end_time:
        text += f" The meeting closed at {d.clock(chosen.end_time)}, the minutes record."
    items = [d.person_item(e.kb, e.kb.people[m.person]) for m in present]
    return r.answer_of(q, "chair", text, items)


def meeting_detail(q: Query, e: Engine) -> Answer | None:
    """Time, venue, apologies, attendance or membership of the meeting the question means."""
    if re.search(r"\bhow long did\b.*\b(last|run|go on|take)\b", q.folded) or re.search(
        r"\bhow long (was|is) the (\w+ ){0,3}(meeting|panel|committee)\b", q.folded
    ):
        return _duration(q, e)
    found = committee(q, e)
    if q.month is not None and found is not None and not any(m.date.month == q.month for m in found.meetings):
        return _no_meeting_in_month(q, e, found)  # "who came to the december meeting": there was none
    if JOIN_ONLINE.search(q.folded) and (q.committee or re.search(r"\b(meeting|panel)\b", q.folded)):
        return _join_online(q, e)
    if q.attribute not in ("venue", "time", "apologies", "attendance", "substitutes", "members"):
        return None
    names_meeting = bool(q.committee or re.search(r"\b(meeting|meet|meets|venue|held|panel)\b", q.folded))
    if _names_other_event(q, e) and (q.attribute == "time" or (q.attribute == "venue" and EVENT.search(q.folded))):
        return _other_event(q, e)  # "where's the TCE conference being held": not the panel's venue
    if q.attribute == "venue" and not names_meeting:
        return None
    looks_back = q.attribute in ("apologies", "attendance", "substitutes")
    if looks_back and names_meeting:
        none_then = no_meeting_on(q, e)
        if none_then is not None:
            return none_then
    if q.attribute == "attendance" and re.search(r"\b(item|items|agenda|report|paper|discussed|resolved)\b", q.folded):
        return None  # "what was the last item at the october meeting": the agenda, not who attended
    if q.attribute == "attendance" and not (names_meeting or q.month is not None or q.day_of_month is not None):
        return None  # "were the inspections at risk": not a question about a meeting
    chosen = pick_meeting(q, e, past=looks_back)
    if chosen is None:
        return None
    title = d.meeting_title(e.kb, chosen)
    item = d.meeting_item(e.kb, chosen)
    # "who was chairman at the 15 oct panel", "... who was in the chair and what time did it finish": its chair
    asks_chair = q.attribute in ("attendance", "time") and _ASKS_CHAIR.search(q.folded)
    if asks_chair and (in_chair := _meeting_chair(q, e, chosen, title)) is not None:
        return in_chair
    if q.attribute == "time" and ENDED.search(q.folded):
        if chosen.end_time:
            shown = Item(
                "meeting", title, (f"Closed: {d.clock(chosen.end_time)}",), {}, chosen.end_source or chosen.source
            )
            return r.answer_of(
                q, "meeting", f"The {title} meeting closed at {d.clock(chosen.end_time)}, the minutes record.", [shown]
            )
        found = e.passage_answer(q)
        return found or r.answer_of(
            q, "meeting", f"The knowledge base records only the start time of the {title} meeting.", [item]
        )
    if q.attribute == "time":
        verb = "started" if chosen.date < q.today else "starts"
        text = (
            f"The {title} meeting {verb} at {d.clock(chosen.time)}."
            if chosen.time
            else f"The papers give no start time for the {title} meeting."
        )
        return r.answer_of(q, "meeting", text, [item])
    if q.attribute == "venue":
        return _venue(q, e, chosen, title, item)
    found = e.kb.committees[chosen.committee]
    if q.attribute == "members" and not q.committee and _other_body_initials(q, found):
        return None  # "which councillors sit on the cross-party working group": not the panel's members
    if q.attribute == "members" and not re.search(r"\b(attend|present|there|came)\b", q.folded):
        names = [
            f"{e.kb.name_of(m.person)}" + (f" ({m.role})" if m.role and m.role != "Member" else "")
            for m in found.members
        ]
        vice = VICE_CHAIR.search(q.folded)
        if vice and not any(m.role and VICE_CHAIR.search(fold(m.role)) for m in found.members):
            # "who's the panel's vice-chair in the membership list": the list names none
            text = (
                f"I'm not sure: the papers name no {vice.group(0)} of the {found.name}. "
                f"Its members: {', '.join(names)}."
            )
            return r.answer_of(q, "not-sure", text, [])
        return r.answer_of(q, "members", f"Members of the {found.name}: {', '.join(names)}.", [])
    att = chosen.attendance
    if att is None:
        return r.answer_of(
            q, "attendance", f"The papers do not record who attended the {title} meeting or sent apologies.", [item]
        )
    if q.attribute in ("substitutes", "apologies"):
        refs = att.substitutes if q.attribute == "substitutes" else att.apologies
        names = ", ".join(e.kb.name_of(p) for p in refs)
        label = q.attribute.capitalize()
        text = (
            f"{label} at the {title} meeting: {names}."
            if names
            else f"The minutes record no {q.attribute} at the {title} meeting."
        )
        if q.attribute == "apologies" and att.substitutes:  # the minutes give the apologies with who stood in
            subs = ", ".join(e.kb.name_of(p) for p in att.substitutes)
            text += f" Substituting at the meeting: {subs}."
        return r.answer_of(q, q.attribute if q.attribute == "apologies" else "attendance", text, [item])
    narrowed = filtered_attendance(q, e, chosen)
    if narrowed is not None:
        return narrowed
    return r.answer_of(q, "attendance", f"Attendance at the {title} meeting:", [_full_attendance(e, chosen)])


# "teams link for the panel", "can I watch it live": a way to join the meeting online, which the papers do not give
JOIN_ONLINE = lazy(
    r"\b(teams|zoom|dial ?in|joining (link|details|instructions)|meeting link|link to join|join online|"
    r"webcast|webcasting|live ?stream|livestream\w*|streamed|watch (it |the \w+ )?(live|online))\b"
)


def _join_online(q: Query, e: Engine) -> Answer:
    """The papers give a meeting's venue, never a link to join it online: say so, with what they do give."""
    chosen = pick_meeting(q, e)
    if chosen is None:
        return r.answer_of(q, "not-sure", "I'm not sure: the papers give no online joining link for any meeting.")
    title = d.meeting_title(e.kb, chosen)
    where = f" They give its venue: {chosen.venue}." if chosen.venue else ""
    return r.answer_of(
        q,
        "not-sure",
        f"I'm not sure: the papers give no online joining link or webcast for the {title} meeting.{where}",
        [d.meeting_item(e.kb, chosen)],
    )


def _no_meeting_in_month(q: Query, e: Engine, found: Committee, year: int | None = None) -> Answer:
    """A month in which the knowledge base holds no meeting of the committee: say so, with the dates it holds."""
    month = f"{dt.date(2000, q.month or 1, 1):%B}" + (f" {year}" if year else "")
    dates = ", ".join(day_words(m.date) for m in found.meetings)
    return r.answer_of(
        q,
        "not-sure",
        f"I'm not sure: the knowledge base holds no {found.name} meeting in {month}. "
        f"The meetings it knows of: {dates}.",
    )


ATTENDANCE_COUNTED = lazy(
    r"\bhow many (\w+ ){0,2}(attended|were at|were there|came|turned up|were present|sent apologies|gave apologies|"
    r"substitut\w*)\b"
)


def attendance_count(q: Query, e: Engine) -> Answer | None:
    """ "how many officers were at the october panel": a count from that meeting's recorded attendance."""
    if not ATTENDANCE_COUNTED.search(q.folded) or not (q.committee or COMMITTEE_WORD.search(q.folded)):
        return None
    found = committee(q, e)
    if found is None:
        return None
    if q.month is not None and not any(m.date.month == q.month for m in found.meetings):
        return _no_meeting_in_month(q, e, found)
    chosen = pick_meeting(q, e, past=True)
    if chosen is None:
        return None
    title = d.meeting_title(e.kb, chosen)
    att = chosen.attendance
    if att is None:
        return r.answer_of(
            q,
            "not-sure",
            f"I'm not sure: the papers do not record who attended the {title} meeting.",
            [d.meeting_item(e.kb, chosen)],
        )
    groups = {
        "members": len(att.members),
        "substitutes": len(att.substitutes),
        "officers": len(att.officers),
        "others": len(att.others),
        "apologies": len(att.apologies),
    }
    said = (
        f"{groups['members']} members, {groups['substitutes']} substitute(s), {groups['officers']} officers and "
        f"{groups['others']} other(s)"
    )
    if re.search(r"\bofficers?\b", q.folded):
        text = f"The minutes of the {title} meeting list {groups['officers']} officers in attendance."
    elif re.search(r"\bapologies\b", q.folded):
        text = f"The minutes of the {title} meeting record apologies from {groups['apologies']}."
    elif re.search(r"\b(councillors?|members?)\b", q.folded):
        n = groups["members"] + groups["substitutes"]
        text = (
            f"The minutes of the {title} meeting list {n} councillors present "
            f"({groups['members']} members and {groups['substitutes']} substitute(s))."
        )
    else:
        total = groups["members"] + groups["substitutes"] + groups["officers"] + groups["others"]
        text = f"The minutes of the {title} meeting list {total} people in attendance: {said}."
    return r.answer_of(q, "attendance", text, [_full_attendance(e, chosen)])


def _duration(q: Query, e: Engine) -> Answer | None:
    """How long a meeting lasted: from its start to the closing time its minutes record."""
    chosen = pick_meeting(q, e, past=True)
    if chosen is None:
        return None
    title = d.meeting_title(e.kb, chosen)
    if not (chosen.time and chosen.end_time):
        return r.answer_of(
            q,
            "meeting",
            f"The papers do not record both the start and the end of the {title} meeting.",
            [d.meeting_item(e.kb, chosen)],
        )
    start = dt.datetime.strptime(chosen.time, "%H:%M")
    end = dt.datetime.strptime(chosen.end_time, "%H:%M")
    hours, minutes = divmod(int((end - start).total_seconds() // 60), 60)
    length = " ".join(
        x
        for x in (
            f"{hours} hour{'s' if hours != 1 else ''}" if hours else "",
            f"{minutes} minute{'s' if minutes != 1 else ''}" if minutes else "",
        )
        if x
    )
    text = (
        f"The {title} meeting started at {d.clock(chosen.time)} and closed at {d.clock(chosen.end_time)}: "
        f"{length}, as the minutes record."
    )
    shown = Item(
        "meeting",
        title,
        (f"Started: {d.clock(chosen.time)}", f"Closed: {d.clock(chosen.end_time)}"),
        {},
        chosen.end_source or chosen.source,
    )
    return r.answer_of(q, "meeting", text, [shown])


def _venue(q: Query, e: Engine, chosen: Meeting, title: str, item: Item) -> Answer:
    """Where a meeting is: the venue as the papers give it, its postcode, and never a room they do not name."""
    if not chosen.venue:
        return r.answer_of(q, "meeting", f"The papers give no venue for the {title} meeting.", [item])
    other = OTHER_VENUE.search(q.folded)
    if other:  # "what's the panel's fallback venue if county hall is shut": not the venue the papers give
        return r.answer_of(
            q,
            "not-sure",
            f"I'm not sure: the papers name no {other.group(1)} venue for the {title} meeting; the venue they give is "
            f"{chosen.venue}.",
            [item],
        )
    finer = FINER_THAN_VENUE.search(q.folded)
    if finer:
        return r.answer_of(
            q,
            "meeting",
            f"The papers give no {finer.group(1)} for the {title} meeting; they give the venue only: {chosen.venue}.",
            [item],
        )
    if re.search(r"\bpost ?code\b", q.folded):
        code = POSTCODE.search(chosen.venue)
        if code is None:
            return r.answer_of(q, "meeting", f"The papers give no postcode for the {title} meeting.", [item])
        return r.answer_of(
            q, "meeting", f"The postcode for the {title} meeting is {code.group(0)} ({chosen.venue}).", [item]
        )
    return r.answer_of(q, "meeting", f"The {title} meeting is at {chosen.venue}.", [item])


EVENT = lazy(
    r"\b(held|hold|holding|take place|taking place|happen\w*|conference|event|workshop|session|seminar|venue|"
    r"launch|meeting|meet|meets)\b"
)
DETAIL_WORDS = frozenset(
    content_words(
        "finish finished end ended close closed kick off begin began start started room floor postcode post code "
        "address venue located location place held time clock today tomorrow tuesday wrap wrapped"
    )
)


def _names_other_event(q: Query, e: Engine) -> bool:
    """A where/when question about something that is not a committee meeting ("the TCE conference")."""
    if q.committee:
        return False
    named = set(content_words(" ".join(e.kb.name_of(p) for p, _ in q.people)))
    words = set(q.topic_words)
    asked, mark, aside = q.raw.partition("?")
    if mark and aside.strip():  # "...wrap up? want to put an end time in the calendar invite": the aside names no event
        words &= set(spelled_out(content_words(asked)))
    return bool(words - MEETING_WORDS - CHAIR_WORDS - DETAIL_WORDS - named)


def _other_event(q: Query, e: Engine) -> Answer:
    """Where or when something other than a committee meeting is held: the papers' places, never a meeting's."""
    from knowledge.answers_papers import allowed_papers

    asked = "where" if q.attribute == "venue" else "when"
    notes: tuple[str, ...] = ()
    if e.passage_index is not None:
        hits = e.passage_index.search(q.raw, limit=2, papers=allowed_papers(q, e))
        if hits:
            notes = ("The nearest passages are in: " + "; ".join(h.cite() for h in hits[:2]) + ".",)
    return r.answer_of(
        q,
        "not-sure",
        f"I'm not sure: the papers do not say {asked} that is held, and I can't tell it is a meeting of a committee "
        "the knowledge base holds (name the committee if it is), so I won't give a committee's venue or time instead.",
        notes=notes,
    )


WORK_WORDS = frozenset(
    [
        "work",
        "programme",
        "forward",
        "plan",
        "panel",
        "committee",
        "looking",
        "coming",
        "going",
        "scheduled",
        "planned",
        "expected",
        "standing",
        "items",
        "item",
        "spring",
        "summer",
        "autumn",
        "winter",
        "next",
        "meeting",
        "report",
        "reports",
        *content_words("come comes go goes brought bring every each often frequently regular regularly"),
        # "is X still a standing item", "did X come off the wp", "what comes as standard"
        *content_words("wp still standard off removed remove taken dropped came on"),
    ]
)
STANDING_ASKED = lazy(
    r"\b(standing|as standard|standard items?|(?:every|each) (?:\w+ )?(?:panel|meeting|committee|time)|"
    r"(?:all|every) (?:the )?(?:panels|meetings))\b"
)
# "what gets reported to the panel every time": words of the asking, which name no item
GENERIC_ASKING = frozenset(
    content_words(
        "get gets got reported report reports reporting discussed considered taken heard presented happens happen "
        "usually normally routinely always what which things thing stuff time times recently recent lately anything "
        "something regardless whatever no matter"
    )
)
# "did X come off the wp", "was X removed from the work programme", "is X still on it"
LEFT_PROGRAMME = lazy(
    r"\b(come off|came off|taken off|take off|removed|remove|dropped|drop off|still (?:on|a|there|standing)|"
    r"no longer)\b"
)


def _programme_heading(work: WorkItem) -> str | None:
    """The heading of the work programme a standing item is listed under, as written ("Standing items for each
    meeting"), from its source's location ("Work Programme 2025, Standing items for each meeting")."""
    location = work.source.location if work.source else None
    heading = location.rsplit(", ", 1)[-1] if location and ", " in location else None
    return heading if heading and "standing" in heading.lower() else None


FREQUENCY = lazy(r"\b(six[- ]monthly|quarterly|monthly|annual|annually|yearly|bi-monthly|termly)\b", re.I)


def how_often(q: Query, e: Engine, work: WorkItem) -> Answer:
    """How often a work-programme item comes to the committee: as its title or standing status says."""
    name = e.kb.committees[work.committee].name
    item = d.work_item(e.kb, work)
    subject = Subject("work", (work.committee, work.title))
    if work.standing:
        heading = _programme_heading(work)
        listed = f"the work programme lists it under \u201c{heading}\u201d" if heading else "work programme"
        text = f"{work.title} is a standing item at every {name} meeting ({listed})."
        return r.answer_of(q, "work-item", text, [item], subject=subject)
    said = FREQUENCY.search(work.title)
    when = f" It is listed for the meeting on {work.meeting.day} {work.meeting:%B %Y}." if work.meeting else ""
    if said:
        text = f"{work.title}: {said.group(1).lower()}, as the work programme's title says.{when}"
    else:
        text = f"The work programme gives no frequency for {work.title}.{when}"
    return r.answer_of(q, "work-item", text, [item], subject=subject)


def _agenda_how_often(q: Query, e: Engine, meeting: Meeting, item: AgendaItem) -> Answer:
    """How often a report comes that the work programme does not list: what its title says, and where it was."""
    said = FREQUENCY.search(" ".join(_titles(item)))
    where = f"item {item.number}, {item.title}, at the {d.meeting_title(e.kb, meeting)} meeting"
    if said:
        text = f"{_upper(where)}: {said.group(1).lower()}, as its title says; the work programme gives it no date."
        return r.answer_of(q, "agenda-item", text, [d.agenda_item(e.kb, meeting, item)])
    text = f"I'm not sure: the papers give no frequency for {where}, and the work programme does not list it."
    return r.answer_of(q, "not-sure", text, [d.agenda_item(e.kb, meeting, item)])


def found_committee_name(e: Engine, meeting: Meeting) -> str:
    return e.kb.committees[meeting.committee].name


_ORG_ASKED = lazy(
    r"\b(which|what) (council|organisation|organization|agency|authority|body|employer|partner)\b|"
    r"\bwork (for|with)\b"
)


def work_programme(q: Query, e: Engine) -> Answer | None:
    """Work-programme items: for a month, a season, a meeting, or all of them."""
    found = committee(q, e)
    if found is None:
        return None
    if q.plan is not None and q.committee is None and not _A_PROGRAMME.search(q.folded):
        return None  # "when will the city start looking at former foster carers": the city plan's row, not a panel's
    items = [w for w in found.work_programme if not w.standing]
    scope = ""
    if not q.person and q.attribute is None and _AT_THE_NEXT.search(q.folded):
        planned = planned_for(q, e)  # "what's coming to the next panel after this one": what it is to take
        if planned is not None:
            return planned
    if q.person and q.has("person") and _ORG_ASKED.search(q.folded):  # "... - which council is she from"
        return None
    if q.person and (q.month is not None or q.day_of_month is not None):
        # "what papers has rachel miller got going to the january panel": that meeting's reports in her name
        chosen = pick_meeting(q, e)
        if chosen is not None and chosen.agenda:
            hers = [i for i in chosen.agenda if _names_on(q.person, i)]
            if hers:
                name = e.kb.people[q.person].name
                title = d.meeting_title(e.kb, chosen)
                text = f"{name} is named on {len(hers)} item{'s' if len(hers) != 1 else ''} of the {title} agenda:"
                return r.answer_of(q, "agenda", text, [d.agenda_item(e.kb, chosen, i) for i in hers])
    if q.person:
        mine = [w for w in found.work_programme if q.person in w.sponsors]
        name = e.kb.people[q.person].name
        if not mine:
            return r.answer_of(q, "work-programme", f"The {found.name} work programme names {name} on no item.")
        text = f"{name} is named on {len(mine)} {found.name} work-programme item{'s' if len(mine) != 1 else ''}:"
        return r.answer_of(q, "work-programme", text, [d.work_item(e.kb, w) for w in mine])
    by_frequency = _items_by_frequency(q, e, found)
    if by_frequency is not None:
        return by_frequency
    standing_list = _standing_list(q, e, found)
    if standing_list is not None:  # "what are the standing items at every corporate parenting panel"
        return standing_list
    if re.search(r"\bhow (often|frequently)\b|\b(every|each) (\w+ )?(meeting|panel|committee)\b", q.folded):
        found_doc = find_doc(q, e)
        agenda_doc = find_doc(q, e, agenda_only=True)
        nouns = set(re.findall(r"\b(report|update|review)s?\b", q.folded))
        if (
            found_doc is not None
            and isinstance(found_doc[1], WorkItem)
            and agenda_doc is not None
            and nouns
            and not nouns & set(fold(found_doc[1].title).split())
            and nouns & set(fold(" ".join(_titles(agenda_doc[1]))).split())  # type: ignore[arg-type]
        ):
            found_doc = agenda_doc  # "the fostering report": the Fostering Service Annual Report, not a work item
        if found_doc is not None and isinstance(found_doc[1], WorkItem):
            return how_often(q, e, found_doc[1])
        if found_doc is not None and found_doc[0] is not None and isinstance(found_doc[1], AgendaItem):
            standing = _work_by_words(q, e)  # "the residential homes update": the standing item, if it is one
            if standing is not None and (not nouns or nouns & set(fold(standing.title).split())):
                return how_often(q, e, standing)
            return _agenda_how_often(q, e, found_doc[0], found_doc[1])
    window_words = {"year"} if THIS_YEAR.search(q.folded) else set()  # when, not "Year 12"
    # a named item: its date, or where it last was (the committee's own name names none: "what's on the corporate
    # parenting work programme for april" is not the Borough & District report on "corporate parenting")
    if set(q.topic_words) - WORK_WORDS - GENERIC_ASKING - window_words - _own_words(found):
        if (q.month is not None or q.day_of_month is not None) and _ANYTHING_FOR.search(q.folded):
            listed = planned_for(q, e)  # "anything for care leavers going to the april panel": every such item
            if listed is not None:
                return listed
        named = _work_by_words(q, e) or _work_by_item_words(q, e)
        if named is not None:
            return about_work(q, e, named, _work_field(q))
        report_item = find_report(q, e)
        if report_item is not None:
            meeting, item = report_item
            text = (
                f"The {found_committee_name(e, meeting)} work programme has no date for that; the nearest is item "
                f"{item.number}, {item.title}, at the {d.meeting_title(e.kb, meeting)} meeting."
            )
            return r.answer_of(q, "work-programme", text, [d.agenda_item(e.kb, meeting, item)])
        asked = set(q.topic_words) - WORK_WORDS
        thing = asked - GENERIC_ASKING - _own_words(found)
        if len(thing) >= 1 and (LEFT_PROGRAMME.search(q.folded) or STANDING_ASKED.search(q.folded)):
            left = _left_programme(q, e, found, thing)
            if left is not None:
                return left
        # "the care leavers annual report": that item, not every care leavers item (those sharing the most words,
        # and half of them at least)
        # (the committee's own name is not among the words: "special guardianship at the corporate parenting
        # panel" is not the Borough & District report on "corporate parenting" responsibilities)
        sharing = (
            [
                w
                for w in _most_shared(thing, found.work_programme, lambda w: w.title)
                if len(thing & set(content_words(w.title))) * 2 >= len(thing)
            ]
            if thing
            else []
        )
        if len(sharing) == 1 and q.window is None:  # "local offer for care leavers - when's it back on"
            return about_work(q, e, sharing[0], "due")
        if sharing and q.window is None:  # "which items are six monthly"
            text = f"{found.name} work-programme items with those words ({len(sharing)}):"
            return r.answer_of(q, "work-programme", text, [d.work_item(e.kb, w) for w in sharing])
        if q.window is None and not re.search(r"\b(next|standing|all|whole|full)\b", q.folded):
            # a question naming an item the work programme does not have: not the whole programme
            return r.answer_of(
                q,
                "not-sure",
                f"I'm not sure: I could not find that in the {found.name} work programme.",
                suggestions=(f"what is on the {found.name} work programme?",),
            )
    if LEFT_PROGRAMME.search(q.folded) and not (set(q.topic_words) - WORK_WORDS - GENERIC_ASKING - set(_MONTH_NAMES)):
        removed = _removed_per_minutes(q, e, found)  # "what came off the work programme": as the minutes record
        if removed is not None:
            return removed
    if q.window is not None:
        items = [w for w in items if w.meeting and q.window.start <= w.meeting <= q.window.end]
        scope = f" {q.window.words}"
    else:
        upcoming = sorted({w.meeting for w in items if w.meeting and w.meeting >= q.today})
        if re.search(r"\bnext\b", q.folded) and upcoming:
            items = [w for w in items if w.meeting == upcoming[0]]
            scope = f" for the meeting on {upcoming[0].day} {upcoming[0]:%B %Y}"
    standing = [w for w in found.work_programme if w.standing]
    if STANDING_ASKED.search(q.folded):
        text = f"Standing items at every {found.name} meeting (work programme):"
        return r.answer_of(q, "work-programme", text, [d.work_item(e.kb, w) for w in standing])
    if not items:
        return r.answer_of(
            q,
            "work-programme",
            f"The {found.name} work programme has no items{scope}.",
            [d.work_item(e.kb, w) for w in standing],
        )
    shown = [d.work_item(e.kb, w) for w in sorted(items, key=lambda w: w.meeting or dt.date.max)]
    notes = (f"Standing items at every meeting: {', '.join(w.title for w in standing)}.",) if standing else ()
    return r.answer_of(
        q, "work-programme", f"{found.name} work programme{scope}: {len(items)} item(s).", shown, notes=notes
    )


# "what are the standing items", "standing items at every panel?": the list asked for, not one item
STANDING_LIST = lazy(r"\bstanding items\b")


THIS_YEAR = lazy(r"\b(next|this|last) (year|yr)\b")


def _standing_list(q: Query, e: Engine, found: Committee) -> Answer | None:
    """ "standing items at every panel? so i know what to expect": the standing items, when the question names no
    item of the programme (the committee's own name is none: "at every corporate parenting panel")."""
    if not (STANDING_LIST.search(q.folded) or ITEMS_EVERY.search(q.folded)) or LEFT_PROGRAMME.search(q.folded):
        return None
    thing = set(q.topic_words) - WORK_WORDS - GENERIC_ASKING - _own_words(found)
    if THIS_YEAR.search(q.folded):  # "at every panel this yr": when, not "Year 12-13"
        thing -= {"year"}
    if any(thing & set(content_words(w.title)) for w in found.work_programme) or thing & set(committee_acronyms(e)):
        return None  # an item named ("the cicc standing item"): that item
    standing = [w for w in found.work_programme if w.standing]
    text = f"Standing items at every {found.name} meeting (work programme):"
    return r.answer_of(q, "work-programme", text, [d.work_item(e.kb, w) for w in standing])


# "which items are six-monthly", "what are the quarterly ones": the items of one frequency
FREQUENCY_LIST = lazy(
    r"\b(which|what|list|any)\b.*\b(items?|ones|reports|updates|papers)\b|\b(items|ones|reports|updates|papers) "
    r"(are|is|come|comes|go|goes)\b"
)


def _frequency_key(words: str) -> str:
    return re.sub(r"[- ]", "", words.lower())


def _items_by_frequency(q: Query, e: Engine, found: Committee) -> Answer | None:
    """ "which items on the programme are six-monthly": the work-programme items whose titles say that frequency
    (each at every meeting it is set for); a frequency no title says is said plainly (None when the question
    names no frequency)."""
    asked = FREQUENCY.search(q.folded)
    if asked is None or not FREQUENCY_LIST.search(q.folded):
        return None
    key = _frequency_key(asked.group(1))
    marked = [
        w for w in found.work_programme if (said := FREQUENCY.search(w.title)) and _frequency_key(said.group(1)) == key
    ]
    if not marked:
        return r.answer_of(
            q,
            "not-sure",
            f"I'm not sure: the {found.name} work programme gives no item as {asked.group(1)}.",
            suggestions=(f"what is on the {found.name} work programme?",),
        )
    items = sorted(marked, key=lambda w: w.meeting or dt.date.max)
    text = f"{found.name} work-programme items marked {asked.group(1)} ({len(items)}):"
    return r.answer_of(q, "work-programme", text, [d.work_item(e.kb, w) for w in items])


def _left_programme(q: Query, e: Engine, found: Committee, asked: set[str]) -> Answer | None:
    """ "is X still a standing item", "did X come off the wp", for an X the work programme does not list: what the
    minutes say of it (a paragraph carrying all but one of its words), else that the programme does not list it."""
    from knowledge.answers_papers import passage_item

    listed = [w for w in found.work_programme if _words_in(asked, w.title) == len(asked)]
    if STANDING_ASKED.search(q.folded):
        listed = [w for w in listed if w.standing] or listed
    if len(listed) == 1:  # "is the residential homes update a standing item": it is listed
        return how_often(q, e, listed[0]) if STANDING_ASKED.search(q.folded) else about_work(q, e, listed[0], "due")
    if listed:
        text = f"{found.name} work-programme items with those words ({len(listed)}):"
        return r.answer_of(q, "work-programme", text, [d.work_item(e.kb, w) for w in listed])
    near = [w for w in found.work_programme if w.standing and _words_in(asked, w.title) >= max(1, len(asked) - 1)]
    if near and STANDING_ASKED.search(q.folded):  # "a standing item about member visits": "Visits schedule ..."
        said = " ".join(sorted(asked))
        text = f"No {found.name} standing item is titled with all of \u201c{said}\u201d; the nearest ({len(near)}):"
        return r.answer_of(q, "work-programme", text, [d.work_item(e.kb, w) for w in near])
    index = e.passage_index
    parts = minutes_parts(e, [m for m in found.meetings if m.resolutions or m.attendance is not None])
    if index is not None and parts:
        need = max(2, len(asked) - 1)
        hits = [h for h in index.search(" ".join(sorted(asked)), limit=3, parts=parts) if len(set(h.matched)) >= need]
        if hits:
            best = max(hits, key=lambda h: (len(set(h.matched)), h.score))
            items = [passage_item(best.paper, passage, excerpt) for passage, excerpt in best.excerpt]
            cited = best.paper.cite(best.excerpt[0][0]) if best.excerpt else best.cite()
            text = f"The {found.name} work programme does not list it. What the minutes say of it ({cited}):"
            return r.answer_of(q, "passage", text, items)
    return r.answer_of(
        q,
        "not-sure",
        f"I'm not sure: the {found.name} work programme does not list \u201c{' '.join(sorted(asked))}\u201d, and "
        "the minutes I have say nothing I can match to it.",
        suggestions=(f"what are the standing items of the {found.name}?",),
    )


def _removed_per_minutes(q: Query, e: Engine, found: Committee) -> Answer | None:
    """What the minutes record as taken off the work programme (the paragraph saying so), or None."""
    from knowledge.answers_papers import passage_item

    index = e.passage_index
    parts = minutes_parts(e, [m for m in found.meetings if m.resolutions or m.attendance is not None])
    if index is None or not parts:
        return None
    hits = [
        h
        for h in index.search("removed from the work programme", limit=3, parts=parts)
        if re.search(r"\b(removed|taken off|dropped)\b", " ".join(p.text for p in h.quoted or (h.passage,)), re.I)
    ]
    if not hits:
        return None
    best = hits[0]
    items = [passage_item(best.paper, passage, excerpt) for passage, excerpt in best.excerpt]
    cited = best.paper.cite(best.excerpt[0][0]) if best.excerpt else best.cite()
    return r.answer_of(q, "passage", f"The minutes record ({cited}):", items)


_THE_NEXT_ONE = lazy(r"\bnext\b(?! (?:few|couple|two|three|\d+)\b)(?!.*\b(?:meetings|dates|ones)\b)")


_BEFORE_MONTH = lazy(
    r"\b(?:meeting|panel|committee|cpp|one)\s+(?:held\s+)?before\s+(?:the\s+)?("
    + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
    + r")\b(?:\s+(\d{4}))?"
)


def _meeting_before(q: Query, meetings: list[Meeting]) -> Meeting | None:
    """ "the panel meeting before october 2024": the last meeting held before that month began (the month without a
    year is the one nearest today: "the last panel before jan", asked in December, is before this coming January)."""
    m = _BEFORE_MONTH.search(q.folded)
    if m is None:
        return None
    month = MONTH_NUMBERS[m.group(1)]
    if m.group(2):
        first = dt.date(int(m.group(2)), month, 1)
    else:
        first = dt.date(q.today.year, month, 1)
        if (first - q.today).days > 183:
            first = first.replace(year=first.year - 1)
        elif (q.today - first).days > 183:
            first = first.replace(year=first.year + 1)
    earlier = [meeting for meeting in meetings if meeting.date < first]
    return max(earlier, key=lambda meeting: meeting.date) if earlier else None


def pick_meeting(
    q: Query, e: Engine, prefer_agenda: bool = False, want_reports: bool = False, past: bool = False
) -> Meeting | None:
    """The meeting a question means: a named month, else the next (with an agenda if asked), else the latest."""
    found = committee(q, e)
    meetings = list(found.meetings) if found else [m for c in e.kb.committees.values() for m in c.meetings]
    if not meetings:
        return None
    if q.month is not None or q.day_of_month is not None:
        year = q.month_year
        named = [
            m
            for m in meetings
            if (q.month is None or m.date.month == q.month)
            and (q.day_of_month in (None, m.date.day))
            and year in (None, m.date.year)
        ]
        if named and q.window is not None and YEAR_WINDOW.search(q.folded):  # "the july panel next year"
            named = [m for m in named if q.window.start <= m.date <= q.window.end] or named
        if named:
            return min(named, key=lambda m: (not m.agenda if prefer_agenda else 0, abs((m.date - q.today).days)))
    days = days_named(q)
    if days is not None:  # "tomorrow's panel", "the meeting last week": that meeting, minuted or not
        inside = [m for m in meetings if days[1] <= m.date <= days[2]]
        if inside:
            return inside[0]
    if want_reports:
        meetings = [m for m in meetings if any(i.contacts for i in m.agenda)] or meetings
    if prefer_agenda:
        meetings = [m for m in meetings if m.agenda] or meetings
    if past or re.search(r"\b(last|previous|latest)\b", q.folded):
        before = [m for m in meetings if m.date < q.today and (not past or m.attendance is not None)]
        if before:
            return before[-1]
    upcoming = [m for m in meetings if m.date >= q.today]
    return upcoming[0] if upcoming else meetings[-1]


DAYS_NAMED = lazy(
    r"\b(today|todays|tonight|tomorrow|tomorrows|yesterday|yesterdays|(?:this|next|last) week|"
    r"(?:on |this |next |last )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?)\b"
)
DAY_WORDS = frozenset(
    content_words(
        "today todays tonight tomorrow tomorrows yesterday yesterdays week monday tuesday wednesday thursday friday "
        "saturday sunday"
    )
)
PAST_TENSE = lazy(r"\b(did|was|were|happened|went|gave|came|attended|said|discussed|resolved|decided)\b")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def days_named(q: Query) -> tuple[str, dt.date, dt.date] | None:
    """The days a question names relative to today ("tomorrow's panel", "the meeting last week"): (words, first
    day, last day), or None. A week runs Monday to Sunday."""
    m = DAYS_NAMED.search(q.folded)
    if m is None:
        return None
    word, today = m.group(1), q.today
    monday = today - dt.timedelta(days=today.weekday())
    if word.startswith(("today", "tonight")):
        return "today", today, today
    if word.startswith("tomorrow"):
        day = today + dt.timedelta(days=1)
        return "tomorrow", day, day
    if word.startswith("yesterday"):
        day = today - dt.timedelta(days=1)
        return "yesterday", day, day
    *when, name = word.split()
    if name.rstrip("s") in WEEKDAYS or name in WEEKDAYS:  # "on tuesday": the next one; "last tuesday": the one before
        wanted = WEEKDAYS.index(name if name in WEEKDAYS else name[:-1])
        if when == ["last"] or (when != ["next"] and PAST_TENSE.search(q.folded)):  # "what did they say on tuesday"
            day = today - dt.timedelta(days=(today.weekday() - wanted) % 7 or 7)
        else:
            day = today + dt.timedelta(days=(wanted - today.weekday()) % 7)
            if when == ["next"] and day == today:
                day += dt.timedelta(days=7)
        return f"{' '.join(when) or 'on'} {name}", day, day
    start = monday + dt.timedelta(days={"this week": 0, "next week": 7, "last week": -7}[word])
    return word, start, start + dt.timedelta(days=6)


def no_meeting_on(q: Query, e: Engine) -> Answer | None:
    """ "apologies for tomorrow's panel" when the knowledge base has no meeting tomorrow: say so, plainly."""
    days = days_named(q)
    found = committee(q, e)
    if days is None or found is None or any(days[1] <= m.date <= days[2] for m in found.meetings):
        return None
    dates = ", ".join(day_words(m.date) for m in found.meetings)
    return r.answer_of(
        q, "not-sure", f"I'm not sure: the knowledge base has no {found.name} meeting {days[0]}. It knows of: {dates}."
    )


NAMED_MEETING = lazy(r"\b(?:last|previous|latest|most recent) (?:\w+ ){0,2}(?:panel|meeting|committee)\b")
PRESENTER_WORDS = frozenset(
    content_words(
        "presented presents present presenting did do doing took take taking delivered deliver delivering gave give "
        "introduced brought covered updated spoke talked last previous latest recent oct officer manager person "
        "resolve resolved resolution decide decided agree agreed"
    )
)
ITEM_MATCH = 0.6  # share of the question's words an agenda item (title, or the minutes' line on it) must carry


def presenter(q: Query, e: Engine) -> Answer | None:
    """Who presented an item at a named meeting, as that meeting's minutes record it; "not sure" when they do
    not. A meeting named by month or as "the last panel" scopes the question to that meeting's agenda: a
    standing item or a report at another meeting is not an answer to it."""
    if not PRESENTED.search(q.folded) or q.attribute in ("apologies", "attendance", "substitutes", "members"):
        return None  # "who gave apologies at the october panel": who was absent, not who presented an item
    if _COMMENTS_ON.search(q.folded):
        return None  # "who did the financial comments on the residential homes report": who wrote them, not presented
    if q.month is not None or q.day_of_month is not None:
        meeting = _named_meeting(q, e)
        if meeting is None:
            return _no_meeting_then(q, e)
    elif NAMED_MEETING.search(q.folded):
        meeting = pick_meeting(q, e)  # "the last panel": the last one held, whether or not the papers minute it
    else:
        meeting = _meeting_in_window(q, e) or _meeting_on_days(q, e)  # "who is presenting the HSB report next week"
        if meeting is None and q.window is None and _PRESENTED_PAST.search(q.folded):
            meeting = _minuted_meeting_of(q, e)  # "who presented the fostering service annual report": where it was
        if meeting is None:
            # "who is presenting the HSB report next week", "who gives the CiCC update at panel": the programme's
            # sponsor of it
            asks_work = NAMES_REPORT.search(q.folded) and (q.window is not None or _PRESENTS_NOW.search(q.folded))
            work = _work_by_words(q, e) if asks_work else None
            return about_work(q, e, work, "sponsor") if work is not None else None
    if meeting is None or not meeting.agenda:
        return None  # a meeting still to come: the work programme's sponsors answer
    title = d.meeting_title(e.kb, meeting)
    month = f"{meeting.date:%B}"
    if meeting.date < q.today and meeting.attendance is None and not any(i.presenters for i in meeting.agenda):
        return r.answer_of(
            q,
            "not-sure",
            f"I'm not sure: the papers hold no minutes of the {title} meeting, so they do not say who presented what.",
            [d.meeting_item(e.kb, meeting)],
        )
    if q.agenda_number is not None:
        numbered = [i for i in meeting.agenda if i.number == q.agenda_number]
        if not numbered:
            return r.answer_of(q, "not-found", f"The {title} agenda has no item {q.agenda_number}.")
        item = numbered[0]
    else:
        words = [w for w in _report_words(q, e) if w not in PRESENTER_WORDS and w not in MEETING_WORDS]
        words = words or [w for w in q.topic_words if w not in PRESENTER_WORDS and w not in MEETING_WORDS]
        words = [w for w in words if w not in DAY_WORDS]  # "the HSB report on tuesday": the day names no item
        if not words:
            return _presenters_of(q, e, meeting)
        scored = sorted(((_item_share(words, i), -i.number, i) for i in meeting.agenda), key=lambda x: x[:2])[::-1]
        share, _, item = scored[0]
        tied = [i for x, _, i in scored if x == share]
        if share < ITEM_MATCH or len(tied) > 1:
            near = tied if share >= ITEM_MATCH else []
            text = (
                f"I'm not sure which item you mean: {len(near)} items at the {title} meeting match "
                f"({'; '.join(f'item {i.number}, {i.title}' for i in near)})."
                if near
                else f"I'm not sure: I could not find that item on the {title} agenda, so I won't say who presented it."
            )
            asks = tuple(f"who presented item {i.number} at the {month} panel" for i in near[:3])
            return r.answer_of(q, "not-sure", text, [d.meeting_item(e.kb, meeting)], suggestions=asks)
    shown = [d.agenda_item(e.kb, meeting, item)]
    subject = agenda_subject(meeting, item)
    where = f"item {item.number}, {item.title}, at the {title} meeting"
    if item.presenters:
        names = " and ".join(e.kb.name_of(p) for p in item.presenters)
        text = f"{_upper(where)} was presented by {names}."
        if item.presenters_source is not None:
            text += f" The minutes say: \u201c{item.presenters_source.quote}\u201d"
        if q.has("resolution"):  # "... who presented it and what did they resolve": both
            for said in (x for x in meeting.resolutions if x.item == item.number):
                text += f" Resolved {said.id}: \u201c{said.text}\u201d"
        shown += [d.person_item(e.kb, e.kb.people[p]) for p in item.presenters if p in e.kb.people]
        return r.answer_of(q, "report", text, shown, subject=subject)
    verb = "presented" if meeting.date < q.today else "will present"
    text = f"I'm not sure: the papers do not record who {verb} {where}."
    closest = []
    if item.signatory:
        closest.append(f"the report is signed by {e.kb.name_of(item.signatory)}")
    if item.contacts:
        closest.append(f"it names {', '.join(e.kb.name_of(c) for c in item.contacts)} as its contact for enquiries")
    if closest:
        text += " The closest I can give: " + ", and ".join(closest) + "."
    return r.answer_of(q, "not-sure", text, shown, subject=subject)


def _meeting_in_window(q: Query, e: Engine) -> Meeting | None:
    """The committee meeting in the date window a question names ("next week"), if exactly one falls in it."""
    if q.window is None:
        return None
    found = committee(q, e)
    pool = found.meetings if found else [m for c in e.kb.committees.values() for m in c.meetings]
    start = q.window.start
    if q.window.words == "this month" and _PRESENTED_PAST.search(q.folded):
        start = start.replace(day=1)  # "who presented the IRO report at panel this month": earlier this month too
    inside = [m for m in pool if start <= m.date <= q.window.end]
    return inside[0] if len(inside) == 1 else None


def _meeting_on_days(q: Query, e: Engine) -> Meeting | None:
    """The committee meeting on the days a question names relative to today ("on tuesday", "tomorrow")."""
    days = days_named(q)
    if days is None:
        return None
    found = committee(q, e)
    pool = found.meetings if found else [m for c in e.kb.committees.values() for m in c.meetings]
    inside = [m for m in pool if days[1] <= m.date <= days[2]]
    return inside[0] if len(inside) == 1 else None


def _presenters_of(q: Query, e: Engine, meeting: Meeting) -> Answer:
    """ "who presented at the October panel": each item's presenters, as that meeting's minutes record them."""
    title = d.meeting_title(e.kb, meeting)
    given = [i for i in meeting.agenda if i.presenters]
    if not given:
        return r.answer_of(
            q,
            "not-sure",
            f"I'm not sure: the papers do not record who "
            f"{'presented' if meeting.date < q.today else 'will present'} items at the {title} meeting.",
        )
    items = [
        Item(
            "agenda",
            f"Item {i.number}: {i.title}",
            (f"Presented by {' and '.join(e.kb.name_of(p) for p in i.presenters)}",),
            {},
            i.presenters_source,
        )
        for i in given
    ]
    return r.answer_of(q, "agenda", f"Who presented each item at the {title} meeting (minutes):", items)


def planned_for(q: Query, e: Engine) -> Answer | None:
    """ "what's coming up for care leavers at the 1 april 2025 panel": the items the meeting named is to take (its
    agenda, else its work-programme items and the standing ones) whose titles carry the question's words; None
    when no meeting is named by its day or month, or no item there carries them."""
    found = committee(q, e)
    if found is None:
        return None
    at_next = _AT_THE_NEXT.search(q.folded) is not None  # "whats coming up at the next panel after this weeks one"
    if q.month is None and q.day_of_month is None and not at_next:
        return None
    chosen = pick_meeting(q, e)
    if chosen is None:
        return None
    own = _own_words(found)
    words = set(q.topic_words) - own - WORK_WORDS - GENERIC_ASKING - set(_MONTH_NAMES) - DAY_WORDS
    words = {w for w in words if len(w) > 3 and w not in _NEXT_WORDS}
    if not words and not at_next:
        return None
    title = d.meeting_title(e.kb, chosen)
    if chosen.agenda and not words:
        text = f"Agenda for {title}:"
        return r.answer_of(q, "agenda", text, [d.agenda_item(e.kb, chosen, i) for i in chosen.agenda])
    if chosen.agenda:
        agenda = _most_shared(words, chosen.agenda, lambda i: " ".join(_titles(i)))
        if not agenda:
            return None
        text = f"On the {title} agenda, {len(agenda)} item{'s' if len(agenda) != 1 else ''} with those words:"
        return r.answer_of(q, "agenda", text, [d.agenda_item(e.kb, chosen, i) for i in agenda])
    pool = [w for w in found.work_programme if w.meeting == chosen.date or w.standing]
    planned = _most_shared(words, pool, lambda w: w.title) if words else pool
    if not planned:
        return None
    text = (
        f"The documents give no agenda for the {title} meeting yet; the work programme plans "
        f"{len(planned)} item{'s' if len(planned) != 1 else ''}{' with those words' if words else ''} for it"
        f"{' (standing items included)' if not words else ''}:"
    )
    return r.answer_of(q, "work-programme", text, [d.work_item(e.kb, w) for w in planned])


VICE_CHAIR = lazy(r"\b(?:vice|deputy) ?chair(?:man|woman|person)?\b")
_AT_THE_NEXT = lazy(
    r"\b(?:coming up|coming|on|happening|planned|going)\s+(?:(?:at|for|to)\s+the\s+next|next time)\b"
    r"(?!\s+(?:week|month))"
)
_NEXT_WORDS = frozenset(content_words("next after following coming upcoming"))


def _names_on(person: str, item: AgendaItem) -> bool:
    """Whether an agenda item names the person: its signatory, a contact, its appendix's author or a presenter."""
    appendix = item.appendix
    return (
        item.signatory == person
        or person in item.contacts
        or (appendix is not None and appendix.signatory == person)
        or person in item.presenters
    )


# a question asking for whatever there is ("anything for care leavers ...", "what's on for ..."), not for one item
_ANYTHING_FOR = lazy(r"^\s*(?:is there\s+)?anything\b|^\s*what(?:s| s| is| are)? (?:on|coming|going|down|planned)\b")


def _most_shared(words: set[str], things: list, title: Callable[[Any], str]) -> list:
    """Those of `things` whose titles share the most of `words` (at least one): "care leavers" picks the care leavers
    items, not every item with "care" in it."""
    shared = [(len(words & set(content_words(title(t)))), t) for t in things]
    most = max((n for n, _ in shared), default=0)
    return [t for n, t in shared if n == most] if most else []


_PRESENTS_NOW = lazy(
    r"\bwho (?:gives|does|brings|delivers|takes|presents|(?:is|s|will be) (?:doing|presenting|bringing|giving|"
    r"delivering|taking))\b"
)
_COMMENTS_ON = lazy(r"\bcomments?\b")
_PRESENTED_PAST = lazy(r"\b(?:presented|delivered|introduced|took|brought|did|gave|covered|spoke|talked)\b")


def _minuted_meeting_of(q: Query, e: Engine) -> Meeting | None:
    """The one minuted meeting (held before today) whose agenda has the item the question names best, when no other
    minuted meeting has an item matching it as well (None when none matches, or two tie)."""
    words = [w for w in _report_words(q, e) if w not in PRESENTER_WORDS and w not in MEETING_WORDS]
    if not words:
        return None
    scored = sorted(
        (
            (max(_item_share(words, i) for i in m.agenda), m)
            for c in e.kb.committees.values()
            for m in c.meetings
            if m.agenda and m.date < q.today and any(i.presenters for i in m.agenda)
        ),
        key=lambda pair: pair[0],
        reverse=True,
    )
    if not scored or scored[0][0] < ITEM_MATCH or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return scored[0][1]


def _item_share(
    words: list[str], item: AgendaItem | WorkItem, acronyms: dict[str, list[set[str]]] | None = None
) -> float:
    """The share of the question's words that an agenda item's names, or the minutes' line on who presented it,
    carry (an abbreviation counts when its long form is there: "IRO", "FLAG" as the minutes define it)."""
    if isinstance(item, WorkItem):
        said = quoted = item.title
    else:
        said = " ".join(_titles(item))
        quoted = f"{said} {item.presenters_source.quote if item.presenters_source else ''}"
    # the item's names, and the acronyms they or the minutes' line on it define ("... Group (FLAG)"); not the
    # rest of that line, whose officers' job titles ("Group Manager for Fostering") would match other items
    have = set(content_words(said)) | {w.lower() for w in re.findall(r"\(([A-Za-z]{2,8})\)", quoted)}
    spelled = acronyms or {}
    stems = {h[:6] for h in have if len(h) >= 7}  # "declaring" and "declarations"
    matched = sum(
        1
        for w in words
        if w in have
        or (len(w) >= 7 and w[:6] in stems)
        or spelled_in(w, have)
        or any(long <= have for long in spelled.get(w, ()))
    )
    return matched / len(words)


def committee_acronyms(e: Engine) -> dict[str, list[set[str]]]:
    """Acronyms the committee records define for an item ("Foster Carers Liaison Group (FLAG)" in the minutes'
    line on item 4, "Foster Care (FLAG) items" in the work programme): acronym -> the item's title words."""
    memo = e.__dict__.get("_committee_acronyms")
    if memo is not None:
        return memo
    out: dict[str, list[set[str]]] = {}
    for found in e.kb.committees.values():
        named: list[tuple[str, str]] = [(w.title, w.title) for w in found.work_programme]
        for meeting in found.meetings:
            for item in meeting.agenda:
                quote = item.presenters_source.quote if item.presenters_source else ""
                named.append((f"{item.title} {quote}", item.title))
        for said, title in named:
            long = set(content_words(re.sub(r"\([^)]*\)", " ", title))) - REPORT_STEMS - WORK_WORDS - set(_MONTH_NAMES)
            for acronym in re.findall(r"\(([A-Z][A-Za-z]{1,7})\)", said):
                if long and long not in out.setdefault(acronym.lower(), []):
                    out[acronym.lower()].append(long)
    e.__dict__["_committee_acronyms"] = out
    return out


def named_in_attendance(q: Query, e: Engine) -> Answer | None:
    """ "who is Lauren Monaghan": someone the knowledge base holds only as a line of a meeting's attendance
    ("Lauren Monaghan - Notts TV"), quoted as the minutes write it, with the meeting."""
    if q.people:
        return None
    padded = f" {q.folded} "
    for found in e.kb.committees.values():
        for meeting in found.meetings:
            for line in meeting.attendance.others if meeting.attendance else ():
                name = re.split(r"\s+[-\u2013\u2014]\s+|,|\(", line, maxsplit=1)[0].strip()
                if len(name.split()) >= 2 and f" {fold(name)} " in padded:
                    text = (
                        f"{name} is named only in the attendance of the {d.meeting_title(e.kb, meeting)} meeting, "
                        f"as written in its minutes: \u201c{line}\u201d. The papers say nothing more about them."
                    )
                    return r.answer_of(q, "person", text, [d.meeting_item(e.kb, meeting)])
    return None


ITEM_FILLER = frozenset(
    content_words(
        "there any anything was were yet still happening on off at in "
        # "what papers are we getting at the april panel, roughly"
        "roughly approximately broadly generally getting receiving seeing expecting"
    )
)
OTHER_ASKS = frozenset({"count", "priorities", "resolution", "overdue", "due-soon", "undated", "stale", "history"})
NOT_ITEM_ATTRIBUTES = frozenset(
    {"contact", "email", "phone", "author", "signatory", "reference", "background", "recommendations", "pages"}
    | {"comments", "implications", "purpose", "apologies", "substitutes", "members", "venue", "time"}
)


PUBLIC_ASKS = lazy(
    r"\b(resident|residents|member of the public|members of the public|public|parent|parents|carer|carers|"
    r"inspect\w*|see|view|viewing|look at|get hold of|copy of|copies of|what number|who do|customer services?)\b"
)
# "which section of the local government act": the law a paragraph cites, not whom to contact
LAW_ASKED = lazy(r"\b(which|what) (section|part|act|law|legislation|statute|schedule)\b")


NEXT_MEETING_ASKED = lazy(
    r"\b(which|what) (\w+ ){0,2}(meeting|panel|committee) (comes|is|will be|came|was) (after|before|next after)\b"
)


_WHOM_TO_ASK = lazy(
    r"\bwho (?:do|does|can|could|should|would|will) (?:\w+ ){1,3}(?:ask|speak to|talk to|ring|call|contact)\b"
)


def item_at_meeting(q: Query, e: Engine) -> Answer | None:
    """An item asked about at a meeting the question names ("the FLAG update at the October panel", "is the
    residential homes update on in April"): that meeting's agenda item, or its work-programme item, or a
    standing item; "not sure" when the meeting has none of those - never the same-named item of another meeting.
    """
    if not ITEM_NAMED.search(q.folded) or q.attribute in NOT_ITEM_ATTRIBUTES or q.action_ids or q.people:
        return None
    if q.plan is not None or set(q.intents) & OTHER_ASKS:
        return None
    if NEXT_MEETING_ASKED.search(q.folded):
        return None  # "which panel meeting comes after the one on the 14th": a meeting, not an item of it
    if q.has("contact") and _WHOM_TO_ASK.search(q.folded):
        return None  # "i may need to declare an interest on the 14th - who do i talk to": whom to ask, not the item
    meeting = _named_meeting(q, e)
    if meeting is None:  # "the customer services number on the panel agenda": an agenda note, if one fits
        return agenda_note(q, e) or _no_meeting_then(q, e)
    # without a committee word ("progress on the HSB work in April 2020") the month may date something else:
    # answer only when that meeting has the item
    committee_named = bool(COMMITTEE_WORD.search(q.folded)) or q.committee is not None
    words = [w for w in _report_words(q, e) if w not in PRESENTER_WORDS and w not in MEETING_WORDS]
    words = [w for w in words if w not in WORK_WORDS and w not in _MONTH_NAMES and w not in LOOSE_WORDS]
    words = [w for w in words if w not in ORDINALS and w not in ITEM_FILLER]
    found = e.kb.committees[meeting.committee]
    # "item 9 at the january corporate parenting panel": the committee's own name names no item
    own = _own_words(found)
    words = [w for w in words if w not in own]
    if not words:  # "the customer services number on the panel agenda": an agenda note, if any, not an item
        return agenda_note(q, e)
    acronyms = committee_acronyms(e)
    title = d.meeting_title(e.kb, meeting)
    if meeting.agenda:
        scored = sorted(((_item_share(words, i, acronyms), -i.number, i) for i in meeting.agenda), key=lambda x: x[:2])
        share, _, item = scored[-1]
        tied = [i for x, _, i in scored if x == share]
        if share >= ITEM_MATCH and len(tied) == 1:
            return _item_there(q, e, meeting, item)
        if share >= ITEM_MATCH:  # "which items on 14 jan are verbal"
            text = f"{len(tied)} items on the {title} agenda match:"
            return r.answer_of(
                q, "agenda", text, [d.agenda_item(e.kb, meeting, i) for i in sorted(tied, key=lambda i: i.number)]
            )
    note = agenda_note(q, e)  # "the customer services number on the panel agenda for inspecting background papers"
    if note is not None:
        return note
    # the meeting's own work-programme items and the standing ones; the report nouns the question uses
    # ("update", "report") break ties ("the residential homes update" is the standing update, not the inspection
    # gradings of residential homes)
    pool = [w for w in found.work_programme if w.meeting == meeting.date or w.standing]
    nouns = set(re.findall(r"\b(update|report|review)s?\b", q.folded))
    ranked = sorted(
        ((_item_share(words, w, acronyms), len(nouns & set(fold(w.title).split())), w) for w in pool),
        key=lambda x: x[:2],
        reverse=True,
    )
    if ranked and ranked[0][0] >= ITEM_MATCH:
        best = ranked[0][2]
        if len(ranked) > 1 and ranked[1][:2] == ranked[0][:2]:
            near = [w.title for x, y, w in ranked if (x, y) == ranked[0][:2]]
            text = f"I'm not sure which you mean: {'; '.join(near)}."
            return r.answer_of(q, "not-sure", text, [d.work_item(e.kb, w) for *_, w in ranked[: len(near)]])
        if not (best.standing and meeting.agenda):  # a standing item missing from the agenda: say so below
            if best.standing:
                text = (
                    f"{best.title} is a standing item at every {found.name} meeting (work programme), so it is "
                    f"expected at the meeting on {day_words(meeting.date)}."
                )
                return r.answer_of(q, "work-item", text, [d.work_item(e.kb, best)])
            return about_work(q, e, best, _work_field(q))  # "... on the july panel - whose report is it": its sponsor
    if not committee_named:
        return None
    text = (
        f"I'm not sure: I could not find that on the {title} agenda."
        if meeting.agenda
        else f"I'm not sure: the work programme lists nothing like that for the {title} meeting."
    )
    shown = [d.meeting_item(e.kb, meeting)]
    elsewhere = find_doc(q, e)
    if elsewhere is not None and elsewhere[0] is not None and elsewhere[0] != meeting:
        other, doc = elsewhere
        assert isinstance(doc, AgendaItem)
        text += f" The closest is item {doc.number}, {doc.title}, at the {d.meeting_title(e.kb, other)} meeting."
        shown.append(d.agenda_item(e.kb, other, doc))
    return r.answer_of(q, "not-sure", text, shown)


def _no_meeting_then(q: Query, e: Engine) -> Answer | None:
    """ "the FLAG update at the October 2023 panel": a meeting named by a month and year the committee has no
    meeting in is not another year's meeting."""
    years = {int(y) for y in YEAR.findall(q.folded)}
    found = committee(q, e)
    if q.month is None or not years or found is None or not COMMITTEE_WORD.search(q.folded):
        return None
    if any(m.date.month == q.month and m.date.year in years for m in found.meetings):
        return None
    when = " or ".join(f"{dt.date(y, q.month, 1):%B %Y}" for y in sorted(years))
    text = f"I'm not sure: the knowledge base has no {found.name} meeting in {when}."
    return r.answer_of(q, "not-sure", text, [d.meeting_item(e.kb, m) for m in found.meetings if m.agenda][:2])


COMMITTEE_WORD = lazy(r"\b(panel|meeting|committee|agenda|cpp|corporate parenting)\b")
YEAR = lazy(r"\b((?:19|20)\d\d)\b")  # not "oct 24": that may be the 24th


def _named_meeting(q: Query, e: Engine) -> Meeting | None:
    """The meeting a question names: by month or day (in the year it names, if any), or as the last or next
    panel; None when it names none."""
    if q.month is not None or q.day_of_month is not None:
        meeting = pick_meeting(q, e, prefer_agenda=True)
        years = {int(y) for y in YEAR.findall(q.folded)}
        if meeting is not None and (q.month is None or meeting.date.month == q.month):
            return meeting if not years or meeting.date.year in years else None
        return None
    if re.search(r"\b(last|previous|latest|most recent) (\w+ ){0,2}(panel|meeting|committee)\b", q.folded):
        return pick_meeting(q, e, past=True)
    if re.search(r"\bnext (\w+ ){0,2}(panel|meeting|committee|agenda)\b", q.folded) and not re.search(
        r"\bwhen(s)?\b", q.folded
    ):  # (not "when's it next at panel": which meeting is asked)
        upcoming = [m for c in e.kb.committees.values() for m in c.meetings if m.date >= q.today]
        return min(upcoming, key=lambda m: m.date) if upcoming else None
    return None


# "what happened at the october panel on fostering", "what was discussed about CFH last meeting": the minutes
SAID_AT = lazy(
    r"\b(what happened|what was (said|discussed|raised)|discussed|what did (they|members|councillors|the panel|"
    r"the committee|the meeting) (say|discuss|hear|raise)|talked about|said about|raised about|"
    r"(did|does) (they|members|councillors|the panel|the committee|the meeting|anyone) (say|discuss|raise|mention) "
    r"(anything|much|something) (about|on|re))\b"
)
SAID_WORDS = frozenset(
    content_words(
        "what happened happen said say discussed discuss raised raise hear heard talked talk about they mention "
        "anything much something"
    )
)


def minutes_said(q: Query, e: Engine) -> Answer | None:
    """What a named meeting's minutes say of a thing: the paragraph of those minutes that carries its words;
    "not sure" when the papers hold no minutes of that meeting or the minutes say nothing of it."""
    if not SAID_AT.search(q.folded) or not (COMMITTEE_WORD.search(q.folded) or q.committee):
        return None
    found = committee(q, e)
    meeting = _named_meeting(q, e) or _meeting_on_days(q, e)
    if found is None or meeting is None:
        return None
    own = _own_words(found)
    words = set(q.topic_words) - SAID_WORDS - MEETING_WORDS - RESOLUTION_FILLER - DAY_WORDS - own - set(_MONTH_NAMES)
    words = {w for w in words if not YEAR.fullmatch(w)}
    title = d.meeting_title(e.kb, meeting)
    parts = minutes_parts(e, [meeting])
    if not parts:
        verb = "will be" if meeting.date >= q.today else "was"
        return r.answer_of(
            q,
            "not-sure",
            f"I'm not sure: the papers hold no minutes of the {title} meeting, so they do not say what {verb} said "
            "there.",
            [d.meeting_item(e.kb, meeting)],
        )
    index = e.passage_index
    if not words or index is None:
        return None
    from knowledge.answers_papers import passage_item

    need = max(1, len(words) - 1)
    hits = [h for h in index.search(" ".join(sorted(words)), limit=3, parts=parts) if len(set(h.matched)) >= need]
    if not hits:
        return r.answer_of(
            q,
            "not-sure",
            f"I'm not sure: the minutes of the {title} meeting say nothing I can match to "
            f"\u201c{' '.join(sorted(words))}\u201d.",
            [d.meeting_item(e.kb, meeting)],
        )
    best = max(hits, key=lambda h: (len(set(h.matched)), h.score))
    items = [passage_item(best.paper, passage, excerpt) for passage, excerpt in best.excerpt]
    cited = best.paper.cite(best.excerpt[0][0]) if best.excerpt else best.cite()
    return r.answer_of(q, "passage", f"The minutes of the {title} meeting say ({cited}):", items)


def _item_there(q: Query, e: Engine, meeting: Meeting, item: AgendaItem) -> Answer:
    """An agenda item at the meeting asked about: where it sat, who presented it and what was resolved."""
    title = d.meeting_title(e.kb, meeting)
    held = meeting.date < q.today
    text = f"Item {item.number}, {item.title}, {'was' if held else 'is'} on the {title} agenda."
    if item.presenters:
        text += f" It was presented by {' and '.join(e.kb.name_of(p) for p in item.presenters)}."
    resolved = [x for x in meeting.resolutions if x.item == item.number]
    if resolved:
        text += f" Resolved {resolved[0].id}: {resolved[0].text}"
    return r.answer_of(
        q, "agenda-item", text, [d.agenda_item(e.kb, meeting, item)], subject=agenda_subject(meeting, item)
    )
