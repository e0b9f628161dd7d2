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
