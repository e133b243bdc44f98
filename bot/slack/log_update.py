"""The message shortcut "Log as update": turn any message's text into a progress update for one of your actions.

A modal pre-filled with the message, the action chosen from the ones the person may update (its lead, a holder of
its lead role, or an editor of its plan) and may see privately (knowledge/visibility.py); the submission goes
through the same permission check, validation and audited append as "Add update" (knowledge/updates.py).
"""

from __future__ import annotations

import json
import logging

from bot.slack import identity
from bot.slack.deps import Deps
from bot.slack.progress import NO_SUCH_ACTION, confirmation, label_of, unknown_user_text
from bot.slack.sdk import Ack, App, Respond, WebClient
from bot.slack.visibility import person_may_see
from knowledge import facts
from knowledge.models import STATUSES, Action, KnowledgeBase
from knowledge.updates import MAX_NOTE, UpdateError, UpdateRequest, record_update, who_may_update

log = logging.getLogger(__name__)
SHORTCUT, SUBMIT = "log_as_update", "log_update_submit"
MAX_OPTIONS = 100  # Slack's limit for a static_select's options
OPTION_TEXT, OPTION_VALUE = 75, 150  # characters, Slack's limits for an option's text and value
NOTE_MAX = min(MAX_NOTE, 3000)  # a plain_text_input's max_length may not exceed 3000
NONE_TO_UPDATE = (
    "You don't lead or edit any action I can show you, so there is nothing to log this message against. "
    "Ask a coordinator to add you as a lead or editor."
)


def updatable_actions(kb: KnowledgeBase, person: str) -> list[Action]:
    """The actions `person` may update and may see privately: open ones first, then by plan and action order."""
    mine = [
        action
        for plan_id, plan in sorted(kb.plans.items())
        if person_may_see(kb, plan_id, person)
        for action in plan.actions
        if person in who_may_update(kb, action)
    ]
    return sorted(mine, key=lambda a: facts.recorded_status(a) == "complete")  # stable: keeps plan order


def _option(kb: KnowledgeBase, action: Action) -> dict | None:
    value = json.dumps({"plan": action.plan, "action": action.id}, separators=(",", ":"))
    if len(value) > OPTION_VALUE:
        return None
    text = f"{label_of(kb, action)}: {action.text}"
    if len(text) > OPTION_TEXT:
        text = text[: OPTION_TEXT - 1] + "\u2026"
    return {"text": {"type": "plain_text", "text": text}, "value": value}


def log_modal(kb: KnowledgeBase, actions: list[Action], message: dict, channel: str | None) -> dict:
    """The modal: which action (from `actions`), the status if it changes, and the note pre-filled with the message."""
    options = [o for o in (_option(kb, a) for a in actions) if o is not None]
    shown, total = options[:MAX_OPTIONS], len(options)
    text = (message.get("text") or "").strip()
    author = message.get("user")
    source = f"From a message by <@{author}>" if author else "From a message"
    blocks: list[dict] = [{"type": "context", "elements": [{"type": "mrkdwn", "text": source}]}]
    action_input: dict = {
        "type": "input",
        "block_id": "action",
        "label": {"type": "plain_text", "text": "Action"},
        "element": {"type": "static_select", "action_id": "value", "options": shown},
    }
    if len(shown) == 1:
        action_input["element"]["initial_option"] = shown[0]
    if total > len(shown):
        action_input["hint"] = {
            "type": "plain_text",
            "text": f"Showing {len(shown)} of your {total} actions (open ones first); use /actions update for others.",
        }
    blocks.append(action_input)
    blocks.append(
        {
            "type": "input",
            "block_id": "status",
            "optional": True,
            "label": {"type": "plain_text", "text": "New status (leave empty to keep it)"},
            "element": {
                "type": "static_select",
                "action_id": "value",
                "options": [{"text": {"type": "plain_text", "text": s}, "value": s} for s in STATUSES],
            },
        }
    )
    note: dict = {"type": "plain_text_input", "action_id": "value", "multiline": True, "max_length": NOTE_MAX}
    if text:
        note["initial_value"] = text[:NOTE_MAX]
    blocks.append(
        {"type": "input", "block_id": "note", "label": {"type": "plain_text", "text": "Update"}, "element": note}
    )
    return {
        "type": "modal",
        "callback_id": SUBMIT,
        "private_metadata": json.dumps({"channel": channel, "ts": message.get("ts")}),
        "title": {"type": "plain_text", "text": "Log as update"},
        "submit": {"type": "plain_text", "text": "Save"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": blocks,
    }


def handle_shortcut(body: dict, client: WebClient, respond: Respond, deps: Deps) -> None:
    """Open the modal, or say (only to this person) why there is nothing to log against."""
    slack_user = body["user"]["id"]
    kb = deps.holder.engine.kb
    person = identity.resolve(slack_user, kb, client, deps.state)
    if person is None:
        respond(text=unknown_user_text(slack_user), response_type="ephemeral", replace_original=False)
        return
    actions = updatable_actions(kb, person)
    if not actions:
        respond(text=NONE_TO_UPDATE, response_type="ephemeral", replace_original=False)
        return
    channel = (body.get("channel") or {}).get("id")
    client.views_open(trigger_id=body["trigger_id"], view=log_modal(kb, actions, body.get("message") or {}, channel))


def _selected(values: dict, block: str) -> str | None:
    element = (values.get(block) or {}).get("value") or {}
    return (element.get("selected_option") or {}).get("value") or element.get("value") or None


def field_errors(message: str) -> dict[str, str]:
    """Which block an UpdateError belongs to (the action unless it is about the status or the note)."""
    lowered = message.lower()
    block = "status" if "status" in lowered else "note" if "note" in lowered else "action"
    return {block: message[:150]}


def handle_submit(ack: Ack, body: dict, view: dict, client: WebClient, deps: Deps) -> None:
    """Record the update (same permission rule and audit as "Add update"); errors go back into the modal."""
    slack_user = body["user"]["id"]
    kb = deps.holder.engine.kb
    person = identity.resolve(slack_user, kb, client, deps.state)
    if person is None:
        ack(response_action="errors", errors={"action": "I can't tell which person in the plans you are."})
        return
    values = (view.get("state") or {}).get("values") or {}
    try:
        target = json.loads(_selected(values, "action") or "{}")
        plan, action = str(target["plan"]), str(target["action"])
    except (ValueError, KeyError, TypeError):
        ack(response_action="errors", errors={"action": "Please choose an action."})
        return
    if not person_may_see(kb, plan, person):
        ack(response_action="errors", errors={"action": NO_SUCH_ACTION})
        return
    note, status = _selected(values, "note") or "", _selected(values, "status")
    request = UpdateRequest(plan, action, person, note, status, slack_user=slack_user)
    try:
        entry = record_update(deps.holder.root, kb, request)
    except UpdateError as exc:
        ack(response_action="errors", errors=field_errors(str(exc)))
        return
    ack()
    deps.holder.reload()
    client.chat_postMessage(channel=slack_user, text=confirmation(kb, request, entry))


def register(app: App, deps: Deps) -> None:
    """Wire the message shortcut and its modal."""

    @app.shortcut(SHORTCUT)
    def on_shortcut(ack: Ack, body: dict, client: WebClient, respond: Respond) -> None:
        ack()
        handle_shortcut(body, client, respond, deps)

    @app.view(SUBMIT)
    def on_submit(ack: Ack, body: dict, view: dict, client: WebClient) -> None:
        handle_submit(ack, body, view, client, deps)
