"""Write the export workbook with XlsxWriter (the one module that imports it).

Why XlsxWriter: it only writes, streams rows straight to the file's XML, and sets everything a committee
sheet needs (frozen header, filters, fills, widths, wrapping) with a small API; openpyxl builds the whole
workbook in memory first and is several times slower for 10,000 rows (see bench/bench_import.py).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import BinaryIO

import xlsxwriter

from assemblers.plan_export import COLUMNS, MILESTONE_COLUMNS, action_row, milestone_rows, overdue
from knowledge.models import KnowledgeBase, Plan

RAG_FILLS = {"red": "#FF6B6B", "amber": "#FFC000", "green": "#92D050", "grey": "#D9D9D9"}
MAX_WIDTH = 60
WRAP = {"Action", "Latest update", "Recommendation", "Measure", "Source", "Timescale", "Milestone"}
OVERDUE_SHEET = "Overdue"
MILESTONE_SHEET = "Milestones"


def sheet_name(plan_id: str, taken: set[str]) -> str:
    """A valid, unique sheet name (31 characters, none of []:*?/\\)."""
    base = re.sub(r"[\[\]:*?/\\]", "-", plan_id)[:31] or "plan"
    name, n = base, 2
    while name.lower() in taken or name in (OVERDUE_SHEET, MILESTONE_SHEET):
        suffix = f"-{n}"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def write_workbook(
    path: Path | BinaryIO, kb: KnowledgeBase, plans: list[Plan], today: dt.date, overdue_only: bool = False
) -> dict[str, int]:
    """One sheet per plan, an Overdue sheet and a Milestones sheet (only the Overdue sheet with
    `overdue_only`); returns rows written per sheet. `path` may be a file path or a binary stream."""
    options = {"strings_to_numbers": False, "strings_to_formulas": False, "in_memory": not isinstance(path, Path)}
    book = xlsxwriter.Workbook(str(path) if isinstance(path, Path) else path, options)
    formats = {
        "head": book.add_format({"bold": True, "bg_color": "#D9E2F3", "border": 1, "text_wrap": True}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
        "top": book.add_format({"valign": "top"}),
        "date": book.add_format({"num_format": "d mmm yyyy", "valign": "top"}),
        **{c: book.add_format({"bg_color": fill, "valign": "top"}) for c, fill in RAG_FILLS.items()},
    }
    counts: dict[str, int] = {}
    taken: set[str] = set()
    for plan in [] if overdue_only else plans:
        rows = [action_row(kb, a, today) for a in plan.actions]
        name = sheet_name(plan.id, taken)
        counts[name] = _sheet(book, name, COLUMNS, rows, formats)
    late = [action_row(kb, a, today) for a in overdue(kb, today, plans)]
    counts[OVERDUE_SHEET] = _sheet(book, OVERDUE_SHEET, COLUMNS, late, formats)
    if not overdue_only:
        counts[MILESTONE_SHEET] = _sheet(book, MILESTONE_SHEET, MILESTONE_COLUMNS, milestone_rows(plans), formats)
    book.close()
    return counts


def _sheet(book, name: str, columns: tuple[str, ...], rows: list[list], formats: dict) -> int:
    ws = book.add_worksheet(name)
    ws.write_row(0, 0, columns, formats["head"])
    widths = [len(c) + 2 for c in columns]
    rag_col = columns.index("RAG") if "RAG" in columns else None
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            column = columns[c]
            if isinstance(value, dt.date):
                ws.write_datetime(r, c, dt.datetime(value.year, value.month, value.day), formats["date"])
                widths[c] = max(widths[c], 12)
                continue
            text = "" if value is None else str(value)
            if c == rag_col and text:
                fmt = formats.get(text.split(":", 1)[0], formats["top"])
            else:
                fmt = formats["wrap"] if column in WRAP else formats["top"]
            ws.write_string(r, c, text, fmt)
            longest = max((len(line) for line in text.splitlines()), default=0)
            widths[c] = max(widths[c], min(longest + 2, MAX_WIDTH))
    for c, width in enumerate(widths):
        ws.set_column(c, c, width)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(rows), 1), len(columns) - 1)
    return len(rows)
