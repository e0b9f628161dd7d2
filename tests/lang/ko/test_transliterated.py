"""Korean transliterations of foreign names: the Mandarin spelling rules, the loanword scorer, the
word splitter and the candidates they give the resolver, on Korean sentences written like news
(none of them from the news set)."""
from __future__ import annotations

import pytest

from pipeline.entities.transliterated import split_word
from pipeline.lang.ko.loanwords import load
from pipeline.lang.ko.pinyin import to_hangul


@pytest.mark.parametrize("syllables, hangul", [
    (["xi", "jin", "ping"], "시진핑"),          # 习近平
    (["mao", "ze", "dong"], "마오쩌둥"),         # 毛泽东: z -> ㅉ, ong -> 웅
    (["deng", "xiao", "ping"], "덩샤오핑"),      # 邓小平
    (["zhao", "li", "jian"], "자오리젠"),        # 赵立坚: y-vowel after ㅈ loses its y
    (["cui", "tian", "kai"], "추이톈카이"),      # 崔天凯
    (["sun", "jin", "long"], "쑨진룽"),          # 孙金龙: s -> ㅆ
    (["xue"], "쉐"), (["quan"], "취안"), (["yue"], "웨"), (["shi"], "스"),
])
def test_mandarin_in_hangul_follows_the_korean_rules(syllables, hangul):
    assert to_hangul(syllables) == hangul


def test_what_is_no_mandarin_syllable_gives_none():
    assert to_hangul(["xi", "bla"]) is None


@pytest.fixture(scope="module")
def scorer():
    return load()


@pytest.mark.parametrize("word", ["므누신", "쑨진룽", "펑자루이", "화웨이", "트럼프", "카스퍼스키", "일렉트론", "퀙텔"])
def test_transliterations_score_as_loanwords(scorer, word):
    assert scorer.is_loanword(word), (word, scorer.score(word))


@pytest.mark.parametrize("word", ["정부", "발표", "수출통제", "방산업체", "김동명", "관계자", "대통령", "제품"])
def test_korean_words_do_not(scorer, word):
    assert not scorer.is_loanword(word), (word, scorer.score(word))


def test_scores_are_probabilities_and_latin_scores_nothing(scorer):
    assert 0.0 <= scorer.score("헌팅턴잉걸스") <= 1.0
    assert scorer.score("Huawei") == 0.0 and scorer.score("") == 0.0


@pytest.mark.parametrize("word, stem", [
    ("카스퍼스키가", "카스퍼스키"),      # 가 after a vowel: a particle
    ("베이징이", "베이징"),              # 이 after a final consonant: a particle
    ("펑자루이", "펑자루이"),            # 이 after a vowel is no particle: part of the name
    ("수호이", "수호이"),
    ("화웨이와", "화웨이"),
    ("헌팅턴잉걸스를", "헌팅턴잉걸스"),
    ("화성선박회사와", "화성선박회사"),  # a firm's head is no particle (사 of 3사)
    ("백설무역회사는", "백설무역회사"),
])
def test_particles_are_cut_only_where_they_agree(word, stem):
    assert split_word(word, 0, len(word)).stem == stem


def names(nlp, text):
    return [(e.text, e.type, e.source) for e in nlp(text).entities if e.type not in ("DATE", "QUANTITY", "MONEY")]


@pytest.mark.slow
def test_a_firm_after_a_word_for_its_kind_is_found_and_linked(nlp):
    doc = nlp("미국 해군은 방산업체 헌팅턴잉걸스와 계약을 맺었다.")
    firm = next(e for e in doc.entities if e.text == "헌팅턴잉걸스")
    assert firm.type == "FIRM" and firm.source == "rule"
    assert firm.canonical["id"] == "nf:huntington-ingalls-industries"     # the cross-script matcher


@pytest.mark.slow
def test_a_firm_the_model_types_as_a_person_is_a_firm_after_its_kind(nlp):
    doc = nlp("러시아 보안업체 카스퍼스키랩은 이를 부인했다.")
    firm = next(e for e in doc.entities if e.text == "카스퍼스키랩")
    assert firm.type == "FIRM" and firm.canonical["id"] == "nf:ao-kaspersky-lab"


@pytest.mark.slow
def test_names_before_a_firm_head(nlp):
    assert ("캐멀 그룹", "FIRM", "rule") in names(nlp, "제재 대상 기업은 캐멀 그룹이다.")
    # 토치 alone scores low; after a word for its kind, the head word continues the name
    assert ("토치 일렉트론", "FIRM", "rule") in names(nlp, "배터리업체 토치 일렉트론이 명단에 올랐다.")


@pytest.mark.slow
def test_sino_korean_firm_names_after_their_kind_and_beside_it_are_firms(nlp):
    got = names(nlp, "북한 전자업체인 하나전자합영회사와 해운업체인 화성선박회사, 구룡선박회사, 해양산업무역 등도 "
                     "제재 대상에 추가됐다.")
    for firm in ("하나전자합영회사", "화성선박회사", "구룡선박회사", "해양산업무역"):
        assert (firm, "FIRM", "rule") in got
    assert not [n for n, t, _ in names(nlp, "북한 해운회사와 무역회사 여러 곳이 제재를 받았다.") if t == "FIRM"]


def test_chinese_names_in_an_enumeration_with_a_count_are_persons(nlp):
    got = names(nlp, "미 재무부는 왕이, 류허, 자오리젠 등 3명을 제재 대상에 올렸다.")
    assert [n for n, t, _ in got if t == "PERSON"] == ["왕이", "류허", "자오리젠"]


@pytest.mark.slow
def test_a_person_the_model_cut_is_whole(nlp):
    got = names(nlp, "스티븐 므누신 재무장관은 기자회견에서 말했다.")     # the model alone: 스티븐
    assert ("스티븐 므누신", "PERSON", "rule") in got and all(n != "스티븐" for n, _, _ in got)
    assert ("마르코 루비오", "PERSON") in [(n, t) for n, t, _ in names(nlp, "마르코 루비오 국무장관은 성명에서 밝혔다.")]


@pytest.mark.slow
def test_a_given_name_takes_its_surname_but_not_the_next_name(nlp):
    # the model tags the given names only; the surname is a word MeCab-ko does not know and
    # pieces from proper nouns (발리자데: 발리 자데); a name found already or a known word is not
    got = names(nlp, "미국은 고르반 모하마드 발리자데를 제재했다.")
    assert ("고르반 모하마드 발리자데", "PERSON") in [(n, t) for n, t, _ in got]
    got = names(nlp, "블라디미르 푸틴 러시아 대통령은 조 바이든 미국 대통령을 비판했다.")
    assert {("러시아", "LOC"), ("미국", "LOC")} <= {(n, t) for n, t, _ in got}
    assert not any(n.endswith(("러시아", "미국")) and t == "PERSON" for n, t, _ in got)


@pytest.mark.slow
def test_a_later_word_of_a_full_name_alone_joins_it(nlp):
    # 모하마드 alone, after 고르반 모하마드 발리자데, is that person (no longer only the last word)
    doc = nlp("미국은 고르반 모하마드 발리자데 사령관을 제재했다. 모하마드 사령관은 반발했다.")
    persons = [e for e in doc.entities if e.type == "PERSON"]
    assert [e.text for e in persons] == ["고르반 모하마드 발리자데", "모하마드"]
    assert persons[0].canonical["id"] == persons[1].canonical["id"] == "nf:ghorban-mohammad-valizadeh"


@pytest.mark.slow
def test_korean_words_and_names_stay_as_they_were(nlp):
    # no loanword reading of a Korean noun (its type is the typer's: a bare 정부 is a near tie, typer card)
    assert [(n, source) for n, _, source in names(nlp, "정부는 기업 관계자들과 회의를 열었다.")] == [("정부", "model")]
    got = names(nlp, "삼성전자 이재용 회장은 김동명 기자에게 말했다.")
    assert ("이재용", "PERSON", "model") in got and ("김동명", "PERSON", "model") in got
    assert all(source != "rule" for _, _, source in got)


@pytest.mark.slow
def test_chinese_and_english_sentences_are_left_alone(nlp):
    import pipeline

    off = pipeline.load(None, ["resolve.transliterations=false"])
    for text in ("美国商务部将华为及其114家关联企业列入实体清单。",
                 "The Commerce Department added Huntington Ingalls Industries and Quectel to the list."):
        assert nlp(text).to_dict() == off(text).to_dict()


def test_a_hangul_name_before_its_latin_form_has_as_many_words(nlp):
    doc = nlp("제재 대상 기업은 PVC를 생산하는 신중 중타이 그룹(Xinjiang Zhongtai Group), 원사를 생산하는 "
              "신장 톈멘 재단 방직(Xinjiang Tianmian Foundation Textile) 등 2곳이다.")
    ids = {e.text: (e.canonical or {}).get("id") for e in doc.entities}
    assert ids["신중 중타이 그룹"] == ids["Xinjiang Zhongtai Group"] is not None
    assert ids["신장 톈멘 재단 방직"] == ids["Xinjiang Tianmian Foundation Textile"] is not None
    assert not any(e.text.startswith("생산하는") for e in doc.entities)
