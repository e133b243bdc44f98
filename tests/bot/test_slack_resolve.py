"""`/actions update` and `/actions draft` take plans and actions as people type them, end to end through
the real app and the Web API stub; a restricted plan is as absent from their replies as from answers."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

from bot.slack.drafts import parse
from knowledge.loader import load_knowledge_base
from tests.bot.slack_harness import SECRET_PLAN, RunningApp, start_app
from tests.bot.slack_stub import SlackStub
from tests.conftest import MINI, write_kb

PEOPLE = """
    people:
      - id: ann-lead
        name: Ann Lead
        email: ann@example.org
        source: {seed: test, quote: "Ann Lead"}
      - id: pam-rosseter
        name: Pam Rosseter
        email: pam@example.org
        source: {seed: test, quote: "Pam Rosseter"}
    roles:
      - id: org-director
        title: Corporate Director
        holders:
          - {person: ann-lead, as_of: "2020"}
        source: {seed: test, quote: "Corporate Director"}
"""
COUNTY = """
    plan:
      id: county-iicsa
      title: Example County IICSA Action Plan
      short_names: [county plan, county iicsa plan]
      source: {seed: test, quote: "County"}
      actions:
        - id: "Action 1"
          text: Engage with victims and survivors
          leads: [pam-rosseter]
          status: not-stated
          source: {seed: test, quote: "Action 1"}
        - id: "Action 12"
          text: Appoint an independent reviewer
          leads: [pam-rosseter]
          status: not-stated
          source: {seed: test, quote: "Action 12"}
"""
CITY = """
    plan:
      id: city-iicsa
      title: Example City IICSA Action Plan
      short_names: [city plan]
      source: {seed: test, quote: "City"}
      actions:
        - id: "1"
          text: Review the fostering service
          leads: [org-director]
          status: not-stated
          source: {seed: test, quote: "1"}
        - id: "7a"
          text: Commission an evaluation of harmful sexual behaviour practice
          leads: [org-director]
          status: not-stated
          source: {seed: test, quote: "7a"}
        - id: "7b"
          text: Consider the evaluation's recommendations
          leads: [org-director]
          status: not-stated
          source: {seed: test, quote: "7b"}
"""
FILES = {
    "organisations.yaml": MINI["organisations.yaml"],
    "people/people.yaml": PEOPLE,
    "plans/county.yaml": COUNTY,
    "plans/city.yaml": CITY,
    "plans/secret.yaml": SECRET_PLAN,
}


@pytest.fixture
def running(tmp_path: Path):
    kb_dir = write_kb(tmp_path / "kb", FILES)
    with SlackStub() as stub:
        stub.users["U_ANN"] = {"name": "ann", "email": "ann@example.org"}
        stub.users["U_PAM"] = {"name": "pam", "email": "pam@example.org"}
        app = start_app(stub, kb_dir, tmp_path / "state.db")
        try:
            yield app
        finally:
            app.close()


def reply(app: RunningApp, text: str, user: str, name: str, channel: str = "C_GENERAL") -> str:
    app.send_command(text, user_id=user, response=name, channel_id=channel)
    app.idle()
    return app.stub.calls(f"response/{name}")[-1].params["text"]


def recorded(app: RunningApp, plan: str, action: str) -> list:
    return list(load_knowledge_base(app.holder.root).plans[plan].action(action).updates)


@pytest.mark.parametrize(
    ("command", "status", "note"),
    [
        ('update county-iicsa "Action 12" in-progress "Reviewer appointed"', "in-progress", "Reviewer appointed"),
        ("update county 12 in-progress Reviewer appointed", "in-progress", "Reviewer appointed"),
        ("update county action 12 in progress Reviewer's been appointed", "in-progress", "Reviewer's been appointed"),
        ("update County Plan Action 12 In Progress 'Reviewer appointed'", "in-progress", "Reviewer appointed"),
        ("update the county one #12 complete \u201cSigned off\u201d", "complete", "Signed off"),
        ("update action 12 of the county plan not started ---", "not-started", "---"),
        ("update county 12 ongoing Papers &amp; minutes to follow", "ongoing", "Papers & minutes to follow"),
    ],
)
def test_slash_update_as_typed(running: RunningApp, command: str, status: str, note: str) -> None:
    text = reply(running, command, "U_PAM", "u")
    assert text.startswith("Saved your update to county plan, Action 12"), text
    last = recorded(running, "county-iicsa", "Action 12")[-1]
    assert (last.by, last.status, last.text) == ("pam-rosseter", status, note)


@pytest.mark.parametrize("action", ["7a", "7A", "7 a", "action 7a", '"Action 7a"'])
def test_slash_update_city_7a(running: RunningApp, action: str) -> None:
    text = reply(running, f"update city plan {action} in-progress Evaluation commissioned", "U_ANN", "c")
    assert text.startswith("Saved your update to city plan, action 7a"), text
    assert recorded(running, "city-iicsa", "7a")[-1].text == "Evaluation commissioned"


@pytest.mark.parametrize(
    ("command", "message"),
    [
        ("update city 7 in-progress x", "'7' in city-iicsa could be 7a or 7b; say which."),
        ("update action 1 in-progress x", "could be city-iicsa 1 or county-iicsa Action 1; name the plan too."),
        ("update county 99 in-progress x", "There is no action '99' in county-iicsa."),
        ("update countee 12 in-progress x", "There is no plan 'countee' in the knowledge base. Did you mean county"),
        ("update county 12 done x", "Unknown status 'done'; use one of: not-started, in-progress"),
        ("update county 12", "Please give a status and a note."),
        ("update county 12 complete", "Please add a note saying what has happened."),
    ],
)
def test_slash_update_refusals_give_the_choices(running: RunningApp, command: str, message: str) -> None:
    text = reply(running, command, "U_PAM", "r")
    assert message in text, text
    assert not (running.holder.root / "updates").exists()


def test_slash_update_never_finds_a_hidden_plan(running: RunningApp) -> None:
    """Pam is not in the secret plan's visibility list: to her it does not exist (docs/SCHEMA.md)."""
    hidden = reply(running, "update secret S1 in-progress Records audited", "U_PAM", "h")
    unknown = reply(running, "update omega S1 in-progress Records audited", "U_PAM", "o")
    assert hidden == unknown.replace("'omega'", "'secret'")
    assert "Secret Review Plan" not in hidden and "secret plan" not in hidden
    near = reply(running, "update secrit S1 in-progress Records audited", "U_PAM", "n")
    assert "secret" not in near.lower()
    alone = reply(running, "update S1 in-progress Records audited", "U_PAM", "a")
    assert "secret" not in alone.lower()
    assert not (running.holder.root / "updates").exists()
    # Ann is listed by person: the reply is ephemeral (only she sees it), so she may update it from any channel.
    allowed = reply(running, "update secret S1 in-progress Records audited", "U_ANN", "p", channel="C_PRIVATE")
    assert allowed.startswith("Saved your update to secret plan, action S1"), allowed


@pytest.mark.parametrize(
    "command",
    [
        "draft progress-report county-iicsa",
        "draft progress-report county",
        "draft progress report the county one",
        'draft Progress-Report "county plan"',
    ],
)
def test_slash_draft_plan_as_typed(running: RunningApp, command: str) -> None:
    text = reply(running, command, "U_PAM", "d", channel="C_TEAM")
    assert text.startswith("Drafted progress-report-county-iicsa-"), text
    ((_, data),) = running.stub.uploads.items()
    body = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert "EXAMPLE COUNTY IICSA ACTION PLAN" in body.upper()


def test_slash_draft_never_names_a_hidden_plan(running: RunningApp) -> None:
    hidden = reply(running, "draft progress-report secret", "U_ANN", "h")
    unknown = reply(running, "draft progress-report omega", "U_ANN", "o")
    assert hidden == unknown.replace("'omega'", "'secret'")
    assert "There is no plan 'secret' in the knowledge base." in hidden and "Secret Review" not in hidden
    assert "secret" not in reply(running, "draft progress-report secrit", "U_ANN", "n").lower()
    assert running.stub.uploads == {}


@pytest.mark.parametrize(
    "command",
    [
        "draft committee-report 2025-01-14 8 tce plan",
        "draft committee-report 2025-01-14 item 8 tce plan",
        "draft committee report 2025-01-14 Item 8 tce plan",
        'draft committee-report 2025-01-14 #8 "tce plan"',
    ],
)
def test_draft_command_item_and_plan_as_typed(command: str) -> None:
    template, request, pdf = parse(command)
    assert (template, request.item, request.plan, pdf) == ("committee-report", 8, "tce plan", False)
