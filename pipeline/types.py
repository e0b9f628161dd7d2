"""The data model: a Document and its stand-off annotations.

Every annotation is a pair of character offsets (Python ``str`` indices) into the
unmodified ``Document.text``; ``text[start:end]`` always equals the annotation's text.
"""
from __future__ import annotations

import bisect
import builtins
import hashlib
import operator
from dataclasses import asdict, dataclass, field, fields
from typing import Any

SCHEMA_VERSION = "1.2"   # 1.1: optional "errors" of a partial record; 1.2: optional entity "rule" (compatible with 1.0)

ENTITY_TYPES = ("FIRM", "UNIVERSITY", "GOV", "ORG", "PERSON", "LOC",
                "MONEY", "DATE", "PERCENT", "QUANTITY")


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    lang: str = "und"

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "lang": self.lang}


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    pos: str | None = None
    lemma: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _drop_none(asdict(self))


@dataclass(slots=True)
class Entity:
    id: str
    text: str
    type: str
    start: int
    end: int
    source: str
    score: float | None = None
    norm: dict[str, Any] | None = None
    canonical: dict[str, Any] | None = None
    rule: str | None = None       # the hand rule that built the span (source "rule"), by its id

    def to_dict(self) -> dict[str, Any]:
        return _drop_none(asdict(self))


@dataclass(slots=True)
class Event:
    id: str
    action: str
    authority: str | None
    targets: list[str]
    list: dict[str, Any] | None = None
    date: dict[str, Any] | None = None
    reason: dict[str, Any] | None = None
    evidence: builtins.list[dict[str, int]] = field(default_factory=builtins.list)
    score: float | None = None
    count: int | None = None
    cameo: str | None = None
    type: str = "sanction"
    official: dict[str, str] | None = None   # target entity id -> its standing on the list in the KB's official data

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        # keep authority even when None: the contract says it is always present
        return {k: v for k, v in d.items() if v is not None or k == "authority"}


@dataclass(slots=True)
class Region:
    """A part of the text that later stages skip (navigation line, byline...)."""

    start: int
    end: int
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def content_id(text: str) -> str:
    """A stable id for a document that came without one."""
    return "sha1:" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(slots=True)
class Document:
    text: str
    id: str = ""
    lang: str = "und"
    meta: dict[str, Any] = field(default_factory=dict)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[Region] = field(default_factory=list)
    #: stages that failed on this document, and those skipped for want of what they provide:
    #: ``{"stage", "type", "message"}`` each (a partial record)
    errors: list[dict[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)

    def is_skipped(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a skipped region."""
        return any(r.start < end and start < r.end for r in self.skipped)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that holds ``offset`` (sentences are in text order and do not overlap)."""
        i = bisect.bisect_right(self.sentences, offset, key=lambda s: s.start) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def add_entity(self, entity: Entity) -> Entity:
        """Append ``entity`` with the next free id (``T1``, ``T2``...) and return it."""
        entity.id = f"T{len(self.entities) + 1}"
        self.entities.append(entity)
        return entity

    def renumber_entities(self) -> dict[str, str]:
        """Sort entities by position, renumber T1..Tn; returns old id -> new id."""
        self.entities.sort(key=lambda e: (e.start, -e.end))
        mapping = {}
        for i, e in enumerate(self.entities, 1):
            mapping[e.id] = f"T{i}"
            e.id = f"T{i}"
        return mapping

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def checkpoint(self) -> tuple[Any, ...]:
        """The annotations as they are now, for :meth:`restore` (a failed stage's half-done
        changes are undone): the lists, and the field values of every entity and event (their
        ``norm``/``canonical`` dicts are replaced by stages, not changed in place)."""
        return (self.lang, dict(self.meta), list(self.sentences), list(self.tokens),
                [(e, _ENTITY_FIELDS(e)) for e in self.entities], [(v, _EVENT_FIELDS(v)) for v in self.events],
                list(self.relations), list(self.skipped), list(self.errors))

    def restore(self, saved: tuple[Any, ...]) -> None:
        """Put back the annotations of a :meth:`checkpoint`."""
        (self.lang, self.meta, self.sentences, self.tokens, entities, events, self.relations,
         self.skipped, self.errors) = saved
        self.entities = [_set_fields(e, values) for e, values in entities]
        self.events = [_set_fields(v, values) for v, values in events]

    def to_dict(self, include: frozenset[str] = frozenset()) -> dict[str, Any]:
        """The output record (see pipeline/schema/record.schema.json)."""
        out: dict[str, Any] = {
            "schema": SCHEMA_VERSION,
            "id": self.id,
            "lang": self.lang,
            "text": self.text,
            "meta": self.meta,
            "sentences": [s.to_dict() for s in self.sentences],
            "entities": [e.to_dict() for e in self.entities],
            "events": [e.to_dict() for e in self.events],
        }
        if self.relations:
            out["relations"] = self.relations
        if self.skipped:
            out["skipped"] = [r.to_dict() for r in self.skipped]
        if "tokens" in include:
            out["tokens"] = [t.to_dict() for t in self.tokens]
        if self.errors:
            out["errors"] = [dict(e) for e in self.errors]
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Document":
        """Inverse of :meth:`to_dict` (unknown keys are ignored)."""
        return cls(
            text=d["text"],
            id=d.get("id", ""),
            lang=d.get("lang", "und"),
            meta=dict(d.get("meta") or {}),
            sentences=[Sentence(**s) for s in d.get("sentences", [])],
            tokens=[Token(**t) for t in d.get("tokens", [])],
            entities=[_build(Entity, e) for e in d.get("entities", [])],
            events=[_build(Event, e) for e in d.get("events", [])],
            relations=list(d.get("relations", [])),
            skipped=[Region(**r) for r in d.get("skipped", [])],
            errors=[dict(e) for e in d.get("errors", [])],
        )


_ENTITY_FIELDS = operator.attrgetter(*(f.name for f in fields(Entity)))
_EVENT_FIELDS = operator.attrgetter(*(f.name for f in fields(Event)))


def _set_fields(obj: Any, values: tuple[Any, ...]) -> Any:
    for f, value in zip(fields(obj), values):
        setattr(obj, f.name, value)
    return obj


def _build(cls: type, d: dict[str, Any]) -> Any:
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in d.items() if k in names})
