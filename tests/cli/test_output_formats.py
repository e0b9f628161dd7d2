"""Output formats: the facts stream, the writers, and ``newsfacts run --format``."""
from __future__ import annotations

import json

import pytest

from conftest import REPO
from pipeline.cli import main as cli
from pipeline.errors import ConfigError
from pipeline.output_formats import facts, iter_jsonl, write

RECORDS = [json.loads(line) for line in
           (REPO / "tests" / "data" / "integration_records.jsonl").read_text("utf-8").splitlines()]
ARTICLES = {r["lang"]: r for r in RECORDS if "error" not in r}


def by_kind(lines: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for line in lines:
        out.setdefault(line["kind"], []).append(line)
    return out


@pytest.mark.parametrize("lang", ["ko", "zh", "en"])
def test_one_line_per_mention_event_and_relation(lang):
    record = ARTICLES[lang]
    kinds = by_kind(list(facts(record)))
    assert all(line["doc"] == record["id"] for lines in kinds.values() for line in lines)
    mentions = kinds["entity"]
    assert [(m["id"], m["start"], m["end"], m["text"]) for m in mentions] == [
        (e["id"], e["start"], e["end"], e["text"]) for e in record["entities"]]
    for m in mentions:
        assert record["text"][m["start"]:m["end"]] == m["text"]
    (event,) = kinds["event"]
    assert event["targets"] == record["events"][0]["targets"]
    assert event["evidence_text"] == [record["text"][s["start"]:s["end"]] for s in event["evidence"]]
    sanctions = [r for r in kinds["relation"] if r["type"] == "sanction.add"]
    assert [r["object"] for r in sanctions] == record["events"][0]["targets"]
    assert {r["subject_node"] for r in sanctions} == {"us-doc"}
    assert sanctions[0]["object_node"] == "hikvision" and sanctions[0]["list"] == "us-entity-list"


def test_nodes_merge_linked_mentions_and_keep_unlinked_per_document():
    kinds = by_kind(list(facts(ARTICLES["en"])))
    nodes = {m["text"]: m["node"] for m in kinds["entity"]}
    assert nodes["Hikvision"] == "hikvision"
    assert nodes["Wilbur Ross"] == "reuters-20191008-hikvision#T8"
    (member,) = [r for r in kinds["relation"] if r["type"] == "member_of"]
    assert (member["subject_node"], member["object_node"]) == ("reuters-20191008-hikvision#T8", "us-doc")


def test_error_record_is_a_fact_too():
    error = next(r for r in RECORDS if "error" in r)
    (line,) = facts(error)
    assert line == {"doc": "broken-1", "kind": "error", "line": 4, "source": "in.jsonl",
                    "error": error["error"]}


def test_writers(tmp_path):
    n = write(RECORDS, "facts", str(tmp_path / "f.jsonl"))
    assert n == sum(len(list(facts(r))) for r in RECORDS)
    assert write(RECORDS, "jsonl", str(tmp_path / "r.jsonl")) == len(RECORDS)
    assert list(iter_jsonl(tmp_path / "r.jsonl")) == RECORDS
    with pytest.raises(ConfigError, match="-o PATH"):
        write(RECORDS, "parquet", "-")


@pytest.mark.slow
def test_cli_format_facts(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(o, ensure_ascii=False) for o in [
        {"id": "ko-1", "text": "미국 상무부는 8일 하이크비전을 엔티티 리스트에 올렸다."},
        {"id": "bad", "title": "no text"},
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out.facts.jsonl"
    assert cli(["run", str(src), "--format", "facts", "-o", str(out), "--workers", "1", "-q"]) == 0
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    kinds = by_kind(lines)
    assert {m["text"] for m in kinds["entity"]} >= {"미국 상무부", "하이크비전"}
    assert all(m["doc"] == "ko-1" for m in kinds["entity"])
    assert kinds["error"][0]["doc"] == "bad"
    assert cli(["run", str(src), "--format", "parquet", "-q"]) == 2
    assert cli(["run", str(src), "--format", "facts", "--resume", "-o", str(out), "-q"]) == 2
    assert "--resume works with --format jsonl only" in capsys.readouterr().err
