"""The learned organisation typer (pipeline/entities/typing_model.py), its model file and its
training (pipeline/entities/typer_train.py)."""
from __future__ import annotations

import json

import pytest

from pipeline.entities import typer
from pipeline.entities.typing_model import OrgMention, OrgTyper, features
from pipeline.errors import ConfigError
from pipeline.linear import SoftmaxModel, load_softmax
from pipeline.stages.base import Shared
from pipeline.stages.resolve import ResolveConfig, ResolveStage
from pipeline.types import Document, Entity, Sentence

MODEL = "models/typer/typer.json"


def test_the_shipped_model_loads_with_its_four_types_and_out_of_fold_scores():
    model = OrgTyper.load(MODEL).model
    assert model is not None
    assert set(model.classes) == {"FIRM", "GOV", "ORG", "UNIVERSITY"}
    assert "news:test" not in " ".join(model.meta["sets"])
    assert model.meta["out_of_fold_typing"]["all"]["model"]["n"] > 100


# Real organisations, none of them in the training texts (news dev, held-out, samples, CLUENER
# train) nor in the knowledge base: the learned typer decides each (checked in the test).
UNSEEN = [
    ("en", "Samsung Heavy Industries said on Tuesday that it had won an order for two LNG carriers.",
     "Samsung Heavy Industries", "FIRM"),
    ("en", "Shares of Nippon Steel fell 3% in Tokyo after the company reported lower profits.", "Nippon Steel", "FIRM"),
    ("en", "Researchers at Seoul National University published the study on Friday.",
     "Seoul National University", "UNIVERSITY"),
    ("en", "Amnesty International said the arrests were arbitrary.", "Amnesty International", "ORG"),
    ("ko", "카카오뱅크 주가는 이날 급락했다.", "카카오뱅크", "FIRM"),
    ("ko", "경기도교육청은 이날 방침을 발표했다.", "경기도교육청", "GOV"),
    ("ko", "부경대학교 연구팀이 개발했다.", "부경대학교", "UNIVERSITY"),
    ("ko", "대한상공회의소는 이날 보고서를 냈다.", "대한상공회의소", "ORG"),
    ("zh", "杭州宇树科技有限公司周二发布了新款机器人。", "杭州宇树科技有限公司", "FIRM"),
    ("zh", "广东省生态环境厅周一通报了检查结果。", "广东省生态环境厅", "GOV"),
    ("zh", "上海交通大学医学院的研究人员发表了论文。", "上海交通大学医学院", "UNIVERSITY"),
    ("zh", "世界自然基金会呼吁各国保护森林。", "世界自然基金会", "ORG"),
]


@pytest.mark.parametrize("lang, text, name, expected", UNSEEN)
def test_the_pipeline_types_unseen_organisations_with_the_learned_model(nlp, lang, text, name, expected):
    doc = nlp(text)
    found = [e for e in doc.entities if e.text == name]
    assert found, f"{name!r} not found: {[(e.text, e.type) for e in doc.entities]}"
    entity = found[0]
    assert entity.source == "model" and not str((entity.canonical or {}).get("id", "")).startswith("nf:"), \
        f"{name!r} is known to the knowledge base now: pick another name for this test"
    assert doc.sentences[0].lang == lang
    assert entity.type == expected


def test_without_a_model_file_the_rules_decide(tmp_path):
    rules = OrgTyper.load(tmp_path / "absent.json")
    assert rules.model is None and OrgTyper.load("none").model is None
    for name, ner_type, after, expected in [("交通运输部", "FIRM", "", "GOV"), ("Korea Zinc", "ORG", " shares fell", "FIRM"),
                                            ("서울대", "ORG", "", "UNIVERSITY"), ("Lumbridge Trust", "ORG", "", "ORG")]:
        mention = OrgMention(name, "", after, "und", ner_type)
        assert rules(mention) == typer.rule_type(name, ner_type, "", after) == expected


def _stage(typer_model: str = MODEL) -> ResolveStage:
    stage = ResolveStage(ResolveConfig(typer_model=typer_model), Shared(run=None))
    stage.setup()
    return stage


def _doc(text: str, lang: str, names: list[tuple[str, str, str]]) -> Document:
    doc = Document(text=text, sentences=[Sentence(0, len(text), lang)])
    for name, typ, source in names:
        start = text.index(name)
        doc.entities.append(Entity(id="", text=name, type=typ, start=start, end=start + len(name),
                                   source=source, score=0.9))
    return doc


def test_resolve_keeps_the_types_the_kb_knows_and_asks_the_one_typer_for_the_others():
    stage = _stage()
    asked: list[OrgMention] = []

    def always_university(mention: OrgMention) -> str:
        asked.append(mention)
        return "UNIVERSITY"

    stage.resolver.typer = always_university
    text = "Huawei and Zorblat Dynamics signed a deal in Shenzhen."
    doc = _doc(text, "en", [("Huawei", "ORG", "model"), ("Zorblat Dynamics", "ORG", "model"),
                            ("Shenzhen", "LOC", "model")])
    stage.process(doc)
    assert [(e.text, e.type) for e in doc.entities] == [
        ("Huawei", "FIRM"), ("Zorblat Dynamics", "UNIVERSITY"), ("Shenzhen", "LOC")]
    assert [(m.text, m.ner_type, m.lang, m.after[:5]) for m in asked] == [("Zorblat Dynamics", "ORG", "en", " sign")]


def test_an_abbreviation_in_brackets_knows_the_type_of_its_name():
    stage = _stage()
    stage.resolver.collect = []
    text = "그러나 루마니아 국가조달청(ANAP)은 이를 부인했다."
    doc = _doc(text, "ko", [("루마니아 국가조달청", "ORG", "model"), ("ANAP", "ORG", "model")])
    stage.process(doc)
    mentions = {m.text: m for _, m in stage.resolver.collect}
    assert mentions["루마니아 국가조달청"].partner_type is None
    assert mentions["ANAP"].partner_type == doc.entities[0].type == "GOV"
    assert features(mentions["ANAP"])["partner=GOV"] == 1.0


def test_a_softmax_model_is_json_and_a_dot_product(tmp_path):
    model = SoftmaxModel(("FIRM", "GOV"), {"FIRM": {"bias": 0.5, "legal_form": 2.0}, "GOV": {"bias": 1.0}},
                         {"note": "한국어 中文"})
    path = tmp_path / "m.json"
    path.write_text(model.to_json(), encoding="utf-8")
    loaded = load_softmax(path)
    assert loaded == model and json.loads(path.read_text(encoding="utf-8"))["classes"] == ["FIRM", "GOV"]
    assert loaded.best({"bias": 1.0}) == "GOV" and loaded.best({"bias": 1.0, "legal_form": 1.0}) == "FIRM"
    assert loaded.best({"bias": 0.0}) == "FIRM"   # a tie goes to the first class
    probs = loaded.probabilities({"bias": 1.0, "legal_form": 1.0})
    assert abs(sum(probs.values()) - 1.0) < 1e-9 and probs["FIRM"] > probs["GOV"]
    assert load_softmax(tmp_path / "absent.json") is None


def test_training_refuses_the_news_test_split(tmp_path):
    from pipeline.eval.gold import training_config as load_config

    path = tmp_path / "typer.toml"
    path.write_text('kind = "typer"\noutput = "x"\nsets = ["news:dev", "news:test"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="news:test"):
        load_config(path)


@pytest.mark.timeout(120)
def test_training_runs_on_a_tiny_set_and_writes_a_model_that_types(tmp_path):
    from pipeline.entities.typer_train import train
    from pipeline.eval.gold import training_config as load_config

    config = tmp_path / "typer.toml"
    config.write_text('kind = "typer"\nsets = ["samples"]\nfolds_of = ["samples"]\nfolds = 2\n'
                      'non_org_label = "ORG"\n'
                      f'output = "{(tmp_path / "out").as_posix()}"\n', encoding="utf-8")
    meta = train(load_config(config), log=lambda line: None)
    assert meta["mentions"]["samples"] >= 5
    assert meta["out_of_fold_typing"]["all"]["model"]["n"] > 0
    assert set(meta["out_of_fold_entities"]) == {"model", "rules"}
    model = load_softmax(tmp_path / "out" / "typer.json")
    assert model is not None and len(model.classes) >= 2
    assert OrgTyper(model)(OrgMention("Zorblat Dynamics", "", " said", "en", "ORG")) in model.classes
