"""The bot's state: events seen, Slack people resolved, reminders sent, snoozes, pauses - in SQLite or PostgreSQL.

One interface (`Store`), two implementations: `State`, a SQLite file (the default, one host), and
`PostgresState`, selected by ACTIONBOT_STATE=postgresql://... for several replicas. Both run the same
SQL: `?` placeholders and `INSERT ... ON CONFLICT`, which SQLite and PostgreSQL both read (the PostgreSQL
connection turns `?` into psycopg's `%s`). REAL columns are DOUBLE PRECISION in PostgreSQL.

Schemas are versioned: `migrate(component, steps)` applies the steps a component has not had yet, in
order, and records how many it has had in `schema_versions`; several processes starting at once apply
each step once (a file lock beside the SQLite file; an advisory lock in PostgreSQL). A module adds a
table by appending a step to its list, never by editing one already released.

`exclusive(name)` is the one lock for work only one replica may do at a time (the weekly reminder run,
knowledge-base updates): a file lock beside the SQLite file, a session advisory lock in PostgreSQL,
released by the server if the holder dies.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from knowledge import locks

CORE = [
    """
CREATE TABLE IF NOT EXISTS seen_events (
    event_id TEXT PRIMARY KEY,
    seen_at  REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS slack_people (
    slack_user  TEXT PRIMARY KEY,
    person      TEXT,              -- knowledge-base person id; NULL when no match was found
    email       TEXT,
    resolved_at REAL NOT NULL
);
"""
]
SCHEMA = CORE[0]  # the first version, as other modules and tests knew it
VERSIONS = """
CREATE TABLE IF NOT EXISTS schema_versions (
    component TEXT PRIMARY KEY,
    version   INTEGER NOT NULL,
    applied   REAL NOT NULL
);
"""
log = logging.getLogger(__name__)
SEEN_KEEP_SECONDS = 7 * 24 * 3600  # Slack retries for about an hour; keep a week of ids


class StateError(Exception):
    """The state store cannot be opened or reached; the message says which and what to do."""


class Busy(Exception):
    """`exclusive(name, wait=False)`: someone else holds the lock."""


class Store(Protocol):
    """What the bot needs from its state, whichever database holds it."""

    problem: str | None
    scratch: Path  # a local directory for temporary files (uploads being imported)

    def connect(self) -> Any: ...  # this thread's connection: execute(sql with ?, params) -> cursor
    def migrate(self, component: str, steps: Sequence[str]) -> None: ...
    def ensure_schema(self, ddl: str) -> None: ...
    def exclusive(self, name: str, wait: bool = True) -> contextlib.AbstractContextManager[None]: ...
    def first_time(self, event_id: str, now: float | None = None) -> bool: ...
    def forget_events(self, older_than: float = SEEN_KEEP_SECONDS, now: float | None = None) -> int: ...
    def slack_person(self, slack_user: str) -> SlackPerson | None: ...
    def remember_person(
        self, slack_user: str, person: str | None, email: str | None, now: float | None = None
    ) -> None: ...
    def describe(self) -> str: ...
    def ping(self) -> None: ...
    def close(self) -> None: ...


def is_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def open_store(env: Mapping[str, str] | None = None) -> State | PostgresState:
    """The state store chosen by ACTIONBOT_STATE (default: $ACTIONBOT_DATA/state.db). Raises StateError."""
    from bot.settings import data_dir, state_path

    env = os.environ if env is None else env
    target = (env.get("ACTIONBOT_STATE") or "").strip()
    if is_url(target):
        return PostgresState(target, scratch=data_dir(env))
    if "://" in target:
        raise StateError(
            f"ACTIONBOT_STATE={_redact(target)} is a URL but not postgresql://; give a SQLite file path "
            "or a postgresql://user:password@host/database URL"
        )
    path = state_path(env)
    try:
        return State(path)
    except (OSError, sqlite3.Error) as exc:
        raise StateError(
            f"cannot open the SQLite state file {path}: {exc}; check ACTIONBOT_STATE / ACTIONBOT_DATA"
        ) from None


def _redact(url: str) -> str:
    """A URL without its password."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


@dataclass(frozen=True)
class SlackPerson:
    """A cached Slack user -> knowledge-base person resolution (person None: looked up, no match)."""

    slack_user: str
    person: str | None
    email: str | None
    resolved_at: float


class _Tables:
    """The core tables' queries, the same for both databases."""

    def connect(self) -> Any:
        raise NotImplementedError

    # -- events -----------------------------------------------------------------------------
    def first_time(self, event_id: str, now: float | None = None) -> bool:
        """Record an event id; True only for the first caller, in any thread, process or replica."""
        cur = self.connect().execute(
            "INSERT INTO seen_events (event_id, seen_at) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING",
            (event_id, time.time() if now is None else now),
        )
        return cur.rowcount == 1

    def forget_events(self, older_than: float = SEEN_KEEP_SECONDS, now: float | None = None) -> int:
        """Drop event ids seen more than `older_than` seconds ago; returns how many."""
        cutoff = (time.time() if now is None else now) - older_than
        return self.connect().execute("DELETE FROM seen_events WHERE seen_at < ?", (cutoff,)).rowcount

    # -- Slack people -----------------------------------------------------------------------
    def slack_person(self, slack_user: str) -> SlackPerson | None:
        """The cached resolution of a Slack user, or None if never resolved."""
        row = (
            self.connect()
            .execute(
                "SELECT slack_user, person, email, resolved_at FROM slack_people WHERE slack_user = ?", (slack_user,)
            )
            .fetchone()
        )
        return SlackPerson(*row) if row else None

    def remember_person(self, slack_user: str, person: str | None, email: str | None, now: float | None = None) -> None:
        """Cache a resolution (person None records "looked up, no match")."""
        self.connect().execute(
            "INSERT INTO slack_people (slack_user, person, email, resolved_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (slack_user) DO UPDATE SET person = excluded.person, email = excluded.email, "
            "resolved_at = excluded.resolved_at",
            (slack_user, person, email, time.time() if now is None else now),
        )

    def _version(self, component: str) -> int:
        row = self.connect().execute("SELECT version FROM schema_versions WHERE component = ?", (component,)).fetchone()
        return int(row[0]) if row else 0

    def version(self, component: str) -> int:
        """How many migration steps `component` has had."""
        return self._version(component)

    @staticmethod
    def _record(component: str, version: int) -> str:
        return (
            f"INSERT INTO schema_versions (component, version, applied) VALUES ('{component}', {version}, "
            f"{time.time()}) ON CONFLICT (component) DO UPDATE SET version = excluded.version, "
            "applied = excluded.applied;"
        )


_COMPONENT = re.compile(r"[a-z][a-z0-9_]*")


class State(_Tables):
    """The SQLite state file at one path. Safe to share across threads and processes (WAL, one connection per thread).

    Other modules add their own tables with `migrate(component, steps)`.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.scratch = self.path.parent
        self._local = threading.local()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.moved_aside: Path | None = None  # where an unreadable state file was moved, if it was
        self.problem: str | None = None  # what happened then, for the command line to say
        try:
            self._check()
            self.migrate("core", CORE)
        except sqlite3.DatabaseError as exc:
            self.close()
            self.moved_aside = self._move_aside(exc)
            self.migrate("core", CORE)

    def _check(self) -> None:
        """Raise sqlite3.DatabaseError unless the file is a sound SQLite database (or absent, or empty)."""
        result = self.connect().execute("PRAGMA quick_check").fetchone()
        if not result or result[0] != "ok":
            raise sqlite3.DatabaseError(f"integrity check failed: {result[0] if result else 'no answer'}")

    def _move_aside(self, exc: BaseException) -> Path:
        """Move the unreadable file (and its -wal, -shm) to <name>.corrupt-<time>; a new, empty file replaces it.

        What is lost is rebuilt: reminders already sent are found again in Slack by their metadata.
        """
        aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}")
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):  # another process moved it first, or it never existed
                os.replace(f"{self.path}{suffix}", f"{aside}{suffix}")
        self.problem = (
            f"state file {self.path} is not a readable SQLite database ({exc}); moved it to {aside} and started a "
            "new one. Reminders already sent are found again in Slack, so none is sent twice."
        )
        log.warning("%s", self.problem)
        return aside

    def connect(self) -> sqlite3.Connection:
        """This thread's connection (autocommit, WAL, 5 s busy timeout)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=5.0, isolation_level=None, check_same_thread=True)
            try:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
            except sqlite3.DatabaseError:
                conn.close()
                raise
            self._local.conn = conn
        return conn

    def describe(self) -> str:
        """Where the state lives, for logs and `actionbot doctor`."""
        return f"SQLite {self.path}"

    def ping(self) -> None:
        """Raise StateError unless the store answers a query now (for /readyz and doctor)."""
        try:
            self.connect().execute("SELECT 1").fetchone()
        except sqlite3.Error as exc:
            raise StateError(f"SQLite state file {self.path} does not answer: {exc}") from exc

    def ensure_schema(self, ddl: str) -> None:
        """Run idempotent DDL (CREATE ... IF NOT EXISTS); prefer `migrate`, which versions it."""
        self.connect().executescript(ddl)

    def migrate(self, component: str, steps: Sequence[str]) -> None:
        """Apply the steps of `component` not applied yet, each with its version record in one transaction."""
        if not _COMPONENT.fullmatch(component):
            raise ValueError(f"component name {component!r}")
        conn = self.connect()
        conn.executescript(VERSIONS)
        if self._version(component) >= len(steps):
            return
        with self.exclusive(f"migrate-{component}"):
            for number in range(self._version(component), len(steps)):
                try:
                    conn.executescript(
                        f"BEGIN IMMEDIATE;\n{steps[number]}\n{self._record(component, number + 1)}\nCOMMIT;"
                    )
                except sqlite3.Error:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise

    @contextlib.contextmanager
    def exclusive(self, name: str, wait: bool = True) -> Iterator[None]:
        """Hold the lock `name` for this state file (a file beside it); raises Busy if held and not `wait`."""
        try:
            with locks.exclusive(Path(f"{self.path}.{name}.lock"), wait=wait):
                yield
        except locks.Busy:
            raise Busy(name) from None

    def close(self) -> None:
        """Close this thread's connection (others close when their threads end)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


class PostgresState(_Tables):
    """The state in a PostgreSQL database shared by every replica (ACTIONBOT_STATE=postgresql://...)."""

    def __init__(self, dsn: str, scratch: Path | None = None) -> None:
        from bot import pg

        self.dsn = dsn
        self.problem: str | None = None
        self.scratch = scratch or Path.home() / ".local" / "share" / "actionbot"
        self._local = threading.local()
        self._all: list[Any] = []
        self._guard = threading.Lock()
        try:
            self.migrate("core", CORE)
        except pg.Unavailable as exc:
            self.close()
            raise StateError(str(exc)) from None

    def connect(self) -> Any:
        """This thread's connection (autocommit), opened again if the last one broke."""
        from bot import pg

        conn = getattr(self._local, "conn", None)
        if conn is not None and not conn.usable:  # the server restarted: the call that found out failed; reconnect
            self._drop()
            conn = None
        if conn is None:
            conn = pg.Connection(self.dsn)
            self._local.conn = conn
            with self._guard:
                self._all.append(conn)
        return conn

    def describe(self) -> str:
        from bot import pg

        return f"PostgreSQL {pg.redacted(self.dsn)}"

    def ping(self) -> None:
        from bot import pg

        try:
            self.connect().execute("SELECT 1").fetchone()
        except (pg.Unavailable, pg.Error) as exc:
            self._drop()
            raise StateError(f"{self.describe()} does not answer: {exc}") from None

    def ensure_schema(self, ddl: str) -> None:
        """Run idempotent DDL under the migration lock; prefer `migrate`, which versions it."""
        conn = self.connect()
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(?)", (_key("migrate"),))
            conn.script(_postgres_ddl(ddl))

    def migrate(self, component: str, steps: Sequence[str]) -> None:
        """Apply the steps of `component` not applied yet; several replicas starting at once apply each once."""
        if not _COMPONENT.fullmatch(component):
            raise ValueError(f"component name {component!r}")
        conn = self.connect()
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(?)", (_key("migrate"),))
            conn.script(_postgres_ddl(VERSIONS))
            for number in range(self._version(component), len(steps)):
                conn.script(_postgres_ddl(steps[number]))
                conn.script(self._record(component, number + 1))

    @contextlib.contextmanager
    def exclusive(self, name: str, wait: bool = True) -> Iterator[None]:
        """A session advisory lock on a connection of its own, for the block; the server frees it if we die."""
        from bot import pg

        conn = pg.Connection(self.dsn)
        try:
            key = _key(name)
            if wait:
                conn.execute("SELECT pg_advisory_lock(?)", (key,))
            elif not conn.execute("SELECT pg_try_advisory_lock(?)", (key,)).fetchone()[0]:
                raise Busy(name)
            try:
                yield
            finally:
                conn.execute("SELECT pg_advisory_unlock(?)", (key,))
        finally:
            conn.close()

    def _drop(self) -> None:
        """Forget this thread's connection (it failed); the next call opens a new one."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()
            self._local.conn = None

    def close(self) -> None:
        """Close every connection this store opened."""
        with self._guard:
            conns, self._all = self._all, []
        for conn in conns:
            with contextlib.suppress(Exception):
                conn.close()
        self._local = threading.local()


def _key(name: str) -> int:
    """A stable signed 64-bit advisory-lock key for a lock name."""
    return int.from_bytes(hashlib.blake2b(f"actionbot:{name}".encode(), digest_size=8).digest(), "big", signed=True)


def _postgres_ddl(ddl: str) -> str:
    """SQLite DDL as PostgreSQL reads it: REAL (4 bytes there) becomes DOUBLE PRECISION."""
    return re.sub(r"\bREAL\b", "DOUBLE PRECISION", ddl)
