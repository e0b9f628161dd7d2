"""Rounds and dates: which reports of one (party, list, action) are one fact, and its date.

**Rounds.** A report's date is the interval of days its reported date covers
(:func:`pipeline.facts.dates.span`). Reports whose date is at most a month wide (day, week,
month: *precise*) are sorted by that interval and cut into rounds wherever the gap between a
report and everything before it in the current round exceeds :data:`ROUND_GAP_DAYS` (60 days).
So listings in different years, or months apart (Huawei on the Entity List in May 2019 and again,
its affiliates, in August 2019), are separate facts, while reports of one listing that differ by
days or weeks (a Korean wire's "7 Oct" and a Chinese portal's "8 Oct") stay one fact and are
flagged. The year boundary alone splits nothing (30 Dec and 2 Jan are one round).

A report with a coarser date (quarter, half, year, decade) joins the round that its interval
overlaps; of several, the latest that began on or before the report was published (a report
speaks of the latest listing before it), else the earliest. A report without a date joins the
latest round that began on or before its publication date, else the latest round. Coarse or
undated reports that join no round form rounds of their own by the same rules.

**Date of a round.** Every distinct reported date is a candidate; its support is the number of
documents with a report whose date agrees with it (overlapping intervals: ``2019-10`` supports
``2019-10-07``; an article that tells the act twice is one witness).
The fact's date is the candidate with the most support, then the finest precision, then the
earliest. A report whose date does not agree with it *contradicts* it: the report is flagged
(``date_agrees: false``) and the fact gets ``date_conflict: true``; no date is merged away: all
distinct dates are listed with the languages that gave them.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from .dates import Span, day, rank, span

ROUND_GAP_DAYS = 60
#: dates at most this wide (in days) set rounds; coarser ones join them
PRECISE_DAYS = 31


def _sort_key(report: dict[str, Any]) -> tuple:
    return (report.get("published") or "", report["record"], report.get("event") or "",
            report["target"].get("mention") or "")


def split_rounds(reports: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The reports of one (party, list, action) cut into rounds, earliest first (module docstring)."""
    dated = sorted(((span(r.get("date")), r) for r in reports), key=lambda sr: (
        sr[0] or Span(dt.date.max, dt.date.max), _sort_key(sr[1])))
    precise = [(s, r) for s, r in dated if s and s.days <= PRECISE_DAYS]
    coarse = [(s, r) for s, r in dated if s and s.days > PRECISE_DAYS]
    undated = [r for s, r in dated if s is None]
    rounds = _cut(precise)
    leftover = [(s, r) for s, r in coarse if not _join(rounds, s, r)]
    rounds.extend(_cut(leftover))
    rounds.sort(key=lambda rd: rd[0])
    for report in undated:
        if rounds:
            published = day(report.get("published"))
            before = [rd for rd in rounds if published and rd[0].first <= published]
            max(before or rounds, key=lambda rd: rd[0])[1].append(report)
        else:
            rounds.append((Span(dt.date.max, dt.date.max), [report]))
    return [sorted(members, key=_sort_key) for _, members in rounds]


def _cut(items: list[tuple[Span, dict[str, Any]]]) -> list[tuple[Span, list[dict[str, Any]]]]:
    rounds: list[tuple[Span, list[dict[str, Any]]]] = []
    for s, report in sorted(items, key=lambda sr: (sr[0], _sort_key(sr[1]))):
        if rounds and rounds[-1][0].gap(s) <= ROUND_GAP_DAYS:
            cover, members = rounds[-1]
            members.append(report)
            rounds[-1] = (cover.cover(s), members)
        else:
            rounds.append((s, [report]))
    return rounds


def _join(rounds: list[tuple[Span, list[dict[str, Any]]]], s: Span, report: dict[str, Any]) -> bool:
    fitting = [rd for rd in rounds if rd[0].overlaps(s)]
    if not fitting:
        return False
    _pick(fitting, report)[1].append(report)
    return True


def _pick(fitting: list, report: dict[str, Any]) -> tuple[Span, list]:
    """Of the fitting rounds, the latest begun by the report's publication day, else the earliest."""
    published = day(report.get("published"))
    before = [rd for rd in fitting if published and rd[0].first <= published]
    return max(before, key=lambda rd: rd[0]) if before else min(fitting, key=lambda rd: rd[0])


def reconcile(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """The date of one round: ``date``, ``dates`` (every distinct one), ``conflict``, ``agrees``.

    ``agrees`` maps ``id(report)`` to True/False (None for a report without a date).
    """
    spans = {id(r): span(r.get("date")) for r in reports}
    candidates: dict[tuple[str, str], Span] = {}
    for r in reports:
        if spans[id(r)] is not None:
            candidates[(r["date"]["value"], r["date"]["precision"])] = spans[id(r)]
    if not candidates:
        return {"date": None, "dates": [], "conflict": False, "agrees": {id(r): None for r in reports}}
    support = {c: len({r.get("record") for r in reports if spans[id(r)] and spans[id(r)].overlaps(s)})
               for c, s in candidates.items()}          # witnesses: an article that says it twice is one
    best = min(candidates, key=lambda c: (-support[c], rank(c[1]), candidates[c].first, c[0]))
    chosen = candidates[best]
    agrees = {id(r): (None if spans[id(r)] is None else spans[id(r)].overlaps(chosen)) for r in reports}
    langs: dict[tuple[str, str], Counter] = {c: Counter() for c in candidates}
    for r in reports:
        if spans[id(r)] is not None:
            langs[(r["date"]["value"], r["date"]["precision"])][r.get("lang") or "?"] += 1
    dates = [{"value": v, "precision": p, "reports": sum(langs[(v, p)].values()),
              "languages": dict(sorted(langs[(v, p)].items())),
              "agrees": candidates[(v, p)].overlaps(chosen)}
             for v, p in sorted(candidates, key=lambda c: (candidates[c].first, rank(c[1]), c[0]))]
    return {"date": {"value": best[0], "precision": best[1]}, "dates": dates,
            "conflict": any(a is False for a in agrees.values()), "agrees": agrees}
