"""`actionbot update PLAN ACTION --note "..." --by PERSON`: record progress from the command line."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from bot.cli import EXIT_OK, EXIT_USAGE, add_kb, command, free_text, load_kb
from bot.state import StateError, Store, is_url, open_store
from knowledge.loader import default_root
from knowledge.models import STATUSES, Action
from knowledge.resolve import NotResolved, Resolver
from knowledge.updates import UpdateError, UpdateRequest, record_update


def _update_args(parser: argparse.ArgumentParser) -> None:
    parser.usage = (
        "%(prog)s PLAN ACTION --note NOTE --by PERSON [--status STATUS] [--due DATE --reason REASON] [--kb DIR]"
    )
    parser.add_argument(
        "target",
        nargs="+",
        metavar="PLAN ACTION",
        help="the plan and the action as you would say them: county 12, city 7a, county-iicsa 'Action 12'",
    )
    parser.add_argument(
        "--status", type=status_arg, metavar="STATUS", help=f"the action's status now: {', '.join(STATUSES)}"
    )
    free_text(parser, "--note", required=True, help="what has happened (a note starting with '-': --note=-...)")
    parser.add_argument(
        "--by", required=True, metavar="PERSON", help="who you are: your name, an alias, or your person id"
    )
    parser.add_argument("--due", metavar="DATE", help="a revised due date (2026-03-31, 2026-03, FY2026/27)")
    free_text(parser, "--reason", help="why the due date is revised (required with --due)")
    add_kb(parser)


@contextlib.contextmanager
def shared_store() -> Iterator[Store | None]:
    """The PostgreSQL state store when one is configured (its advisory lock serialises updates across hosts)."""
    if not is_url(os.environ.get("ACTIONBOT_STATE", "")):
        yield None
        return
    store = open_store()
    try:
        yield store
    finally:
        store.close()


def status_arg(text: str) -> str:
    """A status as typed ("In progress", "in_progress") as the knowledge base spells it."""
    wanted = "-".join(text.lower().replace("_", " ").replace("-", " ").split())
    if wanted not in STATUSES:
        raise argparse.ArgumentTypeError(f"unknown status {text!r}; use one of: {', '.join(STATUSES)}")
    return wanted


def find_target(resolver: Resolver, words: list[str]) -> Action:
    """The action named by PLAN ACTION: the two arguments as given, else the words read as one phrase."""
    if len(words) == 2:
        try:
            plan = resolver.plan(words[0])
        except NotResolved:
            pass
        else:
            return resolver.action(plan, words[1])
    return resolver.target(" ".join(words))


@command("update", "record a progress update on an action (written to the knowledge base)", _update_args)
def run_update(args: argparse.Namespace) -> int:
    kb = load_kb(args)
    root = Path(args.kb) if args.kb else default_root()
    resolver = Resolver(kb)
    try:
        action = find_target(resolver, args.target)
        person = resolver.person(args.by)
        request = UpdateRequest(action.plan, action.id, person, args.note, args.status, args.due, args.reason)
        with shared_store() as store:
            entry = record_update(root, kb, request, shared_lock=store.exclusive if store else None)
    except (NotResolved, UpdateError) as exc:
        print(f"actionbot update: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except StateError as exc:
        print(f"actionbot update: {exc}; nothing was changed.", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(
            f"actionbot update: could not write {root / 'updates'}: {exc.strerror}; nothing was changed.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    print(
        f"Recorded on {entry['at']}: {action.plan} {action.id}"
        + (f" status {entry['status']}" if "status" in entry else "")
        + (f", due revised to {entry['revised_due']}" if "revised_due" in entry else "")
        + f" (previously {entry['before']})."
    )
    return EXIT_OK
