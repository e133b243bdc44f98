"""`/actions draft ...`: build a Word draft after the acknowledgement and upload it to the channel."""

from __future__ import annotations

import datetime as dt
import logging
import shlex

from assemblers import AssemblyError, specs
from assemblers.context import DraftRequest, find_plan
from assemblers.pipeline import date_warnings, draft_bytes
from bot.slack.deps import Deps
from bot.slack.sdk import SlackApiError, WebClient
from bot.slack.visibility import audience, is_dm_channel

log = logging.getLogger(__name__)
FORMAT = "`/actions draft <template> [YYYY-MM-DD] [item] [plan] [pdf]`"


class DraftUsageError(Exception):
    """A draft command that cannot be understood; the message says how to write it."""


def usage() -> str:
    """Return how to write the command, with every template the registry holds and what each needs."""
    lines = [f"Usage: {FORMAT} (add `pdf` at the end for a PDF). Templates:"]
    for spec in specs.available(specs.search_path(None)).values():
        needs = [_WORDS[name] for name in ("meeting", "item", "plan") if name in spec.required]
        takes = [_WORDS[name] for name in ("meeting", "item", "plan") if name in spec.optional]
        wanted = " ".join(needs) + (f" [{' '.join(takes)}]" if takes else "")
        lines.append(f"• `{spec.name}{' ' + wanted if wanted else ''}`")
    return "\n".join(lines)


_WORDS = {"meeting": "<YYYY-MM-DD>", "item": "<item>", "plan": "<plan>"}


def parse(text: str) -> tuple[str, DraftRequest, bool]:
    """(template, request, pdf?) from `draft <template> [date] [item] [plan words] [pdf]`; raises DraftUsageError.

    The template must be one the registry lists; a date is its meeting, a number after the date its
    agenda item, and the remaining words its plan.
    """
    try:
        words = shlex.split(text)
    except ValueError:
        raise DraftUsageError(f"I couldn't read that (an unclosed quote?). {usage()}") from None
    if len(words) < 2 or words[0].lower() != "draft":
        raise DraftUsageError(usage())
    template, rest = words[1], words[2:]
    available = specs.available(specs.search_path(None))
    if template not in available:
        raise DraftUsageError(f"I can draft {', '.join(available)}. {usage()}")
    spec = available[template]
    pdf = bool(rest) and rest[-1].lower() in ("pdf", "--pdf")
    if pdf:
        rest = rest[:-1]
    takes = set(spec.required) | set(spec.optional)
    meeting = item = None
    try:
        if rest and "meeting" in takes and (rest[0][:1].isdigit() or "meeting" in spec.required):
            meeting = dt.date.fromisoformat(rest.pop(0))
        if rest and "item" in takes and meeting is not None and rest[0].isdigit():
            item = int(rest.pop(0))
    except ValueError:
        raise DraftUsageError(f"Dates are YYYY-MM-DD and items are numbers. {usage()}") from None
    plan = " ".join(rest) or None
    if plan and "plan" not in takes:
        raise DraftUsageError(f"{template} does not take a plan ({plan!r}). {usage()}")
    request = DraftRequest(plan=plan, meeting=meeting, item=item)
    missing = [name for name in spec.required if name != "today" and getattr(request, name) is None]
    if missing:
        raise DraftUsageError(f"{template} needs {' and '.join(_WORDS[m] for m in missing)}. {usage()}")
    return template, request, pdf


def filename(template: str, request: DraftRequest, today: dt.date, suffix: str = ".docx") -> str:
    parts = [
        template,
        request.plan or "",
        request.meeting.isoformat() if request.meeting else "",
        f"item-{request.item}" if request.item else "",
        today.isoformat(),
    ]
    return "-".join(p.replace(" ", "-") for p in parts if p) + suffix


def handle_draft(command: dict, client: WebClient, deps: Deps) -> str:
    """Build the draft and upload it to the command's channel; returns what to tell the user privately."""
    try:
        template, request, pdf = parse(command.get("text") or "")
    except DraftUsageError as exc:
        return str(exc)
    engine = deps.holder.engine
    channel = command.get("channel_id")
    is_dm = is_dm_channel(channel, channel_name=command.get("channel_name"))
    today = request.meeting or deps.today()  # a meeting's papers are as at the meeting
    try:
        if request.plan:
            plan = find_plan(engine.kb, request.plan)
            if not engine.visible(plan.id, audience(channel, is_dm)):
                return (
                    f"I couldn't draft that: there is no plan {request.plan!r} in the knowledge base. "
                    "(Some plans are restricted and are not available in this conversation.)"
                )
            request = DraftRequest(plan.id, request.meeting, request.item, request.committee)
        data = draft_bytes(template, engine.kb, request, today=today)
        if pdf:
            from assemblers.pdf import to_pdf

            data = to_pdf(data)
    except AssemblyError as exc:
        return f"I couldn't draft that: {exc}"
    name = filename(template, request, today, ".pdf" if pdf else ".docx")
    warnings = "".join(f" Note: {w}" for w in date_warnings(engine.kb, request, today))
    try:
        client.files_upload_v2(
            channel=channel,
            content=data,
            filename=name,
            title=name.rsplit(".", 1)[0],
            initial_comment=f"Draft {template} requested by <@{command.get('user_id')}>.",
        )
    except SlackApiError as exc:
        error = exc.response.get("error") if exc.response is not None else str(exc)
        hint = " Invite me to this channel (`/invite @actionbot`) and try again." if error == "not_in_channel" else ""
        log.warning("files_upload_v2 to %s failed: %s", channel, error)
        return f"I drafted {name} but Slack would not take the upload ({error}).{hint}"
    return f"Drafted {name}; it is posted in this channel.{warnings}"
