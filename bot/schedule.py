"""The weekly reminder schedule inside `actionbot serve`: a cron expression, Europe/London, its own thread."""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
from collections.abc import Callable

from croniter import croniter

from knowledge.dates import LONDON

log = logging.getLogger(__name__)
CRON_ENV = "ACTIONBOT_REMIND_CRON"
SKIP_ENV = "ACTIONBOT_REMIND_SKIP"  # e.g. "2026-12-28,2027-04-05": bank holidays, if the council wants them skipped
DEFAULT_CRON = "0 9 * * 1"  # Monday 09:00 Europe/London


class ScheduleError(Exception):
    """A malformed ACTIONBOT_REMIND_CRON."""


def cron_expression(env: dict[str, str] | None = None) -> str:
    """The reminder schedule from ACTIONBOT_REMIND_CRON (default Monday 09:00); raises ScheduleError."""
    expr = ((env if env is not None else os.environ).get(CRON_ENV) or DEFAULT_CRON).strip()
    if not croniter.is_valid(expr):
        raise ScheduleError(f'{CRON_ENV}={expr!r} is not a cron expression; e.g. "0 9 * * 1" for Monday 09:00.')
    return expr


def skip_dates(env: dict[str, str] | None = None) -> frozenset[dt.date]:
    """Days a scheduled run moves off (ACTIONBOT_REMIND_SKIP, comma-separated YYYY-MM-DD); raises ScheduleError."""
    raw = (env if env is not None else os.environ).get(SKIP_ENV) or ""
    days = set()
    for part in filter(None, (p.strip() for p in raw.split(","))):
        try:
            days.add(dt.date.fromisoformat(part))
        except ValueError:
            raise ScheduleError(f"{SKIP_ENV} has {part!r}, which is not a YYYY-MM-DD date.") from None
    return frozenset(days)


def next_run(expr: str, after: dt.datetime, skip: frozenset[dt.date] = frozenset()) -> dt.datetime:
    """The first time after `after` that the expression fires, in Europe/London (clock changes included).

    A run that falls on a skipped day moves to the same time on the next day that is not skipped.
    """
    when = croniter(expr, after.astimezone(LONDON)).get_next(dt.datetime)
    while when.date() in skip:
        when += dt.timedelta(days=1)  # wall-clock arithmetic: still 09:00 London across a clock change
    return when


class WeeklySchedule(threading.Thread):
    """Runs `job` at each cron time until stopped; a failing run is logged and the schedule goes on."""

    def __init__(
        self,
        expr: str,
        job: Callable[[dt.date], object],
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now(LONDON),
        skip: frozenset[dt.date] = frozenset(),
    ) -> None:
        super().__init__(name="actionbot-reminders", daemon=True)
        self.expr, self.job, self.now, self.skip = expr, job, now, skip
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            when = next_run(self.expr, self.now(), self.skip)
            log.info("next reminder run at %s", when.isoformat())
            if self.stopped.wait(max(0.0, (when - self.now()).total_seconds())):
                return
            try:
                self.job(when.date())
            except Exception:
                log.exception("the scheduled reminder run failed; the next one is still scheduled")

    def stop(self) -> None:
        self.stopped.set()
