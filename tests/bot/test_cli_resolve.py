"""The command line takes plans, actions and people as people type them (`update`, `draft`)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from bot.cli import main
from knowledge.loader import BUNDLED, load_knowledge_base


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    """A copy of the bundled knowledge base, so updates are never written into the installed one."""
    return Path(shutil.copytree(BUNDLED, tmp_path / "kb"))


def updates(kb: Path, plan: str, action: str) -> list:
    return list(load_knowledge_base(kb).plans[plan].action(action).updates)


@pytest.mark.parametrize(
    "target",
    [
        ["county-iicsa", "Action 12"],
        ["county", "12"],
        ["County", "action 12"],
        ["county", "action", "12"],
        ["county plan", "Action 12"],
        ["the county one", "12"],
        ["county 12"],
        ["action 12 of the county plan"],
    ],
)
@pytest.mark.parametrize("by", ["pam-rosseter", "Pam Rosseter", "pam rosseter"])
def test_update_takes_the_action_and_person_as_typed(
    kb: Path, capsys: pytest.CaptureFixture[str], target: list[str], by: str
) -> None:
    before = len(updates(kb, "county-iicsa", "Action 12"))
    assert main(["update", *target, "--note", "Reviewer appointed", "--by", by, "--kb", str(kb)]) == 0
    assert "Recorded on" in capsys.readouterr().out
    recorded = updates(kb, "county-iicsa", "Action 12")
    assert len(recorded) == before + 1
    assert (recorded[-1].by, recorded[-1].text) == ("pam-rosseter", "Reviewer appointed")


@pytest.mark.parametrize("action", ["7a", "7A", "7 a", "action 7a"])
def test_update_city_7a_by_the_holder_of_its_lead_role(
    kb: Path, capsys: pytest.CaptureFixture[str], action: str
) -> None:
    argv = ["update", "city", action, "--status", "In progress", "--note", "Begun", "--by", "Corporate Director"]
    assert main([*argv, "--kb", str(kb)]) == 0
    last = updates(kb, "city-iicsa", "7a")[-1]
    assert (last.by, last.status, last.text) == ("catherine-underwood", "in-progress", "Begun")


@pytest.mark.parametrize(
    ("target", "by", "message"),
    [
        (["city", "7"], "Corporate Director", "'7' in city-iicsa could be 7a, 7b or 7c; say which."),
        (["county", "99"], "Pam Rosseter", "There is no action '99' in county-iicsa. Did you mean Action 9?"),
        (["countee", "12"], "Pam Rosseter", "Did you mean county-iicsa (county plan)?"),
        (["action 1"], "Pam Rosseter", "could be city-iicsa 1 or county-iicsa Action 1"),
        (
            ["county", "12"],
            "Pam Roseter",
            "There is no person or role 'Pam Roseter' in the knowledge base. Did you mean Pam Rosseter (pam-rosseter)?",
        ),
        (["county", "12"], "Head of Children in Care", "no one is recorded as holding"),
    ],
)
def test_update_refusals_name_the_choices_and_write_nothing(
    kb: Path, capsys: pytest.CaptureFixture[str], target: list[str], by: str, message: str
) -> None:
    assert main(["update", *target, "--note", "x", "--by", by, "--kb", str(kb)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("actionbot update: ") and message in err
    assert not (kb / "updates").exists()


@pytest.mark.parametrize("note", ["---", "-", "-5 on last month", "--- see the minutes", "-- see the minutes"])
def test_a_note_may_start_with_dashes(kb: Path, capsys: pytest.CaptureFixture[str], note: str) -> None:
    assert main(["update", "county", "12", "--note", note, "--by", "Pam Rosseter", "--kb", str(kb)]) == 0
    assert updates(kb, "county-iicsa", "Action 12")[-1].text == note


def test_a_missing_note_value_says_how_to_write_a_dash(kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["update", "county", "12", "--by", "Pam Rosseter", "--kb", str(kb), "--note"]) == 2
    assert "argument --note: expected one argument; to start it with a dash, write --note=---" in (
        capsys.readouterr().err
    )
    assert main(["update", "county", "12", "--by", "Pam Rosseter", "--kb", str(kb), "--note=---"]) == 0


def test_a_bad_status_lists_the_statuses(kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["update", "county", "12", "--status", "finished", "--note", "x", "--by", "Pam Rosseter", "--kb", str(kb)]
    assert main(argv) == 2
    assert "unknown status 'finished'; use one of: not-started, in-progress" in capsys.readouterr().err


def test_update_as_installed_takes_natural_forms(kb: Path) -> None:
    """The installed console script, as a person would run it from a terminal."""
    script = Path(sys.executable).with_name("actionbot")
    argv = [str(script), "update", "county", "action", "12", "--note", "---", "--by", "Pam Rosseter", "--kb", str(kb)]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "Recorded on" in result.stdout and ": county-iicsa Action 12 (previously" in result.stdout


@pytest.mark.parametrize("plan", ["county-iicsa", "county", "County plan", "the county one"])
def test_draft_plan_by_short_name(tmp_path: Path, capsys: pytest.CaptureFixture[str], plan: str) -> None:
    out = tmp_path / "progress.docx"
    argv = ["draft", "progress-report", "--plan", plan, "--today", "2020-02-10", "-o", str(out)]
    assert main(argv) == 0, capsys.readouterr().err
    assert "Nottinghamshire County Council IICSA Action Plan".upper() in "\n".join(
        p.text.upper() for p in docx.Document(str(out)).paragraphs
    )


@pytest.mark.parametrize("item", ["8", "item 8", "Item 8", "#8"])
def test_draft_item_as_typed(tmp_path: Path, capsys: pytest.CaptureFixture[str], item: str) -> None:
    out = tmp_path / "report.docx"
    argv = ["draft", "committee-report", "--meeting", "2025-01-14", "--item", item, "--plan", "tce plan"]
    assert main([*argv, "-o", str(out)]) == 0, capsys.readouterr().err
    assert docx.Document(str(out)).paragraphs[1].text == "Agenda Item: 8"


def test_draft_unknown_plan_offers_the_plans(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["draft", "progress-report", "--plan", "countee", "-o", str(tmp_path / "x.docx")]) == 2
    err = capsys.readouterr().err
    assert "There is no plan 'countee' in the knowledge base. Did you mean county-iicsa (county plan)?" in err
    assert not (tmp_path / "x.docx").exists()
