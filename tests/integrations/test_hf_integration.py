"""Hugging Face datasets / Arrow / Parquet: hf:PATH inputs and result round trips (ko, zh, en)."""
from __future__ import annotations

import json

import pytest

from conftest import REPO, assert_offsets

datasets = pytest.importorskip("datasets")
pq = pytest.importorskip("pyarrow.parquet")

from pipeline import io as nio  # noqa: E402
from pipeline.cli import main as cli  # noqa: E402
from pipeline.integrations import hf  # noqa: E402

RECORDS = [json.loads(line) for line in
           (REPO / "tests" / "data" / "integration_records.jsonl").read_text("utf-8").splitlines()]

INPUTS = [
    {"id": "zh-1", "text": "美国商务部7日将海康威视列入实体清单。", "outlet": "新华社", "published": "2019-10-08"},
    {"id": "ko-1", "text": "미국 상무부는 8일 하이크비전을 엔티티 리스트에 올렸다.", "outlet": "연합뉴스",
     "published": "2019-10-08"},
    {"id": "en-1", "text": "The U.S. Commerce Department added Hikvision to the Entity List on Monday.",
     "outlet": "Reuters", "published": "2019-10-08"},
]


def test_records_dataset_records_equal():
    ds = hf.to_dataset(RECORDS)
    assert ds.num_rows == len(RECORDS)
    back = list(hf.records_from_dataset(ds))
    assert back == RECORDS
    for record in back:
        if "error" not in record:
            assert_offsets(record)


def test_parquet_round_trip_and_nested_columns(tmp_path):
    path = tmp_path / "out.parquet"
    assert hf.write_parquet(RECORDS, path) == len(RECORDS)
    assert list(hf.read_results(path)) == RECORDS
    table = pq.read_table(path)
    entity = table.column("entities")[0].as_py()[0]
    assert (entity["text"], entity["type"], entity["start"], entity["end"]) == ("미국 상무부", "GOV", 0, 6)
    assert {"lang": "zh", "name": "美国商务部"} in entity["canonical"]["names"]
    event = table.column("events")[1].as_py()[0]
    assert event["targets"] == ["T4", "T5"] and event["list"]["name"] == "实体清单"
    assert event["reason"]["text"] == "其涉及新疆侵犯人权行为"
    money = [e for e in table.column("entities")[1].as_py() if e["type"] == "MONEY"][0]
    assert json.loads(money["norm"]) == {"value": 15000000000, "currency": "CNY"}  # norm is JSON text


def test_saved_dataset_round_trip(tmp_path):
    hf.save_dataset(RECORDS, tmp_path / "ds")
    ds = datasets.load_from_disk(str(tmp_path / "ds"))
    import pyarrow as pa

    entity_type = ds.data.table.schema.field("entities").type
    assert pa.types.is_list(entity_type) and entity_type.value_type.field("start").type == pa.int64()
    assert list(hf.records_from_dataset(ds)) == RECORDS
    assert ds[2]["text"] == RECORDS[2]["text"]


def test_fields_beyond_the_contract_survive(tmp_path):
    record = json.loads(json.dumps(RECORDS[2]))
    record["events"][0]["list"]["url"] = "https://www.bis.gov/entity-list"
    record["events"][0]["negated"] = False
    record["entities"][0]["canonical"]["wikidata"] = "Q1140290"
    hf.write_parquet([record], tmp_path / "x.parquet")
    assert list(hf.read_results(tmp_path / "x.parquet")) == [record]


def _raw_objects(spec: str) -> list[dict]:
    return [json.loads(r.payload) for r in nio.iter_inputs([spec])]


def test_reads_saved_dataset_parquet_and_arrow(tmp_path):
    ds = datasets.Dataset.from_list(INPUTS)
    ds.save_to_disk(str(tmp_path / "saved"))
    ds.to_parquet(str(tmp_path / "in.parquet"))
    arrow_dir = tmp_path / "arrow"
    arrow_dir.mkdir()
    import pyarrow.ipc as ipc

    with ipc.new_file(str(arrow_dir / "part-0.arrow"), ds.data.table.schema) as w:
        w.write_table(ds.data.table)
    for spec in (f"hf:{tmp_path / 'saved'}", f"hf:{tmp_path / 'in.parquet'}", f"hf:{arrow_dir}"):
        objects = _raw_objects(spec)
        assert objects == INPUTS, spec
    docs = [nio.parse_record(r) for r in nio.iter_inputs([f"hf:{tmp_path / 'in.parquet'}"])]
    assert [d.id for d in docs] == ["zh-1", "ko-1", "en-1"]
    assert docs[1].meta == {"outlet": "연합뉴스", "published": "2019-10-08"}


def test_dataset_dict_gives_every_split(tmp_path):
    dd = datasets.DatasetDict({"train": datasets.Dataset.from_list(INPUTS[:2]),
                               "test": datasets.Dataset.from_list(INPUTS[2:])})
    dd.save_to_disk(str(tmp_path / "dd"))
    objects = _raw_objects(f"hf:{tmp_path / 'dd'}")
    assert [(o["id"], o["split"]) for o in objects] == [
        ("zh-1", "train"), ("ko-1", "train"), ("en-1", "test")]


def test_missing_text_column_is_a_clear_error(tmp_path, capsys):
    datasets.Dataset.from_list([{"id": "1", "body": "x"}]).to_parquet(str(tmp_path / "bad.parquet"))
    rc = cli(["run", f"hf:{tmp_path / 'bad.parquet'}", "-o", str(tmp_path / "o.jsonl"), "-q",
              "--workers", "1"])
    assert rc == 2
    assert "no 'text' column" in capsys.readouterr().err


@pytest.mark.slow
def test_cli_hf_input_to_parquet_and_hf_outputs(tmp_path, record_validator):
    datasets.Dataset.from_list(INPUTS + [{"id": "empty", "text": " ", "outlet": "x",
                                          "published": None}]).save_to_disk(str(tmp_path / "in"))
    common = [f"hf:{tmp_path / 'in'}", "--workers", "1", "-q"]
    assert cli(["run", *common, "-o", str(tmp_path / "out.jsonl")]) == 0
    expected = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    assert [r["id"] for r in expected] == ["zh-1", "ko-1", "en-1", "empty"]
    assert "error" in expected[3] and expected[0]["meta"]["outlet"] == "新华社"
    assert cli(["run", *common, "--format", "parquet", "-o", str(tmp_path / "out.parquet")]) == 0
    assert list(hf.read_results(tmp_path / "out.parquet")) == expected
    assert cli(["run", *common, "--format", "hf", "-o", str(tmp_path / "out_ds")]) == 0
    back = list(hf.records_from_dataset(datasets.load_from_disk(str(tmp_path / "out_ds"))))
    assert back == expected
    for record in back:
        assert not list(record_validator.iter_errors(record))
    assert not list(tmp_path.glob(".newsfacts-*"))  # the temporary JSONL is gone
