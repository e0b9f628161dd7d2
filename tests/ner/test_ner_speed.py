"""The analysis memos a pipeline shares: the libraries' analyses, bounded, each sentence analysed once."""
from __future__ import annotations

import pytest

import pipeline
from pipeline import tokenizers
from pipeline.stages.base import Shared

KO = "삼성전자는 23일 미국 상무부가 화웨이를 거래제한 명단에 올렸다고 밝혔다."
ZH = "美国商务部周一将海康威视和大华技术列入实体清单。"


def test_mecab_memo_matches_the_library():
    mecab = pytest.importorskip("mecab")
    ref = tuple((m.span.start, m.span.end, m.feature.pos, m.feature.semantic or "")
                for m in mecab.MeCab().parse(KO))
    assert tokenizers.mecab_analysis()(KO) == ref
    assert ("인명" in {sem for *_, sem in tokenizers.mecab_analysis()("문재인 대통령")})


def test_kiwi_memo_matches_the_library():
    kiwipiepy = pytest.importorskip("kiwipiepy")
    ref = tuple((t.start, t.len, t.tag, t.form) for t in kiwipiepy.Kiwi(num_workers=0).tokenize(KO))
    assert tokenizers.kiwi_analysis()(KO) == ref


def test_jieba_memo_matches_posseg_with_spaces():
    jieba = pytest.importorskip("jieba")
    posseg = pytest.importorskip("jieba.posseg")

    text = ZH + " 华为 2019年"
    ref = tuple((p.word, p.flag) for p in posseg.POSTokenizer(jieba.Tokenizer()).cut(text, HMM=False))
    assert tokenizers.jieba_analysis(False)(text) == ref
    got = tokenizers.jieba_analysis(True)(text)
    assert "".join(w for w, _ in got) == text and (" ", "x") in got and ("2019", "m") in got


def test_shared_tokenizers_give_the_same_tokens():
    pytest.importorskip("mecab")
    pytest.importorskip("jieba")
    shared = tokenizers.fresh
    assert tokenizers.korean_tokenizer("mecab", shared)(KO, 7) == tokenizers.korean_tokenizer("mecab")(KO, 7)
    assert tokenizers.chinese_tokenizer(analyses=shared)(ZH, 3) == tokenizers.chinese_tokenizer()(ZH, 3)


def test_memo_analyses_once_and_stays_bounded():
    calls: list[str] = []
    memo = tokenizers.Memo(lambda t: calls.append(t) or len(t), size=2)
    assert [memo("a"), memo("a"), memo("bb"), memo("ccc"), memo("a")] == [1, 1, 2, 3, 1]
    assert calls == ["a", "bb", "ccc", "a"]          # "a" was dropped first when "ccc" came
    memo.clear()
    memo("bb")
    assert calls[-1] == "bb"


def test_ner_featurizer_reuses_the_tokenize_stage_analysis(monkeypatch):
    pytest.importorskip("mecab")
    from pipeline.ner.features.ko import KoreanFeaturizer

    shared = Shared(None)
    tokenizers.korean_tokenizer("mecab", shared.analysis)(KO)
    featurizer = KoreanFeaturizer(shared.analysis)
    monkeypatch.setattr(shared.analysis("mecab"), "_analyse", lambda text: pytest.fail("analysed twice"))
    feats = featurizer.features(KO, featurizer.units(KO))
    assert len(feats) == len(KO) and b"m=NNP|B" in feats[0] and "c0=삼".encode() in feats[0]


def test_pipelines_do_not_share_analysers():
    pytest.importorskip("mecab")
    one, two = Shared(None), Shared(None)
    assert one.analysis("mecab") is one.analysis("mecab") is not two.analysis("mecab")


def test_a_pipeline_analyses_each_korean_sentence_once(monkeypatch):
    pytest.importorskip("mecab")
    calls: list[str] = []

    def counted() -> tokenizers.Memo:          # every MeCab analyser, shared or not, counts here
        memo = tokenizers.mecab_analysis()
        analyse = memo._analyse
        memo._analyse = lambda text: calls.append(text) or analyse(text)
        return memo

    monkeypatch.setitem(tokenizers.ANALYSERS, "mecab", counted)
    nlp = pipeline.load({"pipeline": {"stages": ["langid", "sentences", "tokenize", "ner"]}})
    nlp("서울에서 회의가 열렸다.")      # loads the tokenizer and the model (they warm up on their own texts)
    calls.clear()
    doc = nlp(KO + " 미국 상무부는 화웨이를 제재했다.")
    assert calls == [doc.text[s.start:s.end] for s in doc.sentences if s.lang == "ko"] and len(calls) == 2
    assert any(e.source == "model" for e in doc.entities) and doc.tokens


MIXED = ["海康威视和大华技术", "王小明在中关村创办了智谱华章", "张三丰李四光", "的", "赵钱孙李周吴郑王冯陈褚卫",
         "iPhone12 售价5,999元，增长12.5%。\r\n\tABC公司 与 a1b2 合作 ＡＢＣ x86_64 C++ 3.5.1 ..", "  ", ""]


@pytest.fixture(scope="module")
def jieba_base():
    """One loaded ``jieba.Tokenizer`` (its dictionary takes a second to read)."""
    jieba = pytest.importorskip("jieba")
    base = jieba.Tokenizer()
    base.initialize()
    return base


@pytest.mark.parametrize("text", MIXED)
def test_pos_analyser_without_hmm_is_possegs(jieba_base, text):
    from jieba.posseg import POSTokenizer

    from pipeline.jieba_hmm import PosAnalyser

    ref = tuple((p.word, p.flag) for p in POSTokenizer(jieba_base).cut(text, HMM=False))
    assert PosAnalyser(jieba_base, hmm=False)(text) == ref


@pytest.mark.parametrize("text", MIXED[:5] + ["公司首席执行官梁孟松已辞职", "中国外交部发言人华春莹表示"])
def test_pos_analyser_finds_jieba_cuts_words(jieba_base, text):
    from pipeline.jieba_hmm import PosAnalyser

    assert [w for w, _ in PosAnalyser(jieba_base)(text)] == list(jieba_base.cut(text, HMM=True))


def test_pos_analyser_tags_unknown_words_and_keeps_user_words(jieba_base):
    jieba = pytest.importorskip("jieba")
    from pipeline.jieba_hmm import PosAnalyser

    assert ("梁孟松", "nz") in PosAnalyser(jieba_base)("公司首席执行官梁孟松已辞职。")
    base = jieba.Tokenizer()
    base.add_word("实体清单", tag="nz")
    words = PosAnalyser(base)(ZH)
    assert ("实体清单", "nz") in words and "".join(w for w, _ in words) == ZH
