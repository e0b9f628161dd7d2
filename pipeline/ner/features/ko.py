"""Korean features: syllable n-grams, eojeol boundaries, MeCab-ko morphemes and their tags."""
from __future__ import annotations

from ...tokenizers import Analyses, fresh
from .common import char_bytes, char_ngram_columns, places, position_in


class KoreanFeaturizer:
    """Units are characters (KLUE-NER is annotated per character, spaces included).

    Each character gets its syllable window, its place in the eojeol (space-delimited word),
    and the MeCab-ko morpheme covering it: tag, place in the morpheme, mecab-ko-dic's semantic
    class (인명, 지명...), the morpheme itself, and the tags of its neighbours.

    The analyses come from ``analyses`` (in a pipeline, the analysers it shares with the tokenize
    stage, which has already analysed the sentence). Rows are built eojeol by eojeol and
    morpheme by morpheme: what a morpheme says is built once per place (B, I, E, S) and shared
    by its characters.
    """

    name = "ko"

    def __init__(self, analyses: Analyses = fresh) -> None:
        self._mecab = analyses("mecab")

    def units(self, text: str) -> list[tuple[int, int]]:
        return [(i, i + 1) for i in range(len(text))]

    def features(self, text: str, units: list[tuple[int, int]]) -> list[list[bytes]]:
        """Features as UTF-8 bytes: crfsuite takes them without encoding each string again."""
        n = len(text)
        rows = char_ngram_columns(char_bytes(text))
        for start, end in _eojeols(text):
            prefix = b""
            for j in range(end - start):
                if j < 4:
                    prefix = ("ejpre=" + text[start:start + j + 1]).encode()
                rows[start + j].append(prefix)
        morphs = self._mecab(text)
        tags = [pos.split("+", 1)[0] for _, _, pos, _ in morphs]
        below = [""] * n                     # the tag of the morpheme covering each character
        last = len(morphs) - 1
        for k, (s, e, _, sem) in enumerate(morphs):
            tag, form = tags[k], text[s:e]
            prev_tag = tags[k - 1] if k > 0 and morphs[k - 1][1] == s else "<b>"
            next_tag = tags[k + 1] if k < last and morphs[k + 1][0] == e else "<b>"
            same = ["mw=" + form, *(("sem=" + sem,) if sem else ()), "mpn=" + prev_tag + "|" + tag + "|" + next_tag]
            next_form = "mnw=" + text[morphs[k + 1][0]:morphs[k + 1][1]] + "|" if k < last else ""
            prev_form = "mpw=" + text[morphs[k - 1][0]:morphs[k - 1][1]] + "|" if k > 0 else ""
            by_place: dict[str, list[bytes]] = {}
            for i, place in zip(range(s, min(e, n)), places(e - s)):
                below[i] = tag
                part = by_place.get(place)
                if part is None:
                    part = by_place[place] = [f.encode() for f in (
                        "m=" + tag + "|" + place, "mw=" + form + "|" + place, *same,
                        *(("sem=" + sem + "|" + place,) if sem else ()),
                        *((next_form + place,) if next_form else ()),
                        *((prev_form + place,) if prev_form else ()))]
                rows[i] += part
        for i, ch in enumerate(text):
            if ch.isspace():
                prev_tag = below[i - 1] or "<b>" if i > 0 else "<b>"
                next_tag = below[i + 1] or "<b>" if i + 1 < n else "<b>"
                rows[i] = [b"space", ("p-1=" + prev_tag).encode(), ("p+1=" + next_tag).encode()]
        return rows


def _eojeols(text: str) -> list[tuple[int, int]]:
    """The spans of the space-delimited words."""
    spans, start = [], -1
    for i, ch in enumerate(text):
        if ch.isspace():
            if start >= 0:
                spans.append((start, i))
                start = -1
        elif start < 0:
            start = i
    if start >= 0:
        spans.append((start, len(text)))
    return spans


class KoreanKiwiFeaturizer(KoreanFeaturizer):
    """The MeCab-ko features plus Kiwi's analysis as a second opinion.

    Kiwi segments and tags differently (it knows more recent proper nouns as NNP); each
    character gets Kiwi's tag, its place in Kiwi's morpheme, and the morpheme when it is a noun.
    """

    name = "ko-kiwi"

    def __init__(self, analyses: Analyses = fresh) -> None:
        super().__init__(analyses)
        self._kiwi = analyses("kiwi")

    def features(self, text: str, units: list[tuple[int, int]]) -> list[list[bytes]]:
        feats = super().features(text, units)
        covered = [False] * len(text)
        for start, length, full_tag, _ in self._kiwi(text):
            tag = full_tag.split("-")[0]
            end = min(start + length, len(text))
            noun = tag.startswith("NN")
            for i in range(start, end):
                if covered[i]:
                    continue          # a contracted form (했 = 하 + 었): keep the first morpheme
                covered[i] = True
                place = position_in(start, end, i)
                row = feats[i]
                row.append(("k=" + tag).encode())
                row.append(("k=" + tag + "|" + place).encode())
                if noun:
                    row.append(("kw=" + text[start:end] + "|" + place).encode())
        return feats
