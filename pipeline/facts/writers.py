"""Writers of facts (JSONL, CSV, Parquet, FollowTheMoney), the per-party summary and the table.

JSONL is the full fact, sources included (what ``--update`` and ``newsfacts show --facts``
read). CSV and Parquet hold one flat row per fact (:func:`flat_row`): scalars, names per
language, counts per language, the distinct dates, the record ids and URLs of the sources; the
sources themselves and the merge record as JSON text. Facts arrive sorted by party, so the
per-party summary is written as they stream by.
"""
from __future__ import annotations

import csv
import io
from typing import IO, Any, Iterable, Iterator

import orjson

FORMATS = ("jsonl", "parquet", "csv", "ftm")
LANGS = ("ko", "zh", "en")
PARQUET_BATCH = 2000

COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "str"), ("target_id", "str"), ("target_name", "str"), ("target_name_ko", "str"),
    ("target_name_zh", "str"), ("target_name_en", "str"), ("target_type", "str"),
    ("authority_id", "str"), ("authority_name", "str"), ("list_id", "str"), ("list_name", "str"),
    ("action", "str"), ("round", "int"), ("rounds", "int"), ("date", "str"), ("date_precision", "str"),
    ("first_published", "str"), ("dates", "str"), ("date_conflict", "bool"), ("reports", "int"),
    ("documents", "int"), ("reports_ko", "int"), ("reports_zh", "int"), ("reports_en", "int"),
    ("official_status", "str"), ("official_date_match", "bool"), ("records", "str"), ("urls", "str"),
    ("merged", "str"), ("sources", "str"),
)


def flat_row(fact: dict[str, Any]) -> dict[str, Any]:
    """One fact as a flat row of :data:`COLUMNS`."""
    target, authority = fact["target"], fact.get("authority") or {}
    lst, date, official = fact.get("list") or {}, fact.get("date") or {}, fact["official"]
    sources = fact["sources"]
    return {
        "id": fact["id"], "target_id": target["id"], "target_name": target.get("name"),
        **{f"target_name_{lang}": (target.get("names") or {}).get(lang) for lang in LANGS},
        "target_type": target.get("type"), "authority_id": authority.get("id"),
        "authority_name": authority.get("name"), "list_id": lst.get("id"), "list_name": lst.get("name"),
        "action": fact["action"], "round": fact["round"], "rounds": fact["rounds"],
        "date": date.get("value"), "date_precision": date.get("precision"),
        "first_published": fact.get("first_published"),
        "dates": ";".join(f'{d["value"]}/{d["precision"]}' for d in fact["dates"]),
        "date_conflict": fact["date_conflict"], "reports": fact["reports"], "documents": fact["documents"],
        **{f"reports_{lang}": fact["languages"].get(lang, 0) for lang in LANGS},
        "official_status": official["status"], "official_date_match": official.get("date_match"),
        "records": ";".join(dict.fromkeys(s["record"] for s in sources)),
        "urls": ";".join(dict.fromkeys(s["url"] for s in sources if s.get("url"))),
        "merged": orjson.dumps(target["merged"]).decode() if target.get("merged") else None,
        "sources": orjson.dumps(sources).decode(),
    }


def write_jsonl(facts: Iterable[dict[str, Any]], out: IO[bytes]) -> None:
    for fact in facts:
        out.write(orjson.dumps(fact) + b"\n")


def write_csv(facts: Iterable[dict[str, Any]], out: IO[bytes]) -> None:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=[name for name, _ in COLUMNS], lineterminator="\n")
    writer.writeheader()
    for fact in facts:
        writer.writerow(flat_row(fact))
    text.detach()


def write_parquet(facts: Iterable[dict[str, Any]], path: str) -> None:
    """One Parquet file, written a row group at a time (pyarrow)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        from ..errors import NewsfactsError

        raise NewsfactsError("--format parquet needs pyarrow: pip install 'newsfacts[hf]'") from exc

    types = {"str": pa.string(), "int": pa.int64(), "bool": pa.bool_()}
    schema = pa.schema([(name, types[kind]) for name, kind in COLUMNS])
    with pq.ParquetWriter(path, schema) as writer:
        for batch in _batches(map(flat_row, facts), PARQUET_BATCH):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))


def _batches(rows: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_ftm(facts: Iterable[dict[str, Any]], out: IO[bytes]) -> None:
    from .ftm import FtmWriter

    writer = FtmWriter()
    for fact in facts:
        for entity in writer.entities(fact):
            out.write(orjson.dumps(entity) + b"\n")


def party_summaries(facts: Iterable[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], dict[str, Any] | None]]:
    """Pass the facts through, and after the last fact of each party its summary (else None).

    Facts come sorted by party (the engines sort them so), so a party's facts are contiguous.
    """
    current: dict[str, Any] | None = None
    for fact in facts:
        party = fact["target"]["id"]
        done = None
        if current is not None and current["id"] != party:
            done, current = current, None
        if current is None:
            current = {"id": party, "name": fact["target"].get("name"),
                       "names": fact["target"].get("names", {}), "type": fact["target"].get("type"),
                       "facts": 0, "reports": 0, "languages": {}, "lists": [], "first_date": None,
                       "last_date": None, "statuses": {}, "date_conflicts": 0, "items": []}
        _fold_into(current, fact)
        yield fact, done
    if current is not None:
        yield {}, current


def _fold_into(summary: dict[str, Any], fact: dict[str, Any]) -> None:
    summary["facts"] += 1
    summary["reports"] += fact["reports"]
    for lang, n in fact["languages"].items():
        summary["languages"][lang] = summary["languages"].get(lang, 0) + n
    summary["languages"] = dict(sorted(summary["languages"].items()))
    list_id = (fact.get("list") or {}).get("id")
    if list_id and list_id not in summary["lists"]:
        summary["lists"] = sorted([*summary["lists"], list_id])
    when = (fact.get("date") or {}).get("value")
    if when:
        summary["first_date"] = min(filter(None, (summary["first_date"], when)))
        summary["last_date"] = max(filter(None, (summary["last_date"], when)))
    status = fact["official"]["status"]
    summary["statuses"][status] = summary["statuses"].get(status, 0) + 1
    summary["statuses"] = dict(sorted(summary["statuses"].items()))
    summary["date_conflicts"] += bool(fact["date_conflict"])
    summary["items"].append({"fact": fact["id"], "list": list_id, "action": fact["action"],
                             "round": fact["round"], "date": fact.get("date"),
                             "reports": fact["reports"], "languages": fact["languages"],
                             "status": status, "date_conflict": fact["date_conflict"]})


def table(facts: list[dict[str, Any]], total: int, width: int = 28) -> str:
    """A short text table: the facts with the most reports (up to ``len(facts)``), then a count."""
    header = ("date", "target", "list", "action", "reports", "languages", "official", "flag")
    rows = [header]
    for f in facts:
        rows.append(((f.get("date") or {}).get("value") or "-", _cut(f["target"].get("name") or f["target"]["id"], width),
                     (f.get("list") or {}).get("id") or "-", f["action"], str(f["reports"]),
                     " ".join(f"{k}:{v}" for k, v in f["languages"].items()), f["official"]["status"],
                     "date conflict" if f["date_conflict"] else ""))
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip() for r in rows]
    if total > len(facts):
        lines.append(f"... {total - len(facts)} more facts")
    return "\n".join(lines)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
