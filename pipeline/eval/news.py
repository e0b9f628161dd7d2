"""The news development set: stand-off gold built from annotation files, checked against texts.

The texts of the articles stay in a local cache outside git (``corpus/news/cache/texts/<id>.txt``);
the repository keeps ``corpus/news/gold.jsonl``: per article its URL, outlet, publication date,
the SHA-256 of the text's UTF-8 bytes, and the annotations as character offsets (conventions in
``corpus/news/CONVENTIONS.md``).

An annotation file (``cache/ann/<id>.json``, written by an annotator next to the text) lists the
mentions in text order by their surface, which :func:`build_record` turns into offsets::

    {"id": "news-ko-001", "lang": "ko", "url": "...", "outlet": "...", "published": "2024-05-10",
     "mentions": [{"t": "미 상무부", "type": "GOV", "chain": "us-commerce"},
                  {"t": "중", "ctx": "미·중", "type": "LOC", "chain": "china"},
                  {"t": "9일", "type": "DATE", "norm": {"value": "2024-05-09", "precision": "day"}}],
     "chains": {"us-commerce": {"ref": ["United States Department of Commerce"]}},
     "events": [{"action": "add", "list": "us-entity-list", "authority": "us-commerce",
                 "targets": ["bd-star"], "date": {"value": "2024-05", "precision": "month"},
                 "count": 37}]}

Each mention is searched from the end of the previous one (``ctx``, a longer string around it,
is searched instead when the surface alone is ambiguous), so every occurrence must be listed.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any, Iterable, Iterator

NAME_TYPES = frozenset({"FIRM", "UNIVERSITY", "GOV", "ORG", "PERSON", "LOC"})
VALUE_TYPES = frozenset({"MONEY", "DATE", "PERCENT"})
ACTIONS = frozenset({"add", "remove", "impose", "lift", "ban", "restrict"})
LISTS = frozenset({
    "us-entity-list", "us-unverified-list", "us-meu-list", "us-sdn-list", "us-ns-cmic-list",
    "us-1260h-list", "us-uflpa-entity-list", "us-fcc-covered-list", "us-veu",
    "cn-unreliable-entity-list", "cn-export-control-list", "cn-watch-list", "cn-countermeasure-list",
    "eu-sanctions", "uk-sanctions", "un-sanctions", "jp-end-user-list", "jp-sanctions",
    "kr-strategic-items", "kr-sanctions",
})
PRECISIONS = {"year": r"\d{4}", "half": r"\d{4}-H[12]", "quarter": r"\d{4}-Q[1-4]",
              "month": r"\d{4}-\d{2}", "week": r"\d{4}-W\d{2}", "day": r"\d{4}-\d{2}-\d{2}"}
ID_RE = re.compile(r"^news-(ko|zh|en)-\d{3}$")
TEST_SHARE = 3   # one article in three of each language is in the test split


class AnnotationError(ValueError):
    """An annotation that does not fit its text or the conventions."""


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def assign_splits(records: list[dict[str, Any]]) -> None:
    """One third of each language (rounded up) is ``test``: the ids that come first when ordered
    by their SHA-256, so that the split follows neither collection order nor topic."""
    for lang in sorted({r["lang"] for r in records}):
        ids = sorted((r["id"] for r in records if r["lang"] == lang),
                     key=lambda i: hashlib.sha256(i.encode()).hexdigest())
        test = set(ids[:-(-len(ids) // TEST_SHARE)])
        for r in records:
            if r["lang"] == lang:
                r["split"] = "test" if r["id"] in test else "dev"


def read_text(path: str | Path) -> str:
    """A cached article's text exactly as stored (no newline translation)."""
    return Path(path).read_bytes().decode("utf-8")


def _locate(text: str, mention: dict[str, Any], pos: int) -> tuple[int, int]:
    surface = mention.get("t")
    if not isinstance(surface, str) or not surface or surface != surface.strip():
        raise AnnotationError(f"mention {mention!r}: 't' must be a non-empty string without outer spaces")
    ctx = mention.get("ctx")
    if ctx is not None:
        at = text.find(ctx, pos)
        inner = ctx.find(surface) if at >= 0 else -1
        if inner < 0:
            raise AnnotationError(f"context {ctx!r} (holding {surface!r}) not found after offset {pos}")
        start = at + inner
    else:
        start = text.find(surface, pos)
        if start < 0:
            raise AnnotationError(f"mention {surface!r} not found after offset {pos} "
                                  f"(near {text[max(0, pos - 20):pos + 20]!r})")
    return start, start + len(surface)


def _check_norm(mention: dict[str, Any]) -> None:
    norm, typ = mention.get("norm"), mention["type"]
    if norm is None:
        return
    if typ == "MONEY" and not (isinstance(norm.get("value"), (int, float)) and
                               re.fullmatch(r"[A-Z]{3}", str(norm.get("currency")))):
        raise AnnotationError(f"MONEY norm {norm!r}: needs a number 'value' and an ISO 'currency'")
    if typ == "PERCENT" and not isinstance(norm.get("value"), (int, float)):
        raise AnnotationError(f"PERCENT norm {norm!r}: needs a number 'value'")
    if typ == "DATE":
        for part in ([norm["start"], norm["end"]] if "start" in norm else [norm]):
            pattern = PRECISIONS.get(part.get("precision", ""))
            if pattern is None or not re.fullmatch(pattern, str(part.get("value"))):
                raise AnnotationError(f"DATE norm {norm!r}: value does not fit its precision")


def _check_date(date: Any) -> None:
    if date is None:
        return
    pattern = PRECISIONS.get(date.get("precision", "")) if isinstance(date, dict) else None
    if pattern is None or not re.fullmatch(pattern, str(date.get("value"))):
        raise AnnotationError(f"event date {date!r}: needs 'value' and a matching 'precision'")


def build_record(ann: dict[str, Any], text: str) -> dict[str, Any]:
    """The stand-off gold record of one annotated article (no text in it); raises
    :class:`AnnotationError` with the reason when the annotation does not fit."""
    doc_id = ann.get("id", "")
    if not ID_RE.match(doc_id) or doc_id.split("-")[1] != ann.get("lang"):
        raise AnnotationError(f"id {doc_id!r} must be news-<lang>-NNN with lang {ann.get('lang')!r}")
    for key in ("url", "outlet"):
        if not ann.get(key):
            raise AnnotationError(f"{doc_id}: '{key}' is missing")
    if ann.get("published") is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", ann["published"]):
        raise AnnotationError(f"{doc_id}: published {ann['published']!r} is not YYYY-MM-DD")
    entities, pos, chains_used = [], 0, {}
    for i, mention in enumerate(ann.get("mentions", [])):
        typ = mention.get("type")
        if typ not in NAME_TYPES | VALUE_TYPES:
            raise AnnotationError(f"{doc_id}: mention {mention!r}: unknown type {typ!r}")
        try:
            start, end = _locate(text, mention, pos)
            _check_norm(mention)
        except AnnotationError as exc:
            raise AnnotationError(f"{doc_id}: {exc}") from None
        entity: dict[str, Any] = {"id": f"T{i + 1}", "start": start, "end": end, "type": typ}
        if typ in NAME_TYPES:
            chain = mention.get("chain")
            if not isinstance(chain, str) or not chain:
                raise AnnotationError(f"{doc_id}: name mention {mention['t']!r} has no 'chain'")
            entity["chain"] = chain
            chains_used.setdefault(chain, entity["id"])
        elif mention.get("norm") is not None:
            entity["norm"] = mention["norm"]
        entities.append(entity)
        pos = end
    chains = ann.get("chains") or {}
    for key, chain in chains.items():
        if key not in chains_used:
            raise AnnotationError(f"{doc_id}: chain {key!r} has no mention")
        refs = chain.get("ref")
        if not (isinstance(refs, list) and refs and all(isinstance(r, str) and r for r in refs)):
            raise AnnotationError(f"{doc_id}: chain {key!r}: 'ref' must be a list of names")
    events = []
    for j, ev in enumerate(ann.get("events", [])):
        where = f"{doc_id}: event {j + 1}"
        if ev.get("action") not in ACTIONS:
            raise AnnotationError(f"{where}: action {ev.get('action')!r} is not one of {sorted(ACTIONS)}")
        if ev.get("list") is not None and ev["list"] not in LISTS:
            raise AnnotationError(f"{where}: list {ev['list']!r} is not in the conventions' table")
        keys = list(ev.get("targets", [])) + ([ev["authority"]] if ev.get("authority") else [])
        for key in keys:
            if key not in chains_used:
                raise AnnotationError(f"{where}: chain {key!r} has no mention")
            if key not in chains:
                raise AnnotationError(f"{where}: chain {key!r} is a target or authority without 'ref'")
        try:
            _check_date(ev.get("date"))
        except AnnotationError as exc:
            raise AnnotationError(f"{where}: {exc}") from None
        if ev.get("count") is not None and not (isinstance(ev["count"], int) and ev["count"] > 0):
            raise AnnotationError(f"{where}: count must be a positive integer")
        event = {"id": f"E{j + 1}", "action": ev["action"], "list": ev.get("list"),
                 "authority": ev.get("authority"), "targets": list(ev.get("targets", [])),
                 "date": ev.get("date")}
        if ev.get("count") is not None:
            event["count"] = ev["count"]
        events.append(event)
    return {"id": doc_id, "lang": ann["lang"], "split": "dev", "url": ann["url"],
            "outlet": ann["outlet"], "published": ann.get("published"), "sha256": text_hash(text),
            "chars": len(text), "entities": entities,
            "chains": {k: {"ref": v["ref"]} for k, v in sorted(chains.items())}, "events": events}


def build(ann_dir: str | Path, texts_dir: str | Path,
          lang: str = "*") -> tuple[list[dict[str, Any]], list[str]]:
    """Gold records for every annotation file (of ``lang``) with its text, and the problems found."""
    records, problems = [], []
    for path in sorted(Path(ann_dir).glob(f"news-{lang}-*.json")):
        text_path = Path(texts_dir) / f"{path.stem}.txt"
        try:
            ann = json.loads(path.read_text(encoding="utf-8"))
            if not text_path.exists():
                raise AnnotationError(f"{path.stem}: no text at {text_path}")
            records.append(build_record(ann, read_text(text_path)))
        except (AnnotationError, json.JSONDecodeError, KeyError, AttributeError, TypeError) as exc:
            problems.append(f"{path.name}: {exc}")
    assign_splits(records)
    return records, problems


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def check(records: Iterable[dict[str, Any]], texts_dir: str | Path) -> dict[str, list[str]]:
    """Which gold articles have their text in ``texts_dir`` unchanged, which are missing or differ."""
    out: dict[str, list[str]] = {"ok": [], "missing": [], "changed": []}
    for record in records:
        path = Path(texts_dir) / f"{record['id']}.txt"
        if not path.exists():
            out["missing"].append(record["id"])
        elif text_hash(read_text(path)) != record["sha256"]:
            out["changed"].append(record["id"])
        else:
            out["ok"].append(record["id"])
    return out


def with_texts(records: Iterable[dict[str, Any]], texts_dir: str | Path,
               split: str | None = None) -> Iterator[dict[str, Any]]:
    """The gold records of ``split`` (all when None) whose text is present and unchanged, each with
    its ``text`` and ``meta`` filled in: gold for ``newsfacts eval`` and input for ``newsfacts run``."""
    for record in records:
        if split and record["split"] != split:
            continue
        path = Path(texts_dir) / f"{record['id']}.txt"
        if not path.exists():
            continue
        text = read_text(path)
        if text_hash(text) != record["sha256"]:
            continue
        meta = {k: record[k] for k in ("url", "outlet", "published") if record.get(k)}
        yield {**record, "text": text, "meta": meta}
