"""newsfacts: facts from Korean, Chinese and English news (entities, amounts, dates, sanctions).

Importing this package is cheap: stages load their models in ``setup()``.

>>> import pipeline
>>> nlp = pipeline.load()                      # configs/default.toml
>>> doc = nlp("美国商务部将海康威视列入实体清单。", published="2019-10-08")
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .types import SCHEMA_VERSION, Document, Entity, Event, Sentence, Token

if TYPE_CHECKING:
    from .runner import Pipeline

__all__ = ["load", "Document", "Entity", "Event", "Sentence", "Token", "SCHEMA_VERSION"]
__version__ = "0.1.0"


def load(config: Any = None, overrides: list[str] | None = None) -> "Pipeline":
    """Build a pipeline from a TOML config path (default: configs/default.toml)."""
    from .runner import load as _load

    return _load(config, overrides)
