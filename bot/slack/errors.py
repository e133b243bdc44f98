"""The global error handler: the user sees an apology with a ref; the log has the traceback under that ref."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable

from bot.slack import blocks
from bot.slack.sdk import App, SlackClientError, WebClient
from bot.slack.workers import Overloaded

log = logging.getLogger(__name__)


def new_ref() -> str:
    """A short reference a user can quote, e.g. "7F3A2C"."""
    return secrets.token_hex(3).upper()


def where(body: dict) -> str:
    """A few words naming the request, for the log line."""
    event = body.get("event") or {}
    if event:
        return f"event {event.get('type')} {body.get('event_id', '')} in {event.get('channel', '-')}"
    if body.get("command"):
        return f"command {body.get('command')} in {body.get('channel_id', '-')}"
    if body.get("type"):
        return f"{body.get('type')} from {(body.get('user') or {}).get('id', '-')}"
    return "request"


def handle_error(
    error: BaseException,
    body: dict,
    client: WebClient | None,
    respond: Callable[..., object] | None,
    ref: str | None = None,
) -> str:
    """Log the error with its traceback under a new ref, tell the user if there is anyone to tell; return the ref.

    A full answer pool is not a bug: logged without a traceback; an event is left to Slack's redelivery (nothing
    is posted, which would add to the load), a command or button hears that the bot is busy.
    """
    ref = ref or new_ref()
    if isinstance(error, Overloaded):
        log.warning("ref %s: too busy to answer %s (%s); Slack delivers events again later", ref, where(body), error)
        if body.get("response_url") and respond is not None:
            try:
                respond(response_type="ephemeral", replace_original=False, text=BUSY)
            except (SlackClientError, OSError, ValueError) as exc:
                log.error("ref %s: could not tell the user the bot is busy either: %s", ref, exc)
        return ref
    log.error("ref %s: unhandled error answering %s", ref, where(body), exc_info=error)
    message = blocks.error_message(ref)
    event = body.get("event") or {}
    try:
        if body.get("response_url") and respond is not None:
            respond(response_type="ephemeral", replace_original=False, **message)
        elif event.get("channel") and event.get("type") in ("app_mention", "message") and client is not None:
            thread = event.get("thread_ts") or (event.get("ts") if event.get("type") == "app_mention" else None)
            client.chat_postMessage(channel=event["channel"], thread_ts=thread, **message)
    except (SlackClientError, OSError, ValueError) as exc:
        log.error("ref %s: could not tell the user about the error either: %s", ref, exc)
    return ref


BUSY = "I am answering a lot of questions just now; please ask again in a minute."


def register(app: App) -> None:
    """Wire the global error handler (listener and middleware errors)."""

    @app.error
    def on_error(error: BaseException, body: dict, client: WebClient, respond: Callable[..., object]) -> None:
        handle_error(error, body, client, respond)
