"""Countries written with one character: 中美关系, 韓美日, 對俄制裁, 한미, 북·러, 대북, 美 상무부.

Chinese and Korean news name countries by one character where two or more meet (中美, 한·일) and
after a word of relation (对华, 駐日, 대러 제재); Korean headlines write them in Hanja (美, 中, 北).
One character is too ambiguous to look up alone (日 is a day, 中 the middle, 한 a number), so a
form counts only where its pack says (``countries`` in ``words.toml``):

- Chinese: two or more forms of different countries in a row (not 中华) that begin a word of the tokenizer (中美, 中港关系), not
  before a word of language or continent (中英文, 中美洲), or a form after a word of relation, in
  one word with it or as its own word (对华, 在 美 资产);
- Korean: a Hanja form with no Han character beside it; Hangul forms joined by ·/- (북·러), in a
  listed run (한미일) or a listed word of relation (대북), at a word's start and before a particle,
  a space or punctuation.

Each form becomes a LOC entity linked to the country's KB entity.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Any, Iterator

from .. import lang
from ..kb.normalize import script
from ..types import Document, Entity, Sentence

_JOINERS = "·ㆍ‧・-"


@lru_cache(maxsize=None)
def forms(code: str) -> dict[str, str]:
    """Form -> KB id for the pack ``code`` (empty when it lists none)."""
    pack = lang.get(code)
    table = pack.words.table("countries.abbreviations") if pack else {}
    return {form: entity_id for entity_id, written in table.items() for form in written}


@lru_cache(maxsize=1)
def _every_form() -> frozenset[str]:
    return frozenset(f for pack in lang.packs() for f in forms(pack.code))


def only_forms(text: str) -> bool:
    """Whether ``text`` is two or more country forms and nothing else (한미, 中美, 북·러)."""
    letters = [c for c in text if c not in _JOINERS]
    return len(letters) >= 2 and all(c in _every_form() for c in letters)


def find(doc: Document, sent: Sentence) -> Iterator[tuple[int, int, str]]:
    """(start, end, KB id) of the one-character country forms of ``sent``."""
    table = forms(sent.lang)
    if not table:
        return
    pack = lang.get(sent.lang)
    assert pack is not None
    if sent.lang == "zh":
        yield from _chinese(doc, sent, table, frozenset(pack.words.get("countries.after")),
                            frozenset(pack.words.get("countries.not_before")))
    else:
        yield from _korean(doc, sent, table, pack.words)


def _chinese(doc: Document, sent: Sentence, table: dict[str, str], after: frozenset[str],
             not_before: frozenset[str]) -> Iterator[tuple[int, int, str]]:
    starts, ends = _token_bounds(doc)
    text = doc.text
    i = sent.start
    while i < sent.end:
        j = i
        while j < sent.end and text[j] in table:
            j += 1
        if j - i >= 2 and i in starts and len({table[c] for c in text[i:j]}) == j - i and text[j:j + 1] not in not_before:
            yield from ((k, k + 1, table[text[k]]) for k in range(i, j))
        elif j - i == 1 and i > sent.start and text[i - 1] in after and j in ends and (i - 1 in starts or i in starts):
            yield i, j, table[text[i]]
        i = max(j, i + 1)


def _korean(doc: Document, sent: Sentence, table: dict[str, str], words: Any) -> Iterator[tuple[int, int, str]]:
    text = doc.text
    for k in range(sent.start, sent.end):
        c = text[k]
        if c in table and script(c) == "han" and not _han(text, k - 1) and not _han(text, k + 1):
            yield k, k + 1, table[c]
    hangul = "".join(f for f in table if script(f) == "hangul")
    joined = rf"[{hangul}](?:[{re.escape(_JOINERS)}][{hangul}])+"
    runs = "|".join(sorted(words.get("countries.runs"), key=len, reverse=True))
    related = "|".join(sorted(words.get("countries.related"), key=len, reverse=True))
    pattern = _korean_pattern(joined, runs, related, "|".join(sorted(words.get("particles"), key=len, reverse=True)))
    for m in pattern.finditer(text, sent.start, sent.end):
        span = m.group("forms")
        if m.group("related"):
            yield m.end("forms") - 1, m.end("forms"), table[span[-1]]
            continue
        for k in range(m.start("forms"), m.end("forms")):
            if text[k] in table:
                yield k, k + 1, table[text[k]]


@lru_cache(maxsize=4)
def _korean_pattern(joined: str, runs: str, related: str, particles: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![가-힣])(?P<forms>{joined}|{runs}|(?P<related>{related}))"
                      rf"(?=(?:{particles})?(?![가-힣]))")


def _han(text: str, k: int) -> bool:
    return 0 <= k < len(text) and script(text[k]) == "han"


def _token_bounds(doc: Document) -> tuple[frozenset[int], frozenset[int]]:
    return frozenset(t.start for t in doc.tokens), frozenset(t.end for t in doc.tokens)
