"""Several replicas on one PostgreSQL: one digest per lead per week, and updates that never lose one another."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bot.slack_stub import SlackStub
from tests.conftest import MINI, write_kb
from tests.subproc import ROOT

MORE = {
    "people/more.yaml": """
        people:
          - id: cara-lead
            name: Cara Lead
            email: cara@example.org
            source: {seed: test, quote: "Cara Lead"}
    """,
    "plans/beta.yaml": """
        plan:
          id: beta
          title: Beta Plan
          source: {seed: test, quote: "Beta"}
          actions:
            - id: "1"
              text: Audit the referrals
              leads: [cara-lead]
              due: "2020-02"
              source: {seed: test, quote: "1."}
            - id: "2"
              text: Train the front door staff
              leads: [ann-lead]
              due: "2020-02"
              source: {seed: test, quote: "2."}
    """,
}
TODAY = "2020-04-15"  # both leads' actions are overdue


def _spawn(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    main = "import sys; from bot.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.Popen(
        [sys.executable, "-c", main, *args],
        env={**os.environ, "PYTHONPATH": str(ROOT), "ACTIONBOT_CACHE": "off", **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_three_remind_processes_on_one_postgresql_send_one_digest_per_lead(postgres_dsn: str, tmp_path: Path) -> None:
    kb = write_kb(tmp_path / "kb", {**MINI, **MORE})
    with SlackStub() as stub:
        stub.users["U_ANN"] = {"name": "ann", "email": "ann@example.org"}
        stub.users["U_CARA"] = {"name": "cara", "email": "cara@example.org"}
        env = {
            "SLACK_BOT_TOKEN": "xoxb-test-token",
            "SLACK_API_URL": stub.api_url,
            "ACTIONBOT_STATE": postgres_dsn,
            "ACTIONBOT_REMIND_PACE": "0.2",  # each run takes a moment, so the three overlap
        }
        procs = [
            _spawn(["remind", "--today", TODAY, "--kb", str(kb)], {**env, "ACTIONBOT_DATA": str(tmp_path / f"d{i}")})
            for i in range(3)
        ]
        results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
        dms = [c.params for c in stub.calls("chat.postMessage") if not str(c.params.get("channel", "")).startswith("C")]
    for code, _out, err in results:
        assert code in (0, 2), err
        assert code == 0 or "another reminder run is in progress" in err
    assert any(code == 0 for code, _, _ in results)
    recipients = sorted(str(p["channel"]) for p in dms)
    opened = {c for c in recipients}
    assert len(recipients) == 2 and len(opened) == 2  # Ann and Cara: one digest each, never two
    weeks = {p["metadata"]["event_payload"]["week"] for p in dms}
    assert weeks == {"2020-W16"}


def test_updates_from_replicas_at_once_all_land(postgres_dsn: str, tmp_path: Path) -> None:
    """Updates to a shared knowledge-base directory from several processes serialise; none is lost."""
    kb = write_kb(tmp_path / "kb", MINI)
    env = {"ACTIONBOT_STATE": postgres_dsn}
    procs = [
        _spawn(["update", "alpha", "1", "--note", f"Step {i} done.", "--by", "ann-lead", "--kb", str(kb)], env)
        for i in range(4)
    ]
    for p in procs:
        assert p.wait(timeout=120) == 0, p.communicate()[1]
    text = (kb / "updates" / "alpha.yaml").read_text()
    assert sorted(line.strip() for line in text.splitlines() if "Step" in line) == [
        f"text: Step {i} done." for i in range(4)
    ]


@pytest.mark.parametrize("count", [2])
def test_a_replica_starting_after_the_run_sends_nothing_again(postgres_dsn: str, tmp_path: Path, count: int) -> None:
    kb = write_kb(tmp_path / "kb", {**MINI, **MORE})
    with SlackStub() as stub:
        stub.users["U_ANN"] = {"name": "ann", "email": "ann@example.org"}
        stub.users["U_CARA"] = {"name": "cara", "email": "cara@example.org"}
        env = {"SLACK_BOT_TOKEN": "xoxb-test-token", "SLACK_API_URL": stub.api_url, "ACTIONBOT_STATE": postgres_dsn}
        outputs = []
        for _ in range(count):  # one after the other, as two replicas whose schedules fire a minute apart
            p = _spawn(["remind", "--today", TODAY, "--kb", str(kb)], env)
            assert p.wait(timeout=120) == 0
            outputs.append(p.communicate()[0])
        sent = [c for c in stub.calls("chat.postMessage") if not str(c.params.get("channel", "")).startswith("C")]
    assert len(sent) == 2
    assert "sent 2" in outputs[0] and "sent 0, already sent 2" in outputs[1]
