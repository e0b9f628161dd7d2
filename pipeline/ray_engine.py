"""Run the pipeline on Ray Data: the same stages and records as the local runner, on a cluster.

Files are read with ``read_binary_files`` (so that each line keeps its file and line number for
error records), split into raw records, processed by ``map_batches`` with a class-based stage
that builds the pipeline once per actor, and written as JSONL shards in input order.
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import numpy as np

from . import io as nio
from .batch import Answer, RunStats, process_batch

OUTPUT_SUFFIX = ".jsonl"
BLOCK_BATCHES = 4       # batches per block: small enough that every actor gets blocks, large enough to cost little


def expand_inputs(inputs: list[str]) -> dict[str, str]:
    """Input files (directories expanded as the local reader does) -> the name used as ``source``.

    Paths with a scheme (``s3://...``) are passed to Ray as they are.
    """
    files: dict[str, str] = {}
    for item in inputs:
        if "://" in item:
            files[item] = item
            continue
        p = Path(item)
        if p.is_dir():
            for child in sorted(q for q in p.rglob("*") if q.is_file() and nio._kind(q)):
                files[str(child.resolve())] = str(child)
        elif p.is_file():
            files[str(p.resolve())] = str(p)
        else:
            raise FileNotFoundError(f"input not found: {item}")
    return files


class PipelineActor:
    """A Ray Data callable class: builds this actor's pipeline once, then processes batches."""

    def __init__(self, config: dict[str, Any]) -> None:
        from .runner import load

        for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
            os.environ[var] = "1"
        self.pipe = load(config)
        self.pipe.setup()

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        raws = [nio.RawRecord(str(s), int(n), str(k), bytes(p))
                for s, n, k, p in zip(batch["source"], batch["line"], batch["kind"], batch["payload"])]
        results = process_batch(self.pipe, raws)
        return {"line": np.array([answer.line for answer in results], dtype=object)}


def _split(sources: dict[str, str]) -> Any:
    def split(row: dict[str, Any]) -> list[dict[str, Any]]:
        path = row["path"]
        source = sources.get(path) or sources.get("/" + path.lstrip("/")) or path
        kind = nio._kind(Path(path)) or "jsonl"
        data: bytes = row["bytes"]
        if path.endswith(".gz"):
            import gzip

            data = gzip.decompress(data)
        if kind != "jsonl":
            return [{"source": source, "line": 1, "kind": kind, "payload": data}]
        return [{"source": source, "line": n, "kind": kind, "payload": line}
                for n, line in enumerate(data.splitlines(keepends=True), 1) if line.strip()]

    return split


def run_ray(inputs: list[str], output_dir: str, config: dict[str, Any], workers: int,
            address: str | None = None, timings: dict[str, float] | None = None) -> RunStats:
    """Process ``inputs`` on Ray (local, or the cluster at ``address``) into JSONL shards.

    After reading, the records are cut into blocks of about ``run.batch_size`` × ``BLOCK_BATCHES``
    records (``repartition`` without shuffling, so the order holds): one large JSONL file then
    keeps every actor busy, where a block per file gave all of it to one actor. ``timings`` (if
    given) receives ``ray_start`` (starting or joining Ray) and ``run`` (the rest), in seconds.
    """
    import ray
    from ray.data.datasource import BlockBasedFileDatasink

    class JsonlDatasink(BlockBasedFileDatasink):
        def __init__(self, path: str) -> None:
            super().__init__(path, file_format="jsonl")

        def write_block_to_file(self, block: Any, file: Any) -> None:
            lines = block.to_pandas()["line"]
            file.write(b"".join(bytes(line) + b"\n" for line in lines))

    sources = expand_inputs(inputs)
    started = time.perf_counter()
    if not ray.is_initialized():
        ray.init(address=address, num_cpus=None if address else workers + 1, include_dashboard=False,
                 log_to_driver=False, ignore_reinit_error=True)
    ray_started = time.perf_counter()
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False
    batch_size = int(config.get("run", {}).get("batch_size", 64))
    records = ray.data.read_binary_files(list(sources), include_paths=True).flat_map(_split(sources)).materialize()
    blocks = max(1, -(-records.count() // (batch_size * BLOCK_BATCHES)))
    ds = (records.repartition(max(blocks, workers), shuffle=False)
          .map_batches(PipelineActor, fn_constructor_args=(config,), batch_size=batch_size,
                       concurrency=workers, batch_format="numpy"))
    ds.write_datasink(JsonlDatasink(output_dir))
    if timings is not None:
        timings.update(ray_start=ray_started - started, run=time.perf_counter() - ray_started)
    stats = shard_stats(output_dir)
    stats.seconds = time.perf_counter() - started
    return stats


def output_shards(output_dir: str) -> list[Path]:
    """The JSONL shards of a Ray run, in input order."""
    return sorted(Path(output_dir).glob(f"*{OUTPUT_SUFFIX}"), key=_shard_key)


def _shard_key(path: Path) -> tuple[int, ...]:
    return tuple(int(part) for part in path.stem.split("_")[1:] if part.isdigit())


def shard_stats(output_dir: str) -> RunStats:
    """Count records and error records in the written shards (the run's accounting)."""
    import orjson

    stats = RunStats()
    for shard in output_shards(output_dir):
        with open(shard, "rb") as fh:
            for line in fh:
                record = orjson.loads(line)
                error = record.get("error")
                failed = tuple(e["stage"] for e in record.get("errors", ()) if e["type"] != "StageSkipped")
                stats.add(Answer(line, error["stage"] if error else None, failed))
    return stats
