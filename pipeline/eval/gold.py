"""The project's own gold sets, read as gold records with their texts (for :mod:`.score`).

=========  ======================================  ==============================================
set        file                                    texts
=========  ======================================  ==============================================
samples    corpus/gold/samples.gold.jsonl          in the file (articles written for the project)
heldout    corpus/gold/heldout-real.gold.jsonl     rebuilt from the shared data (:mod:`.sources`)
notices    corpus/gold/real-events.gold.jsonl      files of the shared data (MOFCOM, Federal Register)
news       corpus/news/gold.jsonl (split dev/test) the local news cache (:mod:`.news`)
=========  ======================================  ==============================================

A document whose text is absent or differs from the annotated one (SHA-256) is left out, and
:func:`read_gold` says which and why.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from . import news, sources

GOLD_SETS = {"samples": ("all",), "heldout": ("all",), "notices": ("all",), "news": ("dev", "test")}
FILES = {"samples": "gold/samples.gold.jsonl", "heldout": "gold/heldout-real.gold.jsonl",
         "notices": "gold/real-events.gold.jsonl", "news": "news/gold.jsonl"}


def _lines(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_gold(name: str, split: str, corpus: Path = Path("corpus")) -> tuple[list[dict[str, Any]], list[str]]:
    """Gold records with ``text`` (and ``meta.published``) of one set, and what was left out."""
    if name not in GOLD_SETS or split not in GOLD_SETS[name]:
        raise ConfigError(f"unknown gold set {name}:{split} (known: " + ", ".join(
            f"{n}:{s}" for n, splits in GOLD_SETS.items() for s in splits) + ")")
    path = corpus / FILES[name]
    if not path.exists():
        return [], [f"{path} not found"]
    records = _lines(path)
    if name == "samples":
        return records, []
    if name == "news":
        texts = path.parent / "cache" / "texts"
        found = list(news.with_texts(records, texts, split))
        missing = [f"{r['id']}: text absent or changed in {texts}" for r in records
                   if r["split"] == split and r["id"] not in {f["id"] for f in found}]
        return found, missing
    out, missing = [], []
    for record in records:
        try:
            text = (sources.load_text(record["source"]) if name == "heldout"
                    else sources.read_file(record["source"]))
        except OSError as exc:
            missing.append(f"{record['id']}: {exc}")
            continue
        digest = _sha(text) if name == "heldout" else sources.file_sha(record["source"])
        if record.get("sha256") and digest != record["sha256"]:
            missing.append(f"{record['id']}: the text differs from the annotated one (sha256)")
            continue
        meta = {"published": record["published"]} if record.get("published") else {}
        out.append({**record, "text": text, "meta": meta})
    return out, missing


def training_config(path: str | Path) -> dict[str, Any]:
    """A config of a model trained on these gold sets (``sets``, ``output``): a missing key, or the
    news test split among its sets, is a :class:`ConfigError` (the test split is never trained on)."""
    import tomllib

    try:
        with open(path, "rb") as fh:
            cfg = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    for key in ("sets", "output"):
        if key not in cfg:
            raise ConfigError(f"{path}: missing key {key!r}")
    if any(str(spec).startswith("news:test") for spec in cfg["sets"]):
        raise ConfigError(f"{path}: news:test is the test split, never trained on")
    return cfg
