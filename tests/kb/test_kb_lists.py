"""Official list data in the knowledge base: importers (CSL JSON, OFAC CSV, FollowTheMoney),
merging with the seeds, list memberships, the official status of a news claim, the KB card."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import pipeline

from conftest import REPO
from pipeline.kb import load_kb
from pipeline.kb.build import build, load_seeds
from pipeline.kb.importers import csl, ftm, ofac
from pipeline.kb.official import official_status
from pipeline.kb.store import KBEntity

FTM_FIXTURE = REPO / "tests" / "data" / "ftm_entities.jsonl"


def newsfacts(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True,
                          cwd=REPO, timeout=300)


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def _csl_file(tmp_path: Path) -> Path:
    results = [
        {"name": "Huawei Technologies Co., Ltd. (Huawei). Affiliated Entity: Beijing Huawei Longshine "
                 "Information Technology Co., Ltd.", "alt_names": ["Beijing Huawei Longshine"],
         "source": "Entity List (EL) - Bureau of Industry and Security", "addresses": [{"country": "CN"}],
         "federal_register_notice": "84 FR 22963, 84 FR 43495", "start_date": "2019-05-16"},
        {"name": "KIM, Jong Un", "source": "Specially Designated Nationals (SDN) - Treasury Department",
         "type": "Individual", "addresses": [{"country": "KP"}], "entity_number": "20264"},
        {"name": "OCEAN STAR", "source": "Specially Designated Nationals (SDN) - Treasury Department",
         "type": "Vessel", "entity_number": "1"},
        {"name": "Some Debarred Person", "source": "ITAR Debarred (DTC) - State Department"},
        {"name": "Abdul Satar Ghoura", "source": "Entity List (EL) - Bureau of Industry and Security",
         "addresses": [{"country": "AF"}]},
    ]
    path = tmp_path / "consolidated.json"
    path.write_text(json.dumps({"results": results}), encoding="utf-8")
    return path


def test_csl_reader_keeps_catalogued_lists_people_in_full_and_affiliates_parents(tmp_path):
    entries = list(csl.entries(_csl_file(tmp_path)))
    assert len(entries) == 3                      # the vessel and the DTC entry are left out
    affiliate, kim, ghoura = entries
    assert affiliate.en == ["Beijing Huawei Longshine Information Technology Co., Ltd.", "Beijing Huawei Longshine"]
    assert affiliate.parent == "Huawei Technologies Co., Ltd"
    assert affiliate.lists == [{"list": "us-entity-list", "citation": "84 FR 22963", "date": "2019-05-16",
                                "status": "listed", "authority": "us-bis", "source": "csl:" + tmp_path.name}]
    assert kim.kind == "person" and kim.en == ["Kim Jong Un", "Jong Un Kim"] and kim.ids == ["ofac:20264"]
    from pipeline.kb.importers.names import person_forms
    assert person_forms("DERIPASKA, Oleg Vladimirovich", ["RU"]) == ["Oleg Vladimirovich Deripaska", "Oleg Deripaska"]
    assert ghoura.kind == "person"                 # an untyped Entity List entry that reads as a name


def test_csl_projection_gives_the_same_fields():
    data = REPO.parent / "shared" / "data" / "us-csl-2026-07" / "screening-list.json"
    if not data.exists():
        pytest.skip("needs ../shared/data/us-csl-2026-07")
    lists = {}
    for entry in csl.entries(data):
        for item in entry.lists:
            lists[item["list"]] = lists.get(item["list"], 0) + 1
    assert lists["us-entity-list"] >= 3400 and lists["us-unverified-list"] == 222
    assert lists["us-meu-list"] == 70 and lists["us-ns-cmic-list"] == 68 and lists["us-sdn-list"] > 17000


def test_ofac_reader_joins_aliases_and_addresses(tmp_path):
    (tmp_path / "sdn.csv").write_text(
        '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n'
        '7001,"RI, Chol Man","individual","DPRK3",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1970."\n'
        '9,"SEA HORSE","vessel","IRAN",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n\x1a', encoding="utf-8")
    (tmp_path / "alt.csv").write_text('36,12,"aka","AERO-CARIBBEAN",-0- \n', encoding="utf-8")
    (tmp_path / "add.csv").write_text('7001,1,-0- ,"Pyongyang","Korea, North",-0- \n', encoding="utf-8")
    airline, person = ofac.entries(tmp_path)
    assert airline.en == ["AEROCARIBBEAN AIRLINES", "AERO-CARIBBEAN"] and airline.ids == ["ofac:36"]
    assert person.kind == "person" and person.country == "KP" and person.en == ["Ri Chol Man", "Chol Man Ri"]
    assert person.lists[0]["list"] == "us-sdn-list" and person.lists[0]["entry"] == "7001"


def test_ftm_reader_finds_lists_by_their_catalogue_names():
    entries = {e.ids[0]: e for e in ftm.entries(FTM_FIXTURE)}
    assert set(entries) == {"ftm:os-skyrizon", "ftm:os-acme", "ftm:os-person", "ftm:os-nested"}   # no vessel
    sky = entries["ftm:os-skyrizon"]
    assert sky.zh == ["北京天骄航空产业投资有限公司"] and "Skyrizon" in sky.en and sky.country == "CN"
    assert sky.lists[0]["list"] == "us-entity-list" and sky.lists[0]["date"] == "2021-01-14"
    acme = entries["ftm:os-acme"].lists[0]
    assert (acme["list"], acme["status"], acme["end"]) == ("cn-unreliable-entity-list", "removed", "2025-01-02")
    assert entries["ftm:os-person"].ko == ["김호"] and entries["ftm:os-person"].kind == "person"
    assert [m["list"] for m in entries["ftm:os-nested"].lists] == ["us-meu-list"]   # the other programme is not kept


def test_build_merges_by_source_id_then_name_and_reports_it(tmp_path):
    from pipeline.kb.sources import ListEntry, membership

    newer = ListEntry([], ["Kim Jong Un"], "person", "KP", "csl:x", [membership("us-sdn-list", entry="1",
                                                                             source="csl:x")], ids=["ofac:1"])
    older = ListEntry([], ["Jong Un Kim"], "person", "KP", "sdn:y", [membership("us-sdn-list", entry="1",
                                                                              source="sdn:y")], ids=["ofac:1"])
    gone = ListEntry([], ["Delisted Trading Company"], "organization", "RU", "sdn:y",
                     [membership("us-sdn-list", entry="2", source="sdn:y")], ids=["ofac:2"])
    skydio = ListEntry([], ["Skydio, Inc."], "organization", "US", "ftm:z",
                       [membership("cn-countermeasure-list", date="2024-10-11", source="ftm:z")])
    report: list[dict] = []
    entities = {e.id: e for e in build(load_seeds(), [newer, older, gone, skydio], report)}
    kim = next(e for e in entities.values() if e.name == "Kim Jong Un")
    assert "Jong Un Kim" in kim.aliases["en"] and len(kim.lists) == 1          # one membership, csl first
    assert next(e for e in entities.values() if e.name == "Delisted Trading").lists[0]["status"] == "removed"
    assert entities["nf:skydio"].lists[-1]["list"] == "cn-countermeasure-list"
    assert {(r["into"], r["via"]) for r in report} >= {(kim.id, "ofac:1"), ("nf:skydio", "name:skydio inc")}


@pytest.mark.parametrize("memberships, action, date, expected", [
    ([{"list": "us-entity-list", "status": "listed"}], "add", "2019-10", "confirmed"),
    ([], "add", "2019-10", "not_listed"),
    ([{"list": "us-sdn-list", "status": "listed"}], "add", None, "not_listed"),   # another list
    ([{"list": "us-entity-list", "status": "removed"}], "add", None, "removed"),
    ([{"list": "us-entity-list", "status": "removed", "end": "2025-01-02"}], "add", "2024-06", "confirmed"),
    ([{"list": "us-entity-list", "status": "removed", "end": "2025-01-02"}], "add", "2025-06", "removed"),
    ([{"list": "us-entity-list", "status": "removed"}], "remove", "2025-06", "removed"),
])
def test_official_status(memberships, action, date, expected):
    entity = KBEntity(id="nf:x", type="FIRM", name="X", lists=memberships)
    assert official_status(entity, "us-entity-list", action, date) == expected


def test_no_status_for_a_list_the_kb_has_no_data_about(kb):
    assert official_status(kb.get("nf:hikvision"), "eu-sanctions", "add", None, kb.covered_lists) is None
    assert official_status(kb.get("nf:hikvision"), "us-entity-list", "add", None, kb.covered_lists) == "confirmed"


def test_default_kb_has_the_official_lists_and_no_non_commercial_set(kb):
    assert kb.covered_lists >= {"us-entity-list", "us-unverified-list", "us-meu-list", "us-sdn-list",
                                "us-ns-cmic-list", "cn-unreliable-entity-list", "cn-export-control-list",
                                "cn-watch-list", "cn-countermeasure-list"}
    assert len(kb) > 20000
    card = (REPO / "models" / "kb" / "README.md").read_text(encoding="utf-8")
    assert "No source licensed for non-commercial use only was added." in card
    for name in ("restricted-parties-kaist-ko", "cn-sanctions-opensanctions", "opensanctions-us-dod-ndaa-lists"):
        assert f"`{name}`" not in card.split("<!-- kb-build:sources -->")[1]
    sources = {s.split(":")[0] for e in (kb.get(i) for i in ("nf:hikvision", "nf:huawei")) for s in e.sources}
    assert not sources & {"kaist", "opensanctions-csv"}


@pytest.mark.parametrize("name, list_id", [
    ("Beijing Huawei Longshine Information Technology Co., Ltd.", "us-entity-list"),   # Entity List
    ("Tianjin Phytium Information Technology", "us-entity-list"),
    ("China Telecom Corporation Limited", "us-ns-cmic-list"),                        # NS-CMIC
    ("Able Supply Chain Limited", "us-unverified-list"),                              # Unverified List
    ("通用动力公司", "cn-export-control-list"),                                        # MOFCOM control list
    ("斯巴鲁株式会社", "cn-watch-list"),                                                # MOFCOM watch list
    ("하이크비전", "us-entity-list"),                                                   # Hangul, curated
    ("헌팅턴잉걸스", "cn-export-control-list"),                                         # Hangul, across scripts
])
def test_kb_lookup_finds_listed_parties(name, list_id):
    proc = newsfacts("kb", "lookup", name, "--json")
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert any(item["list"] == list_id for r in records for item in r["lists"])


def test_kb_lookup_says_when_nothing_is_found():
    proc = newsfacts("kb", "lookup", "Qwzxv Nonexistent Holdings")
    assert proc.returncode == 1 and "no entity found" in proc.stdout


def test_non_commercial_source_is_added_only_on_request_and_the_card_says_so(tmp_path):
    data = tmp_path / "data" / "restricted-parties-kaist-ko"
    data.mkdir(parents=True)
    (data / "restricted_parties.json").write_text(json.dumps([
        {"name": {"english": "Sichuan University", "native": "四川大学", "korean": "쓰촨대학교"},
         "aliases": [], "source": {"list_id": "us-dod-section-1286"}}]), encoding="utf-8")
    out = tmp_path / "kb" / "entities.jsonl"
    proc = newsfacts("kb", "build", "--no-data", "--data", str(tmp_path / "data"),
                     "--source", "restricted-parties-kaist-ko", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    card = (tmp_path / "kb" / "README.md").read_text(encoding="utf-8")
    assert "Not for commercial use" in card and "`restricted-parties-kaist-ko`" in card
    built = load_kb(out)
    assert [e.name for e in built.lookup("쓰촨대학교")] == ["Sichuan University"]


def test_unknown_source_kind_is_a_clear_error():
    proc = newsfacts("kb", "build", "--no-data", "--source", "xls:foo.xlsx", "-o", "/dev/null")
    assert proc.returncode == 2 and "KIND:PATH" in proc.stderr


@pytest.mark.parametrize("text, lang, expected", [
    ("The Commerce Department added Hikvision and Microsoft to the Entity List on Monday.", "en",
     {"Hikvision": "confirmed", "Microsoft": "not_listed"}),
    ("美国商务部7日宣布，将海康威视列入实体清单。", "zh", {"海康威视": "confirmed"}),
    ("미국 상무부는 하이크비전을 엔티티 리스트에 올렸다.", "ko", {"하이크비전": "confirmed"}),
    ("中国商务部将斯巴鲁株式会社列入出口管制关注名单。", "zh", {"斯巴鲁株式会社": "confirmed"}),
])
def test_event_targets_carry_their_official_status(nlp, record_validator, text, lang, expected):
    record = nlp(text, published="2019-10-08").to_dict()
    record_validator.validate(record)
    texts = {e["id"]: e["text"] for e in record["entities"]}
    (event,) = record["events"]
    assert {texts[t]: status for t, status in event["official"].items()} == expected
    assert record["schema"] == pipeline.SCHEMA_VERSION == "1.2"


def test_canonical_of_a_listed_party_names_its_lists(nlp):
    record = nlp("Hikvision shares fell.").to_dict()
    (hik,) = [e for e in record["entities"] if e["text"] == "Hikvision"]
    assert {"id": "us-entity-list", "citation": "84 FR 54002", "status": "listed"} in hik["canonical"]["lists"]


def test_a_large_list_does_not_flood_the_text_with_false_names():
    from pipeline.kb.matcher import Matcher
    from pipeline.kb.normalize import normalize
    from pipeline.kb.sources import ListEntry, membership
    from pipeline.kb.store import KnowledgeBase

    listed = [membership("us-sdn-list")]
    entries = [ListEntry([], ["Kim Jong Un", "Kim"], "person", "KP", "t", listed),
               ListEntry([], ["Sunrise Petroleum Trading FZE", "Sunrise", "Global Trading", "ABC"],
                         "organization", "AE", "t", listed),
               ListEntry(["长城"], ["Delta"], "organization", "CN", "t", listed)]
    kb = KnowledgeBase(build([], entries))
    matcher = Matcher(kb)
    for text, found in [
        ("Kim met Kim Jong Un at Sunrise; Global Trading and ABC rose, Delta fell, 长城 stood.", ["Kim Jong Un"]),
        ("Sunrise Petroleum Trading FZE shipped the oil.", ["Sunrise Petroleum Trading FZE"]),
    ]:
        assert [text[m.start:m.end] for m in matcher.find(text, normalize(text))] == found
    assert kb.lookup("Kim") == [] and [e.name for e in kb.lookup_all("Kim")] == ["Kim Jong Un"]
