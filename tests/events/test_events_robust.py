"""The events stage never raises: sentences whose every trigger is quoted (the shape that crashed
it on a Korean report of the 2019-2020 Entity List additions), and sentences assembled from
fragments of real reports (quotes, enumerations, brackets, headlines, list names) in three
languages, with the entities the earlier stages would give them."""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import pipeline
from conftest import assert_offsets
from pipeline.events import EventExtractor, load_catalogue
from pipeline.events.markup import from_markup

EXAMPLES = int(os.environ.get("NEWSFACTS_FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize="NEWSFACTS_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def test_a_sentence_whose_triggers_are_all_quoted_is_no_event_and_no_crash():
    """The trigger (추가했다, 列入, added) stands only inside quotation marks: speech, not a report."""
    extract = EventExtractor(load_catalogue())
    for marked, lang in (
            ("[미국 상무부|GOV|nf:us-doc] 관계자는 \"중국 AI 기업들을 거래제한 명단에 추가했다는 보도는 사실이다\"라고 말했다.", "ko"),
            ("[商务部|GOV|nf:cn-mofcom]发言人表示：“已将有关企业列入不可靠实体清单的说法不实。”", "zh"),
            ("A [Commerce Department|GOV|nf:us-doc] official said: \"We added those firms to the Entity List long ago.\"", "en")):
        doc = from_markup(marked, lang)
        assert extract(doc) == []


# -- sentences assembled from real fragments ---------------------------------------------------------
FRAGMENTS = {
    "ko": ["미국 상무부는", "9일(현지시간)", "중국 기업과 기관 37개를", "우려거래자 목록(entity list)에", "추가한다고 밝혔다.",
           "\"블랙리스트에 올렸다\"", "화웨이(華爲)와", "SMIC, 텐센트 등", "명단은 다음과 같다:\n", "1. 캐멀 그룹\n",
           "제재 대상에는", "포함됐다.", "해제했다", "'신뢰할 수 없는 기업' 명단", "검토하고 있다", "(", ")", "·", ", "],
    "zh": ["美国商务部工业和安全局(BIS)", "宣布将", "11家中国公司", "列入实体清单！", "具体名单如下：\n", "1.Changji Esquel Textile Co. Ltd. (昌吉溢达纺织有限公司)\n",
           "其中包括", "海康威视、大华等企业", "“不可靠实体清单”", "禁止其从事与中国有关的进出口活动；", "外交部发言人表示", "采取反制措施",
           "《反外国制裁法》", "拟", "（", "）", "、", "。"],
    "en": ["The Commerce Department", "on Friday added", "Huawei and 68 affiliates", "to the Entity List.", "The companies include:\n",
           "- Alpha Trading Co. Ltd.\n", "\"We will not hesitate to add them,\" he said.", "including A, B and C", "Treasury sanctioned",
           "the list of unreliable entities", "could add", "removed from the blacklist", "(", ")", "; ", " and ", "Reuters reported."],
}
sentences = st.sampled_from(sorted(FRAGMENTS)).flatmap(
    lambda lang: st.tuples(st.just(lang), st.lists(st.sampled_from(FRAGMENTS[lang]), min_size=1, max_size=14).map("".join)))


@FUZZ
@given(sample=sentences)
def test_the_pipeline_gives_a_full_record_for_assembled_news_sentences(sample, nlp):
    lang, text = sample
    doc = nlp(text)
    assert not doc.errors, doc.errors         # no stage failed: a full record, not a partial one
    record = doc.to_dict()
    assert_offsets(record)
    ids = {e["id"] for e in record["entities"]}
    for event in record["events"]:
        assert set(event["targets"]) <= ids and (event["authority"] is None or event["authority"] in ids)


def test_a_list_defined_twice_in_the_catalogue_is_a_config_error(tmp_path):
    from pipeline.errors import ConfigError
    from pipeline.events.catalogue import load_catalogue

    entry = '[[list]]\nid = "x-list"\nname = "X"\nauthority = "nf:x"\nen = ["X list"]\n\n'
    path = tmp_path / "lists.toml"
    path.write_text(entry * 2, encoding="utf-8")
    with pytest.raises(ConfigError, match="x-list defined more than once"):
        load_catalogue(path)
    path.write_text(entry, encoding="utf-8")
    assert load_catalogue(path).entries["x-list"].name == "X"
