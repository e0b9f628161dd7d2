"""Chinese features: character uni- and bigrams and the jieba word (with its POS tag) around each."""
from __future__ import annotations

import functools
from itertools import pairwise

from ...kb.normalize import simplified
from ...tokenizers import Analyses, fresh
from .common import char_bytes, places


class ChineseFeaturizer:
    """Units are characters; each gets ten features, built column by column.

    Characters: the previous, own and next one, and the two bigrams it is part of (digits folded
    to 0). Words, from jieba's dictionary and its segmentation HMM (:mod:`pipeline.jieba_hmm`:
    an unknown word such as 梁孟松 is one word tagged ``nz``): the word's POS flag (``nr`` person,
    ``ns`` place, ``nt`` organisation...), the word and its last character (公司, 部, 大学...),
    each with the character's place in the word (B, I, E, S), and the flags of the previous and
    next words.

    The analysis comes from ``analyses`` (in a pipeline, the analyser it shares with the tokenize
    stage, which has already analysed the sentence when it runs with ``zh_hmm = true``); the model
    must be trained on this same analysis. Fewer features make the CRF's tagging cheaper: with
    these ten, CLUENER dev F1 is that of the earlier 28 (see models/ner/zh/MODEL_CARD.md).
    """

    name = "zh"

    def __init__(self, analyses: Analyses = fresh) -> None:
        self._jieba = analyses("jieba")

    def units(self, text: str) -> list[tuple[int, int]]:
        return [(i, i + 1) for i in range(len(text))]

    def features(self, text: str, units: list[tuple[int, int]]) -> list[tuple[bytes, ...]]:
        """Features as UTF-8 bytes: crfsuite takes them without encoding each string again.
        Traditional characters are read as simplified (the model learnt CLUENER's simplified
        text; one character for one, so the units stay)."""
        text = simplified(text)
        n = len(text)
        p = [b"<s>", *char_bytes(text), b"</s>"]                         # p[i + 1] is character i
        bigrams = [a + b for a, b in pairwise(p)]                         # bigrams[i]: characters i-1, i
        analysis = self._jieba(text)
        flags = ["<s>", *[flag for _, flag in analysis], "</s>"]
        words: list[tuple[bytes, ...]] = []
        for k, (word, flag) in enumerate(analysis, 1):
            words += _word_columns(word, flag, flags[k - 1], flags[k + 1])
        return [chars + word for chars, word in zip(zip(
            [b"c-1=" + c for c in p[:n]], [b"c0=" + c for c in p[1:n + 1]], [b"c1=" + c for c in p[2:]],
            [b"c-10=" + b for b in bigrams[:n]], [b"c01=" + b for b in bigrams[1:]]), words)]


@functools.lru_cache(maxsize=1 << 16)
def _word_columns(word: str, flag: str, prev_flag: str, next_flag: str) -> tuple[tuple[bytes, ...], ...]:
    """The word features of each character of ``word`` (one tuple per character)."""
    around = ("wp=" + prev_flag, "wn=" + next_flag)
    rows = [("w=" + flag + "|" + place, "ww=" + word + "|" + place, "wend=" + word[-1] + "|" + place, *around)
            for place in places(len(word))]
    return tuple(tuple(f.encode() for f in row) for row in rows)
