"""Word files made from the seed plans' text, laid out as the councils' Word originals are.

- City (seed 000): one table; a blank first heading over the row numbers; the Recommendation and Lead
  cells of 7b-7c and 8b vertically merged with 7a's and 8a's; footnote markers left out (in Word they are
  footnotes, not cell text); a layout table before the plan table.
- County (seed 001): the table split across six pages as the seed shows it: "Appendix 1" and the header
  repeat on each page, and a row that runs over a page break continues in a row with no action number
  (Action 9's text, Action 10's lead and update, Action 12's update). Blank theme cells are merged with
  the theme above. The last row, which belongs to no action, is one cell across the whole table.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
CITY_SEED = SEEDS / "000_ba3eb70c98682f36.txt"
COUNTY_SEED = SEEDS / "001_9caaf22f960a7c51.txt"


def _set_cell(cell, text: str) -> None:
    """Write paragraphs into a cell: "<p>a</p> <p>b</p>" or lines become separate paragraphs."""
    paras = re.findall(r"<p>(.*?)</p>", text, re.S) or text.split("\n")
    paras = [p.strip() for p in paras if p.strip()] or [""]
    cell.paragraphs[0].text = paras[0]
    for extra in paras[1:]:
        cell.add_paragraph(extra)


def city_rows() -> list[list[str]]:
    """The City plan's table as rows of cells (header first), from the seed text."""
    text = CITY_SEED.read_text(encoding="utf-8")
    text = re.sub(r"\[footnoteRef:\d+\]", "", text)
    text = re.sub(r"\[\d+:\s.*?\][ ]*", "", text, flags=re.S)  # footnote bodies
    body = text.split("This action plan has been developed in response to the findings of the report.", 1)[1]
    cells: list[str] = []
    for line in body.splitlines():
        if line.startswith("\t"):
            cells.append(line[1:].strip())
        elif line.strip() and cells:
            cells[-1] = (cells[-1] + "\n" + line.strip()).strip()
    assert len(cells) % 5 == 0, len(cells)
    return [cells[i : i + 5] for i in range(0, len(cells), 5)]


def build_city_docx(path: Path) -> Path:
    rows = city_rows()
    doc = docx.Document()
    doc.add_heading("Nottingham City Council", 1)
    doc.add_heading("IICSA Action Plan", 2)
    layout = doc.add_table(rows=1, cols=2)  # a layout table before the plan, as title blocks often are
    layout.cell(0, 0).text = "Version"
    layout.cell(0, 1).text = "Final"
    doc.add_paragraph("This action plan has been developed in response to the findings of the report.")
    table = doc.add_table(rows=len(rows), cols=5)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            _set_cell(table.cell(r, c), value)
    # Merge the blank Recommendation (1) and Lead (3) cells into the row above, as the original does.
    ids = [row[0] for row in rows]
    for first, last in (("7a.", "7c."), ("8a.", "8b.")):
        top, bottom = ids.index(first), ids.index(last)
        for col in (1, 3):
            kept = table.cell(top, col).text
            table.cell(top, col).merge(table.cell(bottom, col))
            assert table.cell(top, col).text.strip() == kept
    doc.save(str(path))
    return path


def county_pages() -> list[list[list[str]]]:
    """The County plan's table, page by page: a list of rows (header first) per page."""
    text = COUNTY_SEED.read_text(encoding="utf-8")
    pages, current = [], None
    for line in text.splitlines():
        if line.startswith("Theme\tAction\tLead Officers\tUpdate"):
            current = [line.split("\t")]
            pages.append(current)
        elif current is not None and "\t" in line:
            cells = [*line.split("\t"), "", "", "", ""][:4]
            current.append([c.strip() for c in cells])
    return pages


def build_county_docx(path: Path) -> Path:
    doc = docx.Document()
    doc.add_heading("IICSA – Action Plan", 1)
    pages = county_pages()
    for n, rows in enumerate(pages):
        if n:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            doc.add_paragraph("Appendix 1")
        last = rows[-1]
        full_width = n == len(pages) - 1 and last[0] and not any(last[1:])
        table = doc.add_table(rows=len(rows), cols=4)
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            if full_width and r == len(rows) - 1:
                merged = table.cell(r, 0).merge(table.cell(r, 3))
                _set_cell(merged, row[0])
                continue
            for c, value in enumerate(row):
                _set_cell(table.cell(r, c), value)
        # Blank theme cells under an action's theme are merged with it (rows with an action number only).
        top = None
        for r in range(1, len(rows)):
            is_action = rows[r][1].startswith("Action ")
            if rows[r][0]:
                top = r
            elif top is not None and is_action and not (full_width and r == len(rows) - 1):
                table.cell(top, 0).merge(table.cell(r, 0))
    doc.save(str(path))
    return path
