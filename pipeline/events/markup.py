"""Documents from bracket markup, for tests and examples of the events stage.

``[美国商务部|GOV|nf:us-commerce]将[华为|FIRM|nf:huawei]列入实体清单`` gives the text without brackets
and one entity per bracket: ``[text|TYPE|canonical id]``; a DATE takes its normalised value
(``[2019年10月|DATE|2019-10]``), a QUANTITY ``value:unit`` (``[44개|QUANTITY|44:기관]``).
Sentences come from the project's splitter, each with ``lang``.
"""
from __future__ import annotations

import re

from ..segment import split_sentences
from ..types import Document, Entity, Sentence

_BRACKET = re.compile(r"\[([^|\[\]]+)\|([A-Z]+)(?:\|([^\[\]]*))?\]")
_PRECISION = {4: "year", 7: "month", 10: "day"}


def from_markup(marked: str, lang: str, **meta: str) -> Document:
    """A Document with sentences and entities from bracket markup."""
    text, spans, pos = "", [], 0
    for m in _BRACKET.finditer(marked):
        text += marked[pos:m.start()]
        start = len(text)
        text += m.group(1)
        spans.append((start, len(text), m.group(1), m.group(2), m.group(3) or ""))
        pos = m.end()
    text += marked[pos:]
    doc = Document(text=text, lang=lang, meta=dict(meta))
    doc.sentences = [Sentence(s, e, lang) for s, e in split_sentences(text)]
    for start, end, surface, etype, arg in spans:
        norm, canonical = None, None
        if etype == "DATE":
            norm = {"value": arg, "precision": _PRECISION[len(arg)]}
        elif etype == "QUANTITY":
            value, unit = arg.split(":")
            norm = {"value": int(value), "unit": unit}
        elif arg:
            canonical = {"id": arg, "name": surface}
        doc.add_entity(Entity("", surface, etype, start, end, "gold", norm=norm, canonical=canonical))
    return doc
