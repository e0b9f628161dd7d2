"""Korean features: syllable n-grams, eojeol boundaries, MeCab-ko morphemes and their tags."""
from __future__ import annotations

from ... import tokenizers
from .common import char_class, char_columns, norm_char, position_in


class KoreanFeaturizer:
    """Units are characters (KLUE-NER is annotated per character, spaces included).

    Each character gets its syllable window, its place in the eojeol (space-delimited word),
    and the MeCab-ko morpheme covering it: tag, place in the morpheme, mecab-ko-dic's semantic
    class (인명, 지명...), the morpheme itself, and the tags of its neighbours.

    The analyses come from :mod:`pipeline.tokenizers`' memos (the tokenize stage's, when it ran
    on the same sentence); the features of a morpheme are built once per place (B, I, E, S)
    and shared by its characters.
    """

    name = "ko"

    def __init__(self) -> None:
        self._mecab = tokenizers.mecab_analysis()

    def units(self, text: str) -> list[tuple[int, int]]:
        return [(i, i + 1) for i in range(len(text))]

    def features(self, text: str, units: list[tuple[int, int]]) -> list[list[str]]:
        n = len(text)
        chars = [norm_char(c) for c in text]
        classes = [char_class(c) for c in text]
        morphs = self._mecab(text)
        tags = [pos.split("+")[0] for _, _, pos, _ in morphs]
        at: list[int] = [-1] * n
        for k, (s, e, _, _) in enumerate(morphs):
            for i in range(s, min(e, n)):
                at[i] = k
        eojeol = _eojeol_spans(text)
        window = char_columns(chars, classes)
        cached: dict[tuple[int, str], list[str]] = {}
        feats = []
        for i in range(n):
            if classes[i] == "S":
                prev_tag = tags[at[i - 1]] if i > 0 and at[i - 1] >= 0 else "<b>"
                next_tag = tags[at[i + 1]] if i + 1 < n and at[i + 1] >= 0 else "<b>"
                feats.append(["bias", "space", "p-1=" + prev_tag, "p+1=" + next_tag])
                continue
            es, ee = eojeol[i]
            f = list(window[i])
            f.append("ej=" + position_in(es, ee, i))
            f.append("ejpre=" + text[es:i + 1][:4])
            k = at[i]
            if k >= 0:
                s, e = morphs[k][0], morphs[k][1]
                place = position_in(s, e, i)
                part = cached.get((k, place))
                if part is None:
                    part = cached[k, place] = _morpheme_features(text, morphs, tags, k, place)
                f += part
            feats.append(f)
        return feats


def _morpheme_features(text: str, morphs: tuple, tags: list[str], k: int, place: str) -> list[str]:
    """The features of morpheme ``k`` for a character at ``place`` in it."""
    s, e, _, sem = morphs[k]
    tag, form = tags[k], text[s:e]
    out = ["m=" + tag, "m=" + tag + "|" + place, "mw=" + form, "mw=" + form + "|" + place]
    if sem:
        out += ["sem=" + sem, "sem=" + sem + "|" + place]
    prev_tag = tags[k - 1] if k > 0 and morphs[k - 1][1] == s else "<b>"
    next_tag = tags[k + 1] if k + 1 < len(morphs) and morphs[k + 1][0] == e else "<b>"
    out += ["mp=" + prev_tag, "mn=" + next_tag, "mpn=" + prev_tag + "|" + tag + "|" + next_tag]
    if k + 1 < len(morphs):
        out.append("mnw=" + text[morphs[k + 1][0]:morphs[k + 1][1]] + "|" + place)
    if k > 0:
        out.append("mpw=" + text[morphs[k - 1][0]:morphs[k - 1][1]] + "|" + place)
    return out


def _eojeol_spans(text: str) -> list[tuple[int, int]]:
    spans = [(i, i + 1) for i in range(len(text))]
    i = 0
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        j = i
        while j < len(text) and not text[j].isspace():
            j += 1
        for k in range(i, j):
            spans[k] = (i, j)
        i = j
    return spans


class KoreanKiwiFeaturizer(KoreanFeaturizer):
    """The MeCab-ko features plus Kiwi's analysis as a second opinion.

    Kiwi segments and tags differently (it knows more recent proper nouns as NNP); each
    character gets Kiwi's tag, its place in Kiwi's morpheme, and the morpheme when it is a noun.
    """

    name = "ko-kiwi"

    def __init__(self) -> None:
        super().__init__()
        self._kiwi = tokenizers.kiwi_analysis()

    def features(self, text: str, units: list[tuple[int, int]]) -> list[list[str]]:
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
                row.append("k=" + tag)
                row.append("k=" + tag + "|" + place)
                if noun:
                    row.append("kw=" + text[start:end] + "|" + place)
        return feats
