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

from ..resources import resolve
from . import orgtype
from .normalize import key
from .sources import BIS_UNIVERSITIES, MOFCOM, ListEntry, bis_university_entries, mofcom_entries
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


def list_entries(data: Path | None, skip: frozenset[str] = frozenset()) -> list[ListEntry]:
    """Entries of the shared lists present under ``data`` (none when ``data`` is None), except
    the data sets named in ``skip``."""
    if data is None:
        return []
    entries: list[ListEntry] = []
    for reader, folder in ((mofcom_entries, MOFCOM), (bis_university_entries, BIS_UNIVERSITIES)):
        if folder not in skip and (data / folder).is_dir():
            entries.extend(reader(data))
    return entries


def build(seeds: list[KBEntity], entries: Iterable[ListEntry]) -> list[KBEntity]:
    """Merge list entries into the seeds, then complete aliases and display names."""
    entities = list(seeds)
    index: dict[str, KBEntity] = {}
    for entity in entities:
        _index(index, entity)
    for entry in entries:
        names = _zh_names(entry.zh) + entry.en
        target = next((index[k] for n in names for k in _merge_keys(n) if k in index), None)
        if target is None or (entry.kind == "person") != (target.type == "PERSON"):
            target = _new_entity(entry, {e.id for e in entities})
            entities.append(target)
        else:
            target.country = target.country or entry.country
        _add_aliases(target, "zh-Hans", _zh_names(entry.zh))
        _add_aliases(target, "en", entry.en)
        if entry.source not in target.sources:
            target.sources.append(entry.source)
        target.lists.extend(item for item in entry.lists if item not in target.lists)
        _index(index, target)
    for entity in entities:
        _complete(entity)
    return entities


def _new_entity(entry: ListEntry, taken: set[str]) -> KBEntity:
    en = entry.en[0] if entry.en else ""
    zh = entry.zh[0] if entry.zh else ""
    if entry.kind == "person":
        typ = "PERSON"
    elif entry.firm:
        typ = "FIRM"
    else:
        typ = orgtype.by_name(zh) or orgtype.by_name(en) or "ORG"
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
    aliases["zh-Hans"] += [b for a in aliases["zh-Hans"] if (b := _ZH_LEGAL.sub("", a)) != a and len(b) >= 4]
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


_ZH_LEGAL = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|公司)$")


def _bare(name: str) -> str:
    return orgtype.strip_legal_suffix(name)


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
