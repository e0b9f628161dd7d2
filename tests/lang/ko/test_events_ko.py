"""Korean sanction events: trigger grammar, arguments across sentences, negation and modality."""
from __future__ import annotations

import pytest

from conftest import entity_texts as texts
from conftest import event_extractor


extract = event_extractor("ko")


def test_list_in_one_sentence_targets_in_the_next(extract):
    doc, events = extract(
        "[2018년 8월|DATE|2018-08], [44개|QUANTITY|44:기관] 중국 기관이 [미국 상무부|GOV|nf:us-commerce]의 "
        "수출 블랙리스트에 올랐다. 이 중에는 [중국전자과기집단|FIRM|nf:cetc] 산하 연구소 13곳이 포함됐다.")
    assert len(events) == 1
    ev = events[0]
    assert ev.action == "add" and ev.list["id"] == "us-entity-list"
    assert doc.entity(ev.authority).text == "미국 상무부"
    assert texts(doc, ev.targets) == ["중국전자과기집단"]
    assert ev.date == {"value": "2018-08", "precision": "month"}
    assert ev.count == 44 and ev.cameo == "163"
    assert len(ev.evidence) == 2          # both sentences


def test_removal_wording_is_remove_not_add(extract):
    doc, events = extract("[화웨이|FIRM|nf:huawei] 계열사 [화웨이클라우드|FIRM|nf:huawei-cloud]는 실체명단에서 제외됐다.")
    assert [(e.action, e.list["id"]) for e in events] == [("remove", "us-entity-list")]
    assert events[0].cameo == "085"


@pytest.mark.parametrize("sentence", [
    "[미국 상무부|GOV|nf:us-commerce]는 [하이크비전|FIRM|nf:hikvision]을 실체명단에 올릴 계획이다.",
    "[미국 상무부|GOV|nf:us-commerce]는 [하이크비전|FIRM|nf:hikvision]을 실체명단에 추가하는 방안을 검토하고 있다.",
    "[미국 상무부|GOV|nf:us-commerce]는 [하이크비전|FIRM|nf:hikvision]을 실체명단에 올리지 않았다.",
    # whether to add: a question under discussion ("추가할지에 대해 논의", "올릴지를 두고")
    "[미국 상무부|GOV|nf:us-commerce]는 [창신메모리|FIRM|nf:cxmt]를 실체명단에 추가할지에 대해 논의하고 있다.",
    "[미국 상무부|GOV|nf:us-commerce]는 [하이크비전|FIRM|nf:hikvision]을 실체명단에 올릴지를 두고 고심하고 있다.",
])
def test_planned_or_negated_listing_is_no_event(extract, sentence):
    assert extract(sentence)[1] == []


def test_designation_with_reason_and_implied_authority(extract):
    doc, events = extract(
        "[2019년 10월 7일|DATE|2019-10-07] [하이크비전|FIRM|nf:hikvision]과 [다화|FIRM|nf:dahua]는 "
        "신장 위구르족 인권 탄압에 관여했다는 이유로 거래제한 명단에 추가됐다.")
    (ev,) = events
    assert ev.action == "add" and ev.list == {"id": "us-entity-list", "name": "Entity List",
                                               "authority": "nf:us-bis"}
    assert ev.authority is None           # implied only: the list says who, not an entity
    assert texts(doc, ev.targets) == ["하이크비전", "다화"]
    assert "인권 탄압에 관여" in ev.reason["text"]
    assert doc.text[ev.reason["start"]:ev.reason["end"]] == ev.reason["text"]


def test_implied_authority_points_at_a_mention_elsewhere(extract):
    doc, events = extract(
        "[미국 상무부|GOV|nf:us-commerce]가 새 규정을 발표했다. [화웨이|FIRM|nf:huawei]는 실체명단에 올랐다.")
    assert doc.entity(events[0].authority).text == "미국 상무부"


def test_vendor_cutting_off_listed_universities(extract):
    doc, events = extract(
        "[매스웍스|FIRM|nf:mathworks]는 미국 수출 블랙리스트에 오른 [하얼빈공업대학|UNIVERSITY|nf:hit]과 "
        "[하얼빈공정대학|UNIVERSITY|nf:heu]의 매트랩 사용을 중단시켰다.")
    by_action = {e.action: e for e in events}
    assert set(by_action) == {"add", "ban"}
    ban = by_action["ban"]
    assert doc.entity(ban.authority).text == "매스웍스"
    assert texts(doc, ban.targets) == ["하얼빈공업대학", "하얼빈공정대학"]
    assert ban.list["id"] == "us-entity-list"          # the cut-off follows from the listing
    assert texts(doc, by_action["add"].targets) == ["하얼빈공업대학", "하얼빈공정대학"]


def test_date_from_preceding_sentence_and_none_without(extract):
    doc, events = extract("[2020년 5월|DATE|2020-05] 미국은 수출 규제를 강화했다. "
                          "[하얼빈공업대학|UNIVERSITY|nf:hit]이 실체명단에 올랐다.")
    assert events[0].date == {"value": "2020-05", "precision": "month"}
    _, events = extract("[하얼빈공업대학|UNIVERSITY|nf:hit]이 실체명단에 올랐다.")
    assert events[0].date is None


def test_treasury_sanctions_and_their_lifting_are_sdn_listings_and_removals(extract):
    """Conventions: sanctions by OFAC's keeper are a listing on the SDN list, and lifting them is
    a removal from it."""
    doc, events = extract("[미국 재무부|GOV|nf:us-treasury]는 [러시아 중앙은행|GOV|nf:ru-cbr]을 제재했다. "
                          "[미국 재무부|GOV|nf:us-treasury]는 [루살|FIRM|nf:rusal]에 대한 제재를 해제했다.")
    assert [(e.action, e.list["id"], e.cameo) for e in events] == [("add", "us-sdn-list", "163"),
                                                                    ("remove", "us-sdn-list", "085")]
    assert texts(doc, events[0].targets) == ["러시아 중앙은행"]   # a government body as target
    assert texts(doc, events[1].targets) == ["루살"]


def test_white_list_inverts_the_action(extract):
    doc, events = extract(
        "[산업통상자원부|GOV|nf:kr-motie]가 [일본|LOC|nf:japan]을 '화이트리스트'에 다시 올렸다. "
        "[2019년 9월|DATE|2019-09] [일본|LOC|nf:japan]을 화이트리스트에서 제외한 지 3년 7개월 만이다.")
    assert [(e.action, e.list["id"], texts(doc, e.targets)) for e in events] == [
        ("lift", "kr-strategic-items", ["일본"]), ("restrict", "kr-strategic-items", ["일본"])]
    assert events[1].date["value"] == "2019-09"


def test_revenue_is_not_a_listing(extract):
    doc, events = extract("[화웨이|FIRM|nf:huawei]는 실체명단에 올랐다. [화웨이|FIRM|nf:huawei]는 지난해 매출 7212억위안을 올렸다.")
    assert len(events) == 1 and len(events[0].evidence) == 1


def test_unknown_firm_introduced_by_what_it_is(extract):
    doc, events = extract("[미국 재무부|GOV|nf:us-treasury]는 러시아 최대 은행 스베르방크를 SDN 명단에 추가했다.")
    (ev,) = events
    assert ev.list["id"] == "us-sdn-list"
    assert [(doc.entity(t).text, doc.entity(t).type, doc.entity(t).source) for t in ev.targets] == [
        ("스베르방크", "FIRM", "rule")]


def test_eu_ban_without_a_named_list_is_on_the_eu_list(extract):
    doc, events = extract("[EU|GOV|nf:eu]는 [북한|LOC|nf:north-korea]에 대한 헬리콥터와 선박 수출을 금지했다.")
    (ev,) = events
    assert (ev.action, ev.list["id"]) == ("ban", "eu-sanctions")
    assert texts(doc, ev.targets) == ["북한"]


@pytest.mark.parametrize("sentence", [
    "이 공법은 [한양대|UNIVERSITY]와 공동 연구를 통해 개발됐으며 [국토교통부|GOV|nf:kr-molit] 신기술 제736호로 지정됐다.",
    "[애플|FIRM]은 [미국 법무부|GOV]가 [삼성전자|FIRM|nf:samsung-electronics]를 상대로 반독점법 위반 혐의에 대한 "
    "조사를 진행했다고 밝혔다.",
])
def test_designation_or_probe_without_sanctions_in_sight_is_no_event(extract, sentence):
    assert extract(sentence)[1] == []


def test_probe_in_a_sanctions_story_is_an_event(extract):
    doc, events = extract("[상무부|GOV|nf:us-doc]는 수출 통제 위반 혐의로 [화웨이|FIRM|nf:huawei]에 대한 조사에 착수했다.")
    (ev,) = events
    assert ev.action == "investigate" and texts(doc, ev.targets) == ["화웨이"]


def test_quoted_korean_name_of_the_unreliable_entity_list(extract):
    doc, events = extract("[중국 상무부|GOV|nf:cn-mofcom]는 16일 미국 방산업체 [록히드마틴|FIRM|nf:lockheed-martin]과 "
                          "[레이시온|FIRM|nf:raytheon]을 '신뢰할 수 없는 기업' 명단에 올렸다.")
    (ev,) = events
    assert (ev.action, ev.list["id"]) == ("add", "cn-unreliable-entity-list")
    assert texts(doc, ev.targets) == ["록히드마틴", "레이시온"]


def test_enumeration_items_before_a_count_of_firms_are_targets(extract):
    doc, events = extract("[미국 재무부|GOV|nf:us-treasury]는 북한의 제재 회피를 도운 혐의로 다롄 하이보 국제 화물과 "
                          "랴오닝 단싱 국제운송 등 2곳의 중국 해운회사를 제재명단에 올렸다.")
    (ev,) = events
    assert ev.list["id"] == "us-sdn-list"
    assert texts(doc, ev.targets) == ["다롄 하이보 국제 화물", "랴오닝 단싱 국제운송"]
    assert {doc.entity(t).type for t in ev.targets} == {"FIRM"}


def test_enumeration_items_beside_a_named_firm_take_their_heads_type(extract):
    doc, events = extract("[미국 상무부|GOV|nf:us-doc]는 [화웨이|FIRM|nf:huawei], 쿠앙스 테크놀로지, 난창대학 등을 "
                          "블랙리스트에 올렸다.")
    (ev,) = events
    assert [(doc.entity(t).text, doc.entity(t).type) for t in ev.targets] == [
        ("화웨이", "FIRM"), ("쿠앙스 테크놀로지", "FIRM"), ("난창대학", "UNIVERSITY")]


def test_kinds_of_party_in_an_enumeration_are_no_names(extract):
    doc, events = extract("[미 상무부|GOV|nf:us-doc]는 중국 기업, 대학, 연구소 등 33곳을 미검증 리스트에 추가했다.")
    assert [e.text for e in doc.entities if e.type != "QUANTITY"] == ["미 상무부"]
    assert [(e.action, e.count) for e in events] == [("add", 33)]


def test_what_a_removal_includes_is_that_removal_not_a_listing(extract):
    doc, events = extract("이번에 [미 상무부|GOV|nf:us-doc]의 미검증 리스트에서 제외된 중국 기업에는 베이징 파워맥, "
                          "[후난대학|UNIVERSITY|] 등이 포함됐다.")
    assert [(e.action, e.list["id"]) for e in events] == [("remove", "us-unverified-list")]
    assert sorted(texts(doc, events[0].targets)) == ["베이징 파워맥", "후난대학"]


def test_officials_who_became_targets_are_named_before_the_predicate_without_their_titles(extract):
    # "A 부주임, B 소장 등 … 관리들도 대상이 됐다": the names stand before 대상이 됐다, each item
    # without the title that closes it
    doc, events = extract("[미국 재무부|GOV|nf:us-treasury]는 [캐리 람|PERSON] 행정장관을 제재 명단에 올렸다. "
                          "또 [장 샤오밍|PERSON] 부주임, 뤄 후이닝 홍콩연락사무소장 등 중국 본토 관리들도 대상이 됐다.")
    assert [(e.action, e.list["id"]) for e in events] == [("add", "us-sdn-list")]
    assert texts(doc, events[0].targets) == ["캐리 람", "장 샤오밍", "뤄 후이닝"]


@pytest.mark.parametrize("keeper, kept_by, expected", [
    ("미국 상무부", "nf:us-commerce", "us-entity-list"),
    ("미국 재무부", "nf:us-treasury", "us-sdn-list"),
])
def test_a_sanctions_target_list_is_the_list_of_the_body_that_keeps_it(extract, keeper, kept_by, expected):
    # 제재 대상 명단 / 목록 names no list: the acting authority picks it (list names as data)
    doc, events = extract(f"[{keeper}|GOV|{kept_by}]는 [71개|QUANTITY|71:기관] 기관을 제재 대상 명단에 올렸다.")
    assert [(e.action, e.list["id"], e.count, e.targets) for e in events] == [("add", expected, 71, [])]
    doc, events = extract(f"[{keeper}|GOV|{kept_by}]는 중국 기업 [11개|QUANTITY|11:기업]를 제재 대상 목록에 올렸다.")
    assert [(e.action, e.list["id"], e.count) for e in events] == [("add", expected, 11)]


@pytest.mark.parametrize("sentence, expected", [
    ("중국 외교부는 록히드마틴 경영진 등에게 입국 금지 조치를 내렸다.", ["ban"]),   # a ban told as a measure taken
    ("정부는 수입 금지 등의 조치를 취했다.", ["ban"]),
    ("금지 조치에 반발했다.", []),                                           # a measure named, none taken
])
def test_a_ban_told_as_a_measure_taken_is_a_ban_trigger(sentence, expected):
    from pipeline import lang

    grammar = lang.get("ko").grammar
    assert [t.rule.action for t in grammar.triggers(sentence, 0, len(sentence))] == expected
