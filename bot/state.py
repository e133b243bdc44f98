"""The bot's SQLite state file: events seen, Slack people resolved, and room for later tables."""

from __future__ import annotations

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
        self.ensure_schema(SCHEMA)

    def connect(self) -> sqlite3.Connection:
        """This thread's connection (autocommit, WAL, 5 s busy timeout)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=5.0, isolation_level=None, check_same_thread=True)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
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
