"""Answers about committees: meetings, agendas, the work programme, contacts, chairs and resolutions."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from knowledge import describe as d
from knowledge.answer import Answer, Item
from knowledge.dates import long_day
from knowledge.intents import AGENDA_NO
from knowledge.models import AgendaItem, Committee, Meeting, Role, WorkItem
from knowledge.text import content_words
from knowledge.turn_base import TurnBase


class CommitteeAnswers(TurnBase):
    """Answers about committees."""

    def _subject_work(self) -> WorkItem | None:
        if self.subject and self.subject[0] == "work" and self.subject[1] in self.kb.committees:
            for work in self.kb.committees[self.subject[1]].work_programme:
                if work.title == self.subject[2]:
                    return work
        return None

    def _subject_agenda(self) -> tuple[Meeting, AgendaItem] | None:
        if self.subject and self.subject[0] == "agenda" and self.subject[1] in self.kb.committees:
            try:
                meeting = self.kb.committees[self.subject[1]].meeting(dt.date.fromisoformat(self.subject[2]))
                return meeting, meeting.item(int(self.subject[3]))
            except (KeyError, ValueError):
                return None
        return None

    def about_work(self, work: WorkItem, detail: str) -> Answer:
        item = d.work_item(self.kb, work)
        subject = ("work", work.committee, work.title)
        committee = self.kb.committees[work.committee].name
        if detail in ("lead", "sponsor"):
            sponsors = ", ".join(self.kb.name_of(s) for s in work.sponsors)
            text = (
                f"{work.title} is sponsored by {sponsors}."
                if sponsors
                else f"The work programme names no sponsor for {work.title}."
            )
        elif work.standing:
            text = f"{work.title} is a standing item at every {committee} meeting."
        elif work.meeting:
            text = f"{work.title} is due at the {committee} meeting on {work.meeting.day} {work.meeting:%B %Y}."
        else:
            text = f"{work.title} has no meeting date in the work programme."
        return self.answer_of("work-item", text, [item], subject=subject)

    def about_agenda_item(self, item: AgendaItem, meeting: Meeting | None, detail: str) -> Answer:
        if meeting is None:
            return self.answer_of("not-found", "I could not place that agenda item.")
        if detail == "contact":
            return self.contacts_for(meeting, item)
        shown = d.agenda_item(self.kb, meeting, item)
        text = f"{item.title} is item {item.number} at the {d.meeting_title(self.kb, meeting)} meeting."
        if detail == "lead" and item.signatory:
            text += f" Report signed by {self.kb.name_of(item.signatory)}."
        subject = ("agenda", meeting.committee, meeting.date.isoformat(), str(item.number))
        return self.answer_of("agenda-item", text, [shown], subject=subject)

    def on_sponsor(self) -> Answer | None:
        words = self.topic_words()
        if not words:
            return self.follow_up("sponsor")
        hits = [h for h in self.search(words) if isinstance(h.doc, WorkItem | AgendaItem)]
        if not hits:
            return None
        if isinstance(hits[0].doc, WorkItem):
            return self.about_work(hits[0].doc, "sponsor")
        return self.about_agenda_item(hits[0].doc, hits[0].meeting, "lead")

    def on_contact(self) -> Answer | None:
        number = AGENDA_NO.search(self.folded)
        if number:
            meeting = self.pick_meeting(prefer_agenda=True, want_reports=True)
            if meeting is None:
                return self.answer_of("not-found", "I know of no meeting with numbered agenda items.")
            try:
                return self.contacts_for(meeting, meeting.item(int(number.group(1))))
            except KeyError:
                return self.answer_of(
                    "not-found",
                    f"The {d.meeting_title(self.kb, meeting)} agenda has no item {number.group(1)}.",
                    suggestions=tuple(f"item {i.number}" for i in meeting.agenda),
                )
        people = self.people
        if people:
            return self.person_contact([pid for pid, _ in people[:3]])
        words = self.topic_words()
        hits = [h for h in self.search(words) if isinstance(h.doc, AgendaItem)] if words else []
        if hits:
            return self.contacts_for(hits[0].meeting, hits[0].doc)
        if not words and self.subject:
            found = self._subject_agenda()
            if found:
                return self.contacts_for(*found)
        return None

    def contacts_for(self, meeting: Meeting | None, item: AgendaItem) -> Answer:
        assert meeting is not None
        title = f"item {item.number}, {item.title}"
        subject = ("agenda", meeting.committee, meeting.date.isoformat(), str(item.number))
        if not item.contacts:
            return self.answer_of("contact", f"The papers name no contact for {title}.", subject=subject)
        items = [d.person_item(self.kb, self.kb.people[p]) for p in item.contacts]
        names = ", ".join(self.kb.people[p].name for p in item.contacts)
        text = f"For enquiries about {title} ({d.meeting_title(self.kb, meeting)}), contact {names}."
        return self.answer_of("contact", text, items, subject=subject)

    def person_contact(self, person_ids: list[str]) -> Answer:
        items = [d.person_item(self.kb, self.kb.people[p]) for p in person_ids[:1]]
        person = self.kb.people[person_ids[0]]
        missing = [k for k, v in (("email", person.email), ("phone number", person.phone)) if not v]
        text = f"Contact details for {person.name}."
        if missing:
            text += f" The documents give no {' or '.join(missing)} for {person.name}."
        return self.answer_of("contact", text, items, subject=("person", person.id))

    def on_agenda(self) -> Answer | None:
        meeting = self.pick_meeting(prefer_agenda=True)
        if meeting is None:
            return self.answer_of("not-found", "I know of no meeting with that agenda.")
        if not meeting.agenda:
            return self.answer_of(
                "agenda",
                f"The documents give no agenda for the {d.meeting_title(self.kb, meeting)} meeting yet.",
                [d.meeting_item(self.kb, meeting)],
            )
        items = [d.agenda_item(self.kb, meeting, i) for i in meeting.agenda]
        return self.answer_of("agenda", f"Agenda for {d.meeting_title(self.kb, meeting)}:", items)

    def on_chair(self) -> Answer | None:
        """Who chairs a group named in the question (a role titled chair), else the committee's chair."""
        role = self.chair_role()
        if role is not None:
            items = [d.person_item(self.kb, self.kb.people[h.person]) for h in role.holders]
            text = (
                f"{role.title}: {', '.join(i.title for i in items)}."
                if items
                else f"The documents name no holder of {role.title}."
            )
            return self.answer_of("chair", text, items)
        committee = self.committee()
        if committee is None:
            return None
        chairs = [m for m in committee.members if m.role and "chair" in m.role.lower()]
        if not chairs:
            return self.answer_of("chair", f"The documents name no chair of the {committee.name}.")
        names = ", ".join(self.kb.people[m.person].name for m in chairs)
        items = [d.person_item(self.kb, self.kb.people[m.person]) for m in chairs]
        return self.answer_of("chair", f"The {committee.name} is chaired by {names} ({chairs[0].role}).", items)

    def chair_role(self) -> Role | None:
        """The chair role whose title or aliases share most of the question's other words."""
        wanted = set(self.topic_words()) - {"chair", "chairman", "chairperson", "chairwoman", "chaired"}
        if not wanted:
            return None
        best, best_score = None, 0.0
        for role in self.kb.roles.values():
            names = (role.title, *role.aliases)
            if not any("chair" in n.lower() for n in names):
                continue
            score = len(wanted & set(content_words(" ".join(names)))) / len(wanted)
            if score > best_score:
                best, best_score = role, score
        return best if best_score >= 0.5 else None

    def on_resolution(self) -> Answer | None:
        """Resolutions: by number ("2024/033"), by the item's words, else the latest meeting's."""
        committee = self.committee()
        if committee is None:
            return None
        resolutions = [(m, r) for m in committee.meetings for r in m.resolutions]
        if not resolutions:
            return self.answer_of("resolution", f"The documents record no resolutions of the {committee.name}.")
        number = re.search(r"\b(\d{4})\s*/\s*(\d{3})\b", self.raw)
        if number:
            wanted = f"{number.group(1)}/{number.group(2)}"
            found = [(m, r) for m, r in resolutions if r.id == wanted]
            if not found:
                ids = tuple(r.id for _, r in resolutions)
                return self.answer_of("not-found", f"There is no resolution {wanted}.", suggestions=ids[:10])
        else:
            words = set(self.topic_words()) - {"resolve", "resolved", "resolution", "decide", "decided", "decision"}
            found = [
                (m, r) for m, r in resolutions if words and words <= set(content_words(f"{r.title or ''} {r.text}"))
            ]
            if not found:
                latest = max(m.date for m, _ in resolutions)
                found = [(m, r) for m, r in resolutions if m.date == latest]
        items = [
            Item(
                "resolution",
                f"Resolved {r.id}" + (f" (item {r.item}: {r.title})" if r.item else ""),
                (r.text, f"{d.meeting_title(self.kb, m)} meeting"),
                {"id": r.id},
                r.source,
            )
            for m, r in found
        ]
        head = found[0][0]
        text = (
            f"Resolution {found[0][1].id}: {found[0][1].text}"
            if len(found) == 1
            else f"{len(found)} resolutions of the {d.meeting_title(self.kb, head)} meeting:"
        )
        return self.answer_of("resolution", text, items)

    def on_meeting(self) -> Answer | None:
        committee = self.committee()
        if committee is None:
            return None
        month = self.month_named()
        if month is not None:
            meeting = self.pick_meeting()
            if meeting is not None:
                return self.answer_of(
                    "meeting",
                    f"The {committee.name} meets on {meeting.date:%A} {meeting.date.day} {meeting.date:%B %Y}.",
                    [d.meeting_item(self.kb, meeting)],
                )
        upcoming = [m for m in committee.meetings if m.date >= self.today]
        if upcoming:
            m = upcoming[0]
            text = f"The {committee.name} next meets on {m.date:%A} {m.date.day} {m.date:%B %Y}."
            return self.answer_of("meeting", text, [d.meeting_item(self.kb, x) for x in upcoming[:3]])
        last = committee.meetings[-1] if committee.meetings else None
        text = f"The knowledge base has no {committee.name} meeting after {long_day(self.today)}."
        if last:
            text += f" The last one it knows of was on {last.date.day} {last.date:%B %Y}."
        return self.answer_of("meeting", text, [d.meeting_item(self.kb, last)] if last else [])

    def committee(self) -> Committee | None:
        for phrase, cid in self.e.committee_words.items():
            if phrase in self.folded:
                return self.kb.committees[cid]
        if len(self.kb.committees) == 1:
            return next(iter(self.kb.committees.values()))
        return None

    def month_named(self) -> int | None:
        for i in range(1, 13):
            if re.search(rf"\b({calendar.month_name[i].lower()}|{calendar.month_abbr[i].lower()})\b", self.folded):
                return i
        return None

    def pick_meeting(self, prefer_agenda: bool = False, want_reports: bool = False) -> Meeting | None:
        """The meeting a question means: a named month, else the next (with an agenda if asked), else the latest."""
        committee = self.committee()
        meetings = (
            list(committee.meetings) if committee else [m for c in self.kb.committees.values() for m in c.meetings]
        )
        if not meetings:
            return None
        month = self.month_named()
        if month is not None:
            named = [m for m in meetings if m.date.month == month]
            if named:
                return min(named, key=lambda m: (not m.agenda if prefer_agenda else 0, abs((m.date - self.today).days)))
        if want_reports:
            with_reports = [m for m in meetings if any(i.contacts for i in m.agenda)]
            meetings = with_reports or meetings
        if prefer_agenda:
            with_agenda = [m for m in meetings if m.agenda]
            meetings = with_agenda or meetings
        upcoming = [m for m in meetings if m.date >= self.today]
        return upcoming[0] if upcoming else meetings[-1]
