"""Tag maps round-trip the scored tags; `newsfacts accuracy` runs the pipeline and scores it."""
from __future__ import annotations

import json

import pytest

from conftest import shared_data
from pipeline.cli import main as cli
from pipeline.eval.ner_sets import SETS
from pipeline.eval.tagmap import load_tagmaps, tagmap


def test_every_tag_map_round_trips_its_scored_tags():
    maps = load_tagmaps()
    assert {"klue", "cluener", "conll", "msra"} <= set(maps)
    for m in maps.values():
        assert m.sets and all(s in SETS for s in m.sets)
        for tag in m.types:
            assert m.to_set(m.to_newsfacts(tag)) == tag, (m.name, tag)


def test_klue_and_cluener_mappings():
    klue, cluener = tagmap("klue-ner"), tagmap("cluener")
    assert [klue.to_newsfacts(t) for t in ("OG", "PS", "LC", "DT", "QT", "TI")] == [
        "ORG", "PERSON", "LOC", "DATE", "QUANTITY", "klue:TI"]
    assert {klue.to_set(t) for t in ("FIRM", "UNIVERSITY", "GOV", "ORG")} == {"OG"}
    assert cluener.to_newsfacts("game") == "cluener:game" and cluener.to_set("cluener:game") == "game"
    assert [cluener.to_set(t) for t in ("FIRM", "GOV", "UNIVERSITY", "ORG", "PERSON", "LOC")] == [
        "company", "government", "organization", "organization", "name", "address"]


@pytest.mark.slow
@pytest.mark.data
def test_accuracy_runs_the_pipeline_and_prints_one_table(capsys):
    shared_data("klue-ner", "klue-ner-v1.1_dev.tsv")
    shared_data("conll2003", "eng.testb")
    assert cli(["accuracy", "--sets", "klue-ner:dev,conll2003:testb", "--limit", "8", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(s["set"], s["split"], s["lang"], s["docs"]) for s in out["sets"]] == [
        ("klue-ner", "dev", "ko", 8), ("conll2003", "testb", "en", 8)]
    klue = out["sets"][0]
    assert klue["types"] == ["PS", "LC", "OG", "DT", "QT"]
    assert set(klue["entities"]["strict"]) <= {"PS", "LC", "OG", "DT", "QT", "overall"}
    # the first 8 KLUE dev sentences hold 31 scored mentions (TI left out)
    strict = klue["entities"]["strict"]["overall"]
    assert strict["tp"] + strict["fn"] == 31
    assert klue["documents"]["gold"] == 8 and klue["documents"].get("errors", 0) == 0
    assert klue["docs_per_s"] > 0 and out["machine"]
    assert cli(["accuracy", "--sets", "klue-ner:dev", "--limit", "3"]) == 0
    table = capsys.readouterr().out
    assert "| klue-ner:dev | ko | PS LC OG DT QT | 3 | 0 |" in table


def test_accuracy_unknown_set_is_a_clear_error(capsys):
    assert cli(["accuracy", "--sets", "klue-ner:nosuchsplit"]) == 2
    assert "has no split 'nosuchsplit'" in capsys.readouterr().err
