"""The ``events`` stage: sanction events from the sentences and entities of a document."""
from __future__ import annotations

from dataclasses import dataclass

from ..types import Document
from .base import Stage


@dataclass(frozen=True)
class EventConfig:
    """Settings of the ``[events]`` table.

    catalogue:  path of the list catalogue ("" = configs/lists.toml)
    carry:      how many sentences back a list named earlier still applies to "add to"/列入
                when the trigger's own sentence names none
    keep_modal: keep planned or possible actions (could add, 拟, 계획이다) at half the score
                instead of dropping them
    keep_bare:  keep events with neither list, target nor count (noun uses of "sanctions")
    min_score:  drop events scored below this
    keep_all:   keep the events the confidence model would drop (each with its score), for
                users who choose their own cut on ``score``
    models:     the folder of the learned decisions (roles.json: targets, dates.json: dates,
                confidence.json: each event's score and whether it is kept; JSON,
                ``newsfacts train --config configs/train/events.toml``); "" = models/events,
                "none" = the rules alone
    """

    catalogue: str = ""
    carry: int = 3
    keep_modal: bool = False
    keep_bare: bool = False
    min_score: float = 0.0
    keep_all: bool = False
    models: str = ""


class EventStage(Stage):
    """Finds sanction triggers per sentence (ko/zh/en), fills arguments, merges events. It reads
    the entities as the entity layer left them (names in the acts' slots were proposed by the
    ``propose`` stage) and changes none."""

    requires = frozenset({"lang", "sentences", "entities", "entities.norm", "entities.canonical"})
    provides = frozenset({"events"})
    Config = EventConfig

    def setup(self) -> None:
        from ..events import EventExtractor
        from ..events.catalogue import shared_catalogue
        from ..kb import shared_kb

        self.kb = shared_kb(self.shared)
        path = self.config.catalogue or None
        catalogue = shared_catalogue(self.shared, path)
        from pathlib import Path

        from ..events.linear import MODEL_DIR, load_model

        folder = Path(self.config.models) if self.config.models else MODEL_DIR
        off = self.config.models == "none"
        self._extract = EventExtractor(catalogue, carry=self.config.carry,
                                       keep_modal=self.config.keep_modal,
                                       keep_bare=self.config.keep_bare,
                                       keep_all=self.config.keep_all,
                                       discover=False,
                                       role_model=None if off else load_model(folder / "roles.json"),
                                       date_model=None if off else load_model(folder / "dates.json"),
                                       confidence_model=None if off else load_model(folder / "confidence.json"))

    def process(self, doc: Document) -> None:
        events = [e for e in self._extract(doc) if (e.score or 0) >= self.config.min_score]
        for i, event in enumerate(events, 1):
            event.id = f"E{i}"
        doc.events = events
        self._official(doc)

    def _official(self, doc: Document) -> None:
        """Each event's targets against the official list data of the KB (``pipeline.kb.official``)."""
        from ..kb.official import event_status

        entities = {e.id: e for e in doc.entities}
        for event in doc.events:
            event.official = event_status(event, entities, self.kb, self.kb.covered_lists)
