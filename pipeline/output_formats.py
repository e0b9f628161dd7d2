"""Output formats of ``newsfacts run --format``: the records re-expressed for other tools.

- ``jsonl``: one output record per input line (the contract; pipeline/schema/).
- ``facts``: one JSON line per entity mention, relation and event, each with its document id,
  for loading into a database or a graph (see :func:`facts`).
- ``ftm``: FollowTheMoney entities, one JSON line each (pipeline/integrations/ftm.py).
- ``parquet``: one Parquet file, one nested row per record (pipeline/integrations/hf.py).
- ``hf``: a Hugging Face ``datasets`` directory (``load_from_disk``), same rows.

The pipeline always writes JSONL; another format converts it once the run is over.
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import orjson

from .errors import ConfigError

FORMATS = ("jsonl", "facts", "ftm", "parquet", "hf")
FILE_ONLY = {"parquet", "hf"}


def node(record: dict[str, Any], entity: dict[str, Any] | None) -> str | None:
    """A graph node id for an entity: its canonical id, else ``DOC#Tn`` (one document's mention)."""
    if entity is None:
        return None
    canonical = entity.get("canonical") or {}
    return canonical.get("id") or f'{record["id"]}#{entity["id"]}'


def facts(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Fact lines of one record: ``kind`` entity, event, relation (or error), each with ``doc``.

    Each event also gives one ``relation`` per target (``sanction.ACTION``, authority -> target),
    after the record's own ``relations``; ``*_node`` fields are graph node ids (:func:`node`).
    """
    doc = record.get("id")
    if "error" in record:
        yield {"doc": doc, "kind": "error", "line": record.get("line"),
               "source": record.get("source"), "error": record["error"]}
        return
    entities = {e["id"]: e for e in record.get("entities", [])}
    for ent in record.get("entities", []):
        yield {"doc": doc, "kind": "entity", **ent, "node": node(record, ent)}
    for rel in record.get("relations", []):
        yield {"doc": doc, "kind": "relation", **rel,
               "subject_node": node(record, entities.get(rel.get("subject"))),
               "object_node": node(record, entities.get(rel.get("object")))}
    text = record["text"]
    for ev in record.get("events", []):
        authority = ev.get("authority")
        yield {"doc": doc, "kind": "event", **ev,
               "evidence_text": [text[s["start"]:s["end"]] for s in ev.get("evidence", [])],
               "authority_node": node(record, entities.get(authority)),
               "target_nodes": [node(record, entities.get(t)) for t in ev.get("targets", [])]}
        if authority is None:
            continue
        for target in ev.get("targets", []):
            yield {"doc": doc, "kind": "relation", "id": f'{ev["id"]}:{target}',
                   "type": f'sanction.{ev.get("action")}', "subject": authority, "object": target,
                   "event": ev["id"], "list": (ev.get("list") or {}).get("id"),
                   "date": (ev.get("date") or {}).get("value"),
                   "subject_node": node(record, entities.get(authority)),
                   "object_node": node(record, entities.get(target))}


def iter_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """Records of a JSONL output file."""
    with open(path, "rb") as fh:
        for line in fh:
            if line.strip():
                yield orjson.loads(line)


def write(records: Iterable[dict[str, Any]], fmt: str, output: str) -> int:
    """Write ``records`` to ``output`` (``-``: stdout for line formats) in ``fmt``; returns lines/rows."""
    if fmt in FILE_ONLY and output == "-":
        raise ConfigError(f"--format {fmt} writes files: give -o PATH")
    if fmt == "parquet":
        from .integrations.hf import write_parquet

        return write_parquet(records, output)
    if fmt == "hf":
        from .integrations.hf import save_dataset

        return save_dataset(records, output)
    expand = _line_formats()[fmt]
    from .io import open_output, write_lines

    out = open_output(output)
    count = 0
    try:
        for record in records:
            lines = [orjson.dumps(item) for item in expand(record)]
            write_lines(out, lines)
            count += len(lines)
    finally:
        if output != "-":
            out.close()
    return count


def _line_formats() -> dict[str, Callable[[dict[str, Any]], Iterable[dict[str, Any]]]]:
    from .integrations.ftm import ftm_entities

    return {"jsonl": lambda r: [r], "facts": facts, "ftm": ftm_entities}


def run_with_format(args: argparse.Namespace, run_jsonl: Callable[[argparse.Namespace], int]) -> int:
    """Run ``newsfacts run`` into a temporary JSONL file, then write ``args.format`` to ``args.output``."""
    if args.format in FILE_ONLY and args.output == "-":
        raise ConfigError(f"--format {args.format} writes files: give -o PATH")
    if args.resume:
        raise ConfigError("--resume works with --format jsonl only")
    where = None if args.output == "-" else Path(args.output).resolve().parent
    if where is not None:
        where.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=where, prefix=".newsfacts-") as tmp:
        jsonl = Path(tmp) / "records.jsonl"
        rc = run_jsonl(argparse.Namespace(**{**vars(args), "output": str(jsonl), "format": "jsonl"}))
        if jsonl.exists():
            write(iter_jsonl(jsonl), args.format, args.output)
    return rc
