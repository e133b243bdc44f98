"""Slack user -> knowledge-base person: slack_id, users.info email, users.lookupByEmail sweep, cache."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from slack_sdk import WebClient

from bot.slack import identity
from bot.state import State
from knowledge.loader import load_knowledge_base
from knowledge.models import KnowledgeBase
from tests.bot.slack_stub import SlackStub
from tests.conftest import MINI, write_kb

NOW = 1_000_000.0


@pytest.fixture
def stub() -> Iterator[SlackStub]:
    with SlackStub() as running:
        yield running


@pytest.fixture
def client(stub: SlackStub) -> WebClient:
    return WebClient(token="xoxb-test", base_url=stub.api_url)


@pytest.fixture
def state(tmp_path: Path) -> State:
    return State(tmp_path / "state.db")


@pytest.fixture
def kb(tmp_path: Path) -> KnowledgeBase:
    files = dict(MINI)
    files["people/people.yaml"] = files["people/people.yaml"].replace(
        "name: Bob Other\n", "name: Bob Other\n            slack_id: U_BOB\n"
    )
    return load_knowledge_base(write_kb(tmp_path / "kb", files))


def test_a_slack_id_in_the_knowledge_base_needs_no_api_call(kb, client, state, stub) -> None:
    assert identity.resolve("U_BOB", kb, client, state, NOW) == "bob-other"
    assert stub.calls() == []


def test_email_from_users_info_matches_and_is_cached(kb, client, state, stub) -> None:
    stub.users["U_ANN"] = {"name": "ann", "email": "ANN@example.org"}
    assert identity.resolve("U_ANN", kb, client, state, NOW) == "ann-lead"
    assert [c.method for c in stub.calls()] == ["users.info"]
    assert identity.resolve("U_ANN", kb, client, state, NOW + 60) == "ann-lead"
    assert len(stub.calls()) == 1  # served from the state database
    assert state.slack_person("U_ANN").email == "ANN@example.org"


def test_hidden_email_falls_back_to_lookup_by_email(kb, client, state, stub) -> None:
    stub.users["U_ANN"] = {"name": "ann", "email": "ann@example.org", "hide_email": True}
    assert identity.resolve("U_ANN", kb, client, state, NOW) == "ann-lead"
    assert [c.method for c in stub.calls()] == ["users.info", "users.lookupByEmail"]
    assert stub.calls("users.lookupByEmail")[0].params["email"] == "ann@example.org"


def test_no_match_is_cached_for_an_hour_then_retried(kb, client, state, stub) -> None:
    stub.users["U_X"] = {"name": "x", "email": "x@elsewhere.org"}
    assert identity.resolve("U_X", kb, client, state, NOW) is None
    assert identity.resolve("U_X", kb, client, state, NOW + 60) is None
    assert len(stub.calls("users.info")) == 1
    stub.users["U_X"]["email"] = "ann@example.org"
    assert identity.resolve("U_X", kb, client, state, NOW + identity.NO_MATCH_TTL + 1) == "ann-lead"


def test_a_cached_person_no_longer_in_the_knowledge_base_is_resolved_again(kb, client, state, stub) -> None:
    state.remember_person("U_ANN", "someone-removed", "old@example.org", NOW)
    stub.users["U_ANN"] = {"name": "ann", "email": "ann@example.org"}
    assert identity.resolve("U_ANN", kb, client, state, NOW + 1) == "ann-lead"


def test_unknown_slack_user_is_no_one(kb, client, state, stub) -> None:
    assert identity.resolve("U_GHOST", kb, client, state, NOW) is None
    assert [c.method for c in stub.calls()] == ["users.info", "users.lookupByEmail"]
