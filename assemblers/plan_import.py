"""Turn a plan table in a Word, Excel or CSV file into a knowledge-base plan file, validated before writing.

Steps: read the file's tables (docx_reader / xlsx_reader / csv), recognise the header row by its words,
walk the rows (ids as written, merged and blank cells continuing the row above, rows split across a page
joined to their action), read timescales and update cells by the knowledge base's date rules
(knowledge/timescales.py), match leads to people and roles (plan_people.py), then build the YAML and load
the whole knowledge base with it through the same loader `actionbot check` uses. Nothing is written here:
`write_plan` does that, atomically, after the caller has shown the summary.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from assemblers.grids import Grid, ImportFailure, Row, check_grid, check_size
from assemblers.plan_columns import ID_CELL, ID_TEXT, Header, clean_id, find_header, is_header_repeat, parse_map
from assemblers.plan_people import LeadMatch, LeadMatcher
from knowledge import yamlio
from knowledge.dates import parse_datespec
from knowledge.errors import KnowledgeError
from knowledge.loader import BUNDLED, build, kb_files
from knowledge.models import STATUSES, KnowledgeBase, Plan
from knowledge.timescales import read_action_text_timescale, read_timescale, split_milestones
from knowledge.updates import atomic_write, locked

INHERIT = ("recommendation", "theme", "leads")  # a blank cell here continues the row above
MILESTONE_SHEET = "Milestones"
OVERDUE_SHEET = "Overdue"
_STATUS_WORDS = {
    "complete": "complete",
    "completed": "complete",
    "done": "complete",
    "closed": "complete",
    "in progress": "in-progress",
    "in-progress": "in-progress",
    "on track": "in-progress",
    "started": "in-progress",
    "not started": "not-started",
    "not-started": "not-started",
    "ongoing": "ongoing",
    "not stated": "not-stated",
    "not-stated": "not-stated",
}


@dataclass(frozen=True)
class ImportOptions:
    plan_id: str
    title: str | None = None
    table: int | None = None  # 1-based table number (Word) or sheet number
    sheet: str | None = None
    mapping: tuple[str, ...] = ()


@dataclass
class _Draft:
    """One action being assembled from a row and its continuation rows."""

    id: str
    row: Row
    grid: Grid
    cells: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportResult:
    plan: Plan  # the plan as the loader read it back
    yaml_text: str
    target: Path  # the file it would be written to
    replaces: Plan | None  # the plan it replaces, if any
    summary: list[str]
    warnings: list[str]
    new_people: list[str]
    new_roles: list[str]

    def changes(self) -> list[str]:
        """What replacing the existing plan changes: actions added, removed, leads, dates, milestones."""
        return describe_changes(self.replaces, self.plan) if self.replaces else []


# -- reading files -----------------------------------------------------------------------------
def read_grids(path: Path) -> list[Grid]:
    """The tables of a .docx, the sheets of an .xlsx, or the one table of a .csv."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from assemblers.docx_reader import read_tables

        return read_tables(path)
    if suffix in (".xlsx", ".xlsm"):
        from assemblers.xlsx_reader import read_sheets

        return read_sheets(path)
    if suffix == ".csv":
        return [read_csv(path)]
    raise ImportFailure(f"{path.name}: import reads .docx, .xlsx and .csv files, not {suffix or 'files without one'}.")


def read_csv(path: Path) -> Grid:
    check_size(path)
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise ImportFailure(f"{path.name}: this is not a CSV text file (it contains binary data).")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    try:
        rows = [
            Row(n, tuple(c.strip() for c in cells))
            for n, cells in enumerate(csv.reader(io.StringIO(text, newline="")), start=1)
            if any(c.strip() for c in cells)
        ]
    except csv.Error as exc:
        raise ImportFailure(f"{path.name}: not readable as CSV ({exc}).") from None
    width = max((len(r.cells) for r in rows), default=0)
    grid = Grid("the CSV table", tuple(Row(r.number, r.cells + ("",) * (width - len(r.cells))) for r in rows))
    check_grid(path, grid)
    return grid


def choose_tables(path: Path, grids: list[Grid], options: ImportOptions) -> tuple[Header, list[tuple[Grid, Header]]]:
    """The plan's table(s): the one asked for, else the first with a plan header and any later tables that
    repeat that header (a table split across pages). Raises ImportFailure naming what was found."""
    overrides = parse_map(list(options.mapping))
    if not grids:
        raise ImportFailure(f"{path.name}: the file has no table. Import reads an action plan laid out as a table.")
    chosen = grids
    if options.sheet is not None:
        chosen = [g for g in grids if g.name == options.sheet]
        if not chosen:
            names = ", ".join(repr(g.name) for g in grids if g.name != MILESTONE_SHEET)
            raise ImportFailure(f"{path.name}: no sheet {options.sheet!r}. Sheets: {names}.")
    elif options.table is not None:
        if not 1 <= options.table <= len(grids):
            raise ImportFailure(f"{path.name}: --table {options.table}, but the file has {len(grids)} table(s).")
        chosen = [grids[options.table - 1]]
    found = [(g, h) for g in chosen if g.name != MILESTONE_SHEET and (h := find_header(g, overrides))]
    if not found:
        where = chosen[0].where if len(chosen) == 1 else f"any of its {len(chosen)} tables"
        first = next((r for r in chosen[0].rows if any(r.cells)), None)
        seen = " | ".join(c or "" for c in first.cells) if first else "nothing"
        raise ImportFailure(
            f"{path.name}: no action-plan header row in {where} (the first row reads: {seen[:200]}). "
            'A header names an Action column and a Lead, Timescale, Update or ID column; use --map "Heading=field" '
            "to name a column, or --table / --sheet to choose the table."
        )
    header = found[0][1]
    if options.table is None and options.sheet is None:
        if path.suffix.lower() in (".xlsx", ".xlsm"):  # sheets are separate tables: one, by name or alone
            named = [(g, h) for g, h in found if g.name == options.plan_id]
            plans = [(g, h) for g, h in found if g.name != OVERDUE_SHEET]
            if named:
                return named[0][1], named
            if len(plans) > 1:
                names = ", ".join(repr(g.name) for g, _ in plans)
                raise ImportFailure(
                    f"{path.name}: several sheets hold a plan table ({names}); choose one with --sheet."
                )
            return plans[0][1], plans[:1]
        found = [found[0], *[(g, h) for g, h in found[1:] if h.signature() == header.signature()]]
    return header, found


# -- rows to actions ---------------------------------------------------------------------------
def drafts_from(path: Path, tables: list[tuple[Grid, Header]], warnings: list[str]) -> list[_Draft]:
    """Rows to actions. In a Word table a blank theme, recommendation or lead cell continues the row above (as
    councils write them); in a spreadsheet only a merged cell does, since a blank cell there means none."""
    inherit_blank = path.suffix.lower() == ".docx"
    drafts: list[_Draft] = []
    for grid, header in tables:
        id_col, text_col = header.column("id"), header.column("text")
        for row in grid.rows[header.row + 1 :]:
            if not any(row.cells) or is_header_repeat(row, header):
                continue
            values = {
                f: (row.cells[c] if c < len(row.cells) else "") for c, f in header.columns.items() if f != "ignore"
            }
            if row.full_width:
                _full_width_row(path, grid, row, values, drafts, warnings)
                continue
            ident, text = _row_id(values, id_col, text_col)
            if ident is None:
                if not drafts:
                    raise ImportFailure(
                        f"{path.name}, {grid.where}, row {row.number}: the first row after the header has no action "
                        'id. Add an ID column, write ids at the start of the action text ("Action 1 – ..."), or '
                        'name the id column with --map "Heading=id".'
                    )
                _continue(drafts[-1], values)
                continue
            cells = {f: v for f, v in values.items() if f != "id"}
            cells["text"] = text
            previous = drafts[-1] if drafts else None
            for f, v in list(cells.items()):
                if v is None:  # vertically merged with the cell above
                    cells[f] = previous.cells.get(f, "") if previous else ""
                    if previous is not None and f in INHERIT:
                        cells[f"_{f}_inherited"] = previous.cells.get(f"_{f}_inherited", previous.id)
                elif inherit_blank and not v.strip() and f in INHERIT and previous is not None:
                    cells[f] = previous.cells.get(f, "")
                    cells[f"_{f}_inherited"] = previous.cells.get(f"_{f}_inherited", previous.id)
            drafts.append(_Draft(ident, row, grid, {k: v or "" for k, v in cells.items()}))
    if not drafts:
        raise ImportFailure(f"{path.name}, {tables[0][0].where}: the table has a header but no action rows.")
    return drafts


def _row_id(values: dict, id_col: int | None, text_col: int | None) -> tuple[str | None, str]:
    text = (values.get("text") or "").strip()
    if id_col is not None:
        raw = (values.get("id") or "").strip()
        if not raw:
            return None, text
        m = ID_CELL.match(raw)
        return clean_id(m["id"] if m else raw), text
    m = ID_TEXT.match(text)
    if m:
        return clean_id(m["id"]), m["rest"].strip()
    return None, text


def _continue(draft: _Draft, values: dict) -> None:
    """A row with no id continues the action above (a row split across a page break)."""
    for f, v in values.items():
        if f == "id" or not v or not v.strip():
            continue
        old = draft.cells.get(f, "")
        joiner = "\n" if f == "milestones" or not old or old.rstrip()[-1:] in ".!?:;" else " "
        draft.cells[f] = (old + joiner + v.strip()).strip() if old else v.strip()
    draft.cells["_continued"] = "yes"


def _full_width_row(path: Path, grid: Grid, row: Row, values: dict, drafts: list[_Draft], warnings: list[str]) -> None:
    """A row that is one cell across the table: a plan-wide action when it ends with a date, else a heading."""
    text = next((v for v in values.values() if v), "")
    entries = split_milestones(text)
    if len(entries) == 1 and entries[0].due:
        ident = "All actions" if not any(d.id == "All actions" for d in drafts) else f"Row {row.number}"
        draft = _Draft(ident, row, grid, {"text": entries[0].text, "timescale": entries[0].date_text})
        draft.cells["_full_width"] = "yes"
        drafts.append(draft)
        warnings.append(
            f"{grid.where}, row {row.number}: a row across the whole table with no id, ending with a date; kept as "
            f'the action "{ident}" (an id given by the import, not the file).'
        )
    else:
        warnings.append(
            f"{grid.where}, row {row.number}: a row across the whole table with no id was skipped: {text[:80]!r}"
        )


# -- actions to YAML ---------------------------------------------------------------------------
def _one_line(text: str) -> str:
    return " ".join(text.split())


def _date_or_words(value: str, what: str, where: str, warnings: list[str]) -> str | None:
    """A due/start cell: a knowledge-base date as written, else the date its words state."""
    value = value.strip()
    if not value:
        return None
    try:
        return parse_datespec(value).text
    except ValueError:
        pass
    read = read_timescale(value)
    got = read.due if what == "due" else (read.start or read.due)
    if got is None:
        warnings.append(f"{where}: {what} {value!r} is not a date I can read; no {what} date recorded.")
    return got


def action_record(
    draft: _Draft, matcher: LeadMatcher, file_name: str, milestones_extra: list[dict], warnings: list[str]
) -> tuple[dict, list[LeadMatch]]:
    cells = draft.cells
    where = f"{draft.grid.where}, row {draft.row.number}"
    source = {"seed": file_name, "quote": _one_line(cells.get("text", ""))[:120] or draft.id, "location": where}
    leads = matcher.match_cell(cells.get("leads", ""), {"seed": file_name, "location": where})
    record: dict = {"id": draft.id}
    for f in ("theme", "recommendation"):
        if cells.get(f, "").strip():
            record[f] = _one_line(cells[f])
    record["text"] = _one_line(cells.get("text", "")) or draft.id
    record["leads"] = [m.ref for m in leads]
    notes = []
    if cells.get("leads", "").strip():
        notes.append(f"Lead as written: {_one_line(cells['leads']).rstrip(';,. ')}.")
    if "_leads_inherited" in cells:
        notes.append(f"Lead cell blank (merged) in the file: continues the lead of {cells['_leads_inherited']}.")
    if notes:
        record["lead_note"] = " ".join(notes)
    timescale_words = _one_line(cells.get("timescale", ""))
    explicit = "due" in cells or "start" in cells  # Due / Start columns: their dates, not the words'
    read = read_timescale(timescale_words) if timescale_words else None
    if read is None and not explicit:
        read = read_action_text_timescale(record["text"])
    record["timescale"] = read.text if read and read.text else None
    start = _date_or_words(cells.get("start", ""), "start", where, warnings) if cells.get("start") else None
    due = _date_or_words(cells.get("due", ""), "due", where, warnings) if cells.get("due") else None
    if explicit:
        read = None
    if read is not None:
        start = start or read.start
        due = due or read.due
        if read.text and not (read.start or read.due or read.status or read.done):
            warnings.append(f"{where}: timescale {read.text!r} states no date I can read; no due date recorded.")
    record["start"], record["due"] = start, due
    record["depends_on"] = []
    status_cell = cells.get("status", "").strip().lower()
    status = _STATUS_WORDS.get(status_cell)
    if status_cell and status is None:
        warnings.append(f"{where}: status {cells['status']!r} is not one I know; recorded as not-stated.")
    record["status"] = status or (read.status if read and read.status else "not-stated")
    record["measure"] = _one_line(cells["measure"]) if cells.get("measure", "").strip() else None
    milestones = []
    if read is not None and read.done:
        date_text, text, date = read.done
        milestones.append({"text": text, "date_text": date_text, "start": None, "due": date, "status": "complete"})
    for entry in split_milestones(cells.get("milestones", "")):
        milestones.append(
            {
                "text": entry.text,
                "date_text": entry.date_text or None,
                "start": entry.start,
                "due": entry.due,
                "status": entry.status,
            }
        )
    milestones.extend(milestones_extra)
    record["milestones"] = milestones
    record["updates"] = []
    record["source"] = source
    return record, leads


def _milestone_rows(grids: list[Grid], plan_id: str) -> dict[str, list[dict]]:
    """Milestones from an exported workbook's Milestones sheet (actionbot export xlsx), by action id."""
    sheet = next((g for g in grids if g.name == MILESTONE_SHEET), None)
    if sheet is None or not sheet.rows:
        return {}
    head = [(c or "").strip().lower() for c in sheet.rows[0].cells]
    out: dict[str, list[dict]] = {}
    for row in sheet.rows[1:]:
        values = dict(zip(head, ((c or "") for c in row.cells), strict=False))
        if values.get("plan") != plan_id or not values.get("action"):
            continue
        status = values.get("status") or "not-stated"
        out.setdefault(values["action"], []).append(
            {
                "text": values.get("milestone", ""),
                "date_text": values.get("date as written") or None,
                "start": values.get("start") or None,
                "due": values.get("due") or None,
                "status": status if status in STATUSES else "not-stated",
            }
        )
    return out


def build_import(kb: KnowledgeBase, root: Path, path: Path, options: ImportOptions) -> ImportResult:
    """Read `path` and build the plan file for `options.plan_id`, validated against the knowledge base at `root`.

    Raises ImportFailure with a message naming file, table and row. Writes nothing.
    """
    grids = read_grids(path)
    header, tables = choose_tables(path, grids, options)
    warnings: list[str] = []
    drafts = drafts_from(path, tables, warnings)
    existing = kb.plans.get(options.plan_id)
    organisation = existing.organisation if existing else None
    source = {"seed": path.name, "location": tables[0][0].where}
    matcher = LeadMatcher(kb, source, organisation)
    extra = _milestone_rows(grids, options.plan_id)
    actions, seen, matches = [], {}, []
    for draft in drafts:
        if draft.id in seen:
            raise ImportFailure(
                f"{path.name}, {draft.grid.where}, row {draft.row.number}: action id {draft.id!r} is used twice "
                f"(first at row {seen[draft.id]}); ids must be unique in a plan."
            )
        seen[draft.id] = draft.row.number
        record, leads = action_record(draft, matcher, path.name, extra.get(draft.id, []), warnings)
        actions.append(record)
        matches.extend((draft.id, m) for m in leads)
        if not leads and "_full_width" not in draft.cells:
            warnings.append(f"{draft.grid.where}, row {draft.row.number}: action {draft.id} names no lead.")
    plan = _plan_header(existing, options, path, tables, header)
    plan["actions"] = actions
    target = Path(existing.file) if existing else root / "plans" / f"{options.plan_id}.yaml"
    old_updates = _old_updates(target) if existing else {}
    for record in actions:  # progress written in the old plan file stays with its action
        record["updates"] = old_updates.get(record["id"], [])
    document: dict = {"plan": plan, **_other_sections(target)}
    if matcher.new.people:
        document["people"] = [*document.get("people", []), *matcher.new.people.values()]
    if matcher.new.roles:
        document["roles"] = [*document.get("roles", []), *matcher.new.roles.values()]
    yaml_text = (
        f"# Imported by `actionbot import` from {path.name} ({', '.join(g.where for g, _ in tables)}) "
        f"on {dt.date.today().isoformat()}.\n" + yamlio.dump_plain(document)
    )
    validated = validate(root, target, yaml_text.encode("utf-8"), path)
    read_back = [(a.id, a.text, list(a.leads)) for a in validated.plans[options.plan_id].actions]
    if read_back != [(r["id"], r["text"], r["leads"]) for r in actions]:  # the file must say what was read
        raise ImportFailure(f"{path.name}: the plan could not be stored exactly as YAML; nothing written.")
    summary = _summary(path, tables, header, validated.plans[options.plan_id], matches)
    return ImportResult(
        plan=validated.plans[options.plan_id],
        yaml_text=yaml_text,
        target=target,
        replaces=existing,
        summary=summary,
        warnings=warnings,
        new_people=list(matcher.new.people),
        new_roles=list(matcher.new.roles),
    )


def _other_sections(target: Path) -> dict:
    """Sections other than plan: in the file being replaced (people, roles) are kept."""
    if not target.exists():
        return {}
    data = yamlio.parse(target.read_bytes()) or {}
    return {k: v for k, v in data.items() if k != "plan"} if isinstance(data, dict) else {}


def _old_updates(target: Path) -> dict[str, list]:
    """The updates written in the plan file being replaced, by action id."""
    data = yamlio.parse(target.read_bytes()) if target.exists() else None
    actions = ((data or {}).get("plan") or {}).get("actions") or [] if isinstance(data, dict) else []
    return {str(a["id"]): a["updates"] for a in actions if isinstance(a, dict) and a.get("id") and a.get("updates")}


def _plan_header(existing: Plan | None, options: ImportOptions, path: Path, tables, header: Header) -> dict:
    """The plan's own fields: kept from the plan it replaces (visibility and editors above all), else new."""
    where = ", ".join(g.where for g, _ in tables)
    quote = " | ".join(h for h in header.headings if h)[:120]
    plan: dict = {"id": options.plan_id, "title": options.title or (existing.title if existing else path.stem)}
    if existing:
        plan.update(
            {
                "short_names": list(existing.short_names),
                "kind": existing.kind,
                "organisation": existing.organisation,
                "owner": existing.owner,
                "published": existing.published,
                "reports_to": existing.reports_to,
                "visibility": {
                    "restricted": existing.visibility.restricted,
                    "channels": list(existing.visibility.channels),
                    "people": list(existing.visibility.people),
                },
                "editors": list(existing.editors),
            }
        )
    else:
        plan.update({"short_names": [], "kind": "action-plan", "visibility": {"restricted": False}, "editors": []})
    plan["source"] = {"seed": path.name, "quote": quote or path.name, "location": where}
    plan["notes"] = (
        f"Imported from {path.name} ({where}; header: {header.describe()}). Dates are read from the words by the "
        "knowledge base's rules (knowledge/timescales.py); the words are kept in each action's timescale."
    )
    return plan


def validate(root: Path, target: Path, data: bytes, path: Path) -> KnowledgeBase:
    """Load the whole knowledge base with the new file in place, through the same loader; raises ImportFailure."""
    contents = {p: p.read_bytes() for p in kb_files(root)} if root.is_dir() else {}
    contents[target] = data
    try:
        return build(root, contents)
    except KnowledgeError as exc:
        raise ImportFailure(
            f"{path.name}: the imported plan does not pass the knowledge base's checks, so nothing was written:\n{exc}"
        ) from None


def _summary(path: Path, tables, header: Header, plan: Plan, matches: list[tuple[str, LeadMatch]]) -> list[str]:
    where = ", ".join(g.where for g, _ in tables)
    milestones = sum(len(a.milestones) for a in plan.actions)
    lines = [
        f"Read {path.name}: {where}; header row {header.row + 1}: {header.describe()}.",
        f"Plan {plan.id} ({plan.title}): {len(plan.actions)} actions, {milestones} milestones.",
    ]
    for action in plan.actions:
        due = action.due.text if action.due else "no due date"
        start = f", start {action.start.text}" if action.start else ""
        ms = f", {len(action.milestones)} milestones" if action.milestones else ""
        lines.append(f"  {action.id}: due {due}{start}{ms}; leads {', '.join(action.leads) or 'none'}")
    lines.append("Leads matched:")
    shown = set()
    for _, m in matches:
        if (m.written, m.ref) in shown:
            continue
        shown.add((m.written, m.ref))
        lines.append(f"  {m.written!r} -> {m.kind} {m.ref} ({m.name}; {m.how})")
    return lines


def describe_changes(old: Plan, new: Plan) -> list[str]:
    """Actions added and removed, and for each kept action the leads, dates, status, text or milestones changed."""
    old_ids = [a.id for a in old.actions]
    new_ids = [a.id for a in new.actions]
    lines = []
    added = [i for i in new_ids if i not in old_ids]
    removed = [i for i in old_ids if i not in new_ids]
    if added:
        lines.append(f"Added actions: {', '.join(added)}")
    if removed:
        lost = sum(len(old.action(i).updates) for i in removed)
        extra = f" (with {lost} update(s) recorded on them)" if lost else ""
        lines.append(f"Removed actions: {', '.join(removed)}{extra}")
    for action in new.actions:
        if action.id not in old_ids:
            continue
        before = old.action(action.id)
        diffs = []
        if before.leads != action.leads:
            diffs.append(f"leads {', '.join(before.leads) or 'none'} -> {', '.join(action.leads) or 'none'}")
        for name in ("due", "start"):
            a, b = getattr(before, name), getattr(action, name)
            if (a.text if a else None) != (b.text if b else None):
                diffs.append(f"{name} {a.text if a else 'none'} -> {b.text if b else 'none'}")
        if before.status != action.status:
            diffs.append(f"status {before.status} -> {action.status}")
        if _one_line(before.text) != _one_line(action.text):
            diffs.append("text changed")
        if _milestone_keys(before) != _milestone_keys(action):
            diffs.append(f"milestones {len(before.milestones)} -> {len(action.milestones)} (changed)")
        if len(before.updates) != len(action.updates):
            diffs.append(f"updates {len(before.updates)} -> {len(action.updates)}")
        if diffs:
            lines.append(f"  {action.id}: " + "; ".join(diffs))
    return lines or ["No change to actions, leads, dates, status or milestones."]


def _milestone_keys(action) -> list[tuple]:
    return [(m.text, m.due.text if m.due else None, m.status) for m in action.milestones]


# -- writing -----------------------------------------------------------------------------------
def is_bundled(root: Path) -> bool:
    """Whether `root` is (inside) the installed package's bundled knowledge base."""
    try:
        root.resolve().relative_to(BUNDLED.resolve())
    except ValueError:
        return False
    return True


def write_plan(result: ImportResult) -> None:
    """Write the plan file atomically under a lock; re-checks that nobody replaced it meanwhile."""
    target = result.target
    with locked(target):
        if result.replaces is None and target.exists():
            raise ImportFailure(f"{target} appeared while importing; run the import again.")
        atomic_write(target, result.yaml_text.encode("utf-8"))


def same_plan_fields(plan: Plan) -> list[tuple]:
    """The fields an import is checked on: id, leads, start, due, status and milestones of every action."""
    return [
        (
            a.id,
            a.leads,
            a.start.text if a.start else None,
            a.due.text if a.due else None,
            tuple(
                (m.text, m.date_text, m.start.text if m.start else None, m.due.text if m.due else None, m.status)
                for m in a.milestones
            ),
        )
        for a in plan.actions
    ]


__all__ = [
    "ImportFailure",
    "ImportOptions",
    "ImportResult",
    "build_import",
    "is_bundled",
    "write_plan",
]
