"""Run a pipeline over a corpus: batches, a process pool, ordered output, accounting."""
from __future__ import annotations

import itertools
import sys
import time
from collections import deque
from dataclasses import asdict, dataclass, field
from typing import IO, Any, Iterable, Iterator

from . import io as nio
from .pool import Pending, WorkerPool
from .runner import DocumentTimeout, Pipeline, StageError, load, time_limit


@dataclass
class RunStats:
    """What a run did; ``input_lines == records + errors`` always holds at the end."""

    input_lines: int = 0
    records: int = 0
    errors: int = 0
    seconds: float = 0.0
    errors_by_stage: dict[str, int] = field(default_factory=dict)
    resumed: int = 0
    interrupted: bool = False

    def add(self, ok: bool, stage: str | None) -> None:
        self.input_lines += 1
        if ok:
            self.records += 1
        else:
            self.errors += 1
            key = stage or "?"
            self.errors_by_stage[key] = self.errors_by_stage.get(key, 0) + 1

    def summary(self) -> str:
        done = self.input_lines - self.resumed
        rate = done / self.seconds if self.seconds else 0.0
        note = " (interrupted)" if self.interrupted else ""
        resumed = f", {self.resumed} from before" if self.resumed else ""
        return (f"newsfacts: {self.input_lines} inputs, {self.records} records, {self.errors} errors"
                f"{resumed}, {self.seconds:.1f} s ({rate:.1f} docs/s){note}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def process_raw(pipe: Pipeline, raw: nio.RawRecord) -> tuple[bytes, str | None]:
    """Process one raw record into its output line; returns (line, failed stage or None).

    Never raises for a bad input: reading (under the time limit too), any stage, or turning
    the result into JSON can fail, and each failure becomes the error record of that input.
    """
    try:
        with time_limit(pipe.run.time_limit):
            doc = nio.parse_record(raw)
    except DocumentTimeout:
        timeout = DocumentTimeout(f"reading took more than {pipe.run.time_limit:g} s")
        return nio.dumps(nio.error_record(raw, "read", timeout, nio.peek_id(raw))), "read"
    except Exception as exc:  # noqa: BLE001 - InputError, or a reader bug: an error record either way
        return nio.dumps(nio.error_record(raw, "read", exc, nio.peek_id(raw))), "read"
    try:
        pipe.process(doc)
    except StageError as exc:
        return nio.dumps(nio.error_record(raw, exc.stage, exc.exc, doc.id)), exc.stage
    try:
        return nio.dumps(doc.to_dict(frozenset(pipe.run.include))), None
    except Exception as exc:  # noqa: BLE001 - e.g. a stage left a value JSON cannot hold
        return nio.dumps(nio.error_record(raw, "write", exc, doc.id)), "write"


def process_batch(pipe: Pipeline, batch: list[nio.RawRecord]) -> list[tuple[bytes, str | None]]:
    return [process_raw(pipe, raw) for raw in batch]


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def run_corpus(records: Iterable[nio.RawRecord], out: IO[bytes], config: dict[str, Any],
               workers: int = 1, progress: bool = False, stats: RunStats | None = None) -> RunStats:
    """Process ``records`` and write one line per record to ``out``, in input order.

    Each batch is written with whole lines only, so a killed run leaves complete lines that
    ``--resume`` can count. Ctrl-C stops after the last finished batch (``stats.interrupted``).
    """
    stats = stats or RunStats()
    started = time.perf_counter()
    batch_size = int(config.get("run", {}).get("batch_size", 64))
    bar = _progress_bar() if progress else None
    results = (_run_local(records, config, batch_size) if workers <= 1
               else _run_pool(records, config, batch_size, workers))
    try:
        for batch in results:
            nio.write_lines(out, [line for line, _ in batch])
            for _, failed in batch:
                stats.add(failed is None, failed)
            if bar is not None:
                bar.update(len(batch))
    except KeyboardInterrupt:
        stats.interrupted = True
    finally:
        if bar is not None:
            bar.close()
        stats.seconds += time.perf_counter() - started
    return stats


def _run_local(records: Iterable[nio.RawRecord], config: dict[str, Any], batch_size: int
               ) -> Iterator[list[tuple[bytes, str | None]]]:
    pipe = load(config)
    for batch in batched(records, batch_size):
        yield process_batch(pipe, batch)


def _run_pool(records: Iterable[nio.RawRecord], config: dict[str, Any], batch_size: int,
              workers: int) -> Iterator[list[tuple[bytes, str | None]]]:
    """Keep at most 2×workers batches in flight, so memory stays flat on any corpus size."""
    load(config)  # fail fast on a bad config, in this process
    pool = WorkerPool(config, workers, process_batch, _crash_line)
    pending: Pending = deque()
    try:
        for batch in batched(records, batch_size):
            pending.append((batch, pool.submit(batch)))
            if len(pending) >= 2 * workers:
                yield pool.result(*pending.popleft(), pending)
        while pending:
            yield pool.result(*pending.popleft(), pending)
    finally:
        pool.shutdown()


def _crash_line(raw: nio.RawRecord, error: BaseException) -> tuple[bytes, str | None]:
    """The error record of an input whose worker died while processing it alone."""
    return nio.dumps(nio.error_record(raw, "worker", error, nio.peek_id(raw))), "worker"


def _progress_bar() -> Any:
    from tqdm import tqdm

    return tqdm(unit="doc", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)
