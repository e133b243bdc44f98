"""Read the sheets of an Excel workbook as text grids with python-calamine (the one module importing it).

Why calamine and not openpyxl: it parses the workbook in Rust and hands back plain Python values; reading a
10,000-row tracker takes a fraction of openpyxl's time (see `python -m bench bench.bench_import`), and
the importer needs only values, not styles. Writing uses XlsxWriter (assemblers/xlsx_writer.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook

from assemblers.grids import Grid, ImportFailure, Row, check_grid, check_size, check_zip


def read_sheets(path: Path) -> list[Grid]:
    """Every sheet of the workbook, in order; raises ImportFailure for a file that is not .xlsx."""
    check_size(path)
    check_zip(path, "an Excel (.xlsx)", "xl/workbook.xml")
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        grids = []
        for name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(name)
            if sheet.total_height > 20_000 * 5:
                raise ImportFailure(f"{path.name}, sheet {name!r}: {sheet.total_height:,} rows; too many to import.")
            values = sheet.to_python(skip_empty_area=False)
            below, full = _merged(sheet)
            width = max((len(r) for r in values), default=0)
            rows = []
            for i, row in enumerate(values):
                cells = tuple(None if (i, j) in below else _text(v) for j, v in enumerate(row))
                if any(cells):
                    rows.append(Row(i + 1, cells, full_width=full.get(i, 0) >= width > 1))
            grid = Grid(f"sheet {name!r}", tuple(rows), name=name)
            check_grid(path, grid)
            grids.append(grid)
        return grids
    except CalamineError as exc:
        raise ImportFailure(f"{path.name}: not a readable Excel (.xlsx) workbook ({exc}).") from None


def _merged(sheet) -> tuple[set[tuple[int, int]], dict[int, int]]:
    """Cells below the top row of a merged range (they continue the cell above), and for each row merged
    across columns from the first column, how many columns the merge spans."""
    below: set[tuple[int, int]] = set()
    across: dict[int, int] = {}
    for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []:
        if c0 == 0 and r0 == r1:
            across[r0] = c1 + 1
        for r in range(r0 + 1, r1 + 1):
            for c in range(c0, c1 + 1):
                below.add((r, c))
    return below, across


def _text(value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()
