"""Mentions in channels (answered in a thread) and direct messages."""

from __future__ import annotations

import datetime as dt
import logging

from bot.slack import blocks, dedupe, identity, imports, progress
from bot.slack.deps import Deps
from bot.slack.incoming import question_text
from bot.slack.memory import Memory, conversation_key
from bot.slack.sdk import App, WebClient
from bot.slack.visibility import audience, needs_person
from knowledge.engine import Engine

log = logging.getLogger(__name__)


def mention_reply(event: dict, engine: Engine, today: dt.date, memory: Memory | None = None) -> dict:
    """chat.postMessage arguments answering a mention, in the thread of the mention.

    With a memory, "it" in a follow-up means the subject of the last answer in the same thread.
    """
    key = conversation_key(event)
    answer = engine.ask(
        question_text(event.get("text")),
        today=today,
        audience=audience(event.get("channel"), is_dm=False),
        subject=memory.recall(key) if memory else None,
    )
    if memory:
        memory.remember(key, answer.subject)
    return {
        "channel": event["channel"],
        "thread_ts": event.get("thread_ts") or event["ts"],
        **blocks.answer_message(answer),
    }


def is_question_dm(event: dict) -> bool:
    """True for a person's new message in a DM; False for bot posts, edits, deletions and other subtypes."""
    return (
        event.get("channel_type") == "im"
        and not event.get("subtype")
        and not event.get("bot_id")
        and bool(event.get("user"))
        and bool((event.get("text") or "").strip())
    )


def dm_reply(
    event: dict, engine: Engine, today: dt.date, person: str | None = None, memory: Memory | None = None
) -> dict:
    """chat.postMessage arguments answering a DM (in its thread when the question was in one)."""
    key = conversation_key(event)
    answer = engine.ask(
        question_text(event.get("text")),
        today=today,
        audience=audience(event.get("channel"), is_dm=True, person=person),
        subject=memory.recall(key) if memory else None,
    )
    if memory:
        memory.remember(key, answer.subject)
    reply = {"channel": event["channel"], **blocks.answer_message(answer)}
    if event.get("thread_ts"):
        reply["thread_ts"] = event["thread_ts"]
    return reply


def handle_mention(event: dict, client: WebClient, deps: Deps) -> None:
    """Answer an app_mention in its thread."""
    client.chat_postMessage(**mention_reply(event, deps.holder.engine, deps.today(), deps.memory))


def handle_message(event: dict, client: WebClient, deps: Deps) -> None:
    """Answer a direct message (a file sent in one is offered for import); ignore every other message event."""
    if imports.is_file_dm(event) and not event.get("bot_id"):
        imports.handle_file_dm(event, client, deps)
        return
    if not is_question_dm(event):
        return
    paused = progress.pause_reply(event.get("text") or "", event["user"], client, deps)
    if paused is not None:
        client.chat_postMessage(channel=event["channel"], text=paused)
        return
    engine = deps.holder.engine
    person = identity.resolve(event["user"], engine.kb, client, deps.state) if needs_person(engine) else None
    client.chat_postMessage(**dm_reply(event, engine, deps.today(), person, deps.memory))


def register(app: App, deps: Deps) -> None:
    """Wire the event listeners."""

    @app.event("app_mention")
    def on_app_mention(body: dict, event: dict, client: WebClient) -> None:
        if dedupe.first_delivery(body, deps.state):
            handle_mention(event, client, deps)

    @app.event("message")
    def on_message(body: dict, event: dict, client: WebClient) -> None:
        if dedupe.first_delivery(body, deps.state):
            handle_message(event, client, deps)
