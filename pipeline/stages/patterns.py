"""The ``patterns`` stage: money, dates, percentages and counts found by per-language grammars.

Each sentence is searched with its language pack's grammar (``pipeline.lang.<code>.patterns``);
the Latin-script forms ($1.2 billion, 45%, 2019-10-09) are searched in every sentence. Relative
dates are resolved against ``doc.meta["published"]``, else ``run.published``; with neither they
get no norm.

Norms (``source="rule"``; ``score`` below 1 marks a guess: a bare day, 4成, an amount with no
currency word):

- MONEY ``{"value", "currency"}`` (ISO 4217); a range ``{"min", "max", "currency"}``;
  ``"approx": true`` for 약/约/近/about/1000多万; a vague amount (수십억 달러) has no value.
- DATE ``{"value", "precision"}`` (day/month/year/half/quarter/week, see ``pipeline.lang.dates``);
  a range ``{"start", "end", "precision"}``; 이날/当天 count from the latest past dated event.
- PERCENT ``{"value"}`` in percent points (4成 -> 40), or ``{"min", "max"}``.
- QUANTITY ``{"value", "unit"}``: 44개 기관 -> 44 기관, 33家实体 -> 33 实体.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from .. import lang
from ..lang import dates, rules
from ..lang.en.patterns import RANGE_SEP, SYMBOL_RULES
from ..types import Document, Entity
from .base import Stage

TYPES = ("MONEY", "DATE", "PERCENT", "QUANTITY")
PatternType = Literal["MONEY", "DATE", "PERCENT", "QUANTITY"]


@dataclass(frozen=True)
class PatternsConfig:
    types: list[PatternType] = field(default_factory=lambda: list(TYPES))   # which types to emit


class PatternsStage(Stage):
    """Rule-based MONEY / DATE / PERCENT / QUANTITY entities with normalised values."""

    requires = frozenset({"lang", "sentences"})
    provides = frozenset({"entities", "entities.norm"})
    Config = PatternsConfig

    def setup(self) -> None:
        self._types = frozenset(self.config.types)
        self._default_anchor = dates.parse_anchor(getattr(self.shared.run, "published", ""))

    def process(self, doc: Document) -> None:
        anchor = dates.parse_anchor(doc.meta.get("published")) or self._default_anchor
        # a page that gives only its month anchors what the month fixes, no day (conventions D14)
        month_only = anchor is None and (anchor := dates.parse_month_anchor(doc.meta.get("published"))) is not None
        taken = [(e.start, e.end) for e in doc.entities if e.type in TYPES]
        last_day = dates.of_date(anchor) if anchor and not month_only else None   # what 이날 / 当天 counts from
        for sent in doc.sentences:
            text = doc.text[sent.start:sent.end]
            pack = lang.get(sent.lang)
            ctx = rules.Context(anchor, sent.lang)
            found = rules.select(rules.run(pack.patterns if pack else SYMBOL_RULES, text, ctx))
            previous: rules.Match | None = None     # the last DATE of this sentence
            for m in rules.merge_ranges(text, found, pack.range_sep if pack else RANGE_SEP):
                start, end = sent.start + m.start, sent.start + m.end
                if m.type == "DATE":
                    if month_only and m.norm and m.norm.get("precision") in ("day", "week") \
                            and not dates.NAMES_MONTH.search(text, m.start, m.end):
                        m.norm = None              # 本周一, yesterday, 15일: the page fixes no day
                    if previous is not None and dates.COORDINATION.fullmatch(text, previous.end, m.start):
                        m.norm = dates.inherit(previous.norm, text[m.start:m.end]) or m.norm
                    previous = m
                    offset = dates.CONTEXT_DAYS.get(text[m.start:m.end])
                    if m.norm is None and offset is not None and last_day:
                        m.norm = dates.of_date(dt.date.fromisoformat(last_day["value"])
                                               + dt.timedelta(days=offset))
                    elif (m.norm and m.norm.get("precision") == "day" and "value" in m.norm
                          and (anchor is None or m.norm["value"] <= anchor.isoformat())):
                        last_day = m.norm          # a past event; a planned one is not "that day"
                if m.type not in self._types or any(s < end and start < e for s, e in taken):
                    continue
                doc.add_entity(Entity(id="", text=doc.text[start:end], type=m.type, start=start,
                                      end=end, source="rule", score=m.score, norm=m.norm))
