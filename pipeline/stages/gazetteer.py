"""Knowledge-base names in the text: one pass of the alias automaton per sentence."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..kb import shared_kb, shared_matcher
from ..kb.normalize import normalize
from ..types import Document, Entity
from .base import Stage


@dataclass(frozen=True)
class GazetteerConfig:
    kb: str = ""                                     # entities.jsonl; "" = models/kb/entities.jsonl
    types: list[str] = field(default_factory=list)   # types to keep; empty = all


class GazetteerStage(Stage):
    """Adds an entity (source "kb", with its canonical id and names) for every KB alias found."""

    requires = frozenset({"sentences"})
    provides = frozenset({"entities", "entities.canonical"})
    Config = GazetteerConfig

    def setup(self) -> None:
        self.kb = shared_kb(self.shared, self.config.kb)
        self.matcher = shared_matcher(self.shared, self.config.kb)
        self.types = frozenset(self.config.types)

    def process(self, doc: Document) -> None:
        norm = normalize(doc.text)
        for sent in doc.sentences:
            for m in self.matcher.find(doc.text, norm, sent.start, sent.end):
                record = self.kb.get(m.entity_id)
                if record is None or (self.types and record.type not in self.types):
                    continue
                doc.add_entity(Entity(id="", text=doc.text[m.start:m.end], type=record.type,
                                      start=m.start, end=m.end, source="kb", score=m.score,
                                      canonical=record.canonical()))
