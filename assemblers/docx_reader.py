"""Read the tables of a Word file as text grids, keeping merged cells visible.

The one module besides docx_writer.py that imports python-docx (reading is kept apart from writing).
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from assemblers.grids import Grid, ImportFailure, Row, check_grid, check_size, check_zip

_P, _T, _BR, _TAB = qn("w:p"), qn("w:t"), qn("w:br"), qn("w:tab")


def read_tables(path: Path) -> list[Grid]:
    """Every top-level table of the document, in order; raises ImportFailure for a file that is not .docx."""
    check_size(path)
    check_zip(path, "a Word (.docx)", "word/document.xml")
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise ImportFailure(f"{path.name}: not a readable Word (.docx) file ({exc}).") from None
    except Exception as exc:  # lxml.etree.XMLSyntaxError and friends: a damaged package
        raise ImportFailure(f"{path.name}: the Word file is damaged and cannot be read ({exc}).") from None
    grids = []
    for n, table in enumerate(document.tables, start=1):
        grid = Grid(f"table {n}", tuple(_rows(table._tbl)), name=str(n))
        check_grid(path, grid)
        grids.append(grid)
    return grids


def _rows(tbl) -> list[Row]:
    width = len(tbl.tblGrid.gridCol_lst) if tbl.tblGrid is not None else 0
    out = []
    for number, tr in enumerate(tbl.tr_lst, start=1):
        cells: list[str | None] = [""] * (tr.grid_before or 0)
        spans = []
        for tc in tr.tc_lst:
            span = tc.grid_span or 1
            spans.append(span)
            text: str | None = None if tc.vMerge == "continue" else _text(tc)
            cells.append(text)
            cells.extend([""] * (span - 1))
        width = max(width, len(cells))
        full = len(spans) == 1 and spans[0] > 1 and spans[0] >= width
        out.append(Row(number, tuple(cells), full_width=full))
    return [Row(r.number, r.cells + ("",) * (width - len(r.cells)), r.full_width) for r in out]


def _text(tc) -> str:
    """The cell's paragraphs as lines; a line break inside a paragraph also starts a line."""
    lines = []
    for p in tc.iterchildren(_P):
        parts = []
        for el in p.iter(_T, _BR, _TAB):
            if el.tag == _T:
                parts.append(el.text or "")
            elif el.tag == _BR:
                parts.append("\n")
            else:
                parts.append(" ")
        lines.append("".join(parts).strip())
    return "\n".join(lines).strip()
