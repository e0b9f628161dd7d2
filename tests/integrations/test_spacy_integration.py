"""newsfacts records <-> spaCy Docs, the ``newsfacts`` spaCy component, displaCy rendering."""
from __future__ import annotations

import copy
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO, assert_offsets

spacy = pytest.importorskip("spacy")

from pipeline.integrations.spacy import (  # noqa: E402
    ENTS_KEY, EVENTS_KEY, SENTS_KEY, from_spacy, segment, to_spacy)

RECORDS = [json.loads(line) for line in
           (REPO / "tests" / "data" / "integration_records.jsonl").read_text("utf-8").splitlines()]
ARTICLES = {r["lang"]: r for r in RECORDS if "error" not in r}


@pytest.mark.parametrize("lang", ["ko", "zh", "en"])
def test_round_trip_keeps_every_span_and_value(lang):
    record = ARTICLES[lang]
    doc = to_spacy(record)
    assert doc.text == record["text"]
    back = from_spacy(doc)
    assert back == record
    assert_offsets(back)
    spans = doc.spans[ENTS_KEY]
    assert [(s.start_char, s.end_char, s.label_, s.id_) for s in spans] == [
        (e["start"], e["end"], e["type"], e["id"]) for e in record["entities"]]


@pytest.mark.parametrize("lang", ["ko", "zh", "en"])
def test_round_trip_through_docbin_bytes(lang):
    from spacy.tokens import DocBin

    record = ARTICLES[lang]
    nlp = spacy.blank("xx")
    data = DocBin(docs=[to_spacy(record, nlp)], store_user_data=True).to_bytes()
    (doc,) = DocBin().from_bytes(data).get_docs(nlp.vocab)
    assert from_spacy(doc) == record


def test_nested_entities_stay_in_span_group_and_ents_do_not_overlap():
    doc = to_spacy(ARTICLES["zh"])
    group = [(s.text, s.label_) for s in doc.spans[ENTS_KEY]]
    assert ("美国商务部", "GOV") in group and ("美国", "LOC") in group
    ents = [(e.text, e.label_) for e in doc.ents]
    assert ("美国商务部", "GOV") in ents and ("美国", "LOC") not in ents
    covered = [i for e in doc.ents for i in range(e.start, e.end)]
    assert len(covered) == len(set(covered))


def test_korean_without_tokens_splits_at_entity_boundaries():
    record = copy.deepcopy(ARTICLES["ko"])
    del record["tokens"]
    doc = to_spacy(record)
    assert from_spacy(doc) == record
    words = [t.text for t in doc]
    # "하이크비전의" (Hikvision + genitive particle) is one eojeol: the entity cuts it
    assert "하이크비전" in words and "의" in words
    assert "하이크비전의" not in words


def test_extensions_carry_norm_canonical_source_score():
    doc = to_spacy(ARTICLES["ko"])
    by_text = {s.text: s for s in reversed(doc.spans[ENTS_KEY])}  # first mention wins
    money = by_text["420억 달러"]
    assert money._.norm == {"value": 42000000000, "currency": "USD"}
    assert money._.source == "rule"
    firm = by_text["하이크비전"]
    assert firm.kb_id_ == "hikvision"
    assert firm._.canonical["names"]["zh"] == "海康威视"
    assert firm._.score == 0.95
    date = next(e for e in doc.ents if e.label_ == "DATE")
    assert date._.norm == {"value": "2019-10-08", "precision": "day"}


def test_events_as_span_group_and_extension():
    record = ARTICLES["en"]
    doc = to_spacy(record)
    (evidence,) = doc.spans[EVENTS_KEY]
    assert evidence.id_ == "E1" and evidence.label_ == "add"
    assert evidence.text.startswith("The U.S. Commerce Department on Monday added Hikvision")
    (event,) = doc._.newsfacts_events
    names = [doc.text[e["start"]:e["end"]] for e in record["entities"] if e["id"] in event["targets"]]
    assert names == ["Hikvision", "Dahua Technology", "Harbin Institute of Technology"]


def test_sentences_become_spacy_sentences():
    doc = to_spacy(ARTICLES["ko"])
    langs = {s.label_ for s in doc.spans[SENTS_KEY]}
    assert langs == {"ko"}
    starts = [s.start_char for s in doc.sents]
    assert [s["start"] for s in ARTICLES["ko"]["sentences"]] == starts


def test_segment_rebuilds_text_and_cuts_inside_whitespace_runs():
    text = "a  bc\n\nd"
    words, spaces = segment(text, {3}, {4})
    assert "".join(w + (" " if s else "") for w, s in zip(words, spaces)) == text
    assert "b" in words and "c" in words


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab中文하이 \n\u3000.", min_size=1, max_size=30), st.data())
def test_any_spans_align_on_any_text(text, data):
    """Whatever the text and spans (even ones starting or ending on whitespace), each is exact."""
    pairs = data.draw(st.lists(st.tuples(st.integers(0, len(text) - 1), st.integers(1, len(text))),
                               max_size=6))
    spans = sorted({(a, b) for a, b in pairs if a < b})
    record = {"schema": "1.0", "id": "p", "lang": data.draw(st.sampled_from(["ko", "zh", "en"])),
              "text": text, "meta": {}, "sentences": [],
              "entities": [{"id": f"T{i}", "text": text[a:b], "type": "ORG", "start": a, "end": b,
                            "source": "rule"} for i, (a, b) in enumerate(spans, 1)],
              "events": []}
    assert from_spacy(to_spacy(record)) == record


def test_error_record_is_refused():
    error = next(r for r in RECORDS if "error" in r)
    with pytest.raises(ValueError, match="error record"):
        to_spacy(error)


def test_displacy_renders_our_labels():
    from spacy import displacy

    from pipeline.integrations.spacy import displacy_options

    html = displacy.render(to_spacy(ARTICLES["zh"]), style="ent", options=displacy_options())
    for label in ("GOV", "FIRM", "MONEY", "PERCENT"):
        assert label in html
    assert "海康威视" in html and "150亿元人民币" in html


def test_doc_from_a_foreign_pipeline():
    from spacy.tokens import Span

    nlp = spacy.blank("en")
    doc = nlp("Tim Cook visited Beijing with Apple.")
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 3, 4, "GPE"), Span(doc, 5, 6, "PRODUCT")]
    record = from_spacy(doc)
    assert [(e["text"], e["type"]) for e in record["entities"]] == [
        ("Tim Cook", "PERSON"), ("Beijing", "LOC")]
    assert_offsets(record)


def test_component_runs_newsfacts_inside_a_user_pipeline(nlp):
    user_nlp = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    component = user_nlp.add_pipe("newsfacts")
    component._pipeline = nlp
    text = "미국 상무부는 8일 하이크비전을 엔티티 리스트에 올렸다. 화웨이도 포함됐다."
    doc = user_nlp(text)
    assert doc.text == text
    expected = nlp(text).to_dict()
    assert from_spacy(doc)["entities"] == expected["entities"]
    assert [(s.start_char, s.end_char) for s in doc.spans[SENTS_KEY]] == [
        (s["start"], s["end"]) for s in expected["sentences"]]
    for e in expected["entities"]:  # the user's eojeol tokens were split at entity boundaries
        span = doc.char_span(e["start"], e["end"], alignment_mode="strict")
        assert span is not None and span.text == e["text"]


@pytest.mark.slow
def test_factory_is_found_through_the_entry_point(tmp_path):
    """A user's script that never imports newsfacts: add_pipe, save, spacy.load, run."""
    code = ("import sys, spacy; nlp = spacy.blank('zh'); nlp.add_pipe('newsfacts'); "
            "nlp.to_disk(sys.argv[1]); nlp = spacy.load(sys.argv[1]); "
            "doc = nlp('美国商务部将海康威视列入实体清单。'); "
            "print(len(doc.spans['newsfacts_sentences']), doc._.newsfacts['lang'], "
            "'pipeline.integrations.spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "zh_pipeline")],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["1", "zh", "True"]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["ko", "zh", "en"])
def test_round_trip_of_the_default_pipeline_output(nlp, lang):
    fixture = ARTICLES[lang]
    doc = nlp(fixture["text"], **fixture["meta"])
    doc.id = fixture["id"]
    for record in (doc.to_dict(), doc.to_dict(frozenset({"tokens"}))):
        assert record["entities"], "the default pipeline found no entity"
        spacy_doc = to_spacy(record)
        assert from_spacy(spacy_doc) == record
        assert [(s.start_char, s.end_char) for s in spacy_doc.spans[ENTS_KEY]] == [
            (e["start"], e["end"]) for e in record["entities"]]
