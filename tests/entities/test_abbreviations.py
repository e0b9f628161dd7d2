"""Countries written with one character: found where two meet or after a word of relation, linked to
the country; never inside ordinary words, titles or longer names."""
from __future__ import annotations

import pytest

from pipeline.types import Document


def _places(nlp, text: str) -> list[tuple[str, str]]:
    doc = Document(text=text, meta={"published": "2024-05-01"})
    nlp.process(doc)
    return [(e.text, (e.canonical or {}).get("id")) for e in doc.entities if e.type == "LOC" and len(e.text) == 1]


@pytest.mark.parametrize("text, expected", [
    ("中美经贸高层会谈取得进展。", [("中", "nf:china"), ("美", "nf:united-states")]),
    ("欧盟将扩大对俄制裁。", [("俄", "nf:russia")]),
    ("该公司在华业务规模有限。", [("华", "nf:china")]),
    ("韓美日安保合作持續。", [("韓", "nf:south-korea"), ("美", "nf:united-states"), ("日", "nf:japan")]),
    ("정부는 대러 제재를 강화했다.", [("러", "nf:russia")]),
    ("북·러 군사협력이 강화됐다.", [("북", "nf:north-korea"), ("러", "nf:russia")]),
    ("한미 정상은 공동성명을 냈다.", [("한", "nf:south-korea"), ("미", "nf:united-states")]),
    ("美, 中 기업 제재 확대", [("美", "nf:united-states"), ("中", "nf:china")]),
])
def test_one_character_countries_are_places_of_their_country(nlp, text, expected):
    assert _places(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "今日美国报道了这一消息。",               # 日美 crosses two words
    "请提供中英文对照版本。",                 # languages, no places
    "依据《中华人民共和国出口管制法》实施。",  # a title, and 中华 is one country
    "대중 문화가 확산됐다.",                  # 대중 is 大衆
    "북한과 독일은 중독 문제를 논의했다.",     # names and words made of the same syllables
    "The US and China met in Geneva.",
])
def test_ordinary_words_give_no_one_character_country(nlp, text):
    assert _places(nlp, text) == []



@pytest.mark.parametrize("text, expected", [
    ("EU가 이날 15차 대러시아 제재 조치를 채택했다.", [("러시아", "nf:russia")]),
    ("제19차 대러시아 제재안에 중국 본토 기업이 포함됐다.", [("러시아", "nf:russia"), ("중국", "nf:china")]),
    ("일본의 대중국 수출 규제가 시작됐다.", [("일본", "nf:japan"), ("중국", "nf:china")]),
])
def test_a_prefix_of_relation_on_a_full_country_name_leaves_the_country(nlp, text, expected):
    doc = Document(text=text, meta={"published": "2024-05-01"})
    nlp.process(doc)
    assert [(e.text, (e.canonical or {}).get("id")) for e in doc.entities if e.type == "LOC"] == expected


def test_a_prefix_of_relation_takes_no_korea(nlp):
    doc = Document(text="대한국 정책이 발표됐다.", meta={"published": "2024-05-01"})
    nlp.process(doc)
    assert not any((e.canonical or {}).get("id") == "nf:south-korea" for e in doc.entities)
