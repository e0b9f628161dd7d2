"""Run a pipeline over a corpus: batches, a process pool, ordered output, accounting."""
from __future__ import annotations

import itertools
import sys
import time
from collections import deque
from dataclasses import asdict, dataclass, field
from typing import IO, Any, Iterable, Iterator, NamedTuple

from . import io as nio
from .pool import Pending, WorkerPool
from .runner import DocumentTimeout, Pipeline, load, time_limit


class Answer(NamedTuple):
    """The output line of one input and what the run counts for it."""

    line: bytes
    error: str | None = None            # a whole-line error record: the stage it names
    failed: tuple[str, ...] = ()        # a partial record: the stages that failed on it


@dataclass
class RunStats:
    """What a run did; ``input_lines == records + errors`` always holds at the end.

    ``records`` counts every document record, ``partial`` those of them with ``errors`` (a
    stage failed, the others' results are kept); ``errors`` counts whole-line error records.
    """

    input_lines: int = 0
    records: int = 0
    errors: int = 0
    partial: int = 0
    seconds: float = 0.0
    errors_by_stage: dict[str, int] = field(default_factory=dict)
    partial_by_stage: dict[str, int] = field(default_factory=dict)
    resumed: int = 0
    interrupted: bool = False

    def add(self, answer: Answer) -> None:
        self.input_lines += 1
        if answer.error is not None:
            self.errors += 1
            self.errors_by_stage[answer.error] = self.errors_by_stage.get(answer.error, 0) + 1
            return
        self.records += 1
        if answer.failed:
            self.partial += 1
            for stage in answer.failed:
                self.partial_by_stage[stage] = self.partial_by_stage.get(stage, 0) + 1

    @property
    def failures(self) -> int:
        """Inputs that did not come through whole: error records and partial records."""
        return self.errors + self.partial

    def summary(self) -> str:
        done = self.input_lines - self.resumed
        rate = done / self.seconds if self.seconds else 0.0
        note = " (interrupted)" if self.interrupted else ""
        resumed = f", {self.resumed} from before" if self.resumed else ""
        partial = f" ({self.partial} partial)" if self.partial else ""
        return (f"newsfacts: {self.input_lines} inputs, {self.records} records{partial}, {self.errors} errors"
                f"{resumed}, {self.seconds:.1f} s ({rate:.1f} docs/s){note}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def process_raw(pipe: Pipeline, raw: nio.RawRecord) -> Answer:
    """Process one raw record into its output line.

    Never raises for a bad input: reading (under the time limit too) or turning the result into
    JSON can fail, and each failure becomes the error record of that input; a stage that fails
    leaves a partial record (``errors`` lists it, earlier stages' results stay).
    """
    try:
        with time_limit(pipe.run.time_limit):
            doc = nio.parse_record(raw)
    except DocumentTimeout:
        timeout = DocumentTimeout(f"reading took more than {pipe.run.time_limit:g} s")
        return Answer(nio.dumps(nio.error_record(raw, "read", timeout, nio.peek_id(raw))), "read")
    except Exception as exc:  # noqa: BLE001 - InputError, or a reader bug: an error record either way
        return Answer(nio.dumps(nio.error_record(raw, "read", exc, nio.peek_id(raw))), "read")
    pipe.process(doc)
    failed = tuple(e["stage"] for e in doc.errors if e["type"] != "StageSkipped")
    try:
        return Answer(nio.dumps(doc.to_dict(frozenset(pipe.run.include))), None, failed)
    except Exception as exc:  # noqa: BLE001 - e.g. a stage left a value JSON cannot hold
        return Answer(nio.dumps(nio.error_record(raw, "write", exc, doc.id)), "write")


def process_batch(pipe: Pipeline, batch: list[nio.RawRecord]) -> list[Answer]:
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
    records = iter(records)
    head = list(itertools.islice(records, 2))
    records = itertools.chain(head, records)
    # one input: no worker processes to start (most of a short run's time), it runs here
    results = (_run_local(records, config, batch_size) if workers <= 1 or len(head) < 2
               else _run_pool(records, config, batch_size, workers))
    try:
        for batch in results:
            nio.write_lines(out, [answer.line for answer in batch])
            for answer in batch:
                stats.add(answer)
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
               ) -> Iterator[list[Answer]]:
    pipe = load(config)
    for batch in batched(records, batch_size):
        yield process_batch(pipe, batch)


def _run_pool(records: Iterable[nio.RawRecord], config: dict[str, Any], batch_size: int,
              workers: int) -> Iterator[list[Answer]]:
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


def _crash_line(raw: nio.RawRecord, error: BaseException) -> Answer:
    """The error record of an input whose worker died while processing it alone."""
    return Answer(nio.dumps(nio.error_record(raw, "worker", error, nio.peek_id(raw))), "worker")


def _progress_bar() -> Any:
    from tqdm import tqdm

    return tqdm(unit="doc", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)
