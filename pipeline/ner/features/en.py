"""English features: the word, its shape and affixes, and those of its neighbours."""
from __future__ import annotations

from .common import fold_digits, word_shape


class EnglishFeaturizer:
    """Units are words (spaCy's rule-based tokenizer; CoNLL tokens when training).

    Besides the word window, a word gets flags for the sentence being a capitalised
    headline, where the capitalisation of a word says little.
    """

    name = "en"

    def __init__(self) -> None:
        from spacy.lang.en import English

        self._nlp = English()

    def units(self, text: str) -> list[tuple[int, int]]:
        return [(t.idx, t.idx + len(t.text)) for t in self._nlp.make_doc(text) if not t.is_space]

    def features(self, text: str, units: list[tuple[int, int]]) -> list[list[str]]:
        words = [text[s:e] for s, e in units]
        n = len(words)
        letters = [c for w in words for c in w if c.isalpha()]
        headline = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8
        lowers = [fold_digits(w.lower()) for w in words]
        shapes = [word_shape(w, short=True) for w in words]

        def low(k: int) -> str:
            return lowers[k] if 0 <= k < n else ("<s>" if k < 0 else "</s>")

        def shp(k: int) -> str:
            return shapes[k] if 0 <= k < n else ("<s>" if k < 0 else "</s>")

        feats = []
        for i, w in enumerate(words):
            lw = lowers[i]
            f = ["bias", f"w={lw}", f"W={w}", f"sh={word_shape(w)}", f"ss={shapes[i]}",
                 f"title={w.istitle()}", f"upper={w.isupper()}", f"first={i == 0}",
                 f"hl={headline}", f"hl|ss={headline}|{shapes[i]}", f"len={min(len(w), 8)}"]
            if i == 0:
                f.append(f"first|w={lw}")
            f += [f"p{k}={lw[:k]}" for k in range(1, 5) if len(lw) > k]
            f += [f"s{k}={lw[-k:]}" for k in range(1, 5) if len(lw) > k]
            for d in (-2, -1, 1, 2):
                f += [f"w{d}={low(i + d)}", f"ss{d}={shp(i + d)}"]
            f += [f"w-10={low(i - 1)}|{lw}", f"w01={lw}|{low(i + 1)}",
                  f"ss-101={shp(i - 1)}|{shapes[i]}|{shp(i + 1)}",
                  f"w-1ss={low(i - 1)}|{shapes[i]}", f"ssw+1={shapes[i]}|{low(i + 1)}"]
            feats.append(f)
        return feats
