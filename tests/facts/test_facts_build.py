"""Corpus facts from hand-made records: rounds, dates and conflicts, name merging, official status."""
from __future__ import annotations

import pytest

from facts_helpers import record, write_jsonl
from pipeline.facts.dates import span
from pipeline.facts.local import Stats, build_local
from pipeline.facts.names import fold, merge_parties, name_keys
from pipeline.facts.official import OfficialLists
from pipeline.kb.store import KBEntity, load_kb

pytestmark = pytest.mark.timeout(120)

KO = "미국 상무부가 하이크비전을 거래제한 명단에 올렸다."
ZH = "美国商务部将海康威视列入实体清单。"
EN = "The U.S. Commerce Department added Hikvision to the Entity List."


@pytest.fixture(scope="module")
def kb():
    return list(load_kb())


def facts_of(tmp_path, records, kb, name="in.jsonl", stats=None):
    path = write_jsonl(tmp_path / name, records)
    return list(build_local([str(path)], kb, stats=stats))


def hik(rid, lang, text, mention, date, published, precision="day", list_id="us-entity-list"):
    return record(rid, lang, text, mention, target_id="nf:hikvision", target_name="Hikvision",
                  date=date, precision=precision, published=published, list_id=list_id)


def test_date_spans_of_every_precision():
    assert (span({"value": "2019-10-07", "precision": "day"}).days, span({"value": "2019-10", "precision": "month"}).days) == (1, 31)
    assert span({"value": "2019-W41", "precision": "week"}).first.isoformat() == "2019-10-07"
    assert span({"value": "2024-Q3", "precision": "quarter"}).last.isoformat() == "2024-09-30"
    assert span({"value": "2019-H2", "precision": "half"}).first.isoformat() == "2019-07-01"
    assert span({"value": "2010s", "precision": "decade"}).last.isoformat() == "2019-12-31"
    assert span({"value": "2019-13", "precision": "month"}) is None
    assert span({"value": "2019-10", "precision": "month"}).overlaps(span({"value": "2019-10-07", "precision": "day"}))


def test_one_listing_in_three_languages_is_one_fact(tmp_path, kb):
    facts = facts_of(tmp_path, [
        hik("ko-1", "ko", KO, "하이크비전", "2019-10-07", "2019-10-08"),
        hik("zh-1", "zh", ZH, "海康威视", "2019-10", "2019-10-09", precision="month"),
        hik("en-1", "en", EN, "Hikvision", "2019-10-07", "2019-10-07"),
    ], kb)
    (fact,) = facts
    assert fact["target"]["id"] == "nf:hikvision" and fact["target"]["names"]["ko"] == "하이크비전"
    assert fact["languages"] == {"en": 1, "ko": 1, "zh": 1} and fact["documents"] == 3
    assert fact["date"] == {"value": "2019-10-07", "precision": "day"}     # the most precise supported
    assert fact["first_published"] == "2019-10-07"
    assert [d["value"] for d in fact["dates"]] == ["2019-10", "2019-10-07"]
    assert fact["date_conflict"] is False and fact["authority"]["id"] == "nf:us-bis"
    assert [s["record"] for s in fact["sources"]] == ["en-1", "ko-1", "zh-1"]     # by publication


def test_a_contradicting_date_is_flagged_not_merged(tmp_path, kb):
    facts = facts_of(tmp_path, [
        hik("ko-1", "ko", KO, "하이크비전", "2019-10-07", "2019-10-08"),
        hik("en-1", "en", EN, "Hikvision", "2019-10-07", "2019-10-07"),
        hik("zh-1", "zh", ZH, "海康威视", "2019-10-08", "2019-10-09"),
    ], kb)
    (fact,) = facts
    assert fact["date"]["value"] == "2019-10-07" and fact["date_conflict"] is True
    by_record = {s["record"]: s["date_agrees"] for s in fact["sources"]}
    assert by_record == {"ko-1": True, "en-1": True, "zh-1": False}
    assert {(d["value"], d["agrees"]) for d in fact["dates"]} == {("2019-10-07", True), ("2019-10-08", False)}


def test_an_article_that_tells_the_act_twice_is_one_witness_of_its_date(tmp_path, kb):
    thrice = hik("ko-1", "ko", " ".join([KO] * 3), "하이크비전", "2019-10-08", "2019-10-08")
    for n in (1, 2):                                   # the same listing told again, the same wrong day
        at = n * (len(KO) + 1)
        thrice["events"].append(dict(thrice["events"][0], id=f"E{n + 1}", evidence=[{"start": at, "end": at + len(KO)}]))
    facts = facts_of(tmp_path, [thrice, hik("en-1", "en", EN, "Hikvision", "2019-10-07", "2019-10-07"),
                                hik("zh-1", "zh", ZH, "海康威视", "2019-10-07", "2019-10-08")], kb)
    (fact,) = facts
    assert fact["reports"] == 5 and fact["documents"] == 3
    assert fact["date"]["value"] == "2019-10-07" and fact["date_conflict"] is True


def test_two_rounds_of_one_party_on_one_list_are_two_facts(tmp_path, kb):
    huawei = dict(target_id="nf:huawei", target_name="Huawei")
    facts = facts_of(tmp_path, [
        record("ko-1", "ko", "미국 상무부가 화웨이를 거래제한 명단에 올렸다.", "화웨이", date="2019-05-15", published="2019-05-17", **huawei),
        record("en-1", "en", "The Commerce Department added 46 Huawei affiliates to the Entity List.", "Huawei",
               date="2019-08-19", published="2019-08-20", **huawei),
        record("en-2", "en", "Huawei was added to the Entity List again in 2020.", "Huawei",
               date="2020-08-17", published="2020-08-18", **huawei),
        # a coarse date joins the round it overlaps, the latest one begun before publication
        record("zh-1", "zh", "华为2019年被列入实体清单。", "华为", date="2019", precision="year",
               published="2019-12-01", **huawei),
    ], kb)
    assert [(f["round"], f["rounds"], f["date"]["value"]) for f in facts] == \
        [(1, 3, "2019-05-15"), (2, 3, "2019-08-19"), (3, 3, "2020-08-17")]
    assert [s["record"] for s in facts[1]["sources"]] == ["en-1", "zh-1"]
    assert len({f["id"] for f in facts}) == 3 and not any(f["date_conflict"] for f in facts)


def test_rounds_and_dates_do_not_depend_on_input_order(tmp_path, kb):
    records = [hik(f"r{i}", "en", EN, "Hikvision", d, p) for i, (d, p) in enumerate([
        ("2019-10-07", "2019-10-08"), ("2019-10-08", "2019-10-09"), ("2021-06-03", "2021-06-04"),
        ("2019-10", "2019-11-01")])]
    forward = facts_of(tmp_path, records, kb, "a.jsonl")
    backward = facts_of(tmp_path, records[::-1], kb, "b.jsonl")
    assert forward == backward and len(forward) == 2


def test_undated_report_joins_the_latest_round_before_it(tmp_path, kb):
    facts = facts_of(tmp_path, [
        hik("a", "en", EN, "Hikvision", "2019-10-07", "2019-10-08"),
        hik("b", "en", EN, "Hikvision", "2021-06-03", "2021-06-04"),
        hik("c", "en", EN, "Hikvision", None, "2020-01-15"),
    ], kb)
    assert [[s["record"] for s in f["sources"]] for f in facts] == [["a", "c"], ["b"]]
    assert facts[0]["sources"][1]["date_agrees"] is None


def test_same_report_read_twice_counts_once(tmp_path, kb):
    one = hik("ko-1", "ko", KO, "하이크비전", "2019-10-07", "2019-10-08")
    (fact,) = facts_of(tmp_path, [one, one], kb)
    assert fact["reports"] == 1


def test_names_fold_across_scripts_and_legal_forms():
    assert fold("杭州海康威視數字技術股份有限公司") == "杭州海康威视数字技术"
    assert fold("Zhejiang Dahua Technology Co., Ltd.") == "zhejiangdahuatechnology"
    assert name_keys(["孙明亮"]) == {"孙明亮", "sunmingliang"} and fold("Sun Ming-liang") == "sunmingliang"
    assert fold("SK하이닉스반도체(중국)") == "sk하이닉스반도체중국"
    assert name_keys(["公司"]) == set()          # nothing left to compare


def test_document_level_targets_merge_across_documents_and_languages(tmp_path, kb):
    def listed(rid, lang, text, name, published):
        return record(rid, lang, text, name, date="2019-10-07", published=published)

    facts = facts_of(tmp_path, [
        listed("zh-1", "zh", "美国商务部将孙明亮列入实体清单。", "孙明亮", "2019-10-08"),
        listed("en-1", "en", "Commerce added Sun Mingliang to the Entity List.", "Sun Mingliang", "2019-10-08"),
        listed("zh-2", "zh", "美國商務部將孫明亮列入實體清單。", "孫明亮", "2019-10-09"),
        listed("en-2", "en", "Commerce added Sun Mingliangg to the Entity List.", "Sun Mingliangg", "2019-10-10"),
        listed("en-3", "en", "Commerce added Sun Ming-liang to the Entity List.", "Sun Ming-liang", "2019-10-10"),
        listed("en-4", "en", "Commerce added Peng Jiarui to the Entity List.", "Peng Jiarui", "2019-10-10"),
    ], kb)
    assert len(facts) == 2
    sun = next(f for f in facts if f["documents"] == 5)
    how = {m["record"]: m["how"] for m in sun["target"]["merged"]}
    assert how == {"zh-1": "transliteration", "en-1": "name", "zh-2": "transliteration",
                   "en-2": "fuzzy 0.96", "en-3": "name"}
    assert {m["id"] for m in sun["target"]["merged"]} == {f"doc:{r}-t1" for r in ("zh-1", "en-1", "zh-2", "en-2", "en-3")}
    assert sun["target"]["id"].startswith("name:") and sun["official"]["status"] == "unknown"
    assert sun["languages"] == {"en": 3, "zh": 2}


def test_a_document_level_name_that_is_a_kb_alias_joins_the_kb_party(tmp_path, kb):
    facts = facts_of(tmp_path, [
        record("zh-1", "zh", ZH, "海康威视", target_id="nf:hikvision", target_name="Hikvision",
               date="2019-10-07", published="2019-10-08"),
        record("zh-2", "zh", "美国将杭州海康威视数字技术股份有限公司列入实体清单。", "杭州海康威视数字技术股份有限公司",
               date="2019-10-07", published="2019-10-08"),
    ], kb)
    (fact,) = facts
    assert fact["target"]["id"] == "nf:hikvision"
    assert fact["target"]["merged"] == [{"record": "zh-2", "id": "doc:zh-2-t1", "name": "杭州海康威视数字技术股份有限公司",
                                         "key": "name:杭州海康威视数字技术", "how": "kb-alias"}]


def test_merge_does_not_depend_on_order():
    parties = {"name:sunmingliang": {"sunmingliang"}, "name:孙明亮": {"孙明亮", "sunmingliang"},
               "name:beijingabc": {"beijingabc"}}
    reordered = dict(reversed(list(parties.items())))
    assert merge_parties(parties) == merge_parties(reordered)
    assert merge_parties(parties)["name:孙明亮"][0] == merge_parties(parties)["name:sunmingliang"][0]


def kb_entity(eid, lists):
    return KBEntity(id=eid, type="FIRM", name=eid, lists=lists)


def test_official_status_from_both_spellings_of_list_entries():
    official = OfficialLists([
        kb_entity("nf:pvh", [{"list": "cn-unreliable-entity-list", "date": "2025-02-04", "authority": "x", "document": "4"}]),
        kb_entity("nf:acme", [{"list": "us-entity-list", "date": "2019-05-16", "entry": "84 FR 22961"}]),
        kb_entity("nf:gone", [{"list": "us-entity-list", "date": "2018-08-01", "removed": "2020-03-01"}]),
        kb_entity("nf:uni", [{"list": "us-sdn-list", "date": "", "entry": "undated"}]),
        kb_entity("nf:old", [{"list": "cn-countermeasures", "date": "2024-06-21"}]),
    ])
    day = {"value": "2025-02-04", "precision": "day"}
    assert official.status("nf:pvh", "cn-unreliable-entity-list", day) == {
        "status": "confirmed", "date_match": True,
        "entries": [{"authority": "x", "date": "2025-02-04", "document": "4", "list": "cn-unreliable-entity-list"}]}
    assert official.status("nf:acme", "us-entity-list", {"value": "2019-05", "precision": "month"})["date_match"] is True
    assert official.status("nf:gone", "us-entity-list", None)["status"] == "removed"
    assert official.status("nf:other", "us-entity-list", {"value": "2019-10-07", "precision": "day"})["status"] == "not_listed"
    # list data without dates may be partial: absence proves nothing
    assert official.status("nf:other", "us-sdn-list", {"value": "2019-10-07", "precision": "day"})["status"] == "unknown"
    # a date far outside the period the list data covers
    assert official.status("nf:other", "us-entity-list", {"value": "2009", "precision": "year"})["status"] == "unknown"
    assert official.status("doc:x", "us-entity-list", day)["status"] == "unknown"
    assert official.status("nf:old", "cn-countermeasure-list", None)["status"] == "confirmed"


def test_real_kb_confirms_a_mofcom_listing(tmp_path, kb):
    text = "不可靠实体清单工作机制决定将因美纳公司列入不可靠实体清单。"
    (fact,) = facts_of(tmp_path, [record("zh-1", "zh", text, "因美纳公司", target_id="nf:illumina",
                                         target_name="Illumina", list_id="cn-unreliable-entity-list",
                                         date="2025-02-04", published="2025-02-04")], kb)
    assert fact["official"]["status"] == "confirmed" and fact["official"]["date_match"] is True


def test_bad_lines_and_error_records_are_counted_and_skipped(tmp_path, kb):
    path = tmp_path / "mixed.jsonl"
    good = write_jsonl(tmp_path / "good.jsonl", [hik("en-1", "en", EN, "Hikvision", "2019-10-07", "2019-10-07")])
    path.write_bytes(good.read_bytes() + b'{not json\n{"id": "x", "line": 3, "error": {"stage": "events", '
                     b'"type": "ValueError", "message": "boom"}}\n[1, 2]\n{"id": "y", "text": "t"}\n')
    stats = Stats()
    facts = list(build_local([str(path)], kb, stats=stats))
    assert len(facts) == 1
    assert (stats.input_lines, stats.records, stats.error_records, stats.bad_lines) == (5, 1, 1, 3)
    assert [b.line for b in stats.bad] == [2, 4, 5]
    assert "not JSON" in stats.bad[0].message and "'entities' missing" in stats.bad[2].message
