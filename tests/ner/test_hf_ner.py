"""The transformers NER backend: sub-word -> character alignment, label mapping, and a tiny
BERT built here (no download) fine-tuned with ``newsfacts train --backend transformers`` and run
with ``newsfacts run --set ner.backend=transformers``."""
from __future__ import annotations

import json
import subprocess
import sys

import orjson
import pytest

from conftest import REPO, assert_offsets

pytest.importorskip("torch")
pytest.importorskip("transformers")

from pipeline.ner.hf_backend import align, newsfacts_type  # noqa: E402
from pipeline.ner.hf_train import IGNORE, label_names, token_labels  # noqa: E402

#: (text, [(surface, type)]) in Korean, Chinese and English
GOLD = [
    ("삼성전자가 미국에서 공장을 지었다.", [("삼성전자", "FIRM"), ("미국", "LOC")]),
    ("이재용 회장이 서울에서 말했다.", [("이재용", "PERSON"), ("서울", "LOC")]),
    ("미국 정부가 삼성전자를 제재했다.", [("미국", "LOC"), ("삼성전자", "FIRM")]),
    ("华为公司在北京发布新手机。", [("华为公司", "FIRM"), ("北京", "LOC")]),
    ("习近平在上海会见了马克龙。", [("习近平", "PERSON"), ("上海", "LOC"), ("马克龙", "PERSON")]),
    ("Samsung Electronics opened a plant in Texas .", [("Samsung Electronics", "FIRM"), ("Texas", "LOC")]),
]
#: whole words in the vocabulary, so Korean words split into stem + particle sub-words
WORDS = ["삼성전자", "미국", "서울", "이재용", "회장", "공장", "정부", "지었다", "말했다", "제재했다",
         "##가", "##에서", "##을", "##이", "##를", "Samsung", "Electronics", "opened", "a", "plant",
         "in", "Texas", "."]


def _records() -> list[dict]:
    out = []
    for n, (text, ents) in enumerate(GOLD):
        entities, pos = [], 0
        for surface, kind in ents:
            start = text.index(surface, pos)
            pos = start + len(surface)
            entities.append({"start": start, "end": pos, "type": kind, "text": surface})
        out.append({"id": f"g{n}", "lang": "x", "text": text, "entities": entities})
    return out


def make_tiny_bert(folder, texts, words=()):
    """A 2-layer BERT (hidden size 32) with a WordPiece vocabulary: ``words`` and every character
    of ``texts`` (alone and as a ``##`` continuation), saved to ``folder``."""
    import torch
    from tokenizers import BertWordPieceTokenizer
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    chars = sorted({c for text in texts for c in text if not c.isspace()})
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words, *chars, *(f"##{c}" for c in chars)]
    vocab = list(dict.fromkeys(vocab))
    wordpiece = BertWordPieceTokenizer({w: i for i, w in enumerate(vocab)}, lowercase=False,
                                       strip_accents=False)
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=wordpiece._tokenizer, unk_token="[UNK]",
                                        pad_token="[PAD]", cls_token="[CLS]", sep_token="[SEP]",
                                        mask_token="[MASK]")
    tokenizer.save_pretrained(folder)
    torch.manual_seed(0)
    BertModel(BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2,
                         num_attention_heads=2, intermediate_size=64,
                         max_position_embeddings=128)).save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def tiny_base(tmp_path_factory):
    return make_tiny_bert(tmp_path_factory.mktemp("tiny-bert"), [t for t, _ in GOLD], WORDS)


@pytest.fixture(scope="module")
def trained(tiny_base, tmp_path_factory):
    """The tiny model fine-tuned by the CLI on the Korean/Chinese/English gold file."""
    work = tmp_path_factory.mktemp("hf-train")
    gold = work / "gold.jsonl"
    gold.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in _records()))
    out = work / "model"
    proc = subprocess.run([sys.executable, "-m", "pipeline", "train", "--backend", "transformers",
                           "--model", str(tiny_base), "--train", str(gold), "--dev", str(gold),
                           "--output", str(out), "--epochs", "60", "--lr", "3e-3", "--batch-size", "6"],
                          capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return out, json.loads(proc.stdout)


# --- alignment on hand-made predictions ------------------------------------------------------

def test_korean_particle_stays_out_and_continuation_merges():
    text = "삼성전자가 미국에서"
    units = [(0, 2), (2, 4), (4, 5), (6, 8), (8, 10)]       # 삼성 ##전자 ##가 미국 ##에서
    words = [0, 0, 0, 1, 1]
    tags = ["B-OG", "B-OG", "O", "B-LC", "O"]                 # a B- inside a word continues it
    got = align(text, units, words, tags, [0.9, 0.5, 0.99, 0.8, 0.9])
    assert [(text[s:e], label, score) for s, e, label, score in got] == [
        ("삼성전자", "OG", 0.5), ("미국", "LC", 0.8)]
    mean = align(text, units, words, tags, [0.9, 0.5, 0.99, 0.8, 0.9], reduce="mean")
    assert mean[0][3] == pytest.approx(0.7)


def test_no_mention_starts_inside_a_word():
    text = "삼성전자가 미국에서"
    units = [(0, 4), (4, 5), (6, 8), (8, 10)]
    # the particle alone tagged as an entity, and a type change inside a word
    got = align(text, units, [0, 0, 1, 1], ["O", "B-LC", "B-OG", "I-LC"], [1.0] * 4)
    assert [(text[s:e], label) for s, e, label, _ in got] == [("미국", "OG")]


def test_first_subword_mode_labels_the_whole_word():
    text = "Hikvision and 미국에서"
    units = [(0, 3), (3, 9), (10, 13), (14, 16), (16, 18)]   # Hik ##vision and 미국 ##에서
    words, tags = [0, 0, 1, 2, 2], ["B-ORG", "O", "O", "B-LOC", "B-ORG"]
    first = align(text, units, words, tags, [1.0] * 5, subwords="first")
    assert [(text[s:e], label) for s, e, label, _ in first] == [("Hikvision", "ORG"), ("미국에서", "LOC")]
    own = align(text, units, words, tags, [1.0] * 5)
    assert [(text[s:e], label) for s, e, label, _ in own] == [("Hik", "ORG"), ("미국", "LOC")]
    assert align(text, units, words, ["LABEL_1"] * 5, [1.0] * 5) == []


def test_chinese_characters_and_sentence_edges():
    text = "华为公司在北京发布"
    units = [(i, i + 1) for i in range(len(text))]            # one word per Han character
    tags = ["B-company", "I-company", "I-company", "I-company", "O", "B-LOC", "I-LOC", "O", "I-LOC"]
    got = align(text, units, list(range(len(text))), tags, [1.0] * len(text))
    assert [(text[s:e], label) for s, e, label, _ in got] == [
        ("华为公司", "company"), ("北京", "LOC"), ("布", "LOC")]   # a stray I- starts one (IOB2)
    assert all(0 <= s < e <= len(text) for s, e, _, _ in got)


def test_spans_are_trimmed():
    text = "Samsung Electronics opened"
    got = align(text, [(0, 8), (8, 19), (20, 26)], [0, 1, 2], ["B-ORG", "I-ORG", "O"], [1.0] * 3)
    assert [text[s:e] for s, e, _, _ in got] == ["Samsung Electronics"]


def test_label_mapping():
    assert [newsfacts_type(t) for t in ("PS", "OG", "LC", "DT", "QT", "company", "government",
                                        "address", "GPE", "name", "organization")] == [
        "PERSON", "ORG", "LOC", "DATE", "QUANTITY", "FIRM", "GOV", "LOC", "LOC", "PERSON", "ORG"]
    assert newsfacts_type("MISC") == "" and newsfacts_type("TI") == ""
    assert newsfacts_type("MISC", {"MISC": "ORG"}) == "ORG"


def test_training_labels_from_character_spans():
    labels = label_names(_records())
    assert labels[0] == "O" and "B-FIRM" in labels and "I-PERSON" in labels
    ids = {n: i for i, n in enumerate(labels)}
    # [CLS] 삼성 ##전자 ##가 미국 ##에서 [SEP]
    got = token_labels([(0, 0), (0, 2), (2, 4), (4, 5), (6, 8), (8, 10), (0, 0)],
                       [{"start": 0, "end": 4, "type": "FIRM"}, {"start": 6, "end": 8, "type": "LOC"}], ids)
    assert [labels[i] if i != IGNORE else None for i in got] == [
        None, "B-FIRM", "I-FIRM", "O", "B-LOC", "O", None]


# --- the tiny model, end to end ----------------------------------------------------------------

@pytest.mark.slow
def test_train_cli_writes_a_checkpoint(trained):
    out, summary = trained
    assert (out / "model.safetensors").exists() and (out / "tokenizer.json").exists()
    card = json.loads((out / "newsfacts.json").read_text(encoding="utf-8"))
    assert card["train_sentences"] == len(GOLD) and card["labels"][0] == "O"
    assert summary["loss"][-1] < summary["loss"][0]
    assert summary["dev"]["f"] >= 0.8, summary      # it learns its own training sentences


@pytest.mark.slow
def test_run_with_transformers_backend_gives_exact_offsets(trained, tmp_path):
    model, _ = trained
    texts = ["삼성전자가 미국에서 공장을 지었다.", "华为公司在北京发布新手机。",
             "이재용 회장이 서울에서 말했다. 习近平在上海会见了马克龙。"]
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(orjson.dumps({"id": f"d{i}", "text": t}) + b"\n" for i, t in enumerate(texts)))
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([sys.executable, "-m", "pipeline", "run", str(src), "-o", str(out), "-q",
                           "--workers", "1", "--set", 'pipeline.stages=["clean","langid","sentences","ner"]',
                           "ner.backend=transformers", f"ner.model={model}",
                           "ner.batch_size=2"], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0, proc.stderr[-2000:]
    records = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert [r.get("error") for r in records] == [None] * 3
    found = set()
    for rec in records:
        assert_offsets(rec)
        for e in rec["entities"]:
            text = rec["text"]
            assert text[e["start"]:e["end"]] == e["text"]
            if e["source"] == "model":
                found.add(e["text"])
                prev = text[e["start"] - 1] if e["start"] else " "
                # starts at a word: after a space/punctuation, or on a Han character
                assert not prev.isalnum() or "\u4e00" <= text[e["start"]] <= "\u9fff", e
    assert {"삼성전자", "미국", "华为公司", "北京", "上海"} <= found, found
    assert not any(t.endswith(("가", "에서", "이")) for t in found), found   # particles stay out


@pytest.mark.slow
def test_long_text_in_windows_keeps_offsets(trained):
    from pipeline.ner.hf_backend import HfNer

    model = HfNer(trained[0], max_length=8, batch_size=2)     # 6 sub-words per window
    text = "삼성전자가 미국에서 공장을 지었다. 华为公司在北京发布新手机。 习近平在上海会见了马克龙。"
    found = [(text[m.start:m.end], m.type) for m in model.tag(text)]
    assert ("北京", "LOC") in found and ("미국", "LOC") in found, found
    assert model.tag_many(["", "  "]) == [[], []]


@pytest.mark.slow
def test_pickled_weights_are_refused(trained, tmp_path):
    import shutil

    from pipeline.ner.hf_backend import HfNer

    folder = tmp_path / "bin-only"
    shutil.copytree(trained[0], folder)
    (folder / "model.safetensors").rename(folder / "pytorch_model.bin")   # what a pickle would be named
    with pytest.raises(OSError, match="safetensors"):
        HfNer(folder)


def test_backend_needs_a_checkpoint_folder(tmp_path):
    import pipeline
    from pipeline.errors import ConfigError

    with pytest.raises(ConfigError, match="ner.model"):
        pipeline.load(overrides=["ner.backend=transformers"]).setup()
    with pytest.raises(ConfigError, match="not a transformers checkpoint"):
        pipeline.load(overrides=["ner.backend=transformers", f"ner.model={tmp_path}"]).setup()
    with pytest.raises(ConfigError, match="backend"):
        pipeline.load(overrides=["ner.backend=bert"]).setup()


@pytest.mark.slow
@pytest.mark.parametrize("data_set, split", [("klue-ner", "dev"), ("cluener2020", "dev")])
def test_real_gold_from_convert_trains_and_tags_with_exact_offsets(data_set, split, tmp_path):
    """Gold from `newsfacts convert` (KLUE-NER, CLUENER) fine-tunes a tiny model; with its
    classifier then scrambled, its random predictions on real Korean and Chinese sentences still
    map to exact, trimmed spans that start where a tokenizer word starts."""
    import torch
    from transformers import AutoModelForTokenClassification

    from conftest import shared_data
    from pipeline.ner.hf_backend import HfNer

    shared_data(data_set)
    gold = tmp_path / "gold.jsonl"
    proc = subprocess.run([sys.executable, "-m", "pipeline", "convert", data_set, split, "-o", str(gold)],
                          capture_output=True, cwd=REPO)
    assert proc.returncode == 0, proc.stderr[-2000:]
    records = [orjson.loads(line) for line in gold.read_bytes().splitlines()[:120]]
    gold.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    base = make_tiny_bert(tmp_path / "base", [r["text"] for r in records])
    out = tmp_path / "model"
    proc = subprocess.run([sys.executable, "-m", "pipeline", "train", "--backend", "transformers",
                           "--model", str(base), "--train", str(gold), "--output", str(out),
                           "--epochs", "2", "--lr", "1e-3"], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0, proc.stderr[-2000:]
    loss = json.loads(proc.stdout)["loss"]
    assert loss[-1] < loss[0]
    trained = AutoModelForTokenClassification.from_pretrained(out, local_files_only=True)
    torch.manual_seed(1)
    torch.nn.init.normal_(trained.classifier.weight, std=3.0)
    trained.save_pretrained(out)
    model = HfNer(out, batch_size=32)
    texts = [r["text"] for r in records]
    mentions = model.tag_many(texts)
    assert sum(map(len, mentions)) >= 100   # enough to exercise the alignment
    for text, found in zip(texts, mentions):
        starts = _word_starts(model.tokenizer, text)
        for m in found:
            span = text[m.start:m.end]
            assert 0 <= m.start < m.end <= len(text) and span == span.strip() and span, (text, m)
            assert m.start in starts, (text, m)        # a mention starts at a word's first sub-word


def _word_starts(tokenizer, text):
    """Where each tokenizer word (its first sub-word) starts in ``text``."""
    enc = tokenizer(text, return_offsets_mapping=True)
    words = enc.word_ids()
    return {s for i, (w, (s, e)) in enumerate(zip(words, enc["offset_mapping"]))
            if w is not None and s < e and words[i - 1] != w}


@pytest.mark.slow
def test_windows_cover_every_subword_once_and_cut_at_word_starts(trained):
    """Windows are cut by the backend (not by the tokenizer's overflow, which transformers 5.17
    stops after two windows): together they hold every sub-word once, in order, each within
    max_length with the special tokens, and a window starts at a word start."""
    from pipeline.ner.hf_backend import HfNer

    model = HfNer(trained[0], max_length=8)
    text = "삼성전자가 미국에서 공장을 지었다. 华为公司在北京发布新手机。 习近平在上海会见了马克龙。 " * 3
    rows = model._windows([text])
    whole = model.tokenizer(text, add_special_tokens=False)["input_ids"]
    assert len(rows) > 6 and [t for _, ids, _, _ in rows for t in ids] == whole
    assert all(len(ids) + sum(map(len, model._specials)) <= model.max_length for _, ids, _, _ in rows)
    for (_, _, _, before), (_, _, _, after) in zip(rows, rows[1:]):
        assert before[-1] != after[0]
