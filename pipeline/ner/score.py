"""Exact-match scoring of entity spans: precision, recall and F1 per type and overall."""
from __future__ import annotations

from collections import Counter
from typing import Iterable

Mention = tuple[str, int, int, str]   # (sentence id, start, end, type)


def prf(gold: Iterable[Mention], pred: Iterable[Mention]) -> dict[str, dict[str, float]]:
    """Scores of ``pred`` against ``gold``: a mention counts when span and type are equal.

    Returns ``{"ALL": {...}, TYPE: {...}}`` with ``p``, ``r``, ``f``, ``gold``, ``pred``, ``tp``.
    """
    gold, pred = set(gold), set(pred)
    tp = gold & pred
    counts = {name: Counter(m[3] for m in group) for name, group in
              (("gold", gold), ("pred", pred), ("tp", tp))}
    types = sorted(set(counts["gold"]) | set(counts["pred"]))
    out = {"ALL": _row(len(gold), len(pred), len(tp))}
    for t in types:
        out[t] = _row(counts["gold"][t], counts["pred"][t], counts["tp"][t])
    return out


def _row(g: int, p: int, tp: int) -> dict[str, float]:
    prec = tp / p if p else 0.0
    rec = tp / g if g else 0.0
    f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"p": round(prec, 4), "r": round(rec, 4), "f": round(f, 4), "gold": g, "pred": p, "tp": tp}
