"""Write calendar entries as an iCalendar (.ics) file with the icalendar library (the one module importing it)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from assemblers.plan_export import Entry

LONDON = ZoneInfo("Europe/London")


def calendar_bytes(entries: list[Entry], name: str, stamp: dt.datetime) -> bytes:
    """The .ics file: meetings timed in Europe/London (with a VTIMEZONE), the rest all-day entries."""
    cal = Calendar()
    cal.add("prodid", "-//actionbot//safeguarding action plans//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for entry in entries:
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("summary", entry.summary)
        event.add("description", entry.description)
        if entry.time is not None:
            start = dt.datetime.combine(entry.day, entry.time, tzinfo=LONDON)
            event.add("dtstart", start)
            event.add("dtend", start + dt.timedelta(minutes=entry.minutes))
        else:
            event.add("dtstart", entry.day)
            event.add("dtend", entry.day + dt.timedelta(days=1))
            event.add("transp", "TRANSPARENT")
        if entry.location:
            event.add("location", entry.location)
        cal.add_component(event)
    if hasattr(cal, "add_missing_timezones"):
        cal.add_missing_timezones()
    return cal.to_ical()
