"""A throwaway PostgreSQL server for the tests: initdb in a temporary directory, a unix socket there, no TCP.

`python tests/pg_server.py start DIR` prints a DSN (used by .ci/run, which exports it as
ACTIONBOT_TEST_POSTGRES); `python tests/pg_server.py stop DIR` stops it. tests/conftest.py starts one the
same way when ACTIONBOT_TEST_POSTGRES is unset and Debian's postgresql package is installed. As root the
server runs as the `postgres` user (PostgreSQL refuses to run as root).
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
from pathlib import Path

PORT = 54329
DATABASE = "actionbot_test"


class NoServer(Exception):
    """PostgreSQL cannot be started here; the message says why (for the tests' skip reason)."""


def bin_dir() -> Path:
    """The newest installed PostgreSQL's bin directory (Debian puts it under /usr/lib/postgresql/N/bin)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    pg_ctl = shutil.which("pg_ctl")
    if pg_ctl:
        return Path(pg_ctl).parent
    raise NoServer("PostgreSQL is not installed (apt-get install postgresql; .ci/run does this)")


def _as_owner(argv: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return argv
    runuser = shutil.which("runuser")
    if runuser is None:
        raise NoServer("running as root without runuser: cannot start PostgreSQL as the postgres user")
    return [runuser, "-u", "postgres", "--", *argv]


def start(directory: Path) -> str:
    """Start a server with its data and socket in `directory`; returns the DSN. Raises NoServer."""
    bindir = bin_dir()
    directory.mkdir(parents=True, exist_ok=True)
    data = directory / "data"
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres", "postgres")
    run = lambda argv: subprocess.run(_as_owner(argv), capture_output=True, text=True, timeout=120)  # noqa: E731
    if not (data / "PG_VERSION").exists():
        made = run([str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync"])
        if made.returncode != 0:
            raise NoServer(f"initdb failed: {made.stderr.strip()[-300:]}")
    opts = f"-k {directory} -p {PORT} -c listen_addresses='' -c fsync=off -c max_connections=60"
    started = run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(directory / "log"), "-o", opts, "-w", "start"])
    if started.returncode != 0:
        log = (directory / "log").read_text(errors="replace")[-300:] if (directory / "log").exists() else ""
        raise NoServer(f"pg_ctl start failed: {started.stderr.strip()[-300:]} {log}")
    created = run([str(bindir / "createdb"), "-h", str(directory), "-p", str(PORT), "-U", "postgres", DATABASE])
    if created.returncode != 0 and "already exists" not in created.stderr:
        raise NoServer(f"createdb failed: {created.stderr.strip()[-300:]}")
    return f"postgresql://postgres@/{DATABASE}?host={directory}&port={PORT}"


def stop(directory: Path) -> None:
    bindir = bin_dir()
    subprocess.run(
        _as_owner([str(bindir / "pg_ctl"), "-D", str(directory / "data"), "-m", "fast", "-w", "stop"]),
        capture_output=True,
        timeout=60,
    )


if __name__ == "__main__":
    command, where = sys.argv[1], Path(sys.argv[2])
    if command == "start":
        try:
            print(start(where))
        except NoServer as exc:
            print(f"PostgreSQL not started: {exc}", file=sys.stderr)
            sys.exit(1)
    else:
        stop(where)
