"""How much a Hangul word looks like a transliteration of a foreign name (헌팅턴잉걸스, 카스퍼스키,
쑨진룽) rather than a Korean word (정부, 발표, 김동명).

A logistic regression over the word's syllable n-grams and jamo (epenthetic 스/트/크, tense
initials of Chinese names 쑨/쭝, syllables no Han character reads: 퀙, 텔, 룽), trained by
``newsfacts train --config configs/train/loanwords.toml`` (``loanword_training``) and stored as
JSON in ``models/loanwords/ko.json`` with its threshold; see the model card beside it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator

import orjson

MODEL = "models/loanwords/ko.json"
FORMAT = 1
_BASE, _LAST = 0xAC00, 0xD7A3


def is_hangul(word: str) -> bool:
    """Every character is a Hangul syllable."""
    return bool(word) and all(_BASE <= ord(c) <= _LAST for c in word)


def jamo(syllable: str) -> tuple[int, int, int]:
    """Initial, vowel and final indices of a Hangul syllable (final 0 = none)."""
    code = ord(syllable) - _BASE
    return code // 588, (code % 588) // 28, code % 28


def features(word: str, sino: frozenset[str]) -> Iterator[str]:
    """The features of a Hangul word: syllables, syllable pairs (with the word's edges), each
    syllable's initial, vowel, final and vowel+final, whether it reads a Han character (``sino``),
    and the share of those (the word's length is left out: the names it learns from are shorter
    than the Korean nouns)."""
    padded = f"^{word}$"
    for a, b in zip(padded, padded[1:]):
        yield f"b:{a}{b}"
    foreign = 0
    for c in word:
        yield f"u:{c}"
        i, v, f = jamo(c)
        yield f"i:{i}"
        yield f"v:{v}"
        yield f"f:{f}"
        yield f"vf:{v}.{f}"
        if c not in sino:
            foreign += 1
            yield "not-sino"
    yield f"foreign-share:{round(4 * foreign / len(word))}"


@dataclass(frozen=True)
class LoanwordScorer:
    """The trained weights; :meth:`score` gives a probability, :meth:`is_loanword` compares it
    with the threshold chosen on held-out words."""

    weights: dict[str, float]
    bias: float
    threshold: float
    sino: frozenset[str]

    def score(self, word: str) -> float:
        """Probability that ``word`` (Hangul syllables only) transliterates a foreign name; 0.0
        for anything else."""
        if not is_hangul(word):
            return 0.0
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features(word, self.sino))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def is_loanword(self, word: str) -> bool:
        return self.score(word) >= self.threshold

    def to_dict(self, **extra: Any) -> dict[str, Any]:
        return {"format": FORMAT, "bias": self.bias, "threshold": self.threshold,
                "sino": "".join(sorted(self.sino)), **extra,
                "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "LoanwordScorer":
        if data.get("format") != FORMAT:
            raise ValueError(f"loanword model format {data.get('format')!r}, expected {FORMAT}")
        return cls(weights=dict(data["weights"]), bias=float(data["bias"]), threshold=float(data["threshold"]),
                   sino=frozenset(data["sino"]))


@lru_cache(maxsize=4)
def load(path: str = MODEL) -> LoanwordScorer:
    """The scorer stored at ``path`` (``models/...`` names the shipped file)."""
    from ...resources import resolve

    return LoanwordScorer.from_dict(orjson.loads(resolve(path).read_bytes()))
