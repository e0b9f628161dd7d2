"""End to end: `newsfacts run` on good and broken lines, schema, order, workers, errors."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, assert_offsets

GOOD = [
    {"id": "ko", "text": "미국 상무부가 하이크비전(海康威視)을 블랙리스트에 올렸다. 중국은 반발했다.", "published": "2019-10-08"},
    {"id": "zh", "text": "美国商务部将海康威视列入实体清单。中方坚决反对。"},
    {"id": "en", "text": "The U.S. Commerce Department added Hikvision to the Entity List. China objected."},
]


def _mixed_input(tmp_path: Path) -> Path:
    lines = [json.dumps(GOOD[0], ensure_ascii=False).encode(), b"{not json", json.dumps(GOOD[1], ensure_ascii=False).encode(),
             b'{"id": "no-text"}', b'{"id": "num", "text": 42}', b'{"text": "\xff\xfe\xfd"}', b'{"id": "empty", "text": ""}',
             json.dumps(GOOD[2]).encode(), b'"just a string"']
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def newsfacts(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], input=stdin, capture_output=True,
                          cwd=REPO, timeout=300)


def test_mixed_file_gives_one_line_per_input(tmp_path, record_validator):
    out, stats = tmp_path / "out.jsonl", tmp_path / "stats.json"
    proc = newsfacts("run", str(_mixed_input(tmp_path)), "-o", str(out), "--workers", "1",
                     "--include", "tokens", "--stats", str(stats))
    assert proc.returncode == 0, proc.stderr.decode()
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r.get("id") for r in records] == ["ko", None, "zh", "no-text", "num", None, "empty", "en", None]
    assert [("error" in r) for r in records] == [False, True, False, True, True, True, True, False, True]
    assert [r["line"] for r in records if "error" in r] == [2, 4, 5, 6, 7, 9]
    for r in records:
        record_validator.validate(r)
        if "error" not in r:
            assert r["schema"] and r["tokens"] and r["sentences"]
            assert_offsets(r)
    assert records[0]["meta"] == {"published": "2019-10-08"}
    assert json.loads(stats.read_text()) | {"seconds": 0} == {
        "input_lines": 9, "records": 3, "errors": 6, "partial": 0, "seconds": 0, "errors_by_stage": {"read": 6},
        "partial_by_stage": {}, "resumed": 0, "interrupted": False}
    assert "9 inputs, 3 records, 6 errors" in proc.stderr.decode()


def test_strict_exits_nonzero_on_errors(tmp_path):
    proc = newsfacts("run", str(_mixed_input(tmp_path)), "-o", str(tmp_path / "o.jsonl"), "--workers", "1",
                     "--strict", "-q")
    assert proc.returncode == 1
    assert proc.stderr == b""


def test_stdin_to_stdout_with_lang_and_published():
    line = json.dumps({"text": "Huawei was added to the list."}).encode() + b"\n"
    proc = newsfacts("run", "-", "--workers", "1", "--lang", "en", "--published", "2019-05-16", "-q", stdin=line)
    assert proc.returncode == 0, proc.stderr.decode()
    record = json.loads(proc.stdout)
    assert record["lang"] == "en" and record["sentences"][0]["lang"] == "en"


@pytest.mark.slow
def test_two_workers_give_identical_output(tmp_path):
    src = tmp_path / "many.jsonl"
    src.write_text("".join(json.dumps({**g, "id": f"{g['id']}-{i}"}, ensure_ascii=False) + "\n"
                           for i in range(30) for g in GOOD), encoding="utf-8")
    outs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.jsonl"
        proc = newsfacts("run", str(src), "-o", str(out), "--workers", workers, "-q",
                         "--set", "run.batch_size=7")
        assert proc.returncode == 0, proc.stderr.decode()
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert outs[0].count(b"\n") == 90


def test_unknown_config_key_fails_before_reading(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[pipeline]\nstages = ["clean", "langid", "sentences"]\n[clean]\nread_byline = true\n')
    proc = newsfacts("run", "/nonexistent.jsonl", "--config", str(cfg))
    assert proc.returncode == 2
    assert "read_byline" in proc.stderr.decode()


def test_missing_input_is_a_clear_error(tmp_path):
    proc = newsfacts("run", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "o.jsonl"))
    assert proc.returncode == 2
    assert "input not found" in proc.stderr.decode()


def test_import_loads_no_heavy_library():
    code = ("import sys, pipeline; heavy = {'spacy', 'jieba', 'kiwipiepy', 'mecab', 'torch', 'lxml', "
            "'konlpy', 'transformers', 'opencc', 'ahocorasick', 'pycrfsuite'}; "
            "print(sorted(heavy & set(sys.modules)))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert proc.stdout.strip() == "[]", proc.stdout + proc.stderr


@pytest.mark.slow
def test_resume_after_kill_completes_without_duplicates(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({**g, "id": f"{g['id']}-{i}"}, ensure_ascii=False) + "\n"
                           for i in range(20) for g in GOOD) + "{broken\n", encoding="utf-8")
    full, part = tmp_path / "full.jsonl", tmp_path / "part.jsonl"
    assert newsfacts("run", str(src), "-o", str(full), "--workers", "1", "-q").returncode == 0
    lines = full.read_bytes().splitlines(keepends=True)
    part.write_bytes(b"".join(lines[:25]) + lines[25][:40])      # killed mid-line
    stats = tmp_path / "stats.json"
    proc = newsfacts("run", str(src), "-o", str(part), "--workers", "1", "--resume", "--stats", str(stats))
    assert proc.returncode == 0, proc.stderr.decode()
    assert part.read_bytes() == full.read_bytes()
    summary = json.loads(stats.read_text())
    assert (summary["input_lines"], summary["records"], summary["errors"], summary["resumed"]) == (61, 60, 1, 25)


@pytest.mark.slow
@pytest.mark.parametrize("workers", ["1", "2"])
def test_sigint_stops_cleanly_with_complete_lines(tmp_path, workers):
    import signal
    import time

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({**g, "id": f"{g['id']}-{i}"}, ensure_ascii=False) + "\n"
                           for i in range(3000) for g in GOOD), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(src), "-o", str(out),
                             "--workers", workers, "--set", "run.batch_size=16"],
                            cwd=REPO, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline and (not out.exists() or out.stat().st_size < 2000):
        time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err.decode()
    assert "(interrupted)" in err.decode()
    data = out.read_bytes()
    assert data.endswith(b"\n")
    lines = data.splitlines()
    assert 0 < len(lines) < 9000
    assert [json.loads(line)["id"] for line in lines] == [f"{g['id']}-{i}" for i in range(3000) for g in GOOD][:len(lines)]
