"""Sentence splitting by the boundary rules of the language packs, each sentence with its own language."""
from __future__ import annotations

from dataclasses import dataclass

from ..langid import detect
from ..segment import registered, split_sentences
from ..types import Document, Sentence
from .base import Stage

MIN_EVIDENCE = 6   # a sentence shorter than this (in characters) takes the document's language


@dataclass(frozen=True)
class SentenceConfig:
    max_chars: int = 2000


class SentenceStage(Stage):
    """Splits the text outside skipped regions into sentences and tags each with its language."""

    requires = frozenset({"text", "lang"})
    provides = frozenset({"sentences"})
    Config = SentenceConfig

    def setup(self) -> None:
        self._rules = registered()

    def process(self, doc: Document) -> None:
        doc.sentences = []
        for start, end in _unskipped_ranges(doc):
            for s, e in split_sentences(doc.text, start, end, self.config.max_chars, self._rules):
                chunk = doc.text[s:e]
                lang = detect(chunk, doc.lang) if len(chunk) >= MIN_EVIDENCE else doc.lang
                if lang == "und" or (lang == "zh" and doc.lang == "ja"):
                    lang = doc.lang   # a kanji-only sentence of a Japanese article is Japanese
                doc.sentences.append(Sentence(s, e, lang))


def _unskipped_ranges(doc: Document) -> list[tuple[int, int]]:
    ranges, pos = [], 0
    for region in sorted(doc.skipped, key=lambda r: r.start):
        if region.start > pos:
            ranges.append((pos, region.start))
        pos = max(pos, region.end)
    if pos < len(doc.text):
        ranges.append((pos, len(doc.text)))
    return ranges
