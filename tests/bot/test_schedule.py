"""The reminder schedule: cron in Europe/London, bad expressions, the thread runs its job."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from bot.schedule import ScheduleError, WeeklySchedule, cron_expression, next_run, skip_dates
from knowledge.dates import LONDON


def test_default_is_monday_nine_london_across_the_clock_change() -> None:
    expr = cron_expression({})
    assert expr == "0 9 * * 1"
    winter = next_run(expr, dt.datetime(2026, 11, 25, 12, 0, tzinfo=LONDON))
    assert winter == dt.datetime(2026, 11, 30, 9, 0, tzinfo=LONDON)
    summer = next_run(expr, dt.datetime(2026, 3, 25, 12, 0, tzinfo=LONDON))  # clocks go forward 29 March
    assert summer.utcoffset() == dt.timedelta(hours=1) and (summer.day, summer.hour) == (30, 9)


def test_bad_cron_is_a_clear_error() -> None:
    with pytest.raises(ScheduleError, match="ACTIONBOT_REMIND_CRON='every monday' is not a cron expression"):
        cron_expression({"ACTIONBOT_REMIND_CRON": "every monday"})


def test_thread_runs_the_job_and_survives_a_failure() -> None:
    clock = [dt.datetime(2026, 11, 30, 8, 59, 59, 999_000, tzinfo=LONDON)]
    ran: list[dt.date] = []
    done = threading.Event()

    def job(day: dt.date) -> None:
        ran.append(day)
        clock[0] += dt.timedelta(days=7)  # jump to just before next week's run
        if len(ran) == 1:
            raise RuntimeError("Slack down")
        done.set()

    schedule = WeeklySchedule("0 9 * * 1", job, now=lambda: clock[0])
    schedule.start()
    assert done.wait(10)
    schedule.stop()
    schedule.join(5)
    assert ran[:2] == [dt.date(2026, 11, 30), dt.date(2026, 12, 7)]


def test_configured_holidays_move_the_run_to_the_next_day() -> None:
    skip = skip_dates({"ACTIONBOT_REMIND_SKIP": "2026-12-28, 2026-12-29"})
    assert next_run("0 9 * * 1", dt.datetime(2026, 12, 25, 12, tzinfo=LONDON), skip) == dt.datetime(
        2026, 12, 30, 9, 0, tzinfo=LONDON
    )
    assert skip_dates({}) == frozenset()  # bank holidays are not special unless configured
    with pytest.raises(ScheduleError, match="'28/12/2026', which is not a YYYY-MM-DD date"):
        skip_dates({"ACTIONBOT_REMIND_SKIP": "28/12/2026"})
