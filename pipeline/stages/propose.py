"""The ``propose`` stage: names in the slots of sanction acts that no earlier stage found.

Official notices and news name the targets of a listing in a fixed form: 将A、B等N家实体列入…, an
appendix of numbered lines, "by removing A; B; and C", "其中包括A和B", "드론업체 X". A name found
there that no candidate covers is proposed as an entity candidate (``source="rule"``, typed by the
one typer) for the overlap resolver to weigh against the others, before the linker gives it an
id: the events stage later reads the entities as they are and never adds or renumbers any.
The slots are those of the events stage's own trigger grammars and list catalogue
(:class:`pipeline.events.assemble.Assembler`, run here in its discovering mode).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..types import Document
from .base import Stage


@dataclass(frozen=True)
class ProposeConfig:
    catalogue: str = ""    # list catalogue (TOML); "" = the events stage's default (configs/lists.toml)


class ProposeStage(Stage):
    """Adds entity candidates for unrecognised names in the object slots of sanction triggers."""

    requires = frozenset({"lang", "sentences", "entities", "entities.norm", "entities.canonical"})
    provides = frozenset({"entities"})
    Config = ProposeConfig

    def setup(self) -> None:
        from .. import lang
        from ..events.catalogue import shared_catalogue
        from ..events.assemble import Assembler

        path = self.config.catalogue or None
        catalogue = shared_catalogue(self.shared, path)
        self._assembler = Assembler(catalogue, {p.code: p.grammar for p in lang.packs() if p.grammar is not None}, discover=True)

    def process(self, doc: Document) -> None:
        self._assembler.candidates(doc)      # the acts are found again by the events stage
