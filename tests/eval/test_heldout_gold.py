"""The held-out real-text gold (corpus/gold/heldout-real.gold.jsonl) matches the texts it points to.

The texts are not in the repository: pipeline.eval.sources rebuilds each one from ../shared/data,
and these tests check that the rebuilt text is the one that was annotated (sha256), that every
stored entity text sits at its offsets, and that ids, coreference links and event references hold.
"""
from __future__ import annotations

import hashlib
import json

import pytest

from conftest import REPO, shared_data

GOLD = REPO / "corpus" / "gold" / "heldout-real.gold.jsonl"
TYPES = {"FIRM", "UNIVERSITY", "GOV", "ORG", "PERSON", "LOC", "MONEY", "DATE", "PERCENT", "QUANTITY"}
ACTIONS = {"add", "remove", "impose", "lift", "suspend", "ban", "restrict", "investigate"}
LISTS = {"us-entity-list", "us-unverified-list", "us-meu-list", "us-sdn-list", "us-ns-cmic-list", "us-veu",
         "cn-unreliable-entity-list", "cn-export-control-list", "cn-countermeasure-list", "eu-sanctions",
         "uk-sanctions", "jp-end-user-list", "kr-strategic-items",
         # lists added to the table in corpus/news/CONVENTIONS.md
         "us-1260h-list", "us-uflpa-entity-list", "us-fcc-covered-list", "cn-watch-list", "un-sanctions",
         "jp-sanctions", "kr-sanctions"}


def _records() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_gold_covers_three_languages_without_storing_texts():
    recs = _records()
    langs = [r["lang"] for r in recs]
    assert min(langs.count(x) for x in ("ko", "zh", "en")) >= 15
    assert len({r["id"] for r in recs}) == len(recs)
    for r in recs:
        assert "text" not in r
        assert all(len(e.get("text", "")) <= 60 for e in r["entities"])


def test_ids_types_norms_and_event_references_are_valid():
    for r in _records():
        ids = [e["id"] for e in r["entities"]]
        assert len(set(ids)) == len(ids), r["id"]
        known = set(ids)
        spans = sorted((e["start"], e["end"]) for e in r["entities"])
        assert all(a < b for a, b in spans), r["id"]
        assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:])), f"overlapping entities in {r['id']}"
        for e in r["entities"]:
            assert e["type"] in TYPES, e
            assert e.get("same_as", e["id"]) in known, e
            if e["type"] == "MONEY" and "norm" in e:
                assert len(e["norm"]["currency"]) == 3 and ("value" in e["norm"] or "min" in e["norm"]), e
        event_ids = [ev["id"] for ev in r["events"]]
        assert len(set(event_ids)) == len(event_ids), r["id"]
        for ev in r["events"]:
            assert ev["action"] in ACTIONS, ev
            assert ev["authority"] is None or ev["authority"] in known, ev
            assert all(t in known for t in ev["targets"]), ev
            assert ev["list"] is None or ev["list"]["id"] in LISTS, ev


@pytest.mark.parametrize("rec", _records(), ids=lambda r: r["id"])
def test_text_rebuilds_and_offsets_hold(rec):
    shared_data(rec["source"]["path"])
    from pipeline.eval.sources import load_text

    text = load_text(rec["source"])
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == rec["sha256"], \
        "the rebuilt text differs from the annotated one"
    for e in rec["entities"]:
        assert 0 <= e["start"] < e["end"] <= len(text)
        if "text" in e:
            assert text[e["start"]:e["end"]] == e["text"], e
        assert text[e["start"]:e["end"]] == text[e["start"]:e["end"]].strip(), f"span with outer spaces: {e}"
