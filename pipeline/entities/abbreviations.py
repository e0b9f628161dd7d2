"""Countries written with one character: 中美关系, 韓美日, 對俄制裁, 한미, 북·러, 대북, 美 상무부.

Chinese and Korean news name countries by one character where two or more meet (中美, 한·일) and
after a word of relation (对华, 駐日, 대러 제재); Korean headlines write them in Hanja (美, 中, 北).
One character is too ambiguous to look up alone (日 is a day, 中 the middle, 한 a number), so a
form counts only where its pack says (``countries`` in ``words.toml``):

- Chinese: two or more forms of different countries in a row (not 中华) that begin a word of the
  tokenizer (中美, 中港关系), not before a word of language or continent (中英文, 中美洲), or a form
  after a word of relation, in one word with it or as its own word (对华, 在 美 资产);
- Korean: a Hanja form with no Han character beside it; Hangul forms joined by ·/- (북·러), in a
  listed run (한미일) or a listed word of relation (대북), at a word's start and before a particle,
  a space or punctuation; and a country's full name with a prefix of relation written onto it
  (대러시아 제재, 대중국 수출).

Each form becomes a LOC entity linked to the country's KB entity.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from .. import lang
from ..kb.normalize import script
from ..lang.pack import alternation
from ..types import Document, Sentence

_JOINERS = "·ㆍ‧・-"


@lru_cache(maxsize=None)
def forms(code: str) -> dict[str, str]:
    """Form -> KB id for the pack ``code`` (empty when it lists none)."""
    pack = lang.get(code)
    table = pack.words.table("countries.abbreviations") if pack else {}
    return {form: entity_id for entity_id, written in table.items() for form in written}


def find(doc: Document, sent: Sentence, words: tuple[frozenset[int], frozenset[int]]) -> Iterator[tuple[int, int, str]]:
    """(start, end, KB id) of the one-character country forms of ``sent``; ``words`` are where the
    tokenizer's words start and end (:func:`pipeline.spans.word_bounds`)."""
    table = forms(sent.lang)
    if not table:
        return
    if sent.lang == "zh":
        yield from _chinese(doc, sent, words, table)
    else:
        yield from _korean(doc, sent, table)


def _chinese(doc: Document, sent: Sentence, words: tuple[frozenset[int], frozenset[int]],
             table: dict[str, str]) -> Iterator[tuple[int, int, str]]:
    starts, ends = words
    text = doc.text
    for m in _pattern(sent.lang).finditer(text, sent.start, sent.end):
        i, j = m.span()
        if m.group("after"):
            if j in ends and (i - 1 in starts or i in starts):
                yield i, j, table[text[i]]
        elif i in starts and len({table[c] for c in text[i:j]}) == j - i:
            yield from ((k, k + 1, table[text[k]]) for k in range(i, j))


def _korean(doc: Document, sent: Sentence, table: dict[str, str]) -> Iterator[tuple[int, int, str]]:
    text = doc.text
    for m in _pattern(sent.lang).finditer(text, sent.start, sent.end):
        if m.group("hanja"):
            yield m.start(), m.end(), table[m.group()]
        elif m.group("full"):
            yield m.start("full"), m.end("full"), _names(sent.lang)[m.group("full")]
        elif m.group("related"):
            yield m.end("forms") - 1, m.end("forms"), table[text[m.end("forms") - 1]]
        else:
            yield from ((k, k + 1, table[text[k]]) for k in range(*m.span("forms")) if text[k] in table)


@lru_cache(maxsize=None)
def _names(code: str) -> dict[str, str]:
    """Full country name -> KB id, for the names a prefix of relation may be written onto."""
    pack = lang.get(code)
    table = pack.words.table("countries.names") if pack else {}
    return {name: entity_id for entity_id, names in table.items() for name in names}


@lru_cache(maxsize=None)
def _pattern(code: str) -> re.Pattern[str]:
    """Where the forms of the pack ``code`` may stand (see the module docstring)."""
    pack = lang.get(code)
    assert pack is not None
    words = pack.words
    table = forms(code)
    han = "".join(f for f in table if script(f) == "han")
    if code == "zh":
        after = "".join(words.get("countries.after"))
        not_before = "".join(words.get("countries.not_before"))
        return re.compile(rf"(?P<run>[{han}]{{2,}}+)(?![{not_before}])|(?<=[{after}])(?P<after>[{han}])(?![{han}])")
    hangul = "".join(f for f in table if script(f) == "hangul")
    joined = rf"[{hangul}](?:[{re.escape(_JOINERS)}][{hangul}])+"
    runs = alternation(words.get("countries.runs"))
    related = alternation(words.get("countries.related"))
    particles = alternation(words.get("particles"))
    prefixes = "".join(words.get("countries.prefixes"))
    full = rf"|(?<![가-힣])[{prefixes}](?P<full>{alternation(list(_names(code)))})(?=(?:{particles})?(?![가-힣]))" \
        if prefixes and _names(code) else ""
    return re.compile(rf"(?<![\u4e00-\u9fff])(?P<hanja>[{han}])(?![\u4e00-\u9fff])"
                      rf"|(?<![가-힣])(?P<forms>{joined}|{runs}|(?P<related>{related}))(?=(?:{particles})?(?![가-힣]))"
                      + full)
