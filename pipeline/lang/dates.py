"""Date values and anchor arithmetic shared by the date grammars.

A DATE norm is ``{"value": ISO string, "precision": p}`` with p one of day (``2021-03-05``),
month (``2018-08``), year (``2019``), half (``2019-H2``), quarter (``2024-Q3``) or week
(``2021-W47``, ISO week). A range is ``{"start": norm, "end": norm, "precision": p}`` where p is
the start's precision. Every builder returns None for an impossible date (month 13, Feb 30),
and a relative form without an anchor gets no norm at all.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

Norm = dict[str, Any]
MIN_YEAR, MAX_YEAR = 1900, 2100
#: "that day", "the day before": the grammars leave these without a norm; the stage counts
#: them from the day of the latest dated event before them in the article, else the anchor day.
CONTEXT_DAYS = {"이날": 0, "이 날": 0, "전날": -1, "다음날": 1, "다음 날": 1, "이튿날": 1,
                "当天": 0, "当日": 0, "同日": 0, "當天": 0, "當日": 0, "前一天": -1, "次日": 1,
                "翌日": 1}


def parse_anchor(value: Any) -> dt.date | None:
    """``"2021-11-25"`` or ``"2021-11-25T09:00:00+09:00"`` -> date; anything else -> None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _year_ok(y: int) -> bool:
    return MIN_YEAR <= y <= MAX_YEAR


def day(y: int, m: int, d: int) -> Norm | None:
    if not _year_ok(y):
        return None
    try:
        return {"value": dt.date(y, m, d).isoformat(), "precision": "day"}
    except ValueError:
        return None


def month(y: int, m: int) -> Norm | None:
    if not _year_ok(y) or not 1 <= m <= 12:
        return None
    return {"value": f"{y:04d}-{m:02d}", "precision": "month"}


def year(y: int) -> Norm | None:
    return {"value": f"{y:04d}", "precision": "year"} if _year_ok(y) else None


def half(y: int, h: int) -> Norm | None:
    return {"value": f"{y:04d}-H{h}", "precision": "half"} if _year_ok(y) and h in (1, 2) else None


def quarter(y: int, q: int) -> Norm | None:
    if not _year_ok(y) or not 1 <= q <= 4:
        return None
    return {"value": f"{y:04d}-Q{q}", "precision": "quarter"}


def week(d: dt.date) -> Norm:
    iso = d.isocalendar()
    return {"value": f"{iso.year:04d}-W{iso.week:02d}", "precision": "week"}


def of_date(d: dt.date) -> Norm:
    return {"value": d.isoformat(), "precision": "day"}


def span(start: Norm | None, end: Norm | None) -> Norm | None:
    """A range norm; None unless both ends are known and in order."""
    if not start or not end or "value" not in start or "value" not in end:
        return None
    if end["value"] < start["value"]:
        return None
    return {"start": start, "end": end, "precision": start["precision"]}


def parse_month_anchor(value: Any) -> dt.date | None:
    """``"2021-11"`` (a page that gives only its month) -> the month's last day, which anchors
    what the month fixes (a month and day without a year, last year, last month); None otherwise."""
    m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", value) if isinstance(value, str) else None
    if m is None or not 1 <= int(m[2]) <= 12:
        return None
    y, mo = (int(m[1]), int(m[2]) + 1) if int(m[2]) < 12 else (int(m[1]) + 1, 1)
    return dt.date(y, mo, 1) - dt.timedelta(days=1)


#: a date expression that names its month (3月22日, 3월 22일, March 22, 2021-03-22)
NAMES_MONTH = re.compile(r"\d{1,2}\s*(?:月|월)|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
                         r"|\d{4}\s*[-./]\s*\d{1,2}", re.IGNORECASE)


def add_months(anchor: dt.date, n: int) -> tuple[int, int]:
    """(year, month) ``n`` months from the anchor's month."""
    total = anchor.year * 12 + anchor.month - 1 + n
    return total // 12, total % 12 + 1


def day_near(anchor: dt.date, d: int, direction: int = 0) -> Norm | None:
    """Day ``d`` of the anchor's month, or of the month before (``direction`` -1: 지난 8일) or
    after (+1: 오는 24일) when the anchor's month would put it on the wrong side of the anchor.

    With no direction a day more than 10 days after the anchor is taken as last month's.
    """
    y, m = anchor.year, anchor.month
    if direction < 0 and d > anchor.day:
        y, m = add_months(anchor, -1)
    elif direction > 0 and d < anchor.day:
        y, m = add_months(anchor, 1)
    elif direction == 0 and d > anchor.day + 10:
        y, m = add_months(anchor, -1)
    return day(y, m, d)


def month_near(anchor: dt.date, m: int, direction: int = 0, d: int | None = None) -> Norm | None:
    """Month ``m`` (or its day ``d``) of the anchor's year; 지난 12월 in January is last year's,
    오는 2월 in December next year's."""
    when, now = ((m, d), (anchor.month, anchor.day)) if d is not None else ((m,), (anchor.month,))
    y = anchor.year
    if direction < 0 and when > now:
        y -= 1
    elif direction > 0 and when < now:
        y += 1
    return month(y, m) if d is None else day(y, m, d)


def weekday_near(anchor: dt.date, wd: int, direction: int = 0) -> Norm:
    """The weekday ``wd`` (Monday 0): the latest on or before the anchor, or the next one after
    it when ``direction`` is +1."""
    if direction > 0:
        delta = (wd - anchor.weekday()) % 7 or 7
        return of_date(anchor + dt.timedelta(days=delta))
    delta = (anchor.weekday() - wd) % 7
    if direction < 0 and delta == 0:
        delta = 7
    return of_date(anchor - dt.timedelta(days=delta))


def in_week(anchor: dt.date, weeks: int, wd: int) -> Norm:
    """Weekday ``wd`` of the week ``weeks`` away from the anchor's (上周五, 다음 주 월요일)."""
    monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=weeks)
    return of_date(monday + dt.timedelta(days=wd))


def relative_unit(anchor: dt.date, unit: str, n: int) -> Norm:
    """The year / month / week / day ``n`` units from the anchor."""
    if unit == "year":
        return year(anchor.year + n)  # type: ignore[return-value]
    if unit == "month":
        return month(*add_months(anchor, n))  # type: ignore[return-value]
    if unit == "week":
        return week(anchor + dt.timedelta(weeks=n))
    return of_date(anchor + dt.timedelta(days=n))


@dataclass(frozen=True, slots=True)
class DateParts:
    """What a pack's date grammar read from one expression, in numbers; :func:`resolve` and
    :func:`resolve_range` turn it into a norm. A pack reads its own words and numerals (올해,
    去年, 二〇一九, 상반기) into these fields; the rest is the same for every language."""

    year: int | None = None          # written out: 2019年, '19년
    years_away: int | None = None    # from the anchor's year: 去年 -1, 올해 0
    months_away: int | None = None   # from the anchor's month: 上月 -1, 내달 1
    month: int | None = None
    day: int | None = None
    half: int | None = None          # 1 or 2
    quarter: int | None = None       # 1 to 4
    direction: int = 0               # 지난 -1, 오는 1: the side of the anchor a bare month or day is on
    marked: bool = False             # a word such as 께 or 초 marks a bare day as a date (surer)


#: a norm (None for a relative date without an anchor) and its score
Resolved = tuple[Norm | None, float]


def in_year(y: int, m: int | None = None, d: int | None = None, h: int | None = None,
            q: int | None = None) -> Norm | None:
    """Day ``d`` of month ``m``, month ``m``, half ``h`` or quarter ``q`` of year ``y`` (the first
    given), else the year itself."""
    if m is not None:
        return month(y, m) if d is None else day(y, m, d)
    if h is not None:
        return half(y, h)
    return year(y) if q is None else quarter(y, q)


def _year_of(p: DateParts, anchor: dt.date | None) -> int | None:
    if p.year is not None:
        return p.year
    return anchor.year + (p.years_away or 0) if anchor else None


def resolve(p: DateParts, anchor: dt.date | None) -> Resolved | None:
    """The norm and score of one date, or None when it is no date (an impossible one, or one
    that has no norm though there is an anchor). Without an anchor a relative date has no norm
    and scores 0.8; with one, the less is written out the lower the score."""
    norm: Norm | None = None
    if p.year is not None or p.years_away is not None:
        y = _year_of(p, anchor)
        score = 1.0 if p.year is not None else 0.95
        if y is not None:
            norm = in_year(y, p.month, p.day, p.half, p.quarter)
            if norm is None:
                return None
    elif p.months_away is not None:
        score = 0.95
        if anchor:
            ym = add_months(anchor, p.months_away)
            norm = month(*ym) if p.day is None else day(*ym, p.day)
    elif p.month is not None:
        if not 1 <= p.month <= 12:
            return None
        score = 0.9
        if anchor:
            norm = month_near(anchor, p.month, p.direction, p.day)
    elif p.day is not None:
        if not 1 <= p.day <= 31:
            return None
        score = 0.9 if p.direction or p.marked else 0.85
        if anchor:
            norm = day_near(anchor, p.day, p.direction)
    else:                                  # a half or a quarter of the anchor's year
        score = 0.8
        if anchor:
            norm = in_year(anchor.year, h=p.half, q=p.quarter)
    if anchor and norm is None:
        return None
    return norm, score if norm else 0.8


def resolve_range(p: DateParts, last: int, anchor: dt.date | None,
                  anchor_month: bool = False) -> Resolved | None:
    """A range from the date ``p`` to ``last``, a number in p's finest unit: years (2019~2021년),
    months of p's year (3~5월) or days of p's month (5~7일), that month being the one near the
    anchor when p has none (or, with ``anchor_month``, the anchor's own month when that one
    lacks the day, as the Korean grammar has it). None when it is no range; without a year or
    month to put it in, an ordered range has no norm and scores 0.8."""
    y = _year_of(p, anchor)
    if p.day is not None:
        mo = p.month
        if mo is None and anchor:
            near = day_near(anchor, p.day, p.direction)
            if near:
                y, mo = int(near["value"][:4]), int(near["value"][5:7])
            elif anchor_month:
                y, mo = anchor.year, anchor.month
        if y is None or mo is None:
            return (None, 0.8) if p.day < last <= 31 else None
        first, end = day(y, mo, p.day), day(y, mo, last)
    elif p.month is not None:
        if y is None:
            return (None, 0.8) if p.month < last <= 12 else None
        first, end = month(y, p.month), month(y, last)
    else:
        first, end = (year(y) if y is not None else None), year(last)
    norm = span(first, end)
    return (norm, 1.0) if norm else None


def nearby(anchor: dt.date | None, weeks: int | None = None, weekday: int | None = None,
           days: int = 0, direction: int = 0) -> Norm | None:
    """A day or week counted from the anchor (None without one): weekday ``weekday`` (Monday 0)
    of the week ``weeks`` away (上周五), the nearest such weekday (지난 금요일, ``direction``
    as in :func:`weekday_near`), the week ``weeks`` away (다음 주), else the day ``days`` away
    (어제)."""
    if anchor is None:
        return None
    if weekday is not None:
        if weeks is not None:
            return in_week(anchor, weeks, weekday)
        return weekday_near(anchor, weekday, direction)
    if weeks is not None:
        return relative_unit(anchor, "week", weeks)
    return relative_unit(anchor, "day", days)


#: a month and/or day without a year: 12月 / 9日 / 12月9日 / 11월 / 9일 / 11월 9일
_BARE = re.compile(r"(?:(?P<m>\d{1,2})\s?[月월])?\s?(?:(?P<d>\d{1,2})\s?[日号號일])?")
#: what coordinates two dates: 2025年4月4日和9日, 2007年9月及12月, 1991년 10월에서 11월
COORDINATION = re.compile(r"\s?(?:和|及|与|與|或|、|,|，|및|와|과|에서|부터|또는|이나|,\s?그리고)\s?")


def inherit(previous: Norm | None, bare: str) -> Norm | None:
    """The norm of a bare month/day coordinated with an earlier full date, which gives its
    missing year (and month): ``9日`` after ``2025年4月4日`` is 2025-04-09."""
    m = _BARE.fullmatch(bare)
    if not m or not (m["m"] or m["d"]) or not previous or previous.get("precision") not in ("day", "month"):
        return None
    y, pm = int(previous["value"][:4]), int(previous["value"][5:7])
    if m["m"] and m["d"]:
        return day(y, int(m["m"]), int(m["d"]))
    if m["m"]:
        return month(y, int(m["m"]))
    return day(y, pm, int(m["d"])) if previous["precision"] == "day" else None
