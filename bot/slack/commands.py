"""The `/actions` slash command, its "Share in channel" button and the follow-up question buttons."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable

from bot.slack import blocks, drafts, exports, identity, progress
from bot.slack.deps import Deps
from bot.slack.incoming import question_text
from bot.slack.sdk import Ack, App, Respond, WebClient
from bot.slack.visibility import audience, is_dm_channel, needs_person
from knowledge.answer import Answer
from knowledge.engine import Engine

log = logging.getLogger(__name__)
HELP_WORDS = ("", "help", "?", "commands")
ASK_BUTTON = re.compile(rf"^{blocks.ASK_ACTION}:\d+$")


class ReplyError(Exception):
    """Slack refused a reply posted to a response_url."""


def command_reply(command: dict, engine: Engine, today: dt.date, person: str | None = None) -> dict:
    """respond() arguments for `/actions <question>`: an ephemeral answer with a "Share in channel" button."""
    question = question_text(command.get("text"))
    if question.lower() in HELP_WORDS:
        message = blocks.help_message(engine.help(), command.get("command") or "/actions")
    else:
        channel = command.get("channel_id")
        is_dm = is_dm_channel(channel, channel_name=command.get("channel_name"))
        answer = engine.ask(question, today=today, audience=audience(channel, is_dm, person))
        message = blocks.answer_message(answer, share_question=question)
    return {"response_type": "ephemeral", **message}


def share_reply(body: dict, engine: Engine, today: dt.date, person: str | None = None) -> dict:
    """respond() arguments posting the answer to the button's question in the channel, for everyone.

    The question is asked again for that channel, so a restricted plan can never be shared where it is hidden.
    """
    _, answer = ask_button(body, engine, today, person)
    message = blocks.answer_message(answer, shared_by=(body.get("user") or {}).get("id"))
    return {"response_type": "in_channel", "replace_original": False, **message}


def button_reply(body: dict, engine: Engine, today: dt.date, person: str | None = None) -> dict:
    """respond() arguments answering a follow-up button, just for the person who clicked it."""
    question, answer = ask_button(body, engine, today, person)
    return {
        "response_type": "ephemeral",
        "replace_original": False,
        **blocks.answer_message(answer, share_question=question),
    }


def button_channel(body: dict) -> tuple[str | None, bool]:
    """The channel a button was clicked in, and whether it is a DM."""
    channel = body.get("channel") or {}
    return channel.get("id"), is_dm_channel(channel.get("id"), channel_name=channel.get("name"))


def ask_button(body: dict, engine: Engine, today: dt.date, person: str | None) -> tuple[str, Answer]:
    """(question, answer) for the question a button carries, asked for the channel it was clicked in."""
    question = body["actions"][0]["value"]
    channel, is_dm = button_channel(body)
    return question, engine.ask(question, today=today, audience=audience(channel, is_dm, person))


def send(respond: Callable[..., object], **message: object) -> None:
    """Post to the response_url; raises ReplyError if Slack does not accept it."""
    response = respond(**message)
    status = getattr(response, "status_code", 200)
    if status != 200:
        raise ReplyError(f"response_url answered HTTP {status}: {getattr(response, 'body', '')}")


def _person(user: str | None, channel_is_dm: bool, client: WebClient, deps: Deps, engine: Engine) -> str | None:
    if not user or not channel_is_dm or not needs_person(engine):
        return None
    return identity.resolve(user, engine.kb, client, deps.state)


def handle_command(command: dict, respond: Respond, client: WebClient, deps: Deps) -> None:
    """Answer `/actions ...` (already acknowledged)."""
    if (command.get("text") or "").strip().lower().startswith("draft "):
        send(respond, response_type="ephemeral", text="Drafting it now; I'll post the document here when it's ready.")
        send(respond, response_type="ephemeral", text=drafts.handle_draft(command, client, deps))
        return
    if (command.get("text") or "").strip().lower().startswith("export"):
        send(respond, response_type="ephemeral", text=exports.handle_export_command(command, client, deps))
        return
    if (command.get("text") or "").strip().lower().startswith("update "):
        send(respond, response_type="ephemeral", text=progress.handle_update_command(command, client, deps))
        return
    engine = deps.holder.engine
    is_dm = is_dm_channel(command.get("channel_id"), channel_name=command.get("channel_name"))
    person = _person(command.get("user_id"), is_dm, client, deps, engine)
    send(respond, **command_reply(command, engine, deps.today(), person))


def handle_share(body: dict, respond: Respond, client: WebClient, deps: Deps) -> None:
    """Post the answer in the channel, then remove the private copy."""
    engine = deps.holder.engine
    person = _person((body.get("user") or {}).get("id"), button_channel(body)[1], client, deps, engine)
    send(respond, **share_reply(body, engine, deps.today(), person))
    send(respond, delete_original=True)


def handle_button(body: dict, respond: Respond, client: WebClient, deps: Deps) -> None:
    """Answer a follow-up ("did you mean", status, timescale) button privately."""
    engine = deps.holder.engine
    person = _person((body.get("user") or {}).get("id"), button_channel(body)[1], client, deps, engine)
    send(respond, **button_reply(body, engine, deps.today(), person))


def register(app: App, deps: Deps) -> None:
    """Wire the slash command and the buttons; each acknowledges first, then answers."""

    @app.command("/actions")
    def on_actions_command(ack: Ack, command: dict, respond: Respond, client: WebClient) -> None:
        ack()
        handle_command(command, respond, client, deps)

    @app.action(blocks.SHARE_ACTION)
    def on_share(ack: Ack, body: dict, respond: Respond, client: WebClient) -> None:
        ack()
        handle_share(body, respond, client, deps)

    @app.action(ASK_BUTTON)
    def on_follow_up(ack: Ack, body: dict, respond: Respond, client: WebClient) -> None:
        ack()
        handle_button(body, respond, client, deps)
