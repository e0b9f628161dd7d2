"""Where the events stage's learned decisions live (:mod:`.roles`: which candidate is a target;
:mod:`.dates`: which date is the act's): logistic regressions over named features
(:class:`pipeline.linear.LinearModel`), fit at training time (:mod:`.train`)."""
from __future__ import annotations

from ..linear import LinearModel, load_model
from ..resources import shipped

__all__ = ["MODEL_DIR", "LinearModel", "load_model"]

MODEL_DIR = shipped("models/events")
