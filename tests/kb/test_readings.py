"""Chinese people of the KB found by the reading of their names in Chinese and Korean text."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from pipeline.kb.readings import PersonReadings
from pipeline.spans import word_bounds
from pipeline.types import Document, Sentence, Token


def _people(nlp, text: str) -> list[tuple[str, str]]:
    doc = Document(text=text, meta={"published": "2020-07-10"})
    nlp.process(doc)
    return [(e.text, e.canonical["id"]) for e in doc.entities if e.type == "PERSON" and e.canonical]


@pytest.mark.parametrize("text, expected", [
    ("美国财政部宣布制裁新疆维吾尔自治区党委书记陳全國。", ("陳全國", "nf:chen-quanguo")),    # traditional
    ("美方制裁陈全国等官员。", ("陈全国", "nf:chen-quanguo")),
    ("미국 재무부는 천취안궈를 제재 대상에 올렸다.", ("천취안궈", "nf:chen-quanguo")),        # Korean spelling
])
def test_sanctioned_chinese_people_are_found_by_their_reading(nlp, text, expected):
    assert expected in _people(nlp, text)


def _fake(keys: dict[str, list[tuple[str, str]]], types: dict[str, str]) -> PersonReadings:
    ids = sorted({i for pairs in keys.values() for _, i in pairs})
    xscript = SimpleNamespace(ids=ids, keys={k: [key for key, _ in v] for k, v in keys.items()},
                              owners={k: [ids.index(i) for _, i in v] for k, v in keys.items()})
    kb = SimpleNamespace(get=lambda i: SimpleNamespace(type=types[i]))
    return PersonReadings.build(xscript, kb)


def test_a_reading_two_people_share_or_an_organisation_has_finds_nobody():
    readings = _fake({"letters": [("wangming", "nf:a"), ("wangming", "nf:b"), ("zhanghua", "nf:c"),
                                  ("huawei", "nf:firm")],
                      "hangul": [("장화", "nf:c")]},
                     {"nf:a": "PERSON", "nf:b": "PERSON", "nf:c": "PERSON", "nf:firm": "FIRM"})
    assert readings.letters == {"zhanghua": "nf:c"} and readings.hangul == {"장화": "nf:c"}


def test_names_are_read_at_word_boundaries_only():
    readings = PersonReadings({"chenquanguo": "nf:chen"}, {"천취안궈": "nf:chen"})
    text = "陈全国人大代表。천취안궈를 만났다. 천취안궈다운"
    doc = Document(text=text, sentences=[Sentence(0, len(text), "zh")],
                   tokens=[Token(0, 2, "陈全"), Token(2, 4, "国人"), Token(4, 6, "大代")])
    found = list(readings.find(doc, doc.sentences[0], word_bounds(doc.tokens)))
    assert [text[s:e] for s, e, _ in found] == ["천취안궈"]       # 陈全|国人 crosses a word; 천취안궈다운 is longer
