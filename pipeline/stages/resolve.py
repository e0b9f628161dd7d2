"""The ``resolve`` stage: the entity layer's one overlap resolver and typer (:mod:`pipeline.entities.resolve`)."""
from __future__ import annotations

from dataclasses import dataclass

from ..types import Document
from .base import Stage


@dataclass(frozen=True)
class ResolveConfig:
    type_by_context: bool = True  # the text around an organisation counts for its type
    transliterations: bool = True  # Korean transliterations of foreign names as candidates (pipeline.entities.transliterated)
    typer_model: str = "models/typer/typer.json"  # the learned organisation typer; "none" = the rules alone


class ResolveStage(Stage):
    """Decides overlapping candidates, repairs and types names, renumbers entities."""

    requires = frozenset({"sentences", "tokens", "tokens.pos", "entities", "entities.canonical"})
    provides = frozenset({"entities", "entities.canonical"})
    Config = ResolveConfig

    def setup(self) -> None:
        from ..entities.resolve import Resolver
        from ..entities.typing_model import OrgTyper
        from ..events.catalogue import shared_catalogue
        from ..kb import shared_kb

        lists = shared_catalogue(self.shared)   # the default one, as the events stage reads it
        self.kb = shared_kb(self.shared)
        finder = None
        if self.config.transliterations:
            from ..entities.transliterated import TransliterationFinder
            from ..lang.ko.loanwords import load as load_loanwords

            finder = TransliterationFinder(load_loanwords())
        self.resolver = Resolver(self.kb, lists, self.config.type_by_context, finder,
                                 OrgTyper.load(self.config.typer_model))

    def process(self, doc: Document) -> None:
        self.resolver(doc)
