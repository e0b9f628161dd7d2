"""When an act happened: a learned choice among the dates around its trigger.

News tells several rounds in one article ("after adding Huawei in May 2019, Commerce on Friday
added..."), and an act's own date is often not the nearest one: the round's own date must win over
the dates of earlier rounds named beside it, the article's date stands for the news of the day that
states none (``published``), and an earlier round with no date has none. So every act gets
candidates — the dates of its sentence, of the three sentences before it and of the next one, the
publication date, and "none" — each with features (where the date stands from the trigger, whether
another act's trigger stands between them, its precision, its year against the article's, whether
it is an effective date or a document's number, the old rule's pick, cue words of an earlier
round in the act's sentence, whether the act is in the lead), and the candidate the linear model
(:class:`pipeline.events.linear.LinearModel`, ``models/events/dates.json``) scores highest is its
date. The cue words come from the language packs (``[dates]`` tables).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .. import lang
from ..lang.pack import words_pattern
from ..linear import bucket
from ..types import Document, Entity
from .linear import LinearModel

BEFORE, AFTER = 3, 1                  # sentences searched before and after the act's


@dataclass(frozen=True)
class DateCandidate:
    kind: str                         # "date", "published" or "none"
    value: dict[str, str] | None      # {"value", "precision"}
    entity: Entity | None = None


@lru_cache(maxsize=1)
def _background() -> re.Pattern[str]:
    return re.compile(words_pattern(w for p in lang.packs() for w in p.words.get("dates.background")) or r"(?!x)x",
                      re.IGNORECASE)


def _norm(e: Entity) -> dict[str, str]:
    return {"value": str(e.norm["value"]), "precision": e.norm.get("precision", "day")}


def candidates(doc: Document, dates: list[Entity], si: int, rule_pick: Entity | None = None) -> list[DateCandidate]:
    """The dates an act told in sentence ``si`` may have (the rules' pick always among them: a
    notice's dateline may stand anywhere)."""
    lo = doc.sentences[max(0, si - BEFORE)].start
    hi = doc.sentences[min(len(doc.sentences) - 1, si + AFTER)].end
    head = doc.sentences[0] if doc.sentences else None
    picked = {*_between(dates, lo, hi), *(_between(dates, head.start, head.end) if head is not None else ())}
    if rule_pick is not None:
        picked.add(_index(dates, rule_pick))
    out = [DateCandidate("date", _norm(dates[k]), dates[k]) for k in sorted(picked)]
    published = str(doc.meta.get("published") or "")
    if re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", published):      # a month from a URL (stages.clean)
        out.append(DateCandidate("published", {"value": published, "precision": "day" if len(published) == 10 else "month"}))
    out.append(DateCandidate("none", None))
    return out


def _between(dates: list[Entity], lo: int, hi: int) -> range:
    """Indices of the dates (sorted by start) that start in [lo, hi)."""
    return range(bisect.bisect_left(dates, lo, key=lambda d: d.start), bisect.bisect_left(dates, hi, key=lambda d: d.start))


def _index(dates: list[Entity], date: Entity) -> int:
    """Where ``date`` itself stands among the dates (sorted by start)."""
    k = bisect.bisect_left(dates, date.start, key=lambda d: d.start)
    while dates[k] is not date:
        k += 1
    return k


def features(doc: Document, si: int, trigger: tuple[int, int], cand: DateCandidate,
             context: dict[str, Any]) -> dict[str, float]:
    """Features of one candidate date of the act whose trigger is ``trigger`` in sentence ``si``."""
    sent = doc.sentences[si]
    f: dict[str, float] = {"bias": 1.0, f"kind={cand.kind}": 1.0, f"kind={cand.kind}:{context['lang']}": 1.0}
    lead = si <= 2
    background = bool(_background().search(doc.text, sent.start, sent.end))
    dated_sentence = context["dated_sentence"]
    for name, on in (("lead", lead), ("background", background), ("dated_sentence", dated_sentence),
                     ("earlier_dates", context["earlier_dates"]), ("listed_earlier", context.get("listed_earlier"))):
        if on:
            f[f"{cand.kind}:{name}"] = 1.0
    if cand.kind != "date":
        return f
    d = cand.entity
    assert d is not None
    dsi = context["sentence_of"][id(d)]
    rel = dsi - si
    f[f"rel={max(-3, min(1, rel))}"] = 1.0
    if rel == 0:
        f["before_trigger" if d.end <= trigger[0] else "after_trigger"] = 1.0
        f["chars" + bucket(abs(trigger[0] - d.end) if d.end <= trigger[0] else d.start - trigger[1],
                            (10, 30, 80))] = 1.0
    f[f"precision={cand.value['precision']}"] = 1.0
    f[f"rel={max(-3, min(1, rel))}:precision={cand.value['precision']}"] = 1.0
    if dsi == 0 and si != 0:
        f["headline_date"] = 1.0
    lo, hi = sorted((d.start, trigger[0]))
    if bisect.bisect_left(context["triggers"], hi) > bisect.bisect_right(context["triggers"], lo):
        f["other_trigger_between"] = 1.0
    if context["rule_pick"] is d:
        f["rule_pick"] = 1.0
    if context["effective"](d):
        f["effective"] = 1.0
    published = str(doc.meta.get("published") or "")
    year = cand.value["value"][:4]
    if published[:4].isdigit() and year.isdigit():
        age = "same" if year == published[:4] else "earlier" if year < published[:4] else "later"
        f["year=" + age] = 1.0
        f[f"rel={max(-3, min(1, rel))}:year={age}"] = 1.0    # an earlier year stated with the act is its own
        if cand.value["value"][:len(published)] > published:
            f["after_published"] = 1.0
    if background:
        f["date:background"] = 1.0
    return f


def choose(model: LinearModel, doc: Document, si: int, trigger: tuple[int, int], cands: list[DateCandidate],
           context: dict[str, Any]) -> tuple[DateCandidate, list[tuple[DateCandidate, dict[str, float]]]]:
    """The best candidate, and every candidate with its features."""
    scored = [(c, features(doc, si, trigger, c, context)) for c in cands]
    best = max(scored, key=lambda cf: model.probability(cf[1]))[0]
    return best, scored
