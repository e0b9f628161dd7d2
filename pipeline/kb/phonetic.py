"""Phonetic skeletons: names written in different scripts reduced to the consonants a reader hears.

A Hangul spelling of a foreign name is a loanword transliteration (헌팅턴잉걸스 for Huntington
Ingalls), and so is a Chinese one (亨廷顿·英格尔斯). Romanised (Korean by the Revised
Romanization with its sound rules, ``korean-romanizer``; Chinese by ``pypinyin``'s table), they still
differ from the English spelling in their vowels, their epenthetic syllables (스 = s), the sounds
the target language lacks (f -> ㅍ p, v -> ㅂ b, z -> ㅈ j) and voicing (ㄱ is g or k). The skeleton
keeps one letter per consonant class and drops the rest, so the three spellings meet:

=====  ===============================================
P      p b f v
T      t d
K      k g c (hard) q (English) x = ks (English)
S      s z j ch sh th, c (soft); pinyin x q c z zh ch sh j
L      l r (pinyin er)
M, N   m, n (ng counts as N)
H      h, only at the start of a name
=====  ===============================================

A run of vowels is one V (Korean's epenthetic eu is dropped, and an English word's final e; so is a
vowel that ends the name: 斯 si, 스 seu, s), an English r after a vowel and before a consonant is
not heard (Martin 마틴, Kaspersky 카스퍼스키), w and y are dropped, and a repeated class counts once. ``rapidfuzz`` compares skeletons.
"""
from __future__ import annotations

import re
from functools import lru_cache

_CLASSES = str.maketrans({"p": "P", "b": "P", "f": "P", "v": "P", "t": "T", "d": "T", "k": "K", "g": "K",
                          "q": "K", "s": "S", "z": "S", "j": "S", "l": "L", "r": "L", "m": "M", "n": "N",
                          "h": "H"})
#: English spellings -> sounds (order matters); what is left goes through _CLASSES
_ENGLISH = [(re.compile(p), r) for p, r in (
    (r"[^a-z ]", ""), (r"tch|sch|ch|sh|th|dg", "s"), (r"ph", "f"), (r"gh", ""), (r"ck", "k"), (r"qu", "kw"),
    (r"\bkn", "n"), (r"\bwr", "r"), (r"x", "ks"), (r"c(?=[eiy])", "s"), (r"c", "k"), (r"g(?=[eiy])", "j"),
    (r"e\b", ""), (r"ng", "n"), (r"(?<!^)h", ""), (r"(?<=[aeiou])r(?![aeiouy])", ""), (r"y(?![aeiou])", "i"), (r"[wy ]", ""), (r"[aeiou]+", "V"))]
#: a name spelled as it is said (Russian, Persian, Arabic names in Latin letters): kh is h
#: (Zakharova 자하로바), gh is g (Damghani 담가니), no soft g (Sergei 세르게이), no silent final e
#: (Zare 자레), every r heard (Lavrov 라브로프)
_SPELLED = [(re.compile("kh"), "h")] + [
    (p, r) for p, r in _ENGLISH if p.pattern not in (r"gh", r"g(?=[eiy])", r"e\b", r"(?<=[aeiou])r(?![aeiouy])")]
#: Revised Romanization of Korean -> sounds
_KOREAN = [(re.compile(p), r) for p, r in (
    (r"[^a-z]", ""), (r"eu", ""), (r"ch", "s"), (r"ng", "n"), (r"(?<!^)h", ""), (r"[wy]", ""), (r"[aeiou]+", "V"))]
#: pinyin syllables -> sounds (one syllable at a time)
_PINYIN = [(re.compile(p), r) for p, r in (
    (r"^er$", "l"), (r"^(?:zh|ch|sh|x|q|c|z|j)", "s"), (r"ng$", "n"), (r"[wy]", ""), (r"[aeiouv\u00fc]+", "V"))]


def _rewrite(text: str, rules: list[tuple[re.Pattern[str], str]]) -> str:
    """``text`` with each rule's substitution applied in turn."""
    for pattern, repl in rules:
        text = pattern.sub(repl, text)
    return text


@lru_cache(maxsize=65536)
def _romanized(run: str) -> str:
    """A run of Hangul in the Revised Romanization with its sound rules, lower case."""
    from korean_romanizer.romanizer import Romanizer

    return Romanizer(run).romanize().lower()


def _classes(sounds: str) -> str:
    out = sounds.translate(_CLASSES)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[^PTKSLMNHV]", "", out)).rstrip("V")


@lru_cache(maxsize=65536)
def english(name: str) -> str:
    """Skeleton of a name in Latin letters read as English (``Huntington Ingalls`` -> ``HVNTVNTVNVNVLS``)."""
    return _classes(_rewrite(name.lower(), _ENGLISH))


@lru_cache(maxsize=65536)
def spelled(name: str) -> str:
    """Skeleton of a name in Latin letters read as spelled, not as English (``Sergei Lavrov`` ->
    ``SVLKVLVPLVP``, where :func:`english` gives ``SVSVLVPLVP``)."""
    return _classes(_rewrite(name.lower(), _SPELLED))


@lru_cache(maxsize=65536)
def korean(name: str) -> str:
    """Skeleton of a Hangul name (``헌팅턴잉걸스`` -> ``HVNTVNTVNVNKVLS``); Latin letters in it
    (``삼성SDI``) are read as English."""
    return _classes("".join(english(run) if run.isascii() else _rewrite(_romanized(run), _KOREAN)
                            for run in re.findall(r"[\uac00-\ud7a3]+|[A-Za-z]+", name)))


@lru_cache(maxsize=65536)
def chinese(name: str) -> str:
    """Skeleton of a Chinese transliteration (``亨廷顿·英格尔斯`` -> ``HVNTVNTVNVNKVLS``)."""
    text = "".join(_rewrite(syllable, _PINYIN) for syllable in pinyin(name))
    return _classes(text[:1] + re.sub(r"h", "", text[1:]))


def pinyin(name: str) -> list[str]:
    """Toneless pinyin syllables of the Han characters of ``name`` (others dropped), one reading
    per character (:func:`pinyin_table`)."""
    table = pinyin_table()
    return [table[c] for c in name if c in table]


PINYIN_FILE = "pinyin.txt"


@lru_cache(maxsize=1)
def pinyin_table() -> dict[str, str]:
    """Han character -> its first toneless pinyin reading: ``pypinyin``'s character table, derived
    once and shipped (``pinyin.txt``, 5 MB in memory where pypinyin with its phrases takes 58 MB);
    rebuild it with ``python -m pipeline.kb.phonetic`` after a pypinyin upgrade."""
    from importlib.resources import files

    lines = files(__package__).joinpath(PINYIN_FILE).read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if "\t" in line)


@lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable of :func:`pinyin_table`."""
    return frozenset(pinyin_table().values())


def build_pinyin_table() -> list[str]:
    """``char<TAB>syllable`` lines from pypinyin (needs the ``dev`` extra)."""
    from pypinyin import Style, pinyin as to_pinyin
    from pypinyin.pinyin_dict import pinyin_dict

    out = []
    for cp in sorted(pinyin_dict):
        syllable = to_pinyin(chr(cp), style=Style.NORMAL, heteronym=False)[0][0].replace("ü", "v")
        if syllable.isascii() and syllable.isalpha():
            out.append(f"{chr(cp)}\t{syllable.lower()}")
    return out


def sino_korean(name: str) -> str:
    """The Sino-Korean reading of the Han characters of ``name`` (中国电子科技集团 -> 중국전자과기집단)."""
    import hanja

    return re.sub(r"[^\uac00-\ud7a3]", "", hanja.translate(name, "substitution"))


#: Revised Romanization vowels -> the English vowel letter a reader writes for them (eu, the
#: epenthetic vowel, is none)
_KOREAN_VOWELS = [(re.compile(p), r) for p, r in (
    (r"yeo|eo", "o"), (r"ae|ye", "e"), (r"eu", ""), (r"ui|wi", "i"), (r"wa|ya", "a"), (r"wo|yo", "o"), (r"yu", "u"),
    (r"[^aeiou]", ""))]
_ENGLISH_VOWELS = [(re.compile(p), r) for p, r in (
    (r"y(?=[aeiou])", ""), (r"y", "i"), (r"e\b", ""), (r"([aeiou])[aeiou]+", r"\1"), (r"[^aeiou]", ""))]


def korean_vowels(word: str) -> str:
    """The vowels a Hangul word is read with (``라브로프`` -> ``ao``)."""
    return _rewrite(_romanized(word), _KOREAN_VOWELS)


def english_vowels(word: str) -> str:
    """The vowels of a word in Latin letters, one per run (``Mikhailov`` -> ``iao``)."""
    return _rewrite(word.lower(), _ENGLISH_VOWELS)


if __name__ == "__main__":
    from importlib.resources import files

    path = files(__package__).joinpath(PINYIN_FILE)
    with open(str(path), "w", encoding="utf-8") as fh:
        fh.write("\n".join(build_pinyin_table()) + "\n")
    print(f"wrote {path}")
