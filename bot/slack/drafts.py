"""`/actions draft ...`: build a Word draft after the acknowledgement and upload it to the channel."""

from __future__ import annotations

import datetime as dt
import logging

from assemblers import AssemblyError
from assemblers.context import DraftRequest
from assemblers.pipeline import draft_bytes
from bot.slack import identity
from bot.slack.deps import Deps
from bot.slack.incoming import command_text, command_words
from bot.slack.sdk import SlackApiError, WebClient
from bot.slack.visibility import audience, is_dm_channel
from knowledge.resolve import NotResolved
from knowledge.visibility import visible_kb

log = logging.getLogger(__name__)
USAGE = (
    "Usage: `/actions draft progress-report <plan>`, `/actions draft agenda <YYYY-MM-DD>` or "
    "`/actions draft committee-report <YYYY-MM-DD> <item> [plan]`, e.g. `/actions draft progress-report county`."
)
TEMPLATES = ("progress-report", "agenda", "committee-report")
ITEM_WORDS = ("item", "agenda", "no", "no.", "number", "#")


class DraftUsageError(Exception):
    """A draft command that cannot be understood; the message says how to write it."""


def parse(text: str) -> tuple[str, DraftRequest]:
    """(template, request) from `draft <template> ...`; the plan is as typed. Raises DraftUsageError."""
    words = [w.text for w in command_words(command_text(text))]
    if len(words) < 3 or words[0].lower() != "draft":
        raise DraftUsageError(USAGE)
    template, rest = _template(words[1:])
    try:
        if template == "progress-report":
            return template, DraftRequest(plan=" ".join(rest))
        if template == "agenda":
            return template, DraftRequest(meeting=dt.date.fromisoformat(rest[0]))
        if template == "committee-report" and len(rest) >= 2:
            meeting, rest = dt.date.fromisoformat(rest[0]), rest[1:]
            while len(rest) > 1 and rest[0].lower() in ITEM_WORDS:
                rest = rest[1:]
            item = int(rest[0].removeprefix("#").rstrip("."))
            return template, DraftRequest(meeting=meeting, item=item, plan=" ".join(rest[1:]) or None)
    except (ValueError, IndexError):
        raise DraftUsageError(f"Dates are YYYY-MM-DD and items are numbers. {USAGE}") from None
    raise DraftUsageError(f"I can draft progress-report, agenda and committee-report. {USAGE}")


def _template(words: list[str]) -> tuple[str, list[str]]:
    """The template name as typed ("progress-report", "Progress report") and the words after it."""
    for size in (1, 2):
        name = "-".join(w.lower() for w in words[:size])
        if name in TEMPLATES and len(words) > size:
            return name, words[size:]
    return words[0], words[1:]


def filename(template: str, request: DraftRequest, today: dt.date) -> str:
    parts = [
        template,
        request.plan or "",
        request.meeting.isoformat() if request.meeting else "",
        f"item-{request.item}" if request.item else "",
        today.isoformat(),
    ]
    return "-".join(p.replace(" ", "-") for p in parts if p) + ".docx"


def handle_draft(command: dict, client: WebClient, deps: Deps) -> str:
    """Build the draft and upload it to the command's channel; returns what to tell the user privately."""
    try:
        template, request = parse(command.get("text") or "")
    except DraftUsageError as exc:
        return str(exc)
    engine = deps.holder.engine
    channel = command.get("channel_id")
    is_dm = is_dm_channel(channel, channel_name=command.get("channel_name"))
    today = deps.today()
    user = command.get("user_id")
    person = identity.resolve(user, engine.kb, client, deps.state) if is_dm and user else None
    viewer = audience(channel, is_dm, person)
    kb = visible_kb(engine.kb, viewer)  # the draft is posted here: hidden plans do not exist
    if request.plan:
        resolver = engine.resolver(viewer)
        try:
            plan = resolver.plan(request.plan)
        except NotResolved as exc:
            hidden = len(resolver.plans) < len(engine.kb.plans)
            note = " (Some plans are restricted and are not available in this conversation.)" if hidden else ""
            return f"I couldn't draft that. {exc}{note}"
        request = DraftRequest(plan.id, request.meeting, request.item, request.committee)
    try:
        data = draft_bytes(template, kb, request, today=today)
    except AssemblyError as exc:
        return f"I couldn't draft that: {exc}"
    name = filename(template, request, today)
    try:
        client.files_upload_v2(
            channel=channel,
            content=data,
            filename=name,
            title=name.removesuffix(".docx"),
            initial_comment=f"Draft {template} requested by <@{command.get('user_id')}>.",
        )
    except SlackApiError as exc:
        error = exc.response.get("error") if exc.response is not None else str(exc)
        hint = " Invite me to this channel (`/invite @actionbot`) and try again." if error == "not_in_channel" else ""
        log.warning("files_upload_v2 to %s failed: %s", channel, error)
        return f"I drafted {name} but Slack would not take the upload ({error}).{hint}"
    return f"Drafted {name}; it is posted in this channel."
