"""FollowTheMoney entities as OpenSanctions exports them: one JSON object per line.

Two layouts are read: flat (``entities.ftm.json``: legal entities and ``Sanction`` entities that
point at them through ``properties.entity``) and nested (``targets.nested.json``: a target's
``properties.sanctions`` holds its Sanction objects). A sanction's list is found by the list
catalogue's names in its ``program``, ``authority`` and ``provisions`` (``Entity List``,
``不可靠实体清单``); sanctions of other programmes are counted, not kept.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from ...io import json_objects
from ..normalize import script
from ..sources import ListEntry, membership

PERSON_SCHEMATA = frozenset({"Person"})
ORG_SCHEMATA = frozenset({"Company", "Organization", "LegalEntity", "PublicBody"})


def entries(path: Path) -> Iterator[ListEntry]:
    label = f"ftm:{Path(path).name}"
    targets: dict[str, dict[str, Any]] = {}
    sanctions: dict[str, list[dict[str, Any]]] = {}
    with open(path, "rb") as fh:
        for _, obj in json_objects(fh, path):
            props = obj.get("properties") or {}
            if obj.get("schema") == "Sanction":
                for target in props.get("entity") or []:
                    sanctions.setdefault(target if isinstance(target, str) else target.get("id", ""), []).append(props)
            elif obj.get("schema") in PERSON_SCHEMATA | ORG_SCHEMATA:
                targets[obj["id"]] = obj
                for nested in props.get("sanctions") or []:
                    if isinstance(nested, dict):
                        sanctions.setdefault(obj["id"], []).append(nested.get("properties") or {})
    matcher = _ListNames()
    for entity_id, obj in targets.items():
        props = obj.get("properties") or {}
        names = _values(props, "name") + _values(props, "alias") + _values(props, "previousName")
        if not names:
            continue
        lists = [m for s in sanctions.get(entity_id, []) if (m := _membership(s, matcher, label))]
        zh = [n for n in names if any(script(c) == "han" for c in n)]
        ko = [n for n in names if any(script(c) == "hangul" for c in n)]
        en = [n for n in names if n not in zh and n not in ko]
        countries = _values(props, "country") + _values(props, "jurisdiction")
        yield ListEntry(zh, en, "person" if obj["schema"] in PERSON_SCHEMATA else "organization",
                        countries[0].upper()[:2] if countries else "", label, lists, ko=ko,
                        ids=[f"ftm:{entity_id}"])


def _values(props: dict[str, Any], name: str) -> list[str]:
    return [str(v).strip() for v in props.get(name) or [] if str(v).strip()]


def _membership(props: dict[str, Any], matcher: "_ListNames", label: str) -> dict[str, str] | None:
    text = " ".join(_values(props, "program") + _values(props, "programId") + _values(props, "authority")
                    + _values(props, "provisions"))
    list_id = matcher.find(text)
    if list_id is None:
        return None
    date = (_values(props, "listingDate") + _values(props, "startDate") + [""])[0][:10]
    end = (_values(props, "endDate") + [""])[0][:10]
    ended = bool(end) or "inactive" in [v.lower() for v in _values(props, "status")]
    return membership(list_id, entry=(_values(props, "authorityId") + _values(props, "unscId") + [""])[0],
                      citation=(_values(props, "sourceUrl") + [""])[0], date=date, end=end,
                      status="removed" if ended else "listed", source=label)


class _ListNames:
    """The catalogue's list names, longest first (``Unreliable Entity List`` before ``Entity List``)."""

    def __init__(self) -> None:
        from ...events.catalogue import load_catalogue

        catalogue = load_catalogue()
        self.names = sorted(((name.lower(), entry.id) for entry in catalogue.entries.values()
                             for lang in ("en", "zh") for name in entry.names[lang] if len(name) >= 4),
                            key=lambda item: -len(item[0]))

    def find(self, text: str) -> str | None:
        low = text.lower()
        return next((list_id for name, list_id in self.names if name in low), None)
