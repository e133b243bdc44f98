"""Figures read from the papers' tables of figures: "LADO advice total for 23/24" is the cell of the table "LADO
Advice by Quarter" in row 2023/24, column TOTAL (539), quoted with the table's place; never a sum or a guess.

A cell is answered only when the question names its year (a row or column of the table; with no year asked, the
year the table's own title gives, if it gives one) and every other word of what is asked is in the table's title,
the row's label or the column's heading. Cells that fit equally well are all shown (with "I can't tell which"); a
question that fits no row is left to the passages.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from knowledge import reply as r
from knowledge.answer import Answer, Item
from knowledge.lazyre import lazy
from knowledge.models import Paper, Source, Table, TableRow
from knowledge.text import SHORT_WORDS, SYNONYMS, content_words, spelled_words, stem, words

if TYPE_CHECKING:
    from knowledge.engine import Engine
    from knowledge.query import Query

# a figure is asked for: "how many", "total", "number of", "the figure for"
FIGURE_ASKED = lazy(r"\b(?:how many|number|numbers|no of|total|totals|figure|figures|count|stats?|statistics)\b")
# a financial year as people type it: 23/24, 2023/24, 2023-24, "2023 - 24"
YEAR = lazy(r"(?<![\d/])(?:20)?(\d{2})\s*[/-]\s*(?:20)?(\d{2})(?![\d/])")
QUARTER = lazy(r"\bq\s?([1-4])\b")
YEAR_BEFORE = lazy(r"\b(?:the )?(?:prior|previous|preceding) year\b|\bthe year before\b")
TAG = lazy(r"</?\w+>")
TABLE_NAMED = lazy(r"\btables?\b")
TOTAL = lazy(r"\b(?:total|totals|in total|altogether)\b")
# words of asking and of place: what is asked is in the other words
ASKING = frozenset(
    content_words(
        "how many number numbers no total totals figure figures count counts stat stats statistics data year years "
        "nottinghamshire notts county city council annual report reports paper papers pack table tables what "
        "much get got give gives say says do did does were was is are there in for of the during over whole "
        "overall altogether full recorded record level levels please quick exact exactly went go got had have "
        "took come came across throughout within all compare comparison comparing against versus vs prior previous "
        "preceding before"
    )
)
COVER = 0.99  # share of what is asked a cell's words must hold: all of it
PREFIX = 5  # "referred" and "referrals" share their first five letters


def table_answer(q: Query, e: Engine, papers: set[str] | frozenset[str] | None) -> Answer | None:
    """The cells of the papers' tables that the question asks for, or None when no table answers it."""
    head = q.lower.partition("?")[0]
    asked = head if _asks_figure(head) else q.lower
    if not _asks_figure(asked):
        return None
    years = {_year(a, b) for a, b in YEAR.findall(asked)} - {None}
    if len(years) == 1 and YEAR_BEFORE.search(asked):  # "for 2023/24 and the prior year": 2022/23 as well
        first = int(next(iter(years)).split("/")[0])
        years.add(f"{(first - 1) % 100:02d}/{first:02d}")
    quarters = {f"q{n}" for n in QUARTER.findall(asked)} | ({"total"} if TOTAL.search(asked) else set())
    plain = YEAR.sub(" ", asked)
    wanted = [w for w in dict.fromkeys(SHORT_WORDS.get(w, w) for w in content_words(plain)) if w not in ASKING]
    wanted = [SYNONYMS.get(w, w) for w in wanted]
    if not wanted:
        return None
    named = TABLE_NAMED.search(asked) is not None
    council = r.council_asked(asked)
    found: list[tuple[float, int, Paper, Table, TableRow, str, str]] = []
    for paper in e.kb.papers.values():
        if papers is not None and paper.id not in papers:
            continue
        for table in paper.tables:
            if council and r.of_other_council(council, paper.title, " ".join(_place_words(paper, table))):
                continue  # "the city MASH": not the county's table
            # no year asked: the year the table's own title gives ("Table 1. Children Missing ... 2023/24"), if any
            asked_years = years or {y for y in (_year(a, b) for a, b in YEAR.findall(table.title)) if y}
            if asked_years:
                found += _cells(paper, table, asked_years, quarters, wanted, named)
    if not found:
        return None
    found.sort(key=lambda f: (-f[0], f[1]))
    best = found[0][0]
    shown = [f for f in found if f[0] == best][:6]
    items = [_item(paper, table, row, column, value) for _, _, paper, table, row, column, value in shown]
    if len(shown) == 1:
        _, _, paper, table, row, column, value = shown[0]
        text = f"The table '{table.title}' gives {value} for {_label(table, row)}, {column}:"
        qualified = _qualifying_row(table, row, column)
        if qualified is not None:  # "2851 incident reports ... (964 relating to individuals)": both, as printed
            below, cell = qualified
            items.append(_item(paper, table, below, column, cell))
            text = f"{text[:-1]} ({cell} {below.label.lstrip('*').strip().lower()}):"
    elif len({(f[3].id, f[1]) for f in shown}) == 1 and len({f[5] for f in shown}) == len(shown) == len(years):
        # one row, a column for each year asked ("2023/24 and the year before"): each year's figure
        _, _, paper, table, row, _, _ = shown[0]
        figures = "; ".join(f"{f[6]} for {f[5]}" for f in sorted(shown, key=lambda f: f[5]))
        text = f"The table '{table.title}' gives, for {_label(table, row)}: {figures}:"
    else:
        text = f"The papers' tables give {len(shown)} figures that fit; which one you mean, I can't tell:"
    return r.answer_of(q, "figure", text, items)


def _qualifying_row(table: Table, row: TableRow, column: str) -> tuple[TableRow, str] | None:
    """The footnoted row printed under a row that qualifies it ("*Relating to individuals" under "Total incident
    reports of children missing"), with its cell in the same column: a count of incidents is read with the count
    of the children they relate to."""
    index = table.rows.index(row)
    if row.label.startswith("*") or index + 1 >= len(table.rows):
        return None
    below = table.rows[index + 1]
    cell = below.cells[table.columns.index(column)] if column in table.columns else ""
    return (below, cell) if below.label.startswith("*") and cell else None


def _asks_figure(text: str) -> bool:
    return bool(FIGURE_ASKED.search(text) or QUARTER.search(text))


def _cells(paper: Paper, table: Table, years: set[str], quarters: set[str], wanted: list[str], named: bool) -> list:
    """(score, order, paper, table, row, column, value) for each cell that answers: in a year asked, with every
    word asked in the table's title, the row's label or the column's heading."""
    year_columns = [i for i, c in enumerate(table.columns) if _year_of(c) in years]
    headings = [c.lower() for c in table.columns]
    if quarters & set(headings):
        picked = [i for i, c in enumerate(headings) if c in quarters]
    else:  # a year's row, no quarter named: the year's total where the table gives one
        picked = [i for i, c in enumerate(headings) if c == "total"] or list(range(len(headings)))
    out = []
    for n, row in enumerate(table.rows):
        if year_columns:
            columns = year_columns
        elif _year_of(row.label) in years:
            columns = picked
        else:
            continue
        label = _label(table, row)
        for i in columns:
            value = row.cells[i]
            if not value:
                continue
            said = frozenset(content_words(f"{label} {table.columns[i]}"))  # the row's own words, as printed
            own = _words(f"{label} {table.columns[i]}")  # ... and its abbreviations spelled out
            around = own | _place_words(paper, table)
            if sum(_holds(w, around) for w in wanted) < COVER * len(wanted):
                continue
            # "missing from home and care table - total incident reports": the words naming the table are no
            # part of which row is asked for
            rowwise = [w for w in wanted if not _holds(w, _words(table.title))] if named else wanted
            exact = sum(1.0 if _holds(w, said) else 0.5 if _holds(w, own) else 0.0 for w in rowwise)
            spare = sum(1 for w in said - ASKING if not any(_holds(a, frozenset({w})) for a in rowwise))
            out.append((exact - 0.1 * spare, n, paper, table, row, table.columns[i], value))
    return out


def _item(paper: Paper, table: Table, row: TableRow, column: str, value: str) -> Item:
    quote = " ".join(filter(None, (row.label, *row.cells)))
    return Item(
        "figure",
        f"{paper.title}, {table.location}",
        (f"{_label(table, row)}, {column}: {value}",),
        {"paper": paper.id, "table": table.id},
        Source(paper.seed, quote, table.location),
    )


def _label(table: Table, row: TableRow) -> str:
    """The row as a reader names it: a footnoted row ("*Relating to individuals") belongs to the row above it."""
    if not row.label:
        return table.title
    if not row.label.startswith("*"):
        return " ".join(TAG.sub(" ", row.label).split())  # "... from care <i>NB includes ...</i>": the words
    index = table.rows.index(row)
    above = next((r.label for r in reversed(table.rows[:index]) if r.label and not r.label.startswith("*")), "")
    above = " ".join(TAG.sub(" ", above).split())
    return f"{above} – {row.label.lstrip('*')}" if above else row.label.lstrip("*")


def _year(a: str, b: str) -> str | None:
    first, second = int(a), int(b)
    return f"{first:02d}/{second:02d}" if second == (first + 1) % 100 else None


def _year_of(label: str) -> str | None:
    m = YEAR.fullmatch(label.strip())
    return _year(*m.groups()) if m else None


@lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    """A label's content words with its abbreviations spelled out ("CSE": child, sexual, exploitation)."""
    found = set(content_words(text)) | {stem(w) for w in words(text) if len(w) > 3 and w.isalpha()}  # "reports"
    for w in list(found):
        found |= spelled_words(w)
    return frozenset(found)


def _place_words(paper: Paper, table: Table) -> frozenset[str]:
    """The words of the table's title and of the report it is in ("Managing Allegations Service Annual Report")."""
    part = paper.part(table.part)
    return _words(f"{table.title} {part.title if part else ''}")


def _holds(word: str, words: frozenset[str]) -> bool:
    if word in words or (spelled_words(word) and spelled_words(word) <= words):
        return True
    return len(word) >= PREFIX and any(len(w) >= PREFIX and w[:PREFIX] == word[:PREFIX] for w in words)
