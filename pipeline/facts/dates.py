"""Date values of reports as day intervals: how precise they are, whether they agree, how far apart.

A reported date is a newsfacts DATE norm ``{"value", "precision"}``: ``2019-10-07`` (day),
``2019-W41`` (ISO week), ``2019-10`` (month), ``2019-Q4``, ``2019-H2``, ``2019`` (year) or
``2010s`` (decade). :func:`span` turns one into the closed interval of days it covers; two dates
*agree* when their intervals overlap (``2019-10`` agrees with ``2019-10-07``; ``2019-10-07`` and
``2019-10-08`` disagree beyond their precision).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

#: finest first; the rank orders "the most precise date"
PRECISIONS = ("day", "week", "month", "quarter", "half", "year", "decade")

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_HALF = re.compile(r"(\d{4})-H([12])")
_YEAR = re.compile(r"(\d{4})")
_DECADE = re.compile(r"(\d{3})0s")


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """The closed interval of days ``[first, last]`` a date value covers."""

    first: dt.date
    last: dt.date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def overlaps(self, other: "Span") -> bool:
        return self.first <= other.last and other.first <= self.last

    def gap(self, other: "Span") -> int:
        """Days strictly between the two intervals (0 when they touch or overlap)."""
        if self.overlaps(other):
            return 0
        earlier, later = (self, other) if self.last < other.first else (other, self)
        return (later.first - earlier.last).days - 1

    def cover(self, other: "Span") -> "Span":
        return Span(min(self.first, other.first), max(self.last, other.last))


def rank(precision: str | None) -> int:
    """0 for day ... 6 for decade; unknown precisions rank last."""
    return PRECISIONS.index(precision) if precision in PRECISIONS else len(PRECISIONS)


def span(date: dict[str, Any] | None) -> Span | None:
    """The days a DATE norm covers, or None when it has no value this module can read."""
    if not isinstance(date, dict) or not isinstance(date.get("value"), str):
        return None
    value, precision = date["value"].strip(), date.get("precision")
    try:
        return _span(value, precision)
    except ValueError:      # month 13, week 54...
        return None


def _span(value: str, precision: str | None) -> Span | None:
    if precision in (None, "day") and (m := _DAY.fullmatch(value)):
        d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return Span(d, d)
    if m := _WEEK.fullmatch(value):
        first = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return Span(first, first + dt.timedelta(days=6))
    if m := _QUARTER.fullmatch(value):
        return _months(int(m[1]), 3 * int(m[2]) - 2, 3)
    if m := _HALF.fullmatch(value):
        return _months(int(m[1]), 6 * int(m[2]) - 5, 6)
    if m := _MONTH.fullmatch(value):
        return _months(int(m[1]), int(m[2]), 1)
    if m := _YEAR.fullmatch(value):
        return Span(dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31))
    if m := _DECADE.fullmatch(value):
        start = int(m[1]) * 10
        return Span(dt.date(start, 1, 1), dt.date(start + 9, 12, 31))
    if m := _DAY.match(value):          # a timestamp: its day
        d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return Span(d, d)
    return None


def _months(year: int, first_month: int, count: int) -> Span:
    last_month = first_month + count - 1
    after = dt.date(year + 1, 1, 1) if last_month == 12 else dt.date(year, last_month + 1, 1)
    return Span(dt.date(year, first_month, 1), after - dt.timedelta(days=1))


def day(value: Any) -> dt.date | None:
    """The day of a publication date (``2019-10-08`` or a timestamp), else None."""
    if not isinstance(value, str) or not (m := _DAY.match(value.strip())):
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
