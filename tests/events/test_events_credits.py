"""Who acts and who does not. A news dateline or credit ((베이징=연합뉴스) 조준형 특파원 =,
新华社北京7月13日电（记者 张三）, "SEOUL, June 27 (Yonhap) --", a photo credit) names a reporter, an
agency and a city that take no part in the act the sentence after it reports: the reporter is no
target, and the country that opens the report is its subject; two bodies that open the sentence
together are its subject, not targets."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, published, country, target, reporter", [
    ("(베이징=연합뉴스) 조준형 특파원 = 중국이 21일 미국 방산업체 록히드마틴을 제재했다.", "2024-06-21",
     "중국", "록히드마틴", "조준형"),
    ("新华社北京7月13日电（记者 张三）中国宣布制裁美国参议员卢比奥。", "2020-07-13", "中国", "卢比奥", "张三"),
    ("SEOUL, June 27 (Yonhap) -- China sanctioned Lockheed Martin on Friday.", "2024-06-28",
     "China", "Lockheed Martin", "Yonhap"),
    ("Beijing, Jun 21 (EFE).- China sanctioned Lockheed Martin on Friday.", "2024-06-21",   # EFE's form
     "China", "Lockheed Martin", "EFE"),
])
def test_a_dateline_takes_no_part_in_the_act(nlp, text, published, country, target, reporter):
    doc = nlp(text, published=published)
    (event,) = doc.events
    assert doc.entity(event.authority).text == country
    assert event.list["id"] == "cn-countermeasure-list"
    names = [doc.entity(t).text for t in event.targets]
    assert target in names and reporter not in names
    assert reporter in [e.text for e in doc.entities]          # still an entity of the record


@pytest.mark.parametrize("text, target, credited", [
    ("China's Ministry of Commerce added Lockheed Martin to the Unreliable Entity List on Friday.\n\n"
     "Photos: Graeme Jennings/Pool/Getty Images\n\nThe ministry said Lockheed Martin sold arms to Taiwan.",
     "Lockheed Martin", "Graeme Jennings"),
    ("중국 상무부는 록히드마틴을 신뢰할 수 없는 실체 명단에 올렸다. 사진은 국방부 청사 | STR/JIJI PRESS/AFP via "
     "Getty Images/연합\n중국 상무부는 록히드마틴이 대만에 무기를 팔았다고 밝혔다.", "록히드마틴", "Getty Images"),
    ("综合彭博社、美国之音和路透社报道，中国商务部将洛克希德·马丁公司列入不可靠实体清单。", "洛克希德·马丁公司", "路透社"),
])
def test_a_photo_credit_or_a_compilation_of_reports_takes_no_part(nlp, text, target, credited):
    doc = nlp(text, published="2024-06-21")
    (event,) = doc.events
    targets = [doc.entity(t).text for t in event.targets]
    assert target in targets and credited not in targets
    assert credited in [e.text for e in doc.entities]


@pytest.mark.parametrize("text, authority, target", [
    ("美國國務院及財政部上周四(9日)宣布,制裁多個涉及侵犯新疆人權的中國現任及前任官員,包括新疆維吾爾自治區黨委書記陳全國、"
     "前政法委書記朱海侖。", "美國國務院", "陳全國"),
    ("미국 국무부와 재무부는 9일 천취안궈 신장위구르자치구 당서기를 제재했다.", "미국 국무부", "천취안궈"),
    ("The State Department and the Treasury on Thursday sanctioned Chen Quanguo, the party secretary of Xinjiang.",
     "State Department", "Chen Quanguo"),
])
def test_two_bodies_opening_the_sentence_are_its_subject(nlp, text, authority, target):
    doc = nlp(text, published="2020-07-13")
    (event,) = doc.events
    assert doc.entity(event.authority).text == authority and event.list["id"] == "us-sdn-list"
    targets = [doc.entity(t).text for t in event.targets]
    assert target in targets and authority not in targets


def test_two_countries_opening_the_sentence_each_act_on_their_own_regime(nlp):
    doc = nlp("Seoul and Washington sanctioned Jinyong IT Cooperation Company on Tuesday.", published="2024-02-21")
    acts = {(doc.entity(e.authority).text, e.list["id"]): [doc.entity(t).text for t in e.targets] for e in doc.events}
    assert acts == {("Seoul", "kr-sanctions"): ["Jinyong IT Cooperation Company"],
                    ("Washington", "us-sdn-list"): ["Jinyong IT Cooperation Company"]}
