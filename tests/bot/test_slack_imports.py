"""A coordinator sends a plan file in a DM: summary and Import button; the click makes the plan live."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.slack.imports import IMPORT_ACTION, plan_id_for
from tests.bot.slack_harness import RunningApp, dm
from tests.bot.slack_stub import SlackStub
from tests.bot.socket_harness import start_over
from tests.conftest import MINI, write_kb

CSV = "ID,Action,Lead,Timescale\nT1,Map the hotspots,Ann Lead,March 2026\nT2,Train drivers,Corporate Director,Ongoing\n"


@pytest.fixture(params=["http", "socket"])
def running(request: pytest.FixtureRequest, tmp_path: Path):
    alpha = MINI["plans/alpha.yaml"].replace(
        "          short_names: [alpha plan]\n", "          short_names: [alpha plan]\n          editors: [ann-lead]\n"
    )
    kb_dir = write_kb(tmp_path / "kb", {**MINI, "plans/alpha.yaml": alpha})
    with SlackStub() as stub:
        stub.users["U_ANN"] = {"name": "ann", "email": "ann@example.org"}
        stub.files["tracker.csv"] = CSV.encode()
        app = start_over(request.param, stub, kb_dir, tmp_path / "state.db")
        try:
            yield app
        finally:
            app.close()


def file_dm(app: RunningApp, user: str, text: str = "", ts: str = "1700000001.000200") -> dict:
    file = {
        "id": "F1",
        "name": "tracker.csv",
        "size": len(CSV),
        "url_private_download": app.stub.base_url + "files/tracker.csv",
    }
    return dm(text, channel=f"D_{user}", user=user, ts=ts, subtype="file_share", files=[file])


def posts(app: RunningApp) -> list[dict]:
    return [c.params for c in app.stub.calls("chat.postMessage")]


def test_coordinator_imports_a_plan_from_a_dm(running: RunningApp) -> None:
    running.send_event(file_dm(running, "U_ANN", "as tracker-plan"))
    running.idle()
    (summary,) = posts(running)
    assert "Import of tracker.csv as plan tracker-plan" in summary["text"]
    assert "T1: due 2026-03" in str(summary["blocks"])
    assert "'Corporate Director' -&gt; role org-director" in str(summary["blocks"])
    download = running.stub.calls("files/tracker.csv")[0]
    assert download.headers["authorization"].startswith("Bearer xoxb-")
    assert not (running.holder.root / "plans" / "tracker-plan.yaml").exists()  # nothing before the click
    button = summary["blocks"][-1]["elements"][0]
    assert button["action_id"] == IMPORT_ACTION
    running.send_action(IMPORT_ACTION, button["value"], channel_id="D_U_ANN", user_id="U_ANN")
    running.idle()
    assert "plan tracker-plan is live with 2 actions" in posts(running)[-1]["text"]
    assert "tracker-plan" in running.holder.engine.kb.plans
    # a second click does nothing more
    running.send_action(IMPORT_ACTION, button["value"], channel_id="D_U_ANN", user_id="U_ANN")
    running.idle()
    assert "already been done or has expired" in posts(running)[-1]["text"]


def test_someone_who_is_not_a_coordinator_is_refused(running: RunningApp) -> None:
    running.stub.users["U_BOB"] = {"name": "bob", "email": "bob@example.org"}
    running.send_event(file_dm(running, "U_BOB"))
    running.idle()
    assert "Only coordinators" in posts(running)[0]["text"]
    assert running.stub.calls("files/tracker.csv") == []


def test_a_bad_file_is_answered_with_the_reason(running: RunningApp) -> None:
    running.stub.files["tracker.csv"] = b"just,some\nwords,here\n"
    running.send_event(file_dm(running, "U_ANN"))
    running.idle()
    text = posts(running)[0]["text"]
    assert text.startswith("I could not import tracker.csv: tracker.csv: no action-plan header row")
    pending = running.state.path.parent / "imports"
    assert not pending.exists() or not any(pending.iterdir())  # the failed file is kept nowhere


def test_plan_id_from_message_or_file_name() -> None:
    assert plan_id_for("import this as county-2026 please", "x.docx") == "county-2026"
    assert plan_id_for("", "IICSA Action Plan (final).docx") == "iicsa-action-plan-final"
