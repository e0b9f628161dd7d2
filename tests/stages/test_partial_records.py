"""Issue 14, item 2: a stage that fails on a document costs only what it and the stages that
need it would add; the record keeps the rest and lists the failure under ``errors``."""
from __future__ import annotations

import io
import json

import orjson
import pytest

import pipeline

from conftest import assert_offsets
from pipeline import io as nio
from pipeline import registry
from pipeline.batch import run_corpus
from pipeline.config import load_config

#: the default stages with a buggy entity stage between the grammars and the overlap rules
STAGES = '["clean", "langid", "sentences", "tokenize", "patterns", "gazetteer", "fail", "resolve", "link", "events"]'
TEXTS = {"ko": "미국 상무부는 2019년 10월 7일 하이크비전을 수출 블랙리스트에 올렸다. FAIL",
         "zh": "2019年10月7日，美国商务部将海康威视列入实体清单。FAIL",
         "en": "On October 7, 2019, the Commerce Department added Hikvision to the Entity List. FAIL"}


@pytest.fixture
def fail_registered():
    registry.register("fail", "hostile.stages:FailStage")
    yield
    registry.STAGES.pop("fail", None)


@pytest.mark.parametrize("lang", ["ko", "zh", "en"])
def test_a_failed_stage_keeps_what_earlier_stages_found(lang, fail_registered, record_validator):
    import pipeline

    nlp = pipeline.load(load_config(None, [f"pipeline.stages={STAGES}"]))
    record = nlp(TEXTS[lang]).to_dict()
    record_validator.validate(record)
    assert_offsets(record)
    assert record["schema"] == pipeline.SCHEMA_VERSION == "1.2" and record["lang"] == lang and record["sentences"]
    assert record["errors"] == [
        {"stage": "fail", "type": "ValueError", "message": "a bug in this stage"},
        {"stage": "resolve", "type": "StageSkipped", "message": "skipped: needs entities (fail failed)"},
        {"stage": "link", "type": "StageSkipped",
         "message": "skipped: needs entities (fail failed), entities.canonical (fail failed)"},
        {"stage": "events", "type": "StageSkipped",
         "message": "skipped: needs entities (fail failed), entities.canonical (fail failed)"}]
    found = {(e["type"], e["source"]) for e in record["entities"]}
    assert ("DATE", "rule") in found and ("FIRM", "kb") in found     # the grammars' and the KB's
    assert all(e["text"] != "FAIL" for e in record["entities"])       # the failed stage's half-work is undone
    assert record["events"] == []
    clean = nlp(TEXTS[lang].replace("FAIL", "")).to_dict()
    assert "errors" not in clean and clean["events"]                 # the same text without the bug


def test_partial_records_are_counted_apart_and_strict_fails(tmp_path, fail_registered):
    config = load_config(None, [f"pipeline.stages={STAGES}"])
    texts = [TEXTS["ko"], TEXTS["zh"].replace("FAIL", ""), TEXTS["en"]]
    raws = [nio.RawRecord("mem", i, "jsonl", orjson.dumps({"id": f"d{i}", "text": t}))
            for i, t in enumerate(texts, 1)] + [nio.RawRecord("mem", 4, "jsonl", b"not json")]
    out = io.BytesIO()
    stats = run_corpus(raws, out, config)
    assert (stats.input_lines, stats.records, stats.partial, stats.errors) == (4, 3, 2, 1)
    assert stats.partial_by_stage == {"fail": 2} and stats.errors_by_stage == {"read": 1}
    assert "4 inputs, 3 records (2 partial), 1 errors" in stats.summary()
    assert stats.failures == 3


def test_strict_exits_nonzero_on_a_partial_record(tmp_path, fail_registered, capsys):
    from pipeline.cli import main

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": TEXTS["zh"]}, ensure_ascii=False) + "\n", encoding="utf-8")
    stats = tmp_path / "stats.json"
    args = ["run", str(src), "-o", str(tmp_path / "o.jsonl"), "--workers", "1", "--stats", str(stats),
            "--set", f"pipeline.stages={STAGES}"]
    assert main(args) == 0
    assert main(args + ["--strict"]) == 1
    summary = json.loads(stats.read_text())
    assert (summary["records"], summary["partial"], summary["errors"]) == (1, 1, 0)
    assert "1 records (1 partial), 0 errors" in capsys.readouterr().err
