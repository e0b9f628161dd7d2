"""Facts from the reports of one (party, list, action): rounds, dates, sources, official status.

A fact (one JSON object; ``pipeline/facts/__init__.py`` lists its fields) is built by
:func:`build_group` from *all* the reports of its group and from nothing else but the knowledge
base, so the local run, the Ray run and ``--update`` (which re-reads the reports that the facts
file holds) give the same facts whatever the order in which the reports came.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

import orjson

from .names import is_document_level, preliminary_key
from .official import OfficialLists
from .rounds import reconcile, split_rounds

#: what a fact's reports hold beyond the report itself
COMPUTED = ("date_agrees",)


@dataclass
class Context:
    """What building facts needs besides the reports: the KB's names and lists, the name merges."""

    official: OfficialLists
    kb_names: dict[str, dict[str, Any]] = field(default_factory=dict)
    merges: dict[str, tuple[str, str]] = field(default_factory=dict)


def context_from_kb(kb: Any, merges: dict[str, tuple[str, str]] | None = None) -> Context:
    names = {e.id: {"name": e.name, "names": dict(sorted(e.names.items())), "type": e.type} for e in kb}
    return Context(OfficialLists(kb), names, dict(merges or {}))


def group_key(party: str, report: dict[str, Any]) -> tuple[str, str, str]:
    """(party, list id or "", action): what one group of reports shares."""
    return (party, (report.get("list") or {}).get("id") or "", report.get("action") or "")


def strip_computed(report: dict[str, Any]) -> dict[str, Any]:
    """A fact's report as it came from its record (what ``--update`` folds back in)."""
    return {k: v for k, v in report.items() if k not in COMPUTED}


def _identity(report: dict[str, Any]) -> tuple[str, str, str]:
    return (report["record"], report.get("event") or "", report["target"].get("mention") or "")


def dedupe(reports: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """One report per (record, event, target mention): the same record read twice counts once.

    Of two different reports with one identity (a record re-run with another model), the one
    whose JSON sorts last is kept, so the choice does not depend on the order of the inputs.
    """
    best: dict[tuple[str, str, str], tuple[bytes, dict[str, Any]]] = {}
    for report in reports:
        blob = orjson.dumps(report, option=orjson.OPT_SORT_KEYS)
        ident = _identity(report)
        if ident not in best or blob > best[ident][0]:
            best[ident] = (blob, report)
    return [r for _, r in best.values()]


def build_group(key: tuple[str, str, str], reports: list[dict[str, Any]], ctx: Context) -> list[dict[str, Any]]:
    """The facts (one per round, earliest first) of one group's reports."""
    party, list_id, action = key
    rounds = split_rounds(dedupe(reports))
    facts = []
    for n, members in enumerate(rounds, 1):
        dating = reconcile(members)
        target = _target(party, members, ctx)
        fact = {
            "id": "",
            "target": target,
            "authority": _authority(members, ctx),
            "list": _list(members),
            "action": action,
            "round": n,
            "rounds": len(rounds),
            "date": dating["date"],
            "first_published": min((r["published"][:10] for r in members if r.get("published")), default=None),
            "dates": dating["dates"],
            "date_conflict": dating["conflict"],
            "reports": len(members),
            "documents": len({r["record"] for r in members}),
            "languages": dict(sorted(Counter(r.get("lang") or "?" for r in members).items())),
            "official": ctx.official.status(None if party.startswith(("name:", "doc:")) else party,
                                            list_id or None, dating["date"]),
            "sources": [{**r, "date_agrees": dating["agrees"][id(r)]} for r in members],
        }
        fact["id"] = fact_id(key, fact)
        facts.append(fact)
    return facts


def fact_id(key: tuple[str, str, str], fact: dict[str, Any]) -> str:
    """A stable id: the group key and the round's date (or first publication)."""
    when = (fact["date"] or {}).get("value") or fact["first_published"] or "undated"
    digest = hashlib.sha1("\x1f".join((*key, when)).encode()).hexdigest()[:16]
    return f"fact:{digest}"


def _most_common(values: Iterable[Any]) -> Any:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], str(v)))


def _target(party: str, reports: list[dict[str, Any]], ctx: Context) -> dict[str, Any]:
    targets = [r["target"] for r in reports]
    kb = ctx.kb_names.get(party)
    names: dict[str, str] = {}
    for lang in sorted({r.get("lang") or "" for r in reports} | {k for t in targets for k in t.get("names", {})}):
        names[lang] = _most_common([t.get("names", {}).get(lang) for t in targets]) or \
            _most_common([t["text"] for r, t in zip(reports, targets) if r.get("lang") == lang])
    out = {"id": party,
           "name": kb["name"] if kb else _most_common([t.get("name") or t.get("text") for t in targets]),
           "names": kb["names"] if kb else {k: v for k, v in names.items() if k and v},
           "type": kb["type"] if kb else _most_common([t.get("type") for t in targets])}
    merged = _merged(reports, ctx)
    if merged:
        out["merged"] = merged
    return out


def _merged(reports: list[dict[str, Any]], ctx: Context) -> list[dict[str, Any]]:
    """How the document-level targets of these reports were joined (one entry per document party)."""
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for r in reports:
        target = r["target"]
        if not is_document_level(target):
            continue
        prelim = preliminary_key(r)
        how = ctx.merges.get(prelim, (prelim, "name"))[1] or "name"
        seen.setdefault((r["record"], target.get("id") or target.get("mention") or ""), {
            "record": r["record"], "id": target.get("id"), "name": target.get("name") or target.get("text"),
            "key": prelim, "how": how})
    return [seen[k] for k in sorted(seen)]


def _authority(reports: list[dict[str, Any]], ctx: Context) -> dict[str, Any] | None:
    """The list's authority (``list.authority``) if the reports give one, else the one most reported."""
    implied = _most_common([(r.get("list") or {}).get("authority") for r in reports])
    reported = [r["authority"] for r in reports if r.get("authority")]
    aid = implied or _most_common([a.get("id") for a in reported])
    if aid is None:
        text = _most_common([a.get("text") for a in reported])
        return {"id": None, "name": text, "names": {}} if text else None
    kb = ctx.kb_names.get(aid)
    if kb:
        return {"id": aid, "name": kb["name"], "names": kb["names"]}
    same = [a for a in reported if a.get("id") == aid]
    return {"id": aid, "name": _most_common([a.get("name") or a.get("text") for a in same]) or aid,
            "names": dict(sorted({k: v for a in same for k, v in (a.get("names") or {}).items()}.items()))}


def _list(reports: list[dict[str, Any]]) -> dict[str, Any] | None:
    lists = [r["list"] for r in reports if r.get("list")]
    if not lists:
        return None
    return {"id": lists[0]["id"], "name": _most_common([x.get("name") for x in lists])}
