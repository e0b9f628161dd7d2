"""The hostile-input regression corpus (tests/hostile/): every input gives a record or an error
record, within the time limit, and a run over all of them accounts for every input."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from conftest import REPO, assert_offsets
from hostile.make_hostile import MANIFEST, big_cases, write_corpus
from pipeline import io as nio

CORPUS = REPO / "tests" / "hostile" / "corpus"
LIMIT = 20.0          # run.time_limit for these tests, seconds
BIG_LIMIT = 5.0       # for the large inputs: most of them hit it, which is what is tested
SLACK = 10.0          # reading, writing, a C call the alarm has to wait for, a busy machine
EXPECTED: dict[str, list[str]] = json.loads((CORPUS / MANIFEST).read_text(encoding="utf-8"))

#: inputs that break a stage another helper owns; strict, so each flips when it is fixed
KNOWN_BUGS: dict[str, str] = {}


def _rel(raw: nio.RawRecord) -> str:
    return os.path.relpath(raw.source, CORPUS)


def _case(case_id: str) -> nio.RawRecord:
    """The hostile.jsonl line of the case named ``case_id``."""
    return next(r for r in INPUTS if f'"id": "{case_id}"'.encode() in r.payload)


def _param(raw: nio.RawRecord, inputs: list[nio.RawRecord]):
    case_id = f"{_rel(raw)}:{raw.line}"
    bug = next((reason for name, reason in KNOWN_BUGS.items() if f'"id": "{name}"'.encode() in raw.payload), None)
    marks = [pytest.mark.xfail(strict=True, reason=bug)] if bug else []
    return pytest.param(raw, _expectation(raw, inputs), id=case_id, marks=marks)


def _expectation(raw: nio.RawRecord, inputs: list[nio.RawRecord]) -> str:
    expected = EXPECTED.get(_rel(raw))
    if expected is None:      # gz/: checked by test_compressed_files
        return "any"
    lines = [r.line for r in inputs if r.source == raw.source]
    return expected[lines.index(raw.line)]


INPUTS = list(nio.iter_inputs([str(CORPUS)]))
CASES = [_param(raw, INPUTS) for raw in INPUTS]


@pytest.fixture(scope="module")
def hostile_nlp():
    import pipeline

    nlp = pipeline.load(None, ['run.include=["tokens"]', f"run.time_limit={LIMIT}"])
    nlp.setup()
    return nlp


def check_line(line: bytes, expect: str, validator) -> dict:
    """The output line is valid JSON and valid against the schema, and what the corpus expects."""
    record = orjson.loads(line)
    validator.validate(record)
    kind, _, lang = expect.partition(":")
    if kind == "record":
        assert "error" not in record, record["error"]
        if lang:
            assert record["lang"] == lang
    elif kind == "error":
        assert "error" in record and record["error"]["stage"] == "read", record.get("error")
    if "error" not in record:
        assert_offsets(record)
        spans = [(s["start"], s["end"]) for s in record["sentences"]]
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "sentences overlap or are unsorted"
    return record


def test_committed_corpus_is_what_the_script_writes(tmp_path):
    write_corpus(tmp_path)
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    committed = sorted(p.relative_to(CORPUS) for p in CORPUS.rglob("*") if p.is_file() and p.name != ".gitattributes")
    assert written == committed
    for rel in written:
        if rel.parts[0] != "gz":      # gzip bytes depend on the zlib version
            assert (tmp_path / rel).read_bytes() == (CORPUS / rel).read_bytes(), rel


@pytest.mark.parametrize("raw, expect", CASES)
def test_hostile_input(raw, expect, hostile_nlp, record_validator):
    from pipeline.batch import process_raw

    started = time.perf_counter()
    answer = process_raw(hostile_nlp, raw)
    assert time.perf_counter() - started < LIMIT + SLACK
    record = check_line(answer.line, expect, record_validator)
    assert (answer.error is None) == ("error" not in record)
    assert not answer.failed and "errors" not in record, record.get("errors")   # no stage failed
    if "error" in record:
        assert record["line"] == raw.line and record["error"]["message"]
        return
    text = record["text"]
    if record["id"].startswith("html-") or _rel(raw).startswith("html/"):
        for leaked in ("SCRIPT", "STYLE", "NOSCRIPT", "leaked", "IFRAME", "alert("):
            assert leaked not in text
    if record["id"] in {"ja", "ja-kanji-sentence", "ru", "ar", "he", "shift_jis"}:
        assert {s["lang"] for s in record["sentences"]} == {record["lang"]}
    for sent in record["sentences"]:
        if sent["lang"] not in {"ko", "zh", "en"}:
            # no analyser for this language: tokens come from the language-independent regex fallback
            inside = [t for t in record["tokens"] if sent["start"] <= t["start"] < sent["end"]]
            assert inside and all("pos" not in t for t in inside)


@pytest.mark.parametrize("case_id, message", [
    ("invalid-utf8", "line is not valid UTF-8 (invalid continuation byte at byte 35)"),
    ("wtf8-surrogate", "line is not valid UTF-8"),
    ("lone-high", "lone surrogate escape"),
    ("reversed-pair", "lone surrogate escape"),
    ("text-number", "'text' must be a string, got number"),
    ("text-null", "no 'text' field"),
    ("whitespace", "text is empty or whitespace only"),
    ("html-only-script", "text is empty or whitespace only"),
    ("deep", "not valid JSON: depth limit exceeded"),
])
def test_error_messages_say_what_is_wrong(case_id, message, hostile_nlp):
    from pipeline.batch import process_raw

    record = orjson.loads(process_raw(hostile_nlp, _case(case_id))[0])
    assert message in record["error"]["message"]
    assert record["error"]["type"] == "InputError"


def test_compressed_files(hostile_nlp):
    from pipeline.batch import process_raw

    def outcomes(name: str) -> list[str]:
        raws = [r for r in INPUTS if _rel(r) == f"gz/{name}"]
        return ["error" if process_raw(hostile_nlp, r).error else "record" for r in raws]

    assert outcomes("good.jsonl.gz") == ["record"] * 200
    truncated = outcomes("truncated.jsonl.gz")     # the lines before the cut, then one error
    assert 0 < truncated.count("record") < 200 and truncated[-1] == "error" and truncated.count("error") == 1
    assert outcomes("not-gzip.jsonl.gz") == ["error"]


def newsfacts_run(inputs: list[str], out: Path, workers: int, *extra: str) -> dict:
    stats = out.with_suffix(".stats.json")
    proc = subprocess.run([sys.executable, "-m", "pipeline", "run", *inputs, "-o", str(out), "--workers",
                           str(workers), "--stats", str(stats), "-q", "--set", f"run.time_limit={LIMIT}", *extra],
                          capture_output=True, cwd=REPO, timeout=1800)
    assert proc.returncode == 0, proc.stderr.decode()[-3000:]
    return json.loads(stats.read_text())


@pytest.mark.slow
@pytest.mark.timeout(900)   # several full runs: minutes on a loaded 2-core machine
def test_run_accounts_for_every_input_with_one_and_two_workers(tmp_path, record_validator):
    outputs = []
    for workers in (1, 2):
        out = tmp_path / f"out{workers}.jsonl"
        stats = newsfacts_run([str(CORPUS)], out, workers)
        lines = out.read_bytes().splitlines()
        assert stats["input_lines"] == stats["records"] + stats["errors"] == len(lines) == len(INPUTS)
        assert sum(stats["errors_by_stage"].values()) == stats["errors"]
        assert stats["errors"] == sum(b"\"error\":" in line and "error" in orjson.loads(line) for line in lines)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    records = [orjson.loads(line) for line in outputs[0].splitlines()]
    for record in records:
        record_validator.validate(record)
    dups = [r for r in records if r.get("id") == "dup"]
    assert [r["lang"] for r in dups] == ["en", "ko"]        # both kept, in input order


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("hostile-big")
    write_corpus(dest, big=True)
    return dest


@pytest.mark.slow
@pytest.mark.timeout(900)   # several full runs: minutes on a loaded 2-core machine
def test_big_inputs_finish_within_the_time_limit(big_corpus, record_validator):
    import pipeline
    from pipeline.batch import process_raw

    nlp = pipeline.load(None, [f"run.time_limit={BIG_LIMIT}"])
    nlp.setup()
    raws = list(nio.iter_inputs([str(big_corpus / "big")]))
    assert len(raws) == len(big_cases()) + 1          # + the file with an undecodable name
    for raw in raws:
        started = time.perf_counter()
        answer = process_raw(nlp, raw)
        elapsed = time.perf_counter() - started
        record = check_line(answer.line, "any", record_validator)
        assert elapsed < BIG_LIMIT + SLACK, (record.get("id"), elapsed)
        if answer.error:
            assert record["error"]["type"] == "DocumentTimeout", record["error"]
        for error in record.get("errors", []):          # a partial record: what came before the limit
            assert error["type"] in ("DocumentTimeout", "StageSkipped"), error
    odd = orjson.loads(process_raw(nlp, raws[-1])[0])
    assert "\ufffd" in odd["meta"]["source"] and odd["id"].startswith("odd-name-")


@pytest.mark.slow
@pytest.mark.timeout(900)   # several full runs: minutes on a loaded 2-core machine
def test_run_over_the_whole_corpus_accounts_for_every_input(big_corpus, tmp_path):
    out = tmp_path / "all.jsonl"
    stats = newsfacts_run([str(big_corpus)], out, 2, "--set", f"run.time_limit={BIG_LIMIT}")
    inputs = sum(1 for _ in nio.iter_inputs([str(big_corpus)]))
    lines = out.read_bytes().count(b"\n")
    assert stats["input_lines"] == stats["records"] + stats["errors"] == lines == inputs


@pytest.mark.parametrize("text", ["100,000,000,000,000,000,000,000원을 투자했다.", "999999999999999999999元",
                                  "It paid $99999999999999999999."])
def test_huge_amounts_can_be_written(text, hostile_nlp):
    from pipeline.batch import process_raw

    answer = process_raw(hostile_nlp, nio.RawRecord("t", 1, "jsonl", orjson.dumps({"text": text})))
    assert answer.error is None and not answer.failed, orjson.loads(answer.line)
