"""The ``link`` stage: the entity layer's one linker (:mod:`pipeline.entities.link`)."""
from __future__ import annotations

from dataclasses import dataclass

from ..types import Document
from .base import Stage


@dataclass(frozen=True)
class LinkConfig:
    max_outer_chars: int = 24    # longest name taken from the text before a parenthesis


class LinkStage(Stage):
    """Links names to the KB or to document-level ids, with aliases in parentheses and later mentions."""

    requires = frozenset({"sentences", "entities", "entities.canonical"})
    provides = frozenset({"entities", "entities.canonical"})
    Config = LinkConfig

    def setup(self) -> None:
        from ..entities.link import Linker
        from ..kb import shared_kb

        self.kb = shared_kb(self.shared)
        self._link = Linker(self.kb, self.shared, self.config.max_outer_chars)

    def process(self, doc: Document) -> None:
        self._link(doc)
