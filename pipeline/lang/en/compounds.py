"""English names that a place begins (:class:`pipeline.lang.pack.CompoundReader`): capitalised
words ending in an organisation head or legal form (Dongguan + Poweramp Technology); where a
name before a bracket begins."""
from __future__ import annotations

import re

from ...entities import typer as orgtype
from ...spans import SpanIndex
from ...types import Document, Entity

_WORD = re.compile(r" (?:(?:of|and|&|for) )?[A-Z][A-Za-z&'-]*\.?")
_NAME = re.compile(r"[A-Z0-9][A-Za-z0-9&'.-]*(?:[ ](?:of|and|for|the|&|[A-Z0-9][A-Za-z0-9&'.-]*))*$")


def headed_tail(doc: Document, place: Entity, hi: int, taken: SpanIndex[Entity],
                orgs: dict[int, Entity]) -> tuple[int, str] | None:
    """The capitalised words after the place, up to the last that makes the whole a typed name
    (the place alone being none)."""
    text, s = doc.text, place.start
    end, pos = place.end, place.end
    while (m := _WORD.match(text, pos, hi)) is not None:
        pos = m.end()
        if not m.group().startswith((" of ", " and ", " & ", " for ")) \
                and orgtype.by_name(text[s:pos]) and not orgtype.by_name(text[s:place.end]):
            end = pos
    return (end, orgtype.by_name(text[s:end]) or "ORG") if end > place.end else None


def name_start(text: str, lo: int, end: int, max_chars: int, words: int = 1) -> int | None:
    """Start of the capitalised words that end at ``end`` (within three times ``max_chars``)."""
    m = _NAME.search(text, max(lo, end - 3 * max_chars), end)
    return m.start() if m is not None else None
