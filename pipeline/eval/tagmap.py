"""Tag mappings between public NER sets and newsfacts types (``configs/eval/tagmaps.toml``)."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError
from ..resources import resolve
from ..types import ENTITY_TYPES

TAGMAPS = "configs/eval/tagmaps.toml"   # shipped with the package (pipeline.resources)


@dataclass(frozen=True)
class TagMap:
    """One tag set: ``convert`` (set tag -> newsfacts type), ``score`` (newsfacts type -> set tag)."""

    name: str
    sets: tuple[str, ...]
    types: tuple[str, ...]
    convert: dict[str, str]
    score: dict[str, str]

    def to_newsfacts(self, tag: str) -> str:
        """The newsfacts type of a set tag, else the tag prefixed by the map name."""
        return self.convert.get(tag) or f"{self.name}:{tag}"

    def to_set(self, etype: str) -> str:
        """The set tag for a newsfacts type (or a converted, prefixed tag); others unchanged."""
        if etype in self.score:
            return self.score[etype]
        prefix = f"{self.name}:"
        return etype[len(prefix):] if etype.startswith(prefix) else etype


def load_tagmaps(path: str | Path = TAGMAPS) -> dict[str, TagMap]:
    """All tag maps, validated: converted and scored types must be newsfacts types."""
    with open(resolve(path), "rb") as fh:
        raw = tomllib.load(fh)
    maps = {}
    for name, table in raw.items():
        unknown = set(table) - {"sets", "types", "convert", "score"}
        if unknown:
            raise ConfigError(f"{path}: [{name}] unknown key {sorted(unknown)[0]!r}")
        convert, score = dict(table.get("convert", {})), dict(table.get("score", {}))
        bad = sorted((set(convert.values()) | set(score)) - set(ENTITY_TYPES))
        if bad:
            raise ConfigError(f"{path}: [{name}] {bad[0]!r} is not a newsfacts entity type")
        maps[name] = TagMap(name, tuple(table.get("sets", [])), tuple(table.get("types", [])),
                            convert, score)
    return maps


def tagmap(name: str) -> TagMap:
    """The tag map called ``name`` or used by the data set ``name`` (``klue`` or ``klue-ner``)."""
    maps = load_tagmaps()
    if name in maps:
        return maps[name]
    for m in maps.values():
        if name in m.sets:
            return m
    raise ConfigError(f"no tag map {name!r} (known: {', '.join(maps)})")
