"""The command line under unlucky conditions: far-off dates, a reader that goes away, no fcntl (Windows)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import MINI, write_kb
from tests.subproc import ROOT


@pytest.mark.parametrize("command", [["ask", "what is due in the next 30 days"], ["remind", "--dry-run"]])
def test_a_today_near_the_end_of_the_calendar_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    assert main([*command, "--today", "9999-12-30"]) == 2
    err = capsys.readouterr().err
    assert "argument --today: '9999-12-30' is outside the dates actionbot handles (years 1000 to 2999)" in err


def test_a_knowledge_base_date_past_the_range_is_a_problem_naming_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kb = write_kb(
        tmp_path / "kb", {**MINI, "plans/alpha.yaml": MINI["plans/alpha.yaml"].replace('"2020-03"', '"9999-12"')}
    )
    assert main(["check", "--kb", str(kb)]) == 1
    assert "plan.actions[0].due: not a real date: '9999-12' is outside the dates actionbot handles" in (
        capsys.readouterr().err
    )


@pytest.mark.parametrize("command", [["check"], ["ask", "who leads action 7a"], ["templates"]])
def test_output_to_a_reader_that_went_away_is_not_a_traceback(command: list[str]) -> None:
    """`actionbot check | head -1`: the pipe closes before we write; stop quietly as Unix tools do."""
    code = "import sys; from bot.cli import main; sys.exit(main(sys.argv[1:]))"
    child = subprocess.Popen(
        [sys.executable, "-c", code, *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "ACTIONBOT_CACHE": "off", "PATH": "/usr/bin:/bin"},
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # the reader is gone before the first line is written
    err = child.stderr.read().decode()
    assert child.wait(timeout=60) == 1
    assert "BrokenPipeError" not in err and "Traceback" not in err and "Exception ignored" not in err, err


def test_every_command_works_without_fcntl_as_on_windows(tmp_path: Path) -> None:
    """Windows has no fcntl: importing it anywhere made every command fail at start-up there."""
    kb = write_kb(tmp_path / "kb", MINI)
    script = f"""
import sys, warnings
sys.modules["fcntl"] = None  # as on Windows: `import fcntl` raises ImportError
warnings.simplefilter("ignore")
import bot.remind, knowledge.updates  # the modules that take locks import cleanly
from bot.cli import main
for argv in (["check", "--kb", {str(kb)!r}],
             ["update", "alpha", "1", "--note", "First.", "--by", "ann-lead", "--kb", {str(kb)!r}],
             ["update", "alpha", "1", "--note", "Second.", "--by", "ann-lead", "--kb", {str(kb)!r}]):
    code = main(argv)
    if code != 0:
        sys.exit(f"{{argv[0]}} exited {{code}}")
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "ACTIONBOT_CACHE": "off", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    text = (kb / "updates" / "alpha.yaml").read_text()
    assert "First." in text and "Second." in text
