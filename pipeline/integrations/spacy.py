"""newsfacts records <-> spaCy ``Doc``s, and the ``newsfacts`` spaCy pipeline component.

A converted Doc carries every annotation of the record:

- ``doc.spans["newsfacts"]``: all entities (label = type, ``kb_id_`` = canonical id,
  ``id_`` = entity id); ``doc.ents``: the longest of them where they overlap;
- ``span._.norm``, ``span._.canonical``, ``span._.source``, ``span._.score`` on entity spans;
- ``doc.spans["newsfacts_sentences"]`` (label = language) and sentence starts (``doc.sents``);
- ``doc.spans["newsfacts_events"]``: the evidence spans of the events (label = action,
  ``id_`` = event id); ``doc._.newsfacts_events``: the event objects;
- ``doc._.newsfacts``: the rest of the record (id, lang, meta, tokens, relations, skipped).

Tokens split at every annotation boundary, so every span is exact (``alignment_mode="strict"``).
No ``from __future__ import annotations`` here: spaCy reads the factory's type hints at run time.
"""
import re
from functools import lru_cache
from typing import Any, Iterable, Optional

from spacy.language import Language

from ..types import Document, content_id

ENTS_KEY = "newsfacts"
EVENTS_KEY = "newsfacts_events"
SENTS_KEY = "newsfacts_sentences"
ENTITY_VALUES = ("source", "score", "norm", "canonical")
RECORD_EXTRAS = ("tokens", "relations", "skipped")

#: labels of spaCy's pretrained pipelines (OntoNotes) -> newsfacts types, for Docs we did not make
FOREIGN_LABELS = {"ORG": "ORG", "PERSON": "PERSON", "PER": "PERSON", "GPE": "LOC", "LOC": "LOC",
                  "MONEY": "MONEY", "DATE": "DATE", "PERCENT": "PERCENT", "QUANTITY": "QUANTITY"}


def register_extensions() -> None:
    """Register the ``Doc``/``Span`` extensions (idempotent)."""
    from spacy.tokens import Doc, Span

    if not Doc.has_extension("newsfacts"):
        Doc.set_extension("newsfacts", default=None)
        Doc.set_extension("newsfacts_events", default=None)
    for key in ENTITY_VALUES:
        if not Span.has_extension(key):
            Span.set_extension(key, getter=_value_getter(key), setter=_value_setter(key))


def _value_getter(key: str):
    def get(span: Any) -> Any:
        data = span.doc._.newsfacts
        return data["entities"].get(span.id_, {}).get(key) if data else None
    return get


def _value_setter(key: str):
    def set_(span: Any, value: Any) -> None:
        if span.doc._.newsfacts is None:
            span.doc._.newsfacts = {"entities": {}}
        span.doc._.newsfacts["entities"].setdefault(span.id_, {})[key] = value
    return set_


@lru_cache(maxsize=None)
def blank(lang: str) -> Any:
    """A blank spaCy pipeline for ``lang`` that needs no download or external segmenter.

    spaCy's Korean default tokenizer needs mecab-ko + natto-py, so Korean gets the rule-based
    tokenizer (whitespace and punctuation); Chinese uses spaCy's character segmenter; languages
    spaCy does not know get the multi-language ``xx``.
    """
    import spacy

    if lang == "ko":
        return spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    try:
        return spacy.blank(lang)
    except ImportError:
        return spacy.blank("xx")


def to_spacy(record_or_doc: "dict[str, Any] | Document", nlp: Any = None) -> Any:
    """Convert an output record (or a processed Document) into a spaCy ``Doc``.

    Tokens come from the record's tokens when present, else from the tokenizer of ``nlp`` (default:
    :func:`blank` for the record's language: characters for Chinese, spaces and punctuation for
    Korean and English); either way they are split at every entity, sentence and evidence boundary.
    """
    from spacy.tokens import Doc

    register_extensions()
    record = (record_or_doc.to_dict(frozenset({"tokens"})) if isinstance(record_or_doc, Document)
              else record_or_doc)
    if "error" in record:
        raise ValueError(f"record {record.get('id')!r} is an error record: it has no text")
    text = record["text"]
    nlp = nlp if nlp is not None else blank(record.get("lang") or "xx")
    if record.get("tokens"):
        base = [(t["start"], t["end"]) for t in record["tokens"]]
    else:
        base = [(t.idx, t.idx + len(t)) for t in nlp.tokenizer(text)]
    starts, ends = _cuts(record)
    starts.update(s for s, _ in base)
    ends.update(e for _, e in base)
    words, spaces = segment(text, starts, ends)
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    annotate(doc, record)
    return doc


def _cuts(record: dict[str, Any]) -> tuple[set[int], set[int]]:
    """Start and end offsets of every span in the record."""
    spans = [*record.get("sentences", []), *record.get("entities", [])]
    for ev in record.get("events", []):
        spans.extend(ev.get("evidence", []))
        if ev.get("reason"):
            spans.append(ev["reason"])
    return {s["start"] for s in spans}, {s["end"] for s in spans}


def segment(text: str, starts: set[int], ends: set[int]) -> tuple[list[str], list[bool]]:
    """Words and trailing-space flags that rebuild ``text`` exactly, with a token boundary at
    every offset in ``starts`` and ``ends``.

    A single space after a word becomes that word's trailing space (as spaCy does) unless a span
    starts on it or ends right after it; other whitespace becomes whitespace tokens.
    """
    points = sorted({0, len(text), *(c for c in starts | ends if 0 < c < len(text))})
    words: list[str] = []
    spaces: list[bool] = []
    for a, b in zip(points, points[1:]):
        for m in re.finditer(r"\s+|\S+", text[a:b]):
            s, chunk = a + m.start(), m.group()
            if (chunk[0] == " " and words and not spaces[-1] and not words[-1].isspace()
                    and s not in starts and s + 1 not in ends):
                spaces[-1] = True
                chunk = chunk[1:]
            if chunk:
                words.append(chunk)
                spaces.append(False)
    return words, spaces


def annotate(doc: Any, record: dict[str, Any], overwrite_ents: bool = True) -> None:
    """Put the record's sentences, entities and events on ``doc`` (whose text is the record's)."""
    register_extensions()
    if doc.text != record["text"]:
        raise ValueError("the Doc's text differs from the record's text")
    doc._.newsfacts = {
        "schema": record.get("schema"), "id": record.get("id"), "lang": record.get("lang"),
        "meta": record.get("meta", {}),
        "entities": {e["id"]: {k: e[k] for k in ENTITY_VALUES if k in e}
                     for e in record.get("entities", [])},
        **{k: record[k] for k in RECORD_EXTRAS if k in record},
    }
    _set_tokens(doc, record.get("tokens", []))
    sentences = [_span(doc, s, label=s.get("lang", "und")) for s in record.get("sentences", [])]
    doc.spans[SENTS_KEY] = sentences
    if sentences and not doc.has_annotation("SENT_START"):
        first = {s.start for s in sentences} | {0}
        for token in doc:
            token.is_sent_start = token.i in first
    entities = [_span(doc, e, label=e["type"], span_id=e["id"],
                      kb_id=(e.get("canonical") or {}).get("id", ""))
                for e in record.get("entities", [])]
    doc.spans[ENTS_KEY] = entities
    _set_ents(doc, entities, overwrite_ents)
    events = record.get("events", [])
    doc.spans[EVENTS_KEY] = [_span(doc, ev_span, label=ev.get("action", ""), span_id=ev["id"])
                             for ev in events for ev_span in ev.get("evidence", [])]
    doc._.newsfacts_events = events


def _span(doc: Any, s: dict[str, Any], **kwargs: Any) -> Any:
    span = doc.char_span(s["start"], s["end"], alignment_mode="strict", **kwargs)
    if span is None:
        raise ValueError(f"span {s['start']}-{s['end']} does not fall on token boundaries")
    return span


def _set_tokens(doc: Any, tokens: list[dict[str, Any]]) -> None:
    """Copy part-of-speech tags and lemmas onto the spaCy tokens that match ours exactly."""
    by_offsets = {(t["start"], t["end"]): t for t in tokens}
    for token in doc:
        t = by_offsets.get((token.idx, token.idx + len(token)))
        if t is not None:
            token.tag_ = t.get("pos") or ""
            token.lemma_ = t.get("lemma") or ""


def _set_ents(doc: Any, spans: list[Any], overwrite: bool) -> None:
    from spacy.util import filter_spans

    if overwrite or not doc.ents:
        doc.ents = filter_spans(spans)
        return
    kept = list(doc.ents)
    taken = {i for span in kept for i in range(span.start, span.end)}
    doc.ents = sorted(kept + [s for s in filter_spans(spans)
                              if not taken.intersection(range(s.start, s.end))],
                      key=lambda s: s.start)


def displacy_options() -> dict[str, Any]:
    """Options for ``displacy.render(doc, style="ent", options=...)``: our colour per type."""
    from ..viewer import COLORS

    return {"colors": dict(COLORS)}


def from_spacy(doc: Any) -> dict[str, Any]:
    """The output record of a Doc: exact inverse of :func:`to_spacy`.

    A Doc that newsfacts did not make (say, from a pretrained spaCy pipeline) gives a record from
    its ``doc.ents`` (OntoNotes labels mapped to our types, others dropped) and ``doc.sents``.
    """
    register_extensions()
    data = _lists(doc._.newsfacts)
    if data is None or data.get("id") is None:
        return _foreign_record(doc)
    record: dict[str, Any] = {
        "schema": data["schema"], "id": data["id"], "lang": data["lang"], "text": doc.text,
        "meta": data["meta"],
        "sentences": [{"start": s.start_char, "end": s.end_char, "lang": s.label_}
                      for s in doc.spans.get(SENTS_KEY, [])],
        "entities": [{"id": s.id_, "text": s.text, "type": s.label_, "start": s.start_char,
                      "end": s.end_char, **data["entities"].get(s.id_, {})}
                     for s in doc.spans.get(ENTS_KEY, [])],
        "events": _lists(list(doc._.newsfacts_events or [])),
    }
    record.update({k: data[k] for k in RECORD_EXTRAS if k in data})
    return record


def _lists(value: Any) -> Any:
    """Deep copy with tuples back to lists (DocBin's msgpack stores lists as tuples)."""
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_lists(v) for v in value]
    return value


def _foreign_record(doc: Any) -> dict[str, Any]:
    from ..types import SCHEMA_VERSION

    lang = doc.lang_ or "und"
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    ents = [e for e in doc.ents if FOREIGN_LABELS.get(e.label_, e.label_) in _types()]
    return {
        "schema": SCHEMA_VERSION, "id": content_id(doc.text), "lang": lang, "text": doc.text,
        "meta": {},
        "sentences": [{"start": s.start_char, "end": s.end_char, "lang": lang} for s in sents if len(s)],
        "entities": [{"id": f"T{i}", "text": e.text, "type": FOREIGN_LABELS.get(e.label_, e.label_),
                      "start": e.start_char, "end": e.end_char, "source": "model"}
                     for i, e in enumerate(ents, 1)],
        "events": [],
    }


def _types() -> frozenset[str]:
    from ..types import ENTITY_TYPES

    return frozenset(ENTITY_TYPES)


def split_at(doc: Any, offsets: Iterable[int]) -> Any:
    """Split the tokens of ``doc`` in place so that a token boundary falls at every offset."""
    cuts = sorted(set(offsets))
    with doc.retokenize() as retokenizer:
        for token in doc:
            start, end = token.idx, token.idx + len(token)
            inner = [c for c in cuts if start < c < end]
            if not inner:
                continue
            points = [start, *inner, end]
            orths = [doc.text[a:b] for a, b in zip(points, points[1:])]
            head = token.head if token.head.i != token.i else (token, 0)
            retokenizer.split(token, orths, heads=[head] + [(token, 0)] * (len(orths) - 1))
    return doc


class NewsfactsComponent:
    """Runs the newsfacts pipeline on ``doc.text`` and puts its annotations on the Doc."""

    def __init__(self, name: str, config: Optional[str], overrides: list[str],
                 overwrite_ents: bool) -> None:
        self.name = name
        self.config = config
        self.overrides = list(overrides)
        self.overwrite_ents = overwrite_ents
        self._pipeline: Any = None

    @property
    def pipeline(self) -> Any:
        """The newsfacts Pipeline, built on first use."""
        if self._pipeline is None:
            from ..runner import load

            self._pipeline = load(self.config, self.overrides)
        return self._pipeline

    def __call__(self, doc: Any) -> Any:
        record = self.pipeline(doc.text).to_dict()
        starts, ends = _cuts(record)
        split_at(doc, starts | ends)
        annotate(doc, record, self.overwrite_ents)
        return doc


@Language.factory("newsfacts", default_config={
    "config": None, "overrides": [], "overwrite_ents": True,
}, assigns=["doc.ents", "doc.spans", "token.is_sent_start"])
def make_newsfacts(nlp: Any, name: str, config: Optional[str], overrides: list[str],
                   overwrite_ents: bool) -> NewsfactsComponent:
    """spaCy factory: ``nlp.add_pipe("newsfacts", config={"config": "my.toml"})``.

    ``config`` is a newsfacts TOML path (default: configs/default.toml), ``overrides`` are
    ``--set`` style ``STAGE.KEY=VALUE`` strings. Found by spaCy through the ``spacy_factories``
    entry point, so a user's pipeline needs no import of ours.
    """
    register_extensions()
    return NewsfactsComponent(name, config, overrides, overwrite_ents)
