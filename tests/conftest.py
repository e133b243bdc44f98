"""Shared fixtures: small knowledge bases written inline, and the bundled one loaded once."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from knowledge.engine import Engine
from knowledge.loader import load_knowledge_base
from knowledge.models import KnowledgeBase

MINI = {
    "organisations.yaml": """
        organisations:
          - id: org
            name: Example Council
            source: {seed: test, quote: "Example Council"}
    """,
    "people/people.yaml": """
        people:
          - id: ann-lead
            name: Ann Lead
            titles: ["Head of Things"]
            organisation: org
            email: ann@example.org
            source: {seed: test, quote: "Ann Lead"}
          - id: bob-other
            name: Bob Other
            source: {seed: test, quote: "Bob Other"}
        roles:
          - id: org-director
            title: Corporate Director
            organisation: org
            holders:
              - {person: ann-lead, as_of: "2020"}
            source: {seed: test, quote: "Corporate Director"}
    """,
    "plans/alpha.yaml": """
        plan:
          id: alpha
          title: Alpha Plan
          short_names: [alpha plan]
          source: {seed: test, quote: "Alpha"}
          actions:
            - id: "1"
              text: Review the foster carer records
              leads: [org-director]
              timescale: "by March 2020"
              due: "2020-03"
              status: not-stated
              source: {seed: test, quote: "1."}
            - id: "2"
              text: Publish the harmful sexual behaviour framework
              leads: [bob-other]
              timescale: "this financial year"
              due: "FY2019/20"
              status: complete
              source: {seed: test, quote: "2."}
    """,
}


def write_kb(root: Path, files: dict[str, str]) -> Path:
    """Write a knowledge base of {relative path: YAML text} under root and return root."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return root


@pytest.fixture
def mini_kb_dir(tmp_path: Path) -> Path:
    return write_kb(tmp_path / "kb", MINI)


@pytest.fixture(scope="session")
def bundled() -> KnowledgeBase:
    return load_knowledge_base()


@pytest.fixture(scope="session")
def engine(bundled: KnowledgeBase) -> Engine:
    return Engine(bundled)


@pytest.fixture(autouse=True)
def _no_shared_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep tests off the user's real cache directory."""
    monkeypatch.setenv("ACTIONBOT_CACHE", str(tmp_path / "cache"))
