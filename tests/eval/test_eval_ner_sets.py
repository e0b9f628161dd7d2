"""Readers of the public NER formats and `newsfacts convert`: offsets, schemes, published counts."""
from __future__ import annotations

import json
from collections import Counter

import pytest

from conftest import shared_data
from pipeline.cli import main as cli
from pipeline.eval.ner_sets import (read_bmes, read_cluener, read_conll, read_klue, read_msra, read_set,
                                   spans_from_tags)


def mentions(doc: dict) -> list[tuple[str, str]]:
    for e in doc["entities"]:
        assert doc["text"][e["start"]:e["end"]] == e["text"]
    return [(e["text"], e["type"]) for e in doc["entities"]]


def test_iob1_b_only_separates_adjacent_mentions_of_one_type():
    tags = ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG", "B-LOC"]
    assert spans_from_tags(tags, "iob1") == [(0, 2, "PER"), (2, 3, "PER"), (4, 5, "LOC"),
                                            (5, 6, "ORG"), (6, 7, "LOC")]


def test_bmes_spans():
    tags = ["B-NAME", "M-NAME", "E-NAME", "O", "S-CONT", "B-ORG", "E-ORG"]
    assert spans_from_tags(tags, "bmes") == [(0, 3, "NAME"), (4, 5, "CONT"), (5, 7, "ORG")]


def test_read_conll_iob1_offsets_and_tokens(tmp_path):
    path = tmp_path / "eng.sample"
    path.write_text("-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n"
                    "call NN I-NP O\n. . O O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n"
                    "Smith NNP I-NP B-PER\n", encoding="utf-8")
    docs = list(read_conll(path))
    assert [d["text"] for d in docs] == ["EU rejects German call .", "Peter Blackburn Smith"]
    assert mentions(docs[0]) == [("EU", "ORG"), ("German", "MISC")]
    assert mentions(docs[1]) == [("Peter Blackburn", "PER"), ("Smith", "PER")]
    assert docs[1]["tokens"] == [[0, 5], [6, 15], [16, 21]]
    assert {d["lang"] for d in docs} == {"en"}


def test_read_klue_char_bio(tmp_path):
    rows = "\n".join(f"{c}\t{t}" for c, t in zip("박씨가 서울에 갔다", ["B-PS", "O", "O", "O", "B-LC", "I-LC",
                                                                   "O", "O", "O", "O"]))
    path = tmp_path / "klue.tsv"
    path.write_text(f"## 토큰, 레이블 구분자 : \\t\n## 컬럼명 : CHAR\tNE_TAG\n\n"
                    f"## klue-ner-v1_dev_00001-nsmc\t<박:PS>씨가 <서울:LC>에 갔다\n{rows}\n\n", encoding="utf-8")
    (doc,) = read_klue(path)
    assert doc["id"] == "klue-ner-v1_dev_00001-nsmc" and doc["text"] == "박씨가 서울에 갔다"
    assert mentions(doc) == [("박", "PS"), ("서울", "LC")] and doc["lang"] == "ko"


def test_read_cluener_inclusive_end_and_repeated_mentions(tmp_path):
    path = tmp_path / "dev.json"
    line = {"text": "浙商银行与浙商银行企业信贷部", "label": {"company": {"浙商银行": [[0, 3], [5, 8]]},
                                                        "organization": {"企业信贷部": [[9, 13]]}}}
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    (doc,) = read_cluener(path)
    assert mentions(doc) == [("浙商银行", "company"), ("浙商银行", "company"), ("企业信贷部", "organization")]


def test_read_bmes_and_msra(tmp_path):
    bmes = tmp_path / "dev.char.bmes"
    bmes.write_text("吴 B-NAME\n重 M-NAME\n阳 E-NAME\n， O\n中 B-CONT\n国 E-CONT\n\n", encoding="utf-8")
    (doc,) = read_bmes(bmes)
    assert doc["text"] == "吴重阳，中国" and mentions(doc) == [("吴重阳", "NAME"), ("中国", "CONT")]
    msra = tmp_path / "testright1.txt"
    msra.write_text("中共中央/nt 致/o 中国致公党十一大/nt 的贺词/o \n在/o 邓小平/nr 理论指引下/o \n", encoding="utf-8")
    docs = list(read_msra(msra))
    assert docs[0]["text"] == "中共中央致中国致公党十一大的贺词"
    assert mentions(docs[0]) == [("中共中央", "nt"), ("中国致公党十一大", "nt")]
    assert mentions(docs[1]) == [("邓小平", "nr")]


# Published sentence and mention counts (SOURCE.md of each set, from the papers / official repos).
PUBLISHED = [
    ("klue-ner", "dev", "klue-ner/klue-ner-v1.1_dev.tsv", 5000,
     {"PS": 4418, "QT": 3151, "DT": 2312, "OG": 2182, "LC": 1649, "TI": 545}),
    ("klue-ner-train-reconstructed", "train", "klue-ner-train-reconstructed", 21003,
     {"PS": 14453, "QT": 11718, "OG": 8492, "DT": 8029, "LC": 6664, "TI": 2021}),
    ("cluener2020", "dev", "cluener2020/dev.json", 1343,
     {"name": 465, "organization": 367, "position": 433, "company": 378, "address": 373, "game": 295,
      "government": 247, "scene": 209, "book": 154, "movie": 151}),
    ("cluener2020", "train", "cluener2020/train.json", 10748,
     {"name": 3756, "organization": 3210, "position": 3141, "company": 2980, "address": 2891,
      "game": 2376, "government": 1835, "scene": 1521, "book": 1139, "movie": 1123}),
    ("conll2003", "train", "conll2003/eng.train", 14041, {"PER": 6600, "LOC": 7140, "ORG": 6321, "MISC": 3438}),
    ("conll2003", "testa", "conll2003/eng.testa", 3250, {"PER": 1842, "LOC": 1837, "ORG": 1341, "MISC": 922}),
    ("conll2003", "testb", "conll2003/eng.testb", 3453, {"PER": 1617, "LOC": 1668, "ORG": 1661, "MISC": 702}),
    ("weibo-ner", "test", "weibo-ner", 270,
     {"PER.NAM": 113, "PER.NOM": 172, "ORG.NAM": 39, "ORG.NOM": 17, "GPE.NAM": 47, "GPE.NOM": 2,
      "LOC.NAM": 19, "LOC.NOM": 9}),
    ("wikiann-en", "test", "wikiann-en/test", 10000, {"PER": 4556, "ORG": 4745, "LOC": 4657}),
    ("resume-ner", "test", "resume-ner/test.char.bmes", 477,
     {"ORG": 553, "TITLE": 772, "NAME": 112, "EDU": 112, "CONT": 28, "PRO": 33, "RACE": 14, "LOC": 6}),
    ("msra-ner-test", "test", "msra-ner-test/testright1.txt", 4365, {"nr": 1973, "ns": 2877, "nt": 1331}),
]


@pytest.mark.data
@pytest.mark.parametrize("name,split,path,sentences,counts", PUBLISHED, ids=[f"{p[0]}:{p[1]}" for p in PUBLISHED])
def test_public_sets_reproduce_published_counts(name, split, path, sentences, counts):
    shared_data(*path.split("/"))
    n, found, ids = 0, Counter(), set()
    for doc in read_set(name, split):
        n += 1
        ids.add(doc["id"])
        for text, kind in mentions(doc):
            assert text.strip(), doc["id"]
            found[kind] += 1
    assert n == sentences and len(ids) == n
    assert dict(found) == counts


@pytest.mark.data
def test_convert_cluener_keeps_every_mention_with_mapped_or_prefixed_types(tmp_path, capsys):
    shared_data("cluener2020", "dev.json")
    out = tmp_path / "gold.jsonl"
    assert cli(["convert", "cluener2020", "dev", "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    types = Counter(e["type"] for r in records for e in r["entities"])
    assert len(records) == 1343
    assert types == {"PERSON": 465, "ORG": 367, "cluener:position": 433, "FIRM": 378, "LOC": 373,
                     "cluener:game": 295, "GOV": 247, "cluener:scene": 209, "cluener:book": 154,
                     "cluener:movie": 151}
    first = records[0]
    assert first["text"] == "彭小军认为，国内银行现在走的是台湾的发卡模式，先通过跑马圈地再在圈的地里面选择客户，"
    assert [(e["text"], e["type"]) for e in first["entities"]] == [("彭小军", "PERSON"), ("台湾", "LOC")]
    assert "3072 mentions" in capsys.readouterr().err


@pytest.mark.data
def test_convert_klue_file_with_format(tmp_path):
    path = shared_data("klue-ner", "klue-ner-v1.1_dev.tsv")
    out = tmp_path / "gold.jsonl"
    assert cli(["convert", str(path), "--format", "klue", "-o", str(out)]) == 0
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert first["id"] == "klue-ner-v1_dev_00000-wikitree"
    assert [(e["text"], e["type"]) for e in first["entities"]][:3] == [
        ("경찰", "ORG"), ("박", "PERSON"), ("32", "QUANTITY")]


@pytest.mark.data
def test_convert_conll_records_token_offsets(tmp_path):
    shared_data("conll2003", "eng.testb")
    out = tmp_path / "gold.jsonl"
    assert cli(["convert", "conll2003", "testb", "-o", str(out)]) == 0
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert first["text"] == "SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT ."
    assert [(e["text"], e["type"]) for e in first["entities"]] == [("JAPAN", "LOC"), ("CHINA", "PERSON")]
    assert [t["text"] for t in first["tokens"]][:3] == ["SOCCER", "-", "JAPAN"]


def test_convert_unknown_set_is_a_clear_error(capsys):
    assert cli(["convert", "no-such-set", "dev"]) == 2
    assert "unknown data set" in capsys.readouterr().err


def test_read_set_uses_the_data_dir_from_the_environment(tmp_path, monkeypatch):
    (tmp_path / "msra-ner-test").mkdir()
    (tmp_path / "msra-ner-test" / "testright1.txt").write_text("据/o 新华社/nt 北京/ns 电/o \n", encoding="utf-8")
    monkeypatch.setenv("NEWSFACTS_SHARED_DATA", str(tmp_path))
    (doc,) = read_set("msra-ner-test", "test")
    assert doc["text"] == "据新华社北京电" and mentions(doc) == [("新华社", "nt"), ("北京", "ns")]
    with pytest.raises(FileNotFoundError):
        list(read_set("klue-ner", "dev"))
