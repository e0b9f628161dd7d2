"""Linking across languages inside a document: parentheses, later mentions, document-level ids."""
from __future__ import annotations

import pytest

from conftest import assert_offsets
from pipeline.stages.base import Shared
from pipeline.stages.gazetteer import GazetteerConfig, GazetteerStage
from pipeline.stages.link import LinkConfig, LinkStage
from pipeline.stages.resolve import ResolveConfig, ResolveStage
from pipeline.types import Document, Entity, Sentence


@pytest.fixture(scope="module")
def stages():
    shared = Shared(run=None)
    gaz, resolve, link = (GazetteerStage(GazetteerConfig(), shared), ResolveStage(ResolveConfig(), shared),
                          LinkStage(LinkConfig(), shared))
    for stage in (gaz, resolve, link):
        stage.setup()
    assert gaz.kb is link.kb is resolve.kb          # one KB per pipeline
    return gaz, resolve, link


def process(stages, text, model=(), lang="und"):
    """Gazetteer, ``model`` entities as the NER stage would add them, resolve, link."""
    gaz, resolve, link = stages
    doc = Document(text=text, sentences=[Sentence(0, len(text), lang)])
    gaz.process(doc)
    for sub, typ, *nth in model:
        start = text.index(sub)
        for _ in range(nth[0] if nth else 0):
            start = text.index(sub, start + 1)
        doc.add_entity(Entity(id="", text=sub, type=typ, start=start, end=start + len(sub),
                              source="model", score=0.7))
    resolve.process(doc)
    link.process(doc)
    assert_offsets(doc.to_dict())
    assert [e.id for e in doc.entities] == [f"T{i}" for i in range(1, len(doc.entities) + 1)]
    return doc


def ids(doc):
    return [(e.text, e.source, e.canonical["id"]) for e in doc.entities]


def test_korean_name_with_chinese_alias_and_later_mention(stages):
    doc = process(stages, "하이크비전(海康威視)이 제재 대상에 올랐다. 하이크비전은 반발했다.", lang="ko")
    assert ids(doc) == [("하이크비전", "kb", "nf:hikvision"), ("海康威視", "kb", "nf:hikvision"),
                        ("하이크비전", "kb", "nf:hikvision")]


def test_unknown_alias_of_a_kb_name_joins_the_kb_entity(stages):
    doc = process(stages, "Hikvision (하이캉) shares fell; 하이캉의 주가도 내렸다.", lang="en")
    assert ids(doc) == [("Hikvision", "kb", "nf:hikvision"), ("하이캉", "alias", "nf:hikvision"),
                        ("하이캉", "alias", "nf:hikvision")]
    assert doc.entities[1].type == "FIRM"
    # a parenthesis that holds a longer, different name is left alone (an Entity List affiliate)
    doc = process(stages, "화웨이(Huawei Device Co.)는 제재를 받았다.", lang="ko")
    assert ids(doc) == [("화웨이", "kb", "nf:huawei"), ("Huawei Device Co.", "kb", "nf:huawei-device")]


def test_abbreviation_in_parentheses(stages):
    doc = process(stages, "中国科学院 (CAS) and the Beijing Academy of Widgets (BAW) were listed.",
                  model=[("Beijing Academy of Widgets", "UNIVERSITY")], lang="en")
    assert ids(doc) == [("中国科学院", "kb", "nf:chinese-academy-of-sciences"),
                        ("CAS", "kb", "nf:chinese-academy-of-sciences"),
                        ("Beijing Academy of Widgets", "model", "doc:beijing-academy-of-widgets"),
                        ("BAW", "alias", "doc:beijing-academy-of-widgets")]


def test_unknown_names_get_one_document_id_in_three_languages(stages):
    text = ("푸우로보틱스(Foo Robotics)가 목록에 올랐다. 福乌机器人（Foo Robotics）回应称。"
            "Foo Robotics Inc. declined to comment; 푸우로보틱스는 항의했다.")
    doc = process(stages, text, model=[("푸우로보틱스", "ORG"), ("福乌机器人", "ORG")])
    assert {e.canonical["id"] for e in doc.entities} == {"doc:foo-robotics"}
    assert [e.text for e in doc.entities] == ["푸우로보틱스", "Foo Robotics", "福乌机器人", "Foo Robotics",
                                              "Foo Robotics", "푸우로보틱스"]
    assert doc.entities[0].canonical["names"] == {"ko": "푸우로보틱스", "en": "Foo Robotics", "zh": "福乌机器人"}


def test_plain_words_in_parentheses_are_not_names(stages):
    doc = process(stages, "반도체(semiconductor) 수출 통제(export control)가 강화됐다.", lang="ko")
    assert doc.entities == []
    doc = process(stages, "商务部（商务部代章）发布公告。")
    assert ids(doc) == [("商务部", "kb", "nf:cn-mofcom"), ("商务部", "kb", "nf:cn-mofcom")]


def test_name_before_a_known_alias_becomes_an_entity(stages):
    doc = process(stages, "중싱퉁쉰(中兴通讯)은 벌금을 냈다.", lang="ko")
    assert ids(doc) == [("중싱퉁쉰", "alias", "nf:zte"), ("中兴通讯", "kb", "nf:zte")]


def test_coreferent_unknown_people_and_orgs_group(stages):
    text = "Jane Doe of Acme Widgets said. Doe added that Acme Widgets Ltd. would appeal. John Roe agreed."
    model = [("Jane Doe", "PERSON"), ("Doe", "PERSON", 1), ("Acme Widgets", "FIRM"),
             ("Acme Widgets Ltd.", "FIRM"), ("John Roe", "PERSON")]
    doc = process(stages, text, model=model, lang="en")
    assert [(e.text, e.canonical["id"]) for e in doc.entities] == [
        ("Jane Doe", "doc:jane-doe"), ("Acme Widgets", "doc:acme-widgets"), ("Doe", "doc:jane-doe"),
        ("Acme Widgets Ltd.", "doc:acme-widgets"), ("John Roe", "doc:john-roe")]


def test_a_place_in_parentheses_qualifies_a_name(stages):
    doc = process(stages, "삼성중국반도체와 SK하이닉스반도체(중국), 인텔반도체(다롄)를 VEU로 지정했다.", lang="ko")
    assert [(e.text, e.source) for e in doc.entities if e.type == "LOC"] == [("중국", "kb"), ("다롄", "kb")]
    assert not any("(" in e.text for e in doc.entities)     # the seat stays a place of its own
    doc = process(stages, "미국(美国)과 중국(中國)", lang="ko")
    assert {e.canonical["id"] for e in doc.entities[:2]} == {"nf:united-states"}


@pytest.mark.parametrize("text, lang, bare, body", [
    ("商务部称，华为被列入实体清单。美国商务部22日表示，将华为列入实体清单。", "zh", "商务部", "nf:us-doc"),
    ("상무부는 화웨이를 제재했다. 미국 상무부는 22일 이같이 밝혔다.", "ko", "상무부", "nf:us-doc"),
    ("The Foreign Ministry said so. The South Korean Foreign Ministry designated 15 North Korean IT workers.",
     "en", "Foreign Ministry", "nf:kr-mofa"),
])
def test_a_bare_body_before_any_qualified_mention_takes_the_first_one_after(stages, text, lang, bare, body):
    doc = process(stages, text, lang=lang)
    first = next(e for e in doc.entities if e.text == bare)
    assert first.canonical["id"] == body


@pytest.mark.parametrize("text, name, body", [
    ("The United States Department of Commerce added ZTE to the Entity List.", "United States Department of Commerce",
     "nf:us-doc"),
    ("The United States Treasury Department said so.", "United States Treasury Department", "nf:us-treasury"),
    ("The Russian Department of Commerce said so.", "Russian Department of Commerce", None),   # not Russia's
])
def test_a_country_before_a_body_of_that_country_is_that_body(stages, text, name, body):
    doc = process(stages, text, model=[(name, "GOV")], lang="en")
    linked = [e.canonical["id"] for e in doc.entities if e.text == name]
    assert linked == [body] if body else linked and not linked[0].startswith("nf:")
