"""English names that a place begins (:class:`pipeline.lang.pack.CompoundReader`): capitalised
words ending in an organisation head or legal form (Dongguan + Poweramp Technology)."""
from __future__ import annotations

import re

from ...entities import typer as orgtype
from ...spans import SpanIndex
from ...types import Document, Entity

_WORD = re.compile(r" (?:(?:of|and|&|for) )?[A-Z][A-Za-z&'-]*\.?")


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
