"""Free-text timescales as plans write them ("To commence October 2019 (to be completed this financial year)")
read into knowledge-base dates ("2019-10", "FY2019/20"), by the rules the bundled plans follow.

The rules (each one is how the bundled city and county plans were transcribed by hand):
- "Ongoing" gives no date and says the action is ongoing.
- A date after commence / start / begin / from / following / after is a start date; any other is a due date.
- "this financial year" is the financial year of the other date in the text (April to March).
- A financial year written as a label ("the 2019/20 annual report", "budget setting process for 2020/21")
  names a period, not a deadline: no date.
- "In October 2018, the council established ..." states something already done: a complete milestone, not
  a due date.
- "04/02/20" is day/month/year (UK usage); "Feb 20" is February 2020.
Every date returned is a knowledge-base date string checked by `knowledge.dates.parse_datespec`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from knowledge.dates import parse_datespec
from knowledge.lazyre import lazy

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
DASH = r"\s*[-–—]\s*"
_START_WORDS = lazy(r"\b(?:commenc\w*|start\w*|begin\w*|beginning|from|following|after)\s*(?:\(|at\b|in\b|on\b)?", re.I)
_PAST = lazy(
    r"\b(?:established|recruited|completed|was|were|has been|have been|took place|held|agreed|approved|appointed)\b",
    re.I,
)
_FUTURE = lazy(r"\b(?:will|to be|due|by|shall|planned)\b", re.I)

# Date tokens, most specific first. Each has named groups read by _token_date.
_TOKENS = [
    ("dmy", lazy(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{2}|\d{4})\b")),
    ("day", lazy(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{MONTH_RE})\s+(?P<y>\d{{4}})\b", re.I)),
    ("fy", lazy(r"\b(?P<y1>20\d{2})\s*/\s*(?P<y2>\d{2}|20\d{2})\b")),
    ("month", lazy(rf"\b(?P<mon>{MONTH_RE})\.?\s*(?:'|’)?(?P<y>\d{{4}}|\d{{2}})\b", re.I)),
    ("year", lazy(r"\b(?P<y>20\d{2}|19\d{2})\b")),
    ("thisfy", lazy(r"\bthis financial year\b", re.I)),
]
_FY_LABEL_BEFORE = lazy(r"\b(?:for|the|of)\s*$", re.I)
_FY_LABEL_AFTER = lazy(r"^\s*(?:annual|budget|report|business|plan|strategy|accounts|financial year report)", re.I)


@dataclass(frozen=True)
class Timescale:
    """What a timescale's words say: dates as knowledge-base strings, a status, and a done-already milestone."""

    text: str
    start: str | None = None
    due: str | None = None
    status: str | None = None  # "ongoing" when the words say so
    done: tuple[str, str, str] | None = None  # (date_text, text, date) of something already done
    note: str | None = None  # how the words were read, for dates_note


@dataclass(frozen=True)
class _Found:
    kind: str
    start: int
    end: int
    value: str | None  # a knowledge-base date, or None for "this financial year"


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _month(name: str) -> int:
    return _MONTHS[name.lower()[:3]]


def _token_date(kind: str, m: re.Match[str]) -> str | None:
    if kind == "dmy":
        day, month, year = int(m["d"]), int(m["m"]), _year(m["y"])
        return f"{year:04d}-{month:02d}-{day:02d}"
    if kind == "day":
        return f"{int(m['y']):04d}-{_month(m['mon']):02d}-{int(m['d']):02d}"
    if kind == "fy":
        y1, y2 = int(m["y1"]), int(m["y2"]) % 100
        return f"FY{y1}/{y2:02d}" if (y1 + 1) % 100 == y2 else None
    if kind == "month":
        return f"{_year(m['y']):04d}-{_month(m['mon']):02d}"
    if kind == "year":
        return m["y"]
    return None


def find_dates(text: str) -> list[_Found]:
    """Every date token in `text`, left to right, without overlaps (the most specific reading wins)."""
    taken: list[tuple[int, int]] = []
    out: list[_Found] = []
    for kind, pattern in _TOKENS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            value = _token_date(kind, m)
            if kind == "fy" and (
                value is None or _FY_LABEL_BEFORE.search(text[: m.start()]) or _FY_LABEL_AFTER.match(text[m.end() :])
            ):
                taken.append((m.start(), m.end()))  # a label, not a date: keep its years from being read
                continue
            if value is not None:
                try:
                    parse_datespec(value)
                except ValueError:
                    continue
            taken.append((m.start(), m.end()))
            out.append(_Found(kind, m.start(), m.end(), value))
    return sorted(out, key=lambda f: f.start)


def _fy_of(value: str) -> str:
    spec = parse_datespec(value)
    year = spec.first.year if spec.first.month >= 4 else spec.first.year - 1
    return f"FY{year}/{(year + 1) % 100:02d}"


def read_timescale(text: str | None) -> Timescale:
    """Read the dates a timescale states. Never guesses: words it cannot read give no date."""
    if not text or not text.strip():
        return Timescale(text or "")
    words = " ".join(text.split())
    if re.match(r"^\s*ongoing\b", words, re.I):
        return Timescale(words, status="ongoing", note='"Ongoing": no start or due date.')
    found = find_dates(words)
    dated = [f for f in found if f.value is not None]
    m = re.match(
        rf"^(In\s+{MONTH_RE}\s+\d{{4}}|In\s+\d{{4}}|On\s+\d{{1,2}}\s+{MONTH_RE}\s+\d{{4}}),\s*(.+)$", words, re.I
    )
    if m and dated and _PAST.search(m[2]) and not _FUTURE.search(m[2]):
        return Timescale(words, done=(m[1], m[2].rstrip("."), dated[0].value or ""), note="states something done")
    start = due = None
    for f in found:
        before = words[: f.start]
        if f.kind == "thisfy":
            continue
        if re.search(_START_WORDS.pattern + r"\s*(?:the\s+)?[\w\s]{0,40}?\(?$", before[-60:], re.I) and start is None:
            start = f.value
        elif due is None:
            due = f.value
    if any(f.kind == "thisfy" for f in found) and due is None and (start or dated):
        due = _fy_of(start or dated[0].value or "")
    return Timescale(words, start=start, due=due)


# -- milestones in an update cell ------------------------------------------------------------------
_MY = rf"(?:{MONTH_RE}\s+\d{{4}})"
_MARKER = lazy(
    rf"(?:^|(?<=[.!?]))\s*"
    rf"(?P<date>"
    rf"Completed(?:{DASH}{_MY})?"
    rf"|Ongoing(?:{DASH}Completion in {_MY})?"
    rf"|(?:End of\s+)?{_MY}(?:\s*\(and ongoing\))?"
    rf"|{MONTH_RE}{DASH}{_MY}"
    rf"|{_MY}{DASH}{_MY}"
    rf")\.?(?=\s+[A-Z(]|\s*$)",
)


@dataclass(frozen=True)
class MilestoneText:
    text: str
    date_text: str
    start: str | None
    due: str | None
    status: str


def read_milestone_date(date_text: str) -> tuple[str | None, str | None, str]:
    """(start, due, status) of a milestone's date words: "Completed - September 2019", "February – May 2020"."""
    low = date_text.lower()
    status = "complete" if low.startswith("completed") else "ongoing" if "ongoing" in low else "not-stated"
    months = list(re.finditer(rf"(?P<mon>{MONTH_RE})(?:\s+(?P<y>\d{{4}}))?", date_text, re.I))
    dated = [m for m in months if m["y"]]
    if not dated:
        return None, None, status
    last = dated[-1]
    due = f"{int(last['y']):04d}-{_month(last['mon']):02d}"
    start = None
    if len(months) >= 2 and re.search(DASH, date_text[months[0].end() : months[-1].start()]):
        first = months[0]
        year = int(first["y"]) if first["y"] else int(last["y"])
        start = f"{year:04d}-{_month(first['mon']):02d}"
    return start, due, status


def split_milestones(cell: str) -> list[MilestoneText]:
    """Dated entries of an update cell: each is text ending a sentence, then its date words.

    Paragraphs (lines) are read one by one; within one, a date standing between two sentences ends an entry
    ("... approval process. Completed The development of ..."). Text after the last date is kept as an
    entry with no date. A date inside a sentence ("took place in October 2019.") is not a marker.
    """
    out: list[MilestoneText] = []
    for para in (p.strip() for p in cell.splitlines()):
        if not para:
            continue
        para = " ".join(para.split())
        pos = 0
        for m in _MARKER.finditer(para):
            text = para[pos : m.start()].strip()
            if not text:
                continue
            date_text = m["date"]
            start, due, status = read_milestone_date(date_text)
            out.append(MilestoneText(text, date_text, start, due, status))
            pos = m.end()
        rest = para[pos:].strip()
        if rest:
            out.append(MilestoneText(rest, "", None, None, "not-stated"))
    return out


def read_action_text_timescale(text: str) -> Timescale | None:
    """A timescale stated inside an action's text ("will be issued ... in September 2019", "by January 2020").

    Only a date after in / on / by / during / before is read; a financial year used as a label is not.
    """
    for f in find_dates(text):
        if f.value is None:
            continue
        m = re.search(r"\b(in|on|by|during|before)\s+$", text[: f.start], re.I)
        if m:
            return Timescale(text[m.start() : f.end].strip(), due=f.value)
    return None
