"""Progress updates from Slack: "Add update" (a modal), "Mark complete", "Snooze 1 week",
`/actions update ...`, and "pause/resume reminders" in a DM. Handlers are plain functions."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re

from bot.remind import RemindStore
from bot.slack import identity
from bot.slack.deps import Deps
from bot.slack.incoming import Word, command_text, command_words
from bot.slack.sdk import Ack, App, Respond, WebClient
from bot.slack.update_blocks import COMPLETE, OPEN, SNOOZE
from bot.slack.visibility import person_may_see
from knowledge import facts
from knowledge.describe import action_label
from knowledge.models import STATUSES, Action, KnowledgeBase
from knowledge.resolve import MAX_WORDS, NotResolved, Resolver
from knowledge.updates import (
    MAX_NOTE,
    UpdateError,
    UpdateRequest,
    check_permission,
    find_action,
    record_update,
)
from knowledge.visibility import private

log = logging.getLogger(__name__)
SUBMIT = "update_submit"
PAUSE = re.compile(r"^\s*(pause|stop|mute)\s+(the\s+)?reminders?\s*[.!]?\s*$", re.I)
RESUME = re.compile(r"^\s*(resume|restart|start|unmute)\s+(the\s+)?reminders?\s*[.!]?\s*$", re.I)
SNOOZE_DAYS = 7


# -- Block Kit ------------------------------------------------------------------------------
def update_modal(action: Action, label: str, channel: str | None) -> dict:
    """The "Add update" modal: status, note, and an optional revised due date with its reason."""
    status = facts.current_status(action)
    options = [{"text": {"type": "plain_text", "text": s}, "value": s} for s in STATUSES]
    return {
        "type": "modal",
        "callback_id": SUBMIT,
        "private_metadata": json.dumps({"plan": action.plan, "action": action.id, "channel": channel}),
        "title": {"type": "plain_text", "text": "Add update"},
        "submit": {"type": "plain_text", "text": "Save"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": f"*{label[:200]}*\n{action.text[:2500]}"}},
            {
                "type": "input",
                "block_id": "status",
                "label": {"type": "plain_text", "text": "Status"},
                "element": {
                    "type": "static_select",
                    "action_id": "value",
                    "options": options,
                    "initial_option": next(o for o in options if o["value"] == status),
                },
            },
            {
                "type": "input",
                "block_id": "note",
                "label": {"type": "plain_text", "text": "What has happened"},
                "element": {
                    "type": "plain_text_input",
                    "action_id": "value",
                    "multiline": True,
                    "max_length": min(MAX_NOTE, MODAL_NOTE_MAX),
                },
            },
            {
                "type": "input",
                "block_id": "due",
                "optional": True,
                "label": {"type": "plain_text", "text": "Revised due date"},
                "element": {"type": "datepicker", "action_id": "value"},
            },
            {
                "type": "input",
                "block_id": "reason",
                "optional": True,
                "label": {"type": "plain_text", "text": "Reason for the new date"},
                "element": {"type": "plain_text_input", "action_id": "value"},
            },
        ],
    }


def _field(values: dict, block: str) -> str | None:
    element = (values.get(block) or {}).get("value") or {}
    return (
        (element.get("selected_option") or {}).get("value")
        or element.get("selected_date")
        or element.get("value")
        or None
    )


def request_from_view(view: dict, person: str, slack_user: str) -> UpdateRequest:
    """The update a submitted modal asks for."""
    meta = json.loads(view.get("private_metadata") or "{}")
    values = (view.get("state") or {}).get("values") or {}
    return UpdateRequest(
        meta["plan"],
        meta["action"],
        person,
        _field(values, "note") or "",
        _field(values, "status"),
        _field(values, "due"),
        _field(values, "reason"),
        slack_user,
    )


def field_errors(message: str) -> dict[str, str]:
    """Which modal block an UpdateError belongs to, for `response_action: errors`."""
    lowered = message.lower()
    block = (
        "due"
        if "due date" in lowered
        else "reason"
        if "reason" in lowered
        else ("status" if "status" in lowered else "note")
    )
    return {block: message[:150]}


# -- handlers -------------------------------------------------------------------------------
def who(deps: Deps, client: WebClient, slack_user: str) -> str | None:
    return identity.resolve(slack_user, deps.holder.engine.kb, client, deps.state)


def unknown_user_text(slack_user: str) -> str:
    return (
        f"Sorry, I can't tell which person in the action plans you are (<@{slack_user}>). Ask a coordinator to "
        "add your Slack id or email to the knowledge base."
    )


NO_SUCH_ACTION = "I can't find that action in any plan you can see."
MODAL_NOTE_MAX = 3000  # Slack's limit for a plain_text_input's max_length


def label_of(kb: KnowledgeBase, action: Action) -> str:
    return action_label(kb, action)


def permitted_target(body: dict, client: WebClient, respond: Respond, deps: Deps) -> tuple[Action, str] | None:
    """The button's action and the clicking person, if they may update it; otherwise says why and returns None."""
    target = json.loads(body["actions"][0]["value"])
    slack_user = body["user"]["id"]
    person = who(deps, client, slack_user)
    if person is None:
        respond(text=unknown_user_text(slack_user), response_type="ephemeral", replace_original=False)
        return None
    kb = deps.holder.engine.kb
    if not person_may_see(kb, target["plan"], person):  # a forged or stale button for a plan hidden from them
        respond(text=NO_SUCH_ACTION, response_type="ephemeral", replace_original=False)
        return None
    try:
        action = find_action(kb, target["plan"], target["action"])
        check_permission(kb, action, person)
    except UpdateError as exc:
        respond(text=str(exc), response_type="ephemeral", replace_original=False)
        return None
    return action, person


def handle_open(body: dict, client: WebClient, respond: Respond, deps: Deps) -> None:
    """Open the update modal, or say politely why this person cannot update the action."""
    found = permitted_target(body, client, respond, deps)
    if found is None:
        return
    action, _ = found
    channel = (body.get("channel") or {}).get("id")
    label = label_of(deps.holder.engine.kb, action)
    client.views_open(trigger_id=body["trigger_id"], view=update_modal(action, label, channel))


def handle_submit(ack: Ack, body: dict, view: dict, client: WebClient, deps: Deps) -> None:
    """Validate and record a submitted modal; errors go back into the modal, success to a DM."""
    slack_user = body["user"]["id"]
    person = who(deps, client, slack_user)
    if person is None:
        ack(response_action="errors", errors={"note": "I can't tell which person in the plans you are."})
        return
    request = request_from_view(view, person, slack_user)
    kb = deps.holder.engine.kb
    if not person_may_see(kb, request.plan, person):
        ack(response_action="errors", errors={"note": NO_SUCH_ACTION})
        return
    try:
        entry = record_update(deps.holder.root, kb, request, shared_lock=deps.state.exclusive)
    except UpdateError as exc:
        ack(response_action="errors", errors=field_errors(str(exc)))
        return
    ack()
    deps.holder.reload()
    client.chat_postMessage(channel=slack_user, text=confirmation(kb, request, entry))


def confirmation(kb: KnowledgeBase, request: UpdateRequest, entry: dict) -> str:
    action = find_action(kb, request.plan, request.action)
    parts = [f"Saved your update to {label_of(kb, action)}"]
    if entry.get("status"):
        parts.append(f"status {entry['status']}")
    if entry.get("revised_due"):
        parts.append(f"due revised to {entry['revised_due']}")
    return ", ".join(parts) + f" (was: {entry['before']}). Everyone asking now sees it."


def handle_complete(body: dict, client: WebClient, respond: Respond, deps: Deps) -> None:
    """Mark an action complete (the button asked for confirmation); a second click changes nothing."""
    target = json.loads(body["actions"][0]["value"])
    slack_user = body["user"]["id"]
    person = who(deps, client, slack_user)
    if person is None:
        respond(text=unknown_user_text(slack_user), response_type="ephemeral", replace_original=False)
        return
    kb = deps.holder.engine.kb
    if not person_may_see(kb, target["plan"], person):
        respond(text=NO_SUCH_ACTION, response_type="ephemeral", replace_original=False)
        return
    request = UpdateRequest(
        target["plan"], target["action"], person, "Marked complete from Slack.", "complete", slack_user=slack_user
    )
    try:
        entry = record_update(deps.holder.root, kb, request, shared_lock=deps.state.exclusive)
    except UpdateError as exc:
        respond(text=str(exc), response_type="ephemeral", replace_original=False)
        return
    deps.holder.reload()
    respond(text=confirmation(kb, request, entry), response_type="ephemeral", replace_original=False)


def handle_snooze(body: dict, client: WebClient, respond: Respond, deps: Deps) -> None:
    """Leave an item out of digests for a week."""
    found = permitted_target(body, client, respond, deps)
    if found is None:
        return
    action, person = found
    until = deps.today() + dt.timedelta(days=SNOOZE_DAYS)
    RemindStore(deps.state).snooze(action.plan, action.id, until, person)
    label = label_of(deps.holder.engine.kb, action)
    respond(
        text=f"Snoozed {label}: it is left out of your reminders up to and including {until.day} {until:%B %Y}.",
        response_type="ephemeral",
        replace_original=False,
    )


USAGE = (
    "Usage: `/actions update <plan> <action> <status> <note>`, e.g. "
    "`/actions update county 12 in-progress Reviewer appointed`. Statuses: " + ", ".join(STATUSES) + "."
)


def status_of(words: list[Word], i: int) -> tuple[str | None, int]:
    """(status, index after it) if words[i] (or words[i:i+2], "in progress") is a status, else (None, i)."""
    for size in (1, 2):
        if i + size <= len(words):
            spelled = "-".join(" ".join(w.text for w in words[i : i + size]).lower().replace("_", " ").split())
            if spelled in STATUSES:
                return spelled, i + size
    return None, i


def parse_update_command(text: str, resolver: Resolver) -> tuple[Action, str, str]:
    """(action, status, note) from `update <plan> <action> <status> <note>`; raises UpdateError.

    The plan and action are the words before the first status word that follow a plan and action the
    resolver recognises ("county 12", "county plan action 12", "7a"), so neither needs quoting.
    """
    text = command_text(text)
    words = command_words(text)
    if not words or words[0].text.lower() != "update":
        raise UpdateError(USAGE)
    rest = words[1 : MAX_WORDS + 4]
    problem: NotResolved | None = None
    for i in range(1, len(rest)):
        status, after = status_of(rest, i)
        if status is None:
            continue
        try:
            action = resolver.target(" ".join(w.text for w in rest[:i]))
        except NotResolved as exc:
            problem = problem or exc
            continue
        return action, status, _note(text, words[1 + after :])
    for i in range(1, len(rest) + 1):
        try:
            resolver.target(" ".join(w.text for w in rest[:i]))
        except NotResolved:
            continue
        if i == len(rest):
            raise UpdateError(f"Please give a status and a note. {USAGE}")
        raise UpdateError(f"Unknown status {rest[i].text!r}; use one of: {', '.join(STATUSES)}. {USAGE}")
    if problem is None and rest:
        try:
            resolver.target(" ".join(w.text for w in rest[:2]))
        except NotResolved as exc:
            problem = exc
    raise UpdateError(str(problem) if problem else USAGE)


def _note(text: str, words: list[Word]) -> str:
    """The note as typed: one quoted word without its quotes, or the rest of the text as it stands."""
    if not words:
        return ""
    if len(words) == 1:
        return words[0].text
    return text[words[0].start :].strip()


def handle_update_command(command: dict, client: WebClient, deps: Deps) -> str:
    """The reply to `/actions update ...`."""
    slack_user = command.get("user_id", "")
    person = who(deps, client, slack_user)
    if person is None:
        return unknown_user_text(slack_user)
    engine = deps.holder.engine
    resolver = engine.resolver(private(person))  # the reply is ephemeral: only this person sees it
    try:
        action, status, note = parse_update_command(command.get("text") or "", resolver)
        request = UpdateRequest(action.plan, action.id, person, note, status, slack_user=slack_user)
        entry = record_update(deps.holder.root, engine.kb, request, shared_lock=deps.state.exclusive)
    except UpdateError as exc:
        return str(exc)
    deps.holder.reload()
    return confirmation(engine.kb, request, entry)


def pause_reply(text: str, slack_user: str, client: WebClient, deps: Deps) -> str | None:
    """The reply to "pause reminders" / "resume reminders" in a DM, or None for any other message."""
    pausing, resuming = PAUSE.match(text or ""), RESUME.match(text or "")
    if not pausing and not resuming:
        return None
    person = who(deps, client, slack_user)
    if person is None:
        return unknown_user_text(slack_user)
    store = RemindStore(deps.state)
    if pausing:
        store.pause(person)
        return "Paused: you won't get weekly reminders until you say `resume reminders`."
    store.resume(person)
    return "Resumed: you'll get your weekly reminder again."


def register(app: App, deps: Deps) -> None:
    """Wire the update buttons and the modal submission."""

    @app.action(OPEN)
    def on_open(ack: Ack, body: dict, client: WebClient, respond: Respond) -> None:
        ack()
        handle_open(body, client, respond, deps)

    @app.action(COMPLETE)
    def on_complete(ack: Ack, body: dict, client: WebClient, respond: Respond) -> None:
        ack()
        handle_complete(body, client, respond, deps)

    @app.action(SNOOZE)
    def on_snooze(ack: Ack, body: dict, client: WebClient, respond: Respond) -> None:
        ack()
        handle_snooze(body, client, respond, deps)

    @app.view(SUBMIT)
    def on_submit(ack: Ack, body: dict, view: dict, client: WebClient) -> None:
        handle_submit(ack, body, view, client, deps)
