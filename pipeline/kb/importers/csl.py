"""The US Consolidated Screening List (CSL) as JSON.

Two shapes are read: ITA's bulk file (``consolidated.json``: ``{"results": [{name, alt_names,
source, type, addresses, entity_number, federal_register_notice, start_date, ...}]}``) and the
compact projection of it in ``us-csl-2026-07`` (``entries`` with interned ``tables``). Only the
lists of the catalogue are kept (Entity List, Unverified List, MEU, SDN, NS-CMIC); vessels and
aircraft are no entities of ours and are left out.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterator

from ..sources import ListEntry, membership
from .names import looks_like_person, person_forms, split_entry

#: CSL source names (their code in parentheses) -> our list ids
CSL_LISTS = {"EL": "us-entity-list", "UVL": "us-unverified-list", "MEU": "us-meu-list",
             "SDN": "us-sdn-list", "CMIC": "us-ns-cmic-list"}
AUTHORITY = {"us-sdn-list": "us-ofac", "us-ns-cmic-list": "us-ofac"}
SKIPPED_TYPES = frozenset({"Vessel", "Aircraft"})


def entries(path: Path) -> Iterator[ListEntry]:
    """List entries of a CSL JSON file (either shape)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    label = f"csl:{Path(path).parent.name or Path(path).name}"
    records = data["results"] if "results" in data else _expand(data)
    for rec in records:
        entry = _entry(rec, label)
        if entry is not None:
            yield entry


def _expand(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The compact projection back into ITA's field names."""
    tables = data["tables"]
    for e in data["entries"]:
        yield {"name": e["n"], "alt_names": e.get("a", []), "source": tables["sources"][e["s"]],
               "type": e.get("t"), "addresses": [{"country": c} for c in e.get("c", [])],
               "entity_number": e.get("e"), "federal_register_notice": e.get("fr")}


def list_code(source: str) -> str:
    """``Entity List (EL) - Bureau of Industry and Security`` -> ``EL``."""
    head = source.split(" - ")[0]
    return head[head.rfind("(") + 1:head.rfind(")")].replace(" List", "") if "(" in head else head


def _entry(rec: dict[str, Any], label: str) -> ListEntry | None:
    list_id = CSL_LISTS.get(list_code(rec.get("source") or ""))
    kind = rec.get("type") or ""
    if list_id is None or kind in SKIPPED_TYPES or not rec.get("name"):
        return None
    countries = [a["country"] for a in rec.get("addresses") or [] if a.get("country")]
    names, parent = split_entry(rec["name"])
    aliases = [a for alt in rec.get("alt_names") or [] for a in split_entry(alt)[0]]
    person = kind == "Individual" or (not kind and looks_like_person(names[0]))
    if person:
        names = [f for n in names[:1] + aliases for f in person_forms(n, countries)]
        aliases = []
    number = str(rec.get("entity_number") or "")
    citation = re.split(r"[,;]", str(rec.get("federal_register_notice") or ""))[0].strip()
    listed = membership(list_id, entry=number, citation=citation, date=_date(rec.get("start_date")),
                        authority=AUTHORITY.get(list_id, "us-bis"), source=label)
    return ListEntry([], _unique(names + aliases), "person" if person else "organization",
                     countries[0] if countries else "", label, [listed], firm=False,
                     ids=[f"ofac:{number}"] if number and list_id in AUTHORITY else [], parent=parent)


def _date(value: Any) -> str:
    return str(value)[:10] if value else ""


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(i.strip() for i in items if i and i.strip()))
