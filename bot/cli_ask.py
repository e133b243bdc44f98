"""`actionbot ask`, `actionbot console` and `actionbot demo`."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import io
import sys
from pathlib import Path

from bot.cli import EXIT_OK, add_kb, add_today, command, load_engine
from bot.render_text import render
from knowledge.dates import parse_day, today_in_london
from knowledge.engine import Engine

DEMO_QUESTIONS = ("who leads action 7a?", "what does Pam Rosseter lead?", "when does the panel next meet?")
DEMO_TODAY = "2025-01-06"


def _ask_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("question", nargs="+", help="the question, in your own words")
    add_today(parser)
    add_kb(parser)
    parser.add_argument("--json", action="store_true", help="print the structured answer as JSON")


@command("ask", "answer one question", _ask_args)
def run_ask(args: argparse.Namespace) -> int:
    engine = load_engine(args)
    answer = engine.ask(" ".join(args.question), today=args.today or today_in_london())
    if args.json:
        import json  # only for --json

        print(json.dumps(answer.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(render(answer))
    return EXIT_OK


def _console_args(parser: argparse.ArgumentParser) -> None:
    add_today(parser)
    add_kb(parser)


@command("console", "chat with the bot in the terminal (Ctrl-D to leave)", _console_args)
def run_console(args: argparse.Namespace) -> int:
    return console(load_engine(args), args.today or today_in_london())


def console(engine: Engine, today, stdin=None) -> int:
    """A read-answer loop with readline history; `help` lists examples, Ctrl-D or `quit` leaves."""
    stdin = stdin or sys.stdin
    interactive = stdin.isatty()
    if interactive:
        _enable_history()
        print(f"actionbot console - answering as of {today:%d %B %Y}. Type `help`, or Ctrl-D to leave.")
    subject = None
    while True:
        try:
            line = input("you> ") if interactive else stdin.readline()
        except EOFError:
            print()
            return EXIT_OK
        if not interactive and line == "":
            return EXIT_OK
        line = line.strip()
        if line.lower() in ("quit", "exit", ":q"):
            return EXIT_OK
        if not line:
            continue
        answer = engine.ask(line, today=today, subject=subject)
        subject = answer.subject or subject
        print(render(answer))
        print()


def _enable_history() -> None:
    try:
        import readline
    except ImportError:  # pragma: no cover - Windows without pyreadline
        return
    history = Path.home() / ".actionbot_history"
    with contextlib.suppress(OSError):  # no history yet
        readline.read_history_file(history)

    atexit.register(_save_history, readline, history)


def _save_history(readline, history: Path) -> None:
    with contextlib.suppress(OSError):  # a read-only home: history is a convenience only
        readline.write_history_file(history)


def _demo_args(parser: argparse.ArgumentParser) -> None:
    add_kb(parser)
    add_today(parser, default=parse_day(DEMO_TODAY))


@command("demo", "show three example answers, then open the console", _demo_args)
def run_demo(args: argparse.Namespace) -> int:
    today = args.today
    engine = load_engine(args)
    print(f"actionbot demo on the bundled knowledge base, as of {today:%d %B %Y}\n")
    for question in DEMO_QUESTIONS:
        print(f"you> {question}")
        print(render(engine.ask(question, today=today)))
        print()
    if sys.stdin is None or sys.stdin.closed:
        return EXIT_OK
    if not sys.stdin.isatty():  # `printf 'who leads 7a?\n' | make demo`: answer each piped line, then stop
        try:
            first = sys.stdin.readline()
        except OSError:  # stdin cannot be read (a harness without input)
            return EXIT_OK
        if not first:
            return EXIT_OK
        print("Your questions (piped in, one a line):\n")
        return console(engine, today, stdin=io.StringIO(first + sys.stdin.read()))
    return console(engine, today)
