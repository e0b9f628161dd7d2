"""Compare the Korean analysers on speed and quality; the README's choice of default comes from here.

Quality is measured against the KMOU NER corpus (morpheme segmentation by hand, Sejong tags):
- boundary F1: morpheme boundaries inside words, as character offsets;
- NNP recall: share of gold PER/LOC/ORG names in which the analyser tags a proper noun (NNP),
  which is what the NER features use.
Speed is characters per second on the same sentences, one process, after a warm-up.

    .venv/bin/python scripts/compare_korean_analysers.py --sentences 2000
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from pipeline.machine import describe
from pipeline.tokenizers import KOREAN_BACKENDS, korean_tokenizer

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "kmou-ner" / "corpus"


def read_kmou(corpus: Path, limit: int) -> list[tuple[str, set[int], list[tuple[int, int]]]]:
    """(sentence, gold boundaries, gold name spans) for the first ``limit`` alignable sentences."""
    out = []
    for path in sorted(corpus.glob("*_NER.txt")):
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            lines = block.strip().split("\n")
            if len(lines) < 4 or not lines[0].startswith("## "):
                continue
            parsed = _align(lines[1][3:], [line.split("\t") for line in lines[3:]])
            if parsed:
                out.append(parsed)
            if len(out) >= limit:
                return out
    return out


def _align(text: str, rows: list[list[str]]) -> tuple[str, set[int], list[tuple[int, int]]] | None:
    pos, end, bounds, names, start, label = 0, 0, set(), [], None, None
    for row in rows:
        if len(row) != 4:
            return None
        surface, _, _, tag = row
        if surface == "_":
            if text[pos:pos + 1] != " ":
                return None
            pos += 1
        else:
            if text[pos:pos + len(surface)] != surface:
                return None
            pos += len(surface)
            bounds.add(pos)
        if tag.startswith("B-") or tag == "O":
            if start is not None and label in {"PER", "LOC", "ORG"}:
                names.append((start, end))
            start, label = (pos - len(surface), tag[2:]) if tag.startswith("B-") else (None, None)
        end = pos
    if start is not None and label in {"PER", "LOC", "ORG"}:
        names.append((start, end))
    return (text, bounds, names) if pos == len(text) else None


def evaluate(backend: str, data: list) -> dict[str, float]:
    tokenize = korean_tokenizer(backend)
    tokenize(data[0][0])
    tp = fp = fn = 0
    names_hit = names_all = 0
    started = time.perf_counter()
    results = [tokenize(text) for text, _, _ in data]
    seconds = time.perf_counter() - started
    for (text, gold, names), tokens in zip(data, results):
        pred = {t.end for t in tokens}
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
        for s, e in names:
            names_all += 1
            names_hit += any(t.pos and t.pos.startswith("NNP") and s <= t.start < e for t in tokens)
    chars = sum(len(text) for text, _, _ in data)
    p, r = tp / (tp + fp), tp / (tp + fn)
    return {"chars/s": chars / seconds, "boundary_f1": 2 * p * r / (p + r), "nnp_recall": names_hit / names_all}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--sentences", type=int, default=2000)
    ap.add_argument("--backends", default=",".join(KOREAN_BACKENDS))
    args = ap.parse_args()
    data = read_kmou(args.data, args.sentences)
    print(f"# {len(data)} KMOU sentences, {sum(len(d[0]) for d in data)} chars; {describe()}")
    print(f"{'backend':10} {'chars/s':>10} {'boundary F1':>12} {'NNP recall':>11}")
    for backend in args.backends.split(","):
        m = evaluate(backend, data)
        print(f"{backend:10} {m['chars/s']:10.0f} {m['boundary_f1']:12.3f} {m['nnp_recall']:11.3f}")


if __name__ == "__main__":
    main()
