"""Features of the role model that look beyond the trigger's sentence: the people an article
quotes are officials and spokespeople, seldom the targets of the act they speak of."""
from __future__ import annotations

import pytest

from pipeline.events import roles


@pytest.mark.parametrize("text, published, speaker, target", [
    ("The Commerce Department added Hikvision to the Entity List. Commerce Secretary Gina Raimondo said "
     "the move protects national security. The agency also sanctioned Chen Quanguo.", "2021-06-03",
     "Gina Raimondo", "Chen Quanguo"),
    ("外交部发言人王文斌表示，中方坚决反对。美国财政部宣布制裁陈全国。", "2020-07-10", "王文斌", "陈全国"),
    ("미국 재무부는 천취안궈 신장위구르자치구 당서기를 제재했다. 이번 조치는 인권 탄압에 대한 책임을 묻는 것이라고 "
     "스티븐 므누신 재무장관이 밝혔다.", "2020-07-10", "스티븐 므누신", "천취안궈"),
])
def test_the_people_an_article_quotes_are_its_speakers(nlp, text, published, speaker, target):
    doc = nlp(text, published=published)
    keys = roles.speakers(doc)
    people = {e.text: str((e.canonical or {}).get("id") or e.text) for e in doc.entities if e.type == "PERSON"}
    assert people[speaker] in keys
    assert people[target] not in keys


def _context(side: str) -> roles.PairContext:
    return roles.PairContext(
        lang="zh", action="impose", trigger=(0, 2), region=(0, 40), sentence=(0, 40), has_list=True,
        carried_list=False, authority=None, rule_targets=set(), object_marked={}, agent_marked={},
        subject_marked={}, affiliation={}, list_name_part={}, reason=None, quotes=[], aliases=set(),
        side=side, list_sides={"us-sdn-list": "us", "cn-countermeasure-list": "cn"})


@pytest.mark.parametrize("text, published, name, actor, other", [
    ("美国财政部宣布制裁新疆维吾尔自治区党委书记陈全国。", "2020-07-10", "陈全国", "us", "cn"),
    ("미국 재무부는 천취안궈 신장위구르자치구 당서기를 제재했다.", "2020-07-10", "천취안궈", "us", "cn"),
    ("The Treasury Department sanctioned Chen Quanguo, the party secretary of Xinjiang.", "2020-07-10",
     "Chen Quanguo", "us", "cn"),
])
def test_a_party_the_kb_lists_is_weighed_by_whose_list_it_is_on(nlp, text, published, name, actor, other):
    doc = nlp(text, published=published)
    person = next(e for e in doc.entities if e.text == name)
    assert "listed_by_actor" in roles.features(_context(actor), person, doc.text)
    assert "listed_by_others" in roles.features(_context(other), person, doc.text)


@pytest.mark.parametrize("text, name, country", [
    ("US Commerce Secretary Gina Raimondo said the Commerce Department added the firms to the Entity List.",
     "Gina Raimondo", "us"),
    ("지나 러몬도 장관에 앞서 미국 상무장관 윌버 로스가 화웨이를 명단에 올렸다.", "윌버 로스", "us"),
    ("中方宣布制裁美国参议员卢比奥。", "卢比奥", "us"),
])
def test_an_official_is_weighed_by_whose_official_they_are(nlp, text, name, country):
    from pipeline.events.assemble import _officials

    doc = nlp(text, published="2020-07-10")
    person = next(e for e in doc.entities if e.text == name)
    officials = _officials(doc.text, [person], doc.entities)
    assert officials == {id(person): country}
    context = _context(country)
    context.official_of = officials
    assert "official_of_actor" in roles.features(context, person, doc.text)
    context = _context("cn" if country != "cn" else "us")
    context.official_of = officials
    assert "official_of_others" in roles.features(context, person, doc.text)


def test_a_place_is_weighed_as_a_target_of_a_ban_or_restriction_not_of_a_listing():
    """The role model sees the candidate's type with the act (gold: a country is the target of
    restrict, lift or ban, never of add or impose)."""
    import json

    from conftest import REPO
    from pipeline.types import Entity

    context = _context("us")
    context.action = "restrict"
    place = Entity(id="T1", text="日本", type="LOC", start=20, end=22, source="kb")
    assert "type=LOC:action=restrict" in roles.features(context, place, "x" * 40)
    weights = json.loads((REPO / "models" / "events" / "roles.json").read_text())["weights"]
    assert weights["type=LOC:action=add"] < weights.get("type=LOC:action=restrict", 0.0)
