"""A trained tagger on disk: ``meta.json`` + ``model.crfsuite`` (crfsuite's own format)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..eval.ner_sets import spans_from_tags
from ..lang.rules import trim
from ..tokenizers import Analyses, fresh
from .features import Featurizer, featurizer
from .mention import META_FILE, Mention

MODEL_FILE = "model.crfsuite"


class CrfNer:
    """Loads a model directory and tags sentences; the featurizer takes its analysers from ``analyses``."""

    def __init__(self, directory: str | Path, analyses: Analyses = fresh) -> None:
        import pycrfsuite

        directory = Path(directory)
        self.meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
        self.types: dict[str, str] = self.meta["types"]
        self.featurizer: Featurizer = featurizer(self.meta["featurizer"], analyses)
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(directory / MODEL_FILE))

    @property
    def lang(self) -> str:
        return self.meta["lang"]

    def tag(self, text: str, units: list[tuple[int, int]] | None = None) -> list[Mention]:
        """Mentions in ``text``; ``units`` overrides the featurizer's segmentation."""
        if units is None:
            units = self.featurizer.units(text)
        if not units:
            return []
        tags = self._tagger.tag(self.featurizer.features(text, units))
        out = []
        for first, last, label in spans_from_tags(tags):
            start, end = trim(text, units[first][0], units[last - 1][1])
            if start == end:
                continue
            score = min(self._tagger.marginal(tags[i], i) for i in range(first, last))
            out.append(Mention(start, end, label, self.types.get(label, ""), round(score, 4)))
        return out


def load_model(directory: str | Path, analyses: Analyses = fresh) -> Any:
    """The tagger stored in ``directory`` (CRF or spaCy, as its meta.json says); a CRF's featurizer
    takes its analysers from ``analyses`` (a pipeline's, to share them with its tokenize stage)."""
    meta = json.loads((Path(directory) / META_FILE).read_text(encoding="utf-8"))
    if meta.get("backend") == "spacy":
        from .spacy_backend import SpacyNer

        return SpacyNer(directory)
    return CrfNer(directory, analyses)
