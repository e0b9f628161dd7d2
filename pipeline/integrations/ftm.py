"""Output records as FollowTheMoney entities (the data model of OpenSanctions and Aleph).

Per article:

- an ``Article`` (title, publishedAt, sourceUrl, language, names mentioned);
- one entity per named party: FIRM -> ``Company``, GOV -> ``PublicBody``, PERSON -> ``Person``,
  ORG and UNIVERSITY -> ``Organization``. FtM has no university schema, and ``PublicBody``
  would be wrong for the many private ones (Yonsei, Korea University...): a university is an
  ``Organization`` whose ``classification`` says "university". Names: the canonical name and
  its names in every language, plus the mention forms as ``alias``;
- one ``Sanction`` per event target: ``entity`` (the target), ``authority``, ``program`` (list
  name), ``programId``, ``listingDate``/``startDate`` (or ``endDate`` when lifted), ``reason``,
  ``summary`` (the evidence), ``sourceUrl`` (``meta.url``), ``proof`` (the Article).

Ids are stable: a linked entity's id is a hash of its canonical id (the same in every article,
so FtM tools merge the fragments); an unlinked one hashes the document id, type and name.
LOC, MONEY, DATE, PERCENT and QUANTITY mentions have no FtM entity of their own. Values that
FtM's types reject (a week or quarter as a date, say) are left out by FtM's own cleaning.
"""
from __future__ import annotations

import re
from typing import Any, Iterator

SCHEMATA = {"FIRM": "Company", "ORG": "Organization", "UNIVERSITY": "Organization",
            "GOV": "PublicBody", "PERSON": "Person"}
STARTS = {"add", "impose", "ban", "restrict", "suspend", "investigate"}
ENDS = {"remove", "lift"}
ID_PREFIX = "newsfacts"
INSTALL_HINT = "install the ftm extra: pip install 'newsfacts[ftm]'"


def _model() -> Any:
    try:
        from followthemoney import model
    except ImportError as exc:
        from ..errors import NewsfactsError

        raise NewsfactsError(f"followthemoney is not installed: {INSTALL_HINT}") from exc
    return model


def entity_key(record: dict[str, Any], entity: dict[str, Any]) -> tuple[str, ...]:
    """What an entity's FtM id hashes: its canonical id, else document id + type + name."""
    canonical = entity.get("canonical") or {}
    if canonical.get("id"):
        return ("entity", canonical["id"])
    return ("mention", record["id"], entity["type"], entity["text"])


def ftm_entities(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """FtM entity dicts for one output record (none for an error record)."""
    if "error" in record:
        return
    model = _model()
    meta = record.get("meta") or {}
    article = article_entity(model, record["id"], record.get("lang"), meta)
    proxies: dict[str, Any] = {}   # FtM id -> proxy
    by_entity: dict[str, Any] = {}  # our entity id -> proxy
    for ent in record.get("entities", []):
        schema = SCHEMATA.get(ent["type"])
        if schema is None:
            continue
        key = entity_key(record, ent)
        probe = model.make_entity(schema)
        probe.make_id(ID_PREFIX, *key)
        proxy = proxies.setdefault(probe.id, probe)
        _names(proxy, ent)
        if ent["type"] == "UNIVERSITY":
            proxy.add("classification", "university")
        proxy.add("sourceUrl", meta.get("url"))
        by_entity[ent["id"]] = proxy
        if schema == "Person":
            article.add("peopleMentioned", ent["text"])
        elif schema == "Company":
            article.add("companiesMentioned", ent["text"])
        article.add("namesMentioned", ent["text"])
    yield article.to_dict()
    yield from (p.to_dict() for p in proxies.values())
    for event in record.get("events", []):
        yield from _sanctions(model, record, meta, event, by_entity, article)


def article_entity(model: Any, record_id: str, lang: str | None, meta: dict[str, Any]) -> Any:
    """The FtM Article of one record (its title, publication date and URL from ``meta``)."""
    article = model.make_entity("Article")
    article.make_id(ID_PREFIX, "article", record_id)
    article.add("title", meta.get("title") or record_id)
    article.add("publishedAt", _date(meta.get("published")))
    article.add("sourceUrl", meta.get("url"))
    article.add("language", lang)
    return article


def _names(proxy: Any, ent: dict[str, Any]) -> None:
    canonical = ent.get("canonical") or {}
    names = [canonical.get("name"), *(canonical.get("names") or {}).values()]
    names = [n for n in names if n]
    proxy.add("name", names or ent["text"])
    if names and ent["text"] not in names:
        proxy.add("alias", ent["text"])


def _sanctions(model: Any, record: dict[str, Any], meta: dict[str, Any], event: dict[str, Any],
               by_entity: dict[str, Any], article: Any) -> Iterator[dict[str, Any]]:
    authority = _display_name(record, event.get("authority"))
    lst = event.get("list") or {}
    date = _date((event.get("date") or {}).get("value"))
    text = record["text"]
    evidence = " … ".join(text[s["start"]:s["end"]] for s in event.get("evidence", []))
    for target in event.get("targets", []):
        proxy = by_entity.get(target)
        if proxy is None:  # a target with no FtM entity (a country, say)
            continue
        sanction = model.make_entity("Sanction")
        sanction.make_id(ID_PREFIX, "sanction", record["id"], event["id"], proxy.id)
        sanction.add("entity", proxy.id)
        sanction.add("authority", authority)
        sanction.add("program", lst.get("name"))
        sanction.add("programId", lst.get("id"))
        action = event.get("action")
        if action in ENDS:
            sanction.add("endDate", date)
        else:
            sanction.add("startDate", date)
            if action == "add":
                sanction.add("listingDate", date)
        sanction.add("reason", (event.get("reason") or {}).get("text"))
        sanction.add("summary", evidence or None)
        sanction.add("sourceUrl", meta.get("url"))
        sanction.add("proof", article.id)
        yield sanction.to_dict()


def _display_name(record: dict[str, Any], entity_id: str | None) -> str | None:
    ent = next((e for e in record.get("entities", []) if e["id"] == entity_id), None)
    if ent is None:
        return None
    canonical = ent.get("canonical") or {}
    return canonical.get("name") or ent["text"]


def _date(value: Any) -> str | None:
    """The ISO prefix FtM dates take (2019, 2019-10, 2019-10-08) of a newsfacts date value."""
    if not isinstance(value, str):
        return None
    m = re.match(r"\d{4}(-\d{2}(-\d{2})?)?", value)
    return m.group() if m else None
