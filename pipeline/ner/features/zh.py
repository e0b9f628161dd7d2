"""Chinese features: character n-grams and jieba words with their part-of-speech tags."""
from __future__ import annotations

from ... import tokenizers
from .common import char_class, char_columns, norm_char, position_in


class ChineseFeaturizer:
    """Units are characters; each gets its character window and the jieba word covering it.

    jieba's tags carry what its dictionary knows about names: ``nr`` person, ``ns`` place,
    ``nt`` organisation, ``nz`` other proper noun. The word's last characters (公司, 大学, 部...)
    and the neighbouring words tell a company from a ministry.

    jieba (default dictionary, HMM on) comes from :mod:`pipeline.tokenizers`' memo, which the
    tokenize stage fills when it runs with the same settings; a word's features are built once
    per place (B, I, E, S) and shared by its characters.
    """

    name = "zh"

    def __init__(self) -> None:
        self._jieba = tokenizers.jieba_analysis(True)

    def units(self, text: str) -> list[tuple[int, int]]:
        return [(i, i + 1) for i in range(len(text))]

    def features(self, text: str, units: list[tuple[int, int]]) -> list[list[str]]:
        n = len(text)
        chars = [norm_char(c) for c in text]
        words, pos = [], 0
        for word, flag in self._jieba(text):
            words.append((pos, pos + len(word), flag))
            pos += len(word)
        at = [0] * n
        for k, (s, e, _) in enumerate(words):
            for i in range(s, min(e, n)):
                at[i] = k
        window = char_columns(chars, [char_class(c) for c in text])
        far = zip(["c-3=<s>"] * min(3, n) + ["c-3=" + c for c in chars[:-3]],
                  ["c+3=" + c for c in chars[3:]] + ["c+3=</s>"] * min(3, n))
        cached: dict[tuple[int, str], list[str]] = {}
        feats = []
        for i, (back, ahead) in enumerate(far):
            f = list(window[i])
            f.append(back)
            f.append(ahead)
            k = at[i]
            s, e, _ = words[k]
            place = position_in(s, e, i)
            part = cached.get((k, place))
            if part is None:
                part = cached[k, place] = _word_features(text, words, k, place)
            f += part
            feats.append(f)
        return feats


def _word_features(text: str, words: list[tuple[int, int, str]], k: int, place: str) -> list[str]:
    """The features of word ``k`` for a character at ``place`` in it."""
    s, e, flag = words[k]
    word = text[s:e]
    out = ["w=" + flag, "w=" + flag + "|" + place, "ww=" + word, "ww=" + word + "|" + place,
           "wl=" + str(min(e - s, 6)) + "|" + place, "wend=" + word[-1] + "|" + place,
           "wend2=" + word[-2:] + "|" + place]
    prev_flag = words[k - 1][2] if k > 0 else "<s>"
    next_flag = words[k + 1][2] if k + 1 < len(words) else "</s>"
    out += ["wp=" + prev_flag, "wn=" + next_flag, "wpn=" + prev_flag + "|" + flag + "|" + next_flag]
    if k + 1 < len(words):
        out.append("wnw=" + text[words[k + 1][0]:words[k + 1][1]] + "|" + place)
    if k > 0:
        out.append("wpw=" + text[words[k - 1][0]:words[k - 1][1]] + "|" + place)
    return out
