"""Speed of the ``patterns`` stage alone, in characters per second, on a mixed-language corpus.

The corpus: corpus/samples/*.jsonl, KLUE-NER dev (ko), CLUENER dev (zh) and the Federal Register
abstracts (en) from ../shared/data when present. Language detection and sentence splitting run
first and are not timed; only ``PatternsStage.process`` is.

    nice .venv/bin/python scripts/bench_patterns.py [--repeat 3] [--limit 5000]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("NEWSFACTS_SHARED_DATA", REPO.parent / "shared" / "data"))
sys.path.insert(0, str(REPO))

from pipeline.machine import describe  # noqa: E402


def samples() -> list[dict]:
    out = []
    for path in sorted((REPO / "corpus" / "samples").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                out.append({"text": rec["text"], "published": rec.get("published", "")})
    return out


def klue(limit: int) -> list[dict]:
    path = DATA / "klue-ner" / "klue-ner-v1.1_dev.tsv"
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## klue-ner"):
            tagged = line.split("\t", 1)[1]
            out.append({"text": re.sub(r"<([^<>]*?):[A-Z]{2}>", r"\1", tagged)})
            if len(out) >= limit:
                break
    return out


def cluener(limit: int) -> list[dict]:
    path = DATA / "cluener2020" / "dev.json"
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()[:limit]
    return [{"text": json.loads(line)["text"]} for line in lines if line.strip()]


def federal_register(limit: int) -> list[dict]:
    folder = DATA / "us-fr-export-control-abstracts" / "texts"
    if not folder.exists():
        return []
    return [{"text": p.read_text(encoding="utf-8")} for p in sorted(folder.glob("*.txt"))[:limit]]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=5000, help="documents per shared data set")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes (the best one counts)")
    args = ap.parse_args()

    import pipeline
    from pipeline.types import Document

    records = samples() + klue(args.limit) + cluener(args.limit) + federal_register(args.limit)
    prep = pipeline.load({"pipeline": {"stages": ["langid", "sentences"]}})
    docs = []
    for rec in records:
        doc = Document(text=rec["text"], meta={"published": rec.get("published") or "2021-11-25"})
        prep.process(doc)
        docs.append(doc)
    stage = pipeline.load({"pipeline": {"stages": ["langid", "sentences", "patterns"]}}).stages[-1]
    stage.setup()
    chars = sum(len(d.text) for d in docs)
    langs: dict[str, int] = {}
    for d in docs:
        for s in d.sentences:
            langs[s.lang] = langs.get(s.lang, 0) + s.end - s.start
    best = float("inf")
    found = 0
    for _ in range(args.repeat):
        for d in docs:
            d.entities = []
        start = time.perf_counter()
        for d in docs:
            stage.process(d)
        best = min(best, time.perf_counter() - start)
        found = sum(len(d.entities) for d in docs)
    print(f"documents: {len(docs)}  characters: {chars:,}  by sentence language: "
          + ", ".join(f"{k} {v:,}" for k, v in sorted(langs.items(), key=lambda kv: -kv[1])))
    print(f"entities: {found:,}")
    print(f"patterns stage: {chars / best:,.0f} chars/s ({best:.2f} s, best of {args.repeat}, "
          "one process)")
    print(f"machine: {describe()}")
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
