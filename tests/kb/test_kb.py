"""The knowledge base: seeds, the committed build, lookups across scripts, the builder."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import REPO, shared_data
from pipeline.kb import load_kb, shared_kb
from pipeline.kb.build import build, load_seeds, slug
from pipeline.kb.normalize import key, normalize
from pipeline.kb.sources import ListEntry, bis_aliases


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_normalize_keeps_length_and_maps_traditional_and_case():
    for text in ["海康威視數字技術", "HIKVISION（Ｈｉｋ）", "하이크비전이 İstanbul ß", "洛克希德・馬丁"]:
        assert len(normalize(text)) == len(text)
    assert normalize("海康威視") == "海康威视"
    assert normalize("HIKVISION") == "hikvision"
    assert normalize("洛克希德・马丁") == "洛克希德·马丁"


def test_lookup_by_any_script_gives_one_entity(kb):
    ids = {kb.lookup(name)[0].id for name in ["海康威视", "海康威視", "하이크비전", "Hikvision", "HIKVISION"]}
    assert ids == {"nf:hikvision"}
    assert kb.lookup("哈工大")[0].id == "nf:harbin-institute-of-technology"
    assert kb.lookup("HIT")[0].id == "nf:harbin-institute-of-technology"
    assert kb.lookup("商务部")[0].id == "nf:cn-mofcom"
    assert kb.lookup("BIS")[0].id == "nf:us-bis"
    assert kb.lookup("산업통상자원부")[0].id == "nf:kr-motie"
    assert kb.lookup("Hikvisionary") == []


def test_records_are_complete(kb):
    hik = kb.get("nf:hikvision")
    assert hik.type == "FIRM" and hik.country == "CN" and hik.name == "Hikvision"
    assert hik.canonical() == {"id": "nf:hikvision", "name": "Hikvision",
                               "names": {"en": "Hikvision", "zh": "海康威视", "ko": "하이크비전"},
                               "lists": [{"id": "us-ns-cmic-list", "entry": "30946", "status": "listed"},
                                         {"id": "us-entity-list", "citation": "84 FR 54002", "status": "listed"}]}
    assert "海康威視" in hik.aliases["zh-Hant"]
    for entity in kb:
        assert entity.id.startswith("nf:") and entity.id == entity.id.lower()
        assert entity.type in {"FIRM", "UNIVERSITY", "GOV", "ORG", "PERSON", "LOC"}
        assert entity.sources, entity.id


def test_committed_kb_contains_the_shared_lists(kb):
    """The build committed to the repo carries the MOFCOM and BIS entries with their origin."""
    lm = kb.get("nf:lockheed-martin")
    assert any(s.startswith("cn-mofcom-sanctions-ammitto:") for s in lm.sources)
    assert {item["list"] for item in lm.lists} >= {"cn-unreliable-entity-list"}
    assert kb.lookup("斯凯迪奥公司")[0].id == kb.lookup("Skydio, Inc.")[0].id == "nf:skydio"
    npu = kb.lookup("西北工业大学")[0]
    assert npu.id == "nf:northwestern-polytechnical-university"
    assert "Northwest Polytechnical University" in npu.aliases["en"]     # a BIS alias
    assert len(kb) > 300


def test_shared_kb_is_loaded_once():
    from pipeline.stages.base import Shared

    shared = Shared(run=None)
    assert shared_kb(shared) is shared_kb(shared)


def test_builder_merges_list_entries_into_seeds(tmp_path):
    seeds = load_seeds()
    entries = [
        ListEntry(["斯凯迪奥公司"], ["Skydio, Inc."], "organization", "US", "test:a", [{"list": "x"}]),
        ListEntry(["某某无人机公司"], ["Acme Drones, Inc."], "organization", "US", "test:b", [], firm=True),
        ListEntry(["某某无人机公司"], ["Acme Drones Inc."], "organization", "US", "test:c", []),
        ListEntry(["张三"], [], "person", "US", "test:d", []),
    ]
    entities = {e.id: e for e in build(seeds, entries)}
    assert "test:a" in entities["nf:skydio"].sources
    acme = entities["nf:acme-drones"]
    assert acme.type == "FIRM" and acme.sources[:2] == ["test:b", "test:c"]
    assert "某某無人機公司" in acme.aliases["zh-Hant"]          # OpenCC s2t
    assert acme.name == "Acme Drones"                          # the name without its legal form
    person = next(e for e in entities.values() if e.name == "张三")
    assert person.type == "PERSON" and person.id.startswith("nf:zh-")
    assert slug("Harbin Institute of Technology") == "harbin-institute-of-technology"


def test_seed_errors_are_reported(tmp_path):
    (tmp_path / "bad.toml").write_text('[[entity]]\nid = "nf:x"\ntype = "FIRM"\nname = "X"\nsource = "t"\n'
                                       'colour = "red"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="colour"):
        load_seeds(tmp_path)


def test_bis_alias_parsing():
    raw = ("Beijing Academy of Artificial Intelligence, a.k.a., the following four aliases: —BAAI; "
           "—Zhiyuan Research Institute; —Beijing Zhiyuan Artificial Intelligence Research Institute; "
           "and —Zhiyuan. No. 150 Chengfu Road, Haidian District, Beijing, China")
    assert bis_aliases(raw) == ["BAAI", "Zhiyuan Research Institute",
                                "Beijing Zhiyuan Artificial Intelligence Research Institute"]


@pytest.mark.slow
def test_kb_build_command_reproduces_the_committed_file(tmp_path):
    """`newsfacts kb build` from the seeds and ../shared/data gives the committed entities.jsonl, its
    alias index and its cross-script keys."""
    data = shared_data()
    from pipeline.cli import main

    out = tmp_path / "entities.jsonl"
    assert main(["kb", "build", "--data", str(data), "-o", str(out)]) == 0
    committed = (REPO / "models" / "kb" / "entities.jsonl").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == committed
    for saved in ("entities.index.json", "entities.xscript.json"):   # what workers load instead of building
        assert (tmp_path / saved).read_bytes() == (REPO / "models" / "kb" / saved).read_bytes(), saved
    assert all(json.loads(line)["sources"] for line in committed.splitlines())


def test_every_seed_file_parses():
    files = sorted((REPO / "configs" / "kb").glob("*.toml"))
    assert {f.stem for f in files} >= {"firms", "universities", "gov", "places"}
    ids = [e.id for e in load_seeds(Path(REPO / "configs" / "kb"))]
    assert len(ids) == len(set(ids))
    assert key(" Lockheed  Martin ") == "lockheed martin"


@pytest.mark.slow
def test_gazetteer_finds_the_mofcom_listed_organisations():
    """Every organisation a MOFCOM/MFA announcement lists is found and linked in its text."""
    from pipeline.kb.coverage import mofcom_coverage

    result = mofcom_coverage(shared_data())
    assert result["organisations"] > 200
    assert result["linked_share"] >= 0.95, result["missed"]
