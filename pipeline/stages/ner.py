"""Statistical NER per sentence, by the sentence's language (models under models/ner/<lang>/)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from ..resources import resolve
from ..runner import untimed
from ..types import Document, Entity
from .base import Stage

_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")   # a letter of any other script
#: typographic quotes as the English model learnt them (CoNLL writes China's, not China’s); one
#: character for one, so offsets hold
_ASCII_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


@dataclass(frozen=True)
class NerConfig:
    model_dir: str = "models/ner"      # one folder per language (models/... = the shipped models)
    languages: list[str] = field(default_factory=lambda: ["ko", "zh", "en"])
    min_score: float = 0.0             # drop mentions whose marginal probability is lower
    latin_und: str = "en"              # model for Latin-script sentences of undetermined language
    backend: Literal["crf", "transformers"] = "crf"   # transformers: one checkpoint for `languages`
    model: str = ""                    # transformers: a local token-classification checkpoint folder
    batch_size: int = 16               # transformers: sentences per forward pass
    device: str = ""                   # transformers: "cpu", "cuda", "cuda:1"; "" = cuda when present
    score: Literal["min", "mean"] = "min"   # transformers: sub-word probabilities -> mention score
    subwords: Literal["own", "first"] = "own"   # transformers: "first": a word takes its first sub-word's tag
    labels: dict[str, str] = field(default_factory=dict)   # transformers: extra label -> type map


class NerStage(Stage):
    """Adds ``source="model"`` entities: PERSON, LOC, ORG (FIRM/GOV for Chinese), DATE, QUANTITY.

    A sentence of undetermined language (``und``: a table row, a list of names) takes the
    document's language, else ``latin_und`` when it is written in Latin script. A sentence in a
    language without a model folder is left alone.
    """

    requires = frozenset({"lang", "sentences"})
    provides = frozenset({"entities"})
    Config = NerConfig

    def setup(self) -> None:
        if self.config.backend == "transformers":
            from ..ner.hf_backend import load_hf

            model = self.shared.get(f"ner-hf:{self.config.model}", lambda: load_hf(self.config))
            self.models = {lang: model for lang in self.config.languages}
            return
        self._root = resolve(self.config.model_dir)
        #: the languages with a model; each loads when its first sentence arrives (``_model``)
        self.models: dict[str, Any] = {lang: None for lang in self.config.languages
                                       if (self._root / lang / "meta.json").exists()}

    def _model(self, lang: str) -> Any:
        """The model for ``lang`` (None for a language without one), loaded on first use with the
        document's clock stopped (:func:`pipeline.runner.untimed`)."""
        if lang not in self.models:
            return None
        if self.models[lang] is None:
            from ..ner.model import load_model

            path = self._root / lang
            with untimed():      # the featurizer shares the tokenize stage's analysers
                self.models[lang] = self.shared.get(f"ner:{path}",
                                                    lambda: load_model(path, self.shared.analysis))
        return self.models[lang]

    def process(self, doc: Document) -> None:
        if self.config.backend == "transformers":
            return self._process_batched(doc)
        for sent in doc.sentences:
            text = doc.text[sent.start:sent.end]
            lang = self._lang(doc, sent.lang, text)
            model = self._model(lang)
            if model is None:
                continue
            for m in model.tag(text.translate(_ASCII_QUOTES) if lang == "en" else text):
                if m.type and m.score >= self.config.min_score:
                    start, end = sent.start + m.start, sent.start + m.end
                    doc.add_entity(Entity(id="", text=doc.text[start:end], type=m.type, start=start,
                                          end=end, source="model", score=m.score))

    def _process_batched(self, doc: Document) -> None:
        """All the document's sentences in one ``tag_many`` call (batched inference)."""
        sents = [(s, doc.text[s.start:s.end]) for s in doc.sentences]
        sents = [(s, t) for s, t in sents if self._lang(doc, s.lang, t) in self.models]
        if not sents:
            return
        model = next(iter(self.models.values()))
        for (sent, _), mentions in zip(sents, model.tag_many([t for _, t in sents])):
            for m in mentions:
                if m.type and m.score >= self.config.min_score:
                    start, end = sent.start + m.start, sent.start + m.end
                    doc.add_entity(Entity(id="", text=doc.text[start:end], type=m.type, start=start,
                                          end=end, source="model", score=m.score))

    def _lang(self, doc: Document, lang: str, text: str) -> str:
        if lang != "und":
            return lang
        if doc.lang in self.models:
            return doc.lang
        latin = _LATIN_LETTER.search(text) and not _OTHER_LETTER.search(text)
        return self.config.latin_und if latin else lang
