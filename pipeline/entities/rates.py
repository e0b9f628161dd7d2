"""Measured rates instead of hand constants: how often a name a hand rule built is right.

A span that a rule of the entity layer builds from other candidates (``source="rule"``, its id in
``rule``) gets as its score the rule's precision on the gold sets: the share of the spans it
built there whose offsets and type a gold entity has. ``newsfacts train --config
configs/train/rates.toml`` measures them into ``models/rules/rates.json``; a rule not measured
(it built nothing there) leaves its spans without a score.
"""
from __future__ import annotations

import json
import time
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from ..resources import shipped

RATES_FILE = "models/rules/rates.json"


@lru_cache(maxsize=1)
def _rates() -> dict[str, dict[str, Any]]:
    path = shipped(RATES_FILE)
    return json.loads(path.read_text(encoding="utf-8"))["rules"] if path.exists() else {}


def precision(rule_id: str) -> float | None:
    """The measured precision of the spans ``rule_id`` builds, or None when not measured."""
    rate = _rates().get(rule_id)
    return None if rate is None else rate["precision"]


def count(gold: Iterable[dict[str, Any]], records: Iterable[dict[str, Any]]) -> dict[str, Counter]:
    """Per rule id: how many spans it built in ``records`` (``built``) and how many of them a gold
    entity of the same record has with the same offsets and type (``right``)."""
    out: dict[str, Counter] = {}
    for g, r in zip(gold, records):
        truth = {(e["start"], e["end"], e["type"]) for e in g.get("entities", [])}
        for e in r.get("entities", []):
            if e.get("rule"):
                c = out.setdefault(e["rule"], Counter())
                c["built"] += 1
                c["right"] += (e["start"], e["end"], e["type"]) in truth
    return out


def train(cfg: dict[str, Any], output: str | None = None) -> dict[str, Any]:
    """Measure every rule's precision on ``cfg["sets"]`` with the default pipeline; write the
    rates (and the counts they come from) to ``output`` or ``cfg["output"]``."""
    from ..config import load_config
    from ..eval.accuracy import predict
    from ..eval.gold import read_gold

    started = time.time()
    config = load_config(cfg.get("config"))
    totals: dict[str, Counter] = {}
    for spec in cfg["sets"]:
        name, _, split = spec.partition(":")
        gold, _ = read_gold(name, split or "all")
        records, _ = predict([{"id": g["id"], "text": g["text"], **g.get("meta", {})} for g in gold], config, 1)
        for rule_id, c in count(gold, records).items():
            totals.setdefault(rule_id, Counter()).update(c)
    rules = {rule_id: {"precision": round(c["right"] / c["built"], 3), "built": c["built"], "right": c["right"]}
             for rule_id, c in sorted(totals.items())}
    result = {"sets": cfg["sets"], "match": "offsets and type", "rules": rules,
              "seconds": round(time.time() - started, 1)}
    out = Path(output or cfg["output"])
    out.mkdir(parents=True, exist_ok=True)
    (out / "rates.json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return result
