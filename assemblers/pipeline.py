"""Draft a document: knowledge base + request -> context -> sandboxed template -> Markdown -> blocks -> .docx."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from assemblers import blocks, context, render, specs, styles
from assemblers.context import DraftRequest
from assemblers.errors import AssemblyError
from knowledge.dates import today_in_london
from knowledge.models import KnowledgeBase

BASE_NAME = "base.docx"
PROGRESS_CHART = "chart:progress"
_UMASK = os.umask(0o022)
os.umask(_UMASK)
_FLAGS = {"meeting": "--meeting YYYY-MM-DD", "item": "--item N", "plan": "--plan ID", "today": "--today YYYY-MM-DD"}

__all__ = ["DraftRequest", "Prepared", "check_templates", "draft", "draft_bytes", "markdown", "prepare", "write_atomic"]


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
    declared = set(spec.styles) | styles.directive_styles(spec.template.read_text(encoding="utf-8"))
    styles.check(base, declared, f"the template {spec.name}")
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


def markdown(prepared: Prepared, kb: KnowledgeBase, request: DraftRequest, today: dt.date | None = None) -> str:
    """Return the Markdown the template renders for `request`.

    Raises AssemblyError for a missing or unwanted input, a meeting, item or plan the knowledge
    base lacks, or a fault in the template.
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
    ctx = context.build_context(kb, request, today or today_in_london())
    return render.render(prepared.env, spec.name, ctx)


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
    text = markdown(prepared, kb, request, today)
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

        plan = context.plan_context(kb, context.find_plan(kb, request.plan), today or today_in_london())
        images[PROGRESS_CHART] = progress_chart(plan["categories"])
    from assemblers.docx_writer import write

    return write(parsed, prepared.base, images)


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
