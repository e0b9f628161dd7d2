"""Table-driven check of the patterns stage against corpus/gold/expressions.jsonl.

Every line of the gold file lists *all* the MONEY / DATE / PERCENT / QUANTITY expressions of its
text with their span and norm; a line passes when the stage finds exactly those. Run this module
as a script for the pass rate per language and type:
``.venv/bin/python tests/stages/test_patterns_gold.py``.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parents[2] / "corpus" / "gold" / "expressions.jsonl"
CASES = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
TYPES = {"MONEY", "DATE", "PERCENT", "QUANTITY"}


def pipelines() -> dict:
    import pipeline

    return {lang: pipeline.load({"pipeline": {"stages": ["langid", "sentences", "patterns"]},
                                 "langid": {"force": lang}})
            for lang in ("ko", "zh", "en")}


def extract(nlps: dict, case: dict) -> list[dict]:
    """The stage's expressions in ``case["text"]`` as gold-style dicts."""
    from pipeline.types import Document

    meta = {"published": case["anchor"]} if case.get("anchor") else {}
    doc = nlps[case["lang"]](Document(text=case["text"], meta=meta))
    return [{"text": e.text, "type": e.type, "norm": e.norm} for e in doc.entities
            if e.type in TYPES]


@pytest.fixture(scope="module")
def nlps():
    return pipelines()


def test_gold_file_is_large_and_varied():
    counts = Counter(case["lang"] for case in CASES for _ in case["expect"])
    assert sum(counts.values()) >= 300
    assert min(counts[lang] for lang in ("ko", "zh", "en")) >= 90
    types = Counter(e["type"] for case in CASES for e in case["expect"])
    assert all(types[t] >= 20 for t in TYPES), types
    for case in CASES:
        for e in case["expect"]:
            assert e["text"] in case["text"], e


@pytest.mark.parametrize("case", CASES, ids=[f"{c['lang']}:{c['text'][:30]}" for c in CASES])
def test_gold_expression(nlps, case):
    found = extract(nlps, case)
    assert found == case["expect"]


def report() -> None:
    """Print the pass rate per language and type (an expression passes when found exactly)."""
    nlps = pipelines()
    total, ok = Counter(), Counter()
    spurious = Counter()
    for case in CASES:
        found = extract(nlps, case)
        for e in case["expect"]:
            key = (case["lang"], e["type"])
            total[key] += 1
            ok[key] += e in found
        spurious[case["lang"]] += sum(f not in case["expect"] for f in found)
    for key in sorted(total):
        print(f"{key[0]} {key[1]:9} {ok[key]:4}/{total[key]:<4} {ok[key] / total[key]:.1%}")
    for lang in ("ko", "zh", "en"):
        t = sum(v for k, v in total.items() if k[0] == lang)
        o = sum(v for k, v in ok.items() if k[0] == lang)
        print(f"{lang} all       {o:4}/{t:<4} {o / t:.1%}   spurious: {spurious[lang]}")
    print(f"all          {sum(ok.values()):4}/{sum(total.values()):<4} "
          f"{sum(ok.values()) / sum(total.values()):.1%}")


if __name__ == "__main__":
    report()
