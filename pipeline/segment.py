"""Rule-based sentence boundaries for Korean, Chinese and English (offsets only, text untouched)."""
from __future__ import annotations

import re
from typing import Iterator

from .lang.rules import trim

#: A sentence ends after these, plus any closing quotes or brackets.
_CJK_END = re.compile(r"[。！？!?；]+[”’\"'」』）)\]]*|(?<=[다요죠음함됨임])\.[”’\"'」』）)\]]*(?=\s|$)")
_PERIOD = re.compile(r"[.!?]+[”’\"')\]]*(?=\s+|$)")
_ABBREV = frozenset("""mr mrs ms dr prof inc corp co ltd llc plc jr sr st gen gov sen rep no nos vs
etc jan feb mar apr jun jul aug sep sept oct nov dec fig al dept est approx u.s u.k u.n e.u""".split())
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")
_DOTTED_DATE = re.compile(r"\d{2,4}\.\s?\d{1,2}\.\s?\d{1,2}$")


def split_sentences(text: str, start: int = 0, end: int | None = None,
                    max_chars: int = 2000) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of the sentences in ``text[start:end]``, whitespace trimmed."""
    end = len(text) if end is None else end
    pos = start
    for line_end in _line_ends(text, start, end):
        yield from _split_line(text, pos, line_end, max_chars)
        pos = line_end + 1


def _line_ends(text: str, start: int, end: int) -> Iterator[int]:
    pos = start
    while True:
        nl = text.find("\n", pos, end)
        if nl < 0:
            yield end
            return
        yield nl
        pos = nl + 1


def _split_line(text: str, start: int, end: int, max_chars: int) -> Iterator[tuple[int, int]]:
    cuts = sorted({m.end() for m in _CJK_END.finditer(text, start, end)}
                  | {m.end() for m in _PERIOD.finditer(text, start, end) if _is_boundary(text, m.start(), m.end(), end)})
    pos = start
    for cut in [*cuts, end]:
        for s, e in _cap(text, pos, cut, max_chars):
            span = _trim(text, s, e)
            if span:
                yield span
        pos = cut


def _is_boundary(text: str, dot: int, after: int, end: int) -> bool:
    if text[dot] != ".":
        return True
    nxt = after
    while nxt < end and text[nxt].isspace():
        nxt += 1
    if nxt < end and (text[nxt].isdigit() and dot > 0 and text[dot - 1].isdigit()):
        return False  # "2021. 3. 5." is a date, not three sentences
    if _DOTTED_DATE.search(text, max(0, dot - 12), dot):
        return False  # the last dot of "2021. 3. 5." before "기준이다"
    if nxt < end and text[nxt].islower():
        return False
    word = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if word:
        w = word.group(1).lower()
        if w in _ABBREV or _INITIALS.fullmatch(text[word.start():dot + 1]):
            return False
    return True


def _cap(text: str, start: int, end: int, max_chars: int) -> Iterator[tuple[int, int]]:
    """Cut a run longer than ``max_chars`` at its last space, or hard at the limit."""
    while end - start > max_chars:
        cut = text.rfind(" ", start + max_chars // 2, start + max_chars)
        cut = cut + 1 if cut > 0 else start + max_chars
        yield start, cut
        start = cut
    yield start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    start, end = trim(text, start, end)
    return (start, end) if start < end else None
