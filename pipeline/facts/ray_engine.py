"""The facts on Ray Data: a group-by on the fact key, giving the facts of the local engine.

1. Record files are read with ``read_binary_files`` (each line keeps its file and line number for
   the bad-line messages) and flat-mapped into rows ``{kind, prelim, list, action, report}``
   (one per report; ``kind`` "record", "error" or "bad" rows carry the accounting).
2. The document-level party names (one row per distinct preliminary key after a group-by) come
   to the driver, which merges them (:func:`pipeline.facts.names.merge_parties`, as locally).
3. Each report row gets its party key, ``groupby(["party", "list", "action"]).map_groups`` builds
   each group's facts with :func:`pipeline.facts.build.build_group`, and the facts are sorted by
   (party, list, action, round) and streamed back to the driver's writer.
"""
from __future__ import annotations

import logging
from typing import Any, Iterator

import orjson

from pathlib import Path

from .build import build_group, context_from_kb, group_key, strip_computed
from .local import Stats, _fact_lines
from .names import NAME_PREFIX, kb_alias_keys, merge_parties, name_keys, party_names, preliminary_key
from .reports import BadLine, parse_line, reports_of


def _rows_of_file(row: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows of one record file: a row per report, and one per record, error record or bad line."""
    import gzip

    path, data = row["path"], row["bytes"]
    if path.endswith(".gz"):
        data = gzip.decompress(data)
    rows = []
    for n, raw in enumerate(data.splitlines(), 1):
        if not raw.strip():
            continue
        line = parse_line(raw, path, n)
        if line.bad is not None:
            rows.append(_row("bad", orjson.dumps(line.bad.to_dict())))
        elif "error" in line.record:
            rows.append(_row("error", b""))
        else:
            rows.append(_row("record", b""))
            rows.extend(_report_row(r) for r in reports_of(line.record))
    return rows


def _row(kind: str, data: bytes, prelim: str = "", list_id: str = "", action: str = "",
         names: str = "") -> dict[str, Any]:
    return {"kind": kind, "prelim": prelim, "list": list_id, "action": action, "names": names, "data": data}


def _report_row(report: dict[str, Any]) -> dict[str, Any]:
    prelim = preliminary_key(report)
    _, list_id, action = group_key(prelim, report)
    names = ""
    if prelim.startswith(NAME_PREFIX):
        names = "\x1f".join(sorted(name_keys(party_names(report["target"]))))
    return _row("report", orjson.dumps(report), prelim, list_id, action, names)


def build_ray(inputs: list[str], kb: list[Any], previous: str | None = None, stats: Stats | None = None,
              workers: int = 2, address: str | None = None) -> Iterator[dict[str, Any]]:
    """Facts from record files (and a previous facts file) on Ray, sorted as the local engine's."""
    import pandas as pd
    import ray

    from ..ray_engine import expand_inputs

    stats = stats if stats is not None else Stats()
    if not ray.is_initialized():
        ray.init(address=address, num_cpus=None if address else workers + 1, include_dashboard=False,
                 log_to_driver=False, ignore_reinit_error=True)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.default_hash_shuffle_parallelism = partitions = max(2, 2 * workers)
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    parts = []
    files = list(expand_inputs(inputs)) if inputs else []
    if files:
        parts.append(ray.data.read_binary_files(files, include_paths=True).flat_map(_rows_of_file))
    if previous:
        parts.append(ray.data.read_binary_files([str(Path(previous).resolve())], include_paths=True)
                     .flat_map(_rows_of_facts_file))
    if not parts:
        return
    rows = parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]
    rows = rows.materialize()
    _count(rows, stats)
    named = rows.filter(lambda r: r["names"] != "").groupby("prelim", num_partitions=partitions).map_groups(
        lambda g: pd.DataFrame({"prelim": [g["prelim"].iloc[0]],
                                "names": ["\x1f".join(sorted({k for s in g["names"] for k in s.split("\x1f")}))]}),
        batch_format="pandas")
    parties = {r["prelim"]: set(r["names"].split("\x1f")) for r in named.take_all()}
    merges = merge_parties(parties, kb_alias_keys(kb))
    context = context_from_kb(kb, merges)
    mapping = {prelim: party for prelim, (party, _) in merges.items()}

    def with_party(batch: pd.DataFrame) -> pd.DataFrame:
        batch = batch[batch["kind"] == "report"]
        return pd.DataFrame({"party": [mapping.get(p, p) for p in batch["prelim"]], "list": batch["list"],
                             "action": batch["action"], "data": batch["data"]})

    def facts_of_group(group: pd.DataFrame) -> pd.DataFrame:
        key = (group["party"].iloc[0], group["list"].iloc[0], group["action"].iloc[0])
        facts = build_group(key, [orjson.loads(d) for d in group["data"]], context)
        return pd.DataFrame({"party": [key[0]] * len(facts), "list": [key[1]] * len(facts),
                             "action": [key[2]] * len(facts), "round": [f["round"] for f in facts],
                             "fact": [orjson.dumps(f) for f in facts]})

    facts = (rows.map_batches(with_party, batch_format="pandas")
             .groupby(["party", "list", "action"], num_partitions=partitions).map_groups(facts_of_group, batch_format="pandas")
             .sort(["party", "list", "action", "round"]))
    for row in facts.iter_rows():
        stats.facts += 1
        yield orjson.loads(row["fact"])


def _rows_of_facts_file(row: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows of a previous facts file: one per fact, and one per report it holds."""
    import io

    rows = []
    for fact in _fact_lines(io.BytesIO(row["bytes"]), row["path"], Stats()):
        rows.append(_row("fact", b""))
        rows.extend(_report_row(strip_computed(r)) for r in fact["sources"])
    return rows


def _count(rows: Any, stats: Stats) -> None:
    """Records, error records, bad lines and reports, from the materialised rows."""
    counts = {r["kind"]: r["count()"] for r in rows.groupby("kind").count().take_all()}
    stats.records += counts.get("record", 0)
    stats.error_records += counts.get("error", 0)
    stats.reports += counts.get("report", 0)
    stats.previous_facts += counts.get("fact", 0)
    stats.input_lines += counts.get("record", 0) + counts.get("error", 0) + counts.get("bad", 0)
    for row in rows.filter(lambda r: r["kind"] == "bad").take(50):
        bad = orjson.loads(row["data"])
        stats.add_bad(BadLine(bad["source"], bad["line"], bad["error"]))
    stats.bad_lines = counts.get("bad", 0)
