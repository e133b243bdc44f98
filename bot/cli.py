"""The `actionbot` command line (the contract in DESIGN.md section 4).

Start-up is part of every command's time: this module imports only the standard library, and `main`
imports the one module that defines the command being run (MODULES), with the cyclic collector paused.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from knowledge.engine import Engine
    from knowledge.models import KnowledgeBase

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
# Commands that write nothing: once one has printed its answer, Python's shutdown need not run the cyclic
# collector over the knowledge base it loaded (a tenth of `actionbot ask`'s time). Objects still alive are
# then left for the operating system to reclaim rather than finalised, so commands that write are not listed.
READ_ONLY = frozenset({"ask", "check"})
# Commands that answer one question and exit: the cyclic collector stays off while they run. Their garbage is
# small and freed at exit, while each of its passes would walk the objects just unpickled from the cache (some
# 10 ms of an `ask`, a tenth of its time).
ONE_ANSWER = frozenset({"ask"})
Command = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, tuple[Command, Callable[[argparse.ArgumentParser], None], str]] = {}


def command(name: str, help_text: str, configure: Callable[[argparse.ArgumentParser], None]):
    """Register a subcommand: its runner, its argument set-up and its one-line help."""

    def register(func: Command) -> Command:
        COMMANDS[name] = (func, configure, help_text)
        return func

    return register


def add_kb(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kb", metavar="DIR", help="knowledge-base directory (default: $ACTIONBOT_KB or the bundled one)"
    )


def day_arg(text: str) -> dt.date:
    """An argparse type for YYYY-MM-DD dates: a bad one is a usage error naming the option (exit 2)."""
    from knowledge.dates import parse_day

    try:
        return parse_day(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_today(parser: argparse.ArgumentParser, default: dt.date | None = None) -> None:
    parser.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        type=day_arg,
        default=default,
        help="answer as if today were this date (Europe/London; default: today)",
    )


def load_kb(args: argparse.Namespace) -> KnowledgeBase:
    """Load the chosen knowledge base; raises KnowledgeError."""
    from knowledge import cache

    return cache.load(Path(args.kb) if getattr(args, "kb", None) else None)


def load_engine(args: argparse.Namespace) -> Engine:
    """A ready Engine for the chosen knowledge base (cached with it); raises KnowledgeError."""
    from knowledge import cache

    return cache.load_engine(Path(args.kb) if getattr(args, "kb", None) else None)


def _check_args(parser: argparse.ArgumentParser) -> None:
    add_kb(parser)


@command("check", "validate the knowledge base and print a summary", _check_args)
def run_check(args: argparse.Namespace) -> int:
    from knowledge.errors import KnowledgeError
    from knowledge.loader import load_knowledge_base

    try:
        kb = load_knowledge_base(Path(args.kb) if args.kb else None)
    except KnowledgeError as exc:
        print(exc, file=sys.stderr)
        return EXIT_PROBLEMS
    actions = kb.actions()
    milestones = sum(len(a.milestones) for a in actions)
    updates = sum(len(a.updates) for a in actions)
    meetings = sum(len(c.meetings) for c in kb.committees.values())
    items = sum(len(m.agenda) for c in kb.committees.values() for m in c.meetings)
    work = sum(len(c.work_programme) for c in kb.committees.values())
    print(f"Knowledge base {kb.root}: OK")
    print(f"  plans: {len(kb.plans)}, actions: {len(actions)}, milestones: {milestones}, updates: {updates}")
    for plan in kb.plans.values():
        print(f"    {plan.id}: {len(plan.actions)} actions - {plan.title}")
    print(f"  people: {len(kb.people)}, roles: {len(kb.roles)}, organisations: {len(kb.organisations)}")
    print(
        f"  committees: {len(kb.committees)}, meetings: {meetings}, agenda items: {items}, work-programme items: {work}"
    )
    print(f"  papers: {len(kb.papers)}, passages: {len(kb.passages())}")
    return EXIT_OK


class Parser(argparse.ArgumentParser):
    """argparse with one-line usage errors: "actionbot ask: argument --today: ... (see `actionbot ask --help`)".

    Options declared with `free_text` take the next word as their value even when it starts with a dash
    (`--note "---"`, `--note "-5 on last month"`), as long as that word is not one of the command's options.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self.free_text_options: set[str] = set()

    def parse_known_args(self, args: Sequence[str] | None = None, namespace: Any = None) -> Any:
        if args is not None and self.free_text_options:
            args = self._join_free_text(list(args))
        return super().parse_known_args(args, namespace)

    def _join_free_text(self, args: list[str]) -> list[str]:
        """`--note -x` becomes `--note=-x` when -x is not an option of this command."""
        out: list[str] = []
        i = 0
        while i < len(args):
            word = args[i]
            if word == "--":
                out.extend(args[i:])
                break
            following = args[i + 1] if i + 1 < len(args) else None
            if (
                word in self.free_text_options
                and following is not None
                and following.startswith("-")
                and following.split("=", 1)[0] not in self._option_string_actions
            ):
                out.append(f"{word}={following}")
                i += 2
                continue
            out.append(word)
            i += 1
        return out

    def error(self, message: str) -> NoReturn:
        for option in sorted(self.free_text_options):
            if message.startswith(f"argument {option}") and "expected one argument" in message:
                message += f"; to start it with a dash, write {option}=---"
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see `{self.prog} --help`)\n")


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, with the terminal's width found as shutil does but without importing shutil.

    argparse makes a formatter for every option it adds and imports shutil (and with it bz2, lzma)
    to ask the width: a few milliseconds of every command's start for help text that is rarely shown.
    """

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, _columns() - 2 if width is None else width)


def _columns() -> int:
    """The terminal's width as shutil.get_terminal_size() gives it: $COLUMNS, else the terminal's, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


def free_text(parser: argparse.ArgumentParser, option: str, **kwargs: Any) -> None:
    """Add an option whose value is free text, which may start with dashes (see Parser)."""
    parser.add_argument(option, **kwargs)
    if isinstance(parser, Parser):
        parser.free_text_options.add(option)


# Which module defines each subcommand: `actionbot ask` imports only what `ask` needs (not Slack, Word, ...).
MODULES = {
    "ask": "cli_ask",
    "console": "cli_ask",
    "demo": "cli_ask",
    "templates": "cli_draft",
    "draft": "cli_draft",
    "export": "cli_export",
    "import": "cli_import",
    "remind": "cli_remind",
    "serve": "cli_slack",
    "update": "cli_update",
    "init-kb": "cli_ops",
    "doctor": "cli_ops",
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser for every subcommand, or (`only`) for the one about to run and its shared options."""
    _import_commands(only)
    parser = Parser(
        prog="actionbot",
        description="Answers safeguarding action-plan questions, drafts committee reports, reminds leads.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail (DEBUG)")
    parser.add_argument(
        "--log-format",
        choices=("text", "json"),
        help="text (default) or json: one JSON object per line, for monitoring ($ACTIONBOT_LOG_FORMAT)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (_, configure, help_text) in COMMANDS.items():
        configure(sub.add_parser(name, help=help_text, description=help_text))
    return parser


def _import_commands(only: str | None = None) -> None:
    """Import the modules that register the subcommands (they import this module, so not at the top)."""
    import importlib

    wanted = [MODULES[only]] if only in MODULES else sorted(set(MODULES.values()))
    for module in wanted:
        importlib.import_module(f"bot.{module}")


class _Version(argparse.Action):
    """--version, looked up only when asked for (importlib.metadata costs start-up time)."""

    def __call__(self, parser, namespace, values, option_string=None) -> NoReturn:
        print(f"actionbot {version()}")
        parser.exit()


def version() -> str:
    """The installed package's version."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("actionbot")
    except PackageNotFoundError:
        return "unknown (not installed)"


def setup_logging(args: argparse.Namespace) -> str | None:
    """Configure logging from --verbose, --log-format and the ACTIONBOT_LOG_* variables; returns a problem or None.

    The settings are read and checked now; the handler is installed when the logging module is first
    imported (now, if it already is), before any record can be made. A command that logs nothing, such as
    `actionbot ask` answered from the cache, never imports logging (and threading, traceback, ...) at all.
    """
    from bot import settings

    secrets = settings.secrets_in()
    try:
        level = "DEBUG" if args.verbose else settings.log_level()
        fmt = args.log_format or settings.log_format()
    except settings.SettingsError as exc:
        when_imported("logging", lambda: _configure_logging("INFO", "text", secrets))
        return str(exc)
    when_imported("logging", lambda: _configure_logging(level, fmt, secrets))
    return None


def _configure_logging(level: str, fmt: str, secrets: list[str]) -> None:
    from bot import logs

    logs.configure(level, fmt, secrets=secrets)


def when_imported(name: str, then: Callable[[], None]) -> None:
    """Run `then` once the module `name` has been imported: now if it is, else right after its first import.

    One pending call per module: a second call replaces the first's `then` (`main` may run more than once
    in a process, as the tests do).
    """
    if name in sys.modules:
        then()
        return
    for finder in list(sys.meta_path):
        if isinstance(finder, _AfterImport) and finder.name == name:
            sys.meta_path.remove(finder)
    sys.meta_path.insert(0, _AfterImport(name, then))


class _AfterImport:
    """A meta-path finder that finds nothing itself: it asks the finders after it for `name`'s spec and gives the
    import a loader that runs the module's own loader, then `then`. It leaves sys.meta_path at that import."""

    def __init__(self, name: str, then: Callable[[], None]) -> None:
        self.name, self.then = name, then

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name != self.name:
            return None
        with contextlib.suppress(ValueError):
            sys.meta_path.remove(self)
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            spec = find(name, path, target) if find is not None else None
            if spec is not None:
                break
        else:
            return None
        if spec.loader is not None and hasattr(spec.loader, "exec_module"):
            spec.loader = _ThenLoader(spec.loader, self.then)
        return spec


class _ThenLoader:
    """Runs a module's own loader, puts that loader back on the module, then calls `then`."""

    def __init__(self, loader: Any, then: Callable[[], None]) -> None:
        self.loader, self.then = loader, then

    def create_module(self, spec: Any) -> Any:
        return self.loader.create_module(spec)

    def exec_module(self, module: Any) -> None:
        module.__spec__.loader = module.__loader__ = self.loader  # the module keeps no trace of this wrapper
        self.loader.exec_module(module)
        self.then()

    def __getattr__(self, name: str) -> Any:  # get_code, get_source, is_package ... as the module's own loader
        return getattr(self.loader, name)


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    first = next((w for w in words if not w.startswith("-")), None)
    enabled = gc.isenabled()
    gc.disable()  # importing the command's modules makes no garbage: collecting meanwhile only slows the start
    try:
        parser = build_parser(first if first in MODULES or first == "check" else None)
        from knowledge.errors import KnowledgeError
    finally:
        if enabled:
            gc.enable()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2), already printed
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    problem = setup_logging(args)
    if problem:
        print(f"actionbot: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    func = COMMANDS[args.command][0]
    collecting = gc.isenabled()
    if argv is None and args.command in ONE_ANSWER:  # the process's own command line: one answer, then it exits
        gc.disable()
    try:
        code = func(args)
        sys.stdout.flush()  # here, so that a reader gone away is seen here and not at exit
        if argv is None and args.command in READ_ONLY:  # the process's own command line: it exits next
            gc.freeze()  # spare the collector's passes at exit over every object of the loaded knowledge base
        return code
    except KnowledgeError as exc:
        print(exc, file=sys.stderr)
        print("Run `actionbot check` for the full list, fix the files named, and try again.", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _stdout_closed()
    finally:
        if collecting:
            gc.enable()


def _stdout_closed() -> int:
    """The reader of our output went away (`actionbot check | head`): stop quietly, as Unix tools do.

    Python would otherwise print a BrokenPipeError traceback, and again when it flushes stdout at exit;
    pointing stdout at the null device stops the second.
    """
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return EXIT_PROBLEMS


if __name__ == "__main__":
    sys.exit(main())
