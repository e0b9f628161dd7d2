"""Run a pipeline over a corpus: batches, a process pool, ordered output, accounting."""
from __future__ import annotations

import itertools
import os
import signal
import sys
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from multiprocessing import get_context
from typing import IO, Any, Iterable, Iterator

from . import io as nio
from . import registry
from .runner import DocumentTimeout, Pipeline, StageError, load, time_limit

PARENT_CHECK_S = 0.5   # how often a worker checks that its parent still runs
THREAD_VARS = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS",
               "TOKENIZERS_PARALLELISM", "NUMEXPR_NUM_THREADS")


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


_WORKER_PIPE: Pipeline | None = None


def _init_worker(config: dict[str, Any], stages: dict[str, str], parent: int) -> None:
    """Build this worker's own pipeline (never pickled across processes), threads capped at 1.

    ``stages`` is the parent's registry, so stages registered there at run time exist here too;
    ``parent`` is the run's process id: when that process is gone, the worker ends too.
    """
    global _WORKER_PIPE
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    for var in THREAD_VARS:
        os.environ[var] = "false" if var == "TOKENIZERS_PARALLELISM" else "1"
    registry.STAGES.update(stages)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    _WORKER_PIPE = load(config)
    _WORKER_PIPE.setup()


def _exit_with_parent(parent: int) -> None:
    """End this worker when the run that started it is gone (killed with SIGKILL: no clean-up ran)."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})   # the time limit is the main thread's
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_S)
    os._exit(1)


def _worker_batch(batch: list[nio.RawRecord]) -> list[tuple[bytes, str | None]]:
    assert _WORKER_PIPE is not None
    return process_batch(_WORKER_PIPE, batch)


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
    pool = _Pool(config, workers)
    pending: deque[tuple[list[nio.RawRecord], Future]] = deque()
    try:
        for batch in batched(records, batch_size):
            pending.append((batch, pool.submit(batch)))
            if len(pending) >= 2 * workers:
                yield pool.result(*pending.popleft(), pending)
        while pending:
            yield pool.result(*pending.popleft(), pending)
    finally:
        pool.shutdown()


class WorkerCrashed(Exception):
    """The worker process died while processing this input (a crash in native code, out of memory)."""


class _Pool:
    """A process pool that outlives a worker dying on an input.

    The batch that was in the dead worker runs again one input at a time in a fresh pool; the input
    that kills a worker again becomes an error record (stage ``worker``). Batches queued in the
    broken pool run again too. When workers cannot even set up, that error is raised instead.
    """

    def __init__(self, config: dict[str, Any], workers: int) -> None:
        self.config = config
        self.workers = workers
        self.set_up = False      # a worker has set up its pipeline at least once
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=get_context("spawn"), initializer=_init_worker,
                                   initargs=(self.config, dict(registry.STAGES), os.getpid()))

    def _restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._start()

    def submit(self, batch: list[nio.RawRecord]) -> Future:
        try:
            return self.executor.submit(_worker_batch, batch)
        except BrokenProcessPool:
            self._restart()
            return self.executor.submit(_worker_batch, batch)

    def result(self, batch: list[nio.RawRecord], future: Future,
               pending: deque[tuple[list[nio.RawRecord], Future]]) -> list[tuple[bytes, str | None]]:
        """The lines of ``batch``; on a dead worker, isolate the input that killed it."""
        try:
            lines = future.result()
            self.set_up = True
            return lines
        except BrokenProcessPool:
            self._restart()
        if not self.set_up:
            self.executor.submit(_worker_batch, []).result()   # raises if a worker cannot set up
            self.set_up = True
        lines = [self._isolated(raw) for raw in batch]
        for i, (queued, fut) in enumerate(pending):
            if fut.cancelled() or fut.exception() is not None:
                pending[i] = (queued, self.submit(queued))
        return lines

    def _isolated(self, raw: nio.RawRecord) -> tuple[bytes, str | None]:
        try:
            return self.executor.submit(_worker_batch, [raw]).result()[0]
        except BrokenProcessPool:
            self._restart()
            crashed = WorkerCrashed("the worker process died while processing this input")
            return nio.dumps(nio.error_record(raw, "worker", crashed, nio.peek_id(raw))), "worker"

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _progress_bar() -> Any:
    from tqdm import tqdm

    return tqdm(unit="doc", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)
