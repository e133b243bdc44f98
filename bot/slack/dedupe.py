"""Answer each Slack event once: a global middleware keyed on event_id in the state database."""

from __future__ import annotations

import logging
from collections.abc import Callable

from bot.slack.sdk import BoltResponse
from bot.state import State

log = logging.getLogger(__name__)


def is_duplicate(body: dict, state: State) -> bool:
    """True when this event_id was already taken (by this process, an earlier run or another process)."""
    event_id = body.get("event_id")
    return bool(event_id) and not state.first_time(str(event_id))


def middleware(state: State) -> Callable[..., BoltResponse | None]:
    """A Bolt global middleware acking duplicates with 200 and passing first deliveries on."""

    def dedupe_events(body: dict, next_: Callable[[], None]) -> BoltResponse | None:
        if is_duplicate(body, state):
            log.info("event %s already answered; acknowledging the redelivery only", body.get("event_id"))
            return BoltResponse(status=200, body="")
        return next_()

    return dedupe_events
