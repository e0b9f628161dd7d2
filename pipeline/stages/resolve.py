"""The ``resolve`` stage: the entity layer's one overlap resolver and typer (:mod:`pipeline.entities.resolve`)."""
from __future__ import annotations

from dataclasses import dataclass

from ..types import Document
from .base import Stage


@dataclass(frozen=True)
class ResolveConfig:
    type_by_context: bool = True  # use cue words around an organisation when its name says nothing
    transliterations: bool = True  # Korean transliterations of foreign names as candidates (pipeline.entities.transliterated)


class ResolveStage(Stage):
    """Decides overlapping candidates, repairs and types names, renumbers entities."""

    requires = frozenset({"sentences", "tokens", "tokens.pos", "entities", "entities.canonical"})
    provides = frozenset({"entities", "entities.canonical"})
    Config = ResolveConfig

    def setup(self) -> None:
        from ..entities.resolve import Resolver
        from ..events.catalogue import load_catalogue
        from ..kb import shared_kb

        lists = self.shared.get("lists:None", load_catalogue)   # the events stage's default one
        self.kb = shared_kb(self.shared)
        finder = None
        if self.config.transliterations:
            from ..entities.transliterated import TransliterationFinder
            from ..lang.ko.loanwords import load as load_loanwords

            finder = TransliterationFinder(load_loanwords())
        self._resolve = Resolver(self.kb, lists, self.config.type_by_context, finder)

    def process(self, doc: Document) -> None:
        self._resolve(doc)
