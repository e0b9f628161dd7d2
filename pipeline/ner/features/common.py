"""Feature helpers shared by the languages: character classes, shapes, n-gram windows."""
from __future__ import annotations

import functools
import re
import unicodedata

_DIGIT = re.compile(r"\d")


@functools.lru_cache(maxsize=1 << 16)
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


@functools.lru_cache(maxsize=1 << 16)
def norm_char(ch: str) -> str:
    """The character with digits folded to 0 and whitespace to one symbol."""
    if ch.isspace():
        return "_"
    return "0" if ch.isdigit() else ch


def char_columns(chars: list[str], classes: list[str]) -> list[tuple[str, ...]]:
    """Per position: ``bias``, the classes at -1/0/+1 and :func:`char_window` (width 2), in that order.

    The same strings as building them one position at a time, built column by column.
    """
    n = len(chars)
    p = ["<s>", "<s>", *chars, "</s>", "</s>"]            # p[i + 2] is chars[i]
    m2, m1, c0, p1, p2 = p[0:n], p[1:n + 1], p[2:n + 2], p[3:n + 3], p[4:n + 4]
    return list(zip(
        ["bias"] * n,
        ["t=" + c for c in classes],
        ["t-1=<s>"][:n] + ["t-1=" + c for c in classes[:-1]],
        ["t+1=" + c for c in classes[1:]] + ["t+1=</s>"][:n],
        ["c-2=" + a for a in m2], ["c-1=" + a for a in m1], ["c0=" + a for a in c0],
        ["c1=" + a for a in p1], ["c2=" + a for a in p2],
        ["c-2-1=" + a + b for a, b in zip(m2, m1)], ["c-10=" + a + b for a, b in zip(m1, c0)],
        ["c01=" + a + b for a, b in zip(c0, p1)], ["c12=" + a + b for a, b in zip(p1, p2)],
        ["c-101=" + a + b + c for a, b, c in zip(m1, c0, p1)],
    ))


def char_ngram_columns(chars: list[bytes]) -> list[list[bytes]]:
    """Per position: the characters at -2..+2, the bigrams and the centred trigram, in UTF-8.

    :func:`char_columns` without ``bias`` and the character classes, as one list per position,
    from the normalised characters already encoded (crfsuite takes bytes without encoding them).
    """
    n = len(chars)
    p = [b"<s>", b"<s>", *chars, b"</s>", b"</s>"]        # p[i + 2] is chars[i]
    m2, m1, c0, p1, p2 = p[0:n], p[1:n + 1], p[2:n + 2], p[3:n + 3], p[4:n + 4]
    return list(map(list, zip(
        [b"c-2=" + a for a in m2], [b"c-1=" + a for a in m1], [b"c0=" + a for a in c0],
        [b"c1=" + a for a in p1], [b"c2=" + a for a in p2],
        [b"c-2-1=" + a + b for a, b in zip(m2, m1)], [b"c-10=" + a + b for a, b in zip(m1, c0)],
        [b"c01=" + a + b for a, b in zip(c0, p1)], [b"c12=" + a + b for a, b in zip(p1, p2)],
        [b"c-101=" + a + b + c for a, b, c in zip(m1, c0, p1)],
    )))


#: character -> its normalised form (:func:`norm_char`) in UTF-8, for the characters seen so far
_CHAR_BYTES: dict[str, bytes] = {}


def char_bytes(text: str) -> list[bytes]:
    """:func:`norm_char` of each character of ``text``, in UTF-8 (features sent to crfsuite as bytes)."""
    known = _CHAR_BYTES.get
    return [known(c) or _char_bytes(c) for c in text]


def _char_bytes(ch: str) -> bytes:
    out = norm_char(ch).encode()
    if len(_CHAR_BYTES) < 1 << 16:
        _CHAR_BYTES[ch] = out
    return out


@functools.lru_cache(maxsize=64)
def places(length: int) -> tuple[str, ...]:
    """B, I..., E (S alone) for the characters of a span of ``length``."""
    return ("S",) if length == 1 else ("B", *("I",) * (length - 2), "E")


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
