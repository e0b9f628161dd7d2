"""Tokenizers per language: offsets index the text, analysers split Korean particles."""
from __future__ import annotations

import shutil

import pytest

from pipeline import tokenizers
from pipeline.tokenizers import align

KO = "미국 상무부가 하이크비전(海康威視)을 블랙리스트에 올렸다."


def _check(tokens, text):
    for t in tokens:
        assert text[t.start:t.end] == t.text
    starts = [t.start for t in tokens]
    assert starts == sorted(starts)


@pytest.mark.parametrize("backend", ["mecab", "kiwi"])
def test_korean_backends_separate_particles(backend):
    tokens = tokenizers.korean_tokenizer(backend)(KO, 100)
    shifted = " " * 100 + KO
    _check(tokens, shifted)
    texts = [t.text for t in tokens]
    assert "상무부" in texts and "가" in texts and "에" in texts
    assert any(t.pos and t.pos.startswith("NNP") for t in tokens)


def test_kiwi_keeps_lemma_of_changed_morphemes():
    tokens = tokenizers.korean_tokenizer("kiwi")("올렸다")
    assert ("올리" in [t.lemma or t.text for t in tokens])


@pytest.mark.slow
def test_konlpy_okt_aligned_offsets():
    pytest.importorskip("konlpy")
    if shutil.which("java") is None:
        pytest.skip("KoNLPy needs a Java runtime (java not on PATH)")
    tokens = tokenizers.korean_tokenizer("okt")(KO)
    _check(tokens, KO)
    assert "상무부" in [t.text for t in tokens]


def test_unknown_korean_backend():
    with pytest.raises(ValueError, match="unknown Korean backend"):
        tokenizers.korean_tokenizer("nltk")


def test_align_handles_changed_forms():
    text = "했다 왔다"
    tokens = align(text, [("하", "VV"), ("았", "EP"), ("다", "EF"), ("오", "VV"), ("았", "EP"), ("다", "EF")])
    _check(tokens, text)
    assert [t.lemma or t.text for t in tokens] == ["하", "았", "다", "오", "았", "다"]


def test_chinese_tokens_with_pos_and_user_words():
    text = "美国商务部将海康威视列入实体清单。"
    plain = tokenizers.chinese_tokenizer()(text)
    _check(plain, text)
    assert all(t.pos for t in plain)
    with_names = tokenizers.chinese_tokenizer(words=["海康威视", "实体清单"])(text)
    assert "海康威视" in [t.text for t in with_names] and "实体清单" in [t.text for t in with_names]


def test_english_tokens_keep_abbreviations():
    text = "The U.S. added Hikvision (海康威视) to its Entity List on Oct. 7."
    tokens = tokenizers.english_tokenizer()(text, 5)
    _check(tokens, " " * 5 + text)
    assert [t.text for t in tokens][:4] == ["The", "U.S.", "added", "Hikvision"]


def test_tokenize_stage_uses_sentence_language(nlp):
    text = "미국 상무부가 화웨이를 제재했다.\n美国商务部将华为列入实体清单。\nThe U.S. sanctioned Huawei."
    doc = nlp(text)
    assert [s.lang for s in doc.sentences] == ["ko", "zh", "en"]
    _check(doc.tokens, text)
    by_text = {t.text: t for t in doc.tokens}
    assert by_text["화웨이"].pos == "NNP"          # MeCab-ko
    assert by_text["列入"].pos == "v"               # jieba
    assert "U.S." in by_text and by_text["U.S."].pos is None   # spaCy rules


def test_english_tokenizer_imports_spacy_without_torch_and_torch_still_imports():
    """thinc would import torch with spaCy (1.2 s and ~200 MB per worker); a fresh process that
    builds the English tokenizer has spaCy without torch, and can still import torch after."""
    import subprocess
    import sys

    code = ("import sys\nfrom pipeline import tokenizers\n"
            "tok = tokenizers.english_tokenizer()\n"
            "assert [t.text for t in tok(\"BIS added Huawei's units.\")] == ['BIS', 'added', 'Huawei', \"'s\", 'units', '.']\n"
            "print('torch' in sys.modules)\n"
            "import importlib.util\n"
            "if importlib.util.find_spec('torch'):\n    import torch; torch.zeros(1)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
