"""`/actions draft ...`: build a Word (or PDF) draft after the acknowledgement and upload it to the channel."""

from __future__ import annotations

import datetime as dt
import logging

from assemblers import AssemblyError, specs
from assemblers.context import DraftRequest
from assemblers.pipeline import date_warnings, draft_bytes
from bot.slack import identity
from bot.slack.deps import Deps
from bot.slack.incoming import command_text, command_words
from bot.slack.sdk import SlackApiError, WebClient
from bot.slack.visibility import audience, is_dm_channel
from knowledge.resolve import NotResolved
from knowledge.visibility import visible_kb

log = logging.getLogger(__name__)
FORMAT = "`/actions draft <template> [YYYY-MM-DD] [item] [plan] [pdf]`"
ITEM_WORDS = ("item", "agenda", "no", "no.", "number", "#")
_WORDS = {"meeting": "<YYYY-MM-DD>", "item": "<item>", "plan": "<plan>"}


class DraftUsageError(Exception):
    """A draft command that cannot be understood; the message says how to write it."""


def usage() -> str:
    """Return how to write the command, with every template the registry holds and what each needs."""
    lines = [
        f"Usage: {FORMAT} (add `pdf` at the end for a PDF), e.g. `/actions draft progress report county`. Templates:"
    ]
    for spec in specs.available(specs.search_path(None)).values():
        needs = [_WORDS[name] for name in ("meeting", "item", "plan") if name in spec.required]
        takes = [_WORDS[name] for name in ("meeting", "item", "plan") if name in spec.optional]
        wanted = " ".join(needs) + (f" [{' '.join(takes)}]" if takes else "")
        lines.append(f"\u2022 `{spec.name}{' ' + wanted if wanted else ''}`")
    return "\n".join(lines)


def _template(words: list[str], available: dict) -> tuple[str, list[str]]:
    """The template name as typed ("progress-report", "Progress report") and the words after it."""
    for size in (3, 2, 1):
        name = "-".join(w.lower() for w in words[:size])
        if name in available and len(words) >= size:
            return name, words[size:]
    return words[0], words[1:]


def parse(text: str) -> tuple[str, DraftRequest, bool]:
    """(template, request, pdf?) from `draft <template> [date] [item] [plan words] [pdf]`; raises DraftUsageError.

    The template must be one the registry lists; a date is its meeting, a number after the date (or
    "item 8") its agenda item, and the remaining words its plan, as typed.
    """
    words = [w.text for w in command_words(command_text(text))]
    if len(words) < 2 or words[0].lower() != "draft":
        raise DraftUsageError(usage())
    available = specs.available(specs.search_path(None))
    template, rest = _template(words[1:], available)
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
        while len(rest) > 1 and "item" in takes and rest[0].lower() in ITEM_WORDS:
            rest.pop(0)
        if rest and "item" in takes and meeting is not None and rest[0].removeprefix("#").rstrip(".").isdigit():
            item = int(rest.pop(0).removeprefix("#").rstrip("."))
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
    user = command.get("user_id")
    person = identity.resolve(user, engine.kb, client, deps.state) if is_dm and user else None
    viewer = audience(channel, is_dm, person)
    kb = visible_kb(engine.kb, viewer)  # the draft is posted here: hidden plans do not exist
    if request.plan:
        resolver = engine.resolver(viewer)
        try:
            plan = resolver.plan(request.plan)
        except NotResolved as exc:
            return f"I couldn't draft that. {exc}"
        request = DraftRequest(plan.id, request.meeting, request.item, request.committee)
    try:
        data = draft_bytes(template, kb, request, today=today)
        if pdf:
            from assemblers.pdf import to_pdf

            data = to_pdf(data)
    except AssemblyError as exc:
        return f"I couldn't draft that: {exc}"
    name = filename(template, request, today, ".pdf" if pdf else ".docx")
    warnings = "".join(f" Note: {w}" for w in date_warnings(kb, request, today))
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
