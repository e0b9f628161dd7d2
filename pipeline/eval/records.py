"""Gold and prediction records: reading newsfacts JSONL, and turning a reader's document into gold."""
from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any, Iterator

from ..io import json_objects
from .tagmap import TagMap


def read_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSONL file (``.gz`` too); a bad line is an :class:`~pipeline.errors.InputError`."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as fh:
        for _, obj in json_objects(fh, path):
            yield obj


def gold_record(doc: dict[str, Any], tags: TagMap | None, meta: dict[str, Any]) -> dict[str, Any]:
    """A newsfacts gold record from a reader document; types mapped by ``tags`` (kept when None).

    The record has no ``events`` key: the public sets do not annotate events, so the scorer
    leaves events out for these documents.
    """
    entities = [{"id": f"T{i}", "text": e["text"],
                 "type": tags.to_newsfacts(e["type"]) if tags else e["type"],
                 "start": e["start"], "end": e["end"], "source": "gold"}
                for i, e in enumerate(doc["entities"], 1)]
    record = {"id": doc["id"], "lang": doc["lang"], "text": doc["text"], "meta": meta,
              "entities": entities}
    if "tokens" in doc:
        record["tokens"] = [{"start": s, "end": e, "text": doc["text"][s:e]} for s, e in doc["tokens"]]
    return record
