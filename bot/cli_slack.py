"""`actionbot serve`: run the Slack app over Socket Mode (SLACK_APP_TOKEN set) or HTTP on --port."""

from __future__ import annotations

import argparse
import logging
import sys
import threading

from bot.cli import EXIT_OK, EXIT_USAGE, add_kb, command, version
from bot.health import SlackCheck, readiness
from bot.schedule import ScheduleError, WeeklySchedule, cron_expression, skip_dates
from bot.settings import SettingsError, from_env
from bot.slack.sdk import BoltError, SlackClientError
from knowledge.updates import is_bundled

log = logging.getLogger(__name__)
SWITCH_INTERVAL = 0.001  # seconds: see serve()
DEFAULT_PORT = 3000


def _serve_args(parser: argparse.ArgumentParser) -> None:
    add_kb(parser)
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=f"HTTP port when not in Socket Mode (default {DEFAULT_PORT}), path /slack/events",
    )


@command("serve", "run the Slack app (Socket Mode if SLACK_APP_TOKEN is set, else HTTP on --port)", _serve_args)
def run_serve(args: argparse.Namespace) -> int:
    from bot.settings import data_dir
    from bot.slack.app import build_app, make_client
    from bot.slack.reload import EngineHolder
    from bot.state import StateError, open_store

    try:
        settings = from_env()
    except SettingsError as exc:
        print(f"actionbot serve: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not 0 <= args.port <= 65535:
        print(f"actionbot serve: --port {args.port} is not a TCP port (0-65535)", file=sys.stderr)
        return EXIT_USAGE
    holder = EngineHolder(args.kb, settle=True)
    try:
        state = open_store()
    except StateError as exc:
        print(f"actionbot serve: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if state.problem:
        print(f"actionbot serve: {state.problem}", file=sys.stderr)
    log.info(
        "actionbot %s starting: knowledge base %s%s; data directory %s; state %s",
        version(),
        holder.root,
        " (bundled demo, read-only)" if is_bundled(holder.root) else "",
        data_dir(),
        state.describe(),
    )
    state.forget_events()
    client = make_client(settings)
    try:
        schedule = reminder_schedule(holder, client, state)
    except (ScheduleError, SettingsError) as exc:
        print(f"actionbot serve: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        app = build_app(holder, settings, client, state=state)
    except (BoltError, SlackClientError, OSError) as exc:
        print(f"actionbot serve: {startup_error(exc, settings.api_url)}", file=sys.stderr)
        return EXIT_USAGE
    slack_check = SlackCheck(client)

    def ready() -> str | None:
        report = readiness(holder, state, slack_check)
        return None if report.ready else "; ".join(report.problems)

    holder.watch()
    holder.install_sighup()
    schedule.start()
    # an acknowledgement passes between threads (waitress's loop, a request thread, back) several times, and each
    # time waits for the interpreter lock while answer threads compute: a 1 ms switch interval (Python's default
    # is 5 ms) bounds each wait (bench/bench_slack.py, 8 senders at 10,000 actions: ack p99 68 -> 52 ms)
    sys.setswitchinterval(SWITCH_INTERVAL)
    try:
        if settings.socket_mode:
            log.info("connecting over Socket Mode; knowledge base %s", holder.root)
            return serve_socket_mode(app, settings, client, holder, ready)
        else:
            from bot.slack.server import make_server

            try:
                server = make_server(app, port=args.port, signing_secret=settings.signing_secret, ready=ready)
            except OSError as exc:
                print(
                    f"actionbot serve: cannot listen on port {args.port}: {exc.strerror or exc}; "
                    "choose another with --port N",
                    file=sys.stderr,
                )
                return EXIT_USAGE
            log.info(
                "listening on http://0.0.0.0:%d/slack/events (health: /healthz, /readyz); knowledge base %s",
                server.server_address[1],
                holder.root,
            )
            server.serve_forever()
    finally:
        schedule.stop()
        holder.stop()
    return EXIT_OK


def serve_socket_mode(app, settings, client, holder, ready=None) -> int:
    """Connect over Socket Mode and run until SIGTERM or Ctrl-C; then close the socket and return 0.

    With ACTIONBOT_HEALTH_PORT set, /healthz and /readyz (the connection state) are served on that port.
    """
    import signal
    import threading

    from bot.slack.sdk import SlackApiError
    from bot.slack.socket_mode import SocketMode

    print(f"actionbot: connecting over Socket Mode; knowledge base {holder.root}", file=sys.stderr)
    socket = SocketMode(app, settings.app_token, client)
    stop = threading.Event()
    health = None
    try:
        socket.start()
    except (SlackApiError, SlackClientError, OSError) as exc:
        socket.stop()
        print(f"actionbot serve: {socket_startup_error(exc, settings.api_url)}", file=sys.stderr)
        return EXIT_USAGE
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        if settings.health_port is not None:
            health = _health_server(socket, ready or holder.health_problem, settings.health_port)
            if health is None:
                return EXIT_USAGE
        while not stop.wait(1.0):
            pass
        print("actionbot: stopping; closing the Socket Mode connection", file=sys.stderr)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if health is not None:
            health.shutdown()
        socket.stop()
    print(f"actionbot: stopped ({socket.monitor.state().describe()})", file=sys.stderr)
    return EXIT_OK


def _health_server(socket, ready, port: int):
    from bot.slack.server import make_health_server
    from bot.slack.socket_health import HealthApp

    try:
        server = make_health_server(HealthApp(socket.monitor, ready), port=port)
    except OSError as exc:
        print(
            f"actionbot serve: cannot listen on ACTIONBOT_HEALTH_PORT {port}: {exc.strerror or exc}; choose another",
            file=sys.stderr,
        )
        return None
    server.serve_in_thread()
    print(f"actionbot: health on http://0.0.0.0:{server.server_address[1]}/healthz and /readyz", file=sys.stderr)
    return server


def socket_startup_error(exc: BaseException, api_url: str | None) -> str:
    """Why Socket Mode could not start: Slack unreachable, or apps.connections.open refused SLACK_APP_TOKEN."""
    if isinstance(exc, OSError) or "urlopen error" in str(exc):
        return startup_error(exc, api_url)
    return (
        f"Slack did not accept SLACK_APP_TOKEN for Socket Mode: {exc}. Check the app-level token (scope "
        "connections:write) at api.slack.com/apps -> your app -> Basic Information -> App-Level Tokens, and that "
        "Socket Mode is enabled for the app."
    )


def startup_error(exc: BaseException, api_url: str | None) -> str:
    """Why the app could not start: Slack unreachable, or the token refused."""
    where = api_url or "https://slack.com/api/"
    text = str(exc)
    if isinstance(exc, OSError) or "urlopen error" in text or "Connection" in text:
        return (
            f"could not reach Slack at {where} ({text}). Check the network, any proxy, and SLACK_API_URL if you set it."
        )
    return (
        f"Slack ({where}) did not accept SLACK_BOT_TOKEN: {text}. Check the token at api.slack.com/apps -> "
        "your app -> OAuth & Permissions, and reinstall the app if it was revoked."
    )


EMAIL_RETRY_SECONDS = 1800.0  # after a 4xx, the scheduled run is repeated half an hour later...
EMAIL_RETRIES = 3  # ...up to this many times


def reminder_schedule(holder, client, state, retry_seconds: float = EMAIL_RETRY_SECONDS) -> WeeklySchedule:
    """The weekly reminder run on its own thread: ACTIONBOT_REMIND_CRON (default Monday 09:00 London);
    a run on a day listed in ACTIONBOT_REMIND_SKIP moves to the next day. While the mail server defers emails
    (4xx), the run is repeated after `retry_seconds`, up to EMAIL_RETRIES times (it sends only what has not gone).

    Raises ScheduleError for a malformed cron expression or skip date, SettingsError for malformed email settings.
    """
    import os

    from bot.remind import COORDINATORS_ENV, DEFAULT_PACE, Reminder, ReminderBusy
    from bot.remind_email import EmailDigests
    from bot.settings import mail_settings

    expr, skip = cron_expression(), skip_dates()
    coordinators = os.environ.get(COORDINATORS_ENV) or None
    mail = mail_settings()

    def job(day, attempt: int = 0) -> None:
        kb = holder.engine.kb
        try:
            report = Reminder(
                kb, client, state, coordinators, pace=DEFAULT_PACE, mail=EmailDigests(kb, state, mail)
            ).run(day)
        except ReminderBusy as exc:
            log.info("scheduled reminders skipped: %s", exc)
            return
        log.info(
            "reminders %s: sent %d, already %d, found in Slack %d, unreachable %d, failed %d, emailed %d",
            report.week,
            len(report.sent),
            len(report.already),
            len(report.recovered),
            len(report.unreachable),
            len(report.failed),
            len(report.emailed),
        )
        for digest, why in report.not_reached():
            log.warning("reminder for %s not delivered: %s", digest.person, why)
        if report.summary_error:
            from bot.cli_remind import summary_problem

            log.warning("%s", summary_problem(coordinators or "", report.summary_error))
        if report.email_deferred and attempt < EMAIL_RETRIES:
            log.info("%d email(s) deferred; trying again in %.0f s", len(report.email_deferred), retry_seconds)
            retry = threading.Timer(retry_seconds, job, (day, attempt + 1))
            retry.daemon = True
            retry.start()

    return WeeklySchedule(expr, job, skip=skip)
