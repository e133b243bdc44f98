"""The answering engine: intent rules plus fuzzy entity resolution, returning an Answer."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property

from knowledge import describe as d
from knowledge import facts
from knowledge.answer import Answer, Item
from knowledge.dates import today_in_london
from knowledge.index import ActionIdIndex, Hit, NameIndex, TopicIndex
from knowledge.models import Action, AgendaItem, Committee, KnowledgeBase, Meeting, Plan, Role, Update, WorkItem
from knowledge.text import STOPWORDS, content_words, fold, id_key

MAX_QUESTION = 2000
DUE_SOON_DAYS = 30

HELP_EXAMPLES = (
    "who leads action 7a?",
    "what is the status of County Action 12?",
    "when is action 6 due?",
    "what is overdue in the county plan?",
    "what is due in the next 60 days?",
    "what does Pam Rosseter lead?",
    "actions on harmful sexual behaviour",
    "when does the panel next meet?",
    "what's on the agenda for the January panel?",
    "when is the care leavers report due?",
    "who is the contact for the managing allegations report?",
    "what is Jenny Whiston's email?",
)


@dataclass(frozen=True)
class Audience:
    """Who is asking and where, for plan visibility. None of these set: a local operator."""

    channel: str | None = None
    person: str | None = None
    is_dm: bool = False


def _rx(*alternatives: str) -> re.Pattern[str]:
    """A pattern matching any of the alternatives as whole words."""
    return re.compile(r"\b(" + "|".join(alternatives) + r")\b")


INTENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("help", re.compile(r"^(help|\?|hi|hello|commands|what can you (do|answer)|how do i use)\b")),
    ("history", _rx("history", "audit", "who changed", "changes to")),
    (
        "contact",
        _rx("contact", "email", "e mail", "phone", "telephone", "number for", "call", "get in touch", "enquiries"),
    ),
    ("agenda", _rx("agenda", "on the papers")),
    (
        "resolution",
        _rx(
            "resolve",
            "resolved",
            "resolution",
            "resolutions",
            "decide",
            "decided",
            "decision",
            "decisions",
            r"\d{4} \d{3}",
        ),
    ),
    ("chair", _rx("chair", "chairs", "chaired", "chairman", "chairperson", "chairwoman")),
    (
        "meeting",
        _rx(
            "next meet",
            "meet next",
            "meeting",
            "meets",
            r"when does the \w+ meet",
            r"next (\w+ ){0,3}(panel|committee|board)",
            r"when is the (\w+ ){0,3}(panel|committee)",
        ),
    ),
    ("sponsor", _rx("sponsor", "sponsors", "sponsored", "author", "presenting", "who presents")),
    ("overdue", _rx("overdue", "late", "behind", "past due", "missed", "slipped", "outstanding")),
    (
        "due-soon",
        _rx(
            "due soon",
            "coming up",
            "upcoming",
            "this month",
            "next month",
            "this week",
            r"next (few )?(\d+ )?(days?|weeks?|months?)",
        ),
    ),
    ("stale", _rx("stale", "no updates?", "not (been )?updated", "gone quiet", "without (an )?update")),
    (
        "lead",
        _rx(
            r"who (leads|is leading|is the lead|owns|is responsible|s responsible|is accountable)",
            r"who (is|s) in charge",
            "in charge of",
            "lead (for|of|on)",
            "responsible for",
            "owner of",
            "who is on",
        ),
    ),
    ("due", _rx("when", "due", "deadline", "timescale", "timeline", "date", "by when")),
    (
        "status",
        _rx(
            "status",
            "progress",
            "update",
            "how is",
            "how are",
            "where are we",
            "done",
            "complete",
            "finished",
            "latest",
        ),
    ),
    (
        "portfolio",
        _rx(
            r"what (does|do|is|are|has)\b.*\b(lead|leading|on|down for|responsible for|got|own|doing)",
            "portfolio",
            "actions for",
            "actions of",
            "workload",
        ),
    ),
    ("topic", _rx("actions? (on|about|for|re|regarding)", "anything (on|about)", "about", "search", "find")),
)
_ACTION_WORD_ID = re.compile(r"\baction\s*(?:no\.?\s*)?([a-z]{0,4}\s?\d{1,3}(?:\.\d{1,2})?(?:\s?[a-z](?![a-z]))?)")
_BARE_ID = re.compile(r"(?<![\w/.])([a-z]{0,4}\d{1,3}(?:\.\d{1,2})?[a-z]?)(?![\w/])")
_AGENDA_NO = re.compile(r"\b(?:agenda )?item\s*(?:no\.?\s*)?(\d{1,2})\b")
_DAYS = re.compile(r"next (\d{1,3}) (day|week|month)s?")
_NAMED = re.compile(
    r"\bwhat (?:does|do|is|are|has) ([a-z][a-z ]+?) (?:lead|leading|on|down for|got|responsible for|own|doing)\b"
)
_PRONOUN = re.compile(r"\b(it|that|this|its|them|those)\b")


class Engine:
    """Answers questions about one knowledge base. Build once; `ask` does no I/O."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.ids = ActionIdIndex(kb)
        self.names = NameIndex(kb)
        self.topics = TopicIndex(kb)
        self.by_lead: dict[str, list[Action]] = {}
        for action in kb.actions():
            for ref in action.leads:
                self.by_lead.setdefault(ref, []).append(action)
        self.plan_words = self._plan_words(kb)
        self.longest_plan_phrase = max((len(p.split()) for p in self.plan_words), default=0)
        self.committee_words = {fold(alias): c.id for c in kb.committees.values() for alias in (c.name, *c.aliases)}

    @staticmethod
    def _plan_words(kb: KnowledgeBase) -> dict[str, str]:
        """Words and phrases that pick out one plan: its id, its short names, and their distinctive words.

        A word shared by several plans goes to the plan whose first (main) short name has it, if just one
        does: "city" means the "city plan", even though the business plan is also a "city business plan".
        """
        ignore = {"iicsa", "the", "council", "nottingham", "action", "plan"}
        phrases: dict[str, set[str]] = {}
        main: dict[str, set[str]] = {}
        for plan in kb.plans.values():
            names = [fold(n) for n in (plan.id.replace("-", " "), *plan.short_names)]
            for name in names:
                phrases.setdefault(name, set()).add(plan.id)
                for word in name.split():
                    if word not in STOPWORDS and word not in ignore:
                        phrases.setdefault(word, set()).add(plan.id)
            for word in fold(plan.short_names[0] if plan.short_names else plan.title).split():
                main.setdefault(word, set()).add(plan.id)
        out = {}
        for phrase, ids in phrases.items():
            if len(ids) == 1:
                out[phrase] = next(iter(ids))
            elif len(main.get(phrase, set()) & ids) == 1:
                out[phrase] = next(iter(main[phrase] & ids))
        return out

    # -- entry point ------------------------------------------------------------------------
    def ask(
        self,
        question: str,
        today: dt.date | None = None,
        audience: Audience | None = None,
        subject: tuple[str, ...] | None = None,
    ) -> Answer:
        """Answer one question. Never raises on any text."""
        today = today or today_in_london()
        raw = _clean(question)
        if not raw:
            return self.help("Ask me about action plans, leads, deadlines and meetings.")
        if len(question) > MAX_QUESTION:
            return Answer(
                "too-long",
                f"That question is {len(question):,} characters; please ask in under "
                f"{MAX_QUESTION:,} (one question at a time).",
                suggestions=HELP_EXAMPLES[:3],
            )
        return _Turn(self, raw, today, audience, subject).answer()

    def help(self, intro: str = "Here is what I can answer.") -> Answer:
        lines = tuple(f"\u2022 {q}" for q in HELP_EXAMPLES)
        return Answer(
            "help",
            intro,
            (Item("help", "Try asking", lines),),
            notes=("Typos are fine. Add a plan name (city, county, TCE, business plan) to narrow an answer.",),
        )

    # -- visibility -------------------------------------------------------------------------
    def visible(self, plan_id: str, audience: Audience | None) -> bool:
        plan = self.kb.plans[plan_id]
        if audience is None or not plan.visibility.restricted:
            return True
        if audience.channel and audience.channel in plan.visibility.channels and not audience.is_dm:
            return True
        return audience.is_dm and audience.person is not None and audience.person in plan.visibility.people


class _Turn:
    """One question being answered: the parsed question and the intent handlers."""

    def __init__(
        self, engine: Engine, raw: str, today: dt.date, audience: Audience | None, subject: tuple[str, ...] | None
    ) -> None:
        self.e, self.kb, self.today, self.audience, self.subject = engine, engine.kb, today, audience, subject
        self.raw = raw
        self.lower = raw.lower().replace("’", "'")
        self.folded = fold(raw)
        self.hidden = [p.id for p in self.kb.plans.values() if not engine.visible(p.id, audience)]
        self.plan_scope = self._plan_scope()

    # -- parsing ----------------------------------------------------------------------------
    def _plan_scope(self) -> str | None:
        """The plan the question names, longest phrase first ("city business plan" before "city")."""
        tokens = self.folded.split()
        for size in range(min(self.e.longest_plan_phrase, len(tokens)), 0, -1):
            for i in range(len(tokens) - size + 1):
                plan_id = self.e.plan_words.get(" ".join(tokens[i : i + size]))
                if plan_id is not None:
                    return plan_id if plan_id not in self.hidden else None
        return None

    @cached_property
    def people(self) -> list[tuple[str, float]]:
        """People named in the question, best match first."""
        return self.e.names.people_in(self.folded)

    @cached_property
    def roles(self) -> list[tuple[str, float]]:
        """Roles named in the question, best match first."""
        return self.e.names.roles_in(self.folded)

    def intents(self) -> list[str]:
        return [name for name, rx in INTENTS if rx.search(self.folded)]

    def action_ids(self) -> list[str]:
        """Action-id keys the question names: after "action", or bare ids like 7a / P1.2."""
        keys = [id_key(m.group(1)) for m in _ACTION_WORD_ID.finditer(self.lower)]
        for m in _BARE_ID.finditer(self.lower):
            token = id_key(m.group(1))
            if token in keys or token.isdigit():
                continue
            if any(ch.isalpha() for ch in token) and (self.e.ids.find(token) or self.e.ids.family(token)):
                keys.append(token)
        return list(dict.fromkeys(k for k in keys if k))

    def topic_words(self) -> list[str]:
        drop = set(self.e.plan_words) | {
            "panel",
            "committee",
            "meeting",
            "overdue",
            "soon",
            "week",
            "weeks",
            "month",
            "day",
            "days",
            "next",
            "sponsor",
            "contact",
            "email",
            "phone",
        }
        return [w for w in content_words(self.raw) if w not in drop and not re.fullmatch(r"[a-z]{0,4}\d+[a-z]?", w)]

    def visible_actions(self, actions: list[Action]) -> list[Action]:
        out = [a for a in actions if a.plan not in self.hidden]
        if self.plan_scope:
            scoped = [a for a in out if a.plan == self.plan_scope]
            return scoped or ([] if out else out)
        return out

    def notes(self) -> tuple[str, ...]:
        if self.hidden:
            return ("Some plans are restricted and are not shown in this conversation.",)
        return ()

    def answer_of(
        self,
        kind: str,
        text: str,
        items: list[Item] | tuple[Item, ...] = (),
        *,
        suggestions: tuple[str, ...] = (),
        notes: tuple[str, ...] = (),
        subject: tuple[str, ...] | None = None,
    ) -> Answer:
        return Answer(kind, text, tuple(items), suggestions, notes + self.notes(), subject)

    # -- dispatch ---------------------------------------------------------------------------
    def answer(self) -> Answer:
        intents = self.intents()
        ids = self.action_ids()
        first = intents[0] if intents else None
        if first == "help" and len(self.folded.split()) <= 4:
            return self.e.help()
        if "history" in intents and (ids or self.subject):
            return self.history(ids)
        if ids and not ({"contact", "agenda"} & set(intents)):
            detail = next((i for i in intents if i in ("lead", "due", "status")), "summary")
            return self.about_actions(ids, detail)
        for intent in intents:
            handler = getattr(self, "on_" + intent.replace("-", "_"), None)
            if handler is None:
                continue
            result = handler()
            if result is not None:
                return result
        return self.fallback()

    # -- actions by id ----------------------------------------------------------------------
    def about_actions(self, keys: list[str], detail: str) -> Answer:
        items: list[Item] = []
        missing: list[str] = []
        plans_named: set[str] = set()
        for key in keys:
            found = self.visible_actions(self.e.ids.find(key))
            family = self.visible_actions(self.e.ids.family(key))
            if not found and family:
                found = family
            elif found and family and not self.plan_scope:
                found = found + family
            if not found:
                missing.append(key)
                continue
            plans_named.update(a.plan for a in found)
            items += [d.action_item(self.kb, a, self.today, detail) for a in found]
        if not items:
            return self.no_action(missing)
        head = {"lead": "Lead", "due": "Timescale", "status": "Status"}.get(detail, "Action")
        if len(plans_named) > 1:
            text = (
                f"Action {', '.join(keys)} appears in {len(plans_named)} plans: "
                f"{', '.join(d.plan_label(self.kb, p) for p in sorted(plans_named))}. "
                "Here is each; name the plan to narrow it."
            )
        elif len(items) == 1 and detail == "summary":
            f = items[0].fields
            due = f"due {f['due']}" if f["due"] else "no due date stated"
            text = f"{items[0].title}: lead {f['lead']}; {due}; {f['status']}."
        elif len(items) == 1:
            text = f"{head} of {items[0].title}: " + self._headline(items[0], detail)
        else:
            text = f"{head} of {len(items)} actions:"
        notes = tuple(f"No action {k} in any plan." for k in missing)
        subject = ("action", *items[0].ref) if len(items) == 1 and items[0].ref else None
        return self.answer_of(detail if detail != "summary" else "action", text, items, notes=notes, subject=subject)

    def _headline(self, item: Item, detail: str) -> str:
        if detail == "lead":
            return item.fields["lead"] + "."
        if detail == "due":
            due = item.fields["due"]
            ts = item.fields["timescale"]
            core = f"due {due}" if due else "no due date stated"
            return f"{core} ({ts})." if ts else core + "."
        return item.fields["status"] + "."

    def no_action(self, missing: list[str]) -> Answer:
        key = missing[0] if missing else "?"
        scope = f" in {d.plan_label(self.kb, self.plan_scope)}" if self.plan_scope else " in any plan"
        near = [k for k in self.e.ids.near(key) if self.visible_actions(self.e.ids.find(k))]
        suggestions = tuple(f"action {k}" for k in near[:5])
        return self.answer_of("not-found", f"There is no action {key}{scope}.", suggestions=suggestions)

    def history(self, keys: list[str]) -> Answer:
        actions = [a for k in keys for a in self.visible_actions(self.e.ids.find(k))] or self._subject_actions()
        if not actions:
            return self.no_action(keys)
        items = []
        for a in actions:
            lines = [_history_line(self.kb, u) for u in a.updates] or ["No updates recorded."]
            items.append(
                Item(
                    "history",
                    d.action_label(self.kb, a),
                    tuple(lines),
                    {"plan": a.plan, "action": a.id},
                    a.source,
                    (a.plan, a.id),
                )
            )
        return self.answer_of("history", f"History of {items[0].title}:" if len(items) == 1 else "History:", items)

    def _subject_actions(self) -> list[Action]:
        if self.subject and self.subject[0] == "action" and self.subject[1] in self.kb.plans:
            plan = self.kb.plans[self.subject[1]]
            try:
                return self.visible_actions([plan.action(self.subject[2])])
            except KeyError:
                return []
        return []

    # -- intents ----------------------------------------------------------------------------
    def on_lead(self) -> Answer | None:
        return self.about_topic("lead")

    def on_due(self) -> Answer | None:
        return self.about_topic("due")

    def on_status(self) -> Answer | None:
        return self.about_topic("status")

    def about_topic(self, detail: str) -> Answer | None:
        """Lead / due / status of something named by words: an action, a report, a work item."""
        words = self.topic_words()
        if not words and _PRONOUN.search(self.folded):
            return self.follow_up(detail)
        if not words:
            return None
        hits = self.search(words)
        if not hits:
            return None
        best = hits[0]
        close = [h for h in hits if h.score >= best.score - 0.05][:5]
        if isinstance(best.doc, Action):
            actions = [h.doc for h in close if isinstance(h.doc, Action)]
            return self.about_found_actions(actions, detail)
        if isinstance(best.doc, WorkItem):
            return self.about_work(best.doc, detail)
        return self.about_agenda_item(best.doc, best.meeting, detail)

    def about_found_actions(self, actions: list[Action], detail: str) -> Answer:
        items = [d.action_item(self.kb, a, self.today, detail) for a in actions]
        head = {"lead": "Lead", "due": "Timescale", "status": "Status"}.get(detail, "Action")
        if len(items) == 1:
            text = f"{head} of {items[0].title}: " + self._headline(items[0], detail)
            subject = ("action", *items[0].ref)
        else:
            text = f"{len(items)} actions match; {head.lower()} of each:"
            subject = None
        return self.answer_of(detail, text, items, subject=subject)

    def follow_up(self, detail: str) -> Answer | None:
        if not self.subject:
            return None
        kind = self.subject[0]
        if kind == "action":
            actions = self._subject_actions()
            return self.about_found_actions(actions, detail) if actions else None
        work = self._subject_work()
        if work is not None:
            return self.about_work(work, detail)
        found = self._subject_agenda()
        if found is not None:
            return self.about_agenda_item(found[1], found[0], detail)
        return None

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
        number = _AGENDA_NO.search(self.folded)
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
        text = f"The knowledge base has no {committee.name} meeting after {day(self.today)}."
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

    def on_overdue(self) -> Answer:
        actions, milestones = self.scoped_by_person(self.candidate_actions())
        items = [
            d.action_item(self.kb, a, self.today)
            for a in actions
            if facts.is_overdue(facts.effective_due(a), facts.current_status(a), self.today)
        ]
        items += [
            d.milestone_item(self.kb, a, m, self.today)
            for a in milestones
            for m in a.milestones
            if facts.milestone_overdue(m, self.today)
        ]
        scope = self.scope_words()
        if not items:
            return self.answer_of("overdue", f"Nothing is overdue{scope} as of {day(self.today)}.")
        return self.answer_of(
            "overdue", f"{len(items)} overdue{scope} as of {day(self.today)} (due date passed, not complete):", items
        )

    def on_due_soon(self) -> Answer:
        days = self.window_days()
        actions, milestones = self.scoped_by_person(self.candidate_actions())
        items = [
            d.action_item(self.kb, a, self.today)
            for a in actions
            if facts.is_due_soon(facts.effective_due(a), facts.current_status(a), self.today, days)
        ]
        items += [
            d.milestone_item(self.kb, a, m, self.today)
            for a in milestones
            for m in a.milestones
            if facts.is_due_soon(m.due, m.status, self.today, days)
        ]
        until = self.today + dt.timedelta(days=days)
        scope = self.scope_words()
        if not items:
            return self.answer_of("due-soon", f"Nothing{scope} falls due between {day(self.today)} and {day(until)}.")
        return self.answer_of("due-soon", f"{len(items)} due{scope} by {day(until)}:", items)

    def on_stale(self) -> Answer:
        actions, _ = self.scoped_by_person(self.candidate_actions())
        items = [d.action_item(self.kb, a, self.today, "status") for a in actions if facts.is_stale(a, self.today)]
        scope = self.scope_words()
        if not items:
            return self.answer_of("stale", f"Every action{scope} has an update in the last {facts.STALE_DAYS} days.")
        return self.answer_of(
            "stale",
            f"{len(items)} action{'s' if len(items) != 1 else ''}{scope} with no update or "
            f"completed milestone in the last {facts.STALE_DAYS} days:",
            items,
        )

    def window_days(self) -> int:
        m = _DAYS.search(self.folded)
        if m:
            n = int(m.group(1))
            return n * {"day": 1, "week": 7, "month": 30}[m.group(2)]
        if "this week" in self.folded:
            return 6 - self.today.weekday()
        if "this month" in self.folded:
            return calendar.monthrange(self.today.year, self.today.month)[1] - self.today.day
        if "next month" in self.folded:
            return 61 - self.today.day
        if re.search(r"next few weeks|coming weeks", self.folded):
            return 21
        return DUE_SOON_DAYS

    def candidate_actions(self) -> list[Action]:
        plans = [self.plan_scope] if self.plan_scope else [p for p in self.kb.plans if p not in self.hidden]
        return [a for p in plans for a in self.kb.plans[p].actions]

    def led_by(self, refs: list[str]) -> list[Action]:
        """Visible actions (in the plan named, if any) led by any of these references, in plan order."""
        seen: dict[tuple[str, str], Action] = {}
        for ref in refs:
            for action in self.e.by_lead.get(ref, []):
                seen.setdefault(action.key, action)
        return self.visible_actions_strict(list(seen.values()))

    def visible_actions_strict(self, actions: list[Action]) -> list[Action]:
        """Actions not hidden from this audience and inside the plan the question names, if any."""
        return [a for a in actions if a.plan not in self.hidden and (not self.plan_scope or a.plan == self.plan_scope)]

    def scoped_by_person(self, actions: list[Action]) -> tuple[list[Action], list[Action]]:
        """Narrow to a person or role named in the question, if any."""
        leads = self.lead_refs()
        if leads is None:
            return actions, actions
        kept = self.led_by(sorted(leads))
        return kept, kept

    def lead_refs(self) -> set[str] | None:
        """The lead references a named person or role stands for (the person and the roles they hold)."""
        people = self.people
        roles = self.roles
        if people:
            pid = people[0][0]
            return {pid} | {r.id for r in self.kb.roles.values() if any(h.person == pid for h in r.holders)}
        if roles:
            return {roles[0][0]}
        return None

    def scope_words(self) -> str:
        parts = []
        if self.plan_scope:
            parts.append(f" in {d.plan_label(self.kb, self.plan_scope)}")
        people = self.people
        roles = self.roles
        if people:
            parts.append(f" for {self.kb.people[people[0][0]].name}")
        elif roles:
            parts.append(f" for {self.kb.name_of(roles[0][0])}")
        return "".join(parts)

    def on_portfolio(self) -> Answer | None:
        people = self.people
        roles = self.roles
        if people:
            return self.portfolio(people[0][0])
        if roles:
            return self.role_portfolio(roles[0][0])
        named = _NAMED.search(self.folded)
        if named and len(named.group(1).split()) <= 4 and not self.topic_hits(named.group(1)):
            return self.unknown_person(named.group(1))
        return None

    def topic_hits(self, phrase: str) -> list[Hit]:
        words = [w for w in content_words(phrase) if w not in self.e.plan_words]
        return self.search(words) if words else []

    def unknown_person(self, phrase: str) -> Answer:
        names = tuple(self.kb.people[p].name for p in self.e.names.suggest_people(phrase))
        return self.answer_of(
            "not-found",
            f"I don't know anyone called \u201c{phrase.title()}\u201d in the action plans or committee papers.",
            suggestions=names,
        )

    def portfolio(self, pid: str) -> Answer:
        person = self.kb.people[pid]
        held = [r for r in self.kb.roles.values() if any(h.person == pid for h in r.holders)]
        refs = [pid, *(r.id for r in held)]
        actions = self.led_by(refs)
        items = [d.action_item(self.kb, a, self.today) for a in actions]
        for c in self.kb.committees.values():
            items += [d.work_item(self.kb, w) for w in c.work_programme if pid in w.sponsors]
            for m in c.meetings:
                items += [d.agenda_item(self.kb, m, i) for i in m.agenda if pid == i.signatory or pid in i.contacts]
        roles = f" (as {', '.join(r.title for r in held)})" if held else ""
        if not items:
            return self.answer_of(
                "portfolio",
                f"{person.name}{roles} leads no action, sponsors no work-programme "
                "item and is contact for no report in the knowledge base.",
                [d.person_item(self.kb, person)],
                subject=("person", pid),
            )
        text = f"{person.name}{roles} " + _count_phrase(len(actions), len(items) - len(actions)) + ":"
        return self.answer_of("portfolio", text, items, subject=("person", pid))

    def role_portfolio(self, rid: str) -> Answer:
        actions = self.led_by([rid])
        items = [d.action_item(self.kb, a, self.today) for a in actions]
        who = self.kb.name_of(rid)
        if not items:
            return self.answer_of("portfolio", f"{who} leads no action in the knowledge base.")
        return self.answer_of("portfolio", f"{who} leads {len(items)} action{'s' if len(items) != 1 else ''}:", items)

    def on_topic(self) -> Answer | None:
        return self.topic_search(self.topic_words())

    def topic_search(self, words: list[str]) -> Answer | None:
        hits = self.search(words)
        if not hits:
            return None
        items = [self.hit_item(h) for h in hits]
        return self.answer_of(
            "topic", f"{len(items)} match{'es' if len(items) != 1 else ''} for \u201c{' '.join(words)}\u201d:", items
        )

    def hit_item(self, hit: Hit) -> Item:
        if isinstance(hit.doc, Action):
            return d.action_item(self.kb, hit.doc, self.today)
        if isinstance(hit.doc, WorkItem):
            return d.work_item(self.kb, hit.doc)
        assert hit.meeting is not None
        return d.agenda_item(self.kb, hit.meeting, hit.doc)

    def search(self, words: list[str]) -> list[Hit]:
        hits = self.e.topics.search(words, limit=40)
        out = []
        for h in hits:
            if isinstance(h.doc, Action):
                if h.doc.plan in self.hidden or (self.plan_scope and h.doc.plan != self.plan_scope):
                    continue
            elif self.plan_scope:
                continue
            out.append(h)
        return out[:10]

    def fallback(self) -> Answer:
        people = self.people
        if people:
            return self.portfolio(people[0][0])
        roles = self.roles
        if roles:
            return self.role_portfolio(roles[0][0])
        words = self.topic_words()
        found = self.topic_search(words) if words else None
        if found is not None:
            return found
        suggestions = tuple(self.kb.people[p].name for p in self.e.names.suggest_people(self.raw))
        text = "I could not find anything for that in the action plans or committee papers."
        return self.answer_of(
            "not-found",
            text,
            suggestions=suggestions + HELP_EXAMPLES[:3],
            notes=("Say `help` for the questions I can answer.",),
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


def _count_phrase(actions: int, committee_items: int) -> str:
    """ "leads 2 actions and is named on 1 committee item" without "0 actions" or "item(s)"."""
    lead = f"leads {actions} action{'s' if actions != 1 else ''}" if actions else "leads no action in the plans"
    if not committee_items:
        return lead
    return f"{lead}, and is named on {committee_items} committee item{'s' if committee_items != 1 else ''}"


def day(date: dt.date) -> str:
    """ "6 January 2025"."""
    return f"{date.day} {date:%B %Y}"


def _clean(question: str) -> str:
    """Drop control characters and Slack mention markup; trim."""
    text = re.sub(r"<@[A-Z0-9]+>", " ", question)
    text = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in text)
    return " ".join(text.split())[: MAX_QUESTION + 1]


def plans_with_restrictions(kb: KnowledgeBase) -> list[Plan]:
    return [p for p in kb.plans.values() if p.visibility.restricted]
