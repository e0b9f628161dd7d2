"""FollowTheMoney output: entities and Sanctions that the followthemoney library validates."""
from __future__ import annotations

import json

import pytest

from conftest import REPO
from facts_helpers import ftm_validated as validated

ftm_lib = pytest.importorskip("followthemoney")

from followthemoney import model  # noqa: E402

from pipeline.cli import main as cli  # noqa: E402
from pipeline.output_formats import write  # noqa: E402
from pipeline.integrations.ftm import ftm_entities  # noqa: E402

RECORDS = [json.loads(line) for line in
           (REPO / "tests" / "data" / "integration_records.jsonl").read_text("utf-8").splitlines()]
ARTICLES = {r["lang"]: r for r in RECORDS if "error" not in r}


@pytest.mark.parametrize("lang", ["ko", "zh", "en"])
def test_entities_validate_and_sanctions_keep_the_event_values(lang):
    record = ARTICLES[lang]
    proxies = validated(list(ftm_entities(record)))
    entities = {e["id"]: e for e in record["entities"]}
    (event,) = record["events"]
    sanctions = [p for p in proxies.values() if p.schema.name == "Sanction"]
    assert len(sanctions) == len(event["targets"])
    authority = entities[event["authority"]]["canonical"]["name"]
    for target_id, sanction in zip(event["targets"], sanctions):
        target = proxies[sanction.first("entity")]
        canonical = entities[target_id]["canonical"]
        assert set(canonical["names"].values()) <= set(target.get("name"))
        assert sanction.get("authority") == [authority]
        assert sanction.get("program") == [event["list"]["name"]]
        assert sanction.get("programId") == [event["list"]["id"]]
        assert sanction.get("listingDate") == sanction.get("startDate") == [event["date"]["value"]]
        assert sanction.get("reason") == [event["reason"]["text"]]
        assert sanction.get("sourceUrl") == [record["meta"]["url"]]
        assert proxies[sanction.first("proof")].schema.name == "Article"


def test_schemata_per_type():
    proxies = validated(list(ftm_entities(ARTICLES["en"])))
    by_name = {p.first("name"): p for p in proxies.values() if p.schema.name != "Sanction"}
    assert by_name["U.S. Department of Commerce"].schema.name == "PublicBody"
    assert by_name["U.S. Department of Commerce"].get("alias") == ["U.S. Commerce Department"]
    assert by_name["Hikvision"].schema.name == "Company"
    university = by_name["Harbin Institute of Technology"]
    assert university.schema.name == "Organization" and university.get("classification") == ["university"]
    assert "哈尔滨工业大学" in university.get("name")
    assert by_name["Wilbur Ross"].schema.name == "Person"
    assert "Xinjiang" not in by_name and "$1.1 billion" not in by_name  # LOC, MONEY: no entity


def named_ids(record: dict) -> dict[str, str]:
    """First name -> FtM id of the named entities of one record."""
    return {p["properties"]["name"][0]: p["id"] for p in ftm_entities(record) if "name" in p["properties"]}


def test_ids_are_stable_and_linked_entities_share_them_across_languages():
    ids = {lang: named_ids(r) for lang, r in ARTICLES.items()}
    assert ids["ko"]["Hikvision"] == ids["zh"]["Hikvision"] == ids["en"]["Hikvision"]
    assert ids["zh"]["Dahua Technology"] == ids["en"]["Dahua Technology"]
    again = named_ids(ARTICLES["en"])
    assert again["Wilbur Ross"] == ids["en"]["Wilbur Ross"]
    other = dict(ARTICLES["en"], id="another-article")
    moved = named_ids(other)
    assert moved["Hikvision"] == ids["en"]["Hikvision"]          # canonical: same everywhere
    assert moved["Wilbur Ross"] != ids["en"]["Wilbur Ross"]      # unlinked: per document


def test_repeated_mentions_give_one_entity():
    data = list(ftm_entities(ARTICLES["zh"]))
    companies = [d for d in data if d["schema"] == "Company"]
    assert sorted(d["properties"]["name"][0] for d in companies) == ["Dahua Technology", "Hikvision"]


def test_lifted_sanction_has_an_end_date():
    record = json.loads(json.dumps(ARTICLES["en"]))
    record["events"][0]["action"] = "remove"
    sanctions = [p for p in validated(list(ftm_entities(record))).values() if p.schema.name == "Sanction"]
    assert all(s.get("endDate") == ["2019-10-07"] and not s.get("startDate") for s in sanctions)


def test_error_record_gives_nothing_and_writer_writes_lines(tmp_path):
    error = next(r for r in RECORDS if "error" in r)
    assert list(ftm_entities(error)) == []
    count = write(RECORDS, "ftm", str(tmp_path / "out.ftm.json"))
    lines = (tmp_path / "out.ftm.json").read_text("utf-8").splitlines()
    assert len(lines) == count == sum(len(list(ftm_entities(r))) for r in RECORDS)
    schemata = [model.get_proxy(json.loads(line), cleaned=False).schema.name for line in lines]
    assert schemata.count("Article") == 3 and schemata.count("Sanction") == 6


@pytest.mark.slow
def test_cli_format_ftm(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "zh-1", "text": "美国商务部7日将海康威视列入实体清单。"}, ensure_ascii=False)
                   + "\n", encoding="utf-8")
    out = tmp_path / "out.ftm.json"
    assert cli(["run", str(src), "--format", "ftm", "-o", str(out), "--workers", "1", "-q"]) == 0
    proxies = validated([json.loads(line) for line in out.read_text("utf-8").splitlines()])
    schemata = {p.schema.name for p in proxies.values()}
    assert "Article" in schemata
    names = {n for p in proxies.values() for n in p.get("name", quiet=True)}
    assert {"海康威视", "美国商务部"} <= names  # the default pipeline's KB knows both
