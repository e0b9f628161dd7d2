"""Korean names that a place or a date begins (:class:`pipeline.lang.pack.CompoundReader`): the
rest of the word before its particles, up to an organisation head; where a name before a
bracket begins."""
from __future__ import annotations

import re

from ...entities import typer as orgtype
from ...kb.normalize import script
from ...spans import SpanIndex
from ...types import Document, Entity
from .names import is_particle_tail

_WORD = re.compile(r"\s+[가-힣]+")
_WORDS_AFTER_DATE = 4


def headed_tail(doc: Document, place: Entity, hi: int, taken: SpanIndex[Entity],
                orgs: dict[int, Entity]) -> tuple[int, str] | None:
    """The rest of the place's word before its particles, when it ends in an organisation head of
    two syllables or more (유럽+이사회는, 한국+석유공사가; not 한국+에서도, 소련+군)."""
    text, s = doc.text, place.start
    if s > 0 and script(text[s - 1]) == "hangul":
        return None  # a place inside a word (삼성중국반도체) begins nothing
    end = place.end
    while end < hi and script(text[end]) == "hangul":
        end += 1
    for stop in range(end, place.end, -1):
        found = orgtype.head(text[s:stop])
        if found and found[1] >= 2 and is_particle_tail(text[stop:end]):
            return stop, found[0]
    return None


def dated_name(doc: Document, date: Entity, hi: int) -> tuple[int, str] | None:
    """A name that begins with a dotted date (4·19 혁명 희생자 유족회는, 5·18 기념재단): the date and
    up to four words after it, the last ending in an organisation head before its particles."""
    if "·" not in date.text:
        return None
    pos = date.end
    for _ in range(_WORDS_AFTER_DATE):
        m = _WORD.match(doc.text, pos, hi)
        if m is None:
            return None
        pos = m.end()
        word_start = m.start() + len(m.group()) - len(m.group().lstrip())
        for stop in range(pos, word_start, -1):
            found = orgtype.head(doc.text[date.start:stop])
            if found and is_particle_tail(doc.text[stop:pos]):
                return stop, found[0]
    return None


#: endings of a Korean word that is no part of the name after it (a particle, a modifier: 생산하는)
_NOT_NAME_END = tuple("는을를의에및한된등와과")


def name_start(text: str, lo: int, end: int, max_chars: int, words: int = 1) -> int | None:
    """Start of the Korean name that ends at ``end`` (a name before its bracketed alias): the word
    there, and as many words before it as ``words`` asks (a foreign name in Hangul has as many
    words as its Latin form: 신중 중타이 그룹(Xinjiang Zhongtai Group)), back to a word ending in
    a particle or a modifier."""
    i = end
    while i > lo and end - i < max_chars and not text[i - 1].isspace() and script(text[i - 1]) != "other":
        i -= 1
    for _ in range(words - 1):
        m = _WORD_BEFORE.search(text, max(lo, i - 12), i)
        if m is None or m.group(1).endswith(_NOT_NAME_END):
            break
        i = m.start(1)
    return i


_WORD_BEFORE = re.compile(r"(?<![가-힣0-9])([가-힣]+) $")
