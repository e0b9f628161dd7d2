"""Our strict scores agree with seqeval (an independent scorer) on the same documents."""
from __future__ import annotations

import random

import pytest

from conftest import shared_data
from pipeline.eval.ner_sets import read_set
from pipeline.eval.score import score

seqeval_metrics = pytest.importorskip("seqeval.metrics", reason="seqeval (dev extra) is not installed")


def to_bio(doc: dict) -> list[str]:
    """IOB2 tags over the document's tokens (``tokens`` offsets) from its entity spans."""
    tags = ["O"] * len(doc["tokens"])
    starts = {s: i for i, (s, _) in enumerate(doc["tokens"])}
    ends = {e: i for i, (_, e) in enumerate(doc["tokens"])}
    for e in doc["entities"]:
        first, last = starts[e["start"]], ends[e["end"]]
        tags[first] = f"B-{e['type']}"
        for i in range(first + 1, last + 1):
            tags[i] = f"I-{e['type']}"
    return tags


def perturb(doc: dict, rng: random.Random, types: list[str]) -> dict:
    """A prediction: entities dropped, retyped, stretched, plus spurious ones (never overlapping)."""
    toks, used, out = doc["tokens"], set(), []
    index = {s: i for i, (s, _) in enumerate(toks)}
    for e in doc["entities"]:
        first = index[e["start"]]
        last = next(i for i, (_, end) in enumerate(toks) if end == e["end"])
        roll = rng.random()
        if roll < 0.15:
            continue
        etype = rng.choice(types) if roll < 0.3 else e["type"]
        if roll > 0.85 and last + 1 < len(toks) and last + 1 not in used:
            last += 1
        if used & set(range(first, last + 1)):
            continue
        used |= set(range(first, last + 1))
        out.append({"start": toks[first][0], "end": toks[last][1], "type": etype})
    for i in range(len(toks)):
        if i not in used and rng.random() < 0.05 and (i - 1) not in used and (i + 1) not in used:
            used.add(i)
            out.append({"start": toks[i][0], "end": toks[i][1], "type": rng.choice(types)})
    return {**doc, "entities": out}


def assert_same_as_seqeval(gold: list[dict], pred: list[dict]) -> dict:
    ours = score(gold, pred).to_dict()["entities"]["strict"]["overall"]
    y_true, y_pred = [to_bio(d) for d in gold], [to_bio(d) for d in pred]
    theirs = {"p": seqeval_metrics.precision_score(y_true, y_pred),
              "r": seqeval_metrics.recall_score(y_true, y_pred),
              "f1": seqeval_metrics.f1_score(y_true, y_pred)}
    for key in ("p", "r", "f1"):
        assert round(ours[key], 3) == round(theirs[key], 3), (key, ours, theirs)
    return ours


def synthetic(rng: random.Random, n: int) -> list[dict]:
    words = ["Samsung", "삼성전자", "华为", "Beijing", "서울", "said", "the", "美国", "on", "Monday", "株式会社"]
    docs = []
    for k in range(n):
        tokens = [rng.choice(words) for _ in range(rng.randint(1, 12))]
        text, offsets, pos = " ".join(tokens), [], 0
        for t in tokens:
            offsets.append([pos, pos + len(t)])
            pos += len(t) + 1
        ents, i = [], 0
        while i < len(tokens):
            if rng.random() < 0.3:
                j = min(len(tokens), i + rng.randint(1, 3))
                ents.append({"start": offsets[i][0], "end": offsets[j - 1][1], "type": rng.choice("ABC")})
                i = j + rng.randint(0, 1)
            else:
                i += 1
        docs.append({"id": f"s{k}", "lang": "en", "text": text, "tokens": offsets, "entities": ents})
    return docs


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_strict_scores_equal_seqeval_on_synthetic_documents(seed):
    rng = random.Random(seed)
    gold = synthetic(rng, 300)
    pred = [perturb(d, rng, ["A", "B", "C"]) for d in gold]
    ours = assert_same_as_seqeval(gold, pred)
    assert 0.3 < ours["f1"] < 0.95  # the perturbation really changes things


@pytest.mark.data
def test_strict_scores_equal_seqeval_on_conll2003_testb():
    shared_data("conll2003", "eng.testb")
    rng = random.Random(2003)
    gold = list(read_set("conll2003", "testb"))
    pred = [perturb(d, rng, ["PER", "LOC", "ORG", "MISC"]) for d in gold]
    ours = assert_same_as_seqeval(gold, pred)
    assert 0.5 < ours["f1"] < 0.95
    # and the gold read from the IOB1 file scores as seqeval reads the raw IOB1 column
    raw_tags = []
    with open(shared_data("conll2003", "eng.testb"), encoding="utf-8") as fh:
        sentence: list[str] = []
        for line in fh:
            if line.strip() and not line.startswith("-DOCSTART-"):
                sentence.append(line.split()[-1])
            elif sentence:
                raw_tags.append(sentence)
                sentence = []
        if sentence:
            raw_tags.append(sentence)
    assert len(raw_tags) == len(gold)
    y_pred = [to_bio(d) for d in pred]
    assert round(seqeval_metrics.f1_score(raw_tags, y_pred), 3) == round(ours["f1"], 3)


@pytest.mark.data
def test_strict_scores_equal_seqeval_on_klue_characters():
    path = shared_data("klue-ner", "klue-ner-v1.1_dev.tsv")
    gold = [{**d, "tokens": [[i, i + 1] for i in range(len(d["text"]))]} for d in read_set("klue-ner", "dev")]
    rng = random.Random(26)
    pred = [perturb(d, rng, ["PS", "LC", "OG", "DT", "TI", "QT"]) for d in gold]
    assert_same_as_seqeval(gold, pred)
    # the reader's spans are those seqeval reads from the raw character tags
    raw_tags, sentence = [], []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("##"):
            continue
        if line:
            sentence.append(line.rsplit("\t", 1)[1])
        elif sentence:
            raw_tags.append(sentence)
            sentence = []
    assert len(raw_tags) == len(gold) == 5000
    ours = score(gold, pred).to_dict()["entities"]["strict"]["overall"]
    assert round(seqeval_metrics.f1_score(raw_tags, [to_bio(d) for d in pred]), 3) == round(ours["f1"], 3)
