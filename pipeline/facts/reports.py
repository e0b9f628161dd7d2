"""Reports: one per (event, target) of an output record, with all a fact needs to be rebuilt.

A report is a plain dict (JSON-ready), so that it travels through an on-disk store, Ray blocks
and the facts file itself (``--update`` rebuilds facts from the reports they hold)::

    {"record": "ko-02", "lang": "ko", "published": "2019-10-09", "url": ..., "title": ...,
     "event": "E1", "action": "add", "list": {"id", "name", "authority"} | None,
     "target": {"mention": "T3", "text": "하이크비전", "type": "FIRM", "id": "nf:hikvision",
                "name": "Hikvision", "names": {...}},
     "authority": {"text", "id", "name", "names"} | None,
     "date": {"value", "precision"} | None,
     "evidence": [{"start", "end", "text"}], "marks": [{"start", "end"}],   # target mentions in it
     "score": 0.9, "count": 28}

Records are read as the JSONL lines ``newsfacts run`` writes; a line that is not such a record
gives a :class:`BadLine` (where and why), and reading goes on.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

import orjson

from ..io import iter_inputs


@dataclass(frozen=True, slots=True)
class BadLine:
    """An input line that is not an output record: file, line number and what is wrong."""

    source: str
    line: int
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "line": self.line, "error": self.message}


@dataclass(frozen=True, slots=True)
class RecordLine:
    """One input line: a record (or an error record of ``newsfacts run``), or a bad line."""

    size: int                       # bytes, for the progress bar
    record: dict[str, Any] | None
    bad: BadLine | None = None


def read_records(paths: list[str]) -> Iterator[RecordLine]:
    """The lines of record files (JSONL, ``.gz``, directories, ``-``), parsed, in input order."""
    for raw in iter_inputs(paths):
        size = len(raw.payload)
        if raw.kind != "jsonl":
            reason = raw.payload.decode("utf-8", "replace") if raw.kind == "error" else \
                f"a {raw.kind} file is no record file (give the JSONL that newsfacts run writes)"
            yield RecordLine(size, None, BadLine(raw.source, raw.line, reason))
            continue
        yield parse_line(raw.payload, raw.source, raw.line)


def parse_line(payload: bytes, source: str, line: int) -> RecordLine:
    """A JSONL line as a record, or the reason it is none."""
    try:
        record = orjson.loads(payload)
    except orjson.JSONDecodeError as exc:
        return RecordLine(len(payload), None, BadLine(source, line, f"not JSON: {exc}"))
    problem = check_record(record)
    if problem:
        return RecordLine(len(payload), None, BadLine(source, line, problem))
    return RecordLine(len(payload), record)


def check_record(record: Any) -> str | None:
    """Why ``record`` is neither an output record nor an error record, or None."""
    if not isinstance(record, dict):
        return "not a JSON object"
    if "error" in record:
        return None
    for key, kind in (("id", str), ("text", str), ("entities", list), ("events", list)):
        if not isinstance(record.get(key), kind):
            return f"not an output record: {key!r} missing or not a {kind.__name__}"
    return None


def reports_of(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The reports of one output record (none for an error record); malformed parts are skipped."""
    if "error" in record:
        return []
    text: str = record["text"]
    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    entities = {e.get("id"): e for e in record["entities"] if isinstance(e, dict)}
    mentions = _mentions(entities.values())
    reports = []
    for event in record["events"]:
        if not isinstance(event, dict) or not isinstance(event.get("targets"), list):
            continue
        evidence = _spans(event.get("evidence"), text)
        for target_id in event["targets"]:
            target = entities.get(target_id)
            if target is None:
                continue
            reports.append({
                "record": record["id"], "lang": record.get("lang"),
                "published": _str(meta.get("published")), "url": _str(meta.get("url")),
                "title": _str(meta.get("title")), "event": event.get("id"),
                "action": event.get("action"), "list": _list(event.get("list")),
                "target": {"mention": target_id, **_party(target)},
                "authority": _party(entities[event["authority"]]) if event.get("authority") in entities else None,
                "date": _date(event.get("date")),
                "evidence": evidence, "marks": _marks(target, mentions, evidence),
                "score": event.get("score"), "count": event.get("count"),
            })
    return reports


def _party(entity: dict[str, Any]) -> dict[str, Any]:
    canonical = entity.get("canonical") if isinstance(entity.get("canonical"), dict) else {}
    names = canonical.get("names") if isinstance(canonical.get("names"), dict) else {}
    return {"text": entity.get("text"), "type": entity.get("type"), "id": _str(canonical.get("id")),
            "name": _str(canonical.get("name")), "names": {k: v for k, v in sorted(names.items()) if v}}


def _spans(spans: Any, text: str) -> list[dict[str, Any]]:
    out = []
    for s in spans if isinstance(spans, list) else []:
        if isinstance(s, dict) and isinstance(s.get("start"), int) and isinstance(s.get("end"), int) \
                and 0 <= s["start"] < s["end"] <= len(text):
            out.append({"start": s["start"], "end": s["end"], "text": text[s["start"]:s["end"]]})
    return out


def _mentions(entities: Any) -> dict[str, list[tuple[int, int]]]:
    """Canonical id -> the spans of its mentions in the record."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for e in entities:
        cid = (e.get("canonical") or {}).get("id")
        if cid and isinstance(e.get("start"), int) and isinstance(e.get("end"), int):
            spans.setdefault(cid, []).append((e["start"], e["end"]))
    return spans


def _marks(target: dict[str, Any], mentions: dict[str, list[tuple[int, int]]],
           evidence: list[dict[str, Any]]) -> list[dict[str, int]]:
    """Spans of the target's mentions (the mention and its coreferent ones) inside the evidence."""
    cid = (target.get("canonical") or {}).get("id")
    spans = set(mentions.get(cid, []) if cid else [])
    if isinstance(target.get("start"), int) and isinstance(target.get("end"), int):
        spans.add((target["start"], target["end"]))
    inside = {(a, b) for a, b in spans if any(s["start"] <= a and b <= s["end"] for s in evidence)}
    return [{"start": a, "end": b} for a, b in sorted(inside)]


def _list(value: Any) -> dict[str, Any] | None:
    if not isinstance(value, dict) or not isinstance(value.get("id"), str):
        return None
    return {"id": value["id"], "name": _str(value.get("name")) or value["id"],
            "authority": _str(value.get("authority"))}


def _date(value: Any) -> dict[str, str] | None:
    if isinstance(value, dict) and isinstance(value.get("value"), str):
        return {"value": value["value"], "precision": _str(value.get("precision")) or "day"}
    return None


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None
