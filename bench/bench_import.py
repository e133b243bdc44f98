"""Import and export against the bare libraries, on the same files in the same run.

- a 1,000-row Word table: `build_import` vs python-docx opening the file and reading every cell's text;
- a 10,000-row workbook: `build_import` vs python-calamine reading every value (and openpyxl read-only,
  the alternative we did not choose);
- 10,000 actions (bench/synthetic.py) to xlsx: `write_workbook` vs XlsxWriter writing the same rows bare.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import tempfile
import time
from pathlib import Path

import docx
import xlsxwriter
from python_calamine import CalamineWorkbook

from assemblers.plan_export import COLUMNS, action_row
from assemblers.plan_import import ImportOptions, build_import
from assemblers.xlsx_writer import write_workbook
from bench import synthetic
from knowledge.loader import BUNDLED, load_knowledge_base

TODAY = dt.date(2026, 1, 1)
MONTHS = ["January", "March", "June", "September", "December"]
LEADS = [
    "Pam Rosseter, Group Manager",
    "Laurence Jones",
    "Corporate Director",
    "Devon Allen",
    "Head of Children in Care",
]


def best_of(runs: int, func) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def _rows(n: int) -> list[list[str]]:
    rnd = random.Random(14)
    rows = [["ID", "Action", "Lead Officer", "Timescale", "Update"]]
    for i in range(1, n + 1):
        month = f"{rnd.choice(MONTHS)} {rnd.randint(2024, 2027)}"
        rows.append(
            [
                f"{i}.",
                f"Action {i}: review the {rnd.choice(['audit', 'training', 'panel', 'policy'])} arrangements",
                rnd.choice(LEADS),
                f"By {month}",
                f"Scope agreed. Completed - {month} Report to committee. {month}",
            ]
        )
    return rows


def _word(path: Path, rows: list[list[str]]) -> None:
    doc = docx.Document()
    table = doc.add_table(rows=0, cols=len(rows[0]))
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = value
    doc.save(str(path))


def _workbook(path: Path, rows: list[list[str]]) -> None:
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("Tracker")
    for r, row in enumerate(rows):
        ws.write_row(r, 0, row)
    book.close()


def run() -> dict:
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        kb_dir = tmpdir / "kb"
        shutil.copytree(BUNDLED, kb_dir)
        kb = load_knowledge_base(kb_dir)

        word = tmpdir / "plan.docx"
        _word(word, _rows(1_000))
        bare = best_of(3, lambda: [[c.text for c in r.cells] for r in docx.Document(str(word)).tables[0].rows])
        ours = best_of(3, lambda: build_import(kb, kb_dir, word, ImportOptions("bench-word")))
        out["word_1000_rows"] = {"python_docx_read_s": round(bare, 3), "actionbot_import_s": round(ours, 3)}

        book = tmpdir / "tracker.xlsx"
        _workbook(book, _rows(10_000))
        calamine = best_of(3, lambda: CalamineWorkbook.from_path(str(book)).get_sheet_by_index(0).to_python())
        ours = best_of(3, lambda: build_import(kb, kb_dir, book, ImportOptions("bench-xlsx")))
        figures = {"calamine_read_s": round(calamine, 3), "actionbot_import_s": round(ours, 3)}
        try:
            import openpyxl

            def _openpyxl() -> None:
                wb = openpyxl.load_workbook(str(book), read_only=True)
                list(wb.worksheets[0].iter_rows(values_only=True))
                wb.close()

            figures["openpyxl_read_only_s"] = round(best_of(3, _openpyxl), 3)
        except ModuleNotFoundError:
            figures["openpyxl_read_only_s"] = "not installed (pip install -e '.[bench]')"
        out["xlsx_10000_rows"] = figures

        big = synthetic.write(tmpdir / "big")
        big_kb = load_knowledge_base(big)
        plans = list(big_kb.plans.values())
        rows = [action_row(big_kb, a, TODAY) for p in plans for a in p.actions]

        def _bare() -> None:
            wb = xlsxwriter.Workbook(str(tmpdir / "bare.xlsx"))
            ws = wb.add_worksheet()
            ws.write_row(0, 0, COLUMNS)
            for r, row in enumerate(rows, start=1):
                ws.write_row(r, 0, ["" if v is None else v if isinstance(v, str) else str(v) for v in row])
            wb.close()

        bare = best_of(3, _bare)
        ours = best_of(3, lambda: write_workbook(tmpdir / "ours.xlsx", big_kb, plans, TODAY))
        out["export_10000_actions_xlsx"] = {
            "actions": len(rows),
            "plans": len(plans),
            "xlsxwriter_bare_s": round(bare, 3),
            "actionbot_export_s": round(ours, 3),
            "note": "ours also builds the rows (facts: status, RAG), the Overdue and Milestones sheets, formats",
        }
    return out
