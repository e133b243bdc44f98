"""Readiness: is this replica fit to answer? The knowledge base, the state store and Slack, each with a reason.

`readiness()` is shared by every transport: HTTP mode serves it at /readyz (bot/slack/server.py); Socket
Mode can call the same function for its own health signal. Liveness (/healthz) is only "the process
answers". The Slack check (auth.test) is cached, so a load balancer polling every second costs Slack one
call a minute, not one a second.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)
SLACK_TTL = 60.0  # seconds a Slack check's answer is reused


@dataclass(frozen=True)
class Readiness:
    """ready, and for each part that is not, why (short reasons for an unauthenticated caller: no file names)."""

    ready: bool
    problems: tuple[str, ...]

    def text(self) -> str:
        return "ready" if self.ready else "not ready: " + "; ".join(self.problems)


class SlackCheck:
    """auth.test through the bot's client, its answer kept for `ttl` seconds (None: reachable; else why not)."""

    def __init__(self, client: Any, ttl: float = SLACK_TTL, clock: Callable[[], float] = time.monotonic) -> None:
        self.client, self.ttl, self.clock = client, ttl, clock
        self._lock = threading.Lock()
        self._checked_at: float | None = None
        self._problem: str | None = None

    def __call__(self) -> str | None:
        with self._lock:
            now = self.clock()
            if self._checked_at is None or now - self._checked_at >= self.ttl:
                self._problem = self._ask()
                self._checked_at = now
            return self._problem

    def _ask(self) -> str | None:
        try:
            self.client.auth_test()
        except Exception as exc:  # any failure means "not reachable now"; the log has the detail
            log.warning("readiness: Slack auth.test failed: %s", exc)
            return "Slack is not reachable or refused the token"
        return None


def readiness(holder: Any, state: Any, slack: Callable[[], str | None] | None = None) -> Readiness:
    """Whether this replica is ready: knowledge base loaded and current, state store answering, Slack reachable.

    `holder` is the EngineHolder (bot/slack/reload.py), `state` the Store (bot/state.py), `slack` a cached
    check such as SlackCheck (None: not checked).
    """
    from bot.state import StateError

    problems: list[str] = []
    kb_problem = holder.health_problem()
    if kb_problem:
        problems.append(kb_problem)
    try:
        state.ping()
    except StateError as exc:
        log.warning("readiness: %s", exc)
        problems.append("the state store does not answer")
    if slack is not None:
        slack_problem = slack()
        if slack_problem:
            problems.append(slack_problem)
    return Readiness(not problems, tuple(problems))
