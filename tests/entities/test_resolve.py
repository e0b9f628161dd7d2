"""The overlap rules and the organisation type decisions (the one place they are made)."""
from __future__ import annotations

import pytest

from pipeline.entities import typer as orgtype
from pipeline.stages.base import Shared
from pipeline.entities.resolve import prefer, select
from pipeline.stages.resolve import ResolveConfig, ResolveStage
from pipeline.types import Document, Entity, Sentence


def ent(text: str, sub: str, typ: str, source: str, score: float = 0.9, nth: int = 0) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return Entity(id="", text=sub, type=typ, start=start, end=start + len(sub), source=source, score=score)


@pytest.fixture(scope="module")
def resolve():
    stage = ResolveStage(ResolveConfig(), Shared(run=None))
    stage.setup()
    return stage


def run(stage, text, entities):
    doc = Document(text=text, sentences=[Sentence(0, len(text), "und")])
    for e in entities:
        doc.add_entity(e)
    stage.process(doc)
    return [(e.id, e.text, e.type, e.source) for e in doc.entities]


T = "美国商务部将哈尔滨工业大学深圳研究院列入实体清单，2019年5月华为公司营收下降5%。"


def test_kb_beats_model_on_overlap():
    kb = ent(T, "美国商务部", "GOV", "kb", 0.95)
    model = ent(T, "美国", "LOC", "model", 0.99)
    assert prefer(model, kb) is kb and prefer(kb, model) is kb


def test_model_org_strictly_containing_a_kb_name_wins():
    kb = ent(T, "哈尔滨工业大学", "UNIVERSITY", "kb")
    model = ent(T, "哈尔滨工业大学深圳研究院", "ORG", "model", 0.6)
    assert prefer(kb, model) is model


def test_rule_beats_model_for_numbers_even_when_shorter():
    rule = ent(T, "2019年5月", "DATE", "rule", 0.8)
    model = ent(T, "2019年5月华为", "DATE", "model", 0.99)
    assert prefer(model, rule) is rule


def test_name_keeps_a_number_it_contains():
    text = "中电科14所"
    name = ent(text, "中电科14所", "UNIVERSITY", "kb")
    number = ent(text, "14", "QUANTITY", "rule")
    assert prefer(number, name) is name


def test_longer_then_first_among_equals():
    a = ent(T, "华为公司", "FIRM", "model", 0.5)
    b = ent(T, "华为", "FIRM", "model", 0.9)
    assert prefer(b, a) is a
    c = ent(T, "华为", "ORG", "model", 0.95)
    assert prefer(b, c) is b and prefer(c, b) is c


def test_select_keeps_non_overlapping_winners():
    kept = select([ent(T, "美国", "LOC", "model"), ent(T, "美国商务部", "GOV", "kb"),
                   ent(T, "5%", "PERCENT", "rule"), ent(T, "下降5%", "QUANTITY", "model")])
    assert [(e.text, e.source) for e in kept] == [("美国商务部", "kb"), ("5%", "rule")]


def test_stage_settles_types_and_renumbers(resolve):
    entities = [ent(T, "华为公司", "ORG", "model"), ent(T, "美国商务部", "GOV", "kb"),
                ent(T, "哈尔滨工业大学深圳研究院", "ORG", "model"), ent(T, "哈尔滨工业大学", "UNIVERSITY", "kb")]
    assert run(resolve, T, entities) == [
        ("T1", "美国商务部", "GOV", "kb"),
        ("T2", "哈尔滨工业大学深圳研究院", "UNIVERSITY", "model"),
        ("T3", "华为公司", "FIRM", "model")]


def test_model_org_gets_kb_type_and_canonical(resolve):
    text = "Analysts said Skydio Inc. would appeal."
    doc = Document(text=text, sentences=[Sentence(0, len(text), "en")])
    doc.add_entity(ent(text, "Skydio Inc.", "ORG", "model"))
    resolve.process(doc)
    assert doc.entities[0].type == "FIRM" and doc.entities[0].canonical["id"] == "nf:skydio"


@pytest.mark.parametrize("name, expected", [
    ("哈尔滨工業大學", "UNIVERSITY"), ("中国科学院计算技术研究所", "ORG"), ("서울대학교", "UNIVERSITY"),
    ("Harbin Institute of Technology", "UNIVERSITY"), ("Beijing Academy of Quantum Information Sciences", "UNIVERSITY"),
    ("国家发展和改革委员会", "GOV"), ("工业和信息化部", "GOV"), ("관세청", "GOV"), ("공정거래위원회", "GOV"),
    ("Ministry of Commerce", "GOV"), ("Bureau of Industry and Security", "GOV"),
    ("浙江大华技术股份有限公司", "FIRM"), ("深圳某某科技", "FIRM"), ("㈜한화", "FIRM"), ("주식회사 카카오", "FIRM"),
    ("삼성전자", "FIRM"), ("Acme Widgets Inc.", "FIRM"), ("Shield AI Technologies", "FIRM"),
    ("中国乒乓球俱乐部", "ORG"), ("한국무역협회", "ORG"), ("Amnesty", None),
])
def test_type_by_name(name, expected):
    assert orgtype.by_name(name) == expected


def test_type_by_context():
    assert orgtype.classify("Acme", "", " shares fell 5% after the listing") == "FIRM"
    assert orgtype.classify("아크메", "", " 총장은 밝혔다") == "UNIVERSITY"
    assert orgtype.classify("Acme", "a spokesperson for ", "") == "GOV"
    assert orgtype.classify("Acme", "", " said") == "ORG"
    assert orgtype.strip_legal_form("Teledyne Brown Engineering, Inc.") == "Teledyne Brown Engineering"


# -- real-news error classes: organisations a place begins, types, persons, dates ---------------

def doc_with(text: str, lang: str, entities: list[Entity], tokens: list[tuple[str, str]] = ()) -> Document:
    from pipeline.types import Token

    doc = Document(text=text, sentences=[Sentence(0, len(text), lang)])
    pos = 0
    for word, tag in tokens:
        start = text.index(word, pos)
        doc.tokens.append(Token(start, start + len(word), word, tag))
        pos = start + len(word)
    for e in entities:
        doc.add_entity(e)
    return doc


def resolved(stage, doc: Document) -> list[tuple[str, str]]:
    stage.process(doc)
    return [(e.text, e.type) for e in doc.entities if e.type not in ("DATE", "QUANTITY")]


@pytest.mark.parametrize("text, lang, place, org, typ, expected", [
    ("北京保利国际拍卖有限公司昨日举行春拍。", "zh", "北京", "北京保利国际拍卖有限公司", "FIRM", "FIRM"),
    ("香港佳士得拍卖行昨日成交。", "zh", "香港", "香港佳士得拍卖行", "FIRM", "FIRM"),
    ("한국석유공사는 올해 유가가 오를 것으로 전망했다.", "ko", "한국", "한국석유공사", "ORG", "FIRM"),
    ("The fine hit Shanghai Ocean Shipping Co. on Monday.", "en", "Shanghai", "Shanghai Ocean Shipping Co.",
     "ORG", "FIRM"),
])
def test_model_org_beats_the_kb_place_that_begins_it(resolve, text, lang, place, org, typ, expected):
    doc = doc_with(text, lang, [ent(text, place, "LOC", "kb", 0.95), ent(text, org, typ, "model", 0.6)])
    assert resolved(resolve, doc) == [(org, expected)]


def test_kb_name_wins_over_a_model_span_adding_a_non_head_word(resolve):
    text = "삼성전자 시안 공장은 가동을 계속한다."
    doc = doc_with(text, "ko", [ent(text, "삼성전자", "FIRM", "kb"), ent(text, "삼성전자 시안", "ORG", "model")])
    assert resolved(resolve, doc) == [("삼성전자", "FIRM")]


def test_kb_names_win_over_a_model_coordination(resolve):
    text = "Carriers China Telecom and China Unicom were barred."
    doc = doc_with(text, "en", [ent(text, "China Telecom", "FIRM", "kb"), ent(text, "China Unicom", "FIRM", "kb"),
                                ent(text, "China Telecom and China Unicom", "FIRM", "model")])
    assert resolved(resolve, doc) == [("China Telecom", "FIRM"), ("China Unicom", "FIRM")]


@pytest.mark.parametrize("text, lang, place, tokens, expected", [
    ("武汉市青山区房产管理局发布通知。", "zh", "武汉市",
     [("武汉市", "ns"), ("青山区", "ns"), ("房产", "j"), ("管理局", "n"), ("发布", "v")],
     [("武汉市青山区房产管理局", "GOV")]),
    ("中国企业纷纷表示反对。", "zh", "中国", [("中国", "ns"), ("企业", "n"), ("纷纷", "d")], [("中国", "LOC")]),
    ("条约在莫斯科签署。", "zh", "莫斯科", [("条约", "n"), ("在", "p"), ("莫斯科", "ns"), ("签署", "v")],
     [("莫斯科", "LOC")]),
    ("유럽이사회는 대북 제재를 연장하기로 했다.", "ko", "유럽", [], [("유럽이사회", "GOV")]),  # the KB: European Council
    ("한국은행이 기준금리를 동결했다.", "ko", "한국", [], [("한국은행", "GOV")]),  # the KB: central bank
    ("한국은 기준금리를 동결했다.", "ko", "한국", [], [("한국", "LOC")]),
    ("BIS added Dongguan Poweramp Technology to the list.", "en", "Dongguan", [],
     [("BIS", "GOV"), ("Dongguan Poweramp Technology", "FIRM")]),
])
def test_place_followed_by_an_organisation_head_is_one_name(resolve, text, lang, place, tokens, expected):
    entities = [ent(text, place, "LOC", "kb", 0.95)]
    if text.startswith("BIS"):
        entities.append(ent(text, "BIS", "GOV", "kb"))
    assert resolved(resolve, doc_with(text, lang, entities, tokens)) == expected


def test_place_and_model_org_with_a_short_gap_merge(resolve):
    text = "南京正大天晴制药有限公司是一家药企。"
    tokens = [("南京", "ns"), ("正大", "a"), ("天晴", "nr"), ("制药", "n"), ("有限公司", "n"), ("是", "v")]
    doc = doc_with(text, "zh", [ent(text, "南京", "LOC", "kb"), ent(text, "天晴制药有限公司", "FIRM", "model")],
                   tokens)
    assert resolved(resolve, doc) == [("南京正大天晴制药有限公司", "FIRM")]


def test_dotted_date_that_begins_an_organisation_name(resolve):
    text = "4·19 혁명 희생자 유족회는 기념식을 열었다."
    doc = doc_with(text, "ko", [ent(text, "4·19", "DATE", "rule")])
    assert resolved(resolve, doc) == [("4·19 혁명 희생자 유족회", "ORG")]


def test_model_span_with_an_unclosed_bracket_is_cut(resolve):
    text = "中芯国际SMIC(中芯國際)周五发表声明。"
    doc = doc_with(text, "zh", [ent(text, "SMIC(中芯國際", "ORG", "model")])
    resolve.process(doc)
    assert [(e.text, e.start) for e in doc.entities] == [("SMIC", text.index("SMIC"))]


def test_titled_person_is_an_organisation_and_a_person(resolve):
    text = "里根基金会首席行政官乔安妮·德雷克表示欢迎。"
    doc = doc_with(text, "zh", [ent(text, "里根基金会首席行政官乔安妮·德雷克", "PERSON", "model")])
    assert resolved(resolve, doc) == [("里根基金会", "ORG"), ("乔安妮·德雷克", "PERSON")]


@pytest.mark.parametrize("name, person", [
    ("장 샤오밍 부주임", "장 샤오밍"),
    ("뤄 후이닝 홍콩연락사무소장", "뤄 후이닝"),
    ("캐리 람 행정장관", "캐리 람"),
])
def test_korean_person_ending_in_a_title_word_is_the_name_before_it(resolve, name, person):
    text = f"중국 국무원의 {name}은 제재가 부당하다고 말했다."
    doc = doc_with(text, "ko", [ent(text, name, "PERSON", "model")])
    assert resolved(resolve, doc) == [(person, "PERSON")]


@pytest.mark.parametrize("text, name, expected", [
    ("삼이실업 대표 김모씨가 구속됐다.", "삼이실업", "FIRM"),
    ("서울역 앞에서 집회가 열렸다.", "서울역", "LOC"),
    ("他在北京站下车。", "北京站", "LOC"),
    ("김철수 씨가 말했다.", "김철수", "PERSON"),
])
def test_model_person_with_a_firm_or_place_ending(resolve, text, name, expected):
    doc = doc_with(text, "ko", [ent(text, name, "PERSON", "model")])
    assert resolved(resolve, doc) == [(name, expected)]


@pytest.mark.parametrize("name, expected", [
    ("哈德逊研究所", "ORG"), ("Hudson Institute", "ORG"), ("제주도 해양수산연구원", "ORG"),
    ("哈尔滨工业大学深圳研究院", "UNIVERSITY"), ("서울대학교 반도체공동연구소", "UNIVERSITY"),
    ("Massachusetts Institute of Technology", "UNIVERSITY"), ("Chinese Academy of Sciences", "ORG"),
    ("서울중앙지검", "GOV"), ("대검찰청", "GOV"), ("서울고법", "GOV"), ("北京市第一中级人民法院", "GOV"),
    ("Supreme Court of Korea", "GOV"), ("Ministry of Justice", "GOV"),
    ("한국석유공사", "FIRM"), ("삼이실업", "FIRM"), ("대우상사", "FIRM"), ("Delight Shipping Co.", "FIRM"),
    ("Reach Holdings Ltd.", "FIRM"), ("Asiana Airlines", "FIRM"),
])
def test_type_by_name_on_real_news_names(name, expected):
    assert orgtype.by_name(name) == expected


def test_latin_first_name_in_a_chinese_sentence_takes_the_surname(resolve):
    text = "美国商务部长Wilbur Ross表示欢迎。"
    doc = doc_with(text, "zh", [ent(text, "美国商务部", "GOV", "kb"), ent(text, "Wilbur", "PERSON", "model")])
    assert resolved(resolve, doc) == [("美国商务部", "GOV"), ("Wilbur Ross", "PERSON")]


def test_a_title_alone_is_no_person(resolve):
    text = "에르킨 투니야즈 현 주석을 제재했다."
    doc = doc_with(text, "ko", [ent(text, "에르킨 투니야즈", "PERSON", "model"), ent(text, "현 주석", "PERSON", "model")])
    assert resolved(resolve, doc) == [("에르킨 투니야즈", "PERSON")]


@pytest.mark.parametrize("name, expected", [
    ("검찰", "GOV"), ("경찰", "GOV"), ("法院", "GOV"), ("政府", "GOV"), ("公司", None), ("银行", None),
    ("더불어민주당", "ORG"), ("中国共产党", "ORG"),
])
def test_bare_government_heads_and_parties(name, expected):
    assert orgtype.by_name(name) == expected


@pytest.mark.parametrize("name, expected", [
    ("서울대", "UNIVERSITY"), ("부산외대", "UNIVERSITY"), ("해병대", "GOV"), ("119구조대", "GOV"),
    ("중앙일보", "FIRM"), ("YG엔터테인먼트", "FIRM"), ("서울시청", "GOV"),
])
def test_korean_abbreviated_universities_units_and_media(name, expected):
    assert orgtype.by_name(name) == expected


def test_one_syllable_heads_do_not_glue_to_a_place(resolve):
    text = "한국에서도 소련군이 철수했다."
    doc = doc_with(text, "ko", [ent(text, "한국", "LOC", "kb"), ent(text, "소련", "LOC", "kb")])
    assert resolved(resolve, doc) == [("한국", "LOC"), ("소련", "LOC")]


def test_news_agencies_and_korean_state_bodies_are_in_the_kb(resolve):
    kb = resolve.kb
    assert [r.type for r in kb.lookup("연합뉴스")] == ["FIRM"] and [r.type for r in kb.lookup("路透社")] == ["FIRM"]
    assert [r.type for r in kb.lookup("국정원")] == ["GOV"] and [r.type for r in kb.lookup("청와대")] == ["GOV"]


def test_model_coordination_keeps_the_other_conjunct(resolve):
    text = "Researchers at the Chinese Academy of Sciences and Peking University said so."
    doc = doc_with(text, "en", [ent(text, "Peking University", "UNIVERSITY", "kb"),
                                ent(text, "Chinese Academy of Sciences and Peking University", "ORG", "model")])
    assert resolved(resolve, doc) == [("Chinese Academy of Sciences", "UNIVERSITY"), ("Peking University", "UNIVERSITY")]


def test_model_person_named_like_a_firm_becomes_the_firm_a_place_begins(resolve):
    text = "Skydio's supplier, Dongguan Poweramp Technology, is a unit of TDK."
    doc = doc_with(text, "en", [ent(text, "Dongguan", "LOC", "kb"),
                                ent(text, "Dongguan Poweramp Technology", "PERSON", "model", 0.9)])
    assert resolved(resolve, doc) == [("Dongguan Poweramp Technology", "FIRM")]


def test_firm_with_its_seat_in_brackets_is_one_name(resolve):
    text = "삼성중국반도체와 SK하이닉스반도체(중국)를 명단에서 제외했다."
    firm = ent(text, "SK하이닉스반도체", "ORG", "model")
    doc = doc_with(text, "ko", [firm, ent(text, "중국", "LOC", "kb", nth=1)])
    assert resolved(resolve, doc) == [("SK하이닉스반도체(중국)", "FIRM")]


def test_a_place_inside_a_korean_word_begins_no_name(resolve):
    text = "삼성중국반도체와 협의했다."
    doc = doc_with(text, "ko", [ent(text, "중국", "LOC", "model")])
    assert resolved(resolve, doc) == [("중국", "LOC")]


@pytest.mark.parametrize("name, expected", [
    ("Xinjiang Production and Construction Corps", "GOV"), ("上海证券交易所", "FIRM"), ("한국거래소", "FIRM"),
    ("Shanghai Stock Exchange", "FIRM"),
])
def test_corps_and_exchanges(name, expected):
    assert orgtype.by_name(name) == expected


@pytest.mark.parametrize("name, expected", [
    ("交通运输部", "GOV"), ("链家地产市场研究部", "FIRM"), ("北京国华置业有限公司公关部", "FIRM"),
    ("中国人民银行", "GOV"), ("中央银行", "GOV"), ("European Central Bank", "GOV"), ("Bank of Kunlun", "FIRM"),
])
def test_firm_departments_and_central_banks(name, expected):
    assert orgtype.by_name(name) == expected


def test_rules_alone_type_a_model_firm_or_government_by_the_head_of_its_name():
    """Without the learned typer (resolve.typer_model = "none") the rules decide."""
    rules = ResolveStage(ResolveConfig(typer_model="none"), Shared(run=None))
    rules.setup()
    text = "交通运输部和美联物业市场研究部发布报告。"
    doc = doc_with(text, "zh", [ent(text, "交通运输部", "FIRM", "model"), ent(text, "美联物业市场研究部", "GOV", "model")])
    assert resolved(rules, doc) == [("交通运输部", "GOV"), ("美联物业市场研究部", "FIRM")]


def test_nothing_inside_an_english_law_is_an_entity_nor_its_abbreviation(resolve):
    text = ("Sanctions under the Iran Freedom and Counter-Proliferation Act of 2012 (IFCA) and the Iran Sanctions "
            "Act of 1996 (ISA) hit Huawei; IFCA section 1244 applies.")
    doc = doc_with(text, "en", [
        ent(text, "Iran", "LOC", "kb"), ent(text, "Counter-Proliferation Act", "PERSON", "model"),
        ent(text, "2012", "DATE", "rule"), ent(text, "IFCA", "ORG", "model"),
        ent(text, "Iran", "LOC", "kb", nth=1), ent(text, "1996", "DATE", "rule"),
        ent(text, "ISA", "ORG", "model"), ent(text, "Huawei", "FIRM", "kb"),
        ent(text, "IFCA", "ORG", "model", nth=1)])
    assert resolved(resolve, doc) == [("Huawei", "FIRM")]


@pytest.mark.parametrize("name, kept", [
    ("Federal Register", False),
    ("Addition of Entities", False),
    ("SUPPLEMENTARY INFORMATION", False),
    ("Riga Newsroom", True),            # Riga is a name
    ("United Arab Emirates", True),
    ("World Bank", True),               # its head says what it is
    ("Ahold", True),                    # one word: too little to judge
])
def test_headline_common_words_are_no_organisation(resolve, name, kept):
    text = f"The {name} said on Monday it would publish the rule."
    doc = doc_with(text, "en", [ent(text, name, "ORG", "model")])
    assert bool(resolved(resolve, doc)) is kept


def test_english_firm_with_its_seat_in_brackets_and_a_legal_form(resolve):
    text = "determined that Reach Holding Group (Shanghai) Company Ltd. met the criteria"
    doc = doc_with(text, "en", [ent(text, "Reach Holding Group", "FIRM", "model"),
                                ent(text, "Shanghai", "LOC", "kb"), ent(text, "Company Ltd.", "FIRM", "model")])
    assert resolved(resolve, doc) == [("Reach Holding Group (Shanghai) Company Ltd.", "FIRM")]


def test_kb_name_beats_a_title_case_run_without_a_head_of_its_own(resolve):
    text = "Notice of Department of State Sanctions Action Pursuant to the Act"
    doc = doc_with(text, "en", [ent(text, "Department of State", "GOV", "kb"),
                                ent(text, "Department of State Sanctions Action Pursuant", "GOV", "model")])
    assert resolved(resolve, doc) == [("Department of State", "GOV")]


@pytest.mark.parametrize("text, name, typ, canonical", [
    ("不可靠实体清单工作机制对美国PVH集团启动调查。", "美国PVH集团", "FIRM", "nf:pvh"),        # place taken off
    ("决定将埃克索维拉公司（Exovera）列入反制清单。", "埃克索维拉公司（Exovera）", "FIRM", "nf:exovera"),  # bracketed alias
    ("美国商务部发布公告。", "美国商务部", "GOV", "nf:us-doc"),     # the whole name, not China's 商务部
])
def test_found_name_is_linked_to_the_kb_entity_it_names(resolve, text, name, typ, canonical):
    doc = doc_with(text, "zh", [ent(text, name, typ, "model")])
    resolve.process(doc)
    (e,) = [e for e in doc.entities if e.text == name]
    assert (e.type, e.canonical["id"]) == (typ, canonical)


def test_a_place_is_never_taken_off_a_government_body(resolve):
    text = "日本商务部发布公告。"          # no such body in the KB: it must not become China's MOFCOM
    doc = doc_with(text, "zh", [ent(text, "日本商务部", "GOV", "model")])
    resolve.process(doc)
    (e,) = doc.entities
    assert e.canonical is None or e.canonical["id"] != "nf:cn-mofcom"


@pytest.mark.parametrize("text, name", [
    ("Parsek LLC and LLC were named.", "LLC"),
    ("外交部关于对美国军工企业采取反制措施的决定", "美国军工企业"),
])
def test_a_legal_form_or_a_description_alone_is_no_name(resolve, text, name):
    doc = doc_with(text, "zh" if not text.isascii() else "en", [ent(text, name, "FIRM", "model", nth=text.count(name) - 1)])
    assert name not in [t for t, _ in resolved(resolve, doc)]


@pytest.mark.parametrize("text, name, expected", [
    ("삼성전자는 현재 에스에스엘엠의 지분 19.9%를 여전히 보유 중이다.", "에스에스엘엠", "FIRM"),   # a stake
    ("보조금을 지급할 계획이라고 17일 중신넷이 보도했다.", "중신넷", "FIRM"),                   # media report
    ("남북 양측은 10일 판문점에서 끝난 장관급 회담에서 합의했다.", "남", "ORG"),            # one syllable: no cue
])
def test_context_cues_type_an_organisation_whose_name_says_nothing(resolve, text, name, expected):
    doc = doc_with(text, "ko", [ent(text, name, "ORG", "model")])
    assert resolved(resolve, doc) == [(name, expected)]


def test_shipped_common_word_list_is_what_its_builder_makes():
    """pipeline/lang/en_lowercase_words.txt is derived from spaCy's lookups data by
    ``python -m pipeline.lang.casing``; the committed file must be its output."""
    from pipeline.lang import casing

    assert casing.WORDS_FILE.read_text(encoding="ascii").split() == casing.build()
    assert casing.all_common("Federal Register") and not casing.all_common("Huawei Technologies")


def test_two_coordinated_universities_are_two_names(nlp):
    """Hunan University and Nanchang University: no KB name inside, but each conjunct ends in an
    organisation's head."""
    doc = nlp("The Commerce Department removed Hunan University and Nanchang University from the Unverified List.",
              published="2023-08-21")
    names = [e.text for e in doc.entities]
    assert "Hunan University" in names and "Nanchang University" in names
    assert not any(" and " in n for n in names)
