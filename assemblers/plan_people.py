"""Match the leads a plan table names to the knowledge base's people and roles, showing each match.

A lead cell such as "Lead Officer: Laurence Jones, Service Director, Commissioning and Resources" names a
person (the words before the first comma) with a title; "Corporate Director" names a role. People are
matched by name (typos and initials tolerated), roles by title; a role is never turned into a person:
unmatched role-like words ("Head of Children in Care") become a new role, unmatched names a new person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.index import NameIndex
from knowledge.models import KnowledgeBase
from knowledge.text import fold, fuzz, process

_PREFIX = re.compile(
    r"^\s*(?:joint\s+)?(?:lead\s+officers?\s*(?:\(s\))?|leads?|owners?|responsible(?:\s+officer)?)\s*:\s*", re.I
)
ROLE_WORDS = frozenset(
    [
        "director",
        "head",
        "manager",
        "officer",
        "lead",
        "chair",
        "chief",
        "team",
        "group",
        "board",
        "service",
        "services",
        "council",
        "partnership",
        "panel",
        "committee",
        "commissioner",
        "coordinator",
        "co-ordinator",
        "designated",
        "principal",
        "senior",
        "assistant",
        "deputy",
        "executive",
        "nurse",
        "doctor",
        "inspector",
        "superintendent",
        "constable",
        "all",
        "partners",
        "agencies",
        "member",
        "members",
        "safeguarding",
        "children",
        "social",
        "care",
        "department",
        "directorate",
        "unit",
        "hub",
        "network",
        "forum",
    ]
)
PERSON_CUTOFF = 86
ROLE_CUTOFF = 92


@dataclass(frozen=True)
class LeadMatch:
    written: str  # the words as the cell gives them
    ref: str  # person or role id
    kind: str  # "person" | "role"
    how: str  # "exact" | "fuzzy 91%" | "initial" | "new"
    name: str  # the matched name or title


@dataclass
class NewRecords:
    """People and roles the import creates, keyed by id, as YAML-ready dicts."""

    people: dict[str, dict] = field(default_factory=dict)
    roles: dict[str, dict] = field(default_factory=dict)


def split_leads(cell: str) -> list[str]:
    """One entry per lead: lines and semicolons separate leads; "Lead Officer:" prefixes are dropped."""
    parts = []
    for line in re.split(r"[\n;]", cell):
        line = _PREFIX.sub("", line).strip(" ,.")
        if line:
            parts.append(line)
    return parts


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:60] or "lead"


def looks_like_name(text: str) -> bool:
    """Two to four capitalised words, none of them a job word: "Pam Rosseter", "Dr Jane Smith"."""
    words = text.replace(".", " ").split()
    if not 2 <= len(words) <= 4:
        return False
    return all(w[:1].isupper() for w in words) and not any(w.lower() in ROLE_WORDS for w in words)


class LeadMatcher:
    """Resolves lead cells against one knowledge base; remembers the new people and roles it creates."""

    def __init__(self, kb: KnowledgeBase, source: dict, organisation: str | None = None) -> None:
        self.kb = kb
        self.index = NameIndex(kb)
        self.organisation = organisation
        self.source = source
        self.new = NewRecords()
        self.taken = set(kb.people) | set(kb.roles)
        self._seen: dict[str, LeadMatch] = {}  # trackers repeat the same few leads on every row

    def match_cell(self, cell: str, source: dict) -> list[LeadMatch]:
        out: list[LeadMatch] = []
        for part in split_leads(cell):
            match = self._seen.get(part) or self._seen.setdefault(part, self.match(part, source))
            if match.ref not in {m.ref for m in out}:
                out.append(match)
        return out

    def match(self, part: str, source: dict) -> LeadMatch:
        name, _, title = (s.strip() for s in part.partition(","))
        folded_name, folded_part = fold(name), fold(part)
        # 1. a person by exact name or alias (the words before the first comma)
        if folded_name in self.index.person_names:
            pid = self.index.person_ids[self.index.person_names.index(folded_name)]
            return LeadMatch(part, pid, "person", "exact", self.kb.people[pid].name)
        # 2. a role by exact title or alias (the whole entry, or the words before a comma)
        for candidate in (folded_part, folded_name):
            rid = self._role_exact(candidate)
            if rid:
                return LeadMatch(part, rid, "role", "exact", self.kb.roles[rid].title)
        # 3. a role-like entry goes to roles only; a name-like entry to people only
        if looks_like_name(name):
            found = self._person_fuzzy(name)
            if found:
                return found_match(part, found, self.kb)
            return self._new_person(part, name, title, source)
        hit = process.extractOne(folded_part, self.index.role_titles, scorer=fuzz.ratio, score_cutoff=ROLE_CUTOFF)
        if hit:
            rid = self.index.role_ids[hit[2]]
            return LeadMatch(part, rid, "role", f"fuzzy {hit[1]:.0f}%", self.kb.roles[rid].title)
        return self._new_role(part, source)

    def _role_exact(self, folded: str) -> str | None:
        ids = [rid for t, rid in zip(self.index.role_titles, self.index.role_ids, strict=True) if t == folded]
        if not ids:
            return None
        ours = [r for r in ids if self.kb.roles[r].organisation == self.organisation]
        return (ours or ids)[0]

    def _person_fuzzy(self, name: str) -> tuple[str, str] | None:
        folded = fold(name)
        hit = process.extractOne(folded, self.index.person_names, scorer=fuzz.ratio, score_cutoff=PERSON_CUTOFF)
        if hit:
            return self.index.person_ids[hit[2]], f"fuzzy {hit[1]:.0f}%"
        words = folded.split()
        if len(words) >= 2 and len(words[0]) == 1:  # "P Johnson" / "P. Johnson": initial and unique surname
            ids = [
                pid
                for pid in self.index.surnames.get(words[-1], set())
                if fold(self.kb.people[pid].name).startswith(words[0])
            ]
            if len(ids) == 1:
                return ids[0], "initial and surname"
        return None

    def _unique(self, base: str) -> str:
        ident, n = base, 2
        while ident in self.taken:
            ident, n = f"{base}-{n}", n + 1
        self.taken.add(ident)
        return ident

    def _new_person(self, part: str, name: str, title: str, source: dict) -> LeadMatch:
        for pid, record in self.new.people.items():
            if fold(record["name"]) == fold(name):
                return LeadMatch(part, pid, "person", "new", record["name"])
        pid = self._unique(_slug(name))
        record: dict = {"id": pid, "name": name, "aliases": [], "titles": [title] if title else []}
        if self.organisation:
            record["organisation"] = self.organisation
        record["source"] = {**source, "quote": part}
        self.new.people[pid] = record
        return LeadMatch(part, pid, "person", "new", name)

    def _new_role(self, part: str, source: dict) -> LeadMatch:
        for rid, record in self.new.roles.items():
            if fold(record["title"]) == fold(part):
                return LeadMatch(part, rid, "role", "new", record["title"])
        rid = self._unique(_slug(part))
        record: dict = {"id": rid, "title": part}
        if self.organisation:
            record["organisation"] = self.organisation
        record.update({"aliases": [], "holders": [], "source": {**source, "quote": part}})
        self.new.roles[rid] = record
        return LeadMatch(part, rid, "role", "new", part)


def found_match(part: str, found: tuple[str, str], kb: KnowledgeBase) -> LeadMatch:
    pid, how = found
    return LeadMatch(part, pid, "person", how, kb.people[pid].name)
