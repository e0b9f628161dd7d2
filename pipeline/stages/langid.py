"""Language identification per document and per sentence, from scripts and function words."""
from __future__ import annotations

from dataclasses import dataclass

from ..langid import detect
from ..types import Document
from .base import Stage


@dataclass(frozen=True)
class LangIdConfig:
    force: str = ""     # a language code to use instead of detecting


class LangIdStage(Stage):
    """Sets ``doc.lang`` (ko, zh, en, ja, ru, ... or und)."""

    requires = frozenset({"text"})
    provides = frozenset({"lang"})
    Config = LangIdConfig

    def process(self, doc: Document) -> None:
        doc.lang = self.config.force or detect(_unskipped(doc))


def _unskipped(doc: Document) -> str:
    """The text outside skipped regions (boilerplate should not vote)."""
    if not doc.skipped:
        return doc.text
    parts, pos = [], 0
    for region in sorted(doc.skipped, key=lambda r: r.start):
        parts.append(doc.text[pos:region.start])
        pos = max(pos, region.end)
    parts.append(doc.text[pos:])
    return " ".join(parts)
