"""Names matched across scripts: transliterations in Hangul and Chinese, Sino-Korean readings,
pinyin, traditional characters; what must not match; the saved matcher; the link stage's use."""
from __future__ import annotations

import pytest

from pipeline.kb import load_kb, load_xscript, phonetic
from pipeline.kb.index import kb_digest
from pipeline.kb.store import KBEntity
from pipeline.kb import xscript
from pipeline.kb.xscript import CrossScriptMatcher, mention_script, pinyin_syllables, xscript_path


def _entity(eid: str, name: str, country: str, zh: list[str] = (), en: list[str] = (),
            type: str = "FIRM") -> KBEntity:
    return KBEntity(id=eid, type=type, name=name, country=country, sources=["test"],
                    aliases={"ko": [], "zh-Hans": list(zh), "zh-Hant": [], "en": list(en)})


@pytest.fixture(scope="module")
def matcher():
    entities = [
        _entity("nf:hii", "Huntington Ingalls Industries", "US"),
        _entity("nf:lockheed", "Lockheed Martin", "US", en=["Lockheed Martin Corporation"]),
        _entity("nf:hikvision", "Hangzhou Hikvision Digital Technology", "CN", zh=["杭州海康威视数字技术"]),
        _entity("nf:cetc", "China Electronics Technology Group Corporation", "CN", zh=["中国电子科技集团公司"]),
        _entity("nf:fam", "Fam Robotiks", "RU"),
        _entity("nf:kratos", "Kratos Defense & Security Solutions", "US"),
        _entity("nf:bank", "Bank of Kunlun", "CN", zh=["昆仑银行"]),
    ]
    return CrossScriptMatcher.build(entities)


@pytest.mark.parametrize("mention, expected, how", [
    ("헌팅턴잉걸스", "nf:hii", "skeleton"),                  # Hangul transliteration of an English name
    ("헌팅턴 잉걸스 인더스트리즈", "nf:hii", "skeleton"),
    ("록히드마틴", "nf:lockheed", "skeleton"),
    ("亨廷顿·英格尔斯工业公司", "nf:hii", "skeleton"),        # Chinese transliteration
    ("중국전자과기집단공사", "nf:cetc", "sino"),              # Sino-Korean reading of the Chinese name
    ("杭州海康威視數字技術", "nf:hikvision", "han"),           # traditional characters
    ("Hangzhou Haikang Weishi Shuzi Jishu", "nf:hikvision", "pinyin"),   # pinyin of the Han name
])
def test_names_in_other_scripts_find_their_entity(matcher, mention, expected, how):
    found = matcher.best(mention)
    assert found is not None and (found.entity_id, found.how) == (expected, how)
    assert 0.9 <= found.score <= 1.0


@pytest.mark.parametrize("mention", [
    "인민은행",           # Sino-Korean words are not read as a transliteration
    "푸우로보틱스",        # Foo Robotics: only the generic word sounds like Fam Robotiks
    "크라토스",           # too short a skeleton to say anything
    "中国人民银行",
    "Hangzhou",
])
def test_names_that_are_not_in_the_kb_find_nothing(matcher, mention):
    assert matcher.best(mention) is None


@pytest.fixture(scope="module")
def persons():
    return CrossScriptMatcher.build([
        _entity("nf:deripaska", "Oleg Vladimirovich Deripaska", "RU", en=["Oleg Deripaska"], type="PERSON"),
        _entity("nf:medvedev", "Dmitry Anatolievich Medvedev", "RU", en=["Dmitry Medvedev"], type="PERSON"),
        _entity("nf:tan", "Tan Tieniu", "HK", en=["Tieniu Tan"], type="PERSON"),
        _entity("nf:zhang", "ZHANG, Xiaoming", "CN", type="PERSON"),
        _entity("nf:rubio", "Marco Rubio", "US", type="PERSON"),
        _entity("nf:lavrov", "Sergei Viktorovich Lavrov", "RU", type="PERSON"),
        _entity("nf:zakharova", "Mariya Vladimirovna Zakharova", "RU", type="PERSON"),
        _entity("nf:kamali", "Hossein Zare Kamali", "IR", type="PERSON"),
        _entity("nf:malov", "Sergei Malov", "RU", type="PERSON"),
    ])


@pytest.mark.parametrize("mention, expected, how", [
    ("올레크 데리파스카", "nf:deripaska", "person"),      # a full name in Hangul, by its sound
    ("드미트리 메드베데프", "nf:medvedev", "person"),
    ("탄톄뉴", "nf:tan", "hangul"),                       # a Chinese name in the Korean spelling of its pinyin
    ("장 샤오밍", "nf:zhang", "hangul"),
    # first and last words of a name with a patronymic, read as spelled: g hard, every r heard
    ("세르게이 라브로프", "nf:lavrov", "person"),
    ("마리아 자하로바", "nf:zakharova", "person"),      # kh as ㅎ; every syllable also reads a Han character
    ("호세인 자레 카말리", "nf:kamali", "person"),       # the final e of Zare is said
])
def test_persons_in_hangul_find_their_entity(persons, mention, expected, how):
    found = persons.best(mention, kinds=frozenset({"letters", "hangul", "person"}))
    assert found is not None and (found.entity_id, found.how) == (expected, how)


@pytest.mark.parametrize("mention", [
    "데리파스카",          # a surname alone is no full name
    "마코 루비오",         # too short a skeleton (MVKVLVP) to tell one person from another
    "김정은",              # a Korean name is no transliteration
])
def test_persons_are_matched_only_by_long_full_names(persons, mention):
    assert persons.best(mention, kinds=frozenset({"letters", "hangul", "person"})) is None


def test_vowels_tell_apart_names_whose_consonants_sound_alike(persons):
    from pipeline.kb.linking import _vowels_agree

    # 제시 말라브 (Jesse Malave) has the skeleton of Sergei Malov (SVSVMVLVP); the link stage takes a
    # person matched by sound only when the vowels agree too
    assert persons.best("제시 말라브", kinds=frozenset({"person"})).entity_id == "nf:malov"
    assert not _vowels_agree("제시 말라브", ["Sergei Malov"])
    assert not _vowels_agree("인디아나 존스", ["Antonio Sunce"])
    assert _vowels_agree("세르게이 라브로프", ["Sergei Viktorovich Lavrov"])
    assert _vowels_agree("테레사 청", ["Teresa Cheng"])          # a one-vowel surname says too little


def test_pinyin_words_are_cut_into_syllables():
    assert pinyin_syllables("Tieniu") == ["tie", "niu"]
    assert pinyin_syllables("Xiaoming") == ["xiao", "ming"]
    assert pinyin_syllables("Carrie") is None


def test_a_name_spelled_as_said_keeps_hard_g_every_r_and_final_e():
    assert phonetic.english("Sergei Lavrov") == "SVSVLVPLVP"
    assert phonetic.spelled("Sergei Lavrov") == phonetic.korean("세르게이 라브로프") == "SVLKVLVPLVP"
    assert phonetic.spelled("Zakharova") == phonetic.korean("자하로바")
    assert phonetic.spelled("Damghani") == phonetic.korean("담가니") != phonetic.english("Damghani")
    assert phonetic.korean_vowels("라브로프") == phonetic.english_vowels("Lavrov") == "ao"


def test_skeletons_of_three_spellings_meet():
    assert phonetic.english("Huntington Ingalls") == "HVNTVNTVNVNVLS"
    assert phonetic.korean("헌팅턴잉걸스") == phonetic.chinese("亨廷顿·英格尔斯") == "HVNTVNTVNVNKVLS"
    assert phonetic.korean("삼성SDI").endswith(phonetic.english("SDI"))
    assert [mention_script(t) for t in ("화웨이", "華為", "Huawei")] == ["hangul", "han", "latin"]


def test_the_committed_kb_has_its_matcher_saved_and_current():
    kb = load_kb()
    saved = CrossScriptMatcher.load(xscript_path(kb.path), kb_digest(kb.path))
    assert saved is not None and len(saved.ids) > 10000
    assert CrossScriptMatcher.load(xscript_path(kb.path), "0" * 64) is None      # stale: rebuilt instead
    found = load_xscript(kb).best("헌팅턴잉걸스")
    assert found is not None and found.entity_id == "nf:huntington-ingalls-industries"


def test_save_and_load_give_the_same_answers(matcher, tmp_path):
    path = tmp_path / "x.json"
    matcher.save(path, "abc")
    again = CrossScriptMatcher.load(path, "abc")
    for mention in ("헌팅턴잉걸스", "중국전자과기집단공사", "杭州海康威視數字技術"):
        assert again.best(mention) == matcher.best(mention)


def test_link_stage_links_a_korean_transliteration_to_the_kb():
    from conftest import assert_offsets
    from pipeline.stages.base import Shared
    from pipeline.stages.link import LinkConfig, LinkStage
    from pipeline.types import Document, Entity, Sentence

    link = LinkStage(LinkConfig(), Shared(run=None))
    link.setup()
    text = "중국 상무부는 헌팅턴잉걸스를 수출통제 관리통제 명단에 올렸다."
    doc = Document(text=text, sentences=[Sentence(0, len(text), "ko")])
    start = text.index("헌팅턴잉걸스")
    doc.add_entity(Entity(id="", text="헌팅턴잉걸스", type="FIRM", start=start, end=start + 6, source="model"))
    link.process(doc)
    assert_offsets(doc.to_dict())
    assert doc.entities[0].canonical["id"] == "nf:huntington-ingalls-industries"
    assert any(item["id"].startswith("cn-") for item in doc.entities[0].canonical["lists"])   # a MOFCOM listing


@pytest.mark.parametrize("person, expected", [
    ("세르게이 라브로프", "nf:sergei-viktorovich-lavrov"),
    ("호세인 자레 카말리", "nf:hossein-zare-kamali"),
    ("제시 말라브", None),                 # not in the KB: no person whose name merely sounds alike
])
def test_link_stage_links_a_person_in_hangul_to_the_kb_by_sound(person, expected):
    from pipeline.stages.base import Shared
    from pipeline.stages.link import LinkConfig, LinkStage
    from pipeline.types import Document, Entity, Sentence

    link = LinkStage(LinkConfig(), Shared(run=None))
    link.setup()
    text = f"미국 재무부는 {person}를 제재 대상에 올렸다."
    doc = Document(text=text, sentences=[Sentence(0, len(text), "ko")])
    start = text.index(person)
    doc.add_entity(Entity(id="", text=person, type="PERSON", start=start, end=start + len(person), source="model"))
    link.process(doc)
    linked = doc.entities[0].canonical["id"]
    assert linked == expected if expected else linked.startswith("doc:")


@pytest.mark.parametrize("name, english", [
    ("河北新海化工集團有限公司", "hebeixinhaichemicalgroup"),
    ("碳元科技有限公司", "tanyuantechnology"),
    ("和田泰达服饰", "hetiantaidaapparel"),
])
def test_a_chinese_firm_name_is_read_with_its_generic_words_in_english(name, english):
    # translated, not transliterated: 化工 = Chemical, 集团 = Group, 科技 = Technology, 服饰 = Apparel
    bare = xscript._bare_zh(name)
    assert ("letters", english) in xscript.query_keys(name, "han")
    assert xscript._translated_letters(bare) == english
