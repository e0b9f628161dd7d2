"""List entries (what every importer yields) and the readers of the MOFCOM and BIS university data.

Each reader yields :class:`ListEntry` records (names as the list gives them); the builder merges
them with the curated seeds. These run only in ``newsfacts kb build``, never in a pipeline.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

MOFCOM = "cn-mofcom-sanctions-ammitto"
BIS_UNIVERSITIES = "bis-entity-list-china-universities"

#: Ammitto's list names -> our list ids.
MOFCOM_LISTS = {"不可靠实体清单": "cn-unreliable-entity-list", "反制裁清单": "cn-countermeasure-list",
                "出口管制管控名单": "cn-export-control-list"}
#: Country words in MOFCOM announcement titles -> ISO 3166 alpha-2.
TITLE_COUNTRIES = (("台湾", "TW"), ("加拿大", "CA"), ("日本", "JP"), ("美国", "US"))


@dataclass
class ListEntry:
    """One named entry of a source list."""

    zh: list[str]
    en: list[str]
    kind: str                        # "organization" | "person"
    country: str
    source: str                      # "<data set>:<relative path>"
    lists: list[dict[str, Any]] = field(default_factory=list)   # see :func:`membership`
    firm: bool = False               # the source calls its organisations companies (企业)
    ko: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)   # ids in the source's own scheme ("ofac:36"): merge keys
    parent: str = ""                 # the name of the listed parent (an Entity List affiliate's)


def membership(list_id: str, *, entry: str = "", citation: str = "", date: str = "", end: str = "",
               status: str = "listed", authority: str = "", source: str = "") -> dict[str, str]:
    """One list membership of a KB entity: list id (``configs/lists.toml``), entry number,
    citation (Federal Register notice, announcement number), date listed and date taken off
    (``YYYY-MM-DD``, ``""`` when the source gives none), status (``listed`` or ``removed``),
    the data set it comes from."""
    item = {"list": list_id, "entry": entry, "citation": citation, "date": date, "end": end,
            "status": status, "authority": authority, "source": source}
    return {k: v for k, v in item.items() if v}


def mofcom_entries(folder: Path) -> Iterator[ListEntry]:
    """Listed organisations and people of the MOFCOM/MFA announcements (zh + en names) in the
    ``cn-mofcom-sanctions-ammitto`` folder."""
    import yaml

    root = folder / "sources" / "sanction-lists"
    for path in sorted(root.glob("*/*.y*ml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        ann = doc.get("announcement") or {}
        title = _zh(ann.get("title"))
        country = next((iso for word, iso in TITLE_COUNTRIES if word in title), "")
        rel = path.relative_to(folder).as_posix()
        for ent in (doc.get("sanction_details") or {}).get("entities") or []:
            name = ent.get("name") or {}
            zh, en = str(name.get("zh-Hans") or "").strip(), str(name.get("en") or "").strip()
            if not zh and not en:
                continue
            listed = membership(MOFCOM_LISTS.get(ent.get("sanction_list", ""), ent.get("sanction_list", "")),
                                date=str(ent.get("effective_date") or ann.get("publish_date") or ""),
                                authority=ann.get("authority", ""), citation=ann.get("document_id", ""),
                                source=MOFCOM)
            kind = "person" if str(ent.get("type", "")).startswith("ind") else "organization"
            yield ListEntry([zh] if zh else [], [en] if en else [], kind, country,
                            f"{MOFCOM}:{rel}", [listed], firm="企业" in title)


def bis_university_entries(root: Path) -> Iterator[ListEntry]:
    """The BIS Entity List university/academy subset: English name, aliases, Chinese name."""
    raw = {e["name"]: e.get("raw", "") for e in json.loads((root / "data.json").read_text("utf-8"))["entries"]}
    for item in json.loads((root / "data-cn.json").read_text("utf-8")):
        name = _AKA_TAIL.split(item["name"])[0].strip(" ,")
        en = _split_abbrev(name) + bis_aliases(raw.get(item["name"], ""))
        listed = membership("us-entity-list", authority="us-bis", source=BIS_UNIVERSITIES)
        yield ListEntry([item["zh"].strip()] if item.get("zh") else [], _unique(en), "organization", "CN",
                        f"{BIS_UNIVERSITIES}:data-cn.json", [listed])


_AKA = re.compile(r"(?:a\.k\.a\.?,?|and) the following [\w-]+ alias(?:es)?[^:]*:", re.IGNORECASE)
_AKA_TAIL = re.compile(r",?\s*(?:a\.k\.a|and the following)", re.IGNORECASE)
_ORDINAL = re.compile(r"^(?:\d|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b)",
                      re.IGNORECASE)


def bis_aliases(raw: str) -> list[str]:
    """Aliases from an Entity List entry (``a.k.a., the following two aliases: —X; and —Y. Address``)."""
    m = _AKA.search(raw)
    if not m:
        return []
    pieces = raw[m.end():].split("—")[1:]
    out = []
    for i, piece in enumerate(pieces):
        text = piece.split(";")[0]
        if i == len(pieces) - 1:  # the last alias runs into the address
            text = re.split(r"\.\s|\s+No\.|\s\d", text)[0]
        text = re.sub(r"^\s*and\s+|\s+and\s*$", "", text).strip(" .,")
        if text and len(text) <= 120 and ":" not in text and "#" not in text:
            for alias in _split_abbrev(text):
                if not _ORDINAL.match(alias) and (" " in alias or (alias.isupper() and len(alias) >= 3)):
                    out.append(alias)
    return out


def _split_abbrev(name: str) -> list[str]:
    """``"Beijing University of ... (BUAA)"`` -> the name without the parentheses and ``BUAA``.

    An abbreviation inside the name (``China Aerospace ... Corporation (CASIC) 3rd Academy``)
    belongs to the parent organisation: it is dropped, not kept as an alias.
    """
    m = re.search(r"\s*\(([A-Z][A-Za-z0-9&-]{1,9})\)", name)
    if not m:
        return [name]
    bare = re.sub(r"\s+", " ", name[:m.start()] + " " + name[m.end():]).strip()
    return [bare, m.group(1)] if m.end() == len(name) else [bare]


def _zh(title: Any) -> str:
    if isinstance(title, list):
        return " ".join(str(t.get("zh-Hans", "")) for t in title if isinstance(t, dict))
    if isinstance(title, dict):
        return str(title.get("zh-Hans", ""))
    return str(title or "")


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))
