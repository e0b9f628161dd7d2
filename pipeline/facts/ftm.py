"""Facts as FollowTheMoney entities (``newsfacts facts --format ftm``).

Per fact, one ``Sanction``: ``entity`` (the target), ``authority`` (its name) and ``authorityId``,
``program`` (list name) and ``programId`` (list id), ``listingDate``/``startDate`` (``endDate``
for a removal or a lifting), ``status`` (the official status), ``recordId`` (the fact id),
``summary`` (the evidence of each report), ``sourceUrl`` of every report and ``proof``: one
``Article`` per supporting record (title, publishedAt, sourceUrl, language). The target is a
``Company``, ``Organization``, ``PublicBody`` or ``Person`` as in the per-record FtM output
(``pipeline/integrations/ftm.py``), a ``LegalEntity`` for other parties (a country), with its
names in every language. Ids are those of the per-record output (a KB party hashes its KB id,
an article its record id), so the two outputs merge; each entity is written once.
"""
from __future__ import annotations

from typing import Any, Iterator

from ..integrations.ftm import ENDS, ID_PREFIX, SCHEMATA, _date, _model, article_entity


class FtmWriter:
    """Turns facts into FtM entity dicts, each target and article written once."""

    def __init__(self) -> None:
        self.model = _model()
        self.seen: set[str] = set()

    def entities(self, fact: dict[str, Any]) -> Iterator[dict[str, Any]]:
        target = self._target(fact["target"])
        if target.id not in self.seen:
            self.seen.add(target.id)
            yield target.to_dict()
        sanction = self.model.make_entity("Sanction")
        sanction.make_id(ID_PREFIX, "fact", fact["id"])
        sanction.add("entity", target.id)
        authority = fact.get("authority") or {}
        sanction.add("authority", authority.get("name"))
        sanction.add("authorityId", authority.get("id"))
        lst = fact.get("list") or {}
        sanction.add("program", lst.get("name"))
        sanction.add("programId", lst.get("id"))
        date = _date((fact.get("date") or {}).get("value"))
        if fact["action"] in ENDS:
            sanction.add("endDate", date)
        else:
            sanction.add("startDate", date)
            if fact["action"] == "add":
                sanction.add("listingDate", date)
        sanction.add("status", fact["official"]["status"])
        sanction.add("recordId", fact["id"])
        for source in fact["sources"]:
            article = self._article(source)
            if article.id not in self.seen:
                self.seen.add(article.id)
                yield article.to_dict()
            sanction.add("proof", article.id)
            sanction.add("sourceUrl", source.get("url"))
            sanction.add("summary", " … ".join(e["text"] for e in source.get("evidence", [])) or None)
        yield sanction.to_dict()

    def _target(self, target: dict[str, Any]) -> Any:
        proxy = self.model.make_entity(SCHEMATA.get(target.get("type") or "", "LegalEntity"))
        proxy.make_id(ID_PREFIX, "entity", target["id"])
        names = [target.get("name"), *(target.get("names") or {}).values()]
        proxy.add("name", [n for n in names if n] or target["id"])
        if target.get("type") == "UNIVERSITY":
            proxy.add("classification", "university")
        return proxy

    def _article(self, source: dict[str, Any]) -> Any:
        return article_entity(self.model, source["record"], source.get("lang"), source)
