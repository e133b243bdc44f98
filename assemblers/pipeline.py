"""Draft a document: knowledge base + request -> context -> sandboxed template -> Markdown -> blocks -> .docx."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from assemblers import blocks, context, escape, render, specs, styles
from assemblers.context import DraftRequest
from assemblers.errors import AssemblyError
from knowledge.dates import today_in_london
from knowledge.models import KnowledgeBase

BASE_NAME = "base.docx"
PROGRESS_CHART = "chart:progress"
_UMASK = os.umask(0o022)
os.umask(_UMASK)
_FLAGS = {"meeting": "--meeting YYYY-MM-DD", "item": "--item N", "plan": "--plan ID", "today": "--today YYYY-MM-DD"}

__all__ = [
    "DraftRequest",
    "Prepared",
    "check_templates",
    "date_warnings",
    "draft",
    "draft_bytes",
    "markdown",
    "prepare",
    "resolve_today",
    "write_atomic",
]


@dataclass(frozen=True)
class Prepared:
    """A template checked and ready: its description, its Jinja environment and the base .docx."""

    spec: specs.TemplateSpec
    env: render.SandboxedEnvironment
    base: Path


def prepare(template_name: str, style: Path | None = None, templates_dir: Path | None = None) -> Prepared:
    """Find the template and its base .docx and check the base has every style the template names.

    Raises AssemblyError for an unknown template, an unreadable base, or a missing style.
    """
    directories = specs.search_path(templates_dir)
    spec = specs.find(template_name, directories)
    base = Path(style) if style is not None else next(d / BASE_NAME for d in directories if (d / BASE_NAME).is_file())
    if not base.is_file():
        raise AssemblyError(f"there is no style file {base}.", "Give an existing .docx with --style.")
    declared = set(spec.styles)
    if spec.kind == "markdown":
        declared |= styles.directive_styles(spec.template.read_text(encoding="utf-8"))
    styles.check(base if spec.kind == "markdown" else spec.template, declared, f"the template {spec.name}")
    return Prepared(spec, render.environment(directories), base)


def check_templates(style: Path | None = None, templates_dir: Path | None = None) -> dict[str, str | None]:
    """Prepare every template, as an app does at start-up: return {name: None if ready, else the problem}."""
    problems: dict[str, str | None] = {}
    for name in specs.available(specs.search_path(templates_dir)):
        try:
            prepare(name, style, templates_dir)
        except AssemblyError as exc:
            problems[name] = str(exc)
        else:
            problems[name] = None
    return problems


def resolve_today(request: DraftRequest, today: dt.date | None) -> dt.date:
    """Return the date a draft is written as at: `today` when given, else the meeting's date, else today."""
    if today is not None:
        return today
    return request.meeting if request.meeting is not None else today_in_london()


def date_warnings(kb: KnowledgeBase, request: DraftRequest, today: dt.date) -> list[str]:
    """Return warnings, fit to show the user, when `today` lies outside the life of the plan the draft reports on.

    A plan's life runs from the first date it states (published, a start, a due date or a milestone)
    to a year after the last due date it states. Nothing is said when the plan states no dates.
    """
    if request.plan is None:
        return []
    try:
        plan = context.find_plan(kb, request.plan)
    except AssemblyError:
        return []
    firsts, lasts = [], []
    if plan.published and plan.published[:4].isdigit():
        firsts.append(dt.date(int(plan.published[:4]), 1, 1))
    for action in plan.actions:
        specs_ = [action.start, action.due, *(m.due for m in action.milestones)]
        firsts += [d.first for d in specs_ if d is not None]
        lasts += [d.date for d in (action.due, *(m.due for m in action.milestones)) if d is not None]
    label = f"the plan {plan.title}"
    when = context.long_date(today)
    if firsts and today < min(firsts):
        return [f"the draft is as at {when}, before the first date {label} states ({context.long_date(min(firsts))})."]
    if lasts and today > max(lasts) + dt.timedelta(days=365):
        return [
            f"the draft is as at {when}, over a year after the last due date {label} states "
            f"({context.long_date(max(lasts))})."
        ]
    return []


def markdown(prepared: Prepared, kb: KnowledgeBase, request: DraftRequest, today: dt.date | None = None) -> str:
    """Return the Markdown the template renders for `request`.

    Raises AssemblyError for a missing or unwanted input, a meeting, item or plan the knowledge
    base lacks, or a fault in the template.
    """
    ctx = template_context(prepared, kb, request, today)
    return render.render(prepared.env, prepared.spec.name, ctx)


def template_context(prepared: Prepared, kb: KnowledgeBase, request: DraftRequest, today: dt.date | None) -> dict:
    """Check the request against the template's inputs and return its context.

    Raises AssemblyError for a missing or unwanted input, a meeting, item or plan the knowledge
    base lacks, or an agenda item with no written report for a template that needs one.
    """
    spec = prepared.spec
    given = {"meeting": request.meeting, "item": request.item, "plan": request.plan}
    missing = spec.missing({**given, "today": today})
    if missing:
        wanted = "; ".join(f"{name}, {spec.required[name]}" for name in missing)
        raise AssemblyError(
            f"the template {spec.name} needs: {wanted}.", f"Give {' '.join(_FLAGS[name] for name in missing)}."
        )
    unwanted = [
        name
        for name, value in given.items()
        if value is not None and name not in spec.required and name not in spec.optional
    ]
    if unwanted:
        raise AssemblyError(
            f"the template {spec.name} does not take {' or '.join(unwanted)}.",
            "Run `actionbot templates` to see its inputs.",
        )
    ctx = context.build_context(kb, request, resolve_today(request, today))
    item = ctx["item"]
    if spec.needs_written_report and item is not None and not item["has_report"]:
        raise AssemblyError(*_no_report(spec.name, request, item))
    return ctx


def _no_report(template: str, request: DraftRequest, item: dict) -> tuple[str, str]:
    """Return (message, hint) for an agenda item that has no written report."""
    title = escape.md_unescape(item["title"])
    lowered = title.lower()
    what = f"agenda item {item['number']} ({title})"
    if "work programme" in lowered:
        return (
            f"{what} is the work programme, not a report, so the {template} template does not fit it.",
            f"Draft it with the work-programme template: `actionbot draft work-programme --meeting {request.meeting}`.",
        )
    if "verbal" in lowered:
        kind = "a verbal report"
    elif "minutes" in lowered:
        kind = "the minutes of the last meeting"
    elif "apologies" in lowered or "declarations" in lowered:
        kind = "a standing item"
    else:
        kind = "an item the knowledge base records no written report for (no author, signatory or reference)"
    return (
        f"{what} is {kind}, so there is no committee report to draft.",
        "Choose an agenda item with a written report, or record its author and signatory in the knowledge base.",
    )


def draft_bytes(
    template_name: str,
    kb: KnowledgeBase,
    request: DraftRequest | None = None,
    style: Path | None = None,
    templates_dir: Path | None = None,
    today: dt.date | None = None,
) -> bytes:
    """Return the .docx bytes of a draft (what the Slack app uploads).

    Raises AssemblyError with a message fit to show the user for every bad input.
    """
    prepared = prepare(template_name, style, templates_dir)
    request = request or DraftRequest()
    day = resolve_today(request, today)
    if prepared.spec.kind == "docx":
        from assemblers import docx_template

        ctx = template_context(prepared, kb, request, day)
        return docx_template.render(prepared.spec.template, ctx, _docx_properties(prepared.spec, ctx), day)
    text = markdown(prepared, kb, request, day)
    try:
        parsed = blocks.parse(text)
    except AssemblyError as exc:
        raise AssemblyError(
            f"the template {template_name} rendered Markdown the writer cannot lay out: {exc.message}", exc.hint
        ) from exc
    styles.check(prepared.base, parsed.styles(), f"the template {template_name}")
    images = {}
    if any(isinstance(b, blocks.Image) and b.name == PROGRESS_CHART for b in parsed.blocks) and request.plan:
        from assemblers.chart import progress_chart

        plan = context.plan_context(kb, context.find_plan(kb, request.plan), day)
        images[PROGRESS_CHART] = progress_chart(plan["categories"])
    from assemblers.docx_writer import write

    return write(parsed, prepared.base, images, day)


def _docx_properties(spec: specs.TemplateSpec, ctx: dict) -> dict[str, str]:
    """Return a Word template's draft properties: the item's or plan's title, and the report's first contact."""
    item, plan = ctx.get("item"), ctx.get("plan")
    title = (item or {}).get("title") or (plan or {}).get("title") or spec.name
    contacts = (item or {}).get("contacts") or []
    author = contacts[0]["name"] if contacts else ""
    return {k: escape.md_unescape(v) for k, v in {"title": title, "subject": spec.purpose, "author": author}.items()}


def draft(
    template_name: str,
    kb: KnowledgeBase,
    request: DraftRequest | None = None,
    style: Path | None = None,
    templates_dir: Path | None = None,
    today: dt.date | None = None,
    output: Path | None = None,
) -> Path | bytes:
    """Draft a document: return its bytes, or with `output` write it there (atomically) and return the path.

    Raises AssemblyError for every bad input; a failure leaves an existing `output` untouched.
    """
    data = draft_bytes(template_name, kb, request, style, templates_dir, today)
    if output is None:
        return data
    write_atomic(Path(output), data)
    return Path(output)


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same directory, then rename it into place.

    Raises AssemblyError when the directory cannot be written; an existing file is then left as it was.
    """
    directory = path.parent if str(path.parent) else Path(".")
    tmp = None
    try:
        with tempfile.NamedTemporaryFile(
            "wb", dir=directory, prefix=f".{path.name}.", suffix=".tmp", delete=False
        ) as fh:
            tmp = Path(fh.name)
            fh.write(data)
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_UMASK)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise AssemblyError(
            f"cannot write {path}: {exc.strerror or exc}.", "Choose a file in a directory you can write to."
        ) from exc
