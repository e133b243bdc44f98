"""PostgreSQL through psycopg 3: the one module importing psycopg.

Why psycopg 3 directly rather than SQLAlchemy Core: the state is a handful of small tables with plain
queries that are already portable between SQLite and PostgreSQL (`INSERT ... ON CONFLICT`), and what
differs - the advisory locks and the placeholders - is PostgreSQL-specific whatever the toolkit. psycopg 3
is the maintained PostgreSQL driver (SQLAlchemy would use it underneath); its binary wheel carries libpq,
so the Docker image needs no compiler. A connection is opened per thread, in autocommit mode.
"""

from __future__ import annotations

import re
from typing import Any

try:
    import psycopg
except ImportError:  # installed with the `postgres` extra
    psycopg = None  # type: ignore[assignment]

Error: type[Exception] = psycopg.Error if psycopg is not None else OSError


class Unavailable(Exception):
    """psycopg is not installed, or the server cannot be reached; the message says which."""


def redacted(dsn: str) -> str:
    """The DSN without its password, for logs and messages."""
    dsn = re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", dsn)
    return re.sub(r"(password=)\S+", r"\1***", dsn)


class Connection:
    """A psycopg connection that takes the state module's SQL as written for SQLite: `?` placeholders."""

    def __init__(self, dsn: str, connect_timeout: int = 5) -> None:
        if psycopg is None:
            raise Unavailable(
                "ACTIONBOT_STATE is a postgresql:// URL but psycopg is not installed; "
                "install actionbot with the postgres extra: pip install 'actionbot[postgres]'"
            )
        try:
            self.conn = psycopg.connect(dsn, autocommit=True, connect_timeout=connect_timeout)
        except psycopg.Error as exc:
            raise Unavailable(
                f"cannot connect to PostgreSQL at {redacted(dsn)}: {_first_line(exc)}; check ACTIONBOT_STATE "
                "(host, port, database, user, password) and that the server is running and accepts this client"
            ) from None

    def execute(self, sql: str, params: tuple | list = ()) -> Any:
        """Run one statement with `?` placeholders; returns the cursor (fetchone, fetchall, rowcount)."""
        return self.conn.execute(sql.replace("%", "%%").replace("?", "%s"), tuple(params))

    def script(self, text: str) -> None:
        """Run several statements, without parameters (inside the caller's transaction, if any)."""
        self.conn.execute(text.encode())

    def executescript(self, text: str) -> None:
        """Run several statements (no parameters) as one transaction."""
        with self.conn.transaction():
            self.script(text)

    def transaction(self) -> Any:
        return self.conn.transaction()

    @property
    def usable(self) -> bool:
        """False once the connection is closed or broken (the server restarted, the network dropped)."""
        return not (self.conn.closed or self.conn.broken)

    def close(self) -> None:
        self.conn.close()


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
