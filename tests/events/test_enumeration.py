"""Chains of coordinated names (pipeline.events.enumeration.groups) in the three languages."""
from __future__ import annotations

import pytest

from pipeline.events import enumeration
from pipeline.events.markup import from_markup


def _groups(marked: str, lang: str) -> list[list[str]]:
    doc = from_markup(marked, lang)
    return [[m.text for m in g.members] for g in enumeration.groups(doc, doc.entities, 0, len(doc.text))]


@pytest.mark.parametrize("marked, lang, chain", [
    ("美国财政部制裁新疆党委书记[陈全国|PERSON|]、前新疆政法委书记[朱海仑|PERSON|]、新疆公安厅厅长[王明山|PERSON|]"
     "及前公安厅党委书记[霍留军|PERSON|]。", "zh", ["陈全国", "朱海仑", "王明山", "霍留军"]),
    ("러시아 업체 중에는 국영 방산업체 [로스텍|FIRM|](Rostec), 항공기 제작사 [수호이|FIRM|](Sukhoi) 등이 포함됐다.", "ko",
     ["로스텍", "수호이"]),
    ("Treasury sanctioned [Rostec|FIRM|], the state conglomerate, and [Sukhoi|FIRM|] on Friday.", "en",
     ["Rostec", "Sukhoi"]),
])
def test_names_with_titles_or_descriptions_between_them_are_one_chain(marked, lang, chain):
    assert _groups(marked, lang) == [chain]


def test_a_sentence_between_two_names_breaks_the_chain():
    assert _groups("美国制裁了[华为|FIRM|]。中国商务部随后将[洛克希德·马丁公司|FIRM|]列入清单。", "zh") == []
