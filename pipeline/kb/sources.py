"""Readers of the real lists under ``../shared/data`` that seed the knowledge base.

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
MOFCOM_LISTS = {"不可靠实体清单": "cn-unreliable-entity-list", "反制裁清单": "cn-countermeasures",
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
    lists: list[dict[str, Any]] = field(default_factory=list)
    firm: bool = False               # the source calls its organisations companies (企业)


def mofcom_entries(data: Path) -> Iterator[ListEntry]:
    """Listed organisations and people of the MOFCOM/MFA announcements (zh + en names)."""
    import yaml

    root = data / MOFCOM / "sources" / "sanction-lists"
    for path in sorted(root.glob("*/*.y*ml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        ann = doc.get("announcement") or {}
        title = _zh(ann.get("title"))
        country = next((iso for word, iso in TITLE_COUNTRIES if word in title), "")
        rel = path.relative_to(data / MOFCOM).as_posix()
        for ent in (doc.get("sanction_details") or {}).get("entities") or []:
            name = ent.get("name") or {}
            zh, en = str(name.get("zh-Hans") or "").strip(), str(name.get("en") or "").strip()
            if not zh and not en:
                continue
            listed = {"list": MOFCOM_LISTS.get(ent.get("sanction_list", ""), ent.get("sanction_list", "")),
                      "date": str(ent.get("effective_date") or ann.get("publish_date") or ""),
                      "authority": ann.get("authority", ""), "document": ann.get("document_id", "")}
            kind = "person" if str(ent.get("type", "")).startswith("ind") else "organization"
            yield ListEntry([zh] if zh else [], [en] if en else [], kind, country,
                            f"{MOFCOM}:{rel}", [listed], firm="企业" in title)


def bis_university_entries(data: Path) -> Iterator[ListEntry]:
    """The BIS Entity List university/academy subset: English name, aliases, Chinese name."""
    root = data / BIS_UNIVERSITIES
    raw = {e["name"]: e.get("raw", "") for e in json.loads((root / "data.json").read_text("utf-8"))["entries"]}
    for item in json.loads((root / "data-cn.json").read_text("utf-8")):
        name = _AKA_TAIL.split(item["name"])[0].strip(" ,")
        en = _split_abbrev(name) + bis_aliases(raw.get(item["name"], ""))
        listed = {"list": "us-entity-list", "date": "", "authority": "us-bis", "document": ""}
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
