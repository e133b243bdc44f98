"""`actionbot import FILE --plan ID`: bring a plan in from a Word table, an Excel tracker or a CSV file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, add_kb, command, load_kb
from knowledge.loader import default_root


def _import_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the plan: a .docx (Word table), .xlsx (Excel sheet) or .csv file")
    parser.add_argument("--plan", required=True, metavar="ID", help="the plan's id, e.g. city-iicsa")
    parser.add_argument("--title", help="the plan's title (default: the existing plan's, else the file name)")
    parser.add_argument("--table", type=int, metavar="N", help="which table of a Word file (1 = first)")
    parser.add_argument("--sheet", metavar="NAME", help="which sheet of a workbook")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar='"HEADING=FIELD"',
        help="say which field a column holds, e.g. --map 'Officer=leads' (fields: id, text, leads, timescale, "
        "due, start, status, theme, recommendation, measure, milestones, ignore)",
    )
    parser.add_argument("--dry-run", action="store_true", help="print the YAML and the summary; write nothing")
    parser.add_argument("--replace", action="store_true", help="replace an existing plan, showing what changed")
    add_kb(parser)


@command("import", "import a plan from a Word, Excel or CSV table (validated, then written to --kb)", _import_args)
def run_import(args: argparse.Namespace) -> int:
    from assemblers.plan_import import ImportFailure, ImportOptions, build_import, is_bundled, write_plan

    kb = load_kb(args)
    root = Path(args.kb) if args.kb else default_root()
    options = ImportOptions(args.plan, args.title, args.table, args.sheet, tuple(args.map))
    try:
        result = build_import(kb, root, Path(args.file), options)
    except ImportFailure as exc:
        print(f"actionbot import: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    if args.dry_run:
        print(result.yaml_text)
    print("\n".join(result.summary))
    for warning in result.warnings:
        print(f"  note: {warning}")
    if result.new_people or result.new_roles:
        print(
            f"New people: {', '.join(result.new_people) or 'none'}; new roles: {', '.join(result.new_roles) or 'none'}."
        )
    if result.replaces is not None:
        print(f"Changes to the existing plan {args.plan} ({result.target}):")
        print("\n".join(f"  {line}" for line in result.changes()))
    if args.dry_run:
        print("Dry run: nothing written.")
        return EXIT_OK
    if result.replaces is not None and not args.replace:
        print(
            f"actionbot import: plan {args.plan} already exists ({result.target}); nothing written. "
            "Check the changes above and run again with --replace to replace it.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if is_bundled(root):
        print(
            "actionbot import: not writing into the installed package's bundled knowledge base. Copy it "
            "(cp -r ... mykb) and run again with --kb mykb, or set ACTIONBOT_KB.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        write_plan(result)
    except (ImportFailure, OSError) as exc:
        print(f"actionbot import: could not write {result.target}: {exc}; nothing was changed.", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Wrote {result.target}. Run `actionbot check --kb {root}` to see the knowledge base.")
    return EXIT_OK
