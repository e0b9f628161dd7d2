"""Feature helpers shared by the languages: character classes, shapes, n-gram windows."""
from __future__ import annotations

import re
import unicodedata

_DIGIT = re.compile(r"\d")


def char_class(ch: str) -> str:
    """A coarse class of one character: space, digit, hangul, han, latin, punct, other."""
    if ch.isspace():
        return "S"
    if ch.isdigit():
        return "D"
    code = ord(ch)
    if 0xAC00 <= code <= 0xD7A3 or 0x3130 <= code <= 0x318F:
        return "H"
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF:
        return "C"
    if ch.isalpha():
        return "L" if ch.isascii() else "A"
    return "P" if unicodedata.category(ch).startswith(("P", "S")) else "O"


def norm_char(ch: str) -> str:
    """The character with digits folded to 0 and whitespace to one symbol."""
    if ch.isspace():
        return "_"
    return "0" if ch.isdigit() else ch


def char_window(chars: list[str], i: int, width: int, prefix: str = "c") -> list[str]:
    """Unigrams in ``[-width, width]`` and bigrams in ``[-width, width - 1]`` around ``i``."""
    n = len(chars)

    def at(k: int) -> str:
        return chars[k] if 0 <= k < n else ("<s>" if k < 0 else "</s>")

    out = [f"{prefix}{d}={at(i + d)}" for d in range(-width, width + 1)]
    out += [f"{prefix}{d}{d + 1}={at(i + d)}{at(i + d + 1)}" for d in range(-width, width)]
    out.append(f"{prefix}-101={at(i - 1)}{at(i)}{at(i + 1)}")
    return out


def position_in(start: int, end: int, i: int) -> str:
    """B, I, E or S: where position ``i`` lies in the span ``[start, end)``."""
    if end - start == 1:
        return "S"
    if i == start:
        return "B"
    return "E" if i == end - 1 else "I"


def word_shape(word: str, short: bool = False) -> str:
    """``Xxxx`` / ``dd-dd`` style shape; ``short`` collapses repeats (``Xx``)."""
    out = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not short or not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:12]


def fold_digits(text: str) -> str:
    return _DIGIT.sub("0", text)
