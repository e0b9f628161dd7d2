"""Stage names mapped to their classes, imported only when a pipeline uses them."""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .errors import ConfigError

if TYPE_CHECKING:
    from .stages.base import Stage

STAGES: dict[str, str] = {
    "clean": "pipeline.stages.clean:CleanStage",
    "langid": "pipeline.stages.langid:LangIdStage",
    "sentences": "pipeline.stages.sentences:SentenceStage",
    "tokenize": "pipeline.stages.tokenize:TokenizeStage",
    "patterns": "pipeline.stages.patterns:PatternsStage",
    "gazetteer": "pipeline.stages.gazetteer:GazetteerStage",
    "ner": "pipeline.stages.ner:NerStage",
    "propose": "pipeline.stages.propose:ProposeStage",
    "resolve": "pipeline.stages.resolve:ResolveStage",
    "link": "pipeline.stages.link:LinkStage",
    "events": "pipeline.stages.events:EventStage",
}


def register(name: str, target: str) -> None:
    """Register a stage under ``name``; ``target`` is ``"module:Class"``.

    A run hands this table to its worker processes, so a stage registered before ``run_corpus``
    works with ``--workers N`` too, as long as its module is importable there (same ``sys.path``).
    """
    STAGES[name] = target


def resolve(name: str) -> type["Stage"]:
    """Import and return the class registered under ``name``."""
    try:
        target = STAGES[name]
    except KeyError:
        known = ", ".join(sorted(STAGES))
        raise ConfigError(f"unknown stage {name!r} (known stages: {known})") from None
    module_name, _, class_name = target.partition(":")
    return getattr(importlib.import_module(module_name), class_name)
