"""The command line as a user runs it: exit codes, JSON, errors naming file and line, the console."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli_ask import console
from knowledge.engine import Engine
from knowledge.loader import load_knowledge_base
from tests.conftest import MINI, write_kb


def test_ask_prints_answer_and_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "who leads action 7b?", "--today", "2020-02-10"]) == 0
    out = capsys.readouterr().out
    assert "Lead of city plan, action 7b: Corporate Director (Catherine Underwood)." in out
    assert "Source: Nottingham City Council IICSA Action Plan" in out  # the document's title, not its file name
    assert "000_ba3eb70c98682f36.txt" not in out


def test_ask_json_always_has_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "who", "leads", "county", "action", "10", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "lead"
    assert data["items"][0]["fields"]["lead"] == "Marjorie Toward; Pam Rosseter"
    assert data["sources"][0]["seed"] == "001_9caaf22f960a7c51.txt"


def test_ask_not_found_still_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "who leads action 99"]) == 0
    assert "There is no action 99 in any plan." in capsys.readouterr().out


def test_ask_on_a_broken_kb_exits_two_naming_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = dict(MINI)
    files["plans/alpha.yaml"] = MINI["plans/alpha.yaml"].replace("status: complete", "status: finished")
    root = write_kb(tmp_path / "kb", files)
    assert main(["ask", "who leads action 1", "--kb", str(root)]) == 2
    err = capsys.readouterr().err
    assert "alpha.yaml:19: plan.actions[1].status: unknown status 'finished'" in err


def test_bad_today_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "overdue", "--today", "10/02/2020"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_check_reports_counts_for_the_bundled_kb(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "city-iicsa: 12 actions" in out
    assert "county-iicsa: 13 actions" in out
    assert "committees: 1, meetings: 5" in out


def test_check_exits_one_with_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = dict(MINI)
    files["plans/alpha.yaml"] = (
        MINI["plans/alpha.yaml"]
        .replace("status: complete", "status: finished")
        .replace("leads: [bob-other]", "leads: [nobody]")
    )
    assert main(["check", "--kb", str(write_kb(tmp_path / "kb", files))]) == 1
    err = capsys.readouterr().err
    assert "2 problems" in err and "unknown status 'finished'" in err and "unknown person or role 'nobody'" in err


def test_console_answers_until_end_of_input(mini_kb_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    engine = Engine(load_knowledge_base(mini_kb_dir))
    import datetime as dt

    stdin = io.StringIO("who leads action 1\nhelp\n")
    assert console(engine, dt.date(2021, 1, 1), stdin=stdin) == 0
    out = capsys.readouterr().out
    assert "Lead of alpha plan, action 1: Corporate Director (Ann Lead)." in out
    assert "Try asking" in out


def test_console_script_runs_as_installed() -> None:
    exe = Path(sys.executable).with_name("actionbot")
    result = subprocess.run(
        [str(exe), "ask", "when does the panel next meet", "--today", "2025-01-06"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "next meets on Tuesday 14 January 2025" in result.stdout


def test_update_command_records_and_refuses(mini_kb_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kb = str(mini_kb_dir)
    assert (
        main(["update", "alpha", "1", "--status", "in-progress", "--note", "Begun", "--by", "ann-lead", "--kb", kb])
        == 0
    )
    assert "status in-progress (previously status not-stated; due 2020-03)" in capsys.readouterr().out
    assert main(["update", "alpha", "1", "--note", "Me too", "--by", "bob-other", "--kb", kb]) == 2
    assert "only its lead(s) or the plan's editors can (Ann Lead)" in capsys.readouterr().err
    assert main(["ask", "history of action 1", "--kb", kb]) == 0
    assert "Ann Lead [status -> in-progress]" in capsys.readouterr().out


def test_remind_dry_run_prints_who_gets_what(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["remind", "--dry-run", "--today", "2020-01-20"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Reminders for 2020-W04: 16 lead(s) would get a digest.")
    laurence = out.split("== Laurence Jones (laurence-jones)")[1].split("\n== ")[0]
    # Action 5's September step is "Completed - September 2019": its December steps are what is late
    assert "county plan, milestone of Action 5 (due December 2019)" in laurence
    assert "county plan, Action 5 (due September 2019)" not in laurence
    assert "county plan, Action 7 " not in laurence  # its only milestone: "Completed – December 2019"
    assert "== No person to send to:" in out


def test_remind_without_a_token_sends_nothing_and_says_why(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    assert main(["remind", "--today", "2020-01-20"]) == 2
    assert "SLACK_BOT_TOKEN is not set" in capsys.readouterr().err


def test_help_is_as_wide_as_columns_says(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Help wraps to $COLUMNS as argparse's own layout does (the width is found without importing shutil)."""
    widths = {}
    for columns in ("50", "120"):
        monkeypatch.setenv("COLUMNS", columns)
        assert main(["ask", "--help"]) == 0
        lines = capsys.readouterr().out.splitlines()
        widths[columns] = max(len(line) for line in lines)
        assert widths[columns] <= int(columns) - 2
    assert widths["50"] < widths["120"]


def test_ask_as_a_process_answers_and_exits_cleanly(tmp_path: Path) -> None:
    """`actionbot ask` skips the collector's passes at exit; its answer and exit code are unchanged."""
    exe = Path(sys.executable).with_name("actionbot")
    env = {"ACTIONBOT_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    for _ in range(2):  # fills the cache, then reads it
        done = subprocess.run(
            [str(exe), "ask", "who leads action 7b?", "--today", "2020-02-10"], capture_output=True, text=True, env=env
        )
        assert done.returncode == 0, done.stderr
        assert "Lead of city plan, action 7b: Corporate Director (Catherine Underwood)." in done.stdout
        assert done.stderr == ""


def test_a_one_shot_ask_runs_without_the_cyclic_collector_and_puts_it_back(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from bot import cli

    seen: list[bool] = []
    ask = cli.COMMANDS["ask"]
    monkeypatch.setitem(cli.COMMANDS, "ask", (lambda args: seen.append(gc.isenabled()) or 0, *ask[1:]))
    monkeypatch.setattr(sys, "argv", ["actionbot", "ask", "who leads action 7a?"])
    try:
        assert main() == 0  # the process's own command line
    finally:
        gc.unfreeze()
    assert main(["ask", "who leads action 7a?"]) == 0  # called as a function: the collector left alone
    assert seen == [False, True] and gc.isenabled()
