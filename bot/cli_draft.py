"""`actionbot templates` and `actionbot draft`: list report templates, and draft one to a .docx file."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from assemblers.context import DraftRequest
from assemblers.errors import AssemblyError
from bot.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, add_kb, add_today, command, day_arg, load_kb
from knowledge.resolve import NotResolved, Resolver

ITEM = re.compile(r"^\s*(?:agenda\s+)?(?:item\s*)?(?:no\.?\s*|number\s*|#)?(\d{1,4})\.?\s*$", re.I)


def _templates_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--templates", metavar="DIR", help="also list the templates in this directory")
    parser.add_argument("--style", metavar="FILE", help="check the templates against this base .docx")


@command("templates", "list the report templates, their purpose and inputs", _templates_args)
def run_templates(args: argparse.Namespace) -> int:
    from assemblers import pipeline, specs

    templates_dir = Path(args.templates) if args.templates else None
    style = Path(args.style) if args.style else None
    try:
        found = specs.available(specs.search_path(templates_dir))
        problems = pipeline.check_templates(style, templates_dir)
    except AssemblyError as exc:
        return _fail("templates", exc)
    for spec in found.values():
        print(spec.name)
        print(f"  {spec.purpose}")
        print(f"  {'Word template' if spec.kind == 'docx' else 'Markdown template'}: {spec.template}")
        for label, inputs in (("required", spec.required), ("optional", spec.optional)):
            for name, meaning in inputs.items():
                print(f"  {label:<8} --{name}: {meaning}")
        if problems.get(spec.name):
            print(f"  cannot be drafted: {problems[spec.name]}")
        print()
    return EXIT_PROBLEMS if any(problems.values()) else EXIT_OK


def _draft_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("template", help="template name (see `actionbot templates`)")
    parser.add_argument("--plan", metavar="PLAN", help="the plan: its id or a short name (county, city plan)")
    parser.add_argument("--meeting", metavar="YYYY-MM-DD", type=day_arg, help="meeting date")
    parser.add_argument("--item", metavar="N", help='agenda item number at that meeting (8 or "item 8")')
    add_today(parser)
    add_kb(parser)
    parser.add_argument("--style", metavar="FILE", help="a base .docx carrying your own house styles")
    parser.add_argument("--templates", metavar="DIR", help="a directory of your own templates (searched first)")
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE.docx|FILE.pdf",
        required=True,
        help="where to write the draft: a Word file, or a PDF (made with LibreOffice)",
    )


@command("draft", "draft a report from a template into a Word file", _draft_args)
def run_draft(args: argparse.Namespace) -> int:
    output = Path(args.output)
    if output.suffix.lower() not in (".docx", ".pdf"):
        print(f"actionbot draft: the output file must end in .docx or .pdf, not {output.name!r}.", file=sys.stderr)
        return EXIT_USAGE
    kb = load_kb(args)
    try:
        request = DraftRequest(
            plan=Resolver(kb).plan(args.plan).id if args.plan is not None else None,
            meeting=args.meeting,
            item=item_number(args.item) if args.item is not None else None,
        )
    except (NotResolved, ValueError) as exc:
        print(f"actionbot draft: {exc}", file=sys.stderr)
        return EXIT_USAGE
    from assemblers.pipeline import date_warnings, draft_bytes, resolve_today, write_atomic

    try:
        today = resolve_today(request, args.today)
        data = draft_bytes(
            args.template,
            kb,
            request,
            style=Path(args.style) if args.style else None,
            templates_dir=Path(args.templates) if args.templates else None,
            today=today,
        )
        if output.suffix.lower() == ".pdf":
            from assemblers.pdf import to_pdf

            data = to_pdf(data, output.stem or "draft")
        write_atomic(output, data)
    except AssemblyError as exc:
        return _fail("draft", exc)
    for warning in date_warnings(kb, request, today):
        print(f"actionbot draft: warning: {warning} Give --today YYYY-MM-DD if that is not meant.", file=sys.stderr)
    if args.today is None and request.meeting is not None and request.plan is not None:  # "as at" the meeting
        print(f"Drafted as at the meeting's date, {today.isoformat()} (give --today to change it).")
    print(f"Wrote {output}")
    return EXIT_OK


def item_number(text: str) -> int:
    """An agenda item number as typed ("8", "item 8", "Item 8.", "#8"); raises ValueError with a readable reason."""
    match = ITEM.match(text)
    if not match:
        raise ValueError(f"--item must be an agenda item number such as 8, not {text!r}")
    return int(match.group(1))


def _fail(name: str, exc: AssemblyError) -> int:
    print(f"actionbot {name}: {exc}", file=sys.stderr)
    return EXIT_USAGE
