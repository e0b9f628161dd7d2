"""The gazetteer stage: KB names in Korean, Chinese and English text, with exact offsets."""
from __future__ import annotations

import pytest

from conftest import assert_offsets
from pipeline.stages.base import Shared
from pipeline.stages.gazetteer import GazetteerConfig, GazetteerStage
from pipeline.types import Document, Sentence


@pytest.fixture(scope="module")
def gazetteer():
    stage = GazetteerStage(GazetteerConfig(), Shared(run=None))
    stage.setup()
    return stage


def found(stage, text, lang="und"):
    doc = Document(text=text, sentences=[Sentence(0, len(text), lang)])
    stage.process(doc)
    assert_offsets(doc.to_dict())
    return [(e.text, e.canonical["id"]) for e in doc.entities]


def test_korean_with_particles(gazetteer):
    text = "하이크비전이 화웨이의 협력사이며 베이징항공항천대학과 공동 연구를 했다."
    assert found(gazetteer, text, "ko") == [("하이크비전", "nf:hikvision"), ("화웨이", "nf:huawei"),
                                            ("베이징항공항천대학", "nf:beihang-university")]


def test_korean_name_inside_a_longer_word_is_not_matched(gazetteer):
    assert found(gazetteer, "인텔리전스 보고서와 애플리케이션 시장", "ko") == []
    assert found(gazetteer, "인텔은 애플과 함께", "ko") == [("인텔", "nf:intel"), ("애플", "nf:apple")]


def test_traditional_and_simplified_match_the_same_entity(gazetteer):
    assert found(gazetteer, "海康威視遭美國制裁") == [("海康威視", "nf:hikvision"), ("美國", "nf:united-states")]
    assert found(gazetteer, "海康威视遭美国制裁") == [("海康威视", "nf:hikvision"), ("美国", "nf:united-states")]


def test_latin_case_and_word_boundaries(gazetteer):
    text = "HIKVISION and Hikvision, but not Hikvisionary or hikvisionx."
    assert found(gazetteer, text, "en") == [("HIKVISION", "nf:hikvision"), ("Hikvision", "nf:hikvision")]


def test_abbreviations_need_their_case(gazetteer):
    text = "HIT was hit hard; the US told us that BIS acted."
    assert found(gazetteer, text, "en") == [("HIT", "nf:harbin-institute-of-technology"),
                                            ("US", "nf:united-states"), ("BIS", "nf:us-bis")]
    assert found(gazetteer, "an apple a day", "en") == []


def test_longest_match_wins_in_chinese(gazetteer):
    assert found(gazetteer, "美国商务部工业与安全局将中国电子科技集团公司第十四研究所列入实体清单") == [
        ("美国商务部工业与安全局", "nf:us-bis"), ("中国电子科技集团公司第十四研究所", "nf:cetc-14th-research-institute")]


def test_only_sentences_are_searched(gazetteer):
    text = "Huawei menu | 华为 said"
    doc = Document(text=text, sentences=[Sentence(14, len(text), "zh")])
    gazetteer.process(doc)
    assert [(e.text, e.start, e.source, e.type) for e in doc.entities] == [("华为", 14, "kb", "FIRM")]
    assert doc.entities[0].canonical["names"] == {"en": "Huawei", "zh": "华为", "ko": "화웨이"}


def test_types_filter():
    stage = GazetteerStage(GazetteerConfig(types=["GOV"]), Shared(run=None))
    stage.setup()
    assert found(stage, "산업통상자원부와 삼성전자", "ko") == [("산업통상자원부", "nf:kr-motie")]


def test_mofcom_announcement_sentence(gazetteer):
    text = ("不可靠实体清单工作机制决定将洛克希德·马丁导弹与火控公司（Lockheed Martin Missiles and Fire Control）"
            "列入不可靠实体清单。")
    assert found(gazetteer, text) == [
        ("不可靠实体清单工作机制", "nf:cn-unreliable-entity-list-working-mechanism"),
        ("洛克希德·马丁导弹与火控公司", "nf:lockheed-martin-missiles-and-fire-control"),
        ("Lockheed Martin Missiles and Fire Control", "nf:lockheed-martin-missiles-and-fire-control")]


def test_a_legal_form_after_a_firm_belongs_to_the_mention(gazetteer):
    assert found(gazetteer, "迈斯沃克公司停止向哈工大提供软件", "zh") == [
        ("迈斯沃克公司", "nf:mathworks"), ("哈工大", "nf:harbin-institute-of-technology")]
    assert found(gazetteer, "Huawei Technologies Co., Ltd. and SZ DJI Technology Co. were named.", "en") == [
        ("Huawei Technologies Co., Ltd.", "nf:huawei"), ("SZ DJI Technology Co.", "nf:dji")]


def test_parent_and_child_bodies_are_two_mentions(gazetteer):
    assert found(gazetteer, "상무부 산업안보국(BIS)은 미국 재무부 해외자산통제실과 협의했다.", "ko") == [
        ("상무부", "nf:us-doc"), ("산업안보국", "nf:us-bis"), ("BIS", "nf:us-bis"),
        ("미국 재무부", "nf:us-treasury"), ("해외자산통제실", "nf:us-ofac")]
    assert found(gazetteer, "China's Ministry of Commerce said", "en") == [
        ("China", "nf:china"), ("Ministry of Commerce", "nf:cn-mofcom")]
    assert found(gazetteer, "美国商务部工业与安全局", "zh") == [("美国商务部工业与安全局", "nf:us-bis")]


def test_latin_name_glued_to_a_korean_word_is_not_matched(gazetteer):
    assert found(gazetteer, "LG유플러스와 SMIC의 거래, LG는", "ko") == [
        ("LG유플러스", "nf:lg-uplus"), ("SMIC", "nf:smic"), ("LG", "nf:lg")]


def test_names_inside_a_law_title_are_not_mentions(gazetteer):
    assert found(gazetteer, "根据《中华人民共和国对外贸易法》，中国商务部决定", "zh") == [("中国商务部", "nf:cn-mofcom")]
