"""Chinese sanction events: 列入/移出/制裁/反制/暂停, appendices, counts, negation and 拟."""
from __future__ import annotations

import pytest

from conftest import entity_texts as texts
from conftest import event_extractor


extract = event_extractor("zh")


def test_mofcom_announcement_with_reason_and_bracketed_english_names(extract):
    doc, events = extract(
        "【发文日期】[2025年01月02日|DATE|2025-01-02]\n"
        "为维护国家主权、安全和发展利益，根据《中华人民共和国反外国制裁法》等有关法律，"
        "[不可靠实体清单工作机制|GOV|nf:cn-uel-mechanism]依据《不可靠实体清单规定》第二条等有关规定，"
        "决定将参与对台湾地区军售的[洛克希德·马丁航空公司|FIRM|nf:lockheed-martin-aeronautics]"
        "（[Lockheed Martin Aeronautics|FIRM|nf:lockheed-martin-aeronautics]）、"
        "[雷神导弹系统公司|FIRM|nf:raytheon-missile-systems]（Raytheon Missile Systems）"
        "列入不可靠实体清单，并采取以下处理措施：\n"
        "一、禁止上述企业从事与中国有关的进出口活动；\n"
        "二、禁止上述企业在中国境内新增投资；")
    # conventions D9: the bar on trade the notice states is a ban of its own on the listed firms
    assert [(e.action, e.list["id"]) for e in events] == [("add", "cn-unreliable-entity-list"),
                                                          ("ban", "cn-unreliable-entity-list")]
    ev, ban = events
    assert doc.entity(ev.authority).text == "不可靠实体清单工作机制"
    assert texts(doc, ev.targets) == texts(doc, ban.targets) == ["洛克希德·马丁航空公司", "雷神导弹系统公司"]
    assert ev.reason["text"] == "参与对台湾地区军售"
    assert ev.date == ban.date == {"value": "2025-01-02", "precision": "day"}


def test_law_titles_do_not_trigger(extract):
    _, events = extract("根据《中华人民共和国反外国制裁法》和《不可靠实体清单规定》，商务部发布了说明。")
    assert events == []


@pytest.mark.parametrize("sentence", [
    "[华为|FIRM|nf:huawei]未被列入实体清单。",
    "[美国商务部|GOV|nf:us-commerce]拟将[海康威视|FIRM|nf:hikvision]列入实体清单。",
    "[美国|LOC|nf:us]可能会将[大疆|FIRM|nf:dji]纳入实体清单。",
])
def test_negated_or_planned_listing_is_no_event(extract, sentence):
    assert extract(sentence)[1] == []


def test_count_and_chinese_numerals(extract):
    doc, events = extract("[美国商务部|GOV|nf:us-commerce]将[33家|QUANTITY|33:家]中国实体列入实体清单。")
    assert events[0].count == 33 and events[0].targets == []
    doc, events = extract("[2022年12月9日|DATE|2022-12-09]，美方借口所谓“西藏人权”问题，对两名中方官员进行非法制裁。")
    (ev,) = events
    assert (ev.action, ev.count) == ("impose", 2)
    assert ev.reason["text"] == "所谓“西藏人权”问题"


def test_removal_and_suspension(extract):
    doc, events = extract(
        "[商务部|GOV|nf:cn-mofcom]决定将[斯凯迪奥公司|FIRM|nf:skydio]移出不可靠实体清单。"
        "自[2025年5月14日|DATE|2025-05-14]起，暂停不可靠实体清单工作机制〔2025〕7号公告相关措施90天。")
    assert [(e.action, e.list["id"], e.cameo) for e in events] == [
        ("remove", "cn-unreliable-entity-list", "085"), ("suspend", "cn-unreliable-entity-list", "085")]
    assert texts(doc, events[0].targets) == ["斯凯迪奥公司"]
    assert events[1].date["value"] == "2025-05-14"


def test_appendix_lists_the_targets(extract):
    doc, events = extract(
        "[2025年1月2日|DATE|2025-01-02]，[商务部|GOV|nf:cn-mofcom]决定将[通用动力公司|FIRM|nf:general-dynamics]"
        "等28家美国实体列入出口管制管控名单（见附件）。\n"
        "附件：出口管制管控名单（2025年1月2日）\n"
        "1. [L3哈里斯公司|FIRM|nf:l3harris]（L3 Harris Technologies）\n"
        "2. [英特磊公司|FIRM|nf:intelligent-epitaxy]（Intelligent Epitaxy Technology）\n")
    (ev,) = events
    assert ev.list["id"] == "cn-export-control-list" and ev.count == 28
    assert texts(doc, ev.targets) == ["通用动力公司", "L3哈里斯公司", "英特磊公司"]


def test_countermeasures_under_the_anti_foreign_sanctions_law(extract):
    doc, events = extract(
        "[外交部|GOV|nf:cn-mfa]决定对[余茂春|PERSON]、[托德·斯坦恩|PERSON]等后附《反制裁清单》列明的个人"
        "采取以下反制裁措施：冻结在我国境内的动产、不动产和其他各类财产。")
    (ev,) = events
    assert (ev.action, ev.list["id"]) == ("impose", "cn-countermeasure-list")
    assert texts(doc, ev.targets) == ["余茂春", "托德·斯坦恩"]
    assert doc.entity(ev.authority).text == "外交部"


def test_names_no_stage_recognised_are_discovered_in_the_object_slot(extract):
    doc, events = extract(
        "[商务部|GOV|nf:cn-mofcom]决定将参与对台湾地区军售的海岸间电子公司（Inter-Coastal Electronics）、"
        "系统研究与模拟公司（System Studies & Simulation）列入不可靠实体清单。\n"
        "禁止我国境内的组织、个人与上述企业进行交易。")
    (ev,) = events
    found = [doc.entity(t) for t in ev.targets]
    assert [(e.text, e.type, e.source) for e in found] == [
        ("海岸间电子公司", "FIRM", "rule"), ("系统研究与模拟公司", "FIRM", "rule")]
    assert all(doc.text[e.start:e.end] == e.text for e in doc.entities)
    assert "组织" not in [e.text for e in doc.entities]      # a description, not a name


def test_appendix_people_after_a_decision(extract):
    doc, events = extract(
        "中方决定对余茂春、托德·斯坦恩等后附《反制裁清单》列明的个人采取以下反制裁措施：\n"
        "附件：反制裁清单\n"
        "一、余茂春，男\n"
        "二、托德·斯坦恩（Todd Stein），男，美国国会及行政当局中国委员会前副主任\n")
    (ev,) = events
    assert ev.list["id"] == "cn-countermeasure-list"
    assert {(doc.entity(t).text, doc.entity(t).type) for t in ev.targets} == {
        ("托德·斯坦恩", "PERSON"), ("余茂春", "PERSON")}


def test_a_rejected_application_for_removal_is_no_removal(extract):
    _, events = extract("[美国商务部|GOV|nf:us-doc]将[中芯国际|FIRM|nf:smic]从实体清单中移除的申请被驳回。")
    assert events == []


def test_targets_after_qizhong_baokuo_and_a_government_body(extract):
    doc, events = extract(
        "[美国商务部|GOV|nf:us-doc]將[海康威視|FIRM|nf:hikvision]等8家中國科技企業，以及新疆維吾爾自治區人民政府公安廳"
        "和其下屬的19個政府機構列入實體清單，其中包括北京计算科学研究中心和[奇虎360|FIRM|nf:qihoo-360]等。")
    (ev,) = events
    assert {doc.entity(t).text for t in ev.targets} == {
        "海康威視", "新疆維吾爾自治區人民政府公安廳", "北京计算科学研究中心", "奇虎360"}


def test_eu_sanctions_without_a_named_list_are_on_the_eu_list(extract):
    doc, events = extract("[欧盟|GOV|nf:eu][周五|DATE|2024-12-27]对[俄罗斯石油公司|FIRM]实施制裁。")
    (ev,) = events
    assert (ev.action, ev.list["id"], texts(doc, ev.targets)) == ("add", "eu-sanctions", ["俄罗斯石油公司"])


def test_appendix_persons_are_targets_their_organisations_only_describe_them(extract):
    doc, events = extract(
        "[外交部|GOV|nf:cn-mfa]决定对下列人员采取反制措施，列入反制清单：\n"
        "一、[哈德逊研究所董事会|ORG]主席[萨拉·斯特恩|PERSON]（Sarah May Stern），女\n"
        "二、[里根基金会|ORG]前执行主任[约翰·希布斯奇|PERSON]（John Heubusch），男\n"
        "三、严格限制我国境内的组织和个人与其进行有关交易、[交流|FIRM]、合作等活动。")
    assert [texts(doc, ev.targets) for ev in events] == [["萨拉·斯特恩", "约翰·希布斯奇"]]


def test_a_description_before_a_kb_name_is_not_part_of_the_target(extract):
    doc, events = extract("[外交部|GOV|nf:cn-mfa]宣布对[美国|LOC|nf:united-states]国防承包商"
                          "[诺斯罗普·格鲁曼公司|FIRM|nf:northrop-grumman]采取反制措施。")
    (ev,) = events
    assert texts(doc, ev.targets) == ["诺斯罗普·格鲁曼公司"]


def test_unreliable_firms_list_named_loosely(extract):
    doc, events = extract("[商务部|GOV|nf:cn-mofcom]将[洛克希德·马丁公司|FIRM|nf:lockheed-martin]列入不可靠企业名单。")
    (ev,) = events
    assert (ev.action, ev.list["id"]) == ("add", "cn-unreliable-entity-list")
    assert [doc.entity(t).text for t in ev.targets] == ["洛克希德·马丁公司"]


@pytest.mark.parametrize("sentence, list_id", [
    ("[美国财政部|GOV|nf:us-treasury]把[大疆|FIRM|nf:dji]认定为中国军工综合体企业。", "us-ns-cmic-list"),
    ("[美国商务部|GOV|nf:us-commerce]将[中国军事医学科学院|ORG|nf:ammS]列入限制出口的名单。", "us-entity-list"),
])
def test_lists_named_loosely_in_chinese(extract, sentence, list_id):
    doc, events = extract(sentence)
    assert [(ev.action, ev.list["id"]) for ev in events] == [("add", list_id)]


def test_a_designation_told_as_a_relative_clause_takes_the_parties_after_it(nlp):
    """被OFAC认定的八家公司是：A、B: the parties follow the relative clause; the list is the Treasury's
    (NS-CMIC) named before, not the Entity List of the Commerce act told in between."""
    doc = nlp("美国财政部昨天(16日)宣布把大疆等八家中国科技公司认定为中国军工综合体。任何美国人不得购买这些公司"
              "公开上市的证券。\n美国商务部也在同一天将中国军事医学科学院等34个中国实体列入实体清单。\n"
              "中国驻美国大使馆批评美国此举是无端打压。\n"
              "被美国财政部海外资产控制办公室(OFAC)认定的八家中国公司是:云从科技集团股份有限公司、"
              "曙光信息产业股份有限公司、东方网力科技股份有限公司和依图科技有限公司。", published="2021-12-17")
    lists = {t: e.list["id"] for e in doc.events if e.action == "add" for t in texts(doc, e.targets)}
    for firm in ("云从科技集团股份有限公司", "曙光信息产业股份有限公司", "依图科技有限公司"):
        assert lists.get(firm) == "us-ns-cmic-list"


def test_what_a_body_determined_is_no_designation(extract):
    _, events = extract("被[美国商务部|GOV|nf:us-commerce]认定的事实并不成立，[华为|FIRM|nf:huawei]表示将上诉。")
    assert events == []


def test_a_bar_on_dealing_with_the_parties_in_traditional_characters_is_no_ban(extract):
    # conventions D9: 禁止…與其進行交易 is what a countermeasure is, whatever the script
    doc, events = extract(
        "[中國外交部|GOV|nf:cn-mfa]決定對[諾斯羅普·格魯曼系統公司|FIRM]、[VSE公司|FIRM]採取反制措施，"
        "凍結在中國境內的動產、不動產；禁止中國境內的組織、個人與其進行有關交易、合作等活動。")
    assert [(e.action, texts(doc, e.targets)) for e in events] == [
        ("impose", ["諾斯羅普·格魯曼系統公司", "VSE公司"])]


def test_an_entry_ban_with_a_listing_bars_its_persons_not_its_bodies(extract):
    doc, events = extract(
        "[欧盟|GOV|nf:eu]对[陈明国|PERSON]、[王明山|PERSON]及[新疆生产建设兵团公安局|GOV]实施制裁，"
        "其范围包括禁止入境以及冻结他们的资产。")
    bans = [e for e in events if e.action == "ban"]
    assert [texts(doc, e.targets) for e in bans] == [["陈明国", "王明山"]]


def test_a_ban_on_a_countermeasure_party_told_sentences_later_is_the_countermeasures_ban(extract):
    # conventions D9: 禁止石平入境 three sentences after the countermeasure on 石平 is its ban
    doc, events = extract(
        "[外交部|GOV|nf:cn-mfa][9月8日|DATE|2025-09-08]宣布对[石平|PERSON]采取反制措施。\n"
        "外交部发言人称，石平长期在国际上散布错误言论。\n"
        "他多次参拜靖国神社。\n"
        "依据《反外国制裁法》，禁止[石平|PERSON]入境。")
    bans = [e for e in events if e.action == "ban" and e.list and e.list["id"] == "cn-countermeasure-list"]
    assert [texts(doc, e.targets) for e in bans] == [["石平"]]


def test_a_country_subject_before_a_time_word_and_an_adverb_acts_on_its_regime(extract):
    # 中方周一旋即宣布反制措施: when (周一) and how soon (旋即) stand between the subject and its verb
    doc, events = extract("[中方|LOC|nf:china]周一旋即宣布反制措施，制裁參議員[克魯茲|PERSON]及[魯比奧|PERSON]。")
    assert [(e.action, e.list["id"], texts(doc, e.targets)) for e in events] == [
        ("impose", "cn-countermeasure-list", ["克魯茲", "魯比奧"])]


@pytest.mark.slow
@pytest.mark.parametrize("text, target", [
    ("美国联邦通信委员会（FCC）将Autel列入涵盖清单。", "Autel"),                    # a brand in a Chinese slot is a firm
    ("欧盟制裁了ARCLM International Trading Co. Ltd等企业。", "ARCLM International Trading Co. Ltd"),  # not 了ARCLM…
])
def test_a_latin_name_in_a_chinese_slot_is_the_target(nlp, text, target):
    doc = nlp(text, published="2025-12-23")
    by_id = {e.id: e for e in doc.entities}
    assert [[by_id[t].text for t in ev.targets] for ev in doc.events if ev.action == "add"] == [[target]]


def test_pulled_into_a_military_blacklist_is_a_1260h_listing(extract):
    # 拉入 is 列入 in news; 涉军黑名单 names the DoD's list of Chinese military companies
    doc, events = extract("[美国国防部|GOV|nf:us-dod]将[小米公司|FIRM|nf:xiaomi]、[中国商飞|FIRM]在内的"
                          "[9家|QUANTITY|9:家]中企拉入所谓“涉军黑名单”。")
    assert [(e.action, e.list["id"], texts(doc, e.targets)) for e in events] == \
        [("add", "us-1260h-list", ["小米公司", "中国商飞"])]
