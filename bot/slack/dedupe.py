"""Answer each Slack event once: the event_id recorded in the state database by the listener, after the ack.

The check runs in the listener (on the answer pool), not before the acknowledgement: the ack never waits for the
state database, and an event the app refused (its pool full, bot/slack/workers.py) was not recorded, so Slack's
redelivery of it is answered. Every event listener starts with `first_delivery(body, deps.state)`.
"""

from __future__ import annotations

import logging

from bot.state import State

log = logging.getLogger(__name__)


def is_duplicate(body: dict, state: State) -> bool:
    """True when this event_id was already taken (by this process, an earlier run or another process)."""
    event_id = body.get("event_id")
    return bool(event_id) and not state.first_time(str(event_id))


def first_delivery(body: dict, state: State) -> bool:
    """True for the first delivery of an event (now recorded); False, logged, for a redelivery."""
    if is_duplicate(body, state):
        log.info("event %s already answered; acknowledged the redelivery only", body.get("event_id"))
        return False
    return True
