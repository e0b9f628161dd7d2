"""Issue 14: a pool that cannot hang. Workers die every way they die in real runs, from inside
(an input that kills its worker) and from outside (SIGKILL at random moments), on a loaded
machine: every run ends within a bounded time and answers every input line, in order."""
from __future__ import annotations

import io
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import deque

import orjson
import pytest

from hostile.make_hostile import EN, KO, ZH
from hostile.stages import DEATHS
from pipeline import io as nio
from pipeline import registry
from pipeline.batch import run_corpus
from pipeline.config import load_config

RUNS = int(os.environ.get("NF_DEATH_RUNS", 200))
RUN_LIMIT_S = 60.0        # the most one run may take, however its workers die
STAGES = '["clean", "langid", "sentences", "die"]'   # cheap stages: workers start in well under a second


@pytest.fixture
def die_registered():
    registry.register("die", "hostile.stages:DieStage")
    yield
    registry.STAGES.pop("die", None)


@pytest.fixture
def cpu_load():
    """One process spinning on a core for the whole test: workers compete for the CPU."""
    burner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    yield
    burner.kill()
    burner.wait()


def _workers() -> list[int]:
    """The worker processes of this process's pool (spawned children, not the resource tracker)."""
    out = subprocess.run(["pgrep", "-P", str(os.getpid())], capture_output=True, text=True).stdout
    pids = []
    for pid in map(int, out.split()):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                if b"spawn_main" in fh.read():
                    pids.append(pid)
        except OSError:
            pass
    return pids


def _killer(stop: threading.Event, rng: random.Random, kills: int) -> None:
    """SIGKILL a random worker of this process ``kills`` times, at random moments."""
    for _ in range(kills):
        if stop.wait(rng.uniform(0.05, 0.6)):
            return
        pids = _workers()
        if pids:
            try:
                os.kill(rng.choice(pids), signal.SIGKILL)
            except ProcessLookupError:
                pass


def _inputs(rng: random.Random) -> list[str]:
    texts = [rng.choice((KO, ZH, EN)) for _ in range(rng.randint(3, 7))]
    for i in rng.sample(range(len(texts)), rng.randint(0, 2)):
        texts[i] += f" DIE:{rng.choice(DEATHS)} "
    return texts


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_two_hundred_runs_with_dying_workers_all_end_and_answer_every_input(die_registered, cpu_load):
    config = load_config(None, [f"pipeline.stages={STAGES}", "run.batch_size=2", "run.time_limit=2.0",
                                "run.worker_timeout=1.0"])
    rng = random.Random(14)
    slowest = 0.0
    for run in range(RUNS):
        texts = _inputs(rng)
        raws = [nio.RawRecord("mem", i, "jsonl", orjson.dumps({"id": f"r{run}-{i}", "text": t}))
                for i, t in enumerate(texts, 1)]
        stop = threading.Event()
        killer = threading.Thread(target=_killer, args=(stop, random.Random(run), rng.randint(0, 2)))
        killer.start()
        out = io.BytesIO()
        started = time.monotonic()
        try:
            stats = run_corpus(raws, out, config, workers=2)
        finally:
            stop.set()
            killer.join()
        elapsed = time.monotonic() - started
        slowest = max(slowest, elapsed)
        if os.environ.get("NF_DEATH_VERBOSE"):
            print(run, round(elapsed, 2), [t[-6:] for t in texts if "DIE:" in t])
        assert elapsed < RUN_LIMIT_S, f"run {run} took {elapsed:.1f} s"
        records = [orjson.loads(line) for line in out.getvalue().splitlines()]
        assert [r["id"] for r in records] == [f"r{run}-{i}" for i in range(1, len(texts) + 1)], run
        assert stats.input_lines == len(texts) == stats.records + stats.errors
        for text, record in zip(texts, records):
            if "DIE:" in text:
                assert "error" in record or record.get("errors"), (run, text[-12:], record)
            elif "error" in record:                    # only a worker killed from outside
                assert record["error"]["stage"] == "worker", (run, record["error"])
    print(f"slowest of {RUNS} runs: {slowest:.1f} s")



@pytest.mark.timeout(120)
def test_a_worker_killed_for_silence_after_it_began_is_not_a_start_death(die_registered):
    # a worker that stops answering (SIGSTOP) is killed by the watchdog, which removes its
    # heartbeat file: the pool must still know that a worker began, or enough such deaths would
    # stop the run as "worker processes die as they start"
    from pipeline.batch import _crash_line, process_batch
    from pipeline.pool import WorkerPool

    config = load_config(None, [f"pipeline.stages={STAGES}", "run.worker_timeout=1.0"])
    pool = WorkerPool(config, 1, process_batch, _crash_line)   # one worker: no other heartbeat file
    try:
        batch = [nio.RawRecord("mem", 1, "jsonl", orjson.dumps({"id": "s1", "text": ZH + " DIE:stop "}))]
        lines = pool.result(batch, pool.submit(batch), deque())
        assert orjson.loads(lines[0].line)["error"]["stage"] == "worker"
        assert (pool.started, pool.start_deaths) == (True, 0)
    finally:
        pool.shutdown()
