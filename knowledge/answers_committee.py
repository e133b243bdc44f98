"""Answers about committees: meetings and their details, agendas, reports, the work programme, contacts,
chairs and resolutions."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from knowledge import describe as d
from knowledge import reply as r
from knowledge.answer import Answer, Item, Subject
from knowledge.dates import long_day
from knowledge.models import AgendaItem, Committee, Meeting, Role, WorkItem
from knowledge.text import content_words

if TYPE_CHECKING:
    from knowledge.engine import Engine
    from knowledge.query import Query

NO_REPORT = re.compile(r"\b(apologies|declarations|minutes|verbal|work programme|exclusion|any other business)\b", re.I)


def day_words(date: dt.date) -> str:
    return f"{date:%A} {date.day} {date:%B %Y}"


def agenda_subject(meeting: Meeting, item: AgendaItem) -> Subject:
    return Subject("agenda", (meeting.committee, meeting.date.isoformat(), str(item.number)))


def committee(q: Query, e: Engine) -> Committee | None:
    if q.committee:
        return e.kb.committees[q.committee]
    if len(e.kb.committees) == 1:
        return next(iter(e.kb.committees.values()))
    return None


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
    if detail in ("lead", "sponsor", "author"):
        sponsors = ", ".join(e.kb.name_of(s) for s in work.sponsors)
        text = (
            f"{work.title} is sponsored by {sponsors} (work programme)."
            if sponsors
            else f"The work programme names no sponsor for {work.title}."
        )
    elif work.standing:
        text = f"{work.title} is a standing item at every {name} meeting."
    elif work.meeting:
        text = f"{work.title} is due at the {name} meeting on {work.meeting.day} {work.meeting:%B %Y}."
    else:
        text = f"{work.title} has no meeting date in the work programme."
    return r.answer_of(q, "work-item", text, [item], subject=Subject("work", (work.committee, work.title)))


def about_agenda_item(q: Query, e: Engine, item: AgendaItem, meeting: Meeting | None, detail: str) -> Answer:
    if meeting is None:
        return r.answer_of(q, "not-found", "I could not place that agenda item.")
    if detail in ("contact", "email", "phone"):
        return contacts_for(q, e, meeting, item)
    if detail in ("author", "signatory", "reference", "background", "recommendations", "lead"):
        return report_detail(q, e, meeting, item, detail)
    shown = d.agenda_item(e.kb, meeting, item)
    text = f"{item.title} is item {item.number} at the {d.meeting_title(e.kb, meeting)} meeting."
    return r.answer_of(q, "agenda-item", text, [shown], subject=agenda_subject(meeting, item))


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
        papers = getattr(item, "background_papers", ())
        text = (
            f"Background papers for {where}: " + "; ".join(papers) + "."
            if papers
            else f"The knowledge base records no background papers for {where}."
        )
    elif detail == "recommendations":
        text = (
            f"Recommendations of {where}: " + " ".join(f"{n}) {rec}" for n, rec in enumerate(item.recommendations, 1))
            if item.recommendations
            else f"The knowledge base records no recommendations for {where}."
        )
    else:
        parts = []
        if item.signatory:
            signer = e.kb.name_of(item.signatory)
            parts.append(f"signed by {signer}" + (f", {item.report_of}" if item.report_of else ""))
        elif item.report_of:
            parts.append(f"a report of the {item.report_of}")
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
    """The agenda item the question names: by number at the meeting meant, else by its words.

    A report name resolves to the item with a written report (a reference or a contact) at the most
    relevant meeting, not to a same-named line in older minutes.
    """
    if q.agenda_number is not None:
        meeting = pick_meeting(q, e, prefer_agenda=True, want_reports=True)
        if meeting is None:
            return None
        try:
            return meeting, meeting.item(q.agenda_number)
        except KeyError:
            return None
    words = [w for w in q.topic_words if w not in REPORT_WORDS]
    hits = [h for h in r.search(q, e, words, limit=20) if isinstance(h.doc, AgendaItem)] if words else []
    if not hits:
        return subject_agenda(q, e) if not words else None
    best = hits[0].score
    close = [h for h in hits if h.score >= best - 0.1]
    close.sort(key=lambda h: (not (h.doc.reference or h.doc.contacts), -h.score, -(h.meeting.date.toordinal())))
    chosen = close[0]
    assert chosen.meeting is not None
    return chosen.meeting, chosen.doc


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
    ]
)


def report(q: Query, e: Engine) -> Answer | None:
    """Author, signatory, reference, background papers or recommendations of a report."""
    found = find_report(q, e)
    if found is None:
        work = _work_by_words(q, e)
        if work is not None:
            return about_work(q, e, work, "author")
        return None
    meeting, item = found
    if not (item.reference or item.contacts or item.signatory):
        work = _work_by_words(q, e)
        if work is not None:
            return about_work(q, e, work, "author")
    if NO_REPORT.search(item.title) and not (item.reference or item.contacts):
        text = (
            f"Item {item.number}, {item.title}, has no written report in the {d.meeting_title(e.kb, meeting)} papers."
        )
        return r.answer_of(q, "report", text, [d.agenda_item(e.kb, meeting, item)])
    return report_detail(q, e, meeting, item, q.attribute or "author")


def _work_by_words(q: Query, e: Engine) -> WorkItem | None:
    words = [w for w in q.topic_words if w not in REPORT_WORDS]
    hits = [h for h in r.search(q, e, words) if isinstance(h.doc, WorkItem)] if words else []
    return hits[0].doc if hits and hits[0].score >= 0.8 else None


def sponsor(q: Query, e: Engine) -> Answer | None:
    words = q.topic_words
    if not words:
        work = subject_work(q, e)
        return about_work(q, e, work, "sponsor") if work else None
    hits = [h for h in r.search(q, e, words) if isinstance(h.doc, WorkItem | AgendaItem)]
    if not hits:
        return None
    if isinstance(hits[0].doc, WorkItem):
        return about_work(q, e, hits[0].doc, "sponsor")
    return about_agenda_item(q, e, hits[0].doc, hits[0].meeting, "author")


def contact(q: Query, e: Engine) -> Answer | None:
    if q.agenda_number is not None:
        meeting = pick_meeting(q, e, prefer_agenda=True, want_reports=True)
        if meeting is None:
            return r.answer_of(q, "not-found", "I know of no meeting with numbered agenda items.")
        try:
            return contacts_for(q, e, meeting, meeting.item(q.agenda_number))
        except KeyError:
            return r.answer_of(
                q,
                "not-found",
                f"The {d.meeting_title(e.kb, meeting)} agenda has no item {q.agenda_number}.",
                suggestions=tuple(f"item {i.number}" for i in meeting.agenda),
            )
    if q.people:
        return person_contact(q, e, [pid for pid, _ in q.people[:3]])
    if re.search(
        r"\bdemocratic services?\b|\bclerk\b|\bcommittee officer\b|\bdeclar\w* (an |of )?interests?\b", q.folded
    ):
        return clerk(q, e)  # the agenda's notes: clarification on declaring an interest, the papers themselves
    found = find_report(q, e)
    if found is not None:
        return contacts_for(q, e, *found)
    return None


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
    return r.answer_of(q, "contact", text, [d.person_item(e.kb, person)], subject=Subject("person", (ref,)))


def contacts_for(q: Query, e: Engine, meeting: Meeting | None, item: AgendaItem) -> Answer:
    assert meeting is not None
    title = f"item {item.number}, {item.title}"
    subject = agenda_subject(meeting, item)
    if not item.contacts:
        return r.answer_of(q, "contact", f"The papers name no contact for {title}.", subject=subject)
    items = [d.person_item(e.kb, e.kb.people[p]) for p in item.contacts]
    names = ", ".join(e.kb.people[p].name for p in item.contacts)
    text = f"For enquiries about {title} ({d.meeting_title(e.kb, meeting)}), contact {names}."
    return r.answer_of(q, "contact", text, items, subject=subject)


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
    if q.agenda_number is not None or (q.topic_words and not _agenda_words_only(q)):
        found = find_report(q, e)
        if found is not None:
            return about_agenda_item(q, e, found[1], found[0], q.attribute or "summary")
        if q.agenda_number is None:
            return None
    meeting = pick_meeting(q, e, prefer_agenda=True)
    if meeting is None:
        return r.answer_of(q, "not-found", "I know of no meeting with that agenda.")
    if not meeting.agenda:
        return r.answer_of(
            q,
            "agenda",
            f"The documents give no agenda for the {d.meeting_title(e.kb, meeting)} meeting yet.",
            [d.meeting_item(e.kb, meeting)],
        )
    items = [d.agenda_item(e.kb, meeting, i) for i in meeting.agenda]
    return r.answer_of(q, "agenda", f"Agenda for {d.meeting_title(e.kb, meeting)}:", items)


def _agenda_words_only(q: Query) -> bool:
    return set(q.topic_words) <= {"agenda", "paper", "papers", "meeting", "panel", "next", "latest", "last"}


def chair(q: Query, e: Engine) -> Answer | None:
    """Who chairs a group named in the question (a role titled chair), else the committee's chair."""
    role = chair_role(q, e)
    if role is not None:
        items = [d.person_item(e.kb, e.kb.people[h.person]) for h in role.holders]
        if items:
            text = f"{role.title}: {', '.join(i.title for i in items)}."
        else:
            text = (
                f"The documents name no person as {role.title}; they say: \u201c{role.source.quote}\u201d "
                f"({e.kb.source_title(role.source)})."
            )
        return r.answer_of(q, "chair", text, items)
    others = set(q.topic_words) - CHAIR_WORDS - set(e.committee_words) - {"panel", "committee"}
    if others and not q.committee:
        return _chair_passage(q, e, others)
    found = committee(q, e)
    if found is None:
        return None
    chairs = [m for m in found.members if m.role and "chair" in m.role.lower()]
    if not chairs:
        return r.answer_of(q, "chair", f"The documents name no chair of the {found.name}.")
    names = ", ".join(e.kb.people[m.person].name for m in chairs)
    items = [d.person_item(e.kb, e.kb.people[m.person]) for m in chairs]
    return r.answer_of(q, "chair", f"The {found.name} is chaired by {names} ({chairs[0].role}).", items)


CHAIR_WORDS = frozenset({"chair", "chairman", "chairperson", "chairwoman", "chaired", "chairs", "who"})
# words that name a kind of group, not which group: "the neglect subgroup" is picked out by "neglect"
GROUP_WORDS = frozenset(
    {"group", "subgroup", "sub", "board", "panel", "committee", "partnership", "forum", "meeting", "council"}
)
WHO_CHAIRS = re.compile(r"^(who|whos|who s|who is|who will)\b.*\bchair")
_CHAIRED_THING = re.compile(r"\bchair(?:s|ed|ing|man|person|woman)?\s+(?:of\s+)?(?:the\s+)?(.+?)[\s?.!]*$", re.I)


def _chair_passage(q: Query, e: Engine, others: set[str]) -> Answer:
    """A passage that names the chair of the group asked about (every distinctive word of it), else "not sure"."""
    from knowledge.answers_papers import not_sure
    from knowledge.passages import plain

    found = e.passage_answer(q)
    if not WHO_CHAIRS.match(q.folded):
        return found  # "when did the QA subgroup chair change": not a question of who
    if found is not None and found.items:
        said = set(content_words(" ".join(plain(line) for i in found.items[:1] for line in i.lines)))
        distinctive = others - GROUP_WORDS
        missing = distinctive - said
        if len(missing) <= (1 if len(distinctive) >= 3 else 0) and said & {"chair", "chaired", "chairs"}:
            return found
    m = _CHAIRED_THING.search(q.raw)
    thing = m.group(1) if m else " ".join(sorted(others))
    unsure = not_sure(q, e)
    return replace(unsure, text=f"I'm not sure: the documents I have do not say who chairs the {thing}.")


def chair_role(q: Query, e: Engine) -> Role | None:
    """The chair role whose title or aliases share most of the question's other words."""
    wanted = set(q.topic_words) - {"chair", "chairman", "chairperson", "chairwoman", "chaired", "chairs"}
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
        score = len(wanted & named) / len(wanted)
        if score > best_score:
            best, best_score = role, score
    return best if best_score >= 0.5 else None


def resolution(q: Query, e: Engine) -> Answer | None:
    """Resolutions: by number ("2024/033"), by the item's words, else the latest meeting's."""
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
    elif q.month is not None:
        found = [(m, res) for m, res in resolutions if m.date.month == q.month]
        if not found:
            named = [m for m in found_committee.meetings if m.date.month == q.month]
            when = f"the {d.meeting_title(e.kb, named[0])} meeting" if named else f"a meeting in {q.window.words[3:]}"
            dates = sorted({m.date for m, _ in resolutions})
            return r.answer_of(
                q,
                "resolution",
                f"The knowledge base records no resolutions of {when}: the papers hold minutes only for "
                + ", ".join(f"{x.day} {x:%B %Y}" for x in dates)
                + ".",
            )
    else:
        words = set(q.topic_words) - {"resolve", "resolved", "resolution", "decide", "decided", "decision", "agree"}
        found = [
            (m, res)
            for m, res in resolutions
            if words and len(words & set(content_words(f"{res.title or ''} {res.text}"))) >= max(1, len(words) - 1)
        ]
        if not found:
            latest = max(m.date for m, _ in resolutions)
            found = [(m, res) for m, res in resolutions if m.date == latest]
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
    ]
)


def names_another_group(q: Query, e: Engine) -> bool:
    """The question names some group that is not a committee the knowledge base holds ("FLAG", "the CiCC")."""
    if q.committee:
        return False
    others = set(q.topic_words) - MEETING_WORDS - CHAIR_WORDS
    return bool(others)


def meeting(q: Query, e: Engine) -> Answer | None:
    found = committee(q, e)
    if found is None:
        return None
    if names_another_group(q, e) and q.attribute not in ("venue", "time", "apologies", "attendance", "members"):
        return e.passage_answer(q)
    if q.attribute in ("venue", "time", "apologies", "attendance", "members"):
        return meeting_detail(q, e)
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
    if q.month is not None:
        chosen = pick_meeting(q, e)
        if chosen is not None and chosen.date.month == q.month:
            return r.answer_of(
                q,
                "meeting",
                f"The {found.name} meets on {day_words(chosen.date)}.",
                [d.meeting_item(e.kb, chosen)],
            )
    upcoming = [m for m in found.meetings if m.date >= q.today]
    if upcoming:
        m = upcoming[0]
        text = f"The {found.name} next meets on {day_words(m.date)}."
        return r.answer_of(q, "meeting", text, [d.meeting_item(e.kb, x) for x in upcoming[:3]])
    last = found.meetings[-1] if found.meetings else None
    text = f"The knowledge base has no {found.name} meeting after {long_day(q.today)}."
    if last:
        text += f" The last one it knows of was on {last.date.day} {last.date:%B %Y}."
    return r.answer_of(q, "meeting", text, [d.meeting_item(e.kb, last)] if last else [])


def meeting_detail(q: Query, e: Engine) -> Answer | None:
    """Time, venue, apologies, attendance or membership of the meeting the question means."""
    if q.attribute == "venue" and not (q.committee or re.search(r"\b(meeting|meet|venue|held)\b", q.folded)):
        return None
    looks_back = q.attribute in ("apologies", "attendance", "substitutes")
    chosen = pick_meeting(q, e, past=looks_back)
    if chosen is None:
        return None
    title = d.meeting_title(e.kb, chosen)
    item = d.meeting_item(e.kb, chosen)
    if q.attribute == "time" and re.search(r"\b(finish|finished|end|ended|close|closed)\b", q.folded):
        found = e.passage_answer(q)
        return found or r.answer_of(
            q, "meeting", f"The knowledge base records only the start time of the {title} meeting.", [item]
        )
    if q.attribute == "time":
        text = (
            f"The {title} meeting starts at {chosen.time}."
            if chosen.time
            else f"The papers give no start time for the {title} meeting."
        )
        return r.answer_of(q, "meeting", text, [item])
    if q.attribute == "venue":
        text = (
            f"The {title} meeting is at {chosen.venue}."
            if chosen.venue
            else f"The papers give no venue for the {title} meeting."
        )
        return r.answer_of(q, "meeting", text, [item])
    found = e.kb.committees[chosen.committee]
    if q.attribute == "members" and not re.search(r"\b(attend|present|there|came)\b", q.folded):
        names = [
            f"{e.kb.name_of(m.person)}" + (f" ({m.role})" if m.role and m.role != "Member" else "")
            for m in found.members
        ]
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
        return r.answer_of(q, q.attribute if q.attribute == "apologies" else "attendance", text, [item])
    lines = []
    for label, refs in (("Members", att.members), ("Substitutes", att.substitutes), ("Officers", att.officers)):
        if refs:
            lines.append(f"{label}: {', '.join(e.kb.name_of(p) for p in refs)}")
    if att.others:
        lines.append(f"Also in attendance: {', '.join(att.others)}")
    if att.apologies:
        lines.append(f"Apologies: {', '.join(e.kb.name_of(p) for p in att.apologies)}")
    return r.answer_of(
        q,
        "attendance",
        f"Attendance at the {title} meeting:",
        [Item("attendance", title, tuple(lines), {}, chosen.source)],
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
    ]
)


def found_committee_name(e: Engine, meeting: Meeting) -> str:
    return e.kb.committees[meeting.committee].name


def work_programme(q: Query, e: Engine) -> Answer | None:
    """Work-programme items: for a month, a season, a meeting, or all of them."""
    found = committee(q, e)
    if found is None:
        return None
    items = [w for w in found.work_programme if not w.standing]
    scope = ""
    if q.person:
        mine = [w for w in found.work_programme if q.person in w.sponsors]
        name = e.kb.people[q.person].name
        if not mine:
            return r.answer_of(q, "work-programme", f"The {found.name} work programme names {name} on no item.")
        text = f"{name} is named on {len(mine)} {found.name} work-programme item{'s' if len(mine) != 1 else ''}:"
        return r.answer_of(q, "work-programme", text, [d.work_item(e.kb, w) for w in mine])
    if set(q.topic_words) - WORK_WORDS:  # a named item: its date, or where it last was
        named = _work_by_words(q, e)
        if named is not None:
            return about_work(q, e, named, "due")
        report_item = find_report(q, e)
        if report_item is not None:
            meeting, item = report_item
            text = (
                f"The {found_committee_name(e, meeting)} work programme has no date for that; the nearest is item "
                f"{item.number}, {item.title}, at the {d.meeting_title(e.kb, meeting)} meeting."
            )
            return r.answer_of(q, "work-programme", text, [d.agenda_item(e.kb, meeting, item)])
    if q.window is not None:
        items = [w for w in items if w.meeting and q.window.start <= w.meeting <= q.window.end]
        scope = f" {q.window.words}"
    else:
        upcoming = sorted({w.meeting for w in items if w.meeting and w.meeting >= q.today})
        if re.search(r"\bnext\b", q.folded) and upcoming:
            items = [w for w in items if w.meeting == upcoming[0]]
            scope = f" for the meeting on {upcoming[0].day} {upcoming[0]:%B %Y}"
    standing = [w for w in found.work_programme if w.standing]
    if re.search(r"\bstanding\b", q.folded):
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


def pick_meeting(
    q: Query, e: Engine, prefer_agenda: bool = False, want_reports: bool = False, past: bool = False
) -> Meeting | None:
    """The meeting a question means: a named month, else the next (with an agenda if asked), else the latest."""
    found = committee(q, e)
    meetings = list(found.meetings) if found else [m for c in e.kb.committees.values() for m in c.meetings]
    if not meetings:
        return None
    if q.month is not None or q.day_of_month is not None:
        named = [
            m
            for m in meetings
            if (q.month is None or m.date.month == q.month) and (q.day_of_month in (None, m.date.day))
        ]
        if named:
            return min(named, key=lambda m: (not m.agenda if prefer_agenda else 0, abs((m.date - q.today).days)))
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
