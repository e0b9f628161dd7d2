"""Targets that no earlier stage recognised, read off the object slot of a sanction trigger.

Official announcements enumerate their targets in a fixed form: 将A（English A）、B（English B）等N家
实体列入…, an appendix of numbered lines (1. A（English A）, （一）A（English A），男，…), "by removing
A; B; and C", a Federal Register order title "A, address; B a/k/a C, address; Order Denying
Export Privileges". Such a slot holds names by construction, so a name found there that no
entity covers becomes an entity (``source="rule"``, score 0.6, no canonical id: it is not in
the knowledge base). Where the slot is and what a name in it looks like is the language's: each
pack's ``slots.py`` (:class:`pipeline.lang.pack.SlotReader`) reads its sentences and types a name
by its head word (公司 → FIRM, 大学 → UNIVERSITY, a transliterated person name with ·, or a
bracketed Latin name without a company suffix → PERSON); this module holds what they share.
"""
from __future__ import annotations

import re

from ..spans import GrowingSpanIndex
from ..types import Document, Entity

SCORE = 0.6

#: the types a name keeps when the document names it again (:meth:`EntityLookup.known`)
KNOWN_TYPES = frozenset({"FIRM", "UNIVERSITY", "ORG", "PERSON"})


def add(doc: Document, found: list[tuple[int, int, str]], covered: list[Entity],
        mask: str | None = None) -> list[Entity]:
    """New entities for the spans no existing entity overlaps, except entities strictly inside
    them (TechInsights in "TechInsights Japan KK", 美国 in 美国通用原子航空系统公司): the item
    is the whole name, and :func:`inside` tells the caller which entities it supersedes; a span
    holding two names that are not places is a coordination, not one name, and one that ends in
    a KB name only adds a place or a description to it."""
    out: list[Entity] = []
    covered = list(covered)        # as it was: what this call adds is in ``out``
    for s, e, etype in sorted(set(found)):
        if mask is not None and re.search("[■□]", mask[s:e]):
            continue                              # a list name or the title of a law
        if any(c.start < e and s < c.end and not (s <= c.start and c.end <= e and c.end - c.start < e - s)
               for c in covered + out):
            continue
        inner = [c for c in covered + out if s <= c.start and c.end <= e and c.type != "LOC"]
        if len(inner) > 1:
            continue                              # "O Yong Ho and Parsek LLC": two names, not one
        if inner and (inner[0].canonical or {}).get("id", "").startswith("nf:") and inner[0].end == e \
                and inner[0].start > s:
            continue                              # 美国国防承包商 + 诺斯罗普·格鲁曼公司: the KB name is the name
        out.append(doc.add_entity(Entity("", doc.text[s:e], etype, s, e, "rule", SCORE)))
    return out


def inside(new: list[Entity], ents: list[Entity]) -> set[str]:
    """Ids of the entities that lie strictly inside a discovered one."""
    return {c.id for c in ents for n in new
            if n.start <= c.start and c.end <= n.end and c.end - c.start < n.end - n.start}


def _extent(e: Entity) -> tuple[int, int]:
    return e.start, e.end


class EntityLookup:
    """What target discovery asks of the document's entities while the stage adds to them: the
    entities near a stretch of text, and the type of every name."""

    MARGIN = 100   # characters around the stretch: any superset of the entities touching it will do

    def __init__(self, doc: Document) -> None:
        self.entities = doc.entities
        self.index = GrowingSpanIndex(doc.entities, _extent)
        self._known: dict[str, str] = {}
        self._seen = 0

    def near(self, lo: int, hi: int) -> list[Entity]:
        return self.index.overlapping(lo - self.MARGIN, hi + self.MARGIN)

    def known(self) -> dict[str, str]:
        """Name -> type of the named entities so far (the last one's type for a name written
        twice), for :data:`KNOWN_TYPES`."""
        self._known.update((c.text, c.type) for c in self.entities[self._seen:] if c.type in KNOWN_TYPES)
        self._seen = len(self.entities)
        return self._known
