"""Chinese features: character n-grams and jieba words with their part-of-speech tags."""
from __future__ import annotations

from .common import char_class, char_window, norm_char, position_in


class ChineseFeaturizer:
    """Units are characters; each gets its character window and the jieba word covering it.

    jieba's tags carry what its dictionary knows about names: ``nr`` person, ``ns`` place,
    ``nt`` organisation, ``nz`` other proper noun. The word's last characters (公司, 大学, 部...)
    and the neighbouring words tell a company from a ministry.
    """

    name = "zh"

    def __init__(self) -> None:
        import logging

        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        self._tagger = jieba.posseg.POSTokenizer(jieba.Tokenizer())

    def units(self, text: str) -> list[tuple[int, int]]:
        return [(i, i + 1) for i in range(len(text))]

    def _words(self, text: str) -> list[tuple[int, int, str]]:
        out, pos = [], 0
        for pair in self._tagger.cut(text, HMM=True):
            out.append((pos, pos + len(pair.word), pair.flag))
            pos += len(pair.word)
        return out

    def features(self, text: str, units: list[tuple[int, int]]) -> list[list[str]]:
        n = len(text)
        chars = [norm_char(c) for c in text]
        classes = [char_class(c) for c in text]
        words = self._words(text)
        at = [0] * n
        for k, (s, e, _) in enumerate(words):
            for i in range(s, min(e, n)):
                at[i] = k
        feats = []
        for i in range(n):
            f = ["bias", f"t={classes[i]}", f"t-1={classes[i - 1] if i else '<s>'}",
                 f"t+1={classes[i + 1] if i + 1 < n else '</s>'}"]
            f += char_window(chars, i, 2)
            f += [f"c-3={chars[i - 3] if i >= 3 else '<s>'}", f"c+3={chars[i + 3] if i + 3 < n else '</s>'}"]
            k = at[i]
            s, e, flag = words[k]
            word = text[s:e]
            place = position_in(s, e, i)
            f += [f"w={flag}", f"w={flag}|{place}", f"ww={word}", f"ww={word}|{place}",
                  f"wl={min(e - s, 6)}|{place}", f"wend={word[-1]}|{place}",
                  f"wend2={word[-2:]}|{place}"]
            prev_flag = words[k - 1][2] if k > 0 else "<s>"
            next_flag = words[k + 1][2] if k + 1 < len(words) else "</s>"
            f += [f"wp={prev_flag}", f"wn={next_flag}", f"wpn={prev_flag}|{flag}|{next_flag}"]
            if k + 1 < len(words):
                f.append(f"wnw={text[words[k + 1][0]:words[k + 1][1]]}|{place}")
            if k > 0:
                f.append(f"wpw={text[words[k - 1][0]:words[k - 1][1]]}|{place}")
            feats.append(f)
        return feats
