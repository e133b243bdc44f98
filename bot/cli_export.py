"""`actionbot export xlsx|csv|ics -o FILE`: plans out to a spreadsheet, a CSV file or a calendar."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from bot.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, add_kb, add_today, command, load_kb
from knowledge.dates import LONDON, today_in_london


def _export_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("format", choices=("xlsx", "csv", "ics"), help="spreadsheet, CSV or calendar")
    parser.add_argument("--plan", metavar="ID", help="only this plan (default: every plan)")
    parser.add_argument("--person", metavar="ID", help="only actions this person leads (directly or by role)")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    add_today(parser)
    add_kb(parser)


@command("export", "export plans to a spreadsheet (xlsx), CSV or calendar (ics)", _export_args)
def run_export(args: argparse.Namespace) -> int:
    from assemblers.plan_export import calendar_entries, choose_plans, csv_text

    kb = load_kb(args)
    today = args.today or today_in_london()
    if args.plan and args.plan not in kb.plans:
        print(
            f"actionbot export: there is no plan {args.plan!r}. Plans: {', '.join(sorted(kb.plans))}.", file=sys.stderr
        )
        return EXIT_USAGE
    if args.person and args.person not in kb.people:
        print(f"actionbot export: there is no person {args.person!r} in the knowledge base.", file=sys.stderr)
        return EXIT_USAGE
    plans = choose_plans(kb, args.plan, args.person)
    out = Path(args.output)
    if not out.parent.is_dir():
        print(f"actionbot export: no such directory {out.parent}; nothing written.", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.format == "xlsx":
            from assemblers.xlsx_writer import write_workbook

            counts = _atomic(out, lambda tmp: write_workbook(tmp, kb, plans, today))
            detail = ", ".join(f"{name}: {n}" for name, n in counts.items())
        elif args.format == "csv":
            text = csv_text(kb, plans, today)
            _atomic(out, lambda tmp: tmp.write_bytes(text.encode("utf-8")))
            detail = f"{sum(len(p.actions) for p in plans)} actions"
        else:
            from assemblers.ics_writer import calendar_bytes

            entries = calendar_entries(kb, plans, args.person, include_meetings=args.plan is None, today=today)
            data = calendar_bytes(entries, "actionbot: due dates and meetings", dt.datetime.now(LONDON))
            _atomic(out, lambda tmp: tmp.write_bytes(data))
            detail = f"{len(entries)} entries"
    except OSError as exc:
        print(f"actionbot export: could not write {out}: {exc.strerror}; nothing written.", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"Wrote {out} ({detail}; as of {today.isoformat()}).")
    return EXIT_OK


def _atomic(out: Path, write):
    """Write via a temporary file beside `out`, then rename: a failed export leaves any old file intact."""
    fd, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=out.suffix)
    os.close(fd)
    tmp = Path(name)
    try:
        result = write(tmp)
        os.replace(tmp, out)
        return result
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
