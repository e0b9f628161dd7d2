"""Korean features: syllable n-grams, eojeol boundaries, MeCab-ko morphemes and their tags."""
from __future__ import annotations

from .common import char_class, char_window, norm_char, position_in


class KoreanFeaturizer:
    """Units are characters (KLUE-NER is annotated per character, spaces included).

    Each character gets its syllable window, its place in the eojeol (space-delimited word),
    and the MeCab-ko morpheme covering it: tag, place in the morpheme, mecab-ko-dic's semantic
    class (인명, 지명...), the morpheme itself, and the tags of its neighbours.
    """

    name = "ko"

    def __init__(self) -> None:
        import mecab

        self._tagger = mecab.MeCab()

    def units(self, text: str) -> list[tuple[int, int]]:
        return [(i, i + 1) for i in range(len(text))]

    def _morphemes(self, text: str) -> list[tuple[int, int, str, str, str]]:
        out = []
        for m in self._tagger.parse(text):
            f = m.feature
            sem = f.semantic if f.semantic and f.semantic != "*" else ""
            out.append((m.span.start, m.span.end, f.pos, sem, text[m.span.start:m.span.end]))
        return out

    def features(self, text: str, units: list[tuple[int, int]]) -> list[list[str]]:
        n = len(text)
        chars = [norm_char(c) for c in text]
        classes = [char_class(c) for c in text]
        morphs = self._morphemes(text)
        at: list[int] = [-1] * n
        for k, (s, e, *_rest) in enumerate(morphs):
            for i in range(s, min(e, n)):
                at[i] = k
        eojeol = _eojeol_spans(text)
        feats = []
        for i in range(n):
            if classes[i] == "S":
                feats.append(["bias", "space", f"p-1={_tag(morphs, at, i - 1)}",
                              f"p+1={_tag(morphs, at, i + 1)}"])
                continue
            f = ["bias", f"t={classes[i]}", f"t-1={classes[i - 1] if i else '<s>'}",
                 f"t+1={classes[i + 1] if i + 1 < n else '</s>'}"]
            f += char_window(chars, i, 2)
            es, ee = eojeol[i]
            f.append(f"ej={position_in(es, ee, i)}")
            f.append(f"ejpre={text[es:i + 1][:4]}")
            k = at[i]
            if k >= 0:
                s, e, pos, sem, form = morphs[k]
                tag = pos.split("+")[0]
                place = position_in(s, e, i)
                f += [f"m={tag}", f"m={tag}|{place}", f"mw={form}", f"mw={form}|{place}"]
                if sem:
                    f += [f"sem={sem}", f"sem={sem}|{place}"]
                prev_tag = morphs[k - 1][2].split("+")[0] if k > 0 and morphs[k - 1][1] == s else "<b>"
                next_tag = morphs[k + 1][2].split("+")[0] if k + 1 < len(morphs) and morphs[k + 1][0] == e else "<b>"
                f += [f"mp={prev_tag}", f"mn={next_tag}", f"mpn={prev_tag}|{tag}|{next_tag}"]
                if k + 1 < len(morphs):
                    f.append(f"mnw={morphs[k + 1][4]}|{place}")
                if k > 0:
                    f.append(f"mpw={morphs[k - 1][4]}|{place}")
            feats.append(f)
        return feats


def _tag(morphs: list, at: list[int], i: int) -> str:
    if 0 <= i < len(at) and at[i] >= 0:
        return morphs[at[i]][2].split("+")[0]
    return "<b>"


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
        from kiwipiepy import Kiwi

        self._kiwi = Kiwi(num_workers=-1)

    def features(self, text: str, units: list[tuple[int, int]]) -> list[list[str]]:
        feats = super().features(text, units)
        covered = [False] * len(text)
        for t in self._kiwi.tokenize(text):
            tag = t.tag.split("-")[0]
            end = min(t.start + t.len, len(text))
            for i in range(t.start, end):
                if covered[i]:
                    continue          # a contracted form (했 = 하 + 었): keep the first morpheme
                covered[i] = True
                place = position_in(t.start, end, i)
                feats[i] += [f"k={tag}", f"k={tag}|{place}"]
                if tag.startswith("NN"):
                    feats[i].append(f"kw={text[t.start:end]}|{place}")
        return feats
