"""What every NER backend (CRF, spaCy, transformers) gives, and the file naming a model's backend."""
from __future__ import annotations

from dataclasses import dataclass

META_FILE = "meta.json"   # in every model folder: language, featurizer, backend, tag -> type map


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    label: str     # the tag of the training set (PS, company, ORG...)
    type: str      # the newsfacts entity type it maps to ("" when not emitted)
    score: float   # confidence in [0, 1] (CRF: the smallest per-unit marginal of the predicted tags)
