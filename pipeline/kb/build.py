"""Build ``models/kb/entities.jsonl`` from the curated seeds and the real lists.

Seeds (``configs/kb/*.toml``, human-edited) come first and keep their ids; entries of the lists
in ``../shared/data`` are merged into a seed (or an earlier entry) when one of their names,
without its legal form, is already an alias; otherwise they become new entities. Traditional
Chinese forms are added with OpenCC (s2t), Korean names also without their spaces.
"""
from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from pathlib import Path
from typing import Any, Iterable

from ..entities import typer as orgtype
from ..resources import resolve
from .normalize import key
from .sources import ListEntry
from .store import KBEntity

SEED_DIR = "configs/kb"   # shipped with the package (pipeline.resources)
TYPES = frozenset({"FIRM", "UNIVERSITY", "GOV", "ORG", "PERSON", "LOC"})
SEED_KEYS = frozenset({"id", "type", "country", "name", "ko", "zh", "zh_hant", "en", "parent", "source"})
ID_RE = re.compile(r"^nf:[a-z0-9][a-z0-9-]*$")


def load_seeds(seed_dir: str | Path = SEED_DIR) -> list[KBEntity]:
    """The curated entities of every ``*.toml`` in ``seed_dir`` (``[[entity]]`` tables)."""
    seed_dir = resolve(seed_dir)
    out: list[KBEntity] = []
    for path in sorted(seed_dir.glob("*.toml")):
        with open(path, "rb") as fh:
            records = tomllib.load(fh).get("entity", [])
        for n, rec in enumerate(records, 1):
            where = f"{path.name} entity #{n}"
            unknown = set(rec) - SEED_KEYS
            if unknown:
                raise ValueError(f"{where}: unknown key {sorted(unknown)[0]!r}")
            for field in ("id", "type", "name", "source"):
                if not rec.get(field):
                    raise ValueError(f"{where}: missing {field!r}")
            if not ID_RE.match(rec["id"]) or rec["type"] not in TYPES:
                raise ValueError(f"{where}: bad id {rec['id']!r} or type {rec['type']!r}")
            aliases = {"ko": list(rec.get("ko", [])), "zh-Hans": list(rec.get("zh", [])),
                       "zh-Hant": list(rec.get("zh_hant", [])), "en": list(rec.get("en", []))}
            out.append(KBEntity(id=rec["id"], type=rec["type"], name=rec["name"],
                                country=rec.get("country", ""), aliases=aliases,
                                sources=[f"seed:{path.name}:{rec['source']}"], parent=rec.get("parent", "")))
    return out


def build(seeds: list[KBEntity], entries: Iterable[ListEntry],
          report: list[dict[str, str]] | None = None) -> list[KBEntity]:
    """Merge list entries into the seeds, then complete aliases and display names.

    An entry joins the entity that has one of its source ids (``ofac:36``), else one of its names
    (legal form aside) when the kinds agree (a person joins a person) and the countries do not
    differ; otherwise it becomes a new entity. ``report``
    receives one line per entry that joined an existing entity: what merged with what, and why.
    """
    entities = list(seeds)
    seed_ids = {e.id for e in seeds}
    taken = set(seed_ids)
    index: dict[str, KBEntity] = {}
    by_source_id: dict[str, KBEntity] = {}
    parents: list[tuple[KBEntity, str]] = []
    for entity in entities:
        _index(index, entity)
    for entry in entries:
        target, via = _merge_target(entry, index, by_source_id, seed_ids)
        if target is None:
            target = _new_entity(entry, taken)
            taken.add(target.id)
            entities.append(target)
        else:
            target.country = target.country or entry.country
            if report is not None:
                report.append({"source": entry.source, "name": (entry.en + entry.zh + entry.ko)[0],
                               "into": target.id, "via": via})
        _add_aliases(target, "zh-Hans", _zh_names(entry.zh))
        _add_aliases(target, "en", entry.en)
        _add_aliases(target, "ko", entry.ko)
        if entry.source not in target.sources:
            target.sources.append(entry.source)
        target.lists.extend(item for item in entry.lists if item not in target.lists)
        for source_id in entry.ids:
            by_source_id.setdefault(source_id, target)
        if entry.parent:
            parents.append((target, entry.parent))
        _index(index, target)
    for entity, parent_name in parents:
        parent = next((index[k] for k in _merge_keys(parent_name) if k in index), None)
        if not entity.parent and parent is not None and parent is not entity:
            entity.parent = parent.id
    for entity in entities:
        entity.lists = _memberships(entity.lists)
        _complete(entity)
    mark_removed(entities)
    return entities


def _merge_target(entry: ListEntry, index: dict[str, KBEntity], by_source_id: dict[str, KBEntity],
                  seed_ids: set[str]) -> tuple[KBEntity | None, str]:
    for source_id in entry.ids:
        if source_id in by_source_id:
            return by_source_id[source_id], source_id
    person = entry.kind == "person"
    names = _zh_names(entry.zh) + entry.en + entry.ko
    if person:      # a short form (Oleg Deripaska) may be two people's: only the longest forms merge
        longest = max(len(n.split()) for n in names)
        names = [n for n in names if len(n.split()) == longest]
    for name in names:
        for k in _merge_keys(name):
            target = index.get(k)
            if target is None or person != (target.type == "PERSON"):
                continue
            if entry.country and target.country and entry.country != target.country:
                continue              # SBS LLC (RU) is not the broadcaster SBS (KR)
            return target, f"name:{k}"
    return None, ""


def _memberships(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One membership per (list, date), or per (list, entry number or citation) without a date:
    the first source read wins, later ones fill in what it lacks (an entry number, a citation);
    one with none of these is dropped when another of the same list has them."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for item in items:
        k = (item.get("list", ""), item.get("date") or item.get("entry") or item.get("citation", ""))
        if k in merged:
            merged[k] = {**item, **merged[k]}
        else:
            merged[k] = dict(item)
    detailed = {lid for (lid, detail) in merged if detail}
    return [m for (lid, detail), m in merged.items() if detail or lid not in detailed]   # a bare one says no more


def mark_removed(entities: list[KBEntity]) -> None:
    """An OFAC entry of an older SDN file whose entity number the (newer) CSL no longer lists
    was taken off the SDN list in between: its membership becomes ``removed``."""
    current = {item.get("entry") for e in entities for item in e.lists
               if item.get("list") == "us-sdn-list" and str(item.get("source", "")).startswith("csl:")}
    if not current:
        return
    for entity in entities:
        for item in entity.lists:
            if item.get("list") == "us-sdn-list" and str(item.get("source", "")).startswith("sdn:") \
                    and item.get("entry") not in current:
                item["status"] = "removed"


def _new_entity(entry: ListEntry, taken: set[str]) -> KBEntity:
    en = entry.en[0] if entry.en else ""
    zh = entry.zh[0] if entry.zh else ""
    if entry.kind == "person":
        typ = "PERSON"
    elif entry.firm:
        typ = "FIRM"
    else:       # a listed party with no organisation head in its name: most are companies
        typ = orgtype.by_name(zh) or orgtype.by_name(en) or "FIRM"
    base = slug(_bare(en)) if en else "zh-" + hashlib.sha1(zh.encode()).hexdigest()[:8]
    new_id, n = f"nf:{base}", 2
    while new_id in taken:
        new_id, n = f"nf:{base}-{n}", n + 1
    return KBEntity(id=new_id, type=typ, name=_bare(en) or zh, country=entry.country,
                    aliases={"ko": [], "zh-Hans": [], "zh-Hant": [], "en": []})


def _complete(entity: KBEntity) -> None:
    """Traditional forms (OpenCC s2t), unspaced Korean forms, display names, no duplicates."""
    import opencc

    s2t = _converter(opencc, "s2t")
    aliases = entity.aliases
    for lang in ("ko", "zh-Hans", "zh-Hant", "en"):
        aliases.setdefault(lang, [])
    aliases["en"] += [b for a in aliases["en"] + [entity.name] if (b := _bare(a)) != a and _is_safe_bare(b)]
    aliases["zh-Hans"] += [b for a in aliases["zh-Hans"] if (b := orgtype.strip_legal_form(a)) != a and len(b) >= 4]
    added_hant = [s2t.convert(a) for a in aliases["zh-Hans"]]
    if any(a not in aliases["zh-Hant"] for a in added_hant) and "opencc:s2t" not in entity.sources:
        entity.sources.append("opencc:s2t")
    aliases["zh-Hant"] = _unique(aliases["zh-Hant"] + added_hant)
    aliases["ko"] = _unique(aliases["ko"] + [a.replace(" ", "") for a in aliases["ko"] if " " in a])
    aliases["en"] = _unique([a for a in aliases["en"] if a != entity.name])
    aliases["zh-Hans"] = _unique(aliases["zh-Hans"])
    entity.names = {"en": entity.name}
    if aliases["zh-Hans"]:
        entity.names["zh"] = aliases["zh-Hans"][0]
    if aliases["ko"]:
        entity.names["ko"] = aliases["ko"][0]


_CONVERTERS: dict[str, Any] = {}


def _converter(opencc: Any, config: str) -> Any:
    if config not in _CONVERTERS:
        _CONVERTERS[config] = opencc.OpenCC(config)
    return _CONVERTERS[config]


def _index(index: dict[str, KBEntity], entity: KBEntity) -> None:
    for _, alias in entity.all_aliases():
        for k in _merge_keys(alias):
            index.setdefault(k, entity)


def _merge_keys(name: str) -> list[str]:
    """Keys under which two spellings of one name meet (``Skydio, Inc.`` = ``Skydio Inc.``)."""
    plain = re.sub(r"[,.]", "", key(name))
    return list(dict.fromkeys(k for k in (plain, re.sub(r"[,.]", "", key(_bare(name)))) if len(k) >= 2))


def _bare(name: str) -> str:
    return orgtype.strip_legal_form(name)


def _is_safe_bare(name: str) -> bool:
    """A name without its legal form is worth an alias when it is not one ordinary word
    (``Teledyne Brown Engineering`` yes, ``Cubic`` no); the gazetteer re-attaches the legal form."""
    return len(name) >= 3 and (" " in name or sum(c.isupper() for c in name) >= 2)


def _zh_names(names: list[str]) -> list[str]:
    """Chinese names, a parenthesised alternative split off: ``甲（乙）`` -> ``甲``, ``乙``."""
    out = []
    for name in names:
        m = re.fullmatch(r"(.+?)[（(](.+?)[）)]", name)
        out.extend([m.group(1), m.group(2)] if m else [name])
    return out


def _add_aliases(entity: KBEntity, lang: str, names: list[str]) -> None:
    entity.aliases[lang] = _unique(entity.aliases.get(lang, []) + [n.strip() for n in names])


def _unique(items: list[str]) -> list[str]:
    seen, out = set(), []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def slug(name: str) -> str:
    """Lowercase ASCII slug of an English name (``Harbin Institute of Technology`` -> ``harbin-...``)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "x"
