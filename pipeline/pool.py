"""A process pool that survives any worker death: the local runner's ``--workers N``.

Built on pebble's ``ProcessPool`` rather than on ``concurrent.futures`` (or loky, which keeps
its semantics), because pebble knows which task each worker acknowledged: a worker that dies
fails only its own task (``ProcessExpired``) while the others go on, pebble starts a replacement
by itself, and a task can carry a timeout after which pebble kills its worker. With
``concurrent.futures`` one death breaks the whole executor, fails every batch in flight without
saying which input was to blame, and its ``shutdown(wait=True)`` could hang joining a worker
blocked on the call queue (issue 14). loky restarts its executor cleanly but has the same
all-or-nothing failure and no per-task timeout.

What pebble leaves to us, this module adds:

- a heartbeat: each worker touches a file every ``HEARTBEAT_S``; one silent for
  ``run.worker_timeout`` seconds (stopped, or stuck in native code that holds the GIL, where the
  document time limit cannot fire) is killed, which pebble reports as a death;
- a watchdog on every result, so that a task pebble loses (a worker killed while it held the
  task channel) fails instead of waiting for ever; then, as when pebble reports the pool broken,
  the whole pool is replaced and the batches in flight are submitted again;
- set-up errors: a worker that cannot build its pipeline says why on every task, and the run
  stops with that message (pebble would restart such a worker for ever); workers that die before
  they even begin (a script that starts the pool without an ``if __name__ == "__main__":`` guard,
  which every spawned worker runs again) stop the run after a few deaths, instead of every input
  failing in turn, each after a worker's start.
"""
from __future__ import annotations

import os
import shutil
import signal
import tempfile
import threading
import time
from collections import deque
from concurrent.futures import Future, TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from typing import Any, Callable

from . import io as nio
from . import registry
from .errors import NewsfactsError

HEARTBEAT_S = 0.5      # how often a worker says it is alive
PARENT_CHECK_S = 0.5   # how often a worker checks that its parent still runs
TASK_GRACE_S = 30.0    # added to a task's own time budget before pebble kills its worker
CHANNEL_LOCK_S = 5.0   # pebble's wait for its task channel (default 60 s): a dead holder is seen sooner
STOP_WAIT_S = 10.0     # how long a pool being replaced may take to stop
THREAD_VARS = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS",
               "TOKENIZERS_PARALLELISM", "NUMEXPR_NUM_THREADS")

Line = Any          # an output line and what the runner counts for it (pipeline.batch.Answer)
BatchFn = Callable[[Any, list[nio.RawRecord]], list[Line]]


class WorkerCrashed(Exception):
    """The worker process died while processing this input (a crash in native code, out of memory)."""


class WorkerSetupError(NewsfactsError):
    """Worker processes cannot build the pipeline (a missing model or dictionary, a bad config)."""


# -- in the worker -----------------------------------------------------------------------------
_WORKER: dict[str, Any] = {}


def _init_worker(config: dict[str, Any], stages: dict[str, str], parent: int, beat_dir: str) -> None:
    """Build this worker's own pipeline (never pickled across processes), threads capped at 1.

    ``stages`` is the parent's registry, so stages registered there at run time exist here too;
    ``parent`` is the run's process id: when that process is gone, the worker ends too. A set-up
    error is kept and raised by every task, so that the parent can stop the run with it.
    """
    from pebble.common import CONSTS

    from .runner import load

    CONSTS.channel_lock_timeout = CHANNEL_LOCK_S
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    for var in THREAD_VARS:
        os.environ[var] = "false" if var == "TOKENIZERS_PARALLELISM" else "1"
    registry.STAGES.update(stages)
    _daemon(_heartbeat, os.path.join(beat_dir, str(os.getpid())))
    _daemon(_exit_with_parent, parent)
    try:
        pipe = load(config)
        pipe.setup()
        _WORKER["pipe"] = pipe
    except Exception as exc:  # noqa: BLE001 - reported by every task (WorkerSetupError)
        _WORKER["setup_error"] = f"{type(exc).__name__}: {exc}"


def _daemon(target: Callable[[Any], None], arg: Any) -> None:
    threading.Thread(target=target, args=(arg,), daemon=True).start()


def _heartbeat(path: str) -> None:
    """Touch ``path`` every HEARTBEAT_S while this process runs Python (see ``_Watchdog``)."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})   # the time limit is the main thread's
    while True:
        try:
            with open(path, "a"):
                os.utime(path)
        except OSError:
            pass          # the run is ending and removed the folder
        time.sleep(HEARTBEAT_S)


def _exit_with_parent(parent: int) -> None:
    """End this worker when the run that started it is gone (killed with SIGKILL: no clean-up ran)."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_S)
    os._exit(1)


def _worker_task(fn: BatchFn, batch: list[nio.RawRecord]) -> list[Line]:
    if "setup_error" in _WORKER:
        raise WorkerSetupError(f"worker processes cannot set up the pipeline: {_WORKER['setup_error']}")
    return fn(_WORKER["pipe"], batch)


# -- in the parent -----------------------------------------------------------------------------
class _Watchdog:
    """Kills workers whose heartbeat file is older than ``silence`` seconds; remembers whether
    it has ever seen one (``seen``), since it removes the files of the workers it kills."""

    def __init__(self, beat_dir: str, silence: float) -> None:
        self.beat_dir = beat_dir
        self.silence = silence
        self.seen = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(HEARTBEAT_S):
            self.check()

    def check(self) -> None:
        now = time.time()
        try:
            entries = list(os.scandir(self.beat_dir))
        except OSError:
            return
        self.seen = self.seen or bool(entries)
        for entry in entries:
            try:
                age = now - entry.stat().st_mtime
            except OSError:
                continue
            if age > self.silence:
                _kill(int(entry.name))
                _remove(entry.path)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=STOP_WAIT_S)


def _any_entry(folder: str) -> bool:
    try:
        with os.scandir(folder) as entries:
            return next(entries, None) is not None
    except OSError:
        return False


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


Pending = deque[tuple[list[nio.RawRecord], Future]]


class WorkerPool:
    """Runs ``fn(pipeline, batch) -> lines`` on worker processes that may die at any moment.

    A batch whose worker died (or was killed for silence, or timed out) runs again one input at
    a time; an input that kills a worker then becomes the error record ``worker_error(raw)``.
    """

    def __init__(self, config: dict[str, Any], workers: int, fn: BatchFn,
                 worker_error: Callable[[nio.RawRecord, BaseException], Line]) -> None:
        from .config import RunConfig, build

        run = build(RunConfig, config.get("run"), "run")
        self.config = config
        self.workers = workers
        self.fn = fn
        self.worker_error = worker_error
        self.time_limit = run.time_limit
        self.silence = run.worker_timeout
        self.beat_dir = tempfile.mkdtemp(prefix="newsfacts-workers-")
        self.watchdog = _Watchdog(self.beat_dir, self.silence)
        self.started = False      # has any worker begun (written its heartbeat)?
        self.start_deaths = 0     # workers that died before any began
        self.pool = self._start()

    def _start(self) -> Any:
        from pebble import ProcessPool

        return ProcessPool(self.workers, context=get_context("spawn"), initializer=_init_worker,
                           initargs=(self.config, dict(registry.STAGES), os.getpid(), self.beat_dir))

    def _task_timeout(self, batch: list[nio.RawRecord]) -> float | None:
        """pebble's own limit for a task: each input's time limit, and a grace for the rest."""
        return len(batch) * self.time_limit + TASK_GRACE_S if self.time_limit > 0 else None

    def _wait_limit(self, batch: list[nio.RawRecord]) -> float | None:
        """How long a result may be awaited: queued behind a task as long, then run, then a
        worker's start; past it, the task is taken as lost."""
        timeout = self._task_timeout(batch)
        return None if timeout is None else 2 * timeout + self.silence + TASK_GRACE_S

    def submit(self, batch: list[nio.RawRecord]) -> Future:
        try:
            return self.pool.schedule(_worker_task, args=(self.fn, batch), timeout=self._task_timeout(batch))
        except RuntimeError:          # the pool is broken (pebble's ERROR state): replace it
            self._restart()
            return self.pool.schedule(_worker_task, args=(self.fn, batch), timeout=self._task_timeout(batch))

    def result(self, batch: list[nio.RawRecord], future: Future, pending: Pending) -> list[Line]:
        """The lines of ``batch``; on a dead worker, its inputs one at a time."""
        if self._wait(batch, future, pending) is None:
            return future.result()
        singles: Pending = deque(([raw], self.submit([raw])) for raw in batch)
        lines = []
        while singles:
            one, fut = singles.popleft()
            error = self._wait(one, fut, singles, pending)
            lines.append(fut.result()[0] if error is None else self.worker_error(one[0], error))
        return lines

    def _wait(self, batch: list[nio.RawRecord], future: Future, *queues: Pending) -> BaseException | None:
        """None when ``future`` has its lines, else why not; a broken or stuck pool is replaced
        and the batches in ``queues`` that had not finished are submitted again."""
        from pebble import ProcessExpired

        self._note_begun()
        try:
            future.result(timeout=self._wait_limit(batch))
            return None
        except WorkerSetupError:
            raise
        except ProcessExpired as exc:
            self._count_start_death()
            return WorkerCrashed(f"the worker process died while processing this input ({_exit(exc)})")
        except FutureTimeout:
            if future.done():             # pebble's task timeout: it killed the worker
                return WorkerCrashed("the worker stopped answering and was killed")
            error: BaseException = WorkerCrashed("the task was lost with its worker")
        except (BrokenProcessPool, OSError) as exc:
            self._count_start_death()
            error = WorkerCrashed(f"the worker pool broke ({type(exc).__name__}: {exc})")
        self._restart()
        for queue in queues:
            for i, (queued, fut) in enumerate(queue):
                if not fut.done() or fut.exception() is not None:
                    queue[i] = (queued, self.submit(queued))
        return error

    def _count_start_death(self) -> None:
        """A worker died and none has ever begun (written its heartbeat): after a few such deaths
        the workers cannot start at all, and every input would fail in turn."""
        if self._note_begun():
            return
        self.start_deaths += 1
        if self.start_deaths >= max(3, 2 * self.workers):
            raise WorkerSetupError(
                f"worker processes die as they start ({self.start_deaths} so far, none began): a script that runs "
                "newsfacts with several workers needs `if __name__ == \"__main__\":`, because every worker "
                "imports it again")

    def _note_begun(self) -> bool:
        """Whether any worker has begun: a heartbeat file now, or one the watchdog saw."""
        self.started = self.started or self.watchdog.seen or _any_entry(self.beat_dir)
        return self.started

    def _restart(self) -> None:
        self._stop_pool()
        self.pool = self._start()

    def _stop_pool(self) -> None:
        self.pool.stop()
        self.pool.join(timeout=STOP_WAIT_S)

    def shutdown(self) -> None:
        self.watchdog.stop()
        self._stop_pool()
        shutil.rmtree(self.beat_dir, ignore_errors=True)


def _exit(exc: Any) -> str:
    code = getattr(exc, "exitcode", None)
    if isinstance(code, int) and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"
