"""Run `actionbot` in a child process, optionally with its address space capped, for tests of hostile input."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_MAIN = "import sys; from bot.cli import main; sys.exit(main(sys.argv[1:]))"


def run_cli(
    args: Sequence[str],
    *,
    memory_mb: int | None = None,
    timeout: float = 120,
    env: dict[str, str] | None = None,
    prelude: str = "",
) -> subprocess.CompletedProcess[str]:
    """`actionbot ARGS` in a new interpreter; with `memory_mb`, RLIMIT_AS caps it so a bomb cannot take the machine.

    `prelude` is Python run before the CLI is imported (for example to hide a module).
    """

    def limit() -> None:  # pragma: no cover - runs in the child
        if memory_mb is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 2**20, memory_mb * 2**20))

    full_env = {**os.environ, "ACTIONBOT_CACHE": "off", "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-c", prelude + "\n" + _MAIN, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=full_env,
        cwd=ROOT,
        preexec_fn=limit if memory_mb is not None else None,
    )
