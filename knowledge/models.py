"""The knowledge base's domain: plain frozen dataclasses, no I/O.

Every class has a docstring: without one, @dataclass computes a signature for __doc__ at import, which
`actionbot ask` would pay for on every start.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field

from knowledge.dates import DateSpec
from knowledge.lazydataclass import frozen_dataclass

STATUSES = ("not-started", "in-progress", "ongoing", "complete", "not-stated")
# How a person gets the weekly digest (docs/SCHEMA.md): auto = Slack when found there, else email
REMIND_VIA = ("auto", "slack", "email", "both", "none")


@frozen_dataclass
class Source:
    """Where a record comes from: a seed file and a short quote."""

    seed: str
    quote: str
    location: str | None = None
    title: str | None = None  # the document's title as a reader knows it, where the knowledge base has it

    def describe(self) -> str:
        """A one-line citation: the document's title (else its file name), the place, the quote."""
        where = f", {self.location}" if self.location else ""
        return f'{self.title or self.seed}{where}: "{self.quote}"'


@frozen_dataclass
class Organisation:
    """An organisation of the partnership (a council, the police, a health trust)."""

    id: str
    name: str
    aliases: tuple[str, ...]
    source: Source


@frozen_dataclass
class Person:
    """A person the documents name, with how to reach them and how they get the weekly digest."""

    id: str
    name: str
    aliases: tuple[str, ...]
    titles: tuple[str, ...]
    organisation: str | None
    email: str | None
    phone: str | None
    slack_id: str | None
    source: Source
    remind_via: str = "auto"  # one of REMIND_VIA


@frozen_dataclass
class Holder:
    """A person who holds a role, as of a date where the documents give one."""

    person: str
    as_of: str | None
    source: Source | None


@frozen_dataclass
class Role:
    """A post (e.g. a director) that may lead actions; its holders are people."""

    id: str
    title: str
    organisation: str | None
    aliases: tuple[str, ...]
    holders: tuple[Holder, ...]
    source: Source


@frozen_dataclass
class Milestone:
    """A dated step of an action."""

    text: str
    date_text: str | None
    start: DateSpec | None
    due: DateSpec | None
    status: str
    source: Source | None = None


@frozen_dataclass
class Update:
    """A dated note of progress on an action, from a plan file or recorded later."""

    date: DateSpec
    text: str
    by: str | None
    source: Source | None
    status: str | None = None
    slack_user: str | None = None
    revised_due: DateSpec | None = None
    reason: str | None = None  # why the due date was revised
    at: str | None = None  # ISO timestamp of a recorded update (Europe/London)
    before: str | None = None  # status and due date before a recorded update, for the audit trail


@frozen_dataclass
class Action:
    """One action of a plan, as written, with its milestones and updates."""

    plan: str
    id: str
    text: str
    leads: tuple[str, ...]
    timescale: str | None
    start: DateSpec | None
    due: DateSpec | None
    status: str
    source: Source
    recommendation: str | None = None
    theme: str | None = None
    lead_note: str | None = None
    owners_text: str | None = None
    dates_note: str | None = None
    depends_on: tuple[str, ...] = ()
    measure: str | None = None
    milestones: tuple[Milestone, ...] = ()
    updates: tuple[Update, ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        """(plan id, action id): unique across the knowledge base."""
        return (self.plan, self.id)


@frozen_dataclass
class Visibility:
    """Who may see a plan: everyone, or (restricted) only the channels and people listed."""

    restricted: bool = False
    channels: tuple[str, ...] = ()
    people: tuple[str, ...] = ()


@frozen_dataclass
class Plan:
    """An action plan (or business plan) and its actions."""

    id: str
    title: str
    kind: str
    short_names: tuple[str, ...]
    organisation: str | None
    owner: str | None
    published: str | None
    reports_to: str | None
    visibility: Visibility
    editors: tuple[str, ...]
    notes: str | None
    source: Source
    file: str
    actions: tuple[Action, ...]
    _by_id: dict[str, Action] = field(default_factory=dict, repr=False, compare=False)

    def action(self, action_id: str) -> Action:
        """The action with this id as written; raises KeyError."""
        if not self._by_id:
            self._by_id.update({a.id: a for a in self.actions})
        return self._by_id[action_id]


@frozen_dataclass
class AgendaItem:
    """An item on a meeting's agenda."""

    number: int
    title: str
    pages: str | None
    report_of: str | None
    signatory: str | None
    contacts: tuple[str, ...]
    reference: str | None
    constitutional_comments: str | None
    financial_comments: str | None
    purpose: str | None
    recommendations: tuple[str, ...]
    source: Source | None
    # The report's own title where it differs from the agenda's (e.g. "2023/24" against "2023-24").
    report_title: str | None = None
    # "Background Papers and Published Documents" as the report lists them; () when not recorded.
    background_papers: tuple[str, ...] = ()
    # True when the report says "None." under Background Papers (background_papers then stays ()).
    no_background_papers: bool = False
    # The document attached as Appendix 1 when it carries its own heading and signature (an annual
    # report written by one officer, covered by a report signed by another).
    appendix: Appendix | None = None
    # Who presented the item at the meeting, as its minutes record it ("X and Y presented ..."); () when the
    # knowledge base does not record it (an agenda before the meeting, or minutes that name no one).
    presenters: tuple[str, ...] = ()
    presenters_source: Source | None = None
    # Other names the papers give the report's subject ("the LADO": the Managing Allegations Service "undertakes the
    # work of the LADO"), with the sentence that says so; () when none.
    aliases: tuple[str, ...] = ()
    aliases_source: Source | None = None


@frozen_dataclass
class Appendix:
    title: str  # its heading, as written
    signatory: str | None  # person id of the officer who signed it
    signatory_title: str | None  # the title under the signature, as written
    signed: str | None  # the date under the signature, as written ("20.06.24")
    source: Source | None


@frozen_dataclass
class AgendaNote:
    """One of the numbered notes printed on an agenda (who to contact for background papers, etc.)."""

    number: int
    text: str
    source: Source | None


@frozen_dataclass
class Resolution:
    """A decision recorded in a meeting's minutes."""

    id: str
    item: int | None
    title: str | None
    text: str
    source: Source | None


@frozen_dataclass
class Attendance:
    """Who attended a meeting, sent apologies or substituted."""

    members: tuple[str, ...] = ()
    apologies: tuple[str, ...] = ()
    substitutes: tuple[str, ...] = ()
    officers: tuple[str, ...] = ()
    others: tuple[str, ...] = ()


@frozen_dataclass
class Meeting:
    """One meeting of a committee: its agenda, attendance and resolutions."""

    committee: str
    date: dt.date
    time: str | None
    venue: str | None
    attendance: Attendance | None
    agenda: tuple[AgendaItem, ...]
    resolutions: tuple[Resolution, ...]
    source: Source | None
    end_time: str | None = None  # when the minutes record the meeting closing ("15:55")
    end_source: Source | None = None
    notes: tuple[AgendaNote, ...] = ()  # the agenda's numbered notes

    def item(self, number: int) -> AgendaItem:
        """The agenda item with this number; raises KeyError."""
        for item in self.agenda:
            if item.number == number:
                return item
        raise KeyError(number)


@frozen_dataclass
class WorkItem:
    """An entry of a committee's work programme, for a meeting or standing."""

    committee: str
    meeting: dt.date | None
    standing: bool
    title: str
    sponsors: tuple[str, ...]
    sponsors_text: str | None
    source: Source | None


@frozen_dataclass
class Member:
    """A committee member and their role on it."""

    person: str
    role: str | None


@frozen_dataclass
class Committee:
    """A committee (board, panel, group), its members, meetings and work programme."""

    id: str
    name: str
    aliases: tuple[str, ...]
    organisation: str | None
    members: tuple[Member, ...]
    meetings: tuple[Meeting, ...]
    work_programme: tuple[WorkItem, ...]
    source: Source
    # The Democratic Services officer an agenda's notes name for questions (a person id), if known.
    agenda_contact: str | None = None

    def meeting(self, date: dt.date) -> Meeting:
        """The meeting on this date; raises KeyError."""
        for meeting in self.meetings:
            if meeting.date == date:
                return meeting
        raise KeyError(date)


@frozen_dataclass
class PaperPart:
    """A sub-document of a paper: the panel pack's agenda, minutes, each report."""

    id: str
    title: str
    pages: str | None = None  # the pack's page range as the agenda gives it, e.g. "49-60"


@frozen_dataclass
class Passage:
    """About a paragraph of a source document, verbatim (whitespace-normalised), with where it is."""

    id: str
    paper: str
    text: str
    location: str  # as a reader would cite it: sub-document, section heading, paragraph
    part: str | None = None
    section: str | None = None
    paragraph: str | None = None  # the printed paragraph number(s), e.g. "7" or "7-8"
    page: int | None = None  # only where the seed marks pages
    line: int | None = None  # the seed line the passage starts on


@frozen_dataclass
class TableRow:
    """One row of a table of figures: its label and one cell per column, as the document prints them."""

    label: str
    cells: tuple[str, ...]


@frozen_dataclass
class Table:
    """A table of figures in a source document ("LADO Advice by Quarter"), cell by cell as printed."""

    id: str
    paper: str
    title: str
    location: str  # as a reader would cite it: sub-document, pages, the table's title
    columns: tuple[str, ...]
    rows: tuple[TableRow, ...]
    part: str | None = None
    line: int | None = None  # the seed line of the table's header


@frozen_dataclass
class Paper:
    """A source document carried whole, as passages, and its tables of figures."""

    id: str
    title: str
    seed: str
    parts: tuple[PaperPart, ...]
    passages: tuple[Passage, ...]
    tables: tuple[Table, ...] = ()

    def part(self, part_id: str | None) -> PaperPart | None:
        return next((p for p in self.parts if p.id == part_id), None)

    def cite(self, passage: Passage) -> str:
        """ "<paper title>, <location>": what an answer quoting the passage names as its source."""
        return f"{self.title}, {passage.location}"


@frozen_dataclass
class KnowledgeBase:
    """Everything loaded from one knowledge-base directory."""

    root: str
    organisations: dict[str, Organisation]
    people: dict[str, Person]
    roles: dict[str, Role]
    plans: dict[str, Plan]
    committees: dict[str, Committee]
    papers: dict[str, Paper] = field(default_factory=dict)

    def actions(self) -> list[Action]:
        """Every action of every plan, in plan order."""
        return [a for plan in self.plans.values() for a in plan.actions]

    def passages(self) -> list[Passage]:
        """Every passage of every paper, in document order."""
        return [p for paper in self.papers.values() for p in paper.passages]

    def name_of(self, ref: str) -> str:
        """A person's name, or a role's title with its holder: "Corporate Director (Catherine Underwood)"."""
        if ref in self.people:
            return self.people[ref].name
        role = self.roles.get(ref)
        if role is None:
            return ref
        holders = [self.people[h.person].name for h in role.holders if h.person in self.people]
        return f"{role.title} ({', '.join(holders)})" if holders else role.title

    def source_title(self, source: Source) -> str:
        """The title of the document a source quotes, as a reader knows it (else its file name)."""
        return self.seed_titles.get(source.seed, source.seed)

    @property
    def seed_titles(self) -> dict[str, str]:
        """Source file name -> the document's title, from the papers."""
        return {paper.seed: paper.title for paper in self.papers.values()}

    def roles_held(self, person: str) -> list[Role]:
        """The roles the documents say this person holds."""
        return [r for r in self.roles.values() if any(h.person == person for h in r.holders)]

    def people_behind(self, ref: str) -> tuple[str, ...]:
        """The person ids a lead reference stands for: the person, or the role's holders."""
        if ref in self.people:
            return (ref,)
        role = self.roles.get(ref)
        return tuple(h.person for h in role.holders) if role else ()
