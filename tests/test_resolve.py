"""The overlap rules and the organisation type decisions (the one place they are made)."""
from __future__ import annotations

import pytest

from pipeline.kb import orgtype
from pipeline.stages.base import Shared
from pipeline.stages.resolve import ResolveConfig, ResolveStage, prefer, select
from pipeline.types import Document, Entity, Sentence


def ent(text: str, sub: str, typ: str, source: str, score: float = 0.9, nth: int = 0) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return Entity(id="", text=sub, type=typ, start=start, end=start + len(sub), source=source, score=score)


@pytest.fixture(scope="module")
def resolve():
    stage = ResolveStage(ResolveConfig(), Shared(run=None))
    stage.setup()
    return stage


def run(stage, text, entities):
    doc = Document(text=text, sentences=[Sentence(0, len(text), "und")])
    for e in entities:
        doc.add_entity(e)
    stage.process(doc)
    return [(e.id, e.text, e.type, e.source) for e in doc.entities]


T = "美国商务部将哈尔滨工业大学深圳研究院列入实体清单，2019年5月华为公司营收下降5%。"


def test_kb_beats_model_on_overlap():
    kb = ent(T, "美国商务部", "GOV", "kb", 0.95)
    model = ent(T, "美国", "LOC", "model", 0.99)
    assert prefer(model, kb) is kb and prefer(kb, model) is kb


def test_model_org_strictly_containing_a_kb_name_wins():
    kb = ent(T, "哈尔滨工业大学", "UNIVERSITY", "kb")
    model = ent(T, "哈尔滨工业大学深圳研究院", "ORG", "model", 0.6)
    assert prefer(kb, model) is model


def test_rule_beats_model_for_numbers_even_when_shorter():
    rule = ent(T, "2019年5月", "DATE", "rule", 0.8)
    model = ent(T, "2019年5月华为", "DATE", "model", 0.99)
    assert prefer(model, rule) is rule


def test_name_keeps_a_number_it_contains():
    text = "中电科14所"
    name = ent(text, "中电科14所", "UNIVERSITY", "kb")
    number = ent(text, "14", "QUANTITY", "rule")
    assert prefer(number, name) is name


def test_longer_then_score_among_equals():
    a = ent(T, "华为公司", "FIRM", "model", 0.5)
    b = ent(T, "华为", "FIRM", "model", 0.9)
    assert prefer(b, a) is a
    c = ent(T, "华为", "ORG", "model", 0.95)
    assert prefer(b, c) is c


def test_select_keeps_non_overlapping_winners():
    kept = select([ent(T, "美国", "LOC", "model"), ent(T, "美国商务部", "GOV", "kb"),
                   ent(T, "5%", "PERCENT", "rule"), ent(T, "下降5%", "QUANTITY", "model")])
    assert [(e.text, e.source) for e in kept] == [("美国商务部", "kb"), ("5%", "rule")]


def test_stage_settles_types_and_renumbers(resolve):
    entities = [ent(T, "华为公司", "ORG", "model"), ent(T, "美国商务部", "GOV", "kb"),
                ent(T, "哈尔滨工业大学深圳研究院", "ORG", "model"), ent(T, "哈尔滨工业大学", "UNIVERSITY", "kb")]
    assert run(resolve, T, entities) == [
        ("T1", "美国商务部", "GOV", "kb"),
        ("T2", "哈尔滨工业大学深圳研究院", "UNIVERSITY", "model"),
        ("T3", "华为公司", "FIRM", "model")]


def test_model_org_gets_kb_type_and_canonical(resolve):
    text = "Analysts said Skydio Inc. would appeal."
    doc = Document(text=text, sentences=[Sentence(0, len(text), "en")])
    doc.add_entity(ent(text, "Skydio Inc.", "ORG", "model"))
    resolve.process(doc)
    assert doc.entities[0].type == "FIRM" and doc.entities[0].canonical["id"] == "nf:skydio"


@pytest.mark.parametrize("name, expected", [
    ("哈尔滨工業大學", "UNIVERSITY"), ("中国科学院计算技术研究所", "ORG"), ("서울대학교", "UNIVERSITY"),
    ("Harbin Institute of Technology", "UNIVERSITY"), ("Beijing Academy of Quantum Information Sciences", "UNIVERSITY"),
    ("国家发展和改革委员会", "GOV"), ("工业和信息化部", "GOV"), ("관세청", "GOV"), ("공정거래위원회", "GOV"),
    ("Ministry of Commerce", "GOV"), ("Bureau of Industry and Security", "GOV"),
    ("浙江大华技术股份有限公司", "FIRM"), ("深圳某某科技", "FIRM"), ("㈜한화", "FIRM"), ("주식회사 카카오", "FIRM"),
    ("삼성전자", "FIRM"), ("Acme Widgets Inc.", "FIRM"), ("Shield AI Technologies", "FIRM"),
    ("中国乒乓球俱乐部", "ORG"), ("한국무역협회", "ORG"), ("Amnesty", None),
])
def test_type_by_name(name, expected):
    assert orgtype.by_name(name) == expected


def test_type_by_context():
    assert orgtype.classify("Acme", "", " shares fell 5% after the listing") == "FIRM"
    assert orgtype.classify("아크메", "", " 총장은 밝혔다") == "UNIVERSITY"
    assert orgtype.classify("Acme", "a spokesperson for ", "") == "GOV"
    assert orgtype.classify("Acme", "", " said") == "ORG"
    assert orgtype.strip_legal_suffix("Teledyne Brown Engineering, Inc.") == "Teledyne Brown Engineering"
