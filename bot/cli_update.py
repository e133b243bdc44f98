"""`actionbot update PLAN ID --status S --note "..." --by PERSON`: record progress from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.cli import EXIT_OK, EXIT_USAGE, add_kb, command, load_kb
from knowledge.loader import default_root
from knowledge.models import STATUSES
from knowledge.updates import UpdateError, UpdateRequest, record_update


def _update_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", help="plan id, e.g. city-iicsa")
    parser.add_argument("action", help="action id as the plan writes it, e.g. 7a or 'Action 12'")
    parser.add_argument("--status", choices=STATUSES, help="the action's status now")
    parser.add_argument("--note", required=True, help="what has happened")
    parser.add_argument("--by", required=True, metavar="PERSON", help="your person id in the knowledge base")
    parser.add_argument("--due", metavar="DATE", help="a revised due date (2026-03-31, 2026-03, FY2026/27)")
    parser.add_argument("--reason", help="why the due date is revised (required with --due)")
    add_kb(parser)


@command("update", "record a progress update on an action (written to the knowledge base)", _update_args)
def run_update(args: argparse.Namespace) -> int:
    kb = load_kb(args)
    root = Path(args.kb) if args.kb else default_root()
    request = UpdateRequest(args.plan, args.action, args.by, args.note, args.status, args.due, args.reason)
    try:
        entry = record_update(root, kb, request)
    except UpdateError as exc:
        print(f"actionbot update: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(
            f"actionbot update: could not write {root / 'updates'}: {exc.strerror}; nothing was changed.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    print(
        f"Recorded on {entry['at']}: {args.plan} {args.action}"
        + (f" status {entry['status']}" if "status" in entry else "")
        + (f", due revised to {entry['revised_due']}" if "revised_due" in entry else "")
        + f" (previously {entry['before']})."
    )
    return EXIT_OK
