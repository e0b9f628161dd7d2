"""The Chinese NER features: ten per character, built on the tokenize stage's jieba analysis."""
from __future__ import annotations

import pytest

from pipeline import tokenizers

ZH = "中芯国际周五发布公告称，公司首席执行官梁孟松已辞职。"


@pytest.fixture(scope="module")
def featurizer():
    pytest.importorskip("jieba")
    from pipeline.ner.features.zh import ChineseFeaturizer

    return ChineseFeaturizer()


def test_features_per_character(featurizer):
    feats = featurizer.features(ZH, featurizer.units(ZH))
    assert len(feats) == len(ZH) and {len(f) for f in feats} == {10}
    liang = ZH.index("梁")
    assert {f.decode() for f in feats[liang]} == {
        "c-1=官", "c0=梁", "c1=孟", "c-10=官梁", "c01=梁孟", "w=nz|B", "ww=梁孟松|B", "wend=松|B", "wp=n", "wn=d"}
    assert b"c-1=<s>" in feats[0] and b"c-10=<s>" + "中".encode() in feats[0] and b"c1=</s>" in feats[-1]


def test_digits_and_spaces_are_folded(featurizer):
    text = "增长12.5% 以上"
    feats = featurizer.features(text, featurizer.units(text))
    assert b"c0=0" in feats[2] and b"c0=_" in feats[text.index(" ")]
    assert b"ww=12.5|B" in feats[2]       # the word keeps its digits


def test_featurizer_reuses_the_tokenize_stage_analysis(monkeypatch):
    from pipeline.ner.features.zh import ChineseFeaturizer
    from pipeline.stages.base import Shared

    shared = Shared(None)
    tokens = tokenizers.chinese_tokenizer(hmm=True, analyses=shared.analysis)(ZH)
    assert any(t.text == "梁孟松" and t.pos == "nz" for t in tokens)
    featurizer = ChineseFeaturizer(shared.analysis)
    monkeypatch.setattr(shared.analysis("jieba"), "_analyse", lambda text: pytest.fail("analysed twice"))
    assert len(featurizer.features(ZH, featurizer.units(ZH))) == len(ZH)

