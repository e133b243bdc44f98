"""`/actions export overdue` and the App Home "My due dates (.ics)" button, end to end against the stub."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import icalendar
import pytest
from python_calamine import CalamineWorkbook

from bot.slack import blocks, home
from bot.slack.deps import Deps
from bot.slack.reload import EngineHolder
from bot.state import State
from tests.bot.slack_harness import SECRET_PLAN, RunningApp
from tests.bot.slack_stub import SlackStub
from tests.bot.socket_harness import start_over
from tests.conftest import MINI, write_kb

TODAY = dt.date(2020, 7, 1)


@pytest.fixture(params=["http", "socket"])
def running(request: pytest.FixtureRequest, tmp_path: Path):
    kb_dir = write_kb(tmp_path / "kb", {**MINI, "plans/secret.yaml": SECRET_PLAN})
    with SlackStub() as stub:
        holder = EngineHolder(kb_dir)
        deps = Deps(holder, State(tmp_path / "state.db"), today=lambda: TODAY)
        app = start_over(request.param, stub, kb_dir, tmp_path / "state.db", holder=holder, deps=deps)
        try:
            yield app
        finally:
            app.close()


def replies(app: RunningApp, name: str) -> list[str]:
    return [c.params.get("text", "") for c in app.stub.calls(f"response/{name}")]


def _sheet_ids(data: bytes) -> list[tuple[str, str]]:
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    assert book.sheet_names == ["Overdue"]
    return [(r[0], r[1]) for r in book.get_sheet_by_name("Overdue").to_python()[1:]]


def test_export_overdue_uploads_only_what_the_channel_may_see(running: RunningApp) -> None:
    running.send_command("export overdue", channel_id="C_GENERAL", response="g")
    running.idle()
    assert replies(running, "g")[0].startswith("Posted overdue-2020-07-01.xlsx (1 overdue action(s))")
    ((file_id, data),) = running.stub.uploads.items()
    assert running.stub.upload_names[file_id] == "overdue-2020-07-01.xlsx"
    assert _sheet_ids(data) == [("alpha", "1")]  # the restricted plan's S1 is overdue too, but not shown here
    running.stub.uploads.clear()
    running.send_command("export overdue", channel_id="C_PRIVATE", response="p")
    running.idle()
    ((_, data),) = running.stub.uploads.items()
    assert _sheet_ids(data) == [("alpha", "1"), ("secret", "S1")]


def test_export_usage_unknown_plan_and_nothing_overdue(running: RunningApp) -> None:
    running.send_command("export everything", response="u")
    running.send_command("export overdue secret", channel_id="C_GENERAL", response="s")
    running.idle()
    assert replies(running, "u")[0].startswith("Usage: `/actions export overdue`")
    assert "no plan 'secret'" in replies(running, "s")[0]
    assert running.stub.uploads == {}


def test_home_offers_due_dates_and_the_button_sends_an_ics(running: RunningApp) -> None:
    engine = running.holder.engine
    view = home.home_for("U_ANN", engine, "ann-lead", TODAY)
    buttons = [e for b in view["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [b["action_id"] for b in buttons] == [blocks.HOME_ICS_ACTION]
    running.stub.users["U_ANN"] = {"name": "ann", "email": "ann@example.org"}
    running.send_action(blocks.HOME_ICS_ACTION, "ics", channel_id="D_ANN", user_id="U_ANN")
    running.idle()
    ((file_id, data),) = running.stub.uploads.items()
    assert running.stub.upload_names[file_id] == "due-dates-ann-lead.ics"
    uids = sorted(str(e["UID"]) for e in icalendar.Calendar.from_ical(data).walk("VEVENT"))
    # Ann leads alpha 1 through her role and secret S1 in person (she may see it); not Bob's alpha 2
    assert uids == ["due-alpha-1@actionbot", "due-secret-s1@actionbot"]
