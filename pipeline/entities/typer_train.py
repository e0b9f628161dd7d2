"""Train the organisation typer (:mod:`.typing_model`) and measure it on held-out folds.

1. Every document of the gold sets (``sets``: the project's own, :mod:`pipeline.eval.gold`; never
   ``news:test``) and of the public sets (``[[public]]``: CLUENER2020 train...) is run through the
   pipeline up to the resolve stage, which records each organisation mention it types (with the
   rules alone, so that the model's features are the rules' answers).
2. A mention is labelled with the type of the gold entity it overlaps most. One whose gold is no
   organisation (a place, a person, a title, nothing) is labelled ``non_org_label`` (ORG: the
   type the rules give what says nothing, and the one that costs least where typing cannot be
   right), or left out when the config sets none: the model meets such mentions in use, and
   trained on organisations alone it types them FIRM far more often than the rules do.
3. A multinomial logistic regression (scikit-learn, L2) is fit on all of them. The documents of
   the sets named in ``folds_of`` are also split into ``folds`` folds by document: each fold is
   typed by a model fit on everything else, which gives the out-of-fold accuracy per language and
   gold type, next to the rules' on the same mentions, and the whole pipeline's out-of-fold entity
   scores on those documents (each typed by its fold's model), next to the rules'.

    newsfacts train --config configs/train/typer.toml
"""
from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..errors import ConfigError
from ..linear import SoftmaxModel
from ..types import Document, Entity
from .typer import ORG_TYPES, by_name
from .typing_model import OrgMention, OrgTyper, features

#: the order of the classes in the model (ties go to the first)
CLASSES = ("FIRM", "GOV", "ORG", "UNIVERSITY")
_RULES = OrgTyper(None)


@dataclass(frozen=True)
class Example:
    """One organisation mention the pipeline typed, with its gold type and training label."""

    set: str
    doc: str
    mention: OrgMention
    gold: str                    # the overlapping gold entity's type ("none" when there is none)
    label: str                   # what the model learns (the gold type, or non_org_label)
    weight: float = 1.0



def overlapping_gold(gold: Iterable[dict[str, Any]], start: int, end: int) -> dict[str, Any] | None:
    """The gold entity that overlaps ``start..end`` most (None when none does)."""
    best, most = None, 0
    for g in gold:
        overlap = min(g["end"], end) - max(g["start"], start)
        if overlap > most:
            best, most = g, overlap
    return best


def _documents(cfg: dict[str, Any], limit: int | None,
               log: Callable[[str], None]) -> Iterator[tuple[str, float, dict[str, Any]]]:
    """(set name, weight, gold record with newsfacts types) of every configured set."""
    from ..eval.ner_sets import read_set
    from ..eval.gold import read_gold

    for spec in cfg["sets"]:
        name, _, split = spec.partition(":")
        records, missing = read_gold(name, split or "all", Path(cfg.get("corpus", "corpus")))
        if missing:
            log(f"{spec}: {len(missing)} documents left out ({missing[0]})")
        for record in records[:limit] if limit else records:
            yield spec, 1.0, record
    for public in cfg.get("public", []):
        spec, types = f"{public['set']}:{public['split']}", public["types"]
        for n, doc in enumerate(read_set(public["set"], public["split"])):
            if limit and n >= limit:
                break
            entities = [{**e, "type": _public_type(e, types, public.get("split_university", False))}
                        for e in doc["entities"]]
            yield spec, float(public.get("weight", 1.0)), {**doc, "entities": entities}


def _public_type(entity: dict[str, Any], types: dict[str, str], split_university: bool) -> str:
    """A public set's tag as a newsfacts type; with ``split_university``, an ORG that is a
    university by its name (a set whose tags do not tell universities apart) is UNIVERSITY."""
    typ = types.get(entity["type"], f"other:{entity['type']}")
    return "UNIVERSITY" if split_university and typ == "ORG" and by_name(entity["text"]) == "UNIVERSITY" else typ


def _pipeline(cfg: dict[str, Any], until_resolve: bool) -> tuple[Any, Any]:
    """The configured pipeline (only up to its resolve stage, with the rules typing, when
    ``until_resolve``), set up, and the resolver of its resolve stage."""
    from ..config import load_config as load_pipeline_config
    from ..runner import load

    pipeline_cfg = load_pipeline_config(cfg.get("pipeline") or None,
                                        ["resolve.typer_model=none"] if until_resolve else [])
    stages = pipeline_cfg["pipeline"]["stages"]
    if until_resolve:
        pipeline_cfg["pipeline"]["stages"] = stages[:stages.index("resolve") + 1]
    nlp = load(pipeline_cfg)
    nlp.setup()
    return nlp, next(s for s in nlp.stages if s.name == "resolve").resolver


def prepare(cfg: dict[str, Any], limit: int | None = None, log: Callable[[str], None] = print
            ) -> tuple[list[Example], dict[tuple[str, str], dict[str, Any]]]:
    """The labelled mentions of the configured sets, and the gold records of the sets named in
    ``folds_of`` by (set, id)."""
    nlp, resolve = _pipeline(cfg, until_resolve=True)
    folds_of = set(cfg.get("folds_of", []))
    non_org = cfg.get("non_org_label")
    examples: list[Example] = []
    counts: Counter[str] = Counter()
    held: dict[tuple[str, str], dict[str, Any]] = {}
    for spec, weight, record in _documents(cfg, limit, log):
        if spec in folds_of:
            held[spec, record["id"]] = record
        resolve.collect = []
        nlp(Document(text=record["text"], id=record["id"], meta=dict(record.get("meta") or {})))
        collected: list[tuple[Entity, OrgMention]] = resolve.collect
        for entity, mention in collected:
            gold = overlapping_gold(record["entities"], entity.start, entity.end)
            typ = gold["type"] if gold else "none"
            target = typ if typ in ORG_TYPES else non_org
            if target is not None:
                examples.append(Example(spec, record["id"], mention, typ, target, weight))
        counts[spec] += 1
    resolve.collect = None
    for spec, n in counts.items():
        log(f"{spec}: {n} documents, {sum(1 for e in examples if e.set == spec)} organisation mentions")
    return examples, held


def fit(examples: list[Example], c: float) -> SoftmaxModel:
    """A multinomial logistic regression over the examples' features."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([features(e.mention) for e in examples])
    y = [e.label for e in examples]
    clf = LogisticRegression(C=c, max_iter=3000, fit_intercept=False)
    clf.fit(x, y, sample_weight=[e.weight for e in examples])
    names = vec.get_feature_names_out()
    learnt = [str(k) for k in clf.classes_]
    rows = clf.coef_ if len(learnt) > 2 else [0 * clf.coef_[0], clf.coef_[0]]   # two classes: one row, the second's
    weights = {k: {n: round(float(w), 4) for n, w in zip(names, row) if abs(w) >= 1e-3}
               for k, row in zip(learnt, rows)}
    return SoftmaxModel(tuple(k for k in CLASSES if k in weights), weights)


NOT_ORG = "(no organisation)"


def report(rows: list[tuple[Example, str]]) -> dict[str, Any]:
    """Over (example, predicted type) rows: the accuracy of the learned and the rule types on the
    mentions of gold organisations, per language and gold type, and both confusion matrices (gold
    type, or NOT_ORG, -> predicted type -> count)."""
    def accuracy(items: list[tuple[Example, str]], rules: bool) -> dict[str, Any]:
        right = sum(1 for e, p in items if (_RULES(e.mention) if rules else p) == e.gold)
        return {"n": len(items), "right": right, "accuracy": round(right / len(items), 4) if items else None}

    orgs = [(e, p) for e, p in rows if e.gold in ORG_TYPES]
    out: dict[str, Any] = {}
    for lang in sorted({e.mention.lang for e, _ in orgs}) + ["all"]:
        in_lang = [(e, p) for e, p in orgs if lang in ("all", e.mention.lang)]
        out[lang] = {"model": accuracy(in_lang, False), "rules": accuracy(in_lang, True),
                     "by_type": {t: {"model": accuracy(sub, False), "rules": accuracy(sub, True)}
                                 for t in CLASSES if (sub := [(e, p) for e, p in in_lang if e.gold == t])}}
    for name, rules in (("confusion_model", False), ("confusion_rules", True)):
        matrix: dict[str, Counter[str]] = {t: Counter() for t in (*CLASSES, NOT_ORG)}
        for e, p in rows:
            matrix[e.gold if e.gold in ORG_TYPES else NOT_ORG][_RULES(e.mention) if rules else p] += 1
        out[name] = {g: dict(sorted(c.items())) for g, c in matrix.items() if c}
    return out


def cross_validate(examples: list[Example], docs: list[tuple[str, str]], folds: int,
                   c: float) -> tuple[dict[str, Any], dict[int, SoftmaxModel]]:
    """Out-of-fold types of the examples of ``docs`` ((set, id) pairs; fold ``i % folds`` for
    the i-th), scored by :func:`report`, and the model of each fold (fit on everything else)."""
    fold_of = {d: i % folds for i, d in enumerate(docs)}
    rows: list[tuple[Example, str]] = []
    models: dict[int, SoftmaxModel] = {}
    for k in range(folds if docs else 0):
        held = [e for e in examples if fold_of.get((e.set, e.doc)) == k]
        models[k] = fit([e for e in examples if fold_of.get((e.set, e.doc)) != k], c)
        rows += [(e, models[k].best(features(e.mention))) for e in held]
    return report(rows), models


def entity_scores(cfg: dict[str, Any], docs: list[tuple[str, str]], records: dict[tuple[str, str], dict[str, Any]],
                  models: dict[int, SoftmaxModel | None]) -> dict[str, Any]:
    """The whole pipeline's entity scores (lenient F1, overall and per organisation type and
    language) on ``docs``, the i-th typed by ``models[i % len(models)]`` (None: the rules)."""
    from ..eval.score import score

    nlp, resolve = _pipeline(cfg, until_resolve=False)
    gold, predicted = [], []
    for i, key in enumerate(docs):
        resolve.typer = OrgTyper(models[i % len(models)])
        record = records[key]
        doc = nlp(Document(text=record["text"], id=record["id"], meta=dict(record.get("meta") or {})))
        gold.append(record)
        predicted.append(doc.to_dict())
    rep = score(gold, predicted).to_dict()

    def f1s(lenient: dict[str, Any]) -> dict[str, float]:
        keys = ("overall",) + tuple(t for t in CLASSES if t in lenient)
        return {k: round(lenient[k]["f1"], 4) for k in keys}

    return {"all": f1s(rep["entities"]["lenient"]),
            **{lang: f1s(t["lenient"]) for lang, t in sorted(rep["languages"].items())}}


def train(cfg: dict[str, Any], output: str | None = None, limit: int | None = None,
          log: Callable[[str], None] = print) -> dict[str, Any]:
    """Fit the typer on the configured sets, write ``typer.json`` and return its ``meta``."""
    started = time.time()
    examples, held = prepare(cfg, limit, log)
    if len({e.label for e in examples}) < 2:
        raise ConfigError("the training sets give fewer than two organisation types")
    c, folds = float(cfg.get("c", 1.0)), int(cfg.get("folds", 5))
    docs = sorted(held)
    typing, fold_models = cross_validate(examples, docs, folds, c)
    meta: dict[str, Any] = {
        "sets": list(cfg["sets"]) + [f"{p['set']}:{p['split']}" for p in cfg.get("public", [])],
        "c": c, "folds": folds,
        "mentions": dict(sorted(Counter(e.set for e in examples).items())),
        "non_org_label": cfg.get("non_org_label"),
        "gold_types": dict(sorted(Counter(e.gold for e in examples).items())),
        "labels": dict(sorted(Counter(e.label for e in examples).items())),
        "out_of_fold_typing": typing,
    }
    if docs:
        meta["out_of_fold_entities"] = {"model": entity_scores(cfg, docs, held, fold_models),
                                        "rules": entity_scores(cfg, docs, held, {0: None})}
    model = fit(examples, c)
    meta["seconds"] = round(time.time() - started, 1)
    out = Path(output or cfg["output"])
    out.mkdir(parents=True, exist_ok=True)
    (out / "typer.json").write_text(SoftmaxModel(model.classes, model.weights, meta).to_json() + "\n",
                                    encoding="utf-8")
    log(json.dumps(meta, ensure_ascii=False))
    return meta
