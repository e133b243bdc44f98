"""Operator commands: `actionbot doctor` (is everything set up, and what to fix) and `actionbot init-kb DIR`."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bot.cli import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, add_kb, command


@dataclass(frozen=True)
class Finding:
    """One line of the doctor's report: ok, warn (works, but look) or fail (fix this), and what to do."""

    level: str
    topic: str
    text: str


def _doctor_args(parser: argparse.ArgumentParser) -> None:
    add_kb(parser)
    parser.add_argument("--slack", action="store_true", help="also ask Slack (auth.test) whether the bot token works")


@command(
    "doctor", "check the configuration, knowledge base, data directory, state store and (--slack) Slack", _doctor_args
)
def run_doctor(args: argparse.Namespace) -> int:
    findings = diagnose(Path(args.kb) if args.kb else None, slack=args.slack)
    for f in findings:
        print(f"[{f.level:4}] {f.topic}: {f.text}")
    failed = sum(f.level == "fail" for f in findings)
    warned = sum(f.level == "warn" for f in findings)
    print(f"{failed} to fix, {warned} to look at." if failed or warned else "All checks passed.")
    return EXIT_PROBLEMS if failed else EXIT_OK


def diagnose(kb_dir: Path | None, slack: bool = False, env: dict[str, str] | None = None) -> list[Finding]:
    """Every check, in order; none raises."""
    env = dict(os.environ) if env is None else env
    out: list[Finding] = []
    out += check_configuration(env)
    out += check_knowledge_base(kb_dir, env)
    out += check_data_dir(env)
    out += check_state(env)
    if slack:
        out += check_slack(env)
    return out


def check_configuration(env: dict[str, str]) -> list[Finding]:
    from bot import schedule, settings
    from knowledge import cache

    out: list[Finding] = []
    try:
        s = settings.from_env(env)
        mode = "Socket Mode" if s.socket_mode else "HTTP mode (serve --port)"
        out.append(Finding("ok", "Slack settings", f"tokens present and well-formed; {mode}"))
    except settings.SettingsError as exc:
        out.append(Finding("warn", "Slack settings", f"{exc} (needed by serve and remind, not by ask/draft/check)"))
    checks = [
        ("log level", lambda: settings.log_level(env)),
        ("log format", lambda: settings.log_format(env)),
        ("reminder schedule", lambda: schedule.cron_expression(env)),
        ("reminder skip dates", lambda: schedule.skip_dates(env)),
    ]
    for topic, check in checks:
        try:
            check()
        except (settings.SettingsError, schedule.ScheduleError) as exc:
            out.append(Finding("fail", topic, str(exc)))
    pace = env.get("ACTIONBOT_REMIND_PACE")
    if pace:
        try:
            float(pace)
        except ValueError:
            out.append(Finding("fail", "reminder pace", f"ACTIONBOT_REMIND_PACE={pace!r} is not a number of seconds"))
    channel = env.get("ACTIONBOT_COORDINATORS_CHANNEL")
    if channel and not (channel[:1] in "CG" and channel[1:].isalnum()):
        out.append(Finding("warn", "coordinators channel", f"{channel!r} does not look like a channel id (C0123ABCD)"))
    try:
        cache.max_bytes(env)
    except ValueError as exc:
        out.append(Finding("warn", "cache budget", f"{exc}; the default, {cache.DEFAULT_MAX_MB}, is used"))
    known = {v.name for v in settings.VARIABLES}
    for name in sorted(env):
        if name.startswith(("ACTIONBOT_", "SLACK_")) and name not in known:
            out.append(Finding("warn", "unknown variable", f"{name} is set but actionbot does not read it (a typo?)"))
    return out


def check_knowledge_base(kb_dir: Path | None, env: dict[str, str]) -> list[Finding]:
    from knowledge.errors import KnowledgeError
    from knowledge.loader import BUNDLED, load_knowledge_base
    from knowledge.updates import is_bundled

    root = kb_dir or (Path(env["ACTIONBOT_KB"]) if env.get("ACTIONBOT_KB") else BUNDLED)
    try:
        kb = load_knowledge_base(root)
    except KnowledgeError as exc:
        first = str(exc).splitlines()[:3]
        return [Finding("fail", "knowledge base", f"{root}: " + "; ".join(first) + " - run `actionbot check`")]
    out = [Finding("ok", "knowledge base", f"{root}: {len(kb.plans)} plans, {len(kb.people)} people")]
    if is_bundled(root):
        out.append(
            Finding(
                "warn",
                "knowledge base",
                "this is the bundled demo data, read-only: updates are refused. "
                "Run `actionbot init-kb DIR` and set ACTIONBOT_KB=DIR (or pass --kb DIR)",
            )
        )
    elif not os.access(root / "updates" if (root / "updates").is_dir() else root, os.W_OK):
        out.append(Finding("warn", "knowledge base", f"{root} is not writable by this user: updates will fail"))
    return out


def check_data_dir(env: dict[str, str]) -> list[Finding]:
    from bot.settings import data_dir

    directory = data_dir(env)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory, prefix=".doctor-"):
            pass
    except OSError as exc:
        return [
            Finding(
                "fail", "data directory", f"{directory} is not writable ({exc.strerror}); set ACTIONBOT_DATA elsewhere"
            )
        ]
    return [Finding("ok", "data directory", f"{directory} (writable)")]


def check_state(env: dict[str, str]) -> list[Finding]:
    from bot import state

    try:
        store = state.open_store(env)
    except state.StateError as exc:
        return [Finding("fail", "state store", str(exc))]
    try:
        store.ping()
    except state.StateError as exc:
        return [Finding("fail", "state store", str(exc))]
    finally:
        store.close()
    note = f" ({store.problem})" if getattr(store, "problem", None) else ""
    return [Finding("warn" if note else "ok", "state store", f"{store.describe()} reachable{note}")]


def check_slack(env: dict[str, str]) -> list[Finding]:
    from bot import settings
    from bot.slack.app import make_client
    from bot.slack.sdk import SlackApiError

    try:
        s = settings.from_env(env)
    except settings.SettingsError as exc:
        return [Finding("fail", "Slack", str(exc))]
    try:
        reply = make_client(s).auth_test()
    except SlackApiError as exc:
        error = exc.response.get("error", "error") if exc.response is not None else str(exc)
        return [Finding("fail", "Slack", f"auth.test refused the bot token ({error}); copy SLACK_BOT_TOKEN again")]
    except OSError as exc:
        where = s.api_url or "https://slack.com/api/"
        return [Finding("fail", "Slack", f"cannot reach {where} ({exc}); check the network, proxy or SLACK_API_URL")]
    return [Finding("ok", "Slack", f"auth.test: bot {reply.get('user', '?')} in team {reply.get('team', '?')}")]


def _init_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", metavar="DIR", help="a new (or empty) directory for your own knowledge base")


@command("init-kb", "copy the bundled demo knowledge base to DIR, to edit and update (then --kb DIR)", _init_args)
def run_init_kb(args: argparse.Namespace) -> int:
    from knowledge.loader import BUNDLED

    target = Path(args.directory)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        print(f"actionbot init-kb: {target} exists and is not an empty directory; choose a new one.", file=sys.stderr)
        return EXIT_USAGE
    try:
        shutil.copytree(BUNDLED, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".*", "__pycache__"))
    except OSError as exc:
        print(f"actionbot init-kb: could not copy to {target}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for path in [target, *target.rglob("*")]:  # an installed package's files may be read-only; the copy is yours
        path.chmod(path.stat().st_mode | 0o200)
    print(f"Copied the demo knowledge base to {target}. Use it with --kb {target} or ACTIONBOT_KB={target}.")
    return EXIT_OK
