"""Sanction events and links, scored against gold chains (used by :mod:`pipeline.eval.score`).

A gold *chain* is every mention of one party: gold entities share a ``chain`` key (the news set),
or a ``same_as`` id (the held-out set), or an event target is given as a list of spans (the
official-notice set). Events are compared as sets of (target, action, list id, month) tuples per
document, with and without the month; an event without targets gives one tuple with target None.

A predicted target is the gold chain with its canonical id (where the gold gives ids), else the
chain whose mention it overlaps, else the chain of another
predicted mention with the same canonical id that overlaps one, else the chain whose mention has
the same normalised name (or ends with it, four characters or more: 美国通用原子航空系统公司 ~
通用原子航空系统公司); otherwise it is a target the gold does not have.

Links: every mention of a gold chain with ``ref`` names (the targets and authorities of the news
set) is right when the predicted entity overlapping it carries one of those names: its canonical
name, its names per language, or any alias the knowledge base has for its canonical id.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any, Callable, Iterable

from ..entities.typer import strip_legal_form

Tuple = tuple[Any, str, Any, Any]
Spans = list[tuple[int, int]]


def normalise_name(text: str) -> str:
    """A name compared across records: NFKC, case-folded, without spaces and punctuation."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def _month(date: Any) -> str | None:
    """The month a date falls in (``YYYY-MM``); an ISO week's month is its Thursday's; a year,
    half or quarter stays as it is (it names no month)."""
    value = date.get("value") if isinstance(date, dict) else date
    if not value:
        return None
    value = str(value)
    week = re.fullmatch(r"(\d{4})-W(\d{2})", value)
    if week:
        thursday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 4)
        return thursday.isoformat()[:7]
    return value[:7]


def _list_id(value: Any) -> str | None:
    return value.get("id") if isinstance(value, dict) else value


def gold_chains(gold: dict[str, Any]) -> tuple[dict[str, Spans], dict[str, str]]:
    """Chain key -> mention spans, and entity id -> chain key."""
    entities = gold.get("entities") or []
    by_id = {e.get("id"): e for e in entities}
    chain_of: dict[str, str] = {}
    for e in entities:
        key = e.get("chain")
        if key is None:
            root = e
            while root.get("same_as") and root["same_as"] in by_id and root["same_as"] != root.get("id"):
                root = by_id[root["same_as"]]
            key = str(root.get("id"))
        chain_of[str(e.get("id"))] = str(key)
    chains: dict[str, Spans] = {}
    for e in entities:
        chains.setdefault(chain_of[str(e.get("id"))], []).append((e["start"], e["end"]))
    for key, spans in _span_targets(gold).items():
        chains.setdefault(key, spans)
    return chains, chain_of


def _span_targets(gold: dict[str, Any]) -> dict[str, Spans]:
    """Targets given by their mentions' spans, one key per party: targets of different events
    whose mentions overlap (the same firm listed and banned) share the first one's key."""
    out: dict[str, Spans] = {}
    for i, ev in enumerate(gold.get("events") or []):
        for j, target in enumerate(ev.get("targets") or []):
            if not isinstance(target, list):
                continue
            spans = [(int(s), int(e)) for s, e in target]
            key = next((k for k, known in out.items()
                        if any(a < d and c < b for a, b in spans for c, d in known)), f"spans:{i}:{j}")
            out.setdefault(key, [])
            out[key] += [sp for sp in spans if sp not in out[key]]
    return out


def span_target_key(gold: dict[str, Any], i: int, j: int) -> str:
    """The chain key of target ``j`` of event ``i`` when it is given by spans."""
    spans = {(int(s), int(e)) for s, e in gold["events"][i]["targets"][j]}
    return next(k for k, known in _span_targets(gold).items() if spans & set(known))


def _gold_key(gold: dict[str, Any], target: Any, i: int, j: int, chain_of: dict[str, str]) -> str:
    if isinstance(target, list):
        return span_target_key(gold, i, j)
    return chain_of.get(str(target), str(target))


def gold_tuples(gold: dict[str, Any]) -> set[Tuple]:
    _, chain_of = gold_chains(gold)
    out: set[Tuple] = set()
    for i, ev in enumerate(gold.get("events") or []):
        keys = [_gold_key(gold, t, i, j, chain_of) for j, t in enumerate(ev.get("targets") or [])] or [None]
        out.update((k, str(ev.get("action")), _list_id(ev.get("list")), _month(ev.get("date"))) for k in keys)
    return out


class TargetMatcher:
    """Maps predicted entities onto gold chains (see the module docstring)."""

    def __init__(self, gold: dict[str, Any], text: str) -> None:
        self.chains, chain_of = gold_chains(gold)
        self.names: dict[str, str] = {}
        for key, spans in self.chains.items():
            for s, e in spans:
                self.names.setdefault(normalise_name(text[s:e]), key)
        self.canonical = {str(e["canonical"]["id"]): chain_of[str(e.get("id"))]
                          for e in gold.get("entities") or [] if (e.get("canonical") or {}).get("id")}

    def by_span(self, start: int, end: int) -> str | None:
        """The chain with the mention that overlaps ``start..end`` the most."""
        best, most = None, 0
        for key, spans in self.chains.items():
            for s, e in spans:
                overlap = min(e, end) - max(s, start)
                if overlap > most:
                    best, most = key, overlap
        return best

    def by_name(self, surface: str) -> str | None:
        norm = normalise_name(surface)
        if norm in self.names:
            return self.names[norm]
        for name, key in self.names.items():
            short, long_ = sorted((name, norm), key=len)
            if len(short) >= 4 and long_.endswith(short):
                return key
        return None


def predicted_tuples(gold: dict[str, Any], pred: dict[str, Any], text: str) -> set[Tuple]:
    matcher = TargetMatcher(gold, text)
    entities = {e.get("id"): e for e in pred.get("entities") or []}
    by_canonical: dict[str, str] = {}
    for e in entities.values():
        cid = (e.get("canonical") or {}).get("id")
        key = matcher.by_span(e["start"], e["end"])
        if cid and key:
            by_canonical.setdefault(cid, key)
    out: set[Tuple] = set()
    for ev in pred.get("events") or []:
        keys: list[Any] = []
        for tid in ev.get("targets") or []:
            e = entities.get(tid)
            if e is None:
                continue
            cid = (e.get("canonical") or {}).get("id")
            keys.append(matcher.canonical.get(cid or "") or matcher.by_span(e["start"], e["end"])
                        or by_canonical.get(cid or "")
                        or matcher.by_name(e.get("text", "")) or "?" + (cid or normalise_name(e.get("text", ""))))
        out.update((k, str(ev.get("action")), _list_id(ev.get("list")), _month(ev.get("date")))
                   for k in keys or [None])
    return out


def without_month(tuples: Iterable[Tuple]) -> set[Tuple]:
    return {t[:3] + (None,) for t in tuples}


def _ref_key(name: str) -> str:
    return normalise_name(strip_legal_form(name))


def links(gold: dict[str, Any], pred: dict[str, Any],
          aliases: Callable[[str], Iterable[str]] | None = None) -> tuple[int, int]:
    """(right, total) over the mentions of gold chains that have ``ref`` names."""
    refs = {key: {_ref_key(r) for r in chain.get("ref", [])} for key, chain in (gold.get("chains") or {}).items()}
    if not refs:
        return 0, 0
    _, chain_of = gold_chains(gold)
    predicted = pred.get("entities") or []
    right = total = 0
    for e in gold.get("entities") or []:
        key = chain_of.get(str(e.get("id")))
        if key not in refs:
            continue
        total += 1
        found = max((p for p in predicted if p["start"] < e["end"] and e["start"] < p["end"]),
                    key=lambda p: min(p["end"], e["end"]) - max(p["start"], e["start"]), default=None)
        canonical = (found or {}).get("canonical") or {}
        names = [canonical.get("name") or "", *(canonical.get("names") or {}).values()]
        if aliases is not None and canonical.get("id"):
            names += list(aliases(canonical["id"]))
        right += bool(refs[key] & {_ref_key(n) for n in names if n})
    return right, total
