"""Language rules shared by stages: numerals, dates, and per-language grammars (ko, zh, en).

A grammar is a list of :data:`Rule` (a compiled regex and a handler that turns a regex match into
a :class:`Match` or rejects it). :func:`run` applies rules to a text; :func:`select` keeps the
longest of overlapping matches.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, NamedTuple, Optional

from .dates import DateParts, resolve, resolve_range, span, year


@dataclass(slots=True)
class Match:
    """One expression found by a grammar: offsets into the searched text, type and norm."""

    start: int
    end: int
    type: str                 # MONEY | DATE | PERCENT | QUANTITY
    norm: Optional[dict[str, Any]]
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class Context:
    """What a handler needs besides the match: the anchor date for relative dates."""

    anchor: Optional[dt.date] = None
    lang: str = "und"


Handler = Callable[[re.Match[str], Context], Optional[Match]]


class Rule(NamedTuple):
    """A grammar rule; ``trigger`` is a cheap test that a text may match at all (speed)."""

    rx: re.Pattern[str]
    handler: Handler
    trigger: Optional[re.Pattern[str]] = None


def run(rules: Iterable[Rule], text: str, ctx: Context) -> list[Match]:
    """All matches of all rules in ``text`` (overlapping ones included)."""
    found = []
    for rx, handler, trigger in rules:
        if trigger is not None and trigger.search(text) is None:
            continue
        for m in rx.finditer(text):
            got = handler(m, ctx)
            if got is not None and got.end > got.start:
                found.append(got)
    return found


def select(matches: Iterable[Match]) -> list[Match]:
    """Non-overlapping matches, preferring the longer, then the more certain, then the earlier."""
    chosen: list[Match] = []
    for m in sorted(matches, key=lambda x: (-(x.end - x.start), -x.score, x.start)):
        if all(m.end <= c.start or c.end <= m.start for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda x: x.start)


def merge_ranges(text: str, matches: list[Match], sep: re.Pattern[str]) -> list[Match]:
    """Join two dates with only a range mark between them (``2018年3月至2020年12月``) into one
    DATE whose norm is a range."""
    out: list[Match] = []
    for m in matches:
        prev = out[-1] if out else None
        if (prev is not None and prev.type == m.type == "DATE" and prev.norm and m.norm
                and "value" in prev.norm and "value" in m.norm
                and sep.fullmatch(text, prev.end, m.start)):
            norm = span(prev.norm, m.norm)
            if norm:
                out[-1] = Match(prev.start, m.end, "DATE", norm, min(prev.score, m.score))
                continue
        out.append(m)
    return out


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


#: larger amounts are misreadings (a run of digits), and JSON numbers stop being exact past 2**63
MAX_AMOUNT = 10**18


def amount_norm(key: str, low: Any, high: Any = None, approx: bool = False,
                **extra: Any) -> Optional[dict[str, Any]]:
    """``{key: low}`` or, for a range, ``{"min": low, "max": high}``; plus ``approx`` and
    ``extra`` (the currency). None when a value is missing, implausibly large (>= 10**18) or
    the range is reversed."""
    from .numerals import to_number

    if low is None or abs(low) >= MAX_AMOUNT or (high is not None and abs(high) >= MAX_AMOUNT):
        return None
    if high is None:
        norm: dict[str, Any] = {key: to_number(low)}
    else:
        if high <= low:
            return None
        norm = {"min": to_number(low), "max": to_number(high)}
    norm.update(extra)
    if approx:
        norm["approx"] = True
    return norm


def context_money(currency: str, units: str, read: Callable[[str], Any],
                  approx: Callable[[re.Match[str]], bool]) -> Handler:
    """Handler for an amount with no currency after a money word (매출 3조, 营收3亿): money in
    the local ``currency`` when the number (group ``num``, as ``read`` reads it) has one of the
    large ``units``, from an approximation word (group ``approx``) or the number to its end."""
    has_unit = re.compile(f"[{units}]")

    def handler(m: re.Match[str], ctx: Context) -> Optional[Match]:
        num = m.group("num")
        if not has_unit.search(num):
            return None
        norm = amount_norm("value", read(num), None, approx(m), currency=currency)
        start = m.start("approx") if m.group("approx") else m.start("num")
        return Match(start, m.end("num"), "MONEY", norm, 0.7) if norm else None

    return handler


def date_handler(read: Callable[[re.Match[str]], Optional[DateParts]]) -> Handler:
    """Handler for a pack's dates: ``read`` says what the match writes (None: no date),
    :func:`~pipeline.lang.dates.resolve` gives its norm and score."""
    def handler(m: re.Match[str], ctx: Context) -> Optional[Match]:
        parts = read(m)
        got = resolve(parts, ctx.anchor) if parts else None
        return Match(m.start(), m.end(), "DATE", *got) if got else None

    return handler


def range_handler(read: Callable[[re.Match[str]], Optional[tuple[DateParts, int]]],
                  anchor_month: bool = False) -> Handler:
    """Handler for a pack's date ranges: ``read`` gives the first date and the last number
    (None: no range), :func:`~pipeline.lang.dates.resolve_range` the norm and score."""
    def handler(m: re.Match[str], ctx: Context) -> Optional[Match]:
        ends = read(m)
        got = resolve_range(ends[0], ends[1], ctx.anchor, anchor_month) if ends else None
        return Match(m.start(), m.end(), "DATE", *got) if got else None

    return handler


def anchor_year(m: re.Match[str], ctx: Context) -> Optional[Match]:
    """Handler for 年底 / 연말 alone: the anchor's year (no norm without an anchor)."""
    return Match(m.start(), m.end(), "DATE", year(ctx.anchor.year) if ctx.anchor else None, 0.7)


def context_day(m: re.Match[str], ctx: Context) -> Optional[Match]:
    """Handler for 이날 / 当天: no norm here; the patterns stage counts it from the discourse."""
    return Match(m.start(), m.end(), "DATE", None, 0.6)
