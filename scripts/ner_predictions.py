"""Write or check the NER models' predictions on public dev sentences (speed work must not change them).

    python scripts/ner_predictions.py write build/ner_predictions.json   # before a change
    python scripts/ner_predictions.py check build/ner_predictions.json   # after: exit 1 on any difference

Each language's model tags the first ``--limit`` sentences of KLUE-NER dev, CLUENER dev and
CoNLL-2003 testb; the entities (offsets, label, marginal score) are compared sentence by sentence.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SETS = {"ko": ("klue-ner", "dev"), "zh": ("cluener2020", "dev"), "en": ("conll2003", "testb")}


def predictions(limit: int) -> dict[str, list]:
    from pipeline.eval.ner_sets import read_set
    from pipeline.ner.model import load_model

    out: dict[str, list] = {}
    for lang, (name, split) in SETS.items():
        model = load_model(REPO / "models" / "ner" / lang)
        texts = []
        for doc in read_set(name, split):
            texts.append(doc["text"])
            if len(texts) >= limit:
                break
        started = time.perf_counter()
        out[lang] = [[[m.start, m.end, m.label, m.score] for m in model.tag(t)] for t in texts]
        elapsed = time.perf_counter() - started
        print(f"{lang}: {len(texts)} sentences, {sum(map(len, out[lang]))} entities, "
              f"{len(texts) / elapsed:.0f} sentences/s", file=sys.stderr)
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("mode", choices=("write", "check"))
    p.add_argument("path")
    p.add_argument("--limit", type=int, default=1000)
    args = p.parse_args()
    got = predictions(args.limit)
    path = Path(args.path)
    if args.mode == "write":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(got, ensure_ascii=False), encoding="utf-8")
        return 0
    want = json.loads(path.read_text(encoding="utf-8"))
    bad = 0
    for lang, sents in want.items():
        diff = [i for i, (a, b) in enumerate(zip(sents, got[lang])) if a != b]
        diff += list(range(min(len(sents), len(got[lang])), max(len(sents), len(got[lang]))))
        print(f"{lang}: {len(sents)} sentences, {len(diff)} differ {diff[:10]}")
        bad += len(diff)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
