"""Runs that survive: the per-document time limit (in-process and in workers), SIGKILL at random
moments then --resume, and byte-identical output whatever the workers, batch size or hash seed."""
from __future__ import annotations

import io
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from conftest import REPO
from hostile.make_hostile import EN, KO, ZH
from pipeline import io as nio
from pipeline import registry
from pipeline.batch import run_corpus
from pipeline.config import load_config

CORPUS = REPO / "tests" / "hostile" / "corpus"


def _raws(texts: list[str]) -> list[nio.RawRecord]:
    return [nio.RawRecord("mem", i, "jsonl", orjson.dumps({"id": f"d{i}", "text": t}))
            for i, t in enumerate(texts, 1)]


@pytest.fixture
def stall_registered():
    registry.register("stall", "hostile.stages:StallStage")
    yield
    registry.STAGES.pop("stall", None)


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("how", ["sleep", "loop", "swallow"])
def test_a_stage_past_the_time_limit_gives_a_partial_record_and_the_run_goes_on(stall_registered, how, workers):
    config = load_config(None, ['pipeline.stages=["clean", "langid", "sentences", "stall"]',
                                f'stall.how="{how}"', "stall.seconds=30.0", "run.time_limit=1.0",
                                "run.batch_size=2"])
    texts = [KO, "STALL " + EN, ZH, EN + " STALL", EN]
    out = io.BytesIO()
    started = time.perf_counter()
    stats = run_corpus(_raws(texts), out, config, workers=workers)
    assert time.perf_counter() - started < 25          # two stalls of 30 s each were cut at 1 s
    records = [orjson.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in records] == ["d1", "d2", "d3", "d4", "d5"]
    assert ["errors" in r for r in records] == [False, True, False, True, False]
    for r in (records[1], records[3]):
        assert r["errors"] == [{"stage": "stall", "type": "DocumentTimeout",
                                "message": "document took more than 1 s"}]
        assert r["sentences"] and r["lang"] == "en"    # what the stages before it found
    assert records[4]["sentences"]                     # the pipeline still works after a timeout
    assert (stats.input_lines, stats.records, stats.partial, stats.errors, stats.partial_by_stage) == \
        (5, 5, 2, 0, {"stall": 2})


def test_time_limit_leaves_no_alarm_behind(stall_registered):
    import pipeline

    before = signal.getsignal(signal.SIGALRM)
    outer = signal.getitimer(signal.ITIMER_REAL)          # pytest-timeout's alarm, when it uses one
    nlp = pipeline.load(load_config(None, ['pipeline.stages=["clean", "stall"]', "run.time_limit=0.5"]))
    assert nlp("fast " + EN).errors == []
    with pytest.raises(pipeline.runner.StageError, match="stall: DocumentTimeout"):
        nlp.check(pipeline.Document("STALL " + EN))
    left = signal.getitimer(signal.ITIMER_REAL)
    if outer[0] == 0:
        assert left == (0.0, 0.0)
    else:                                                 # the outer alarm is set again, less what passed
        assert outer[0] - 5 < left[0] < outer[0] and left[1] == outer[1]
    assert signal.getsignal(signal.SIGALRM) is before


def test_an_outer_alarm_still_fires_inside_the_time_limit():
    from pipeline.runner import time_limit

    fired = []

    def outer(signum, frame):
        fired.append(time.monotonic())

    previous = signal.signal(signal.SIGALRM, outer)
    saved = signal.getitimer(signal.ITIMER_REAL)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.2)
        started = time.monotonic()
        with time_limit(5.0):
            while not fired and time.monotonic() - started < 3:
                time.sleep(0.01)
        assert fired and fired[0] - started < 1.0           # the outer alarm fired at its own time
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    finally:
        signal.signal(signal.SIGALRM, previous)
        if saved[0] > 0:
            signal.setitimer(signal.ITIMER_REAL, *saved)


# --- killed with SIGKILL at random moments, then --resume -------------------------------------

def _corpus(path: Path, n: int = 480) -> Path:
    lines = []
    for i in range(n):
        base = (KO, ZH, EN)[i % 3]
        lines.append(json.dumps({"id": f"doc-{i}", "text": f"{base} ({i})", "published": "2019-10-08"},
                                ensure_ascii=False).encode())
        if i % 50 == 7:
            lines.append(b'{"id": "broken-%d", "text": ' % i)
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def _cmd(src: Path, out: Path, workers: int, *extra: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", "run", str(src), "-o", str(out), "--workers", str(workers),
            "-q", "--set", "run.batch_size=4", *extra]


def _children(pid: int) -> list[int]:
    proc = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return [int(p) for p in proc.stdout.split()]


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _kill_when(proc: subprocess.Popen, out: Path, size: int, delay: float) -> None:
    """SIGKILL the run (the parent only, as `kill -9 PID` does) once ``out`` has ``size`` bytes."""
    deadline = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline:
        if (out.stat().st_size if out.exists() else 0) >= size:
            break
        time.sleep(0.01)
    time.sleep(delay)
    children = _children(proc.pid)
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 10
    while any(_alive(c) for c in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    leftover = [c for c in children if _alive(c)]
    for pid in leftover:
        os.kill(pid, signal.SIGKILL)
    assert not leftover, "worker processes outlived the killed run"


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.timeout(900)   # several full runs: minutes on a loaded 2-core machine
def test_killed_five_times_and_resumed_gives_the_uninterrupted_output(tmp_path, workers):
    src = _corpus(tmp_path / "in.jsonl")
    full, part = tmp_path / "full.jsonl", tmp_path / "part.jsonl"
    subprocess.run(_cmd(src, full, 1), cwd=REPO, check=True, timeout=600)
    expected = full.read_bytes()
    assert expected.count(b"\n") == 490
    rng = random.Random(8 + workers)
    # the first kill lands while the run starts; then one in each fifth of the output up to 80 %
    sizes = [0] + [int(len(expected) * rng.uniform(lo, lo + 0.15)) for lo in (0.05, 0.25, 0.45, 0.65)]
    for attempt, size in enumerate(sizes):
        proc = subprocess.Popen(_cmd(src, part, workers, *(["--resume"] if attempt else [])), cwd=REPO,
                                stderr=subprocess.DEVNULL)
        _kill_when(proc, part, size, rng.uniform(0, 0.2))
        assert proc.returncode == -signal.SIGKILL, f"kill {attempt}: the run had already ended"
        data = part.read_bytes() if part.exists() else b""
        complete = data[:data.rfind(b"\n") + 1]
        assert expected.startswith(complete), f"kill {attempt}: the complete lines differ from a clean run"
    stats = tmp_path / "stats.json"
    proc = subprocess.run(_cmd(src, part, workers, "--resume", "--stats", str(stats)), cwd=REPO,
                          capture_output=True, timeout=600)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    assert part.read_bytes() == expected
    summary = json.loads(stats.read_text())
    assert summary["input_lines"] == summary["records"] + summary["errors"] == 490
    assert summary["errors"] == 10 and summary["resumed"] > 0


# --- determinism --------------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.timeout(900)   # several full runs: minutes on a loaded 2-core machine
def test_output_is_byte_identical_across_workers_batch_sizes_hash_seeds_and_runs(tmp_path):
    src = _corpus(tmp_path / "in.jsonl", 90)
    runs = [("1", "0", []), ("2", "1", []), ("1", "2", []), ("2", "3", ["--set", "run.batch_size=1"]),
            ("1", "4", ["--set", "run.batch_size=1"])]
    outputs = []
    for i, (workers, seed, extra) in enumerate(runs):
        out = tmp_path / f"out{i}.jsonl"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-m", "pipeline", "run", str(src), str(CORPUS), "-o", str(out),
                               "--workers", workers, "-q", "--include", "tokens", *extra],
                              cwd=REPO, env=env, capture_output=True, timeout=900)
        assert proc.returncode == 0, proc.stderr.decode()[-2000:]
        outputs.append(out.read_bytes())
    assert all(o == outputs[0] for o in outputs[1:]), [i for i, o in enumerate(outputs) if o != outputs[0]]
    assert outputs[0].count(b"\n") == 92 + sum(1 for _ in nio.iter_inputs([str(CORPUS)]))


def test_an_input_that_kills_its_worker_becomes_an_error_record(stall_registered):
    config = load_config(None, ['pipeline.stages=["clean", "langid", "sentences", "stall"]',
                                'stall.how="crash"', "run.batch_size=2"])
    texts = ["STALL " + EN, ZH, EN, "STALL " + KO, ZH, EN, KO, "another STALL", EN]
    out = io.BytesIO()
    stats = run_corpus(_raws(texts), out, config, workers=2)
    records = [orjson.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in records] == [f"d{i}" for i in range(1, 10)]
    assert ["error" in r for r in records] == ["STALL" in t for t in texts]
    assert {k: records[3]["error"][k] for k in ("stage", "type")} == {"stage": "worker", "type": "WorkerCrashed"}
    assert records[3]["error"]["message"] == \
        "the worker process died while processing this input (killed by SIGSEGV)"
    assert (stats.input_lines, stats.errors, stats.errors_by_stage) == (9, 3, {"worker": 3})


def test_workers_that_cannot_set_up_stop_the_run(tmp_path):
    from pipeline.pool import WorkerSetupError

    config = load_config(None, ['pipeline.stages=["clean", "langid", "sentences", "tokenize"]',
                                f'tokenize.zh_user_dict="{tmp_path / "missing.txt"}"', "run.batch_size=1"])
    with pytest.raises(WorkerSetupError, match="missing.txt"):
        run_corpus(_raws([KO, ZH]), io.BytesIO(), config, workers=2)


UNGUARDED = """
import io
from pipeline import io as nio
from pipeline.batch import run_corpus
from pipeline.config import load_config
raws = [nio.RawRecord("t", n, "jsonl", b'{"id": "d%d", "text": "Huawei was added to the Entity List."}' % n)
        for n in range(1, 41)]
run_corpus(raws, io.BytesIO(), load_config(None, ["run.batch_size=1"]), 2)
"""


@pytest.mark.timeout(120)
def test_workers_that_die_as_they_start_stop_the_run_with_the_reason(tmp_path):
    # a script without `if __name__ == "__main__":` is run again by every spawned worker, which
    # then dies as it starts: the run stops at once and says why, instead of failing every input
    # in turn, each after a worker's start
    script = tmp_path / "unguarded.py"
    script.write_text(UNGUARDED, encoding="utf-8")
    started = time.monotonic()
    proc = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=110)
    assert proc.returncode != 0
    assert "WorkerSetupError: worker processes die as they start" in proc.stderr
    assert 'if __name__ == "__main__":' in proc.stderr
    assert time.monotonic() - started < 60
