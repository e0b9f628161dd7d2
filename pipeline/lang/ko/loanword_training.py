"""Training data and training of the loanword scorer (``pipeline.lang.ko.loanwords``).

``newsfacts train --config configs/train/loanwords.toml`` runs :func:`train`:

- **foreign names in Hangul** (label 1): the Korean aliases of the KB's foreign entities
  (``models/kb/entities.jsonl``, country neither KR nor KP), word by word, with organisation heads
  taken off (알리바바그룹 -> 알리바바) and without the words made only of syllables that read a Han
  character (중신국제 is a Sino-Korean reading, not a transliteration); Chinese names spelled by
  the Korean rules for Mandarin (``pipeline.lang.ko.pinyin``): the person names of CLUENER train and
  the KB's Chinese persons and firms (孙金龙 -> 쑨진룽); the words of KLUE train person mentions
  of two words or more (스티븐 므누신) and its places and organisations of one word spelled
  foreign (워싱턴, 페이스북: half of the syllables or more read no Han character);
- **Korean words** (label 0): the nouns of KLUE train sentences outside any entity (MeCab-ko:
  a word's run of noun morphemes, 방산업체, 수출통제), and KLUE train person mentions shaped as
  Korean names (a surname of the Korean pack's list, then syllables that read Han characters).

Each distinct word is one example. Words are split by a hash into train (70 %), dev (10 %: the
threshold, best F1) and test (20 %: the figures in the model card). Logistic regression by
AdaGrad with L2, classes weighted to balance; weights under 1e-4 are dropped.
"""
from __future__ import annotations

import hashlib
import json
import math
import random
import re
import time
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from .loanwords import LoanwordScorer, features, is_hangul

_HANGUL_RUN = re.compile(r"[가-힣]+")
_NOUN_TAGS = ("NNG", "NNP", "NNB", "XSN", "XR")


@dataclass
class TrainConfig:
    output: str = "models/loanwords/ko.json"
    kb: str = "models/kb/entities.jsonl"
    epochs: int = 12
    l2: float = 1e-5
    rate: float = 0.3
    min_count: int = 1
    sources: dict[str, Any] = field(default_factory=dict)


def load_config(path: str) -> TrainConfig:
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    data.pop("kind", None)
    return TrainConfig(**data)


def sino_syllables() -> frozenset[str]:
    """Hangul syllables that read some Han character (``hanja``'s table)."""
    from hanja.table import hanja_table

    return frozenset(v for v in hanja_table.values() if len(v) == 1 and is_hangul(v))


def split_of(word: str) -> str:
    """``train``, ``dev`` or ``test`` by a stable hash of the word."""
    bucket = int(hashlib.sha1(word.encode("utf-8")).hexdigest(), 16) % 10
    return "test" if bucket < 2 else "dev" if bucket == 2 else "train"


# -- positives --------------------------------------------------------------------------------
def _strip_heads(word: str) -> tuple[str, list[str]]:
    """The word without the organisation heads it ends in (알리바바그룹 -> 알리바바, [그룹])."""
    from ...entities import typer

    heads = []
    while (found := typer.head(word)) is not None and len(word) - found[1] >= 2 and found[1] >= 2:
        heads.append(word[-found[1]:])
        word = word[:-found[1]]
    return word, heads


def kb_names(kb_path: str, sino: frozenset[str]) -> Iterator[str]:
    """Words of the Korean aliases of the KB's foreign entities (see the module docstring)."""
    from ...resources import resolve

    with open(resolve(kb_path), encoding="utf-8") as fh:
        for line in fh:
            entity = json.loads(line)
            if entity.get("country") in (None, "", "KR", "KP"):
                continue
            names = list(entity.get("aliases", {}).get("ko", []))
            if entity.get("names", {}).get("ko"):
                names.append(entity["names"]["ko"])
            for name in names:
                for run in _HANGUL_RUN.findall(name):
                    word, heads = _strip_heads(run)
                    for w in [word, *heads]:
                        if len(w) >= 2 and any(c not in sino for c in w):
                            yield w


def chinese_names(cluener_limit: int, kb_path: str) -> Iterator[str]:
    """Chinese person names (CLUENER train ``name`` mentions) and the KB's Chinese persons and
    firms (without generic words: 海康威视数字技术 -> 海康威视), spelled in Hangul."""
    from ...kb.phonetic import pinyin
    from ...kb.xscript import _ZH_GENERIC
    from ...resources import resolve
    from .pinyin import to_hangul

    def spelled(name: str) -> str | None:
        if not 2 <= len(name) <= 6 or not all("\u4e00" <= c <= "\u9fff" for c in name):
            return None
        return to_hangul(pinyin(name))

    try:
        from ...eval.ner_sets import read_set

        for n, doc in enumerate(read_set("cluener2020", "train")):
            if cluener_limit and n >= cluener_limit:
                break
            for e in doc["entities"]:
                if e["type"] == "name" and (h := spelled(e["text"])):
                    yield h
    except FileNotFoundError:
        pass
    with open(resolve(kb_path), encoding="utf-8") as fh:
        for line in fh:
            entity = json.loads(line)
            if entity.get("country") not in ("CN", "HK", "MO", "TW") or entity["type"] not in ("PERSON", "FIRM"):
                continue
            for name in entity.get("aliases", {}).get("zh-Hans", []):
                bare = _ZH_GENERIC.sub("", name) if entity["type"] == "FIRM" else name
                if (h := spelled(bare)) is not None:
                    yield h


def klue_people(docs: Iterable[dict[str, Any]], surnames: frozenset[str], titles: frozenset[str],
                sino: frozenset[str]) -> tuple[list[str], list[str]]:
    """Words of KLUE mentions: (foreign: person mentions of two words or more, each word holding a
    syllable that reads no Han character, no title among them, and place or organisation names of
    one Hangul word, half of whose syllables or more read no Han character; Korean: person
    mentions of one word of 2-4 syllables that starts with a Korean surname and reads Han
    characters only)."""
    foreign, korean = [], []
    for doc in docs:
        for e in doc["entities"]:
            if e["type"] in ("LC", "OG") and is_hangul(e["text"]) and len(e["text"]) >= 2 \
                    and 2 * sum(c not in sino for c in e["text"]) >= len(e["text"]):
                foreign.append(e["text"])     # 워싱턴, 페이스북: names of places and bodies spelled foreign
            if e["type"] != "PS":
                continue
            words = e["text"].split()
            if len(words) >= 2 and all(is_hangul(w) and len(w) >= 2 and w not in titles
                                       and any(c not in sino for c in w) for w in words):
                foreign += words
            elif len(words) == 1 and is_hangul(words[0]) and 2 <= len(words[0]) <= 4 \
                    and any(words[0].startswith(s) for s in surnames) and all(c in sino for c in words[0]):
                korean.append(words[0])
    return foreign, korean


# -- negatives --------------------------------------------------------------------------------
def klue_nouns(docs: Iterable[dict[str, Any]]) -> Iterator[str]:
    """Per word outside any entity, its run of noun morphemes (MeCab-ko), Hangul only."""
    import mecab

    tagger = mecab.MeCab()
    for doc in docs:
        text = doc["text"]
        taken = [(e["start"], e["end"]) for e in doc["entities"]]
        for m in re.finditer(r"\S+", text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            run = ""
            for morph in tagger.parse(m.group()):
                if morph.feature.pos in _NOUN_TAGS and is_hangul(morph.surface):
                    run += morph.surface
                elif run:
                    break
            if len(run) >= 2:
                yield run


# -- training ---------------------------------------------------------------------------------
def examples(config: TrainConfig, sino: frozenset[str]) -> tuple[dict[str, int], Counter[str]]:
    """word -> label, and how many words each source gave."""
    from .. import get
    from ...eval.ner_sets import read_set

    words = get("ko").words
    klue = list(read_set("klue-ner-train-reconstructed", "train"))
    foreign_people, korean_people = klue_people(klue, frozenset(words.get("surnames")),
                                                frozenset(words.get("titles")), sino)
    sources = {
        "kb": (1, kb_names(config.kb, sino)),
        "chinese": (1, chinese_names(int(config.sources.get("cluener_limit", 0)), config.kb)),
        "klue-foreign-names": (1, foreign_people),
        "klue-korean-people": (0, korean_people),
        "klue-nouns": (0, klue_nouns(klue)),
    }
    labels: dict[str, int] = {}
    counts: Counter[str] = Counter()
    for name, (label, words) in sources.items():
        for w in words:
            if w not in labels or (label == 1 and labels[w] == 0):
                counts[name] += w not in labels
                labels[w] = label
    return labels, counts


def fit(data: list[tuple[list[str], int]], config: TrainConfig, seed: int = 0) -> tuple[dict[str, float], float]:
    """Logistic regression by AdaGrad with L2; classes weighted to balance."""
    positives = sum(y for _, y in data)
    class_weight = {1: len(data) / (2 * max(positives, 1)), 0: len(data) / (2 * max(len(data) - positives, 1))}
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    bias, bias_g2 = 0.0, 1e-8
    order = list(range(len(data)))
    rng = random.Random(seed)
    for _ in range(config.epochs):
        rng.shuffle(order)
        for i in order:
            feats, y = data[i]
            z = bias + sum(w.get(f, 0.0) for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            grad = (p - y) * class_weight[y]
            for f in feats:
                gf = grad + config.l2 * w.get(f, 0.0)
                g2[f] = g2.get(f, 1e-8) + gf * gf
                w[f] = w.get(f, 0.0) - config.rate * gf / math.sqrt(g2[f])
            bias_g2 += grad * grad
            bias -= config.rate * grad / math.sqrt(bias_g2)
    return {f: round(v, 4) for f, v in w.items() if abs(v) >= 1e-4}, round(bias, 4)


def prf(scorer: LoanwordScorer, words: list[tuple[str, int]], threshold: float) -> dict[str, float]:
    tp = fp = fn = 0
    for word, y in words:
        predicted = scorer.score(word) >= threshold
        tp += predicted and y == 1
        fp += predicted and y == 0
        fn += (not predicted) and y == 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "positives": tp + fn, "negatives": sum(1 for _, y in words if y == 0)}


def best_threshold(scorer: LoanwordScorer, words: list[tuple[str, int]]) -> float:
    """The threshold of best F1 on ``words`` (steps of 0.05)."""
    return max((round(t / 20, 2) for t in range(2, 19)), key=lambda t: (prf(scorer, words, t)["f1"], -t))


def train(config: TrainConfig, output: str | None = None) -> dict[str, Any]:
    """Build the examples, fit, choose the threshold on dev, score test, write the model."""
    started = time.time()
    sino = sino_syllables()
    labels, counts = examples(config, sino)
    parts: dict[str, list[tuple[str, int]]] = {"train": [], "dev": [], "test": []}
    for word, y in sorted(labels.items()):
        parts[split_of(word)].append((word, y))
    weights, bias = fit([(list(features(w, sino)), y) for w, y in parts["train"]], config)
    scorer = LoanwordScorer(weights, bias, 0.5, sino)
    threshold = best_threshold(scorer, parts["dev"])
    scorer = LoanwordScorer(weights, bias, threshold, sino)
    report = {"examples": dict(counts), "threshold": threshold,
              "dev": prf(scorer, parts["dev"], threshold), "test": prf(scorer, parts["test"], threshold),
              "seconds": round(time.time() - started, 1)}
    path = Path(output or config.output)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(scorer.to_dict(report=report), ensure_ascii=False, separators=(",", ":")) + "\n",
                    encoding="utf-8")
    return report
