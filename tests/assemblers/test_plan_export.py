"""`actionbot export`: a workbook that re-imports as the same plan, CSV with the same columns, a calendar
that icalendar and vobject both read, with stable UIDs."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import icalendar
import pytest
import vobject
from python_calamine import CalamineWorkbook

from assemblers.plan_export import COLUMNS
from assemblers.plan_import import ImportOptions, build_import, same_plan_fields
from bot.cli import main
from knowledge import facts
from knowledge.loader import BUNDLED, load_knowledge_base

TODAY = "2020-03-01"


@pytest.fixture()
def kb_dir(tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    shutil.copytree(BUNDLED, root)
    return root


@pytest.mark.parametrize("plan", ["city-iicsa", "county-iicsa", "tce-action-plan"])
def test_xlsx_round_trip_gives_the_same_plan(kb_dir: Path, tmp_path: Path, plan: str) -> None:
    out = tmp_path / f"{plan}.xlsx"
    assert main(["export", "xlsx", "--plan", plan, "--today", TODAY, "--kb", str(kb_dir), "-o", str(out)]) == 0
    kb = load_knowledge_base(kb_dir)
    result = build_import(kb, kb_dir, out, ImportOptions(plan))
    assert same_plan_fields(result.plan) == same_plan_fields(kb.plans[plan])
    assert [a.text for a in result.plan.actions] == [a.text for a in kb.plans[plan].actions]
    assert [a.status for a in result.plan.actions] == [facts.recorded_status(a) for a in kb.plans[plan].actions]
    assert result.changes() == ["No change to actions, leads, dates, status or milestones."]


def test_xlsx_sheets_overdue_and_layout(kb_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.xlsx"
    assert main(["export", "xlsx", "--today", TODAY, "--kb", str(kb_dir), "-o", str(out)]) == 0
    kb = load_knowledge_base(kb_dir)
    book = CalamineWorkbook.from_path(str(out))
    assert book.sheet_names == [*kb.plans, "Overdue", "Milestones"]
    overdue_rows = book.get_sheet_by_name("Overdue").to_python()
    today = dt.date.fromisoformat(TODAY)
    expected = {(a.plan, a.id) for a in kb.actions() if facts.action_overdue(a, today)}
    assert overdue_rows[0] == list(COLUMNS)
    assert {(r[0], r[1]) for r in overdue_rows[1:]} == expected and expected
    assert all(r[COLUMNS.index("RAG")].startswith("red") for r in overdue_rows[1:])
    import zipfile

    with zipfile.ZipFile(out) as zf:
        sheet1 = zf.read("xl/worksheets/sheet1.xml").decode()
        styles = zf.read("xl/styles.xml").decode()
    assert '<pane ySplit="1"' in sheet1 and "<autoFilter" in sheet1 and "<cols>" in sheet1
    assert "FF6B6B" in styles.upper() and "92D050" in styles.upper()  # RAG fills


def test_csv_has_the_same_columns(kb_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "city.csv"
    assert main(["export", "csv", "--plan", "city-iicsa", "--today", TODAY, "--kb", str(kb_dir), "-o", str(out)]) == 0
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == list(COLUMNS)
    assert [r[1] for r in rows[1:]] == [a.id for a in load_knowledge_base(kb_dir).plans["city-iicsa"].actions]
    seven_b = next(r for r in rows if r[1] == "7b")
    assert seven_b[COLUMNS.index("Due")] == "2020-02-04" and seven_b[COLUMNS.index("Leads")] == "Corporate Director"


def test_ics_read_by_icalendar_and_vobject_with_stable_uids(kb_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.ics"
    assert main(["export", "ics", "--today", TODAY, "--kb", str(kb_dir), "-o", str(out)]) == 0
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    events = [c for c in cal.walk("VEVENT")]
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids))
    due = next(e for e in events if str(e["UID"]) == "due-city-iicsa-7b@actionbot")
    assert due.decoded("DTSTART") == dt.date(2020, 2, 4) and due.decoded("DTEND") == dt.date(2020, 2, 5)
    assert "Corporate Director" in str(due["DESCRIPTION"])
    meeting = next(e for e in events if str(e["UID"]) == "meeting-corporate-parenting-panel-2025-01-14@actionbot")
    start = meeting.decoded("DTSTART")
    assert (start.hour, start.minute, str(start.tzinfo)) == (14, 0, "Europe/London")
    assert "County Hall" in str(meeting["LOCATION"])
    milestones = [e for e in events if str(e["UID"]).startswith("milestone-county-iicsa-action-6-")]
    assert sorted(e.decoded("DTSTART") for e in milestones) == [dt.date(2020, 5, 31), dt.date(2020, 7, 31)]
    # a second, independent reader
    parsed = vobject.readOne(out.read_text(encoding="utf-8"))
    assert sorted(str(v.uid.value) for v in parsed.vevent_list) == sorted(uids)
    # re-exporting gives the same UIDs
    again = tmp_path / "again.ics"
    assert main(["export", "ics", "--today", TODAY, "--kb", str(kb_dir), "-o", str(again)]) == 0
    assert sorted(str(e["UID"]) for e in icalendar.Calendar.from_ical(again.read_bytes()).walk("VEVENT")) == sorted(
        uids
    )


def test_ics_for_one_person(kb_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "devon.ics"
    assert main(["export", "ics", "--person", "devon-allen", "--kb", str(kb_dir), "-o", str(out)]) == 0
    events = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert events and all("devon" not in str(e["UID"]) for e in events)
    assert {str(e["UID"]).split("-action-9")[0] for e in events if "county" in str(e["UID"])} == {
        "milestone-county-iicsa"
    }


def test_export_refuses_unknown_plan_and_leaves_old_file(kb_dir: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "x.xlsx"
    out.write_bytes(b"old")
    assert main(["export", "xlsx", "--plan", "nope", "--kb", str(kb_dir), "-o", str(out)]) == 2
    assert "no plan 'nope'" in capsys.readouterr().err and out.read_bytes() == b"old"
