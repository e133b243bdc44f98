"""`actionbot import`: Word files made from the seed plans reproduce the bundled plans; bad files are refused."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import docx
import pytest

from assemblers.plan_import import ImportFailure, ImportOptions, build_import, same_plan_fields
from bot.cli import main
from knowledge.loader import BUNDLED, load_knowledge_base
from tests.assemblers.seed_plans import build_city_docx, build_county_docx


@pytest.fixture()
def kb_dir(tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    shutil.copytree(BUNDLED, root)
    return root


def _import(kb_dir: Path, path: Path, plan: str, **kw):
    return build_import(load_knowledge_base(kb_dir), kb_dir, path, ImportOptions(plan, **kw))


def test_city_word_table_reproduces_bundled_plan(kb_dir: Path, tmp_path: Path) -> None:
    path = build_city_docx(tmp_path / "city.docx")
    result = _import(kb_dir, path, "city-iicsa")
    bundled = load_knowledge_base(BUNDLED).plans["city-iicsa"]
    assert same_plan_fields(result.plan) == same_plan_fields(bundled)
    assert [a.id for a in result.plan.actions] == ["1", "2", "3", "4", "5", "6", "7a", "7b", "7c", "8a", "8b", "9"]
    # merged lead cells of 7b/7c continue 7a's lead, and the note says so
    assert "continues the lead of 7a" in (result.plan.action("7c").lead_note or "")
    assert "'Corporate Director' -> role city-corporate-director" in "\n".join(result.summary)
    assert not result.new_people and not result.new_roles  # roles matched, never turned into people
    # the layout table before the plan table is skipped
    assert "table 2" in result.summary[0]


def test_county_word_table_split_across_pages_reproduces_bundled_plan(kb_dir: Path, tmp_path: Path) -> None:
    path = build_county_docx(tmp_path / "county.docx")
    result = _import(kb_dir, path, "county-iicsa")
    bundled = load_knowledge_base(BUNDLED).plans["county-iicsa"]
    assert same_plan_fields(result.plan) == same_plan_fields(bundled)
    action9 = result.plan.action("Action 9")
    assert action9.text.endswith("incorporated into the comprehensive action plan arising from the IICSA report")
    assert result.plan.action("Action 10").leads == ("marjorie-toward", "pam-rosseter")
    assert result.plan.action("Action 2").theme == "Support for Victims and Survivors"
    assert result.changes() == ["No change to actions, leads, dates, status or milestones."]


def test_cli_writes_atomically_and_replace_shows_changes(kb_dir: Path, tmp_path: Path, capsys) -> None:
    path = build_city_docx(tmp_path / "city.docx")
    target = kb_dir / "plans" / "city-iicsa.yaml"
    before = target.read_bytes()
    assert main(["import", str(path), "--plan", "city-iicsa", "--kb", str(kb_dir)]) == 2
    err = capsys.readouterr()
    assert "already exists" in err.err and "2: status ongoing -> not-stated" in err.out
    assert target.read_bytes() == before
    assert main(["import", str(path), "--plan", "city-iicsa", "--kb", str(kb_dir), "--replace"]) == 0
    kb = load_knowledge_base(kb_dir)
    assert kb.plans["city-iicsa"].action("7b").due.text == "2020-02-04"
    # progress written in the old plan file (from the annual report) stays with its action
    assert len(kb.plans["city-iicsa"].action("7a").updates) == 4
    assert kb.plans["city-iicsa"].visibility.restricted is False


def test_new_plan_dry_run_writes_nothing_then_import_creates_it(kb_dir: Path, tmp_path: Path, capsys) -> None:
    path = build_county_docx(tmp_path / "county.docx")
    assert main(["import", str(path), "--plan", "county-copy", "--kb", str(kb_dir), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert 'plan:\n  id: "county-copy"' in out and "Dry run: nothing written." in out
    assert not (kb_dir / "plans" / "county-copy.yaml").exists()
    assert main(["import", str(path), "--plan", "county-copy", "--kb", str(kb_dir), "--title", "Copy"]) == 0
    kb = load_knowledge_base(kb_dir)
    assert kb.plans["county-copy"].title == "Copy" and len(kb.plans["county-copy"].actions) == 13


def test_refuses_to_write_into_bundled_kb(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("ACTIONBOT_KB", raising=False)
    path = build_county_docx(tmp_path / "county.docx")
    assert main(["import", str(path), "--plan", "new-plan"]) == 2
    assert "--kb" in capsys.readouterr().err
    assert not (BUNDLED / "plans" / "new-plan.yaml").exists()


def _docx_with_rows(path: Path, rows: list[list[str]]) -> Path:
    doc = docx.Document()
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    doc.save(str(path))
    return path


def test_people_matched_with_typos_and_initials_new_roles_stay_roles(kb_dir: Path, tmp_path: Path) -> None:
    path = _docx_with_rows(
        tmp_path / "p.docx",
        [
            ["Ref", "Action", "Owner", "Due date"],
            ["T1", "Audit files", "Pam Roseter, Group Manager", "March 2026"],
            ["T2", "Train staff", "L. Jones", "2026-04-30"],
            ["T3", "Review panel", "Head of Quality Assurance", "by end of May 2026"],
            ["T4", "New person", "Jane Newperson, Analyst", "FY2026/27"],
        ],
    )
    result = _import(kb_dir, path, "tracker")
    plan = result.plan
    assert plan.action("T1").leads == ("pam-rosseter",)
    assert plan.action("T2").leads == ("laurence-jones",)
    assert result.new_roles == ["head-of-quality-assurance"] and result.new_people == ["jane-newperson"]
    assert [a.due.text for a in plan.actions] == ["2026-03", "2026-04-30", "2026-05", "FY2026/27"]
    summary = "\n".join(result.summary)
    assert "'Pam Roseter, Group Manager' -> person pam-rosseter (Pam Rosseter; fuzzy" in summary


def test_csv_and_map_override(kb_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("Number,What,Officer,When\n1,Do a thing,Devon Allen,June 2026\n2,Another,Devon Allen,\n")
    with pytest.raises(ImportFailure, match="no action-plan header row"):
        _import(kb_dir, path, "t")
    result = _import(kb_dir, path, "t", mapping=("What=text", "Officer=leads", "When=timescale"))
    assert [(a.id, a.leads, a.due.text if a.due else None) for a in result.plan.actions] == [
        ("1", ("devon-allen",), "2026-06"),
        ("2", ("devon-allen",), None),
    ]


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("notword.docx", lambda p: p.write_text("hello"), r"not a Word \(\.docx\) file"),
        ("zip.docx", lambda p: zipfile.ZipFile(p, "w").writestr("a.txt", "x"), "no word/document.xml inside"),
        ("empty.docx", lambda p: p.write_bytes(b""), "the file is empty"),
        ("plan.pdf", lambda p: p.write_bytes(b"%PDF"), "reads .docx, .xlsx and .csv"),
        ("notexcel.xlsx", lambda p: p.write_text("a,b"), r"not an Excel \(\.xlsx\) file"),
    ],
)
def test_bad_files_are_refused_with_their_name(kb_dir: Path, tmp_path: Path, name, make, message) -> None:
    path = tmp_path / name
    make(path)
    with pytest.raises(ImportFailure, match=message) as info:
        _import(kb_dir, path, "x")
    assert name in str(info.value)


def test_docx_without_table_or_id_column(kb_dir: Path, tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("No table here")
    doc.save(str(tmp_path / "none.docx"))
    with pytest.raises(ImportFailure, match=r"none\.docx: the file has no table"):
        _import(kb_dir, tmp_path / "none.docx", "x")
    path = _docx_with_rows(tmp_path / "noid.docx", [["Action", "Lead"], ["Do something", "Devon Allen"]])
    with pytest.raises(
        ImportFailure, match=r"noid.docx, table 1, row 2: the first row after the header has no action id"
    ):
        _import(kb_dir, path, "x")


def test_huge_file_refused_and_nothing_written(kb_dir: Path, tmp_path: Path, capsys) -> None:
    path = tmp_path / "huge.docx"
    with open(path, "wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"\0")
    before = sorted(p.name for p in (kb_dir / "plans").iterdir())
    assert main(["import", str(path), "--plan", "huge", "--kb", str(kb_dir)]) == 1
    assert "huge.docx: the file is 50.0 MB" in capsys.readouterr().err
    assert sorted(p.name for p in (kb_dir / "plans").iterdir()) == before


def test_duplicate_ids_named_with_rows(kb_dir: Path, tmp_path: Path) -> None:
    path = _docx_with_rows(tmp_path / "dup.docx", [["ID", "Action"], ["1", "a"], ["1", "b"]])
    with pytest.raises(
        ImportFailure, match=r"dup.docx, table 1, row 3: action id '1' is used twice \(first at row 2\)"
    ):
        _import(kb_dir, path, "x")


def test_validation_failure_writes_nothing(kb_dir: Path, tmp_path: Path) -> None:
    """Recorded updates for an action the new file drops: the loader refuses, the old plan stays."""
    (kb_dir / "updates").mkdir()
    (kb_dir / "updates" / "county-iicsa.yaml").write_text(
        "updates:\n  - {plan: county-iicsa, action: Action 12, at: '2026-01-01T10:00:00', date: '2026-01-01', "
        "by: pam-rosseter, text: done}\n"
    )
    path = _docx_with_rows(tmp_path / "short.docx", [["ID", "Action", "Lead"], ["Action 1", "a", "Devon Allen"]])
    with pytest.raises(ImportFailure, match="does not pass the knowledge base's checks") as info:
        _import(kb_dir, path, "county-iicsa")
    assert "Action 12" in str(info.value)


def test_excel_tracker_with_merged_cells_dates_and_status(kb_dir: Path, tmp_path: Path) -> None:
    import datetime as dt

    import xlsxwriter

    path = tmp_path / "tracker.xlsx"
    book = xlsxwriter.Workbook(str(path))
    notes = book.add_worksheet("Notes")
    notes.write(0, 0, "Tracker for the exploitation plan")
    ws = book.add_worksheet("Tracker")
    ws.write_row(0, 0, ["Ref", "Theme", "Action", "Owner", "Target date", "Status", "Progress"])
    date_format = book.add_format({"num_format": "dd/mm/yyyy"})
    ws.merge_range(1, 1, 2, 1, "Exploitation")
    ws.write_row(1, 0, ["TCE1"])
    ws.write_row(1, 2, ["Map the hotspots", "Devon Allen", None, "Completed", "Maps drawn. Completed - May 2025"])
    ws.write_datetime(1, 4, dt.datetime(2025, 6, 30), date_format)
    ws.write_row(2, 0, ["TCE2"])
    ws.write_row(2, 2, ["Train taxi drivers", "", "September 2025", "in progress", ""])
    ws.merge_range(3, 0, 3, 6, "Missing children")  # a section heading across the sheet
    ws.write_row(4, 0, ["TCE3", "Missing", "Return interviews", "Laurence Jones", "FY2025/26", "", ""])
    book.close()
    result = _import(kb_dir, path, "tracker")
    plan = result.plan
    assert "sheet 'Tracker'" in result.summary[0]
    got = [(a.id, a.theme, a.leads, a.due.text if a.due else None, a.status) for a in plan.actions]
    assert got == [
        ("TCE1", "Exploitation", ("devon-allen",), "2025-06-30", "complete"),
        ("TCE2", "Exploitation", (), "2025-09", "in-progress"),  # merged theme continues; blank lead is none
        ("TCE3", "Missing", ("laurence-jones",), "FY2025/26", "not-stated"),
    ]
    assert [(m.text, m.due.text, m.status) for m in plan.action("TCE1").milestones] == [
        ("Maps drawn.", "2025-05", "complete")
    ]
    assert any("row 4" in w and "skipped" in w for w in result.warnings)
    assert any("TCE2 names no lead" in w for w in result.warnings)
