"""`/actions draft ...` end to end: acknowledged, built, uploaded with files_upload_v2 to the stub."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

from bot.slack.drafts import DraftUsageError, parse
from tests.bot.slack_harness import SECRET_PLAN, RunningApp
from tests.bot.slack_stub import SlackStub
from tests.bot.socket_harness import start_over
from tests.conftest import MINI, write_kb


@pytest.fixture(params=["http", "socket"])
def running(request: pytest.FixtureRequest, tmp_path: Path):
    kb_dir = write_kb(tmp_path / "kb", {**MINI, "plans/secret.yaml": SECRET_PLAN})
    with SlackStub() as stub:
        app = start_over(request.param, stub, kb_dir, tmp_path / "state.db")
        try:
            yield app
        finally:
            app.close()


def replies(app: RunningApp, name: str) -> list[str]:
    return [c.params.get("text", "") for c in app.stub.calls(f"response/{name}")]


def test_progress_report_is_uploaded_to_the_channel(running: RunningApp) -> None:
    status, _ = running.send_command("draft progress-report alpha plan", channel_id="C_TEAM", response="d")
    assert status == 200
    running.idle()
    assert replies(running, "d")[0].startswith("Drafting it now")
    assert replies(running, "d")[1].startswith("Drafted progress-report-alpha-")
    complete = running.stub.calls("files.completeUploadExternal")
    assert len(complete) == 1 and complete[0].params["channel_id"] == "C_TEAM"
    ((file_id, data),) = running.stub.uploads.items()
    assert running.stub.upload_names[file_id].endswith(".docx")
    text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert "ALPHA PLAN" in text and "1 complete" in text
    tables = Document(io.BytesIO(data)).tables
    assert any("Review the foster carer records" in c.text for t in tables for r in t.rows for c in r.cells)


def test_unknown_plan_is_reported_back(running: RunningApp) -> None:
    running.send_command("draft progress-report omega", response="e")
    running.idle()
    assert (
        "I couldn't draft that. There is no plan 'omega' in the knowledge base. Plans: alpha"
        in replies(running, "e")[1]
    )
    assert running.stub.calls("files.getUploadURLExternal") == []


def test_restricted_plan_is_not_drafted_elsewhere(running: RunningApp) -> None:
    running.send_command("draft progress-report secret", channel_id="C_GENERAL", response="s")
    running.idle()
    assert "There is no plan 'secret'" in replies(running, "s")[1]
    assert running.stub.uploads == {}
    running.send_command("draft progress-report secret", channel_id="C_PRIVATE", response="p")
    running.idle()
    assert replies(running, "p")[1].startswith("Drafted progress-report-secret")


def test_usage_errors() -> None:
    assert parse("draft agenda 2025-01-14")[1].meeting is not None
    with pytest.raises(DraftUsageError, match="YYYY-MM-DD"):
        parse("draft agenda 14/01/2025")
    with pytest.raises(DraftUsageError, match="I can draft"):
        parse("draft minutes 2025-01-14")
    with pytest.raises(DraftUsageError, match="committee-report needs <item>"):
        parse("draft committee-report 2025-01-14")


def test_every_template_in_the_registry_is_offered() -> None:
    from assemblers import specs

    names = list(specs.available(specs.search_path(None)))
    assert {"agenda", "briefing-note", "committee-report", "progress-report", "work-programme"} <= set(names)
    with pytest.raises(DraftUsageError) as raised:
        parse("draft")
    for name in names:
        assert f"• `{name}" in str(raised.value)
    template, request, pdf = parse("draft briefing-note 2025-01-14 8 tce plan pdf")
    assert (template, request.meeting.isoformat(), request.item, request.plan, pdf) == (
        "briefing-note",
        "2025-01-14",
        8,
        "tce plan",
        True,
    )
    assert parse("draft work-programme 2025-01-14")[:2] == ("work-programme", parse("draft agenda 2025-01-14")[1])


def test_a_pdf_is_uploaded_when_asked_for(running: RunningApp) -> None:
    import shutil

    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        pytest.skip("LibreOffice (soffice) not installed; .ci/run installs libreoffice-writer-nogui")
    running.send_command("draft progress-report alpha plan pdf", channel_id="C_TEAM", response="f")
    running.idle()
    assert replies(running, "f")[1].startswith("Drafted progress-report-alpha-")
    ((file_id, data),) = running.stub.uploads.items()
    assert running.stub.upload_names[file_id].endswith(".pdf") and data.startswith(b"%PDF-")
