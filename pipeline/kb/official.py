"""Whether the official list data bears a news claim out: the claim against the record.

For a party (a KB entity), a list, and the action and date a report gives, :func:`official_status`
says where the party stands on that list in the official data of the KB:

* ``confirmed``: the party is on the list, or was on it at the date of the report (the data
  bears out a report that it was added, sanctioned, restricted);
* ``removed``: the party was on the list and has been taken off it (it bears out a report that
  it was removed; for a report that it was added, it says the listing no longer stands);
* ``not_listed``: the data has no such listing of the party.

None when the KB holds no data about that list (the EU's, the UK's, the VEU programme): it cannot
tell, so nothing is claimed. Dates are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` strings.
"""
from __future__ import annotations

from typing import Any

#: actions that take a party off a list or end a measure
REMOVALS = frozenset({"remove", "lift", "suspend"})


def official_status(entity: Any | None, list_id: str, action: str, date: str | None = None,
                    covered: frozenset[str] | None = None) -> str | None:
    """``confirmed``, ``not_listed`` or ``removed`` for (party, list, action, date); None when
    ``list_id`` is not among the ``covered`` lists (when given) or there is no list."""
    if not list_id or (covered is not None and list_id not in covered):
        return None
    memberships = [m for m in (entity.lists if entity is not None else []) if m.get("list") == list_id]
    if any(m.get("status", "listed") == "listed" for m in memberships):
        return "confirmed"
    if not memberships:
        return "not_listed"
    ends = [m.get("end", "") for m in memberships]
    if action not in REMOVALS and date and all(end and date[:len(end)] < end[:len(date)] for end in ends):
        return "confirmed"              # reported as added while it was still on the list
    return "removed"


def event_status(event: Any, entities_by_id: dict[str, Any], kb: Any,
                 covered: frozenset[str]) -> dict[str, str] | None:
    """``{target entity id: status}`` for an event's targets that are KB entities; None when the
    event has no catalogued list the KB covers or no such target."""
    list_id = (event.list or {}).get("id", "")
    date = (event.date or {}).get("value") if isinstance(event.date, dict) else None
    out: dict[str, str] = {}
    for target in event.targets:
        mention = entities_by_id.get(target)
        canonical = getattr(mention, "canonical", None) or {}
        entity = kb.get(canonical.get("id", "")) if str(canonical.get("id", "")).startswith("nf:") else None
        if entity is None:
            continue
        status = official_status(entity, list_id, event.action, date if isinstance(date, str) else None, covered)
        if status is not None:
            out[target] = status
    return out or None
