"""The knowledge base in memory: entities by id and by normalised alias."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ..resources import resolve, shipped
from .normalize import key

DEFAULT_KB = "models/kb/entities.jsonl"   # shipped with the package (pipeline.resources)

#: Alias languages of a record, in the order the file writes them.
ALIAS_LANGS = ("ko", "zh-Hans", "zh-Hant", "en")


@dataclass(slots=True)
class KBEntity:
    """One entity of the knowledge base (one line of ``entities.jsonl``)."""

    id: str
    type: str
    name: str
    country: str = ""
    names: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    parent: str = ""
    lists: list[dict[str, Any]] = field(default_factory=list)

    def canonical(self) -> dict[str, Any]:
        """The ``canonical`` value of an entity mention of this record."""
        return {"id": self.id, "name": self.name, "names": dict(self.names)}

    def all_aliases(self) -> Iterator[tuple[str, str]]:
        """(language, alias) pairs, the canonical name included."""
        yield "en", self.name
        for lang in ALIAS_LANGS:
            for alias in self.aliases.get(lang, []):
                yield lang, alias

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        return {k: v for k, v in d.items() if v not in ("", [], {})}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "KBEntity":
        return cls(**{k: d[k] for k in cls.__slots__ if k in d})


class KnowledgeBase:
    """Entities with lookups by id and by normalised alias (several ids may share an alias)."""

    def __init__(self, entities: list[KBEntity]) -> None:
        self.entities: dict[str, KBEntity] = {}
        self._by_alias: dict[str, list[str]] = {}
        for entity in entities:
            if entity.id in self.entities:
                raise ValueError(f"duplicate knowledge-base id {entity.id!r}")
            self.entities[entity.id] = entity
            for _, alias in entity.all_aliases():
                ids = self._by_alias.setdefault(key(alias), [])
                if entity.id not in ids:
                    ids.append(entity.id)

    def __len__(self) -> int:
        return len(self.entities)

    def __iter__(self) -> Iterator[KBEntity]:
        return iter(self.entities.values())

    def get(self, entity_id: str) -> KBEntity | None:
        return self.entities.get(entity_id)

    def lookup(self, name: str) -> list[KBEntity]:
        """Entities that have ``name`` as an alias (after normalisation), best first."""
        return [self.entities[i] for i in self._by_alias.get(key(name), [])]

    def alias_keys(self) -> dict[str, list[str]]:
        """Normalised alias -> entity ids (read-only view for matchers)."""
        return self._by_alias


def load_kb(path: str | Path | None = None) -> KnowledgeBase:
    """Read a knowledge base written by ``newsfacts kb build`` (JSON Lines)."""
    path = resolve(path) if path else shipped(DEFAULT_KB)
    entities = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    entities.append(KBEntity.from_dict(json.loads(line)))
                except (ValueError, TypeError) as exc:
                    raise ValueError(f"{path}:{n}: bad knowledge-base record: {exc}") from None
    return KnowledgeBase(entities)


def write_kb(entities: list[KBEntity], path: str | Path) -> None:
    """Write entities as JSON Lines, sorted by id, one record per line."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for entity in sorted(entities, key=lambda e: e.id):
            fh.write(json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=False) + "\n")
