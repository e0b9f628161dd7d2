"""Readers of the shared data sets that are licensed for non-commercial use only or carry no
licence (OpenSanctions CSV transcriptions, the KAIST restricted-parties table). They are never
part of the default knowledge base; ``newsfacts kb build --source NAME`` adds one, and the KB
card written with it says so."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Iterator

from ..normalize import script
from ..sources import ListEntry, membership
from .names import split_entry

#: OpenSanctions ``List`` values (cn_sanctions.csv) -> our list ids
OPENSANCTIONS_LISTS = {"list of export controls": "cn-export-control-list", "uel": "cn-unreliable-entity-list",
                       "export control watch list": "cn-watch-list"}
#: KAIST ``source.list_id`` -> our list ids (the others give names only)
KAIST_LISTS = {"us-bis-entity-list": "us-entity-list", "us-bis-military-end-user-list": "us-meu-list",
               "us-ofac-ns-cmic": "us-ns-cmic-list"}


def opensanctions_csv_entries(path: Path) -> Iterator[ListEntry]:
    """``cn_sanctions.csv`` (Chinese designations) or ``dod_1260h_chinese_military_companies.csv``."""
    label = f"opensanctions-csv:{Path(path).name}"
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if "Clean Name" in row:          # the DoD 1260H list: names, no catalogued list
                names = [row["Clean Name"], *_split(row.get("Alias", "")), *_split(row.get("Previous Name", ""))]
                yield ListEntry([], _clean(names), "organization", "CN", label, [])
                continue
            zh = _split(row.get("Chinese name", ""))
            en = _clean([row.get("Name", ""), *_split(row.get("Alias", ""))])
            list_id = _cn_list(row.get("List", ""), row.get("Body", ""))
            end = _dmy(row.get("End date", ""))
            lists = [membership(list_id, date=_dmy(row.get("Date", "")), citation=row.get("Source URL", ""),
                                end=end, status="removed" if row.get("End date") else "listed",
                                source=label)] if list_id else []
            kind = "person" if row.get("Type") == "Person" else "organization"
            yield ListEntry(zh, en, kind, (row.get("Country") or "")[:2].upper(), label, lists,
                            firm=row.get("Type") == "Company")


def kaist_entries(path: Path) -> Iterator[ListEntry]:
    """``restricted_parties.json``: English, native and Korean names (a grouped entry's parts
    split on `` - ``); Entity List native names are group tags, not names, and are left out."""
    label = f"kaist:{Path(path).name}"
    for rec in json.loads(Path(path).read_text(encoding="utf-8")):
        name, src = rec.get("name") or {}, rec.get("source") or {}
        list_id = KAIST_LISTS.get(src.get("list_id", ""))
        english = [p for part in (name.get("english") or "").split(" - ") for p in split_entry(part.strip())[0]]
        native = "" if src.get("list_id") == "us-bis-entity-list" else (name.get("native") or "")
        zh = [native] if any(script(c) == "han" for c in native) and not any(script(c) == "hangul" for c in native) else []
        ko = [re.sub(r"\s*\([^)]*\)$", "", k).strip() for k in [name.get("korean") or ""] if k]
        if not english:
            continue
        lists = [membership(list_id, source=label)] if list_id else []
        yield ListEntry(zh, _clean(english + list(rec.get("aliases") or [])), "organization", "", label, lists,
                        ko=[k for k in ko if k])


def _cn_list(name: str, body: str) -> str:
    low = name.strip().lower()
    if low in OPENSANCTIONS_LISTS:
        return OPENSANCTIONS_LISTS[low]
    if "countermeasure" in low or low == "afsl" or (not low and "Foreign Affairs" in body):
        return "cn-countermeasure-list"
    return ""


def _dmy(value: str) -> str:
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{2,4})", value.strip())
    if not m:
        return ""
    year = m.group(3) if len(m.group(3)) == 4 else "20" + m.group(3)
    return f"{year}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"


def _split(value: str) -> list[str]:
    return [v.strip() for v in re.split(r"[;；]", value or "") if v.strip()]


def _clean(names: list[str]) -> list[str]:
    return list(dict.fromkeys(n.strip().rstrip("*").strip() for n in names if n and n.strip()))
