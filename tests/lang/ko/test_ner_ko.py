"""The Korean NER featurizer (MeCab-ko only) and what the default pipeline loads for Korean."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import REPO
from pipeline.ner.features import featurizer

KO = "삼성전자 이재용 회장은 5일 상무부로부터 a_b를 받았다"


@pytest.fixture(scope="module")
def rows():
    pytest.importorskip("mecab")
    f = featurizer("ko")
    return [[a.decode() for a in row] for row in f.features(KO, f.units(KO))]


def test_a_morpheme_describes_each_of_its_syllables(rows):
    assert len(rows) == len(KO)
    # 이재용: one NNP morpheme that mecab-ko-dic classes as a person's name, between 삼성전자 and 회장
    for i, place in zip(range(KO.index("이재용"), KO.index("이재용") + 3), "BIE"):
        assert {"m=NNP|" + place, "mw=이재용", "mw=이재용|" + place, "sem=인명", "sem=인명|" + place,
                "mpw=삼성전자|" + place, "mnw=회장|" + place, "mpn=<b>|NNP|<b>"} <= set(rows[i])
    assert "m=JX|S" in rows[KO.index("은")] and "mpn=NNG|JX|<b>" in rows[KO.index("은")]


def test_syllable_window_and_eojeol_prefix(rows):
    i = KO.index("5")
    assert {"c0=0", "c-1=_", "c1=일", "c-101=_0일", "ejpre=5"} <= set(rows[i])     # digits folded
    last = KO.index("상무부로부터") + 5
    assert "ejpre=상무부로" in rows[last]        # the eojeol's first syllables, at most four
    assert not any(a.startswith(("bias", "t=", "ej=")) for r in rows for a in r)    # measured useless


def test_spaces_get_the_neighbouring_tags_and_underscore_is_not_a_space(rows):
    assert rows[KO.index(" ")] == ["space", "p-1=NNP", "p+1=NNP"]
    under = rows[KO.index("_")]
    assert under[0] == "c-2=_" and "c0=_" in under and "space" not in under


def test_empty_and_blank_texts():
    pytest.importorskip("mecab")
    f = featurizer("ko")
    assert f.features("", []) == []
    assert f.features("  ", f.units("  ")) == [[b"space", b"p-1=<b>", b"p+1=<b>"]] * 2


def test_the_korean_model_uses_the_mecab_featurizer():
    meta = json.loads((REPO / "models" / "ner" / "ko" / "meta.json").read_text(encoding="utf-8"))
    assert meta["featurizer"] == "ko"
    assert meta["scores"]["klue-ner-v1.1 dev"]["ALL"]["f"] >= 0.82


@pytest.mark.slow
def test_default_pipeline_finds_korean_names_without_loading_kiwi():
    pytest.importorskip("mecab")
    code = ("import sys, pipeline\n"
            "doc = pipeline.load()('삼성전자 이재용 회장은 5일 서울 서초구 사옥에서 기자들과 만났다.')\n"
            "print(sorted({e.text for e in doc.entities if e.source == 'model'}))\n"
            "print('kiwipiepy' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    names, kiwi = out.stdout.strip().splitlines()
    assert "이재용" in names and kiwi == "False"


@pytest.mark.slow
def test_kiwi_second_opinion_stays_selectable():
    pytest.importorskip("mecab")
    pytest.importorskip("kiwipiepy")
    f = featurizer("ko-kiwi")
    kiwi_rows = f.features(KO, f.units(KO))
    i = KO.index("이재용")
    assert {b"k=NNP|B", "kw=이재용|B".encode(), "mw=이재용".encode()} <= set(kiwi_rows[i])
