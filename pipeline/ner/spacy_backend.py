"""spaCy's transition-based NER as the alternative backend, trained with ``spacy train``.

The same records and units as the CRF (the featurizer's segmentation, as at tagging time) are
written as spaCy DocBin files, so both backends are scored alike by
:func:`pipeline.ner.train.evaluate`.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Iterable

from .mention import META_FILE, Mention

SPACY_DIR = "spacy"


def _doc(vocab: Any, text: str, units: list[tuple[int, int]]) -> Any:
    from spacy.tokens import Doc

    words = [text[s:e] for s, e in units]
    spaces = [i + 1 < len(units) and units[i + 1][0] > e for i, (_, e) in enumerate(units)]
    return Doc(vocab, words=words, spaces=spaces)


def write_docbin(records: Iterable[dict[str, Any]], units_of: Callable[[str], list[tuple[int, int]]],
                 lang: str, path: Path) -> None:
    """Write ``records`` with their entities as a ``.spacy`` file."""
    import spacy
    from spacy.tokens import DocBin, Span

    nlp = spacy.blank(lang)
    bin_ = DocBin()
    for rec in records:
        units = units_of(rec["text"])
        doc = _doc(nlp.vocab, rec["text"], units)
        offset = {s: i for i, (s, _) in enumerate(units)}
        ents = []
        for e in rec["entities"]:
            first = offset.get(e["start"])
            last = next((i for i, (_, end) in enumerate(units) if end == e["end"]), None)
            if first is not None and last is not None and last >= first:
                ents.append(Span(doc, first, last + 1, label=e["type"]))
        doc.ents = spacy.util.filter_spans(ents)
        bin_.add(doc)
    bin_.to_disk(path)


def train_spacy(config: str, out_dir: Path, train_path: Path, dev_path: Path, max_steps: int) -> None:
    from spacy.cli.train import train

    train(config, out_dir / SPACY_DIR, overrides={
        "paths.train": str(train_path), "paths.dev": str(dev_path),
        "training.max_steps": max_steps})


class SpacyNer:
    """A model folder whose ``spacy/model-best`` is a spaCy pipeline; same ``tag`` as CrfNer."""

    def __init__(self, directory: str | Path) -> None:
        import spacy

        from .features import featurizer

        directory = Path(directory)
        self.meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
        self.types: dict[str, str] = self.meta["types"]
        self.featurizer = featurizer(self.meta["featurizer"])
        self._nlp = spacy.load(directory / SPACY_DIR / "model-best")

    @property
    def lang(self) -> str:
        return self.meta["lang"]

    def tag(self, text: str, units: list[tuple[int, int]] | None = None) -> list[Mention]:
        units = units if units is not None else self.featurizer.units(text)
        if not units:
            return []
        doc = self._nlp(_doc(self._nlp.vocab, text, units))
        # a greedy transition parser gives no probability: the score is 1
        return [Mention(units[e.start][0], units[e.end - 1][1], e.label_,
                        self.types.get(e.label_, ""), 1.0) for e in doc.ents]
