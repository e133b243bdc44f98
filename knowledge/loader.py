"""Load a knowledge-base directory into a validated KnowledgeBase, reporting every problem at once."""

from __future__ import annotations

import dataclasses
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from knowledge import collector
from knowledge.dates import DateSpec, parse_date_text, parse_datespec
from knowledge.errors import KnowledgeError, Problem, shown
from knowledge.models import (
    REMIND_VIA,
    STATUSES,
    Action,
    AgendaItem,
    AgendaNote,
    Appendix,
    Attendance,
    Committee,
    Holder,
    KnowledgeBase,
    Meeting,
    Member,
    Milestone,
    Organisation,
    Paper,
    PaperPart,
    Passage,
    Person,
    Plan,
    Resolution,
    Role,
    Source,
    Table,
    TableRow,
    Update,
    Visibility,
    WorkItem,
)

BUNDLED = Path(__file__).parent / "data"
KB_ENV = "ACTIONBOT_KB"
YamlPath = tuple[str | int, ...]
SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")  # docs/SCHEMA.md: every id but an action's
MAX_FILE_BYTES = 16 * 1024 * 1024  # one knowledge-base file
MAX_TOTAL_BYTES = 128 * 1024 * 1024  # every file together
_SOURCE_FIELDS = frozenset(("seed", "quote", "location"))
_R = TypeVar("_R")


def default_root() -> Path:
    """The knowledge base chosen by ACTIONBOT_KB, else the bundled one."""
    env = os.environ.get(KB_ENV)
    return Path(env) if env else BUNDLED


def kb_files(root: Path) -> list[Path]:
    """Every YAML file of a knowledge base, in a stable order."""
    return sorted(p for p in root.rglob("*.y*ml") if p.is_file() and p.suffix in (".yaml", ".yml"))


def load_knowledge_base(root: str | Path | None = None) -> KnowledgeBase:
    """Load and validate the knowledge base at `root` (default: ACTIONBOT_KB or the bundled one).

    Raises KnowledgeError listing every problem found, each naming file, line and field.
    """
    root = Path(root) if root is not None else default_root()
    if not root.is_dir():
        raise KnowledgeError([Problem(str(root), None, "directory", "no such knowledge-base directory")])
    return build(root, read_files(root))


def read_files(root: Path) -> dict[Path, bytes]:
    """The bytes of every knowledge-base file under `root`.

    Raises KnowledgeError naming each file over MAX_FILE_BYTES, or the directory when all of them
    together pass MAX_TOTAL_BYTES, before reading more than that.
    """
    contents: dict[Path, bytes] = {}
    problems: list[Problem] = []
    total = 0
    for path in kb_files(root):
        with path.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            problems.append(
                Problem(
                    _display(path, root),
                    None,
                    "(file)",
                    f"larger than {MAX_FILE_BYTES // 2**20} MiB, the most a knowledge-base file may hold; "
                    "split it into several files",
                )
            )
            continue
        total += len(raw)
        if total > MAX_TOTAL_BYTES:
            problems.append(
                Problem(
                    _display(root, root),
                    None,
                    "(directory)",
                    f"its files hold more than {MAX_TOTAL_BYTES // 2**20} MiB together (stopped at {path.name}); "
                    "is this the right directory?",
                )
            )
            break
        contents[path] = raw
    if problems:
        raise KnowledgeError(problems)
    return contents


def build(root: Path, contents: dict[Path, bytes]) -> KnowledgeBase:
    """Build a KnowledgeBase from already-read file contents."""
    builder = _Builder(root)
    with collector.paused():  # building a large tree of new objects: the cyclic collector only slows it down
        for path, raw in contents.items():
            builder.add_file(path, raw)
        return builder.finish()


class _Builder:
    """Collects records file by file, then cross-checks references."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[tuple[Path, YamlPath, str]] = []
        self.raw: dict[Path, bytes] = {}
        self.file: Path = root
        self.organisations: dict[str, Organisation] = {}
        self.people: dict[str, Person] = {}
        self.roles: dict[str, Role] = {}
        self.plans: dict[str, Plan] = {}
        self.committees: dict[str, Committee] = {}
        self.papers: dict[str, Paper] = {}
        self.passage_origin: dict[str, Path] = {}
        self.refs: list[tuple[Path, YamlPath, str, str]] = []  # (file, path, id, kinds)
        self.origin: dict[str, tuple[Path, YamlPath]] = {}
        self.sources: dict[tuple[str, str, str | None], Source] = {}
        self.recorded: list[tuple[Path, YamlPath, str, str, Update]] = []  # (file, path, plan, action, update)

    # -- problems ---------------------------------------------------------------------------
    def problem(self, path: YamlPath, message: str) -> None:
        self.problems.append((self.file, path, message))

    def ref(self, path: YamlPath, ref: str, kinds: str) -> None:
        """Remember a reference to check once every file is read ("person", "lead", "org")."""
        self.refs.append((self.file, path, ref, kinds))

    # -- files ------------------------------------------------------------------------------
    def add_file(self, path: Path, raw: bytes) -> None:
        from knowledge import yamlio  # here: a cached `ask` reads the files' bytes but never parses them

        self.file, self.raw[path] = path, raw
        try:
            data = yamlio.parse(raw)
        except yamlio.AliasError as exc:
            line = yamlio.error_line(exc)
            self.problems.append((path, ("@line", line or 0), f"not loaded: {yamlio.error_text(exc)}"))
            return
        except yamlio.YAMLError as exc:
            line = yamlio.error_line(exc)
            self.problems.append((path, ("@line", line or 0), f"not valid YAML: {yamlio.error_text(exc)}"))
            return
        except UnicodeDecodeError as exc:
            self.problem((), f"not UTF-8 text: {exc.reason}")
            return
        if data is None:
            return
        if not isinstance(data, dict):
            self.problem((), "expected a mapping with keys such as plan:, people:, committee:")
            return
        handlers = {
            "organisations": self.add_organisations,
            "people": self.add_people,
            "roles": self.add_roles,
            "plan": self.add_plan,
            "committee": self.add_committee,
            "updates": self.add_recorded_updates,
            "paper": self.add_paper,
        }
        for key in data:
            if key not in handlers and key not in ("meetings", "work_programme", "passages", "tables"):
                self.problem((key,), f"unknown section; expected one of {', '.join(handlers)}")
        for key, handler in handlers.items():
            if key in data:
                handler(data[key], (key,), data)
        if ("meetings" in data or "work_programme" in data) and "committee" not in data:
            self.problem(("meetings",), "meetings and work_programme need a committee: section in the same file")
        if "passages" in data and "paper" not in data:
            self.problem(("passages",), "passages need a paper: section in the same file")
        if "tables" in data and "paper" not in data:
            self.problem(("tables",), "tables need a paper: section in the same file")

    # -- field readers ----------------------------------------------------------------------
    def fields(self, value: Any, path: YamlPath, required: tuple[str, ...], optional: tuple[str, ...]) -> dict | None:
        if not isinstance(value, dict):
            self.problem(path, f"expected a mapping, got {type(value).__name__}")
            return None
        allowed = _allowed(required, optional)
        if value.keys() <= allowed:
            for key in required:
                if value.get(key) in (None, ""):
                    break
            else:
                return value
        for key in required:
            if value.get(key) in (None, ""):
                self.problem((*path, key), "required field is missing or empty")
        for key in value:
            if key not in allowed:
                self.problem((*path, key), f"unknown field; expected one of {', '.join(sorted(allowed))}")
        return value

    def items(self, value: Any, path: YamlPath) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(path, f"expected a list, got {type(value).__name__}")
            return []
        return value

    def text(self, data: dict, key: str, path: YamlPath) -> str | None:
        value = data.get(key)
        if value is None or value.__class__ is str:
            return value
        if isinstance(value, bool | dict | list):
            self.problem((*path, key), f"expected text, got {type(value).__name__}")
            return None
        return str(value)

    def texts(self, data: dict, key: str, path: YamlPath) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            return ()
        if value.__class__ is list and all(v.__class__ is str for v in value):
            return tuple(value)
        out = []
        for i, value in enumerate(self.items(data.get(key), (*path, key))):
            if isinstance(value, (dict, list)) or value is None:
                self.problem((*path, key, i), "expected text")
            else:
                out.append(str(value))
        return tuple(out)

    def date(self, data: dict, key: str, path: YamlPath) -> DateSpec | None:
        value = data.get(key)
        if value is None:
            return None
        try:
            return parse_date_text(value) if value.__class__ is str else parse_datespec(value)
        except ValueError as exc:
            self.problem((*path, key), f"not a real date: {exc}")
            return None

    def status(self, data: dict, key: str, path: YamlPath, default: str = "not-stated") -> str:
        value = data.get(key, default)
        if value not in STATUSES:
            self.problem((*path, key), f"unknown status {shown(value)}; use one of {', '.join(STATUSES)}")
            return default
        return value

    def remind_via(self, data: dict, path: YamlPath) -> str:
        value = data.get("remind_via", "auto")
        if value not in REMIND_VIA:
            choices = ", ".join(REMIND_VIA)
            self.problem((*path, "remind_via"), f"unknown remind_via {shown(value)}; use one of {choices}")
            return "auto"
        return value

    def source(self, data: dict, path: YamlPath, required: bool = True) -> Source | None:
        value = data.get("source")
        if value is None:
            if required:
                self.problem((*path, "source"), "required field is missing: every record names its source")
            return None
        if value.__class__ is dict and value.keys() <= _SOURCE_FIELDS:  # the usual case, without a problem
            seed, quote, location = key = (value.get("seed"), value.get("quote"), value.get("location"))
            if seed and quote and seed.__class__ is quote.__class__ is str and location.__class__ in (str, type(None)):
                found = self.sources.get(key)
                if found is None:
                    found = self.sources[key] = Source(*key)
                return found
        src = self.fields(value, (*path, "source"), ("seed", "quote"), ("location",))
        if src is None:
            return None
        key = (str(src.get("seed", "")), str(src.get("quote", "")), self.text(src, "location", path))
        found = self.sources.get(key)
        if found is None:
            found = self.sources[key] = Source(*key)
        return found

    def slug(self, ident: str, path: YamlPath, what: str) -> bool:
        """True if `ident` is a lower-case slug as the schema requires (such ids name files); else a problem."""
        if SLUG.fullmatch(ident):
            return True
        self.problem(
            (*path, "id"),
            f"{what} id {shown(ident)} is not a slug: use lower-case letters, digits and hyphens, "
            "starting with a letter or digit",
        )
        return False

    def claim(self, ident: str, path: YamlPath, what: str) -> bool:
        """Register a globally unique id (people and roles share one namespace)."""
        if not self.slug(ident, path, what):
            return False
        if ident in self.origin:
            other_file, _ = self.origin[ident]
            self.problem((*path, "id"), f"duplicate {what} id {shown(ident)} (first defined in {other_file.name})")
            return False
        self.origin[ident] = (self.file, path)
        return True

    # -- sections ---------------------------------------------------------------------------
    def add_organisations(self, value: Any, path: YamlPath, _: dict) -> None:
        for i, item in enumerate(self.items(value, path)):
            p = (*path, i)
            d = self.fields(item, p, ("id", "name"), ("aliases", "source"))
            if d is None or not d.get("id") or not self.claim(str(d["id"]), p, "organisation"):
                continue
            org = Organisation(str(d["id"]), str(d["name"]), self.texts(d, "aliases", p), self.source(d, p))
            self.organisations[org.id] = org

    def add_people(self, value: Any, path: YamlPath, _: dict) -> None:
        optional = ("aliases", "titles", "organisation", "email", "phone", "slack_id", "remind_via", "source")
        for i, item in enumerate(self.items(value, path)):
            p = (*path, i)
            d = self.fields(item, p, ("id", "name"), optional)
            if d is None or not d.get("id") or not self.claim(str(d["id"]), p, "person"):
                continue
            if d.get("organisation"):
                self.ref((*p, "organisation"), str(d["organisation"]), "organisation")
            person = Person(
                id=str(d["id"]),
                name=str(d["name"]),
                aliases=self.texts(d, "aliases", p),
                titles=self.texts(d, "titles", p),
                organisation=self.text(d, "organisation", p),
                email=self.text(d, "email", p),
                phone=self.text(d, "phone", p),
                slack_id=self.text(d, "slack_id", p),
                source=self.source(d, p),
                remind_via=self.remind_via(d, p),
            )
            self.people[person.id] = person

    def add_roles(self, value: Any, path: YamlPath, _: dict) -> None:
        for i, item in enumerate(self.items(value, path)):
            p = (*path, i)
            d = self.fields(item, p, ("id", "title"), ("organisation", "aliases", "holders", "source"))
            if d is None or not d.get("id") or not self.claim(str(d["id"]), p, "role"):
                continue
            holders = []
            for j, h in enumerate(self.items(d.get("holders"), (*p, "holders"))):
                hp = (*p, "holders", j)
                hd = self.fields(h, hp, ("person",), ("as_of", "source"))
                if hd is None or not hd.get("person"):
                    continue
                self.ref((*hp, "person"), str(hd["person"]), "person")
                holders.append(Holder(str(hd["person"]), self.text(hd, "as_of", hp), self.source(hd, hp, False)))
            if d.get("organisation"):
                self.ref((*p, "organisation"), str(d["organisation"]), "organisation")
            role = Role(
                id=str(d["id"]),
                title=str(d["title"]),
                organisation=self.text(d, "organisation", p),
                aliases=self.texts(d, "aliases", p),
                holders=tuple(holders),
                source=self.source(d, p),
            )
            self.roles[role.id] = role

    def add_plan(self, value: Any, path: YamlPath, _: dict) -> None:
        optional = (
            "short_names",
            "kind",
            "organisation",
            "owner",
            "published",
            "reports_to",
            "visibility",
            "editors",
            "notes",
            "source",
            "actions",
        )
        d = self.fields(value, path, ("id", "title"), optional)
        if d is None or not d.get("id"):
            return
        plan_id = str(d["id"])
        if not self.slug(plan_id, path, "plan"):
            return
        if plan_id in self.plans:
            self.problem((*path, "id"), f"duplicate plan id {shown(plan_id)} (also in {self.plans[plan_id].file})")
            return
        actions: list[Action] = []
        seen: set[str] = set()
        for i, item in enumerate(self.items(d.get("actions"), (*path, "actions"))):
            action = self.action(plan_id, item, (*path, "actions", i))
            if action is None:
                continue
            if action.id in seen:
                self.problem((*path, "actions", i, "id"), f"duplicate action id {shown(action.id)} in plan {plan_id}")
                continue
            seen.add(action.id)
            actions.append(action)
        for i, action in enumerate(actions):
            for dep in action.depends_on:
                if dep not in seen:
                    self.problem(
                        (*path, "actions", i, "depends_on"),
                        f"action {action.id}: no action {shown(dep)} in plan {plan_id}",
                    )
        for ref_key in ("owner",):
            if d.get(ref_key):
                self.ref((*path, ref_key), str(d[ref_key]), "lead")
        editors = self.texts(d, "editors", path)
        for j, editor in enumerate(editors):
            self.ref((*path, "editors", j), editor, "person")
        self.plans[plan_id] = Plan(
            id=plan_id,
            title=str(d["title"]),
            kind=str(d.get("kind") or "action-plan"),
            short_names=self.texts(d, "short_names", path),
            organisation=self.text(d, "organisation", path),
            owner=self.text(d, "owner", path),
            published=self.text(d, "published", path),
            reports_to=self.text(d, "reports_to", path),
            visibility=self.visibility(d, path),
            editors=editors,
            notes=self.text(d, "notes", path),
            source=self.source(d, path),
            file=str(self.file),
            actions=tuple(actions),
        )

    def visibility(self, d: dict, path: YamlPath) -> Visibility:
        value = d.get("visibility")
        if value is None:
            return Visibility()
        v = self.fields(value, (*path, "visibility"), (), ("restricted", "channels", "people"))
        if v is None:
            return Visibility()
        people = self.texts(v, "people", (*path, "visibility"))
        for j, person in enumerate(people):
            self.ref((*path, "visibility", "people", j), person, "person")
        return Visibility(bool(v.get("restricted", False)), self.texts(v, "channels", (*path, "visibility")), people)

    def action(self, plan_id: str, item: Any, p: YamlPath) -> Action | None:
        optional = (
            "recommendation",
            "theme",
            "leads",
            "lead_note",
            "owners_text",
            "timescale",
            "start",
            "due",
            "dates_note",
            "depends_on",
            "status",
            "measure",
            "milestones",
            "updates",
            "source",
        )
        d = self.fields(item, p, ("id", "text"), optional)
        if d is None or d.get("id") in (None, ""):
            return None
        leads = self.texts(d, "leads", p)
        for j, lead in enumerate(leads):
            self.ref((*p, "leads", j), lead, "lead")
        return _record(
            Action,
            plan=plan_id,
            id=str(d["id"]),
            text=str(d.get("text") or ""),
            leads=leads,
            timescale=self.text(d, "timescale", p),
            start=self.date(d, "start", p),
            due=self.date(d, "due", p),
            status=self.status(d, "status", p),
            source=self.source(d, p),
            recommendation=self.text(d, "recommendation", p),
            theme=self.text(d, "theme", p),
            lead_note=self.text(d, "lead_note", p),
            owners_text=self.text(d, "owners_text", p),
            dates_note=self.text(d, "dates_note", p),
            depends_on=self.texts(d, "depends_on", p),
            measure=self.text(d, "measure", p),
            milestones=tuple(self.milestones(d, p)),
            updates=tuple(self.updates(d, p)),
        )

    def milestones(self, d: dict, path: YamlPath) -> list[Milestone]:
        out = []
        for i, item in enumerate(self.items(d.get("milestones"), (*path, "milestones"))):
            p = (*path, "milestones", i)
            m = self.fields(item, p, ("text",), ("date_text", "start", "due", "status", "source"))
            if m is None:
                continue
            out.append(
                _record(
                    Milestone,
                    text=str(m.get("text") or ""),
                    date_text=self.text(m, "date_text", p),
                    start=self.date(m, "start", p),
                    due=self.date(m, "due", p),
                    status=self.status(m, "status", p),
                    source=self.source(m, p, False),
                )
            )
        return out

    UPDATE_FIELDS = ("by", "source", "status", "slack_user", "revised_due", "reason")

    def updates(self, d: dict, path: YamlPath) -> list[Update]:
        """Dated updates written in a plan file (e.g. progress an annual report states)."""
        out = []
        for i, item in enumerate(self.items(d.get("updates"), (*path, "updates"))):
            p = (*path, "updates", i)
            u = self.fields(item, p, ("date", "text"), self.UPDATE_FIELDS)
            update = self.update(u, p) if u is not None else None
            if update is not None:
                out.append(update)
        return out

    def add_recorded_updates(self, value: Any, path: YamlPath, _: dict) -> None:
        """Updates recorded from Slack or `actionbot update` (append-only files, merged into their actions)."""
        for i, item in enumerate(self.items(value, path)):
            p = (*path, i)
            u = self.fields(item, p, ("plan", "action", "at", "date", "text"), (*self.UPDATE_FIELDS, "before"))
            if u is None or not u.get("plan") or u.get("action") in (None, ""):
                continue
            update = self.update(u, p)
            if update is not None:
                self.recorded.append((self.file, p, str(u["plan"]), str(u["action"]), update))

    def update(self, u: dict, p: YamlPath) -> Update | None:
        """One update record (None when its date is unusable; the problem is recorded)."""
        date = self.date(u, "date", p)
        if date is None:
            return None
        if u.get("by"):
            self.ref((*p, "by"), str(u["by"]), "person")
        return _record(
            Update,
            date=date,
            text=str(u.get("text") or ""),
            by=self.text(u, "by", p),
            source=self.source(u, p, False),
            status=self.status(u, "status", p) if u.get("status") is not None else None,
            slack_user=self.text(u, "slack_user", p),
            revised_due=self.date(u, "revised_due", p),
            reason=self.text(u, "reason", p),
            at=self.text(u, "at", p),
            before=self.text(u, "before", p),
        )

    def merge_recorded(self) -> None:
        """Append recorded updates to their actions, in the order they were recorded."""
        extra: dict[tuple[str, str], list[Update]] = {}
        for file, path, plan_id, action_id, update in self.recorded:
            plan = self.plans.get(plan_id)
            if plan is None or action_id not in {a.id for a in plan.actions}:
                message = f"no action {shown(action_id)} in plan {shown(plan_id)}"
                self.problems.append((file, (*path, "action"), message))
                continue
            extra.setdefault((plan_id, action_id), []).append(update)
        for plan_id in {key[0] for key in extra}:
            plan = self.plans[plan_id]
            actions = tuple(
                dataclasses.replace(a, updates=a.updates + tuple(extra[a.key])) if a.key in extra else a
                for a in plan.actions
            )
            self.plans[plan_id] = dataclasses.replace(plan, actions=actions, _by_id={})

    def add_committee(self, value: Any, path: YamlPath, data: dict) -> None:
        d = self.fields(value, path, ("id", "name"), ("aliases", "organisation", "members", "agenda_contact", "source"))
        if d is None or not d.get("id"):
            return
        if d.get("agenda_contact"):
            self.ref((*path, "agenda_contact"), str(d["agenda_contact"]), "person")
        cid = str(d["id"])
        if not self.slug(cid, path, "committee"):
            return
        if cid in self.committees:
            self.problem((*path, "id"), f"duplicate committee id {shown(cid)}")
            return
        members = []
        for i, item in enumerate(self.items(d.get("members"), (*path, "members"))):
            mp = (*path, "members", i)
            m = self.fields(item, mp, ("person",), ("role",))
            if m is not None and m.get("person"):
                self.ref((*mp, "person"), str(m["person"]), "person")
                members.append(Member(str(m["person"]), self.text(m, "role", mp)))
        meetings = [
            self.meeting(cid, item, ("meetings", i))
            for i, item in enumerate(self.items(data.get("meetings"), ("meetings",)))
        ]
        work = [
            self.work_item(cid, item, ("work_programme", i))
            for i, item in enumerate(self.items(data.get("work_programme"), ("work_programme",)))
        ]
        dates = {m.date for m in meetings if m}
        for i, w in enumerate(work):
            if w is not None and w.meeting is not None and w.meeting not in dates:
                self.problem(
                    ("work_programme", i, "meeting"),
                    f"no meeting of {cid} on {w.meeting.isoformat()}; add it under meetings:",
                )
        self.committees[cid] = Committee(
            id=cid,
            name=str(d["name"]),
            aliases=self.texts(d, "aliases", path),
            organisation=self.text(d, "organisation", path),
            members=tuple(members),
            meetings=tuple(sorted((m for m in meetings if m), key=lambda m: m.date)),
            work_programme=tuple(w for w in work if w),
            source=self.source(d, path),
            agenda_contact=self.text(d, "agenda_contact", path),
        )

    def people_list(self, d: dict, key: str, path: YamlPath) -> tuple[str, ...]:
        refs = self.texts(d, key, path)
        for j, ref in enumerate(refs):
            self.ref((*path, key, j), ref, "person")
        return refs

    def meeting(self, committee: str, item: Any, p: YamlPath) -> Meeting | None:
        d = self.fields(
            item,
            p,
            ("date",),
            ("time", "end", "venue", "notes", "attendance", "agenda", "resolutions", "source"),
        )
        if d is None:
            return None
        date = self.date(d, "date", p)
        if date is None:
            return None
        if date.precision != "day":
            self.problem((*p, "date"), 'a meeting date must be a day, e.g. "2025-01-14"')
        attendance = None
        if d.get("attendance") is not None:
            ap = (*p, "attendance")
            a = self.fields(d["attendance"], ap, (), ("members", "apologies", "substitutes", "officers", "others"))
            if a is not None:
                attendance = Attendance(
                    *(self.people_list(a, k, ap) for k in ("members", "apologies", "substitutes", "officers")),
                    others=self.texts(a, "others", ap),
                )
        agenda, numbers = [], set()
        for i, item in enumerate(self.items(d.get("agenda"), (*p, "agenda"))):
            entry = self.agenda_item(item, (*p, "agenda", i))
            if entry is None:
                continue
            if entry.number in numbers:
                self.problem((*p, "agenda", i, "number"), f"duplicate agenda item {entry.number}")
            numbers.add(entry.number)
            agenda.append(entry)
        resolutions = []
        for i, item in enumerate(self.items(d.get("resolutions"), (*p, "resolutions"))):
            rp = (*p, "resolutions", i)
            r = self.fields(item, rp, ("id", "text"), ("item", "title", "source"))
            if r is not None and r.get("id"):
                resolutions.append(
                    Resolution(
                        str(r["id"]),
                        self.integer(r, "item", rp),
                        self.text(r, "title", rp),
                        str(r.get("text") or ""),
                        self.source(r, rp, False),
                    )
                )
        notes = []
        for i, item in enumerate(self.items(d.get("notes"), (*p, "notes"))):
            np_ = (*p, "notes", i)
            n = self.fields(item, np_, ("number", "text"), ("source",))
            number = self.integer(n, "number", np_) if n is not None else None
            if n is not None and number is not None:
                notes.append(AgendaNote(number, str(n.get("text") or ""), self.source(n, np_, False)))
        end_time, end_source = None, None
        if d.get("end") is not None:  # when the minutes record the meeting closing
            e = self.fields(d["end"], (*p, "end"), ("time", "source"), ())
            if e is not None:
                end_time, end_source = self.clock(e, "time", (*p, "end")), self.source(e, (*p, "end"))
        return Meeting(
            committee,
            date.date,
            self.text(d, "time", p),
            self.text(d, "venue", p),
            attendance,
            tuple(agenda),
            tuple(resolutions),
            self.source(d, p, False),
            end_time=end_time,
            end_source=end_source,
            notes=tuple(notes),
        )

    def clock(self, d: dict, key: str, path: YamlPath) -> str | None:
        """A 24-hour time, "15:55"."""
        value = self.text(d, key, path)
        if value is not None and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
            self.problem((*path, key), f'expected a 24-hour time such as "15:55", got {shown(value)}')
            return None
        return value

    def integer(self, d: dict, key: str, path: YamlPath) -> int | None:
        value = d.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem((*path, key), f"expected a whole number, got {shown(value)}")
            return None
        return value

    def agenda_item(self, item: Any, p: YamlPath) -> AgendaItem | None:
        optional = (
            "pages",
            "report_of",
            "signatory",
            "contacts",
            "reference",
            "constitutional_comments",
            "financial_comments",
            "purpose",
            "recommendations",
            "report_title",
            "background_papers",
            "no_background_papers",
            "appendix",
            "presented_by",
            "also_called",
            "source",
        )
        d = self.fields(item, p, ("number", "title"), optional)
        if d is None:
            return None
        number = self.integer(d, "number", p)
        if number is None:
            return None
        if d.get("signatory"):
            self.ref((*p, "signatory"), str(d["signatory"]), "person")
        if not isinstance(d.get("no_background_papers", False), bool):
            self.problem(
                (*p, "no_background_papers"), f"expected true or false, got {shown(d['no_background_papers'])}"
            )
        return AgendaItem(
            number=number,
            title=str(d.get("title") or ""),
            pages=self.text(d, "pages", p),
            report_of=self.text(d, "report_of", p),
            signatory=self.text(d, "signatory", p),
            contacts=self.people_list(d, "contacts", p),
            reference=self.text(d, "reference", p),
            constitutional_comments=self.text(d, "constitutional_comments", p),
            financial_comments=self.text(d, "financial_comments", p),
            purpose=self.text(d, "purpose", p),
            recommendations=self.texts(d, "recommendations", p),
            source=self.source(d, p, False),
            report_title=self.text(d, "report_title", p),
            background_papers=self.texts(d, "background_papers", p),
            no_background_papers=bool(d.get("no_background_papers", False)),
            appendix=self.appendix(d.get("appendix"), (*p, "appendix")),
            **self.presented_by(d.get("presented_by"), (*p, "presented_by")),
            **self.also_called(d.get("also_called"), (*p, "also_called")),
        )

    def also_called(self, item: Any, p: YamlPath) -> dict[str, Any]:
        """Other names the papers give an item's subject, and the sentence that gives them."""
        if item is None:
            return {}
        d = self.fields(item, p, ("names", "source"), ())
        if d is None:
            return {}
        return {"aliases": self.texts(d, "names", p), "aliases_source": self.source(d, p)}

    def presented_by(self, item: Any, p: YamlPath) -> dict[str, Any]:
        """Who the minutes say presented an item: their person ids and the minutes' sentence naming them."""
        if item is None:
            return {}
        d = self.fields(item, p, ("people", "source"), ())
        if d is None:
            return {}
        return {"presenters": self.people_list(d, "people", p), "presenters_source": self.source(d, p)}

    def appendix(self, item: Any, p: YamlPath) -> Appendix | None:
        if item is None:
            return None
        d = self.fields(item, p, ("title",), ("signatory", "signatory_title", "signed", "source"))
        if d is None:
            return None
        if d.get("signatory"):
            self.ref((*p, "signatory"), str(d["signatory"]), "person")
        return Appendix(
            title=str(d.get("title") or ""),
            signatory=self.text(d, "signatory", p),
            signatory_title=self.text(d, "signatory_title", p),
            signed=self.text(d, "signed", p),
            source=self.source(d, p, False),
        )

    def work_item(self, committee: str, item: Any, p: YamlPath) -> WorkItem | None:
        d = self.fields(item, p, ("title",), ("meeting", "standing", "sponsors", "sponsors_text", "source"))
        if d is None:
            return None
        meeting = self.date(d, "meeting", p)
        return WorkItem(
            committee,
            meeting.date if meeting else None,
            bool(d.get("standing", False)),
            str(d.get("title") or ""),
            self.people_list(d, "sponsors", p),
            self.text(d, "sponsors_text", p),
            self.source(d, p, False),
        )

    def add_paper(self, value: Any, path: YamlPath, data: dict) -> None:
        """A source document and its passages (`paper:` and `passages:` in one file)."""
        d = self.fields(value, path, ("id", "title", "seed"), ("parts",))
        if d is None or not d.get("id"):
            return
        pid = str(d["id"])
        if pid in self.papers:
            self.problem((*path, "id"), f"duplicate paper id {pid!r}")
            return
        parts = []
        for i, item in enumerate(self.items(d.get("parts"), (*path, "parts"))):
            pp = (*path, "parts", i)
            part = self.fields(item, pp, ("id", "title"), ("pages",))
            if part is None or not part.get("id"):
                continue
            if any(p.id == str(part["id"]) for p in parts):
                self.problem((*pp, "id"), f"duplicate part id {part['id']!r}")
                continue
            parts.append(PaperPart(str(part["id"]), str(part.get("title") or ""), self.text(part, "pages", pp)))
        part_ids = {p.id for p in parts}
        passages = [
            self.passage(pid, part_ids, item, ("passages", i))
            for i, item in enumerate(self.items(data.get("passages"), ("passages",)))
        ]
        kept = tuple(p for p in passages if p is not None)
        if not passages:
            self.problem(("passages",), f"paper {pid!r} has no passages")
        tables = [
            self.table(pid, part_ids, item, ("tables", i))
            for i, item in enumerate(self.items(data.get("tables"), ("tables",)))
        ]
        self.papers[pid] = Paper(
            pid, str(d["title"]), str(d["seed"]), tuple(parts), kept, tuple(t for t in tables if t is not None)
        )

    def table(self, paper: str, part_ids: set[str], item: Any, p: YamlPath) -> Table | None:
        """A table of figures: every row has a label and exactly one cell per column."""
        d = self.fields(item, p, ("id", "title", "location", "columns", "rows"), ("part", "line"))
        if d is None or not d.get("id") or not d.get("title") or not d.get("location"):
            return None
        part = self.text(d, "part", p)
        if part is not None and part not in part_ids:
            self.problem((*p, "part"), f"unknown part {part!r}")
        columns = self.texts(d, "columns", p)
        if not columns:
            self.problem((*p, "columns"), "a table needs its columns' headings")
            return None
        rows = []
        for i, row in enumerate(self.items(d.get("rows"), (*p, "rows"))):
            rp = (*p, "rows", i)
            r = self.fields(row, rp, ("cells",), ("label",))
            if r is None:
                continue
            cells = tuple("" if c is None else str(c) for c in self.items(r.get("cells"), (*rp, "cells")))
            if len(cells) != len(columns):
                self.problem((*rp, "cells"), f"{len(cells)} cells for {len(columns)} columns")
                continue
            rows.append(TableRow(str(r.get("label") or ""), cells))
        return Table(
            str(d["id"]),
            paper,
            str(d["title"]),
            str(d["location"]),
            columns,
            tuple(rows),
            part,
            self.integer(d, "line", p),
        )

    def passage(self, paper: str, part_ids: set[str], item: Any, p: YamlPath) -> Passage | None:
        d = self.fields(item, p, ("id", "text", "location"), ("part", "section", "paragraph", "page", "line"))
        if d is None or not d.get("id") or not d.get("text") or not d.get("location"):
            return None
        ident = str(d["id"])
        if ident in self.passage_origin:
            first = self.passage_origin[ident].name
            self.problem((*p, "id"), f"duplicate passage id {ident!r} (first defined in {first})")
            return None
        self.passage_origin[ident] = self.file
        part = self.text(d, "part", p)
        if part is not None and part not in part_ids:
            known = ", ".join(sorted(part_ids)) or "none: add parts: to the paper"
            self.problem((*p, "part"), f"unknown part {part!r}; the paper's parts are {known}")
        text = self.text(d, "text", p)
        location = self.text(d, "location", p)
        if text is None or location is None:
            return None
        return Passage(
            id=ident,
            paper=paper,
            text=" ".join(text.split()),
            location=location,
            part=part,
            section=self.text(d, "section", p),
            paragraph=self.text(d, "paragraph", p),
            page=self.integer(d, "page", p),
            line=self.integer(d, "line", p),
        )

    # -- cross-checks -----------------------------------------------------------------------
    def finish(self) -> KnowledgeBase:
        pools = {
            "person": (self.people, "person"),
            "organisation": (self.organisations, "organisation"),
            "lead": ({**self.people, **self.roles}, "person or role"),
        }
        self.merge_recorded()
        for file, path, ref, kind in self.refs:
            pool, what = pools[kind]
            if ref not in pool:
                self.problems.append((file, path, f"unknown {what} {shown(ref)}; define it or fix the id"))
        if self.problems:
            raise KnowledgeError(self.located_problems())
        return KnowledgeBase(
            str(self.root), self.organisations, self.people, self.roles, self.plans, self.committees, self.papers
        )

    def located_problems(self) -> list[Problem]:
        """Every problem with its line: each file with problems is composed once, however many it has."""
        from knowledge import yamlio

        out = []
        lines: dict[Path, yamlio.Lines] = {}
        for file, path, message in self.problems:
            if path and path[0] == "@line":
                line, field = (path[1] or None), "(file)"
            else:
                if file in self.raw and file not in lines:
                    lines[file] = yamlio.Lines(self.raw[file])
                line = lines[file].line_of(path) if file in lines else None
                field = _field_name(path)
            out.append(Problem(_display(file, self.root), line, field, message))
        return out


def _record(cls: type[_R], **values: Any) -> _R:
    """cls(**values) for a frozen dataclass given every field, without its generated __init__.

    The loader makes tens of thousands of actions, milestones and updates; a frozen dataclass's __init__
    sets each field through object.__setattr__, four times slower than filling the instance's __dict__ as
    pickle and copy do. tests/knowledge/test_loader.py checks the result equals cls(**values).
    """
    obj = object.__new__(cls)
    obj.__dict__.update(values)
    return obj


@lru_cache(maxsize=64)
def _allowed(required: tuple[str, ...], optional: tuple[str, ...]) -> frozenset[str]:
    return frozenset(required) | frozenset(optional)


def _field_name(path: YamlPath) -> str:
    name = ""
    for step in path:
        name += f"[{step}]" if isinstance(step, int) else (f".{step}" if name else str(step))
    return name or "(file)"


def _display(file: Path, root: Path) -> str:
    try:
        return str(file.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(file)
