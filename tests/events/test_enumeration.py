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


def _block(text: str, lang: str) -> list[str]:
    doc = from_markup(text, lang)
    found = enumeration.block(doc, 0)
    return [doc.text[s:e] for s, e in found.lines] if found else []


@pytest.mark.parametrize("text, lang, items", [
    ("中方决定对以下美国军工企业及高级管理人员采取反制措施：\n一、对A公司、B公司冻结财产。\n\n图为中美双方国旗。（X@SpokespersonCHN）\n"
     "二、对帕尔默·卢基（安杜里尔公司创始人）禁止入境。\n三、本决定自即日起施行。", "zh", ["一、", "二、", "三、"]),
    ("The designated parties include:\n1. Alpha Trading Co. Ltd.\nPhoto: Reuters\n2. Beta Shipping LLC\n", "en", ["1.", "2."]),
    ("추가된 기업은 다음과 같다.\n1. 알파무역\n2. 베타해운\n이번 조치는 즉시 발효된다.\n4. 감마", "ko", ["1.", "2."]),
])
def test_a_caption_between_numbered_items_that_follow_each_other_does_not_end_the_list(text, lang, items):
    assert [line[:len(mark)] for line, mark in zip(_block(text, lang), items)] == items
    assert len(_block(text, lang)) == len(items)


def test_a_latin_alias_in_brackets_after_a_name_stays_in_the_chain():
    marked = ("“欧洲议会议员[彼蒂科菲尔|PERSON|]([Reinhard Butikofer|PERSON|])、[盖勒|PERSON|]([Michael Gahler|PERSON|]),"
              "德国学者[郑国恩|PERSON|]([Adrian Zenz|PERSON|])。”")
    assert _groups(marked, "zh") == [["彼蒂科菲尔", "盖勒", "郑国恩"]]


def test_a_heading_followed_by_one_paragraph_of_names_is_a_list():
    text = ("中方的制裁名单包括:\n\n“欧洲议会议员[彼蒂科菲尔|PERSON|]([Reinhard Butikofer|PERSON|])、[盖勒|PERSON|]"
            "([Michael Gahler|PERSON|])、[格鲁克斯曼|PERSON|]([Raphaël Glucksmann|PERSON|]),荷兰议会议员[舍尔茨玛|PERSON|]"
            "([Sjoerd Wiemer Sjoerdsma|PERSON|]),德国学者[郑国恩|PERSON|]([Adrian Zenz|PERSON|])。”\n\n被制裁议员表示不会退缩。")
    lines = _block(text, "zh")
    assert len(lines) == 1 and lines[0].startswith("“欧洲议会议员") and "郑国恩" in lines[0]
    assert _block("中方的制裁名单包括:\n\n外交部发言人在记者会上回答了有关问题，表示中方的立场是一贯的、明确的，"
                  "希望有关方面认清形势，停止错误做法，不要在错误的道路上越走越远，这符合各方的共同利益。", "zh") == []
