"""Chinese names that a place begins (:class:`pipeline.lang.pack.CompoundReader`): whole name
words, as jieba tags them, up to the first that ends in an organisation head; where a name
before a bracket begins."""
from __future__ import annotations

import bisect
import functools
import itertools

from ...entities import typer as orgtype
from ...kb.normalize import script
from ...spans import SpanIndex
from ...types import Document, Entity

#: jieba tags of the words a Chinese name is made of: nouns (n, nr, ns, nt, nz), abbreviations,
#: adjectives and distinguishing words (正大, 国有); a verb, function word or number ends it.
NAME_WORD_TAGS = ("n", "j", "a", "b")
_GAP = 4   # most characters between a place and the organisation the model found after it
_MAX = 12  # most characters of the rest of the name


def is_name_word(pos: str) -> bool:
    """A word of this jieba tag can be part of a name."""
    return pos.startswith(NAME_WORD_TAGS)


def headed_tail(doc: Document, place: Entity, hi: int, taken: SpanIndex[Entity],
                orgs: dict[int, Entity]) -> tuple[int, str] | None:
    """Whole name words (no verb, function word or number, nor another name) up to the first that
    ends in a head, holding more than the head (武汉市+青山区房产管理局; not 中国+企业, 莫斯科+签署,
    美国+制裁华为公司), or up to an organisation the model found a few characters on
    (南京+正大+天晴制药有限公司)."""
    text, s, stop = doc.text, place.start, place.end
    after = bisect.bisect_left(doc.tokens, place.end, key=lambda t: t.start)
    for tok in itertools.takewhile(lambda t: t.start < hi, (doc.tokens[i] for i in range(after, len(doc.tokens)))):
        if tok.start in orgs and place.end < tok.start <= place.end + _GAP:
            org = orgs[tok.start]
            return org.end, org.type
        if tok.start != stop or not is_name_word(tok.pos or "x") or tok.end - place.end > _MAX \
                or taken.any_overlapping(tok.start, tok.end):
            return None
        stop = tok.end
        found = orgtype.head(text[s:stop])
        if found:
            return (stop, found[0]) if stop - place.end > found[1] else None
    return None


@functools.lru_cache(maxsize=1)
def _stops() -> frozenset[str]:
    """Characters that end a name when walking back from a bracket (``name_stops`` in words.toml)."""
    from . import PACK

    return frozenset(PACK.words.value("name_stops", ""))


def name_start(text: str, lo: int, end: int, max_chars: int, words: int = 1) -> int | None:
    """Start of the Chinese name that ends at ``end``: back to a function word or punctuation."""
    i = end
    while i > lo and end - i < max_chars and (script(text[i - 1]) == "han" or text[i - 1] == "·") \
            and text[i - 1] not in _stops():
        i -= 1
    return i
