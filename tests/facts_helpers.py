"""Hand-made output records for the facts tests: one sanction event per record, real-looking texts."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def record(rid: str, lang: str, text: str, target: str, *, target_id: str | None = None,
           target_name: str | None = None, names: dict[str, str] | None = None,
           authority: str | None = None, authority_id: str | None = None,
           list_id: str | None = "us-entity-list", action: str = "add", date: str | None = None,
           precision: str = "day", published: str | None = None, url: str | None = None,
           target_type: str = "FIRM") -> dict[str, Any]:
    """A schema-valid output record whose one event lists ``target`` (found in ``text``)."""
    start = text.index(target)
    entities = [{"id": "T1", "text": target, "type": target_type, "start": start, "end": start + len(target),
                 "source": "rule", "score": 1.0,
                 "canonical": {"id": target_id or f"doc:{rid}-t1", "name": target_name or target,
                               **({"names": names} if names else {})}}]
    event: dict[str, Any] = {"id": "E1", "type": "sanction", "action": action, "authority": None,
                             "targets": ["T1"], "evidence": [{"start": 0, "end": len(text)}], "score": 0.9}
    if authority:
        a = text.index(authority)
        entities.append({"id": "T2", "text": authority, "type": "GOV", "start": a, "end": a + len(authority),
                         "source": "kb", "score": 1.0,
                         "canonical": {"id": authority_id or "nf:us-commerce", "name": authority}})
        event["authority"] = "T2"
    if list_id:
        event["list"] = {"id": list_id, "name": list_id.replace("-", " ").title(), "authority": "nf:us-bis"}
    if date:
        event["date"] = {"value": date, "precision": precision}
    meta = {k: v for k, v in (("published", published), ("url", url)) if v}
    return {"schema": "1.0", "id": rid, "lang": lang, "text": text, "meta": meta,
            "sentences": [{"start": 0, "end": len(text), "lang": lang}], "entities": entities,
            "events": [event]}


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def ftm_validated(data: list[dict]) -> dict[str, object]:
    """Parse every FtM entity with followthemoney, check each value, required property and
    reference; id -> proxy."""
    from followthemoney import model

    proxies = {}
    for d in data:
        proxy = model.get_proxy(d, cleaned=False)
        assert proxy.id and proxy.id not in proxies
        for prop, value in proxy.itervalues():
            assert prop.type.validate(value), (proxy.schema.name, prop.name, value)
        for name in proxy.schema.required:
            assert proxy.get(name), (proxy.schema.name, name)
        proxies[proxy.id] = proxy
    for proxy in proxies.values():
        for prop, value in proxy.itervalues():
            if prop.type.name == "entity":
                assert value in proxies, f"{proxy.schema.name}.{prop.name} -> {value} not emitted"
    return proxies
