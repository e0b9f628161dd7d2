"""The knowledge base in memory: entities by id and by normalised alias."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from ..resources import resolve, shipped
from .normalize import key

if TYPE_CHECKING:
    from .index import AliasIndex

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
        """The ``canonical`` value of an entity mention of this record (with the lists it is on)."""
        out: dict[str, Any] = {"id": self.id, "name": self.name, "names": dict(self.names)}
        if self.lists:
            out["lists"] = [_list_ref(item) for item in self.lists]
        return out

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


def _list_ref(item: dict[str, Any]) -> dict[str, str]:
    """A membership as records show it: list id, entry number, citation, date, status."""
    out = {"id": item["list"]}
    out.update({k: item[k] for k in ("entry", "citation", "date") if item.get(k)})
    out["status"] = item.get("status", "listed")
    return out


class KnowledgeBase:
    """Entities with lookups by id and by normalised alias (several ids may share an alias).

    The aliases live in one Aho-Corasick automaton (``self.automaton``: key -> the number of its
    row in ``self.rows``, ``[key, ids, case rule, forms, other ids]``, see ``pipeline.kb.index``),
    which the gazetteer's matcher also walks. ``index`` is the saved alias index of a built KB,
    else it is built from the entities. A KB read from a file parses an entity's JSON line only
    when the entity is asked for.
    """

    def __init__(self, entities: list[KBEntity], index: "AliasIndex | None" = None) -> None:
        from .index import build_index

        self._parsed: dict[str, KBEntity] = {}
        self._raw: dict[str, bytes] = {}
        for entity in entities:
            if entity.id in self._parsed:
                raise ValueError(f"duplicate knowledge-base id {entity.id!r}")
            self._parsed[entity.id] = entity
        self.path: Path | None = None
        self.digest = ""               # SHA-256 of the file read (load_kb)
        self._build_automaton(index or build_index(entities))

    @classmethod
    def from_lines(cls, raw: dict[str, bytes], index: "AliasIndex | None") -> "KnowledgeBase":
        """A KB over JSON lines by id, parsed lazily."""
        from .index import build_index

        kb = cls.__new__(cls)
        kb._parsed, kb._raw, kb.path, kb.digest = {}, raw, None, ""
        kb._build_automaton(index or build_index(list(kb)))
        return kb

    def _build_automaton(self, index: "AliasIndex") -> None:
        import ahocorasick

        self.covered_lists = frozenset(index.lists)    # the lists the KB has data about
        self.rows = index.rows
        self.automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for n, alias_key in enumerate(index.keys()):
            self.automaton.add_word(alias_key, n)
        self.automaton.make_automaton()

    def __len__(self) -> int:
        return len(self._parsed) + len(self._raw)

    def __iter__(self) -> Iterator[KBEntity]:
        for entity_id in sorted((*self._parsed, *self._raw)):
            yield self.get(entity_id)  # type: ignore[misc]

    def get(self, entity_id: str) -> KBEntity | None:
        entity = self._parsed.get(entity_id)
        if entity is None and entity_id in self._raw:
            import orjson

            entity = self._parsed[entity_id] = KBEntity.from_dict(orjson.loads(self._raw.pop(entity_id)))
        return entity

    def of_type(self, entity_type: str) -> list[KBEntity]:
        """The entities of one type (without parsing the others)."""
        marker = f'"type": "{entity_type}"'.encode()
        wanted = [i for i, line in self._raw.items() if marker in line]
        return [e for e in (self.get(i) for i in wanted) if e is not None] + \
            [e for e in list(self._parsed.values()) if e.type == entity_type and e.id not in wanted]

    def lookup(self, name: str) -> list[KBEntity]:
        """Entities the pipeline may take ``name`` (after normalisation) for, best first."""
        n = self.automaton.get(key(name), -1)
        return [self.get(i) for i in self.rows[n][1]] if n >= 0 else []  # type: ignore[misc]

    def lookup_all(self, name: str) -> list[KBEntity]:
        """Every entity with ``name`` as an alias, also those the pipeline does not link it to."""
        n = self.automaton.get(key(name), -1)
        return [self.get(i) for i in self.rows[n][1] + self.rows[n][4]] if n >= 0 else []  # type: ignore[misc]


def load_kb(path: str | Path | None = None) -> KnowledgeBase:
    """Read a knowledge base written by ``newsfacts kb build`` (JSON Lines) with its saved alias
    index when that was made from the same file."""
    import hashlib

    from .index import load_index

    path = resolve(path) if path else shipped(DEFAULT_KB)
    data = Path(path).read_bytes()
    raw: dict[str, bytes] = {}
    for n, line in enumerate(data.splitlines(), 1):
        if line.strip():
            entity_id = _line_id(line)
            if entity_id is None:
                raise ValueError(f"{path}:{n}: bad knowledge-base record: no id")
            if entity_id in raw:
                raise ValueError(f"duplicate knowledge-base id {entity_id!r}")
            raw[entity_id] = line
    digest = hashlib.sha256(data).hexdigest()
    kb = KnowledgeBase.from_lines(raw, load_index(path, digest))
    kb.path, kb.digest = Path(path), digest
    return kb


def _line_id(line: bytes) -> str | None:
    """The id of a KB line (written first by ``write_kb``), else parsed from the JSON."""
    if line.startswith(b'{"id": "'):
        end = line.find(b'"', 8)
        if end > 8:
            return line[8:end].decode("utf-8")
    try:
        import orjson

        value = orjson.loads(line).get("id")
    except (ValueError, AttributeError) as exc:
        raise ValueError(f"bad knowledge-base record: {exc}") from None
    return value if isinstance(value, str) else None


def write_kb(entities: list[KBEntity], path: str | Path) -> None:
    """Write entities as JSON Lines, sorted by id, one record per line, and their alias index
    beside them (``entities.index.json``), and the keys of the cross-script matcher
    (``entities.xscript.json``)."""
    from .index import build_index, kb_digest, save_index
    from .xscript import CrossScriptMatcher, xscript_path

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for entity in sorted(entities, key=lambda e: e.id):
            fh.write(json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=False) + "\n")
    digest = kb_digest(path)
    save_index(build_index(entities), path, digest)
    CrossScriptMatcher.build(entities).save(xscript_path(path), digest)
