"""The papers' tables of figures: read cell by cell from the seeds, loaded with checked fields, and answered
with the one cell asked for (its row, its column and the table's place), never a neighbouring year's figure."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.render_text import render
from knowledge import build_papers
from knowledge.answers_tables import table_answer
from knowledge.engine import Engine
from knowledge.errors import KnowledgeError
from knowledge.loader import load_knowledge_base
from knowledge.models import KnowledgeBase
from knowledge.query import parse
from tests.conftest import MINI, write_kb

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
PANEL = "corporate-parenting-panel-2025-01-14"
TODAY = dt.date(2025, 1, 10)


def ask(engine: Engine, question: str):
    answer = engine.ask(question, today=TODAY)
    return answer, render(answer, show_sources=False)


def test_the_panel_packs_tables_load_cell_by_cell(bundled: KnowledgeBase) -> None:
    tables = {t.title: t for t in bundled.papers[PANEL].tables}
    assert len(tables) == 9
    lado = tables["LADO Advice by Quarter"]
    assert lado.columns == ("Q1", "Q2", "Q3", "Q4", "TOTAL")
    assert [r.label for r in lado.rows] == ["2019/20", "2020/21", "2021/22", "2022/23", "2023/24"]
    assert lado.rows[-1].cells == ("135", "128", "128", "148", "539")
    missing = tables["Table 1. Children Missing from Home and Care 2023/24"]
    assert missing.rows[0].label == "Total incident reports of children missing"
    assert missing.rows[0].cells == ("2,462", "2,043", "2,539", "3007", "2851")
    annex = tables["Annex C"]
    assert annex.rows[0].label == "" and annex.rows[0].cells[0] == ""  # the blank first year stays blank
    # the action plans are records of their own, and a list of officers is no table of figures
    assert not bundled.papers["county-iicsa-plan"].tables
    assert all("Democratic Services" not in t.title for t in bundled.papers[PANEL].tables)


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed documents not found at {SEEDS}")
def test_every_row_is_verbatim_in_its_seed(bundled: KnowledgeBase) -> None:
    for paper in bundled.papers.values():
        lines = {" ".join(line.split()) for line in (SEEDS / paper.seed).read_text(encoding="utf-8").splitlines()}
        for table in paper.tables:
            assert " ".join(filter(None, (table.title, *table.columns))) in lines or table.title in lines
            for row in table.rows:
                assert " ".join(filter(None, (row.label, *row.cells))) in lines, (table.title, row)


def test_a_run_whose_rows_do_not_line_up_is_no_table() -> None:
    spec = build_papers.DocSpec("demo", "Demo", "demo.txt", ())
    good = "Counts\tQ1\tQ2\tQ3\tTOTAL\n2023/24\t1\t2\t3\t6\n"
    assert len(build_papers.tables_of(good, spec)) == 1
    ragged = "Counts\tQ1\tQ2\tQ3\tTOTAL\n2023/24\t1\t2\t3\t6\t9\n"  # one figure too many: whose column?
    assert build_papers.tables_of(ragged, spec) == []
    words = "People\tRole\tTeam\tPhone\nAnn\tChair\tMASH\tnone\n"  # names, not figures
    assert build_papers.tables_of(words, spec) == []


TABLE_PAPER = """
    paper:
      id: demo
      title: Demo papers
      seed: demo.txt
    passages:
      - id: demo/001
        location: Report, paragraph 1
        text: Advice has increased.
    tables:
      - id: demo/table-1
        title: Advice by Quarter
        location: Report, table 'Advice by Quarter'
        columns: [Q1, Q2, TOTAL]
        rows:
          - {label: 2023/24, cells: ['1', '2', '3']}
"""


def test_a_row_with_the_wrong_number_of_cells_is_named(tmp_path: Path) -> None:
    bad = TABLE_PAPER.replace("cells: ['1', '2', '3']", "cells: ['1', '2']")
    root = write_kb(tmp_path / "kb", {**MINI, "papers/demo.yaml": bad})
    with pytest.raises(KnowledgeError) as info:
        load_knowledge_base(root)
    found = [str(p) for p in info.value.problems]
    assert any("papers/demo.yaml:" in p and "tables[0].rows[0].cells: 2 cells for 3 columns" in p for p in found), found


def test_a_valid_table_loads_and_answers(tmp_path: Path) -> None:
    kb = load_knowledge_base(write_kb(tmp_path / "kb", {**MINI, "papers/demo.yaml": TABLE_PAPER}))
    table = kb.papers["demo"].tables[0]
    assert table.columns == ("Q1", "Q2", "TOTAL") and table.rows[0].cells == ("1", "2", "3")
    answer = Engine(kb).ask("total advice for 2023-24?", today=TODAY)
    assert answer.kind == "figure" and "2023/24, TOTAL: 3" in render(answer, show_sources=False)


@pytest.mark.parametrize(
    ("question", "must", "must_not"),
    [
        ("LADO advice total for 23/24?", "539", "529"),
        ("total lado advice for 23/24? reconciling the log", "539", "135"),
        ("lado advice q3 2022/23", "161", "539"),
        ("total missing incident reports in notts for 23/24?", "2851", "3007"),
        ("how many kids were at risk of CSE in 22/23", "399", "335"),
        ("how many new MASH referrals re CCE in 23/24", "120", "144"),
        ("non recent referrals 23/24 how many", "13", "143"),
        # the words naming the table pick no row: the table's first total, not its "missing from home" row
        ("missing from home and care table - total incident reports for 23/24?", "2851", "1369"),
        ("how many children went missing from home in 23/24", "1369", "2851"),
    ],
)
def test_a_figure_is_the_cell_asked_for(engine: Engine, question: str, must: str, must_not: str) -> None:
    answer, text = ask(engine, question)
    assert answer.kind == "figure", text
    assert must in text and must_not not in text, text
    assert answer.items[0].source is not None and answer.items[0].source.seed.startswith("003_")


@pytest.mark.parametrize(
    "question",
    [
        "how many yjs kids got referred to camhs in 23/24",  # no table holds it
        "how many lado referrals were there",  # no year: which cell can't be told
        "how many cases took over a year to close in 23/24",  # "cases" is no word of the table
    ],
)
def test_no_cell_is_guessed(engine: Engine, question: str) -> None:
    answer, text = ask(engine, question)
    assert answer.kind != "figure", text


def test_a_paper_the_audience_may_not_read_gives_no_figure(engine: Engine) -> None:
    q = parse(engine, "LADO advice total for 23/24?", TODAY)
    assert table_answer(q, engine, None) is not None
    assert table_answer(q, engine, {"county-iicsa-plan"}) is None


def test_with_no_year_asked_the_year_the_table_is_for(engine: Engine) -> None:
    """Table 1 is "Children Missing from Home and Care 2023/24": asked with no year, its 2023/24 column."""
    answer, text = ask(engine, "how many individuals did the missing incident reports relate to")
    assert answer.kind == "figure", text
    assert "964" in text and "982" not in text
    reported, shown = ask(engine, "how many children were reported missing from care")  # "reported": "reports"
    assert reported.kind == "figure" and "939" in shown and "<i>" not in shown, shown
