"""Per-language feature extractors for the CRF tagger.

A featurizer splits a sentence into tagging units (characters for Korean and Chinese, words
for English) and describes each unit by a list of string features (``str``, or UTF-8
``bytes``, which crfsuite takes without encoding them). The same code runs at
training and at tagging time, so the analysers (MeCab-ko, jieba, spaCy's tokenizer) must be
the same ones in both.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from ...tokenizers import Analyses, fresh

Span = tuple[int, int]


class Featurizer(Protocol):
    name: str

    def units(self, text: str) -> list[Span]: ...

    def features(self, text: str, units: list[Span]) -> Sequence[Sequence[str | bytes]]: ...


def featurizer(name: str, analyses: Analyses = fresh) -> Featurizer:
    """The featurizer called ``name`` (``ko``, ``ko-kiwi``, ``zh`` or ``en``); the Korean and
    Chinese ones take their analysers (MeCab, Kiwi, jieba) from ``analyses``."""
    if name == "ko":
        from .ko import KoreanFeaturizer
        return KoreanFeaturizer(analyses)
    if name == "ko-kiwi":
        from .ko import KoreanKiwiFeaturizer
        return KoreanKiwiFeaturizer(analyses)
    if name == "zh":
        from .zh import ChineseFeaturizer
        return ChineseFeaturizer(analyses)
    if name == "en":
        from .en import EnglishFeaturizer
        return EnglishFeaturizer()
    raise ValueError(f"no featurizer {name!r} (known: ko, ko-kiwi, zh, en)")
