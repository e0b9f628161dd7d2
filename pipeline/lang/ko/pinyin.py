"""Mandarin written in Hangul by the Korean transliteration rules (``pinyin.toml``): the spelling a
Korean newspaper gives a Chinese name (孙金龙 -> 쑨진룽, 彭家瑞 -> 펑자루이, 习近平 -> 시진핑).

Used to make examples of transliterated Chinese names for the loanword scorer
(``pipeline.lang.ko.loanword_training``); nothing at run time needs it.
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINALS = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ", "ㅁ", "ㅂ",
           "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]
#: y-vowels and what they become after ㅈ ㅉ ㅊ
_PLAIN = str.maketrans("ㅑㅒㅕㅖㅛㅠ", "ㅏㅐㅓㅔㅗㅜ")


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    return tomllib.loads((Path(__file__).parent / "pinyin.toml").read_text(encoding="utf-8"))


def compose(initial: str, vowel: str, final: str = "") -> str:
    """One Hangul syllable from its jamo (``compose("ㅆ", "ㅜ", "ㄴ")`` -> 쑨)."""
    return chr(0xAC00 + (_INITIALS.index(initial) * 21 + _VOWELS.index(vowel)) * 28 + _FINALS.index(final))


def syllable(pinyin: str) -> str | None:
    """One toneless pinyin syllable in Hangul (``sun`` -> 쑨, ``jia`` -> 자, ``rui`` -> 루이); None
    for what is no Mandarin syllable."""
    t = _table()
    s = pinyin.lower().replace("ü", "v").replace("u:", "v")
    if s in t["bare"]:
        return t["bare"][s]
    initial = next((i for i in sorted(t["initials"], key=len, reverse=True) if s.startswith(i)), None)
    if initial is None:
        return None
    final, rules = s[len(initial):], t["rules"]
    jamo = t["initials"][initial]
    if final == "i" and initial in rules["apical_initials"]:
        return compose(jamo, "ㅡ")
    if initial in rules["palatal_initials"] and final.startswith("u"):
        final = "v" + final[1:]
    parts = t["finals"].get(final)
    if parts is None:
        return None
    first, rest = parts[0], "".join(parts[1:])
    vowel, coda = first[0], first[1:]
    if jamo in rules["plain_after"]:
        vowel = vowel.translate(_PLAIN)
    return compose(jamo, vowel, coda) + rest


def to_hangul(syllables: Iterable[str]) -> str | None:
    """A name's pinyin syllables in Hangul, or None when one of them is no Mandarin syllable."""
    out = []
    for s in syllables:
        h = syllable(s)
        if h is None:
            return None
        out.append(h)
    return "".join(out)
