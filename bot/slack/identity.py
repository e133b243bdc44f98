"""Slack user -> knowledge-base person: by slack_id, else by email (users.info, users.lookupByEmail), cached."""

from __future__ import annotations

import logging
import time
from typing import Any, Protocol

from bot.slack.sdk import SlackApiError
from bot.state import State
from knowledge.models import KnowledgeBase

log = logging.getLogger(__name__)
MATCH_TTL = 24 * 3600  # a match is re-checked daily (people change jobs, Slack emails change)
NO_MATCH_TTL = 3600  # "no match" is retried hourly, so a newly added person is found soon
MAX_LOOKUPS = 50  # users.lookupByEmail calls per sweep (Tier 3: about 50 a minute)


class Directory(Protocol):
    """The two Web API methods used (a slack_sdk WebClient is one)."""

    def users_info(self, *, user: str, **kwargs: Any) -> Any: ...

    def users_lookupByEmail(self, *, email: str, **kwargs: Any) -> Any: ...


def resolve(
    slack_user: str, kb: KnowledgeBase, directory: Directory, state: State, now: float | None = None
) -> str | None:
    """The person id this Slack user is, or None. Asks Slack at most once per TTL per user."""
    now = time.time() if now is None else now
    by_slack_id = {p.slack_id: p.id for p in kb.people.values() if p.slack_id}
    if slack_user in by_slack_id:
        return by_slack_id[slack_user]
    cached = state.slack_person(slack_user)
    if cached is not None and (cached.person is None or cached.person in kb.people):
        ttl = MATCH_TTL if cached.person else NO_MATCH_TTL
        if now - cached.resolved_at < ttl:
            return cached.person
    email = email_of(directory, slack_user)
    person = person_by_email(kb, email) if email else None
    if person is None and not email:
        person = sweep(slack_user, kb, directory, state, now)
    state.remember_person(slack_user, person, email, now)
    return person


def person_by_email(kb: KnowledgeBase, email: str) -> str | None:
    """The knowledge-base person with this email (case-insensitive), or None."""
    wanted = email.strip().casefold()
    return next((p.id for p in kb.people.values() if p.email and p.email.strip().casefold() == wanted), None)


def email_of(directory: Directory, slack_user: str) -> str | None:
    """The user's Slack profile email (needs users:read.email), or None if hidden or unavailable."""
    try:
        response = directory.users_info(user=slack_user)
    except SlackApiError as exc:
        log.warning("users.info for %s failed (%s); matching by email lookup instead", slack_user, _error(exc))
        return None
    return (response.get("user") or {}).get("profile", {}).get("email") or None


def sweep(slack_user: str, kb: KnowledgeBase, directory: Directory, state: State, now: float) -> str | None:
    """Look up knowledge-base emails with users.lookupByEmail, caching each match; slack_user's person or None."""
    found = None
    emails = [(p.id, p.email) for p in kb.people.values() if p.email][:MAX_LOOKUPS]
    for person, email in emails:
        try:
            response = directory.users_lookupByEmail(email=email)
        except SlackApiError as exc:
            if _error(exc) == "users_not_found":
                continue
            log.warning("users.lookupByEmail failed (%s); stopping the email sweep", _error(exc))
            break
        user_id = (response.get("user") or {}).get("id")
        if user_id:
            state.remember_person(user_id, person, email, now)
            if user_id == slack_user:
                found = person
                break
    return found


def _error(exc: SlackApiError) -> str:
    response = exc.response
    return str(response.get("error")) if response is not None else str(exc)
