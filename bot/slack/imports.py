"""Import a plan from a Word or Excel file sent to the bot in a direct message.

A coordinator (an editor of any plan) or an editor of the plan being replaced sends a .docx/.xlsx/.csv in
a DM, optionally saying "as <plan-id>". The bot downloads it (size-capped, only from Slack's file host),
runs the same import as `actionbot import --dry-run` and replies with the summary and an **Import**
button. Clicking it (the same person, permission checked again) validates and writes the plan into the
running knowledge base and reloads it, so the plan is live straight away. Nothing is written before the
click; a file whose import fails is answered with the reason and kept nowhere.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

from assemblers.grids import MAX_FILE_BYTES
from assemblers.plan_import import ImportFailure, ImportOptions, ImportResult, build_import, is_bundled, write_plan
from bot.slack import blocks, identity
from bot.slack.deps import Deps
from bot.slack.sdk import Ack, App, WebClient
from knowledge.models import KnowledgeBase

log = logging.getLogger(__name__)
IMPORT_ACTION = "import_plan"
SUFFIXES = (".docx", ".xlsx", ".csv")
SLACK_FILE_HOSTS = ("files.slack.com",)
_AS = re.compile(r"\b(?:as|plan)\s+([a-z0-9][a-z0-9-]{1,60})\b", re.I)


def is_file_dm(event: dict) -> bool:
    return event.get("channel_type") == "im" and event.get("subtype") == "file_share" and bool(event.get("files"))


def plan_id_for(text: str, filename: str) -> str:
    """The plan id the message names ("as county-plan"), else one made from the file name."""
    m = _AS.search(text or "")
    if m:
        return m[1].lower()
    return re.sub(r"[^a-z0-9]+", "-", Path(filename).stem.lower()).strip("-")[:60] or "imported-plan"


def may_import(kb: KnowledgeBase, person: str | None, plan_id: str) -> bool:
    """Coordinators (editors of any plan) may import a new plan; only a plan's editors may replace it."""
    if person is None:
        return False
    if plan_id in kb.plans:
        return person in kb.plans[plan_id].editors
    return any(person in p.editors for p in kb.plans.values())


def pending_dir(deps: Deps) -> Path:
    return deps.state.scratch / "imports"


def download(client: WebClient, url: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, with the bot token, only from Slack's file host (or the API host it is configured with)."""
    host = urlparse(url).netloc
    allowed = {*SLACK_FILE_HOSTS, urlparse(client.base_url).netloc}
    if host not in allowed:
        raise ImportFailure(f"the file is not on Slack's file host ({host}); not downloaded.")
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {client.token}"})
    with urllib.request.urlopen(request, timeout=30) as response:  # the host is checked above
        data = response.read(limit + 1)
    if len(data) > limit:
        raise ImportFailure(f"the file is over {limit // 1024 // 1024} MB; not imported.")
    return data


def summary_message(channel: str, name: str, result: ImportResult, token: str) -> dict:
    lines = list(result.summary)
    if result.warnings:
        lines += [f"note: {w}" for w in result.warnings[:10]]
    if result.replaces is not None:
        lines += [f"Replaces the existing plan {result.plan.id}:", *result.changes()]
    text = "\n".join(lines)
    return {
        "channel": channel,
        "text": f"Import of {name} as plan {result.plan.id}: check the summary, then press Import.",
        "blocks": [
            blocks.section(f"*Import of {blocks.escape(name)} as plan `{result.plan.id}`*"),
            blocks.section(f"```{blocks.clip(blocks.escape(text), blocks.SECTION_TEXT - 10)}```"),
            blocks.actions([blocks.button("Import", IMPORT_ACTION, token, style="primary")]),
        ],
    }


def handle_file_dm(event: dict, client: WebClient, deps: Deps) -> None:
    """Check, download and dry-run the import of the first file; reply with the summary and an Import button."""
    channel, user = event["channel"], event.get("user")
    file = event["files"][0]
    name = str(file.get("name") or "file")
    engine = deps.holder.engine
    plan_id = plan_id_for(event.get("text") or "", name)
    person = identity.resolve(user, engine.kb, client, deps.state) if user else None
    if not may_import(engine.kb, person, plan_id):
        client.chat_postMessage(
            channel=channel,
            text=f"Only coordinators (editors of a plan) can import a new plan, and only the editors of {plan_id} "
            "can replace it. Ask whoever maintains the knowledge base to add you as an editor.",
        )
        return
    if Path(name).suffix.lower() not in SUFFIXES:
        client.chat_postMessage(channel=channel, text=f"I can import .docx, .xlsx and .csv files, not {name}.")
        return
    if int(file.get("size") or 0) > MAX_FILE_BYTES:
        client.chat_postMessage(
            channel=channel, text=f"{name} is over {MAX_FILE_BYTES // 1024 // 1024} MB; not imported."
        )
        return
    token = secrets.token_hex(16)
    folder = pending_dir(deps)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{token}{Path(name).suffix.lower()}"
    try:
        path.write_bytes(download(client, str(file.get("url_private_download") or file.get("url_private") or "")))
        shown = folder / token / name  # the summary and sources name the file as the coordinator sent it
        shown.parent.mkdir()
        path.rename(shown)
        result = build_import(engine.kb, deps.holder.root, shown, ImportOptions(plan_id))
    except (ImportFailure, OSError) as exc:
        _discard(folder, token)
        client.chat_postMessage(channel=channel, text=f"I could not import {name}: {exc}")
        return
    (folder / f"{token}.json").write_text(json.dumps({"user": user, "plan": plan_id, "name": name}))
    client.chat_postMessage(**summary_message(channel, name, result, token))


def handle_import_click(body: dict, client: WebClient, deps: Deps) -> None:
    """Write the imported plan (the same person who sent it, still allowed), reload, and say it is live."""
    user = (body.get("user") or {}).get("id")
    token = body["actions"][0]["value"]
    channel = (body.get("channel") or {}).get("id") or client.conversations_open(users=user)["channel"]["id"]
    folder = pending_dir(deps)
    if not re.fullmatch(r"[0-9a-f]{32}", token or "") or not (folder / f"{token}.json").exists():
        client.chat_postMessage(
            channel=channel, text="That import has already been done or has expired; send the file again."
        )
        return
    meta = json.loads((folder / f"{token}.json").read_text())
    engine = deps.holder.engine
    person = identity.resolve(user, engine.kb, client, deps.state) if user else None
    if user != meta["user"] or not may_import(engine.kb, person, meta["plan"]):
        client.chat_postMessage(channel=channel, text="Only the coordinator who sent the file can import it.")
        return
    root = deps.holder.root
    if is_bundled(root):
        client.chat_postMessage(
            channel=channel,
            text="I am running on the bundled knowledge base, which I never write to. Set ACTIONBOT_KB to a copy of it "
            "and restart me to import plans.",
        )
        return
    try:
        result = build_import(engine.kb, root, folder / token / meta["name"], ImportOptions(meta["plan"]))
        write_plan(result)
    except (ImportFailure, OSError) as exc:
        client.chat_postMessage(channel=channel, text=f"I could not import {meta['name']}: {exc}; nothing was written.")
        return
    _discard(folder, token)
    deps.holder.reload()
    client.chat_postMessage(
        channel=channel,
        text=f"Imported {meta['name']}: plan {result.plan.id} is live with {len(result.plan.actions)} actions "
        f"(written to {result.target.name}).",
    )


def _discard(folder: Path, token: str) -> None:
    for path in (folder / f"{token}.json", *folder.glob(f"{token}.*"), *(folder / token).glob("*")):
        path.unlink(missing_ok=True)
    if (folder / token).is_dir():
        (folder / token).rmdir()


def register(app: App, deps: Deps) -> None:
    @app.action(IMPORT_ACTION)
    def on_import(ack: Ack, body: dict, client: WebClient) -> None:
        ack()
        handle_import_click(body, client, deps)
