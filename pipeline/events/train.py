"""Train the events stage's learned decisions from gold events, and measure them on held-out folds.

1. Every gold document is run through the pipeline up to the events stage.
2. Targets (:mod:`.roles`): the extractor, with ``collect`` on, records each trigger's candidates
   and their features; a candidate is a positive when its span lies on a mention of a gold chain
   that a gold event with the trigger's action targets (:func:`role_label`).
3. Dates (:mod:`.dates`): with the role model chosen, each act's candidate dates are recorded; a
   candidate is right when its month is the month of a gold event with the act's action that has
   one of the act's targets (acts whose targets no gold event has are left out).
4. Confidence (:mod:`.confidence`): with both models chosen, each merged event is right when one
   of its (target, action, list) tuples is a gold one.
5. Each is a logistic regression (scikit-learn, L2) fit on all pairs. The documents of the sets
   named in ``folds_of`` are also split into ``folds`` folds: each fold is processed with the
   models fit on everything else, which gives the role threshold (the F1-best one over those
   out-of-fold decisions), the confidence threshold (the one that gives those documents the best
   event F1) and the honest event scores of those sets (pipeline.eval.score).

    newsfacts train --config configs/train/events.toml
"""
from __future__ import annotations

import copy
import json
import time
from pathlib import Path
from typing import Any, Callable, Iterable

from ..eval import events as gold_events
from ..types import Document
from .linear import LinearModel

Pair = tuple[dict[str, float], int]



def _chain_at(chains: dict[str, list[tuple[int, int]]], start: int, end: int) -> str | None:
    best, most = None, 0
    for key, spans in chains.items():
        for s, e in spans:
            overlap = min(e, end) - max(s, start)
            if overlap > most:
                best, most = key, overlap
    return best


def _targets_by_action(gold: dict[str, Any]) -> dict[str, dict[str, set[str | None]]]:
    """action -> chain key -> the months of the gold events with that action that target it."""
    _, chain_of = gold_events.gold_chains(gold)
    out: dict[str, dict[str, set[str | None]]] = {}
    for i, ev in enumerate(gold.get("events") or []):
        month = gold_events._month(ev.get("date"))
        for j, t in enumerate(ev.get("targets") or []):
            key = gold_events.span_target_key(gold, i, j) if isinstance(t, list) else chain_of.get(str(t), str(t))
            out.setdefault(ev.get("action"), {}).setdefault(key, set()).add(month)
    return out


def role_label(gold: dict[str, Any], action: str, start: int, end: int) -> int:
    """1 when ``start..end`` lies on a mention of a chain that a gold event with ``action`` targets."""
    chains, _ = gold_events.gold_chains(gold)
    return int(_chain_at(chains, start, end) in _targets_by_action(gold).get(action, {}))


def date_labels(gold: dict[str, Any], action: str, targets: list[tuple[int, int]]) -> set[str | None] | None:
    """The months a gold event with ``action`` and one of ``targets`` has; None when none has."""
    chains, _ = gold_events.gold_chains(gold)
    months = _targets_by_action(gold).get(action, {})
    found = [months[key] for s, e in targets if (key := _chain_at(chains, s, e)) in months]
    return set().union(*found) if found else None


def prepare(cfg: dict[str, Any], log: Callable[[str], None] = print) -> list[dict[str, Any]]:
    """Gold documents of the config's sets, each processed up to the events stage."""
    from ..config import load_config as load_pipeline_config
    from ..eval.gold import read_gold
    from ..runner import load

    pipeline_cfg = load_pipeline_config(cfg.get("pipeline") or None)
    pipeline_cfg["pipeline"]["stages"] = [s for s in pipeline_cfg["pipeline"]["stages"] if s != "events"]
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


def collect(item: dict[str, Any], factory: Callable[..., Any], roles: LinearModel | None) -> tuple[list[Pair], list]:
    """Role pairs and date option groups of one prepared document (run with ``roles``)."""
    records: list[dict[str, Any]] = []
    factory(roles, None, records)(copy.deepcopy(item["doc"]))
    gold = item["gold"]
    role_pairs = [(f, role_label(gold, r["action"], s, e)) for r in records if r["kind"] == "role"
                  for s, e, f in r["pairs"]]
    groups = []
    for r in records:
        if r["kind"] != "date":
            continue
        months = date_labels(gold, r["action"], r["targets"])
        if months is not None:
            groups.append([(f, int(gold_events._month(value) in months)) for value, f in r["options"]])
    return role_pairs, groups


def _fit(samples: list[Pair], c: float) -> dict[str, float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([f for f, _ in samples])
    y = [label for _, label in samples]
    if len(set(y)) < 2:
        return {}
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


def _fit_models(items: list[dict[str, Any]], factory: Callable[..., Any], c: float,
                threshold: float = 0.5) -> tuple[LinearModel, LinearModel]:
    """A role model fit on the items' role pairs, then a date model fit on the acts that model
    finds in them."""
    roles = LinearModel(_fit([p for d in items for p in d["role_pairs"]], c), threshold)
    groups = [g for d in items for g in collect(d, factory, roles)[1]]
    return roles, LinearModel(_fit([p for g in groups for p in g], c))


def event_pairs(item: dict[str, Any], factory: Callable[..., Any], roles: LinearModel,
                dates: LinearModel) -> tuple[list[tuple[dict[str, float], int, bool]], dict[str, Any]]:
    """Each event of one document (run with ``roles`` and ``dates``) with whether it is right and
    whether it is a listing derived from a ban, and the document's record with every event (for
    choosing the threshold)."""
    records: list[dict[str, Any]] = []
    doc = copy.deepcopy(item["doc"])
    doc.events = factory(roles, dates, records)(doc)
    found = next(r for r in records if r["kind"] == "events")
    record = doc.to_dict()
    gold = gold_events.without_month(gold_events.gold_tuples(item["gold"]))
    out = []
    for f, derived, event in zip(found["features"], found["derived"], record["events"]):
        one = gold_events.without_month(gold_events.predicted_tuples(item["gold"], {**record, "events": [event]},
                                                                     doc.text))
        out.append((f, int(bool(one & gold)), derived))
    return out, record


def _learnt(docs: Iterable[dict[str, Any]]) -> list[Pair]:
    """The confidence model's samples: the documents' events, without the listings derived
    from bans (scored as their ban, :func:`pipeline.events.merge.listings_of_bans`)."""
    return [(f, y) for d in docs for f, y, derived in d["event_pairs"] if not derived]


def _confidence_threshold(rows: list[tuple[dict, dict, list[float]]]) -> float:
    """The threshold that gives the documents ``(gold, record, event scores)`` the best event F1,
    the mean of the F1 of (target, action, list, month) tuples and of those without the month (the
    first alone is flat over a wide range of thresholds, and its best jumps between trainings)."""
    from ..eval.score import score

    best = (0.0, -1.0)
    for t in [i / 100 for i in range(0, 81, 4)]:
        kept = [{**rec, "events": [e for e, p in zip(rec["events"], ps) if p >= t]} for _, rec, ps in rows]
        report = score([g for g, _, _ in rows], kept).to_dict()["events"]
        f1 = (report["with_date"]["f1"] + report["without_date"]["f1"]) / 2
        if f1 > best[1]:
            best = (t, f1)
    return best[0]


def train(cfg: dict[str, Any], output: str | None = None, log: Callable[[str], None] = print) -> dict[str, Any]:
    from ..eval.score import score
    from . import EventExtractor, load_catalogue

    started = time.time()
    catalogue = load_catalogue()

    def factory(roles: LinearModel | None, dates: LinearModel | None, records: list | None = None) -> Any:
        return EventExtractor(catalogue, role_model=roles, date_model=dates, collect=records, discover=False)

    docs = prepare(cfg, log)
    for item in docs:
        item["role_pairs"], _ = collect(item, factory, None)
    c = float(cfg.get("c", 1.0))
    folds, fold_sets = int(cfg.get("folds", 5)), set(cfg.get("folds_of", []))
    held = [d for d in docs if d["set"] in fold_sets]
    for i, item in enumerate(held):
        item["fold"] = i % folds
    scored: list[tuple[float, int]] = []
    fold_models = {}
    for k in range(folds if held else 0):
        rest = [d for d in docs if d.get("fold") != k]
        fold_models[k] = _fit_models(rest, factory, c)
        scored += [(fold_models[k][0].probability(f), y) for d in held if d["fold"] == k for f, y in d["role_pairs"]]
    threshold, pair_f1 = _best_threshold(scored) if scored else (0.5, 0.0)
    for item in held:                     # each held document's events, by its fold's models
        roles, dates = fold_models[item["fold"]]
        item["event_pairs"], item["record"] = event_pairs(item, factory, LinearModel(roles.weights, threshold), dates)
    roles, dates = _fit_models(docs, factory, c, threshold)
    for item in (d for d in docs if d.get("fold") is None):
        item["event_pairs"], _ = event_pairs(item, factory, roles, dates)
    scored_rows = []
    for k in range(folds if held else 0):   # confidence out of fold: fit without fold k's events
        confidence = LinearModel(_fit(_learnt(d for d in docs if d.get("fold") != k), c))
        scored_rows += [(d["gold"], d["record"], [confidence.probability(f) for f, *_ in d["event_pairs"]])
                        for d in held if d["fold"] == k]
    event_threshold = _confidence_threshold(scored_rows) if scored_rows else 0.0
    rows: dict[str, list[tuple[dict, dict]]] = {}
    for item, (gold, record, ps) in zip([d for k in range(folds) for d in held if d["fold"] == k], scored_rows):
        kept = {**record, "events": [e for e, p in zip(record["events"], ps) if p >= event_threshold]}
        rows.setdefault(item["set"], []).append((gold, kept))
    cross = {name: score([g for g, _ in r], [p for _, p in r]).to_dict() for name, r in rows.items()}
    confidence = LinearModel(_fit(_learnt(docs), c), event_threshold)
    meta = {"sets": cfg["sets"], "role_pairs": sum(len(d["role_pairs"]) for d in docs),
            "role_positives": sum(y for d in docs for _, y in d["role_pairs"]), "c": c, "folds": folds,
            "out_of_fold_role_pair_f1": round(pair_f1, 4),
            "out_of_fold_events": {name: {k: round(v["f1"], 4) for k, v in rep["events"].items()}
                                   for name, rep in cross.items()},
            "out_of_fold_events_by_language": {name: {lang: {k: round(v["f1"], 4) for k, v in t.items()}
                                                      for lang, t in rep["events_by_language"].items()}
                                               for name, rep in cross.items()},
            "seconds": round(time.time() - started, 1)}
    out = Path(output or cfg["output"])
    out.mkdir(parents=True, exist_ok=True)
    (out / "roles.json").write_text(LinearModel(roles.weights, threshold, meta).to_json() + "\n", encoding="utf-8")
    (out / "dates.json").write_text(LinearModel(dates.weights, 0.5, {"sets": cfg["sets"], "c": c}).to_json() + "\n",
                                    encoding="utf-8")
    # texts shorter than any it learnt from (a headline, one sentence) are outside what it knows
    shortest = min((len(d["doc"].sentences) for d in docs if d["gold"].get("events")), default=0)
    (out / "confidence.json").write_text(LinearModel(confidence.weights, confidence.threshold,
                                                     {"sets": cfg["sets"], "c": c, "min_sentences": shortest}
                                                     ).to_json() + "\n", encoding="utf-8")
    log(json.dumps(meta, ensure_ascii=False))
    return meta
