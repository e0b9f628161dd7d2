"""The one place where overlapping candidates are decided, and organisation types are settled.

Candidates come from the patterns (source "rule"), the gazetteer ("kb") and the NER model
("model"). Two candidates that overlap are compared by ``RULES``, in order; the first rule that
prefers one of them decides. Then every organisation from the model gets its type from the
KB, else from its name (…대학, …公司, Ministry of …), else from the words around it
(``pipeline.kb.orgtype``); finally entities are renumbered T1..Tn in text order.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..kb import orgtype, shared_kb
from ..types import Document, Entity
from .base import Stage

NUMERIC = frozenset({"MONEY", "DATE", "PERCENT", "QUANTITY"})
#: Which source is trusted with a name when two candidates claim the same text.
NAME_RANK = {"kb": 3, "rule": 2, "alias": 2, "model": 1}


def _contains(a: Entity, b: Entity) -> bool:
    """``a`` strictly contains ``b``."""
    return a.start <= b.start and b.end <= a.end and (a.end - a.start) > (b.end - b.start)


def _number_vs_name(a: Entity, b: Entity) -> Entity | None:
    """A name that strictly contains a number keeps it (中电科14所); else a rule number wins."""
    if (a.type in NUMERIC) == (b.type in NUMERIC):
        return None
    number, name = (a, b) if a.type in NUMERIC else (b, a)
    if _contains(name, number):
        return name
    return number if number.source == "rule" else name


def _rule_number(a: Entity, b: Entity) -> Entity | None:
    """MONEY/DATE/PERCENT/QUANTITY: the grammar (rule) beats the model, whatever the lengths."""
    if a.type in NUMERIC and b.type in NUMERIC and a.source != b.source:
        if "rule" in (a.source, b.source):
            return a if a.source == "rule" else b
    return None


def _model_org_contains(a: Entity, b: Entity) -> Entity | None:
    """A model organisation that strictly contains a KB name is a longer name (哈工大深圳研究院)."""
    for outer, inner in ((a, b), (b, a)):
        if outer.source == "model" and inner.source == "kb" and outer.type in orgtype.ORG_TYPES \
                and _contains(outer, inner):
            return outer
    return None


def _source_rank(a: Entity, b: Entity) -> Entity | None:
    """For names: kb over rule/alias over model."""
    ra, rb = NAME_RANK.get(a.source, 0), NAME_RANK.get(b.source, 0)
    if ra != rb:
        return a if ra > rb else b
    return None


def _longer(a: Entity, b: Entity) -> Entity | None:
    la, lb = a.end - a.start, b.end - b.start
    return None if la == lb else (a if la > lb else b)


def _score(a: Entity, b: Entity) -> Entity:
    return b if (b.score or 0.0) > (a.score or 0.0) else a


#: The overlap rules, in order; each returns the winner or None when it does not decide.
RULES: tuple[Callable[[Entity, Entity], Entity | None], ...] = (
    _number_vs_name, _rule_number, _model_org_contains, _source_rank, _longer, _score,
)


def prefer(a: Entity, b: Entity) -> Entity:
    """The candidate kept when ``a`` and ``b`` overlap (``a`` on a complete tie)."""
    for rule in RULES:
        winner = rule(a, b)
        if winner is not None:
            return winner
    return a


def select(candidates: list[Entity]) -> list[Entity]:
    """Non-overlapping entities: a candidate enters when it beats every kept one it overlaps."""
    kept: list[Entity] = []
    for cand in sorted(candidates, key=lambda e: (e.start, -(e.end - e.start))):
        rivals = [k for k in kept if k.start < cand.end and cand.start < k.end]
        if all(prefer(cand, r) is cand for r in rivals):
            kept = [k for k in kept if k not in rivals]
            kept.append(cand)
    return kept


@dataclass(frozen=True)
class ResolveConfig:
    type_by_context: bool = True  # use cue words around an organisation when its name says nothing


class ResolveStage(Stage):
    """Decides overlaps (``RULES``), settles organisation types, renumbers entities."""

    requires = frozenset({"entities"})
    provides = frozenset({"entities"})
    Config = ResolveConfig

    def setup(self) -> None:
        self.kb = shared_kb(self.shared)

    def process(self, doc: Document) -> None:
        doc.entities = select(doc.entities)
        for entity in doc.entities:
            if entity.source in ("model", "alias"):
                self._settle(doc, entity)
        doc.renumber_entities()

    def _settle(self, doc: Document, entity: Entity) -> None:
        """KB record for the exact name (or the name without its legal form), else morphology."""
        record = next(iter(self.kb.lookup(entity.text) or self.kb.lookup(orgtype.strip_legal_suffix(entity.text))),
                      None)
        if record is not None and (record.type in orgtype.ORG_TYPES) == (entity.type in orgtype.ORG_TYPES):
            entity.type = record.type
            entity.canonical = entity.canonical or record.canonical()
        elif entity.type == "ORG":
            before = doc.text[max(0, entity.start - 30):entity.start] if self.config.type_by_context else ""
            after = doc.text[entity.end:entity.end + 30] if self.config.type_by_context else ""
            entity.type = orgtype.classify(entity.text, before, after)
