"""Knowledge-base names in the text: one pass of the alias automaton per sentence.

Spans follow the annotation conventions of ``corpus/gold``: a firm's legal form written right
after its name belongs to the mention (华为 + 公司, Huawei Technologies + Co.); a compound of a
parent and a child body written with a space, or a country in the English possessive, is two
mentions (상무부 산업안보국 -> 상무부 + 산업안보국; China's Ministry of Commerce -> China +
Ministry of Commerce); names inside a title in 《》 are not mentions. In Chinese and Korean,
countries written with one character (中美, 대북, 美; ``pipeline.entities.abbreviations``) and
Chinese people by the reading of their names (``pipeline.kb.readings``) are found too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..entities import abbreviations, typer
from .. import lang
from ..kb import KBEntity, shared_kb, shared_matcher, shared_readings
from ..kb.normalize import key, normalize
from ..spans import GrowingSpanIndex, SpanIndex, word_bounds
from ..types import Document, Entity
from .base import Stage

_POSSESSIVE = re.compile(r"(.+?)'s (.+)")
_TITLE = re.compile(r"《[^《》]{0,80}》")


def _in_cjk(code: str) -> bool:
    """Whether the pack ``code`` writes in Han characters or Hangul (names found by character)."""
    pack = lang.get(code)
    return pack is not None and pack.script in ("han", "hangul")


@dataclass(frozen=True)
class GazetteerConfig:
    types: list[str] = field(default_factory=list)   # types to keep; empty = all


class GazetteerStage(Stage):
    """Adds an entity (source "kb", with its canonical id and names) for every KB alias found."""

    requires = frozenset({"sentences", "tokens"})
    provides = frozenset({"entities", "entities.canonical"})
    Config = GazetteerConfig

    def setup(self) -> None:
        self.kb = shared_kb(self.shared)
        self.matcher = shared_matcher(self.shared)
        self.types = frozenset(self.config.types)
        self._keys: dict[str, frozenset[str]] = {}

    def process(self, doc: Document) -> None:
        norm = normalize(doc.text)
        titles = [(m.start(), m.end()) for m in _TITLE.finditer(doc.text)]
        for sent in doc.sentences:
            for m in self.matcher.find(doc.text, norm, sent.start, sent.end):
                record = self.kb.get(m.entity_id)
                if record is None or any(a < m.start and m.end < b and (m.start, m.end) != (a + 1, b - 1)
                                         for a, b in titles):    # a name in a title, but 《纽约时报》 is one
                    continue
                end = m.end
                if record.type == "FIRM":
                    legal = typer.legal_form_after(norm, end, sent.end)
                    end = legal.end() if legal else end
                for start, stop, part in self._parts(norm, m.start, end, record):
                    if self.types and part.type not in self.types:
                        continue
                    doc.add_entity(Entity(id="", text=doc.text[start:stop], type=part.type, start=start,
                                          end=stop, source="kb", score=m.score, canonical=part.canonical()))
        if any(_in_cjk(sent.lang) for sent in doc.sentences):
            self._by_character(doc, titles)

    def _by_character(self, doc: Document, titles: list[tuple[int, int]]) -> None:
        """Names the alias automaton cannot find, outside titles and other names: countries written
        with one character (中美, 대북, 美; ``pipeline.entities.abbreviations``) and Chinese people by
        the reading of their names (陳全國, 천취안궈; ``pipeline.kb.readings``)."""
        taken = GrowingSpanIndex(doc.entities, lambda e: (e.start, e.end))
        in_title = SpanIndex(titles, lambda span: span)
        words = word_bounds(doc.tokens)
        for sent in doc.sentences:
            found = []
            if not self.types or "LOC" in self.types:
                found += list(abbreviations.find(doc, sent, words))
            if (not self.types or "PERSON" in self.types) and _in_cjk(sent.lang):
                found += list(shared_readings(self.shared).find(doc, sent, words))
            for start, end, entity_id in found:
                record = self.kb.get(entity_id)
                if record is None or taken.overlapping(start, end) or in_title.any_overlapping(start, end):
                    continue
                doc.add_entity(Entity(id="", text=doc.text[start:end], type=record.type, start=start, end=end,
                                      source="kb", score=0.9, canonical=record.canonical()))

    def _parts(self, norm: str, s: int, e: int, record: KBEntity) -> list[tuple[int, int, KBEntity]]:
        """One mention, or two: ``<country>'s <body>`` and ``<parent> <child>``."""
        surface = norm[s:e]
        poss = _POSSESSIVE.fullmatch(surface)
        if poss and key(poss.group(2)) in self._aliases(record):
            place = next((r for r in self.kb.lookup(poss.group(1)) if r.type == "LOC"), None)
            if place is not None:
                return [(s, s + poss.end(1), place), (s + poss.start(2), e, record)]
        parent = self.kb.get(record.parent) if record.parent else None
        if parent is not None:
            for i, ch in enumerate(surface):
                if ch == " " and key(surface[:i]) in self._aliases(parent) \
                        and key(surface[i + 1:]) in self._aliases(record):
                    return [(s, s + i, parent), (s + i + 1, e, record)]
        return [(s, e, record)]

    def _aliases(self, record: KBEntity) -> frozenset[str]:
        if record.id not in self._keys:
            self._keys[record.id] = frozenset(key(a) for _, a in record.all_aliases())
        return self._keys[record.id]
