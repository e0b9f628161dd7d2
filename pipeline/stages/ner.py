"""Statistical NER per sentence, by the sentence's language (models under models/ner/<lang>/)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..types import Document, Entity
from .base import Stage

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class NerConfig:
    model_dir: str = "models/ner"      # one folder per language (relative to the repository)
    languages: list[str] = field(default_factory=lambda: ["ko", "zh", "en"])
    min_score: float = 0.0             # drop mentions whose marginal probability is lower


class NerStage(Stage):
    """Adds ``source="model"`` entities: PERSON, LOC, ORG (FIRM/GOV for Chinese), DATE, QUANTITY.

    A sentence in a language without a model folder is left alone.
    """

    requires = frozenset({"sentences"})
    provides = frozenset({"entities"})
    Config = NerConfig

    def setup(self) -> None:
        from ..ner.model import load_model

        root = Path(self.config.model_dir)
        root = root if root.is_absolute() else REPO / root
        self.models: dict[str, Any] = {}
        for lang in self.config.languages:
            if (root / lang / "meta.json").exists():
                self.models[lang] = self.shared.get(f"ner:{root / lang}", lambda p=root / lang: load_model(p))

    def process(self, doc: Document) -> None:
        for sent in doc.sentences:
            model = self.models.get(sent.lang)
            if model is None:
                continue
            for m in model.tag(doc.text[sent.start:sent.end]):
                if m.type and m.score >= self.config.min_score:
                    start, end = sent.start + m.start, sent.start + m.end
                    doc.add_entity(Entity(id="", text=doc.text[start:end], type=m.type, start=start,
                                          end=end, source="model", score=m.score))
