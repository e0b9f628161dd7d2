"""Train the role model (:mod:`.roles`) from gold events, and measure it on held-out folds.

1. Every gold document is run through the pipeline up to the events stage; the extractor, with
   ``collect`` on, records each trigger's candidates and their features.
2. A candidate is a positive when its span lies on a mention of a gold chain that is a target of
   a gold event with the trigger's action (:func:`label`).
3. A logistic regression (scikit-learn, L2) is fit on all pairs. Before that, the documents of
   the sets named in ``folds_of`` are split into ``folds`` folds by document: each fold is
   predicted by a model fit on everything else, and the threshold that maximises F1 of those
   out-of-fold decisions is the model's threshold. The event scores of the folds (the pipeline
   with the fold's model, scored by :mod:`pipeline.eval.score`) are the honest figures for
   those sets; the other sets are training data only.

    newsfacts train --config configs/train/roles.toml
"""
from __future__ import annotations

import copy
import json
import time
import tomllib
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..eval import events as gold_events
from ..types import Document
from .roles import RoleModel


def load_config(path: str | Path) -> dict[str, Any]:
    with open(path, "rb") as fh:
        cfg = tomllib.load(fh)
    for key in ("sets", "output"):
        if key not in cfg:
            raise ConfigError(f"{path}: missing key {key!r}")
    return cfg


def label(gold: dict[str, Any], action: str, start: int, end: int) -> int:
    """1 when ``start..end`` lies on a mention of a chain that a gold event with ``action`` targets."""
    chains, chain_of = gold_events.gold_chains(gold)
    targets = set()
    for i, ev in enumerate(gold.get("events") or []):
        if ev.get("action") != action:
            continue
        for j, t in enumerate(ev.get("targets") or []):
            targets.add(f"spans:{i}:{j}" if isinstance(t, list) else chain_of.get(str(t), str(t)))
    best, most = None, 0
    for key, spans in chains.items():
        for s, e in spans:
            overlap = min(e, end) - max(s, start)
            if overlap > most:
                best, most = key, overlap
    return int(best in targets)


def prepare(cfg: dict[str, Any], log: Any = print) -> list[dict[str, Any]]:
    """Gold documents of the config's sets, each processed up to the events stage."""
    from ..config import load_config as load_pipeline_config
    from ..eval.gold import read_gold
    from ..runner import load

    pipeline_cfg = load_pipeline_config(cfg.get("pipeline") or None)
    stages = [s for s in pipeline_cfg["pipeline"]["stages"] if s != "events"]
    pipeline_cfg["pipeline"]["stages"] = stages
    nlp = load(pipeline_cfg)
    docs = []
    for spec in cfg["sets"]:
        name, _, split = spec.partition(":")
        records, missing = read_gold(name, split or "all", Path(cfg.get("corpus", "corpus")))
        if missing:
            log(f"{spec}: {len(missing)} documents left out ({missing[0]})")
        for record in records:
            doc = nlp(Document(text=record["text"], id=record["id"], meta=dict(record.get("meta") or {})))
            docs.append({"set": spec, "gold": record, "doc": doc})
        log(f"{spec}: {len(records)} documents")
    return docs


def pairs(item: dict[str, Any], extractor_factory: Any) -> list[tuple[dict[str, float], int]]:
    """(features, label) of every trigger-candidate pair of one prepared document."""
    collect: list[dict[str, Any]] = []
    extractor = extractor_factory(None, collect)
    extractor(copy.deepcopy(item["doc"]))
    out = []
    for frame in collect:
        for start, end, feats in frame["pairs"]:
            out.append((feats, label(item["gold"], frame["action"], start, end)))
    return out


def _fit(samples: list[tuple[dict[str, float], int]], c: float) -> dict[str, float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([f for f, _ in samples])
    y = [lab for _, lab in samples]
    clf = LogisticRegression(C=c, max_iter=2000, fit_intercept=False)
    clf.fit(x, y)
    return {name: round(float(w), 6) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) > 1e-9}


def _best_threshold(scored: list[tuple[float, int]]) -> tuple[float, float]:
    best = (0.5, 0.0)
    for t in [i / 100 for i in range(10, 91, 2)]:
        tp = sum(1 for p, y in scored if p >= t and y)
        fp = sum(1 for p, y in scored if p >= t and not y)
        fn = sum(1 for p, y in scored if p < t and y)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best[1]:
            best = (t, f1)
    return best


def train(cfg: dict[str, Any], output: str | None = None, log: Any = print) -> dict[str, Any]:
    from ..eval.score import score
    from . import EventExtractor, load_catalogue

    started = time.time()
    catalogue = load_catalogue()

    def factory(model: RoleModel | None, collect: list | None) -> EventExtractor:
        return EventExtractor(catalogue, role_model=model, collect=collect)

    docs = prepare(cfg, log)
    for item in docs:
        item["pairs"] = pairs(item, factory)
    c = float(cfg.get("c", 1.0))
    folds, fold_sets = int(cfg.get("folds", 5)), set(cfg.get("folds_of", []))
    held = [d for d in docs if d["set"] in fold_sets]
    for i, item in enumerate(held):
        item["fold"] = i % folds
    scored: list[tuple[float, int]] = []
    fold_records: dict[str, list[tuple[dict, dict]]] = {}
    for k in range(folds if held else 0):
        train_pairs = [p for d in docs if d.get("fold") != k for p in d["pairs"]]
        model = RoleModel(_fit(train_pairs, c))
        for item in (d for d in held if d["fold"] == k):
            scored += [(model.probability(f), y) for f, y in item["pairs"]]
            item["fold_model"] = model
    threshold, pair_f1 = _best_threshold(scored) if scored else (0.5, 0.0)
    for item in held:
        fold_model = RoleModel(item.pop("fold_model").weights, threshold)
        doc = copy.deepcopy(item["doc"])
        doc.events = [e for e in factory(fold_model, None)(doc)]
        fold_records.setdefault(item["set"], []).append((item["gold"], doc.to_dict()))
    cross = {name: score([g for g, _ in rows], [p for _, p in rows]).to_dict()["events"]
             for name, rows in fold_records.items()}
    weights = _fit([p for d in docs for p in d["pairs"]], c)
    meta = {"sets": cfg["sets"], "pairs": sum(len(d["pairs"]) for d in docs),
            "positives": sum(y for d in docs for _, y in d["pairs"]), "c": c, "folds": folds,
            "out_of_fold_pair_f1": round(pair_f1, 4),
            "out_of_fold_events": {name: {k: round(v["f1"], 4) for k, v in ev.items()} for name, ev in cross.items()},
            "seconds": round(time.time() - started, 1)}
    model = RoleModel(weights, threshold, meta)
    out = Path(output or cfg["output"])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(model.to_json() + "\n", encoding="utf-8")
    log(json.dumps(meta, ensure_ascii=False))
    return meta
