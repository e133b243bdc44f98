"""Shared fixtures: small knowledge bases written inline, and the bundled one loaded once."""

from __future__ import annotations

import os
import secrets
import textwrap
from collections.abc import Iterator
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
    """Keep tests off the user's real cache and data directories, and off any state store configured outside."""
    monkeypatch.setenv("ACTIONBOT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("ACTIONBOT_DATA", str(tmp_path / "data"))
    for name in ("ACTIONBOT_STATE", "ACTIONBOT_KB", "ACTIONBOT_LOG_FORMAT", "ACTIONBOT_LOG_LEVEL"):
        monkeypatch.delenv(name, raising=False)


# -- PostgreSQL ----------------------------------------------------------------------------------
POSTGRES_ENV = "ACTIONBOT_TEST_POSTGRES"  # a DSN; .ci/run starts a server and exports it


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A PostgreSQL DSN: $ACTIONBOT_TEST_POSTGRES, else a throwaway server started here, else the test is skipped.

    Under CI (CI=true) a missing server fails the test instead: .ci/run installs and starts one.
    """
    if os.environ.get(POSTGRES_ENV):
        yield os.environ[POSTGRES_ENV]
        return
    import shutil
    import tempfile

    from tests import pg_server

    directory = Path(tempfile.mkdtemp(prefix="actionbot-pg-"))  # not under pytest's 0700 tree: postgres must enter
    directory.chmod(0o755)
    try:
        dsn = pg_server.start(directory / "pg")
    except pg_server.NoServer as exc:
        shutil.rmtree(directory, ignore_errors=True)
        reason = f"PostgreSQL is not available here ({exc}); set {POSTGRES_ENV} to a test database's DSN"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    try:
        yield dsn
    finally:
        pg_server.stop(directory / "pg")
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture
def postgres_dsn(postgres_server: str) -> Iterator[str]:
    """A DSN whose tables live in a fresh schema of their own, dropped afterwards."""
    from bot import pg

    schema = f"t_{secrets.token_hex(6)}"
    admin = pg.Connection(postgres_server)
    admin.execute(f"CREATE SCHEMA {schema}")
    admin.close()
    joiner = "&" if "?" in postgres_server else "?"
    try:
        yield f"{postgres_server}{joiner}options=-csearch_path%3D{schema}"
    finally:
        admin = pg.Connection(postgres_server)  # a new one: a test may have ended every other connection
        admin.execute(f"DROP SCHEMA {schema} CASCADE")
        admin.close()
