"""Length-preserving text normalisation for name matching.

``normalize(text)`` returns a string of exactly ``len(text)`` characters, so an offset in the
normalised text is the same offset in the original. It maps traditional Chinese characters to
simplified ones (OpenCC's character table, one character at a time, never phrases), folds the
case of Latin letters where folding keeps one character, turns full-width ASCII into ASCII, and
unifies middle dots, dashes, quotes, brackets and white space.
"""
from __future__ import annotations

import re
from functools import lru_cache

#: CJK blocks whose characters OpenCC may map (Extension A, Unified, Compatibility).
_CJK_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))

_PUNCT = {
    "\u30fb": "·", "\u2022": "·", "\u2027": "·", "\u0387": "·",
    "\uff65": "·", "\u2219": "·",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
    "\u3000": " ", "\u00a0": " ", "\t": " ", "\n": " ", "\r": " ", "\u2009": " ", "\u202f": " ",
}


@lru_cache(maxsize=1)
def char_table() -> dict[int, str]:
    """The ``str.translate`` table: code point -> one replacement character."""
    import opencc

    table: dict[int, str] = {}
    chars = [chr(c) for lo, hi in _CJK_RANGES for c in range(lo, hi)]
    simplified = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    if len(simplified) == len(chars):
        table.update({ord(c): s for c, s in zip(chars, simplified) if c != s and len(s) == 1})
    for cp in range(0x21, 0x7F):  # full-width ASCII -> ASCII
        table[cp + 0xFEE0] = chr(cp)
    for cp in list(range(0x41, 0x5B)) + list(range(0xC0, 0x250)) + list(range(0x370, 0x530)):
        low = chr(cp).lower()
        if low != chr(cp) and len(low) == 1:
            table[cp] = low
    for cp in range(0xFF21, 0xFF3B):  # full-width capitals -> ASCII lower case
        table[cp] = chr(cp - 0xFF21 + 0x61)
    table.update({ord(k): v for k, v in _PUNCT.items()})
    return table


@lru_cache(maxsize=1)
def _t2s_table() -> dict[int, str]:
    """Traditional -> simplified Chinese characters only (the CJK part of :func:`char_table`)."""
    return {cp: ch for cp, ch in char_table().items()
            if any(lo <= cp < hi for lo, hi in _CJK_RANGES)}


def simplified(text: str) -> str:
    """``text`` with traditional Chinese characters read as simplified, nothing else changed
    (same length, same offsets): what a model trained on simplified Chinese should see."""
    return text.translate(_t2s_table())


def normalize(text: str) -> str:
    """``text`` normalised character by character (same length, same offsets)."""
    return text.translate(char_table())


_SPACES = re.compile(r"\s+")


def key(name: str) -> str:
    """The lookup key of a name: normalised, white space collapsed, trimmed."""
    return _SPACES.sub(" ", normalize(name)).strip()


@lru_cache(maxsize=65536)
def script(ch: str) -> str:
    """``"hangul"``, ``"han"``, ``"latin"`` (letters and digits of ASCII/Latin) or ``"other"``."""
    cp = ord(ch)
    if 0xAC00 <= cp <= 0xD7A3 or 0x1100 <= cp <= 0x11FF or 0x3130 <= cp <= 0x318F:
        return "hangul"
    if any(lo <= cp < hi for lo, hi in _CJK_RANGES) or 0x20000 <= cp <= 0x3134F or ch == "〇":
        return "han"
    if ch.isalnum() and (cp < 0x250 or 0xFF10 <= cp <= 0xFF5A):
        return "latin"
    return "other"
