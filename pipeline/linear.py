"""Logistic regressions as data: weights per named feature, stored as JSON (no pickle).

The learned decisions (the events stage's targets and dates, the organisation typer) are linear
models over named features, fit by scikit-learn at training time and read here with no library
behind them: inference is a dot product. :class:`LinearModel` is a binary decision with a
threshold; :class:`SoftmaxModel` picks one of several classes (a multinomial regression: one
weight vector per class).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def bucket(n: int, edges: tuple[int, ...]) -> str:
    """A count as a feature value: ``<b`` for the first edge ``b`` above it, else ``>=`` the last."""
    return next((f"<{b}" for b in edges if n < b), f">={edges[-1]}")


Features = dict[str, float]


def dot(weights: dict[str, float], feats: Features) -> float:
    """The weighted sum of the features (a feature without a weight counts nothing)."""
    return sum(weights.get(name, 0.0) * value for name, value in feats.items())


@dataclass(frozen=True)
class LinearModel:
    """Weights of a logistic regression over named features, and the decision threshold."""

    weights: dict[str, float]
    threshold: float = 0.5
    meta: dict[str, Any] = field(default_factory=dict)

    def probability(self, feats: Features) -> float:
        z = dot(self.weights, feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> str:
        return json.dumps({"threshold": self.threshold, "meta": self.meta,
                           "weights": dict(sorted(self.weights.items()))}, ensure_ascii=False, indent=1)


def load_model(path: str | Path) -> LinearModel | None:
    """The binary model at ``path``, None when the file is absent."""
    path = Path(path)
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return LinearModel(weights=data["weights"], threshold=data.get("threshold", 0.5), meta=data.get("meta", {}))


@dataclass(frozen=True)
class SoftmaxModel:
    """A multinomial logistic regression: per class, weights over named features (with ``bias``
    as an ordinary feature). Ties go to the class listed first."""

    classes: tuple[str, ...]
    weights: dict[str, dict[str, float]]
    meta: dict[str, Any] = field(default_factory=dict)

    def scores(self, feats: Features) -> dict[str, float]:
        """Class -> linear score (the softmax's input)."""
        return {c: dot(self.weights.get(c, {}), feats) for c in self.classes}

    def probabilities(self, feats: Features) -> dict[str, float]:
        scores = self.scores(feats)
        top = max(scores.values())
        exp = {c: math.exp(s - top) for c, s in scores.items()}
        total = sum(exp.values())
        return {c: v / total for c, v in exp.items()}

    def best(self, feats: Features) -> str:
        """The class with the highest score."""
        scores = self.scores(feats)
        return max(self.classes, key=lambda c: (scores[c], -self.classes.index(c)))

    def to_json(self) -> str:
        weights = {c: dict(sorted(self.weights.get(c, {}).items())) for c in self.classes}
        return json.dumps({"classes": list(self.classes), "meta": self.meta, "weights": weights},
                          ensure_ascii=False, indent=1)


def load_softmax(path: str | Path) -> SoftmaxModel | None:
    """The multinomial model at ``path``, None when the file is absent."""
    path = Path(path)
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return SoftmaxModel(classes=tuple(data["classes"]), weights=data["weights"], meta=data.get("meta", {}))
