"""The language-neutral half of the date grammars: what a pack read (``DateParts``) to a norm."""
from __future__ import annotations

import datetime as dt

from pipeline.lang.dates import DateParts, nearby, resolve, resolve_range

ANCHOR = dt.date(2021, 3, 10)


def value(got):
    return got[0]["value"] if got and got[0] else None


def test_a_date_with_its_year_is_read_whatever_the_anchor():
    assert value(resolve(DateParts(years_away=-1, quarter=3), ANCHOR)) == "2020-Q3"
    assert resolve(DateParts(year=2019, month=2, day=30), ANCHOR) is None


def test_a_relative_date_has_no_norm_without_an_anchor_and_none_at_all_when_impossible():
    assert resolve(DateParts(years_away=0, month=5), None) == (None, 0.8)
    assert resolve(DateParts(month=13), None) is None
    assert value(resolve(DateParts(month=12, day=24, direction=-1), ANCHOR)) == "2020-12-24"
    assert resolve(DateParts(day=8), ANCHOR)[1] == 0.85
    assert resolve(DateParts(day=8, marked=True), ANCHOR)[1] == 0.9


def test_a_range_of_days_lies_in_the_month_near_the_anchor():
    assert resolve_range(DateParts(day=3), 5, ANCHOR)[0]["start"]["value"] == "2021-03-03"
    # 29~30: February lacks the 29th; the Korean grammar takes the anchor's month instead
    assert resolve_range(DateParts(day=29), 30, ANCHOR) == (None, 0.8)
    got = resolve_range(DateParts(day=29), 30, ANCHOR, anchor_month=True)
    assert got[0]["start"]["value"] == "2021-03-29"
    assert resolve_range(DateParts(month=5), 3, None) is None


def test_nearby_days_and_weeks():
    assert nearby(ANCHOR, weeks=-1, weekday=4)["value"] == "2021-03-05"    # 上周五
    assert nearby(ANCHOR, weekday=4, direction=-1)["value"] == "2021-03-05"
    assert nearby(ANCHOR, days=-1)["value"] == "2021-03-09"
    assert nearby(None, days=-1) is None
