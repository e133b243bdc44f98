"""The bot's SQLite state file: events seen, Slack people resolved, and room for later tables."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

SCHEMA = """
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
log = logging.getLogger(__name__)
SEEN_KEEP_SECONDS = 7 * 24 * 3600  # Slack retries for about an hour; keep a week of ids


@dataclass(frozen=True)
class SlackPerson:
    """A cached Slack user -> knowledge-base person resolution (person None: looked up, no match)."""

    slack_user: str
    person: str | None
    email: str | None
    resolved_at: float


class State:
    """The state database at one path. Safe to share across threads and processes (WAL, one connection per thread).

    Other modules add their own tables with `ensure_schema(DDL)` using CREATE TABLE IF NOT EXISTS.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.moved_aside: Path | None = None  # where an unreadable state file was moved, if it was
        self.problem: str | None = None  # what happened then, for the command line to say
        try:
            self._check()
            self.ensure_schema(SCHEMA)
        except sqlite3.DatabaseError as exc:
            self.close()
            self.moved_aside = self._move_aside(exc)
            self.ensure_schema(SCHEMA)

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

    def ensure_schema(self, ddl: str) -> None:
        """Run idempotent DDL (CREATE ... IF NOT EXISTS) once at start-up."""
        self.connect().executescript(ddl)

    def close(self) -> None:
        """Close this thread's connection (others close when their threads end)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # -- events -----------------------------------------------------------------------------
    def first_time(self, event_id: str, now: float | None = None) -> bool:
        """Record an event id; True only for the first caller, in any thread or process."""
        cur = self.connect().execute(
            "INSERT OR IGNORE INTO seen_events (event_id, seen_at) VALUES (?, ?)",
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
            "INSERT OR REPLACE INTO slack_people (slack_user, person, email, resolved_at) VALUES (?, ?, ?, ?)",
            (slack_user, person, email, time.time() if now is None else now),
        )
