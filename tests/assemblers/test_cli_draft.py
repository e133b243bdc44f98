"""`actionbot templates` and `actionbot draft` as a user runs them: files written, one-line errors, exit 2."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from bot.cli import main
from tests.assemblers.conftest import PANEL_KB
from tests.conftest import write_kb


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    return write_kb(tmp_path / "kb", PANEL_KB)


def test_templates_lists_names_purposes_and_inputs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates"]) == 0
    out = capsys.readouterr().out
    for name in ("agenda", "committee-report", "progress-report"):
        assert f"\n{name}\n" in f"\n{out}"
    assert "required --meeting: the date of the meeting the report goes to" in out
    assert "required --plan: the action plan (its id or short name)" in out
    assert "optional --plan: an action plan whose progress fills the Information section" in out


def test_templates_flags_a_template_the_style_file_cannot_carry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    council = tmp_path / "council.docx"
    docx.Document().save(str(council))
    assert main(["templates", "--style", str(council)]) == 1
    out = capsys.readouterr().out
    assert "  cannot be drafted: the style 'Agenda Heading', which the template agenda uses, is not in" in out
    assert out.count("cannot be drafted") == 4  # agenda, committee-report, progress-report, work-programme


def test_draft_writes_the_docx(kb_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.docx"
    argv = [
        "draft",
        "committee-report",
        "--meeting",
        "2025-01-14",
        "--item",
        "8",
        "--plan",
        "progress",
        "--today",
        "2025-01-06",
        "--kb",
        str(kb_dir),
        "-o",
        str(out),
    ]
    assert main(argv) == 0
    assert capsys.readouterr().out == f"Wrote {out}\n"
    document = docx.Document(str(out))
    assert document.paragraphs[1].text == "Agenda Item: 8"
    assert len(document.tables[0].rows) == 7


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["draft", "nonsense", "--meeting", "2025-01-14"], "there is no template 'nonsense'"),
        (["draft", "committee-report", "--meeting", "2025-01-14", "--item", "99"], "has no agenda item 99"),
        (["draft", "committee-report", "--meeting", "2025-01-14", "--item", "eight"], "--item must be an agenda item"),
        (["draft", "committee-report", "--meeting", "14/01/2025", "--item", "8"], "is not a date"),
        (["draft", "progress-report"], "the template progress-report needs: plan"),
        (["draft", "progress-report", "--plan", "progres"], "Did you mean progress (progress plan)?"),
        (["draft", "agenda", "--meeting", "2025-01-14", "--style", "/nonexistent/base.docx"], "there is no style file"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_2(
    kb_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    out = tmp_path / "out.docx"
    out.write_bytes(b"the previous draft")
    assert main([*argv, "--kb", str(kb_dir), "-o", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("actionbot draft: ")
    assert message in captured.err
    assert out.read_bytes() == b"the previous draft"


def test_output_must_be_a_docx_or_pdf(kb_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft", "agenda", "--meeting", "2025-01-14", "--kb", str(kb_dir), "-o", "agenda.odt"]) == 2
    assert "must end in .docx or .pdf, not 'agenda.odt'" in capsys.readouterr().err


def test_style_missing_from_a_supplied_base(kb_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    council = tmp_path / "council.docx"
    docx.Document().save(str(council))
    argv = [
        "draft",
        "agenda",
        "--meeting",
        "2025-01-14",
        "--kb",
        str(kb_dir),
        "--style",
        str(council),
        "-o",
        str(tmp_path / "a.docx"),
    ]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "the style 'Agenda Heading', which the template agenda uses, is not in" in err and str(council) in err
    assert not (tmp_path / "a.docx").exists()


def test_draft_says_the_date_it_is_as_at_and_warns_outside_the_plans_life(
    kb_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.docx"
    base = ["draft", "committee-report", "--meeting", "2025-01-14", "--item", "8", "--plan", "progress"]
    assert main([*base, "--kb", str(kb_dir), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "Drafted as at the meeting's date, 2025-01-14 (give --today to change it)." in captured.out
    assert captured.err == ""
    assert main([*base, "--today", "2019-01-01", "--kb", str(kb_dir), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("actionbot draft: warning: the draft is as at 1 January 2019, before the first date")
