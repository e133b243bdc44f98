"""What an operator relies on: one table of settings, --version, doctor, init-kb, logs, readiness, serve's start-up."""

from __future__ import annotations

import io
import json
import logging
import os
import re
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from slack_sdk import WebClient

from bot import logs, settings
from bot.cli import main
from bot.health import SlackCheck, readiness
from bot.state import State
from tests.bot.slack_stub import SlackStub
from tests.bot.test_slack_serve import ACTIONBOT, ROOT, lines_of, serve_env, wait_for_line
from tests.conftest import MINI, write_kb

SOURCES = [ROOT / "bot", ROOT / "knowledge", ROOT / "assemblers"]


def test_every_variable_read_anywhere_is_in_the_settings_table_and_the_readme() -> None:
    named = set()
    for top in SOURCES:
        for path in top.rglob("*.py"):
            named |= set(re.findall(r"[\"']((?:ACTIONBOT|SLACK)_[A-Z_]+)[\"']", path.read_text(encoding="utf-8")))
    table = {v.name for v in settings.VARIABLES}
    assert "ACTIONBOT_REMIND_CRON" in named and "SLACK_BOT_TOKEN" in named  # the search finds them
    assert named - table == set()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| `((?:ACTIONBOT|SLACK)_[A-Z_]+)` \|", readme, flags=re.M))
    assert rows == table


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert re.fullmatch(r"actionbot \d+\.\d+\.\d+\S*\n", capsys.readouterr().out)


def test_data_directory_defaults_and_state_file_inside_it(tmp_path: Path) -> None:
    assert settings.data_dir({"ACTIONBOT_DATA": str(tmp_path / "d")}) == tmp_path / "d"
    assert settings.data_dir({"XDG_DATA_HOME": str(tmp_path / "x")}) == tmp_path / "x" / "actionbot"
    assert settings.state_path({"ACTIONBOT_DATA": str(tmp_path / "d")}) == tmp_path / "d" / "state.db"
    assert settings.state_path({"ACTIONBOT_STATE": str(tmp_path / "s.db")}) == tmp_path / "s.db"


def test_doctor_says_what_to_fix(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], mini_kb_dir: Path
) -> None:
    monkeypatch.setenv("ACTIONBOT_REMIND_CRON", "every monday")
    monkeypatch.setenv("ACTIONBOT_KBB", "typo")
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    assert main(["doctor", "--kb", str(mini_kb_dir)]) == 1
    out = capsys.readouterr().out
    assert "[fail] reminder schedule: ACTIONBOT_REMIND_CRON='every monday' is not a cron expression" in out
    assert "[warn] unknown variable: ACTIONBOT_KBB is set but actionbot does not read it" in out
    assert "[warn] Slack settings: SLACK_BOT_TOKEN is not set" in out
    assert f"[ok  ] knowledge base: {mini_kb_dir}: 1 plans" in out
    assert "[ok  ] state store: SQLite" in out
    assert "1 to fix" in out


def test_doctor_warns_that_the_bundled_kb_is_read_only_and_reports_a_broken_kb(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["doctor"]) == 0
    assert "bundled demo data, read-only" in capsys.readouterr().out
    broken = write_kb(tmp_path / "broken", {**MINI, "plans/alpha.yaml": "plan: [unclosed\n"})
    assert main(["doctor", "--kb", str(broken)]) == 1
    assert "[fail] knowledge base" in capsys.readouterr().out


def test_doctor_asks_slack_when_told(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], mini_kb_dir: Path
) -> None:
    with SlackStub() as stub:
        monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-good-token")
        monkeypatch.setenv("SLACK_SIGNING_SECRET", "abcdef0123456789")
        monkeypatch.setenv("SLACK_API_URL", stub.api_url)
        assert main(["doctor", "--slack", "--kb", str(mini_kb_dir)]) == 0
        assert "[ok  ] Slack: auth.test: bot" in capsys.readouterr().out
        stub.respond_with("auth.test", {"ok": False, "error": "invalid_auth"})
        assert main(["doctor", "--slack", "--kb", str(mini_kb_dir)]) == 1
        out = capsys.readouterr().out
        assert "[fail] Slack: auth.test refused the bot token (invalid_auth)" in out
        assert "xoxb-good-token" not in out


def test_init_kb_copies_the_demo_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init-kb", str(tmp_path / "kb")]) == 0
    assert (tmp_path / "kb" / "plans" / "county-iicsa.yaml").is_file()
    assert main(["check", "--kb", str(tmp_path / "kb")]) == 0
    assert main(["init-kb", str(tmp_path / "kb")]) == 2
    assert "is not an empty directory" in capsys.readouterr().err


def test_update_to_the_bundled_kb_is_refused_and_writes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    from knowledge.loader import BUNDLED

    before = sorted(BUNDLED.rglob("*"))
    assert main(["update", "county", "12", "--note", "Reviewer appointed", "--by", "Pam Rosseter"]) == 2
    assert "read-only demo data" in capsys.readouterr().err
    assert sorted(BUNDLED.rglob("*")) == before


# -- logs -----------------------------------------------------------------------------------------
NOTE = "Met the family of child 4471 at home"  # a note's text: personal details that must never reach a log


def test_json_logs_record_the_update_but_never_the_note_or_a_token(
    mini_kb_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1111-2222-secretpart")
    argv = [
        "--log-format",
        "json",
        "update",
        "alpha",
        "1",
        "--note",
        NOTE,
        "--by",
        "ann-lead",
        "--kb",
        str(mini_kb_dir),
    ]
    assert main(argv) == 0
    err = capsys.readouterr().err
    records = [json.loads(line) for line in err.splitlines() if line.strip()]
    assert any(r["message"] == "update recorded: alpha 1 by ann-lead" and r["level"] == "INFO" for r in records)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", r["time"]) for r in records)
    assert "4471" not in err and "secretpart" not in err


def test_text_logs_have_timestamps(mini_kb_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["update", "alpha", "1", "--note", NOTE, "--by", "ann-lead", "--kb", str(mini_kb_dir)]) == 0
    line = next(x for x in capsys.readouterr().err.splitlines() if "update recorded" in x)
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z INFO knowledge\.updates: update recorded", line)
    assert "4471" not in line


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_tokens_and_secrets_are_masked_in_messages_and_tracebacks(fmt: str) -> None:
    stream = io.StringIO()
    handler = logs.configure("INFO", fmt, secrets=["abcdef0123456789abcdef"], stream=stream)
    try:
        log = logging.getLogger("test.redaction")
        log.info("token %s and secret %s", "xoxb-123-456-abc", "abcdef0123456789abcdef")
        try:
            raise ValueError("bad xapp-1-A0-999-zzz")
        except ValueError:
            log.exception("failed")
    finally:
        logging.getLogger().removeHandler(handler)
    text = stream.getvalue()
    assert "xoxb-123" not in text and "abcdef0123456789abcdef" not in text and "xapp-1" not in text
    assert text.count("[redacted]") == 4 and "ValueError" in text  # 2 in the message, 2 in the traceback


def test_a_bad_log_setting_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ACTIONBOT_LOG_LEVEL", "LOUD")
    assert main(["check"]) == 2
    assert "ACTIONBOT_LOG_LEVEL is 'LOUD'" in capsys.readouterr().err


def test_logging_set_up_when_first_imported_still_formats_and_redacts(mini_kb_dir: Path, tmp_path: Path) -> None:
    """`ask` answered from the cache never imports logging; when something does log (here the cache cannot
    be written: its directory is a file), the records still come out as configured: JSON lines, redacted."""
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "ACTIONBOT_"))}
    env.update(
        ACTIONBOT_CACHE=str(blocked / "cache"), ACTIONBOT_LOG_FORMAT="json", SLACK_BOT_TOKEN="xoxb-1-2-cachetoken"
    )
    ask = [*ACTIONBOT, "ask", "who leads action 1?", "--today", "2020-01-15", "--kb", str(mini_kb_dir)]
    done = subprocess.run(ask, capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0 and "Ann Lead" in done.stdout
    records = [json.loads(line) for line in done.stderr.splitlines()]
    assert records and all(r["logger"] == "knowledge.cache" and r["level"] == "WARNING" for r in records)
    assert any("could not write the knowledge-base cache" in r["message"] for r in records)


def test_when_imported_runs_after_the_modules_code_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from bot.cli import when_imported

    (tmp_path / "late_module_for_test.py").write_text("VALUE = 42\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    seen: list[int] = []
    when_imported("late_module_for_test", lambda: seen.append(0))  # replaced by the next call
    when_imported("late_module_for_test", lambda: seen.append(sys.modules["late_module_for_test"].VALUE))
    assert seen == []
    try:
        import late_module_for_test  # noqa: F401

        assert seen == [42]
        assert not any(type(f).__name__ == "_AfterImport" for f in sys.meta_path)
        module = sys.modules["late_module_for_test"]
        assert type(module.__loader__).__name__ != "_ThenLoader" and module.__spec__.loader is module.__loader__
        when_imported("late_module_for_test", lambda: seen.append(1))  # already imported: at once
        assert seen == [42, 1]
    finally:
        sys.modules.pop("late_module_for_test", None)


# -- readiness ------------------------------------------------------------------------------------
class Holder:
    def __init__(self, problem: str | None = None) -> None:
        self.problem = problem

    def health_problem(self) -> str | None:
        return self.problem


def test_readiness_names_each_part_that_is_not_ready(tmp_path: Path) -> None:
    state = State(tmp_path / "state.db")
    with SlackStub() as stub:
        now = [0.0]
        check = SlackCheck(WebClient(token="xoxb-x", base_url=stub.api_url), ttl=60, clock=lambda: now[0])
        assert readiness(Holder(), state, check).ready
        stub.respond_with("auth.test", {"ok": False, "error": "invalid_auth"})
        assert readiness(Holder(), state, check).ready  # cached for a minute: Slack is not asked again
        assert len(stub.calls("auth.test")) == 1
        now[0] = 61.0
        report = readiness(Holder("the last knowledge-base reload failed"), state, check)
    assert not report.ready
    assert report.problems == ("the last knowledge-base reload failed", "Slack is not reachable or refused the token")


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_serve_logs_where_everything_is_in_json_and_answers_health_on_postgresql(
    postgres_dsn: str, tmp_path: Path
) -> None:
    kb_dir = write_kb(tmp_path / "kb", MINI)
    with SlackStub() as stub:
        env = serve_env(stub, tmp_path)
        env.update(ACTIONBOT_STATE=postgres_dsn, ACTIONBOT_DATA=str(tmp_path / "data"), ACTIONBOT_LOG_FORMAT="json")
        proc = subprocess.Popen(
            [*ACTIONBOT, "serve", "--kb", str(kb_dir), "--port", "0"],
            cwd=ROOT,
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            lines = lines_of(proc.stderr)
            start = json.loads(wait_for_line(lines, r"starting").string)
            assert start["level"] == "INFO" and f"knowledge base {kb_dir}" in start["message"]
            assert f"data directory {tmp_path / 'data'}" in start["message"]
            assert "state PostgreSQL postgresql://postgres@" in start["message"]
            listening = json.loads(wait_for_line(lines, r"listening on").string)
            port = re.search(r":(\d+)/slack/events", listening["message"]).group(1)
            assert _get(f"http://127.0.0.1:{port}/healthz") == (200, "ok")
            assert _get(f"http://127.0.0.1:{port}/readyz") == (200, "ready")
        finally:
            proc.terminate()
            proc.wait(timeout=10)


def test_make_demo_answers_piped_questions() -> None:
    result = subprocess.run(
        [*ACTIONBOT, "demo"],
        input="who leads city action 7b?\n",
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "ACTIONBOT_CACHE": "off"},
    )
    assert result.returncode == 0, result.stderr
    piped = result.stdout.split("Your questions (piped in, one a line):", 1)[1]
    assert "Corporate Director" in piped and "7b" in piped
