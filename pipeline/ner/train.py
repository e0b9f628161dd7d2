"""Train an NER model from a TOML config (``configs/train/<lang>.toml``) and score it.

The config names the featurizer, the backend (``crf``, the default, or ``spacy``) and its
settings, the training sets, the tag -> entity type map of the model, and the evaluation sets
with their own gold tag -> entity type maps.
Data sets are named as in :data:`pipeline.eval.ner_sets.SETS` (``set`` + ``split``) or given
as ``format`` + ``path``.
"""
from __future__ import annotations

import json
import time
import tomllib
from pathlib import Path
from typing import Any, Callable, Iterable

from ..errors import ConfigError
from .features import Featurizer, featurizer
from .mention import META_FILE
from .model import MODEL_FILE, load_model
from ..eval.score import prf

CRF_DEFAULTS = {"c1": 0.1, "c2": 0.01, "max_iterations": 150, "min_freq": 1}


def load_config(path: str | Path) -> dict[str, Any]:
    """Read and check a training config; a problem is a :class:`ConfigError`."""
    try:
        with open(path, "rb") as fh:
            cfg = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    for key in ("lang", "featurizer", "output", "types", "train"):
        if key not in cfg:
            raise ConfigError(f"{path}: missing key {key!r}")
    if cfg.get("backend", "crf") not in ("crf", "spacy"):
        raise ConfigError(f"{path}: backend must be 'crf' or 'spacy'")
    unknown = set(cfg.get("crf", {})) - set(CRF_DEFAULTS)
    if unknown:
        raise ConfigError(f"{path}: unknown [crf] key {sorted(unknown)[0]!r}")
    return cfg


def unit_tags(record: dict[str, Any], units: list[tuple[int, int]]) -> list[str]:
    """BIO tags of ``units`` from the record's entity spans."""
    tags = ["O"] * len(units)
    for ent in record["entities"]:
        inside = [i for i, (s, e) in enumerate(units) if s >= ent["start"] and e <= ent["end"]]
        for n, i in enumerate(inside):
            tags[i] = ("B-" if n == 0 else "I-") + ent["type"]
    return tags


def records(sets: Iterable[dict[str, Any]], limit: int | None = None) -> list[dict[str, Any]]:
    """Gold sentences of data-set specs.

    A spec is ``{set, split}`` (a known public set) or ``{format, path}``, optionally cut by
    ``slice = [start, stop]`` (to hold out part of a training set).
    """
    from ..eval.ner_sets import FORMATS, read_set

    out: list[dict[str, Any]] = []
    for spec in sets:
        if "set" in spec:
            recs = list(read_set(spec["set"], spec["split"]))
        else:
            recs = list(FORMATS[spec["format"]](Path(spec["path"])))
        out.extend(recs[slice(*spec["slice"])] if "slice" in spec else recs)
    return out[:limit] if limit else out


def train(cfg: dict[str, Any], output: str | Path | None = None, limit: int | None = None,
          log: Callable[[str], None] = print) -> dict[str, Any]:
    """Train, write the model and ``meta.json`` into the output folder, return the meta."""
    out_dir = Path(output or cfg["output"])
    out_dir.mkdir(parents=True, exist_ok=True)
    feat = featurizer(cfg["featurizer"])
    t0 = time.time()
    train_set = records(cfg["train"], limit)
    backend = cfg.get("backend", "crf")
    meta = {"lang": cfg["lang"], "featurizer": cfg["featurizer"], "backend": backend,
            "types": cfg["types"], "train_sentences": len(train_set),
            "train_sets": [s.get("set", s.get("path")) for s in cfg["train"]]}
    if backend == "spacy":
        meta["spacy"] = _train_spacy(cfg, feat, train_set, out_dir, limit)
    else:
        meta["crf"] = _train_crf(cfg, feat, train_set, out_dir, log)
    meta["seconds"] = round(time.time() - t0)
    log(f"{backend}: {len(train_set)} sentences trained in {meta['seconds']}s")
    if cfg["featurizer"] == "en":             # the cluster table the featurizer reads at start
        from .features.en import write_clusters

        meta["clusters"] = write_clusters(out_dir / "clusters.json.gz")
    (out_dir / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    model = load_model(out_dir)
    meta["scores"] = {spec["name"]: evaluate(model, spec, limit) for spec in cfg.get("eval", [])}
    (out_dir / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return meta


def _train_crf(cfg: dict[str, Any], feat: Featurizer, train_set: list[dict[str, Any]],
               out_dir: Path, log: Callable[[str], None]) -> dict[str, Any]:
    import pycrfsuite

    crf = {**CRF_DEFAULTS, **cfg.get("crf", {})}
    trainer = pycrfsuite.Trainer(verbose=False)
    t0 = time.time()
    for rec in train_set:
        units = feat.units(rec["text"])
        if units:
            trainer.append(feat.features(rec["text"], units), unit_tags(rec, units))
    log(f"features: {len(train_set)} sentences in {time.time() - t0:.0f}s")
    trainer.set_params({"c1": crf["c1"], "c2": crf["c2"], "max_iterations": crf["max_iterations"],
                        "feature.minfreq": crf["min_freq"], "feature.possible_transitions": True})
    trainer.train(str(out_dir / MODEL_FILE))
    return crf


def _train_spacy(cfg: dict[str, Any], feat: Featurizer, train_set: list[dict[str, Any]],
                 out_dir: Path, limit: int | None) -> dict[str, Any]:
    """``spacy train`` with ``cfg["spacy"]["config"]``; the first eval set is its dev set."""
    from .spacy_backend import train_spacy, write_docbin

    settings = cfg["spacy"]
    write_docbin(train_set, feat.units, cfg["lang"], out_dir / "train.spacy")
    write_docbin(records(cfg["eval"][:1], limit), feat.units, cfg["lang"], out_dir / "dev.spacy")
    train_spacy(settings["config"], out_dir, out_dir / "train.spacy", out_dir / "dev.spacy",
                settings.get("max_steps", 20000))
    for name in ("train.spacy", "dev.spacy"):
        (out_dir / name).unlink()
    return settings


def evaluate(model: Any, spec: dict[str, Any], limit: int | None = None) -> dict[str, Any]:
    """Exact-span scores of ``model`` on one evaluation set.

    ``spec["types"]`` maps the set's gold tags to entity types (others are ignored);
    ``spec["collapse"]`` merges entity types on both sides (e.g. FIRM -> ORG for MSRA).
    """
    collapse = spec.get("collapse", {})
    keep = {collapse.get(t, t) for t in spec["types"].values()}
    gold, pred = [], []
    t0 = time.time()
    sents = records([spec], limit)
    for rec in sents:
        for e in rec["entities"]:
            if e["type"] in spec["types"]:
                t = spec["types"][e["type"]]
                gold.append((rec["id"], e["start"], e["end"], collapse.get(t, t)))
        for m in model.tag(rec["text"]):
            t = collapse.get(m.type, m.type)
            if t in keep:
                pred.append((rec["id"], m.start, m.end, t))
    scores = prf(gold, pred)
    scores["sentences_per_second"] = round(len(sents) / max(time.time() - t0, 1e-9), 1)
    return scores
