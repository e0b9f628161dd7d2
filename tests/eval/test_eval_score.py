"""The scorer on small hand-computed cases (ko, zh, en), and `newsfacts eval` on files."""
from __future__ import annotations

import json

import pytest

from pipeline.cli import main as cli
from pipeline.eval.match import match
from pipeline.eval.score import Options, restrict, score
from pipeline.eval.tagmap import tagmap


def ent(text: str, sub: str, etype: str, nth: int = 0, **extra) -> dict:
    """An entity for the ``nth`` occurrence of ``sub`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return {"start": start, "end": start + len(sub), "type": etype, "text": sub, **extra}


def doc(doc_id: str, text: str, entities: list[dict], lang: str = "ko", **extra) -> dict:
    for i, e in enumerate(entities, 1):
        e.setdefault("id", f"T{i}")
    return {"id": doc_id, "lang": lang, "text": text, "entities": entities, **extra}


KO = "삼성전자와 LG전자가 서울에서 만났다"


def overall(report: dict, mode: str) -> tuple[int, int, int]:
    o = report["entities"][mode]["overall"]
    return o["tp"], o["fp"], o["fn"]


def test_strict_lenient_and_type_confusion_korean():
    gold = [doc("k1", KO, [ent(KO, "삼성전자", "FIRM"), ent(KO, "LG전자", "FIRM"), ent(KO, "서울", "LOC")])]
    pred = [doc("k1", KO, [ent(KO, "삼성전자", "FIRM"), ent(KO, "LG", "FIRM"), ent(KO, "서울", "ORG")])]
    r = score(gold, pred).to_dict()
    assert overall(r, "strict") == (1, 2, 2)
    assert overall(r, "lenient") == (2, 1, 1)
    s = r["entities"]["strict"]
    assert s["FIRM"]["p"] == 0.5 and s["FIRM"]["r"] == 0.5 and s["LOC"]["fn"] == 1 and s["ORG"]["fp"] == 1
    assert r["entities"]["lenient"]["FIRM"]["f1"] == 1.0
    assert r["confusion"]["LOC"] == {"ORG": 1}
    assert r["confusion"]["FIRM"] == {"FIRM": 2}
    assert r["languages"]["ko"]["strict"]["overall"]["tp"] == 1
    assert r["languages"]["ko"]["lenient"]["FIRM"]["tp"] == 2


def test_nested_spans_chinese():
    text = "中国人民银行宣布降息"
    gold = [doc("z1", text, [ent(text, "中国人民银行", "GOV"), ent(text, "中国", "LOC")], "zh")]
    pred = [doc("z1", text, [ent(text, "人民银行", "GOV"), ent(text, "中国", "LOC")], "zh")]
    r = score(gold, pred).to_dict()
    assert overall(r, "strict") == (1, 1, 1)
    assert overall(r, "lenient") == (2, 0, 0)
    # the LOC prediction overlaps the GOV gold too, but same-type pairs come first
    assert r["confusion"] == {"GOV": {"GOV": 1}, "LOC": {"LOC": 1}}


def test_lenient_is_one_to_one_and_maximal():
    text = "John Smith and Mary Jones"
    # one prediction covering two gold names matches only one of them
    gold = [doc("e1", text, [ent(text, "John", "PERSON"), ent(text, "Smith", "PERSON")], "en")]
    pred = [doc("e1", text, [ent(text, "John Smith", "PERSON")], "en")]
    assert overall(score(gold, pred).to_dict(), "lenient") == (1, 0, 1)
    # the first gold could take the long prediction and leave the second unmatched; a maximum
    # one-to-one matching pairs both
    gold = [doc("e2", text, [ent(text, "John Smith", "PERSON"), ent(text, "Mary Jones", "PERSON")], "en")]
    pred = [doc("e2", text, [ent(text, "Smith and Mary", "PERSON"), ent(text, "John", "PERSON")], "en")]
    assert overall(score(gold, pred).to_dict(), "lenient") == (2, 0, 0)


def test_match_finds_maximum_not_greedy():
    gold, pred = ["A", "B"], ["AB", "A"]
    assert match(gold, pred, lambda g, p: g in p) == [(0, 1), (1, 0)]


def test_duplicate_predictions_are_false_positives():
    gold = [doc("k1", KO, [ent(KO, "삼성전자", "FIRM")])]
    pred = [doc("k1", KO, [ent(KO, "삼성전자", "FIRM"), ent(KO, "삼성전자", "FIRM"), ent(KO, "삼성", "FIRM")])]
    r = score(gold, pred).to_dict()
    assert overall(r, "strict") == (1, 2, 0)
    assert overall(r, "lenient") == (1, 2, 0)
    assert r["entities"]["strict"]["FIRM"]["p"] == pytest.approx(1 / 3)


def test_empty_inputs_give_zeros_not_errors():
    r = score([], []).to_dict()
    assert r["entities"]["strict"]["overall"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 0}
    assert r["documents"]["pred_unmatched"] == 0
    gold = [doc("k1", KO, [])]
    r = score(gold, [doc("k1", KO, [])]).to_dict()
    assert overall(r, "strict") == (0, 0, 0)


def test_missing_documents_error_records_and_extra_predictions():
    gold = [doc("k1", KO, [ent(KO, "삼성전자", "FIRM")]), doc("k2", KO, [ent(KO, "서울", "LOC")]),
            doc("k3", KO, [ent(KO, "LG전자", "FIRM")])]
    pred = [doc("k1", KO, [ent(KO, "삼성전자", "FIRM")]),
            {"id": "k2", "line": 2, "error": {"stage": "ner", "type": "ValueError", "message": "x"}},
            doc("k9", KO, [ent(KO, "서울", "LOC")])]
    r = score(gold, pred).to_dict()
    assert overall(r, "strict") == (1, 0, 2)
    assert r["documents"] == {"gold": 3, "errors": 1, "missing": 1, "pred_unmatched": 1}


def test_gold_without_entities_is_not_scored_on_entities():
    gold = [{"id": "k1", "lang": "ko", "text": KO, "events": []}]
    pred = [doc("k1", KO, [ent(KO, "삼성전자", "FIRM")])]
    r = score(gold, pred).to_dict()
    assert overall(r, "strict") == (0, 0, 0)


def test_map_and_types_klue():
    text = "경찰은 삼성전자 직원 김씨를 2019년 10월 입건했다"
    gold = [doc("k1", text, [ent(text, "경찰", "ORG"), ent(text, "삼성전자", "ORG"), ent(text, "김", "PERSON"),
                             ent(text, "2019년 10월", "DATE"), ent(text, "씨", "klue:TI")])]
    pred = [doc("k1", text, [ent(text, "경찰", "GOV"), ent(text, "삼성전자", "FIRM"), ent(text, "김", "PERSON"),
                             ent(text, "2019년", "DATE")])]
    plain = score(gold, pred).to_dict()
    assert overall(plain, "strict") == (1, 3, 4)
    klue = tagmap("klue")
    typer = restrict(klue.to_set, ["PS", "OG", "DT"])
    r = score(gold, pred, Options(typer, typer)).to_dict()
    assert overall(r, "strict") == (3, 1, 1)
    assert set(r["entities"]["strict"]) == {"OG", "PS", "DT", "overall"}
    assert r["entities"]["lenient"]["DT"]["tp"] == 1


def test_norm_and_linking_accuracy_on_matches():
    text = "Hikvision was fined $100 million in October 2019 by the US"
    gold = [doc("e1", text, [
        ent(text, "Hikvision", "FIRM", canonical={"id": "Q1", "name": "Hikvision"}),
        ent(text, "$100 million", "MONEY", norm={"value": 100000000, "currency": "USD"}),
        ent(text, "October 2019", "DATE", norm={"value": "2019-10", "precision": "month"}),
        ent(text, "US", "GOV", canonical={"id": "Q30", "name": "United States"})], "en")]
    pred = [doc("e1", text, [
        ent(text, "Hikvision", "FIRM", canonical={"id": "Q1", "name": "Hikvision"}),
        ent(text, "$100 million", "MONEY", norm={"value": 1e8, "currency": "USD"}),
        ent(text, "October 2019", "DATE", norm={"value": "2019-10-01", "precision": "day"}),
        ent(text, "US", "GOV")], "en")]
    r = score(gold, pred).to_dict()
    assert r["norm"]["MONEY"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert r["norm"]["DATE"]["correct"] == 0
    assert r["norm"]["overall"]["accuracy"] == 0.5
    assert r["linking"] == {"correct": 1, "total": 2, "accuracy": 0.5, "predicted": 1}


def test_events_with_and_without_date():
    text = "美国商务部将海康威视和大华列入实体清单"
    g_ents = [ent(text, "美国商务部", "GOV"), ent(text, "海康威视", "FIRM", canonical={"id": "Q1", "name": "Hikvision"}),
              ent(text, "大华", "FIRM")]
    event = {"id": "E1", "type": "sanction", "action": "add", "authority": "T1", "targets": ["T2", "T3"],
             "list": {"id": "us-entity-list", "name": "Entity List"},
             "date": {"value": "2019-10-07", "precision": "day"}}
    gold = [doc("z1", text, g_ents, "zh", events=[event])]
    p_ents = [ent(text, "美国商务部", "GOV"), ent(text, "海康威视", "FIRM", canonical={"id": "Q1", "name": "Hikvision"}),
              ent(text, "大华", "FIRM")]
    pred_events = [{**event, "date": {"value": "2019-11-08", "precision": "day"}},   # events compare months
                   {**event, "id": "E2", "action": "remove", "targets": ["T3"]}]
    pred = [doc("z1", text, p_ents, "zh", events=pred_events)]
    r = score(gold, pred).to_dict()["events"]
    assert (r["with_date"]["tp"], r["with_date"]["fp"], r["with_date"]["fn"]) == (0, 3, 2)
    assert (r["without_date"]["tp"], r["without_date"]["fp"], r["without_date"]["fn"]) == (2, 1, 0)


def test_event_targets_compare_canonical_ids_before_names():
    gold_text, pred_text = "Hikvision added to the Entity List", "Hangzhou Hikvision added to the Entity List"
    ev = {"id": "E1", "action": "add", "authority": None, "targets": ["T1"], "list": {"id": "us-entity-list"}}
    gold = [doc("e1", gold_text, [ent(gold_text, "Hikvision", "FIRM", canonical={"id": "Q1", "name": "H"})],
                "en", events=[ev])]
    linked = [doc("e1", pred_text, [ent(pred_text, "Hangzhou Hikvision", "FIRM", canonical={"id": "Q1", "name": "H"})],
                  "en", events=[ev])]
    other_text = "Reports say Zhejiang Dahua was added to the Entity List"
    unlinked = [doc("e1", other_text, [ent(other_text, "Zhejiang Dahua", "FIRM")], "en", events=[ev])]
    assert score(gold, linked).to_dict()["events"]["without_date"]["tp"] == 1
    assert score(gold, unlinked).to_dict()["events"]["without_date"]["tp"] == 0


def write_jsonl(path, records) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def test_cli_eval_json_layout(tmp_path, capsys):
    gold = [doc("k1", KO, [ent(KO, "삼성전자", "FIRM"), ent(KO, "서울", "LOC")])]
    pred = [doc("k1", KO, [ent(KO, "삼성전자", "FIRM"), ent(KO, "서울", "ORG")])]
    write_jsonl(tmp_path / "gold.jsonl", gold)
    write_jsonl(tmp_path / "pred.jsonl", pred)
    assert cli(["eval", str(tmp_path / "gold.jsonl"), str(tmp_path / "pred.jsonl"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {"entities", "norm", "linking", "events"} <= set(report)
    assert set(report["entities"]) == {"strict", "lenient"}
    assert set(report["entities"]["strict"]["overall"]) == {"p", "r", "f1", "tp", "fp", "fn"}
    assert report["entities"]["strict"]["overall"]["f1"] == 0.5
    assert cli(["eval", str(tmp_path / "gold.jsonl"), str(tmp_path / "pred.jsonl"), "--map", "klue"]) == 0
    table = capsys.readouterr().out
    assert "OG" in table and "LC" in table and "LC -> OG: 1" in table


def test_cli_eval_empty_files_and_bad_json(tmp_path, capsys):
    (tmp_path / "gold.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "pred.jsonl").write_text("", encoding="utf-8")
    assert cli(["eval", str(tmp_path / "gold.jsonl"), str(tmp_path / "pred.jsonl")]) == 0
    assert "0.000" in capsys.readouterr().out
    (tmp_path / "pred.jsonl").write_text("{not json\n", encoding="utf-8")
    write_jsonl(tmp_path / "gold.jsonl", [doc("k1", KO, [])])
    assert cli(["eval", str(tmp_path / "gold.jsonl"), str(tmp_path / "pred.jsonl")]) == 2
    assert "pred.jsonl:1" in capsys.readouterr().err


def test_duplicate_gold_ids_are_an_error(tmp_path, capsys):
    write_jsonl(tmp_path / "gold.jsonl", [doc("k1", KO, []), doc("k1", KO, [])])
    write_jsonl(tmp_path / "pred.jsonl", [])
    assert cli(["eval", str(tmp_path / "gold.jsonl"), str(tmp_path / "pred.jsonl")]) == 2
    assert "two documents with id 'k1'" in capsys.readouterr().err


def test_entity_without_offsets_is_a_clear_error():
    from pipeline.errors import InputError

    gold = [doc("k1", KO, [ent(KO, "삼성전자", "FIRM")])]
    with pytest.raises(InputError, match="'k1'.*no valid start/end"):
        score(gold, [doc("k1", KO, [{"type": "FIRM", "text": "삼성전자"}])])
