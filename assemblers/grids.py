"""Tables read from Word, Excel or CSV files, as plain rows of text: what the plan importer reads."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MAX_FILE_BYTES = 20 * 1024 * 1024  # a council's action plan is kilobytes; a tracker a few megabytes
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # the parts of a .docx/.xlsx, unzipped (a zip bomb stops here)
MAX_ROWS = 20_000
MAX_COLUMNS = 60
MAX_CELL_CHARS = 20_000


class ImportFailure(Exception):
    """A file that cannot be imported; the message names the file, table and row, and what to do."""


@dataclass(frozen=True)
class Row:
    """One row: its 1-based number in its table or sheet, and its cells.

    A cell is None when it is vertically merged with the cell above (Word's vMerge "continue", or an
    Excel merged range). `full_width` marks a row that is one cell across the whole table.
    """

    number: int
    cells: tuple[str | None, ...]
    full_width: bool = False


@dataclass(frozen=True)
class Grid:
    """A table or sheet: `where` names it for messages ("table 2", "sheet 'Tracker'")."""

    where: str
    rows: tuple[Row, ...]
    name: str = ""


def check_size(path: Path, limit: int = MAX_FILE_BYTES) -> None:
    """Refuse a missing, empty or oversized file before reading it; raises ImportFailure."""
    if not path.is_file():
        raise ImportFailure(f"{path}: no such file.")
    size = path.stat().st_size
    if size == 0:
        raise ImportFailure(f"{path.name}: the file is empty.")
    if size > limit:
        raise ImportFailure(
            f"{path.name}: the file is {size / 1024 / 1024:.1f} MB; files over {limit // 1024 // 1024} MB are not "
            "imported (an action plan is usually well under 1 MB). Save just the plan's table in a new file."
        )


def check_zip(path: Path, kind: str, required: str) -> None:
    """Check that `path` is a zip package holding `required` (e.g. word/document.xml) and not a zip bomb."""
    import zipfile

    if not zipfile.is_zipfile(path):
        raise ImportFailure(f"{path.name}: this is not {kind} file (it is not a zip package, as such files are).")
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        names = {i.filename for i in infos}
        if required not in names:
            raise ImportFailure(f"{path.name}: this is a zip file but not {kind} file (no {required} inside).")
        unpacked = sum(i.file_size for i in infos)
        if unpacked > MAX_UNPACKED_BYTES:
            raise ImportFailure(
                f"{path.name}: unpacks to {unpacked / 1024 / 1024:.0f} MB, over the "
                f"{MAX_UNPACKED_BYTES // 1024 // 1024} MB limit; not imported."
            )


def check_grid(path: Path, grid: Grid) -> None:
    """Refuse a table too big to be an action plan."""
    if len(grid.rows) > MAX_ROWS:
        raise ImportFailure(f"{path.name}, {grid.where}: {len(grid.rows):,} rows, over the {MAX_ROWS:,}-row limit.")
    for row in grid.rows:
        if len(row.cells) > MAX_COLUMNS:
            raise ImportFailure(
                f"{path.name}, {grid.where}, row {row.number}: {len(row.cells)} columns, over the {MAX_COLUMNS} limit."
            )
        for cell in row.cells:
            if cell is not None and len(cell) > MAX_CELL_CHARS:
                raise ImportFailure(
                    f"{path.name}, {grid.where}, row {row.number}: a cell of {len(cell):,} characters, over the "
                    f"{MAX_CELL_CHARS:,} limit."
                )
