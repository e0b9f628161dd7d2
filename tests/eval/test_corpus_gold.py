"""Consistency of the bundled gold annotations (corpus/gold/*.gold.jsonl) with their inputs.

Every gold record must reproduce its spans from its own text, refer only to entities it
defines, use the closed vocabularies of types, actions and list ids, and carry exactly the
text of the sample article with the same id.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import REPO

GOLD_DIR = REPO / "corpus" / "gold"
SAMPLES = REPO / "corpus" / "samples" / "articles.jsonl"

ENTITY_TYPES = {"FIRM", "UNIVERSITY", "GOV", "ORG", "PERSON", "LOC",
                "MONEY", "DATE", "PERCENT", "QUANTITY"}
ACTIONS = {"add", "remove", "impose", "lift", "suspend", "ban", "restrict", "investigate"}
LIST_IDS = {"us-entity-list", "us-unverified-list", "us-meu-list", "us-sdn-list",
            "us-ns-cmic-list", "us-veu", "cn-unreliable-entity-list", "cn-export-control-list",
            "cn-countermeasure-list", "eu-sanctions", "uk-sanctions", "jp-end-user-list",
            "kr-strategic-items",
            # lists added to the table in corpus/news/CONVENTIONS.md
            "us-1260h-list", "us-uflpa-entity-list", "us-fcc-covered-list", "cn-watch-list",
            "un-sanctions", "jp-sanctions", "kr-sanctions"}
DATE_FORMS = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}",
              "quarter": r"\d{4}-Q[1-4]", "half": r"\d{4}-H[12]"}


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _gold_records() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(GOLD_DIR.glob("*.gold.jsonl")):
        out.extend((f"{path.name}:{rec.get('id')}", rec) for rec in _jsonl(path))
    return out


GOLD = _gold_records()
# Gold files that hold whole documents (with entities) are checked against the samples
DOCS = [(name, rec) for name, rec in GOLD if "text" in rec and "entities" in rec]


def _check_date(norm: dict) -> None:
    assert norm["precision"] in DATE_FORMS, norm
    assert re.fullmatch(DATE_FORMS[norm["precision"]], norm["value"]), norm


def test_sample_gold_exists_and_covers_every_sample_article():
    samples = _jsonl(SAMPLES)
    gold_ids = {rec["id"] for _, rec in DOCS}
    assert len(samples) >= 15
    assert {s["id"] for s in samples} <= gold_ids
    langs = [s["id"].split("-")[0] for s in samples]
    for lang in ("ko", "zh", "en"):
        assert langs.count(lang) >= 5, lang


@pytest.mark.parametrize("name,rec", DOCS, ids=[n for n, _ in DOCS])
def test_gold_document_is_consistent(name: str, rec: dict):
    text = rec["text"]
    assert rec["lang"] in {"ko", "zh", "en"}
    ids = [e["id"] for e in rec["entities"]]
    assert len(ids) == len(set(ids)), "entity ids must be unique"
    for ent in rec["entities"]:
        assert ent["type"] in ENTITY_TYPES, ent
        assert 0 <= ent["start"] < ent["end"] <= len(text), ent
        assert text[ent["start"]:ent["end"]] == ent["text"], ent
        assert ent["text"] == ent["text"].strip(), ent
        norm = ent.get("norm")
        if ent["type"] == "MONEY":
            assert norm and norm["value"] > 0 and re.fullmatch(r"[A-Z]{3}", norm["currency"]), ent
        elif ent["type"] == "DATE":
            assert norm, ent
            _check_date(norm)
        elif ent["type"] in ("PERCENT", "QUANTITY"):
            assert norm and isinstance(norm["value"], (int, float)), ent
    spans = sorted((e["start"], e["end"]) for e in rec["entities"])
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        assert e1 <= s2, f"overlapping gold entities at {s1}-{e1} and {s2}-{e2}"

    event_ids = [ev["id"] for ev in rec["events"]]
    assert len(event_ids) == len(set(event_ids)), "event ids must be unique"
    known = set(ids)
    types = {e["id"]: e["type"] for e in rec["entities"]}
    for ev in rec["events"]:
        assert ev["type"] == "sanction"
        assert ev["action"] in ACTIONS, ev
        assert ev["authority"] is None or ev["authority"] in known, ev
        assert all(t in known for t in ev["targets"]), ev
        assert len(ev["targets"]) == len(set(ev["targets"])), ev
        if "list" in ev:
            assert ev["list"]["id"] in LIST_IDS, ev
            assert ev["list"]["name"], ev
        if "date" in ev:
            _check_date(ev["date"])
        assert ev["evidence"], ev
        for span in ev["evidence"]:
            assert 0 <= span["start"] < span["end"] <= len(text), ev
        assert all(types[t] not in {"MONEY", "DATE", "PERCENT", "QUANTITY"}
                   for t in ev["targets"]), ev


def test_gold_text_equals_sample_text():
    samples = {s["id"]: s for s in _jsonl(SAMPLES)}
    for name, rec in DOCS:
        if rec["id"] not in samples:
            continue
        sample = samples[rec["id"]]
        assert rec["text"] == sample["text"], name
        if sample.get("published"):
            assert rec["meta"]["published"] == sample["published"], name


def test_undated_sample_gets_its_byline_date_in_gold():
    samples = {s["id"]: s for s in _jsonl(SAMPLES)}
    undated = [i for i, s in samples.items() if "published" not in s]
    assert undated, "one sample article must come without a published field"
    gold = {rec["id"]: rec for _, rec in DOCS}
    for sid in undated:
        published = gold[sid]["meta"]["published"]
        y, m, d = (int(x) for x in published.split("-"))
        assert f"{y}. {m}. {d}." in samples[sid]["text"], sid
