"""Dates as the plans write them: a day, a month, a year or a financial year."""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

from knowledge.errors import shown
from knowledge.lazydataclass import frozen_dataclass
from knowledge.lazyre import lazy

LONDON = ZoneInfo("Europe/London")

_DAY = lazy(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = lazy(r"^(\d{4})-(\d{2})$")
_YEAR = lazy(r"^(\d{4})$")
_FY = lazy(r"^FY(\d{4})/(\d{2})$")

MONTHS = [calendar.month_name[i] for i in range(13)]
# Dates are kept to these years so that date arithmetic (windows of days or weeks around today or a due
# date) never runs off the end of Python's calendar (year 9999) with an OverflowError.
MIN_YEAR, MAX_YEAR = 1000, 2999
_RANGE = f"years {MIN_YEAR} to {MAX_YEAR}"


@frozen_dataclass
class DateSpec:
    """A date at its precision: `first` and `date` are the first and last day of the period."""

    text: str
    precision: str  # "day" | "month" | "year" | "financial-year"
    first: dt.date
    date: dt.date

    def describe(self) -> str:
        """The date as a person would say it, at its precision: "March 2020", "4 February 2020"."""
        if self.precision == "day":
            return f"{self.date.day} {MONTHS[self.date.month]} {self.date.year}"
        if self.precision == "month":
            return f"{MONTHS[self.date.month]} {self.date.year}"
        if self.precision == "year":
            return str(self.date.year)
        return f"financial year {self.first.year}/{str(self.date.year)[2:]} (by 31 March {self.date.year})"


def parse_datespec(value: object) -> DateSpec:
    """Parse a knowledge-base date; raises ValueError with a readable reason."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        _check_year(value.year, value.isoformat())
        return DateSpec(value.isoformat(), "day", value, value)
    if isinstance(value, int):
        value = str(value)
    if isinstance(value, str):
        return _parse_text(value)
    raise ValueError(f'expected a date such as "2020-03-31", "2020-03", "2020" or "FY2019/20", got {shown(value)}')


@lru_cache(maxsize=4096)
def _parse_text(value: str) -> DateSpec:
    """Parse a date string (cached: plans repeat the same months many times); raises ValueError."""
    if not isinstance(value, str):
        raise ValueError(f'expected a date such as "2020-03-31", "2020-03", "2020" or "FY2019/20", got {shown(value)}')
    text = value.strip()
    m = _DAY.match(text) or _MONTH.match(text) or _YEAR.match(text) or _FY.match(text)
    if m:
        _check_year(int(m[1]), text)
    if m := _DAY.match(text):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return DateSpec(text, "day", day, day)
    if m := _MONTH.match(text):
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            raise ValueError(f"month {month} is not a real month in {shown(text)}")
        last = calendar.monthrange(year, month)[1]
        return DateSpec(text, "month", dt.date(year, month, 1), dt.date(year, month, last))
    if m := _YEAR.match(text):
        year = int(m[1])
        return DateSpec(text, "year", dt.date(year, 1, 1), dt.date(year, 12, 31))
    if m := _FY.match(text):
        start = int(m[1])
        if (start + 1) % 100 != int(m[2]):
            raise ValueError(f"financial year {shown(text)} must span two consecutive years, e.g. FY2019/20")
        return DateSpec(text, "financial-year", dt.date(start, 4, 1), dt.date(start + 1, 3, 31))
    raise ValueError(f'expected a date such as "2020-03-31", "2020-03", "2020" or "FY2019/20", got {shown(text)}')


parse_date_text = _parse_text  # parse_datespec for a value known to be a str (the loader's fast path)


def _check_year(year: int, text: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"{shown(text)} is outside the dates actionbot handles ({_RANGE})")


def today_in_london() -> dt.date:
    """Today's date in Europe/London."""
    return dt.datetime.now(LONDON).date()


def long_day(date: dt.date) -> str:
    """ "6 January 2025": a day as reports and answers write it."""
    return f"{date.day} {date:%B %Y}"


def between(start: dt.date, end: dt.date) -> str:
    """ "between 1 November 2024 and 30 November 2024"; a window with no end ("after October") is "on or after
    1 November 2024", never a day in the year 9999."""
    if end >= dt.date.max - dt.timedelta(days=1):
        return f"on or after {long_day(start)}"
    return f"between {long_day(start)} and {long_day(end)}"


def parse_day(text: str) -> dt.date:
    """Parse a YYYY-MM-DD command-line date; raises ValueError with a hint."""
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{shown(text)} is not a date; write it as YYYY-MM-DD, e.g. 2025-01-14") from None
    _check_year(day.year, text)
    return day
