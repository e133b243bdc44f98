"""Which column of a plan table holds what: header words as councils write them, and ids as written."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assemblers.grids import Grid, ImportFailure, Row

FIELDS = (
    "id",
    "text",
    "recommendation",
    "theme",
    "leads",
    "timescale",
    "start",
    "due",
    "status",
    "measure",
    "milestones",
    "ignore",
)

# Header words -> field. Matched on the folded heading, whole heading first, then its first words.
HEADINGS: dict[str, str] = {
    "id": "id",
    "ref": "id",
    "reference": "id",
    "no": "id",
    "number": "id",
    "action id": "id",
    "action no": "id",
    "action number": "id",
    "action ref": "id",
    "action": "text",
    "actions": "text",
    "action text": "text",
    "actions to be taken": "text",
    "title": "text",
    "task": "text",
    "activity": "text",
    "key activity": "text",
    "key activities": "text",
    "what we will do": "text",
    "recommendation": "recommendation",
    "recommendations": "recommendation",
    "recommendation addressed": "recommendation",
    "finding": "recommendation",
    "theme": "theme",
    "priority": "theme",
    "area": "theme",
    "workstream": "theme",
    "lead": "leads",
    "leads": "leads",
    "lead officer": "leads",
    "lead officers": "leads",
    "lead officer s": "leads",
    "lead officers s": "leads",
    "lead s": "leads",
    "owner": "leads",
    "owners": "leads",
    "owner s": "leads",
    "responsible": "leads",
    "responsible officer": "leads",
    "who": "leads",
    "timescale": "timescale",
    "timescales": "timescale",
    "by when": "timescale",
    "when": "timescale",
    "deadline": "due",
    "due": "due",
    "due date": "due",
    "due by": "due",
    "target date": "due",
    "completion date": "due",
    "start": "start",
    "start date": "start",
    "status": "status",
    "measure": "measure",
    "measures": "measure",
    "measure of success": "measure",
    "success measure": "measure",
    "how progress is measured": "measure",
    "how will we know": "measure",
    "outcome": "measure",
    "update": "milestones",
    "updates": "milestones",
    "progress": "milestones",
    "progress update": "milestones",
    "milestones": "milestones",
    "rag": "ignore",
    "derived status": "ignore",
    "latest update": "ignore",
    "source": "ignore",
    "plan": "ignore",
}
ID_TEXT = re.compile(
    r"^\s*(?P<id>(?:Action|Rec(?:ommendation)?)\s+\d+(?:\.\d+)*[a-z]?|[A-Z]{1,5}\s?\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)*[a-z]?)"
    r"\s*[.:)]?\s*[–—-]\s*(?P<rest>\S.*)$",
    re.S,
)
ID_CELL = re.compile(r"^\s*(?P<id>(?:Action\s+)?[A-Za-z]{0,5}\s?\d+(?:\.\d+)*[a-z]?)\s*[.:)]?\s*$")


def fold_heading(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def heading_field(text: str) -> str | None:
    """The field a column heading names, or None."""
    folded = fold_heading(text)
    if not folded:
        return None
    if folded in HEADINGS:
        return HEADINGS[folded]
    words = folded.split()
    for n in range(min(3, len(words)), 0, -1):
        key = " ".join(words[:n])
        if key in HEADINGS:
            return HEADINGS[key]
    return None


@dataclass(frozen=True)
class Header:
    """A recognised header row: which column holds which field."""

    row: int  # index into grid.rows
    columns: dict[int, str]  # column -> field
    headings: tuple[str, ...]

    def column(self, name: str) -> int | None:
        return next((c for c, f in self.columns.items() if f == name), None)

    def describe(self) -> str:
        parts = [f"{self.headings[c] or '(blank)'}={f}" for c, f in sorted(self.columns.items()) if f != "ignore"]
        return ", ".join(parts)

    def signature(self) -> tuple[str, ...]:
        return tuple(fold_heading(h) for h in self.headings)


def parse_map(items: list[str]) -> dict[str, str]:
    """--map "Column heading=field" options; raises ImportFailure for an unknown field."""
    out = {}
    for item in items:
        heading, sep, field = item.partition("=")
        field = field.strip().lower()
        if not sep or field not in FIELDS:
            raise ImportFailure(
                f'--map {item!r}: write it as "Column heading=field", with field one of {", ".join(FIELDS)}.'
            )
        out[fold_heading(heading)] = field
    return out


def find_header(grid: Grid, overrides: dict[str, str], scan: int = 10) -> Header | None:
    """The first of the grid's top rows that names an action column and at least one other field."""
    for i, row in enumerate(grid.rows[:scan]):
        cells = tuple((c or "") for c in row.cells)
        columns: dict[int, str] = {}
        for c, heading in enumerate(cells):
            field = overrides.get(fold_heading(heading)) or heading_field(heading)
            if field and field not in columns.values():
                columns[c] = field
        if "text" in columns.values() and len([f for f in columns.values() if f != "ignore"]) >= 2:
            if "id" not in columns.values():
                blank = _blank_id_column(grid, i, cells, columns)
                if blank is not None:
                    columns[blank] = "id"
            return Header(i, columns, cells)
    return None


def _blank_id_column(grid: Grid, header_row: int, cells: tuple[str, ...], columns: dict[int, str]) -> int | None:
    """A column with a blank heading whose cells look like action numbers ("1.", "7a.") is the id column."""
    for c, heading in enumerate(cells):
        if heading.strip() or c in columns:
            continue
        values = [r.cells[c] for r in grid.rows[header_row + 1 :] if c < len(r.cells) and r.cells[c]]
        if values and sum(bool(ID_CELL.match(v)) for v in values) >= 0.6 * len(values):
            return c
    return None


def is_header_repeat(row: Row, header: Header) -> bool:
    """A header row repeated on a later page or in a later table."""
    return tuple(fold_heading(c or "") for c in row.cells) == header.signature()


def clean_id(raw: str) -> str:
    """An id as written, without a trailing full stop: "7a." -> "7a", "Action 7 " -> "Action 7"."""
    return " ".join(raw.split()).rstrip(".:)").strip()
