"""A logistic regression as data: weights per feature name and a decision threshold (JSON).

The events stage's learned decisions (:mod:`.roles`: which candidate is a target; :mod:`.dates`:
which date is the act's) are linear models over named features, fit by scikit-learn at training
time (:mod:`.train`) and read here with no library behind them: inference is a dot product.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..resources import shipped

MODEL_DIR = shipped("models/events")


@dataclass(frozen=True)
class LinearModel:
    """Weights of a logistic regression over named features, and the decision threshold."""

    weights: dict[str, float]
    threshold: float = 0.5
    meta: dict[str, Any] = field(default_factory=dict)

    def probability(self, feats: dict[str, float]) -> float:
        z = sum(self.weights.get(name, 0.0) * value for name, value in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> str:
        return json.dumps({"threshold": self.threshold, "meta": self.meta,
                           "weights": dict(sorted(self.weights.items()))}, ensure_ascii=False, indent=1)


def load_model(path: str | Path) -> LinearModel | None:
    """The model at ``path``, None when the file is absent."""
    path = Path(path)
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return LinearModel(weights=data["weights"], threshold=data.get("threshold", 0.5), meta=data.get("meta", {}))
