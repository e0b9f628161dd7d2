"""Official status of a fact: what the knowledge base's list data says about (party, list).

The KB (``models/kb/entities.jsonl``) gives an entity's list memberships as ``lists``:
``[{"list": "cn-unreliable-entity-list", "date": "2025-02-04", "authority": ..., "document": ...}]``
or ``[{"list": "us-entity-list", "date": "2019-05-16", "entry": ...}]``. Both spellings are
read; a list id may also come as ``list_id`` or ``id``, a date as ``listed``/``start``, and a
removal as ``removed`` / ``removal_date`` / ``end_date`` (a date), ``status: "removed"`` or
``action: "remove"``.

Status of a fact about (target, list):

- ``confirmed``: the KB has the target on that list (an entry not marked removed);
- ``removed``: the KB records the target's removal from that list;
- ``not_listed``: the KB has *dated* entries of that list whose period covers the fact's date
  (from a year before the first to a year after the last), but none for the target;
- ``unknown``: otherwise: a target the KB does not know (a document-level party), a list the KB
  has no data for, or list data without dates, which may be partial (today's Entity List entries
  are the universities of one source) and so cannot say that a party is absent.

``date_match`` tells whether one of the target's entries on that list is dated within the fact's
date (same day, month or year at the fact's precision), None when there is nothing to compare.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

from .dates import Span, span

#: KB list ids that the list catalogue (configs/lists.toml) spells otherwise
LIST_ALIASES = {"cn-countermeasures": "cn-countermeasure-list"}
REMOVAL_ACTIONS = {"remove", "removed", "delist", "delisted", "lift"}
COVER_MARGIN = dt.timedelta(days=366)


def _first(entry: dict[str, Any], keys: Iterable[str]) -> Any:
    return next((entry[k] for k in keys if entry.get(k)), None)


def read_entry(entry: Any) -> dict[str, Any] | None:
    """One KB list entry in one spelling: list, date, removed (bool), removal date, the rest."""
    if not isinstance(entry, dict):
        return None
    list_id = _first(entry, ("list", "list_id", "id"))
    if not isinstance(list_id, str):
        return None
    removal = _first(entry, ("removed", "removal_date", "end_date", "removed_date"))
    removed = bool(removal) or str(entry.get("status", "")).lower() == "removed" \
        or str(entry.get("action", "")).lower() in REMOVAL_ACTIONS
    date = _first(entry, ("date", "listed", "start", "listing_date"))
    return {"list": LIST_ALIASES.get(list_id, list_id), "date": date if isinstance(date, str) else "",
            "removed": removed, "removal_date": removal if isinstance(removal, str) else "",
            "entry": {k: v for k, v in sorted(entry.items()) if v not in ("", None)}}


class OfficialLists:
    """The list memberships of a knowledge base, by (entity, list) and by list."""

    def __init__(self, kb: Iterable[Any]) -> None:
        self.entries: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.periods: dict[str, Span] = {}
        for entity in kb:
            raw = entity.lists if hasattr(entity, "lists") else entity.get("lists", [])
            eid = entity.id if hasattr(entity, "id") else entity["id"]
            for item in raw or []:
                entry = read_entry(item)
                if entry is None:
                    continue
                self.entries.setdefault((eid, entry["list"]), []).append(entry)
                for value in (entry["date"], entry["removal_date"]):
                    when = span({"value": value[:10], "precision": "day"}) if value else None
                    if when:
                        old = self.periods.get(entry["list"])
                        self.periods[entry["list"]] = old.cover(when) if old else when

    def status(self, target_id: str | None, list_id: str | None, date: dict[str, Any] | None
               ) -> dict[str, Any]:
        """``{"status", "entries", "date_match"}`` for a fact (see the module docstring)."""
        if not list_id or not target_id or target_id.startswith("doc:"):
            return {"status": "unknown", "entries": [], "date_match": None}
        entries = self.entries.get((target_id, list_id), [])
        fact_span = span(date)
        if entries:
            state = "removed" if all(e["removed"] for e in entries) else "confirmed"
            return {"status": state, "entries": [e["entry"] for e in entries],
                    "date_match": _date_match(entries, fact_span)}
        period = self.periods.get(list_id)
        covered = period is not None and fact_span is not None and \
            period.first - COVER_MARGIN <= fact_span.first and fact_span.last <= period.last + COVER_MARGIN
        return {"status": "not_listed" if covered else "unknown", "entries": [], "date_match": None}


def _date_match(entries: list[dict[str, Any]], fact_span: Span | None) -> bool | None:
    dated = [span({"value": e["date"][:10], "precision": "day"}) for e in entries if e["date"]]
    dated = [d for d in dated if d]
    if not dated or fact_span is None:
        return None
    return any(d.overlaps(fact_span) for d in dated)
